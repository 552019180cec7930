"""Words from real lexicons: links from a reader's word to a word the handbook's pages say.

Staff search with their own words ("gnälla", "boss", "kompis"); the pages say "klaga", "chef",
"vän". Two published thesauri link the two, so that no one has to guess:

- Swedish: Viggo Kann's Synlex (``th_sv_SE_v2.dat`` of Debian's ``mythes-sv``, MyThes format,
  ISO-8859-1): 16,000 head words, each with the words that KTH's users rated as synonyms;
- English: WordNet 3.0 (Debian's ``wordnet-base``, ``/usr/share/wordnet``): the words that share
  a synset, a set of words with one meaning. WordNet gives each word's senses in order of how
  often they occur (its sense-tagged corpus), which the thesaurus of ``mythes-en-us`` loses, and
  comes with its own licence notice; so the English links come from WordNet itself.

``uv run python -m handbook.search.lexicons --write`` makes the committed subset again from the Debian
files (``apt-get install mythes-sv wordnet-base``): ``handbook/search/lexicon_data/<locale>.tsv``, every
thesaurus entry that has at least one of the pages' words (in any form: compared by Snowball
stem, as the search engine compares them) among its words, with ``SOURCES.md`` (source, version,
licence notices). The build reads only the committed files, never the Debian ones. Re-run it
when the pages gain many new words; until then a new word of the pages is linked wherever an
entry of the subset already has it, and a word the pages no longer say is simply not linked to.

At build time (``lexicon_groups``) the subset becomes the search index's ``lexicon``: groups
``[handbook word, reader word, ...]``, one step only (a reader's word that the thesaurus lists
with a handbook word; never through a second reader word). The search engine weighs them below
the handbook's own words and below the editors' synonyms (``search_words.yml``).

How harm is kept out (a thesaurus lists every sense of a word, and most are not this domain's):

1. a reader's word that the pages say themselves, in any form (same Snowball stem), is never
   redirected to another word: the pages' own sense wins ("enhet", a unit of the municipality,
   does not lead to "grupp");
2. the editors' words (``search_words.yml``) count as the handbook's: a link may lead to one
   ("gnälla" -> "klaga", a synonym the editors gave "kritik"), but never from one, so their
   synonyms are never repeated or overridden;
3. a thesaurus word is a handbook word only if the pages say it or an inflection of it (its
   dictionary forms: Hunspell's Swedish suffix rules, WordNet's English detachment rules, with
   the same stem), not merely a word with the same stem: Snowball gives "följe" (a following)
   and "följa" (to follow) one stem, which would lead "gäng" to "följa";
4. single words only, of at least three letters (the search matches words; a thesaurus phrase
   such as "avsäga sig tronen" is a definition rather than a word staff type);
5. English: only a word's two commonest senses (``EN_MAX_SENSE``, WordNet's order) that
   WordNet's sense-tagged corpus has seen, on both sides of a link (they share a synset, so
   the same part of speech): "same" is not the Sami people, "coach" not a manager;
6. a reader's word that the thesaurus links to more than ``MAX_TARGETS`` of the handbook's words
   has too many senses to tell which one the reader means, and links to none;
7. what a reading of every link (``--links sv``) still found wrong is in
   ``lexicon_data/stop.tsv``, one line per handbook word with the reader's words it must not be
   linked from (or ``*``: none, for function words such as "kan", "bara", "can", "may" and words
   whose thesaurus senses are not the pages'), each with its reason ("grupp" <- "gäng",
   "flock": the handbook's groups are Facebook groups). The build applies it, so adding a line
   needs no Debian package; a bad line stops the build with its number.

The subset is not checked against the Debian files in CI (they are not there). The tests check
instead that every link the built index holds leads to a word the pages or the editors say, and
from a word the pages do not say; when pages change much, run ``--write`` again.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from handbook.core.project import ROOT, HandbookError

DATA_DIR = Path(__file__).with_name("lexicon_data")
STOP_FILE = DATA_DIR / "stop.tsv"
SOURCES_FILE = DATA_DIR / "SOURCES.md"
MYTHES_SV = Path("/usr/share/mythes/th_sv_SE_v2.dat")
WORDNET_DIR = Path("/usr/share/wordnet")
MYTHES_SV_COPYRIGHT = Path("/usr/share/doc/mythes-sv/copyright")
WORDNET_COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")
# The stemmers the search engine uses (handbook-search-engine.js): Snowball's Swedish, Porter's English.
STEMMERS = {"sv": "swedish", "en": "porter"}
# A WordNet word's senses beyond this (in WordNet's order, commonest first) are not linked.
EN_MAX_SENSE = 2
# A reader's word that the thesaurus links to more of the pages' words than this links to none.
MAX_TARGETS = 3
MIN_LETTERS = 3
_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
_MARKDOWN_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_NOISE = re.compile(r"\{[^}]*\}|\]\([^)]*\)|<[^>]*>|https?://\S+")


class LexiconSourceMissing(HandbookError):
    """A Debian thesaurus file that ``--write`` needs is not installed."""


@dataclass(frozen=True)
class Source:
    locale: str
    package: str
    name: str
    files: tuple[Path, ...]
    copyright: Path


SOURCES = {
    "sv": Source("sv", "mythes-sv", "Synlex (Viggo Kann, KTH), th_sv_SE_v2.dat", (MYTHES_SV,), MYTHES_SV_COPYRIGHT),
    "en": Source("en", "wordnet-base", "WordNet 3.0 (Princeton University)",
                 tuple(WORDNET_DIR / f"{kind}.{pos}" for kind in ("index", "data")
                       for pos in ("noun", "verb", "adj", "adv")), WORDNET_COPYRIGHT),
}


# --- reading the thesauri ---------------------------------------------------------------------

def read_mythes(path: Path) -> dict[str, list[str]]:
    """A MyThes thesaurus (``.dat``): head word -> its synonyms, in the file's order, each once.

    The first line names the encoding (``ISO-8859-1`` for Synlex); then each entry is
    ``word|n`` followed by n lines ``(pos)|synonym|synonym...``. Words are lower-cased; a head
    word that appears twice gets the synonyms of both entries."""
    raw = path.read_bytes()
    first, _, rest = raw.partition(b"\n")
    encoding = first.decode("ascii", "replace").strip() or "ISO-8859-1"
    try:
        lines = rest.decode(encoding).splitlines()
    except (LookupError, UnicodeDecodeError) as err:
        raise HandbookError(f"{path}: cannot be read as {encoding} ({err}).") from err
    entries: dict[str, list[str]] = {}
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        head, _, count = lines[i].rpartition("|")
        if not head or not count.strip().isdigit():
            raise HandbookError(f"{path}:{i + 2}: '{lines[i]}' is not a MyThes entry 'word|count'.")
        n = int(count)
        synonyms = entries.setdefault(head.strip().lower(), [])
        for line in lines[i + 1:i + 1 + n]:
            for word in line.split("|")[1:]:
                word = word.strip().lower()
                if word and word not in synonyms and word != head.strip().lower():
                    synonyms.append(word)
        i += 1 + n
    return entries


def read_wordnet(directory: Path, *, max_sense: int = EN_MAX_SENSE) -> dict[str, list[str]]:
    """WordNet: word -> the words that share one of its ``max_sense`` commonest senses with it
    (in WordNet's order, the index files' synset order), where that synset is also one of their
    own ``max_sense`` commonest; only senses seen in WordNet's sense-tagged corpus count (the
    index's tagsense_cnt: "same" as the Sami people never is). Words in synset order, each once;
    "_" becomes a space."""
    ranks: dict[tuple[str, str], dict[str, int]] = {}  # (pos, offset) -> {word: its rank of that synset}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (directory / f"index.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            tagged = int(fields[4 + pointer_count + 1])  # senses seen in the sense-tagged corpus
            offsets = fields[4 + pointer_count + 2:][:min(synset_count, tagged)]
            for place, offset in enumerate(offsets, start=1):
                ranks.setdefault((pos, offset), {})[lemma.lower()] = place
    linked: dict[str, list[str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (directory / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            offset, count = fields[0], int(fields[3], 16)
            members = [re.sub(r"\(.*\)$", "", fields[4 + 2 * k]).lower() for k in range(count)]
            own = ranks.get((pos, offset), {})
            common = [w for w in members if own.get(w, max_sense + 1) <= max_sense]
            for word in common:
                mates = linked.setdefault(word.replace("_", " "), [])
                for mate in common:
                    mate = mate.replace("_", " ")
                    if mate != word.replace("_", " ") and mate not in mates:
                        mates.append(mate)
    return {w: m for w, m in linked.items() if m}


def read_source(locale: str) -> dict[str, list[str]]:
    """The whole thesaurus of ``locale`` from its Debian package, or a one-line error naming it."""
    source = SOURCES[locale]
    missing = [str(f) for f in source.files if not f.is_file()]
    if missing:
        raise LexiconSourceMissing(
            f"{missing[0]} is missing: install Debian's '{source.package}' "
            f"(apt-get install {source.package}) to make the {locale} lexicon again.")
    if locale == "sv":
        return read_mythes(MYTHES_SV)
    return read_wordnet(WORDNET_DIR)


# --- the handbook's own words -----------------------------------------------------------------

@lru_cache(maxsize=None)
def _stemmer(locale: str):
    return snowballstemmer.stemmer(STEMMERS[locale])


def stem(locale: str, word: str) -> str:
    """A word's stem as the search engine makes it (lower case, each part of a phrase)."""
    return " ".join(_stemmer(locale).stemWord(part) for part in word.lower().split())


