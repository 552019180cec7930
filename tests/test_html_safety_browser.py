"""Promise checked in Chromium: HTML that the safety check accepts runs no script, opens no dialog
and requests nothing from another host, even served without the site's Content-Security-Policy
(as when a pull request's built site is previewed).

The page holds the every-construct page and every hostile input that Markdown renders harmless
(tests/hostile_inputs.py), each rendered as the site renders Markdown, inside the same wrappers
as Material's page. Every element then gets the events an editor's handler could wait for.
A second test runs the same harness on inputs the check refuses, to show that it does see script,
dialogs and requests to other hosts when they happen.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from handbook.html_safety import problems
from tests.hostile_inputs import HARMLESS, inputs
from tests.site_markdown import render
from tests.test_html_safety import FIXTURE, SOURCE, check, page_with

# Runs before anything on the page: every way to show a dialog or print is recorded.
CANARY = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__xss.push(name + "(" + args.map(String).join(", ") + ")");
    return name === "print" || name === "open" ? null : original.apply(window, args);
  };
}
"""
# Gives every element the events that handlers (onmouseover=, onfocus=, ontoggle=…) wait for,
# opens every <details>, and scrolls. Links are not followed: Chromium's reading of each link's
# address is checked instead.
INTERACT = """
async () => {
  const events = ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "click",
                  "dblclick", "contextmenu", "pointerdown", "pointerover", "pointerenter", "focus",
                  "focusin", "blur", "keydown", "keyup", "copy", "cut", "paste", "wheel", "input",
                  "change", "toggle", "animationstart", "animationend", "transitionend"];
  for (const element of document.querySelectorAll("body *")) {
    for (const type of events) {
      const event = new Event(type, {bubbles: true, cancelable: true});
      if (element.tagName === "A") element.addEventListener(type, e => e.preventDefault(), {once: true});
      element.dispatchEvent(event);
    }
    if (element.tagName === "DETAILS") element.open = !element.open;
  }
  window.scrollTo(0, document.body.scrollHeight);
  await new Promise(resolve => setTimeout(resolve, 300));
}
"""
# What Chromium itself made of the page: link protocols, image hosts, handlers, the page frame.
INSPECT = """
() => ({
  links: [...document.querySelectorAll("a[href]")].map(a => a.protocol),
  images: [...document.images].map(i => i.src ? new URL(i.src).host : ""),
  handlers: [...document.querySelectorAll("*")].flatMap(
    e => [...e.attributes].filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
  scripts: document.scripts.length,
  endIntact: document.getElementById("page-end")?.parentElement === document.body,
  canary: window.__xss,
})
"""
LINK_PROTOCOLS = {"http:", "https:", "mailto:", "tel:"}


