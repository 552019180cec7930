"""Promises about the whole handbook as PDF: one per language, complete, accessible, linked.

The structure tree is read with pypdf from the PDFs the session's build wrote (the ``site``
fixture), as a screen reader would meet it; an independent PDF/UA-1 checker (outloud, from
PyPI: veraPDF is not to be had from the registries this project reaches) reads them too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from handbook.pdf import pdf_assemble, pdf_render
from handbook.site.link_checker import check_site
from handbook.core.project import MKDOCS_FILE, ROOT, HandbookError, Language, load_mkdocs_config
from tests.test_content import article, heading_text, soup_of

EPOCH = "1767225600"  # 2026-01-01, as SOURCE_DATE_EPOCH


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_text(reader: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, PdfReader]:
    readers = {}
    for lang in site.languages:
        path = pdf_assemble.pdf_path(site.dir, lang)
        assert path.is_file(), f"{path.relative_to(site.dir)}: the build wrote no PDF for {lang.name}"
        readers[lang.locale] = PdfReader(path)
    return readers


@pytest.fixture(scope="module")
def labels() -> dict[str, pdf_assemble.PdfLabels]:
    return pdf_render.labels_from_config(load_mkdocs_config(MKDOCS_FILE))


# --- Reading the structure tree ---------------------------------------------------------------


def kids(element) -> list[DictionaryObject]:
    """The structure elements directly under an element (not its marked content or annotations)."""
    k = element.get("/K")
    if k is None:
        return []
    k = k.get_object()
    found = []
    for kid in k if isinstance(k, ArrayObject) else [k]:
        kid = kid.get_object()
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found.append(kid)
    return found


def structure(reader: PdfReader) -> list[tuple[DictionaryObject, DictionaryObject | None]]:
    """Every element of the structure tree with its parent element, in reading order."""
    found, todo = [], [(e, None) for e in reversed(kids(reader.trailer["/Root"]["/StructTreeRoot"]))]
    while todo:
        element, parent = todo.pop()
        found.append((element, parent))
        todo.extend((kid, element) for kid in reversed(kids(element)))
    return found


def parent_tree(reader: PdfReader) -> dict[int, object]:
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def link_annotations(reader: PdfReader):
    """(page index, annotation) of every link annotation."""
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                yield number, annotation


def test_every_start_page_links_to_its_language_pdf_and_every_link_works(site, pdfs):
    wording = {"sv": "Ladda ner hela handboken (PDF)", "en": "Download the whole handbook (PDF)"}
    for lang in site.languages:
        start = soup_of(site.dir / lang.url_prefix() / "index.html")
        links = [a for a in article(start).find_all("a") if a.get("href") == pdf_assemble.pdf_name(lang)]
        assert links, f"{lang.source_name('index.md')}: no link to {pdf_assemble.pdf_name(lang)}"
        assert links[0].get_text(strip=True) == wording[lang.locale]
    assert check_site(site.dir, site.url) == []


def test_the_pdf_has_every_page_and_required_section_of_its_language(site, pdfs):
    for lang in site.languages:
        text = pdf_text(pdfs[lang.locale])
        for page, required in site.contract.items():
            soup = soup_of(site.html_file(lang, page))
            title = heading_text(article(soup).find("h1"))
            assert words(title) in text, f"{pdf_assemble.pdf_name(lang)}: the page '{title}' is missing"
            for section_id in required:
                heading = words(heading_text(article(soup).find(id=section_id)))
                assert heading in text, (
                    f"{pdf_assemble.pdf_name(lang)}: the section '{heading}' ({lang.source_name(page)}#{section_id}) "
                    "is missing"
                )


def contents_pages(reader: PdfReader) -> range:
    """The pages of the contents: from the second page up to the start page."""
    return range(1, reader.get_destination_page_number(reader.named_destinations["index"]))


def test_the_pdf_is_tagged_titled_in_its_language_and_shows_its_title(site, pdfs, labels):
    for lang in site.languages:
        reader = pdfs[lang.locale]
        catalog = reader.trailer["/Root"]
        assert reader.metadata.title == labels[lang.locale].site_name
        assert catalog["/Lang"] == lang.locale
        assert catalog["/MarkInfo"]["/Marked"] == True and "/StructTreeRoot" in catalog  # noqa: E712
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
        xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp


def test_the_pdf_has_a_bookmark_for_its_contents_and_every_page(site, pdfs, labels):
    for lang in site.languages:
        reader = pdfs[lang.locale]
        top = [words(item.title) for item in reader.outline if not isinstance(item, list)]
        expected = [labels[lang.locale].contents] + [
            words(heading_text(article(soup_of(site.html_file(lang, page))).find("h1"))) for page in site.pages(lang)
        ]
        missing = [title for title in expected if title not in top]
        assert missing == [], f"{pdf_assemble.pdf_name(lang)}: no bookmark for {missing}"
        for item in reader.outline:
            if not isinstance(item, list):
                assert 0 <= reader.get_destination_page_number(item) < len(reader.pages)


def test_the_pdf_opens_with_a_title_page_and_contents_and_numbers_its_pages(site, pdfs, labels):
    for lang in site.languages:
        reader, label = pdfs[lang.locale], labels[lang.locale]
        assert len(reader.pages) >= len(site.pages(lang)) + 2, "title page, contents and every page"
        title_page = words(reader.pages[0].extract_text())
        assert label.site_name in title_page
        for fact in (label.owner, label.date, label.version):
            assert re.search(re.escape(fact) + r" \S", title_page), f"title page: no '{fact}' in {title_page!r}"
        contents = words(" ".join(reader.pages[i].extract_text() for i in contents_pages(reader)))
        assert contents.startswith(label.contents)
        for page in site.pages(lang):
            title = words(heading_text(article(soup_of(site.html_file(lang, page))).find("h1")))
            assert re.search(re.escape(title) + r" \.*\s*\d+", contents), f"contents: no page number for '{title}'"
        last = len(reader.pages)
        number = label.page.format(page=last, pages=last)
        assert number in words(reader.pages[-1].extract_text()), f"no '{number}' on the last page"


def test_the_cover_shows_the_version_of_the_content_and_the_commit_for_reference(site, pdfs, labels):
    # The version is the newest "last updated" date that the pages show, as a date a reader can
    # compare with theirs; the commit follows only as a reference.
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    for lang in site.languages:
        dates = []
        for page in site.pages(lang):
            stamp = article(soup_of(site.html_file(lang, page))).select_one("aside.handbook-page-facts time[datetime]")
            dates.append(dt.date.fromisoformat(stamp["datetime"]))
        title_page = words(pdfs[lang.locale].pages[0].extract_text())
        version = f"{labels[lang.locale].version} {max(dates).isoformat()}"
        if commit.returncode == 0:
            version += f" (ref. {commit.stdout.strip()})"
        assert version in title_page, f"{pdf_assemble.pdf_name(lang)}: no '{version}' on the cover: {title_page!r}"


def drawn_text(page) -> list[tuple[float, float, str]]:
    """The text the page draws, as (x, y, text) runs in the page's coordinates (those of /Rect)."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4], tm[5]
            runs.append((cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5], text))

    page.extract_text(visitor_text=visit)
    return runs


