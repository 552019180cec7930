"""``uv run handbook-search "fråga" [--lang en]``: what the site's search finds for a question, and why.

For editors who want to know why a question does not find its answer, and which search word
(search_words.yml) would help. It prints the top results in the order the search box shows
them, and for each the words that matched: in which field (heading, staff words, page title,
text) and as which word form (exact, another form of the word, part of a compound, typo, a word
made from the same word, start of a word, a word a lexicon links it to: "gnälla → klaga
(lexikon)", or a word the same section has in the other language: "privacy (en)").

It runs the site's own search code (``assets/javascripts/handbook-search-engine.js`` of the
built site and the modules it names, ``assets/javascripts/search/*.js``: the files the browser
runs) in Node.js against the built search index, so it cannot disagree with the search box. The site is built first (without the PDF) into
``.cache/search-site/`` when a source has changed since the last build, or taken from
``--site``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from handbook.core.project import ROOT, SOURCE_PARTS, HandbookError, Language, languages

ENGINE = Path("assets") / "javascripts" / "handbook-search-engine.js"
RUNNER = Path(__file__).with_name("search_query.cjs")
CACHE_SITE = Path(".cache") / "search-site"

KINDS = {
    "sv": {"exact": "exakt", "folded": "utan å, ä, ö", "stem": "annan form av ordet", "part": "del av sammansatt ord",
           "modifier": "förled i sammansatt ord",
           "typo": "stavfel", "derived": "ord bildat av samma ord", "prefix": "början av ordet",
           "lexicon": "ord som lexikonet länkar till", "other": "ord som avsnittet har på ett annat språk"},
    "en": {"exact": "exact", "folded": "without accents", "stem": "another form of the word",
           "part": "part of a compound", "modifier": "first part of a compound", "typo": "typo", "derived": "word made from the same word",
           "prefix": "start of the word", "lexicon": "word the lexicon links to",
           "other": "word the section has in another language"},
}
FIELDS = {
    "sv": {"title": "rubriken", "keywords": "sökorden (search_words.yml)", "anchors": "länkar hit",
           "page": "sidans titel", "text": "texten", "other": "samma avsnitt på det andra språket"},
    "en": {"title": "heading", "keywords": "staff words (search_words.yml)", "anchors": "links to it",
           "page": "page title", "text": "text", "other": "the same section in the other language"},
}
TEXT = {
    "sv": {"none": "Inga träffar.", "not_found": "Finns inte i handboken (inte heller som del av ett ord eller med ett stavfel)",
           "little": "litet ord, väger lite",
           "common": "nästan varje sida har ordet (eller handbokens titel), väger mindre", "parts": "delas i", "navigation": "navigering, rankas lägre",
           "boilerplate": "lagtext o.d., väger mindre om inte frågan gäller den",
           "missing": "saknas här", "score": "poäng", "as": "som", "in": "i", "matched": "träffade",
           "synonym": "synonym till", "lexicon": "lexikon"},
    "en": {"none": "No results.", "not_found": "Not in the handbook (not as part of a word, nor with a typo)",
           "little": "little word, weighs little",
           "common": "nearly every page has it (or the handbook's title does), weighs less", "parts": "split into", "navigation": "navigation, ranked lower",
           "boilerplate": "legal text or the like, counts less unless the question is about it",
           "missing": "missing here", "score": "score", "as": "as", "in": "in", "matched": "matched",
           "synonym": "synonym of", "lexicon": "lexicon"},
}


def node_executable() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise HandbookError(
            "handbook-search needs Node.js to run the site's search code. Install it "
            "(Debian: apt-get install nodejs) and try again."
        )
    return node


def engine_files(root: Path) -> list[Path]:
    """The search engine's files under ``root`` (a built site, or the project's overrides/), in
    the order they load: the entry (ENGINE), then the modules it names (HandbookSearch.modules)."""
    entry = root / ENGINE
    if not entry.is_file():
        raise HandbookError(f"{entry} is missing: is {root} a built site? Build it with 'uv run mkdocs build'.")
    result = subprocess.run([node_executable(), "-e", "process.stdout.write(JSON.stringify(require(process.argv[1]).modules))",
                             str(entry.resolve())], capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise HandbookError(f"{entry} does not load in Node.js:\n{result.stderr[-2000:]}")
    return [entry] + [entry.parent / module for module in json.loads(result.stdout)]


def _newest_source(project: Path) -> float:
    newest = 0.0
    for part in SOURCE_PARTS:
        path = project / part
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return newest


def built_site(project: Path = ROOT) -> Path:
    """The site built from the project's current sources (without the PDF), rebuilt only when a
    source is newer than the last build."""
    site = project / CACHE_SITE
    stamp = site / ".built"
    if stamp.is_file() and stamp.stat().st_mtime >= _newest_source(project):
        return site
    env = {**os.environ, "HANDBOOK_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise HandbookError("The site does not build, so search cannot be tried. Run 'uv run mkdocs build' "
                            "and fix what it says first.\n" + (result.stderr or result.stdout)[-3000:])
    stamp.touch()
    return site


def index_file(site: Path, lang: Language) -> Path:
    return site / lang.url_prefix() / "search" / "search_index.json"


@dataclass
class SiteSearch:
    """The site's search for one language, running in Node.js; ask() it questions."""

    site: Path
    lang: Language

    def __enter__(self) -> SiteSearch:
        engine, index = self.site / ENGINE, index_file(self.site, self.lang)
        for needed in (engine, index):
            if not needed.is_file():
                raise HandbookError(f"{needed} is missing: is {self.site} a built site? Build it with 'uv run mkdocs build'.")
        self.process = subprocess.Popen(
            [node_executable(), str(RUNNER), str(engine.resolve()), str(index.resolve())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )
        return self

    def ask(self, question: str) -> dict:
        self.process.stdin.write(json.dumps(question) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise HandbookError("The search code stopped (Node.js): see the message above.")
        return json.loads(line)

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def page_file(location: str, lang: Language) -> str:
    """'facebook-konton/#one-account' -> 'facebook-konton.md#one-account' (the editors' name)."""
    path, _, section = location.partition("#")
    stem = path.strip("/") or "index"
    name = lang.source_name(f"{stem}.md")
    return name + (f"#{section}" if section else "")


def _field(name: str, fields: dict, words: dict) -> str:
    """A field as the editor reads it; "text~facebook": the text, by a synonym of "facebook"."""
    field, _, via = name.partition("~")
    return f"{fields[field]} ({words['synonym']} \"{via}\")" if via else fields[field]


def answer_order(found: dict) -> list[dict]:
    """The results in the order the reader meets them (the engine's answers()): the sections each
    page shows, page by page (a page's own entry only when it shows none); then those folded
    under "more on this page"."""
    shown, folded = [], []
    for group in found["groups"]:
        sections = any(r["shown"] and not r["isPage"] for r in group["results"])
        for result in group["results"]:
            if not result["shown"]:
                folded.append(result)
            elif not (result["isPage"] and sections):
                shown.append(result)
    return shown + folded


def answer_locations(found: dict) -> list[str]:
    """Where each result is ("facebook-konton/#one-account"), in the order the reader meets them."""
    return [r["location"] for r in answer_order(found)]


def report(found: dict, lang: Language, top: int) -> str:
    """The results as an editor reads them."""
    words = TEXT.get(lang.locale, TEXT["en"])
    kinds, fields = KINDS.get(lang.locale, KINDS["en"]), FIELDS.get(lang.locale, FIELDS["en"])
    lines = []
    for w in found["words"]:
        notes = []
        if w["parts"]:
            notes.append(f"{words['parts']} {' + '.join(w['parts'])}")
        if w["little"]:
            notes.append(words["little"])
        if w.get("common"):
            notes.append(words["common"])
        if not w["found"]:
            notes.append(words["not_found"])
        lines.append(f"  {w['word']}" + (f": {'; '.join(notes)}" if notes else ""))
    results = answer_order(found)
    if not results:
        return "\n".join(lines + ["", words["none"]])
    for rank, r in enumerate(results[:top], start=1):
        title = r["plainTitle"] if r["isPage"] else f"{r['pageTitle']} › {r['plainTitle']}"
        nav = f" ({words['navigation']})" if r["navigation"] else f" ({words['boilerplate']})" if r.get("boilerplate") else ""
        lines += ["", f"{rank}. {title}{nav}", f"   {page_file(r['location'], lang)}   {words['score']} {r['score']:.2f}"]
        for m in r["matches"]:
            how = kinds[m["kind"]]
            word = f"{m['word']} ({m['part']})" if m.get("part") else m["word"]
            if m.get("link"):  # a lexicon's link: "gnälla → klaga (lexikon)"
                word = f"{word} → {m['link']} ({words['lexicon']})"
            if m.get("language"):  # the other language's word: "privacy (en)"
                word = f"{word} ({m['language']})"
            where = ", ".join(_field(f, fields, words) for f in m.get("fields") or [])
            lines.append(f"   {word}: {words['matched']} \"{m['form']}\" {words['as']} {how}, {words['in']} {where}")
        if r["missing"]:
            lines.append(f"   {words['missing']}: {', '.join(r['missing'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    langs = languages()
    parser = argparse.ArgumentParser(
        prog="handbook-search",
        description="What the site's search finds for a question, and why (the words that matched, "
                    "where and how).",
    )
    parser.add_argument("question", help='the question, in quotes: "får jag ha två konton"')
    parser.add_argument("--lang", default=langs[0].locale, choices=[l.locale for l in langs],
                        help=f"the language searched (default {langs[0].locale})")
    parser.add_argument("--top", type=int, default=5, help="how many results to show (default 5)")
    parser.add_argument("--site", type=Path, help="a built site to search (default: build one)")
    parser.add_argument("--json", action="store_true", help="print everything the search returns, as JSON")
    args = parser.parse_args(argv)
    lang = next(l for l in langs if l.locale == args.lang)
    try:
        site = args.site or built_site()
        with SiteSearch(site, lang) as search:
            found = search.ask(args.question)
    except HandbookError as err:
        print(f"handbook-search: {err}", file=sys.stderr)
        return 1
    print(json.dumps(found, ensure_ascii=False, indent=2) if args.json else report(found, lang, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
