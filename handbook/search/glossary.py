"""The glossary of ``search_words.yml``: the social-media words staff use, each with its source.

An entry links words staff type ("insta", "kidsen", "boss") to a word the handbook's pages say
("instagram", "elev", "chef"), says where the words come from (a public dictionary, a list of
new words, a platform's help page) and which section a search for them should give:

    glossary:
      sv:
        - words: [insta, ig]
          means: instagram
          source: "Ultimate Lexicon, 'Instagram', https://…"
          finds: privat-personlig-och-professionell.md#personal-strategy

Search uses an entry as a synonym group ``[means, *words]`` (one group per word of ``means``
when it names several), so nothing here is a new search rule; the test of each entry is in
tests/test_search_glossary.py. ``check_glossary`` explains every mistake in one line;
``glossary_groups`` gives the groups a language's search index gets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from handbook.core import sources
from handbook.core.project import HandbookError, Language, page_and_language, section_reference_problem
from handbook.search.search_index import words as index_words

GLOSSARY_KEY = "glossary"
FIELDS = ("words", "means", "source", "finds")
EXAMPLE = ("- words: [insta, ig]\n    means: instagram\n    source: \"<title>, <address>\"\n"
           "    finds: privat-personlig-och-professionell.md#personal-strategy")
# A word the pages say "in any form": it or a page word starts with the other, and the shorter
# keeps all but this many letters of the longer ("posta" is said by "postar", "twittra" by
# "twittrar"); compounds count by their parts, as search_index.words splits them.
FORM_ENDING = 3
# What a reader never sees in a page's Markdown: {#section-id} and other attribute lists, link
# targets, addresses and comments.
_HIDDEN = re.compile(r"\{[^}\n]*\}|\]\([^)\n]*\)|<!--.*?-->|https?://\S+", re.S)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _texts(value) -> list[str] | None:
    """A string or a list of strings, stripped; None when it is neither or when one is empty."""
    items = _as_list(value)
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        return None
    return [item.strip() for item in items]


def page_words(docs_dir: Path, lang: Language, langs: list[Language]) -> list[list[str]]:
    """The words a reader sees in each of ``lang``'s pages (headings included), as search splits them."""
    out = []
    for path in sorted(docs_dir.glob("*.md")):
        if page_and_language(path.name, langs)[1] == lang:
            out.append(index_words(_HIDDEN.sub(" ", sources.read(path, f"docs/{path.name}").body)))
    return out


def _same_word(word: str, page_word: str) -> bool:
    short, long = sorted((word, page_word), key=len)
    return long.startswith(short) and len(long) - len(short) < FORM_ENDING


def said(phrase: str, pages: Iterable[list[str]]) -> bool:
    """Whether a page says ``phrase`` in some form, its words one after the other."""
    wanted = index_words(phrase)
    if not wanted:
        return False
    for words in pages:
        for start in range(len(words) - len(wanted) + 1):
            if all(_same_word(w, words[start + i]) for i, w in enumerate(wanted)):
                return True
    return False


def _entry_problem(entry, number: int, locale: str, pages: list[list[str]], docs_dir: Path,
                   langs: list[Language]) -> tuple[str, str | None]:
    """(how the entry is named in messages, what is wrong with it or None)."""
    if not isinstance(entry, dict):
        return f"entry {number}", f"must be an entry with {', '.join(FIELDS)}, written like:\n  {EXAMPLE}"
    words = _texts(entry.get("words"))
    label = f"entry {number} ({', '.join(words or [])})" if words else f"entry {number}"
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        return label, f"unknown field '{unknown[0]}'. An entry has only {', '.join(FIELDS)}; check the spelling."
    missing = [field for field in FIELDS if entry.get(field) in (None, "", [])]
    if missing:
        how = {
            "words": "the words staff type, like [insta, ig]",
            "means": "the handbook's word they mean, as a page says it, like instagram",
            "source": "where the words come from: the title and address of the page you read, like "
                      "\"Svensk ordbok, 'unge', https://svenska.se/so/?id=189220\"",
            "finds": "the section a search for the words should give, like facebook-konton.md#one-account",
        }[missing[0]]
        return label, f"has no '{missing[0]}'. Add {how}."
    if words is None:
        return label, "'words' must be a list of words, like [insta, ig]."
    means = _texts(entry["means"])
    if means is None:
        return label, "'means' must be a word (or a list of words), like instagram."
    if _texts(entry["source"]) is None:
        return label, "'source' must be the title and address of the page the words come from (text, or a list of texts)."
    problem = section_reference_problem(str(entry["finds"]), docs_dir, langs)
    if problem:
        return label, f"finds: {problem}"
    for word in means:
        if not said(word, pages):
            return label, (f"means '{word}', which no {locale} page says. Use a word the handbook's "
                           f"pages say in {locale} (in any form), or add the word to a page first.")
    return label, None


def check_glossary(data: dict, name: str, docs_dir: Path, langs: list[Language]) -> None:
    """Raise a HandbookError naming the file, the entry and what is wrong, if anything is."""
    glossary = data.get(GLOSSARY_KEY)
    if glossary is None:
        return
    locales = {lang.locale: lang for lang in langs}
    if not isinstance(glossary, dict):
        raise HandbookError(f"{name}: {GLOSSARY_KEY}: must list the entries under each language "
                            f"({', '.join(locales)}), like\n{GLOSSARY_KEY}:\n  sv:\n    {EXAMPLE}")
    for locale, entries in glossary.items():
        where = f"{name}: {GLOSSARY_KEY}.{locale}"
        if locale not in locales:
            raise HandbookError(f"{where}: '{locale}' is not a language of the site. Use one of: {', '.join(locales)}.")
        if not isinstance(entries, list):
            raise HandbookError(f"{where}: must be a list of entries, each starting with '- words:'.")
        pages = page_words(docs_dir, locales[locale], langs)
        seen = {w.lower().strip(): f"{locale}.synonyms {group}"
                for group in (data.get(locale) or {}).get("synonyms") or [] if isinstance(group, list)
                for w in group if isinstance(w, str)}
        for number, entry in enumerate(entries, start=1):
            label, problem = _entry_problem(entry, number, locale, pages, docs_dir, langs)
            if problem:
                raise HandbookError(f"{where} {label}: {problem}")
            for word in _texts(entry["words"]):
                key = word.lower()
                if key in seen:
                    raise HandbookError(f"{where} {label}: '{word}' is already in {seen[key]}. "
                                        "Write each word once: remove it from one of the two.")
                seen[key] = f"{GLOSSARY_KEY}.{locale} {label}"


def glossary_groups(data: dict, locale: str) -> list[list[str]]:
    """A language's glossary as synonym groups, lower case: [means, *words] for each word it means."""
    groups = []
    for entry in (data.get(GLOSSARY_KEY) or {}).get(locale) or []:
        words = [w.lower() for w in _texts(entry["words"])]
        groups += [[means.lower(), *words] for means in _texts(entry["means"])]
    return groups


def glossary_entries(data: dict, locale: str) -> list[dict]:
    """A language's glossary entries as written (for the tests that try each one)."""
    return list((data.get(GLOSSARY_KEY) or {}).get(locale) or [])
