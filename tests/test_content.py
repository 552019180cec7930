"""Promises to readers about what the built handbook contains, in both languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup



def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup):
    return soup.select_one("article.md-content__inner")


def section_text(heading) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    texts = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
            break
        if sibling.name == "aside":  # the page's owner and dates, not part of the section
            break
        texts.append(sibling.get_text(" ", strip=True))
    return " ".join(texts).strip()


def heading_text(heading) -> str:
    """A heading's words, without the permalink sign."""
    return "".join(
        t for t in heading.find_all(string=True) if not t.find_parent(class_="headerlink")
    ).strip()


def section_ids(soup) -> list[str]:
    return [h.get("id") for h in article(soup).find_all(["h2", "h3"])]


def test_every_required_section_has_a_heading_and_text_in_every_language(site):
    for page, required in site.contract.items():
        for lang in site.languages:
            html = site.html_file(lang, page)
            assert html.is_file(), f"{lang.source_name(page)}: the page was not built"
            soup = soup_of(html)
            for section_id in required:
                heading = article(soup).find(id=section_id)
                where = f"{lang.source_name(page)} #{section_id}"
                assert heading is not None, f"{where}: the required section is missing"
                assert heading.name in ("h2", "h3"), f"{where}: is a <{heading.name}>, not a heading"
                assert heading_text(heading), f"{where}: the heading is empty"
                assert len(section_text(heading)) >= 20, f"{where}: the section has no text"


def test_every_swedish_page_has_an_english_twin_and_the_other_way_round(site):
    default, *others = site.languages
    def built_pages(prefix: str, exclude: list[str]) -> set[str]:
        root = site.dir / prefix
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("index.html")
            if not any(p.relative_to(site.dir).as_posix().startswith(e) for e in exclude)
        }
    swedish = built_pages("", [o.url_prefix() for o in others])
    assert len(swedish) >= 7
    for lang in others:
        assert built_pages(lang.url_prefix(), []) == swedish, f"{lang.name} pages differ from Swedish"


def test_twin_pages_have_the_same_language_independent_section_ids(site):
    default, *others = site.languages
    for page in site.pages(default):
        swedish_ids = section_ids(soup_of(site.html_file(default, page)))
        assert swedish_ids, f"{page}: has no sections"
        for lang in others:
            assert section_ids(soup_of(site.html_file(lang, page))) == swedish_ids, (
                f"{lang.source_name(page)} and {page} have different section IDs"
            )


def test_every_page_declares_its_own_language(site):
    default, *others = site.languages
    for html in site.dir.rglob("*.html"):
        rel = html.relative_to(site.dir).as_posix()
        lang = next((o for o in others if rel.startswith(o.url_prefix())), default)
        tag = soup_of(html).html
        assert tag.get("lang") == lang.locale, f"{rel}: <html lang={tag.get('lang')!r}>, expected {lang.locale!r}"


def test_every_page_is_reachable_from_the_navigation_in_its_language(site):
    for lang in site.languages:
        start = site.html_file(lang, "index.md")
        nav_links = {a.get("href") for a in soup_of(start).select("nav.md-nav--primary a.md-nav__link")}
        for page in site.pages(lang):
            target = site.html_file(lang, page).parent.relative_to(start.parent).as_posix()
            expected = {"./", "."} if target == "." else {target + "/"}
            assert nav_links & expected, f"{lang.source_name(page)} is not in the {lang.name} navigation"


def test_navigation_titles_and_site_name_are_in_the_pages_language(site):
    default, *others = site.languages
    for lang in site.languages:
        for page in site.pages(lang):
            soup = soup_of(site.html_file(lang, page))
            h1 = heading_text(article(soup).find("h1"))
            active = soup.select_one("nav.md-nav--primary .md-nav__link--active")
            assert active is not None and active.get_text(" ", strip=True).startswith(h1), (
                f"{lang.source_name(page)}: the navigation does not show the page title {h1!r}"
            )
    sv_name = soup_of(site.html_file(default, "index.md")).select_one(".md-header__topic").get_text(strip=True)
    for lang in others:
        name = soup_of(site.html_file(lang, "index.md")).select_one(".md-header__topic").get_text(strip=True)
        assert name and name != sv_name, f"the {lang.name} site name is not translated"


