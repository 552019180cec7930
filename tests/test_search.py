"""Promises about search, in a real browser: the reader's language, word forms, typos, staff words."""

from __future__ import annotations

import pytest

from tests.test_browser import search

# (language, query, expected page or page#section among the first three results)
CASES = [
    ("sv", "kontona", "facebook-konton/"),
    ("sv", "kontot", "facebook-konton/"),
    ("sv", "facebok", "facebook-konton/"),
    ("sv", "fb", "facebook-konton/"),
    ("sv", "politiker", "fortroendevalda-och-chefer/"),
    ("sv", "kan jag vara vän med mina elever", "elever-och-brukare/#friends-with-pupils"),
    ("sv", "tystnadsplikten", "yttrandefrihet-och-regler/#secrecy-and-confidentiality"),
    ("en", "accounts", "en/facebook-konton/"),
    ("en", "account", "en/facebook-konton/"),
    ("en", "free speech", "en/yttrandefrihet-och-regler/"),
    ("en", "politician", "en/fortroendevalda-och-chefer/"),
    ("en", "can I be friends with my students", "en/elever-och-brukare/#friends-with-pupils"),
    ("en", "facebok", "en/facebook-konton/"),
]


@pytest.fixture(scope="module")
def search_pages(browser, server, site):
    """One open page per language, reused for every query."""
    context = browser.new_context()
    pages = {}
    for lang in site.languages:
        page = context.new_page()
        page.goto(site.url + lang.url_prefix())
        page.wait_for_load_state("networkidle")
        pages[lang.locale] = page
    yield pages
    context.close()


@pytest.mark.parametrize("locale, query, expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_word_forms_typos_and_staff_words_find_the_right_section(site, search_pages, locale, query, expected):
    results = search(search_pages[locale], query)
    top = [r[len(site.url):] for r in results[:3]]
    assert expected in top, (
        f"{query!r} ({locale}): expected {expected} in the top 3, got {top}"
    )


@pytest.mark.parametrize("locale, message, contact", [("sv", "Inga träffar", "kontakta-oss/"), ("en", "No results", "en/kontakta-oss/")])
def test_a_search_with_no_result_points_to_the_contact_page(site, search_pages, locale, message, contact):
    page = search_pages[locale]
    box = page.locator("input.md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")
    box.fill("")
    page.keyboard.type("zqxwvy")
    help_text = page.locator(".handbook-no-results")
    help_text.wait_for(state="visible")
    assert message in help_text.inner_text()
    link = help_text.locator("a")
    assert link.evaluate("a => a.href") == site.url + contact
