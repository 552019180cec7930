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
# Material's result line is empty until its worker has the index and has answered the empty
# query of the focused box ("Skriv för att söka" / "Type to start searching").
_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() !== '';
}"""
# Notes any change to the results (meta line or list): Material redraws both for every answer.
_ARM = """() => {
  if (!window.__searchWatch) {
    window.__searchWatch = { changed: false };
    new MutationObserver(() => { window.__searchWatch.changed = true; })
      .observe(document.querySelector('.md-search-result'), { childList: true, subtree: true, characterData: true });
  }
  window.__searchWatch.changed = false;
}"""


def focus_search(page) -> None:
    """Focuses the search box with its keyboard shortcut, as a reader does."""
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


def _settled(page, selector: str, script: str) -> list[str]:
    """Reads the results until they stop changing: each key press is answered in turn."""
    page.locator(".md-search-result__item").first.wait_for()
    previous, current = None, page.eval_on_selector_all(selector, script)
    while current != previous:
        page.wait_for_timeout(150)
        previous, current = current, page.eval_on_selector_all(selector, script)
    return current


def search(page, query: str) -> list[str]:
    """Every result link (page or section, with ?h= dropped), best first, typed key by key."""
    type_query(page, query)
    return _settled(page, _LINKS, _ANSWERS)


def answers(page, query: str) -> list[str]:
    """Every page or section found, in the order the reader meets them, typed key by key."""
    return search(page, query)


# Asks every question in turn inside the page: the box gets the question and a keyup (Material
# searches on keyup, with the box's value), and the answer is read once the search worker has
# answered that question (Material's worker protocol, as material-seams.js knows it: QUERY,
# RESULT) and Material has drawn it: its own listener, added first, draws before ours reads. One
# round trip for hundreds of questions; the keyboard tests press real keys.
_ASK_ALL = """async ([queries, answers]) => {
  const box = document.querySelector('input.md-search__input');
  const read = new Function('els', 'return (' + answers + ')(els)');
  const links = () => read([...document.querySelectorAll('ITEMS')]);
  if (!Worker.prototype.__asked) {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.type === window.MaterialSeams.MESSAGE.QUERY && window.__asking) window.__asking(this, message.data);
      return post.call(this, message, ...rest);
    };
    Worker.prototype.__asked = true;
  }
  const { QUERY, RESULT } = window.MaterialSeams.MESSAGE;
  const out = {};
  for (const query of queries) {
    if (box.value !== query) {
      const answered = new Promise(resolve => {
        window.__asking = (worker, data) => {
          if (data !== query) return;
          const heard = event => {
            if (event.data && event.data.type === RESULT) { worker.removeEventListener('message', heard); resolve(); }
          };
          worker.addEventListener('message', heard);
        };
      });
      box.value = query;
      box.dispatchEvent(new KeyboardEvent('keyup', { key: 'End', bubbles: true }));
      await answered;
    }
    out[query] = links();
  }
  window.__asking = null;
  return out;
}""".replace("ITEMS", _LINKS)


def ask_all(page, queries: list[str]) -> dict[str, list[str]]:
    """Every question's answers (as ask() gives them), asked in the page in one go."""
    focus_search(page)
    page.wait_for_function(_READY)
    return page.evaluate(_ASK_ALL, [list(dict.fromkeys(queries)), _ANSWERS])


def ask(page, query: str) -> list[str]:
    """The answers to one question (see ask_all)."""
    return ask_all(page, [query])[query]
