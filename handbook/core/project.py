"""Where the handbook's sources are, which languages it has, and what every page must contain.

One way to read mkdocs.yml: MkDocs' own ``load_config`` (``load_mkdocs_config``), which also
validates the handbook plugin's settings. The languages are defined once, in mkdocs.yml (the
``i18n`` plugin); the required sections once, in contract.yml. The plugin, the commands and the
tests all read them from here.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import yaml

from handbook.core import i18n, sources
# The editors' error and the languages are defined where they belong (errors, i18n) and named
# here too, where the commands and tests have always imported them from.
from handbook.core.errors import HandbookError
from handbook.core.i18n import Language, page_and_language  # noqa: F401 (named here for the commands and tests)

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_FILE = ROOT / "contract.yml"
MKDOCS_FILE = ROOT / "mkdocs.yml"
WORDS_FILE = "search_words.yml"
# Everything the site is built from: a copy of these builds the same site (tests, benchmarks).
SOURCE_PARTS = ("mkdocs.yml", "contract.yml", "search_words.yml", "docs", "overrides", "handbook")


# What to do about each kind of message MkDocs gives for a setting it refuses.
_CONFIG_FIXES = {
    "Unrecognised configuration name": "Check the spelling of the setting, or remove it.",
    "Could not find a default language": "Give the Swedish entry (- locale: sv) 'default: true' and 'build: true'.",
    "Required configuration not provided": "Add the setting; every language entry has locale, name and build.",
}


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_mkdocs_config(config_file: Path = MKDOCS_FILE, **options):
    """mkdocs.yml, read and validated by MkDocs itself (plugins included). Raises HandbookError
    with MkDocs' own message, the file's name and what to do when a setting is wrong."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    name = Path(config_file).name
    said = _Messages()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(said)
    try:
        return load_config(str(config_file), **options)
    except ConfigurationError as err:
        raise HandbookError(f"{name}: {err}") from None
    except Abort as err:
        lines = []
        for message in "\n".join(said.messages or [str(err)]).splitlines():
            if not message.strip():
                continue
            fix = next((f for phrase, f in _CONFIG_FIXES.items() if phrase in message),
                       "Write it as the comments next to it in mkdocs.yml show.")
            if re.search(r"\b(write|fill it in|check the spelling)\b", message, re.I):
                fix = ""  # the handbook's own message says what to do
            lines.append(f"{name}: {message.strip().rstrip('.')}. {fix}".rstrip())
        raise HandbookError("\n".join(lines)) from None
    finally:
        logger.removeHandler(said)


def languages(config_file: Path = MKDOCS_FILE) -> list[Language]:
    """The handbook's languages, default first, as mkdocs.yml defines them (for the commands
    and tests; the build asks handbook.core.i18n with the config it already has)."""
    stat = Path(config_file).stat()
    return list(_languages(Path(config_file), stat.st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _languages(config_file: Path, mtime_ns: int) -> tuple[Language, ...]:
    return tuple(i18n.languages(load_mkdocs_config(config_file)))


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
    page, _, section_id = str(target).partition("#")
    for lang in langs:
        source = docs_dir / lang.source_name(page) if page.endswith(".md") else None
        if source is None or not source.is_file():
            return (
                f"'{target}' names a page that does not exist. Use <page file>#<section id>, "
                "for example facebook-konton.md#one-account."
            )
        try:
            ids = {h.section_id for h in sources.sections(sources.read(source)) if h.section_id}
        except HandbookError as err:
            return str(err)
        if section_id and section_id not in ids:
            return (
                f"'{target}': {source.name} has no section '#{section_id}'. "
                f"Use one of: {', '.join(sorted(ids))}."
            )
    return None
