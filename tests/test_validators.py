"""Validators that others maintain find no error on any page of either language, 404 pages
included: the Nu Html Checker (the W3C's validator) on the built HTML (and on handbook-preview's
files, in the same run), and pa11y's
HTML_CodeSniffer (WCAG 2 AA) on the pages as nginx serves them and Chromium shows them.

Both are pinned in tests/tools/ (tests/validators.py says how they run). Without Java or
`npm ci --prefix tests/tools` these tests are skipped with a loud reason, and fail in CI.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, not_installed
from tests.search import answers
from tests.validators import missing_tools, pa11y_issues, vnu_messages

MISSING = "ingen-sadan-sida/"  # no page has this name: the server answers with the 404 page


@pytest.fixture(scope="module")
def tools() -> None:
    reason = missing_tools()
    if reason:
        not_installed(f"VALIDATOR TESTS NOT RUN: {reason}.")


def _built_pages(site) -> dict[Path, str]:
    """Every built HTML page -> the file an editor changes for its content."""
    pages = {}
    for lang in site.languages:
        for page in site.pages(lang):
            pages[site.html_file(lang, page)] = f"docs/{lang.source_name(page)}"
        pages[site.dir / lang.url_prefix() / "404.html"] = f"overrides/404.html ({lang.name})"
    return pages


def _content_lines(html: Path) -> range:
    """The lines of a built page that come from its Markdown: its <article>."""
    lines = html.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines, 1) if "<article" in line), 0)
    end = next((i for i, line in enumerate(lines, 1) if "</article>" in line and i >= start), 0)
    return range(start, end + 1)


@dataclass(frozen=True)
class Finding:
    message: str
    element: str
    page: str  # the page's source file, e.g. docs/facebook-konton.md
    content: str | None  # where in the Markdown's part of the page, None when from a template


def _report(findings: list[Finding], pages: int) -> str:
    """One block per message and element, naming the pages: from their Markdown or a template."""
    groups: dict[tuple[str, str, bool], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.message, f.element, f.content is None)].append(f)
    blocks = []
    for (message, element, template), found in groups.items():
        if template:
            on = "every page" if len({f.page for f in found}) == pages else ", ".join(sorted({f.page for f in found}))
            where = f"from the templates (overrides/ or Material's), not the Markdown, on {on}"
        else:
            where = "in " + ", ".join(sorted(f"{f.page} ({f.content})" for f in found))
        blocks.append(f"- {message}\n    element: {element}\n    {where}")
    return "\n".join(blocks)


# --- the Nu Html Checker ----------------------------------------------------------------------

def test_the_nu_html_checker_finds_no_error_on_any_page_of_either_language_or_any_change_preview(
        site, tools, previewed_change):
    pages = _built_pages(site)
    assert set(site.dir.rglob("*.html")) == set(pages), "a built HTML file that this test does not know"
    # handbook-preview's files (tests/test_change_preview.py), in the same run of the checker.
    previews = previewed_change / "forhandsvisning"
    pages |= {html: f"handbook-preview {html.relative_to(previews)}" for html in previews.rglob("*.html")}
    messages = vnu_messages(sorted(pages))
    assert {m["file"] for m in messages} <= set(pages), "the checker reports on files it was not given"

    def finding(m: dict) -> Finding:
        html, line = m["file"], m.get("lastLine", 0)
        built = html.relative_to(site.dir) if html.is_relative_to(site.dir) else html.name
        content = f"built {built}, line {line}" if line in _content_lines(html) else None
        extract, start = m.get("extract", ""), m.get("hiliteStart", 0)
        element = extract[start : start + m["hiliteLength"]] if "hiliteLength" in m else extract
        return Finding(m["message"], " ".join(element.split()), pages[html], content)

    # Warnings are the checker's advice on markup that is valid HTML (e.g. "the type attribute
    # is unnecessary for JavaScript resources", "consider adding a lang attribute"): they are
    # shown in the test summary, but only errors (markup the HTML standard forbids, which
    # browsers and assistive technology must guess at) fail.
    advice = [finding(m) for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    if advice:
        warnings.warn(f"The Nu Html Checker advises:\n{_report(advice, len(pages))}", stacklevel=1)
    errors = [finding(m) for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, f"The Nu Html Checker finds {len(errors)} error(s):\n{_report(errors, len(pages))}"


# --- pa11y (HTML_CodeSniffer, WCAG2AA) ----------------------------------------------------------

# The errors that remain, each by its rule (code) and its element, with the reason it is not a
# failure of the site. The test fails when one no longer occurs: then remove it here.
# None now (Material's search form, without a submit button, was one: H32.2).
PA11Y_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _excepted(issue: dict) -> tuple[str, str] | None:
    for code, element in PA11Y_EXCEPTIONS:
        if issue["code"] == code and issue["context"].startswith(element):
            return code, element
    return None


def test_pa11y_finds_no_wcag2aa_error_on_any_page_of_either_language_beyond_the_explained_ones(
    site, server, tools,
):
    if not Path(CHROMIUM).exists():
        not_installed(f"BROWSER TESTS NOT RUN: no Chromium at {CHROMIUM}. Install Debian's chromium.")
    urls = {site.page_url(lang, page): f"docs/{lang.source_name(page)}"
            for lang in site.languages for page in site.pages(lang)}
    for lang in site.languages:
        urls[server + lang.url_prefix() + MISSING] = f"overrides/404.html ({lang.name})"
    issues = pa11y_issues(list(urls), CHROMIUM)
    assert set(issues) == set(urls), "pa11y did not check every page"

    errors, used = [], set()
    for url, found in issues.items():
        for issue in found:
            exception = _excepted(issue)
            if exception:
                used.add(exception)
                continue
            content = issue["selector"] if issue["inContent"] else None
            errors.append(Finding(f"{issue['code']}: {issue['message']}", " ".join(issue["context"].split()),
                                  urls[url], content))
    assert not errors, f"pa11y (HTML_CodeSniffer, WCAG2AA) finds {len(errors)} error(s):\n{_report(errors, len(urls))}"
    stale = set(PA11Y_EXCEPTIONS) - used
    assert not stale, f"These pa11y exceptions no longer occur; remove them from PA11Y_EXCEPTIONS: {stale}"


@pytest.mark.parametrize("locale, query", [("sv", "dubbla konton"), ("en", "two accounts")])
def test_typing_in_search_changes_no_context_and_enter_opens_the_best_result(site, open_page, locale, query):
    lang = next(lang for lang in site.languages if lang.locale == locale)
    home = site.url + lang.url_prefix()
    page, record, _ = open_page(home)
    found = answers(page, query)  # typed with real key presses
    assert found, f"{query!r} finds nothing on {home}"
    # Typing changed no context: the same page, focus still in the search field.
    assert page.url == home
    assert page.evaluate("document.activeElement.matches('input.handbook-search__input')")
    links = page.eval_on_selector_all(".handbook-search__link", "els => els.map(a => a.href)")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != home, timeout=5000)
    assert page.url in links, f"Enter opened {page.url}, not a search result"
    assert record.console_errors == [] and record.failed_requests == []
