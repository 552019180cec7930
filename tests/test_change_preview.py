"""Promises of `uv run handbook-preview BASE [HEAD] --out DIR` to the editors: each changed page,
as readers will see it, with exactly what changed marked, opened by double-click from file://.

The handbook is copied into a git repository made here, with two commits: the real pages, then a
change that rewords a Swedish sentence, rewords an English heading, removes a list item, adds a
page in both languages, changes only a date in one page's front matter and renames a page
(tests/preview_scenario.py). The preview of the two is made once per test run (in-process, about
a second), and each promise is checked on it, in Chromium where it is about what the reader
sees. The Nu Html Checker checks the preview files in its one run over the built site
(tests/test_validators.py).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from handbook.core import sources
from handbook.editors import change_preview, checks, word_diff
from handbook.core.project import load_mkdocs_config
from tests.preview_scenario import HOSTILE, SITE_URL, git
from tests.tour import axe_violations


@pytest.fixture(scope="module")
def project(previewed_change) -> Path:
    return previewed_change / "project"


@pytest.fixture(scope="module")
def preview(previewed_change) -> Path:
    return previewed_change / "forhandsvisning"


def open_file(browser, path: Path, **options):
    """A preview file opened from file://, every request recorded and any request that is not
    the file itself refused; script is recorded if any were to run."""
    context = browser.new_context(**options)
    requests: list[str] = []

    def only_files(route) -> None:
        requests.append(route.request.url)
        route.continue_() if route.request.url.startswith("file://") else route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, requests, dialogs


def marks(page, scope: str = "article > :not(.handbook-preview-summary):not(.handbook-page-facts)") -> dict:
    return {mark: page.eval_on_selector_all(f"{scope} {mark}", "els => els.map(e => e.textContent)")
            for mark in ("ins", "del")}


def test_a_reworded_swedish_sentence_shows_exactly_its_words_inserted_and_deleted(preview, browser):
    out = preview
    context, page, _, _ = open_file(browser, out / "sv" / "facebook-konton.html")
    assert marks(page) == {"ins": ["tillåter", "person"], "del": ["godkänner", "individ"]}
    summary = page.inner_text(".handbook-preview-summary")
    assert "Ändrade avsnitt: Dubbla konton på Facebook." in summary
    assert "Samma sida på det andra språket (English, docs/facebook-konton.en.md) har inte ändrats" in summary
    context.close()


def test_a_reworded_english_heading_and_a_removed_list_item_are_marked_in_their_language(preview, browser):
    out = preview
    context, page, _, _ = open_file(browser, out / "en" / "elever-och-brukare.html")
    assert marks(page, "h2#how-groups-work") == {"ins": ["Facebook", "is run"], "del": ["works"]}
    assert marks(page) == {"ins": ["Facebook", "is run"], "del": ["works"]}
    assert "Changed sections: How a Facebook group is run." in page.inner_text(".handbook-preview-summary")
    assert "was changed too" in page.inner_text(".handbook-preview-summary")
    page.goto((out / "sv" / "elever-och-brukare.html").as_uri())
    # The removed item stays a list item, struck through whole (its link's hidden words too).
    assert marks(page) == {"ins": [], "del": ["Administratörer och roller i grupper", "(Länk till annan webbplats)"]}
    assert page.eval_on_selector_all("#how-groups-work ~ ul > li", "els => els.map(e => e.querySelector('del') !== null)") == [False, True]
    context.close()


def test_a_new_page_is_shown_whole_as_inserted_in_both_languages(preview, browser):
    out = preview
    context, page, _, _ = open_file(browser, out / "sv" / "livesandningar.html")
    found = marks(page)
    assert found["del"] == [] and found["ins"] == ["Livesändningar", "Sända live", "Sänd bara live från kommunens konton."]
    assert "Ny sida: hela sidan är ny." in page.inner_text(".handbook-preview-summary")
    page.goto((out / "en" / "livesandningar.html").as_uri())
    assert marks(page)["ins"][0] == "Live video"
    context.close()


def test_a_change_only_in_the_front_matter_shows_as_a_changed_fact_not_a_changed_text(preview, browser):
    out = preview
    context, page, _, _ = open_file(browser, out / "sv" / "kontakta-oss.html")
    assert marks(page) == {"ins": [], "del": []}
    assert marks(page, ".handbook-page-facts") == {"ins": ["3 december"], "del": ["25 november"]}
    summary = page.inner_text(".handbook-preview-summary")
    assert "Ändrade uppgifter om sidan: Granskad." in summary
    assert "Texten är oförändrad: bara uppgifterna om sidan har ändrats." in summary
    context.close()


def test_an_unchanged_page_gets_no_file_and_a_moved_page_is_listed_as_moved(preview, browser):
    out = preview
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert written == ["en/elever-och-brukare.html", "en/livesandningar.html", "index.html",
                       "sv/elever-och-brukare.html", "sv/facebook-konton.html", "sv/kontakta-oss.html",
                       "sv/livesandningar.html"]
    context, page, _, _ = open_file(browser, out / "index.html")
    links = page.eval_on_selector_all("article a[href]", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    assert links == [["Elever och brukare", "sv/elever-och-brukare.html"], ["Facebook-konton", "sv/facebook-konton.html"],
                     ["Kontakta oss", "sv/kontakta-oss.html"], ["Livesändningar", "sv/livesandningar.html"],
                     ["Pupils and service users", "en/elever-och-brukare.html"], ["Live video", "en/livesandningar.html"]]
    text = page.inner_text("article")
    assert "Yttrandefrihet och regler (flyttad, från docs/yttrandefrihet-och-regler.md till docs/yttrandefrihet.md)" in text
    context.close()


def test_every_preview_says_it_is_a_preview_and_opens_from_file_without_any_request(preview, browser):
    out = preview
    files = sorted(out.rglob("*.html"))
    context, page, requests, dialogs = open_file(browser, files[0])
    for path in files:
        requests.clear()
        page.goto(path.as_uri(), wait_until="load")
        assert page.title().startswith(("Förhandsvisning: ", "Preview: ")), path
        banner = page.locator("header.handbook-preview-banner strong")
        assert banner.inner_text().lower() in ("förhandsvisning – inte den publicerade sidan",
                                               "preview – not the published page"), path
        assert banner.is_visible()
        assert page.eval_on_selector_all("script, link, iframe, object, embed", "els => els.length") == 0
        assert requests == [path.as_uri()], (path, requests)
    context.close()


def test_the_previews_pass_axe(preview, browser):
    out = preview
    context = browser.new_context(bypass_csp=True)  # axe is injected; the files have no script
    page = context.new_page()
    found = []
    for path in sorted(out.rglob("*.html")):
        page.goto(path.as_uri())
        found += [f"{path.relative_to(out)}: {v}" for v in axe_violations(page)]
    context.close()
    assert found == []


@pytest.fixture(scope="module")
def working_tree(project, tmp_path_factory):
    """The working tree against HEAD (the command's default): hostile Markdown added to a page
    and a page deleted, previewed once; what the build's own check says of the hostile page."""
    page = project / "docs" / "facebook-konton.md"
    page.write_text(page.read_text(encoding="utf-8") + HOSTILE, encoding="utf-8")
    (project / "docs" / "kontakta-oss.en.md").unlink()
    out = tmp_path_factory.mktemp("working-tree") / "out"
    try:
        with contextlib.redirect_stderr(io.StringIO()) as said:
            code = change_preview.main(["head", "--out", str(out), "--config", str(project / "mkdocs.yml")])
        # What the build's own check (the plugin's on_page_content) says of the page.
        source = sources.read(page, "docs/facebook-konton.md")
        render = checks.markdown_renderer(load_mkdocs_config(project / "mkdocs.yml"))
        build_says = checks.page_html_problems(render(source.body), name=source.name, markdown=source.text)
    finally:
        git(project, "checkout", "--", "docs/facebook-konton.md", "docs/kontakta-oss.en.md")
    return out, code, said.getvalue(), build_says


def test_hostile_markdown_is_refused_as_the_build_refuses_it_and_no_script_runs(working_tree, browser):
    out, code, said, build_says = working_tree
    assert code == 1
    assert len(build_says) == 3 and all(p in said for p in build_says), said
    context, page, requests, dialogs = open_file(browser, out / "sv" / "facebook-konton.html")
    assert page.eval_on_selector_all(".handbook-preview-problems li", "els => els.map(e => e.textContent)") == build_says
    assert page.eval_on_selector_all("script, img, [onclick], [onerror]", "els => els.length") == 0
    assert "Nya avsnitt: Ett nytt avsnitt." in page.inner_text(".handbook-preview-summary")
    assert page.eval_on_selector_all("a[href^='#']", "els => els.length") == 0  # no link to content not shown
    assert dialogs == [] and requests == [(out / "sv" / "facebook-konton.html").as_uri()]
    context.close()


def test_a_removed_page_is_shown_whole_as_deleted(working_tree, browser):
    out = working_tree[0]
    context, page, _, _ = open_file(browser, out / "en" / "kontakta-oss.html")
    found = marks(page)
    assert found["ins"] == [] and found["del"][:2] == ["Contact us", "Who is responsible for the guidelines?"]
    assert page.inner_text("article").count("Contact us") == 1  # the title, struck through, once
    assert "The page is removed: the whole page is shown as removed." in page.inner_text(".handbook-preview-summary")
    context.close()


def test_the_job_summary_lists_the_changed_pages_of_both_languages(previewed_change):
    text = (previewed_change / "summary.md").read_text(encoding="utf-8")
    assert text.startswith("### Ändrade sidor\n")
    assert "- Facebook-konton (ändrad, `docs/facebook-konton.md`): Ändrade avsnitt: Dubbla konton på Facebook." in text
    assert "- Kontakta oss (endast sidans uppgifter, `docs/kontakta-oss.md`)" in text
    assert "- Live video (ny sida, `docs/livesandningar.en.md`)" in text
    assert "- `docs/yttrandefrihet.en.md` (flyttad, från `docs/yttrandefrihet-och-regler.en.md` till `docs/yttrandefrihet.en.md`)" in text


def test_links_lead_to_the_preview_of_a_changed_page_or_to_the_built_site(preview):
    assert 'href="../sv/elever-och-brukare.html#friends-with-pupils"' in (preview / "sv" / "facebook-konton.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}en/facebook-konton/#who-sees-what"' in (preview / "en" / "elever-och-brukare.html").read_text(encoding="utf-8")


def test_a_revision_that_does_not_exist_or_a_folder_with_other_files_is_refused_in_one_line(project, tmp_path, capsys):
    assert change_preview.main(["no-such-branch", "--out", str(tmp_path / "a"), "--config", str(project / "mkdocs.yml")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"handbook-preview: 'no-such-branch' is not a git revision of {project}. Give a branch, a tag or a "
        "commit, for example: handbook-preview origin/main"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "notes.txt").write_text("mine", encoding="utf-8")
    assert change_preview.main(["base", "--out", str(tmp_path / "b"), "--config", str(project / "mkdocs.yml")]) == 2
    assert "is not empty and holds no earlier preview" in capsys.readouterr().err
    assert (tmp_path / "b" / "notes.txt").exists()


def test_the_preview_renders_markdown_with_the_extensions_mkdocs_yml_lists(project):
    config = load_mkdocs_config(project / "mkdocs.yml")
    renderer = change_preview.renderer(config)
    html = renderer.render("Text[^1]\n\n[^1]: Not\n\n!!! note\n    Obs\n\n*[HTML]: Hyper\n\nHTML ~~bort~~")
    assert 'class="footnote' in html and 'class="admonition note"' in html and "<abbr" in html and "<del>bort</del>" in html


def test_an_old_tag_never_breaks_the_new_structure():
    # Two paragraphs made one: the old paragraph's end is not put back, and no word changed.
    assert word_diff.diff("<p>Ett två</p>\n<p>tre fyra</p>", "<p>Ett två tre fyra</p>") == ("<p>Ett två \ntre fyra</p>", False)
    split, changed = word_diff.diff("<p>Ett två tre</p>", "<p>Ett</p>\n<ul>\n<li>två tre fyra</li>\n</ul>")
    assert changed and split == "<p>Ett</p>\n<ul>\n<li>två tre <ins>fyra</ins></li>\n</ul>"
    assert word_diff.diff("<p>a b</p>", "<p>a b</p>") == ("<p>a b</p>", False)
    cell, _ = word_diff.diff("<table><tr><td>a b</td><td>c</td></tr></table>", "<table><tr><td>a x</td><td>c</td></tr></table>")
    assert cell == "<table><tr><td>a <del>b</del> <ins>x</ins></td><td>c</td></tr></table>"
    moved_link, _ = word_diff.diff('<p><a href="x.md">text</a></p>', '<p><a href="y.md">text</a></p>')
    assert moved_link == '<p><a href="y.md">text</a></p>'


def test_pages_are_paired_by_name_and_a_page_under_a_new_name_with_nearly_the_same_text_is_moved():
    from handbook.core.project import Language

    langs = [Language("sv", "Svenska", True), Language("en", "English", False)]
    page = "---\nowner: x\n---\n\n# Rubrik\n\n" + "Ett stycke med många ord som står kvar. " * 20
    old = {"a.md": page, "b.md": "# B\n\nText.", "c.md": "# C\n\nGammal.", "a.en.md": page}
    new = {"ny-a.md": page + "Ett ord till.", "b.md": "# B\n\nText.", "d.md": "# D\n\nNy.", "a.en.md": page.replace("Rubrik", "Title")}
    found = [(c.lang.locale, c.old, c.new, c.kind, c.page) for c in change_preview.changes(old, new, langs)]
    assert found == [("sv", "a.md", "ny-a.md", "moved", "ny-a.md"), ("sv", None, "d.md", "added", "d.md"),
                     ("sv", "c.md", None, "removed", "c.md"), ("en", "a.en.md", "a.en.md", "changed", "a.md")]
