// Search costs every page view the language's whole search index (and, in handbook-search.js,
// Material's worker code) although most readers never search. Material's bundle requests
// search/search_index.json as soon as a page loads: this holds that request back until the
// reader reaches for search (pointer over the search box or its button, a touch on them, or
// focus in the box, which Material's "/", "s" and "f" shortcuts give it), then sends it.
(function () {
  var held = [], started = false, index = /\/search\/search_index\.json$/;
  var deferred = new WeakSet(), open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (index.test(new URL(url, location.href).pathname)) deferred.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (started || !deferred.has(request)) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };
  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (go) { go(); });
  }
  function reach(event) {
    if (event.target instanceof Element && event.target.closest(".md-search, label[for=__search]")) start();
  }
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, reach, { capture: true, passive: true });
  });
})();
