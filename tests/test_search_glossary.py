"""Promises about the glossary of search_words.yml: the social-media words staff use, each with
its source, lead to the section the entry names; and an editor's mistake in an entry is named in
one line.

Each word of each entry is searched alone on the built site (the site's own search code in
Node.js, the editors' command, which test_search.py shows answers as the search box does). Its
section must be among the first three results, not necessarily first: a word alone, such as
"kidsen" or "boss", names what several sections talk about equally, and which of them comes
first is the ranking's call (the engine's own tests); the glossary promises that the word reaches
its section at all. A new entry gets its test from the file itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook.search.glossary import glossary_entries, said
from handbook.core.project import ROOT, WORDS_FILE, HandbookError, languages
from handbook.search.search_command import SiteSearch, answer_locations
from handbook.search.search_quality import expected_location
from handbook.search.search_words import load_search_words, language_synonym_groups

TOP = 3
# Words whose section today's search does not give in the first three, and why (strict: the
# test fails once the engine finds it, so that the mark is removed then).
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _words_file() -> dict:
    return yaml.safe_load((ROOT / WORDS_FILE).read_text(encoding="utf-8")) or {}


def _cases() -> list:
    cases = []
    for lang in languages():
        for entry in glossary_entries(_words_file(), lang.locale):
            words = entry["words"] if isinstance(entry["words"], list) else [entry["words"]]
            for word in words:
                reason = KNOWN_MISSES.get((lang.locale, word))
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                cases.append(pytest.param(lang.locale, word, entry["finds"], marks=marks, id=f"{lang.locale}-{word}"))
    return cases


@pytest.fixture(scope="module")
def search(site):
    """Ask one language's search a question, in Node.js, one process per language."""
    nodes = {lang.locale: SiteSearch(site.dir, lang).__enter__() for lang in site.languages}
    yield lambda locale, query: answer_locations(nodes[locale].ask(query))
    for node in nodes.values():
        node.__exit__()


@pytest.mark.parametrize("locale, word, finds", _cases())
def test_a_glossary_word_alone_finds_the_section_its_entry_names(search, locale, word, finds):
    lang = next(l for l in languages() if l.locale == locale)
    expected = expected_location(lang, finds)
    found = search(locale, word)[:TOP]
    assert expected in found, f"{locale} '{word}' should find {finds} in the first {TOP}; it finds {found}"


def test_the_glossary_covers_both_languages_and_reaches_search():
    data = load_search_words(ROOT / WORDS_FILE, ROOT / "docs", languages())
    for lang in languages():
        entries = glossary_entries(data, lang.locale)
        assert len(entries) >= 10, f"the {lang.name} glossary has only {len(entries)} entries"
        groups = language_synonym_groups(data, lang.locale)
        for entry in entries:
            assert [str(entry["means"] if isinstance(entry["means"], str) else entry["means"][0]).lower(),
                    *[w.lower() for w in entry["words"]]] in groups


# --- an editor's mistakes, each named in one line ---------------------------------------------

GOOD = {"words": ["insta"], "means": "instagram", "source": "Title, https://example.org/",
        "finds": "privat-personlig-och-professionell.md#personal-strategy"}


def _load(tmp_path: Path, entry, extra: str = "") -> str:
    words = tmp_path / "search_words.yml"
    words.write_text(extra + yaml.safe_dump({"glossary": {"sv": [entry]}}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_search_words(words, ROOT / "docs", languages())
    message = str(error.value)
    assert message.startswith("search_words.yml: glossary.sv entry 1"), message
    assert "\n" not in message, message
    return message


def test_a_good_entry_loads(tmp_path):
    words = tmp_path / "search_words.yml"
    words.write_text(yaml.safe_dump({"glossary": {"sv": [GOOD]}}), encoding="utf-8")
    assert load_search_words(words, ROOT / "docs", languages())["glossary"]["sv"] == [GOOD]


def test_an_unknown_section_in_finds_is_named_with_the_sections_there_are(tmp_path):
    message = _load(tmp_path, {**GOOD, "finds": "facebook-konton.md#two-accounts"})
    assert "(insta): finds: 'facebook-konton.md#two-accounts': facebook-konton.md has no section '#two-accounts'" in message
    assert "Use one of: one-account" in message


def test_an_unknown_page_in_finds_is_named(tmp_path):
    assert "names a page that does not exist" in _load(tmp_path, {**GOOD, "finds": "instagram.md#x"})


def test_a_means_word_no_page_says_is_refused(tmp_path):
    message = _load(tmp_path, {**GOOD, "means": "snapchat"})
    assert "(insta): means 'snapchat', which no sv page says" in message


def test_a_means_word_only_the_other_language_says_is_refused(tmp_path):
    assert "means 'pupils', which no sv page says" in _load(tmp_path, {**GOOD, "means": "pupils"})


def test_an_entry_without_a_source_is_refused_and_told_what_a_source_is(tmp_path):
    entry = {k: v for k, v in GOOD.items() if k != "source"}
    message = _load(tmp_path, entry)
    assert "(insta): has no 'source'. Add where the words come from: the title and address" in message


def test_an_empty_source_is_refused(tmp_path):
    assert "has no 'source'" in _load(tmp_path, {**GOOD, "source": ""})


def test_a_word_already_in_another_entry_is_named_with_that_entry(tmp_path):
    words = tmp_path / "search_words.yml"
    words.write_text(yaml.safe_dump({"glossary": {"sv": [GOOD, {**GOOD, "words": ["ig", "insta"]}]}}), encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_search_words(words, ROOT / "docs", languages())
    assert str(error.value) == ("search_words.yml: glossary.sv entry 2 (ig, insta): 'insta' is already in "
                                "glossary.sv entry 1 (insta). Write each word once: remove it from one of the two.")


def test_a_word_already_in_a_synonym_group_is_named_with_that_group(tmp_path):
    message = _load(tmp_path, GOOD, extra="sv:\n  synonyms:\n    - [instagram, insta]\n")
    assert "'insta' is already in sv.synonyms ['instagram', 'insta']" in message


def test_a_misspelt_field_is_named(tmp_path):
    entry = {**{k: v for k, v in GOOD.items() if k != "finds"}, "find": GOOD["finds"]}
    assert "unknown field 'find'" in _load(tmp_path, entry)


def test_an_entry_in_a_language_the_site_lacks_is_refused(tmp_path):
    words = tmp_path / "search_words.yml"
    words.write_text(yaml.safe_dump({"glossary": {"de": [GOOD]}}), encoding="utf-8")
    with pytest.raises(HandbookError, match="glossary.de: 'de' is not a language of the site"):
        load_search_words(words, ROOT / "docs", languages())


def test_a_word_is_said_in_any_form_and_as_a_phrase_in_order():
    pages = [["du", "postar", "inlägg", "i", "gruppen"], ["service", "users", "and", "pupils"]]
    assert said("posta", pages) and said("inlägg", pages) and said("service user", pages)
    assert not said("user service", pages) and not said("post", [["postadressen"]]) and not said("snapchat", pages)
