"""Promises to editors: every mistake is caught, with a message naming the file and the fix,
by `uv run handbook-check` in a second, and by the build, which then stops.

Each case copies the project and makes one mistake in it. `handbook-check` is run on every case
(in-process, no build); the build is run once per kind of failure the build has (a problem in
the sources, in a page's HTML, a strict-mode warning from MkDocs, a wrong setting), the way CI
runs it, to prove that the build stops and the message reaches the editor.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from handbook.editors import checks
from tests.conftest import build, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def build_output(project, *options: str) -> tuple[int, str]:
    # Without the whole-handbook PDFs (tests/test_pdf.py covers them): each build is faster.
    result = build(project, project / "site", "http://127.0.0.1:8000/", *options, HANDBOOK_PDF="0")
    return result.returncode, result.stdout + result.stderr


def edit(project, name, old, new):
    """Replaces ``old`` by ``new`` once in a file of the project copy: a page in docs/, or
    mkdocs.yml, contract.yml or search_words.yml."""
    path = project / name if (project / name).exists() else project / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project, name, text):
    path = project / "docs" / name
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def check_output(project) -> str:
    return "\n".join(checks.all_problems(project / "mkdocs.yml"))


@dataclass(frozen=True)
class Mistake:
    name: str
    make: object  # project -> None
    says: tuple[str, ...]  # every one of these is in the message


def _remove(name):
    return lambda project: (project / "docs" / name).unlink()


def _new_file(name, text):
    return lambda project: (project / "docs" / name).write_text(text, encoding="utf-8")


def _edit(name, old, new):
    return lambda project: edit(project, name, old, new)


def _edits(*changes):
    return lambda project: [edit(project, *change) for change in changes]


MISTAKES = [
    Mistake("broken link", _edit("facebook-konton.en.md", "(elever-och-brukare.md#friends-with-pupils)", "(elever-och-brukarna.md)"),
            ("docs/facebook-konton.en.md", "elever-och-brukarna.md")),
    Mistake("broken anchor", _edit("facebook-konton.md", "#friends-with-pupils)", "#vanner-med-elever)"),
            ("docs/facebook-konton.md", "vanner-med-elever")),
    Mistake("absolute link", _edit("index.md", "(kontakta-oss.md)", "(/kontakta-oss/)"),
            ("docs/index.md", "/kontakta-oss/")),
    Mistake("missing English twin", _remove("elever-och-brukare.en.md"),
            ("docs/elever-och-brukare.md: has no English twin. Create docs/elever-och-brukare.en.md",)),
    Mistake("missing Swedish original", _new_file("ny-sida.en.md", "# New page\n\n## Intro {#intro}\n\nText.\n"),
            ("docs/ny-sida.en.md: has no Svenska twin. Create docs/ny-sida.md",)),
    Mistake("missing required section", _edits(("yttrandefrihet-och-regler.en.md", "{#secrecy-and-confidentiality}", "{#secrecy}"),
                                               ("yttrandefrihet-och-regler.md", "{#secrecy-and-confidentiality}", "{#secrecy}")),
            ("docs/yttrandefrihet-och-regler.md: the required section '#secrecy-and-confidentiality' is missing (contract.yml requires it)",
             "docs/yttrandefrihet-och-regler.en.md: the required section '#secrecy-and-confidentiality' is missing")),
    Mistake("section in one language only", _edit("facebook-konton.en.md", "{#who-sees-what}", "{#who-can-see}"),
            ("docs/facebook-konton.en.md: has no section '#who-sees-what', which its twin docs/facebook-konton.md has",)),
    Mistake("heading without an ID", _edit("facebook-konton.md", "## Vem ser vad? {#who-sees-what}", "## Vem ser vad?"),
            ("docs/facebook-konton.md:", "the heading '## Vem ser vad?' has no section ID")),
    Mistake("ID with a space", _edit("facebook-konton.md", "{#who-sees-what}", "{#who sees}"),
            ("docs/facebook-konton.md:", "'who sees' contains a space", "{#who-sees}")),
    Mistake("ID with å", _edit("facebook-konton.md", "{#who-sees-what}", "{#åtgärder}"),
            ("docs/facebook-konton.md:", "'#åtgärder' uses 'å'", "IDs use only the letters a-z")),
    Mistake("page left out of the navigation", _edit("mkdocs.yml", "  - kontakta-oss.md\n", ""),
            ("docs/kontakta-oss.md: is not in the navigation",)),
    Mistake("contract page that does not exist", _edit("contract.yml", "  kontakta-oss.md:\n", "  ny-sida.md:\n    - intro\n  kontakta-oss.md:\n"),
            ("contract.yml: requires the page docs/ny-sida.md, which does not exist",)),
    Mistake("unknown section in the search words", _edit("search_words.yml", "facebook-konton.md#one-account: [dubbelkonto", "facebook-konton.md#two-accounts: [dubbelkonto"),
            ("search_words.yml: sv.sections: 'facebook-konton.md#two-accounts': facebook-konton.md has no section '#two-accounts'",)),
    Mistake("front matter field missing", _edit("facebook-konton.md", "owner: Kommunikationsenheten, kommunkansliet\n", ""),
            ("docs/facebook-konton.md: the field 'owner' is missing. Add 'owner: …'",)),
    Mistake("front matter with markup", _edit("facebook-konton.md", "description: Facebook", "description: <b>Facebook</b>"),
            ("docs/facebook-konton.md:", "'description' contains markup", "plain text")),
    Mistake("front matter list where text belongs", _edit("facebook-konton.md", "owner: Kommunikationsenheten, kommunkansliet", "owner: [a, b]"),
            ("docs/facebook-konton.md:", "'owner' is a list, but must be a single value")),
    Mistake("page not saved as UTF-8", lambda project: (project / "docs" / "facebook-konton.md").write_bytes(
                (project / "docs" / "facebook-konton.md").read_text(encoding="utf-8").encode("latin-1")),
            ("docs/facebook-konton.md:", "is not saved as UTF-8", "Save it as UTF-8")),
    Mistake("script in a page", lambda project: append(project, "facebook-konton.md", '<script>alert("x")</script>'),
            ("docs/facebook-konton.md:", "the element <script> is not allowed in a page")),
    Mistake("event handler set with braces", lambda project: append(project, "facebook-konton.md", '[Kontakt](kontakta-oss.md){ onclick="alert(1)" }'),
            ("docs/facebook-konton.md:", "{ onclick=… } is not allowed", "Remove onclick=… from the braces")),
    Mistake("image from another website", lambda project: append(project, "facebook-konton.md", "![Logga](https://example.com/logga.png)"),
            ("docs/facebook-konton.md:", "the image address 'https://example.com/logga.png' is not allowed", "Put the image in docs/")),
    Mistake("Mermaid diagram", lambda project: append(project, "facebook-konton.md", "```mermaid\ngraph TD; A-->B\n```"),
            ("docs/facebook-konton.md:", "a Mermaid diagram cannot be drawn here")),
    Mistake("translation behind its original", _edit("facebook-konton.md", "utan att bryta mot deras användarvillkor.", "utan att bryta mot Facebooks användarvillkor."),
            ("docs/facebook-konton.md has changed since docs/facebook-konton.en.md was translated",
             "uv run handbook-mark-translated docs/facebook-konton.en.md")),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_handbook_check_names_the_file_and_the_fix_for_each_mistake_without_building(project, mistake):
    mistake.make(project)
    output = check_output(project)
    for words in mistake.says:
        assert words in output, output


def test_handbook_check_passes_an_unbroken_copy(project):
    assert check_output(project) == ""


# One build per kind of failure: the build stops, whatever the verbosity, and the editor reads
# the file and the problem: the handbook's own checks of the sources (before anything is built)
# and of the HTML each page becomes (after Markdown), with the same messages as handbook-check,
# and MkDocs' link validation (a strict-mode warning) with its own words.
BUILD_FAILURES = {
    "heading without an ID": MISTAKES[7].says,
    "event handler set with braces": next(m for m in MISTAKES if m.name == "event handler set with braces").says,
    "broken link": ("Doc file 'facebook-konton.en.md' contains a link 'elever-och-brukarna.md', "
                    "but the target is not found",),
}


@pytest.mark.parametrize("name", BUILD_FAILURES)
def test_the_build_stops_even_with_q_and_names_the_file_and_the_problem(project, name):
    next(m for m in MISTAKES if m.name == name).make(project)
    code, output = build_output(project, "-q")
    assert code != 0
    for words in BUILD_FAILURES[name]:
        assert words in output, output


def test_a_wrong_setting_stops_the_build_with_a_clear_configuration_error(project):
    edit(project, "mkdocs.yml", '        email: ""', '        email: "kommunikation"')
    edit(project, "mkdocs.yml", "      feedback_url:", "      feedbak_url: x\n      feedback_url:")
    code, output = build_output(project)
    assert code != 0
    assert "Plugin 'handbook' option 'contact': Sub-option 'email': 'kommunikation' is not an e-mail address" in output
    assert "Traceback" not in output


def test_code_examples_that_mention_script_are_allowed(project):
    from handbook.pages.translation_drift import mark

    edit(project, "facebook-konton.md", "## Vem ser vad?", "Exempel: `<script>` visas som text.\n\n```html\n<script>x()</script>\n```\n\n## Vem ser vad?")
    mark(project / "docs" / "facebook-konton.en.md")
    assert check_output(project) == ""


def test_a_failed_build_leaves_the_previous_site_as_it_was(project):
    code, output = build_output(project)
    assert code == 0, output
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert len(before) > 50
    for mistake in (MISTAKES[0], MISTAKES[7]):  # a strict warning late in the build; a source check early
        mistake.make(project)
        code, output = build_output(project)
        assert code != 0
        after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
        assert after == before
    assert not list(project.glob(".site.*")), "the unfinished build is cleaned up"


def test_the_preview_keeps_answering_while_a_page_is_broken_and_shows_the_problem(project):
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.conftest import free_port

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                             cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def page(wanted: str, timeout: float = 60, present: bool = True) -> str:
        """The preview's Facebook page once it contains ``wanted`` (or, not ``present``, no longer
        does). Every request is answered within 10 s, or the test fails."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/facebook-konton/", timeout=10) as response:
                    html = response.read().decode("utf-8")
                if (wanted in html) == present:
                    return html
            except OSError:
                pass  # not started yet
            if time.monotonic() > deadline:
                raise AssertionError(f"the preview did not show {wanted!r} in time")
            time.sleep(0.3)

    try:
        page("Vem ser vad?")
        edit(project, "facebook-konton.md", "## Vem ser vad? {#who-sees-what}", "## Vem ser vad?")
        broken = page("handbook-preview-problem")
        assert "the heading &#x27;## Vem ser vad?&#x27; has no section ID" in broken or "has no section ID" in broken
        assert "Dubbla konton på Facebook" in broken  # the last good page, under the problem
        edit(project, "facebook-konton.md", "## Vem ser vad?", "## Vem ser vad? {#who-sees-what}")
        fixed = page("handbook-preview-problem", present=False)
        assert 'id="who-sees-what"' in fixed
    finally:
        serve.terminate()
        serve.wait(timeout=30)


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_a_page_with_every_allowed_construct_builds_in_both_languages_sharing_one_attachment(project):
    """Tables, admonitions, details, footnotes, abbreviations, definition lists, keys, code that
    shows HTML, images and a PDF attachment: the HTML check lets all of it through. The page is
    saved with a byte-order mark, and both languages link to the same docs/bilaga.pdf."""
    from tests.conftest import ROOT

    text = (ROOT / "tests" / "fixtures" / "every-construct.md").read_text(encoding="utf-8")
    text = text.replace("\n# Allt som en sida får innehålla\n", "\n# Allt som en sida får innehålla\n\n[Bilagan (PDF)](bilaga.pdf)\n")
    docs = project / "docs"
    (docs / "alla-konstruktioner.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    # A title that spells out markup is text: it must reach <title>, the navigation and search escaped.
    hostile = "# Everything &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"more\""
    (docs / "alla-konstruktioner.en.md").write_text(text.replace("# Allt som en sida får innehålla", hostile), encoding="utf-8")
    (docs / "bilder").mkdir()
    for name in ("bild.png", "bilder/bild.jpg"):
        (docs / name).write_bytes(PNG)
    (docs / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")
    (docs / "bilaga.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    edit(project, "mkdocs.yml", "  - kontakta-oss.md\n", "  - kontakta-oss.md\n  - alla-konstruktioner.md\n")
    code, output = build_output(project)
    assert code == 0, output
    site = project / "site"
    for prefix, depth in (("", "../"), ("en/", "../../")):
        html = (site / prefix / "alla-konstruktioner" / "index.html").read_text(encoding="utf-8")
        assert f'href="{depth}bilaga.pdf"' in html
        for construct in ('class="admonition', "<details", 'class="footnote', "<abbr", "<dl>", "<table>",
                          'class="keys"', "&lt;script&gt;"):
            assert construct in html, f"{prefix}alla-konstruktioner: no {construct}"
    assert (site / "bilaga.pdf").is_file() and not (site / "en" / "bilaga.pdf").exists()
    for page in site.rglob("*.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page
    title = (site / "en" / "alla-konstruktioner" / "index.html").read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]
    assert title.startswith("Everything &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "), title


# Mistakes in mkdocs.yml's languages (the i18n plugin) and in the handbook plugin's entry. Each
# is proved on the config alone: handbook-check loads it with MkDocs and runs the checks that the
# build's on_config runs first. Two builds prove that the build stops with the same line, also
# when the handbook plugin, which would say it, is not there.
def _cut(start: str, end: str):
    def make(project):
        path = project / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        first = text.index(start)
        path.write_text(text[:first] + text[text.index(end, first):], encoding="utf-8")
    return make


ENGLISH, HANDBOOK = "        - locale: en\n", "  # The handbook's own build steps"
PLUGIN_MISSING = ("mkdocs.yml: the handbook plugin is missing under plugins:", "put the entry back")
CONFIG_MISTAKES = [
    Mistake("the handbook plugin missing", _cut(HANDBOOK, "extra_css:"), PLUGIN_MISSING),
    Mistake("English and the handbook plugin cut", _cut(ENGLISH, "extra_css:"), PLUGIN_MISSING),
    Mistake("a language missing", _cut(ENGLISH, HANDBOOK),
            ("mkdocs.yml: plugins: - i18n: languages: has no entry for 'en', but docs/ has its pages",
             "Put its entry back (- locale: en")),
    Mistake("a language missing from the handbook's settings", _cut("        en:\n          date_locale", "extra_css:"),
            ("mkdocs.yml: the handbook plugin's settings need a text for every language of the site; missing: labels: en",
             "Add it under plugins: - handbook:")),
    Mistake("a language not built", _edit("mkdocs.yml", "          name: English\n          build: true", "          name: English\n          build: false"),
            ("mkdocs.yml: plugins: - i18n: languages: 'en' has 'build: false', but docs/ has its pages", "Write 'build: true'")),
    Mistake("a language without its theme language", _edit("mkdocs.yml", "          theme:\n            language: en\n", ""),
            ("mkdocs.yml: plugins: - i18n: languages: the 'en' entry has no 'theme: language: en'", "Add it under the entry")),
    Mistake("a language twice", _edit("mkdocs.yml", HANDBOOK, ENGLISH + "          name: English\n          build: true\n" + HANDBOOK),
            ("mkdocs.yml: plugins: - i18n: languages: 'en' is listed 2 times.", "Keep one '- locale: en' entry.")),
    Mistake("the default language missing", _edit("mkdocs.yml", "          default: true\n", ""),
            ("mkdocs.yml: Config value 'plugins': Plugin 'i18n' option 'languages': Could not find a default language",
             "Give the Swedish entry (- locale: sv) 'default: true'")),
    Mistake("two default languages", _edit("mkdocs.yml", "          name: English\n", "          name: English\n          default: true\n"),
            ("mkdocs.yml: plugins: - i18n: languages: 'en' and 'sv' both have 'default: true'.", "remove it from the other")),
    Mistake("an unknown language setting", _edit("mkdocs.yml", "      docs_structure: suffix", "      docs_structur: suffix"),
            ("mkdocs.yml: Config value 'plugins': Plugin 'i18n' option 'docs_structur': Unrecognised configuration name",
             "Check the spelling of the setting")),
    Mistake("an unknown handbook setting", _edit("mkdocs.yml", "      feedback_url:", "      feedbak_url: x\n      feedback_url:"),
            ("mkdocs.yml: Config value 'plugins': Plugin 'handbook' option 'feedbak_url': unknown setting 'feedbak_url'",
             "check the spelling")),
    Mistake("a language setting of the wrong type", _edit("mkdocs.yml", "          build: true\n", "          build: ja\n"),
            ("mkdocs.yml: Config value 'plugins': Plugin 'i18n' option 'languages': Sub-option 'build': Expected type",
             "Write it as the comments next to it in mkdocs.yml show.")),
    Mistake("a date locale that is none", _edit("mkdocs.yml", "          date_locale: sv_SE", "          date_locale: svenska"),
            ("mkdocs.yml: Config value 'plugins': Plugin 'handbook' option 'labels':", "'svenska' is not a locale",
             "write e.g. sv_SE")),
    Mistake("a placeholder the handbook does not fill in", _edit("mkdocs.yml", "Utskriven {date}.", "Utskriven {datum}."),
            ("mkdocs.yml: Config value 'plugins': Plugin 'handbook' option 'labels': Sub-option 'print_stamp':",
             "{datum} is not filled in here: write only {date} and {url}.")),
    Mistake("a handbook setting of the wrong type", _edit("mkdocs.yml", "      pdf: !ENV [HANDBOOK_PDF, true]", "      pdf: kanske"),
            ("mkdocs.yml: Config value 'plugins': Plugin 'handbook' option 'pdf': 'kanske' is not on or off",
             "write true or false")),
]


@pytest.mark.parametrize("mistake", CONFIG_MISTAKES, ids=[m.name for m in CONFIG_MISTAKES])
def test_a_config_mistake_is_one_line_naming_mkdocs_yml_the_setting_and_the_fix(project, mistake, capsys):
    mistake.make(project)
    code = checks.main(["--config", str(project / "mkdocs.yml")])
    output = capsys.readouterr()
    assert code == 1 and "Traceback" not in output.out + output.err
    assert any(all(words in line for words in mistake.says) for line in output.out.splitlines()), output.out


@pytest.mark.parametrize("name", ["English and the handbook plugin cut", "a language twice"])
def test_a_config_mistake_stops_the_build_with_the_same_line_and_no_traceback(project, name):
    mistake = next(m for m in CONFIG_MISTAKES if m.name == name)
    mistake.make(project)
    code, output = build_output(project)
    assert code != 0 and "Traceback" not in output, output
    assert any(all(words in line for words in mistake.says) for line in output.splitlines()), output
