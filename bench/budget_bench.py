"""Fast to build, light to load, quick to answer: the handbook's performance budgets, in one run.

Run from the project root:

    uv run python bench/budget_bench.py                    # real site + 200/1000/2000 pages (~20 min on 2 CPUs)
    uv run python bench/budget_bench.py --json out.json    # also write every figure as JSON
    uv run python bench/budget_bench.py --quick            # 20 pages, 1 round, 3 queries (~1 min)

It measures, in copies under a temporary directory (nothing in the project is touched):

1. the real site, built as it is (with the whole-handbook PDF, and with HANDBOOK_PDF=0);
2. generated handbooks of N pages per language (--sizes), in 20 nav sections, added to the real
   pages and built with the handbook's own mkdocs.yml, hooks and overrides (HANDBOOK_PDF=0: the
   PDF is a separate artifact);
3. the same pages and nav built with a stock Material + static-i18n config (the baseline).

For each site: build wall time and peak memory, output size, median HTML bytes per page and the
share of it that is the navigation, the gzipped first-view transfer (start page and a topic
page, everything Chromium fetches), search index bytes per language and keystroke-to-results
latency (search_bench.py's measurement). Then the budgets, PASS/FAIL, and where the build
time goes (bench/timed_build.py). See bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))
import search_bench as sb  # noqa: E402
import lighthouse  # noqa: E402
from handbook.core.project import load_mkdocs_config  # noqa: E402
from handbook.safety.security_headers import cache_control  # noqa: E402

DEFAULT_SIZES = (200, 1000, 2000)
QUICK_SIZES = (20,)
REAL_TOPIC = "facebook-konton/"  # the topic page measured on the real site
TIMED_BUILD = BENCH / "timed_build.py"

BUDGETS = {
    "real_build_s": 2.0,            # real site build, wall time
    "vs_stock_1000": 0.4,           # 1000x2 build time / stock build of the same pages
    "median_html_kb_1000": 50.0,    # median page HTML on the 1000-page handbook (KB = 1000 bytes)
    "scaling_2000_vs_1000": 2.1,    # 2000-page build time / 1000-page build time
    "first_view_kb_gz": 66.0,       # first visit, gzipped as nginx sends it (KB = 1000 bytes)
    "search_ms_1000": 100.0,        # keystroke -> results, p95, worst language, 1000-page index
    "live_preview_s": 1.0,          # mkdocs serve: an edit saved -> shown in the browser (median)
    "lighthouse_min": 100,          # the lowest Lighthouse score of these categories (at least)
}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices")
BUDGET_PAGES = 1000
# Already compressed: counted as they are, not gzipped again.
COMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".pdf", ".gz", ".zip"}

# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------


def handbook_project(target: Path, pages: int, seed: int, sections: int,
                     section_size: int = sb.SECTION_SIZE) -> tuple[Path, list]:
    """A copy of the handbook with ``pages`` generated pages per language added to its nav."""
    project = sb.copy_project(target)
    nav = sb.add_generated_pages(project, pages, seed, sections, section_size) if pages else []
    return project, nav


def stock_project(target: Path, handbook: Path) -> Path:
    """The same docs/ and nav with a stock config: Material, search, static-i18n (suffix, sv
    default, en), no hooks, no overrides, no custom CSS/JS. attr_list is the one extension, so
    that the `{#id}` headings mean the same thing as in the handbook."""
    target.mkdir(parents=True)
    shutil.copytree(handbook / "docs", target / "docs")
    ours = load_mkdocs_config(handbook / "mkdocs.yml")
    en_nav = next((lang.nav_translations or {} for lang in ours.plugins["i18n"].config.languages
                   if lang.locale == "en"), {})
    english = {"locale": "en", "name": "English", "build": True}
    if en_nav:
        english["nav_translations"] = en_nav
    config = {
        "site_name": ours.site_name,
        "site_url": "http://127.0.0.1:8000/",  # replaced by SITE_URL below
        "docs_dir": "docs",
        "nav": ours.nav,
        "theme": {"name": "material", "language": "sv"},
        "markdown_extensions": ["attr_list"],
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "sv", "name": "Svenska", "default": True, "build": True}, english]}}],
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("site_url: http://127.0.0.1:8000/", 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]')
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


def timed_build(project: Path, site_dir: Path, url: str, pdf: bool, work: Path) -> dict:
    """One `mkdocs build` in a subprocess: wall time, CPU time, peak RSS, per-hook times."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "HANDBOOK_PDF": "1" if pdf else "0"}
    if site_dir.exists():
        shutil.rmtree(site_dir)
    timings = work / f"timings-{site_dir.name}.json"
    log = work / f"build-{site_dir.name}.log"
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(TIMED_BUILD), str(timings), "--site-dir", str(site_dir)],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"build failed in {project}:\n{log.read_text(errors='replace')[-4000:]}")
    data = json.loads(timings.read_text(encoding="utf-8"))
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: KiB
        "in_process_s": data["total"],
        "events": data["events"],
    }


