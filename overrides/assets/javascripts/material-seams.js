// MATERIAL SEAMS, JavaScript: everything in the handbook's scripts that depends on Material for
// MkDocs' exact JavaScript protocol or page structure (Material 9.8, src/templates/assets/
// javascripts/), in one file. Material reaches end of life on 2027-05-05 (README, "When Material
// reaches end of life"): an upgrade, or its successor, means changing this file and nothing else
// of the handbook's JavaScript. tests/test_material_seams_js.py checks each seam, by its name
// below, against the code Material ships, and fails naming the seam when Material changes it;
// the browser tests (tests/test_search.py, tests/test_browser.py) check what readers get.
//
// One file, two places (the other seams, on the built pages: handbook/core/material_seams.py):
// - PART 1, the search worker: workers/handbook-search.js loads this file with importScripts when
//   Material sends its first message, and answers Material's search box through it;
// - PART 2, every page: the first deferred <script> (handbook/core/material_seams.py,
//   `deferred_scripts`), before Material's bundle and the handbook's other scripts.
(function (root) {
  "use strict";
  var seams = root.MaterialSeams = {};

  // =======================================================================================
  // PART 1: the search worker (Material: integrations/search/worker, templates/search)
  // =======================================================================================

  // Seam "worker message types": Material's bundle and its search worker exchange {type, data}
  // messages, the types numbered in the order of its SearchMessageType enum. SETUP's data is the
  // search index that Material's bundle fetched ({config, docs, options}); QUERY's the text in
  // the search box; RESULT's {items}; READY has none.
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  seams.MESSAGE = { SETUP: SETUP, READY: READY, QUERY: QUERY, RESULT: RESULT };

  // Seam "search result item": RESULT's items are one array per page, each entry
  // {location, title, text, score, terms}; `terms` maps words to true (matched: Material puts
  // them into ?h= to be highlighted on the page) or false (listed as "Saknas:" / "Missing:").
  function item(location, title, text, score, found, missing) {
    var terms = {};
    found.forEach(function (w) { terms[w] = true; });
    missing.forEach(function (w) { terms[w] = false; });
    return { location: location, title: title, text: text, score: score, terms: terms };
  }

  // Seam "search result rows": how Material's renderSearchResultItem draws one page's array. Its
  // first row is the entry whose location has no "#" (or, when every entry has one, the first);
  // the entries that score as high as the array's first follow with their text; the others go
  // under "more on this page". ArrowDown reaches the first row first; Enter in the box opens the
  // row of the first page with the highest score (data-md-score, the first of equals).
  // So: one page's results (the engine's group: its results best first, each with `shown`)
  // drawn so that the first row opens the best section ("/", typing, ArrowDown and Enter land on
  // the answer, not on the top of the page), and the sections the engine shows are shown.
  function pageItems(group) {
    var best = group.results[0];
    // Shown sections get the best score, so that Material shows them under the page's title;
    // the others, below it, Material folds under "more on this page".
    var entry = function (r) {
      var score = r.shown ? best.score : Math.min(r.score, best.score * 0.99);
      return item(r.location, r.title, r.text, score, r.found, r.missing);
    };
    if (best.isPage) return group.results.map(entry);
    // The page's sections best first, then (drawn first, see above) a row with the page's title
    // that opens the best section (the engine has left out the page's own entry).
    var rows = group.results.map(entry);
    rows.push(item(best.location, best.pageTitle, "", best.score, best.found, best.missing));
    return rows;
  }

  // The answer to one of Material's messages, or null: ``setup(index)`` builds the search from
  // the index, ``search(query)`` returns the engine's groups (results per page, best first).
  seams.answer = function (message, setup, search) {
    message = message || {};
    if (message.type === SETUP) {
      setup(message.data);
      return { type: READY };
    }
    if (message.type === QUERY) {
      return { type: RESULT, data: { items: search(String(message.data || "")).map(pageItems) } };
    }
    return null;
  };

  // =======================================================================================
  // PART 2: the page (Material: partials/search.html, header.html; its bundle's requests)
  // =======================================================================================

  // Seam "search box classes": the parts of Material's search dialog that the no-results help
  // (search-no-results.js) reads and joins: the result line, the result list, the search box.
  // Seam "search result keys" (search-feedback.js): in the open search, Material's arrow keys move
  // between the box and the result's links (focusable, in the result element); Tab and Escape
  // close it; it opens and closes it by clicking its toggle (#__search), so "change" fires.
  seams.SEARCH = {
    meta: ".md-search-result__meta", metaClass: "md-search-result__meta",
    list: ".md-search-result__list", input: "input.md-search__input",
    result: ".md-search-result",
    focusable: ":not(details) > [href], summary, details[open] [href]"
  };

  // Seam "search index request": Material's bundle requests search/search_index.json with
  // XMLHttpRequest as soon as a page loads, although most readers never search, and it costs
  // every page view the language's whole index (and Material starts its worker with it). The
  // request is held back until the reader reaches for search: pointer over the search box or
  // its button (seam "search box and button": .md-search, label[for=__search]), a touch on them,
  // or focus in the box, which Material's "/", "s" and "f" shortcuts give it; then it is sent.
  // Seam "sitemap request": Material's bundle also requests sitemap.xml next to every
  // <link rel="alternate"> of the page (for its own language selector), and the feed's link is
  // one: those requests are never sent, because the handbook's language selector links each
  // page's twin itself (language-switch.js).
  var INDEX = /\/search\/search_index\.json$/, SITEMAP = /\/sitemap\.xml$/;
  var REACH = ".md-search, label[for=__search]";
  seams.REQUESTS = { index: INDEX, sitemap: SITEMAP, reach: REACH };

  // Seam "navigation drawer" (navigation-drawer.js): Material's hidden toggle that opens the
  // navigation drawer (#__drawer) and the search's (#__search), the primary sidebar that is the
  // drawer below 76.25em, the header's <label> that opens it (which Tab never reaches), and the
  // width from which the sidebar is a sidebar (its bundle's "screen" media query).
  // Seam "search scroll lock": below 60em Material locks the page's scroll while search is open
  // (an attribute on <body>) and, when it closes, removes it and scrolls back to where the
  // reader was when search opened.
  seams.DRAWER = {
    toggle: "__drawer", searchToggle: "__search", sidebar: ".md-sidebar--primary",
    label: ".md-header__button[for='__drawer']", wide: "(min-width: 76.25em)",
    scrollLock: "data-md-scrolllock"
  };

  // Seam "language selector click" (language-switch.js): Material's bundle handles a click on a
  // link to another language itself, from a listener on document.body: it looks the page up in
  // that language's sitemap, and falls back to the start page. The handbook's script handles it
  // first, on the document in the capture phase. The links are the language selector's
  // (overrides/partials/alternate.html, with Material's class).
  seams.LANGUAGE_LINK = "a.md-select__link[hreflang]";

  if (typeof document === "undefined") return;  // the worker needs no more
  // On Zensical's pages (data-no-search, handbook/core/material_seams.py: zensical_page) only
  // the seams above: its bundle fetches its own search index and runs its own search.
  if (document.currentScript && document.currentScript.hasAttribute("data-no-search")) return;

  var held = [], started = false, deferred = new WeakSet(), unsent = new WeakSet();
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(url, location.href).pathname;
    if (INDEX.test(path)) deferred.add(this);
    if (SITEMAP.test(path)) unsent.add(this);
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
  // ``fn`` runs once the reader reaches for search (at once if they have): search-no-results.js
  // loads the code that only search needs then.
  seams.whenSearching = function (fn) {
    if (started) fn();
    else held.push(fn);
  };
  // The handbook's code that only search needs (search-no-results.js; search-feedback.js with the
  // setting search_feedback), named in the page's config (#__handbook), is fetched then too, not
  // with the first view.
  seams.whenSearching(function () {
    var config = document.getElementById("__handbook");
    (config ? JSON.parse(config.textContent).search_scripts || [] : []).forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      document.head.append(script);
    });
  });
  function reach(event) {
    if (event.target instanceof Element && event.target.closest(REACH)) start();
  }
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, reach, { capture: true, passive: true });
  });
})(typeof self !== "undefined" ? self : globalThis);
