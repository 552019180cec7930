"""Promises about access, checked in Chromium: the keyboard alone at a phone's and a desktop's
width, axe-core with search open, and an accessibility statement with every item. axe-core on
every page, and no request to anyone but the site, are in tests/test_every_page.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from handbook.core import material_seams
from tests import keyboard, tour
from tests.conftest import fonts_installed, launch_chromium
from tests.fonts import FONT_SETS
from tests.search import answers
from tests.test_content import article, section_text

MOBILE = tour.MOBILE
# The widths keyboard use is checked at: a phone (the navigation is a drawer) and a desktop.
WIDTHS = {"375px": MOBILE, "1280px": tour.DESKTOP}
# The font sets the layout is checked with (tests/fonts.py): every page is walked with Tab with
# the first; with the others, the layout of every page is measured (cheap), a start page and a
# topic page are walked with Tab (a walk of every page costs some 20 s per font set), and the
# menu and the language selector are used with the keyboard.
FONTS = list(FONT_SETS)
KEYBOARD_PAGES = ["index.md", "facebook-konton.md"]


def test_axe_finds_no_violation_with_search_open_and_results_showing(site, open_page):
    found = []
    for lang in site.languages:
        page, _, _ = open_page(site.url + lang.url_prefix())
        answers(page, "facebook")  # typed, and the results have settled
        page.wait_for_timeout(400)  # let the results' fade-in finish before colours are measured
        found += [f"{lang.name}: {v}" for v in tour.axe_violations(page)]
    assert found == []


def test_a_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(site, open_page):
    for lang in site.languages:
        page, _, _ = open_page(site.page_url(lang, "facebook-konton.md"))
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
        assert "md-skip" in focused[0], focused
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == focused[1]


@pytest.fixture(scope="module")
def page_at(browsers, server):
    """One Chromium page per width (and font set), shared by this module's keyboard tests (fast)."""
    pages = {}

    def get(width: str, fonts: str = FONTS[0]):
        if (fonts, width) not in pages:
            pages[fonts, width] = browsers(fonts).new_context(viewport=WIDTHS[width]).new_page()
        return pages[fonts, width]

    yield get
    for page in pages.values():
        page.context.close()


@dataclass
class Visit:
    """What a reader meets on one page at one width, measured once for several tests."""
    name: str
    tab_stops: list[dict]
    headings: list[dict]
    site_name_shown: int
    lone_permalinks: list[str]
    walked: bool  # walked with Tab (tab_stops), or only measured


def _visit_every_page(site, fonts: str, widths: list[str], folder) -> dict[str, list[Visit]]:
    """Every page in each language at each of ``widths`` with one font set, as loaded, then
    walked with Tab (with the first font set every page, with the others KEYBOARD_PAGES) from the
    end of the page: a reader who has read to the end and goes on with Tab, or comes round again,
    must see each stop scrolled into view, also those above (Tab from the top only ever scrolls
    down). A page only measured is loaded once and measured at each width in turn (the window
    resized, as a reader turns a tablet); a page walked is loaded afresh for each width. In a
    thread of its own, with its own Playwright and Chromium: a walk mostly waits for the browser,
    so the walks go side by side."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[Visit]] = {width: [] for width in widths}
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright, fonts, folder)
        page = chromium.new_context(viewport=WIDTHS[widths[0]]).new_page()
        for lang in site.languages:
            # Every page, and the page shown for an address that does not exist (its 404 page).
            for name in ["index.md", *(n for n in site.pages(lang) if n != "index.md"), "404"]:
                missing = site.url + lang.url_prefix() + "ingen-sadan-sida/"
                url = missing if name == "404" else site.page_url(lang, name)
                walked = fonts == FONTS[0] or name in KEYBOARD_PAGES
                for i, width in enumerate(widths):
                    page.set_viewport_size(WIDTHS[width])
                    if i == 0 or walked:
                        page.goto(url, wait_until="load")
                    if name == "index.md":
                        site_name = page.title()  # a start page is titled with its site's name alone
                        assert "Varberg" in site_name, f"the {lang.name} start page's title is {site_name!r}"
                    keyboard.settle(page)
                    found[width].append(Visit(
                        name=f"{missing if name == '404' else lang.source_name(name)} at {width} with {FONT_SETS[fonts].name}",
                        headings=page.evaluate(keyboard.HEADINGS),
                        site_name_shown=page.evaluate(keyboard.TIMES_SHOWN, site_name),
                        lone_permalinks=page.evaluate(keyboard.LONE_PERMALINKS),
                        tab_stops=keyboard.tab_stops(page, from_the_end=True) if walked else [],
                        walked=walked,
                    ))
        chromium.close()
    return found


@pytest.fixture(scope="module")
def visits(site, browsers, server, tmp_path_factory) -> dict[tuple[str, str], list[Visit]]:
    """What the reader meets on every page, by (font set, width): the first font set's walks one
    thread per width, each other font set's in one thread for both widths."""
    from concurrent.futures import ThreadPoolExecutor

    installed = [fonts for fonts in FONTS if FONT_SETS[fonts].folder() is not None]
    jobs = [(fonts, [width]) for fonts in installed[:1] for width in WIDTHS]
    jobs += [(fonts, list(WIDTHS)) for fonts in installed[1:]]
    with ThreadPoolExecutor(max(1, len(jobs))) as pool:
        walks = [pool.submit(_visit_every_page, site, fonts, widths,
                             tmp_path_factory.mktemp(f"fonts-{fonts}-{widths[0]}")) for fonts, widths in jobs]
        return {(fonts, width): visits for (fonts, _), walk in zip(jobs, walks)
                for width, visits in walk.result().items()}


