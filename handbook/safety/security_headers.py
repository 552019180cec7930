"""The HTTP security and cache headers of the published site, defined once.

deploy/nginx.conf and deploy/web.config carry these headers between marker comments; the
blocks are generated from here, and tests/test_deploy.py and tests/test_zensical.py check that
they match the builds.

The Content-Security-Policy allows no inline script except the exact ones the theme writes into
each page (a few bytes that set up Material's local storage helpers, one that opens a tab named
in the #anchor, Zensical's own). Their SHA-256 hashes are read from the built HTML. One policy
serves both engines' builds (README, "When Material reaches end of life"): given several built
site folders, the policy is their union, and that is what deploy/ holds. So after upgrading
Material or Zensical (or changing a template), rebuild both and regenerate (deploy/README.md):

    uv run handbook-build --site-dir site
    uv run handbook-build --engine zensical --site-dir site-zensical
    uv run handbook-security-headers site site-zensical --write-deploy

The hashes depend on the path of SITE_URL (the 404 pages' script holds it); the committed
configs are for a site at the root of its host name, as tests/test_deploy.py builds it.

Material 9.8.2 needs no inline styles (its JavaScript sets styles through the CSSOM, which CSP
does not restrict), so its style-src is 'self' alone; so does Zensical's theme, whose search box
(which added a <style> at run time) is replaced by the handbook's own search on both builds
(overrides/partials/search.html). Material's stylesheet draws icons with data: SVG
images (mask-image: url("data:image/svg+xml,...")), hence img-src 'self' data:.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
from html.parser import HTMLParser
from pathlib import Path

from handbook.core import material_seams
from handbook.core.project import ROOT

DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx.conf"
WEB_CONFIG = DEPLOY / "web.config"

# The headers besides the Content-Security-Policy, sent with every response.
HEADERS: dict[str, str] = {
    # Browsers use the declared Content-Type; a JSON or text file is never run as a script.
    "X-Content-Type-Options": "nosniff",
    # Intranet addresses are not sent to other sites when a reader follows an external link.
    "Referrer-Policy": "same-origin",
    # The handbook uses none of these browser features; no script on it may ask for them.
    # (browsing-topics replaces the retired interest-cohort, which Chromium no longer knows.)
    "Permissions-Policy": ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
            "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        )
    ),
    # For browsers without CSP frame-ancestors: only the site itself may frame a page.
    "X-Frame-Options": "SAMEORIGIN",
}

# Material's content-hashed assets (a new version gets a new name): a Material seam.
HASHED_ASSET = material_seams.HASHED_ASSET
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else (HTML, search_index.json, sitemap.xml, our own un-hashed assets) is
# revalidated on every use: the site is rebuilt daily, and a 304 costs almost nothing.
CACHE_REVALIDATE = "no-cache"

# <script type="..."> values that the browser runs (HTML standard's JavaScript MIME types,
# modules) or checks against script-src (import maps, speculation rules).
_SCRIPT_TYPES = {
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
}

BEGIN = "BEGIN security headers"
END = "END security headers"
BEGIN_CACHE = "BEGIN immutable assets"
END_CACHE = "END immutable assets"


def cache_control(url_path: str) -> str:
    """The Cache-Control of a file of the site, by its URL path ('/assets/…')."""
    return CACHE_IMMUTABLE if HASHED_ASSET.search(url_path) else CACHE_REVALIDATE


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _InlineCode(HTMLParser):
    """Collects inline scripts, <style> blocks, style="" attributes and inline event handlers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.handlers: list[str] = []
        self._open: list[str] | None = None  # the element whose text is being collected
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            url = name in ("href", "src", "action", "formaction") and (value or "").strip().lower()
            if name.startswith("on") or (url and url.startswith("javascript:")):
                self.handlers.append(f"<{tag} {name}=…>")
            if name == "style" and value is not None:
                self.style_attributes.append(value)
        if tag == "script" and "src" not in values:
            kind = (values.get("type") or "").strip().lower()
            if kind in _SCRIPT_TYPES:
                self._open, self._text = self.scripts, []
        elif tag == "style":
            self._open, self._text = self.styles, []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._open is not None:
            self._open.append("".join(self._text))
            self._open = None


