"""Promises about search: staff find answers to their questions, in their own language.

The questions and their expected sections are in tests/search_cases.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.project import ROOT, WORDS_FILE, HandbookError, section_reference_problem
from handbook.search_words import load_search_words
from tests.search import answers, search, type_query
from tests.test_content import article, heading_text

CASES_FILE = Path(__file__).parent / "search_cases.yml"
TOP_1_SHARE = 0.9


def load_cases(path: Path, langs) -> dict[str, list[dict]]:
    """The cases per locale, each naming a real page#section, or an error naming file and entry."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    locales = [lang.locale for lang in langs]
    problems = []
    for locale, cases in data.items():
        if locale not in locales:
            problems.append(f"{path.name}: '{locale}' is not a language of the site ({', '.join(locales)}).")
            continue
        for number, case in enumerate(cases, start=1):
            problem = section_reference_problem(case.get("expect", ""), ROOT / "docs", langs)
            if problem or not str(case.get("query", "")).strip():
                problems.append(f"{path.name}: {locale} case {number} ({case.get('query')!r}): {problem or 'has no query'}")
    if problems:
        raise HandbookError("\n".join(problems))
    return data


def expected_url(site, lang, target: str) -> str:
    page, _, section_id = target.partition("#")
    return site.page_url(lang, page) + (f"#{section_id}" if section_id else "")


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


def test_every_search_case_and_search_word_names_a_real_section(site):
    cases = load_cases(CASES_FILE, site.languages)
    for lang in site.languages:
        assert len(cases[lang.locale]) >= 30, f"{CASES_FILE.name}: fewer than 30 {lang.name} cases"
    load_search_words(ROOT / WORDS_FILE, ROOT / "docs", site.languages)


def test_an_unknown_section_in_the_search_cases_is_named_with_its_file_and_entry(site, tmp_path):
    bad = tmp_path / "search_cases.yml"
    bad.write_text('sv:\n  - query: "två konton"\n    expect: facebook-konton.md#two-accounts\n', encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_cases(bad, site.languages)
    assert "search_cases.yml: sv case 1 ('två konton'): 'facebook-konton.md#two-accounts'" in str(error.value)
    assert "has no section '#two-accounts'" in str(error.value)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_staff_questions_find_their_section_in_the_top_three_and_mostly_first(site, search_pages, locale):
    lang = next(l for l in site.languages if l.locale == locale)
    cases = load_cases(CASES_FILE, site.languages)[locale]
    first, misses = 0, []
    for case in cases:
        expected = expected_url(site, lang, case["expect"])
        got = answers(search_pages[locale], case["query"])
        if got[:1] == [expected]:
            first += 1
        elif expected not in got[:3]:
            misses.append(f"{case['query']!r}: expected {case['expect']}, got {[g[len(site.url):] for g in got[:3]]}")
    share = first / len(cases)
    assert misses == [], f"{len(misses)} {lang.name} case(s) not in the top 3:\n" + "\n".join(misses)
    assert share >= TOP_1_SHARE, f"only {first}/{len(cases)} {lang.name} cases have their section first"


def section_headings(site):
    """(language, page, section heading) for every H2 and H3 of the built site."""
    for lang in site.languages:
        for page in site.pages(lang):
            soup = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
            for heading in article(soup).find_all(["h2", "h3"]):
                yield lang, page, heading


def test_each_section_heading_finds_its_own_page(site, search_pages):
    missing = []
    for lang, page, heading in section_headings(site):
        results = search(search_pages[lang.locale], heading_text(heading))
        if site.page_url(lang, page) not in [r.split("#")[0] for r in results[:3]]:
            missing.append(f"{lang.source_name(page)} #{heading['id']}: {results[:3]}")
    assert missing == []


def test_a_question_shaped_heading_comes_first_for_its_question(site, search_pages):
    wrong = []
    for lang, page, heading in section_headings(site):
        question = heading_text(heading)
        if not question.endswith("?"):
            continue
        expected = site.page_url(lang, page) + "#" + heading["id"]
        got = answers(search_pages[lang.locale], question.lower())
        if got[:1] != [expected]:
            wrong.append(f"{question!r}: {got[:2]}")
    assert wrong == []


def test_the_keyboard_alone_opens_a_result_at_its_section(site, search_pages):
    page = search_pages["sv"]
    expected = site.url + "facebook-konton/#one-account"
    assert answers(page, "dubbla konton")[0] == expected  # typed with real key presses
    where = "() => { const u = new URL(document.activeElement.href); return u.origin + u.pathname + u.hash }"
    page.keyboard.press("ArrowDown")  # the first result's page
    assert page.evaluate(where) == site.url + "facebook-konton/"
    page.keyboard.press("ArrowDown")  # its best section
    assert page.evaluate(where) == expected
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?")[0] == site.url + "facebook-konton/" and url.endswith("#one-account"))
    page.goto(site.url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("locale, message, contact", [("sv", "Inga träffar", "kontakta-oss/"), ("en", "No results", "en/kontakta-oss/")])
def test_a_search_with_no_result_points_to_the_contact_page(site, search_pages, locale, message, contact):
    page = search_pages[locale]
    type_query(page, "zqxwvy")
    help_text = page.locator(".handbook-no-results")
    help_text.wait_for(state="visible")
    assert message in help_text.inner_text()
    assert help_text.locator("a").evaluate("a => a.href") == site.url + contact
