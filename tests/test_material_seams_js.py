"""The JavaScript seams (overrides/assets/javascripts/material-seams.js) against the code
Material for MkDocs ships: each test names the seam it checks, so that upgrading Material, or
replacing it when it reaches end of life (2027-05-05), fails with the seam's name instead of
leaving the drawer or the language selector silently broken.

Material's JavaScript is minified, and its constants are inlined; its source maps ship the
TypeScript it was built from (``sourcesContent``), and its templates ship as they are. The tests
read those, and the values of our seams from material-seams.js itself (run in Node.js). The
browser tests (tests/test_browser.py, tests/test_accessibility.py) check what readers get.
"""

from __future__ import annotations

import json
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from handbook.core.project import ROOT
from handbook.search.search_command import node_executable

SEAMS_JS = ROOT / "overrides" / "assets" / "javascripts" / "material-seams.js"
MATERIAL = Path(material.__file__).parent / "templates"
SRC = "src/templates/assets/javascripts/"

# Each seam: what Material's code must still say for our code to work, as (source, text).
# Sources: "bundle:<file>" are files of Material's TypeScript (from the source map of its
# bundle), "template:<file>" its templates.
SEAMS = {
    "no Material search": [
        ("bundle:bundle.ts", 'const index$ = document.forms.namedItem("search")'),
        ("bundle:bundle.ts", '...getComponentElements("search")'),
        ("template:partials/header.html", '{% include "partials/search.html" %}'),
    ],
    "sitemap request": [
        ("bundle:integrations/alternate/index.ts", 'getElements<HTMLLinkElement>("link[rel=alternate]")'),
        ("bundle:integrations/alternate/index.ts", "mergeMap(url => fetchSitemap(url)"),
        ("bundle:integrations/sitemap/index.ts", 'requestXML(new URL("sitemap.xml", base))'),
        ("bundle:browser/request/index.ts", "export function requestXML("),
        ("bundle:browser/request/index.ts", "const req = new XMLHttpRequest()"),
    ],
    "navigation drawer": [
        ("template:base.html", 'data-md-toggle="drawer" type="checkbox" id="__drawer"'),
        ("template:base.html", 'data-md-toggle="search" type="checkbox" id="__search"'),
        ("template:base.html", '<div class="md-sidebar md-sidebar--primary"'),
        ("template:partials/header.html", '<label class="md-header__button md-icon" for="__drawer">'),
        ("bundle:bundle.ts", 'watchMedia("(min-width: 76.25em)")'),
    ],
    "language selector click": [
        ("bundle:integrations/alternate/index.ts", 'fromEvent<MouseEvent>(document.body, "click")'),
        ("bundle:integrations/alternate/index.ts", 'const el = ev.target.closest("a")'),
    ],
}


def _source_map(pattern: str) -> dict[str, str]:
    found = sorted((MATERIAL / "assets" / "javascripts").glob(pattern))
    assert found, f"Material ships no {pattern}: its JavaScript has moved; see README, 'When Material reaches end of life'"
    data = json.loads(found[0].read_text(encoding="utf-8"))
    return {name.removeprefix(SRC): text or "" for name, text in zip(data["sources"], data.get("sourcesContent", []))}


@lru_cache(maxsize=1)
def material_sources() -> dict[str, str]:
    """Material's TypeScript and templates, as "bundle:…" and "template:…"."""
    sources = {f"bundle:{k}": v for k, v in _source_map("bundle.*.min.js.map").items()}
    for template in ("partials/search.html", "partials/header.html", "base.html"):
        sources[f"template:{template}"] = (MATERIAL / template).read_text(encoding="utf-8")
    return sources


def seam_problems(seam: str, sources: dict[str, str]) -> list[str]:
    """What Material no longer says that the seam needs (empty: the seam holds)."""
    problems = []
    for source, text in SEAMS[seam]:
        if text not in sources.get(source, ""):
            problems.append(f"Material seam '{seam}': {source} no longer has {text!r}. Material has changed: "
                            "see overrides/assets/javascripts/material-seams.js and README, 'When Material "
                            "reaches end of life'.")
    return problems


@lru_cache(maxsize=1)
def our_seams() -> dict:
    """The seams' values as material-seams.js defines them (Node.js has no XMLHttpRequest, so
    the page code itself does not run)."""
    script = ("require(process.argv[1]); const s = globalThis.MaterialSeams;"
              "process.stdout.write(JSON.stringify({DRAWER: s.DRAWER, LANGUAGE_LINK: s.LANGUAGE_LINK,"
              " sitemap: s.REQUESTS.sitemap.source}));")
    out = subprocess.run([node_executable(), "-e", script, str(SEAMS_JS)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("seam", SEAMS)
def test_material_still_has_what_each_javascript_seam_relies_on(seam):
    assert seam_problems(seam, material_sources()) == []


@pytest.mark.parametrize("seam", SEAMS)
def test_a_change_in_material_is_reported_with_the_seams_name(seam):
    source, text = SEAMS[seam][0]
    changed = {**material_sources(), source: material_sources()[source].replace(text, "(changed upstream)")}
    problems = seam_problems(seam, changed)
    assert problems and all(p.startswith(f"Material seam '{seam}'") for p in problems)


def test_each_seam_is_named_in_material_seams_js():
    text = SEAMS_JS.read_text(encoding="utf-8")
    assert [s for s in SEAMS if f'Seam "{s}"' not in text and f'seam "{s}"' not in text] == []


def test_the_handbooks_search_partial_gives_materials_bundle_no_search_to_mount():
    """Seam "no Material search": Material's bundle fetches its index only for a form named
    "search", and mounts its search on data-md-component="search"; the handbook's partial, which
    Material's header includes in place of its own, has neither, so Material's search never
    starts (tests/test_browser.py checks that no index is fetched until the reader searches)."""
    ours = BeautifulSoup((ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8"), "html.parser")
    assert ours.select("dialog.handbook-search input[type=search]"), "the handbook's search dialog"
    assert not ours.select('form[name="search"], [data-md-component]'), "Material seam 'no Material search'"


def test_the_drawer_and_language_selectors_find_their_elements():
    """Seams "navigation drawer" and "language selector click": our selectors, as
    material-seams.js has them, find Material's toggles, sidebar and menu label, the breakpoint
    is its bundle's, and the language link selector finds the selector's links."""
    drawer = our_seams()["DRAWER"]
    base = BeautifulSoup(material_sources()["template:base.html"], "html.parser")
    header = BeautifulSoup(material_sources()["template:partials/header.html"], "html.parser")
    assert base.find(id=drawer["toggle"]), f"Material seam 'navigation drawer': #{drawer['toggle']}"
    assert base.select(drawer["sidebar"]), f"Material seam 'navigation drawer': {drawer['sidebar']!r}"
    assert header.select(drawer["label"]), f"Material seam 'navigation drawer': {drawer['label']!r}"
    assert f'watchMedia("{drawer["wide"]}")' in material_sources()["bundle:bundle.ts"]
    alternate = BeautifulSoup((ROOT / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8"), "html.parser")
    assert alternate.select(our_seams()["LANGUAGE_LINK"]), "the language selector's links"


def test_the_unsent_requests_are_the_ones_material_makes():
    """Seam "sitemap request": our pattern matches the addresses Material's bundle requests
    (relative to the site's base), and nothing else."""
    ours = our_seams()
    assert re.search(ours["sitemap"], "/en/sitemap.xml"), "Material seam 'sitemap request'"
    assert not re.search(ours["sitemap"], "/en/search/search_index.json")