def links_as_shown(reader: PdfReader) -> list[tuple[int, str, str]]:
    """Every link of the PDF, as (page index, its annotation's description, the text drawn inside
    its annotations): a link broken over lines has an annotation per line, one after the other,
    with the same target and description."""
    links, drawn = [], {}
    for number, annotation in link_annotations(reader):
        x0, x1 = sorted(float(v) for v in annotation["/Rect"][0::2])
        y0, y1 = sorted(float(v) for v in annotation["/Rect"][1::2])
        if number not in drawn:
            drawn[number] = drawn_text(reader.pages[number])
        runs = drawn[number]
        inside = "".join(text for x, y, text in runs if x0 - 1 <= x <= x1 and y0 - 1 <= y <= y1)
        description = words(str(annotation.get("/Contents", "")))
        target = str(annotation.get("/Dest") or annotation["/A"]["/URI"])
        if links and links[-1][1:3] == [description, target]:
            links[-1][3] += inside
        else:
            links.append([number, description, target, inside])
    return [(number, description, shown) for number, description, _, shown in links]


ADDRESS_OR_ID = re.compile(r"^(https?://|mailto:|tel:|www\.|#)|--")


def test_every_link_in_the_pdf_is_described_by_its_text(site, pdfs):
    """A screen reader names a link by its annotation's /Contents: the words the link shows,
    never a target id (index--about) or an address that is not the link's own text on the site."""
    for lang in site.languages:
        # The text of every link on the language's pages: the site's own links whose text is
        # an address (the contact centre's https://www.varberg.se) are described by it.
        site_links = {words(" ".join(s for s in a.find_all(string=True) if not s.find_parent(class_="handbook-visually-hidden")))
                      for page in site.pages(lang)
                      for a in article(soup_of(site.html_file(lang, page))).find_all("a", href=True)}
        wrong = []
        for number, description, shown in links_as_shown(pdfs[lang.locale]):
            # Compared without spaces: a long address breaks over lines wherever it must.
            if not description or re.sub(r"\s", "", description) not in re.sub(r"\s", "", shown):
                wrong.append(f"page {number + 1}: {description!r} for a link that shows {shown!r}")
            elif ADDRESS_OR_ID.search(description) and description not in site_links:
                wrong.append(f"page {number + 1}: a link named by an address or id, {description!r}")
        assert wrong == [], f"{pdf_assemble.pdf_name(lang)}: links not described by their text: {wrong[:8]}"


