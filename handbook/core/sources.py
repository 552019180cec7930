"""Reading a Markdown page the way MkDocs reads it: the one reader of text, front matter, code
fences and headings that every check uses.

- The text is UTF-8. A byte-order mark is accepted (MkDocs reads pages as ``utf-8-sig`` too);
  any other encoding is refused with the file and the line of the first byte that is not UTF-8.
- Front matter is the block between a first line ``---`` and the next ``---`` (or ``...``).
- Code fences follow pymdownx.superfences: a fence opens with 3 or more backticks or tildes at
  any indentation, and closes with a line of the same character, at least as many, and nothing
  else. Text inside a fence is code: never a heading, never checked as markup.
- Headings are ATX headings (``## Text {#section-id}``) outside code; the section ID is checked
  here, so that a space or a letter outside a-z is explained instead of crashing attr_list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.core.errors import HandbookError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*([^}]*)\}[ \t]*$")
SECTION_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    section_id: str | None
    line: int
    problem: str | None = None  # what is wrong with the {#…} written after it, if anything


@dataclass(frozen=True)
class CodeFence:
    start: int  # line of the opening fence
    end: int    # line of the closing fence (the last line of the file if it is never closed)
    info: str   # what follows the opening fence: the language, e.g. "mermaid"


@dataclass(frozen=True)
class Page:
    """One Markdown file, read."""

    name: str          # as editors see it, e.g. docs/facebook-konton.md
    text: str          # without a byte-order mark
    front_matter: str | None
    body: str
    body_line: int     # the line number where the body starts

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def decode(data: bytes, name: str) -> str:
    """The text of a page, or a HandbookError naming the file and the line that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise HandbookError(
            f"{name}:{line}: the file is not saved as UTF-8 (byte 0x{data[err.start]:02x} is not "
            "valid UTF-8; the file was probably saved as Latin-1 or Windows-1252). Save it as "
            "UTF-8 in your editor (in VS Code: 'Save with Encoding' → UTF-8) and retype å, ä, ö "
            "on that line if they look wrong."
        ) from None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line number where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def read(path: Path, name: str | None = None) -> Page:
    """A page from disk. ``name`` is how messages call the file (default: the path as given)."""
    name = name or path.as_posix()
    text = decode(path.read_bytes(), name).replace("\r\n", "\n")
    front, body, body_line = split_front_matter(text)
    return Page(name, text, front, body, body_line)


def code_fences(lines: list[str], first: int = 1) -> list[CodeFence]:
    """The fenced code blocks of ``lines`` (numbered from ``first``)."""
    fences: list[CodeFence] = []
    open_fence: tuple[int, str, str] | None = None  # (line, fence characters, info)
    for number, line in enumerate(lines, start=first):
        if open_fence is None:
            match = _FENCE_OPEN.match(line)
            # A backtick fence's info string may not contain a backtick (that is inline code).
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                open_fence = (number, match["fence"], match["info"].strip())
        else:
            stripped = line.strip()
            fence = open_fence[1]
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fences.append(CodeFence(open_fence[0], number, open_fence[2]))
                open_fence = None
    if open_fence is not None:
        fences.append(CodeFence(open_fence[0], first + len(lines) - 1, open_fence[2]))
    return fences


def outside_code(page: Page) -> list[tuple[int, str]]:
    """(line number, text) of every body line that is not inside a code fence."""
    lines = page.body.splitlines()
    inside: set[int] = set()
    for fence in code_fences(lines, page.body_line):
        inside.update(range(fence.start, fence.end + 1))
    return [(n, line) for n, line in enumerate(lines, start=page.body_line) if n not in inside]


def _section_id(attrs: str) -> tuple[str | None, str | None]:
    """The section ID of a heading's ``{…}`` and what is wrong with it, if anything."""
    tokens = attrs.split()
    ids = [t for t in tokens if t.startswith("#")]
    if not ids:
        return None, None
    section_id = ids[0][1:]
    after = tokens[tokens.index(ids[0]) + 1:] if ids else []
    stray = [t for t in after if not t.startswith((".", "#")) and "=" not in t]
    if stray:
        joined = "-".join([section_id, *stray]).lower()
        return None, (
            f"the section ID '{' '.join([section_id, *stray])}' contains a space. An ID is one "
            f"word: join the words with hyphens, for example {{#{joined}}}"
        )
    if not SECTION_ID.match(section_id):
        letters = dict.fromkeys(c for c in section_id if not re.match(r"[a-z0-9-]", c))
        shown = ", ".join(f"'{c}'" for c in letters)
        return None, (
            f"the section ID '#{section_id}' uses {shown}. IDs use only the letters a-z (no å, ä, ö, "
            "no capitals), digits and hyphens, and start with a letter: write a short English ID, "
            "for example {#measures}"
        )
    return section_id, None


def headings(page: Page) -> list[Heading]:
    """Every ATX heading outside code, with the ID from ``{#id}`` if it has one."""
    found = []
    for number, line in outside_code(page):
        match = _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        section_id = problem = None
        attrs = _ATTRS.search(text)
        if attrs:
            text = text[: attrs.start()]
            section_id, problem = _section_id(attrs.group(1))
        found.append(Heading(len(match.group(1)), text.strip(), section_id, number, problem))
    return found


def sections(page: Page) -> list[Heading]:
    """The H2 and H3 headings: the page's sections."""
    return [h for h in headings(page) if h.level in (2, 3)]
