"""MkDocs hook and command: the whole handbook as one PDF per language.

After static-i18n has built every language, this writes ``handbok-sociala-medier.pdf`` at the
site root (Swedish) and ``en/social-media-handbook.pdf`` (English). Each PDF is made with
WeasyPrint from the *built* pages, so it says exactly what the site says:

- a title page with the site name, the owner (from the start page), the build date and the
  version (the git commit, or "okänd"/"unknown" without git);
- a table of contents with page numbers, then every page in navigation order;
- page numbers ("Sida 3 av 12") and links between pages and sections that work inside the PDF;
  links to other websites stay links, with the address printed after them;
- tagged and accessible: PDF/UA-1, with the document title and language set.

Only fonts on the machine are used (DejaVu Sans) and nothing is fetched from the network:
images and other files must come from the built site, anything else stops the build.

With SOURCE_DATE_EPOCH set, the PDF's dates come from it, so two builds give the same bytes.
``mkdocs serve`` skips the PDFs to keep the preview fast, and so does ``HANDBOOK_PDF=0``; then

    uv run handbook-pdf [site_dir]      # (re)writes the PDFs of an already built site

The labels ("Innehåll", "Ansvarig", …) are each language's ``extra.pdf_labels`` in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import multiprocessing
import html
import logging
import mimetypes
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs import plugins
from mkdocs.structure.files import File

from handbook.project import MKDOCS_FILE, ROOT, HandbookError, Language, languages, load_mkdocs_config
from handbook.page_facts import build_date

log = logging.getLogger("mkdocs.hooks.whole_handbook_pdf")

# The PDF of each language, in that language's folder of the site. The start page links here.
PDF_FILES = {"sv": "handbok-sociala-medier.pdf", "en": "social-media-handbook.pdf"}
STYLESHEET = Path(__file__).with_name("pdf.css")
_LOCAL = "http://site.invalid/"  # stands for the site root while links are resolved


def pdf_name(lang: Language) -> str:
    return PDF_FILES.get(lang.locale, f"handbook-{lang.locale}.pdf")


def pdf_path(site_dir: Path, lang: Language) -> Path:
    return Path(site_dir) / lang.url_prefix() / pdf_name(lang)


# --- What goes on the title page -------------------------------------------------------------


@dataclass(frozen=True)
class Labels:
    contents: str
    owner: str
    date: str
    version: str
    unknown_version: str
    page: str  # "Sida {page} av {pages}"
    date_locale: str
    site_name: str
    site_author: str


def labels_of(mkdocs_file: Path) -> dict[str, Labels]:
    """Locale -> the PDF labels, site name and author of that language, from mkdocs.yml."""
    config = load_mkdocs_config(Path(mkdocs_file))
    settings = config.plugins["handbook"].config
    result = {}
    for entry in config.plugins["i18n"].config.languages:
        labels = settings.labels[entry.locale]
        result[entry.locale] = Labels(
            **{k: str(labels.pdf[k]) for k in ("contents", "owner", "date", "version", "unknown_version", "page")},
            date_locale=labels.date_locale,
            site_name=str(entry.site_name or config.site_name or ""),
            site_author=str(entry.site_author or config.site_author or ""),
        )
    return result


def git_version(project_dir: Path) -> str | None:
    """The short commit the site is built from, or None without git."""
    try:
        result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project_dir,
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build (then the PDF bytes repeat)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# --- From built pages to one HTML document ---------------------------------------------------


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _page_file(site_dir: Path, site_path: str) -> Path | None:
    """The built file of a site path such as 'facebook-konton/' (relative to the root)."""
    candidate = site_dir / unquote(site_path)
    if site_path.endswith("/") or site_path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _neighbour(site_dir: Path, path: str, direction: str) -> str | None:
    """The site path that the page's footer links as previous ("prev") or next ("next")."""
    page = _page_file(site_dir, path)
    html = page.read_text(encoding="utf-8") if page else ""
    footer = BeautifulSoup(html[html.rfind("<footer"):], "html.parser")
    link = footer.select_one(f"a.md-footer__link--{direction}[href]")
    return urlsplit(urljoin(_LOCAL + path, link["href"])).path[1:] if link else None


