"""Finds the headings of a Markdown page, with their section IDs and line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTRS = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_ID = re.compile(r"(?:^|\s)#([A-Za-z][\w-]*)")
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    section_id: str | None
    line: int


def headings(markdown: str) -> list[Heading]:
    """Every ATX heading outside code blocks, with the ID from ``{#id}`` if it has one."""
    found = []
    front_matter = _FRONT_MATTER.match(markdown)
    skip_lines = front_matter.group(0).count("\n") if front_matter else 0
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if number <= skip_lines:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        section_id = None
        attrs = _ATTRS.search(text)
        if attrs:
            text = text[: attrs.start()]
            id_match = _ID.search(attrs.group(1))
            section_id = id_match.group(1) if id_match else None
        found.append(Heading(len(match.group(1)), text.strip(), section_id, number))
    return found


def sections(markdown: str) -> list[Heading]:
    """The H2 and H3 headings: the page's sections."""
    return [h for h in headings(markdown) if h.level in (2, 3)]
