"""Promises about what changed, and when: change notes on every page, a "Senaste ändringar" page
and a feed per language. The real pages have no notes yet (nothing is invented), so the built
promises are checked on a copy of the handbook with notes, built once for this module."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from bs4 import BeautifulSoup

from handbook.editors import review_report
from handbook.pages import change_notes
from handbook.core.project import Language
from tests.conftest import build, copy_project
from tests.test_editor_mistakes import check_output, edit

SITE_URL = "https://intranat.example/handbok/"
NOTES = {
    "facebook-konton": [("2027-02-01", "Nytt avsnitt om grupper.", "New section on groups."),
                        ("2026-12-01", "Förtydligat vem som ser vad.", "Clarified who sees what.")],
    "elever-och-brukare": [("2027-01-15", "Nytt stycke om arbetsdatorn.", "New paragraph on the work computer.")],
    "fortroendevalda-och-chefer": [("2026-12-20", "Omfattar nu nämndordförande.", "Now covers committee chairs.")],
}


def add_notes(project, page: str, notes) -> None:
    for suffix, index in ((".md", 1), (".en.md", 2)):
        lines = "".join(f"  - date: {date}\n    note: {texts[index - 1]}\n" for date, *texts in notes)
        edit(project, page + suffix, "\n---\n", f"\nchanges:\n{lines}---\n")


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("notes") / "project")
    for page, notes in NOTES.items():
        add_notes(project, page, notes)
    result = build(project, project / "site", SITE_URL, HANDBOOK_PDF="0", SOURCE_DATE_EPOCH="1767225600")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_page_shows_its_last_change_and_all_changes_in_a_disclosure_in_its_language(noted):
    for prefix, label, last, show_all, first in (
            ("", "Senast ändrad", "1 februari 2027: Nytt avsnitt om grupper.", "Visa alla ändringar", "1 december 2026"),
            ("en/", "Last changed", "1 February 2027: New section on groups.", "Show all changes", "1 December 2026")):
        facts = soup(noted, prefix + "facebook-konton").select_one("aside.handbook-page-facts")
        line = facts.select_one(".handbook-last-change")
        assert line.get_text(" ", strip=True).replace(" :", ":") == f"{label} {last}"
        details = facts.select_one("details.handbook-changes")
        assert details.summary.get_text(strip=True) == show_all and not details.has_attr("open")
        items = [li.get_text(" ", strip=True) for li in details.select("li")]
        assert len(items) == 2 and items[1].startswith(first), items
    plain = soup(noted, "kontakta-oss").select_one("aside.handbook-page-facts")
    assert plain.select_one(".handbook-last-change") is None and plain.select_one("details") is None


def test_recent_changes_are_listed_newest_first_and_the_start_page_shows_the_latest_three(noted):
    for prefix in ("", "en/"):
        listing = soup(noted, prefix + "senaste-andringar").select("article li")
        dates = [li.find("a") and li.get_text(" ", strip=True) for li in listing]
        assert len(listing) == 4, dates
        hrefs = [li.a["href"] for li in listing]
        assert hrefs == ["../facebook-konton/", "../elever-och-brukare/", "../fortroendevalda-och-chefer/", "../facebook-konton/"]
        start = soup(noted, prefix).select_one("#recent-changes")
        shown = start.find_next("ul").select("li")
        assert [li.a["href"] for li in shown] == ["facebook-konton/", "elever-och-brukare/", "fortroendevalda-och-chefer/"]
    assert "Nytt stycke om arbetsdatorn." in soup(noted, "").select_one("#recent-changes").find_next("ul").get_text()
    assert "New paragraph on the work computer." in soup(noted, "en/").select_one("#recent-changes").find_next("ul").get_text()


def test_each_language_has_a_valid_atom_feed_of_its_changes_with_absolute_links(noted):
    for prefix, note in (("", "Nytt avsnitt om grupper."), ("en/", "New section on groups.")):
        feed = feedparser.parse((noted / prefix / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10"
        assert feed.feed.link == SITE_URL + prefix and feed.feed.language == (prefix.strip("/") or "sv")
        assert [e.link for e in feed.entries] == [SITE_URL + prefix + p + "/" for p in (
            "facebook-konton", "elever-och-brukare", "fortroendevalda-och-chefer", "facebook-konton")]
        assert feed.entries[0].summary == note and feed.entries[0].updated.startswith("2027-02-01")
        assert len({e.id for e in feed.entries}) == 4
        head = soup(noted, prefix + "facebook-konton").find("link", type="application/atom+xml")
        assert head["href"] in ("../feed.xml",) and head["title"]


def test_the_feed_is_the_same_bytes_for_the_same_notes_whatever_the_build_date():
    lang = Language("sv", "Svenska", True)
    changes = [change_notes.PageChange("x.md", "X", "x/", change_notes.Change(dt.date(2027, 2, 1), "Ny."))]
    feeds = {change_notes.atom_feed(changes, site_url=SITE_URL, lang=lang, title="T", author="A",
                                    fallback_updated=day) for day in (dt.date(2026, 1, 1), dt.date(2030, 5, 5))}
    assert len(feeds) == 1
    empty = change_notes.atom_feed([], site_url=SITE_URL, lang=lang, title="T", author="A", fallback_updated=dt.date(2026, 1, 1))
    assert not feedparser.parse(empty.encode()).bozo and "<updated>2026-01-01T00:00:00Z</updated>" in empty


def test_the_real_pages_have_no_invented_history(site):
    for lang in site.languages:
        html = site.html_file(lang, "senaste-andringar.md").read_text(encoding="utf-8")
        assert ("Inga ändringar har noterats ännu." if lang.default else "No changes have been noted yet.") in html
        assert "handbook-last-change" not in site.html_file(lang, "facebook-konton.md").read_text(encoding="utf-8")


def test_the_whole_handbook_pdf_shows_each_pages_last_change(noted):
    from handbook.pdf import pdf_assemble
    from handbook.core.project import languages

    langs = languages()
    labels = pdf_assemble.PdfLabels("Innehåll", "Ansvarig", "Datum", "Version", "okänd", "Sida {page} av {pages}",
                                    "sv_SE", "Handbok", "Varbergs kommun")
    book = pdf_assemble.assemble(noted, langs[0], langs, labels)
    text = BeautifulSoup(book.body, "html.parser").get_text(" ", strip=True)
    assert "Senast ändrad 1 februari 2027 : Nytt avsnitt om grupper." in text or "Senast ändrad 1 februari 2027: Nytt avsnitt om grupper." in text


def test_the_disclosure_opens_with_the_keyboard(noted, browser):
    import functools
    import http.server
    import threading

    from tests.conftest import free_port

    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(noted))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/facebook-konton/")
        changes = page.locator("details.handbook-changes")
        assert not changes.locator("li").first.is_visible()
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
                break
        else:
            pytest.fail("the 'Visa alla ändringar' disclosure cannot be reached with Tab")
        page.keyboard.press("Enter")
        assert changes.locator("li").nth(1).is_visible()
        page.keyboard.press("Space")
        assert not changes.locator("li").first.is_visible()
        page.emulate_media(media="print")  # a printed page shows the last change too
        assert page.locator(".handbook-last-change").is_visible()
    finally:
        context.close()
        httpd.shutdown()


def test_a_change_note_without_its_twin_names_both_files(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "facebook-konton.md", "\n---\n", "\nchanges:\n  - date: 2027-02-01\n    note: Nytt avsnitt.\n---\n")
    assert ("docs/facebook-konton.md: has a change note dated 2027-02-01, but its twin docs/facebook-konton.en.md has none. "
            "Add the English note with 'date: 2027-02-01' to docs/facebook-konton.en.md.") in check_output(project)
    edit(project, "facebook-konton.en.md", "\n---\n", "\nchanges:\n  - date: 2027-02-01\n    note: <b>New</b>\n---\n")
    output = check_output(project)
    assert "docs/facebook-konton.en.md:" in output and "change 1: 'note' contains markup" in output


def test_the_review_report_lists_the_changes_since_a_date(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    for page, notes in NOTES.items():
        add_notes(project, page, notes)
    noted = review_report.changes_since(project / "docs", dt.date(2027, 1, 1))
    assert [(n.date, n.page, n.language) for n in noted] == [
        ("2027-02-01", "docs/facebook-konton.md", "sv"), ("2027-02-01", "docs/facebook-konton.en.md", "en"),
        ("2027-01-15", "docs/elever-och-brukare.md", "sv"), ("2027-01-15", "docs/elever-och-brukare.en.md", "en")]
    assert review_report.main(["--docs", str(project / "docs"), "--changes-since", "2027-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Changes since 2027-01-01" in out and "2027-01-15  docs/elever-och-brukare.en.md  [en]  New paragraph on the work computer." in out


def test_a_site_built_for_a_sub_path_links_only_within_it(noted):
    """This module's site is built for a sub-path (SITE_URL .../handbok/), as the pull-request
    preview publishes it under /forhandsvisning/pr-N/webbplats/: every link, script, style sheet
    and image of every page is relative or under that path, never at the host's root."""
    from urllib.parse import urlsplit

    outside = []
    for page in sorted(noted.rglob("*.html")):
        parsed = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in parsed.find_all(["a", "link", "script", "img", "form"]):
            for name in ("href", "src", "action"):
                value = element.get(name)
                if value and not urlsplit(value).scheme and value.startswith("/") and not value.startswith("/handbok/"):
                    outside.append(f"{page.relative_to(noted)}: <{element.name} {name}={value!r}>")
    assert outside == []
    assert "/handbok/" in (noted / "404.html").read_text(encoding="utf-8")
