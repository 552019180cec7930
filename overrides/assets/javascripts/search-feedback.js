// Missed searches, for the editors (issue #22; README "Search", deploy/README.md "The log of
// missed searches"). Loaded only when the setting search_feedback is on, and only once the
// reader reaches for search (search-dialog.js), never with the first view.
//
// The words of a search are sent to the site's own address, search-feedback at its root (e.g.
// /search-feedback?lang=sv&q=...&results=0&reason=none) when:
// - reason "none": the search found nothing, and the reader left the search, the page, or went
//   on to other words after a pause (words typed on from the same start are one search);
// - reason "left": results were shown, the reader opened none and left the search or the page;
// - reason "button": the reader pressed "Hittade du inte svaret?" / "Didn't find it?".
// At most once per distinct words and page view. Before they leave the browser the words are made
// safe (sanitise): no digits, e-mail addresses or @names, personal identity numbers, phone
// numbers or web addresses, only letters and a little punctuation, at most 100 characters. The
// request carries no cookie and no referrer (credentials "omit", referrerPolicy "no-referrer");
// nothing identifies the reader, and the server logs neither address nor browser.
(function (root) {
  "use strict";

  var LIMIT = 100;  // characters kept, at most
  var SPACE = /[\p{Zs}\t\n\v\f\r]+/gu;
  // Swedish personal identity numbers, with or without century and separator (19121212-1212,
  // 121212-1212, 121212+1212, 1212121212); phone numbers (0340-88 000, +46 70 123 45 67,
  // (0340) 88000); both also cover dates and other runs of digits.
  var PERSONAL_NUMBER = /(?:[0-9]{2})?[0-9]{6} ?[-+]? ?[0-9]{4}/g;
  var PHONE = /\+?\(?[0-9][0-9 ()\/.-]{4,}[0-9]/g;
  // Kept: letters (any script), their marks, spaces, and - ' ’ ? ! . , & #. Everything else,
  // digits, quotes, brackets, <, >, |, `, \, control and invisible characters included, goes.
  var OTHER = /[^\p{L}\p{M} \-'’?!.,&#]/gu;
  var LETTER = /[\p{L}\p{M}]/u;

  // A word that identifies someone or something: an e-mail address or @name, a web address.
  function identifying(word) {
    return word.indexOf("@") >= 0 || word.indexOf("/") >= 0 || /^www\./i.test(word);
  }

  // The words of a search as they may be sent and logged (tests/test_search_feedback.py runs the
  // same cases against this and handbook/search/search_report.py's sanitise).
  function sanitise(text) {
    var words = String(text == null ? "" : text).normalize("NFC").replace(SPACE, " ").split(" ");
    text = words.filter(function (w) { return !identifying(w); }).join(" ")
      .replace(PERSONAL_NUMBER, " ").replace(PHONE, " ").replace(OTHER, " ");
    words = text.split(" ").filter(function (w) { return LETTER.test(w); });
    return Array.from(words.join(" ")).slice(0, LIMIT).join("").trim();
  }

  var api = root.HandbookFeedback = { sanitise: sanitise, LIMIT: LIMIT };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var PAUSE_MS = 2000;  // words shown this long without results, then replaced, were a search
  // Each language's words (labels.<locale>.search.feedback_* in mkdocs.yml), written in by the
  // build (handbook/search/search_feedback.py).
  var LABELS = {};
  var here = document.currentScript;
  var labels = LABELS[document.documentElement.lang];
  // The address of the log: search-feedback at the site's root (this file is assets/javascripts/).
  var to = here && new URL("../../search-feedback", here.src).pathname;
  // The handbook's search dialog (overrides/partials/search.html, search-results.js).
  var dialog = document.querySelector("dialog.handbook-search");
  var input = dialog && dialog.querySelector(".handbook-search__input");
  var list = dialog && dialog.querySelector(".handbook-search__results");
  if (!labels || !to || !input || !list) return;
  var sent = new Set(), shown = null;  // shown: {q, results, at, opened}

  function send(search, reason) {
    var key = search && search.q.toLowerCase();
    if (!key || sent.has(key)) return;
    sent.add(key);
    var url = to + "?" + new URLSearchParams({
      lang: document.documentElement.lang, q: search.q, results: String(search.results), reason: reason
    });
    // Sent as navigator.sendBeacon sends (a POST that outlives the page), but without the host's
    // cookies and without the page's address as referrer, which sendBeacon cannot leave out.
    if (typeof fetch !== "function") return navigator.sendBeacon(url);
    fetch(url, { method: "POST", keepalive: true, credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" })
      .catch(function () {});
  }

  // The reader went away from these words without opening a result.
  function leave() {
    if (shown && !shown.opened) send(shown, shown.results === 0 ? "none" : "left");
  }

  // "Hittade du inte svaret?": a real button after the results, reached with Tab or with the
  // arrow keys like them (search-results.js), announced when pressed.
  var box = document.createElement("div");
  box.className = "handbook-feedback";
  box.hidden = true;
  var question = document.createElement("span");
  question.id = "handbook-feedback-question";
  question.textContent = labels.question;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";  // Material's button, inside .md-typeset
  button.textContent = labels.button;
  button.setAttribute("aria-describedby", question.id);
  var status = document.createElement("span");
  status.setAttribute("role", "status");
  box.append(question, " ", button, " ", status);
  list.after(box);

  button.addEventListener("click", function () {
    send(shown, "button");
    status.textContent = labels.sent;
    box.scrollIntoView({ block: "nearest" });
  });

  // Each answer the dialog draws: {query, results} (the pages found).
  dialog.addEventListener("handbook-search:answered", function (event) {
    var q = sanitise(event.detail.query), count = event.detail.results;
    if (shown && shown.q !== q && shown.results === 0 && !shown.opened && Date.now() - shown.at >= PAUSE_MS &&
        q.toLowerCase().indexOf(shown.q.toLowerCase()) !== 0) send(shown, "none");
    if (!q) shown = null;
    else if (!shown || shown.q !== q) shown = { q: q, results: count, at: Date.now(), opened: false };
    else shown.results = count;
    box.hidden = !(shown && count > 0);
    status.textContent = "";
  });

  // Opening a result is an answer: nothing is sent for those words (the no-results help's link
  // to the contact page is not a result).
  list.addEventListener("click", function (event) {
    if (shown && event.target instanceof Element && event.target.closest("a[href]")) shown.opened = true;
  }, true);
  // Leaving the search (Escape, the close button, a click beside it) or the page.
  dialog.addEventListener("close", leave);
  root.addEventListener("pagehide", leave);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") leave();
  });
})(typeof self !== "undefined" ? self : globalThis);
