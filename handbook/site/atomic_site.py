"""A failed build leaves the previous site as it was, byte for byte.

MkDocs empties ``site_dir`` when a build starts, so a build that then fails (a page that cannot
be rendered, a strict-mode warning) would leave an empty or half-written folder, and a deploy
step could publish it. The handbook builds into a fresh sibling folder instead
(``.site.building``) and swaps it in only at the very end, after every check has passed; a
failed build deletes it and leaves ``site_dir`` untouched.
"""

from __future__ import annotations

import shutil
from pathlib import Path


class AtomicSite:
    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.building = self.target.with_name(f".{self.target.name}.building")
        self._old = self.target.with_name(f".{self.target.name}.old")
        shutil.rmtree(self.building, ignore_errors=True)
        self.building.mkdir(parents=True)

    def publish(self) -> None:
        """The new site replaces the old one: two renames, so the old site is whole until then."""
        shutil.rmtree(self._old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(self._old)
        self.building.rename(self.target)
        shutil.rmtree(self._old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.building, ignore_errors=True)
