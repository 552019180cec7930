// The handbook's search worker (search-results.js starts it when the reader reaches for search).
// Messages: {type: "setup", index} fetches the language's index (its address) and builds the
// engine, handbook-search-engine.js and the modules it names (search/*.js, HandbookSearch.modules,
// loaded here in that order), then says {type: "ready"}; {type: "query", id, query} is answered
// {type: "answer", id, query, groups}: the pages found, best first, each as the reader meets its
// results ({rows, folded}, HandbookSearch.pageRows); a failure {type: "error", message}.
(function () {
  "use strict";
  var ready = null;
  function url(file) {
    return new URL("../" + file, self.location.href).href;
  }
  function setup(index) {
    importScripts(url("handbook-search-engine.js"));
    importScripts.apply(self, self.HandbookSearch.modules.map(url));
    return fetch(index, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(index + ": " + response.status);
      return response.json();
    }).then(function (data) {
      var engine = self.HandbookSearch.create(data);
      self.postMessage({ type: "ready" });
      return engine;
    });
  }
  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "setup" && !ready) ready = setup(message.index);
    if (message.type !== "query" || !ready) return;
    ready.then(function (engine) {
      var query = String(message.query || "");
      var groups = query.trim() ? engine.search(query).groups.map(self.HandbookSearch.pageRows) : [];
      self.postMessage({ type: "answer", id: message.id, query: query, groups: groups });
    }, function (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    });
  });
})();