def by_plugin(events: dict) -> dict[str, float]:
    """Exclusive seconds per plugin/hook (events summed), plus MkDocs' markdown and render."""
    out: dict[str, float] = {}
    for key, value in events.items():
        name = key if key.startswith("mkdocs:") else key.rsplit(":", 1)[0]
        out[name] = round(out.get(name, 0) + value["s"], 3)
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

_NAV_TAG = re.compile(rb"<(/?)nav\b")
_PRIMARY = re.compile(rb'<nav class="md-nav md-nav--primary"')


def nav_bytes(html: bytes) -> int:
    """Bytes of the primary (site) navigation: <nav class="md-nav md-nav--primary"> ... </nav>."""
    start = _PRIMARY.search(html)
    if not start:
        return 0
    depth = 0
    for tag in _NAV_TAG.finditer(html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.find(b">", tag.end()) + 1
            return end - start.start()
    return 0


def output_figures(site_dir: Path, sample: int = 200) -> dict:
    files = [f for f in site_dir.rglob("*") if f.is_file()]
    pages = sorted(f for f in files if f.suffix == ".html" and f.name != "404.html")
    sizes = [f.stat().st_size for f in pages]
    step = max(1, len(pages) // sample)
    shares = []
    navs = []
    for f in pages[::step]:
        html = f.read_bytes()
        n = nav_bytes(html)
        navs.append(n)
        shares.append(n / len(html) if html else 0)
    return {
        "output_bytes": sum(f.stat().st_size for f in files),
        "files": len(files),
        "html_pages": len(pages),
        "median_html_bytes": int(statistics.median(sizes)),
        "max_html_bytes": max(sizes),
        "median_nav_bytes": int(statistics.median(navs)),
        "median_nav_share": round(statistics.median(shares), 3),
    }


def search_index_figures(site_dir: Path) -> dict:
    out = {}
    for locale, prefix in (("sv", ""), ("en", "en/")):
        own = site_dir / prefix / "search" / "search_index.json"
        path = own if own.exists() else site_dir / "search" / "search_index.json"
        raw = path.read_bytes()
        out[locale] = {
            "file": path.relative_to(site_dir).as_posix(),
            "shared": path != own,  # stock static-i18n: one index for both languages
            "bytes": len(raw),
            "gzip_bytes": len(gzip.compress(raw, compresslevel=6, mtime=0)),
            "docs": len(json.loads(raw)["docs"]),
        }
    return out


# --------------------------------------------------------------------------------------------
# Serve, and what a first visit transfers
# --------------------------------------------------------------------------------------------


# What deploy/nginx.conf compresses (gzip_types), and its Cache-Control per file.
GZIP_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg"}


class LoggingServer(sb.Server):
    """search_bench's threaded server, recording the path of every request it answers, and
    serving as deploy/nginx.conf does: text gzipped when the browser accepts it, Cache-Control
    per file (handbook/safety/security_headers.py). Lighthouse judges what it is sent."""

    def __init__(self, directory: Path, port: int):
        self.requests: list[tuple[float, str, int]] = []
        log = self.requests

        class Handler(sb._QuietHandler):
            def send_response(self, code, message=None):
                log.append((time.monotonic(), self.path, code))
                super().send_response(code, message)

            def end_headers(self):
                self.send_header("Cache-Control", cache_control(urlsplit(self.path).path))
                super().end_headers()

            def do_GET(self):
                target = Path(self.translate_path(self.path))
                if target.is_dir() and urlsplit(self.path).path.endswith("/"):
                    target = target / "index.html"
                if not ("gzip" in self.headers.get("Accept-Encoding", "")
                        and target.suffix in GZIP_TYPES and target.is_file()):
                    return super().do_GET()  # as it is, or a redirect, or a 404
                body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(target)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        handler = functools.partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@functools.lru_cache(maxsize=None)
def transfer_bytes(path: Path) -> tuple[int, int]:
    """The file's size, and what nginx with deploy/nginx.conf sends of it gzipped: the build's
    twin (``x.gz``, gzip_static) where there is one, else gzip at level 6 (gzip_comp_level)."""
    raw = path.read_bytes()
    if path.suffix.lower() in COMPRESSED:
        return len(raw), len(raw)
    twin = path.with_name(path.name + ".gz")
    if twin.is_file():
        return len(raw), twin.stat().st_size
    return len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0))


def kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if path.endswith("search_index.json"):
        return "search_index"
    if suffix in ("", ".html"):
        return "html"
    return {".css": "css", ".js": "js"}.get(suffix, "other")


def _quiet(server: LoggingServer, seconds: float = 1.0, until=lambda: True) -> None:
    """Waits until the server has sent nothing for ``seconds`` and ``until()`` holds."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        last = server.requests[-1][0] if server.requests else 0
        if until() and time.monotonic() - last >= seconds:
            return


def _transfer(site_dir: Path, requests) -> tuple[list[dict], dict]:
    """Each file sent, gzipped (level 6), and the sums per kind."""
    files, totals = [], {}
    for _, request, code in requests:
        rel = unquote(urlsplit(request).path).lstrip("/")
        target = site_dir / rel
        if target.is_dir():
            target = target / "index.html"
        if code != 200 or not target.is_file():
            files.append({"path": rel, "status": code, "bytes": 0, "gzip_bytes": 0})
            continue
        raw, gz = transfer_bytes(target)
        k = kind(rel or "index.html")
        files.append({"path": rel, "status": code, "kind": k, "bytes": raw, "gzip_bytes": gz})
        totals[k] = totals.get(k, 0) + gz
    return files, totals


def first_view(browser, server: LoggingServer, site_dir: Path, url: str, path: str) -> dict:
    """Open ``path`` in a fresh browser context (empty cache) and add up, gzipped (level 6),
    every file the server sent for it until the network has been quiet for 1 s: the HTML, CSS,
    JS, images, and the search index if the page fetches it at once (stock Material does).
    Then the reader presses "/" to search: what that fetches on top (the handbook loads its
    search index and worker code only then) is ``search_first_use_gzip_bytes``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    del server.requests[:]
    page.goto(url + path, wait_until="load", timeout=300_000)
    _quiet(server)
    viewed = len(server.requests)
    page.keyboard.press("/")
    _quiet(server, until=lambda: any(p.split("?")[0].endswith("search_index.json")
                                     for _, p, _ in server.requests))
    requests = list(server.requests)
    context.close()
    files, totals = _transfer(site_dir, requests[:viewed])
    search_files, search_totals = _transfer(site_dir, requests[viewed:])
    total = sum(totals.values())
    return {
        "path": path,
        "requests": len(files),
        "gzip_bytes": total,
        "gzip_bytes_without_search_index": total - totals.get("search_index", 0),
        "gzip_bytes_by_kind": totals,
        "files": files,
        "search_first_use_gzip_bytes": sum(search_totals.values()),
        "search_first_use_files": search_files,
    }