def _inline_code(site_dir: Path) -> _InlineCode:
    found = _InlineCode()
    for html in sorted(Path(site_dir).rglob("*.html")):
        found.feed(html.read_text(encoding="utf-8"))
        found.close()
        if found.handlers:
            raise ValueError(
                f"{html}: inline event handler or javascript: URL {found.handlers[0]}. "
                "No CSP without 'unsafe-inline' allows it; move it into a script file."
            )
        found.reset()
    return found


def inline_script_hashes(site_dir: Path | str) -> list[str]:
    """The CSP hash source ('sha256-…') of every executable inline <script> of the built site."""
    return sorted({_sha256(code) for code in _inline_code(Path(site_dir)).scripts})


def _style_sources(site_dir: Path) -> list[str]:
    found = _inline_code(site_dir)
    sources = sorted({_sha256(code) for code in found.styles})
    if found.style_attributes:  # style="" attributes need 'unsafe-hashes' with their hashes
        sources = ["'unsafe-hashes'", *sorted(set(sources) | {_sha256(v) for v in found.style_attributes})]
    return sources


def _hash_sources(site_dirs: tuple[Path | str, ...], sources) -> list[str]:
    """``sources`` of each built site, united: 'unsafe-hashes' first if any needs it, then the hashes."""
    found = set()
    for site_dir in site_dirs:
        site_dir = Path(site_dir)
        if not (site_dir / "index.html").is_file():
            raise FileNotFoundError(f"{site_dir} is not a built site (no index.html): run handbook-build first")
        found |= set(sources(site_dir))
    return sorted(found, key=lambda source: (source != "'unsafe-hashes'", source))


