"""Promises kept on every page of both languages, and on both 404 pages, at a desktop and at a
phone width, in Chromium, served by Debian's nginx with deploy/nginx.conf's headers.

The pages are visited once (tests/tour.py), with every recorder on, and each promise reads what
the visit saw: axe-core's WCAG 2.1 AA and best-practice rules, no console error or failed
request, no request to another host, and no breach of the production Content-Security-Policy.
On each start page the tour also searches and switches language, as a reader does.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from handbook.safety import security_headers as sh
from tests import tour


@pytest.fixture(scope="module")
def site_tour(browser, server, site):
    """What each visit logged, requested, violated, and what axe found, by width and URL."""
    return tour.take(browser, site)


@pytest.fixture(scope="module")
def desktop_tour(site_tour):
    return site_tour["desktop"]


@pytest.fixture(scope="module")
def mobile_tour(site_tour):
    return site_tour["mobile"]


@pytest.mark.parametrize("width", ["desktop", "mobile"], ids=["desktop-1280px", "mobile-375px"])
def test_axe_finds_no_wcag_21_aa_or_best_practice_violation_on_any_page_in_either_language(site_tour, width):
    visits = site_tour[width]
    assert len(visits) >= 18
    assert [f"{url}: {v}" for url, visit in visits.items() for v in visit.axe] == []


def test_every_page_loads_with_no_console_error_and_no_failed_request(site, desktop_tour, mobile_tour):
    problems = []
    for width, visits in (("1280px", desktop_tour), ("375px", mobile_tour)):
        for url, visit in visits.items():
            missing = "ingen-sadan-sida" in url
            assert visit.status == (404 if missing else 200), url
            # A missing page's own 404 status is logged by Chromium; that one is expected.
            errors = [e for e in visit.console_errors if not (missing and "status of 404" in e)]
            if errors or visit.failed_requests:
                problems.append(f"{url} at {width}: {errors} {visit.failed_requests}")
    assert problems == []


def test_no_request_leaves_the_site_while_reading_searching_and_switching_language(site, desktop_tour):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    starts = [site.url + lang.url_prefix() for lang in site.languages]
    assert all(desktop_tour[url].search_results for url in starts), "the tour searched on each start page"
    elsewhere = [r for visit in desktop_tour.values() for r in visit.requests
                 if not r.startswith(origin) and not r.startswith("data:")]
    assert elsewhere == []


def test_under_nginx_no_page_violates_the_csp_and_search_still_works(site, server, desktop_tour, mobile_tour):
    csp = sh.deployed_policy()  # one policy for both engines' builds (tests/test_deploy.py)
    assert sh.missing_sources(csp, site.dir) == []
    violations, elsewhere = [], []
    for visits in (desktop_tour, mobile_tour):
        for url, visit in visits.items():
            assert visit.csp_header == csp, url
            violations += [f"{url}: {v}" for v in visit.csp_violations]
            violations += [f"{url}: {m}" for m in visit.console_errors if "Content Security Policy" in m]
            elsewhere += [r for r in visit.requests if not r.startswith((server, "data:"))]
    for lang in site.languages:
        found = desktop_tour[server + lang.url_prefix()].search_results
        assert found, f"search on the {lang.name} start page finds nothing under the production CSP"
        others = [a for a in found if (a.startswith(server + "en/")) != (lang.locale == "en")]
        assert not others, f"search on the {lang.name} start page found pages of the other language: {others}"
    assert not violations, "The production CSP blocks something:\n" + "\n".join(violations)
    assert not elsewhere, f"Requests to another origin: {elsewhere}"