def lighthouse_figures(url: str, paths: list[str], presets: list[str], runs: int) -> dict:
    """Lighthouse (bench/lighthouse.py: the npm package, in Debian's Chromium) on each page with
    each preset, the site served as deployed (gzip, Cache-Control); the median of ``runs``."""
    out = {}
    for preset in presets:
        print(f"    Lighthouse, {preset}, {runs} run(s) each: {', '.join('/' + p for p in paths)}", flush=True)
        result = lighthouse.run([url + p for p in paths], preset=preset, runs=runs)
        out[preset] = {"lighthouse_version": result["lighthouse_version"],
                       "pages": {"/" + p: result["pages"][url + p] for p in paths}}
    return out


def live_preview(project: Path, browser, edits: int, page_path: str = REAL_TOPIC) -> dict:
    """`mkdocs serve` on the real site with the page open in Chromium: seconds from saving an
    edit of the page's Markdown to the edited text on screen (MkDocs rebuilds the site, then its
    live reload reloads the page)."""
    port = sb.free_port()
    source = project / "docs" / (page_path.strip("/") + ".md")  # the Swedish page
    original = source.read_text(encoding="utf-8")
    log = (project / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=subprocess.STDOUT)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    samples = []
    try:
        page = context.new_page()
        url = f"http://127.0.0.1:{port}/{page_path}"
        deadline = time.monotonic() + 180
        while True:
            try:
                if page.goto(url, timeout=5000).ok:
                    break
            except Exception:  # not serving yet
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"mkdocs serve did not start:\n{(project / 'serve.log').read_text()[-3000:]}")
            time.sleep(0.2)
        for k in range(edits):
            marker = f"Förhandsvisning{k}provord"
            page.wait_for_timeout(500)
            start = time.perf_counter()
            source.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            while not _shows(page, marker):
                if time.perf_counter() - start > 60:
                    raise SystemExit(f"live preview: the edit did not show within 60 s ({url})")
                time.sleep(0.01)
            samples.append(round(time.perf_counter() - start, 3))
    finally:
        source.write_text(original, encoding="utf-8")
        context.close()
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    return {"page": "/" + page_path, "edits": edits, "seconds": samples,
            "median_s": round(statistics.median(samples), 3), "max_s": max(samples)}


def _shows(page, text: str) -> bool:
    try:
        return page.evaluate("t => !!document.body && document.body.innerText.includes(t)", text)
    except Exception:  # the page is being reloaded
        return False


# --------------------------------------------------------------------------------------------
# One site
# --------------------------------------------------------------------------------------------


