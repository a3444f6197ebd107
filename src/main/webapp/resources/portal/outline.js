// The course outline's button on phones (<= 600 px): shows and hides the outline, saying which in aria-expanded.
// On wider screens the outline is always shown beside the step and the button is hidden (learning.css).
(function () {
  var button = document.getElementById('outline-toggle');
  var outline = document.getElementById('outline');
  if (!button || !outline) {
    return;
  }
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    outline.classList.toggle('open', open);
  });
}());
