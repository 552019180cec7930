"""The pages' structure: twins, section IDs and the contract.

- every Swedish page has an English twin, and every English page a Swedish original;
- every H2 and H3 heading carries a valid section ID, unique on its page;
- a page and its twin have the same section IDs;
- every page and section that contract.yml requires is there, in every language.
"""

from __future__ import annotations

from pathlib import Path

from handbook.core import sources
from handbook.core.project import HandbookError, Language, page_and_language


def pages_by_language(docs_dir: Path, langs: list[Language]) -> dict[str, dict[Language, Path]]:
    """Page (Swedish file name) -> its file in each language that has one."""
    by_page: dict[str, dict[Language, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        page, lang = page_and_language(path.relative_to(docs_dir).as_posix(), langs)
        by_page.setdefault(page, {})[lang] = path
    return by_page


def problems(docs_dir: Path, langs: list[Language], contract: dict[str, list[str]],
             contract_name: str) -> list[str]:
    """Every structural problem in ``docs_dir``, each naming its file (and line) and the fix."""
    root = docs_dir.parent

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    default, others = langs[0], langs[1:]
    by_page = pages_by_language(docs_dir, langs)
    found: list[str] = []
    page_ids: dict[tuple[str, Language], list[str]] = {}
    for page, files in by_page.items():
        for lang in langs:
            if lang not in files:
                present = next(iter(files.values()))
                missing = docs_dir / lang.source_name(page)
                found.append(
                    f"{rel(present)}: has no {lang.name} twin. Create {rel(missing)} with the "
                    f"{lang.name} version of the page (the same section IDs), or delete "
                    f"{rel(present)} if the page should go."
                )
                continue
            path = files[lang]
            try:
                headings = sources.sections(sources.read(path, rel(path)))
            except HandbookError as err:
                found.append(str(err))
                continue
            ids: list[str] = []
            for heading in headings:
                where = f"{rel(path)}:{heading.line}"
                marks = "#" * heading.level
                if heading.problem:
                    found.append(f"{where}: in the heading '{marks} {heading.text}', {heading.problem}.")
                elif heading.section_id is None:
                    found.append(
                        f"{where}: the heading '{marks} {heading.text}' has no section ID. Add one at "
                        f"the end of the line, for example '{marks} {heading.text} {{#short-english-id}}', "
                        "and use the same ID in the other language."
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
        if (page, default) not in page_ids:
            continue
        base = set(page_ids[page, default])
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
    return found
