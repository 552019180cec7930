// The search worker that Material for MkDocs' search box talks to (overrides/main.html names it
// in the app config). The ranking is handbook-search-engine.js; this file only speaks Material's
// language. Its code (with lunr) is not loaded at all, so the first search fetches less.
//
// MATERIAL SEAM (Material for MkDocs 9.x, src/templates/assets/javascripts/integrations/search):
// 1. The worker protocol: messages {type, data} with SETUP = 0 (data: {config, docs, options},
//    the search_index.json that Material's bundle fetched), READY = 1, QUERY = 2 (data: the
//    text in the search box), RESULT = 3 (data: {items: [[item, ...], ...]}).
// 2. The result items: one array per page, each item {location, title, text, score, terms};
//    `terms` maps words to true (matched: they go into ?h= to be highlighted on the page) or
//    false (listed as "Saknas:" / "Missing:" under the item).
// 3. How Material's renderSearchResultItem draws one page's array: its first row is the entry
//    whose location has no "#" or, when every entry has one, the last entry; the entries that
//    score as high as the array's first follow with their text; the rest go under "more on
//    this page". The first row is what ArrowDown reaches first; Enter in the box opens the
//    row with the highest score (the first of equals).
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var engine = null;

  // One page's results as Material draws them: its first row opens the best section, so that
  // "/", typing, ArrowDown and Enter land on the answer, not on the top of the page.
  function pageItems(group) {
    var best = group.results[0];
    var terms = function (r) {
      var t = {};
      r.found.forEach(function (w) { t[w] = true; });
      r.missing.forEach(function (w) { t[w] = false; });
      return t;
    };
    // Sections the engine shows (see its answers()) get the best score, so that Material shows
    // them under the page's title; the others, below it, Material folds under "more on this page"
    // (a navigation section may score higher, yet come after: see the engine's search()).
    var item = function (r) {
      var score = r.shown ? best.score : Math.min(r.score, best.score * 0.99);
      return { location: r.location, title: r.title, text: r.text, score: score, terms: terms(r) };
    };
    if (best.isPage) return group.results.map(item);
    // The page's sections best first, then (drawn first, see 3. above) a row with the page's
    // title that opens the best section (the engine has left out the page's own entry).
    var sections = group.results.map(item);
    sections.push({
      location: best.location, title: best.pageTitle, text: "", score: best.score, terms: terms(best)
    });
    return sections;
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      // The engine's code comes with the index, when the reader reaches for search
      // (search-on-demand.js), not with every page view: Material starts this worker at once.
      importScripts(new URL("../handbook-search-engine.js", self.location.href).href);
      engine = self.HandbookSearch.create(message.data);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var found = engine && String(message.data || "").trim() ? engine.search(message.data) : null;
      self.postMessage({ type: RESULT, data: { items: found ? found.groups.map(pageItems) : [] } });
    }
  });
})();
