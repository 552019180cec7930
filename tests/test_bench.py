"""The performance benchmark (bench/budget_bench.py) runs end to end and reports every figure.

A tiny run (10 and 20 generated pages per language, one round of two queries, Lighthouse on the
Swedish start page, two live-preview edits) checks that the JSON holds each figure for each site
and a verdict for each budget. No timing or score is asserted: the budgets are judged on the full
run (see bench/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.project import ROOT

from tests.conftest import CHROMIUM, IN_CI

sys.path.insert(0, str(ROOT / "bench"))
from budget_bench import BUDGETS, LIGHTHOUSE_CATEGORIES  # noqa: E402
from lighthouse import METRICS  # noqa: E402

BUILD_FIGURES = ("wall_s", "wall_s_runs", "cpu_s", "peak_rss_mb", "in_process_s")
OUTPUT_FIGURES = ("output_bytes", "html_pages", "median_html_bytes", "median_nav_bytes", "median_nav_share")
INDEX_FIGURES = ("bytes", "gzip_bytes", "docs")
SEARCH_FIGURES = ("median_ms", "p95_ms", "max_ms", "index_ready_ms")
FIRST_VIEW_FIGURES = ("gzip_bytes", "gzip_bytes_without_search_index", "requests", "gzip_bytes_by_kind",
                      "search_first_use_gzip_bytes")


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def test_benchmark_reports_every_figure(tmp_path: Path):
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium).")
        pytest.skip(f"Chromium not found at {CHROMIUM}; the benchmark needs it.")
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "budget_bench.py"), "--quick", "--sizes", "10,20",
         "--rounds", "1", "--queries", "2", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "HANDBOOK_PDF=0" in result.stdout  # says the generated handbooks are built without PDF
    data = json.loads(out.read_text(encoding="utf-8"))

    sites = {s["site"]: s for s in data["sites"]}
    expected = {"real", "handbook-10", "stock-10", "handbook-20", "stock-20"}
    if (ROOT / "handbook" / "whole_handbook_pdf.py").exists():
        expected.add("real+pdf")
    assert expected <= set(sites), sorted(sites)

    for name, site in sites.items():
        for key in BUILD_FIGURES:
            assert key in site["build"], f"{name}: build.{key}"
        assert _number(site["build"]["wall_s"]) and site["build"]["peak_rss_mb"] > 0, name
        for key in OUTPUT_FIGURES:
            assert _number(site[key]), f"{name}: {key}"
        assert site["median_html_bytes"] > 0 and site["time_by_plugin_s"], name
        for locale in ("sv", "en"):
            for key in INDEX_FIGURES:
                assert _number(site["search_index"][locale][key]), f"{name}: search_index.{locale}.{key}"
        if name == "real+pdf":
            continue  # build and output figures only
        for view in ("start", "topic"):
            fv = site["first_view"][view]
            for key in FIRST_VIEW_FIGURES:
                assert key in fv, f"{name}: first_view.{view}.{key}"
            assert fv["gzip_bytes"] > 0 and {"html", "css", "js"} <= set(fv["gzip_bytes_by_kind"]), name
        for locale in ("sv", "en"):
            for key in SEARCH_FIGURES:
                assert _number(site["search"][locale][key]), f"{name}: search.{locale}.{key}"
            assert not site["search"][locale]["page_errors"], f"{name}: {locale} page errors"

    # The live preview of the real site, and Lighthouse on its start page.
    preview = sites["real"]["live_preview"]
    assert len(preview["seconds"]) == 2 and all(_number(t) for t in preview["seconds"]), preview
    pages = sites["real"]["lighthouse"]["mobile"]["pages"]
    assert list(pages) == ["/"], pages
    for page in pages.values():
        assert all(_number(page["scores"][c]) for c in LIGHTHOUSE_CATEGORIES), page["scores"]
        assert all(_number(page["metrics"][m]) for m in METRICS), page["metrics"]
        assert page["total_bytes"] > 0

    # Time ratios against the stock baseline, and a verdict for every budget.
    assert any("×stock" in line for line in result.stdout.splitlines())
    budgets = {}
    for row in data["budgets"]:
        budgets.setdefault(row["budget"], []).append(row)
        assert row["verdict"] in ("PASS", "FAIL"), row
        assert _number(row["value"]) and _number(row["limit"]), row
    assert set(BUDGETS) <= set(budgets), sorted(budgets)
