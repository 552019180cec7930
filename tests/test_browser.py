"""Promises checked in a real browser (Debian's Chromium, driven by Playwright)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from handbook.search.search_command import engine_files
from tests.search import ask_all, search
from tests.test_content import article, heading_text


def all_pages(site):
    return [(lang, page) for lang in site.languages for page in site.pages(lang)]


def test_every_language_selector_entry_links_the_twin_page(site):
    for lang, page in all_pages(site):
        html_file = site.html_file(lang, page)
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for other in site.languages:
            link = soup.select_one(f"a.md-select__link[hreflang={other.locale}]")
            assert link is not None, f"{lang.source_name(page)}: no {other.name} entry"
            target = (html_file.parent / link["href"]).resolve() / "index.html"
            assert target == site.html_file(other, page).resolve(), f"{lang.source_name(page)}: {link['href']}"


def test_the_language_selector_lands_on_the_twin_page_and_section(site, open_page):
    # Every entry's link is checked above; here a reader switches, in both directions, from a
    # section, and lands on the same section of the twin.
    for lang, page in ((site.languages[0], "elever-och-brukare.md"), (site.languages[1], "facebook-konton.md")):
        soup = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
        section = article(soup).find_all("h2")[-1]["id"]
        browser_page, record, _ = open_page(site.page_url(lang, page) + "#" + section)
        other = next(o for o in site.languages if o != lang)
        browser_page.locator(".md-header .md-select").hover()
        browser_page.locator(f"a.md-select__link[hreflang={other.locale}]").click()
        browser_page.wait_for_url(site.page_url(other, page) + "#" + section)
        assert browser_page.locator("html").get_attribute("lang") == other.locale
        # Leaving a page cancels its unfinished downloads (net::ERR_ABORTED); that is not a failure.
        failed = [r for r in record.failed_requests if "ERR_ABORTED" not in r]
        assert record.console_errors == [] and failed == []


def test_searching_a_page_title_in_its_language_finds_that_page(site, open_page):
    for lang in site.languages:
        browser_page, record, _ = open_page(site.page_url(lang, "index.md"))
        titles = {page: heading_text(article(BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"),
                                                           "html.parser")).find("h1"))
                  for page in site.pages(lang)}
        # Asked in the search box in one go (the keyboard path has its own test in test_search.py).
        found = ask_all(browser_page, list(titles.values()))
        for page, title in titles.items():
            results = found[title]
            expected = site.page_url(lang, page)
            others = [site.url + o.url_prefix() for o in site.languages if o != lang and not o.default]
            assert all(r.startswith(site.url + lang.url_prefix()) and not r.startswith(tuple(others)) for r in results), (
                f"the {lang.name} search shows pages in another language: {results}"
            )
            assert any(r.split("#")[0] == expected for r in results[:3]), (
                f"searching {title!r} on the {lang.name} site did not find {lang.source_name(page)}: {results[:3]}"
            )
        assert record.console_errors == [] and record.failed_requests == []


def test_reading_a_page_downloads_no_sitemap_and_no_search_index_until_the_reader_searches(site, open_page):
    for lang in site.languages:
        browser_page, record, _ = open_page(site.page_url(lang, "facebook-konton.md"))
        index = site.url + lang.url_prefix() + "search/search_index.json"
        assert not any(r.endswith(("search_index.json", "sitemap.xml")) for r in record.requests), (
            f"the {lang.name} page fetched a search index or a sitemap on load: {record.requests}")
        assert not any("/workers/search." in r for r in record.requests), "Material's search code loaded on view"
        # The engine's entry and each of its modules (assets/javascripts/search/*.js).
        engine = [site.url + p.relative_to(site.dir).as_posix() for p in engine_files(site.dir)]
        assert not set(engine) & set(record.requests), f"the search engine's code loaded on view: {record.requests}"
        feedback = site.url + "assets/javascripts/search-feedback.js"
        assert feedback not in record.requests, "the log of missed searches loaded on view"
        results_js = site.url + "assets/javascripts/search-results.js"
        worker = site.url + "assets/javascripts/workers/handbook-search.js"
        assert results_js not in record.requests and worker not in record.requests, "the search's code loaded on view"
        results = search(browser_page, "facebook")  # "/" opens search, then the index and engine come
        assert index in record.requests and set(engine) <= set(record.requests) and results, (index, engine, record.requests)
        assert results_js in record.requests and worker in record.requests and feedback in record.requests, record.requests
        assert record.console_errors == [] and record.failed_requests == []


@pytest.mark.parametrize("prefix, heading", [("", "Sidan finns inte"), ("en/", "Page not found")])
def test_a_missing_page_answers_404_in_the_readers_language(site, open_page, prefix, heading):
    browser_page, record, response = open_page(site.url + prefix + "ingen-sadan-sida/")
    assert response.status == 404
    assert browser_page.locator("article h1").inner_text().strip().rstrip("¶").strip() == heading
    assert browser_page.locator("html").get_attribute("lang") == (prefix.strip("/") or "sv")
    # Besides the 404 document itself, nothing fails to load.
    assert [r for r in record.failed_requests if "ingen-sadan-sida" not in r] == []
