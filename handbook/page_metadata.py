"""The page front-matter schema, defined once, and its check.

Every page (both languages) carries:

    owner:          a unit or role, e.g. Kommunikationsenheten           (required)
    reviewed:       date of the last review, YYYY-MM-DD                  (required)
    review_by:      date of the next review, YYYY-MM-DD                  (required)
    document_type:  riktlinje | rutin | stöd                             (required)
    decided_by:     who decided it                                       (optional)
    decided_on:     date of the decision, YYYY-MM-DD                     (optional)
    reference:      diarienummer                                         (optional)

English twins also carry ``translation_of`` (see translation_drift.py). Where a value is not
known, leave an optional field out: never guess a decision, date or reference number.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DOCUMENT_TYPES = ("riktlinje", "rutin", "stöd")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text", "date" or "choice"
    required: bool
    help: str


SCHEMA = (
    Field("owner", "text", True, "the unit or role that answers for the page, e.g. Kommunikationsenheten"),
    Field("reviewed", "date", True, "the date of the last review, written YYYY-MM-DD"),
    Field("review_by", "date", True, "the date of the next review, written YYYY-MM-DD"),
    Field("document_type", "choice", True, f"one of: {', '.join(DOCUMENT_TYPES)}"),
    Field("decided_by", "text", False, "who decided the guidance (leave out if not known)"),
    Field("decided_on", "date", False, "the date of the decision, YYYY-MM-DD (leave out if not known)"),
    Field("reference", "text", False, "the diarienummer (leave out if not known)"),
)
# Fields other modules own, allowed next to the schema.
OTHER_FIELDS = {"description": "text", "title": "text", "translation_of": "text", "search": "mapping"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class _DateLoader(yaml.SafeLoader):
    """Reads dates as text, so that the check can say exactly what is wrong with one."""


_DateLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line number where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def read(path: Path) -> tuple[dict, list[str]]:
    """The front matter of a page as a dict, and the problems found reading it."""
    rel = path.as_posix()
    front, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    if front is None:
        return {}, [f"{rel}: has no front matter. Start the file with a '---' line, the fields "
                    "(owner, reviewed, review_by, document_type), and another '---' line."]
    try:
        data = yaml.load(front, Loader=_DateLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return {}, [f"{rel}{line}: the front matter is not valid YAML ({problem}). Write each field "
                    "as 'name: value' on its own line; put quotes around a value containing ':' or '#'."]
    if not isinstance(data, dict):
        return {}, [f"{rel}: the front matter must be 'name: value' lines."]
    return data, []


def _parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def check(path: Path, rel: str) -> tuple[dict, list[str]]:
    """The page's metadata (dates as dt.date) and every schema problem, each with its fix.
    Remembered until the file changes: the check before the build and each page's facts in it
    read the same front matter (1.4 s of a 1000-page build)."""
    stat = path.stat()
    data, problems = _check(path, stat.st_mtime_ns, stat.st_size)
    return dict(data), [p.replace(path.as_posix(), rel, 1) for p in problems]


@functools.lru_cache(maxsize=4096)
def _check(path: Path, mtime_ns: int, size: int) -> tuple[dict, list[str]]:
    rel = path.as_posix()  # check() names the file as its caller does
    data, problems = read(path)
    if problems:
        return {}, problems
    known = {f.name: f for f in SCHEMA}
    for name in data:
        if name not in known and name not in OTHER_FIELDS:
            problems.append(f"{rel}: unknown front-matter field '{name}'. Use only: "
                            f"{', '.join(list(known) + sorted(OTHER_FIELDS))} (check the spelling).")
    for field in SCHEMA:
        value = data.get(field.name)
        if value is None or str(value).strip() == "":
            if field.required:
                problems.append(f"{rel}: the field '{field.name}' is missing. Add '{field.name}: …' "
                                f"to the front matter: {field.help}.")
            data.pop(field.name, None)
            continue
        if field.kind == "date":
            parsed = _parse_date(value)
            if parsed is None:
                problems.append(f"{rel}: '{field.name}: {value}' is not a date. Write it as "
                                "YYYY-MM-DD, for example 2027-03-31.")
            else:
                data[field.name] = parsed
        elif field.kind == "choice" and str(value) not in DOCUMENT_TYPES:
            problems.append(f"{rel}: '{field.name}: {value}' is not allowed. Use {field.help}.")
        elif field.kind == "text":
            data[field.name] = str(value).strip()
    reviewed, review_by = data.get("reviewed"), data.get("review_by")
    if isinstance(reviewed, dt.date) and isinstance(review_by, dt.date) and review_by <= reviewed:
        problems.append(f"{rel}: 'review_by: {review_by}' must be after 'reviewed: {reviewed}'. "
                        "Set the date of the next review.")
    return data, problems


def problems(docs_dir: Path) -> list[str]:
    """Schema problems of every page in docs_dir."""
    root = docs_dir.parent
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        found.extend(check(path, path.relative_to(root).as_posix())[1])
    return found
