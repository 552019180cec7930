// When a search finds nothing, say so in the reader's language and point to the contact page.
// Material's search dialog is known only through material-seams.js, which loads this file when
// the reader reaches for search.
(function () {
  var search = self.MaterialSeams && self.MaterialSeams.SEARCH;
  var settings = JSON.parse(document.getElementById("__handbook").textContent);
  var meta = search && document.querySelector(search.meta);
  var input = search && document.querySelector(search.input);
  if (!meta || !input) return;
  var help = document.createElement("p");
  help.className = search.metaClass + " handbook-no-results";
  help.hidden = true;
  var link = document.createElement("a");
  link.textContent = settings.contact_label;
  help.append(settings.no_results + ": ", link, ".");
  meta.after(help);
  function update() {
    var list = document.querySelector(search.list);
    help.hidden = !(input.value.trim() && list && list.children.length === 0);
    meta.hidden = !help.hidden;
    // A hidden link must not be a stop for Material's arrow-key navigation of the results.
    if (help.hidden) link.removeAttribute("href");
    else link.href = settings.contact_url;
  }
  // Loaded when the reader reaches for search (material-seams.js): a search may have answered.
  update();
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
})();
