"""MkDocs hook: puts values that only the municipality can state into a page, from mkdocs.yml.

A page marks the place with ``<!-- setting: accessibility.compliance_status -->``; the value is
read from ``extra`` (a text, or one text per language: ``{sv: …, en: …}``). A value that has not
been filled in is shown as such (``extra.setting_missing``), never guessed.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

_MARKER = re.compile(r"<!--\s*setting:\s*([\w.]+)\s*-->")


def on_page_markdown(markdown, page, config, files):
    locale = config["theme"]["language"]

    def value(match: re.Match) -> str:
        node = config["extra"]
        for part in match.group(1).split("."):
            try:
                node = node[part]
            except (KeyError, TypeError):
                raise PluginError(
                    f"{page.file.src_uri}: the setting '{match.group(1)}' does not exist in mkdocs.yml "
                    "under extra. Check the spelling, or add the setting there.") from None
        if isinstance(node, dict):
            node = node.get(locale)
        text = str(node or "").strip()
        return text if text else f"*{config['extra']['setting_missing']}*"

    return _MARKER.sub(value, markdown)
