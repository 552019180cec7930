"""MkDocs hook: what a reader sees about every page, in its language.

From the page's front matter (schema in page_metadata.py) and git, it gives the templates a
``page_facts`` dict: the owner, the review dates, "last updated" (the last git commit of the
page's file, or the build date when there is no git history), whether the review is overdue (at
build time, so the banner needs no JavaScript), and the "Suggest a change" and "Was this page
helpful?" links, built from ``extra.source_url`` and ``extra.feedback_url``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from urllib.parse import quote

from babel.dates import format_date

from handbook.page_metadata import check

_git_dates: dict[str, dict[str, dt.date]] = {}


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def git_dates(docs_dir: Path) -> dict[str, dt.date]:
    """File (absolute path) -> date of its last commit, from one `git log` over docs/."""
    key = str(docs_dir)
    if key not in _git_dates:
        dates: dict[str, dt.date] = {}
        try:
            top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs_dir,
                                 capture_output=True, text=True, timeout=30)
            log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
                                 cwd=docs_dir, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            top = log = None
        if top and log and top.returncode == 0 and log.returncode == 0:
            root = Path(top.stdout.strip())
            for chunk in log.stdout.split("\x00")[1:]:
                lines = [l for l in chunk.splitlines() if l.strip()]
                if not lines:
                    continue
                day = dt.date.fromisoformat(lines[0])
                for name in lines[1:]:
                    dates.setdefault(str(root / name), day)
        _git_dates[key] = dates
    return _git_dates[key]


def on_pre_build(config):
    _git_dates.clear()  # a new build (or a reload in `mkdocs serve`) reads git again


def feedback_link(base: str, answer: str, title: str, url: str) -> str:
    """A mailto: or form link that names the page and the answer."""
    subject = f"{answer}: {title} ({url})"
    if base.startswith("mailto:"):
        return f"{base}{'&' if '?' in base else '?'}subject={quote(subject)}"
    return f"{base}{'&' if '?' in base else '?'}page={quote(url, safe='')}&answer={quote(answer)}"


def on_page_context(context, page, config, nav):
    labels = config["extra"]["page_labels"]
    locale = config["extra"].get("date_locale") or config["theme"]["language"]
    path = Path(page.file.abs_src_path)
    meta, _ = check(path, page.file.src_uri)  # already checked before the build started
    fmt = lambda day: format_date(day, format="long", locale=locale)  # noqa: E731
    today = build_date()
    updated = git_dates(Path(config["docs_dir"])).get(str(path.resolve())) or today
    review_by = meta["review_by"]
    extra = config["extra"]
    facts = {
        "owner": meta["owner"],
        "document_type": labels["document_types"][meta["document_type"]],
        "reviewed": fmt(meta["reviewed"]),
        "review_by": fmt(review_by),
        "last_updated": fmt(updated),
        "last_updated_iso": updated.isoformat(),
        "overdue": review_by < today,
        "decided_by": meta.get("decided_by"),
        "decided_on": fmt(meta["decided_on"]) if meta.get("decided_on") else None,
        "reference": meta.get("reference"),
        "source_url": (extra["source_url"] + page.file.src_uri) if extra.get("source_url") else None,
    }
    if extra.get("feedback_url"):
        title = page.title or config["site_name"]
        facts["feedback"] = [
            (labels[answer], feedback_link(extra["feedback_url"], labels[answer], title, page.canonical_url or page.url))
            for answer in ("yes", "no")
        ]
    context["page_facts"] = facts
    return context
