"""``uv run handbook-search-report LOG [--since DATE]``: the log of missed searches, for the editors.

The log is the one deploy/nginx.conf writes (``/var/log/nginx/handbook-searches.log``): one JSON
object per line, ``{"date", "lang", "q", "results", "reason"}``, the words as the page sent them
(percent-encoded, ``+`` for a space). IIS's W3C log is read too (its ``#Fields:`` line says
where the date and the query are); of it, only the POSTs to /search-feedback are searches. The report groups the same words (after normalising:
case, spaces and the punctuation around words) per language, counts them, and shows for each
what the site's search finds now and why (the explanation of ``handbook-search``, the same
search code in Node.js). Where the words are not in the handbook, it proposes a line for
search_words.yml:

- **the other language**: a word that the reader's language's index does not have, but the
  other language's index has in a section, leads to the same section (every section has the
  same ID in both languages): ``facebook-konton.md#who-sees-what: [privacy]``;
- **a lexicon**: ``related_words(locale, word)`` of ``handbook.search.lexicons`` when that module
  exists (or the function given to ``report``): a related word that the handbook has in a
  section leads to that section.

The output is Markdown, a table to paste into a pull request, and the proposed lines as YAML.
Lines it cannot read are counted and skipped, never a traceback; the words of every line are
made safe again (``search_feedback.sanitise``), whoever sent them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote_plus

from handbook.core.project import HandbookError, Language, languages
from handbook.search.search_feedback import REASONS, sanitise

RelatedWords = Callable[[str, str], list[str]]  # (locale, word) -> words a lexicon links to it
Ask = Callable[[str, str], dict]                # (locale, question) -> what the search returns

REASON_TEXT = {"none": "inga träffar", "left": "öppnade ingen träff", "button": "”Hittade du inte svaret?”"}
SHOWN = 3  # results shown per search


@dataclass
class Search:
    """One missed search, as a line of the log."""

    date: dt.date
    lang: str
    words: str
    results: int
    reason: str


@dataclass
class Log:
    searches: list[Search] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)  # line numbers
    before_since: int = 0
    other_requests: int = 0  # IIS's W3C log: the site's other requests


def read_line(line: str, locales: Iterable[str]) -> Search | None:
    """One line of the log, or None when it is not a line the log's format writes."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    return search_of(entry.get("date", entry.get("time")), entry, locales)


def search_of(stamp, entry: dict, locales: Iterable[str]) -> Search | None:
    """A missed search from its date and its fields lang, q (as sent), results and reason."""
    fields = [entry.get(k) for k in ("lang", "q", "results", "reason")]
    if not all(isinstance(v, str) for v in [*fields, stamp]):
        return None
    lang, q, results, reason = fields
    try:
        date = dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None
    if lang not in locales or reason not in REASONS or not results.isascii() or not results.isdigit():
        return None
    words = sanitise(unquote_plus(q, errors="replace"))
    if not words:
        return None
    return Search(date, lang, words, int(results), reason)


ADDRESS = "/search-feedback"


def read_w3c_line(line: str, fields: list[str], locales: Iterable[str]) -> Search | None | bool:
    """A line of IIS's W3C log (deploy/README.md): a missed search, None when it cannot be read,
    or False when it is another request of the site. Only date and the query are read."""
    values = line.split(" ")
    if len(values) != len(fields):
        return None
    entry = dict(zip(fields, values))
    if not entry.get("cs-uri-stem", "").endswith(ADDRESS) or entry.get("cs-method", "POST") != "POST":
        return False
    query = {}
    for pair in entry.get("cs-uri-query", "").split("&"):
        key, _, value = pair.partition("=")
        query.setdefault(key, value)
    return search_of(entry.get("date"), query, locales)


def read_log(text: str, locales: Iterable[str], since: dt.date | None = None) -> Log:
    """nginx's log (JSON lines), or IIS's W3C log (its '#Fields:' line says which fields)."""
    log, locales, w3c = Log(), list(locales), None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.startswith("#Fields:"):
                w3c = line.split()[1:]
            elif w3c is None and not line.startswith(("#Software:", "#Version:", "#Date:")):
                log.unreadable.append(number)
            continue
        search = read_line(line, locales) if w3c is None else read_w3c_line(line, w3c, locales)
        if search is False:
            log.other_requests += 1
        elif search is None:
            log.unreadable.append(number)
        elif since and search.date < since:
            log.before_since += 1
        else:
            log.searches.append(search)
    return log


