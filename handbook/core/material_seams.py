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

# Zensical 0.0.73's search box is drawn in a shadow root, with its styles in a <style> that its
# bundle adds at run time: `….appendChild(C("style",{},Tc.toString()))`, Tc a string literal of
# the bundle. A CSP hash of that exact text in style-src lets it apply (security_headers); Material's
# bundle adds no <style>, so none is found in the MkDocs build.
_RUN_TIME_STYLE = re.compile(r'\.appendChild\(\w+\("style",\{\},([A-Za-z_$][\w$]*)\.toString\(\)\)\)')
_JS_STRING = r"""(?:^|[^\w$.])%s=(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")"""


def run_time_styles(bundle: str) -> list[str]:
    """The text of each <style> the theme's JavaScript bundle adds at run time (none: [])."""
    found = []
    for use in _RUN_TIME_STYLE.finditer(bundle):
        name = use.group(1)
        # A minifier reuses short names in other scopes: the literal nearest before the use.
        literals = list(re.finditer(_JS_STRING % re.escape(name), bundle[:use.start()]))
        literal = literals[-1] if literals else None
        if not literal:
            raise SeamError(f"Zensical seam 'search box style': its bundle adds a <style> from {name}, but no string "
                            f"literal {name}='…' is in it, so its CSP hash cannot be computed. Zensical has changed: "
                            "see README.md, 'When Material reaches end of life'.")
        text = literal.group(1) if literal.group(1) is not None else literal.group(2)
        if "\\" in text:
            raise SeamError(f"Zensical seam 'search box style': the <style> text {name} holds a JavaScript escape; "
                            "read it in the browser (its hash is in Chromium's CSP message) and decode it here.")
        found.append(text)
    return found


# The built page's parts, as the whole-handbook PDF reads them (handbook/pdf/pdf_assemble.py).
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


_APP_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_BASE = re.compile(r'"base": "([^"]*)"')
_SEARCH_WORKER = re.compile(r'"search": "((?:[^"]*/)?)assets/javascripts/workers/[^"/]+"')
WORKER = "assets/javascripts/workers/handbook-search.js"


def app_config(html: str, *, root: str) -> str:
    """Material's app config: each language searches its own index (``root``, e.g. ``en/``, see
    handbook/search/split_by_language.py), with the handbook's own search engine in place of Material's
    worker (workers/handbook-search.js)."""
    config = _found(html, _APP_CONFIG, "search index per language", "its app config <script id=\"__config\">")
    text = config.group(1)
    base = _found(text, _BASE, "search index per language", '"base": "…" in its app config')
    text = text.replace(base.group(0), f'"base": "{base.group(1).rstrip("/")}/{root}"', 1)
    worker = _found(text, _SEARCH_WORKER, "search worker wrapper",
                    'its search worker as "search": "…assets/javascripts/workers/…" in its app config')
    text = text.replace(worker.group(0), f'"search": "{worker.group(1)}{WORKER}"', 1)
    return html[:config.start(1)] + text + html[config.end(1):]


def search_worker(app_config_html: str) -> str:
    """The address of Material's search worker in its app config, e.g.
    ../assets/javascripts/workers/search.a7633da7.min.js."""
    worker = _found(app_config_html, _SEARCH_WORKER, "search worker wrapper",
                    'its search worker as "search": "…" in its app config')
    return worker.group(0).split('"')[3]


# Material's hreflang links to each language's start page make its bundle fetch both sitemaps on
# every page view; the language selector links each page's twin already.
_HREFLANG = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def no_hreflang_links(html: str) -> str:
    _found(html, _HREFLANG, "no hreflang links in head", '<link rel="alternate" href="…" hreflang="…">')
    return _HREFLANG.sub("", html)


# Material's search dialog has no accessible name (axe's aria-dialog-name): it gets the name of
# the search options' <nav> ("Sök" / "Search", Material's lang.t("search")). Material's menu
# button is a <label> for its hidden drawer checkbox, which Tab never reaches: a real button goes
# before it, named after the navigation it opens (Material's primary <nav>, lang.t("nav")), with
# the label's icon. navigation-drawer.js shows the button and hides the label, so that without
# JavaScript the label still opens the drawer.
_SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)">')
_DIALOG = 'data-md-component="search" role="dialog"'
_NAV_NAME = re.compile(r'<nav class="md-nav md-nav--primary" aria-label="([^"]*)"')
_DRAWER_LABEL = re.compile(r'<label class="md-header__button md-icon" for="__drawer">\s*(<svg.*?</svg>)', re.S)


def search_dialog_name(html: str) -> str:
    name = _found(html, _SEARCH_NAME, "search dialog name", "the search options' <nav aria-label>").group(1)
    return apply_seam(html, "search dialog name", _DIALOG, f'{_DIALOG} aria-label="{name}"')


def menu_button(html: str) -> str:
    label = _found(html, _DRAWER_LABEL, "menu button", "the header's <label … for=\"__drawer\"> with its icon")
    nav = _found(html, _NAV_NAME, "menu button", "the primary <nav aria-label>").group(1)
    button = (f'<button type="button" class="md-header__button md-icon handbook-menu" aria-label="{nav}" '
              f'aria-expanded="false" hidden>{label.group(1)}</button>')
    return html[:label.start()] + button + html[label.start():]


def header(html: str) -> str:
    return menu_button(search_dialog_name(html))


# Every script deferred, so that none holds up the first paint. material-seams.js (the JavaScript
# seams, part 2) comes first: it holds back the search index request until the reader reaches for
# search, and tells the handbook's other scripts where Material's search box is.
_BUNDLE = re.compile(r'<script src="((?:[^"]*/)?)assets/javascripts/bundle\.[^"]*"')


def deferred_scripts(html: str, *, seams: bool = True) -> str:
    bundle = _found(html, _BUNDLE, "deferred scripts", "<script src=\"…assets/javascripts/bundle.….js\">")
    if seams:
        script = f'<script defer src="{bundle.group(1)}assets/javascripts/material-seams.js"></script>\n'
        html = html[:bundle.start()] + script + html[bundle.start():]
    return html.replace("<script src=", "<script defer src=")


def material_page(html: str, *, root: str) -> str:
    """A whole built page of the language whose pages are under ``root`` ("" or "en/") with every
    edit the handbook makes to Material's own HTML: a step over the built HTML, so that the
    templates need no filter of ours and any engine that renders Material's templates gets it."""
    html = no_hreflang_links(app_config(html, root=root))
    return fix_page_html(deferred_scripts(header(html)))


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
    Its app config already points each language at its own root, its search dialog has a name
    and its head no hreflang links; its bundle speaks another search protocol, so
    material-seams.js, and with it the handbook's search in the browser, is not loaded yet."""
    return fix_page_html(deferred_scripts(menu_button(drawer_toc_name(html)), seams=False))
