"""Everything the handbook's Python knows about Material for MkDocs' exact output, in one place.

Material reaches end of life on 2027-05-05 (README, "When Material reaches end of life"). Each
seam below is a fact about Material 9.8's HTML, CSS classes, file names or JavaScript protocol that
our code depends on; tests/test_material_seams.py checks every one against the built site and
names the seam when an upgrade changes it. The edits of Material's rendered HTML are made here,
on each built page (``material_page``), not in the templates: the templates use no filter of ours,
so that MkDocs and Zensical render the same overrides. The other place that knows Material's
insides is overrides/assets/javascripts/material-seams.js (its search worker protocol and its
search index request).
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

# Material's assets carry a content hash in their name (main.57a0d79d.min.css,
# bundle.a5f9d56c.min.js, workers/search.a7633da7.min.js): a new version gets a new name, so
# deploy/ caches them for a year (handbook/safety/security_headers.py).
HASHED_ASSET = re.compile(r"/assets/(?:.+/)?[^/]+\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")

# The built page's parts, as the whole-handbook PDF reads them (handbook/pdf/pdf_assemble.py).
ARTICLE = "article.md-content__inner"
PRIMARY_NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"
FOOTER_LINK = "a.md-footer__link--{direction}[href]"  # direction: prev or next
PERMALINK = ".headerlink"

# Material's search plugin leaves an element with this attribute, and its text, out of the
# search index: the hidden "Link to another website" of every external link would otherwise
# make each section with such a link a match for "webbplats" and "link".
SEARCH_EXCLUDE = "data-search-exclude"

# Material's search plugin writes the index here (MkDocs; built_search on Zensical); the handbook's
# search worker fetches it when the reader reaches for search (overrides/main.html's page config).
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
            "'When Material reaches end of life', and handbook/core/material_seams.py."
        )
    return html.replace(needle, replacement)


def _found(html: str, pattern: re.Pattern, name: str, what: str) -> re.Match:
    match = pattern.search(html)
    if not match:
        raise SeamError(f"Material seam '{name}': Material's HTML no longer contains {what}, so the "
                        "handbook's edit of it cannot be applied. Material has changed: see README.md, "
                        "'When Material reaches end of life'.")
    return match


# Material's hreflang links to each language's start page make its bundle fetch both sitemaps on
# every page view; the language selector links each page's twin already.
_HREFLANG = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def no_hreflang_links(html: str) -> str:
    _found(html, _HREFLANG, "no hreflang links in head", '<link rel="alternate" href="…" hreflang="…">')
    return _HREFLANG.sub("", html)


# Material's menu button is a <label> for its hidden drawer checkbox, which Tab never reaches: a
# real button goes before it, named after the navigation it opens (Material's primary <nav>,
# lang.t("nav")), with the label's icon. navigation-drawer.js shows the button and hides the
# label, so that without JavaScript the label still opens the drawer. The header's <label> for
# the theme's own search toggle is removed: the handbook's search button (overrides/partials/
# search.html) is what opens search, and the label would open nothing.
_NAV_NAME = re.compile(r'<nav class="md-nav md-nav--primary" aria-label="([^"]*)"')
_DRAWER_LABEL = re.compile(r'<label class="md-header__button md-icon" for="__drawer">\s*(<svg.*?</svg>)', re.S)
_SEARCH_LABEL = re.compile(r'\s*<label class="md-header__button md-icon" for="__search">.*?</label>', re.S)


def no_search_label(html: str) -> str:
    label = _found(html, _SEARCH_LABEL, "search label", "the header's <label … for=\"__search\">")
    return html[:label.start()] + html[label.end():]


def menu_button(html: str) -> str:
    label = _found(html, _DRAWER_LABEL, "menu button", "the header's <label … for=\"__drawer\"> with its icon")
    nav = _found(html, _NAV_NAME, "menu button", "the primary <nav aria-label>").group(1)
    button = (f'<button type="button" class="md-header__button md-icon handbook-menu" aria-label="{nav}" '
              f'aria-expanded="false" hidden>{label.group(1)}</button>')
    return html[:label.start()] + button + html[label.start():]


def header(html: str) -> str:
    return menu_button(no_search_label(html))


# Every script deferred, so that none holds up the first paint. material-seams.js (the JavaScript
# seams) comes first: it keeps Material's bundle from requesting sitemaps, and tells the
# handbook's other scripts where Material's drawer and language links are.
_BUNDLE = re.compile(r'<script src="((?:[^"]*/)?)assets/javascripts/bundle\.[^"]*"')


def deferred_scripts(html: str) -> str:
    """Every script deferred, material-seams.js first."""
    bundle = _found(html, _BUNDLE, "deferred scripts", "<script src=\"…assets/javascripts/bundle.….js\">")
    script = f'<script defer src="{bundle.group(1)}assets/javascripts/material-seams.js"></script>\n'
    html = html[:bundle.start()] + script + html[bundle.start():]
    return html.replace("<script src=", "<script defer src=")


def material_page(html: str) -> str:
    """A whole built page with every edit the handbook makes to Material's own HTML: a step over
    the built HTML, so that the templates need no filter of ours and any engine that renders
    Material's templates gets it."""
    html = no_hreflang_links(html)
    return fix_page_html(deferred_scripts(header(html)))