def measure_site(name: str, config: str, project: Path, work: Path, browser, args, *,
                 pages: int, topic: str, pdf: bool = False, builds: int = 1,
                 browser_figures: bool = True, lighthouse_paths: list[str] = ()) -> dict:
    port = sb.free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = work / f"site-{name}"
    runs = []
    for k in range(builds):
        print(f"[{name}] build {k + 1}/{builds} ...", flush=True)
        runs.append(timed_build(project, site_dir, url, pdf, work))
    best = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]  # the median run
    out = {
        "site": name, "config": config, "pages_per_language": pages, "pdf": pdf,
        "build": {"wall_s": best["wall_s"], "wall_s_runs": [r["wall_s"] for r in runs],
                  "cpu_s": best["cpu_s"], "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                  "in_process_s": best["in_process_s"]},
        "time_by_plugin_s": by_plugin(best["events"]),
        "events": best["events"],
    }
    out.update(output_figures(site_dir))
    out["search_index"] = search_index_figures(site_dir)
    print(f"[{name}] built in {best['wall_s']:.1f} s (peak {out['build']['peak_rss_mb']:.0f} MB), "
          f"median page {out['median_html_bytes'] / 1000:.1f} KB", flush=True)
    if browser_figures:
        with LoggingServer(site_dir, port) as server:
            out["first_view"] = {
                "start": first_view(browser, server, site_dir, url, ""),
                "topic": first_view(browser, server, site_dir, url, topic),
            }
            if lighthouse_paths and args.lighthouse:
                out["lighthouse"] = lighthouse_figures(url, list(lighthouse_paths), args.lighthouse,
                                                       args.lighthouse_runs)
            out["search"] = {}
            for locale, prefix in (("sv", ""), ("en", "en/")):
                queries = sb.QUERIES[locale][: args.queries]
                result = sb.measure_language(browser, url + prefix, queries, args.rounds)
                if not args.samples:
                    result.pop("samples")
                out["search"][locale] = result
            print(f"[{name}] first view {out['first_view']['start']['gzip_bytes'] / 1000:.0f}/"
                  f"{out['first_view']['topic']['gzip_bytes'] / 1000:.0f} KB gz; search p95 "
                  f"{out['search']['sv']['p95_ms']}/{out['search']['en']['p95_ms']} ms", flush=True)
    if not args.keep:
        shutil.rmtree(site_dir, ignore_errors=True)
    return out


# --------------------------------------------------------------------------------------------
# Budgets and report
# --------------------------------------------------------------------------------------------


def verdict(value, limit, at_least: bool = False) -> str:
    if value is None:
        return "n/a"
    return "PASS" if (value >= limit if at_least else value <= limit) else "FAIL"


def budget_size(sizes: list[int]) -> int:
    """The generated size the budgets are judged on: 1000 pages, or the nearest one measured."""
    return min(sizes, key=lambda n: abs(n - BUDGET_PAGES))


def budgets(sites: list[dict], sizes: list[int]) -> list[dict]:
    find = lambda config, pages=None, pdf=None: next(  # noqa: E731
        (s for s in sites if s["config"] == config and (pages is None or s["pages_per_language"] == pages)
         and (pdf is None or s["pdf"] == pdf)), None)
    at = budget_size(sizes)
    note = "" if at == BUDGET_PAGES else f"measured on {at} pages, budget is for {BUDGET_PAGES}"
    ours, stock = find("handbook", at), find("stock", at)
    out = []

    def add(key, label, value, limit, unit, note="", at_least=False):
        out.append({"budget": key, "label": label, "value": value, "limit": limit, "unit": unit,
                    "at_least": at_least, "verdict": verdict(value, limit, at_least),
                    "indicative": bool(note), "note": note})

    for pdf, label in ((True, "with the whole-handbook PDF"), (False, "HANDBOOK_PDF=0")):
        real = find("real", pdf=pdf)
        add("real_build_s", f"real site build ({label})", real and real["build"]["wall_s"],
            BUDGETS["real_build_s"], "s")
    ratio = ours and stock and round(ours["build"]["wall_s"] / stock["build"]["wall_s"], 3)
    add("vs_stock_1000", f"{at}x2 build / stock build of the same pages", ratio,
        BUDGETS["vs_stock_1000"], "x", note)
    add("median_html_kb_1000", f"median page HTML, {at}-page handbook",
        ours and round(ours["median_html_bytes"] / 1000, 1), BUDGETS["median_html_kb_1000"], "KB", note)
    # Scaling: the two largest sizes; the ratio is normalised to a doubling of the pages.
    scaling, scale_note = None, "needs two sizes"
    if len(sizes) >= 2:
        small, large = sorted(sizes)[-2:]
        a, b = find("handbook", small), find("handbook", large)
        per_doubling = (b["build"]["wall_s"] / a["build"]["wall_s"]) ** (1 / math.log2(large / small))
        scaling = round(per_doubling, 3)
        scale_note = "" if (small, large) == (1000, 2000) else (
            f"measured {large} vs {small} pages, as the ratio per doubling")
    add("scaling_2000_vs_1000", "2000-page build / 1000-page build", scaling,
        BUDGETS["scaling_2000_vs_1000"], "x", "" if scaling is not None and not scale_note else scale_note)
    real = find("real", pdf=False)
    worst = real and max(real["first_view"][v]["gzip_bytes"] for v in ("start", "topic"))
    add("first_view_kb_gz", "first view, real site (worst of start/topic page)",
        worst and round(worst / 1000, 1), BUDGETS["first_view_kb_gz"], "KB gz")
    worst = ours and max(ours["first_view"][v]["gzip_bytes"] for v in ("start", "topic"))
    add("first_view_kb_gz", f"first view, {at}-page handbook (worst of start/topic page)",
        worst and round(worst / 1000, 1), BUDGETS["first_view_kb_gz"], "KB gz", note)
    p95 = ours and max(x["p95_ms"] for x in ours["search"].values())
    add("search_ms_1000", f"keystroke -> results p95, {at}-page index (worst language)", p95,
        BUDGETS["search_ms_1000"], "ms", note)
    real = find("real", pdf=False)
    preview = real and real.get("live_preview")
    add("live_preview_s", "live preview: edit saved -> shown (median)", preview and preview["median_s"],
        BUDGETS["live_preview_s"], "s")
    for preset, result in ((real or {}).get("lighthouse") or {}).items():
        lowest = min(page["scores"][c] for page in result["pages"].values() for c in LIGHTHOUSE_CATEGORIES)
        add("lighthouse_min", f"Lighthouse {preset}: lowest of {'/'.join(LIGHTHOUSE_CATEGORIES)} on "
            f"{len(result['pages'])} page(s)", lowest, BUDGETS["lighthouse_min"], "", at_least=True)
    return out


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}K" if n < 1_000_000 else f"{n / 1e6:,.1f}M"


