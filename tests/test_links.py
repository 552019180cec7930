"""Promises about links: every internal link and #anchor works, and nothing loads from elsewhere."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from handbook.site.link_checker import check_site

# Elements whose URL the browser fetches while loading the page.
LOADED = {"script": "src", "img": "src", "source": "src", "iframe": "src", "video": "src", "audio": "src", "embed": "src", "object": "data"}


def test_every_internal_link_and_anchor_in_both_languages_resolves(site):
    assert check_site(site.dir, site.url) == []


def test_the_link_checker_names_the_page_its_source_and_the_broken_link(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    page = copy / "en" / "facebook-konton" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../no-such-page/">x</a><a href="../elever-och-brukare/#no-such-section">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    problems = check_site(copy, site.url)
    assert len(problems) == 2, problems
    assert "en/facebook-konton/index.html (from docs/facebook-konton.en.md)" in problems[0]
    assert "'../no-such-page/'" in problems[0] and "does not exist" in problems[0]
    assert "'#no-such-section'" in problems[1] and "docs/elever-och-brukare.en.md" in problems[1]


def test_no_built_page_loads_a_script_stylesheet_font_or_image_from_another_host(site):
    site_host = urlsplit(site.url).netloc
    offenders = []
    for html in site.dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        urls = [el.get(attr) for tag, attr in LOADED.items() for el in soup.find_all(tag) if el.get(attr)]
        urls += [el.get("href") for el in soup.find_all("link") if el.get("href") and set(el.get("rel", [])) & {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}]
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(s.get_text() for s in soup.find_all("style")))
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(el["style"] for el in soup.find_all(style=True)))
        for url in urls:
            netloc = urlsplit(url).netloc
            if netloc and netloc != site_host:
                offenders.append(f"{html.relative_to(site.dir)}: {url}")
    for css in site.dir.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s;]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site.dir)}: {url}")
    assert offenders == []


def test_every_link_to_another_website_is_marked_in_the_pages_language_and_opens_in_the_same_window(site):
    labels = {"sv": "Länk till annan webbplats", "en": "Link to another website"}
    site_host = urlsplit(site.url).netloc
    marked = 0
    for lang in site.languages:
        for page in site.pages(lang):
            soup = BeautifulSoup(site.html_file(lang, page).read_text(encoding="utf-8"), "html.parser")
            for a in soup.select("article.md-content__inner a[href]"):
                host = urlsplit(a["href"]).netloc
                external = a["href"].startswith("http") and host != site_host
                hidden = a.select_one(".handbook-visually-hidden")
                assert a.get("target") is None, f"{lang.source_name(page)}: {a['href']} opens a new window"
                if external:
                    marked += 1
                    assert hidden is not None and labels[lang.locale] in hidden.get_text(), f"{lang.source_name(page)}: {a['href']} is not marked"
                    assert a.select_one("svg[aria-hidden=true]") is not None
                else:
                    assert hidden is None, f"{lang.source_name(page)}: {a['href']} is marked as external"
    assert marked >= 6  # the Facebook help links, in both languages


def test_the_hidden_mark_of_a_link_to_another_website_is_not_searched(site):
    """Screen readers read "Link to another website"; search does not find every section with
    such a link by "webbplats" or "link" (Material seam SEARCH_EXCLUDE)."""
    labels = {"sv": "Länk till annan webbplats", "en": "Link to another website"}
    for lang in site.languages:
        index = (site.dir / lang.url_prefix() / "search" / "search_index.json").read_text(encoding="utf-8")
        assert labels[lang.locale] not in index, f"the {lang.name} search index has the hidden text '{labels[lang.locale]}'"
