"""Every place where the handbook depends on Material for MkDocs' exact output (a "seam") is
tested here by name, so that upgrading Material, or replacing it when it reaches end of life
(2027-05-05), fails with the seam's name instead of silently doing nothing.

- Template seams: each edit of Material's rendered HTML (overrides/partials/material-seams.html)
  goes through the ``seam`` filter, which stops the build naming the seam when Material's HTML
  no longer holds what the edit expects; and the built site shows each edit's effect.
- Python seams (handbook/material_seams.py): Material's asset names and the parts of its pages
  that the whole-handbook PDF reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from handbook import material_seams
from handbook.project import ROOT

HEADER = ('<label class="md-header__button md-icon" for="__drawer"></label>'
          '<div class="md-search" data-md-component="search" role="dialog">')
APP_CONFIG = '<script id="__config" type="application/json">{"base": "..", "search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
TEMPLATE_SEAMS = {
    # seam name: (macro, Material's HTML as the macro gets it, the part of it the edit needs)
    "search index per language": ("app_config", APP_CONFIG, '"base": ".."'),
    "search worker wrapper": ("app_config", APP_CONFIG, '"search": "'),
    "no hreflang links in head": ("site_meta", '<meta charset="utf-8"><link rel="alternate" href="../" hreflang="sv">',
                                  '<link rel="alternate" href="../" hreflang="sv">'),
    "search dialog name": ("header", HEADER, 'data-md-component="search" role="dialog"'),
    "menu button": ("header", HEADER, '<label class="md-header__button md-icon" for="__drawer">'),
    "deferred scripts": ("scripts", '<script src="../assets/javascripts/bundle.js"></script>', "<script src="),
}


def seams_template():
    import material

    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ROOT / "overrides"),
                                                             str(Path(material.__file__).parent / "templates")]))
    material_seams.install(env)
    env.filters["url"] = lambda value: value
    return env


def call_seam(macro: str, html: str):
    env = seams_template()
    context = {"base_url": "..", "handbook": {"root": ""},
               "config": {"extra": {"alternate": [{"link": "../", "lang": "sv"}], "generator": False},
                          "theme": {"language": "sv", "icon": {}}}}
    module = env.get_template("partials/material-seams.html").make_module(context)
    return getattr(module, macro)(html)


@pytest.mark.parametrize("seam", TEMPLATE_SEAMS)
def test_a_template_seam_stops_the_build_with_its_name_when_materials_html_changes(seam):
    macro, material, needle = TEMPLATE_SEAMS[seam]
    call_seam(macro, material)  # Material's HTML as it is: the edit applies
    changed = material.replace(needle, needle.replace('"', "'").replace("<script ", "<script type=module "))
    with pytest.raises(material_seams.SeamError, match=f"Material seam '{seam}'"):
        call_seam(macro, changed)


def built(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.dir / path).read_text(encoding="utf-8"), "html.parser")


def test_each_template_seam_has_its_effect_on_the_built_pages(site):
    for lang in site.languages:
        soup = built(site, lang.url_prefix() + "facebook-konton/index.html")
        app = json.loads(soup.find("script", id="__config").string)
        assert app["base"].rstrip("/").endswith(".." if lang.default else "../en") or app["base"] in ("..", "../en/"), (
            f"seam 'search index per language': base is {app['base']!r}")
        assert app["search"].endswith("assets/javascripts/workers/handbook-search.js"), "seam 'search worker wrapper'"
        assert not soup.select('head link[rel=alternate][hreflang]'), "seam 'no hreflang links in head'"
        assert soup.select_one('[data-md-component=search][role=dialog]')["aria-label"], "seam 'search dialog name'"
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
    for kind in (r"stylesheets/main\.", r"javascripts/bundle\.", r"workers/search\."):
        assert any(re.search(kind, a) for a in hashed), f"Material seam HASHED_ASSET: no hashed {kind} in {assets}"
    assert (site.dir / material_seams.SEARCH_INDEX).is_file(), "Material seam SEARCH_INDEX"
