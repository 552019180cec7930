"""Drops the bytes readers never need.

- HTML pages: the indentation that the theme's templates leave at the start of every line. It is
  a fifth of a page's bytes (a quarter on a big handbook, where the navigation is deeply nested).
  A line break stays, so the page reads and renders exactly the same; ``<pre>`` and
  ``<textarea>``, where white space is content, are left alone.
- Our own stylesheets and scripts (``overrides/assets/``): their comments and indentation,
  a third of what they weigh gzipped. The files in the repository keep both for editors.
"""

from __future__ import annotations

import re
from pathlib import Path

_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_COMMENT_LINE = re.compile(r"^[ \t]*//.*\n", re.M)


def minify(html: str) -> str:
    parts = _KEEP.split(html)
    # re.split with two groups gives: text, kept element, its tag name, text, ...
    return "".join(
        _INDENT.sub("\n", part) if i % 3 == 0 else part
        for i, part in enumerate(parts) if i % 3 != 2
    )


def minify_asset(text: str, suffix: str) -> str:
    """A stylesheet without its comments, or a script without its whole-line // comments."""
    text = _CSS_COMMENT.sub("", text) if suffix == ".css" else _JS_COMMENT_LINE.sub("", text)
    return _INDENT.sub("\n", text).strip() + "\n"


def minify_own_assets(custom_dir: Path, site_dir: Path) -> None:
    """Our stylesheets and scripts (``overrides/assets/``) in the built site, minified."""
    for source in sorted((custom_dir / "assets").rglob("*")):
        built = site_dir / source.relative_to(custom_dir)
        if source.suffix in (".css", ".js") and built.is_file():
            built.write_text(minify_asset(built.read_text(encoding="utf-8"), source.suffix), encoding="utf-8")
