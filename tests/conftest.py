"""Shared fixtures: the site is built once per test run, served by Debian's nginx with
deploy/nginx.conf (tests/nginx.py), and opened in Chromium.

Browser tests need Debian's chromium (apt-get install chromium), the served site Debian's nginx
(apt-get install nginx). On a developer's machine without them they are skipped with a loud
reason; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, NoReturn

import pytest

from handbook.core.project import ROOT, SOURCE_PARTS, Language, languages, load_contract
from tests import nginx as nginx_server
from tests.fonts import FONT_SETS, fonts_conf

# Debian's chromium-headless-shell: Chromium's own headless build (the same version and engine as
# Debian's chromium, and what Playwright runs by default when headless). The full browser in
# headless mode costs twice the CPU, which a 2-core machine cannot spare within the suite's time;
# CHROMIUM_PATH=/usr/bin/chromium runs every browser test in it instead (main.yml does, daily),
# and so do the tests on a machine that has only the full browser (the header says which ran).
HEADLESS_SHELL, FULL_CHROMIUM = "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or (
    FULL_CHROMIUM if not Path(HEADLESS_SHELL).exists() and Path(FULL_CHROMIUM).exists() else HEADLESS_SHELL)
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


def run_folder(tmp_path_factory) -> Path:
    """The folder of this test run. `uv run pytest` runs the tests in two processes
    (pytest-xdist); each has its own temporary folder inside this one, which they share."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


@contextlib.contextmanager
def locked(folder: Path, name: str) -> Iterator[None]:
    """One test process at a time (the lock is let go when the process ends, however it ends)."""
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run, whichever test process asks first; the other waits for
    it and reuses it. If making it fails, the next to ask tries again (and fails the same way)."""
    root = run_folder(tmp_path_factory)
    folder = root / name
    with locked(root, name):
        if not (root / f"{name}.made").exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            (root / f"{name}.made").touch()
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built once for the whole test run with SITE_URL set to where it is served."""

    def make(folder: Path) -> None:
        url = f"http://127.0.0.1:{free_port()}/"
        result = build(ROOT, folder / "site", url)
        assert result.returncode == 0, f"The site does not build:\n{result.stdout}\n{result.stderr}"
        (folder / "url").write_text(url, encoding="utf-8")

    folder = made_once(tmp_path_factory, "built", make)
    return Site(folder / "site", (folder / "url").read_text(encoding="utf-8"), languages(), load_contract())


@pytest.fixture(scope="session")
def previewed_change(tmp_path_factory) -> Path:
    """A git repository with a change to the handbook and handbook-preview's files of it, made
    once for the test run (tests/preview_scenario.py): FOLDER/project, FOLDER/forhandsvisning."""
    from tests import preview_scenario

    return made_once(tmp_path_factory, "change-preview", preview_scenario.make)


