"""Splits Swedish compounds into their parts, with the Hunspell Swedish dictionary.

Swedish joins words: the handbook says "säkerhetsinställningarna" and "tystnadsplikt", staff type
"sekretessinställningar", "plikt" or "facebookkonton". Search finds a compound by its parts only
if it knows the parts, so the build splits every word of the handbook here, with the rules of a
real lexicon: the Hunspell Swedish dictionary of the ``hunspell-sv`` package (SFOL, SALDO and
others; LGPL). Its flags say which words may begin (``COMPOUNDBEGIN``), continue
(``COMPOUNDMIDDLE``) or end (``COMPOUNDEND``) a compound, and its suffix rules give the linking
forms ("integritet" -> "integritets-", "användare" -> "användar-") and the inflections of the
last part ("villkor" -> "villkoren"). No list of compounds is written by hand.

The search in the browser splits the reader's words against the handbook's own words and parts
(``handbook-search-engine.js``); this module gives it those parts. Each part is given as its
dictionary form ("säkerhets" -> "säkerhet") so that it stems like the word on its own.

The dictionary is read once per process (about 0.3 s) and only when a word is met that the
cache (``compounds-<dictionary version>.json``, see ``search_index.compound_cache``) does not
hold, so a rebuild of unchanged pages does not read it at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

DICTIONARY_PACKAGE = "hunspell-sv"
DICTIONARY_NAME = "sv_SE"
# A part shorter than this is not trusted: Hunspell allows two letters ("ip", "tv"), which
# splits ordinary words into nonsense ("in" + "formation").
MIN_PART = 3
# Words shorter than this are never compounds worth splitting (two parts of MIN_PART).
MIN_WORD = 2 * MIN_PART
_LETTERS = re.compile(r"^[a-zåäöéü]+$")


class LexiconError(Exception):
    """The Swedish dictionary is missing or unreadable: says how to install it."""


@dataclass(frozen=True)
class _Suffix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern
    continuation: str


@dataclass
class Lexicon:
    """The parts of a Hunspell dictionary that compounding needs."""

    flags: dict[str, str]  # dictionary form -> its flags
    suffixes_by_ending: dict[str, list[_Suffix]]  # the suffix's added letters -> rules
    begin: str
    middle: str
    end: str
    only_in_compound: str
    forbidden: str
    version: str

    def _own(self, word: str, flag: str) -> bool:
        own = self.flags.get(word)
        return own is not None and flag in own and self.forbidden not in own

    def _bases(self, word: str):
        """(rule, dictionary form) for every suffix rule that could have made ``word``."""
        for cut in range(0, min(len(word), 6) + 1):
            for rule in self.suffixes_by_ending.get(word[len(word) - cut:], ()):
                base = word[: len(word) - cut] + rule.strip
                base_flags = self.flags.get(base)
                if (base_flags is not None and rule.flag in base_flags and self.forbidden not in base_flags
                        and rule.condition.search(base)):
                    yield rule, base

    def dictionary_forms(self, word: str) -> set[str]:
        """The dictionary forms ``word`` may be an inflection of, and the word itself if the
        dictionary has it ("klagar" -> {"klaga"}, "grupper" -> {"grupp"}); for handbook/search/lexicons.py."""
        forms = {base for _rule, base in self._bases(word)}
        own = self.flags.get(word)
        if own is not None and self.forbidden not in own:
            forms.add(word)
        return forms

    def lemma(self, part: str, role: str) -> str | None:
        """The dictionary form of ``part`` if it may take ``role`` ("begin", "middle", "end")
        in a compound, else None."""
        if role == "end":
            if self._own(part, self.end):
                return part
            # The last part may be inflected ("villkoren"), but not with a linking suffix,
            # which makes a form that exists only inside compounds ("arbets").
            for rule, base in self._bases(part):
                if self.end in self.flags[base] and self.only_in_compound not in rule.continuation:
                    return base
            return None
        flag = self.begin if role == "begin" else self.middle
        # A linking form: a suffix that lets its word begin or continue a compound. Its word,
        # not the form, is the part ("säkerhets" -> "säkerhet"), even where the dictionary also
        # lists the form itself, so that the part stems as the word on its own does.
        linking = [base for rule, base in self._bases(part) if flag in rule.continuation]
        changed = [base for base in linking if base != part]
        if changed:
            return changed[0]
        return part if linking or self._own(part, flag) else None


def _dictionary_files() -> tuple[Path, Path]:
    try:
        dist = metadata.distribution(DICTIONARY_PACKAGE)
    except metadata.PackageNotFoundError as err:
        raise LexiconError(
            f"The Swedish dictionary for search is missing: the package '{DICTIONARY_PACKAGE}' is "
            "not installed. Run 'uv sync'."
        ) from err
    found = {}
    for file in dist.files or ():
        if file.name in (f"{DICTIONARY_NAME}.dic", f"{DICTIONARY_NAME}.aff"):
            found[file.suffix] = Path(dist.locate_file(file)).resolve()
    if set(found) != {".dic", ".aff"} or not all(p.is_file() for p in found.values()):
        raise LexiconError(
            f"The package '{DICTIONARY_PACKAGE}' has no {DICTIONARY_NAME}.dic and .aff. Reinstall it "
            "with 'uv sync --reinstall-package hunspell-sv'."
        )
    return found[".dic"], found[".aff"]


def dictionary_version() -> str:
    """The dictionary package's version, which names the cache of splits made with it."""
    try:
        return metadata.version(DICTIONARY_PACKAGE)
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The Hunspell Swedish dictionary, read once per process."""
    dic, aff = _dictionary_files()
    settings: dict[str, str] = {}
    by_ending: dict[str, list[_Suffix]] = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] in ("COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND",
                                              "ONLYINCOMPOUND", "FORBIDDENWORD"):
            settings[fields[0]] = fields[1]
        elif len(fields) >= 5 and fields[0] == "SFX":
            flag, strip, added, condition = fields[1], fields[2], fields[3], fields[4]
            added, _, continuation = added.partition("/")
            strip = "" if strip == "0" else strip
            added = "" if added == "0" else added
            rule = _Suffix(flag, strip, added, re.compile(f"{condition}$"), continuation)
            by_ending.setdefault(added, []).append(rule)
    flags: dict[str, str] = {}
    with dic.open(encoding="utf-8") as lines:
        next(lines)  # the number of entries
        for line in lines:
            word, _, word_flags = line.rstrip("\n").partition("/")
            if word.islower():
                flags[word] = flags.get(word, "") + word_flags
            else:  # names: "Facebook" may begin a compound as "facebook"
                lower = word.lower()
                flags[lower] = flags.get(lower, "") + word_flags
    return Lexicon(
        flags=flags, suffixes_by_ending=by_ending,
        begin=settings.get("COMPOUNDBEGIN", "X"), middle=settings.get("COMPOUNDMIDDLE", "U"),
        end=settings.get("COMPOUNDEND", "Y"), only_in_compound=settings.get("ONLYINCOMPOUND", "Z"),
        forbidden=settings.get("FORBIDDENWORD", "%"), version=dictionary_version(),
    )


def _splits(word: str, lexicon: Lexicon, role: str, depth: int) -> list[list[str]]:
    """Every way to read ``word`` as parts (dictionary forms), the first one taking ``role``."""
    found = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        head_lemma = lexicon.lemma(head, role)
        if head_lemma is None or len(head_lemma) < MIN_PART:
            continue
        tail_lemma = lexicon.lemma(tail, "end")
        if tail_lemma is not None:
            # The last part keeps its inflection ("villkoren"): the search stems it.
            found.append([head_lemma, tail])
        if depth > 1 and len(tail) >= MIN_WORD:
            for rest in _splits(tail, lexicon, "middle", depth - 1):
                found.append([head_lemma, *rest])
    return found


def compound_parts(word: str, lexicon: Lexicon) -> list[str]:
    """The parts of a Swedish compound, each once, in order of first appearance; [] if none.

    Every reading the dictionary allows counts ("hemtelefonnummer": hem + telefonnummer,
    hemtelefon + nummer, hem + telefon + nummer), so a reader's word finds the compound by
    any of them. Linking forms come back as dictionary forms ("tystnads" -> "tystnad")."""
    if len(word) < MIN_WORD or not _LETTERS.match(word):
        return []
    parts: list[str] = []
    for split in _splits(word, lexicon, "begin", depth=3):
        for part in split:
            if part != word and part not in parts:
                parts.append(part)
    return parts


class CompoundCache:
    """Splits made before, and words' dictionary forms (for handbook/search/lexicons.py), kept in a
    JSON file each per dictionary version, so that a build reads the dictionary only for words
    it has not seen. Deleting the files is always safe."""

    def __init__(self, directory: Path | None):
        version = _safe(dictionary_version())
        self.file = directory / f"compounds-{version}.json" if directory else None
        self.forms_file = directory / f"forms-{version}.json" if directory else None
        self.known = _read(self.file)
        self.known_forms = _read(self.forms_file)
        self.changed = False
        self.forms_changed = False

    def parts(self, words: set[str]) -> dict[str, list[str]]:
        """The compounds among ``words`` and their parts."""
        missing = sorted(w for w in words if w not in self.known)
        if missing:
            lexicon = load_lexicon()
            for word in missing:
                self.known[word] = compound_parts(word, lexicon)
            self.changed = True
        return {w: self.known[w] for w in sorted(words) if self.known[w]}

    def dictionary_forms(self, words: set[str]) -> dict[str, list[str]]:
        """Each word -> the dictionary forms it may be an inflection of (Lexicon.dictionary_forms)."""
        missing = sorted(w for w in words if w not in self.known_forms)
        if missing:
            lexicon = load_lexicon()
            for word in missing:
                self.known_forms[word] = sorted(lexicon.dictionary_forms(word))
            self.forms_changed = True
        return {w: self.known_forms[w] for w in words}

    def save(self) -> None:
        """Write the files whole, then put them in place: builds running side by side (tests,
        benchmarks) never read a half-written file."""
        if self.file and self.changed:
            _write(self.file, self.known)
            self.changed = False
        if self.forms_file and self.forms_changed:
            _write(self.forms_file, self.known_forms)
            self.forms_changed = False


def _read(file: Path | None) -> dict[str, list[str]]:
    if file and file.is_file():
        try:
            return json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
    return {}


def _write(file: Path, known: dict[str, list[str]]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(known, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(temporary, file)


def _safe(text: str) -> str:
    return re.sub(r"[^\w.-]", "_", text) or hashlib.sha1(text.encode()).hexdigest()[:8]
