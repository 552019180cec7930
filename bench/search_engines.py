"""Search engines compared by measurement: answers, bytes per search and latency.

    uv run --with "pagefind[bin]==1.5.2" python bench/search_engines.py            # everything (~10 min)
    uv run --with "pagefind[bin]==1.5.2" python bench/search_engines.py --pages 0  # answers only
    uv run --with "pagefind[bin]==1.5.2" python bench/search_engines.py --json out.json

Three engines, each in Chromium on a copy of the handbook:

- ``lunr``: Material for MkDocs' search worker (lunr) as the handbook had it before issue #12
  (the sources of commit BASELINE, with its worker wrapper and search words);
- ``pagefind``: stock Pagefind 1.5.2 (the ``pagefind`` PyPI package with its binary), the
  article marked ``data-pagefind-body``, one index per ``<html lang>``, asked through its JS API;
- ``handbook``: the handbook's own engine (assets/javascripts/handbook-search-engine.js and its
  modules, search/*.js).

For each, on the real handbook and both question sets (tests/search_cases.yml, the tuning set,
and tests/search_held_out.yml, the held-out set), per language: right section first, right
section in the top 3, right page in the top 3, questions with no result (aggregate figures only;
handbook/search/search_quality.py). The order is the order the reader meets the answers: for Material's
search box the sections shown page by page, then those folded under "more on this page"; for
Pagefind each page's sub-results (headings), page by page.

Then on the handbook with N generated pages per language (bench/search_bench.py's generator,
default 1000): the bytes a reader fetches for search (gzip as served: the index, the engine) —
for the first search and for each further one — and the latency of each question set's
questions (p95). Material's engines are timed from the last key press to the results drawn
(search_bench.py's method); Pagefind from the call to its search() until the first five
results' data (text, sub-results) are loaded, which is what its UI waits for to draw them.

Nothing in the project is touched: everything is built in a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from handbook.core.project import SOURCE_PARTS, languages  # noqa: E402
from handbook.search.search_command import engine_files  # noqa: E402
from handbook.search.search_quality import load_questions, score_questions  # noqa: E402
from search_bench import (  # noqa: E402
    QUERIES, Server, add_generated_pages, bench_session, build, copy_project, free_port, measure_language, percentile,
)
from tests.search import ask_all  # noqa: E402

# The handbook's search before issue #12: Material's lunr worker, wrapped.
BASELINE = "aa9efb3"
SETS = {"tuning": ROOT / "tests" / "search_cases.yml", "held-out": ROOT / "tests" / "search_held_out.yml"}
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')

# Pagefind's answers, in the page: its results (pages) in order, each page's sub-results.
PAGEFIND_ASK = """async (queries) => {
  const pagefind = await import(location.origin + '/pagefind/pagefind.js');
  await pagefind.options({ excerptLength: 30 });
  await pagefind.init();
  const out = {};
  for (const query of queries) {
    const found = await pagefind.search(query);
    const pages = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
    out[query] = pages.flatMap(p => (p.sub_results && p.sub_results.length ? p.sub_results : [p]).map(s => s.url));
  }
  return out;
}"""
PAGEFIND_TIME = """async (queries) => {
  const pagefind = await import(location.origin + '/pagefind/pagefind.js');
  await pagefind.init();
  const times = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await pagefind.search(query);
    await Promise.all(found.results.slice(0, 5).map(r => r.data()));
    times.push(performance.now() - start);
  }
  return times;
}"""


def project_at(commit: str, target: Path) -> Path:
    """The handbook's sources as they were at ``commit``."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit, *SOURCE_PARTS], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def add_pagefind(site: Path) -> float:
    """Marks each page's article for Pagefind and indexes the site; returns the seconds it took."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        marked = _ARTICLE.sub('<article class="md-content__inner md-typeset" data-pagefind-body>', html, count=1)
        if marked != html:
            page.write_text(marked, encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pagefind failed (run this script with: uv run --with \"pagefind[bin]==1.5.2\" ...):\n{result.stderr}")
    return time.perf_counter() - start


def _location(url: str, base: str) -> str:
    url = url.split("?")[0]
    return url[len(base):] if url.startswith(base) else url.lstrip("/")


def answers_for(engine: str, browser, url: str, queries: list[str]) -> dict[str, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if engine == "pagefind":
        raw = page.evaluate(PAGEFIND_ASK, queries)
        prefix = url[len(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]):]  # the language's path, "/" or "/en/"
        found = {q: [_location(u, prefix) for u in urls] for q, urls in raw.items()}
    else:
        raw = ask_all(page, queries)
        found = {q: [_location(u, url) for u in urls] for q, urls in raw.items()}
    context.close()
    return found


def quality(engine: str, site: Path, browser) -> dict:
    langs = languages()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    figures = {}
    with Server(site, port):
        for name, path in SETS.items():
            questions = load_questions(path, langs)
            for lang in langs:
                cases = questions[lang.locale]
                found = answers_for(engine, browser, url + lang.url_prefix(), [c["query"] for c in cases])
                score = score_questions(cases, lang, lambda q: found[q])
                figures[f"{name} {lang.locale}"] = {
                    "questions": score.questions, "first": round(score.share(score.first), 3),
                    "top3": round(score.share(score.top3), 3), "page_top3": round(score.share(score.page_top3), 3),
                    "no_results": len(score.none),
                }
                print(f"[{engine}] {score.line(f'{name} {lang.locale}')}", flush=True)
    return figures


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def sizes_material(site: Path, engine: str) -> dict:
    """What the first search fetches with Material's search box: the index and the worker code."""
    out = {}
    workers = site / "assets" / "javascripts" / "workers"
    if engine == "handbook":
        code = _gz(workers / "handbook-search.js") + sum(_gz(p) for p in engine_files(site))  # the entry and its modules
    else:  # the wrapper and Material's worker (lunr inside); Swedish also lunr.sv and its support
        code = _gz(workers / "handbook-search.js") + sum(_gz(p) for p in workers.glob("search.*.min.js"))
    for lang in languages():
        index = site / lang.url_prefix() / "search" / "search_index.json"
        extra = 0
        if engine == "lunr" and lang.locale != "en":
            lunr = site / "assets" / "javascripts" / "lunr" / "min"
            extra = _gz(lunr / "lunr.stemmer.support.min.js") + _gz(lunr / f"lunr.{lang.locale}.min.js")
        out[lang.locale] = {"first_search_bytes": _gz(index) + code + extra, "further_search_bytes": 0,
                            "index_gzip_bytes": _gz(index)}
    return out


