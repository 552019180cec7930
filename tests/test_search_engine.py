"""Promises about the search engine itself (handbook-search-engine.js, run in Node.js) and the
build steps that feed it: without a browser and, but for the last test, without a site build.

Each test builds a small index of its own, so that it says exactly which words the sections have.
"""

from __future__ import annotations

import json
import random
import re
import subprocess

import pytest
import snowballstemmer

from handbook.search.decompound import CompoundCache, _dictionary_files, compound_parts, load_lexicon
from handbook.core.project import ROOT, HandbookError, languages
from handbook.search.search_command import answer_locations as order, main as search_command, node_executable
from handbook.search.search_command import report as search_report
from handbook.search.search_index import add_anchor_texts, add_other_languages, add_search_config, anchor_texts, compound_candidates
from handbook.search.search_words import load_search_words

ENGINE = ROOT / "overrides" / "assets" / "javascripts" / "handbook-search-engine.js"
RUNNER = ROOT / "handbook" / "search" / "search_query.cjs"


def _doc(location: str, title: str, text: str = "", **extra) -> dict:
    return {"location": location, "title": title, "text": f"<p>{text}</p>" if text else "", **extra}


# One Node.js process for the module's searches (starting Node and the engine for each test
# cost a quarter of a second): it reads {index, queries} per line and answers as the editors'
# command's runner (handbook/search/search_query.cjs) does, with explanations.
_ENGINE_SERVER = """
const HandbookSearch = require(process.argv[1]);
require("readline").createInterface({ input: process.stdin, terminal: false }).on("line", line => {
  const { index, queries } = JSON.parse(line);
  const engine = HandbookSearch.create(index);
  process.stdout.write(JSON.stringify(queries.map(q => engine.search(q, { explain: true }))) + "\\n");
});
"""
_engine_process = None


def _engine():
    global _engine_process
    if _engine_process is None or _engine_process.poll() is not None:
        _engine_process = subprocess.Popen([node_executable(), "-e", _ENGINE_SERVER, str(ENGINE)], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True, encoding="utf-8")
    return _engine_process


@pytest.fixture(scope="module", autouse=True)
def _stop_the_engine():
    yield
    if _engine_process is not None:
        _engine_process.stdin.close()
        _engine_process.wait(timeout=10)
        _engine_process.stdout.close()


def search(tmp_path, docs: list[dict], queries: list[str], lang: str = "sv", **handbook) -> dict[str, dict]:
    """Each query's answer from the engine, on an index of ``docs``."""
    config = {"lang": [lang], "handbook": {"compounds": {}, "navigation": [], "help": [], "boilerplate": [], "synonyms": [], **handbook}}
    node = _engine()
    node.stdin.write(json.dumps({"index": {"config": config, "docs": docs}, "queries": queries}, ensure_ascii=False) + "\n")
    node.stdin.flush()
    line = node.stdout.readline()
    assert line, "the search engine stopped (Node.js): see the message above"
    return dict(zip(queries, json.loads(line)))


def test_the_editors_commands_runner_answers_as_the_engine_does(tmp_path):
    """handbook/search/search_query.cjs, which the editors' command runs, gives the engine's answers."""
    docs = [_doc("a/#x", "Konto", "Ditt konto på Facebook."), _doc("b/#y", "Grupper", "Om grupper.")]
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["sv"], "handbook": {}}, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([node_executable(), str(RUNNER), str(ENGINE), str(index)], input='"kontot"\n"grupp"\n',
                         capture_output=True, text=True, check=True)
    assert [json.loads(line) for line in out.stdout.splitlines()] == list(search(tmp_path, docs, ["kontot", "grupp"]).values())


