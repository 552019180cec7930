"""Unit tests of the rules behind the editors' messages: each answers in milliseconds, without a
build. (tests/test_editor_mistakes.py proves that the messages reach the editor.)"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from handbook.core import material_seams, sources
from handbook.pages import contact_details, page_metadata, settings_text
from handbook.core.project import HandbookError
from handbook.core.settings import HandbookSettings


def page(text: str, name: str = "docs/x.md") -> sources.Page:
    front, body, line = sources.split_front_matter(text)
    return sources.Page(name, text, front, body, line)


FRONT = "---\nowner: Enheten\nreviewed: 2026-01-01\nreview_by: 2027-01-01\ndocument_type: stöd\ndescription: Om sidan.\n---\n"


# --- reading a page -----------------------------------------------------------------------

def test_a_byte_order_mark_is_accepted_and_the_front_matter_still_found(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbf" + FRONT.encode() + b"# T\n")
    read = sources.read(path, "docs/x.md")
    assert read.front_matter is not None and read.text.startswith("---")
    assert page_metadata.check_page(read)[1] == []


def test_a_page_that_is_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(FRONT.encode() + "# Rubrik\n\nGår det?\n".encode("latin-1"))
    with pytest.raises(HandbookError, match=r"docs/x.md:10: the file is not saved as UTF-8 \(byte 0xe5"):
        sources.read(path, "docs/x.md")


def test_code_fences_follow_superfences_indented_longer_and_tilde_fences():
    text = ("# T\n\n  ```\n## not a heading\n```\n\n~~~~\n```\n## still code\n~~~~\n\n"
            "- item\n\n    ```html\n    <script>\n    ```\n\n## Real {#real}\n")
    found = sources.headings(page(text))
    assert [(h.level, h.text) for h in found] == [(1, "T"), (2, "Real")]
    fences = sources.code_fences(text.splitlines())
    assert [(f.start, f.end) for f in fences] == [(3, 5), (7, 10), (14, 16)]
    assert fences[2].info == "html"


def test_an_unclosed_fence_runs_to_the_end_of_the_page():
    assert [(f.start, f.end) for f in sources.code_fences(["a", "```", "<script>"])] == [(2, 3)]


@pytest.mark.parametrize("attrs, section_id, problem", [
    ("{#one-account}", "one-account", None),
    ("{: #one-account .x }", "one-account", None),
    ("{#my id}", None, "contains a space"),
    ("{#åtgärder}", None, "uses 'å', 'ä'"),
    ("{#Capital}", None, "uses 'C'"),
    ("{.no-id}", None, None),
])
def test_a_section_id_is_one_lowercase_english_word(attrs, section_id, problem):
    (heading,) = sources.headings(page(f"## Rubrik {attrs}\n"))
    assert heading.section_id == section_id
    assert (problem in heading.problem) if problem else heading.problem is None


# --- front matter ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, message", [
    ("search: [x]", "'search' must be settings such as 'search: {boost: 2}'"),
    ("search: {boost: yes}", "'search: boost' has the wrong kind of value True"),
    ("title: <img src=x onerror=alert(1)>", "'title' contains markup"),
    ("title: '&lt;/title&gt;'", "'title' contains markup"),
    ("reference: {a: 1}", "'reference' is a set of fields, but must be a single value"),
    ("translation_of: abc", "is not a translation fingerprint"),
    ("colour: red", "unknown front-matter field 'colour'"),
])
def test_front_matter_refuses_markup_wrong_kinds_and_unknown_fields_naming_the_field(line, message):
    meta, problems = page_metadata.check_page(page(FRONT.replace("---\n#", "#", 0).replace("description: Om sidan.\n", f"description: Om sidan.\n{line}\n")))
    assert any(message in p and p.startswith("docs/x.md:") for p in problems), problems


def test_plain_text_with_ampersands_and_quotes_is_fine_and_escaped_for_materials_templates():
    meta, problems = page_metadata.check_page(page(FRONT.replace("Om sidan.", 'Facebook & "grupper".')))
    assert problems == []
    page_metadata.escape_for_templates(meta)
    assert meta["description"] == "Facebook &amp; &quot;grupper&quot;."


def test_a_search_setting_within_materials_schema_is_kept():
    meta, problems = page_metadata.check_page(page(FRONT.replace("description: Om sidan.\n", "description: Om sidan.\nsearch: {boost: 2}\n")))
    assert problems == [] and meta["search"] == {"boost": 2}


# --- settings (plugin config) -----------------------------------------------------------------

def plain(value):
    """A validated config section as the plain values mkdocs.yml holds."""
    return {k: plain(v) for k, v in value.items()} if hasattr(value, "items") else value


def settings(**changes) -> tuple[list, list]:
    """Validate the real settings with ``changes`` merged into them."""
    from handbook.core.project import MKDOCS_FILE, load_mkdocs_config

    base = plain(load_mkdocs_config(MKDOCS_FILE).plugins["handbook"].config)
    for key, value in changes.items():
        base[key] = {**base[key], **value} if isinstance(value, dict) else value
    config = HandbookSettings()
    config.load_dict(base)
    return config.validate()


@pytest.mark.parametrize("changes, message", [
    ({"feedback_url": "synpunkter@varberg.se"}, "is not a mailto: or https:// address"),
    ({"contact": {"email": "kommunikation"}}, "'email': 'kommunikation' is not an e-mail address"),
    ({"contact": {"phone": "ring oss"}}, "is not a phone number"),
    ({"pdf": "kanske"}, "is not on or off"),
    ({"feedbak_url": "x"}, "unknown setting 'feedbak_url'"),
])
def test_a_wrong_setting_is_a_configuration_error_naming_the_option(changes, message):
    errors, _ = settings(**changes)
    assert any(message in str(err) for _, err in errors), errors


def test_every_accessibility_item_must_be_filled_in():
    errors, _ = settings(accessibility={"compliance": "partially", "known_problems": {"sv": "", "en": "x"}})
    assert any("is empty; fill it in" in str(err) for _, err in errors), errors
    errors, _ = settings(accessibility={"compliance": "helt"})
    assert any("compliance" in str(err) for _, err in errors), errors


# --- what pages get from the settings ------------------------------------------------------

LABELS = SimpleNamespace(unit="Kommunikationsenheten, kommunkansliet", email="E-post", phone="Telefon",
                         web="Webbplats", contact_centre="Kommunens kontaktcenter")
CENTRE = SimpleNamespace(name={"sv": "Varberg direkt, kontaktcenter"}, phone="0340-88 000", web="https://www.varberg.se")


def test_the_contact_centre_is_shown_until_the_unit_gives_its_own_email_and_phone():
    centre_only = contact_details.details_markdown(SimpleNamespace(email="", phone="", contact_centre=CENTRE), LABELS, "sv")
    assert "Kommunens kontaktcenter: Varberg direkt, kontaktcenter" in centre_only
    assert "[0340-88 000](tel:+4634088000)" in centre_only and "<https://www.varberg.se>" in centre_only
    own = contact_details.details_markdown(SimpleNamespace(email="komm@varberg.se", phone="", contact_centre=CENTRE), LABELS, "sv")
    assert "- E-post: [komm@varberg.se](mailto:komm@varberg.se)" in own and "kontaktcenter" not in own


def test_settings_reach_the_page_in_its_language_and_compliance_in_diggs_wording():
    values = {"accessibility": {"compliance": "partially", "known_problems": {"sv": "Inga.", "en": "None."},
                                "assessed_on": dt.date(2026, 11, 26)}}
    labels = SimpleNamespace(date_locale="sv_SE", accessibility=SimpleNamespace(compliance={"partially": "delvis förenlig"}))
    text = ("Webbplatsen är <!-- setting: accessibility.compliance --> med lagen. <!-- setting: accessibility.known_problems --> "
            "<!-- setting: accessibility.assessed_on -->")
    assert settings_text.fill(text, settings=values, labels=labels, locale="sv", page_name="docs/t.md") == (
        "Webbplatsen är delvis förenlig med lagen. Inga. 26 november 2026")
    with pytest.raises(HandbookError, match="docs/t.md: the setting 'accessibility.colour' does not exist"):
        settings_text.fill("<!-- setting: accessibility.colour -->", settings=values, labels=labels, locale="sv", page_name="docs/t.md")


def test_a_material_seam_that_no_longer_matches_stops_the_build_with_its_name():
    assert material_seams.apply_seam("<div role=dialog>", "dialog name", "role=dialog", "role=dialog aria-label=x") == "<div role=dialog aria-label=x>"
    with pytest.raises(material_seams.SeamError, match="Material seam 'dialog name'"):
        material_seams.apply_seam("<div role='dialog'>", "dialog name", "role=dialog", "x")
