// The player's heartbeat: while the learner is on a step, its tab is visible and they did something in the last
// minute (a key, a click, a scroll, a touch), call the page's heartbeat command (a p:remoteCommand) every 15 s. It
// goes through the page's Faces form (its view state guards it like any other action) and the server decides what
// a heartbeat is worth (at most the time since the learner's previous one, capped): see docs/learning.md.
(function () {
  var INTERVAL = 15000;
  var IDLE_AFTER = 60000;
  var lastActive = Date.now();

  function active() {
    lastActive = Date.now();
  }

  ['keydown', 'pointerdown', 'scroll', 'wheel', 'touchstart', 'input', 'mousemove'].forEach(function (type) {
    window.addEventListener(type, active, {passive: true, capture: true});
  });

  function beat() {
    if (document.visibilityState !== 'visible' || Date.now() - lastActive > IDLE_AFTER) {
      return;
    }
    if (typeof window.trustportalHeartbeat === 'function') {
      window.trustportalHeartbeat();
    }
  }

  // first beat once the page has loaded: PrimeFaces sets up the page's CSP nonce, which every AJAX request must
  // carry, in a script that runs after this one. The learner just opened the step: the time since their previous
  // heartbeat counts (capped).
  window.addEventListener('load', function () {
    window.setTimeout(beat, 1000);
    window.setInterval(beat, INTERVAL);
  });
}());
