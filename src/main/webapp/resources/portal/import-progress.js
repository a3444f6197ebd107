// The import page's progress bar: while the (non-AJAX) upload request of "Check the file" or "Import"
// runs, poll the session's progress and show it. The page is replaced when the request answers.
(function () {
  function start(form) {
    var box = document.getElementById('import-progress');
    if (!box) {
      return;
    }
    box.hidden = false;
    var bar = document.getElementById('import-progress-bar');
    var text = document.getElementById('import-progress-text');
    var url = box.getAttribute('data-url');
    function poll() {
      fetch(url, {credentials: 'same-origin', cache: 'no-store'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (p) {
            bar.value = p.percent;
            text.textContent = p.phase === 'reading' ? 'Uploading and reading the file…'
              : (p.phase === 'checking' ? 'Checking' : p.phase === 'writing' ? 'Saving' : 'Finishing')
                + ' row ' + p.done + ' of ' + p.total + ' (' + p.percent + ' %)';
          }
        })
        .catch(function () {})
        .finally(function () { setTimeout(poll, 400); });
    }
    setTimeout(poll, 200);
  }
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id === 'upload' || form.id === 'confirm') {
      start(form);
    }
  }, true);
})();