def page_words(texts: Iterable[str]) -> Counter:
    """The words of texts (Markdown or an index's text), lower case, with the number of texts
    that say each (a word's section count when each text is a section); hyphenated words count
    whole and as their pieces."""
    found: Counter = Counter()
    for text in texts:
        text = _NOISE.sub(" ", _FRONT_MATTER.sub("", text))
        own = set()
        for match in _MARKDOWN_WORD.finditer(text.lower()):
            word = match.group(0).replace("\u2010", "-").replace("\u2011", "-")
            pieces = word.split("-")
            own.update(pieces)
            if len(pieces) > 1:
                own.add(word)
        found.update(own)
    return found


_HEADING = re.compile(r"^#{1,6} ", re.M)


def docs_words(locale: str, docs_dir: Path = ROOT / "docs") -> Counter:
    """The words of one language's Markdown pages (``x.md`` Swedish, ``x.en.md`` English), with
    the number of sections (the text under a heading) that say each."""
    from handbook.core.project import languages

    langs = languages()
    own = [lang for lang in langs if lang.locale == locale]
    if not own:
        raise HandbookError(f"'{locale}' is not a language of the site.")
    others = [f".{lang.locale}.md" for lang in langs if not lang.default]
    files = sorted(docs_dir.glob("*.md"))
    if own[0].default:
        files = [f for f in files if not any(f.name.endswith(s) for s in others)]
    else:
        files = [f for f in files if f.name.endswith(f".{locale}.md")]
    return page_words(section for f in files for section in _HEADING.split(f.read_text(encoding="utf-8")))


