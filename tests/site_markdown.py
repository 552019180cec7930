"""Turns Markdown into HTML exactly as the site does: the Markdown extensions and their settings
are read from mkdocs.yml (with MkDocs' own defaults), once per test session."""

from __future__ import annotations

import functools

import markdown
from mkdocs.config import load_config
from mkdocs.utils import meta

from handbook.project import MKDOCS_FILE


@functools.cache
def _extensions() -> tuple[list, dict]:
    config = load_config(str(MKDOCS_FILE))
    return config["markdown_extensions"], config["mdx_configs"]


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter for the session, reset between pages (as fast as it gets: setting up the
    extensions costs more than converting a page)."""
    extensions, configs = _extensions()
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def render(source: str) -> str:
    """The content HTML of a page's Markdown source (front matter and all), as MkDocs passes it
    to ``on_page_content`` (except that links to .md files are not yet turned into URLs)."""
    body, _ = meta.get_data(source)
    return _markdown().reset().convert(body)
