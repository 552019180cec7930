"""The whole handbook as one PDF per language, rendered by WeasyPrint (also ``handbook-pdf``).

``pdf_assemble`` gives the HTML; this renders it, tagged as PDF/UA-1, and writes
``handbok-sociala-medier.pdf`` at the site root (Swedish) and ``en/social-media-handbook.pdf``
(English). Only fonts on the machine are used (DejaVu Sans) and nothing is fetched from the
network: images and other files must come from the built site, anything else stops the build.
With SOURCE_DATE_EPOCH set, the PDF's dates come from it, so two builds give the same bytes.
``pdf_tagging`` corrects WeasyPrint's structure tree before the PDF is written.

The build writes the PDFs (handbook/engine/plugin.py); for an already built site:

    uv run handbook-pdf [site_dir]
"""

from __future__ import annotations

import argparse
import datetime as dt
import mimetypes
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.pdf.pdf_assemble import PdfLabels, assemble, document, pdf_name, pdf_path
from handbook.pdf.pdf_tagging import finish_tagging
from handbook.core import git, i18n
from handbook.core.project import MKDOCS_FILE, ROOT, HandbookError, Language, load_mkdocs_config

LABEL_KEYS = ("contents", "owner", "date", "version", "unknown_version", "page")


# --- What the PDF is made with ---------------------------------------------------------------


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build (then the PDF bytes repeat)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def labels_from_config(config) -> dict[str, PdfLabels]:
    """Locale -> the PDF labels of that language, from the handbook plugin's validated settings
    and each i18n language's site name and author. Read at on_config: static-i18n later
    overwrites ``site_name`` in the same config object with each language's own."""
    settings = config.plugins["handbook"].config
    result = {}
    for entry in config.plugins["i18n"].config.languages:
        labels = settings.labels[entry.locale]
        result[entry.locale] = PdfLabels(
            **{key: str(labels.pdf[key]) for key in LABEL_KEYS},
            date_locale=labels.date_locale,
            site_name=str(entry.site_name or config.site_name or ""),
            site_author=str(entry.site_author or config.site_author or ""),
        )
    return result


# --- WeasyPrint ------------------------------------------------------------------------------


def site_only_fetcher(site_dir: Path, refused: list[str]):
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


def render(source: str, site_dir: Path, name: str):
    """The rendered document of an HTML source whose files come from ``site_dir``."""
    from weasyprint import HTML

    refused: list[str] = []
    rendering = HTML(
        string=source, base_url=Path(site_dir).resolve().as_uri() + "/",
        url_fetcher=site_only_fetcher(site_dir, refused),
    ).render()
    if refused:
        raise HandbookError(
            f"{name}: the PDF may only use files of the built site; it asked for "
            + ", ".join(sorted(set(refused)))
        )
    return rendering


def write_rendering(rendering, target: Path) -> None:
    """Write a rendered document as a tagged PDF/UA-1 file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    rendering.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=True, finisher=finish_tagging)


@dataclass(frozen=True)
class WrittenPdf:
    path: Path
    pages: int
    seconds: float


def write_pdf(site_dir: Path, lang: Language, langs: list[Language], labels: PdfLabels,
              commit: str | None, when: dt.datetime) -> WrittenPdf:
    """Write the language's PDF into the built site."""
    started = time.perf_counter()
    site_dir = Path(site_dir)
    book = assemble(site_dir, lang, langs, labels)
    rendering = render(document(book, labels, commit, when), site_dir, pdf_name(lang))
    target = pdf_path(site_dir, lang)
    write_rendering(rendering, target)
    return WrittenPdf(target, len(rendering.pages), time.perf_counter() - started)


def _load_weasyprint() -> None:
    import weasyprint  # noqa: F401


def start_renderers(count: int) -> ProcessPoolExecutor:
    """One process per PDF, started now: each loads WeasyPrint (0.35 s) at once, so a build can
    start them before it builds the pages, and the PDFs are then rendered side by side."""
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_load_weasyprint)
    pool.submit(int)  # a first task starts the processes
    return pool


def write_all(site_dir: Path, langs: list[Language], labels: dict[str, PdfLabels], commit: str | None,
              when: dt.datetime, renderers: ProcessPoolExecutor | None = None) -> list[WrittenPdf]:
    """Write every language's PDF, side by side in ``renderers`` (then shut down), or in new ones."""
    pool = renderers or start_renderers(len(langs))
    try:
        jobs = [pool.submit(write_pdf, Path(site_dir), lang, langs, labels[lang.locale], commit, when)
                for lang in langs]
        return [job.result() for job in jobs]
    finally:
        pool.shutdown(cancel_futures=True)


# --- Command ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the whole handbook as one PDF per language into an already built site "
                    "(uv run mkdocs build first; the build writes them too unless HANDBOOK_PDF=0).",
    )
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="the built site (default: site/)")
    parser.add_argument("--config-file", default=str(MKDOCS_FILE), help="the mkdocs.yml the site was built from")
    args = parser.parse_args(argv)
    site_dir = Path(args.site)
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here. Run 'uv run mkdocs build' first.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        config = load_mkdocs_config(Path(args.config_file))
        written = write_all(site_dir, i18n.languages(config), labels_from_config(config),
                            git.short_commit(Path(args.config_file).parent), build_time())
    except HandbookError as err:
        print(err, file=sys.stderr)
        return 1
    for pdf in written:
        print(f"{pdf.path} ({pdf.pages} pages, {pdf.seconds:.1f} s)")
    print(f"Done in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
