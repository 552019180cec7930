"""The handbook's search index of each language, made from the built pages of any engine.

MkDocs' search plugin writes ``search/search_index.json`` as the page is rendered; Zensical writes
its own index in another format (``search.json``: items of the whole page, no sections per
language). Here the same index as MkDocs' plugin gives (``{"config", "docs": [{location, title,
text}]}``, one entry per page and one per section with an ``id``) is read from each built page's
``<article>``, then finished exactly as the MkDocs build finishes it
(search_words.language_search_index) and written where the handbook's worker reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from handbook import split_by_language
from handbook.material_seams import PERMALINK, SEARCH_EXCLUDE
from handbook.project import Language

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What the templates add to a page's content, which MkDocs' search plugin never sees.
NOT_CONTENT = (f"{PERMALINK}, [{SEARCH_EXCLUDE}], .handbook-page-facts, .handbook-review-overdue, "
               ".handbook-print-stamp, .md-content__button, .md-source-file, script, style")
SEARCH_CONFIG = {"lang": [], "separator": r'[\s\-,:;!?.()"/]+', "pipeline": ["stemmer", "stopWordFilter", "trimmer"],
                 "fields": {"title": {"boost": 8}, "text": {"boost": 1}, "tags": {"boost": 8}}}


def language_pages(site_dir: Path, lang: Language, langs: list[Language]) -> list[Path]:
    """The built pages of ``lang``: every index.html under its root, not another language's."""
    root = Path(site_dir) / lang.url_prefix()
    others = [Path(site_dir) / o.url_prefix() for o in langs if o.url_prefix() and o != lang]
    return sorted(p for p in root.rglob("index.html")
                  if not any(p.is_relative_to(o) for o in others) and p.parent.name != "search")


def _text(nodes) -> str:
    return " ".join(" ".join(n.get_text(" ") if hasattr(n, "get_text") else str(n) for n in nodes).split())


def page_entries(html: str, location: str) -> list[dict]:
    """The index entries of one built page at ``location`` (``x/``): the page, then its sections."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if article is None:
        return []
    for node in article.select(NOT_CONTENT):
        node.decompose()
    h1 = article.find("h1")
    title = " ".join(h1.get_text(" ").split()) if h1 else (soup.title.get_text() if soup.title else "")
    entries = [{"location": location, "title": title, "text": " ".join(article.get_text(" ").split())}]
    section: dict | None = None
    parts: list = []
    for node in article.descendants:
        if getattr(node, "name", None) in HEADINGS:
            if section is not None:
                section["text"] = _text(parts)
                entries.append(section)
            section, parts = ({"location": f"{location}#{node['id']}", "title": " ".join(node.get_text(" ").split())}
                              if node.get("id") else None), []
        elif isinstance(node, str) and section is not None and not any(
                getattr(p, "name", None) in HEADINGS for p in node.parents):
            parts.append(node)
    if section is not None:
        section["text"] = _text(parts)
        entries.append(section)
    return entries


def language_index(site_dir: Path, lang: Language, langs: list[Language]) -> dict:
    """A language's index as MkDocs' search plugin and split_by_language give it."""
    root = Path(site_dir) / lang.url_prefix()
    docs = []
    for page in language_pages(site_dir, lang, langs):
        location = page.parent.relative_to(root).as_posix()
        docs += page_entries(page.read_text(encoding="utf-8"), "" if location == "." else f"{location}/")
    return {"config": {**SEARCH_CONFIG, "lang": [lang.locale]}, "docs": docs}


def write_indexes(site_dir: Path, langs: list[Language], *, project: Path, settings) -> None:
    """Every language's finished index, as handbook/plugin.py's on_post_build writes it."""
    from handbook import search_index
    from handbook.search_words import language_search_index, load_search_words

    words_file = project / settings.search_words
    docs_dir = project / "docs"
    words = load_search_words(words_file, docs_dir, langs) if words_file.exists() else {}
    compounds = search_index.compound_cache(project)
    for lang in langs:
        index = language_index(site_dir, lang, langs)
        index = language_search_index(index, lang, words, search_index.built_pages(site_dir, lang, index), compounds)
        split_by_language.write_index(site_dir, lang, index)
    compounds.save()
