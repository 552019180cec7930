"""The whole handbook of one language as one HTML document, from the built pages (pure).

No WeasyPrint and no MkDocs here: ``assemble`` reads the built site's HTML files and ``document``
returns the HTML that ``pdf_render`` turns into the PDF. What goes in:

- a title page with the site name, the owner (from the start page's facts), the date the PDF
  was made, and the version;
- a table of contents with page numbers, then every page in navigation order, each cleaned for
  print, with its links rewritten to places inside the PDF.

The version is the date of the newest change to the content, written ``2026-11-20``: the latest
"last updated" date of any page, as the pages themselves show it (page_facts takes it from git,
or from the build date without git history). A reader can compare it with the date on each page,
two PDFs with the same version say the same thing, and it needs no numbering scheme that a
shallow git clone could get wrong. The commit follows as a reference for the maintainers,
"2026-11-20 (ref. eed2fa5)", when there is one.

The HTML is shaped for the structure tree that WeasyPrint tags from it (PDF/UA-1): every list
is L > LI > (Lbl, LBody), so a definition list becomes a list of term-and-definition items; a
link holds only its own text, so the contents' leader and page number, and the address printed
after a link to another website, stand beside the link, not inside it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from handbook.core import material_seams
from handbook.core.project import HandbookError, Language

# The PDF of each language, in that language's folder of the site. The start page links here.
PDF_FILES = {"sv": "handbok-sociala-medier.pdf", "en": "social-media-handbook.pdf"}
STYLESHEET = Path(__file__).with_name("pdf.css")
LOCAL = "http://site.invalid/"  # stands for the site root while links are resolved


def pdf_name(lang: Language) -> str:
    return PDF_FILES.get(lang.locale, f"handbook-{lang.locale}.pdf")


def pdf_path(site_dir: Path, lang: Language) -> Path:
    return Path(site_dir) / lang.url_prefix() / pdf_name(lang)


@dataclass(frozen=True)
class PdfLabels:
    """The words of one language's PDF, and the site name and author it is titled with."""

    contents: str
    owner: str
    date: str
    version: str
    unknown_version: str
    page: str  # "Sida {page} av {pages}"
    date_locale: str
    site_name: str
    site_author: str
    commit_reference: str = "{version} (ref. {commit})"


# --- Reading the built pages -----------------------------------------------------------------


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def _page_file(site_dir: Path, site_path: str) -> Path | None:
    """The built file of a site path such as 'facebook-konton/' (relative to the root)."""
    candidate = site_dir / unquote(site_path)
    if site_path.endswith("/") or site_path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _neighbour(site_dir: Path, path: str, direction: str) -> str | None:
    """The site path that the page's footer links as previous ("prev") or next ("next")."""
    page = _page_file(site_dir, path)
    text = page.read_text(encoding="utf-8") if page else ""
    footer = BeautifulSoup(text[text.rfind("<footer"):], "html.parser")
    link = footer.select_one(material_seams.FOOTER_LINK.format(direction=direction))
    return urlsplit(urljoin(LOCAL + path, link["href"])).path[1:] if link else None


def page_order(site_dir: Path, lang: Language, langs: list[Language]) -> list[str]:
    """The language's pages as site paths ('', 'en/x/', …), in the order of its navigation.

    From the start page, the footers' previous and next links (theme feature
    ``navigation.footer``) lead through every page of the navigation in order, also the pages
    in sections, which ``navigation.prune`` leaves out of the start page's own sidebar."""
    site_dir = Path(site_dir)
    root = lang.url_prefix()
    start = site_dir / root / "index.html"
    if not start.is_file():
        raise HandbookError(f"{start}: no built start page. Run 'uv run mkdocs build' first.")
    order = [root]
    for direction in ("prev", "next"):
        path = _neighbour(site_dir, root, direction)
        while path is not None and path not in order:
            if direction == "prev":
                order.insert(0, path)
            else:
                order.append(path)
            path = _neighbour(site_dir, path, direction)
    others = [other.url_prefix() for other in langs if other != lang and other.url_prefix()]
    listed = []
    for link in _soup(start).select(material_seams.PRIMARY_NAV_LINKS):
        parts = urlsplit(urljoin(LOCAL + root, link["href"]))
        path = parts.path[1:]
        if not parts.fragment and path.startswith(root) and not any(path.startswith(o) for o in others):
            listed.append(path)
    missing = [p for p in listed if p not in order and _page_file(site_dir, p)]
    if missing:
        raise HandbookError(
            f"{pdf_name(lang)}: the pages {', '.join(missing)} are in the navigation but cannot be "
            "put in order: the PDF follows each page's previous/next links. Keep "
            "'navigation.footer' under theme.features in mkdocs.yml."
        )
    return order


