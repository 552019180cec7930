// The search worker that Material for MkDocs' search box talks to (handbook/
// material_seams.py names it in Material's app config, in place of Material's own worker,
// whose code and lunr are never loaded). The ranking is handbook-search-engine.js and the
// modules it names (search/*.js, HandbookSearch.modules, loaded here in that order); Material's
// message protocol is in material-seams.js (part 1). All are loaded with Material's first
// message, which comes with the search index when the reader reaches for search, not with every
// page view: Material starts this worker at once.
(function () {
  var engine = null;
  function url(file) {
    return new URL("../" + file, self.location.href).href;
  }
  self.addEventListener("message", function (event) {
    if (!self.MaterialSeams) importScripts(url("material-seams.js"));
    var reply = self.MaterialSeams.answer(event.data, function (index) {
      importScripts(url("handbook-search-engine.js"));
      importScripts.apply(self, self.HandbookSearch.modules.map(url));
      engine = self.HandbookSearch.create(index);
    }, function (query) {
      return engine && query.trim() ? engine.search(query).groups : [];
    });
    if (reply) self.postMessage(reply);
  });
})();
