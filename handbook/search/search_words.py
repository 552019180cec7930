"""MkDocs hook: adds the words staff actually use to each language's search index.

The words live in ``search_words.yml`` at the project root, which editors extend:

- ``synonyms``: groups of words that mean the same ("fb" and "facebook"). A section whose
  title or text contains one word of a group is also found by the others;
- ``sections``: extra search words for one section, as ``<page file>#<section id>: [words]``;
- ``glossary``: the social-media words staff use, each with its source and the section it leads
  to (``handbook/search/glossary.py``); search uses each entry as the synonym group ``[means, *words]``.

The words of real lexicons (``handbook/search/lexicons.py``) go beside the synonyms, as ``lexicon``.
It also ranks sections (which hold the answers) above their page's own entry, and hands the
navigation sections and Swedish compounds to the search engine (``handbook/search/search_index.py``).
The plugin calls ``language_search_index`` once per language, after every language is built.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from handbook.search.decompound import CompoundCache
from handbook.search.glossary import GLOSSARY_KEY, check_glossary, glossary_groups
from handbook.search.lexicons import add_lexicon, editors_words
from handbook.search.search_index import (
    add_anchor_texts, add_other_languages, anchor_texts, built_pages, locations, prepare_search_index,
)
from handbook.core.project import HandbookError, Language, section_reference_problem

# Sections that point elsewhere, help on using the handbook, and legal text, for every language.
NAVIGATION_KEY = "navigation"
HELP_KEY = "help"
BOILERPLATE_KEY = "boilerplate"
RANKED_LOWER = (NAVIGATION_KEY, HELP_KEY, BOILERPLATE_KEY)
# Keys of the file that are not a language.
SHARED_KEYS = (*RANKED_LOWER, GLOSSARY_KEY)
# A page's own entry holds only its title and intro; its sections hold the answers.
PAGE_BOOST = 0.5


def load_search_words(path: Path, docs_dir: Path, langs: list[Language]) -> dict:
    """The file's words per locale, checked: every language and page#section must exist."""
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise HandbookError(f"{name}: is not valid YAML ({err}). Check the indentation.") from err
    locales = {lang.locale: lang for lang in langs}
    for key in RANKED_LOWER:
        targets = data.get(key) or []
        if not isinstance(targets, list):
            raise HandbookError(f"{name}: {key}: must be a list of <page file>#<section id> or <page file>.")
        for target in targets:
            problem = section_reference_problem(str(target), docs_dir, langs)
            if problem:
                raise HandbookError(f"{name}: {key}: {problem}")
    for locale, entry in data.items():
        if locale in SHARED_KEYS:
            continue
        if locale not in locales:
            raise HandbookError(f"{name}: '{locale}' is not a language of the site. Use one of: {', '.join(locales)}.")
        for group in entry.get("synonyms") or []:
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
                raise HandbookError(f"{name}: {locale}.synonyms: {group!r} must be a list of at least two words, like [fb, facebook].")
        for target, words in (entry.get("sections") or {}).items():
            problem = section_reference_problem(target, docs_dir, langs)
            if problem:
                raise HandbookError(f"{name}: {locale}.sections: {problem}")
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise HandbookError(f"{name}: {locale}.sections: '{target}' must have a list of words, like [dubbelkonto, jobbkonto].")
    check_glossary(data, name, docs_dir, langs)
    return data


def _location(target: str) -> str:
    """A section's location in its language's search index: 'facebook-konton/#one-account'."""
    page, _, section_id = target.partition("#")
    stem = page[: -len(".md")]
    path = "" if stem == "index" else stem + "/"
    return path + (f"#{section_id}" if section_id else "")


def add_search_words(index: dict, lang: Language, words: dict) -> dict:
    """Each section's own staff words as its ``keywords``, and the ranking of page entries. The
    synonym groups go to the search engine with the index (``search_index.add_search_config``),
    which adds a group's words to a section where it says one of them, in the same field."""
    extra = {_location(t): [w.lower() for w in ws] for t, ws in (words.get("sections") or {}).items()}
    for doc in index["docs"]:
        keywords = extra.get(doc["location"])
        if keywords:
            doc["keywords"] = " ".join(sorted(set(keywords)))
        boost = doc.get("boost", 1)  # front matter `search: boost:` sets it for a page
        if "#" not in doc["location"]:
            boost *= PAGE_BOOST
        if boost != 1:
            doc["boost"] = boost
    return index


def synonym_groups(words: dict) -> list[list[str]]:
    """A language's synonym groups, lower case."""
    return [[w.lower().strip() for w in group] for group in words.get("synonyms") or []]


def language_synonym_groups(words: dict, locale: str) -> list[list[str]]:
    """What the search engine gets as one language's synonym groups: the ``synonyms`` of the
    language, then its glossary entries, each as [means, *words] (glossary.glossary_groups)."""
    return synonym_groups(words.get(locale) or {}) + glossary_groups(words, locale)


def language_search_index(index: dict, lang: Language, words: dict, pages: dict[str, str],
                          cache: CompoundCache) -> dict:
    """One language's search index as the handbook's search engine needs it: ``index`` as the
    search plugin wrote it for ``lang`` (split_by_language), ``words`` as load_search_words gives
    them, ``pages`` the built HTML of the language's pages (search_index.built_pages), and the
    build's compound cache (search_index.compound_cache, saved once after every language)."""
    own = words.get(lang.locale) or {}
    index = add_search_words(index, lang, own)
    index = add_anchor_texts(index, anchor_texts(pages, locations(index)))
    ranked_lower = {key: [_location(t) for t in words.get(key) or []] for key in RANKED_LOWER}
    index = prepare_search_index(index, lang.locale, ranked_lower[NAVIGATION_KEY], ranked_lower[BOILERPLATE_KEY],
                                 language_synonym_groups(words, lang.locale), cache, ranked_lower[HELP_KEY])
    return add_lexicon(index, lang.locale, editors_words(lang.locale, words), cache)


def site_search_indexes(site_dir: Path, indexes: dict[str, dict], langs: list[Language], words: dict,
                        cache: CompoundCache) -> dict[str, dict]:
    """Every language's finished index (locale -> index), from the indexes of the built pages
    (``indexes``, locale -> index, whichever engine built them): each as language_search_index
    makes it, then each section with its words in the other languages (add_other_languages).
    The MkDocs plugin and the Zensical path (built_search) both call this."""
    finished = {lang.locale: language_search_index(indexes[lang.locale], lang, words,
                                                   built_pages(site_dir, lang, indexes[lang.locale]), cache)
                for lang in langs}
    return add_other_languages(finished)
