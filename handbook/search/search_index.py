"""What the build adds to a language's search index for the handbook's own search.

The search itself runs in the reader's browser (``overrides/assets/javascripts/
handbook-search-engine.js``). It needs two things that only the build can know, which go into
the index's ``config.handbook``:

- ``compounds``: each Swedish compound of the handbook and its parts, from the Hunspell Swedish
  dictionary (``handbook/search/decompound.py``), so that "sekretessinställningar" finds
  "säkerhetsinställningarna" by "inställningar", and "plikt" finds "tystnadsplikt";
- ``navigation``, ``help`` and ``boilerplate``: the sections that point elsewhere (the start
  page's lists), help on using the handbook (the search help) and legal text (the accessibility
  statement), from ``search_words.yml``. Search ranks them below sections that answer with their
  own words;
- ``synonyms``: the synonym groups of ``search_words.yml``, which the search adds where a section
  says one of a group's words;
- ``other``: the locales of the other languages whose words each doc carries as ``other`` (the
  same location's heading, staff words and text there, ``add_other_languages``): every section
  has the same ID in every language, so a word that only another language's pages say
  ("privacy", "story" on the Swedish site) finds the section in the reader's language.

Pure functions: they take and return the index as a dict (the JSON Material's search plugin
writes), so that any build step can call them.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from handbook.search.decompound import MIN_WORD, CompoundCache

# The engine's words(): letters and digits, hyphenated words as pieces and joined.
_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_POSSESSIVE = re.compile(r"['\u2019]s(?![^\W_])")
_TAG = re.compile(r"<[^>]*>")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
_HREF = re.compile(r'\bhref="([^"]*)"')
_BASE = "http://handbook.invalid/"
# The languages whose compounds are split, and with which dictionary (handbook/search/decompound.py).
COMPOUND_LANGUAGES = ("sv",)


def words(text: str) -> list[str]:
    """The words of a text as the search engine sees them (lower case; "Facebook-konto" gives
    "facebook", "konto" and "facebookkonto")."""
    out: list[str] = []
    for match in _WORD.finditer(_POSSESSIVE.sub("", _TAG.sub(" ", text)).lower()):
        pieces = _HYPHEN.split(match.group(0))
        out.extend(pieces)
        if len(pieces) > 1:
            out.append("".join(pieces))
    return out


# A word that could be a compound: letters only, at least two parts of MIN_PART letters.
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")


def compound_candidates(index: dict) -> set[str]:
    """Every distinct word of an index's titles, texts and staff words that is long enough to be
    a compound (lower case; the pieces of hyphenated words count on their own)."""
    text = " ".join(str(doc.get(field) or "") for doc in index.get("docs", [])
                    for field in ("title", "text", "keywords"))
    return set(_LONG_WORD.findall(_TAG.sub(" ", text).lower()))


def anchor_texts(pages: Mapping[str, str], locations: Iterable[str]) -> dict[str, list[str]]:
    """The words that link to each page or section: location -> the texts of the links to it.

    ``pages`` maps each page's location in the index ("", "facebook-konton/") to its built HTML.
    A link's text says what the linked section is about in the words of another page (the start
    page's "Kan jag ha ett jobbkonto och ett privat konto på Facebook?" for
    facebook-konton/#one-account), as anchor text does for web search. Links to another site,
    to a file, or to a heading's own permalink are left out."""
    known = set(locations)
    found: dict[str, list[str]] = {}
    for page, page_html in pages.items():
        article = _ARTICLE.search(page_html)
        for match in _LINK.finditer(article.group(0) if article else ""):
            attributes, inner = match.group(1), match.group(2)
            href = _HREF.search(attributes)
            if not href or "headerlink" in attributes:
                continue
            url = urlsplit(urljoin(_BASE + page, html.unescape(href.group(1))))
            if not (url.scheme + "://" + url.netloc + "/").startswith(_BASE):
                continue
            target = url.path[1:] + (f"#{url.fragment}" if url.fragment else "")
            text = " ".join(html.unescape(_TAG.sub(" ", inner)).split())
            if target in known and text:
                found.setdefault(target, []).append(text)
    return found


def locations(index: dict) -> list[str]:
    """Every location of an index (pages and sections)."""
    return [doc.get("location", "") for doc in index.get("docs", [])]


def built_pages(site_dir: Path, lang, index: dict) -> dict[str, str]:
    """Each page of a language's index -> its built HTML (for anchor_texts)."""
    pages = {}
    for location in locations(index):
        if "#" in location:
            continue
        file = site_dir / lang.url_prefix() / location / "index.html"
        if file.is_file():
            pages[location] = file.read_text(encoding="utf-8")
    return pages


def add_anchor_texts(index: dict, anchors: Mapping[str, list[str]]) -> dict:
    """The index with each doc's ``anchors``: the texts of the links to it (see anchor_texts)."""
    docs = []
    for doc in index.get("docs", []):
        texts = anchors.get(doc.get("location", ""))
        docs.append({**doc, "anchors": " ".join(texts)} if texts else doc)
    return {**index, "docs": docs}