def document(fragments: list[str]) -> str:
    """A page with the content in Material's wrappers, and a marker for the rest of the page."""
    cases = "".join(f"<div>{fragment}</div>" for fragment in fragments)
    return ("<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'><title>Test</title></head>"
            "<body><div><main><div><div><article>" + cases + "</article></div></div></main></div>"
            "<p id='page-end'>Sidans slut</p></body></html>")


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - the standard library's name
        body = self.pages.get(urlsplit(self.path).path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")  # and no CSP
        self.end_headers()
        self.wfile.write(body or b"")


@pytest.fixture(scope="module")
def serve() -> Iterator:
    """serve(html) -> the URL of that HTML on 127.0.0.1."""
    handler = type("Handler", (_Handler,), {"pages": {}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def _serve(name: str, html: str) -> str:
        handler.pages[f"/{name}"] = html.encode("utf-8")
        return f"http://127.0.0.1:{httpd.server_address[1]}/{name}"

    yield _serve
    httpd.shutdown()


@dataclass
class Visit:
    dialogs: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    seen: dict = field(default_factory=dict)


def visit(browser, url: str) -> Visit:
    """Opens ``url`` in a fresh context, interacts with everything, and records what happened."""
    record = Visit()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(CANARY)

        def route(route_, request):
            if urlsplit(request.url).hostname != "127.0.0.1":
                record.other_hosts.append(request.url)
                return route_.abort()
            return route_.continue_()

        page.route("**/*", route)
        page.on("dialog", lambda dialog: (record.dialogs.append(f"{dialog.type}: {dialog.message}"),
                                          dialog.dismiss()))
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.evaluate(INTERACT)
        record.seen = page.evaluate(INSPECT)
    finally:
        context.close()
    return record


def accepted_fragments() -> list[str]:
    fixture = FIXTURE.read_text(encoding="utf-8")
    fragments = [render(fixture)]
    for hostile in inputs():
        if hostile.expect == HARMLESS:
            fragments.append(render(page_with(hostile.markdown)))
    return fragments


def test_what_the_check_accepts_runs_no_script_opens_no_dialog_and_loads_nothing_from_elsewhere(
        browser, serve):
    fragments = accepted_fragments()
    content = "".join(f"<div>{fragment}</div>" for fragment in fragments)
    # The check accepts the whole page that the browser gets, not just each piece.
    assert problems(content, source_name=SOURCE, markdown="") == []
    record = visit(browser, serve("accepted.html", document(fragments)))
    seen = record.seen
    assert seen["canary"] == [] and record.dialogs == [], (seen["canary"], record.dialogs)
    assert record.other_hosts == []
    assert seen["scripts"] == 0 and seen["handlers"] == []
    assert set(seen["links"]) <= LINK_PROTOCOLS, seen["links"]
    assert set(seen["images"]) <= {urlsplit(serve("x", "")).netloc}, seen["images"]
    assert seen["endIntact"], "the content broke the page around it"
    assert record.page_errors == []
    assert len(fragments) > 50


# Inputs the check refuses, each calling alert() with its own label (or loading from elsewhere).
# The drawing comes last: an unclosed <svg> takes in what follows it.
RUNS_SCRIPT = [
    "<img src=x onerror=\"alert('img-onerror')\">",
    "<details open ontoggle=\"alert('details-ontoggle')\">x</details>",
    "<p onmouseover=\"alert('p-onmouseover')\">x</p>",
    "<body onload=\"alert('body-onload')\">",
    "[x](index.md){ onclick=\"alert('attr-list-onclick')\" }",
    "<svg><animate onbegin=\"alert('svg-onbegin')\" attributeName=x dur=1s>",
]
LOADS_FROM_ELSEWHERE = [
    "![Bild](https://example.com/spion.png)",
    '<link rel=stylesheet href="https://example.com/x.css">',
]


def test_the_harness_sees_script_dialogs_and_other_hosts_when_they_happen(browser, serve):
    """The same harness, on inputs the check refuses: it must notice each of them. (A test that
    cannot fail proves nothing.)"""
    for markdown in RUNS_SCRIPT + LOADS_FROM_ELSEWHERE:
        assert check(page_with(markdown)), f"meant to be refused by the check: {markdown}"
    fragments = [render(page_with(markdown)) for markdown in LOADS_FROM_ELSEWHERE + RUNS_SCRIPT]
    # attr_guard does not apply onclick from { … }; put it back as attr_list alone would have.
    fragments = [f.replace('data-handbook-refused="[[&quot;onclick&quot;, &quot;alert(\'attr-list-'
                           'onclick\')&quot;]]"', "onclick=\"alert('attr-list-onclick')\"")
                 for f in fragments]
    record = visit(browser, serve("refused.html", document(fragments)))
    labels = {markdown.split("'")[1] for markdown in RUNS_SCRIPT}
    seen = {call.split("(", 1)[1].rstrip(")") for call in record.seen["canary"]}
    assert labels <= seen, f"the harness missed {labels - seen}"
    assert len(record.dialogs) >= len(labels)
    assert {u for u in record.other_hosts} >= {"https://example.com/spion.png",
                                               "https://example.com/x.css"}


def test_the_harness_sees_a_page_broken_by_its_content(browser, serve):
    markdown = "<textarea>\n\nResten av sidan."
    assert check(page_with(markdown))
    record = visit(browser, serve("broken.html", document([render(page_with(markdown))])))
    assert not record.seen["endIntact"]
