"""What the build adds to a language's search index for the handbook's own search.

The search itself runs in the reader's browser (``overrides/assets/javascripts/
handbook-search-engine.js``). It needs two things that only the build can know, which go into
the index's ``config.handbook``:

- ``compounds``: each Swedish compound of the handbook and its parts, from the Hunspell Swedish
  dictionary (``handbook/decompound.py``), so that "sekretessinställningar" finds
  "säkerhetsinställningarna" by "inställningar", and "plikt" finds "tystnadsplikt";
- ``navigation``: the sections that point elsewhere or are about the handbook itself (the start
  page's lists, the search help, the accessibility statement), from ``search_words.yml``. Search
  ranks them below sections that answer with their own words.

Pure functions: they take and return the index as a dict (the JSON Material's search plugin
writes), so that any build step can call them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from handbook.decompound import CompoundCache

# The engine's words(): letters and digits, hyphenated words as pieces and joined.
_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_POSSESSIVE = re.compile(r"['\u2019]s(?![^\W_])")
_TAG = re.compile(r"<[^>]*>")
# The languages whose compounds are split, and with which dictionary (handbook/decompound.py).
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


def index_words(index: dict) -> set[str]:
    """Every distinct word of an index's titles, texts and staff words."""
    found: set[str] = set()
    for doc in index.get("docs", []):
        for field in ("title", "text", "keywords"):
            found.update(words(str(doc.get(field) or "")))
    return found


def add_search_config(index: dict, locale: str, compounds: Mapping[str, list[str]],
                      navigation: Iterable[str]) -> dict:
    """The index with ``config.handbook``: the compounds among its words and the locations of
    its navigation sections (a page location such as "tillganglighetsredogorelse/" stands for
    all of that page)."""
    config = dict(index.get("config") or {})
    config["handbook"] = {
        "compounds": dict(sorted(compounds.items())) if locale in COMPOUND_LANGUAGES else {},
        "navigation": sorted(set(navigation)),
    }
    return {**index, "config": config}


def prepare_search_index(index: dict, locale: str, navigation: Iterable[str],
                         cache: CompoundCache) -> dict:
    """``add_search_config`` with the compounds of the index's own words, split with the
    dictionary (or taken from ``cache``)."""
    compounds = cache.parts(index_words(index)) if locale in COMPOUND_LANGUAGES else {}
    return add_search_config(index, locale, compounds, navigation)


def compound_cache(project_dir: Path) -> CompoundCache:
    """The cache of compound splits of a project, next to its templates' (``.cache/``)."""
    return CompoundCache(project_dir / ".cache" / "search")