def add_search_config(index: dict, locale: str, compounds: Mapping[str, list[str]],
                      navigation: Iterable[str], boilerplate: Iterable[str] = (),
                      synonyms: Iterable[list[str]] = (), help_sections: Iterable[str] = ()) -> dict:
    """The index with ``config.handbook``: the compounds among its words, the locations of its
    navigation, help and boilerplate sections (a page location such as
    "tillganglighetsredogorelse/" stands for all of that page) and the synonym groups
    (search_words.yml)."""
    config = dict(index.get("config") or {})
    config["handbook"] = {
        "compounds": dict(sorted(compounds.items())) if locale in COMPOUND_LANGUAGES else {},
        "navigation": sorted(set(navigation)),
        "help": sorted(set(help_sections)),
        "boilerplate": sorted(set(boilerplate)),
        "synonyms": [list(group) for group in synonyms],
    }
    return {**index, "config": config}


def prepare_search_index(index: dict, locale: str, navigation: Iterable[str], boilerplate: Iterable[str],
                         synonyms: Iterable[list[str]], cache: CompoundCache,
                         help_sections: Iterable[str] = ()) -> dict:
    """``add_search_config`` with the compounds of the index's own words (and synonyms), split
    with the dictionary or taken from ``cache``."""
    synonyms = [list(group) for group in synonyms]
    compounds = {}
    if locale in COMPOUND_LANGUAGES:
        vocabulary = compound_candidates(index) | {w for group in synonyms for term in group for w in words(term)}
        compounds = cache.parts(vocabulary)
    return add_search_config(index, locale, compounds, navigation, boilerplate, synonyms, help_sections)


# The fields of a section in another language that its doc carries as ``other``.
OTHER_FIELDS = ("title", "keywords", "text")
# A word of another language is carried only where it tells sections apart: said by at most this
# share of that language's docs (or OTHER_FEW docs, in a small handbook). A word many sections
# say would weigh little in the search anyway, and it is most of the bytes.
OTHER_SHARE, OTHER_FEW = 0.05, 4


def add_other_languages(indexes: Mapping[str, dict], fields: Iterable[str] = OTHER_FIELDS,
                        share: float = OTHER_SHARE, few: int = OTHER_FEW) -> dict[str, dict]:
    """Each language's index (locale -> index) with, on each doc, ``other``: locale -> the plain
    text of ``fields`` of the same location in each other language's index (and, for a section,
    its page's title there), and those locales in ``config.handbook.other``: each word once, and
    only the words that the reader's language's docs do not have and at most ``share`` of the other
    language's docs (or ``few``) have. The search engine reads it only for a question's word that
    the reader's language's index does not have at all, and shows only the reader's language."""
    fields = tuple(fields)

    def plain(value) -> str:
        return " ".join(html.unescape(_TAG.sub(" ", str(value or ""))).split())

    texts = {}
    for locale, index in indexes.items():
        titles = {doc.get("location", ""): plain(doc.get("title")) for doc in index.get("docs", [])}
        texts[locale] = {}
        for doc in index.get("docs", []):
            location = doc.get("location", "")
            # A section also by its page's title there, as the engine reads the page's title here.
            page = titles.get(location.split("#")[0], "") if "#" in location else ""
            texts[locale][location] = " ".join(filter(None, [page, *(plain(doc.get(f)) for f in fields)]))
    # Each language's own words: a word the reader's pages have is never looked for in another
    # language, so it need not be carried.
    own = {locale: {w for doc in index.get("docs", []) for f in ("title", "keywords", "text") for w in words(str(doc.get(f) or ""))}
           for locale, index in indexes.items()}
    # Each language's words said by few of its docs.
    rare = {}
    for locale, found in texts.items():
        df = Counter(w for text in found.values() for w in set(words(text)))
        most = max(few, share * len(found))
        rare[locale] = {w for w, n in df.items() if n <= most}
    out = {}
    for locale, index in indexes.items():
        others = [other for other in indexes if other != locale]
        docs = []
        for doc in index.get("docs", []):
            # Each word once, in the order said (repeats hardly matter where one word is looked for).
            found = {other: " ".join(w for w in dict.fromkeys(words(texts[other].get(doc.get("location", ""), "")))
                                     if w in rare[other] and w not in own[locale])
                     for other in others}
            found = {other: text for other, text in found.items() if text}
            docs.append({**doc, "other": found} if found else doc)
        config = dict(index.get("config") or {})
        config["handbook"] = {**(config.get("handbook") or {}), "other": others}
        out[locale] = {**index, "config": config, "docs": docs}
    return out


def compound_cache(project_dir: Path) -> CompoundCache:
    """The cache of compound splits: one per machine ($XDG_CACHE_HOME or ~/.cache, in
    varberg-handbook/), so that the copies of the project that tests and benchmarks build share
    it and read the dictionary (0.3-0.5 s) only for words new to the machine; the project's own
    ``.cache/search/`` where that folder cannot be written."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "varberg-handbook"
    try:
        home.mkdir(parents=True, exist_ok=True)
        if os.access(home, os.W_OK):
            return CompoundCache(home)
    except OSError:
        pass
    return CompoundCache(project_dir / ".cache" / "search")
