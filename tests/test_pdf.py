"""Promises about the whole handbook as PDF: one per language, complete, accessible, linked."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from handbook import whole_handbook_pdf as pdf
from handbook.link_checker import check_site
from handbook.project import MKDOCS_FILE, load_mkdocs_config
from tests.conftest import build, copy_project
from tests.test_content import article, heading_text, soup_of

EPOCH = "1767225600"  # 2026-01-01, as SOURCE_DATE_EPOCH


def site_names() -> dict[str, str]:
    """Locale -> the site name of that language, as mkdocs.yml defines it."""
    config = load_mkdocs_config(MKDOCS_FILE)
    return {e.locale: e.site_name or config.site_name for e in config.plugins["i18n"].config.languages}


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_text(reader: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, PdfReader]:
    readers = {}
    for lang in site.languages:
        path = pdf.pdf_path(site.dir, lang)
        assert path.is_file(), f"{path.relative_to(site.dir)}: the build wrote no PDF for {lang.name}"
        readers[lang.locale] = PdfReader(path)
    return readers


@pytest.fixture(scope="module")
def labels() -> dict[str, pdf.Labels]:
    return pdf.labels_of(MKDOCS_FILE)


def test_every_start_page_links_to_its_language_pdf_and_every_link_works(site, pdfs):
    wording = {"sv": "Ladda ner hela handboken (PDF)", "en": "Download the whole handbook (PDF)"}
    for lang in site.languages:
        start = soup_of(site.dir / lang.url_prefix() / "index.html")
        links = [a for a in article(start).find_all("a") if a.get("href") == pdf.pdf_name(lang)]
        assert links, f"{lang.source_name('index.md')}: no link to {pdf.pdf_name(lang)}"
        assert links[0].get_text(strip=True) == wording[lang.locale]
    assert check_site(site.dir, site.url) == []


def test_the_pdf_has_every_page_and_required_section_of_its_language(site, pdfs):
    for lang in site.languages:
        text = pdf_text(pdfs[lang.locale])
        for page, required in site.contract.items():
            soup = soup_of(site.html_file(lang, page))
            title = heading_text(article(soup).find("h1"))
            assert words(title) in text, f"{pdf.pdf_name(lang)}: the page '{title}' is missing"
            for section_id in required:
                heading = words(heading_text(article(soup).find(id=section_id)))
                assert heading in text, (
                    f"{pdf.pdf_name(lang)}: the section '{heading}' ({lang.source_name(page)}#{section_id}) "
                    "is missing"
                )


def test_the_pdf_is_titled_in_its_language_and_tagged_as_pdf_ua(site, pdfs):
    names = site_names()
    for lang in site.languages:
        reader = pdfs[lang.locale]
        catalog = reader.trailer["/Root"]
        assert reader.metadata.title == names[lang.locale]
        assert catalog["/Lang"] == lang.locale
        assert catalog["/MarkInfo"]["/Marked"] == True and "/StructTreeRoot" in catalog  # noqa: E712
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
        xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp


def test_the_pdf_opens_with_a_title_page_and_contents_and_numbers_its_pages(site, pdfs, labels):
    names = site_names()
    for lang in site.languages:
        reader, label = pdfs[lang.locale], labels[lang.locale]
        assert len(reader.pages) >= len(site.pages(lang)) + 2, "title page, contents and every page"
        title_page = words(reader.pages[0].extract_text())
        assert names[lang.locale] in title_page
        for fact in (label.owner, label.date, label.version):
            assert re.search(re.escape(fact) + r" \S", title_page), f"title page: no '{fact}' in {title_page!r}"
        contents = words(reader.pages[1].extract_text())
        assert contents.startswith(label.contents)
        for page in site.pages(lang):
            title = words(heading_text(article(soup_of(site.html_file(lang, page))).find("h1")))
            assert re.search(re.escape(title) + r" \.*\s*\d+", contents), f"contents: no page number for '{title}'"
        last = len(reader.pages)
        number = label.page.format(page=last, pages=last)
        assert number in words(reader.pages[-1].extract_text()), f"no '{number}' on the last page"


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
        assert missing == [], f"{pdf.pdf_name(lang)}: links to places that are not in the PDF: {missing}"
        for name in set(internal):
            assert 0 <= reader.get_destination_page_number(destinations[name]) < len(reader.pages)
        # A link in the text between two pages, not only the contents.
        assert "elever-och-brukare--friends-with-pupils" in internal
        assert all(url.startswith(("https://", "http://", "mailto:", "tel:")) for url in external)


def test_the_pdf_only_reads_files_of_the_built_site(site):
    refused: list[str] = []
    fetcher = pdf._site_only_fetcher(site.dir, refused)
    css = next((site.dir / "assets" / "stylesheets").glob("*.css"))
    assert fetcher.fetch(css.resolve().as_uri()).read() == css.read_bytes()
    for url in ("https://example.com/logo.png", "http://127.0.0.1:8000/", "file:///etc/passwd",
                (site.dir / ".." / "outside.png").resolve().as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(refused) == 4


def test_the_title_page_is_dated_by_source_date_epoch_and_the_command_writes_the_pdfs(tmp_path):
    # That two builds give identical PDFs is part of tests/test_release.py (every site file).
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "first", "http://127.0.0.1:8000/", SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    names = sorted(p.relative_to(tmp_path / "first").as_posix() for p in (tmp_path / "first").rglob("*.pdf"))
    assert names == ["en/social-media-handbook.pdf", "handbok-sociala-medier.pdf"]
    title_page = words(PdfReader(tmp_path / "first" / "handbok-sociala-medier.pdf").pages[0].extract_text())
    assert "1 januari 2026" in title_page and "Version okänd" in title_page  # a copy outside git

    # Without the PDFs (HANDBOOK_PDF=0, as `mkdocs serve` does), then the command writes them.
    result = build(project, tmp_path / "quick", "http://127.0.0.1:8000/", HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list((tmp_path / "quick").rglob("*.pdf"))
    assert pdf.main([str(tmp_path / "quick")]) == 0
    assert sorted(p.name for p in (tmp_path / "quick").rglob("*.pdf")) == sorted(pdf.PDF_FILES.values())


def test_the_pdf_has_every_page_of_a_navigation_section_in_navigation_order(tmp_path):
    # navigation.prune leaves a section's pages out of the start page's sidebar; the PDF must not.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    flat = "  - facebook-konton.md\n  - elever-och-brukare.md\n"
    assert flat in config.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace(
        flat, "  - Konton och kontakter:\n      - facebook-konton.md\n      - elever-och-brukare.md\n"),
        encoding="utf-8")
    result = build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in pdf.languages(config):
        text = pdf_text(PdfReader(pdf.pdf_path(tmp_path / "site", lang)))
        titles = [words(heading_text(article(soup_of(tmp_path / "site" / lang.url_prefix() / page / "index.html")).find("h1")))
                  for page in ("privat-personlig-och-professionell", "facebook-konton", "elever-och-brukare",
                               "yttrandefrihet-och-regler")]
        places = [text.rfind(title) for title in titles]  # the pages, after the contents
        assert -1 not in places and places == sorted(places), f"{pdf.pdf_name(lang)}: {list(zip(titles, places))}"
