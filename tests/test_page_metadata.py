"""Promises about trust: every page is owned, dated and reviewed, and its translation is current."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from bs4 import BeautifulSoup

from handbook.editors import review_report
from handbook.pages.page_metadata import SCHEMA, check
from handbook.core.project import ROOT
from handbook.pages.translation_drift import drift, mark
from tests.conftest import copy_project
from tests.test_editor_mistakes import build_output, check_output, edit


def facts_of(html_file) -> dict[str, str]:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    aside = soup.select_one("aside.handbook-page-facts")
    assert aside is not None, f"{html_file}: shows no owner or review dates"
    return {dt_.get_text(strip=True): dd.get_text(" ", strip=True) for dt_, dd in zip(aside.find_all("dt"), aside.find_all("dd"))}


def test_every_page_in_both_languages_shows_its_owner_review_dates_and_last_update(site):
    for lang in site.languages:
        for page in site.pages(lang):
            source = ROOT / "docs" / lang.source_name(page)
            meta, problems = check(source, lang.source_name(page))
            assert problems == []
            facts = facts_of(site.html_file(lang, page))
            assert meta["owner"] in facts.values(), f"{lang.source_name(page)}: owner not shown: {facts}"
            years = [str(meta["reviewed"].year), str(meta["review_by"].year)]
            assert sum(any(y in v for v in facts.values()) for y in years) == 2, facts
            assert len(facts) >= 5, f"{lang.source_name(page)}: {facts}"
    sv = facts_of(site.html_file(site.languages[0], "facebook-konton.md"))
    en = facts_of(site.html_file(site.languages[1], "facebook-konton.md"))
    assert {"Ansvarig", "Granskad", "Nästa granskning", "Senast uppdaterad"} <= set(sv)
    assert {"Owner", "Reviewed", "Next review", "Last updated"} <= set(en)
    assert "november" in sv["Granskad"] and "November" in en["Reviewed"]


def test_last_updated_comes_from_git(site):
    page = ROOT / "docs" / "facebook-konton.md"
    result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(page)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0 or not result.stdout.strip():
        pytest.skip("no git history for docs/ here (the build-date fallback is tested separately)")
    soup = BeautifulSoup(site.html_file(site.languages[0], "facebook-konton.md").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".handbook-page-facts time")["datetime"] == result.stdout.strip()


def test_without_git_history_last_updated_is_the_build_date(release_build):
    # The release is built from a copy outside any git repository, with SOURCE_DATE_EPOCH 2026-01-01.
    soup = BeautifulSoup((release_build.site / "facebook-konton" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".handbook-page-facts time")["datetime"] == "2026-01-01"


def test_the_real_handbook_shows_no_overdue_banner_while_reviews_are_current(site):
    for lang in site.languages:
        for page in site.pages(lang):
            html = site.html_file(lang, page).read_text(encoding="utf-8")
            meta, _ = check(ROOT / "docs" / lang.source_name(page), page)
            assert ("handbook-review-overdue" in html) == (meta["review_by"] < dt.date.today())


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_page_past_its_review_date_shows_the_banner_and_a_current_one_does_not(project):
    for name in ("facebook-konton.md", "facebook-konton.en.md"):
        edit(project, name, "reviewed: 2026-11-25\nreview_by: 2027-11-25", "reviewed: 2024-03-01\nreview_by: 2025-03-01")
    code, output = build_output(project)
    assert code == 0, output
    for prefix, words in (("", ["skulle ha granskats senast 1 mars 2025", "Kommunikationsenheten"]),
                          ("en/", ["was due for review on 1 March 2025", "Communications Unit"])):
        soup = BeautifulSoup((project / "site" / prefix / "facebook-konton" / "index.html").read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".handbook-review-overdue")
        assert banner is not None
        assert all(w in banner.get_text(" ", strip=True) for w in words), banner.get_text()
        assert banner.find("a")["href"].endswith("kontakta-oss/")
        other = (project / "site" / prefix / "elever-och-brukare" / "index.html").read_text(encoding="utf-8")
        assert "handbook-review-overdue" not in other


@pytest.mark.parametrize("old, new, message", [
    ("owner: Kommunikationsenheten, kommunkansliet\n", "", "docs/facebook-konton.md: the field 'owner' is missing. Add 'owner: …'"),
    ("review_by: 2027-11-25", "review_by: 25/11/2027", "docs/facebook-konton.md:4: 'review_by: 25/11/2027' is not a date. Write it as YYYY-MM-DD"),
    ("reviewed: 2026-11-25", "reviewed: 2026-02-30", "docs/facebook-konton.md:3: 'reviewed: 2026-02-30' is not a date"),
    ("document_type: stöd", "document_type: policy", "docs/facebook-konton.md:5: 'document_type: policy' is not allowed. Use one of: riktlinje, rutin, stöd"),
    ("document_type: stöd", "document_type: stöd\nreveiwed: 2026-11-25", "docs/facebook-konton.md:6: unknown front-matter field 'reveiwed'"),
    ("owner: Kommunikationsenheten, kommunkansliet", "owner: Kommunikationsenheten: kansliet: x", "docs/facebook-konton.md:2: the front matter is not valid YAML"),
    ("review_by: 2027-11-25", "review_by: 2026-01-01", "'review_by: 2026-01-01' must be after 'reviewed: 2026-11-25'"),
])
def test_bad_page_metadata_is_named_with_file_line_field_and_fix(project, old, new, message):
    edit(project, "facebook-konton.md", old, new)
    assert message in check_output(project)


def test_the_schema_has_the_required_and_optional_fields():
    required = {f.name for f in SCHEMA if f.required}
    optional = {f.name for f in SCHEMA if not f.required}
    assert required == {"owner", "reviewed", "review_by", "document_type", "description"}
    assert optional == {"decided_by", "decided_on", "reference", "title", "search", "translation_of", "changes"}


def test_every_english_page_translates_the_current_swedish_text():
    assert drift(ROOT / "docs") == []


def test_a_changed_swedish_page_with_an_unchanged_twin_is_caught_and_both_are_named(project):
    edit(project, "facebook-konton.md", "utan att bryta mot deras användarvillkor.", "utan att bryta mot Facebooks användarvillkor.")
    found = drift(project / "docs")
    assert len(found) == 1
    assert "docs/facebook-konton.md has changed since docs/facebook-konton.en.md was translated" in found[0]
    assert "uv run handbook-mark-translated docs/facebook-konton.en.md" in found[0]
    mark(project / "docs" / "facebook-konton.en.md")
    assert drift(project / "docs") == []
    # A new review date in the Swedish page is not a change to translate.
    edit(project, "elever-och-brukare.md", "reviewed: 2026-11-25", "reviewed: 2026-11-26")
    assert drift(project / "docs") == []


def _fixture_tree(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "gammal.md": ("2024-01-01", "2025-01-01"),
        "gammal.en.md": ("2024-01-01", "2025-01-01"),
        "snart.md": ("2025-06-01", "2026-06-20"),
        "snart.en.md": ("2025-06-01", "2026-07-30"),
        "aktuell.md": ("2026-01-01", "2027-01-01"),
        "aktuell.en.md": ("2026-01-01", "2027-01-01"),
    }
    for name, (reviewed, review_by) in pages.items():
        (docs / name).write_text(
            f"---\nowner: Enhet {name[:3]}\nreviewed: {reviewed}\nreview_by: {review_by}\ndocument_type: rutin\ndescription: Om sidan.\n---\n\n# T\n",
            encoding="utf-8")
    return docs


def test_the_review_report_lists_exactly_the_overdue_and_soon_due_pages(tmp_path, capsys):
    docs = _fixture_tree(tmp_path)
    today = dt.date(2026, 6, 10)
    due, problems = review_report.due_pages(docs, today, 30)
    assert problems == []
    assert [(d.page, d.overdue) for d in due] == [
        ("docs/gammal.en.md", True), ("docs/gammal.md", True), ("docs/snart.md", False)]
    assert {d.language for d in due} == {"sv", "en"}
    code = review_report.main(["--docs", str(docs), "--today", "2026-06-10", "--fail-overdue", "--json", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    assert code == 1
    assert "OVERDUE by 525 day(s)" in out and "docs/gammal.md" in out and "owner: Enhet gam" in out
    assert "aktuell" not in out and "snart.en.md" not in out
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [p["page"] for p in report["pages"] if p["overdue"]] == ["docs/gammal.en.md", "docs/gammal.md"]
    assert review_report.main(["--docs", str(docs), "--today", "2024-06-01", "--fail-overdue"]) == 0


def test_suggest_a_change_and_feedback_links_name_the_page_and_load_nothing(project):
    edit(project, "mkdocs.yml", "# edit_uri: https://github.com/ORGANISATION/REPO/edit/main/docs/", "edit_uri: https://git.example.org/handbok/edit/main/docs/")
    edit(project, "mkdocs.yml", 'feedback_url: ""', 'feedback_url: "mailto:synpunkter@example.org"')
    code, output = build_output(project)
    assert code == 0, output
    for prefix, suggest, helpful in (("", "Föreslå ändring", "Var sidan till hjälp?"), ("en/", "Suggest a change", "Was this page helpful?")):
        html = (project / "site" / prefix / "facebook-konton" / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        actions = soup.select_one(".handbook-page-actions")
        source = "facebook-konton.md" if not prefix else "facebook-konton.en.md"
        assert actions.find("a", string=suggest)["href"] == f"https://git.example.org/handbok/edit/main/docs/{source}"
        assert helpful in actions.get_text()
        mailtos = [a["href"] for a in actions.find_all("a") if a["href"].startswith("mailto:")]
        assert len(mailtos) == 2 and all("facebook-konton" in m for m in mailtos)
        # Links only: nothing on the page is fetched from those hosts.
        assert "api.github.com" not in html and "git.example.org" not in "".join(
            str(t) for t in soup.find_all(["script", "link", "img"]))
