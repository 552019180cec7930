// The handbook's search, on every page (README "Search"): the header's button and "/" open the
// search dialog (overrides/partials/search.html, a native <dialog>: focus stays in it, Escape
// closes it, focus goes back where it was). What only searching needs is fetched when the reader
// reaches for search (a pointer over the button, a touch, focus on it, or opening it), never with
// the first view: the scripts the page's config names (#__handbook, "search_scripts":
// search-results.js, and search-feedback.js with the setting search_feedback), which start the
// search worker and fetch the language's index.
(function () {
  "use strict";
  var dialog = document.querySelector("dialog.handbook-search");
  var button = document.querySelector("[data-handbook-search-open]");
  var config = document.getElementById("__handbook");
  if (!dialog || !button || !config) return;
  var input = dialog.querySelector("input[type=search]");
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    JSON.parse(config.textContent).search_scripts.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;  // in the order named
      document.head.append(script);
    });
  }
  function open() {
    load();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }
  button.addEventListener("click", open);
  ["pointerover", "touchstart", "focus"].forEach(function (type) {
    button.addEventListener(type, load, { passive: true });
  });
  // "/" opens search, except where the reader is typing (Material's shortcut, kept).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    var target = event.target;
    if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    open();
  });
  // Escape closes search, also from the box, where Chromium would first empty it.
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    dialog.close();
  });
  // A click on the dimmed page around the dialog closes it (the dialog's box is its inner part).
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
})();
