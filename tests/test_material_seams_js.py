"""The JavaScript seams (overrides/assets/javascripts/material-seams.js) against the code
Material for MkDocs ships: each test names the seam it checks, so that upgrading Material, or
replacing it when it reaches end of life (2027-05-05), fails with the seam's name instead of
leaving the search box silently broken.

Material's JavaScript is minified, and its constants are inlined; its source maps ship the
TypeScript it was built from (``sourcesContent``), and its templates ship as they are. The tests
read those, and the values of our seams from material-seams.js itself (run in Node.js). The
browser tests (tests/test_search.py, tests/test_browser.py) check what readers get.
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
# Sources: "bundle:<file>" and "worker:<file>" are files of Material's TypeScript (from the
# source maps of its bundle and its search worker), "template:<file>" its templates.
SEAMS = {
    "worker message types": [
        ("bundle:integrations/search/worker/message/index.ts", "export const enum SearchMessageType {"),
        ("worker:integrations/search/worker/main/index.ts", "case SearchMessageType.SETUP:"),
        ("worker:integrations/search/worker/main/index.ts", "type: SearchMessageType.READY"),
        ("worker:integrations/search/worker/main/index.ts", "case SearchMessageType.QUERY:"),
        ("worker:integrations/search/worker/main/index.ts", "type: SearchMessageType.RESULT"),
        ("bundle:integrations/search/worker/_/index.ts", "type: SearchMessageType.SETUP,"),
        ("bundle:components/search/query/index.ts", "type: SearchMessageType.QUERY,"),
    ],
    "search result item": [
        ("worker:integrations/search/_/index.ts", "items: SearchItem[][]"),
        ("worker:integrations/search/_/index.ts", "score: number"),
        ("worker:integrations/search/_/index.ts", "terms: SearchQueryTerms"),
        ("worker:integrations/search/config/index.ts", "location: string"),
        ("worker:integrations/search/config/index.ts", "title: string"),
        ("worker:integrations/search/config/index.ts", "text: string"),
        ("bundle:templates/search/index.tsx", ".filter(key => !document.terms[key])"),
        ("bundle:templates/search/index.tsx", ".filter(([, match]) => match)"),
    ],
    "search result rows": [
        ("bundle:templates/search/index.tsx", "const threshold = result[0].score"),
        ("bundle:templates/search/index.tsx", 'return !l.includes("#")'),
        ("bundle:templates/search/index.tsx", "docs.findIndex(doc => doc.score < threshold)"),
        ("bundle:templates/search/index.tsx", "data-md-score={document.score.toFixed(2)}"),
        ("bundle:components/search/_/index.ts", '":first-child [href]", result'),
        ("bundle:components/search/_/index.ts", "[...anchors].sort(([, a], [, b]) => b - a)"),
    ],
    "search box classes": [
        ("template:partials/search.html", 'class="md-search-result__meta"'),
        ("template:partials/search.html", 'class="md-search-result__list"'),
        ("template:partials/search.html", 'class="md-search__input"'),
    ],
    "search result keys": [
        ("template:partials/search.html", '<div class="md-search-result" data-md-component="search-result">'),
        ("bundle:components/search/_/index.ts", '":not(details) > [href], summary, details[open] [href]",\n                  result'),
        ("bundle:components/search/_/index.ts", 'case "Tab":\n              setToggle("search", false)'),
        ("bundle:browser/toggle/index.ts", "toggles[name].click()"),
    ],
    "search box and button": [
        ("template:partials/search.html", '<div class="md-search" data-md-component="search"'),
        ("template:partials/header.html", 'for="__search"'),
    ],
    "search index request": [
        ("bundle:bundle.ts", 'requestJSON<SearchIndex>(\n      new URL("search/search_index.json", config.base)'),
        ("bundle:browser/request/index.ts", "const req = new XMLHttpRequest()"),
        ("bundle:browser/request/index.ts", "req.send()"),
    ],
    "sitemap request": [
        ("bundle:integrations/alternate/index.ts", 'getElements<HTMLLinkElement>("link[rel=alternate]")'),
        ("bundle:integrations/alternate/index.ts", "mergeMap(url => fetchSitemap(url)"),
        ("bundle:integrations/sitemap/index.ts", 'requestXML(new URL("sitemap.xml", base))'),
        ("bundle:browser/request/index.ts", "export function requestXML("),
    ],
    "navigation drawer": [
        ("template:base.html", 'data-md-toggle="drawer" type="checkbox" id="__drawer"'),
        ("template:base.html", 'data-md-toggle="search" type="checkbox" id="__search"'),
        ("template:base.html", '<div class="md-sidebar md-sidebar--primary"'),
        ("template:partials/header.html", '<label class="md-header__button md-icon" for="__drawer">'),
        ("bundle:bundle.ts", 'watchMedia("(min-width: 76.25em)")'),
    ],
    "search scroll lock": [
        ("bundle:patches/scrolllock/index.ts", 'document.body.setAttribute("data-md-scrolllock", "")'),
        ("bundle:patches/scrolllock/index.ts", 'document.body.removeAttribute("data-md-scrolllock")'),
        ("bundle:patches/scrolllock/index.ts", "window.scrollTo(0, value)"),
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
    """Material's TypeScript and templates, as "bundle:…", "worker:…" and "template:…"."""
    sources = {f"bundle:{k}": v for k, v in _source_map("bundle.*.min.js.map").items()}
    sources.update({f"worker:{k}": v for k, v in _source_map("workers/search.*.min.js.map").items()})
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
    """The seams' values as material-seams.js defines them (its worker part and its page
    constants; Node.js has no document, so the page code itself does not run)."""
    script = ("require(process.argv[1]); const s = globalThis.MaterialSeams;"
              "process.stdout.write(JSON.stringify({MESSAGE: s.MESSAGE, SEARCH: s.SEARCH, DRAWER: s.DRAWER,"
              " LANGUAGE_LINK: s.LANGUAGE_LINK,"
              " index: s.REQUESTS.index.source, sitemap: s.REQUESTS.sitemap.source, reach: s.REQUESTS.reach}));")
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


