"""The page front-matter schema, defined once, and its check: the page's contract with its readers.

Every page (both languages) carries:

    owner:          a unit or role, e.g. Kommunikationsenheten, kommunkansliet   (required)
    reviewed:       date of the last review, YYYY-MM-DD                          (required)
    review_by:      date of the next review, YYYY-MM-DD                          (required)
    document_type:  riktlinje | rutin | stöd                                     (required)
    description:    one sentence for search results and link previews           (required)
    decided_by:     who decided it                                               (optional)
    decided_on:     date of the decision, YYYY-MM-DD                             (optional)
    reference:      diarienummer                                                 (optional)
    title:          the page's title, when it differs from its # heading         (optional)
    search:         Material's search settings for the page, e.g. {boost: 2}      (optional)
    translation_of: set by ``handbook-mark-translated`` on English twins         (see translation_drift)
    changes:        change notes, each a date and one plain sentence            (optional, see change_notes)

Text fields are plain text: they reach the page's <title>, its description and its footer, so a
value holding markup (``<b>``, ``&lt;``) is refused, not shown. A value of the wrong kind (a
list where text belongs) is refused with the field's name. Where a value is not known, leave an
optional field out: never guess a decision, date or reference number.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.core import sources
from handbook.core.project import HandbookError

DOCUMENT_TYPES = ("riktlinje", "rutin", "stöd")
# Material's per-page search settings (https://squidfunk.github.io/mkdocs-material/plugins/search/).
SEARCH_SETTINGS = {"boost": (int, float), "exclude": bool}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text", "date", "choice", "search", "hash" or "changes"
    required: bool
    help: str


SCHEMA = (
    Field("owner", "text", True, "the unit or role that answers for the page, e.g. Kommunikationsenheten, kommunkansliet"),
    Field("reviewed", "date", True, "the date of the last review, written YYYY-MM-DD"),
    Field("review_by", "date", True, "the date of the next review, written YYYY-MM-DD"),
    Field("document_type", "choice", True, f"one of: {', '.join(DOCUMENT_TYPES)}"),
    Field("description", "text", True, "one plain sentence saying what the page is about"),
    Field("decided_by", "text", False, "who decided the guidance (leave out if not known)"),
    Field("decided_on", "date", False, "the date of the decision, YYYY-MM-DD (leave out if not known)"),
    Field("reference", "text", False, "the diarienummer (leave out if not known)"),
    Field("title", "text", False, "the page title, if it should differ from the # heading"),
    Field("search", "search", False, "Material's search settings, e.g. 'search: {boost: 2}'"),
    Field("translation_of", "hash", False, "written by 'uv run handbook-mark-translated'; never by hand"),
    Field("changes", "changes", False, "changes that matter to readers: '- date: YYYY-MM-DD' and 'note: …'"),
)
FIELDS = {field.name: field for field in SCHEMA}
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_HASH = re.compile(r"^[0-9a-f]{12}$")


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads dates as text, so that the check can say exactly what is wrong with one. libyaml's
    safe loader where PyYAML has it (ten times faster), the same rules either way."""


_TextLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _line_of(front: str, name: str, first_line: int) -> str:
    for number, line in enumerate(front.splitlines(), start=first_line):
        if line.startswith(f"{name}:"):
            return f":{number}"
    return ""