def page_order(site_dir: Path, lang: Language, langs: list[Language]) -> list[str]:
    """The language's pages as site paths ('', 'en/x/', …), in the order of its navigation.

    From the start page, the footers' previous and next links (theme feature
    ``navigation.footer``) lead through every page of the navigation in order, also the pages
    in sections, which ``navigation.prune`` leaves out of the start page's own sidebar."""
    root = lang.url_prefix()
    start = site_dir / root / "index.html"
    if not start.is_file():
        raise HandbookError(f"{start}: no built start page. Run 'uv run mkdocs build' first.")
    order = [root]
    for direction in ("prev", "next"):
        path = _neighbour(site_dir, root, direction)
        while path is not None and path not in order:
            if direction == "prev":
                order.insert(0, path)
            else:
                order.append(path)
            path = _neighbour(site_dir, path, direction)
    others = [l.url_prefix() for l in langs if l != lang and l.url_prefix()]
    listed = []
    for link in _soup(start).select("nav.md-nav--primary a.md-nav__link[href]"):
        parts = urlsplit(urljoin(_LOCAL + root, link["href"]))
        path = parts.path[1:]
        if not parts.fragment and path.startswith(root) and not any(path.startswith(o) for o in others):
            listed.append(path)
    missing = [p for p in listed if p not in order and _page_file(site_dir, p)]
    if missing:
        raise HandbookError(
            f"{pdf_name(lang)}: the pages {', '.join(missing)} are in the navigation but cannot be "
            "put in order: the PDF follows each page's previous/next links. Keep "
            "'navigation.footer' under theme.features in mkdocs.yml."
        )
    return order


def _page_id(path: str, root: str) -> str:
    rest = path[len(root):].strip("/")
    return re.sub(r"[^A-Za-z0-9_-]+", "_", rest) or "index"


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


@dataclass
class Handbook:
    lang: Language
    title: str
    author: str
    owner: str
    site_url: str  # the address the site was built for, from the start page's canonical link
    body: str      # the pages, each in a <section>
    toc: str       # the table of contents
    pages: list[tuple[str, str]]  # (page id, title)


def assemble(site_dir: Path, lang: Language, langs: list[Language], labels: Labels) -> Handbook:
    """The language's pages, cleaned for print, with links rewritten to anchors in the PDF."""
    site_dir = Path(site_dir)
    root = lang.url_prefix()
    order = page_order(site_dir, lang, langs)
    ids = {path: _page_id(path, root) for path in order}
    start = _soup(site_dir / root / "index.html")
    canonical = start.find("link", rel="canonical")
    site_url = canonical["href"][: len(canonical["href"]) - len(root)] if canonical else ""
    owner = ""
    for dt_tag in start.select("aside.handbook-page-facts dt"):
        if _text(dt_tag) == labels.owner and dt_tag.find_next_sibling("dd"):
            owner = _text(dt_tag.find_next_sibling("dd"))
            break
    own_pdf = root + pdf_name(lang)

    sections, pages, all_ids = [], [], set()
    for path in order:
        pid = ids[path]
        article = _soup(_page_file(site_dir, path)).select_one("article.md-content__inner")
        if article is None:
            raise HandbookError(f"{path or 'index.html'}: the built page has no article.")
        # What only the website needs: permalinks, the browser print stamp, icons.
        for tag in article.select(".headerlink, .handbook-print-stamp, svg.handbook-external__icon, "
                                  "a.handbook-external .handbook-visually-hidden, script, style"):
            tag.decompose()
        for tag in article.find_all(id=True):
            tag["id"] = f"{pid}--{tag['id']}"
            all_ids.add(tag["id"])
        page_url = _LOCAL + path
        for link in article.find_all("a", href=True):
            href = link["href"].strip()
            if href.startswith(("mailto:", "tel:")):
                continue
            if site_url and href.startswith(site_url):
                href = _LOCAL + href[len(site_url):]
            target = urlsplit(urljoin(page_url, href))
            if target.scheme + "://" + target.netloc + "/" != _LOCAL:
                continue  # another website: stays as it is
            target_path = target.path[1:]
            if target_path in ids:
                link["href"] = "#" + ids[target_path] + (f"--{unquote(target.fragment)}" if target.fragment else "")
            elif target_path == own_pdf:  # "download this PDF" inside the PDF itself
                parent = link.parent
                link.decompose()
                if parent.name == "p" and not parent.get_text(strip=True):
                    parent.decompose()
            else:  # a file of the site that is not a page here: the online address
                link["href"] = urljoin(site_url or _LOCAL, target_path) + (f"#{target.fragment}" if target.fragment else "")
        for image in article.find_all("img", src=True):
            source = urlsplit(urljoin(page_url, image["src"]))
            if source.scheme + "://" + source.netloc + "/" == _LOCAL:
                image["src"] = source.path[1:]  # relative to the site root, the PDF's base URL
        heading = article.find("h1")
        page_title = _text(heading) if heading else path
        pages.append((pid, page_title, [(h["id"], _text(h)) for h in article.find_all("h2", id=True)]))
        article.name = "section"
        article.attrs = {"class": ["page"], "id": pid}
        all_ids.add(pid)
        sections.append(str(article))

    body = "\n".join(sections)

    # A link to a section that is not inside the printed article leads to its page instead.
    def check_anchor(match: re.Match) -> str:
        target = html.unescape(match.group(1))
        if target in all_ids:
            return match.group(0)
        return f'href="#{html.escape(target.split("--")[0], quote=True)}"'

    body = re.sub(r'href="#([^"]*)"', check_anchor, body)
    toc_items = []
    for pid, page_title, h2s in pages:
        sub = "".join(f'<li><a href="#{html.escape(i)}">{html.escape(t)}</a></li>' for i, t in h2s)
        toc_items.append(
            f'<li><a href="#{pid}">{html.escape(page_title)}</a>' + (f"<ol>{sub}</ol>" if sub else "") + "</li>"
        )
    toc = (
        f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{html.escape(labels.contents)}</h2>'
        f'<ol>{"".join(toc_items)}</ol></nav>'
    )
    return Handbook(lang, labels.site_name, labels.site_author, owner, site_url, body, toc,
                    [(p[0], p[1]) for p in pages])


