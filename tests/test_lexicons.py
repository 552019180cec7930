"""Promises of the lexicon links (handbook/search/lexicons.py): a reader's word from a real thesaurus
leads to a word the handbook says, one step, never from a word the handbook itself says, and
never through a link the stop list keeps out; the committed subset is read the same way every
time and needs no Debian package to build."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from handbook.search import lexicons
from handbook.search.lexicons import (
    dictionary_forms, format_subset, links, load_stop_list, parse_subset, read_mythes, read_wordnet,
    related_words, stem, subset,
)
from handbook.core.project import HandbookError

SYNLEX_LIKE = ("ISO-8859-1\n"
               "gnälla|1\n|knorra|klaga|gny\n"
               "klaga|1\n|gnälla|jämra\n"
               "grupp|2\n|gäng|flock\n(subst)|enhet|avsäga sig tronen\n"
               "enhet|1\n|grupp|avdelning\n")


def write_mythes(path, text: str = SYNLEX_LIKE):
    path.write_bytes(text.encode("iso-8859-1"))
    return path


def test_the_thesaurus_reader_reads_mythes_entries_in_iso_8859_1(tmp_path):
    entries = read_mythes(write_mythes(tmp_path / "th_sv.dat"))
    assert entries["gnälla"] == ["knorra", "klaga", "gny"]
    assert entries["grupp"] == ["gäng", "flock", "enhet", "avsäga sig tronen"]  # every sense line, in order


def test_a_thesaurus_file_that_is_not_mythes_is_named_with_its_line(tmp_path):
    path = write_mythes(tmp_path / "th.dat", "ISO-8859-1\ngnälla|1\n|klaga\nno count here\n")
    with pytest.raises(HandbookError, match=r"th\.dat:4: 'no count here' is not a MyThes entry"):
        read_mythes(path)


def write_wordnet(directory):
    """A tiny WordNet: 'boss' has two tagged senses (a manager; to boss), 'coach' the sports coach
    first; 'same' a noun sense (the Sami people) never seen in the tagged corpus."""
    directory.mkdir()
    (directory / "index.noun").write_text(
        "  1 header line\n"
        "boss n 2 0 2 2 00000001 00000002\n"
        "chief n 1 0 1 1 00000001\n"
        "coach n 2 0 2 2 00000003 00000004\n"
        "manager n 2 0 2 2 00000004 00000003\n"
        "same n 1 0 1 0 00000005\n"
        "sami n 1 0 1 1 00000005\n", encoding="utf-8")
    (directory / "data.noun").write_text(
        "  1 header line\n"
        "00000001 18 n 02 boss 0 chief 0 000 | a person who is in charge\n"
        "00000002 18 n 01 boss 0 000 | a stud\n"
        "00000003 18 n 01 coach 0 000 | a carriage\n"
        "00000004 18 n 02 coach 0 manager 0 000 | (sports) someone in charge of a team\n"
        "00000005 18 n 02 Sami 0 same 0 000 | a people\n", encoding="utf-8")
    for pos in ("verb", "adj", "adv"):
        (directory / f"index.{pos}").write_text("", encoding="utf-8")
        (directory / f"data.{pos}").write_text("", encoding="utf-8")
    return directory


def test_wordnet_links_only_words_commonest_senses_seen_in_its_tagged_corpus(tmp_path):
    entries = read_wordnet(write_wordnet(tmp_path / "wordnet"), max_sense=1)
    assert entries["boss"] == ["chief"]
    assert "manager" not in entries.get("coach", [])  # the sports sense is coach's second
    assert "same" not in entries and "sami" not in entries  # an untagged sense counts for nothing


def test_the_subset_is_the_same_whatever_order_the_thesaurus_comes_in():
    thesaurus = read_mythes_text(SYNLEX_LIKE)
    pages = Counter({"klaga": 1, "grupper": 2})
    once = format_subset("sv", subset("sv", thesaurus, pages))
    again = format_subset("sv", subset("sv", dict(reversed(list(thesaurus.items()))), pages))
    assert once == again
    assert parse_subset(once) == {"enhet": ["grupp", "avdelning"], "gnälla": ["knorra", "klaga", "gny"],
                                  "grupp": ["gäng", "flock", "enhet"], "klaga": ["gnälla", "jämra"]}


def read_mythes_text(text: str) -> dict[str, list[str]]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return read_mythes(write_mythes(Path(folder) / "th.dat", text))


def test_the_command_names_the_debian_package_to_install_when_the_thesaurus_is_missing(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "th_sv_SE_v2.dat"
    monkeypatch.setitem(lexicons.SOURCES, "sv", lexicons.Source("sv", "mythes-sv", "Synlex", (missing,), missing))
    assert lexicons.main(["--write"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "apt-get install mythes-sv" in error, error


def test_a_readers_word_leads_to_the_word_the_pages_say_one_step_only():
    found = links("sv", read_mythes_text(SYNLEX_LIKE), Counter({"klagar": 1, "enhet": 3}))
    assert found["gnälla"] == ["klagar"]  # as the pages say it
    assert found["jämra"] == ["klagar"]  # klaga's own synonym
    assert "knorra" not in found and "gny" not in found  # gnälla's synonyms: two steps from klaga


def test_a_word_the_pages_say_is_never_redirected_to_another():
    found = links("sv", read_mythes_text(SYNLEX_LIKE), Counter({"grupp": 1, "enheten": 1}))
    assert "enhet" not in found and "enheten" not in found  # the pages' own unit stays a unit
    assert found["gäng"] == ["grupp"]  # without the stop list


def test_a_readers_word_with_the_stem_of_a_page_word_is_left_to_the_search_engines_own_forms():
    entries = {"grupp": ["följe", "gäng"]}
    found = links("sv", entries, Counter({"grupp": 1, "följer": 1}))
    assert "följe" not in found  # the engine would take "följe" for "följer" anyway: no second meaning
    assert found["gäng"] == ["grupp"]


def test_a_readers_word_that_leads_to_many_handbook_words_leads_to_none():
    entries = {"samla": ["hop"], "grupp": ["hop"], "skara": ["hop"], "mängd": ["hop"], "flock": ["hop"]}
    three = links("sv", entries, Counter({"samla": 1, "grupp": 1, "skara": 1}))
    assert three["hop"] == ["grupp", "samla", "skara"]
    assert "hop" not in links("sv", entries, Counter({"samla": 1, "grupp": 1, "skara": 1, "mängd": 1}))


def test_a_word_the_editors_placed_is_left_to_them():
    found = links("sv", read_mythes_text(SYNLEX_LIKE), Counter({"klaga": 1}), editors=[["gnälla", "kritik"]])
    assert "gnälla" not in found


def test_a_harmful_link_in_the_stop_list_is_not_made():
    stops = load_stop_list()["sv"]
    assert "gäng" in stops["grupp"]
    assert "grupp" in links("sv", lexicons.load_subset("sv"), Counter({"grupp": 1}), stops={}).get("gäng", [])
    assert "grupp" not in related_words("sv", "gäng")
    assert related_words("sv", "flock") == []


def test_a_bad_stop_list_line_is_named(tmp_path):
    bad = tmp_path / "stop.tsv"
    bad.write_text("# comment\nsv\tgrupp\tgäng\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"stop\.tsv:2: .* must have four columns"):
        load_stop_list.__wrapped__(bad)


def test_gnälla_leads_to_klaga_which_the_handbook_says():
    said = lexicons.docs_words("sv")
    editors = {w for group in lexicons._project_editors("sv") for w in group}
    assert "klaga" in said or "klaga" in editors
    assert "klaga" in related_words("sv", "gnälla")
    assert "klaga" in related_words("sv", "Gnäller")  # as a reader types it
    assert related_words("sv", "klaga") == [] and related_words("sv", "grupper") == []  # the handbook's own words
    assert "elev" in related_words("sv", "skolbarn")
    assert related_words("sv", "boss") == []  # an editors' word (the glossary's): it leads where they say


def test_swedish_words_are_matched_by_their_dictionary_forms_not_only_by_stem():
    assert "klaga" in dictionary_forms("sv", "klagar")
    assert "grupp" in dictionary_forms("sv", "grupper") and "konto" in dictionary_forms("sv", "kontot")
    assert stem("sv", "följe") == stem("sv", "följer")  # why a stem alone would link "gäng" to "följa"
    assert "följe" not in dictionary_forms("sv", "följer")
    assert "manager" in dictionary_forms("en", "managers") and "stop" in dictionary_forms("en", "stopped")


def test_the_committed_subset_keeps_its_sources_and_licence_notices():
    sources = lexicons.SOURCES_FILE.read_text(encoding="utf-8")
    assert "Copyright: 2009 Viggo Kann" in sources and "provided the above notices are retained" in sources
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in sources
    for locale in ("sv", "en"):
        text = (lexicons.DATA_DIR / f"{locale}.tsv").read_text(encoding="utf-8")
        assert "SOURCES.md" in text.splitlines()[2]
        assert parse_subset(text)


def lexicon_of(site, lang):
    index = json.loads((site.dir / lang.url_prefix() / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index, index["config"]["handbook"]["lexicon"]


def test_each_languages_search_index_links_readers_words_only_to_words_its_pages_say(site):
    for lang in site.languages:
        index, groups = lexicon_of(site, lang)
        assert len(groups) > 50, f"{lang.locale}: only {len(groups)} lexicon groups"
        assert "Copyright" in index["config"]["handbook"]["lexicon_notice"]  # the licences ask for it on every copy
        said = lexicons.index_words(index)
        stems = {stem(lang.locale, w) for w in said}
        editors = {w for group in lexicons._project_editors(lang.locale) for w in group}
        for handbook_word, *readers in groups:
            assert readers and handbook_word == handbook_word.lower()
            assert handbook_word in said or handbook_word in editors, (
                f"{lang.locale}: the lexicon leads to '{handbook_word}', which the pages no longer say. "
                "Run 'uv run python -m handbook.search.lexicons --write'.")
            said_by_pages = [r for r in readers if stem(lang.locale, r) in stems]
            assert not said_by_pages, f"{lang.locale}: the pages say {said_by_pages}, yet they lead to '{handbook_word}'"


def test_the_swedish_index_leads_gnälla_to_klaga_and_keeps_gäng_from_grupp(site):
    sv = next(lang for lang in site.languages if lang.locale == "sv")
    groups = {group[0]: group[1:] for group in lexicon_of(site, sv)[1]}
    assert "gnälla" in groups.get("klaga", [])
    assert not any("gäng" in readers for readers in groups.values())


def test_handbook_check_names_a_bad_stop_list_line(tmp_path, monkeypatch):
    from handbook.editors import checks

    bad = tmp_path / "stop.tsv"
    bad.write_text("sv\tgrupp\tgäng\tno tabs\tat all\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "STOP_FILE", bad)
    problems = checks.all_problems()
    assert any("stop.tsv:1:" in p and "four columns" in p for p in problems), problems
