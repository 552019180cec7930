"""Promises to editors: each mistake stops the build with a message naming the file and the fix.

Each test copies the project, makes one mistake in it, and builds it the way CI does.
"""

from __future__ import annotations

import pytest

from tests.conftest import build, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def build_output(project) -> tuple[int, str]:
    # Without the whole-handbook PDFs (tests/test_pdf.py covers them): each build is faster.
    result = build(project, project / "site", "http://127.0.0.1:8000/", HANDBOOK_PDF="0")
    return result.returncode, result.stdout + result.stderr


def edit(project, name, old, new):
    """Replaces ``old`` by ``new`` once in a file of the project copy: a page in docs/, or
    mkdocs.yml, contract.yml or search_words.yml."""
    path = project / name if (project / name).exists() else project / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unbroken_copy_builds(project):
    code, output = build_output(project)
    assert code == 0, output


def test_a_broken_link_stops_the_build_and_names_the_file_and_link(project):
    edit(project, "facebook-konton.en.md", "(elever-och-brukare.md#friends-with-pupils)", "(elever-och-brukarna.md)")
    code, output = build_output(project)
    assert code != 0
    assert "facebook-konton.en.md" in output and "elever-och-brukarna.md" in output


def test_a_broken_anchor_stops_the_build_and_names_the_file_and_anchor(project):
    edit(project, "facebook-konton.md", "#friends-with-pupils)", "#vanner-med-elever)")
    code, output = build_output(project)
    assert code != 0
    assert "facebook-konton.md" in output and "vanner-med-elever" in output


def test_an_absolute_link_stops_the_build(project):
    edit(project, "index.md", "(kontakta-oss.md)", "(/kontakta-oss/)")
    code, output = build_output(project)
    assert code != 0
    assert "index.md" in output and "/kontakta-oss/" in output


def test_a_swedish_page_without_its_english_twin_stops_the_build(project):
    (project / "docs" / "elever-och-brukare.en.md").unlink()
    code, output = build_output(project)
    assert code != 0
    assert "docs/elever-och-brukare.md: has no English twin. Create docs/elever-och-brukare.en.md" in output


def test_an_english_page_without_its_swedish_original_stops_the_build(project):
    (project / "docs" / "ny-sida.en.md").write_text("# New page\n\n## Intro {#intro}\n\nText.\n", encoding="utf-8")
    code, output = build_output(project)
    assert code != 0
    assert "docs/ny-sida.en.md: has no Svenska twin. Create docs/ny-sida.md" in output


def test_a_missing_required_section_stops_the_build_and_names_file_and_section(project):
    edit(project, "yttrandefrihet-och-regler.en.md", "{#secrecy-and-confidentiality}", "{#secrecy}")
    edit(project, "yttrandefrihet-och-regler.md", "{#secrecy-and-confidentiality}", "{#secrecy}")
    code, output = build_output(project)
    assert code != 0
    assert "docs/yttrandefrihet-och-regler.md: the required section '#secrecy-and-confidentiality' is missing (contract.yml requires it)" in output
    assert "docs/yttrandefrihet-och-regler.en.md: the required section '#secrecy-and-confidentiality' is missing" in output


def test_a_section_only_in_one_language_stops_the_build(project):
    edit(project, "facebook-konton.en.md", "{#who-sees-what}", "{#who-can-see}")
    code, output = build_output(project)
    assert code != 0
    assert "docs/facebook-konton.en.md: has no section '#who-sees-what', which its twin docs/facebook-konton.md has" in output


def test_a_heading_without_a_section_id_stops_the_build_with_its_line(project):
    source = (project / "docs" / "facebook-konton.md").read_text(encoding="utf-8").splitlines()
    line = source.index("## Vem ser vad? {#who-sees-what}") + 1
    edit(project, "facebook-konton.md", "## Vem ser vad? {#who-sees-what}", "## Vem ser vad?")
    code, output = build_output(project)
    assert code != 0
    assert f"docs/facebook-konton.md:{line}: the heading '## Vem ser vad?' has no section ID" in output


def test_a_page_left_out_of_the_navigation_stops_the_build(project):
    edit(project, "mkdocs.yml", "  - kontakta-oss.md\n", "")
    code, output = build_output(project)
    assert code != 0
    assert "kontakta-oss.md" in output


def test_a_contract_page_that_does_not_exist_stops_the_build(project):
    edit(project, "contract.yml", "  kontakta-oss.md:\n", "  ny-sida.md:\n    - intro\n  kontakta-oss.md:\n")
    code, output = build_output(project)
    assert code != 0
    assert "contract.yml: requires the page docs/ny-sida.md, which does not exist" in output


def test_filled_in_contact_details_are_shown_and_empty_ones_are_not(project):
    edit(project, "mkdocs.yml", '    email: ""', '    email: "test@example.org"')
    code, output = build_output(project)
    assert code == 0, output
    sv = (project / "site" / "kontakta-oss" / "index.html").read_text(encoding="utf-8")
    en = (project / "site" / "en" / "kontakta-oss" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:test@example.org"' in sv and "E-post" in sv and "Telefon" not in sv
    assert 'href="mailto:test@example.org"' in en and "Email" in en and "Phone" not in en


def test_a_malformed_contact_email_stops_the_build(project):
    edit(project, "mkdocs.yml", '    email: ""', '    email: "kommunikation"')
    code, output = build_output(project)
    assert code != 0
    assert "extra.contact.email 'kommunikation' is not an e-mail address" in output


def test_an_unknown_section_in_the_search_words_stops_the_build_and_names_the_entry(project):
    edit(project, "search_words.yml", "facebook-konton.md#one-account: [dubbelkonto", "facebook-konton.md#two-accounts: [dubbelkonto")
    code, output = build_output(project)
    assert code != 0
    assert "search_words.yml: sv.sections: 'facebook-konton.md#two-accounts': facebook-konton.md has no section '#two-accounts'" in output


@pytest.mark.parametrize("dangerous, what", [
    ('<script>alert("x")</script>', "a <script> element is not allowed in a page"),
    ('<iframe src="https://example.org"></iframe>', "an <iframe> element is not allowed"),
    ('<object data="x.swf"></object>', "an <object> element is not allowed"),
    ('<embed src="x.swf">', "an <embed> element is not allowed"),
    ('<form action="https://example.org"><input></form>', "a <form> element is not allowed"),
    ('<style>body { display: none }</style>', "a <style> block is not allowed"),
    ('<img src="bild.png" onerror="alert(1)">', "an inline event handler (on…=) is not allowed"),
    ('[Klicka här](javascript:alert(1))', "a javascript: URL is not allowed"),
    ('![Bild](data:image/png;base64,iVBORw0KGgo=)', "a data: URL is not allowed"),
    ('<div class="mermaid">graph TD; A-->B</div>', "a Mermaid diagram is not allowed"),
])
def test_dangerous_content_stops_the_build_with_file_line_and_what_to_use_instead(project, dangerous, what):
    path = project / "docs" / "facebook-konton.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append(dangerous)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = build_output(project)
    assert code != 0
    assert f"docs/facebook-konton.md:{len(lines)}: {what}" in output, output
    message = output[output.index(f"docs/facebook-konton.md:{len(lines)}"):].splitlines()[0]
    assert any(hint in message for hint in ("Link to", "Write the content", "Remove", "Use", "Put", "Add the diagram"))


def test_code_examples_that_mention_script_are_allowed(project):
    edit(project, "facebook-konton.md", "## Vem ser vad?", "Exempel: `<script>` visas som text.\n\n## Vem ser vad?")
    code, output = build_output(project)
    assert code == 0, output
