"""Driving the site's own search box in Chromium, as a reader does: keyboard only."""

from __future__ import annotations

# The answers in the order a reader meets them. Each result is one page: first the sections
# shown under its title (those that score as high as the page's best match), or the page itself
# when none does, then the sections under "more on this page".
_ANSWERS = """items => items.flatMap(item => {
  const url = a => { const u = new URL(a.href); return u.origin + u.pathname + u.hash };
  const shown = [...item.querySelectorAll(':scope > a.md-search-result__link')];
  const more = [...item.querySelectorAll(':scope > details a.md-search-result__link')];
  return [...(shown.length > 1 ? shown.slice(1) : shown), ...more].map(url);
})"""
# Every result link shown without expanding "more on this page", in order.
_LINKS = """els => els.map(a => { const u = new URL(a.href); return u.origin + u.pathname + u.hash })"""


def type_query(page, query: str) -> None:
    """Focuses search with its keyboard shortcut and types the query with real key presses."""
    box = page.locator("input.md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")
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
    """Every visible result link (page or section, with ?h= dropped), best first."""
    type_query(page, query)
    return _settled(page, ".md-search-result__item > a.md-search-result__link", _LINKS)


def answers(page, query: str) -> list[str]:
    """Every page or section found, in the order the reader meets them (see _ANSWERS)."""
    type_query(page, query)
    return _settled(page, ".md-search-result__item", _ANSWERS)
