"""Driving the site's own search box in Chromium, as a reader does: keyboard only."""

from __future__ import annotations

# Every result link in the order the reader meets them, each once, with ?h= dropped: the rows
# shown, page by page, then those folded under "more on this page". A page's first row opens its
# best section, which is also the row under it: the answer counts once. (Where a page's first
# row opens the top of the page while sections are shown under it, as Material's own search
# does, the sections count: the reader reads them, not the title.)
_ANSWERS = """items => {
  const url = a => { const u = new URL(a.href); return u.origin + u.pathname + u.hash };
  const shown = [], folded = [];
  for (const item of items) {
    const rows = [...item.querySelectorAll(':scope > a.md-search-result__link')].map(url);
    const sections = rows.filter(u => u.includes('#'));
    shown.push(...(sections.length ? sections : rows));
    folded.push(...[...item.querySelectorAll(':scope > details a.md-search-result__link')].map(url));
  }
  return [...new Set([...shown, ...folded])];
}"""
_LINKS = ".md-search-result__item"
# Counts the questions Material posts to its search worker and the answers it gets back
# (Material's worker protocol, as material-seams.js knows it: QUERY, RESULT). The worker answers
# in turn, so once the last question posted is the one typed and the two counts are equal, that
# question is answered, and drawn: Material's own listener, added when it made the worker, draws
# before this one counts. (The result line is no sign: Material writes "Skriv för att söka"
# into it before its worker has answered anything, and an answer to the empty query of the
# focused box can still be on its way when the first question is typed.) Set up before the
# reader first reaches for search: the index is only requested then, and the worker only asked
# after it.
_WATCH = """() => {
  if (window.__searchCount) return;
  if (performance.getEntriesByType('resource').some(e => e.name.includes('search_index.json')))
    throw new Error('search started before tests/search.py could count its answers');
  const count = window.__searchCount = { posted: 0, answered: 0, last: null, onAnswer: null };
  const { QUERY, RESULT } = window.MaterialSeams.MESSAGE;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY) {
      if (!this.__counted) {
        this.__counted = true;
        this.addEventListener('message', e => {
          if (!(e.data && e.data.type === RESULT)) return;
          count.answered++;
          if (count.onAnswer) count.onAnswer();
        });
      }
      count.posted++;
      count.last = message.data;
    }
    return post.call(this, message, ...rest);
  };
}"""
_ANSWERED = """query => {
  const count = window.__searchCount;
  return count.last === query && count.answered === count.posted;
}"""

# Every question posted so far is answered.
_IDLE = """() => window.__searchCount.posted > 0 && window.__searchCount.answered === window.__searchCount.posted"""


def focus_search(page) -> None:
    """Focuses the search box with its keyboard shortcut, as a reader does."""
    page.evaluate(_WATCH)
    box = page.locator("input.md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")


def type_query(page, query: str) -> None:
    """Focuses search with its keyboard shortcut and types the query with real key presses."""
    box = page.locator("input.md-search__input")
    focus_search(page)
    box.fill("")
    page.keyboard.type(query)
    # Playwright types å, ä and ö without key events; Material searches on keyup.
    box.dispatch_event("keyup")


def search(page, query: str) -> list[str]:
    """Every result link (page or section, with ?h= dropped), best first, typed key by key."""
    type_query(page, query)
    page.wait_for_function(_ANSWERED, arg=query)
    return page.eval_on_selector_all(_LINKS, _ANSWERS)


def answers(page, query: str) -> list[str]:
    """Every page or section found, in the order the reader meets them, typed key by key."""
    return search(page, query)


# Asks every question in turn inside the page: the box gets the question and a keyup (Material
# searches on keyup, with the box's value), and the answer is read once the worker has answered
# it (_ANSWERED). One round trip for hundreds of questions; the keyboard tests press real keys.
_ASK_ALL = """async ([queries, answers, answered]) => {
  const box = document.querySelector('input.md-search__input');
  const read = new Function('els', 'return (' + answers + ')(els)');
  const done = new Function('query', 'return (' + answered + ')(query)');
  const links = () => read([...document.querySelectorAll('ITEMS')]);
  // Settled when the worker's answer to the question has been drawn: checked at each answer
  // (window.__searchCount.onAnswer), not by polling.
  const count = window.__searchCount;
  const settled = query => new Promise((resolve, reject) => {
    if (done(query)) return resolve();
    const timer = setTimeout(() => {
      count.onAnswer = null;
      reject(new Error(`search did not answer ${JSON.stringify(query)}`));
    }, 20000);
    count.onAnswer = () => {
      if (!done(query)) return;
      count.onAnswer = null;
      clearTimeout(timer);
      resolve();
    };
  });
  const out = {};
  for (const query of queries) {
    if (box.value !== query) {
      box.value = query;
      box.dispatchEvent(new KeyboardEvent('keyup', { key: 'End', bubbles: true }));
    }
    await settled(query);
    out[query] = links();
  }
  return out;
}""".replace("ITEMS", _LINKS)


def ask_all(page, queries: list[str]) -> dict[str, list[str]]:
    """Every question's answers (as search() gives them), asked in the page in one go."""
    focus_search(page)
    page.wait_for_function(_IDLE)  # e.g. the focused box's empty query answered
    return page.evaluate(_ASK_ALL, [list(dict.fromkeys(queries)), _ANSWERS, _ANSWERED])
