"""Gzipped twins of the pages and of what they load, for the server to send as they are.

nginx compresses on the fly at level 1 (its default ``gzip_comp_level``); with ``gzip_static on``
(deploy/nginx.conf) it sends ``x.css.gz`` for ``x.css`` instead, to every browser that accepts
gzip, and the plain file to the others. So the build writes, as its last step, beside each page
and each file a page loads:

- pages, which change with every build: gzip at level 9 (a few milliseconds for the whole site);
- the stylesheets, scripts and icons that the pages load (``<link href>``, ``<script src>``),
  the same in every build and most of a first view's bytes: Zopfli, the gzip-compatible
  compressor that finds a smaller encoding (a twentieth smaller than level 9 on Material's
  stylesheet) at some hundred times the cost (about a second for that stylesheet), so its
  answers are kept in the machine's cache, by the file's SHA-256, and each file is compressed
  once per machine;
- nothing else: the search's files (fetched when the reader searches), the feeds and the sitemap
  the server compresses as it sends them (``gzip_comp_level 6``), and Material's search
  languages, which the handbook never loads, are left as they are.

Every twin is deterministic (no name, no time in its header), so two builds of the same sources
are byte-identical, and written only where it is smaller than the file. A twin is only right
while its file is unchanged: this runs after every step that writes into the site, and the tests
decompress every twin against its file.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
from pathlib import Path

import zopfli.gzip

# What the pages load that is compressed already (a PNG icon, a web font) gets no twin.
TEXT = {".css", ".js", ".svg", ".json", ".xml", ".txt"}
# Written by the engine as files of their own (MkDocs' gzipped sitemap), not twins of this step.
OWN_TWINS = {"sitemap.xml"}
SMALLEST = 256  # below this, gzip's own 18 bytes of header and trailer win little or nothing
_LOADED = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+)', re.I)


def cache_dir() -> Path:
    """Zopfli's answers, one per machine ($XDG_CACHE_HOME or ~/.cache), as the compound cache."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "varberg-handbook" / "zopfli"


def compressed(data: bytes, *, page: bool, cache: Path) -> bytes:
    if page:
        return gzip.compress(data, compresslevel=9, mtime=0)
    key = cache / (hashlib.sha256(data).hexdigest() + ".gz")
    try:
        return key.read_bytes()
    except OSError:
        pass
    out = zopfli.gzip.compress(data)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: two builds side by side never read half a file.
        with tempfile.NamedTemporaryFile(dir=cache, delete=False) as tmp:
            tmp.write(out)
        os.replace(tmp.name, key)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return out


def loaded_by_pages(site_dir: Path) -> set[Path]:
    """The files that the site's pages load, from their ``<link>`` and ``<script>`` elements."""
    loaded = set()
    for page in site_dir.rglob("*.html"):
        for ref in _LOADED.findall(page.read_text(encoding="utf-8")):
            if "//" not in ref:
                path = ((site_dir if ref.startswith("/") else page.parent) / ref.lstrip("/")).resolve()
                if path.suffix.lower() in TEXT:
                    loaded.add(path)
    return loaded


def twin(path: Path) -> Path:
    return path.with_name(path.name + ".gz")


def precompress_site(site_dir: Path, *, cache: Path | None = None) -> int:
    """Writes (or removes, where it would not be smaller) the ``.gz`` twin of each page and of each
    file the pages load; returns how many were written."""
    cache = cache or cache_dir()
    loaded = loaded_by_pages(site_dir)
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix == ".gz":
            continue
        page = path.suffix == ".html"
        data = path.read_bytes() if page or path.resolve() in loaded else b""
        out = compressed(data, page=page, cache=cache) if len(data) >= SMALLEST else None
        if out is not None and len(out) < len(data):
            twin(path).write_bytes(out)
            written += 1
        elif path.name not in OWN_TWINS:
            # No twin (any more): nginx would send an old one for a file a page no longer loads.
            twin(path).unlink(missing_ok=True)
    return written