# Material's base.html gives its two hidden toggles (the navigation drawer and search)
# autocomplete="off", so that a browser does not bring a toggle back checked when a page is
# opened again. The attribute is not allowed on checkboxes (the Nu Html Checker reports it on
# every page), and these lines are outside any Jinja block, so the built page is edited here.
# Without it Chromium does restore them after back and forward, and Material's bundle does not
# reset them: overrides/assets/javascripts/navigation-drawer.js unchecks both on every pageshow
# (tests/test_accessibility.py checks it after back and forward navigation in Chromium).
# The search toggle opens nothing now (search is the handbook's own), but Material's bundle looks
# it up when it starts: it stays, as a hidden input, out of the page's controls (an unlabelled
# checkbox to assistive technology otherwise).
_TOGGLES = {
    "drawer toggle without autocomplete": (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    "search toggle hidden": (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="hidden" id="__search">'),
}


def fix_page_html(html: str) -> str:
    """A whole built page (or 404 page) with the edits that no template block can make."""
    for name, (toggle, fixed) in _TOGGLES.items():
        html = apply_seam(html, name, toggle, fixed)
    return html


# In Zensical's navigation drawer the page's table of contents, under its link (Material's
# partials/nav-item.html includes partials/toc.html), has the name of the one beside the page,
# and on a phone Zensical's theme shows both (axe's landmark-unique): the drawer's copy is named
# after both navs, "On this page (Navigation)", "Innehållsförteckning (Navigation)", the theme's
# own words in the page's language. One template serves both places, so the built page is edited.
_PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary" aria-label="([^"]*)"')
_TOC_SIDEBAR = re.compile(r'<div class="md-sidebar md-sidebar--secondary"')
_TOC_NAV = re.compile(r'<nav class="md-nav md-nav--secondary" aria-label="([^"]*)">')


def drawer_toc_name(html: str) -> str:
    nav = _found(html, _PRIMARY_NAV, "drawer's table of contents name", "the primary <nav aria-label>")
    sidebar = _found(html, _TOC_SIDEBAR, "drawer's table of contents name",
                     '<div class="md-sidebar md-sidebar--secondary"> after the primary <nav>')
    drawer = html[nav.end():sidebar.start()]
    drawer = _TOC_NAV.sub(lambda m: m.group(0).replace(f'"{m.group(1)}"', f'"{m.group(1)} ({nav.group(1)})"'), drawer)
    return html[:nav.end()] + drawer + html[sidebar.start():]


def zensical_page(html: str) -> str:
    """A page built by Zensical 0.0.73 with the edits its theme (Material's templates, changed)
    still needs, and the drawer's table of contents named apart from the one beside the page.
    Its head has no hreflang links; search is the handbook's own, as on MkDocs."""
    return fix_page_html(deferred_scripts(header(drawer_toc_name(html))))
