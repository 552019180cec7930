"""The handbook's search index of each language, made from the built pages of any engine.

Material's search plugin writes ``search/search_index.json`` as MkDocs renders each page;
Zensical writes its own index in another format (``search.json`` of each language: ``items``
with a ``level`` and a ``path``, text as HTML). Here the same index as MkDocs' plugin gives (``{"config", "docs": [{location, title,
text}]}``, one entry per page and one per section with an ``id``) is read from each built page's
``<article>``, then finished exactly as the MkDocs build finishes it
(search_words.language_search_index) and written where the handbook's worker reads it.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handbook.search import split_by_language
from handbook.core.project import Language

# What the templates add to a page's content, which Material's search plugin never sees (and
# Zensical's target of its skip link).
NOT_CONTENT = ("a#__skip, .handbook-search-exclude, .handbook-page-facts, .handbook-review-overdue, .handbook-print-stamp, .md-content__button, "
               ".md-source-file, script, style")
SEARCH_CONFIG = {"lang": [], "separator": r'[\s\-,:;!?.()"/]+', "pipeline": ["stemmer", "stopWordFilter", "trimmer"],
                 "fields": {"title": {"boost": 8}, "text": {"boost": 1}, "tags": {"boost": 8}}}


def language_pages(site_dir: Path, lang: Language, langs: list[Language]) -> list[Path]:
    """The built pages of ``lang``: every index.html under its root, not another language's."""
    root = Path(site_dir) / lang.url_prefix()
    others = [Path(site_dir) / o.url_prefix() for o in langs if o.url_prefix() and o != lang]
    pages = [p for p in root.rglob("index.html") if not any(p.is_relative_to(o) for o in others)]
    return sorted(pages, key=lambda p: p.parent.relative_to(root).parts)


def page_entries(html: str, location: str) -> list[dict]:
    """The index entries of one built page at ``location`` (``x/``), as Material's search plugin
    makes them from the page's content: the part up to the first heading after the h1 is the page,
    each later heading with an ``id`` a section. Its own HTML parser reads the content (a seam:
    README, "When Material reaches end of life"); the content is the built page's ``<article>``
    without what the templates add."""
    from material.plugins.search.plugin import Parser

    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if article is None:
        return []
    for node in article.select(NOT_CONTENT):
        node.decompose()
    parser = Parser()
    parser.feed(article.decode_contents().strip())
    parser.close()
    entries = []
    for section in parser.data:
        if section.is_excluded():
            continue
        title = "".join(section.title).strip() or (soup.title.get_text() if soup.title else "")
        entries.append({"location": location + (f"#{section.id}" if section.id else ""), "title": title,
                        "text": "".join(section.text).strip()})
    return entries


def language_index(site_dir: Path, lang: Language, langs: list[Language]) -> dict:
    """A language's index as Material's search plugin and split_by_language give it (its pages
    in MkDocs' order of files: a folder's index first, then by name)."""
    root = Path(site_dir) / lang.url_prefix()
    docs = []
    for page in language_pages(site_dir, lang, langs):
        location = page.parent.relative_to(root).as_posix()
        docs += page_entries(page.read_text(encoding="utf-8"), "" if location == "." else f"{location}/")
    return {"config": {**SEARCH_CONFIG, "lang": [lang.locale]}, "docs": docs}


def write_indexes(site_dir: Path, langs: list[Language], *, project: Path, settings) -> None:
    """Every language's finished index, as handbook/engine/plugin.py's on_post_build writes it."""
    from handbook.search import search_index
    from handbook.search.search_words import load_search_words, site_search_indexes

    words_file = project / settings.search_words
    docs_dir = project / "docs"
    words = load_search_words(words_file, docs_dir, langs) if words_file.exists() else {}
    compounds = search_index.compound_cache(project)
    built = {lang.locale: language_index(site_dir, lang, langs) for lang in langs}
    indexes = site_search_indexes(site_dir, built, langs, words, compounds)
    for lang in langs:
        split_by_language.write_index(site_dir, lang, indexes[lang.locale])
    compounds.save()
