"""The live preview (``uv run mkdocs serve``) keeps answering while a page is broken.

MkDocs' preview server holds every request until a rebuild succeeds ("The server will appear
stuck until build errors are resolved"), so an editor who saved a broken page saw the browser
spin for minutes. Here a failed rebuild still counts as a rebuild for the server: the last good
pages stay in place (the build goes into its own folder, see ``atomic_site``), and each of them
opens with a box that names the problem, until the next save fixes it.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.handbook")

BANNER_ID = "handbook-preview-problem"
_BODY = re.compile(r"<body[^>]*>", re.I)


def problem_banner(message: str) -> str:
    return (f'<div id="{BANNER_ID}" role="alert" style="margin:0;padding:1rem 1.5rem;background:#fdecea;'
            'color:#611a15;border-bottom:3px solid #b71c1c;font:0.9rem/1.5 system-ui,sans-serif">'
            '<strong>Förhandsvisningen kunde inte uppdateras / The preview could not be updated.</strong>'
            f'<pre style="white-space:pre-wrap;margin:0.5rem 0 0">{html.escape(message)}</pre></div>')


def show_problem(site_dir: Path, message: str) -> None:
    """Put (or replace) the problem box at the top of every page of the last good site."""
    banner = problem_banner(message)
    for page in Path(site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(rf'<div id="{BANNER_ID}".*?</div>', "", text, count=1, flags=re.S)
        match = _BODY.search(text)
        if match:
            page.write_text(text[: match.end()] + banner + text[match.end():], encoding="utf-8")


def keep_answering(server, site_dir: Path, last_error: Callable[[], str | None]):
    """Wrap the preview server's rebuild so that a failure still releases waiting requests.
    ``last_error`` gives the failed build's own message (MkDocs replaces it with "Aborted with
    a BuildError!" by the time the exception reaches the server)."""
    build = server.builder

    def build_or_show_problem() -> None:
        try:
            build()
        except Exception as error:  # noqa: BLE001 - any failure must reach the editor's browser
            message = last_error() or str(error) or type(error).__name__
            log.error("The preview shows the last good pages, with the problem above them.")
            show_problem(site_dir, message)

    server.builder = build_or_show_problem
    return server