def document(book: Handbook, labels: Labels, version: str | None, when: dt.datetime) -> str:
    """The whole handbook of one language as one HTML document, ready for WeasyPrint."""
    from babel.dates import format_date

    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    day = format_date(build_date(), format="long", locale=labels.date_locale)
    before, _, rest = labels.page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    css_string = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    page_numbers = f"{css_string(before)} counter(page) {css_string(middle)} counter(pages) {css_string(after)}"
    css = STYLESHEET.read_text(encoding="utf-8").replace("/* PAGE-NUMBERS */", page_numbers)
    facts = [
        (labels.owner, book.owner),
        (labels.date, day),
        (labels.version, version or labels.unknown_version),
    ]
    facts_html = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in facts if v)
    return f"""<!doctype html>
<html lang="{e(book.lang.locale)}">
<head>
<meta charset="utf-8">
<title>{e(book.title)}</title>
<meta name="author" content="{e(book.author)}">
<meta name="dcterms.created" content="{stamp}">
<meta name="dcterms.modified" content="{stamp}">
<style>{css}</style>
</head>
<body>
<section class="title-page">
<h1>{e(book.title)}</h1>
<dl>{facts_html}</dl>
</section>
{book.toc}
{book.body}
</body>
</html>
"""


# --- WeasyPrint ------------------------------------------------------------------------------


def _site_only_fetcher(site_dir: Path, refused: list[str]):
    """A WeasyPrint URL fetcher that serves files of the built site and refuses anything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = Path(site_dir).resolve()

    class SiteOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(root) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            refused.append(url)
            raise ValueError(f"the handbook PDF only uses files of the built site, not {url}")

    return SiteOnlyFetcher(allowed_protocols=["file"])


def write_pdf(site_dir: Path, lang: Language, langs: list[Language], labels: Labels,
              version: str | None, when: dt.datetime | None = None) -> tuple[Path, int]:
    """Write the language's PDF into the built site. Returns its path and its number of pages."""
    from weasyprint import HTML

    site_dir = Path(site_dir)
    book = assemble(site_dir, lang, langs, labels)
    source = document(book, labels, version, when or build_time())
    refused: list[str] = []
    rendering = HTML(
        string=source, base_url=site_dir.resolve().as_uri() + "/",
        url_fetcher=_site_only_fetcher(site_dir, refused),
    ).render()
    if refused:
        raise HandbookError(
            f"{pdf_name(lang)}: the PDF may only use files of the built site; it asked for "
            + ", ".join(sorted(set(refused)))
        )
    target = pdf_path(site_dir, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    rendering.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=True)
    return target, len(rendering.pages)


