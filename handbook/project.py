"""Where the handbook's sources are, which languages it has, and what every page must contain.

The languages are defined once, in mkdocs.yml (the ``i18n`` plugin). The required sections are
defined once, in contract.yml. Everything else, the hooks and the tests, reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_FILE = ROOT / "contract.yml"
MKDOCS_FILE = ROOT / "mkdocs.yml"
# Everything the site is built from: a copy of these builds the same site (tests, benchmarks).
SOURCE_PARTS = ("mkdocs.yml", "contract.yml", "search_words.yml", "docs", "overrides", "handbook")


class HandbookError(Exception):
    """A problem an editor can fix. The message names the file and says what to do."""


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool

    def source_name(self, page: str) -> str:
        """The Markdown file of ``page`` (a Swedish file name such as ``x.md``) in this language."""
        if self.default:
            return page
        return page[: -len(".md")] + f".{self.locale}.md"

    def url_prefix(self) -> str:
        """Where this language's pages are served, relative to the site root: '' or 'en/'."""
        return "" if self.default else f"{self.locale}/"


def page_and_language(name: str, langs: list[Language]) -> tuple[str, Language]:
    """A Markdown file name's page (the Swedish file name) and language: x.en.md -> (x.md, en)."""
    for lang in langs:
        suffix = f".{lang.locale}.md"
        if not lang.default and name.endswith(suffix):
            return name[: -len(suffix)] + ".md", lang
    return name, next(lang for lang in langs if lang.default)


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs-only tags such as !ENV or !relative."""


_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def languages_from_config(i18n_config) -> list[Language]:
    """The languages of an ``i18n`` plugin config (a dict or the plugin's config object)."""
    langs = []
    for entry in i18n_config["languages"]:
        get = entry.get if isinstance(entry, dict) else lambda key, e=entry: e[key]
        langs.append(Language(locale=get("locale"), name=get("name"), default=bool(get("default"))))
    return sorted(langs, key=lambda lang: not lang.default)


def languages(mkdocs_file: Path = MKDOCS_FILE) -> list[Language]:
    """The handbook's languages, default first, as mkdocs.yml defines them."""
    config = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_from_config(plugin["i18n"])
    raise HandbookError(f"{mkdocs_file.name}: the i18n plugin and its languages are missing.")


def load_contract(contract_file: Path = CONTRACT_FILE) -> dict[str, list[str]]:
    """Page (Swedish file name) -> the section IDs it must have, in order."""
    where = contract_file.name
    try:
        data = yaml.safe_load(contract_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise HandbookError(f"{where}: is not valid YAML ({err}). Check the indentation.") from err
    pages = (data or {}).get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not pages:
        raise HandbookError(f"{where}: must have a 'pages:' list of pages and their section IDs.")
    contract: dict[str, list[str]] = {}
    for page, sections in pages.items():
        if not isinstance(page, str) or not page.endswith(".md") or page.count(".") != 1:
            raise HandbookError(
                f"{where}: '{page}' is not a Swedish page file name. Use the name of the file in "
                "docs/, for example 'facebook-konton.md'."
            )
        if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
            raise HandbookError(
                f"{where}: the sections of '{page}' must be a list of section IDs, one per line "
                "starting with '- '."
            )
        contract[page] = sections
    return contract


def section_reference_problem(target: str, docs_dir: Path, langs: list[Language]) -> str | None:
    """Why ``<page file>#<section id>`` does not name a section in every language, or None."""
    from handbook.markdown_sections import sections

    page, _, section_id = str(target).partition("#")
    for lang in langs:
        source = docs_dir / lang.source_name(page) if page.endswith(".md") else None
        if source is None or not source.is_file():
            return (
                f"'{target}' names a page that does not exist. Use <page file>#<section id>, "
                "for example facebook-konton.md#one-account."
            )
        ids = {h.section_id for h in sections(source.read_text(encoding="utf-8")) if h.section_id}
        if section_id and section_id not in ids:
            return (
                f"'{target}': {source.name} has no section '#{section_id}'. "
                f"Use one of: {', '.join(sorted(ids))}."
            )
    return None
