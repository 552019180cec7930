// The language selector's links already lead to this page's twin. This keeps the reader on the
// same section too (the #anchor is language-independent), and keeps Material's own handler,
// which looks pages up in a sitemap, from sending the reader to the start page instead
// (material-seams.js, seam "language selector click").
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && window.MaterialSeams &&
    event.target.closest(window.MaterialSeams.LANGUAGE_LINK);
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.stopPropagation();
  if (location.hash) {
    event.preventDefault();
    location.href = link.href.split("#")[0] + location.hash;
  }
}, true);
