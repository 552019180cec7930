"""What a reader sees about every page, in its language: the owner, the document type, the review
dates, the change notes, "last updated" (the last git commit of the page's file, or the build date without git
history), whether the review is overdue (decided at build time, so the banner needs no
JavaScript), "Föreslå ändring" (MkDocs' own ``edit_uri``, as ``page.edit_url``) and "Var sidan
till hjälp?" (the ``feedback_url`` setting) and the print stamp. The templates get it as
``page.meta.page_facts``, and the language's labels as ``config.extra.handbook``
(``language_context``): what both MkDocs and Zensical give a template, so that the templates
need no filter and no Python call of ours.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from babel.dates import format_date

from handbook.pages.change_notes import FEED  # each language's Atom feed of changes


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def feedback_link(base: str, answer: str, title: str, url: str) -> str:
    """A mailto: or form link that names the page and the answer."""
    joiner = "&" if "?" in base else "?"
    if base.startswith("mailto:"):
        return f"{base}{joiner}subject={quote(f'{answer}: {title} ({url})')}"
    return f"{base}{joiner}page={quote(url, safe='')}&answer={quote(answer)}"


def plain(value):
    """``value`` (settings, possibly MkDocs ``Config`` objects) as plain dicts, lists and text."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def language_context(lang, *, labels, feed_title: str, search_feedback: bool, site_url: str,
                     start_pages: dict[str, str], root: str | None = None) -> dict:
    """What the templates read as ``config.extra.handbook`` while ``lang`` is built. ``root``: the
    language's start page as the ``url`` filter sees it: ``en/`` on MkDocs, which builds one site,
    "" on Zensical, which builds one site per language (default: ``lang.url_prefix()``);
    ``start_pages``: each language's start page, by locale, for the 404 pages."""
    root = lang.url_prefix() if root is None else root
    return {"labels": plain(labels), "language": {"locale": lang.locale, "name": lang.name},
            "root": root, "feed": root + FEED, "feed_title": feed_title, "start_pages": dict(start_pages),
            "search_feedback": bool(search_feedback), "site_path": urlsplit(site_url or "/").path or "/"}


def print_stamp(template: str, url: str) -> dict:
    """The print stamp's template (print-stamp.js fills in the date) and its text without a date."""
    template = template.replace("{url}", url)
    return {"template": template,
            "text": template.split("{date}")[1].lstrip(". ") if "{date}" in template else template}


def page_facts(meta: dict, *, updated: dt.date | None, labels, edit_url: str | None,
               feedback_url: str, title: str, url: str, changes: list) -> dict:
    """The facts of one page (``meta`` is its checked front matter, see page_metadata.py)."""
    today = build_date()
    updated = updated or today
    fmt = lambda day: format_date(day, format="long", locale=labels.date_locale)  # noqa: E731
    page = labels.page
    facts = {
        "owner": meta["owner"],
        "document_type": page.document_types[meta["document_type"]],
        "reviewed": fmt(meta["reviewed"]),
        "review_by": fmt(meta["review_by"]),
        "last_updated": fmt(updated),
        "last_updated_iso": updated.isoformat(),
        "overdue": meta["review_by"] < today,
        "decided_by": meta.get("decided_by"),
        "decided_on": fmt(meta["decided_on"]) if meta.get("decided_on") else None,
        "decided": None,
        "reference": meta.get("reference"),
        "edit_url": edit_url,
        "feedback": None,
        # The change notes (change_notes.Change), newest first, with dates in the page's language.
        "changes": [{"date": fmt(c.date), "iso": c.date.isoformat(), "note": c.note} for c in changes],
    }
    facts["decided"] = ", ".join(str(part) for part in (facts["decided_by"], facts["decided_on"]) if part) or None
    facts["print_stamp"] = print_stamp(labels.print_stamp, url)
    if feedback_url:
        facts["feedback"] = [(page[answer], feedback_link(feedback_url, page[answer], title, url))
                             for answer in ("yes", "no")]
    return facts
