"""What changed, and when: the change notes editors write in a page's front matter.

    changes:
      - date: 2027-02-01
        note: Nytt avsnitt om grupper för elever.

A note says, in one plain sentence in the page's language, a change that matters to readers
(typo fixes need none). A Swedish note needs an English note of the same date on the twin, so
both languages tell the same history. The notes give:

- each page: "Senast ändrad {date}: {note}" next to its facts, and every change in a disclosure;
- the "Senaste ändringar" page of each language (``<!-- recent-changes -->``) and the latest
  three on the start page (``<!-- recent-changes: 3 -->``), newest first, linked to their page;
- an Atom feed per language (``feed.xml``, ``en/feed.xml``) with absolute links from SITE_URL,
  the same bytes for the same sources (no build time in it).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape as xml_escape

from babel.dates import format_date

from handbook.pages import page_metadata, page_structure
from handbook.pages.page_metadata import Change  # a change note is part of the front matter
from handbook.core.project import Language

MARKER = re.compile(r"<!--\s*recent-changes(?::\s*(\d+))?\s*-->")
FEED = "feed.xml"


@dataclass(frozen=True)
class PageChange:
    page: str      # the page's Swedish file, relative to docs/, e.g. facebook-konton.md
    title: str     # the page's title in the language of the note
    url: str       # the page's URL, relative to the site root, e.g. en/facebook-konton/
    change: Change


def twin_problems(docs_dir: Path, langs: list[Language]) -> list[str]:
    """Every change note whose twin has no note of the same date, naming both files."""
    root = docs_dir.parent
    found = []
    for page, files in page_structure.pages_by_language(docs_dir, langs).items():
        dates = {}
        for lang, path in files.items():
            meta, _ = page_metadata.check(path, path.relative_to(root).as_posix())
            dates[lang] = {c.date for c in meta.get("changes", [])}
        default = langs[0]
        for lang in langs[1:]:
            if default not in files or lang not in files:
                continue
            original, twin = (files[x].relative_to(root).as_posix() for x in (default, lang))
            for day in sorted(dates[default] - dates[lang]):
                found.append(f"{original}: has a change note dated {day}, but its twin {twin} has none. "
                             f"Add the {lang.name} note with 'date: {day}' to {twin}.")
            for day in sorted(dates[lang] - dates[default]):
                found.append(f"{twin}: has a change note dated {day}, but its twin {original} has none. "
                             f"Add the {default.name} note with 'date: {day}' to {original}.")
    return found


def long_date(day: dt.date, date_locale: str) -> str:
    return format_date(day, format="long", locale=date_locale)


def recent_markdown(changes: list[PageChange], count: int | None, *, date_locale: str, here: str,
                    none_yet: str) -> str:
    """The newest ``count`` changes (all when None) as a Markdown list linking to their page.
    ``here`` is the Markdown file of the page that lists them (relative to docs/), so that each
    link is an ordinary link to a page's file, which MkDocs and static-i18n resolve."""
    shown = changes[:count] if count else changes
    if not shown:
        return f"*{none_yet}*"
    lines = []
    for item in shown:
        link = posixpath.relpath(item.page, posixpath.dirname(here) or ".")
        lines.append(f"- {long_date(item.change.date, date_locale)}: [{item.title}]({link}) – {item.change.note}")
    return "\n".join(lines)


def atom_feed(changes: list[PageChange], *, site_url: str, lang: Language, title: str, author: str,
              fallback_updated: dt.date) -> str:
    """An Atom feed (RFC 4287) of one language's changes, with absolute links. Its dates are the
    notes' own, so the same sources give the same bytes."""
    root = urljoin(site_url, lang.url_prefix())
    feed_url = urljoin(root, FEED)
    updated = (changes[0].change.date if changes else fallback_updated).isoformat() + "T00:00:00Z"
    e = xml_escape
    entries = []
    for item in changes:
        page_url = urljoin(site_url, item.url)
        stamp = item.change.date.isoformat() + "T00:00:00Z"
        entries.append(
            "  <entry>\n"
            f"    <id>{e(page_url)}#change-{item.change.date.isoformat()}</id>\n"
            f"    <title>{e(item.title)}: {e(item.change.note)}</title>\n"
            f'    <link rel="alternate" type="text/html" href="{e(page_url)}"/>\n'
            f"    <updated>{stamp}</updated>\n"
            f"    <published>{stamp}</published>\n"
            f'    <summary type="text">{e(item.change.note)}</summary>\n'
            "  </entry>\n")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang.locale}">\n'
        f"  <id>{e(feed_url)}</id>\n"
        f"  <title>{e(title)}</title>\n"
        f'  <link rel="self" type="application/atom+xml" href="{e(feed_url)}"/>\n'
        f'  <link rel="alternate" type="text/html" href="{e(root)}"/>\n'
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{e(author)}</name></author>\n"
        + "".join(entries) + "</feed>\n")


def language_changes(pages: list[tuple[Path, str, str, str]]) -> list[PageChange]:
    """Every change of one language's pages, newest first. ``pages`` holds (source file, name
    for messages, its Swedish page file, URL from the site root) of each page; their front
    matter is already checked."""
    from handbook.core import sources
    from handbook.core.project import HandbookError

    found = []
    for path, name, page, url in pages:
        meta, _ = page_metadata.check(path, name)
        notes = meta.get("changes") or []
        if not notes:
            continue
        try:
            h1 = next((h.text for h in sources.headings(sources.read(path, name)) if h.level == 1), None)
        except HandbookError:
            h1 = None
        title = meta.get("title") or h1 or Path(name).stem
        found += [PageChange(page, title, url, note) for note in notes]
    return sorted(found, key=lambda c: (c.change.date, c.url), reverse=True)
