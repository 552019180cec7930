"""Every editor check, in one place: the build (handbook/engine/plugin.py) and ``uv run handbook-check``
call the same functions, so they cannot disagree.

- ``source_problems``: what needs only the Markdown sources: twins, section IDs, the contract,
  front matter, content safety in the source, search words, the lexicon stop list, the navigation;
- ``page_html_problems``: what needs a page's HTML: content that could run code or load from
  elsewhere (``html_safety``);
- ``rendered_problems`` (only ``handbook-check``; the build has MkDocs' own link validation):
  links and #anchors between pages, and absolute links;
- ``translation_drift.drift`` (only ``handbook-check`` and the tests: an English page that is
  behind its Swedish original must not stop the editor's live preview).

    uv run handbook-check          # every check, without building the site (a few seconds)
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.core import sources
from handbook.pages import change_notes, page_metadata, page_structure
from handbook.safety import content_safety
from handbook.core.project import (
    MKDOCS_FILE, HandbookError, Language, load_contract, load_mkdocs_config, page_and_language,
)


@dataclass(frozen=True)
class Sources:
    """What the checks read: the pages, their languages, the contract and the search words."""

    docs_dir: Path
    langs: list[Language]
    contract_file: Path
    words_file: Path
    nav_pages: list[str] | None  # the Swedish page files the navigation lists (None: no nav)
    generated_files: frozenset[str]  # files the build adds that pages may link to (the PDFs)

    @classmethod
    def of(cls, config, settings, langs: list[Language]) -> "Sources":
        project = Path(config.config_file_path).parent
        return cls(Path(config.docs_dir), langs, project / settings.contract,
                   project / settings.search_words, nav_files(config.nav),
                   frozenset(generated_files(langs)))


def generated_files(langs: list[Language]) -> list[str]:
    """The site files the build writes that are not in docs/: each language's PDF and feed."""
    from handbook.site.generated_paths import site_paths

    return [path for lang in langs for path in site_paths(lang)]


def nav_files(nav) -> list[str] | None:
    """The Markdown files listed in mkdocs.yml's ``nav:`` (nested sections included)."""
    if nav is None:
        return None
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(value)

    walk(nav)
    return found


def nav_problems(src: Sources) -> list[str]:
    if src.nav_pages is None:
        return []
    root = src.docs_dir.parent
    pages = {page for page, _ in (page_and_language(p.relative_to(src.docs_dir).as_posix(), src.langs)
                                  for p in src.docs_dir.rglob("*.md"))}
    found = []
    for page in sorted(pages - set(src.nav_pages)):
        found.append(f"{(src.docs_dir / page).relative_to(root).as_posix()}: is not in the navigation. "
                     f"Add a line '- {page}' under nav: in mkdocs.yml (only the Swedish file name).")
    for page in src.nav_pages:
        if page not in pages:
            found.append(f"mkdocs.yml: nav: lists '{page}', which does not exist in docs/. Fix the file "
                         "name, or remove the line.")
    return found


def source_problems(src: Sources) -> list[str]:
    """Every problem found in the sources, each naming its file (and line) and the fix."""
    from handbook.search import lexicons
    from handbook.search.search_words import load_search_words

    found = page_structure.problems(src.docs_dir, src.langs, load_contract(src.contract_file),
                                    src.contract_file.name)
    found += page_metadata.problems(src.docs_dir)
    found += content_safety.problems(src.docs_dir)
    found += nav_problems(src)
    found += change_notes.twin_problems(src.docs_dir, src.langs)
    if src.words_file.exists():
        try:
            load_search_words(src.words_file, src.docs_dir, src.langs)
        except HandbookError as err:
            found.append(str(err))
    try:
        lexicons.load_stop_list.__wrapped__(lexicons.STOP_FILE)
    except HandbookError as err:
        found.append(str(err))
    return list(dict.fromkeys(found))  # a file that cannot be read is named once


def page_html_problems(html: str, *, name: str, markdown: str) -> list[str]:
    """Problems in the HTML a page becomes (see html_safety). ``markdown`` is the page's whole
    source, front matter included, so that the messages give the right line."""
    from handbook.safety import html_safety

    return html_safety.problems(html, source_name=name, markdown=markdown)


def report(found: list[str]) -> str:
    listing = "\n".join(f"  - {p}" for p in found)
    return f"The handbook's pages have {len(found)} problem(s) to fix before the site can be built:\n{listing}"


# --- links and anchors, from the Markdown rendered as the site renders it ---------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if tag in ("a", "img") and values.get(name) is not None:
                self.links.append(values[name].strip())


