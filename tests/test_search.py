"""Promises about search: staff find answers to their questions, in their own language.

Question sets, reported separately:

- tests/search_cases.yml, the tuning set: questions written with the search words, and extended
  while search was tuned. Each must find its section in the top 3, 90 % first.
- The development sets: each written from the pages alone by someone who saw neither the search
  code nor the other sets. tests/search_held_out.yml, tests/search_held_out_2.yml,
  tests/search_held_out_3.yml, tests/search_held_out_5.yml, tests/search_held_out_6.yml and
  tests/search_held_out_7.yml were the held-out sets of rounds one to six, and
  tests/search_dev_4.yml was written for round three; they were tuned on, so they can no longer
  judge. Their figures are printed
  and must not fall below a floor, but they are not held to the issue's targets. They are asked
  through the editors' command (the built site's search code in Node.js), which is shown to
  answer as the search box does on the tuning and held-out sets, both asked in Chromium.
- tests/search_held_out_8.yml, the held-out set of round seven (issue #22): 50 questions per
  language, written from the published pages alone in the words staff use (slang, platform
  names, loanwords, whole situations), committed before round seven began, and never tuned on.
  It is held to a floor under its figures and to the issue's targets. Its results print figures
  only, never its questions (see handbook/search/search_quality.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.core.project import ROOT, WORDS_FILE, HandbookError
from handbook.search.search_command import SiteSearch, answer_locations
from handbook.search.search_quality import load_questions, score_questions
from handbook.search.search_words import load_search_words
from tests.conftest import IN_CI
from tests.search import answers, ask_all, type_query
from tests.test_content import article, heading_text

TESTS = Path(__file__).parent
CASES_FILE = TESTS / "search_cases.yml"
TOP_1_SHARE = 0.9
# The development sets (see the module's docstring) and the floor each must not fall below:
# (first, top 3, page in top 3, most questions without results), a few points under where the
# last round left it, against regressions.
DEVELOPMENT_FLOORS = {
    # round one's held-out set; round six left it at sv 100 / 100 / 100 %, en 93 / 100 / 100 %
    TESTS / "search_held_out.yml": {"sv": (0.88, 0.95, 0.96, 0), "en": (0.86, 0.95, 0.96, 0)},
    # round two's held-out set (its one measurement, end of round two: sv 79 / 91 / 96 %, en
    # 87 / 96 / 99 %); round six left it at sv 90 / 99 / 100 %, en 93 / 99 / 99 %
    TESTS / "search_held_out_2.yml": {"sv": (0.80, 0.94, 0.96, 0), "en": (0.86, 0.94, 0.96, 0)},
    # written for round three like the held-out sets (before round three: sv 83 / 89 / 96 %,
    # en 79 / 93 / 100 %); round six left it at sv 93 / 99 / 100 %, en 95 / 100 / 100 %
    TESTS / "search_dev_4.yml": {"sv": (0.85, 0.94, 0.96, 0), "en": (0.86, 0.95, 0.96, 0)},
    # round three's held-out set (its one measurement, end of round three: sv 77 / 90 / 96 %,
    # en 81 / 96 / 100 %); round six left it at sv 91 / 97 / 99 %, en 94 / 100 / 100 %
    TESTS / "search_held_out_3.yml": {"sv": (0.83, 0.93, 0.95, 0), "en": (0.84, 0.95, 0.96, 0)},
    # round four's held-out set (its one measurement, end of round four: sv 89 / 94 / 99 %, en
    # 83 / 94 / 99 %); round six left it at sv 93 / 97 / 100 %, en 93 / 99 / 100 %
    TESTS / "search_held_out_5.yml": {"sv": (0.86, 0.93, 0.96, 0), "en": (0.84, 0.94, 0.96, 0)},
    # round five's held-out set (its one measurement, end of round five: sv 84 / 97 / 100 %, en
    # 87 / 95 / 98 %); round six left it at sv 86 / 98 / 100 %, en 91 / 99 / 100 %
    TESTS / "search_held_out_6.yml": {"sv": (0.81, 0.94, 0.97, 0), "en": (0.85, 0.95, 0.97, 0)},
    # round six's held-out set (its one measurement, end of round six: sv 84 / 94 / 97 %, en
    # 79 / 93 / 97 %, one question without results)
    TESTS / "search_held_out_7.yml": {"sv": (0.80, 0.90, 0.94, 0), "en": (0.75, 0.89, 0.93, 1)},
}
# THE HELD-OUT SET of round seven, added before the round began. Never tune on it, never print
# its questions.
HELD_OUT_FILE = TESTS / "search_held_out_8.yml"
# The issue's targets, in each language (#22), in the floors' form: right section first 75 %, in
# the top 3 90 %, right page in the top 3 95 %, no question without results.
HELD_OUT_TARGETS = (0.75, 0.90, 0.95, 0)
# Its floor, a few points under its measurement at the end of round seven (sv 88 / 94 / 100 %, en
# 84 / 96 / 98 %, none without results; before round seven, on round six's engine: sv 88 / 92 /
# 100 %, en 84 / 96 / 98 %, none).
HELD_OUT_FLOOR = {"sv": (0.84, 0.90, 0.96, 0), "en": (0.80, 0.92, 0.94, 0)}
COMPARED = 5  # results compared between the browser and the editors' command


class _Unprinted(dict):
    """Answers to held-out questions: pytest shows a failing test's arguments, never these."""

    def __repr__(self) -> str:
        return f"<answers to {sum(len(v) for v in self.values())} held-out questions>"


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


