"""Everything the handbook's Python knows about Material for MkDocs' exact output, in one place.

Material reaches end of life on 2027-05-05 (README, "When Material reaches end of life"). Each
seam below is a fact about Material 9.8's HTML, CSS classes, file names or JavaScript protocol that
our code depends on; tests/test_material_seams.py checks every one against the built site and
names the seam when an upgrade changes it. The other two places that know Material's insides
are overrides/partials/material-seams.html (edits of its rendered HTML, through the ``seam``
filter below) and overrides/assets/javascripts/material-seams.js (its search worker protocol and
its search index request).
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

# Material's assets carry a content hash in their name (main.57a0d79d.min.css,
# bundle.a5f9d56c.min.js, workers/search.a7633da7.min.js): a new version gets a new name, so
# deploy/ caches them for a year (handbook/security_headers.py).
HASHED_ASSET = re.compile(r"/assets/(?:.+/)?[^/]+\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")

# The built page's parts, as the whole-handbook PDF reads them (handbook/pdf_assemble.py).
ARTICLE = "article.md-content__inner"
PRIMARY_NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"
FOOTER_LINK = "a.md-footer__link--{direction}[href]"  # direction: prev or next
PERMALINK = ".headerlink"

# Material's search plugin leaves an element with this attribute, and its text, out of the
# search index: the hidden "Link to another website" of every external link would otherwise
# make each section with such a link a match for "webbplats" and "link".
SEARCH_EXCLUDE = "data-search-exclude"

# MkDocs' search plugin writes the index here; Material's bundle requests it (and our
# material-seams.js holds that request back until the reader reaches for search).
SEARCH_INDEX = "search/search_index.json"


class SeamError(PluginError):
    """Material's output no longer looks the way one of our seams expects."""


def apply_seam(html: str, name: str, needle: str, replacement: str) -> str:
    """``html`` with ``needle`` replaced; an error naming the seam when Material's HTML no
    longer contains it (an upstream change would otherwise make the edit a silent no-op)."""
    if needle not in html:
        raise SeamError(
            f"Material seam '{name}': Material's HTML no longer contains {needle!r}, so the "
            "handbook's edit of it cannot be applied. Material has changed: see README.md, "
            "'When Material reaches end of life', and overrides/partials/material-seams.html."
        )
    return html.replace(needle, replacement)


_SEARCH_WORKER = re.compile(r'"search": "([^"]+)"')


def search_worker(app_config: str) -> str:
    """The address of Material's search worker in its app config, e.g.
    ../assets/javascripts/workers/search.a7633da7.min.js."""
    match = _SEARCH_WORKER.search(app_config)
    if not match:
        raise SeamError("Material seam 'search worker wrapper': Material's app config no longer names "
                        "its search worker as \"search\": \"…\". Material has changed: see README.md, "
                        "'When Material reaches end of life'.")
    return match.group(1)


def install(env) -> None:
    """Make the ``seam`` and ``search_worker`` filters available to the templates."""
    env.filters["seam"] = lambda html, name, needle, replacement: apply_seam(str(html), name, needle, replacement)
    env.filters["search_worker"] = lambda html: search_worker(str(html))


# Material's base.html gives its two hidden toggles (the navigation drawer and search)
# autocomplete="off", so that a browser does not bring a toggle back checked when a page is
# opened again. The attribute is not allowed on checkboxes (the Nu Html Checker reports it on
# every page), and these lines are outside any Jinja block, so the built page is edited here.
# Without it Chromium does restore them after back and forward, and Material's bundle does not
# reset them: overrides/assets/javascripts/navigation-drawer.js unchecks both on every pageshow
# (tests/test_accessibility.py checks it after back and forward navigation in Chromium).
_TOGGLES = {
    "drawer toggle without autocomplete":
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    "search toggle without autocomplete":
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
}


def fix_page_html(html: str) -> str:
    """A whole built page (or 404 page) with the edits that no template block can make."""
    for name, toggle in _TOGGLES.items():
        html = apply_seam(html, name, toggle, toggle.replace(' autocomplete="off"', ""))
    return html
