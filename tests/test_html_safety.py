"""Promises of the HTML safety check (handbook/safety/html_safety.py, handbook/safety/attr_guard.py): whatever an
editor writes in a page, the HTML it becomes runs no code, loads nothing from other websites and
leaves the page around it intact; or the editor is told, with the file, the line and what to write
instead. Every input is rendered exactly as the site renders Markdown (tests/site_markdown.py).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest
from justhtml import JustHTML
from justhtml.dom import Element

from handbook.safety import attr_guard
from handbook.safety.html_safety import (
    ALLOWED, GLOBAL_ATTRIBUTES, is_within_site, problems, url_as_browser_reads, url_scheme,
)
from handbook.core.project import ROOT
from tests.hostile_inputs import GROUPS, HARMLESS, REFUSED, Hostile, inputs
from tests.site_markdown import render

FIXTURE = Path(__file__).parent / "fixtures" / "every-construct.md"
SOURCE = "docs/testsida.md"
# A page as an editor writes one; the hostile input goes where {input} is, on line INPUT_LINE.
PAGE = """---
owner: Kommunikationsenheten
reviewed: 2026-11-25
review_by: 2027-11-25
document_type: stöd
---

# Testsida

## Avsnitt {{#section}}

{input}

Text efter.
"""
INPUT_LINE = 12
# A message names the file and the line (or says why not), says what is wrong, then what to do.
_WHERE = re.compile(
    rf"^{re.escape(SOURCE)}(:(?P<line>\d+)(?P<section> \(in the section that starts on this line\))?"
    r"| \(line unknown\)): (?P<rest>.+)$", re.S)
_WHAT_TO_DO = re.compile(
    r"\b(Write|Remove|Put|Add|Link|Use|End|Choose|Give|Check|Save|Show|ask a developer)\b")


def check(source: str) -> list[str]:
    return problems(render(source), source_name=SOURCE, markdown=source)


def page_with(text: str) -> str:
    return PAGE.replace("{{", "{").replace("}}", "}").replace("{input}", text)


HOSTILE = inputs()


def test_there_are_at_least_150_hostile_inputs_each_with_its_source():
    assert len(HOSTILE) >= 150
    assert all(group.source and group.inputs for group in GROUPS)
    assert sum(h.expect == REFUSED for h in HOSTILE) >= 150


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.id for h in HOSTILE])
def test_a_hostile_input_is_refused_with_file_line_and_fix_or_rendered_harmless(hostile: Hostile):
    page = page_with(hostile.markdown)
    found = check(page)  # never raises: an exception fails the test
    if hostile.expect == HARMLESS:
        assert found == [], f"{hostile.kind} ({hostile.source}) should render harmless: {found}"
        return
    assert found, f"{hostile.kind} ({hostile.source}) was accepted:\n{render(page)}"
    last_line = INPUT_LINE + hostile.markdown.count("\n")
    for message in found:
        where = _WHERE.match(message)
        assert where, f"the message does not start with the file and line: {message}"
        assert _WHAT_TO_DO.search(where["rest"]), f"the message does not say what to do: {message}"
    exact_lines = [int(m["line"]) for m in map(_WHERE.match, found) if m["line"] and not m["section"]]
    assert any(INPUT_LINE <= line <= last_line for line in exact_lines), (
        f"no message points at the input (lines {INPUT_LINE}-{last_line}): {found}")


def test_every_construct_the_site_uses_passes():
    source = FIXTURE.read_text(encoding="utf-8")
    assert problems(render(source), source_name="every-construct.md", markdown=source) == []


def _elements_and_attributes(html: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    stack = list(JustHTML(html, fragment=True, sanitize=False).root.children)
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            found.setdefault(node.name, set()).update(node.attrs or {})
            stack.extend(node.children or ())
    return found


def test_the_allowlist_is_exactly_what_the_markdown_extensions_produce():
    """The allowlist was derived from the every-construct page; it must not drift from it."""
    produced = _elements_and_attributes(render(FIXTURE.read_text(encoding="utf-8")))
    assert set(produced) == set(ALLOWED), "elements produced vs. allowed differ"
    for element, attributes in ALLOWED.items():
        assert produced[element] - GLOBAL_ATTRIBUTES == attributes, element
    used_globally = set().union(*produced.values()) & GLOBAL_ATTRIBUTES
    assert used_globally == GLOBAL_ATTRIBUTES


def test_every_existing_page_passes():
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        found += problems(render(source), source_name=path.relative_to(ROOT).as_posix(), markdown=source)
    assert found == []


def test_the_whole_site_is_checked_in_well_under_a_tenth_of_a_second():
    pages = [(p.read_text(encoding="utf-8"), p.name) for p in sorted((ROOT / "docs").rglob("*.md"))]
    rendered = [(render(source), name, source) for source, name in pages]
    best = float("inf")
    for _ in range(3):  # CPU time, best of three: other processes on the machine do not count
        start = time.process_time()
        for html, name, source in rendered:
            problems(html, source_name=name, markdown=source)
        best = min(best, time.process_time() - start)
    assert best < 0.1, f"checking {len(pages)} pages took {best:.3f} s"


# --- Code shown as code, and what the check must not confuse with it -----------------------
def test_html_shown_as_code_is_harmless():
    html = ("<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"
            "<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>")
    assert problems(html, source_name=SOURCE, markdown="") == []


def test_a_script_after_a_code_example_of_it_is_traced_to_its_own_line():
    source = page_with("```html\n<script>alert(1)</script>\n```\n\n<script>alert(2)</script>")
    [message] = check(source)
    assert message.startswith(f"{SOURCE}:{INPUT_LINE + 4}: the element <script>"), message


def test_two_remote_images_are_traced_to_their_own_lines():
    source = page_with('<img src="https://a.example/1.png" alt="1">\n\nText.\n\n'
                       '<img src="https://b.example/2.png" alt="2">')
    assert [m.split(": ")[0] for m in check(source)] == [f"{SOURCE}:{INPUT_LINE}",
                                                        f"{SOURCE}:{INPUT_LINE + 4}"]


def test_a_problem_not_found_in_the_source_is_traced_to_its_section_or_said_unknown():
    html = '<h1 id="t">T</h1><h2 id="s">S</h2><p>x</p><script>alert(1)</script>'
    source = "---\nowner: x\n---\n\n# T\n\n## S {#s}\n\nx\n"  # e.g. a hook added the script
    [message] = problems(html, source_name=SOURCE, markdown=source)
    assert message.startswith(f"{SOURCE}:7 (in the section that starts on this line): "), message
    [message] = problems("<script>alert(1)</script>", source_name=SOURCE, markdown="Text.\n")
    assert message.startswith(f"{SOURCE} (line unknown): "), message


def test_text_in_the_front_matter_is_not_taken_for_the_problem():
    source = page_with("<script>alert(1)</script>").replace(
        "owner: Kommunikationsenheten", "owner: <script> unit")
    [message] = check(source)
    assert message.startswith(f"{SOURCE}:{INPUT_LINE}:"), message


# --- URLs as the browser reads them -------------------------------------------------------
@pytest.mark.parametrize("url, scheme", [
    ("javascript:alert(1)", "javascript"),
    ("java\tscript:alert(1)", "javascript"),
    ("java\nscript:alert(1)", "javascript"),
    ("javascript\r:alert(1)", "javascript"),
    (" \x01\x0ejavascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("vbscript:msgbox(1)", "vbscript"),
    ("data:text/html,x", "data"),
    ("https://example.com/", "https"),
    ("mailto:namn@example.com", "mailto"),
    ("page.md", None),
    ("../page/#section", None),
    ("#section", None),
    ("./a:b", None),
    ("java script:alert(1)", None),  # a space: no scheme, a (harmless) relative URL
])
def test_a_url_s_scheme_is_read_as_the_browser_reads_it(url: str, scheme: str | None):
    assert url_scheme(url) == scheme


@pytest.mark.parametrize("url, within", [
    ("bild.png", True), ("bilder/bild.png", True), ("/handbok/bild.png", True), ("#x", True),
    ("//example.com/x.png", False), ("\\\\example.com/x.png", False), ("/\\example.com/x.png", False),
    (" //example.com/x.png", False), ("\t/\t/example.com/x.png", False),
    ("https://example.com/x.png", False), ("data:image/png;base64,AAAA", False),
])
def test_only_relative_urls_without_a_host_are_within_the_site(url: str, within: bool):
    assert is_within_site(url) is within


def test_tabs_and_newlines_inside_a_url_are_ignored_as_by_the_browser():
    assert url_as_browser_reads(" \tjava\tscr\nipt:x \x00") == "javascript:x"


# --- attr_guard: { … } may set only an ID and classes --------------------------------------
def test_braces_cannot_replace_a_link_address_that_markdown_set():
    html = render('[Till sidan](index.md){: href="https://example.com/elsewhere" }')
    link = JustHTML(html, fragment=True, sanitize=False).root.query_one("a")
    assert link.attrs["href"] == "index.md"
    assert attr_guard.decode_refused(link.attrs[attr_guard.MARKER]) == [
        ("href", "https://example.com/elsewhere")]


def test_braces_may_set_an_id_classes_and_data_search_exclude():
    html = render("Text.\n{: #ett-id .en .tva data-search-exclude }")
    paragraph = JustHTML(html, fragment=True, sanitize=False).root.query_one("p")
    assert paragraph.attrs == {"id": "ett-id", "class": "en tva", "data-search-exclude": ""}


def test_a_hand_written_refusal_mark_is_reported_as_itself():
    assert attr_guard.decode_refused("not json") == [(attr_guard.MARKER, "not json")]
    assert check(page_with(f'<p {attr_guard.MARKER}="x">text</p>'))


def test_the_guard_must_come_after_attr_list():
    md = markdown.Markdown(extensions=["handbook.safety.attr_guard", "attr_list"])
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="after attr_list"):
        md.convert("Text.\n{: onclick=alert(1) }")


def test_mkdocs_yml_lists_the_guard_after_attr_list():
    from handbook.core.project import MKDOCS_FILE, load_mkdocs_config

    names = [e if isinstance(e, str) else type(e).__module__ for e in load_mkdocs_config(MKDOCS_FILE).markdown_extensions]
    assert names.index("handbook.safety.attr_guard") > names.index("attr_list")