def test_worker_message_types_are_materials_numbers():
    """Seam "worker message types": Material numbers its messages by their order in an enum
    that its minifier inlines; ours must be the same numbers."""
    source = material_sources()["bundle:integrations/search/worker/message/index.ts"]
    body = re.search(r"export const enum SearchMessageType \{(.*?)\}", source, re.S)
    assert body, "Material seam 'worker message types': no SearchMessageType enum"
    names = re.findall(r"^\s*([A-Z]+)\s*,?\s*(?:/\*.*\*/)?\s*$", body.group(1), re.M)
    assert {name: number for number, name in enumerate(names)} == our_seams()["MESSAGE"], (
        f"Material seam 'worker message types': Material's order is {names}")


def test_search_box_selectors_find_materials_search_box():
    """Seams "search box classes" and "search box and button": our selectors, as
    material-seams.js has them, find their element in Material's templates."""
    ours = our_seams()
    search = BeautifulSoup(material_sources()["template:partials/search.html"], "html.parser")
    header = BeautifulSoup(material_sources()["template:partials/header.html"], "html.parser")
    for key in ("meta", "list", "input", "result"):
        assert search.select(ours["SEARCH"][key]), f"Material seam 'search box classes': {ours['SEARCH'][key]!r}"
    assert search.select("." + ours["SEARCH"]["metaClass"]), "Material seam 'search box classes': metaClass"
    assert f'"{ours["SEARCH"]["focusable"]}"' in material_sources()["bundle:components/search/_/index.ts"], (
        "Material seam 'search result keys': the elements its arrow keys move between")
    for selector in ours["reach"].split(", "):
        assert search.select(selector) or header.select(selector), f"Material seam 'search box and button': {selector!r}"