def content_security_policy(*site_dirs: Path | str) -> str:
    """The Content-Security-Policy header value for the built site in ``site_dirs[0]``; given
    several (the MkDocs and the Zensical build), one policy that allows what each needs."""
    if not site_dirs:
        raise TypeError("content_security_policy() needs at least one built site folder")
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *_hash_sources(site_dirs, inline_script_hashes)]),
        ("style-src", ["'self'", *_hash_sources(site_dirs, _style_sources)]),
        # Material's stylesheet draws its icons with data: SVG images.
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        # The search index (search/search_index.json) and sitemap are fetched from the site.
        ("connect-src", ["'self'"]),
        # Search runs in a Web Worker (assets/javascripts/workers/), which importScripts the
        # handbook's engine (handbook-search-engine.js and its modules, search/*.js) from the site.
        ("worker-src", ["'self'"]),
        ("frame-ancestors", ["'self'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("object-src", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def all_headers(*site_dirs: Path | str) -> dict[str, str]:
    """Every security header the server sends, CSP first (one policy for all ``site_dirs``)."""
    return {"Content-Security-Policy": content_security_policy(*site_dirs), **HEADERS}


def missing_sources(policy: str, site_dir: Path | str) -> list[str]:
    """What the built site in ``site_dir`` needs that ``policy`` does not allow, as
    'directive source' (none: [])."""
    allowed = {part.split()[0]: set(part.split()[1:]) for part in policy.split(";") if part.strip()}
    needed = content_security_policy(site_dir)
    return [f"{name} {source}" for part in needed.split(";") if part.strip()
            for name, *sources in [part.split()] for source in sources if source not in allowed.get(name, set())]


def deployed_policy(nginx: Path = NGINX_CONF) -> str:
    """The Content-Security-Policy in deploy/nginx.conf's generated block ("": none there)."""
    block = block_between(nginx.read_text(encoding="utf-8"), BEGIN, END) if nginx.is_file() else ""
    for line in block.splitlines():
        name, _, value = line.strip().removeprefix("add_header ").partition(" ")
        if name == "Content-Security-Policy":
            return value.removesuffix(" always;").strip('"')
    return ""


def hashed_assets(*site_dirs: Path | str) -> list[str]:
    """URL paths ('assets/…', 'en/assets/…', no leading slash) of the content-hashed files of the
    built sites (Zensical gives each language its own assets/ folder)."""
    paths = set()
    for site_dir in map(Path, site_dirs):
        paths |= {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    return sorted(p for p in paths if cache_control("/" + p) == CACHE_IMMUTABLE)


# --- the generated blocks in deploy/ ---------------------------------------------------------

def _nginx_value(value: str) -> str:
    if '"' in value or "\\" in value:
        raise ValueError(f"header value not safe for nginx: {value}")
    return f'"{value}"'


def _xml_value(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def nginx_block(*site_dirs: Path | str, indent: str = "    ") -> str:
    return "\n".join(
        f"{indent}add_header {name} {_nginx_value(value)} always;"
        for name, value in all_headers(*site_dirs).items()
    )


def web_config_block(*site_dirs: Path | str, indent: str = "        ") -> str:
    return "\n".join(
        f'{indent}<add name="{name}" value="{_xml_value(value)}" />'
        for name, value in all_headers(*site_dirs).items()
    )


def web_config_cache_block(*site_dirs: Path | str, indent: str = "  ") -> str:
    """IIS sets Cache-Control per folder or file, not by pattern: one <location> per hashed file."""
    max_age = "365.00:00:00"
    return "\n".join(
        f'{indent}<location path="{path}">\n'
        f"{indent}  <system.webServer>\n"
        f'{indent}    <staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="{max_age}" '
        f'cacheControlCustom="public, immutable" /></staticContent>\n'
        f"{indent}  </system.webServer>\n"
        f"{indent}</location>"
        for path in hashed_assets(*site_dirs)
    )


def replace_block(text: str, begin: str, end: str, block: str, file: Path | str = "") -> str:
    """``text`` with the lines between the comment lines holding ``begin`` and ``end`` replaced."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if begin in line]
    ends = [i for i, line in enumerate(lines) if end in line]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(f"{file}: expected one '{begin}' line followed by one '{end}' line")
    return "".join(lines[: starts[0] + 1]) + block + "\n" + "".join(lines[ends[0]:])


def block_between(text: str, begin: str, end: str) -> str:
    """The lines between the marker comment lines (what --write-deploy writes)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if begin in line)
    stop = next(i for i, line in enumerate(lines) if end in line)
    return "\n".join(lines[start + 1 : stop])


def write_deploy(*site_dirs: Path | str, nginx: Path = NGINX_CONF, web_config: Path = WEB_CONFIG) -> None:
    """The generated blocks of deploy/ rewritten for ``site_dirs`` (one policy for all of them)."""
    text = replace_block(nginx.read_text(encoding="utf-8"), BEGIN, END, nginx_block(*site_dirs), nginx)
    nginx.write_text(text, encoding="utf-8")
    text = web_config.read_text(encoding="utf-8")
    text = replace_block(text, BEGIN, END, web_config_block(*site_dirs), web_config)
    text = replace_block(text, BEGIN_CACHE, END_CACHE, web_config_cache_block(*site_dirs), web_config)
    web_config.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="handbook-security-headers",
        description="Print the Content-Security-Policy a built site needs (inline scripts and styles by hash). "
                    "Given several built sites, one policy that serves each of them: deploy/ holds the one for "
                    "the MkDocs and the Zensical build, 'handbook-security-headers site site-zensical --write-deploy'.",
    )
    parser.add_argument("site", type=Path, nargs="+",
                        help="the built site folder(s): handbook-build's site/, and its Zensical build "
                             "(handbook-build --engine zensical --site-dir site-zensical)")
    parser.add_argument(
        "--write-deploy", action="store_true",
        help="rewrite the generated blocks in deploy/nginx.conf and deploy/web.config, with the policy "
             "of all the sites given (deploy/ holds the MkDocs and the Zensical build's)",
    )
    args = parser.parse_args(argv)
    try:
        print(content_security_policy(*args.site))
        if args.write_deploy:
            write_deploy(*args.site)
            print(f"Updated {NGINX_CONF.relative_to(ROOT)} and {WEB_CONFIG.relative_to(ROOT)}.", file=sys.stderr)
    except (FileNotFoundError, ValueError, material_seams.SeamError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