def test_canonical_urls_and_the_sitemap_use_site_url(site):
    for lang in site.languages:
        for page in site.pages(lang):
            canonical = soup_of(site.html_file(lang, page)).find("link", rel="canonical")["href"]
            assert canonical == site.page_url(lang, page)
    locs = [el.text for el in ET.parse(site.dir / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(site.url) for loc in locs)


def test_each_language_has_its_own_search_index_with_every_page_and_section(site):
    import json
    default, *others = site.languages
    for lang in site.languages:
        index = json.loads((site.dir / lang.url_prefix() / "search" / "search_index.json").read_text())
        locations = {d["location"] for d in index["docs"]}
        assert index["config"]["lang"] == [lang.locale]
        for page in site.pages(lang):
            stem = page[:-3]
            page_loc = "" if stem == "index" else stem + "/"
            assert page_loc in locations, f"{lang.source_name(page)} is missing from the {lang.name} search index"
            for section_id in section_ids(soup_of(site.html_file(lang, page))):
                assert f"{page_loc}#{section_id}" in locations
        assert not any(loc.startswith(tuple(o.url_prefix() for o in others)) for loc in locations)
        assert len(locations) == len(index["docs"]), "an entry is duplicated"


def test_the_contact_page_leads_to_the_municipalitys_contact_centre_labelled_as_such(site):
    # The unit has given no e-mail or phone of its own (mkdocs.yml): nothing is invented for it,
    # and readers get the public contact facts of the contact centre, named as what they are.
    labels = {"sv": "Kommunens kontaktcenter: Varberg direkt, kontaktcenter",
              "en": "The municipality's contact centre: Varberg direkt, contact centre"}
    for lang in site.languages:
        section = article(soup_of(site.html_file(lang, "kontakta-oss.md"))).find(id="contact-details")
        text = section_text(section)
        links = [a["href"] for a in section.find_all_next("a", href=True) if a.find_parent("article")]
        assert labels[lang.locale] in text, f"{lang.name}: {text!r}"
        assert "0340-88 000" in text and "tel:+4634088000" in links and "https://www.varberg.se" in links
        assert "@" not in text and not any(link.startswith("mailto:") for link in links)


def test_no_page_uses_instant_navigation_google_fonts_or_a_cdn(site):
    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "navigation.instant" not in text, f"{html}: navigation.instant breaks the language selector"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, f"{html}: loads Google Fonts"
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text, f"{html}: loads from a CDN"


def test_each_language_start_page_is_titled_with_that_languages_site_name_alone(site):
    titles = [soup_of(site.html_file(lang, "index.md")).title.get_text() for lang in site.languages]
    names = [soup_of(site.html_file(lang, "index.md")).select_one(".md-header__topic").get_text(strip=True) for lang in site.languages]
    assert titles == names


def test_pages_are_sent_without_template_indentation_and_code_keeps_its_own(site):
    from handbook.site.minify import minify

    indented = []
    for path in sorted(site.dir.rglob("*.html")):
        text = re.sub(r"<(pre|textarea)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        if re.search(r"\n[ \t]+\S", text):
            indented.append(path.relative_to(site.dir).as_posix())
    assert indented == [], f"pages with indented lines (handbook/site/minify.py did not run?): {indented}"
    code = "<pre><code>def f():\n    return 1\n</code></pre>"
    assert minify(f"<div>\n    <p>text</p>\n    {code}\n  </div>") == f"<div>\n<p>text</p>\n{code}\n</div>"


def test_no_script_holds_up_the_first_paint(site):
    blocking = []
    for path in sorted(site.dir.rglob("*.html")):
        for script in soup_of(path).find_all("script", src=True):
            if not script.has_attr("defer"):
                blocking.append(f"{path.relative_to(site.dir).as_posix()}: {script['src']}")
    assert blocking == [], f"scripts without defer (overrides/main.html, block scripts): {blocking[:5]}"