def test_the_drawer_and_language_selectors_find_their_elements():
    """Seams "navigation drawer" and "language selector click": our selectors, as
    material-seams.js has them, find Material's toggles, sidebar and menu label, the breakpoint
    is its bundle's, and the language link selector finds the selector's links."""
    drawer = our_seams()["DRAWER"]
    base = BeautifulSoup(material_sources()["template:base.html"], "html.parser")
    header = BeautifulSoup(material_sources()["template:partials/header.html"], "html.parser")
    for key in ("toggle", "searchToggle"):
        assert base.find(id=drawer[key]), f"Material seam 'navigation drawer': #{drawer[key]}"
    assert base.select(drawer["sidebar"]), f"Material seam 'navigation drawer': {drawer['sidebar']!r}"
    assert header.select(drawer["label"]), f"Material seam 'navigation drawer': {drawer['label']!r}"
    assert f'watchMedia("{drawer["wide"]}")' in material_sources()["bundle:bundle.ts"]
    lock = material_sources()["bundle:patches/scrolllock/index.ts"]
    assert f'document.body.removeAttribute("{drawer["scrollLock"]}")' in lock, "Material seam 'search scroll lock'"
    alternate = BeautifulSoup((ROOT / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8"), "html.parser")
    assert alternate.select(our_seams()["LANGUAGE_LINK"]), "the language selector's links"


def test_the_held_back_requests_are_the_ones_material_makes():
    """Seams "search index request" and "sitemap request": our patterns match the addresses
    Material's bundle requests (relative to the site's base)."""
    ours = our_seams()
    assert re.search(ours["index"], "/en/search/search_index.json"), "Material seam 'search index request'"
    assert re.search(ours["sitemap"], "/en/sitemap.xml"), "Material seam 'sitemap request'"
    assert not re.search(ours["index"], "/en/search/index.html")


def test_the_worker_answers_materials_messages_in_its_protocol():
    """Material's SETUP gets READY; a QUERY gets RESULT with one array per page, whose first
    row (the one without "#" is drawn first) opens the page's best section, and whose shown
    sections score as high as the first (Material shows them under the page's title)."""
    groups = [{"page": "fb/", "pageTitle": "Facebook-konton", "results": [
        {"location": "fb/#one", "title": "Dubbla konton", "text": "<p>Ett konto.</p>", "score": 5.0, "shown": True,
         "isPage": False, "pageTitle": "Facebook-konton", "found": ["konton"], "missing": ["två"]},
        {"location": "fb/#who", "title": "Vem ser vad?", "text": "", "score": 2.0, "shown": False,
         "isPage": False, "pageTitle": "Facebook-konton", "found": [], "missing": []}]}]
    script = ("require(process.argv[1]); const s = globalThis.MaterialSeams; const groups = JSON.parse(process.argv[2]);"
              "let built = null;"
              "const ready = s.answer({type: s.MESSAGE.SETUP, data: {docs: []}}, i => { built = i; }, () => []);"
              "const result = s.answer({type: s.MESSAGE.QUERY, data: 'dubbla konton'}, () => {}, q => groups);"
              "const other = s.answer({type: 9}, () => {}, () => []);"
              "process.stdout.write(JSON.stringify({ready, result, built, other}));")
    out = subprocess.run([node_executable(), "-e", script, str(SEAMS_JS), json.dumps(groups)],
                         capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout)
    assert answer["ready"] == {"type": 1} and answer["built"] == {"docs": []} and answer["other"] is None
    assert answer["result"]["type"] == 3
    [rows] = answer["result"]["data"]["items"]
    assert [r["location"] for r in rows] == ["fb/#one", "fb/#who", "fb/#one"]
    assert rows[-1]["title"] == "Facebook-konton" and rows[-1]["score"] == rows[0]["score"] == 5.0
    assert rows[1]["score"] < 5.0  # folded under "more on this page"
    assert rows[0]["terms"] == {"konton": True, "två": False}
