"""Screenshots of the start page and a topic page, at 375 and 1280 px, in both languages, plus the
navigation drawer open at 375 px: for a person to look at before a release (issue 14, "Looks").

    uv run python -m tests.screenshots [--out screenshots] [--site site]

Builds the site without the PDFs into a temporary folder (or takes an already built --site),
serves it on 127.0.0.1 and writes PNGs into --out (git-ignored; CI can keep them as an artifact).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

from handbook.core.project import ROOT, languages
from tests.conftest import CHROMIUM, build, free_port

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = {"375": {"width": 375, "height": 740}, "1280": {"width": 1280, "height": 800}}
PAGES = {"start": "", "topic": "facebook-konton/"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def take(site_dir: Path, out: Path) -> list[Path]:
    """Every screenshot, written into ``out``; returns their paths."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            for width, viewport in WIDTHS.items():
                page = browser.new_page(viewport=viewport)
                for lang in languages():
                    for name, path in PAGES.items():
                        page.goto(f"http://127.0.0.1:{port}/{lang.url_prefix()}{path}")
                        page.wait_for_load_state("networkidle")
                        written.append(out / f"{name}-{lang.locale}-{width}.png")
                        page.screenshot(path=written[-1])
                        if width == "375" and name == "topic":
                            page.locator(".md-header .handbook-menu").click()
                            page.wait_for_timeout(400)  # the drawer slides in
                            written.append(out / f"{name}-{lang.locale}-{width}-drawer.png")
                            page.screenshot(path=written[-1])
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    work = None
    site_dir = args.site
    if site_dir is None:
        work = Path(tempfile.mkdtemp(prefix="screenshots-"))
        site_dir = work / "site"
        result = build(ROOT, site_dir, "http://127.0.0.1/", HANDBOOK_PDF="0")
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            return 1
    try:
        for path in take(site_dir, args.out):
            print(path)
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
