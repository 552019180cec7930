"""MkDocs hook: checks the pages before anything is built, and stops the build with a list of
what to fix.

- every Swedish page has an English twin, and every English page a Swedish original;
- every H2 and H3 heading carries an explicit section ID, unique on its page;
- a page and its twin have the same section IDs;
- every page and section that contract.yml requires is there, in every language;
- every page's front matter follows the schema in page_metadata.py;
- no page holds content that could run code or load from elsewhere (content_safety.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook import content_safety, page_metadata
from handbook.markdown_sections import sections
from handbook.project import (
    HandbookError, Language, languages_from_config, load_contract, page_and_language,
)

log = logging.getLogger("mkdocs.hooks.check_pages")


def problems(
    docs_dir: Path, langs: list[Language], contract: dict[str, list[str]], contract_name: str
) -> list[str]:
    """Every problem found in ``docs_dir``, each naming its file (and line) and the fix."""
    root = docs_dir.parent
    found: list[str] = []

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    default = langs[0]
    others = langs[1:]
    by_page: dict[str, dict[Language, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(docs_dir).as_posix()
        page, lang = page_and_language(name, langs)
        by_page.setdefault(page, {})[lang] = path

    page_ids: dict[tuple[str, Language], list[str]] = {}
    for page, files in by_page.items():
        for lang in langs:
            if lang not in files:
                present_lang, present = next(iter(files.items()))
                missing = docs_dir / lang.source_name(page)
                found.append(
                    f"{rel(present)}: has no {lang.name} twin. Create {rel(missing)} with the "
                    f"{lang.name} version of the page (the same section IDs), or delete "
                    f"{rel(present)} if the page should go."
                )
                continue
            path = files[lang]
            ids: list[str] = []
            for heading in sections(path.read_text(encoding="utf-8")):
                where = f"{rel(path)}:{heading.line}"
                if heading.section_id is None:
                    found.append(
                        f"{where}: the heading '{'#' * heading.level} {heading.text}' has no "
                        "section ID. Add one at the end of the line, for example "
                        f"'{'#' * heading.level} {heading.text} {{#short-english-id}}', and use "
                        "the same ID in the other language."
                    )
                elif heading.section_id in ids:
                    found.append(
                        f"{where}: the section ID '#{heading.section_id}' is used twice on this "
                        "page. Give each heading its own ID."
                    )
                else:
                    ids.append(heading.section_id)
            page_ids[page, lang] = ids

    for page, files in by_page.items():
        if default not in files:
            continue
        base = set(page_ids.get((page, default), []))
        for lang in others:
            if (page, lang) not in page_ids:
                continue
            twin = set(page_ids[page, lang])
            for section_id in sorted(base - twin):
                found.append(
                    f"{rel(files[lang])}: has no section '#{section_id}', which its twin "
                    f"{rel(files[default])} has. Translate that section and give its heading "
                    f"{{#{section_id}}}, or remove it from both pages."
                )
            for section_id in sorted(twin - base):
                found.append(
                    f"{rel(files[default])}: has no section '#{section_id}', which its twin "
                    f"{rel(files[lang])} has. Add that section with {{#{section_id}}}, or remove "
                    "it from both pages."
                )

    for page, required in contract.items():
        for lang in langs:
            path = docs_dir / lang.source_name(page)
            if not path.exists():
                if lang is default:
                    found.append(
                        f"{contract_name}: requires the page {rel(path)}, which does not exist. "
                        "Create the page, or remove it from the contract if it was retired."
                    )
                continue
            have = page_ids.get((page, lang), [])
            for section_id in required:
                if section_id not in have:
                    found.append(
                        f"{rel(path)}: the required section '#{section_id}' is missing "
                        f"({contract_name} requires it). Add a heading ending in {{#{section_id}}} "
                        "with its text."
                    )
    found.extend(page_metadata.problems(docs_dir))
    found.extend(content_safety.problems(docs_dir))
    return found


def on_config(config):
    """Runs once per build (and per reload in `mkdocs serve`), before any page is rendered. Not
    again when static-i18n builds the other languages: every language has been checked."""
    if config["plugins"]["i18n"].building:
        return config
    docs_dir = Path(config["docs_dir"])
    try:
        langs = languages_from_config(config["plugins"]["i18n"].config)
        contract_file = Path(config.config_file_path).parent / "contract.yml"
        found = problems(docs_dir, langs, load_contract(contract_file), contract_file.name)
    except HandbookError as err:
        found = [str(err)]
    if found:
        listing = "\n".join(f"  - {p}" for p in found)
        raise PluginError(
            f"The handbook's pages have {len(found)} problem(s) to fix before the site can be "
            f"built:\n{listing}"
        )
    return config