def _page_id(path: str, root: str) -> str:
    rest = path[len(root):].strip("/")
    return re.sub(r"[^A-Za-z0-9_-]+", "_", rest) or "index"


# --- Shaping a page for the PDF's structure tree ---------------------------------------------


def terms_as_lists(article: Tag, soup: BeautifulSoup) -> None:
    """Each ``dl`` becomes ``ul.handbook-terms``, one ``li`` per term and its definitions.

    WeasyPrint tags a ``dl`` as a list whose items are the terms and the definitions one by one
    (and a ``div`` that groups them as a misplaced Div in the list): here each item keeps a term
    with what it means, as ``div.term`` and ``div.definition`` in one list item's body."""
    for dl in article.find_all("dl"):
        items: list[Tag] = []
        last = None
        for child in [c for c in dl.children if isinstance(c, Tag)]:
            parts = [p for p in child.children if isinstance(p, Tag)] if child.name == "div" else [child]
            for part in parts:
                if part.name not in ("dt", "dd"):
                    continue
                if not items or (part.name == "dt" and last == "dd"):
                    items.append(soup.new_tag("li"))
                last, part.name = part.name, "div"
                part["class"] = part.get("class", []) + ["term" if last == "dt" else "definition"]
                items[-1].append(part.extract())
        listing = soup.new_tag("ul")
        listing.attrs = {k: v for k, v in dl.attrs.items() if k != "class"}
        listing["class"] = dl.get("class", []) + ["handbook-terms"]
        for item in items:
            listing.append(item)
        dl.replace_with(listing)


def addresses_after_links(article: Tag, soup: BeautifulSoup) -> None:
    """The address of each link to another website, printed after it: " (https://…)".

    Beside the link, not inside it (as a CSS ``::after`` would be), so that the link's tag holds
    the link's text alone. The printed address is text, not a second link to the same place: the
    link before it goes there on screen, and a screen reader would meet a link named by an
    address."""
    for link in article.select("a.handbook-external[href]"):
        address = link["href"].strip()
        if address.startswith(("mailto:", "tel:")) or _text(link) == address:
            continue
        printed = soup.new_tag("span", attrs={"class": "handbook-address"})
        printed.string = f" ({address})"
        link.insert_after(printed)


def _content_date(article: Tag) -> dt.date | None:
    """The page's "last updated" date, from the page facts' ``<time datetime>``."""
    stamp = article.select_one("aside.handbook-page-facts time[datetime]")
    try:
        return dt.date.fromisoformat(stamp["datetime"][:10]) if stamp else None
    except ValueError:
        return None


# --- The handbook ----------------------------------------------------------------------------


@dataclass
class Handbook:
    lang: Language
    title: str
    author: str
    owner: str
    site_url: str  # the address the site was built for, from the start page's canonical link
    body: str      # the pages, each in a <section>
    toc: str       # the table of contents
    pages: list[tuple[str, str]]  # (page id, title)
    content_date: dt.date | None  # the newest "last updated" of any page: the version


