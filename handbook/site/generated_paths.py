"""The files the build writes after the pages, each language's PDF and feed, as paths from the
site root: pages may link to them, and the checks and both engines' builds know them."""

from __future__ import annotations

from handbook.core.project import Language
from handbook.pages.change_notes import FEED
from handbook.pdf.pdf_assemble import pdf_name


def site_paths(lang: Language) -> list[str]:
    """The generated files of a language, as paths from the site root."""
    return [lang.url_prefix() + pdf_name(lang), lang.url_prefix() + FEED]