def print_table(sites: list[dict]) -> None:
    header = ["site", "pages", "build s", "×stock", "peak MB", "output", "med. HTML", "nav %",
              "1st view gz", "+search", "index sv/en (gz)", "search p95 ms"]
    rows = []
    stock_time = {s["pages_per_language"]: s["build"]["wall_s"] for s in sites if s["config"] == "stock"}
    for s in sites:
        base = stock_time.get(s["pages_per_language"]) if s["config"] != "stock" else None
        fv = s.get("first_view")
        si = s["search_index"]
        index = (f"{_kb(si['sv']['bytes'])}/{_kb(si['en']['bytes'])}"
                 f" ({_kb(si['sv']['gzip_bytes'])}/{_kb(si['en']['gzip_bytes'])})")
        if si["en"]["shared"]:
            index = f"{_kb(si['sv']['bytes'])} shared ({_kb(si['sv']['gzip_bytes'])})"
        rows.append([
            s["site"], str(s["pages_per_language"]), f"{s['build']['wall_s']:.2f}",
            f"{s['build']['wall_s'] / base:.2f}" if base else "",
            f"{s['build']['peak_rss_mb']:.0f}", _kb(s["output_bytes"]), _kb(s["median_html_bytes"]),
            f"{s['median_nav_share'] * 100:.0f}",
            f"{_kb(fv['start']['gzip_bytes'])}/{_kb(fv['topic']['gzip_bytes'])}" if fv else "",
            f"{_kb(fv['start']['search_first_use_gzip_bytes'])}/"
            f"{_kb(fv['topic']['search_first_use_gzip_bytes'])}" if fv else "",
            index,
            f"{s['search']['sv']['p95_ms']:.0f}/{s['search']['en']['p95_ms']:.0f}" if s.get("search") else "",
        ])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    print()
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print("pages = generated pages per language (0: the real site's 8); K/M = 1000/1000000 bytes;")
    print("1st view = gzipped bytes a first visit transfers, start page/topic page; +search = what the")
    print("first press of / then fetches on top (stock: nothing, it fetched the index at once);")
    print("nav % = median share of a page's HTML that is")
    print("the site navigation; search p95 = last keystroke -> results rendered, sv/en.")


