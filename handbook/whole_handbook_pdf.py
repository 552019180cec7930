"""MkDocs hook: the whole handbook as one PDF per language (``pdf_assemble``, ``pdf_render``).

Only the glue: the PDF processes start with the build, each language's PDF is known to MkDocs
as a file (so the start page may link to it), and after static-i18n has built every language
the PDFs are written. ``mkdocs serve`` skips them to keep the preview fast, and so does
``HANDBOOK_PDF=0``; then ``uv run handbook-pdf [site_dir]`` writes them.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs import plugins
from mkdocs.structure.files import File

# Through the package, so that the work handed to the PDF processes names importable functions.
from handbook import pdf_render
from handbook.pdf_assemble import pdf_name
from handbook.project import HandbookError, Language, languages_from_config

log = logging.getLogger("mkdocs.hooks.whole_handbook_pdf")

_command = {"name": "build"}
_renderers: dict[str, object] = {}  # the PDF processes ("pool") and the labels, for one build


def _languages(config) -> list[Language]:
    return languages_from_config(config["plugins"]["i18n"].config)


def _skipped() -> str | None:
    if _command["name"] == "serve":
        return "mkdocs serve"
    if os.environ.get("HANDBOOK_PDF", "").strip() == "0":
        return "HANDBOOK_PDF=0"
    return None


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    """Start the PDF processes while MkDocs builds the pages (once, not per language).

    The labels are read now, from the config as mkdocs.yml gives it: static-i18n later
    overwrites ``site_name`` in the same config object with each language's own."""
    if config["plugins"]["i18n"].building:
        return
    _renderers["labels"] = pdf_render.labels_from_config(config)
    if not _skipped() and "pool" not in _renderers:
        _renderers["pool"] = pdf_render.start_renderers(len(_languages(config)))


def on_shutdown():
    pool = _renderers.pop("pool", None)
    if pool:
        pool.shutdown(cancel_futures=True)


class _PdfFile(File):
    """The PDF written after the build: known to MkDocs so that a page may link to it, but there
    is nothing to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


@plugins.event_priority(-110)
def on_files(files, config):
    """After static-i18n has chosen this language's files (priority -100): add its PDF."""
    lang = next(l for l in _languages(config) if l.locale == config["plugins"]["i18n"].current_language)
    name = pdf_name(lang)
    files.append(_PdfFile(name, None, config["site_dir"], config["use_directory_urls"],
                          dest_uri=lang.url_prefix() + name))
    return files


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
    try:
        written = pdf_render.write_all(
            site_dir, _languages(config), _renderers["labels"],
            commit=pdf_render.git_commit(Path(config.config_file_path).parent),
            when=pdf_render.build_time(), renderers=_renderers.pop("pool", None),
        )
    except HandbookError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(err)) from err
    listing = ", ".join(f"{p.path.relative_to(site_dir).as_posix()} ({p.pages} pages, {p.seconds:.1f} s)"
                        for p in written)
    log.info(f"Whole-handbook PDFs written in {time.perf_counter() - started:.1f} s: {listing}")
