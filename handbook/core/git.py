"""The one way the handbook asks git anything. Every answer is None (or empty) without git or
outside a repository: a copy of the sources still builds, with the build date instead."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def run(*args: str, cwd: Path) -> str | None:
    """``git <args>`` in ``cwd``: its output, or None if git is missing or fails."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def short_commit(cwd: Path, length: int = 7) -> str | None:
    """The commit the sources are at, abbreviated, or None."""
    return run("rev-parse", f"--short={length}", "HEAD", cwd=cwd) or None


def commit_time(cwd: Path) -> str | None:
    """The Unix time of the last commit (for SOURCE_DATE_EPOCH), or None."""
    return run("log", "-1", "--format=%ct", cwd=cwd) or None


def has_changes(cwd: Path, *paths: str) -> bool:
    """Whether the working tree differs from the commit in these paths."""
    return bool(run("status", "--porcelain", "--", *paths, cwd=cwd))


def last_commit_dates(folder: Path) -> dict[Path, dt.date]:
    """File (resolved path) -> date of its last commit, from one ``git log`` over ``folder``."""
    top = run("rev-parse", "--show-toplevel", cwd=folder)
    log = run("log", "--format=%x00%cs", "--name-only", "--", ".", cwd=folder)
    if not top or log is None:
        return {}
    root = Path(top)
    dates: dict[Path, dt.date] = {}
    for chunk in log.split("\x00")[1:]:
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0])
        for name in lines[1:]:
            dates.setdefault((root / name).resolve(), day)
    return dates


def resolve(cwd: Path, revision: str) -> str | None:
    """The commit a revision (a branch, tag, commit or ``HEAD~1``) names, or None."""
    return run("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", cwd=cwd) or None


def files_at(cwd: Path, revision: str, folder: str) -> list[str] | None:
    """The files under ``folder`` (relative to ``cwd``) at a commit, relative to ``folder``."""
    listing = run("ls-tree", "-r", "-z", "--name-only", revision, "--", folder.rstrip("/") + "/", cwd=cwd)
    if listing is None:
        return None
    start = len(folder.rstrip("/")) + 1  # ls-tree names files relative to cwd, as given
    return sorted(name[start:] for name in listing.split("\x00") if name)


def file_at(cwd: Path, revision: str, path: str) -> bytes | None:
    """A file's bytes at a commit (``path`` relative to ``cwd``), or None."""
    try:
        result = subprocess.run(["git", "show", f"{revision}:./{path}"], cwd=cwd, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
