"""Shared fixtures: the site is built once per test session, then served and opened in Chromium.

Browser tests need Debian's chromium (apt-get install chromium). On a developer's machine
without it they are skipped with a loud reason; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.project import ROOT, SOURCE_PARTS, Language, languages, load_contract

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def build(project: Path, site_dir: Path, site_url: str, *options: str, **env_extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of a project folder, as an editor or CI would run it."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *options],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's sources that a test may break on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SOURCE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Site:
    dir: Path
    url: str
    languages: list[Language]
    contract: dict[str, list[str]]

    def html_file(self, lang: Language, page: str) -> Path:
        """The built HTML of a Swedish page name such as 'facebook-konton.md' in ``lang``."""
        stem = page[: -len(".md")]
        folder = self.dir / lang.url_prefix() / ("" if stem == "index" else stem)
        return folder / "index.html"

    def page_url(self, lang: Language, page: str) -> str:
        stem = page[: -len(".md")]
        return self.url + lang.url_prefix() + ("" if stem == "index" else stem + "/")

    def pages(self, lang: Language) -> list[str]:
        """Every page of a language, as Swedish page names, from the Markdown sources."""
        docs = ROOT / "docs"
        names = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
        return sorted(n for n in names if n.count(".") == 1)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built once for the whole session with SITE_URL set to where it is served."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, site_dir, url)
    assert result.returncode == 0, f"The site does not build:\n{result.stdout}\n{result.stderr}"
    return Site(site_dir, url, languages(), load_contract())


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like the production server: each language gets its own 404 page."""

    languages: list[Language] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        prefix = next(
            (l.url_prefix() for l in self.languages if not l.default and self.path.startswith("/" + l.url_prefix())),
            "",
        )
        body = (Path(self.directory) / prefix / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site served on 127.0.0.1 at its SITE_URL. Returns the base URL."""
    port = int(site.url.rsplit(":", 1)[1].strip("/"))
    handler = functools.partial(
        type("Handler", (_SiteHandler,), {"languages": site.languages}), directory=str(site.dir)
    )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site.url
    httpd.shutdown()


def _no_browser(reason: str):
    message = f"BROWSER TESTS NOT RUN: {reason}. Install Debian's chromium (apt-get install chromium)."
    if IN_CI:
        pytest.fail(message + " In CI (CI=true) browser tests must run, never skip.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - playwright is a dev dependency
        _no_browser(f"playwright is not installed ({err})")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@dataclass
class PageRecord:
    console_errors: list[str]
    failed_requests: list[str]
    requests: list[str]


@pytest.fixture
def open_page(browser, server):
    """Opens a URL in a fresh Chromium page and records console errors and failed requests."""
    contexts = []

    def _open(url: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        record = PageRecord([], [], [])
        page.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: record.console_errors.append(str(e)))
        page.on("request", lambda r: record.requests.append(r.url))
        page.on("requestfailed", lambda r: record.failed_requests.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: record.failed_requests.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        return page, record, response

    yield _open
    for context in contexts:
        context.close()


def pytest_report_header(config):
    if not Path(CHROMIUM).exists():
        return [f"!!! No Chromium at {CHROMIUM}: browser tests will {'FAIL (CI=true)' if IN_CI else 'be SKIPPED'} !!!"]
    return [f"browser: {CHROMIUM}"]
