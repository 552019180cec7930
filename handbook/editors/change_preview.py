"""``uv run handbook-preview BASE [HEAD] --out DIR``: each page that a change touches, as readers
will see it, with what changed marked, for editors who are not programmers.

BASE and HEAD are git revisions (HEAD left out: the working tree, new files included). For every
page that differs between the two, in any language, DIR gets one HTML file that opens by
double-click (``file://``) in any browser: no server, no script, no request to any host (its CSS
is inlined, its images are data: URLs, and a Content-Security-Policy forbids anything else).
Each file shows:

- a banner that says it is a preview, not the published page, and a link to DIR/index.html;
- a summary: which sections (``##``/``###`` with ``{#id}``) changed, were added or removed, which
  facts of the page changed (owner, dates, change notes, …), and whether the page in the other
  language was changed too;
- the page as the site shows it: the same Markdown extensions and settings as the build
  (``checks.markdown_renderer`` reads them from mkdocs.yml), the same CSS (Material's and the
  handbook's, as mkdocs.yml lists them), its facts and change notes, with every inserted word
  in ``<ins>`` and every deleted word in ``<del>`` (``word_diff``). A page added or removed is
  shown whole, all inserted or all deleted; a change only in the front matter shows as changed
  facts, with the text unmarked.

A page only moved or renamed gets no file of its own: DIR/index.html lists it as moved, with the
changed pages of every language. A page whose HTML the build would refuse (``html_safety``, the
same allowlist and the same messages) is shown without its content, with the build's messages,
and the command ends with exit code 1, as the build would stop. ``--summary FILE`` appends the
list of changed pages as Markdown (for GitHub's job summary, ``$GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import difflib
import glob
import html
import mimetypes
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.core import git, i18n, sources
from handbook.editors import checks, word_diff
from handbook.pages import change_notes, contact_details, external_links, page_facts, page_metadata, settings_text
from handbook.core.project import MKDOCS_FILE, HandbookError, Language, load_mkdocs_config, page_and_language

MARKER_FILE = ".handbook-preview"  # DIR holds a preview made by this command (replaced each run)
INDEX = "index.html"

# The words of the preview itself, per language (the page's own words come from mkdocs.yml).
TEXT = {
    "sv": {
        "preview": "Förhandsvisning",
        "banner": "Förhandsvisning – inte den publicerade sidan",
        "banner_text": ("Så här blir sidan med ändringarna. Tillagda ord är gröna och understrukna, "
                        "borttagna ord röda och genomstrukna. Sidan är inte publicerad än."),
        "all_pages": "Alla ändrade sidor",
        "summary": "Det här har ändrats",
        "changed_sections": "Ändrade avsnitt",
        "added_sections": "Nya avsnitt",
        "removed_sections": "Borttagna avsnitt",
        "intro": "Texten före första avsnittet har ändrats.",
        "changed_facts": "Ändrade uppgifter om sidan",
        "facts_only": "Texten är oförändrad: bara uppgifterna om sidan har ändrats.",
        "added": "Ny sida: hela sidan är ny.",
        "removed": "Sidan tas bort: hela sidan visas som borttagen.",
        "moved": "Sidan har flyttats eller bytt namn, från {old} till {new}.",
        "twin_changed": "Samma sida på det andra språket ({lang}) har också ändrats: {link}.",
        "twin_unchanged": "Samma sida på det andra språket ({lang}, {file}) har inte ändrats: behöver den samma ändring?",
        "refused": ("Sidan kan inte byggas: den innehåller något som bygget inte godtar, så innehållet "
                    "visas inte. Rätta det här:"),
        "description": "Beskrivning (visas i sökresultat)",
        "title": "Titel",
        "translation_of": "Markering av översättning",
        "search": "Sökinställningar",
        "changes": "Ändringsnoteringar",
        "index_title": "Förhandsvisning av ändrade sidor",
        "index_intro": "Sidorna som ändringsförslaget ändrar, jämfört med {base}. Klicka på en sida för att se den med ändringarna markerade.",
        "working_tree": "arbetskopian",
        "none": "Ingen sida har ändrats.",
        "kind_changed": "ändrad", "kind_added": "ny sida", "kind_removed": "borttagen",
        "kind_moved": "flyttad", "kind_refused": "kan inte byggas",
        "kind_facts": "endast sidans uppgifter",
        "moved_list": "från {old} till {new}",
        "summary_title": "Ändrade sidor",
        "other": "andra språket",
    },
    "en": {
        "preview": "Preview",
        "banner": "Preview – not the published page",
        "banner_text": ("This is the page with the changes. Added words are green and underlined, "
                        "removed words red and struck through. The page is not published yet."),
        "all_pages": "All changed pages",
        "summary": "What has changed",
        "changed_sections": "Changed sections",
        "added_sections": "New sections",
        "removed_sections": "Removed sections",
        "intro": "The text before the first section has changed.",
        "changed_facts": "Changed facts about the page",
        "facts_only": "The text is unchanged: only the facts about the page have changed.",
        "added": "New page: the whole page is new.",
        "removed": "The page is removed: the whole page is shown as removed.",
        "moved": "The page has been moved or renamed, from {old} to {new}.",
        "twin_changed": "The same page in the other language ({lang}) was changed too: {link}.",
        "twin_unchanged": "The same page in the other language ({lang}, {file}) was not changed: does it need the same change?",
        "refused": ("The page cannot be built: it contains something the build does not accept, so "
                    "its content is not shown. Fix this:"),
        "description": "Description (shown in search results)",
        "title": "Title",
        "translation_of": "Translation mark",
        "search": "Search settings",
        "changes": "Change notes",
        "index_title": "Preview of the changed pages",
        "index_intro": "The pages this change touches, compared with {base}. Open a page to see it with the changes marked.",
        "working_tree": "the working tree",
        "none": "No page has changed.",
        "kind_changed": "changed", "kind_added": "new page", "kind_removed": "removed",
        "kind_moved": "moved", "kind_refused": "cannot be built",
        "kind_facts": "only the facts about the page",
        "moved_list": "from {old} to {new}",
        "summary_title": "Changed pages",
        "other": "the other language",
    },
}

PREVIEW_CSS = """
.handbook-preview-banner{margin:0;padding:.8rem 1.2rem;background:#fff4e5;color:#1f1f1f;
  border-bottom:.25rem solid #b35c00;font-size:.8rem;line-height:1.5}
.handbook-preview-banner p{margin:0 auto;max-width:61rem}
.handbook-preview-banner strong{font-size:1rem;text-transform:uppercase;letter-spacing:.04em}
.handbook-preview-banner a{color:#1a237e;text-decoration:underline}
.md-typeset .handbook-preview-summary{margin:0 0 2rem;padding:.6rem 1rem;border:.1rem solid #b35c00;
  border-radius:.2rem;background:#fffaf3}
.md-typeset .handbook-preview-summary h2{margin:.2rem 0 .6rem;font-size:1rem}
.md-typeset .handbook-preview-summary p,.md-typeset .handbook-preview-summary ul{margin:.3rem 0}
.md-typeset .handbook-preview-problems{color:#611a15;background:#fdecea;padding:.6rem 1rem}
ins{background:#dafbe1;color:#04260f;text-decoration:underline;text-decoration-thickness:.12em}
del{background:#ffebe9;color:#67060c;text-decoration:line-through;text-decoration-thickness:.12em}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;
  clip-path:inset(100%);white-space:nowrap}
:lang(sv) ins::before{content:" [tillagt: "} :lang(sv) del::before{content:" [borttaget: "}
:lang(en) ins::before{content:" [added: "} :lang(en) del::before{content:" [removed: "}
ins::after,del::after{content:"] "}
.md-typeset .handbook-preview-index li{margin-bottom:.6rem}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def text_for(lang: Language) -> dict[str, str]:
    return TEXT.get(lang.locale, TEXT["en"])


# --- the two versions of the sources ----------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """The pages of docs/ at a git revision (or in the working tree, when ``revision`` is None)."""

    project: Path
    docs: str            # docs/, relative to the project
    revision: str | None
    label: str           # how the summary names it: a short commit, or "the working tree"

    def files(self) -> list[str]:
        if self.revision is None:
            root = self.project / self.docs
            return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        return git.files_at(self.project, self.revision, self.docs) or []

    def read(self, name: str) -> bytes | None:
        if self.revision is None:
            path = self.project / self.docs / name
            return path.read_bytes() if path.is_file() else None
        return git.file_at(self.project, self.revision, f"{self.docs}/{name}")


def version(project: Path, docs: str, revision: str | None, working_tree: str) -> Version:
    if revision is None:
        return Version(project, docs, None, working_tree)
    commit = git.resolve(project, revision)
    if commit is None:
        raise HandbookError(f"handbook-preview: '{revision}' is not a git revision of {project}. "
                            "Give a branch, a tag or a commit, for example: handbook-preview origin/main")
    return Version(project, docs, commit, f"{revision} ({commit[:7]})")


def markdown_files(ver: Version) -> dict[str, str]:
    """Markdown file (relative to docs/) -> its text, of one version."""
    found = {}
    for name in ver.files():
        if name.endswith(".md"):
            data = ver.read(name)
            if data is not None:
                found[name] = sources.decode(data, f"{ver.docs}/{name}").replace("\r\n", "\n")
    return found


# --- which pages changed ----------------------------------------------------------------------


@dataclass
class Change:
    lang: Language
    old: str | None      # the file in BASE (relative to docs/), None for a new page
    new: str | None      # the file in HEAD, None for a removed page
    kind: str            # changed | added | removed | moved
    page: str            # the page, by its Swedish file name (its twins share it)
    output: str | None = None  # the preview file, relative to DIR (None: only listed)

    @property
    def name(self) -> str:
        return self.new or self.old or ""


def _body(text: str) -> str:
    return sources.split_front_matter(text)[1]


def changes(old: dict[str, str], new: dict[str, str], langs: list[Language]) -> list[Change]:
    """Every page that differs, per language: changed, added, removed, or moved (the same text
    under another name; nearly the same text is a move with changes, shown like a change)."""
    found: list[Change] = []
    for lang in langs:
        mine = lambda files: {n: t for n, t in files.items() if page_and_language(n, langs)[1] == lang}  # noqa: E731
        before, after = mine(old), mine(new)
        page = lambda name: page_and_language(name, langs)[0]  # noqa: E731
        for name in sorted(set(before) & set(after)):
            if before[name] != after[name]:
                found.append(Change(lang, name, name, "changed", page(name)))
        gone = sorted(set(before) - set(after))
        came = sorted(set(after) - set(before))
        for name in list(came):
            same = next((g for g in gone if before[g] == after[name]), None)
            if same is None:
                similar = [(difflib.SequenceMatcher(None, _body(before[g]), _body(after[name])).ratio(), g) for g in gone]
                score, same = max(similar, default=(0.0, None))
                if score < 0.75:
                    continue
            gone.remove(same)
            came.remove(name)
            found.append(Change(lang, same, name, "moved", page(name)))
        found += [Change(lang, None, name, "added", page(name)) for name in came]
        found += [Change(lang, name, None, "removed", page(name)) for name in gone]
    return found


def output_name(change: Change) -> str:
    """The preview file of a page, in a folder per language: docs/x.md -> sv/x.html,
    docs/x.en.md -> en/x.html (DIR/index.html is the list of them all)."""
    return f"{change.lang.locale}/{change.page[: -len('.md')]}.html"


# --- one version of one page, rendered as the build renders it -------------------------------


@dataclass(frozen=True)
class Rendered:
    title: str
    html: str               # the content, as the build makes it (empty when its HTML is refused)
    facts_html: str
    meta: dict
    sections: dict[str, tuple[str, str]]  # section ID -> (heading text, its Markdown)
    intro: str              # the Markdown before the first section
    problems: list[str]     # what the build would refuse: front matter, settings, HTML


@dataclass(frozen=True)
class Renderer:
    """Everything the build knows that a page's preview needs, read once from mkdocs.yml."""

    render: object          # Markdown -> HTML, with mkdocs.yml's extensions and their settings
    settings: object        # the handbook plugin's settings
    langs: list[Language]
    site_names: dict[str, str]
    docs: str
    css: str
    site_host: str

    def page(self, text: str, *, name: str, lang: Language, recent: list[change_notes.PageChange]) -> Rendered:
        labels = self.settings.labels[lang.locale]
        shown = f"{self.docs}/{name}"
        front, body, body_line = sources.split_front_matter(text)
        source = sources.Page(shown, text, front, body, body_line)
        meta, found = page_metadata.check_page(source)
        markdown = contact_details.fill(body, self.settings.contact, labels.contact, lang.locale)
        markdown = change_notes.MARKER.sub(lambda m: change_notes.recent_markdown(
            recent, int(m.group(1)) if m.group(1) else None, date_locale=labels.date_locale,
            here=page_and_language(name, self.langs)[0], none_yet=labels.changes.none_yet), markdown)
        try:
            markdown = settings_text.fill(markdown, settings=self.settings, labels=labels,
                                          locale=lang.locale, page_name=shown)
        except HandbookError as err:
            found.append(str(err))
        content = self.render(markdown)
        unsafe = checks.page_html_problems(content, name=shown, markdown=text)
        heads = sources.headings(source)
        h1 = next((h.text for h in heads if h.level == 1), None)
        title = meta.get("title") or h1 or Path(name).stem
        sections, intro = _sections(source)
        # HTML the check refuses is never put out, whichever version it is in.
        content = "" if unsafe else external_links.mark_external_links(content, self.site_host, labels.external_link)
        return Rendered(title, content, self.facts(meta, labels, title), meta, sections, intro, found + unsafe)

    def facts(self, meta: dict, labels, title: str) -> str:
        """The page's facts as the site shows them under the text (overrides/partials/page-facts.html),
        without "last updated", which git gives only once the change is in."""
        if not {"owner", "document_type", "reviewed", "review_by"} <= set(meta):
            return ""
        f = page_facts.page_facts(meta, updated=None, labels=labels, edit_url=None, feedback_url="",
                                  title=title, url="", changes=meta.get("changes") or [])
        e, page = html.escape, labels.page
        out = [f'<aside class="handbook-page-facts" aria-label="{e(page.owner)}, {e(page.reviewed.lower())}">']
        if f["changes"]:
            last = f["changes"][0]
            out.append(f'<p class="handbook-last-change"><strong>{e(labels.changes.last_changed)}</strong> '
                       f'{e(last["date"])}: {e(last["note"])}</p>')
            out.append(f'<details class="handbook-changes" open><summary>{e(labels.changes.show_all)}</summary><ul>'
                       + "".join(f'<li>{e(c["date"])}: {e(c["note"])}</li>' for c in f["changes"]) + "</ul></details>")
        rows = [(page.owner, f["owner"]), (page.document_type, f["document_type"])]
        if f["decided_by"] or f["decided_on"]:
            rows.append((page.decided, ", ".join(x for x in (f["decided_by"], f["decided_on"]) if x)))
        if f["reference"]:
            rows.append((page.reference, f["reference"]))
        rows += [(page.reviewed, f["reviewed"]), (page.review_by, f["review_by"])]
        out.append("<dl>" + "".join(f"<div><dt>{e(k)}</dt>\n<dd>{e(v)}</dd></div>\n" for k, v in rows) + "</dl></aside>")
        return "\n".join(out)


def recent_changes(files: dict[str, str], lang: Language, langs: list[Language], docs: str) -> list[change_notes.PageChange]:
    """One version's change notes of one language, newest first, as the build lists them on
    "Senaste ändringar" and the start page (``change_notes.language_changes``)."""
    found = []
    for name, text in files.items():
        page, page_lang = page_and_language(name, langs)
        if page_lang != lang:
            continue
        front, body, line = sources.split_front_matter(text)
        source = sources.Page(f"{docs}/{name}", text, front, body, line)
        meta, _ = page_metadata.check_page(source)
        h1 = next((h.text for h in sources.headings(source) if h.level == 1), None)
        stem = page[: -len(".md")]
        url = lang.url_prefix() + ("" if stem == "index" else stem.removesuffix("/index") + "/")
        found += [change_notes.PageChange(page, meta.get("title") or h1 or stem, url, note)
                  for note in meta.get("changes") or []]
    return sorted(found, key=lambda c: (c.change.date, c.url), reverse=True)


def _sections(page: sources.Page) -> tuple[dict[str, tuple[str, str]], str]:
    """Each section's heading and Markdown (up to the next section), and the text before them."""
    lines = page.text.splitlines()
    heads = [h for h in sources.sections(page) if h.section_id]
    found: dict[str, tuple[str, str]] = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].line - 1 if i + 1 < len(heads) else len(lines)
        found[head.section_id] = (head.text, "\n".join(lines[head.line - 1:end]).strip())
    first = heads[0].line - 1 if heads else len(lines)
    return found, "\n".join(lines[page.body_line - 1:first]).strip()


def renderer(config) -> Renderer:
    langs = i18n.languages(config)
    project = Path(config.config_file_path).parent
    names = {lang.locale: config.site_name for lang in langs}
    for entry in config.plugins["i18n"].config.languages:
        if entry.site_name:
            names[entry.locale] = entry.site_name
    return Renderer(checks.markdown_renderer(config), config.plugins["handbook"].config, langs, names,
                    Path(config.docs_dir).relative_to(project).as_posix(), site_css(config),
                    urlsplit(config.site_url or "").netloc)


def site_css(config) -> str:
    """Material's stylesheet and the handbook's own (mkdocs.yml's extra_css), as the site has them."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (main,) = glob.glob(str(theme / "main.*.min.css"))
    parts = [Path(main).read_text(encoding="utf-8")]
    folders = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    for name in config.extra_css:
        path = next((folder / str(name) for folder in folders if (folder / str(name)).is_file()), None)
        if path is not None:
            parts.append(path.read_text(encoding="utf-8"))
    css = "\n".join(parts)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    return css.replace("</", "<\\/") + PREVIEW_CSS


# --- the preview files ------------------------------------------------------------------------


@dataclass
class Preview:
    change: Change
    title: str
    summary: list[str] = dataclasses.field(default_factory=list)  # plain-text lines for the index
    refused: list[str] = dataclasses.field(default_factory=list)
    facts_only: bool = False


def _links(content: str, *, here: str, lang: Language, outputs: dict[str, str], site_url: str | None,
           version_files: dict[str, bytes | None], depth: str) -> str:
    """Links to other pages lead to their preview when they have one, else to the published
    site (``--site-url``), else nowhere; images in docs/ become data: URLs."""

    def link(match: re.Match) -> str:
        before, href, after = match.groups()
        raw = html.unescape(href)
        parts = urlsplit(raw)
        if parts.scheme or raw.startswith(("#", "//")) or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if target.endswith(".md"):
            twin = lang.source_name(target) if not target.endswith(f".{lang.locale}.md") else target
            if twin in outputs:
                return f'<a{before}href="{html.escape(depth + outputs[twin])}{html.escape(fragment)}"{after}>'
            if site_url:
                stem = target[: -len(".md")]
                url = site_url + lang.url_prefix() + ("" if stem == "index" else stem.removesuffix("/index") + "/")
                return f'<a{before}href="{html.escape(url + fragment)}"{after}>'
        elif site_url:
            return f'<a{before}href="{html.escape(site_url + lang.url_prefix() + target)}"{after}>'
        return f"<a{before.rstrip()}{after}>"

    def image(match: re.Match) -> str:
        before, src, after = match.groups()
        raw = html.unescape(src)
        if urlsplit(raw).scheme or raw.startswith("//"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(urlsplit(raw).path)))
        data = version_files.get(target)
        if data is None:
            return match.group(0)
        kind = mimetypes.guess_type(target)[0] or "application/octet-stream"
        return f'<img{before}src="data:{kind};base64,{base64.b64encode(data).decode()}"{after}>'

    content = re.sub(r'<a(\s[^>]*?)href="([^"]*)"([^>]*)>', link, content)
    return re.sub(r'<img(\s[^>]*?)src="([^"]*)"([^>]*)>', image, content)


def _changed_facts(old: dict, new: dict, t: dict[str, str], labels) -> list[str]:
    names = {"owner": labels.page.owner, "document_type": labels.page.document_type,
             "reviewed": labels.page.reviewed, "review_by": labels.page.review_by,
             "decided_by": labels.page.decided, "decided_on": labels.page.decided,
             "reference": labels.page.reference, "description": t["description"], "title": t["title"],
             "translation_of": t["translation_of"], "search": t["search"], "changes": t["changes"]}
    found = [names.get(field, field) for field in page_metadata.FIELDS if old.get(field) != new.get(field)]
    return list(dict.fromkeys(found))


def _document(*, lang: Language, title: str, site_name: str, css: str, banner: str, body: str) -> str:
    t = text_for(lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.locale}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{html.escape(t['preview'])}: {html.escape(title)} - {html.escape(site_name)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body dir=\"ltr\">\n"
        f'<header class="handbook-preview-banner">{banner}</header>\n'
        '<main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">'
        f'<article class="md-content__inner md-typeset">\n{body}\n</article></div></div></main>\n'
        "</body>\n</html>\n")


def _banner(t: dict[str, str], index_href: str) -> str:
    return (f"<p><strong>{html.escape(t['banner'])}</strong><br>{html.escape(t['banner_text'])} "
            f'<a href="{html.escape(index_href)}">{html.escape(t["all_pages"])}</a></p>')


def page_preview(change: Change, r: Renderer, *, old_files: dict[str, str], new_files: dict[str, str],
                 twin: Change | None, outputs: dict[str, str], site_url: str | None,
                 old_version: dict[str, bytes | None], new_version: dict[str, bytes | None]) -> tuple[Preview, str]:
    """One page's preview file (its HTML) and what the index says of it."""
    lang, t = change.lang, text_for(change.lang)
    labels = r.settings.labels[lang.locale]
    old = r.page(old_files[change.old], name=change.old, lang=lang,
                 recent=recent_changes(old_files, lang, r.langs, r.docs)) if change.old else None
    new = r.page(new_files[change.new], name=change.new, lang=lang,
                 recent=recent_changes(new_files, lang, r.langs, r.docs)) if change.new else None
    shown = new or old
    problems = new.problems if new else []  # what the build would refuse in the new version
    preview = Preview(change, shown.title)
    output = outputs[change.name]
    depth = "../" * output.count("/")
    fix = lambda content, ver, here: _links(content, here=here, lang=lang, outputs=outputs, site_url=site_url,  # noqa: E731
                                            version_files=ver, depth=depth)
    e = html.escape
    summary: list[str] = []   # HTML items
    if change.kind == "added":
        summary.append(e(t["added"]))
        content = word_diff.marked_whole(fix(new.html, new_version, change.new), "ins")
        facts = word_diff.marked_whole(new.facts_html, "ins")
    elif change.kind == "removed":
        summary.append(e(t["removed"]))
        content = word_diff.marked_whole(fix(old.html, old_version, change.old), "del")
        facts = word_diff.marked_whole(old.facts_html, "del")
    else:
        if change.kind == "moved":
            summary.append(e(t["moved"].format(old=f"{r.docs}/{change.old}", new=f"{r.docs}/{change.new}")))
        content, text_changed = word_diff.diff(fix(old.html, old_version, change.old), fix(new.html, new_version, change.new))
        facts, _ = word_diff.diff(old.facts_html, new.facts_html)
        changed = [sid for sid in new.sections if sid in old.sections and old.sections[sid][1] != new.sections[sid][1]]
        added = [sid for sid in new.sections if sid not in old.sections]
        removed = [sid for sid in old.sections if sid not in new.sections]
        link = lambda sid, sections: (e(sections[sid][0]) if problems  # noqa: E731 - no content to link to
                                      else f'<a href="#{e(sid)}">{e(sections[sid][0])}</a>')
        if old.intro != new.intro and text_changed:
            summary.append(e(t["intro"]))
        for key, ids, where in (("changed_sections", changed, new.sections), ("added_sections", added, new.sections)):
            if ids:
                summary.append(f"{e(t[key])}: " + ", ".join(link(sid, where) for sid in ids) + ".")
        if removed:
            summary.append(f"{e(t['removed_sections'])}: " + ", ".join(e(old.sections[s][0]) for s in removed) + ".")
        facts_changed = _changed_facts(old.meta, new.meta, t, labels)
        if facts_changed:
            summary.append(f"{e(t['changed_facts'])}: " + ", ".join(e(f) for f in facts_changed) + ".")
        if not text_changed and _body(old_files[change.old]) == _body(new_files[change.new]):
            preview.facts_only = True
            summary.append(e(t["facts_only"]))
    other = next((x for x in r.langs if x != lang), None)
    if other is not None:
        twin_file = other.source_name(change.page)
        if twin is not None and twin.output:
            rel = posixpath.relpath(twin.output, posixpath.dirname(output) or ".")
            summary.append(t["twin_changed"].format(lang=e(other.name), link=f'<a href="{e(rel)}" lang="{other.locale}">{e(r.docs + "/" + twin.name)}</a>'))
        elif twin is not None:
            summary.append(t["twin_changed"].format(lang=e(other.name), link=e(f"{r.docs}/{twin.name}")))
        else:
            summary.append(t["twin_unchanged"].format(lang=e(other.name), file=e(f"{r.docs}/{twin_file}")))
    if problems:
        preview.refused = problems
        content = (f"<h1>{e(shown.title)}</h1>\n<div class=\"handbook-preview-problems\"><p>{e(t['refused'])}</p><ul>"
                   + "".join(f"<li>{e(p)}</li>" for p in problems) + "</ul></div>")
        facts = ""
    preview.summary = [re.sub(r"<[^>]+>", "", s) for s in summary]
    items = "".join(f"<li>{s}</li>" for s in summary)
    body = (f'<section class="handbook-preview-summary" aria-labelledby="handbook-preview-summary">'
            f'<h2 id="handbook-preview-summary">{e(t["summary"])}</h2><ul>{items}</ul></section>\n'
            f"{content}\n{facts}")
    document = _document(lang=lang, title=shown.title, site_name=r.site_names[lang.locale], css=r.css,
                         banner=_banner(t, depth + INDEX), body=body)
    return preview, document


def _index(previews: list[Preview], moved: list[Change], r: Renderer, base_label: str,
           titles: dict[str, str]) -> str:
    lang = r.langs[0]
    t = text_for(lang)
    e = html.escape
    parts = [f"<h1>{e(t['index_title'])}</h1>", f"<p>{e(t['index_intro'].format(base=base_label))}</p>"]
    for each in r.langs:
        mine = [p for p in previews if p.change.lang == each]
        moves = [c for c in moved if c.lang == each]
        attr = "" if each == lang else f' lang="{each.locale}"'
        parts.append(f'<h2 id="lang-{each.locale}"{attr}>{e(each.name)}</h2>')
        if not mine and not moves:
            parts.append(f"<p>{e(t['none'])}</p>")
            continue
        items = []
        for p in mine:
            kind = t["kind_refused"] if p.refused else t["kind_facts"] if p.facts_only else t[f"kind_{p.change.kind}"]
            details = "".join(f"<li>{e(s)}</li>" for s in p.summary)
            items.append(f'<li><a href="{e(p.change.output)}"{attr}>{e(p.title)}</a> ({e(kind)}, '
                         f'<code>{e(r.docs + "/" + p.change.name)}</code>)<ul{attr}>{details}</ul></li>')
        for c in moves:
            items.append(f"<li><span{attr}>{e(titles.get(c.new, c.new))}</span> ({e(t['kind_moved'])}, "
                         f"{e(t['moved_list'].format(old=r.docs + '/' + c.old, new=r.docs + '/' + c.new))})</li>")
        parts.append('<ul class="handbook-preview-index">' + "".join(items) + "</ul>")
    return _document(lang=lang, title=t["index_title"], site_name=r.site_names[lang.locale], css=r.css,
                     banner=_banner(t, INDEX), body="\n".join(parts))


def summary_markdown(previews: list[Preview], moved: list[Change], r: Renderer) -> str:
    """The changed pages as Markdown, for the job summary of a pull request."""
    t = text_for(r.langs[0])
    plain = lambda s: re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", s)  # noqa: E731
    lines = [f"### {t['summary_title']}", ""]
    for each in r.langs:
        mine = [p for p in previews if p.change.lang == each]
        moves = [c for c in moved if c.lang == each]
        lines.append(f"**{each.name}**")
        lines.append("")
        if not mine and not moves:
            lines += [f"- {t['none']}", ""]
            continue
        for p in mine:
            kind = t["kind_refused"] if p.refused else t["kind_facts"] if p.facts_only else t[f"kind_{p.change.kind}"]
            lines.append(f"- {plain(p.title)} ({kind}, `{r.docs}/{p.change.name}`): {plain(' '.join(p.summary))}")
        for c in moves:
            lines.append(f"- `{r.docs}/{c.new}` ({t['kind_moved']}, {t['moved_list'].format(old=f'`{r.docs}/{c.old}`', new=f'`{r.docs}/{c.new}`')})")
        lines.append("")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Result:
    previews: list[Preview]
    moved: list[Change]
    summary: str

    @property
    def refused(self) -> list[str]:
        return [problem for p in self.previews for problem in p.refused]


def write_preview(project: Path, base: str, head: str | None, out: Path, *, config_file: Path | None = None,
                  site_url: str | None = None) -> Result:
    """Write the preview of every changed page between BASE and HEAD (None: the working tree) to
    ``out``, with its index.html. Raises HandbookError for a revision or folder that will not do."""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    for revision in (base, head):  # before reading mkdocs.yml: a wrong name is told at once
        version(project, "", revision, "")
    _refuse_other_files(out)
    config = load_mkdocs_config(config_file or project / "mkdocs.yml")
    r = renderer(config)
    t = text_for(r.langs[0])
    old_ver = version(project, r.docs, base, t["working_tree"])
    new_ver = version(project, r.docs, head, t["working_tree"])
    old_files, new_files = markdown_files(old_ver), markdown_files(new_ver)
    found = changes(old_files, new_files, r.langs)
    shown = [c for c in found if c.kind != "moved" or old_files[c.old] != new_files[c.new]]
    for c in shown:
        c.output = output_name(c)
    outputs = {c.name: c.output for c in shown}
    _fresh(out)
    binaries = lambda ver: {n: ver.read(n) for n in ver.files() if not n.endswith(".md")}  # noqa: E731
    old_bin, new_bin = binaries(old_ver), binaries(new_ver)
    previews = []
    for c in shown:
        twin = next((x for x in found if x is not c and x.page == c.page and x.lang != c.lang), None)
        preview, document = page_preview(c, r, old_files=old_files, new_files=new_files, twin=twin, outputs=outputs,
                                         site_url=site_url, old_version=old_bin, new_version=new_bin)
        target = out / c.output
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
        previews.append(preview)
    moved = [c for c in found if c.kind == "moved" and c not in shown]
    titles = {c.new: _title(new_files[c.new], f"{r.docs}/{c.new}") for c in moved}
    (out / INDEX).write_text(_index(previews, moved, r, old_ver.label, titles), encoding="utf-8")
    return Result(previews, moved, summary_markdown(previews, moved, r))


def _title(text: str, name: str) -> str:
    front, body, line = sources.split_front_matter(text)
    heads = sources.headings(sources.Page(name, text, front, body, line))
    return next((h.text for h in heads if h.level == 1), Path(name).stem)


def _refuse_other_files(out: Path) -> None:
    """DIR may be new, empty or an earlier preview (replaced); a folder with other files is refused."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER_FILE).exists())):
        raise HandbookError(f"handbook-preview: {out} is not empty and holds no earlier preview. "
                            "Give a new folder with --out, for example --out forhandsvisning")


def _fresh(out: Path) -> None:
    """An empty DIR: a previous preview in it is replaced; a folder with other files is refused."""
    _refuse_other_files(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER_FILE).write_text("Made by handbook-preview; replaced on each run.\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="handbook-preview",
        description="Write each page that changed between two git revisions, as readers will see it, "
                    "with the changes marked, to DIR (open DIR/index.html).")
    parser.add_argument("base", metavar="BASE", help="the revision to compare with, e.g. origin/main")
    parser.add_argument("head", metavar="HEAD", nargs="?", default=None,
                        help="the revision with the changes (default: the working tree)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write")
    parser.add_argument("--summary", type=Path, metavar="FILE",
                        help="append the list of changed pages as Markdown (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--site-url", metavar="URL",
                        help="where links to unchanged pages lead (the built site), ending in /")
    parser.add_argument("--config", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    config_file = args.config or (Path.cwd() / MKDOCS_FILE.name)
    try:
        result = write_preview(config_file.parent, args.base, args.head, args.out, config_file=config_file,
                               site_url=args.site_url)
    except HandbookError as err:
        print(err, file=sys.stderr)
        return 2
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as summary:
            summary.write(result.summary)
    print(f"{len(result.previews)} page(s) previewed, {len(result.moved)} moved: open {args.out / INDEX}")
    if result.refused:
        print(checks.report(result.refused), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