def print_lighthouse(sites: list[dict]) -> None:
    """Scores and metrics per page and preset, and what Lighthouse says to fix below 100."""
    for s in sites:
        for preset, result in (s.get("lighthouse") or {}).items():
            print(f"\nLighthouse {result['lighthouse_version']}, {preset}, {s['site']} (served gzipped, "
                  f"as deploy/nginx.conf does; the median run of each page):")
            print(f"  {'page':28} perf a11y  bp  seo   FCP ms  LCP ms  TBT ms    CLS   KB  perf of each run")
            for path, page in result["pages"].items():
                sc, m = page["scores"], page["metrics"]
                print(f"  {path:28} {sc['performance']:4} {sc['accessibility']:4} {sc['best-practices']:3}"
                      f" {sc['seo']:4} {m['fcp_ms']:8.0f} {m['lcp_ms']:7.0f} {m['tbt_ms']:7.0f}"
                      f" {m['cls']:6.3f} {(page['total_bytes'] or 0) / 1000:4.0f}  {page['performance_runs']}")
                for category, audits in page["failing"].items():
                    for a in audits[:8]:
                        shown = f" ({a['displayValue']})" if a.get("displayValue") else ""
                        print(f"      {category}: {a['id']}{shown}")


def print_budgets(rows: list[dict]) -> None:
    print()
    for b in rows:
        value = "—" if b["value"] is None else f"{b['value']}{'' if b['unit'] in ('x', '') else ' '}{b['unit']}"
        limit = f"{b['limit']}{'' if b['unit'] in ('x', '') else ' '}{b['unit']}"
        note = f"  [indicative: {b['note']}]" if b["note"] else ""
        print(f"{b['verdict']:4}  {b['label']}: {value} (budget {'≥' if b['at_least'] else '≤'} {limit}){note}")


