"""How well search answers a set of staff questions: the figures the tests and the benchmark use.

A question set is a YAML file with, per language, a list of ``{query, expect}``; ``expect`` is
``<Swedish page file>#<section id>`` (or a page file alone). For each language it counts how
often the expected section is the first answer and among the first three, how often its page is
among the first three pages, and which questions return nothing.

    uv run python -m handbook.search.search_quality tests/search_cases.yml            # figures
    uv run python -m handbook.search.search_quality tests/search_cases.yml --misses   # and each miss

``tests/search_held_out_8.yml`` is the held-out set of round seven (issue #22): written from the
published pages alone, in the words staff use, by someone who saw neither the search code, the
search words nor the other sets, and never tuned on. Its misses are printed only with ``--misses
--held-out``, for a final report. The held-out sets of the earlier rounds are development sets
now, their misses read in the round after the one they judged: ``tests/search_held_out.yml``
(round one), ``tests/search_held_out_2.yml`` (round two), ``tests/search_held_out_3.yml`` (round
three), ``tests/search_held_out_5.yml`` (round four), ``tests/search_held_out_6.yml`` (round five)
and ``tests/search_held_out_7.yml`` (round six); and ``tests/search_dev_4.yml`` was written as one.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.core.project import ROOT, HandbookError, Language, languages, section_reference_problem

# Question sets that are never tuned on: their misses are not printed for tuning.
HELD_OUT = ("search_held_out_8.yml",)


def load_questions(path: Path, langs: list[Language]) -> dict[str, list[dict]]:
    """The questions per locale, each naming a real page#section, or an error naming file and entry."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    locales = [lang.locale for lang in langs]
    problems = []
    for locale, cases in data.items():
        if locale not in locales:
            problems.append(f"{path.name}: '{locale}' is not a language of the site ({', '.join(locales)}).")
            continue
        for number, case in enumerate(cases, start=1):
            problem = section_reference_problem(case.get("expect", ""), ROOT / "docs", langs)
            if problem or not str(case.get("query", "")).strip():
                problems.append(f"{path.name}: {locale} case {number} ({case.get('query')!r}): {problem or 'has no query'}")
    if problems:
        raise HandbookError("\n".join(problems))
    return data


def expected_location(lang: Language, target: str) -> str:
    """'facebook-konton.md#one-account' -> 'facebook-konton/#one-account', as in the index."""
    page, _, section_id = target.partition("#")
    stem = page[: -len(".md")]
    path = "" if stem == "index" else stem + "/"
    return path + (f"#{section_id}" if section_id else "")


def _page(location: str) -> str:
    return location.split("#")[0]


def hits(location: str, expected: str) -> bool:
    """A result answers an expectation: the same section, or any part of an expected page."""
    return location == expected or ("#" not in expected and _page(location) == expected)


@dataclass
class Score:
    """The figures of one language."""

    questions: int = 0
    first: int = 0
    top3: int = 0
    page_top3: int = 0
    none: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, query: str, expected: str, answers: list[str]) -> None:
        self.questions += 1
        pages = list(dict.fromkeys(_page(a) for a in answers))
        if answers and hits(answers[0], expected):
            self.first += 1
        if any(hits(a, expected) for a in answers[:3]):
            self.top3 += 1
        else:
            self.misses.append(f"{query!r}: expected {expected or '(start page)'}, got {answers[:3]}")
        if _page(expected) in pages[:3]:
            self.page_top3 += 1
        if not answers:
            self.none.append(query)

    def share(self, count: int) -> float:
        return count / self.questions if self.questions else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: {self.questions} questions; right section first {self.share(self.first):.0%}, "
                f"in top 3 {self.share(self.top3):.0%}; right page in top 3 {self.share(self.page_top3):.0%}; "
                f"no results {len(self.none)}")


def score_questions(questions: list[dict], lang: Language, answer) -> Score:
    """Scores ``answer(query) -> [locations in the order the reader meets them]``."""
    score = Score()
    for case in questions:
        score.add(case["query"], expected_location(lang, case["expect"]), answer(case["query"]))
    return score


def main(argv: list[str] | None = None) -> int:
    from handbook.search.search_command import SiteSearch, answer_locations, built_site

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", type=Path, help="a question set (YAML)")
    parser.add_argument("--misses", action="store_true", help="also print each question not in the top 3")
    parser.add_argument("--held-out", action="store_true", help=f"allow --misses on {' or '.join(HELD_OUT)} (final report only)")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    if args.misses and args.questions.name in HELD_OUT and not args.held_out:
        print(f"{args.questions.name} is a held-out set: its misses are not for tuning. Add --held-out for the "
              "final report.", file=sys.stderr)
        return 2
    langs = languages()
    questions = load_questions(args.questions, langs)
    site = args.site or built_site()
    for lang in langs:
        with SiteSearch(site, lang) as search:
            score = score_questions(questions.get(lang.locale, []), lang,
                                    lambda q: answer_locations(search.ask(q)))
        print(score.line(f"{args.questions.name} {lang.locale}"))
        if args.misses:
            for miss in score.misses:
                print(f"  miss: {miss}")
            for query in score.none:
                print(f"  no results: {query!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