def normalised(words: str) -> str:
    """The words as one search: lower case, single spaces, no punctuation around the words."""
    return " ".join(w.strip("-'’?!.,&#") for w in words.casefold().split() if w.strip("-'’?!.,&#"))


@dataclass
class Group:
    lang: str
    key: str
    searches: list[Search]

    @property
    def words(self) -> str:  # the form most often sent
        return Counter(s.words for s in self.searches).most_common(1)[0][0]


def grouped(searches: list[Search]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for s in searches:
        key = (s.lang, normalised(s.words))
        groups.setdefault(key, Group(s.lang, key[1], [])).searches.append(s)
    return sorted(groups.values(), key=lambda g: (-len(g.searches), g.lang, g.key))


def section_name(location: str) -> str:
    """'facebook-konton/#who-sees-what' -> 'facebook-konton.md#who-sees-what' (the Swedish file
    name, as search_words.yml names a section in both languages)."""
    path, _, section = location.partition("#")
    stem = path.strip("/") or "index"
    return f"{stem}.md" + (f"#{section}" if section else "")


STRONG = ("exact", "folded", "stem")  # the word itself, without å, ä, ö, or another form of it


def first_section(found: dict) -> str | None:
    """The section the search shows first, as search_words.yml names it, when it has a word of
    the question itself or another form of it (not only a typo, a part or a prefix)."""
    from handbook.search.search_command import answer_order

    first = next(iter(answer_order(found)), None)
    if first is None or "#" not in first["location"] or not any(m["kind"] in STRONG for m in first["matches"]):
        return None
    return section_name(first["location"])


def missing_words(found: dict) -> list[str]:
    """The words of the question that are nowhere in the handbook (little words left out)."""
    return [w["word"] for w in found["words"] if not w["found"] and not w["little"]]


@dataclass(frozen=True)
class Proposal:
    lang: str
    section: str
    word: str
    why: str

    def line(self) -> str:
        return f"{self.lang}: sections: {self.section}: [{self.word}]"


def proposals(found: dict, lang: str, other_langs: list[str], ask: Ask, related: RelatedWords | None) -> list[Proposal]:
    """Lines for search_words.yml that would lead this search's missing words to a section."""
    out: list[Proposal] = []
    for word in missing_words(found):
        for other in other_langs:
            there = ask(other, word)
            section = first_section(there) if not missing_words(there) else None
            if section:
                out.append(Proposal(lang, section, word, f"finns på {other}"))
                break
        else:
            for linked in (related(lang, word) if related else [])[:10]:
                here = ask(lang, linked)
                section = first_section(here) if not missing_words(here) else None
                if section:
                    out.append(Proposal(lang, section, word, f"lexikon: {word} → {linked}"))
                    break
    return out


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|#&!~])")


def cell(text: str) -> str:
    """Text as one Markdown table cell: nothing in it is markup, nothing ends the cell or line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def explanation(found: dict) -> str:
    """What the search finds now, and why: the first results with the words that matched."""
    from handbook.search.search_command import answer_order

    parts = []
    for rank, r in enumerate(answer_order(found)[:SHOWN], start=1):
        matched = sorted({m["word"] for m in r["matches"]})
        parts.append(f"{rank}. {section_name(r['location'])} ({', '.join(matched) or '–'})")
    missing = missing_words(found)
    if not parts:
        parts.append("inga träffar")
    if missing:
        parts.append("finns inte i handboken: " + ", ".join(missing))
    return "; ".join(parts)


def default_related_words() -> RelatedWords | None:
    """``handbook.search.lexicons.related_words(locale, word) -> list[str]``, if that module exists."""
    try:
        from handbook.search import lexicons  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(lexicons, "related_words", None)


def report(log: Log, ask: Ask, locales: list[str], *, related: RelatedWords | None = None,
           since: dt.date | None = None) -> str:
    """The report as Markdown."""
    groups = grouped(log.searches)
    dates = sorted(s.date for s in log.searches)
    span = f"{dates[0]} – {dates[-1]}" if dates else "inga sökningar"
    lines = [f"## Sökningar utan svar, {span}", ""]
    summary = f"{len(log.searches)} sökningar i {len(groups)} grupper"
    if since:
        summary += f" sedan {since} ({log.before_since} äldre rader hoppades över)"
    if log.other_requests:
        summary += f"; {log.other_requests} andra anrop till webbplatsen i loggen hoppades över"
    if log.unreadable:
        shown = ", ".join(map(str, log.unreadable[:10])) + (" …" if len(log.unreadable) > 10 else "")
        summary += f"; {len(log.unreadable)} rader kunde inte läsas och hoppades över (rad {shown})"
    lines += [summary + ".", ""]
    if not groups:
        return "\n".join(lines)
    lines += ["| Antal | Språk | Sökning | Varför | Sökningen hittar nu | Förslag till search_words.yml |",
              "| ---: | --- | --- | --- | --- | --- |"]
    all_proposals: list[Proposal] = []
    for group in groups:
        found = ask(group.lang, group.words)
        found_now = proposals(found, group.lang, [l for l in locales if l != group.lang], ask, related)
        all_proposals += found_now
        reasons = Counter(s.reason for s in group.searches)
        why = ", ".join(f"{REASON_TEXT[r]} {n}" for r, n in reasons.most_common())
        suggested = "; ".join(f"{p.section}: [{p.word}] ({p.why})" for p in found_now) or "–"
        lines.append(f"| {len(group.searches)} | {group.lang} | {cell(group.words)} | {cell(why)} | "
                     f"{cell(explanation(found))} | {cell(suggested)} |")
    if all_proposals:
        lines += ["", "Föreslagna rader (granska dem först: ett ord ska leda till avsnittet överallt där det söks):",
                  "", "```yaml"]
        for lang in locales:
            mine = [p for p in all_proposals if p.lang == lang]
            if mine:
                lines += [f"{lang}:", "  sections:"]
                by_section: dict[str, list[str]] = {}
                for p in mine:
                    by_section.setdefault(p.section, []).append(p.word)
                lines += [f"    {s}: [{', '.join(dict.fromkeys(w))}]" for s, w in sorted(by_section.items())]
        lines.append("```")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="handbook-search-report",
        description="The log of missed searches (deploy/nginx.conf's handbook-searches.log) as a Markdown "
                    "table: the searches grouped and counted, what search finds now, and lines to add "
                    "to search_words.yml.")
    parser.add_argument("log", type=Path, help="the log, e.g. /var/log/nginx/handbook-searches.log")
    parser.add_argument("--since", help="only searches on or after this date, YYYY-MM-DD")
    parser.add_argument("--site", type=Path, help="a built site to search (default: build one)")
    args = parser.parse_args(argv)
    langs = languages()
    try:
        since = None
        if args.since:
            try:
                since = dt.date.fromisoformat(args.since)
            except ValueError:
                raise HandbookError(f"--since {args.since}: not a date. Write it as YYYY-MM-DD, e.g. --since 2027-01-01.") from None
        try:
            text = args.log.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            raise HandbookError(f"{args.log}: cannot read the log ({err.strerror or err}).") from None
        log = read_log(text, [l.locale for l in langs], since)
        print(run_report(log, langs, site=args.site, since=since))
    except HandbookError as err:
        print(f"handbook-search-report: {err}", file=sys.stderr)
        return 1
    return 0


def run_report(log: Log, langs: list[Language], *, site: Path | None = None, since: dt.date | None = None,
               related: RelatedWords | None = None) -> str:
    """The report, asking the built site's search (built first when ``site`` is None)."""
    from handbook.search.search_command import SiteSearch, built_site

    if not log.searches:
        return report(log, lambda locale, q: {"words": [], "groups": []}, [l.locale for l in langs], since=since)
    site = site or built_site()
    searches = {l.locale: SiteSearch(site, l) for l in langs}
    opened = []
    try:
        for search in searches.values():
            opened.append(search.__enter__())
        cache: dict[tuple[str, str], dict] = {}

        def ask(locale: str, question: str) -> dict:
            if (locale, question) not in cache:
                cache[(locale, question)] = searches[locale].ask(question)
            return cache[(locale, question)]

        return report(log, ask, [l.locale for l in langs], related=related or default_related_words(), since=since)
    finally:
        for search in opened:
            search.__exit__(None, None, None)


if __name__ == "__main__":
    sys.exit(main())
