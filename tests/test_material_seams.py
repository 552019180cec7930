"""Every place where the handbook depends on Material for MkDocs' exact output (a "seam") is
tested here by name, so that upgrading Material, or replacing it when it reaches end of life
(2027-05-05), fails with the seam's name instead of silently doing nothing.

- Page seams: each edit of Material's rendered HTML (handbook/core/material_seams.py,
  ``material_page``, run on every built page) stops the build naming the seam when Material's
  HTML no longer holds what the edit expects; and the built site shows each edit's effect.
- Python seams (handbook/core/material_seams.py): Material's asset names and the parts of its pages
  that the whole-handbook PDF reads.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from handbook.core import material_seams
from handbook.core.project import ROOT

HEADER = ('<label class="md-header__button md-icon" for="__drawer">\n<svg viewBox="0 0 24 24"></svg>\n</label>'
          '<label class="md-header__button md-icon" for="__search">\n<svg viewBox="0 0 24 24"></svg>\n</label>'
          '<button type="button" class="md-header__button md-icon handbook-search-button"></button>'
          '<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">')
TOC = '<nav class="md-nav md-nav--secondary" aria-label="On this page"></nav>'
DRAWER = (f'<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"><ul><li>{TOC}</li></ul></nav>'
          f'<div class="md-sidebar md-sidebar--secondary" data-md-type="toc">{TOC}</div>')
PAGE_SEAMS = {
    # seam name: (edit, Material's HTML as the edit gets it, the part of it the edit needs)
    "no hreflang links in head": (material_seams.no_hreflang_links,
                                  '<meta charset="utf-8"><link rel="alternate" href="../" hreflang="sv">',
                                  '<link rel="alternate" href="../" hreflang="sv">'),
    "search label": (material_seams.header, HEADER, '<label class="md-header__button md-icon" for="__search">'),
    "menu button": (material_seams.header, HEADER, '<label class="md-header__button md-icon" for="__drawer">'),
    "drawer's table of contents name": (material_seams.drawer_toc_name, DRAWER,
                                        '<div class="md-sidebar md-sidebar--secondary"'),
    "deferred scripts": (material_seams.deferred_scripts,
                         '<script src="../assets/javascripts/bundle.f00d.min.js"></script>', "<script src="),
}


@pytest.mark.parametrize("seam", PAGE_SEAMS)
def test_a_page_seam_stops_the_build_with_its_name_when_materials_html_changes(seam):
    edit, material, needle = PAGE_SEAMS[seam]
    assert edit(material) != material  # Material's HTML as it is: the edit applies
    changed = material.replace(needle, needle.replace('"', "'").replace("<script ", "<script type=module "))
    with pytest.raises(material_seams.SeamError, match=f"Material seam '{seam}'"):
        edit(changed)


def test_the_page_seams_make_the_edits_the_templates_made():
    header = material_seams.header(HEADER)
    assert 'for="__search"' not in header and header.endswith(HEADER[HEADER.index('<button'):])
    assert ('<button type="button" class="md-header__button md-icon handbook-menu" aria-label="Navigation" '
            'aria-expanded="false" hidden><svg viewBox="0 0 24 24"></svg></button><label') in header
    assert material_seams.drawer_toc_name(DRAWER) == DRAWER.replace(
        'aria-label="On this page"', 'aria-label="On this page (Navigation)"', 1)
    assert material_seams.deferred_scripts('<script src="a/assets/javascripts/bundle.f00d.min.js"></script>'
                                           '<script src="x.js"></script>') == (
        '<script defer src="a/assets/javascripts/material-seams.js"></script>\n'
        '<script defer src="a/assets/javascripts/bundle.f00d.min.js"></script><script defer src="x.js"></script>')


def test_no_template_of_the_handbook_needs_a_filter_or_a_python_call_of_ours():
    """Both engines render the same overrides: only Jinja's own filters and what MkDocs and
    Zensical both give a template (``url``), no method call such as ``.startswith(``."""
    builtin = {"e", "url", "striptags", "tojson", "replace", "lower", "first", "length", "join", "default"}
    for template in (ROOT / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        code = " ".join(re.findall(r"{[{%](.*?)[%}]}", text, flags=re.S))
        code = re.sub(r"\"[^\"]*\"|'[^']*'", "''", code)
        filters = set(re.findall(r"\|\s*(\w+)", code))
        assert filters <= builtin, f"{template.name}: filters {sorted(filters - builtin)}"
        methods = [m for m in re.findall(r"\.(\w+)\(", code) if m not in ("t",)]  # lang.t: Material's macro
        assert not methods, f"{template.name}: Python method calls {methods}"


def built(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.dir / path).read_text(encoding="utf-8"), "html.parser")


def test_each_page_seam_has_its_effect_on_the_built_pages(site):
    for lang in site.languages:
        soup = built(site, lang.url_prefix() + "facebook-konton/index.html")
        assert not soup.select('head link[rel=alternate][hreflang]'), "seam 'no hreflang links in head'"
        assert not soup.select('label[for="__search"]') and soup.select(".md-header .handbook-search-button"), "seam 'search label'"
        assert all(s.has_attr("defer") for s in soup.find_all("script", src=True)), "seam 'deferred scripts'"


@pytest.mark.parametrize("seam, selector", [
    ("ARTICLE", material_seams.ARTICLE),
    ("PRIMARY_NAV_LINKS", material_seams.PRIMARY_NAV_LINKS),
    ("FOOTER_LINK next", material_seams.FOOTER_LINK.format(direction="next")),
    ("FOOTER_LINK prev", material_seams.FOOTER_LINK.format(direction="prev")),
    ("PERMALINK", material_seams.PERMALINK),
])
def test_each_part_of_materials_page_that_the_pdf_reads_is_there(site, seam, selector):
    soup = built(site, "facebook-konton/index.html")
    assert soup.select(selector), f"Material seam {seam}: '{selector}' finds nothing in a built page"


def test_materials_asset_names_carry_the_content_hash_that_deploy_caches_for_a_year(site):
    assets = [p.relative_to(site.dir).as_posix() for p in (site.dir / "assets").rglob("*.min.*")]
    hashed = [a for a in assets if material_seams.HASHED_ASSET.search("/" + a)]
    for kind in (r"stylesheets/main\.", r"javascripts/bundle\."):
        assert any(re.search(kind, a) for a in hashed), f"Material seam HASHED_ASSET: no hashed {kind} in {assets}"
    assert (site.dir / material_seams.SEARCH_INDEX).is_file(), "Material seam SEARCH_INDEX"
