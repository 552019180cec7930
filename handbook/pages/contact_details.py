"""The contact page's details, from the plugin's ``contact`` settings in mkdocs.yml.

A page marks the place with ``<!-- contact-details -->``. Readers always get a way to reach
someone: the unit's own e-mail and phone when the unit has given them, otherwise the
municipality's contact centre (public facts from varberg.se), labelled as the contact centre,
never as the unit's own line. Nothing is made up.
"""

from __future__ import annotations

import re

MARKER = "<!-- contact-details -->"


def tel_uri(phone: str) -> str:
    """A Swedish number as a tel: link, in international form: 0340-88 000 -> tel:+4634088000."""
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("0"):
        digits = "+46" + digits[1:]
    return "tel:" + digits


def details_markdown(contact, labels, locale: str) -> str:
    """The contact details as Markdown, in the language of ``labels`` (a Labels.contact)."""
    lines = [f"**{labels.unit}**", ""]
    own = [(labels.email, f"[{contact.email}](mailto:{contact.email})") if contact.email else None,
           (labels.phone, f"[{contact.phone}]({tel_uri(contact.phone)})") if contact.phone else None]
    own = [item for item in own if item]
    if own:
        lines += [f"- {label}: {value}" for label, value in own]
    else:
        centre = contact.contact_centre
        lines += [f"{labels.contact_centre}: {centre.name[locale]}", ""]
        if centre.phone:
            lines.append(f"- {labels.phone}: [{centre.phone}]({tel_uri(centre.phone)})")
        if centre.web:
            lines.append(f"- {labels.web}: <{centre.web}>")
    return "\n".join(lines) + "\n"


def fill(markdown: str, contact, labels, locale: str) -> str:
    return markdown.replace(MARKER, details_markdown(contact, labels, locale)) if MARKER in markdown else markdown