def visits_with(visits, fonts: str, width: str) -> list[Visit]:
    fonts_installed(fonts)
    return visits[fonts, width]


@pytest.mark.parametrize("fonts", FONTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_shows_a_visible_focus_and_nothing_hidden_takes_focus(visits, width, fonts):
    problems = []
    walked = [visit for visit in visits_with(visits, fonts, width) if visit.walked]
    assert len(walked) >= 2 * len(KEYBOARD_PAGES), [visit.name for visit in walked]
    for visit in walked:
        # A walk that ends early proves nothing (a 404 page has 8 stops at 375 px, a topic page 15).
        assert len(visit.tab_stops) > 6, f"{visit.name}: only {len(visit.tab_stops)} tab stops"
        for number, stop in enumerate(visit.tab_stops, 1):
            if stop["in_closed_drawer"]:
                problems.append(f"{visit.name}, Tab {number}: {stop['what']} is inside the closed navigation drawer")
            elif not stop["visible"]:
                problems.append(f"{visit.name}, Tab {number}: {stop['what']} is focused but not visible ({stop['seen']})")
            elif not stop["indicator"]:
                problems.append(f"{visit.name}, Tab {number}: {stop['what']} shows no focus indicator")
    assert problems == []


@pytest.mark.parametrize("fonts", FONTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_title_is_the_strongest_heading(visits, width, fonts):
    for visit in visits_with(visits, fonts, width):
        h1, *others = visit.headings
        assert h1["tag"] == "H1" and others, visit.name
        for other in others:
            assert h1["size"] > other["size"], f"{visit.name}: the H1 is not larger than {other}"
            assert h1["weight"] >= other["weight"], f"{visit.name}: the H1 {h1} is thinner than {other}"
            assert h1["contrast"] >= other["contrast"] - 0.01, f"{visit.name}: the H1 {h1} is paler than {other}"


@pytest.mark.parametrize("fonts", FONTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_site_name_is_shown_once_at_the_top(visits, width, fonts):
    shown = {visit.name: visit.site_name_shown for visit in visits_with(visits, fonts, width)}
    assert set(shown.values()) == {1}, shown


@pytest.mark.parametrize("fonts", FONTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_permalink_sits_on_a_line_of_its_own(visits, width, fonts):
    lone = {visit.name: visit.lone_permalinks for visit in visits_with(visits, fonts, width) if visit.lone_permalinks}
    assert lone == {}


@pytest.mark.parametrize("width", ["375px", "1280px"])
def test_search_opened_from_its_button_keeps_tab_inside_in_view_and_escape_returns_to_the_button(site, page_at, width):
    """Opened with Enter on the header's search button (from the foot of a page), every tab stop
    of the search dialog is in view and inside it, round after round; Escape closes it and gives
    focus back to the button, in view."""
    page = page_at(width)
    for lang in site.languages:
        page.goto(site.page_url(lang, "facebook-konton.md"), wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        stop = keyboard.tab_until(page, lambda s: "handbook-search-button" in s["what"])
        assert stop is not None and stop["visible"], f"{lang.name}: Tab never reaches a visible search button: {stop}"
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('dialog[open] input[type=search]')")
        word = "konto" if lang.locale == "sv" else "account"
        page.keyboard.type(word)
        page.wait_for_function("w => document.querySelector('dialog.handbook-search').dataset.answered === w", arg=word)
        # Round after round: each stop is in the dialog, in view and marked; past the last one
        # Chromium, as the HTML standard lets it, moves focus to its own controls (no element of
        # the page is focused), and the next Tab is back at the dialog's first.
        stops, out = [], 0
        for _ in range(14):
            stop = keyboard.tab(page)
            if stop is None:
                out += 1
                continue
            inside = page.evaluate("() => document.activeElement.closest('dialog[open]') !== null")
            assert inside and stop["visible"] and stop["indicator"], f"{lang.name} at {width}: {stop}"
            stops.append(stop["what"])
        assert len(set(stops)) >= 4 and len(stops) > len(set(stops)), (
            f"{lang.name} at {width}: Tab goes round the box, the close button and the results: {stops}")
        page.keyboard.press("Escape")
        back = keyboard.focused(page)
        assert back is not None and "handbook-search-button" in back["what"] and back["visible"], back


def _menu_button(stop: dict) -> bool:
    return stop["in_header"] and stop["tag"] == "BUTTON" and stop["expanded"] is not None


@pytest.mark.parametrize("fonts", FONTS)
def test_the_menu_button_opens_the_drawer_from_the_keyboard_and_escape_closes_it(site, page_at, fonts):
    page = page_at("375px", fonts)
    drawer_links = """() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
        .filter(a => a.checkVisibility({visibilityProperty: true})).map(a => a.getAttribute('href'))"""

    def reach_the_menu_button(lang):
        page.goto(site.page_url(lang, "facebook-konton.md"), wait_until="load")
        button = keyboard.tab_until(page, _menu_button, limit=10)
        assert button is not None, f"{lang.name}: the menu button cannot be reached with Tab"
        assert button["visible"] and button["expanded"] == "false", button

    for lang in site.languages:
        for key in ("Enter", " "):
            reach_the_menu_button(lang)
            page.keyboard.press(key)
            stop = keyboard.focused(page)
            assert stop is not None and stop["in_drawer"] and stop["visible"], (
                f"{lang.name}: {key!r} on the menu button does not open the drawer and move focus into it: {stop}")
            links, reached = set(page.evaluate(drawer_links)), set()
            while stop is not None and stop["in_drawer"]:
                assert stop["visible"], f"{lang.name}: {stop['what']} in the open drawer is not visible"
                reached.add(stop["href"])
                stop = keyboard.tab(page)
            assert links <= reached, f"{lang.name}: links in the open drawer never reached: {links - reached}"
            # Tab past the drawer's last link closes it and goes on to the page.
            assert stop is not None and stop["visible"], f"{lang.name}: after the drawer: {stop}"
        reach_the_menu_button(lang)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        back = keyboard.focused(page)
        assert back is not None and _menu_button(back) and back["expanded"] == "false", (
            f"{lang.name}: Escape does not close the drawer and return to the menu button: {back}")
        assert not keyboard.tab(page)["in_drawer"], f"{lang.name}: the closed drawer still takes focus"
    # Widened until the drawer is a sidebar, its links take focus again; narrowed, no longer.
    # The media query's change event comes with the next frame after a resize, not at once.
    def inert_becomes(value):
        becomes = "want => document.querySelector('.md-sidebar--primary').inert === want"
        try:
            page.wait_for_function(becomes, arg=value, timeout=2_000)
        except PlaywrightTimeout:
            return False
        return True

    page.set_viewport_size(WIDTHS["1280px"])
    assert inert_becomes(False), "the navigation sidebar of a wide screen is inert"
    page.set_viewport_size(WIDTHS["375px"])
    assert inert_becomes(True), "the closed drawer is not inert again on a narrow screen"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("fonts", FONTS)
def test_the_language_selector_shows_the_language_by_name_and_works_with_the_keyboard(site, page_at, width, fonts):
    page = page_at(width, fonts)
    for lang in site.languages:
        other = next(o for o in site.languages if o != lang)
        page.goto(site.page_url(lang, "elever-och-brukare.md"), wait_until="load")
        selector = keyboard.tab_until(page, lambda stop: stop["in_header"] and stop["text"] == lang.name, limit=10)
        assert selector is not None and selector["tag"] == "BUTTON" and selector["visible"], (
            f"{lang.name} at {width}: no button in the header that reads {lang.name!r}")
        link = keyboard.tab_until(page, lambda stop: stop["text"] == other.name, limit=3)
        assert link is not None and link["visible"], (
            f"{lang.name} at {width}: the selector's {other.name} entry is not reached with Tab")
        page.keyboard.press("Enter")
        page.wait_for_url(site.page_url(other, "elever-och-brukare.md"))


def test_the_drawer_is_closed_when_a_page_is_opened_again_with_back_or_forward(site, page_at):
    """Material's hidden drawer toggle used autocomplete="off" (not valid HTML) so that a browser
    does not restore it checked; navigation-drawer.js must do that job now. Search's toggle is
    no checkbox any more (a hidden input), so nothing can bring it back checked."""
    page = page_at("375px")
    toggles = "() => [document.getElementById('__drawer').checked, document.getElementById('__search').checked]"
    topic, other = (site.page_url(site.languages[0], name) for name in ("facebook-konton.md", "kontakta-oss.md"))

    def checked_after(leave, toggle: str) -> list[bool]:
        """The toggles after checking ``toggle``, leaving the page with ``leave`` and going back."""
        page.evaluate("id => document.getElementById(id).click()", toggle)
        assert page.evaluate(toggles) != [False, False]
        leave()
        page.go_back(wait_until="load")
        page.evaluate("() => new Promise(done => requestAnimationFrame(done))")
        return page.evaluate(toggles)

    page.goto(topic, wait_until="load")
    assert page.evaluate("document.getElementById('__search').type") == "hidden"
    for toggle in ("__drawer",):
        page.goto(topic, wait_until="load")
        assert checked_after(lambda: page.goto(other, wait_until="load"), toggle) == [False, False], (
            f"{toggle} is checked again after following a link and going back")
        assert checked_after(lambda: page.go_forward(wait_until="load"), toggle) == [False, False], (
            f"{toggle} is checked again after going forward and back")


def test_materials_hidden_toggles_lose_their_invalid_autocomplete_and_a_changed_material_stops_the_build():
    drawer = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    search = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
    text = '<input type="text" class="md-search__input" autocomplete="off">'
    fixed = material_seams.fix_page_html(f"<body>\n{drawer}\n{search}\n{text}")
    assert fixed == ('<body>\n<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
                     '<input class="md-toggle" data-md-toggle="search" type="hidden" id="__search">\n' + text)
    with pytest.raises(material_seams.SeamError, match="Material seam 'search toggle hidden'"):
        material_seams.fix_page_html(f"<body>\n{drawer}\n{search.replace(' id=', ' hidden id=')}")


def test_the_navigation_works_with_the_keyboard_alone(site, open_page):
    page, _, _ = open_page(site.page_url(site.languages[0], "index.md"), viewport={"width": 1400, "height": 900})
    target = site.page_url(site.languages[0], "kontakta-oss.md")
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.href || ''")
        if href == target and page.evaluate("() => !!document.activeElement.closest('nav.md-nav--primary')"):
            break
    else:
        pytest.fail("the navigation link to Kontakta oss cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


DIGG_ITEMS = ["organisation", "service", "compliance-status", "known-problems", "dates", "method",
              "feedback", "report-to-digg", "exemptions", "outside-scope"]


def test_the_accessibility_statement_has_every_item_digg_requires_and_every_footer_links_to_it(site):
    for lang in site.languages:
        statement = site.html_file(lang, "tillganglighetsredogorelse.md")
        soup = BeautifulSoup(statement.read_text(encoding="utf-8"), "html.parser")
        for item in DIGG_ITEMS:
            heading = article(soup).find(id=item)
            assert heading is not None, f"{lang.name} statement: no #{item}"
            text = section_text(heading)
            assert len(text) >= 20, f"{lang.name} statement: #{item} is empty: {text!r}"
            assert not re.search(r"ännu inte fyllts i|not yet stated|<!--", text, re.I), f"{lang.name} #{item}: {text!r}"
        compliance = section_text(article(soup).find(id="compliance-status"))
        assert re.search(r"(helt|delvis|inte) förenlig med lagen \(2018:1937\)|is (fully|partially|not) compliant with the Act", compliance), compliance
        assert soup.find("a", href="https://www.digg.se/tdosanmalan") is not None
        for page in site.pages(lang):
            html = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
            link = html.select_one("footer .handbook-accessibility-link")
            assert link is not None, f"{lang.source_name(page)}: no footer link to the accessibility statement"
            target = (site.html_file(lang, page).parent / link["href"]).resolve()
            assert target == (statement.parent).resolve(), f"{lang.source_name(page)}: {link['href']}"
