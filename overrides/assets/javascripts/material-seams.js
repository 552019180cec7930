// MATERIAL SEAMS, JavaScript: everything in the handbook's scripts that depends on Material for
// MkDocs' exact JavaScript or page structure (Material 9.8, src/templates/assets/javascripts/),
// in one file. Material reaches end of life on 2027-05-05 (README, "When Material reaches end of
// life"): an upgrade, or its successor, means changing this file and nothing else of the
// handbook's JavaScript. tests/test_material_seams_js.py checks each seam, by its name below,
// against the code Material ships, and fails naming the seam when Material changes it; the
// browser tests (tests/test_browser.py, tests/test_accessibility.py) check what readers get.
// Seam "no Material search": search is the handbook's own (overrides/partials/search.html,
// search-dialog.js, search-results.js, workers/handbook-search.js) and knows nothing of
// Material; the partial, which Material's header includes in place of Material's own, has no
// form named "search" and no data-md-component="search", so Material's bundle neither fetches
// its index nor mounts its search.
//
// The first deferred <script> of every page (handbook/core/material_seams.py, `deferred_scripts`),
// before Material's bundle and the handbook's other scripts; the other seams, on the built pages,
// are in handbook/core/material_seams.py.
(function (root) {
  "use strict";
  var seams = root.MaterialSeams = {};

  // Seam "sitemap request": Material's bundle requests sitemap.xml next to every
  // <link rel="alternate"> of the page (for its own language selector), and the feed's link is
  // one: those requests are never sent, because the handbook's language selector links each
  // page's twin itself (language-switch.js).
  var SITEMAP = /\/sitemap\.xml$/;
  seams.REQUESTS = { sitemap: SITEMAP };

  // Seam "navigation drawer" (navigation-drawer.js): Material's hidden toggle that opens the
  // navigation drawer (#__drawer), the primary sidebar that is the drawer below 76.25em, the
  // header's <label> that opens it (which Tab never reaches), and the width from which the
  // sidebar is a sidebar (its bundle's "screen" media query).
  seams.DRAWER = {
    toggle: "__drawer", sidebar: ".md-sidebar--primary",
    label: ".md-header__button[for='__drawer']", wide: "(min-width: 76.25em)"
  };

  // Seam "language selector click" (language-switch.js): Material's bundle handles a click on a
  // link to another language itself, from a listener on document.body: it looks the page up in
  // that language's sitemap, and falls back to the start page. The handbook's script handles it
  // first, on the document in the capture phase. The links are the language selector's
  // (overrides/partials/alternate.html, with Material's class).
  seams.LANGUAGE_LINK = "a.md-select__link[hreflang]";

  if (typeof XMLHttpRequest === "undefined") return;
  var unsent = new WeakSet();
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (SITEMAP.test(new URL(url, location.href).pathname)) unsent.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!unsent.has(this)) return send.apply(this, arguments);
  };
})(typeof self !== "undefined" ? self : globalThis);