def test_lists_in_the_pdf_are_l_li_lbl_lbody(site, pdfs):
    allowed = {"/L": {"/LI", "/Caption"}, "/LI": {"/Lbl", "/LBody"}}
    for lang in site.languages:
        misplaced: dict[str, int] = {}
        for element, parent in structure(pdfs[lang.locale]):
            kind, above = element["/S"], parent["/S"] if parent else None
            if above in allowed and kind not in allowed[above] or kind == "/LI" and above != "/L" \
                    or kind in ("/Lbl", "/LBody") and above != "/LI":
                misplaced[f"{kind} in {above}"] = misplaced.get(f"{kind} in {above}", 0) + 1
            if kind == "/LI":
                assert [k["/S"] for k in kids(element)].count("/LBody") == 1, "a list item has one body"
        assert misplaced == {}, f"{pdf_assemble.pdf_name(lang)}: misplaced list structure: {misplaced}"


def test_each_link_is_one_link_element_and_each_contents_entry_one_link(site, pdfs):
    for lang in site.languages:
        reader = pdfs[lang.locale]
        nested = sum(1 for element, parent in structure(reader)
                     if element["/S"] == "/Link" and parent is not None and parent["/S"] == "/Link")
        assert nested == 0, f"{pdf_assemble.pdf_name(lang)}: {nested} links inside links"
        parents = parent_tree(reader)
        for _, annotation in link_annotations(reader):
            assert parents[annotation["/StructParent"]].get_object()["/S"] == "/Link"
        entries = sum(1 + len(article(soup_of(site.html_file(lang, page))).find_all("h2", id=True))
                      for page in site.pages(lang))
        in_contents = sum(1 for number, _ in link_annotations(reader) if number in contents_pages(reader))
        assert in_contents == entries, f"{pdf_assemble.pdf_name(lang)}: {in_contents} links for {entries} entries"


def test_everything_on_the_pages_is_tagged_or_an_artifact(site, pdfs):
    # Marked content that no element of the tree holds is neither read nor skipped as an
    # artifact: the running header and the page numbers must be pagination artifacts.
    for lang in site.languages:
        reader = pdfs[lang.locale]
        reachable = {element.indirect_reference.idnum for element, _ in structure(reader)}
        parents = parent_tree(reader)
        orphans = []
        for number in range(len(reader.pages)):
            for mcid, reference in enumerate(parents[number]):
                if isinstance(reference, IndirectObject) and reference.idnum not in reachable:
                    orphans.append(f"page {number + 1} MCID {mcid}")
        assert orphans == [], f"{pdf_assemble.pdf_name(lang)}: content outside the structure tree: {orphans[:8]}"


