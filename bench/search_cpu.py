"""The search engine's CPU time per query, in Node.js, on a handbook of N generated pages.

    uv run python bench/search_cpu.py                  # 1000 pages per language (builds ~1-2 min)
    uv run python bench/search_cpu.py --site DIR       # a site already built (e.g. --keep of a run)
    uv run python bench/search_cpu.py --json out.json  # also write the figures as JSON

Latency in a browser (search_bench.py) depends on what else the machine does; CPU time does not,
much: on a busy 2-core machine it is the figure to compare between versions of the engine. The
script builds a copy of the project with search_bench.py's generated pages (or takes ``--site``),
then, per language, runs the built site's own engine (assets/javascripts/handbook-search-engine.js)
in Node.js on its search index and times, in process CPU time:

- building the engine's index from search_index.json (what the search worker does once);
- every prefix of every question, as a reader types it, of search_bench.py's 10 queries (3
  rounds) and of the tuning and development question sets (tests/search_cases.yml,
  tests/search_held_out.yml; 1 round): median, p95, max per query.

The budget is search_bench.py's: 100 ms to results, p95, on the 1000-page index.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from handbook.core.project import languages  # noqa: E402
from handbook.search.search_command import ENGINE, index_file, node_executable  # noqa: E402
from handbook.search.search_quality import load_questions  # noqa: E402
from search_bench import BUDGET_MS, QUERIES, add_generated_pages, build, copy_project  # noqa: E402

SETS = (ROOT / "tests" / "search_cases.yml", ROOT / "tests" / "search_held_out.yml")

# node - ENGINE INDEX ROUNDS < questions (JSON list): CPU ms of each search, typed key by key.
TIMER = """
const fs = require("fs");
const [engineFile, indexFile, rounds] = process.argv.slice(1);
const HandbookSearch = require(engineFile);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
let start = cpu();
const engine = HandbookSearch.create(index);
const build = cpu() - start;
const questions = JSON.parse(fs.readFileSync(0, "utf8"));
const times = [];
for (let r = 0; r < Number(rounds); r++)
  for (const q of questions)
    for (let i = 1; i <= q.length; i++) { start = cpu(); engine.search(q.slice(0, i)); times.push(cpu() - start); }
process.stdout.write(JSON.stringify({ build, times }));
"""


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile (search_bench.py's method)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))]


def cpu_times(site: Path, lang, questions: list[str], rounds: int) -> dict:
    out = subprocess.run(
        [node_executable(), "-e", TIMER, str((site / ENGINE).resolve()), str(index_file(site, lang).resolve()), str(rounds)],
        input=json.dumps(questions), capture_output=True, text=True, check=True,
    )
    found = json.loads(out.stdout)
    times = found["times"]
    return {"build_ms": round(found["build"]), "searches": len(times), "median_ms": round(percentile(times, 0.5), 2),
            "p95_ms": round(percentile(times, 0.95), 2), "max_ms": round(max(times), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="generated pages per language (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--site", type=Path, help="a built site to time instead (no build)")
    parser.add_argument("--keep", action="store_true", help="keep the built copy")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    langs = languages()
    work = None
    site = args.site
    if site is None:
        work = Path(tempfile.mkdtemp(prefix="search-cpu-"))
        project = copy_project(work / "project")
        add_generated_pages(project, args.pages, args.seed)
        seconds = build(project, work / "site", "http://127.0.0.1:8000/")
        site = work / "site"
        print(f"built {args.pages} pages per language in {seconds:.0f} s: {site}", flush=True)
    try:
        results = {}
        for lang in langs:
            sets = [q["query"] for path in SETS for q in load_questions(path, langs).get(lang.locale, [])]
            results[lang.locale] = {
                "bench queries (3 rounds)": cpu_times(site, lang, QUERIES[lang.locale], 3),
                "tuning + development sets": cpu_times(site, lang, sets, 1),
            }
            for name, r in results[lang.locale].items():
                print(f"{lang.locale} {name}: engine built in {r['build_ms']} ms CPU; {r['searches']} searches, "
                      f"median {r['median_ms']} ms, p95 {r['p95_ms']} ms, max {r['max_ms']} ms CPU")
        worst = max(r["p95_ms"] for lang in results.values() for r in lang.values())
        print(f"{'PASS' if worst <= BUDGET_MS else 'FAIL'}  search CPU p95, worst: {worst} ms (budget ≤ {BUDGET_MS} ms)")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    finally:
        if work and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif work:
            print(f"kept {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
