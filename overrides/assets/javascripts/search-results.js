// The handbook's search dialog at work (overrides/partials/search.html; search-dialog.js loads
// this file when the reader reaches for search). The search worker (workers/handbook-search.js)
// fetches the language's index and runs the engine (handbook-search-engine.js and its modules);
// this file asks it each question as the reader types and draws the answer:
// - results in the reader's language only (each language has its own index);
// - each page's best sections first, those that score less folded under "N more on this page",
//   and under each result the words of the question it lacks ("Saknas:" / "Missing:");
// - Enter in the box opens the best result, the arrow keys move between the box and the results;
// - the status line (a live region) says how many pages were found, or, when nothing was, the
//   no-results help with the link to the contact page;
// - each answer drawn is told to the page as the event "handbook-search:answered" on the dialog,
//   {query, results}, and its query is in the dialog's data-answered (search-feedback.js, tests).
// Text from the index is drawn as text; only the engine's <mark> (and the index's code and
// emphasis) are kept as elements, without attributes (fragment, below).
(function () {
  "use strict";
  var dialog = document.querySelector("dialog.handbook-search");
  var config = JSON.parse(document.getElementById("__handbook").textContent);
  var input = dialog.querySelector(".handbook-search__input");
  var list = dialog.querySelector(".handbook-search__results");
  var output = dialog.querySelector(".handbook-search__output");
  var status = dialog.querySelector(".handbook-search__status");
  var count = status.querySelector(".handbook-search__count");
  var none = status.querySelector(".handbook-no-results");
  var words = status.dataset;
  var index = new URL(config.search_index, location.href);
  var root = new URL("..", index);  // the language's root: the index's locations are relative to it
  var worker = new Worker(config.search_worker);
  var asked = 0, openBest = false;

  worker.postMessage({ type: "setup", index: index.href });
  function ask() {
    delete dialog.dataset.answered;
    worker.postMessage({ type: "query", id: ++asked, query: input.value });
  }
  input.addEventListener("input", ask);
  worker.addEventListener("message", function (event) {
    var answer = event.data || {};
    if (answer.type === "error") return shown("", [], answer.message);
    if (answer.type === "answer" && answer.id === asked) shown(answer.query, answer.groups);
  });

  // The index's HTML as text, with only the elements named in KEPT, and none of their
  // attributes. Not parsed as HTML (an inert document would still report, to the CSP, the event
  // handlers of what it parses): its tags are read one by one, every other tag is dropped, and
  // the text between them is decoded as a <textarea>'s (entities only, never elements).
  var KEPT = { mark: 1, code: 1, em: 1, strong: 1, b: 1, i: 1 };
  var TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>/g;
  var decoder = document.createElement("textarea");
  function decoded(text) {
    decoder.innerHTML = text;
    return decoder.value;
  }
  function fragment(html) {
    var out = document.createDocumentFragment(), open = [out], at = 0, match;
    html = String(html || "");
    TAG.lastIndex = 0;
    while ((match = TAG.exec(html)) !== null) {
      if (match.index > at) open[open.length - 1].append(decoded(html.slice(at, match.index)));
      at = TAG.lastIndex;
      var name = (match[2] || "").toLowerCase();
      if (!KEPT[name]) continue;
      if (!match[1]) open.push(open[open.length - 1].appendChild(document.createElement(name)));
      else if (open.length > 1 && open[open.length - 1].localName === name) open.pop();
    }
    if (at < html.length) open[open.length - 1].append(decoded(html.slice(at)));
    return out;
  }
  function element(tag, className, children) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    (children || []).forEach(function (child) { if (child != null) el.append(child); });
    return el;
  }
  function plural(one, other, n) { return n === 1 ? one : other.replace("#", String(n)); }

  // One result: a link to its place, with its page's title on the page's first row.
  function link(result, first) {
    var a = element("a", "handbook-search__link", [
      first ? element("span", "handbook-search__page", [result.isPage ? fragment(result.title) : result.pageTitle]) : null,
      result.isPage && first ? null : element("span", "handbook-search__title", [fragment(result.title)]),
      result.text ? element("span", "handbook-search__text", [fragment(result.text)]) : null,
      result.missing.length ? element("span", "handbook-search__missing", [words.missing + ": "].concat(
        result.missing.map(function (w, i) { return element("s", "", [(i ? " " : "") + w]); }))) : null
    ]);
    a.href = new URL(result.location, root).href;
    return a;
  }
  // One page's results, as the worker sends them: its rows, then the others, folded.
  function page(group) {
    var item = element("li", "handbook-search__result", group.rows.map(function (r, i) { return link(r, i === 0); }));
    if (group.folded.length) {
      item.append(element("details", "handbook-search__more", [
        element("summary", "", [plural(words.moreOne, words.moreOther, group.folded.length)])
      ].concat(group.folded.map(function (r) { return link(r, false); }))));
    }
    return item;
  }

  // Opens the best result of the answer drawn.
  function openBestResult() {
    var best = list.querySelector("a[href]");
    if (best) best.click();
  }

  function shown(query, groups, failure) {
    list.replaceChildren.apply(list, groups.map(page));
    var empty = !query.trim();
    none.hidden = empty || groups.length > 0 || !!failure;
    count.hidden = !none.hidden;
    count.textContent = failure ? words.none : empty ? words.placeholder : plural(words.one, words.other, groups.length);
    dialog.dataset.answered = query;
    dialog.dispatchEvent(new CustomEvent("handbook-search:answered", { detail: { query: query, results: groups.length } }));
    if (openBest && query === input.value) {
      openBest = false;
      openBestResult();
    }
  }

  // The arrow keys' stops: the box, then every link and control after it that is shown (not the
  // no-results link or the feedback question while hidden, not a folded result).
  function stops() {
    return [input].concat(Array.from(output.querySelectorAll("a[href], summary, button")).filter(function (el) {
      var folded = el.parentElement.closest("details");
      return !el.closest("[hidden]") && (!folded || folded.open || el.parentElement === folded && el.tagName === "SUMMARY");
    }));
  }
  dialog.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Enter" && event.target === input) {
      event.preventDefault();  // the form would close the dialog
      if (dialog.dataset.answered === input.value) {
        openBestResult();
      } else {
        openBest = true;  // as soon as the question typed is answered
      }
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var all = stops(), at = all.indexOf(document.activeElement);
    if (at < 0 || all.length < 2) return;
    event.preventDefault();
    all[(at + (event.key === "ArrowDown" ? 1 : all.length - 1)) % all.length].focus();
  });
  // A click on a result closes the dialog, so that a result on the page open now (an anchor)
  // shows it.
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a[href]")) dialog.close();
  });
  if (input.value) ask();  // typed before this file had loaded
})();
