"""MkDocs hook: fills the contact page's details from mkdocs.yml (``extra.contact``).

A page marks the place with ``<!-- contact-details -->``. Only the fields the Communications
Unit has filled in are shown; nothing is made up. The labels come from each language's
``extra.contact_labels`` in the i18n plugin.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

MARKER = "<!-- contact-details -->"
FIELDS = ("email", "phone", "web")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def details_markdown(contact: dict, labels: dict) -> str:
    """The contact details as a Markdown list: the unit first, then each filled-in field."""
    unknown = sorted(set(contact) - set(FIELDS))
    if unknown:
        raise PluginError(
            f"mkdocs.yml: extra.contact has unknown field(s) {', '.join(unknown)}. "
            f"Use only {', '.join(FIELDS)}."
        )
    lines = [f"**{labels['unit']}**", ""]
    for field in FIELDS:
        value = str(contact.get(field) or "").strip()
        if not value:
            continue
        if field == "email":
            if not _EMAIL.match(value):
                raise PluginError(
                    f"mkdocs.yml: extra.contact.email '{value}' is not an e-mail address. "
                    "Write it as name@varberg.se, or leave it empty."
                )
            value = f"[{value}](mailto:{value})"
        elif field == "web":
            if not value.startswith("https://"):
                raise PluginError(
                    f"mkdocs.yml: extra.contact.web '{value}' must be a full address starting "
                    "with https://, or be left empty."
                )
            value = f"<{value}>"
        lines.append(f"- {labels[field]}: {value}")
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    labels = config["extra"].get("contact_labels")
    if not labels:
        raise PluginError(
            f"{page.file.src_uri}: uses {MARKER} but mkdocs.yml has no extra.contact_labels for "
            "this language. Add them under the language in the i18n plugin."
        )
    return markdown.replace(MARKER, details_markdown(config["extra"].get("contact") or {}, labels))
