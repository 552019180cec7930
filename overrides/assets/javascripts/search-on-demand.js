// Search costs every page view the language's whole search index (and, in handbook-search.js,
// Material's worker code) although most readers never search. Material's bundle requests
// search/search_index.json as soon as a page loads: this holds that request back until the
// reader reaches for search (pointer over the search box or its button, a touch on them, or
// focus in the box, which Material's "/", "s" and "f" shortcuts give it), then sends it.
// Material also requests sitemap.xml next to every <link rel="alternate"> of the page (for its
// own language selector), and the feed's link is one: those requests are never sent, because
// the handbook's language selector links each page's twin itself (language-switch.js).
(function () {
  var held = [], started = false, index = /\/search\/search_index\.json$/, sitemap = /\/sitemap\.xml$/;
  var deferred = new WeakSet(), unsent = new WeakSet();
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(url, location.href).pathname;
    if (index.test(path)) deferred.add(this);
    if (sitemap.test(path)) unsent.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (unsent.has(request)) return;
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
