"""Turns Markdown into HTML exactly as the site does (the converter handbook-check uses, with the
Markdown extensions and their settings from mkdocs.yml), once per test session."""

from __future__ import annotations

import functools

from mkdocs.utils import meta

from handbook.editors.checks import markdown_renderer
from handbook.core.project import MKDOCS_FILE, load_mkdocs_config


@functools.cache
def _render():
    return markdown_renderer(load_mkdocs_config(MKDOCS_FILE))


def render(source: str) -> str:
    """The content HTML of a page's Markdown source (front matter and all), as MkDocs passes it
    to ``on_page_content`` (except that links to .md files are not yet turned into URLs)."""
    body, _ = meta.get_data(source)
    return _render()(body)
