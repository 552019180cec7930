"""Promise checked in Chromium: HTML that the safety check accepts runs no script, opens no dialog
and requests nothing from another host, even served without the site's Content-Security-Policy
(as when a pull request's built site is previewed).

The page is the built site's start page (the session's build, shared with the other browser
tests) with its article replaced by the every-construct page and every hostile input that Markdown
renders harmless (tests/hostile_inputs.py), each rendered as the site renders Markdown. So
Material's own JavaScript runs on the content too (it is what would fetch a diagram program from
unpkg.com for a <pre class="mermaid">). Every element of the article then gets the events an
editor's handler could wait for. Further tests run the same harness on inputs the check refuses,
to show that it does see script, dialogs, requests to other hosts and a broken page.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from handbook.safety.html_safety import problems
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
  for (const element of document.querySelectorAll("article, article *")) {
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
  links: [...document.querySelectorAll("article a[href]")].map(a => a.protocol),
  images: [...document.querySelectorAll("article img")].map(i => i.src ? new URL(i.src).host : ""),
  handlers: [...document.querySelectorAll("body, article, article *")].flatMap(
    e => [...e.attributes].filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
  scripts: document.querySelectorAll("article script").length,
  endIntact: document.getElementById("page-end")?.parentElement?.matches(".md-content")
             && document.querySelector("article + #page-end") !== null,
  footer: document.querySelector(".md-container > footer.md-footer") !== null,
  canary: window.__xss,
})
"""
LINK_PROTOCOLS = {"http:", "https:", "mailto:", "tel:"}


_ARTICLE = '<article class="md-content__inner md-typeset">'


def page_with_content(site_page: str, fragments: list[str]) -> str:
    """The built page with its article's content replaced by ``fragments``, and a marker for the
    rest of the page right after the article."""
    start = site_page.index(_ARTICLE) + len(_ARTICLE)
    end = site_page.rindex("</article>")
    cases = "".join(f"<div>{fragment}</div>" for fragment in fragments)
    return (site_page[:start] + cases + "</article><p id='page-end'>Sidans slut</p>"
            + site_page[end + len("</article>"):])


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The built site's files, and the test pages; no Content-Security-Policy header."""

    pages: dict[str, bytes] = {}

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - the standard library's name
        body = self.pages.get(urlsplit(self.path).path)
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def serve(site) -> Iterator:
    """serve(name, fragments) -> the URL, on 127.0.0.1, of the site's start page holding them."""
    site_page = (site.dir / "index.html").read_text(encoding="utf-8")
    handler = type("Handler", (_Handler,), {"pages": {}})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site.dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def _serve(name: str, fragments: list[str]) -> str:
        handler.pages[f"/{name}"] = page_with_content(site_page, fragments).encode("utf-8")
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
    record = visit(browser, serve("accepted.html", fragments))
    seen = record.seen
    assert seen["canary"] == [] and record.dialogs == [], (seen["canary"], record.dialogs)
    assert record.other_hosts == []
    assert seen["scripts"] == 0 and seen["handlers"] == []
    assert set(seen["links"]) <= LINK_PROTOCOLS, seen["links"]
    assert set(seen["images"]) <= {urlsplit(serve("x.html", [])).netloc}, seen["images"]
    assert seen["endIntact"] and seen["footer"], "the content broke the page around it"
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
    '<pre class="mermaid">graph TD; A-->B</pre>',  # Material's JavaScript fetches from unpkg.com
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
    record = visit(browser, serve("refused.html", fragments))
    labels = {markdown.split("'")[1] for markdown in RUNS_SCRIPT}
    seen = {call.split("(", 1)[1].rstrip(")") for call in record.seen["canary"]}
    assert labels <= seen, f"the harness missed {labels - seen}"
    assert len(record.dialogs) >= len(labels)
    hosts = {urlsplit(url).hostname for url in record.other_hosts}
    assert {"example.com", "unpkg.com"} <= hosts, record.other_hosts


def test_the_harness_sees_a_page_broken_by_its_content(browser, serve):
    markdown = "<textarea>\n\nResten av sidan."
    assert check(page_with(markdown))
    record = visit(browser, serve("broken.html", [render(page_with(markdown))]))
    assert not record.seen["endIntact"]