def _line_of(page: sources.Page, needle: str) -> str:
    for number, line in enumerate(page.text.splitlines(), start=1):
        if needle in line:
            return f":{number}"
    return ""


def rendered_problems(src: Sources, render) -> list[str]:
    """Broken links and #anchors between pages, links to files that do not exist, and absolute
    links, in every language. ``render`` turns Markdown into HTML as the site does."""
    root = src.docs_dir.parent
    parsed: dict[Path, tuple[sources.Page, _Links]] = {}
    for path in sorted(src.docs_dir.rglob("*.md")):
        try:
            page = sources.read(path, path.relative_to(root).as_posix())
        except HandbookError:
            continue  # named by page_structure
        links = _Links()
        links.feed(render(page.body))
        parsed[path] = (page, links)
    found = []
    for path, (page, links) in parsed.items():
        _, lang = page_and_language(path.relative_to(src.docs_dir).as_posix(), src.langs)
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # another website, mailto: or tel: (html_safety judges the scheme)
            where = f"{page.name}{_line_of(page, link.split('#')[0] or link)}"
            if link.startswith("/"):
                found.append(f"{where}: the link '{link}' is absolute. Link to the Markdown file "
                             "instead, relative to this page, for example [Kontakta oss](kontakta-oss.md).")
                continue
            target_path = unquote(parts.path)
            if not target_path:
                target, target_ids = path, links.ids
            else:
                resolved = (path.parent / target_path).resolve()
                relative = resolved.relative_to(src.docs_dir.resolve()).as_posix() if resolved.is_relative_to(src.docs_dir.resolve()) else None
                if relative is None:
                    found.append(f"{where}: the link '{link}' points outside docs/. Link to a page or file in docs/.")
                    continue
                if relative.endswith(".md"):
                    twin = src.docs_dir / lang.source_name(page_and_language(relative, src.langs)[0])
                    if not twin.is_file():
                        found.append(f"{where}: the link '{link}' leads to a page that does not exist "
                                     f"({twin.relative_to(root).as_posix()}). Check the file name.")
                        continue
                    target = twin
                    target_ids = parsed[twin][1].ids if twin in parsed else set()
                else:
                    built = lang.url_prefix() + relative
                    if not (src.docs_dir / relative).is_file() and built not in src.generated_files and relative not in src.generated_files:
                        hint = ("Link to the Markdown file of the page, for example (kontakta-oss.md)."
                                if relative.endswith("/") or "." not in relative.rsplit("/", 1)[-1]
                                else f"Put the file in docs/ as docs/{relative}, or fix the name.")
                        found.append(f"{where}: the link '{link}' leads to a file that does not exist. {hint}")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and fragment not in target_ids:
                found.append(f"{where}: the link '{link}' points to the section '#{fragment}', which "
                             f"{target.relative_to(root).as_posix()} does not have. Use one of its section IDs.")
    return found


def markdown_renderer(config):
    """Markdown to HTML with the site's own extensions and their settings."""
    import markdown

    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def all_problems(config_file: Path = MKDOCS_FILE, *, drift_too: bool = True) -> list[str]:
    """What ``handbook-check`` reports: every editor mistake the build refuses, and drift
    (``drift_too``; the Zensical build asks without it, as the MkDocs build does not stop on it)."""
    from handbook.core import i18n
    from handbook.pages.translation_drift import drift

    from handbook.core import config_checks

    config = load_mkdocs_config(config_file)
    if "handbook" not in config.plugins:
        return [config_checks.PLUGIN_MISSING]
    settings = config.plugins["handbook"].config
    wrong = config_checks.problems(config, settings)
    if wrong:
        return wrong
    langs = i18n.languages(config)
    src = Sources.of(config, settings, langs)
    found = source_problems(src)
    if found:
        return found
    render = markdown_renderer(config)
    root = src.docs_dir.parent
    for path in sorted(src.docs_dir.rglob("*.md")):
        page = sources.read(path, path.relative_to(root).as_posix())
        found += page_html_problems(render(page.body), name=page.name, markdown=page.text)
    found += rendered_problems(src, render)
    if drift_too:
        found += drift(src.docs_dir, langs)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="handbook-check",
        description="Check the handbook's pages for every mistake the build refuses, without building.")
    parser.add_argument("--config", type=Path, default=MKDOCS_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        found = all_problems(args.config)
    except HandbookError as err:
        found = [str(err)]
    for problem in found:
        print(f"- {problem}")
    took = f"({time.perf_counter() - started:.1f} s)"
    if found:
        print(f"\n{len(found)} problem(s) to fix. {took}")
        return 1
    print(f"Every check passed: the pages can be built. {took}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
