"""Review report for the page owners: which pages are overdue for review, or due soon.

    uv run handbook-review-report                  # overdue, or due within 30 days
    uv run handbook-review-report --days 60
    uv run handbook-review-report --json report.json   (or --json - for standard output)
    uv run handbook-review-report --fail-overdue   # exit 1 if any page is overdue (scheduled job)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from handbook.page_metadata import check
from handbook.project import ROOT, languages, page_and_language


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
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    due, problems = due_pages(args.docs, args.today, args.days)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.json:
        payload = json.dumps({"today": str(args.today), "days": args.days,
                              "pages": [{**asdict(d), "overdue": d.overdue} for d in due]},
                             ensure_ascii=False, indent=2)
        if args.json == "-":
            print(payload)
        else:
            Path(args.json).write_text(payload + "\n", encoding="utf-8")
    if args.json != "-":
        print(render(due, args.today, args.days))
    return 1 if args.fail_overdue and any(d.overdue for d in due) else 0


if __name__ == "__main__":
    sys.exit(main())
