"""Puts values that only the municipality can state into a page, from the plugin's settings.

A page marks the place with ``<!-- setting: accessibility.compliance -->``. The value comes from
mkdocs.yml (``plugins: - handbook: accessibility: …``), where MkDocs has already checked that it
is filled in: a text per language, a date (shown in the page's language), or one of Digg's fixed
compliance wordings (shown as the language's wording from the labels).
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from handbook.core.project import HandbookError

_MARKER = re.compile(r"<!--\s*setting:\s*([\w.]+)\s*-->")


def fill(markdown: str, *, settings, labels, locale: str, page_name: str) -> str:
    def value(match: re.Match) -> str:
        path = match.group(1)
        node = settings
        for part in path.split("."):
            try:
                node = node[part]
            except (KeyError, TypeError):
                raise HandbookError(
                    f"{page_name}: the setting '{path}' does not exist under the handbook plugin in "
                    "mkdocs.yml. Check the spelling, or ask a developer to add the setting.") from None
        if path == "search_feedback":  # what the site logs of searches, as the setting makes it
            # Read on the page, not searched: its words (e-mail, phone, IP address, browser) are
            # other sections' words, and took questions from them.
            return (labels.search.log_on if node else labels.search.log_off) + "\n{: data-search-exclude }"
        if path == "accessibility.compliance":
            return labels.accessibility.compliance[node]
        if isinstance(node, dt.date):
            return format_date(node, format="long", locale=labels.date_locale)
        if isinstance(node, dict):
            return node[locale]
        return str(node)

    return _MARKER.sub(value, markdown)