_EN_ENDINGS = (("ies", "y"), ("ied", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
               ("shes", "sh"), ("men", "man"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
               ("ing", "e"), ("ing", ""), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("'s", ""))


def dictionary_forms(locale: str, word: str, known: Mapping[str, list[str]] | None = None) -> set[str]:
    """The words a page's word may be a form of, itself included: Swedish by the Hunspell
    dictionary's suffix rules (handbook/search/decompound.py: "klagar" -> "klaga", "följer" -> "följa",
    never "följe"), English by WordNet's detachment rules ("managers" -> "manager", "posted" ->
    "post", "stopped" -> "stop"). Closer than a stem: Snowball gives "följe" and "följa" one stem."""
    forms = {word}
    if locale == "sv" and known is not None and word in known:
        forms |= set(known[word])
    elif locale == "sv":
        from handbook.search.decompound import LexiconError, load_lexicon

        try:
            forms |= load_lexicon().dictionary_forms(word)
        except LexiconError:
            pass
    elif locale == "en":
        for ending, base in _EN_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) + len(base) >= MIN_LETTERS:
                root = word[: len(word) - len(ending)] + base
                forms.add(root)
                if not base and len(root) > MIN_LETTERS and root[-1] == root[-2] and root[-1] not in "aeiousl":
                    forms.add(root[:-1])  # "stopped" -> "stop"
    return forms


@dataclass(frozen=True)
class Vocabulary:
    """The words of the handbook in one language: which thesaurus words they are forms of."""

    locale: str
    said: dict[str, str]  # a thesaurus word (dictionary form) -> the form the handbook says most
    stems: frozenset[str]  # the stems of every word the handbook says

    @classmethod
    def of(cls, locale: str, words: Mapping[str, int], cache=None) -> "Vocabulary":
        """``cache``: a decompound.CompoundCache that knows the Swedish words' dictionary forms
        from earlier builds (else the dictionary is read)."""
        known = cache.dictionary_forms(set(words)) if cache is not None and locale == "sv" else None
        forms: dict[str, list[tuple[int, int, str]]] = {}
        for word, count in words.items():
            word_stem = stem(locale, word)
            for form in dictionary_forms(locale, word, known):
                # A form with another stem is another word ("finns" is not a form of "fin").
                if stem(locale, form) == word_stem:
                    forms.setdefault(form, []).append((-count, len(word), word))
        said = {form: (form if any(w == form for _c, _n, w in found) else min(found)[2])
                for form, found in forms.items()}
        return cls(locale, said, frozenset(stem(locale, w) for w in words))

    def says(self, word: str) -> str | None:
        """The handbook's own form of a thesaurus word, or None if the handbook does not say it."""
        return self.said.get(word)

    def says_stem_of(self, word: str) -> bool:
        """Whether the handbook says any word with this word's stem (a reader's word that may be
        a handbook word in another form is never redirected)."""
        return stem(self.locale, word) in self.stems


# --- the committed subset ---------------------------------------------------------------------

def subset(locale: str, thesaurus: Mapping[str, list[str]], handbook: Mapping[str, int]) -> dict[str, list[str]]:
    """Every entry of the thesaurus with at least one of the handbook's words (in any form, see
    dictionary_forms) among its head word and synonyms, with its single-word synonyms only (rule 3)."""
    vocabulary = Vocabulary.of(locale, handbook)
    kept = {}
    for head, synonyms in thesaurus.items():
        words = [w for w in synonyms if _is_word(w)]
        if not words or not _is_word(head):
            continue
        if any(vocabulary.says(w) for w in (head, *words)):
            kept[head] = words
    return dict(sorted(kept.items()))


def _is_word(word: str) -> bool:
    return bool(_WORD.match(word)) and len(word) >= MIN_LETTERS


HEADER = ("# {name}, modified: only the entries with a word of the handbook's {locale} pages, one a line:\n"
          "# head word<TAB>synonym|synonym|...  Made by 'uv run python -m handbook.search.lexicons --write';\n"
          "# do not edit (put a harmful link in stop.tsv instead). Source and licence: SOURCES.md.\n")


def format_subset(locale: str, entries: Mapping[str, list[str]]) -> str:
    lines = [f"{head}\t{'|'.join(words)}\n" for head, words in sorted(entries.items())]
    return HEADER.format(name=SOURCES[locale].name, locale=locale) + "".join(lines)


def parse_subset(text: str, name: str = "lexicon") -> dict[str, list[str]]:
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        head, tab, words = line.partition("\t")
        if not tab or not head or not words:
            raise HandbookError(f"{name}:{number}: '{line}' must be 'head word<TAB>synonym|synonym'. "
                                "Make the file again with 'uv run python -m handbook.search.lexicons --write'.")
        entries[head] = words.split("|")
    return entries


@lru_cache(maxsize=None)
def load_subset(locale: str, data_dir: Path = DATA_DIR) -> dict[str, list[str]]:
    """The committed subset of ``locale`` ({} for a language without one)."""
    file = data_dir / f"{locale}.tsv"
    if not file.is_file():
        return {}
    return parse_subset(file.read_text(encoding="utf-8"), f"handbook/search/lexicon_data/{file.name}")


@lru_cache(maxsize=None)
def load_stop_list(file: Path = STOP_FILE) -> dict[str, dict[str, set[str]]]:
    """stop.tsv: locale -> handbook word -> the reader's words it must not be linked from
    ("*": none). Each line: ``locale<TAB>handbook word<TAB>reader word|reader word|*<TAB>reason``."""
    stops: dict[str, dict[str, set[str]]] = {}
    if not file.is_file():
        return stops
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(f.strip() for f in fields):
            raise HandbookError(
                f"handbook/search/lexicon_data/{file.name}:{number}: '{line}' must have four columns separated by tabs: "
                "language, handbook word, reader words (a|b or *), and the reason.")
        locale, handbook_word, readers, _reason = (f.strip() for f in fields)
        if locale not in STEMMERS:
            raise HandbookError(f"handbook/search/lexicon_data/{file.name}:{number}: '{locale}' is not one of "
                                f"{', '.join(STEMMERS)}.")
        stops.setdefault(locale, {}).setdefault(handbook_word.lower(), set()).update(
            r.strip().lower() for r in readers.split("|"))
    return stops


# --- the links the build makes ----------------------------------------------------------------

def links(locale: str, entries: Mapping[str, list[str]], handbook: Mapping[str, int],
          editors: Iterable[Iterable[str]] = (), stops: Mapping[str, set[str]] | None = None,
          cache=None) -> dict[str, list[str]]:
    """reader's word -> the handbook words it links to, one step, as the handbook says them.

    ``handbook``: the pages' words with their counts; ``editors``: the groups of words in
    search_words.yml (synonym groups, a section's words), whose words count as the handbook's
    (the search places a synonym where the pages say its group) but are never a reader's word
    here; ``stops``: stop.tsv for this language. The rules are the module's."""
    editors = [list(group) for group in editors]
    editor_words = Counter(w for group in editors for w in group)
    vocabulary = Vocabulary.of(locale, Counter(handbook) + editor_words, cache)
    stops = stops or {}
    found: dict[str, set[str]] = {}
    for head, synonyms in entries.items():
        for a in (head, *synonyms):
            target = vocabulary.says(a)
            if target is None or not _is_word(a):
                continue
            stopped = stops.get(target, set()) | stops.get(a, set())
            # The head word is linked to each of its synonyms; a synonym to the head word only.
            for b in (synonyms if a == head else [head]):
                if (not _is_word(b) or vocabulary.says(b) or vocabulary.says_stem_of(b)
                        or "*" in stopped or b in stopped):
                    continue
                found.setdefault(b, set()).add(target)
    return {reader: sorted(targets) for reader, targets in sorted(found.items()) if len(targets) <= MAX_TARGETS}


def lexicon_groups(locale: str, handbook: Mapping[str, int], editors: Iterable[Iterable[str]] = (),
                   entries: Mapping[str, list[str]] | None = None,
                   stops: Mapping[str, set[str]] | None = None, cache=None) -> list[list[str]]:
    """The search index's ``lexicon``: ``[handbook word, reader word, ...]`` per handbook word,
    sorted; from the committed subset and stop list unless given."""
    entries = load_subset(locale) if entries is None else entries
    stops = load_stop_list().get(locale, {}) if stops is None else stops
    groups: dict[str, list[str]] = {}
    for reader, targets in links(locale, entries, handbook, editors, stops, cache).items():
        for target in targets:
            groups.setdefault(target, []).append(reader)
    return [[target, *sorted(readers)] for target, readers in sorted(groups.items())]


def index_words(index: Mapping) -> Counter:
    """The words a language's search index says in its titles and texts (not the editors' words)."""
    return page_words(str(doc.get(field) or "") for doc in index.get("docs", []) for field in ("title", "text"))


def add_lexicon(index: dict, locale: str, editors: Iterable[Iterable[str]], cache=None) -> dict:
    """The index with ``config.handbook.lexicon`` (lexicon_groups of the index's own words),
    beside the editors' ``synonyms``; ``cache``: the build's CompoundCache."""
    config = dict(index.get("config") or {})
    handbook = dict(config.get("handbook") or {})
    handbook["lexicon"] = lexicon_groups(locale, index_words(index), editors, cache=cache)
    if handbook["lexicon"]:
        # The licences ask for their notices on every copy: the index is one.
        handbook["lexicon_notice"] = notice(locale)
    config["handbook"] = handbook
    return {**index, "config": config}


@lru_cache(maxsize=None)
def notice(locale: str, sources_file: Path = SOURCES_FILE) -> str:
    """The source and licence notice of ``locale``'s subset, as SOURCES.md gives it."""
    text = sources_file.read_text(encoding="utf-8") if sources_file.is_file() else ""
    match = re.search(rf"^## {re.escape(locale)}\.tsv: (.*?)\n.*?```text\n(.*?)\n```", text, re.S | re.M)
    if not match:
        raise HandbookError(f"handbook/search/lexicon_data/{sources_file.name}: has no licence notice for {locale}.tsv. "
                            "Make it again with 'uv run python -m handbook.search.lexicons --write'.")
    return f"{match.group(1)}, modified (a subset). {match.group(2)}"


def editors_words(locale: str, words: Mapping) -> list[list[str]]:
    """The groups of words the editors gave for ``locale`` in search_words.yml: synonyms,
    section words and glossary entries."""
    from handbook.search.glossary import glossary_groups

    own = words.get(locale) or {}
    groups = [[str(w).lower() for w in g] for g in own.get("synonyms") or []]
    groups += [[str(w).lower() for w in ws] for ws in (own.get("sections") or {}).values()]
    return groups + glossary_groups(words, locale)


def _project_editors(locale: str, project_dir: Path = ROOT) -> list[list[str]]:
    import yaml

    words_file = project_dir / "search_words.yml"
    words = yaml.safe_load(words_file.read_text(encoding="utf-8")) if words_file.is_file() else {}
    return editors_words(locale, words or {})


@lru_cache(maxsize=None)
def _project_links(locale: str) -> dict[str, list[str]]:
    return links(locale, load_subset(locale), docs_words(locale), _project_editors(locale),
                 load_stop_list().get(locale, {}))


def related_words(locale: str, word: str) -> list[str]:
    """The handbook words (as this project's pages say them) that a reader's ``word`` links to
    through the lexicon, in any form of it ("gnäller" as "gnälla"); [] for a word the pages say
    themselves (in any form), or one the editors placed."""
    if locale not in STEMMERS:
        return []
    found = _project_links(locale)
    word = " ".join(word.lower().split())
    if word in found:
        return list(found[word])
    by_stem = _project_links_by_stem(locale).get(stem(locale, word), [])
    return sorted({target for reader in by_stem for target in found[reader]})


@lru_cache(maxsize=None)
def _project_links_by_stem(locale: str) -> dict[str, list[str]]:
    by_stem: dict[str, list[str]] = {}
    for reader in _project_links(locale):
        by_stem.setdefault(stem(locale, reader), []).append(reader)
    return by_stem


# --- the command ------------------------------------------------------------------------------

def sources_text(versions: Mapping[str, str]) -> str:
    """SOURCES.md: where each subset comes from, its version, and the licence notices to keep."""
    sv_notice = _licence(MYTHES_SV_COPYRIGHT, "Files: dictionaries/sv_SE/th_sv_SE.dat")
    en_notice = _licence(WORDNET_COPYRIGHT, "Files: *")
    return (
        "# Sources of the search lexicons\n\n"
        "Made by `uv run python -m handbook.search.lexicons --write` from Debian's packages; a subset: every\n"
        "entry with at least one word of the handbook's pages (see `handbook/search/lexicons.py`). The files are\n"
        "modified from the originals: only those entries, lower-cased, single-word synonyms only, and\n"
        "(English) only words' commonest senses.\n\n"
        f"## sv.tsv: Synlex, Viggo Kann (KTH)\n\nDebian package `mythes-sv` {versions.get('mythes-sv', '?')}, "
        f"file `{MYTHES_SV}` (from libreoffice-dictionaries `dictionaries/sv_SE/th_sv_SE.dat`).\n"
        f"Licence notice, as in `{MYTHES_SV_COPYRIGHT}`:\n\n```text\n{sv_notice}\n```\n\n"
        f"## en.tsv: WordNet 3.0, Princeton University\n\nDebian package `wordnet-base` "
        f"{versions.get('wordnet-base', '?')}, files `{WORDNET_DIR}/index.*` and `data.*`.\n"
        f"Licence notice, as in `{WORDNET_COPYRIGHT}`:\n\n```text\n{en_notice}\n```\n"
    )


def _licence(copyright_file: Path, stanza: str) -> str:
    """The stanza of a Debian copyright file that starts with ``stanza``, up to the next one."""
    text = copyright_file.read_text(encoding="utf-8")
    start = text.index(stanza)
    end = text.find("\n\n", start)
    return text[start:end if end != -1 else None].rstrip()


def _package_version(package: str) -> str:
    import subprocess

    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                                check=False)
    except OSError:
        return "?"
    return result.stdout.strip() or "?"