def asked(site, search_pages, files, base: str = "") -> dict[str, dict[str, list[str]]]:
    """Every question of ``files``, asked once in the browser, in each language's open page of
    ``search_pages`` on the site at ``base`` (the test site's, by default): locale -> query ->
    locations in the language's search index ('facebook-konton/#one-account')."""
    found = {}
    for lang in site.languages:
        home = (base or site.url) + lang.url_prefix()
        queries = [case["query"] for path in files for case in load_questions(path, site.languages).get(lang.locale, [])]
        urls = ask_all(search_pages[lang.locale], queries)
        found[lang.locale] = {q: [u[len(home):] for u in urls[q]] for q in queries}
    return found


@pytest.fixture(scope="module")
def browser_answers(site, search_pages):
    """The tuning set's answers in the browser."""
    return asked(site, search_pages, (CASES_FILE,))


@pytest.fixture(scope="module")
def command_answers(site):
    """The development sets' answers from the editors' command: the built site's search code in
    Node.js, which test_the_editors_command_finds_what_the_search_box_finds shows to answer as
    the browser does (on the tuning and held-out sets). Faster than the browser by 10 s."""
    found = {}
    for lang in site.languages:
        queries = [case["query"] for path in DEVELOPMENT_FLOORS for case in load_questions(path, site.languages).get(lang.locale, [])]
        with SiteSearch(site.dir, lang) as node:
            found[lang.locale] = {q: answer_locations(node.ask(q)) for q in dict.fromkeys(queries)}
    return found


@pytest.fixture(scope="module")
def held_out_answers(site, search_pages):
    """The held-out set's answers in the browser, never printed; the set must be there in CI."""
    if not HELD_OUT_FILE.exists():
        message = f"HELD-OUT SEARCH TEST NOT RUN: {HELD_OUT_FILE.name} is missing."
        if IN_CI:
            pytest.fail(message + " In CI (CI=true) it must run.", pytrace=False)
        pytest.skip(message)
    return _Unprinted(asked(site, search_pages, (HELD_OUT_FILE,)))


def _lang(site, locale):
    return next(l for l in site.languages if l.locale == locale)


def test_every_question_and_search_word_names_a_real_section(site):
    sets = [(CASES_FILE, 30), *((path, 40) for path in DEVELOPMENT_FLOORS)]
    sets += [(HELD_OUT_FILE, 40)] if HELD_OUT_FILE.exists() else []
    for path, least in sets:
        questions = load_questions(path, site.languages)
        for lang in site.languages:
            assert len(questions[lang.locale]) >= least, f"{path.name}: fewer than {least} {lang.name} questions"
    load_search_words(ROOT / WORDS_FILE, ROOT / "docs", site.languages)