def _load_weasyprint() -> None:
    import weasyprint  # noqa: F401


def start_renderers(count: int) -> ProcessPoolExecutor:
    """One process per PDF, started now: each loads WeasyPrint (0.35 s) at once, so a build can
    start them before it builds the pages, and the PDFs are then rendered side by side."""
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_load_weasyprint)
    pool.submit(int)  # a first task starts the processes
    return pool


def write_all(site_dir: Path, mkdocs_file: Path, project_dir: Path,
              renderers: ProcessPoolExecutor | None = None) -> list[tuple[Path, int]]:
    langs = languages(mkdocs_file)
    labels = labels_of(mkdocs_file)
    version = git_version(project_dir)
    when = build_time()
    pool = renderers or start_renderers(len(langs))
    try:
        jobs = [pool.submit(write_pdf, site_dir, lang, langs, labels[lang.locale], version, when)
                for lang in langs]
        return [job.result() for job in jobs]
    finally:
        pool.shutdown(cancel_futures=True)


# --- MkDocs hook -----------------------------------------------------------------------------

_command = {"name": "build"}
_renderers: dict[str, ProcessPoolExecutor] = {}


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    """Start the PDF processes while MkDocs builds the pages (once, not per language)."""
    if not _skipped() and not config["plugins"]["i18n"].building and "pool" not in _renderers:
        _renderers["pool"] = start_renderers(len(languages_of(config)))


def on_shutdown():
    pool = _renderers.pop("pool", None)
    if pool:
        pool.shutdown(cancel_futures=True)


def _skipped() -> str | None:
    if _command["name"] == "serve":
        return "mkdocs serve"
    if os.environ.get("HANDBOOK_PDF", "").strip() == "0":
        return "HANDBOOK_PDF=0"
    return None


class _PdfFile(File):
    """The PDF this hook writes after the build: known to MkDocs so that a page may link to it,
    but there is nothing to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


@plugins.event_priority(-110)
def on_files(files, config):
    """After static-i18n has chosen this language's files (priority -100): add its PDF."""
    i18n = config["plugins"]["i18n"]
    lang = next(l for l in languages_of(config) if l.locale == i18n.current_language)
    name = pdf_name(lang)
    files.append(_PdfFile(name, None, config["site_dir"], config["use_directory_urls"],
                          dest_uri=lang.url_prefix() + name))
    return files


def languages_of(config) -> list[Language]:
    from handbook.project import languages_from_config

    return languages_from_config(config["plugins"]["i18n"].config)


@plugins.event_priority(-110)
def on_post_build(config):
    """After static-i18n has built every language (it runs the other builds at priority -100)."""
    if config["plugins"]["i18n"].building:
        return
    site_dir = Path(config["site_dir"])
    reason = _skipped()
    if reason:
        log.info(f"Whole-handbook PDFs skipped ({reason}); write them with 'uv run handbook-pdf'.")
        return
    started = time.perf_counter()
    project_dir = Path(config.config_file_path).parent
    try:
        # Through the package, not this hook module (which MkDocs loads under a file name), so
        # that the work handed to the PDF processes names functions they can import.
        module = importlib.import_module("handbook.whole_handbook_pdf")
        written = module.write_all(site_dir, Path(config.config_file_path), project_dir,
                                   _renderers.pop("pool", None))
    except HandbookError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(err)) from err
    listing = ", ".join(f"{p.relative_to(site_dir).as_posix()} ({n} pages)" for p, n in written)
    log.info(f"Whole-handbook PDFs written in {time.perf_counter() - started:.1f} s: {listing}")


# --- Command ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the whole handbook as one PDF per language into an already built site "
                    "(uv run mkdocs build first; the build writes them too unless HANDBOOK_PDF=0).",
    )
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="the built site (default: site/)")
    args = parser.parse_args(argv)
    site_dir = Path(args.site)
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here. Run 'uv run mkdocs build' first.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        written = write_all(site_dir, MKDOCS_FILE, ROOT)
    except HandbookError as err:
        print(err, file=sys.stderr)
        return 1
    for path, count in written:
        print(f"{path} ({count} pages)")
    print(f"Done in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