def stems(lang: str, words: list[str]) -> list[str]:
    script = ("const HS = require(process.argv[1]); const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              f"process.stdout.write(JSON.stringify(words.map(w => HS.stem('{lang}', w, true))));")
    out = subprocess.run([node_executable(), "-e", script, str(ENGINE)], input=json.dumps(words),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# --- stemming --------------------------------------------------------------------------------

def test_the_swedish_stemmer_is_snowballs_on_40000_dictionary_words():
    dic, _ = _dictionary_files()
    words = [l.split("/")[0] for l in dic.read_text(encoding="utf-8").splitlines()[1:]]
    words = random.Random(12).sample([w for w in words if w.isalpha() and w.islower()], 40000)
    reference = snowballstemmer.stemmer("swedish")
    differ = [(w, ours) for w, ours in zip(words, stems("sv", words)) if ours != reference.stemWord(w)]
    assert differ == []


def test_the_english_stemmer_is_porters_as_lunr_writes_it():
    """lunr's Porter stemmer, which Material used: it differs from the reference only in leaving
    words of 1-2 letters alone and in how it treats "y"."""
    words = sorted(set(re.findall(r"[a-z]+", " ".join(p.read_text(encoding="utf-8").lower()
                                                       for p in (ROOT / "docs").glob("*.en.md")))))
    reference = snowballstemmer.stemmer("porter")
    differ = [w for w, ours in zip(words, stems("en", words)) if ours != reference.stemWord(w)]
    assert len(words) > 300 and all(len(w) <= 2 or "y" in w for w in differ), differ


def test_search_stems_inflections_and_ranks_derived_words_below_them(tmp_path):
    """Inflections are the same word. Swedish derivations are not matched ("lagligt" is not
    "lagen", the law); English ones are, below the word itself ("managers" after "manage")."""
    docs = [_doc("lag/#a", "Lagen om tillgänglighet"), _doc("grupp/#b", "Din grupp", "Gruppen och grupperna.")]
    found = search(tmp_path, docs, ["lagligt", "grupper"])
    assert order(found["lagligt"]) == []
    assert order(found["grupper"]) == ["grupp/#b"]
    en = [_doc("s/#a", "Senior managers"), _doc("m/#b", "Manage a page", "You manage it."),
          _doc("c/#law", "Compliance with the law", "The website is partly compliant."),
          _doc("p/#private", "Private use", "Use social media as a private individual.")]
    found = search(tmp_path, en, ["manage", "does the website comply", "using social media privately"], lang="en")
    assert order(found["manage"]) == ["m/#b", "s/#a"]
    assert found["manage"]["groups"][1]["results"][0]["matches"][0]["kind"] == "derived"
    assert order(found["does the website comply"])[0] == "c/#law"
    assert order(found["using social media privately"])[0] == "p/#private"


def test_forms_the_stemmer_misses_are_the_same_word_where_the_handbook_has_it(tmp_path):
    """Snowball's Swedish stemmer leaves "-n" and "-t" after a vowel, and takes off one ending:
    "kontot", "konton" and "konto" get three stems. Without such an ending, stemmed again, a
    word is the same as the handbook's word of that stem."""
    docs = [_doc("fb/#one", "Dubbla konton", "Du kan inte ha flera konton."),
            _doc("fb/#who", "Vem ser vad?", "De ser inte ditt privata konto."),
            _doc("work/#time", "Utanför ditt jobb", "På fritiden."),
            _doc("x/#other", "Annat", "Om annat.")]
    found = search(tmp_path, docs, ["kontot", "konto", "jobbet", "spokesman"])
    assert set(order(found["kontot"])) == {"fb/#one", "fb/#who"}
    assert set(order(found["konto"])) == {"fb/#one", "fb/#who"}
    assert order(found["jobbet"]) == ["work/#time"]  # a word the handbook lacks: "jobb"
    en = [_doc("a/#spokes", "Not a spokesperson", "Do not present yourself as a spokesperson."), _doc("x/#other", "Other", "About men.")]
    assert order(search(tmp_path, en, ["spokesman"], lang="en")["spokesman"]) == ["a/#spokes"]


def test_a_word_typed_without_swedish_letters_finds_the_word(tmp_path):
    """A reader without å, ä and ö on the keyboard: "andringar" is "ändringar", "pa" is the
    little word "på", and a page's title typed so still finds the page first."""
    docs = [_doc("", "Handbok", "", boost=0.5), _doc("#recent", "Senaste ändringar", "Alla ändringar."),
            _doc("changes/", "Senaste ändringar", "Ändringar i handboken.", boost=0.5),
            _doc("topics/#x", "Ämnen", "Om ämnen på sidan.")]
    found = search(tmp_path, docs, ["amnen", "senaste andringar", "amnen pa"])
    assert order(found["amnen"]) == ["topics/#x"]
    assert found["amnen"]["groups"][0]["results"][0]["matches"][0]["kind"] == "folded"
    assert found["senaste andringar"]["groups"][0]["results"][0]["location"] == "changes/"
    assert [w["little"] for w in found["amnen pa"]["words"]] == [False, True]


def test_a_word_cut_short_finds_the_words_it_starts(tmp_path):
    """Staff abbreviate ("comms", "kommunikationsavd"): a word found in no other way is read as
    the start of the handbook's words, wherever it is in the question."""
    en = [_doc("c/#details", "Contact details", "Communications Unit, Municipal Secretariat."),
          _doc("x/#other", "Other", "About other things.")]
    found = search(tmp_path, en, ["comms email", "zqxw email"], lang="en")
    assert order(found["comms email"]) == ["c/#details"]
    assert found["comms email"]["groups"][0]["results"][0]["matches"][0]["kind"] == "prefix"
    assert order(found["zqxw email"]) == []


def test_a_negated_word_finds_the_word_and_the_word_finds_it(tmp_path):
    """"olämpligt" is "not lämpligt", "inappropriate" is "not appropriate": the question is
    about the same thing, whichever way it is put."""
    sv = [_doc("a/#sense", "Använd sunt förnuft", "Det som är tillåtet kanske inte alltid är lämpligt."),
          _doc("g/#groups", "Så fungerar en grupp", "En grupp kan vara direkt olämplig i många fall."),
          _doc("x/#other", "Ordning", "Om ordningen.")]
    found = search(tmp_path, sv, ["olämpligt", "lämpliga grupper", "ordning"])
    assert order(found["olämpligt"]) == ["g/#groups", "a/#sense"]  # the word as typed first
    assert order(found["lämpliga grupper"])[0] == "g/#groups"
    assert order(found["ordning"]) == ["x/#other"]  # "o" + "rdning" is no word
    en = [_doc("a/#sense", "Use common sense", "What is allowed may not always be appropriate."),
          _doc("f/#form", "Forms", "Fill in the form.")]
    found = search(tmp_path, en, ["inappropriate", "inform"], lang="en")
    assert order(found["inappropriate"]) == ["a/#sense"]
    assert order(found["inform"]) == []  # "in" + "form": too short to be a word of its own


# --- matching --------------------------------------------------------------------------------

def test_a_compound_finds_its_parts_and_its_parts_find_the_compound(tmp_path):
    docs = [
        _doc("fb/#settings", "Vem ser vad?", "Justera säkerhetsinställningarna på ditt Facebook-konto."),
        _doc("rules/#secrecy", "Sekretess och tystnadsplikt", "Håll dig inom lagarna."),
        _doc("other/#x", "Något annat", "Ingenting om detta."),
    ]
    compounds = {"säkerhetsinställningarna": ["säkerhet", "inställningarna"], "tystnadsplikt": ["tystnad", "plikt"]}
    found = search(tmp_path, docs, ["sekretessinställningar", "inställningar", "plikt", "facebookkonton", "två facebook konton"],
                   compounds=compounds)
    assert order(found["sekretessinställningar"])[0] == "fb/#settings"  # its last part says what it is
    assert found["sekretessinställningar"]["words"][0]["parts"] == ["sekretess", "inställningar"]
    assert order(found["inställningar"]) == ["fb/#settings"]
    assert order(found["plikt"]) == ["rules/#secrecy"]
    assert order(found["facebookkonton"])[0] == "fb/#settings"  # written "Facebook-konto"
    kinds = {m["kind"] for m in found["inställningar"]["groups"][0]["results"][0]["matches"]}
    assert kinds == {"part"}


def test_a_word_that_is_the_last_part_of_a_compound_counts_more_than_one_before_it(tmp_path):
    """The last part of a compound says what it is: "konto" finds "jobbkonto" (an account) before
    "kontouppgifter" (details)."""
    docs = [_doc("a/#details", "Uppgifter", "Dina kontouppgifter."), _doc("b/#account", "Konton", "Skapa inget jobbkonto."),
            _doc("c/#work", "Arbetstid", "Under arbetstid representerar du kommunen.")]
    compounds = {"kontouppgifter": ["konto", "uppgifter"], "jobbkonto": ["jobb", "konto"]}
    found = search(tmp_path, docs, ["konto?"], compounds=compounds)  # typed in full
    assert order(found["konto?"]) == ["b/#account", "a/#details"]
    assert found["konto?"]["groups"][1]["results"][0]["matches"][0]["kind"] == "modifier"


def test_a_typo_is_forgiven_on_the_word_as_typed(tmp_path):
    docs = [_doc("a/#free", "Yttrandefrihet utanför arbetstid"), _doc("a/#secret", "Sekretess och tystnadsplikt"),
            _doc("b/#settings", "Vem ser vad?", "Justera säkerhetsinställningarna.")]
    found = search(tmp_path, docs, ["yttrandefrihed", "sekretes", "tystnadsplit", "xyzzy", "integritetsinstälningar"],
                   compounds={"säkerhetsinställningarna": ["säkerhet", "inställningarna"]})
    assert order(found["yttrandefrihed"]) == ["a/#free"]
    assert order(found["sekretes"]) == ["a/#secret"]
    assert order(found["tystnadsplit"]) == ["a/#secret"]
    assert order(found["integritetsinstälningar"]) == ["b/#settings"]  # a typo in a part of a compound
    assert found["integritetsinstälningar"]["words"][0]["parts"] == ["integritets", "instälningar"]
    assert order(found["xyzzy"]) == [] and found["xyzzy"]["words"][0]["found"] is False
    assert found["sekretes"]["groups"][0]["results"][0]["matches"][0]["kind"] == "typo"


def test_an_exact_word_outranks_another_form_of_it(tmp_path):
    docs = [_doc("a/#stem", "Gruppen", "Om gruppen."), _doc("b/#exact", "Grupper", "Om grupper.")]
    assert order(search(tmp_path, docs, ["grupper"])["grupper"]) == ["b/#exact", "a/#stem"]


def test_the_rare_word_of_a_question_outweighs_common_ones(tmp_path):
    docs = [_doc(f"p{i}/#s", "Sociala medier i tjänsten", "Om sociala medier.") for i in range(6)]
    docs.append(_doc("rules/#secrecy", "Regler", "Du har tystnadsplikt, även i sociala medier."))
    assert order(search(tmp_path, docs, ["tystnadsplikt i sociala medier"])["tystnadsplikt i sociala medier"])[0] == "rules/#secrecy"


def _handbook_about_social_media(lang: str) -> list[dict]:
    """A small handbook "about" social media: its title says so, and so do the headings of one
    page; the page on managers has "chef" / "managers" in its title and nowhere else."""
    if lang == "sv":
        return [_doc("", "Handbok för sociala medier", "Riktlinjer för kommunens anställda."),
                _doc("private/", "Privat och professionell", ""),
                _doc("private/#role", "Att använda sociala medier i yrkesrollen", "Sociala medier i arbetet och privat."),
                _doc("private/#strategy", "En strategi för sociala medier", "Vilka sociala medier vill du använda?"),
                _doc("managers/", "Förtroendevalda och chefer", ""),
                _doc("managers/#prominent", "Du som har en framträdande roll", "Du som är ordförande eller chef uppfattas som kommunens röst."),
                _doc("fb/", "Facebook-konton", ""), _doc("fb/#one", "Dubbla konton", "Ett konto per person."),
                _doc("contact/", "Kontakta oss", "Frågor om sociala medier?")]
    return [_doc("", "Social media handbook", "Guidelines for the council's staff."),
            _doc("private/", "Private and professional", ""),
            _doc("private/#role", "Using social media in your professional role", "Social media at work and in private."),
            _doc("private/#strategy", "A personal social media strategy", "Which social media do you want to use?"),
            _doc("managers/", "Elected representatives and senior managers", ""),
            _doc("managers/#prominent", "If you have a prominent role", "As a chair or a manager you are seen as the council's voice."),
            _doc("fb/", "Facebook accounts", ""), _doc("fb/#one", "Two accounts", "One account per person."),
            _doc("contact/", "Contact us", "Questions about social media?")]


@pytest.mark.parametrize("lang, question", [("sv", "chefen och sociala medier"), ("sv", "chefer på sociala medier"),
                                            ("en", "managers and social media")])
def test_what_the_whole_handbook_is_about_does_not_outweigh_the_word_that_tells_pages_apart(tmp_path, lang, question):
    """The handbook's title says what every page is about ("Handbok för sociala medier"): its
    words weigh less, and the word of the question that tells the pages apart ("chefen", in the
    title of one page) carries the question, though another page says "sociala medier" in its
    headings."""
    found = search(tmp_path, _handbook_about_social_media(lang), [question], lang=lang)[question]
    assert order(found)[0] == "managers/#prominent"
    assert [w["common"] for w in found["words"] if w["word"] in ("sociala", "medier", "social", "media")] == [True, True]


def test_a_word_nearly_every_page_has_weighs_less_than_one_that_tells_them_apart(tmp_path):
    """Nearly every page of this handbook has a section on "digitala kanaler" (not its title), so
    the two words do not tell its pages apart: the section with the question's other word comes
    first, before one with both of the common words."""
    docs = [_doc("", "Handbok", "Om handboken.")]
    for i, topic in enumerate(["Bilder", "Konton", "Grupper", "Bloggar", "Filmer"]):
        docs += [_doc(f"p{i}/#channels", topic, "Så gör du i digitala kanaler."),
                 _doc(f"p{i}/#rules", f"Regler för {topic.lower()}", "Vad som gäller."),
                 _doc(f"p{i}/#more", f"Mer om {topic.lower()}", "Läs mer.")]
    docs += [_doc("p0/#photographer", "Fråga först", "Fråga fotografen innan du delar en bild."),
             _doc("p1/#photographer", "Profilbild", "En fotograf kan ta din profilbild.")]
    found = search(tmp_path, docs, ["fotografen och digitala kanaler"])["fotografen och digitala kanaler"]
    assert order(found)[0] == "p0/#photographer"
    assert [w["common"] for w in found["words"]] == [False, False, True, True]


def test_question_words_count_where_they_carry_the_question(tmp_path):
    docs = [_doc("fb/#who", "Vem ser vad?", "De som interagerar ser inte ditt konto."),
            _doc("fb/#groups", "Grupper", "De ser din profilbild och de ser ditt konto.")]
    assert order(search(tmp_path, docs, ["vem ser vad"])["vem ser vad"])[0] == "fb/#who"


def test_the_questions_words_said_together_outrank_the_same_words_apart(tmp_path):
    docs = [_doc("a/#apart", "Bilder", "Dela i kanaler. Länka till vilka du vill."),
            _doc("b/#near", "Strategi", "Fundera över vilka kanaler du vill dela och länka till."),
            _doc("c/#other", "Annat", "Om annat.")]
    found = search(tmp_path, docs, ["vilka kanaler", "dela länk"])
    assert order(found["vilka kanaler"])[0] == "b/#near"  # side by side
    assert order(found["dela länk"])[0] == "b/#near"  # one word between


def test_navigation_and_boilerplate_rank_below_the_section_that_answers(tmp_path):
    docs = [
        _doc("", "Handbok", ""), _doc("#topics", "Ämnen", "Får jag kritisera kommunen? Om yttrandefrihet och kritik."),
        _doc("law/", "Tillgänglighetsredogörelse", ""), _doc("law/#report", "Anmäl brister", "Kritik mot kommunen anmäls till Digg."),
        _doc("rules/#free", "Yttrandefrihet", "Du har rätt att uttrycka kritik mot kommunen."),
    ]
    found = search(tmp_path, docs, ["kritisera kommunen", "anmäl brister"], navigation=["#topics"], boilerplate=["law/"])
    assert order(found["kritisera kommunen"])[0] == "rules/#free"
    assert order(found["anmäl brister"])[0] == "law/#report"  # found by its heading all the same


def test_legal_text_counts_fully_when_the_question_names_it(tmp_path):
    """The accessibility statement ranks below the sections that answer, unless the question is
    about it: a word of the question in the title of the page listed as boilerplate."""
    docs = [_doc("law/", "Tillgänglighetsredogörelse", "Kommunen står bakom webbplatsen."),
            _doc("law/#service", "Webbplats", "Handboken för sociala medier."),
            _doc("law/#feedback", "Om du inte kan använda webbplatsen", "Kontakta oss."),
            _doc("web/#links", "Kommunens webbplats", "Vad som gäller för länkar till webbplatsen och filmer.")]
    docs += [_doc(f"other{i}/#x", "Sociala medier", "Vad som gäller för konton och grupper.") for i in range(6)]
    compounds = {"tillgänglighetsredogörelsen": ["tillgänglighet", "redogörelsen"],
                 "tillgänglighetsredogörelse": ["tillgänglighet", "redogörelse"]}
    found = search(tmp_path, docs, ["vilken webbplats gäller tillgänglighetsredogörelsen", "webbplats och filmer"],
                   boilerplate=["law/"], compounds=compounds)
    assert order(found["vilken webbplats gäller tillgänglighetsredogörelsen"])[0] == "law/#service"
    assert order(found["webbplats och filmer"])[0] == "web/#links"


def test_legal_text_counts_fully_for_a_long_word_that_only_it_has(tmp_path):
    """"skärmläsare" is only in the accessibility statement: the question is about it, and it
    comes before a section that only has another kind of "läsare". A short word only it has
    ("know") does not make a question about it."""
    docs = [_doc("law/", "Tillgänglighetsredogörelse", ""),
            _doc("law/#known", "Kända brister", "Webbplatsen har inte granskats med skärmläsare."),
            _doc("law/#feedback", "Synpunkter", "Vi vill veta om något inte fungerar."),
            _doc("feed/#follow", "Följ med i din flödesläsare", "En flödesläsare visar det som är nytt."),
            _doc("work/#people", "Vem vet var du jobbar", "Folk vet var du jobbar.")]
    docs += [_doc(f"other{i}/#x", "Sociala medier", "Om konton och grupper.") for i in range(6)]
    compounds = {"skärmläsare": ["skärm", "läsare"], "flödesläsare": ["flödes", "läsare"]}
    found = search(tmp_path, docs, ["skärmläsare", "vill folk veta var jag jobbar"], boilerplate=["law/"], compounds=compounds)
    assert order(found["skärmläsare"])[0] == "law/#known"
    assert order(found["vill folk veta var jag jobbar"])[0] == "work/#people"


def test_a_compound_the_handbook_has_is_not_searched_by_its_parts(tmp_path):
    """The handbook says "skärmläsare": the question's "skärmläsare" finds that, not every
    section that says "läsa" (which "läsare" stems to)."""
    docs = [_doc("law/#feedback", "Synpunkter", "Hör av dig om webbplatsen inte fungerar med din skärmläsare."),
            _doc("groups/#how", "Så fungerar en grupp", "Medlemmarna kan läsa allt i gruppen.")]
    found = search(tmp_path, docs, ["skärmläsare"], compounds={"skärmläsare": ["skärm", "läsare"]})
    assert order(found["skärmläsare"]) == ["law/#feedback"]


def test_a_heading_the_question_names_in_full_comes_before_one_it_names_in_part(tmp_path):
    docs = [_doc("law/#compliance", "Är handbokens webbplats tillgänglig?", "Den uppfyller lagen."),
            _doc("law/#service", "Webbplats", "Handboken för sociala medier.")]
    assert order(search(tmp_path, docs, ["vilken webbplats"])["vilken webbplats"])[0] == "law/#service"


def test_a_rare_compound_stays_rare_though_its_parts_are_everywhere(tmp_path):
    """"arbetstid" is in one section; "arbete" and "tid" are in many. The word's rarity is the
    compound's own, so the section that says it comes before those that only share the
    question's common words ("sociala medier")."""
    docs = [_doc("rules/#hours", "Under arbetstid", "Det du gör under arbetstid."),
            _doc("private/#employer", "Du förknippas med din arbetsgivare", "Sociala medier på din fritid tar tid."),
            _doc("private/#strategy", "En strategi för sociala medier", "Vad vill du med sociala medier i arbetet?")]
    docs += [_doc(f"other{i}/#x", f"Arbete {i}", "Sociala medier tar tid i arbetet.") for i in range(8)]
    compounds = {"arbetstid": ["arbets", "tid"], "arbetsgivare": ["arbets", "givare"]}
    found = search(tmp_path, docs, ["vad gäller på sociala medier under arbetstid"], compounds=compounds)
    assert order(found["vad gäller på sociala medier under arbetstid"])[0] == "rules/#hours"


def test_words_only_the_search_help_says_count_fully_in_it(tmp_path):
    """Navigation text counts little where it repeats other sections, fully where only it says
    something: the search help answers questions about searching."""
    docs = [_doc("", "Handbok", ""),
            _doc("#topics", "Ämnen", "Facebook-konton: om dina konton och sidor."),
            _doc("#how-to-search", "Så hittar du i handboken", "Sökningen visar bara träffar på ditt språk."),
            _doc("fb/#pages", "Sidor och grupper", "Du administrerar sidor och konton."),
            _doc("about/#lang", "Svenska och engelska", "Du hittar handboken på båda språken.")]
    found = search(tmp_path, docs, ["hittar sökningen bara svenska träffar"], navigation=["#topics"], help=["#how-to-search"])
    assert order(found["hittar sökningen bara svenska träffar"])[0] == "#how-to-search"


def test_help_with_every_word_of_the_question_and_one_only_it_says_answers(tmp_path):
    """The search help alone says "sökrutan": a question it answers in full comes to it first.
    A question with a word it lacks goes to the section that has them all. (A list that points
    elsewhere does not: see test_navigation_and_boilerplate_rank_below_the_section_that_answers.)"""
    docs = [_doc("", "Handbok", ""),
            _doc("#help", "Hjälp med handboken", "Tryck på tangenten snedstreck för att komma till sökrutan. "
                 "Skriv till exempel Facebook-konto, så visas allt om Facebook-konto."),
            _doc("a/#keys", "Tangentbord", "Allt går att nå med tangenten tab."),
            _doc("fb/#accounts", "Regler", "Facebook tillåter inte att en person har mer än ett "
                 "Facebook-konto, varken för yrkesrollen eller privat.")]
    found = search(tmp_path, docs, ["tangenten till sökrutan", "tangenten tab", "facebook-konto"], help=["#help"])
    assert order(found["tangenten till sökrutan"])[0] == "#help"
    assert order(found["tangenten tab"])[0] == "a/#keys"
    assert order(found["facebook-konto"])[0] == "fb/#accounts"  # help that repeats other sections' words


def test_synonyms_count_where_the_section_says_a_word_of_their_group(tmp_path):
    docs = [_doc("p/#a", "Bilder", "Kommunens foton och filmer."), _doc("p/#b", "Annat", "Text om annat.")]
    found = search(tmp_path, docs, ["video"], synonyms=[["film", "filmer", "video"]])
    assert order(found["video"]) == ["p/#a"]


# --- the lexicon (config.handbook.lexicon: [handbook word, reader's word, ...]) ---------------

_FREE_SPEECH = [_doc("rules/#free", "Yttrandefrihet", "Du har rätt att uttrycka kritik, även mot kommunen."),
                _doc("rules/#valid", "Vad som gäller", "Reglerna gäller alla."),
                _doc("boss/#manager", "Chefer", "Din chef svarar för kommunen."),
                _doc("fb/#complaints", "Klagomål", "Vill du klaga på en tjänst, klaga hos kommunen.")]
_LEXICON = [["klaga", "gnälla", "knorra", "kvida"], ["chef", "boss"], ["grupp", "gäng", "enhet"]]
_SYNONYMS = [["kritik", "kritisera", "klaga"]]


def test_a_readers_word_the_handbook_lacks_finds_where_the_handbook_says_its_lexicon_word(tmp_path):
    """Staff write "gnälla"; the handbook says "klaga" (and "kritik", the editors' synonym of
    "klaga"). The lexicon links the reader's word to the handbook's, in the form typed
    ("gnäller"), and a real word is not read as a typo of another ("gnälla" is not "gälla")."""
    found = search(tmp_path, _FREE_SPEECH, ["gnälla", "gnäller", "bossen"], lexicon=_LEXICON, synonyms=_SYNONYMS)
    assert set(order(found["gnälla"])) == {"fb/#complaints", "rules/#free"}
    assert set(order(found["gnäller"])) == {"fb/#complaints", "rules/#free"}
    assert order(found["bossen"]) == ["boss/#manager"]
    match = found["gnälla"]["groups"][0]["results"][0]["matches"][0]
    assert (match["kind"], match["link"]) == ("lexicon", "klaga")


def test_a_lexicon_link_weighs_below_the_handbooks_own_words_and_its_synonyms(tmp_path):
    """Where the section says the lexicon's word ("klaga") it counts more than where only the
    editors' synonym of it is ("kritik"); and a question's word the handbook says itself ("chef")
    counts more than one found through the lexicon."""
    found = search(tmp_path, _FREE_SPEECH, ["gnälla", "gnälla på chefen"], lexicon=_LEXICON, synonyms=_SYNONYMS)
    assert order(found["gnälla"]) == ["fb/#complaints", "rules/#free"]
    assert order(found["gnälla på chefen"])[:2] == ["boss/#manager", "fb/#complaints"]


def test_a_lexicon_link_is_followed_one_step_and_never_from_the_handbooks_own_word(tmp_path):
    """A reader's word leads to the handbook's word, not on to another reader's word of its
    group ("knota", which a thesaurus lists with "gnälla", finds nothing through it); a word the handbook says is never led
    elsewhere ("enhet", the handbook's unit, does not find "grupp")."""
    docs = _FREE_SPEECH + [_doc("units/#unit", "Din enhet", "Enheten ansvarar."),
                           _doc("fb/#groups", "Grupper", "En grupp på Facebook.")]
    found = search(tmp_path, docs, ["enhet", "gnälla", "knota"], lexicon=_LEXICON + [["gnälla", "knota"]], synonyms=_SYNONYMS)
    assert order(found["enhet"]) == ["units/#unit"]
    assert order(found["gnälla"])[0] == "fb/#complaints"  # one step: to "klaga"
    assert order(found["knota"]) == []  # not two: to "gnälla", then to "klaga"


def test_the_editors_command_names_the_lexicon_link(tmp_path):
    """handbook-search says which of the handbook's words the lexicon led to."""
    found = search(tmp_path, _FREE_SPEECH, ["gnälla"], lexicon=_LEXICON, synonyms=_SYNONYMS)["gnälla"]
    text = search_report(found, next(l for l in languages() if l.locale == "sv"), 2)
    assert 'gnälla → klaga (lexikon): träffade "klaga" som ord som lexikonet länkar till, i texten' in text


# --- the other language (doc.other: the same section's words in the other language) ---------

_TWO_LANGUAGES = [
    _doc("fb/#who", "Vem ser vad?", "Dina inställningar för integritet avgör vem som ser dina inlägg.",
         other={"en": "Who sees what? Your privacy settings decide who sees your posts and story"}),
    _doc("contact/#post", "Kontaktuppgifter", "Skicka post till kommunen. Den stora växeln svarar.",
         other={"en": "Contact details Send letters to the council"}),
    _doc("changes/#feed", "Följ ändringarna", "Prenumerera på ändringarna i en flödesläsare.",
         other={"en": "Follow the changes Subscribe to the feed in a feed reader"}),
]


def test_a_word_only_the_other_language_says_finds_the_section_in_the_readers_language(tmp_path):
    """Every section has the same ID in both languages: a word the Swedish pages lack ("privacy",
    "feed") finds the Swedish section whose English twin says it, in any English form
    ("stories"), and not a Swedish word a typo away ("story" is not "stora")."""
    found = search(tmp_path, _TWO_LANGUAGES, ["privacy", "feed", "story", "stories"], other=["en"])
    assert order(found["privacy"]) == ["fb/#who"]
    assert order(found["feed"]) == ["changes/#feed"]
    assert order(found["story"]) == ["fb/#who"]
    assert order(found["stories"]) == ["fb/#who"]
    match = found["privacy"]["groups"][0]["results"][0]["matches"][0]
    assert (match["kind"], match["language"], match["form"]) == ("other", "en", "privacy")


def test_a_word_the_readers_language_says_is_never_looked_for_in_the_other(tmp_path):
    """"post" is a Swedish word of these pages (letters by post): it finds that, not the English
    "posts" of another section; nor does a part of a typed compound ("integritetsfeed": the
    Swedish "integritet" and an unknown part) go to the other language."""
    found = search(tmp_path, _TWO_LANGUAGES, ["post", "integritetsfeed", "privacy"], other=["en"])
    assert order(found["post"]) == ["contact/#post"]
    assert order(found["integritetsfeed"]) == ["fb/#who"]
    assert found["integritetsfeed"]["groups"][0]["results"][0]["matches"][0]["kind"] == "part"
    assert order(found["privacy"]) == ["fb/#who"]  # (and it works at all)


def test_the_build_gives_each_section_its_words_in_the_other_language():
    """Each doc carries the same location's words in the other language (its page's title, its
    heading, staff words and text, each word once), less the words its own language has and
    those that many of the other language's docs have ("council": they tell no section apart)."""
    sv = {"config": {"lang": ["sv"]}, "docs": [_doc("fb/", "Facebook-konton"), _doc("fb/#who", "Vem ser vad?", "Dina inställningar.")]}
    en = {"config": {"lang": ["en"]}, "docs": [_doc("fb/", "Facebook accounts"),
                                               _doc("fb/#who", "Who sees what?", "Your privacy settings, your &amp; posts, council.",
                                                    keywords="followers")]}
    en["docs"] += [_doc(f"p{i}/", f"Page {i}", "The council.") for i in range(4)]
    out = add_other_languages({"sv": sv, "en": en})
    assert out["sv"]["config"]["handbook"]["other"] == ["en"]
    assert out["sv"]["docs"][1]["other"] == {"en": "accounts who sees what followers your privacy settings posts"}
    assert out["en"]["docs"][1]["other"] == {"sv": "konton facebookkonton vem ser vad dina inställningar"}
    assert [d["location"] for d in out["sv"]["docs"]] == ["fb/", "fb/#who"]  # Swedish locations only


def test_a_section_pointing_elsewhere_is_not_found_by_the_heading_it_repeats(tmp_path):
    docs = [_doc("a/#friends", "Kan jag vara vän med mina elever på Facebook?", "Skapa en grupp."),
            _doc("b/#who", "Vem ser vad?", "Om grupper. Läs också: Kan jag vara vän med mina elever på Facebook?")]
    found = search(tmp_path, docs, ["vän med mina elever"])
    assert order(found["vän med mina elever"]) == ["a/#friends"]


def test_missing_names_only_the_words_a_section_lacks(tmp_path):
    docs = [_doc("a/#x", "Konto", "Ditt konto på Facebook.")]
    result = search(tmp_path, docs, ["kontona och zqxwvy"])["kontona och zqxwvy"]["groups"][0]["results"][0]
    assert result["missing"] == ["zqxwvy"]  # not "kontona" (found as konto), not the little word "och"
    assert "<mark>" in result["title"]


def test_the_first_row_of_a_page_opens_its_best_section(tmp_path):
    docs = [_doc("fb/", "Facebook-konton", "Om konton."), _doc("fb/#one", "Dubbla konton", "Ett konto per person."),
            _doc("fb/#who", "Vem ser vad?", "Profilbild.")]
    found = search(tmp_path, docs, ["dubbla konton"])["dubbla konton"]
    group = found["groups"][0]
    assert [r["location"] for r in group["results"]] == ["fb/#one"]  # the page's own entry left out
    assert order(found)[0] == "fb/#one"


def test_a_question_that_is_a_pages_title_finds_that_page_first(tmp_path):
    """The start page's section "Senaste ändringar" points to the page of that title, and says the
    words as often: the reader who types the page's whole title means the page."""
    docs = [_doc("", "Handbok", "", boost=0.5), _doc("#recent", "Senaste ändringar", "Senaste ändringar. Alla ändringar."),
            _doc("changes/", "Senaste ändringar", "Ändringar i handboken.", boost=0.5),
            _doc("changes/#feed", "Följ ändringarna", "Följ ändringarna i en flödesläsare.")]
    found = search(tmp_path, docs, ["Senaste ändringar"])
    assert found["Senaste ändringar"]["groups"][0]["results"][0]["location"] == "changes/"
    assert "#recent" in order(found["Senaste ändringar"])[:3]  # the section of that heading follows


def test_a_page_whose_intro_answers_best_still_shows_its_best_sections_first(tmp_path):
    """Where a page's intro matches best, its sections are shown under it by their share of its
    best section, not folded behind other pages' weaker sections."""
    docs = [_doc("law/", "Tillgänglighet", "Hur webbplatsen uppfyller lagen om tillgänglighet."),
            _doc("law/#status", "Hur tillgänglig är webbplatsen?", "Webbplatsen är delvis förenlig med lagen."),
            _doc("law/#method", "Hur vi har testat webbplatsen", "Vi har testat webbplatsen själva."),
            _doc("contact/#details", "Kontaktuppgifter", "Telefon. Webbplats: varberg.se")]
    docs += [_doc(f"other{i}/#x", "Annat", "Om annat.") for i in range(4)]
    found = search(tmp_path, docs, ["uppfyller webbplatsen lagen"])["uppfyller webbplatsen lagen"]
    assert order(found)[:2] == ["law/#status", "law/#method"]


# --- what the build gives the engine ---------------------------------------------------------

def test_the_swedish_dictionary_splits_the_handbooks_compounds():
    lexicon = load_lexicon()
    assert compound_parts("säkerhetsinställningarna", lexicon) == ["säkerhet", "inställningarna"]
    assert compound_parts("sekretessinställningar", lexicon) == ["sekretess", "inställningar"]
    assert compound_parts("tystnadsplikt", lexicon) == ["tystnad", "plikt"]
    assert compound_parts("användarvillkoren", lexicon) == ["användar", "villkoren"]
    for word in ("representant", "organisation", "lagligt", "information", "ip"):
        assert compound_parts(word, lexicon) == [], word


def test_compound_splits_are_kept_between_builds(tmp_path):
    cache = CompoundCache(tmp_path)
    assert cache.parts({"tystnadsplikt", "konto"}) == {"tystnadsplikt": ["tystnad", "plikt"]}
    cache.save()
    again = CompoundCache(tmp_path)
    assert again.known["tystnadsplikt"] == ["tystnad", "plikt"] and not again.changed
    again.parts({"tystnadsplikt"})
    assert not again.changed  # nothing new: the dictionary was not needed


def test_compound_candidates_are_the_long_words_of_titles_texts_and_staff_words():
    index = {"docs": [{"title": "Facebook-konton", "text": "<p>Säkerhetsinställningarna och ip</p>", "keywords": "jobbdator"}]}
    assert compound_candidates(index) == {"facebook", "konton", "säkerhetsinställningarna", "jobbdator"}


def test_link_texts_go_to_the_section_they_point_to():
    page = ('<article class="md-content__inner md-typeset"><a class="headerlink" href="#topics">¶</a>'
            '<a href="facebook-konton/#one-account">Kan jag ha ett jobbkonto?</a>'
            '<a href="https://www.facebook.com/help">Hjälp</a><a href="handbok.pdf">PDF</a></article>')
    anchors = anchor_texts({"": page}, ["", "facebook-konton/", "facebook-konton/#one-account"])
    assert anchors == {"facebook-konton/#one-account": ["Kan jag ha ett jobbkonto?"]}
    index = add_anchor_texts({"docs": [{"location": "facebook-konton/#one-account"}]}, anchors)
    assert index["docs"][0]["anchors"] == "Kan jag ha ett jobbkonto?"
    config = add_search_config({"config": {"lang": ["en"]}}, "en", {"x": ["a"]}, ["#topics"], ["law/"], [["fb", "facebook"]],
                               ["#how-to-search"])
    assert config["config"]["handbook"] == {"compounds": {}, "navigation": ["#topics"], "help": ["#how-to-search"],
                                            "boilerplate": ["law/"], "synonyms": [["fb", "facebook"]]}


@pytest.mark.parametrize("key", ["navigation", "help", "boilerplate"])
def test_an_unknown_section_in_the_ranked_lower_lists_is_named(tmp_path, key):
    words = tmp_path / "search_words.yml"
    words.write_text(f"{key}:\n  - index.md#no-such-section\n", encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_search_words(words, ROOT / "docs", languages())
    assert f"search_words.yml: {key}: 'index.md#no-such-section'" in str(error.value)


# --- the editors' command --------------------------------------------------------------------

def test_the_editors_command_says_what_matched_where_and_how(site, capsys):
    assert search_command(["sekretes instälningar", "--site", str(site.dir), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "yttrandefrihet-och-regler.md#secrecy-and-confidentiality" in out
    assert 'träffade "sekretess" som stavfel, i rubriken' in out
    assert search_command(["two accunts", "--lang", "en", "--site", str(site.dir)]) == 0
    out = capsys.readouterr().out
    assert "facebook-konton.en.md#one-account" in out and "as typo" in out
    assert search_command(["inappropriate", "--lang", "en", "--site", str(site.dir)]) == 0
    assert 'matched "appropriate" as word made from the same word' in capsys.readouterr().out
    assert search_command(["chefen och sociala medier", "--site", str(site.dir), "--top", "1"]) == 0
    assert "sociala: nästan varje sida har ordet (eller handbokens titel), väger mindre" in capsys.readouterr().out
    assert search_command(["får man gnälla", "--site", str(site.dir), "--top", "1"]) == 0
    assert 'gnälla → klaga (lexikon): träffade "klaga" som ord som lexikonet länkar till' in capsys.readouterr().out
    assert search_command(["feed", "--site", str(site.dir), "--top", "1"]) == 0
    assert 'feed (en): träffade "feed" som ord som avsnittet har på ett annat språk' in capsys.readouterr().out


def test_the_editors_command_without_nodejs_says_how_to_get_it(site, monkeypatch, capsys):
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert search_command(["konto", "--site", str(site.dir)]) == 1
    assert "needs Node.js" in capsys.readouterr().err