def print_breakdown(site: dict, top: int = 9) -> None:
    parts = site["time_by_plugin_s"]
    total = site["build"]["in_process_s"]
    shown = list(parts.items())[:top]
    rest = total - sum(parts.values())
    print(f"\nWhere {site['site']}'s build time goes (exclusive s, of {total:.1f} s in-process, "
          f"{site['build']['wall_s']:.1f} s wall):")
    print("  " + ", ".join(f"{k.replace('handbook/', '')} {v:.2f}" for k, v in shown)
          + f", other MkDocs/i18n work {rest:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=None,
                        help="generated pages per language, comma-separated (default 200,1000,2000)")
    parser.add_argument("--quick", action="store_true",
                        help="small run for tests: --sizes 20, 1 round, 3 queries, 1 real build")
    parser.add_argument("--rounds", type=int, default=None,
                        help="times each search query is measured per language (default 2)")
    parser.add_argument("--queries", type=int, default=None,
                        help="search queries per language, of search_bench's 10 (default 10)")
    parser.add_argument("--real-builds", type=int, default=None,
                        help="builds of the real site, the median counts (default 3)")
    parser.add_argument("--sections", type=int, default=sb.SECTIONS,
                        help=f"nav sections of the generated handbooks (default {sb.SECTIONS})")
    parser.add_argument("--section-size", type=int, default=sb.SECTION_SIZE,
                        help=f"most pages in one nav section; bigger chapters are split into parts "
                             f"(default {sb.SECTION_SIZE}; 0: flat chapters)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the generated pages")
    parser.add_argument("--lighthouse", default=None,
                        help="Lighthouse presets on the real site, comma-separated: mobile,desktop "
                             "(default; --quick: mobile, start page only), or none")
    parser.add_argument("--lighthouse-runs", type=int, default=None,
                        help="Lighthouse runs per page and preset, the median counts (default 3, quick 1)")
    parser.add_argument("--edits", type=int, default=None,
                        help="edits timed in the live preview (default 5, quick 2)")
    parser.add_argument("--samples", action="store_true", help="keep every search sample in the JSON")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else list(
        QUICK_SIZES if args.quick else DEFAULT_SIZES)
    args.rounds = args.rounds or (1 if args.quick else 2)
    args.queries = args.queries or (3 if args.quick else 10)
    real_builds = args.real_builds or (1 if args.quick else 3)
    args.lighthouse = [p for p in (args.lighthouse or ("mobile" if args.quick else "mobile,desktop")).split(",")
                       if p and p != "none"]
    args.edits = args.edits or (2 if args.quick else 5)
    args.lighthouse_runs = args.lighthouse_runs or (1 if args.quick else 3)

    started = time.perf_counter()
    sites: list[dict] = []
    print("Generated handbooks are built with HANDBOOK_PDF=0 (the whole-handbook PDF is a separate "
          "artifact); the real site is built both with and without it.", flush=True)
    with sb.bench_session("budget-bench-", args.keep) as (work, browser):
        real = sb.copy_project(work / "real")
        has_pdf = any((real / "handbook").rglob("pdf_render.py"))
        if has_pdf:
            sites.append(measure_site("real+pdf", "real", real, work, browser, args, pages=0,
                                      topic=REAL_TOPIC, pdf=True, builds=real_builds,
                                      browser_figures=False))
        paths = ["", REAL_TOPIC, "en/", "en/" + REAL_TOPIC]
        sites.append(measure_site("real", "real", real, work, browser, args, pages=0,
                                  topic=REAL_TOPIC, builds=real_builds,
                                  lighthouse_paths=paths[:1] if args.quick else paths))
        print("[real] live preview: mkdocs serve, an edit saved, until it shows ...", flush=True)
        sites[-1]["live_preview"] = live_preview(real, browser, edits=args.edits)
        print(f"[real] live preview {sites[-1]['live_preview']['seconds']} s", flush=True)
        for n in sizes:
            t = time.perf_counter()
            project, nav = handbook_project(work / f"h{n}", n, args.seed, args.sections,
                                            args.section_size)
            middle = nav[len(nav) // 2]
            while not isinstance(middle, str):  # the first page of the middle chapter
                middle = next(iter(middle.values()))[0]
            topic = middle[: -len(".md")] + "/"
            parts = sum(len(v) for c in nav for v in c.values() if isinstance(v[0], dict))
            print(f"[{n}] wrote {n} pages per language in {len(nav)} chapters"
                  f"{f' ({parts} parts of at most {args.section_size} pages)' if parts else ''} "
                  f"({time.perf_counter() - t:.1f} s)", flush=True)
            sites.append(measure_site(f"handbook-{n}", "handbook", project, work, browser,
                                      args, pages=n, topic=topic))
            stock = stock_project(work / f"s{n}", project)
            sites.append(measure_site(f"stock-{n}", "stock", stock, work, browser, args,
                                      pages=n, topic=topic))
            if not args.keep:
                shutil.rmtree(work / f"h{n}", ignore_errors=True)
                shutil.rmtree(work / f"s{n}", ignore_errors=True)

    rows = budgets(sites, sizes)
    print_table(sites)
    print_lighthouse(sites)
    print_budgets(rows)
    for s in sites:
        if s["config"] == "handbook" and s["pages_per_language"] == budget_size(sizes):
            print_breakdown(s)
        if s["config"] == "stock" and s["pages_per_language"] == budget_size(sizes):
            print_breakdown(s, top=5)
    elapsed = time.perf_counter() - started
    print(f"\nWhole run: {elapsed / 60:.1f} min on {os.cpu_count()} CPUs.")
    errors = [e for s in sites for x in (s.get("search") or {}).values() for e in x["page_errors"]]
    if errors:
        print(f"page errors seen: {errors}")
    if args.json:
        payload = {
            "sizes": sizes, "sections": args.sections, "section_size": args.section_size, "rounds": args.rounds, "queries": args.queries,
            "real_builds": real_builds, "seed": args.seed, "cpus": os.cpu_count(),
            "chromium": sb.CHROMIUM, "generated_pdf": False, "run_s": round(elapsed, 1),
            "budgets": rows, "sites": sites,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