def pagefind_traffic(site: Path, browser, queries: dict[str, list[str]]) -> dict:
    """Bytes Pagefind fetches per search (as served: its index files are compressed already)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = {}
    with Server(site, port):
        for lang in languages():
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + lang.url_prefix())
            page.wait_for_load_state("networkidle")
            seen: list[int] = []
            page.on("requestfinished", lambda r: seen.append(r.sizes()["responseBodySize"]) if "/pagefind/" in r.url else None)
            per_query = []
            for query in queries[lang.locale]:
                before = sum(seen)
                page.evaluate(PAGEFIND_TIME, [query])
                page.wait_for_timeout(50)
                per_query.append(sum(seen) - before)
            times = page.evaluate(PAGEFIND_TIME, queries[lang.locale] * 3)
            context.close()
            out[lang.locale] = {
                "first_search_bytes": per_query[0], "further_search_bytes": round(statistics.mean(per_query[1:])),
                "p95_ms": round(percentile(times, 95), 1), "median_ms": round(statistics.median(times), 1),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="generated pages per language for size and latency (0: skip)")
    parser.add_argument("--rounds", type=int, default=3, help="latency rounds per query (default 3)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds")
    args = parser.parse_args(argv)
    try:
        import pagefind  # noqa: F401
    except ImportError:
        sys.exit('Pagefind is not installed: run with uv run --with "pagefind[bin]==1.5.2" python bench/search_engines.py')

    results: dict = {"quality": {}, "size": {}, "latency": {}}
    with bench_session("search-engines-", args.keep) as (work, browser):
        sites = {}
        for engine in ("lunr", "pagefind", "handbook"):
            project = project_at(BASELINE, work / engine) if engine == "lunr" else copy_project(work / engine)
            site = work / f"site-{engine}"
            build(project, site, "http://127.0.0.1:8000/")
            if engine == "pagefind":
                add_pagefind(site)
            sites[engine] = site
            results["quality"][engine] = quality(engine, site, browser)
        if args.pages:
            generated = {}
            for engine in ("lunr", "handbook"):
                project = project_at(BASELINE, work / f"gen-{engine}") if engine == "lunr" else copy_project(work / f"gen-{engine}")
                add_generated_pages(project, args.pages, 1)
                port = free_port()
                site = work / f"gen-site-{engine}"
                print(f"[{engine}] building {args.pages} pages per language ...", flush=True)
                build(project, site, f"http://127.0.0.1:{port}/")
                generated[engine] = site
                results["size"][engine] = sizes_material(site, engine)
                with Server(site, port):
                    results["latency"][engine] = {
                        lang.locale: {k: v for k, v in measure_language(browser, f"http://127.0.0.1:{port}/" + lang.url_prefix(),
                                                                        QUERIES[lang.locale], args.rounds).items()
                                      if k in ("p95_ms", "median_ms", "index_ready_ms")}
                        for lang in languages()
                    }
                print(f"[{engine}] {results['size'][engine]} {results['latency'][engine]}", flush=True)
            pagefind_site = work / "gen-site-pagefind"
            shutil.copytree(generated["handbook"], pagefind_site)
            results["pagefind_index_s"] = round(add_pagefind(pagefind_site), 1)
            traffic = pagefind_traffic(pagefind_site, browser, QUERIES)
            results["size"]["pagefind"] = {k: {x: v[x] for x in ("first_search_bytes", "further_search_bytes")} for k, v in traffic.items()}
            results["latency"]["pagefind"] = {k: {x: v[x] for x in ("p95_ms", "median_ms")} for k, v in traffic.items()}
            print(f"[pagefind] {traffic}", flush=True)

    print()
    print("engine     set        lang  first  top3  page top3  no results")
    for engine, sets in results["quality"].items():
        for key, f in sets.items():
            name, lang = key.rsplit(" ", 1)
            print(f"{engine:10} {name:10} {lang:4} {f['first']:6.0%} {f['top3']:5.0%} {f['page_top3']:10.0%} {f['no_results']:11}")
    if args.pages:
        print()
        print(f"{args.pages} pages per language: bytes fetched for search (gzip), latency (ms)")
        for engine in results["size"]:
            for lang, s in results["size"][engine].items():
                lat = results["latency"][engine][lang]
                print(f"{engine:10} {lang}  first search {s['first_search_bytes'] / 1000:8.1f} KB  further {s['further_search_bytes'] / 1000:6.1f} KB"
                      f"  p95 {lat['p95_ms']:6.1f} ms  median {lat['median_ms']:6.1f} ms")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