def not_installed(message: str) -> NoReturn:
    """A tool the tests need is missing: skipped loudly on a developer's machine, failed in CI."""
    if IN_CI:
        pytest.fail(message + " In CI (CI=true) these tests must run, never skip.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def nginx(site, tmp_path_factory) -> Iterator[nginx_server.Nginx]:
    """Debian's nginx serving the built site with deploy/nginx.conf (only port and root changed),
    on the site's own port: one nginx for the test run, whichever test process starts it. Each
    process that uses it holds a shared lock while it may; the one that started it stops it when
    no other holds one (if another asks later, it starts nginx again)."""
    if not Path(nginx_server.NGINX).exists() or not nginx_server.MIME_TYPES.exists():
        not_installed(
            f"SERVER TESTS NOT RUN: no nginx at {nginx_server.NGINX} (or no {nginx_server.MIME_TYPES}). "
            "Install Debian's nginx (apt-get install nginx)."
        )
    root = run_folder(tmp_path_factory)
    port = int(site.url.rsplit(":", 1)[1].strip("/"))
    running = root / "nginx.running"
    with open(root / "nginx.users", "w") as users:
        fcntl.flock(users, fcntl.LOCK_SH)
        with locked(root, "nginx"):
            if running.exists():
                server = nginx_server.running(root / "nginx", port)
            else:
                server = nginx_server.start(site.dir, port, root / "nginx")
                running.touch()
        yield server
        if server.process is not None:
            fcntl.flock(users, fcntl.LOCK_EX)  # every other user is done
            with locked(root, "nginx"):
                server.stop()
                running.unlink()


@pytest.fixture(scope="session")
def server(nginx) -> str:
    """The built site served by nginx on 127.0.0.1 at its SITE_URL. Returns the base URL."""
    return nginx.url


def _no_browser(reason: str):
    not_installed(f"BROWSER TESTS NOT RUN: {reason}. Install Debian's chromium (apt-get install chromium).")


@pytest.fixture(scope="session")
def browsers(tmp_path_factory) -> Iterator[Callable[[str], object]]:
    """Chromium with one font set of tests/fonts.py alone: ``browsers("liberation")``. Each is
    launched when first asked for, once per test process."""
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - playwright is a dev dependency
        _no_browser(f"playwright is not installed ({err})")
    launched = {}
    with sync_playwright() as playwright:

        def launch(fonts: str):
            if fonts not in launched:
                fonts_installed(fonts)
                launched[fonts] = launch_chromium(playwright, fonts, tmp_path_factory.mktemp(f"fonts-{fonts}"))
            return launched[fonts]

        yield launch
        for chromium in launched.values():
            chromium.close()


def fonts_installed(fonts: str) -> None:
    """A font set the tests need is installed: skipped loudly on a developer's machine, failed in CI."""
    font_set = FONT_SETS[fonts]
    if font_set.folder() is None:
        not_installed(f"TESTS WITH THE {font_set.name.upper()} FONTS NOT RUN: they are not installed "
                      f"(apt-get install {font_set.package}).")


def launch_chromium(playwright, fonts: str, folder: Path):
    """Chromium with the font set ``fonts`` of tests/fonts.py alone (its fonts.conf in ``folder``)."""
    conf = fonts_conf(FONT_SETS[fonts], folder)
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    )


@pytest.fixture(scope="session")
def browser(browsers):
    """Chromium with the first font set (DejaVu) alone, whatever fonts the machine has; the
    layout tests also run with the others (tests/test_accessibility.py)."""
    return browsers(next(iter(FONT_SETS)))


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
        response = page.goto(url, wait_until="load")  # deferred scripts have run
        return page, record, response

    yield _open
    for context in contexts:
        context.close()


# The order test files are handed out to the two test processes (loadfile: a file's tests stay in
# one process, so its module fixtures are made once): the longest file first, every page visited
# in Chromium; then the files that need no built site, which run while it is being built; then
# the rest.
LONGEST = "test_every_page.py"


def pytest_collection_modifyitems(config, items):
    needs_site = {item.path for item in items if "site" in item.fixturenames}
    # Stable: a file's tests stay together and in order, and files of one kind as collected.
    items.sort(key=lambda item: (item.path.name != LONGEST, item.path in needs_site))


def pytest_report_header(config):
    missing = "FAIL (CI=true)" if IN_CI else "be SKIPPED"
    lines = []
    if not Path(CHROMIUM).exists():
        lines.append(f"!!! No Chromium at {CHROMIUM}: browser tests will {missing} !!!")
    else:
        version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        lines.append(f"browser: {CHROMIUM} ({version or 'version unknown'})")
    fonts = [f"{s.name} ({s.folder() or 'NOT INSTALLED: apt-get install ' + s.package})" for s in FONT_SETS.values()]
    lines.append("fonts of the layout tests: " + ", ".join(fonts))
    if not Path(nginx_server.NGINX).exists():
        lines.append(f"!!! No nginx at {nginx_server.NGINX}: server and browser tests will {missing} !!!")
    else:
        lines.append(f"server: {nginx_server.NGINX} with deploy/nginx.conf")
    return lines


EPOCH = "1767225600"  # 2026-01-01, as SOURCE_DATE_EPOCH


@dataclass(frozen=True)
class Release:
    project: Path  # a copy of the sources outside any git repository
    zip: Path      # what `handbook-release` made of it, with SOURCE_DATE_EPOCH=EPOCH
    site: Path     # the zip's site, unpacked


@pytest.fixture(scope="session")
def release_build(tmp_path_factory) -> Release:
    """One release of a copy of the sources outside git, built once per test run for every test
    that needs a reproducible build, a copy without git history, or the release itself."""
    import zipfile

    from handbook.site import release

    def make(base: Path) -> None:
        project = copy_project(base / "project")
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        try:
            archive = release.release(project, base / "dist")
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(base / "unpacked")

    base = made_once(tmp_path_factory, "release", make)
    (archive,) = (base / "dist").glob("*.zip")
    return Release(base / "project", archive, base / "unpacked" / "site")
