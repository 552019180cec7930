"""Walks the built site and follows every internal link and #anchor, in every language.

This does not trust MkDocs' own warnings: it reads the HTML that readers get, so it also sees
links made by templates, hooks and the theme. Links to other websites are only checked with
``--external``, on a machine that is online.

    uv run handbook-check-links            # checks site/ (build it first: uv run mkdocs build)
    uv run handbook-check-links --external # also asks every other website whether its page exists
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from handbook.core.project import ROOT, languages

# Elements and attributes that make the browser fetch or navigate to a URL.
LINK_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("form", "action"),
}
_LOCAL = "http://site.invalid/"


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name" if tag == "a" else None):
            if name and attrs.get(name):
                self.page.ids.add(attrs[name])
        for element, attribute in LINK_ATTRIBUTES:
            if tag == element and attrs.get(attribute) is not None:
                self.page.links.append((tag, attribute, attrs[attribute].strip()))


def parse(html: str) -> ParsedPage:
    collector = _Collector()
    collector.feed(html)
    return collector.page


def source_of(html_file: Path, site_dir: Path) -> str:
    """The Markdown file a built page comes from, for messages: en/x/index.html -> docs/x.en.md."""
    rel = html_file.relative_to(site_dir).as_posix()
    parts = rel.split("/")
    try:
        langs = languages()
    except Exception:  # noqa: BLE001 - only used to word a message
        langs = []
    lang = next((l for l in langs if not l.default and parts[0] == l.locale), None)
    if lang:
        parts = parts[1:]
    if parts[-1] != "index.html":
        return rel
    stem = "/".join(parts[:-1]) or "index"
    return "docs/" + stem + (f".{lang.locale}.md" if lang else ".md")


def _target_file(site_dir: Path, path: str) -> Path | None:
    """The file a site path is served from, or None."""
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path, site_url: str = "", external: bool = False) -> list[str]:
    """Every broken internal link or #anchor in the built site, each naming page and link."""
    site_dir = Path(site_dir)
    base_path = urlsplit(site_url).path if site_url else "/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    pages = {p: parse(p.read_text(encoding="utf-8")) for p in sorted(site_dir.rglob("*.html"))}
    problems: list[str] = []
    external_links: dict[str, list[str]] = {}

    for html_file, parsed in pages.items():
        rel = html_file.relative_to(site_dir).as_posix()
        here = f"{rel} (from {source_of(html_file, site_dir)})"
        page_url = urljoin(_LOCAL, base_path + rel)
        for tag, attribute, link in parsed.links:
            if link.startswith(("mailto:", "tel:")):
                continue
            if link.lower().startswith(("javascript:", "data:")):
                problems.append(f"{here}: <{tag} {attribute}=\"{link[:40]}\"> uses a {link.split(':')[0]}: URL. Use a normal link.")
                continue
            absolute = urljoin(page_url, link)
            if site_url and absolute.startswith(site_url):
                absolute = urljoin(_LOCAL, urlsplit(absolute).path) + (
                    "#" + urlsplit(absolute).fragment if urlsplit(absolute).fragment else ""
                )
            if not absolute.startswith(_LOCAL):
                external_links.setdefault(absolute, []).append(here)
                continue
            parts = urlsplit(absolute)
            path = str(PurePosixPath(parts.path)) + ("/" if parts.path.endswith("/") else "")
            if not path.startswith(base_path.rstrip("/") or "/"):
                problems.append(f"{here}: link '{link}' points outside the site. Use a relative link.")
                continue
            target = _target_file(site_dir, path[len(base_path.rstrip("/")):])
            if target is None:
                problems.append(f"{here}: link '{link}' leads to a page that does not exist.")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target in pages and fragment not in pages[target].ids:
                problems.append(
                    f"{here}: link '{link}' points to the section '#{fragment}', which does not "
                    f"exist on {target.relative_to(site_dir).as_posix()} "
                    f"(from {source_of(target, site_dir)})."
                )
    if external:
        problems.extend(check_external(external_links))
    return problems


def check_external(links: dict[str, list[str]], timeout: float = 15.0) -> list[str]:
    """Asks each other website whether the linked page exists. Needs a network connection."""
    problems = []
    for url, where in sorted(links.items()):
        request = urllib.request.Request(url.split("#")[0], method="GET", headers={"User-Agent": "handbook-link-checker"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            status = err.code
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            problems.append(f"{where[0]}: the external link {url} could not be reached ({err}).")
            continue
        if status >= 400:
            problems.append(f"{where[0]}: the external link {url} answers {status}. Update or remove it.")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="the built site (default: site/)")
    parser.add_argument("--site-url", default="", help="the SITE_URL the site was built with")
    parser.add_argument("--external", action="store_true", help="also check links to other websites (needs internet)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here. Run 'uv run mkdocs build' first.", file=sys.stderr)
        return 2
    problems = check_site(site, args.site_url, external=args.external)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} broken link(s) found." if problems else "All links work.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