def parse(page: sources.Page) -> tuple[dict, list[str]]:
    """The page's front matter as a dict (values as YAML gives them), and what stops reading it."""
    if page.front_matter is None:
        return {}, [f"{page.name}: has no front matter. Start the file with a '---' line, the fields "
                    "(owner, reviewed, review_by, document_type, description), and another '---' line."]
    try:
        data = yaml.load(page.front_matter, Loader=_TextLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return {}, [f"{page.name}{line}: the front matter is not valid YAML ({problem}). Write each field "
                    "as 'name: value' on its own line; put quotes around a value containing ':' or '#'."]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [f"{page.name}: the front matter must be 'name: value' lines."]
    return data, []


def parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def plain_text(value, where: str, name: str) -> tuple[str, str | None]:
    """(the text, or the problem with it): one line, no markup."""
    if isinstance(value, (list, dict)) or value is None:
        kind = "a list" if isinstance(value, list) else "empty" if value is None else "a set of fields"
        return "", f"{where}: '{name}' is {kind}, but must be a single line of text."
    text = str(value).strip()
    markup = _MARKUP.search(text)
    if markup:
        return "", (f"{where}: '{name}' contains markup ({markup.group(0)!r}). Front-matter fields are "
                    "plain text: write the words without <…> tags or &…; codes.")
    if "\n" in text:
        return "", f"{where}: '{name}' runs over several lines. Write it on one line."
    if not text:
        return "", f"{where}: '{name}' is empty."
    return text, None


def _check_field(field: Field, value, where: str) -> tuple[object, str | None]:
    """(the value as the site uses it, or the problem with it)."""
    if field.kind == "changes":
        notes, problems = parse_changes(value, where)
        return (None, "\n  - ".join(problems)) if problems else (notes, None)
    if field.kind == "search":
        if not isinstance(value, dict) or set(value) - set(SEARCH_SETTINGS):
            return None, (f"{where}: '{field.name}' must be settings such as 'search: {{boost: 2}}' or "
                          f"'search: {{exclude: true}}' (allowed: {', '.join(SEARCH_SETTINGS)}).")
        for key, kinds in SEARCH_SETTINGS.items():
            if key in value and (not isinstance(value[key], kinds) or
                                 (key == "boost" and isinstance(value[key], bool))):
                return None, f"{where}: 'search: {key}' has the wrong kind of value {value[key]!r}."
        return value, None
    if isinstance(value, (list, dict)):
        kind = "a list" if isinstance(value, list) else "a set of fields"
        return None, (f"{where}: '{field.name}' is {kind}, but must be a single value: {field.help}. "
                      "Write it on one line after 'name: '.")
    text = str(value).strip()
    if field.kind == "date":
        parsed = parse_date(text)
        if parsed is None:
            return None, f"{where}: '{field.name}: {text}' is not a date. Write it as YYYY-MM-DD, for example 2027-03-31."
        return parsed, None
    if field.kind == "choice":
        if text not in DOCUMENT_TYPES:
            return None, f"{where}: '{field.name}: {text}' is not allowed. Use {field.help}."
        return text, None
    if field.kind == "hash":
        if not _HASH.match(text):
            return None, (f"{where}: '{field.name}: {text}' is not a translation fingerprint. Remove the "
                          "line and run: uv run handbook-mark-translated <the English file>")
        return text, None
    text, problem = plain_text(text, where, field.name)
    return (None, problem) if problem else (text, None)


def check_page(page: sources.Page) -> tuple[dict, list[str]]:
    """The page's metadata (dates as dt.date) and every schema problem, each with its fix."""
    data, problems = parse(page)
    if problems:
        return {}, problems
    first_line = 2
    meta: dict = {}
    for name in data:
        if name not in FIELDS:
            problems.append(f"{page.name}{_line_of(page.front_matter, str(name), first_line)}: unknown "
                            f"front-matter field '{name}'. Use only: {', '.join(FIELDS)} (check the spelling).")
    for field in SCHEMA:
        value = data.get(field.name)
        where = f"{page.name}{_line_of(page.front_matter, field.name, first_line)}"
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                problems.append(f"{page.name}: the field '{field.name}' is missing. Add '{field.name}: …' "
                                f"to the front matter: {field.help}.")
            continue
        checked, problem = _check_field(field, value, where)
        if problem:
            problems.append(problem)
        else:
            meta[field.name] = checked
    reviewed, review_by = meta.get("reviewed"), meta.get("review_by")
    if isinstance(reviewed, dt.date) and isinstance(review_by, dt.date) and review_by <= reviewed:
        problems.append(f"{page.name}: 'review_by: {review_by}' must be after 'reviewed: {reviewed}'. "
                        "Set the date of the next review.")
    return meta, problems


def check(path: Path, name: str) -> tuple[dict, list[str]]:
    """``check_page`` of a file, remembered until the file changes: the checks before the build
    and each page's facts in it read the same front matter (1.4 s of a 1000-page build)."""
    stat = path.stat()
    meta, problems = _check(path, name, stat.st_mtime_ns, stat.st_size)
    return dict(meta), list(problems)


@functools.lru_cache(maxsize=4096)
def _check(path: Path, name: str, mtime_ns: int, size: int) -> tuple[dict, tuple[str, ...]]:
    try:
        meta, problems = check_page(sources.read(path, name))
    except HandbookError as err:
        return {}, (str(err),)
    return meta, tuple(problems)


def problems(docs_dir: Path) -> list[str]:
    """Schema problems of every page in docs_dir."""
    root = docs_dir.parent
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        found.extend(check(path, path.relative_to(root).as_posix())[1])
    return found


# Front-matter values that Material's own templates print without escaping: the <title>, the
# navigation, and the description and author <meta> tags.
MATERIAL_PRINTS_RAW = ("title", "description", "author")


def escape_for_templates(meta: dict) -> None:
    """Escape, in place, the values Material's templates print as they are. They are plain text
    (``check_page`` refuses markup), so escaping changes nothing a reader sees; it only keeps a
    quote or an ampersand from ending an attribute or starting markup."""
    for name in MATERIAL_PRINTS_RAW:
        if isinstance(meta.get(name), str):
            meta[name] = html.escape(meta[name], quote=True)


# A change note (``changes:``), part of the front matter; handbook/pages/change_notes.py shows them.
@dataclass(frozen=True)
class Change:
    date: dt.date
    note: str


def parse_changes(value, where: str) -> tuple[list[Change], list[str]]:
    """The change notes of a front-matter ``changes:`` value, newest first, or the problems."""
    if not isinstance(value, list) or not value:
        return [], [f"{where}: 'changes' must be a list of changes, each with a date and a note, "
                    "for example:\n      changes:\n        - date: 2027-02-01\n          note: Nytt avsnitt om …"]
    found, problems = [], []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or set(entry) != {"date", "note"}:
            problems.append(f"{where}: change {number} must have exactly two fields, 'date:' and 'note:' "
                            "(a '- ' before date, and note indented under it).")
            continue
        day = parse_date(entry["date"])
        if day is None:
            problems.append(f"{where}: change {number}: 'date: {entry['date']}' is not a date. Write it as YYYY-MM-DD.")
        note, problem = plain_text(entry["note"], f"{where}: change {number}", "note")
        if problem:
            problems.append(problem)
        if day and not problem:
            found.append(Change(day, note))
    days = [c.date for c in found]
    for day in sorted({d for d in days if days.count(d) > 1}):
        problems.append(f"{where}: two change notes on {day}. Write one note per date (join the sentences).")
    return sorted(found, key=lambda c: c.date, reverse=True), problems
