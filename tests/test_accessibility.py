"""Promises about access and privacy, checked in Chromium: WCAG 2.1 AA by axe-core, the keyboard
alone, no request to anyone but the site, and an accessibility statement with every item.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from bs4 import BeautifulSoup

from tests.search import answers, type_query
from tests.test_content import article, section_text

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.1 A and AA, and axe's best practices, which Lighthouse's accessibility score counts too
# (a dialog without a name, a page without a main landmark ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
MOBILE = {"width": 375, "height": 740}


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the page as it is now."""
    page.evaluate(AXE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def every_url(site) -> list[str]:
    urls = [site.page_url(lang, page) for lang in site.languages for page in site.pages(lang)]
    return urls + [site.url + "ingen-sadan-sida/", site.url + "en/ingen-sadan-sida/"]


@pytest.mark.parametrize("viewport", [None, MOBILE], ids=["desktop", "mobile-375px"])
def test_axe_finds_no_wcag_21_aa_or_best_practice_violation_on_any_page_in_either_language(site, open_page, viewport):
    found = []
    for url in every_url(site):
        page, _, _ = open_page(url, **({"viewport": viewport} if viewport else {}))
        found += [f"{url}: {v}" for v in axe_violations(page)]
    assert found == []


def test_axe_finds_no_violation_with_search_open_and_results_showing(site, open_page):
    found = []
    for lang in site.languages:
        page, _, _ = open_page(site.url + lang.url_prefix())
        answers(page, "facebook")  # typed, and the results have settled
        page.wait_for_timeout(400)  # let the results' fade-in finish before colours are measured
        found += [f"{lang.name}: {v}" for v in axe_violations(page)]
    assert found == []


def test_no_request_leaves_the_site_while_reading_searching_and_switching_language(site, open_page):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    elsewhere = []
    for url in every_url(site):
        page, record, _ = open_page(url)
        if url in (site.url, site.url + "en/"):  # each start page: search, then switch language
            type_query(page, "konto")
            page.wait_for_timeout(300)
            page.keyboard.press("Escape")
            page.locator(".md-header .md-select").hover()
            page.locator(".md-select__link").last.click()
            page.wait_for_load_state("networkidle")
        elsewhere += [r for r in record.requests if not r.startswith(origin) and not r.startswith("data:")]
    assert elsewhere == []


def test_a_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(site, open_page):
    for lang in site.languages:
        page, _, _ = open_page(site.page_url(lang, "facebook-konton.md"))
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
        assert "md-skip" in focused[0], focused
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == focused[1]


def test_every_tab_stop_shows_a_visible_focus(site, open_page):
    page, _, _ = open_page(site.page_url(site.languages[0], "facebook-konton.md"))
    missing = []
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
            const el = document.activeElement, s = getComputedStyle(el);
            const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
              || s.textDecorationLine.includes('underline');
            const r = el.getBoundingClientRect();
            return {what: el.tagName + '.' + el.className + ' ' + (el.getAttribute('href') || ''), visible, shown: el !== document.body && r.width > 0 && r.height > 0};
        }""")
        if style["shown"] and not style["visible"]:
            missing.append(style["what"])
    page.keyboard.press("Escape")
    assert missing == []


def test_the_language_selector_works_with_the_keyboard_alone(site, open_page):
    page, _, _ = open_page(site.page_url(site.languages[0], "elever-och-brukare.md") + "#how-groups-work")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "en":
            break
    else:
        pytest.fail("the English entry of the language selector cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site.page_url(site.languages[1], "elever-och-brukare.md") + "#how-groups-work")


def test_the_navigation_works_with_the_keyboard_alone(site, open_page):
    page, _, _ = open_page(site.page_url(site.languages[0], "index.md"), viewport={"width": 1400, "height": 900})
    target = site.page_url(site.languages[0], "kontakta-oss.md")
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.href || ''")
        if href == target and page.evaluate("() => !!document.activeElement.closest('nav.md-nav--primary')"):
            break
    else:
        pytest.fail("the navigation link to Kontakta oss cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


DIGG_ITEMS = ["organisation", "service", "compliance-status", "known-problems", "dates", "method",
              "feedback", "report-to-digg", "exemptions", "outside-scope"]


def test_the_accessibility_statement_has_every_item_digg_requires_and_every_footer_links_to_it(site):
    for lang in site.languages:
        statement = site.html_file(lang, "tillganglighetsredogorelse.md")
        soup = BeautifulSoup(statement.read_text(encoding="utf-8"), "html.parser")
        for item in DIGG_ITEMS:
            heading = article(soup).find(id=item)
            assert heading is not None, f"{lang.name} statement: no #{item}"
            text = section_text(heading)
            assert len(text) >= 20, f"{lang.name} statement: #{item} is empty: {text!r}"
            assert not re.search(r"ännu inte fyllts i|not yet stated|<!--", text, re.I), f"{lang.name} #{item}: {text!r}"
        compliance = section_text(article(soup).find(id="compliance-status"))
        assert re.search(r"(helt|delvis|inte) förenlig med lagen \(2018:1937\)|is (fully|partially|not) compliant with the Act", compliance), compliance
        assert soup.find("a", href="https://www.digg.se/tdosanmalan") is not None
        for page in site.pages(lang):
            html = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
            link = html.select_one("footer .handbook-accessibility-link")
            assert link is not None, f"{lang.source_name(page)}: no footer link to the accessibility statement"
            target = (site.html_file(lang, page).parent / link["href"]).resolve()
            assert target == (statement.parent).resolve(), f"{lang.source_name(page)}: {link['href']}"