def test_an_independent_pdf_ua_checker_finds_no_problem(site, pdfs):
    # outloud (PyPI) checks PDF/UA-1 by the Matterhorn protocol; veraPDF, the reference
    # validator, is a Java program that is only published outside the registries reached here.
    paths = [str(pdf_assemble.pdf_path(site.dir, lang)) for lang in site.languages]
    result = subprocess.run([str(Path(sys.executable).with_name("outloud")), "--layer", "conformance",
                             "--json", "-", "--quiet", *paths], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    findings = [f"{Path(r['path']).name}: {f}" for r in report["results"] for f in r["findings"]]
    assert [r["error"] for r in report["results"]] == [None] * len(paths)
    assert findings == [], "\n".join(map(str, findings))


def test_links_inside_the_pdf_lead_to_places_in_the_pdf(site, pdfs):
    for lang in site.languages:
        reader = pdfs[lang.locale]
        destinations = reader.named_destinations
        internal, external = [], []
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") != "/Link":
                    continue
                if "/Dest" in annotation:
                    internal.append(str(annotation["/Dest"]))
                else:
                    external.append(annotation["/A"]["/URI"])
        assert len(internal) >= len(site.pages(lang)), "the contents links to every page"
        missing = sorted({d for d in internal if d not in destinations})
        assert missing == [], f"{pdf_assemble.pdf_name(lang)}: links to places that are not in the PDF: {missing}"
        for name in set(internal):
            assert 0 <= reader.get_destination_page_number(destinations[name]) < len(reader.pages)
        # A link in the text between two pages, not only the contents.
        assert "elever-och-brukare--friends-with-pupils" in internal
        assert all(url.startswith(("https://", "http://", "mailto:", "tel:")) for url in external)


def test_the_pdf_only_reads_files_of_the_built_site(site):
    refused: list[str] = []
    fetcher = pdf_render.site_only_fetcher(site.dir, refused)
    css = next((site.dir / "assets" / "stylesheets").glob("*.css"))
    assert fetcher.fetch(css.resolve().as_uri()).read() == css.read_bytes()
    for url in ("https://example.com/logo.png", "http://127.0.0.1:8000/", "file:///etc/passwd",
                (site.dir / ".." / "outside.png").resolve().as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(refused) == 4


def test_the_title_page_is_dated_by_source_date_epoch_and_the_command_writes_the_pdfs(release_build, tmp_path):
    # The release's build: a copy outside git, with SOURCE_DATE_EPOCH (2026-01-01). That two
    # builds give identical PDFs is part of tests/test_release.py (every site file).
    names = sorted(p.relative_to(release_build.site).as_posix() for p in release_build.site.rglob("*.pdf"))
    assert names == ["en/social-media-handbook.pdf", "handbok-sociala-medier.pdf"]
    title_page = words(PdfReader(release_build.site / "handbok-sociala-medier.pdf").pages[0].extract_text())
    # Outside git the pages are "last updated" on the build date, and there is no commit.
    assert "Datum 1 januari 2026" in title_page and "Version 2026-01-01" in title_page
    assert "ref." not in title_page

    # A site built without the PDFs (HANDBOOK_PDF=0, as `mkdocs serve` does): the command writes them.
    quick = tmp_path / "quick"
    shutil.copytree(release_build.site, quick, ignore=shutil.ignore_patterns("*.pdf"))
    assert not list(quick.rglob("*.pdf"))
    assert pdf_render.main([str(quick)]) == 0
    assert sorted(p.name for p in quick.rglob("*.pdf")) == sorted(pdf_assemble.PDF_FILES.values())


def test_the_pdf_has_every_page_of_a_navigation_section_in_navigation_order(tmp_path):
    # navigation.prune leaves a section's pages out of the start page's sidebar; the PDF must
    # not: it follows the footers' previous/next links. A small built-like site, in nav order
    # a, b, c, d, where the start page's sidebar lists only a and b.
    lang = Language("sv", "Svenska", True)

    def page(path, prev, next_, nav=""):
        footer = "".join(f'<a class="md-footer__link md-footer__link--{d}" href="{h}">x</a>'
                         for d, h in (("prev", prev), ("next", next_)) if h)
        html = (f'<html><body><nav class="md-nav md-nav--primary">{nav}</nav>'
                f'<article class="md-content__inner"><h1>{path or "Start"}</h1></article><footer>{footer}</footer></body></html>')
        target = tmp_path / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")

    nav = '<a class="md-nav__link" href="./">Start</a><a class="md-nav__link" href="a/">A</a><a class="md-nav__link" href="b/">B</a>'
    page("", None, "a/", nav)
    page("a", "../", "../b/")
    page("b", "../a/", "../c/")
    page("c", "../b/", "../d/")
    page("d", "../c/", None)
    assert pdf_assemble.page_order(tmp_path, lang, [lang]) == ["", "a/", "b/", "c/", "d/"]
    # A page the sidebar lists but the previous/next links do not reach stops the PDF, named.
    (tmp_path / "a" / "index.html").write_text((tmp_path / "a" / "index.html").read_text().replace('href="../b/"', 'href="../d/"'))
    (tmp_path / "d" / "index.html").write_text((tmp_path / "d" / "index.html").read_text().replace('href="../c/"', 'href="../a/"'))
    with pytest.raises(HandbookError, match="the pages b/ are in the navigation but cannot be put in order"):
        pdf_assemble.page_order(tmp_path, lang, [lang])


MARKDOWN_LISTS = """# Listor

Text med en fotnot.[^1]

Term
:   Vad den betyder, med en [länk](https://example.org/x).

Annan term
:   En betydelse.
:   En till.

- ett
    - inre a
    - inre b
- två

    med ett andra stycke

Steg:

1. första
2. andra

[^1]: Fotnoten.
"""


def test_lists_terms_and_footnotes_of_any_page_are_tagged_as_lists(tmp_path):
    # What an editor may write in Markdown, not only what the pages hold today: nested and loose
    # lists, definition lists and footnotes, through the same assembly and rendering as a page.
    import markdown
    from bs4 import BeautifulSoup

    html = markdown.markdown(MARKDOWN_LISTS, extensions=["footnotes", "def_list"])
    soup = BeautifulSoup(f'<article class="md-content__inner">{html}</article>', "html.parser")
    pdf_assemble.terms_as_lists(soup.article, soup)
    lang = Language("sv", "Svenska", True)
    labels = pdf_assemble.PdfLabels("Innehåll", "Ansvarig", "Datum", "Version", "okänd", "Sida {page} av {pages}",
                                    "sv_SE", "Handbok", "Kommunen")
    book = pdf_assemble.Handbook(lang, "Handbok", "Kommunen", "Enheten", "",
                                 f'<section class="page" id="index">{soup.article.decode_contents()}</section>',
                                 pdf_assemble.table_of_contents("Innehåll", [("index", "Listor", [])]),
                                 [("index", "Listor")], dt.date(2026, 1, 1))
    source = pdf_assemble.document(book, labels, None, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    pdf_render.write_rendering(pdf_render.render(source, tmp_path, "listor.pdf"), tmp_path / "listor.pdf")
    reader = PdfReader(tmp_path / "listor.pdf")
    kinds = [(element["/S"], parent["/S"] if parent else None) for element, parent in structure(reader)]
    assert kinds.count(("/L", "/LBody")) >= 1, "the nested list is in the body of its item"
    assert [pair for pair in kinds if pair[1] == "/L" and pair[0] != "/LI"] == []
    assert [pair for pair in kinds if pair[1] == "/LI" and pair[0] not in ("/Lbl", "/LBody")] == []
    # The cover's 3 facts, 2 terms, 2 + 2 + 2 items, the footnote and the contents' entry.
    assert kinds.count(("/LI", "/L")) == 3 + 2 + 6 + 1 + 1
    descriptions = sorted(str(a["/Contents"]) for _, a in link_annotations(reader))
    assert descriptions == ["1", "Jump back to footnote 1 in the text", "Listor", "länk"]


@pytest.mark.parametrize("link, description", [
    ('<a href="#x">Kontakta  oss</a>', "Kontakta oss"),
    ('<a href="#x" aria-label="Nästa sida">→</a>', "Nästa sida"),
    ('<a href="#fnref:1" title="Tillbaka till fotnot 1">↩</a>', "Tillbaka till fotnot 1"),
    ('<a href="https://example.org/">↗</a>', "↗"),
    ('<a href="https://example.org/"></a>', "https://example.org/"),
])
def test_a_link_is_described_as_a_screen_reader_names_it(link, description):
    import xml.etree.ElementTree as ET

    from handbook.pdf.pdf_tagging import link_description

    assert link_description(ET.fromstring(link)) == description