def assemble(site_dir: Path, lang: Language, langs: list[Language], labels: PdfLabels) -> Handbook:
    """The language's pages, cleaned for print, with links rewritten to anchors in the PDF."""
    site_dir = Path(site_dir)
    root = lang.url_prefix()
    order = page_order(site_dir, lang, langs)
    ids = {path: _page_id(path, root) for path in order}
    start = _soup(site_dir / root / "index.html")
    canonical = start.find("link", rel="canonical")
    site_url = canonical["href"][: len(canonical["href"]) - len(root)] if canonical else ""
    owner = ""
    for term in start.select("aside.handbook-page-facts dt"):
        if _text(term) == labels.owner and term.find_next_sibling("dd"):
            owner = _text(term.find_next_sibling("dd"))
            break
    own_pdf = root + pdf_name(lang)

    sections, pages, all_ids, dates = [], [], set(), []
    for path in order:
        pid = ids[path]
        soup = _soup(_page_file(site_dir, path))
        article = soup.select_one(material_seams.ARTICLE)
        if article is None:
            raise HandbookError(f"{path or 'index.html'}: the built page has no article.")
        dates.append(_content_date(article))
        # What only the website needs: permalinks, the browser print stamp, icons.
        for tag in article.select(f"{material_seams.PERMALINK}, .handbook-print-stamp, svg.handbook-external__icon, "
                                  "a.handbook-external .handbook-visually-hidden, script, style"):
            tag.decompose()
        for tag in article.find_all(id=True):
            tag["id"] = f"{pid}--{tag['id']}"
            all_ids.add(tag["id"])
        page_url = LOCAL + path
        for link in article.find_all("a", href=True):
            href = link["href"].strip()
            if href.startswith(("mailto:", "tel:")):
                continue
            if site_url and href.startswith(site_url):
                href = LOCAL + href[len(site_url):]
            target = urlsplit(urljoin(page_url, href))
            if target.scheme + "://" + target.netloc + "/" != LOCAL:
                continue  # another website: stays as it is
            target_path = target.path[1:]
            if target_path in ids:
                link["href"] = "#" + ids[target_path] + (f"--{unquote(target.fragment)}" if target.fragment else "")
            elif target_path == own_pdf:  # "download this PDF" inside the PDF itself
                parent = link.parent
                link.decompose()
                if parent.name == "p" and not parent.get_text(strip=True):
                    parent.decompose()
            else:  # a file of the site that is not a page here: the online address
                link["href"] = urljoin(site_url or LOCAL, target_path) + (f"#{target.fragment}" if target.fragment else "")
        for image in article.find_all("img", src=True):
            source = urlsplit(urljoin(page_url, image["src"]))
            if source.scheme + "://" + source.netloc + "/" == LOCAL:
                image["src"] = source.path[1:]  # relative to the site root, the PDF's base URL
        terms_as_lists(article, soup)
        addresses_after_links(article, soup)
        heading = article.find("h1")
        page_title = _text(heading) if heading else path
        pages.append((pid, page_title, [(h["id"], _text(h)) for h in article.find_all("h2", id=True)]))
        article.name = "section"
        article.attrs = {"class": ["page"], "id": pid}
        all_ids.add(pid)
        sections.append(str(article))

    body = "\n".join(sections)

    # A link to a section that is not inside the printed article leads to its page instead.
    def check_anchor(match: re.Match) -> str:
        target = html.unescape(match.group(1))
        if target in all_ids:
            return match.group(0)
        return f'href="#{html.escape(target.split("--")[0], quote=True)}"'

    body = re.sub(r'href="#([^"]*)"', check_anchor, body)
    known = [d for d in dates if d]
    return Handbook(lang, labels.site_name, labels.site_author, owner, site_url, body,
                    table_of_contents(labels.contents, pages), [(p[0], p[1]) for p in pages],
                    max(known) if known else None)


def table_of_contents(title: str, pages: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """The contents: each page and its sections, each entry one link followed by its page number.

    The dots and the page number are drawn beside the link (``.toc-page`` in pdf.css), not in it,
    so that each entry is a single Link in the PDF's structure tree, described by its title."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731

    def entry(target: str, text: str, inner: str = "") -> str:
        return (f'<li><p class="toc-entry"><a href="#{e(target)}">{e(text)}</a> '
                f'<span class="toc-page" data-target="#{e(target)}"></span></p>{inner}</li>')

    items = []
    for pid, page_title, h2s in pages:
        sub = "".join(entry(i, t) for i, t in h2s)
        items.append(entry(pid, page_title, f"<ol>{sub}</ol>" if sub else ""))
    return (f'<section class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{e(title)}</h2>'
            f'<ol>{"".join(items)}</ol></section>')


def version_text(book: Handbook, labels: PdfLabels, commit: str | None) -> str:
    """"2026-11-20 (ref. eed2fa5)": the date of the newest change to the content, and the commit."""
    if book.content_date is None:
        return labels.unknown_version
    version = book.content_date.isoformat()
    return labels.commit_reference.format(version=version, commit=commit) if commit else version


def document(book: Handbook, labels: PdfLabels, commit: str | None, when: dt.datetime) -> str:
    """The whole handbook of one language as one HTML document, ready for WeasyPrint.

    ``when`` is the time the PDF is made (SOURCE_DATE_EPOCH in a reproducible build): its date is
    the title page's date, and it is the PDF's creation and modification time."""
    from babel.dates import format_date

    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    day = format_date(when.date(), format="long", locale=labels.date_locale)
    before, _, rest = labels.page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    css_string = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    page_numbers = f"{css_string(before)} counter(page) {css_string(middle)} counter(pages) {css_string(after)}"
    css = STYLESHEET.read_text(encoding="utf-8").replace("/* PAGE-NUMBERS */", page_numbers)
    facts = [
        (labels.owner, book.owner),
        (labels.date, day),
        (labels.version, version_text(book, labels, commit)),
    ]
    facts_html = "".join(
        f'<li><div class="term">{e(k)}</div><div class="definition">{e(v)}</div></li>' for k, v in facts if v
    )
    return f"""<!doctype html>
<html lang="{e(book.lang.locale)}">
<head>
<meta charset="utf-8">
<title>{e(book.title)}</title>
<meta name="author" content="{e(book.author)}">
<meta name="dcterms.created" content="{stamp}">
<meta name="dcterms.modified" content="{stamp}">
<style>{css}</style>
</head>
<body>
<section class="title-page">
<h1>{e(book.title)}</h1>
<ul class="handbook-terms">{facts_html}</ul>
</section>
{book.toc}
{book.body}
</body>
</html>
"""
