"""Driving the site's own search dialog in Chromium, as a reader does: keyboard only."""

from __future__ import annotations

# Every result link in the order the reader meets them, each once: the rows each page shows, page
# by page, then those folded under "N more on this page" (the order of the engine's answers()).
_ANSWERS = """items => {
  const url = a => { const u = new URL(a.href); return u.origin + u.pathname + u.hash };
  const shown = [], folded = [];
  for (const item of items) {
    shown.push(...[...item.querySelectorAll(':scope > a.handbook-search__link')].map(url));
    folded.push(...[...item.querySelectorAll(':scope > details a.handbook-search__link')].map(url));
  }
  return [...new Set([...shown, ...folded])];
}"""
_ITEMS = ".handbook-search__result"
# The dialog's data-answered is the question whose answer it has drawn; search-results.js removes
# it when a new question is asked, so it names the box's question only once that is answered.
_ANSWERED = """query => {
  const dialog = document.querySelector('dialog.handbook-search');
  return dialog.dataset.answered === query && dialog.querySelector('input').value === query;
}"""


def focus_search(page) -> None:
    """Opens search with its keyboard shortcut, as a reader does (the index is fetched only then)."""
    if page.evaluate("document.querySelector('dialog.handbook-search').open"):
        return
    if page.evaluate("performance.getEntriesByType('resource').some(e => e.name.includes('search_index.json'))"):
        raise AssertionError("the search index was fetched before the reader reached for search")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('dialog[open] input[type=search]')")


def type_query(page, query: str) -> None:
    """Opens search with its keyboard shortcut and types the query with real key presses."""
    focus_search(page)
    page.locator("input.handbook-search__input").fill("")
    page.keyboard.type(query)


def search(page, query: str) -> list[str]:
    """Every result link, best first, typed key by key."""
    type_query(page, query)
    page.wait_for_function(_ANSWERED, arg=query)
    return page.eval_on_selector_all(_ITEMS, _ANSWERS)


def answers(page, query: str) -> list[str]:
    """Every page or section found, in the order the reader meets them, typed key by key."""
    return search(page, query)


# Asks every question in turn inside the page: the box gets the question and an input event (as
# typing gives it), and the answer is read once the dialog has drawn it (the event
# handbook-search:answered for that question). One round trip for hundreds of questions; the
# keyboard tests press real keys.
_ASK_ALL = """async ([queries, answers]) => {
  const dialog = document.querySelector('dialog.handbook-search');
  const box = dialog.querySelector('input');
  const read = new Function('els', 'return (' + answers + ')(els)');
  const links = () => read([...document.querySelectorAll('ITEMS')]);
  const answered = query => new Promise((resolve, reject) => {
    if (dialog.dataset.answered === query) return resolve();
    const timer = setTimeout(() => reject(new Error(`search did not answer ${JSON.stringify(query)}`)), 20000);
    dialog.addEventListener('handbook-search:answered', function drawn(event) {
      if (event.detail.query !== query) return;
      dialog.removeEventListener('handbook-search:answered', drawn);
      clearTimeout(timer);
      resolve();
    });
  });
  const out = {};
  for (const query of queries) {
    if (box.value !== query) {
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await answered(query);
    out[query] = links();
  }
  return out;
}""".replace("ITEMS", _ITEMS)


def ask_all(page, queries: list[str], read: str = _ANSWERS) -> dict:
    """Every question's answers (as search() gives them), asked in the page in one go; with
    ``read``, what that JavaScript function makes of each answer's result items instead."""
    focus_search(page)
    return page.evaluate(_ASK_ALL, [list(dict.fromkeys(queries)), read])