def write(data_dir: Path = DATA_DIR, docs_dir: Path = ROOT / "docs") -> dict[str, int]:
    """Make the committed subset again: each language's TSV and SOURCES.md. Returns the entries per language."""
    made = {}
    for locale, source in SOURCES.items():
        if not source.copyright.is_file():
            raise LexiconSourceMissing(f"{source.copyright} is missing: install Debian's '{source.package}' "
                                       f"(apt-get install {source.package}).")
        editors = Counter(w for group in _project_editors(locale, docs_dir.parent) for w in group)
        entries = subset(locale, read_source(locale), docs_words(locale, docs_dir) + editors)
        made[locale] = len(entries)
        (data_dir / f"{locale}.tsv").write_text(format_subset(locale, entries), encoding="utf-8")
    versions = {s.package: _package_version(s.package) for s in SOURCES.values()}
    (data_dir / SOURCES_FILE.name).write_text(sources_text(versions), encoding="utf-8")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.search.lexicons", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="make handbook/search/lexicon_data/ again from the Debian files")
    parser.add_argument("--links", metavar="LOCALE", help="print every link the pages now get, for review")
    args = parser.parse_args(argv)
    try:
        if args.write:
            made = write()
            print(", ".join(f"{locale}: {n} entries" for locale, n in made.items()) + f" -> {DATA_DIR}")
        elif args.links:
            for reader, targets in _project_links(args.links).items():
                print(f"{reader}\t{'|'.join(targets)}")
        else:
            parser.print_help()
    except HandbookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
