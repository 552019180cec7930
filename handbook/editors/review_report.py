"""Review report for the page owners: which pages are overdue for review, or due soon.

    uv run handbook-review-report                  # overdue, or due within 30 days
    uv run handbook-review-report --days 60
    uv run handbook-review-report --json report.json   (or --json - for standard output)
    uv run handbook-review-report --fail-overdue   # exit 1 if any page is overdue (scheduled job)
    uv run handbook-review-report --changes-since 2027-01-01   # also the change notes since then
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from handbook.pages.page_metadata import check
from handbook.core.project import ROOT, languages, page_and_language


@dataclass(frozen=True)
class Due:
    page: str
    language: str
    owner: str
    reviewed: str
    review_by: str
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def due_pages(docs_dir: Path, today: dt.date, days: int) -> tuple[list[Due], list[str]]:
    """Pages whose review_by is past or within ``days`` of today, most urgent first."""
    langs = languages()
    due, problems = [], []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir.parent).as_posix()
        meta, found = check(path, rel)
        problems.extend(found)
        review_by = meta.get("review_by")
        if not isinstance(review_by, dt.date):
            continue
        left = (review_by - today).days
        if left <= days:
            _, lang = page_and_language(path.name, langs)
            due.append(Due(rel, lang.locale, meta.get("owner", "?"), str(meta.get("reviewed", "")),
                           str(review_by), left))
    return sorted(due, key=lambda d: (d.days_left, d.page)), problems


@dataclass(frozen=True)
class Noted:
    date: str
    page: str
    language: str
    note: str


def changes_since(docs_dir: Path, since: dt.date) -> list[Noted]:
    """Every change note dated ``since`` or later, in both languages, newest first."""
    langs = languages()
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        meta, _ = check(path, path.relative_to(docs_dir.parent).as_posix())
        _, lang = page_and_language(path.name, langs)
        found += [Noted(str(c.date), path.relative_to(docs_dir.parent).as_posix(), lang.locale, c.note)
                  for c in meta.get("changes") or [] if c.date >= since]
    return sorted(found, key=lambda n: (n.date, n.page), reverse=True)


def render_changes(noted: list[Noted], since: dt.date) -> str:
    if not noted:
        return f"No change notes since {since}."
    lines = [f"Changes since {since} (newest first):", ""]
    lines += [f"  {n.date}  {n.page}  [{n.language}]  {n.note}" for n in noted]
    return "\n".join(lines)


def render(due: list[Due], today: dt.date, days: int) -> str:
    if not due:
        return f"No page is overdue or due for review within {days} days ({today})."
    lines = [f"Pages to review ({today}, overdue or due within {days} days):", ""]
    for d in due:
        when = (f"OVERDUE by {-d.days_left} day(s)" if d.overdue
                else f"due in {d.days_left} day(s)")
        lines.append(f"  {when:<24} {d.review_by}  {d.page}  [{d.language}]  owner: {d.owner}")
    overdue = sum(d.overdue for d in due)
    lines += ["", f"{overdue} overdue, {len(due) - overdue} due soon. After the review, update "
              "'reviewed' and 'review_by' in each page's front matter (both languages)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the pages that are overdue or due for review.")
    parser.add_argument("--days", type=int, default=30, help="how far ahead to look (default 30)")
    parser.add_argument("--json", metavar="FILE", help="also write the list as JSON ('-' = standard output)")
    parser.add_argument("--fail-overdue", action="store_true", help="exit 1 if any page is overdue")
    parser.add_argument("--changes-since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="also list the change notes dated on or after this date")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    due, problems = due_pages(args.docs, args.today, args.days)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    noted = changes_since(args.docs, args.changes_since) if args.changes_since else None
    if args.json:
        report = {"today": str(args.today), "days": args.days,
                  "pages": [{**asdict(d), "overdue": d.overdue} for d in due]}
        if noted is not None:
            report["changes_since"] = str(args.changes_since)
            report["changes"] = [asdict(n) for n in noted]
        payload = json.dumps(report, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(payload)
        else:
            Path(args.json).write_text(payload + "\n", encoding="utf-8")
    if args.json != "-":
        print(render(due, args.today, args.days))
        if noted is not None:
            print("\n" + render_changes(noted, args.changes_since))
    return 1 if args.fail_overdue and any(d.overdue for d in due) else 0


if __name__ == "__main__":
    sys.exit(main())
