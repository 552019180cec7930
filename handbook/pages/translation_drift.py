"""Translation drift: each English twin records which version of its Swedish page it translates.

The record is ``translation_of: <hash>`` in the twin's front matter: the first 12 hex digits of
the SHA-256 of the Swedish page's text (its front matter left out, so a new review date is not a
change to translate). When the Swedish text changes and the twin does not, ``drift()`` names
both files; the tests fail on it.

After translating, mark the twin as up to date:

    uv run handbook-mark-translated docs/facebook-konton.en.md
    uv run handbook-mark-translated --all        # every twin (only after checking them all)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from handbook.core import sources
from handbook.pages.page_metadata import parse
from handbook.core.project import ROOT, Language, languages, page_and_language

FIELD = "translation_of"


def source_hash(path: Path) -> str:
    """The hash of a page's text, front matter left out, line endings and trailing space ignored."""
    body = sources.read(path).body
    normal = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _twins(docs_dir: Path, langs: list[Language]):
    for lang in langs[1:]:
        for twin in sorted(docs_dir.rglob(f"*.{lang.locale}.md")):
            yield twin.with_name(page_and_language(twin.name, langs)[0]), twin


def drift(docs_dir: Path, langs: list[Language] | None = None) -> list[str]:
    """Every twin whose recorded version is not the Swedish page's current text."""
    langs = langs or languages()
    root = docs_dir.parent
    found = []
    for original, twin in _twins(docs_dir, langs):
        if not original.exists():
            continue
        rel_o, rel_t = original.relative_to(root).as_posix(), twin.relative_to(root).as_posix()
        recorded = str(parse(sources.read(twin))[0].get(FIELD) or "")
        current = source_hash(original)
        if not recorded:
            found.append(f"{rel_t}: does not record which version of {rel_o} it translates. When "
                         f"it is a complete translation, run: uv run handbook-mark-translated {rel_t}")
        elif recorded != current:
            found.append(f"{rel_o} has changed since {rel_t} was translated (translation_of: "
                         f"{recorded}, now {current}). Update the English text, then run: "
                         f"uv run handbook-mark-translated {rel_t}")
    return found


def mark(twin: Path, langs: list[Language] | None = None) -> str:
    """Writes the current hash of the Swedish original into the twin's front matter."""
    langs = langs or languages()
    page, lang = page_and_language(twin.name, langs)
    if lang.default:
        raise SystemExit(f"{twin}: is not a translation (its name must end in .en.md).")
    original = twin.with_name(page)
    if not original.exists():
        raise SystemExit(f"{twin}: its Swedish original {original.name} does not exist.")
    digest = source_hash(original)
    page = sources.read(twin)
    front, body = page.front_matter, page.body
    if front is None:
        raise SystemExit(f"{twin}: has no front matter; add the page's fields first.")
    line = f"{FIELD}: {digest}"
    if re.search(rf"^{FIELD}:.*$", front, re.M):
        front = re.sub(rf"^{FIELD}:.*$", line, front, count=1, flags=re.M)
    else:
        front = front + line + "\n"
    twin.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Mark English pages as translations of the current Swedish text.")
    parser.add_argument("pages", nargs="*", type=Path, help="English pages, e.g. docs/x.en.md")
    parser.add_argument("--all", action="store_true", help="mark every English page")
    parser.add_argument("--check", action="store_true", help="only list the pages that have drifted")
    args = parser.parse_args(argv)
    docs = ROOT / "docs"
    if args.check:
        found = drift(docs)
        print("\n".join(found) if found else "Every English page translates the current Swedish text.")
        return 1 if found else 0
    twins = [t for _, t in _twins(docs, languages())] if args.all else args.pages
    if not twins:
        parser.error("name the English pages to mark, or use --all")
    for twin in twins:
        print(f"{twin}: translation_of: {mark(twin)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
