// The search worker that Material for MkDocs' search box talks to (handbook/
// material_seams.py names it in Material's app config, in place of Material's own worker,
// whose code and lunr are never loaded). The ranking is handbook-search-engine.js; Material's
// message protocol is in material-seams.js (part 1). Both are loaded with Material's first
// message, which comes with the search index when the reader reaches for search, not with every
// page view: Material starts this worker at once.
(function () {
  var engine = null;
  function load(file) {
    importScripts(new URL("../" + file, self.location.href).href);
  }
  self.addEventListener("message", function (event) {
    if (!self.MaterialSeams) load("material-seams.js");
    var reply = self.MaterialSeams.answer(event.data, function (index) {
      load("handbook-search-engine.js");
      engine = self.HandbookSearch.create(index);
    }, function (query) {
      return engine && query.trim() ? engine.search(query).groups : [];
    });
    if (reply) self.postMessage(reply);
  });
})();
