"""One visit of every page, shared by the promises that only watch what a page does.

Opening a page in Chromium costs most of a browser test; several promises (no console error or
failed request, no request to another host, no CSP violation under nginx's production headers,
no axe violation) only need to watch the same page load. So a tour visits every page of both
languages, and both 404 pages, at a desktop and at a phone width at the same time (two tabs,
whose axe runs go side by side on the machine's cores), with every recorder on, and the tests
read what it saw. On each start page, at desktop width, it also searches and switches language,
as a reader does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import axe_playwright_python

from tests.search import answers

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.1 A and AA, and axe's best practices, which Lighthouse's accessibility score counts too
# (a dialog without a name, a page without a main landmark ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 740}
WIDTHS = {"desktop": DESKTOP, "mobile": MOBILE}
SEARCHES = {"sv": "facebook", "en": "account"}

_COLLECT_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}: ${e.sample}`));
"""
# axe started without waiting for it, so that the two tabs' runs overlap.
_START_AXE = """tags => { window.__axe = null;
  axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => { window.__axe = r.violations; }); }"""


@dataclass
class Visit:
    url: str
    status: int = 0
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    csp_header: str | None = None
    axe: list[str] = field(default_factory=list)
    search_results: list[str] = field(default_factory=list)


def every_url(site) -> list[str]:
    """Every page of both languages, and a missing page under each language (its 404 page)."""
    urls = [site.page_url(lang, page) for lang in site.languages for page in site.pages(lang)]
    return urls + [site.url + "ingen-sadan-sida/", site.url + "en/ingen-sadan-sida/"]


def _described(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in violations]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the page as it is now."""
    page.evaluate(AXE)
    return _described(page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", AXE_TAGS))


class _Tab:
    """One tab at one width, recording into the visit of the URL it is on."""

    def __init__(self, browser, viewport: dict):
        self.context = browser.new_context(viewport=viewport)
        self.context.add_init_script(_COLLECT_CSP)
        self.page = self.context.new_page()
        self.visit = Visit("")
        page = self.page
        page.on("console", lambda m: self.visit.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.visit.console_errors.append(str(e)))
        page.on("request", lambda r: self.visit.requests.append(r.url))
        # Leaving a page cancels its unfinished downloads (net::ERR_ABORTED): not a failure.
        page.on("requestfailed", lambda r: self.visit.failed_requests.append(f"{r.url} ({r.failure})")
                if "ERR_ABORTED" not in (r.failure or "") else None)
        page.on("response", lambda r: self.visit.failed_requests.append(f"{r.url} ({r.status})")
                if r.status >= 400 and r.url != self.visit.url else None)


def take(browser, site) -> dict[str, dict[str, Visit]]:
    """Visit every URL at each width of WIDTHS: {"desktop": {url: Visit}, "mobile": {…}}."""
    tabs = {name: _Tab(browser, viewport) for name, viewport in WIDTHS.items()}
    tours: dict[str, dict[str, Visit]] = {name: {} for name in tabs}
    try:
        for url in every_url(site):
            responses = {}
            for name, tab in tabs.items():
                tab.visit = tours[name][url] = Visit(url)
                responses[name] = tab.page.goto(url, wait_until="commit")
            for name, tab in tabs.items():
                tab.page.wait_for_load_state("load")
                tab.visit.status = responses[name].status
                tab.visit.csp_header = responses[name].headers.get("content-security-policy")
                tab.page.evaluate(AXE)
                tab.page.evaluate(_START_AXE, AXE_TAGS)
            for tab in tabs.values():
                tab.page.wait_for_function("() => window.__axe !== null", timeout=60_000)
                tab.visit.axe = _described(tab.page.evaluate("window.__axe"))
                tab.visit.csp_violations = tab.page.evaluate("window.__csp")
            start = next((lang for lang in site.languages if url == site.url + lang.url_prefix()), None)
            if start:  # a reader searches, then switches language through the selector
                page, visit = tabs["desktop"].page, tabs["desktop"].visit
                visit.search_results = answers(page, SEARCHES[start.locale])
                visit.csp_violations = page.evaluate("window.__csp")  # all of this page's, so far
                page.keyboard.press("Escape")
                page.locator(".md-header .md-select").hover()
                with page.expect_navigation():
                    page.locator(".md-select__link").last.click()
                page.wait_for_load_state("load")
                visit.csp_violations += page.evaluate("window.__csp")
    finally:
        for tab in tabs.values():
            tab.context.close()
    return tours