def test_an_unknown_section_in_the_search_cases_is_named_with_its_file_and_entry(site, tmp_path):
    bad = tmp_path / "search_cases.yml"
    bad.write_text('sv:\n  - query: "två konton"\n    expect: facebook-konton.md#two-accounts\n', encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_questions(bad, site.languages)
    assert "search_cases.yml: sv case 1 ('två konton'): 'facebook-konton.md#two-accounts'" in str(error.value)
    assert "has no section '#two-accounts'" in str(error.value)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_staff_questions_find_their_section_in_the_top_three_and_mostly_first(site, browser_answers, locale):
    lang = _lang(site, locale)
    score = score_questions(load_questions(CASES_FILE, site.languages)[locale], lang,
                            lambda q: browser_answers[locale][q])
    print(score.line(f"tuning set ({CASES_FILE.name}) {locale}"))
    assert score.misses == [], f"{len(score.misses)} {lang.name} case(s) not in the top 3:\n" + "\n".join(score.misses)
    assert score.share(score.first) >= TOP_1_SHARE, f"only {score.first}/{score.questions} {lang.name} cases have their section first"


def _measured(score) -> tuple:
    """(first, top 3, page in top 3, questions without results), as the floors are written."""
    return score.share(score.first), score.share(score.top3), score.share(score.page_top3), len(score.none)


def _below(figures: str, measured: tuple, floor: tuple, name: str = "floor") -> str | None:
    first, top3, page_top3, none = measured
    if first >= floor[0] and top3 >= floor[1] and page_top3 >= floor[2] and none <= floor[3]:
        return None
    return (f"{figures}; {name}: first {floor[0]:.0%}, top 3 {floor[1]:.0%}, page in top 3 {floor[2]:.0%}, "
            f"no results at most {floor[3]}")


@pytest.mark.parametrize("locale", ["sv", "en"])
@pytest.mark.parametrize("path", list(DEVELOPMENT_FLOORS), ids=lambda p: p.name)
def test_a_development_set_stays_where_the_last_round_left_it(site, command_answers, path, locale):
    """A development set's misses have been read (to learn the kinds of failure), so it cannot
    show what staff will get: it is reported, and held only to a floor against regressions."""
    lang = _lang(site, locale)
    score = score_questions(load_questions(path, site.languages)[locale], lang, lambda q: command_answers[locale][q])
    figures = score.line(f"development set ({path.name}) {locale}")
    print(figures)
    problem = _below(figures, _measured(score), DEVELOPMENT_FLOORS[path][locale])
    assert problem is None, problem


# ---------------------------------------------------------------------------------------------
# THE HELD-OUT SET (tests/search_held_out_8.yml): the issue's targets, on questions nobody tuned
# for. Figures only, never its questions: never tune on its misses.
# ---------------------------------------------------------------------------------------------

def _held_out_figures(site, held_out_answers, locale):
    lang = _lang(site, locale)
    score = score_questions(load_questions(HELD_OUT_FILE, site.languages)[locale], lang,
                            lambda q: held_out_answers[locale][q])
    figures = score.line(f"held-out set ({HELD_OUT_FILE.name}) {locale}")
    # Figures only: pytest would print the score's misses, and so the questions.
    return figures, _measured(score)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_held_out_questions_stay_at_least_where_they_were_measured(site, held_out_answers, locale):
    """A floor against regressions, a few points under the set's measured figures (HELD_OUT_FLOOR)."""
    figures, measured = _held_out_figures(site, held_out_answers, locale)
    print(figures)
    problem = _below(figures, measured, HELD_OUT_FLOOR[locale])
    if problem:
        pytest.fail(problem, pytrace=False)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_held_out_questions_meet_the_issues_targets(site, held_out_answers, locale):
    figures, measured = _held_out_figures(site, held_out_answers, locale)
    print(figures)
    problem = _below(figures, measured, HELD_OUT_TARGETS, "targets")
    if problem:
        pytest.fail(problem, pytrace=False)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_editors_command_finds_what_the_search_box_finds(site, browser_answers, request, locale):
    """handbook-search runs the built site's search code in Node.js: on every question of the
    tuning and held-out sets, its results are the search box's, in the same order."""
    lang = _lang(site, locale)
    asked = dict(browser_answers[locale])
    if HELD_OUT_FILE.exists():
        asked.update(request.getfixturevalue("held_out_answers")[locale])
    differ = []
    with SiteSearch(site.dir, lang) as node:
        for number, (query, browser) in enumerate(asked.items(), start=1):
            command = answer_locations(node.ask(query))
            if command[:COMPARED] != browser[:COMPARED]:
                differ.append(number)
    total = len(asked)
    del asked
    if differ:  # numbers only: some questions are held out
        pytest.fail(f"{len(differ)} of {total} {lang.name} questions differ (numbers {differ})", pytrace=False)


# Questions in the words staff use, from issue #22, with the section each must give first on the
# built site (through the editors' command, which answers as the search box does).
STAFF_QUESTIONS = [
    # what the whole handbook is about ("sociala medier", in its title) weighs little; the word
    # that tells the pages apart, in one page's title, carries the question
    ("sv", "chefen och sociala medier", "fortroendevalda-och-chefer/#prominent-role"),
    ("sv", "direktörer på sociala medier", "fortroendevalda-och-chefer/#prominent-role"),
    ("en", "managers and social media", "fortroendevalda-och-chefer/#prominent-role"),
    # a reader's word that the pages lack, by the lexicon (Synlex: gnälla -> klaga)
    ("sv", "får man gnälla", "yttrandefrihet-och-regler/#freedom-of-expression"),
]


@pytest.mark.parametrize("locale, question, expected", STAFF_QUESTIONS, ids=[q for _, q, _ in STAFF_QUESTIONS])
def test_a_question_in_staff_words_finds_its_section_first(site, locale, question, expected):
    with SiteSearch(site.dir, _lang(site, locale)) as node:
        found = answer_locations(node.ask(question))
    assert found[:1] == [expected], found[:3]


# A word that only the other language's pages have finds the section in the reader's language.
OTHER_LANGUAGE_WORDS = {"sv": ("feed", "senaste-andringar/#feed"),
                        "en": ("tystnadsplikt", "en/yttrandefrihet-och-regler/#secrecy-and-confidentiality")}


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_a_word_of_the_other_language_finds_the_section_in_the_readers_language_only(site, search_pages, locale):
    """In Chromium: "feed" on the Swedish site (only the English pages say it) gives the Swedish
    section, "tystnadsplikt" on the English site the English one; and every result of either
    stays in the reader's language."""
    word, expected = OTHER_LANGUAGE_WORDS[locale]
    other = next(l for l in site.languages if l.locale != locale)
    found = ask_all(search_pages[locale], [word, "sociala medier", "social media"])
    assert found[word][:1] == [site.url + expected]
    for urls in found.values():
        if other.default:  # the reader's language has its own prefix: every result is under it
            assert all(u.startswith(site.url + _lang(site, locale).url_prefix()) for u in urls), urls
        else:
            assert not any(u.startswith(site.url + other.url_prefix()) for u in urls), urls


def section_headings(site):
    """(language, page, section heading) for every H2 and H3 of the built site."""
    for lang in site.languages:
        for page in site.pages(lang):
            soup = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
            for heading in article(soup).find_all(["h2", "h3"]):
                yield lang, page, heading


def test_each_section_heading_finds_its_own_page(site, search_pages):
    headings = list(section_headings(site))
    found = {l.locale: ask_all(search_pages[l.locale], [heading_text(h) for lang, _, h in headings if lang == l])
             for l in site.languages}
    missing = []
    for lang, page, heading in headings:
        results = found[lang.locale][heading_text(heading)]
        if site.page_url(lang, page) not in [r.split("#")[0] for r in results[:3]]:
            missing.append(f"{lang.source_name(page)} #{heading['id']}: {results[:3]}")
    assert missing == []


def test_a_question_shaped_heading_comes_first_for_its_question(site, search_pages):
    questions = [(lang, page, heading) for lang, page, heading in section_headings(site)
                 if heading_text(heading).endswith("?")]
    found = {l.locale: ask_all(search_pages[l.locale], [heading_text(h).lower() for lang, _, h in questions if lang == l])
             for l in site.languages}
    wrong = []
    for lang, page, heading in questions:
        question = heading_text(heading)
        expected = site.page_url(lang, page) + "#" + heading["id"]
        got = found[lang.locale][question.lower()]
        if got[:1] != [expected]:
            wrong.append(f"{question!r}: {got[:2]}")
    assert wrong == []


def test_slash_typing_arrow_down_and_enter_open_the_answering_section(site, search_pages):
    page = search_pages["sv"]
    expected = site.url + "facebook-konton/#one-account"
    assert answers(page, "dubbla konton")[0] == expected  # "/", then typed with real key presses
    where = "() => { const u = new URL(document.activeElement.href); return u.origin + u.pathname + u.hash }"
    page.keyboard.press("ArrowDown")  # the first row: the page's title, opening its best section
    assert page.evaluate(where) == expected
    page.keyboard.press("Enter")
    page.wait_for_url(expected)
    page.goto(site.url)
    page.wait_for_load_state("networkidle")


def test_missing_lists_only_the_words_a_result_lacks(site, search_pages):
    """Under each result, "Saknas:" names the question's words that result does not have, never
    one it matched (by any form: "konton" matches "konto")."""
    page = search_pages["sv"]
    answers(page, "konto zqxwvy")
    lines = page.eval_on_selector_all(".handbook-search__missing", "els => els.map(e => e.textContent)")
    assert lines, "no result says which word it lacks"
    assert all("zqxwvy" in line and "konto" not in line for line in lines), lines


@pytest.mark.parametrize("locale, message, contact", [("sv", "Inga träffar", "kontakta-oss/"), ("en", "No results", "en/kontakta-oss/")])
def test_a_search_with_no_result_points_to_the_contact_page(site, search_pages, locale, message, contact):
    page = search_pages[locale]
    type_query(page, "zqxwvy")
    help_text = page.locator(".handbook-no-results")
    help_text.wait_for(state="visible")
    assert message in help_text.inner_text()
    link = help_text.locator("a")
    assert link.evaluate("a => a.href") == site.url + contact
    # It looks like a link: underlined, and in another colour than the sentence around it.
    style = link.evaluate("""a => { const s = getComputedStyle(a), p = getComputedStyle(a.parentElement);
        return [s.textDecorationLine, s.color, p.color]; }""")
    assert "underline" in style[0] and style[1] != style[2], style


def test_the_held_out_sets_misses_are_not_printed_without_asking_for_a_final_report(capsys):
    from handbook.search import search_quality

    assert search_quality.HELD_OUT == (HELD_OUT_FILE.name,)
    assert search_quality.main([str(HELD_OUT_FILE), "--misses"]) == 2
    assert f"{HELD_OUT_FILE.name} is a held-out set: its misses are not for tuning" in capsys.readouterr().err


# Every element the search dialog may draw from the index's text (search-results.js), and the
# attributes it gives them; anything else in the results came from the index's HTML.
_DRAWN = {"LI": {"class"}, "A": {"class", "href"}, "SPAN": {"class"}, "DETAILS": {"class"}, "SUMMARY": set(),
          "S": set(), "MARK": set(), "CODE": set(), "EM": set(), "STRONG": set(), "B": set(), "I": set()}
_HOSTILE_BATCH = 10
# What is wrong in one answer's result items: an element or attribute the dialog does not draw,
# a link off the site (read by tests.search.ask_all, with DRAWN below).
_INSPECT = """items => {
  const drawn = DRAWN, wrong = [];
  for (const el of items.flatMap(item => [item, ...item.querySelectorAll('*')])) {
    const allowed = drawn[el.tagName];
    if (!allowed) { wrong.push(el.outerHTML.slice(0, 120)); continue; }
    for (const a of el.attributes) if (!allowed.includes(a.name)) wrong.push(`${el.tagName} ${a.name}="${a.value}"`);
    if (el.tagName === 'A' && new URL(el.href).origin !== location.origin) wrong.push(`A href="${el.getAttribute('href')}"`);
  }
  return { results: items.length, wrong };
}"""


def _batch_word(number: int) -> str:
    """A word no page has, one per batch of hostile titles: zqxhb, zqxhc, ..."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
    return "zqxh" + letters


def test_hostile_text_in_the_search_index_is_drawn_as_text_never_as_markup(site, open_page):
    """The cheat sheets' vectors (tests/hostile_inputs.py: OWASP's XSS Filter Evasion Cheat Sheet,
    PortSwigger's XSS cheat sheet) as the titles and texts of an index served in place of the
    site's: the results hold only the elements and attributes the dialog draws (the engine's
    <mark>, code and emphasis, without attributes; links to the site), and nothing runs."""
    import json

    from tests.hostile_inputs import OWASP, PORTSWIGGER, inputs

    vectors = [h.markdown for h in inputs() if h.source in (OWASP, PORTSWIGGER)]
    assert len(vectors) > 100, len(vectors)
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = []
    for number, start in enumerate(range(0, len(vectors), _HOSTILE_BATCH)):
        word = _batch_word(number)
        words.append(word)
        index["docs"] += [{"location": f"zqx-{start + i}/", "title": f"{word} {v}", "text": f"<p>{word} {v}</p>"}
                          for i, v in enumerate(vectors[start:start + _HOSTILE_BATCH])]
    page, record, _ = open_page(site.url)
    page.context.route("**/search/search_index.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(index)))
    # Anything a vector would run calls one of these (and the CSP would report it).
    page.evaluate("() => { window.alert = window.prompt = window.confirm = () => { window.__ran = true; }; }")
    found = ask_all(page, words, read=_INSPECT.replace("DRAWN", json.dumps({k: sorted(v) for k, v in _DRAWN.items()})))
    assert all(f["results"] > 0 for f in found.values()), [w for w, f in found.items() if not f["results"]]
    wrong = [w for f in found.values() for w in f["wrong"]]
    assert wrong == [], f"{len(wrong)} element(s) or attribute(s) from the index in the results: {wrong[:10]}"
    assert page.evaluate("() => window.__ran === undefined"), "a vector ran"
    assert not [e for e in record.console_errors if "Content Security Policy" in e], record.console_errors
