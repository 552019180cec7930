"""The change that tests/test_change_preview.py previews: the handbook copied into a git repository
made here, with two commits, 'base' (the real pages) and 'head' (a Swedish sentence reworded, an
English heading reworded, a list item removed, a page added in both languages, only a date
changed in one page's front matter, a page renamed). Made once per test run (tests/conftest.py,
fixture ``change_preview``), for the preview tests and for the Nu Html Checker's one run over
every page (tests/test_validators.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from handbook.editors import change_preview
from tests.conftest import copy_project

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}

SITE_URL = "https://intranat.example/handbok/"  # --site-url: where links to unchanged pages lead
NEW_PAGE = """---
owner: Kommunikationsenheten, kommunkansliet
reviewed: 2026-12-01
review_by: 2027-12-01
document_type: stöd
description: {description}
---

# {title}

## {heading} {{#live-video}}

{text}
"""

HOSTILE = """

## Ett nytt avsnitt {#hostile}

<script>alert("pr")</script>

<img src="x" onerror="alert('img')">

[Klicka här](kontakta-oss.md){ onclick="alert('attr')" }
"""


def git(project: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer has {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make(folder: Path) -> None:
    """folder/project: the repository; folder/forhandsvisning: the preview of base..head, made by
    the command as the pull-request workflow runs it (folder/summary.md: its job summary)."""
    root = copy_project(folder / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    git(root, "tag", "base")
    edit(root, "facebook-konton.md", "Facebook godkänner inte att en individ har flera konton.",
         "Facebook tillåter inte att en person har flera konton.")
    edit(root, "elever-och-brukare.en.md", "## How a group works {#how-groups-work}",
         "## How a Facebook group is run {#how-groups-work}")
    edit(root, "elever-och-brukare.md",
         "- [Administratörer och roller i grupper](https://www.facebook.com/help/1686671141596230)\n", "")
    edit(root, "kontakta-oss.md", "reviewed: 2026-11-25", "reviewed: 2026-12-03")
    for suffix, words in (("md", dict(title="Livesändningar", heading="Sända live", description="Om att sända live.",
                                      text="Sänd bara live från kommunens konton.")),
                          ("en.md", dict(title="Live video", heading="Going live", description="On live video.",
                                         text="Only go live from the municipality's accounts."))):
        (root / "docs" / f"livesandningar.{suffix}").write_text(NEW_PAGE.format(**words), encoding="utf-8")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "  - yttrandefrihet-och-regler.md\n", "  - yttrandefrihet.md\n  - livesandningar.md\n"), encoding="utf-8")
    git(root, "mv", "docs/yttrandefrihet-och-regler.md", "docs/yttrandefrihet.md")
    git(root, "mv", "docs/yttrandefrihet-och-regler.en.md", "docs/yttrandefrihet.en.md")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "head")
    git(root, "tag", "head")
    code = change_preview.main(["base", "head", "--out", str(folder / "forhandsvisning"), "--config", str(root / "mkdocs.yml"),
                                "--summary", str(folder / "summary.md"), "--site-url", SITE_URL])
    assert code == 0, "handbook-preview failed on the test change"
