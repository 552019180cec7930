"""mkdocs.yml's languages (the i18n plugin's ``languages``) and the handbook plugin's own entry:
the mistakes that static-i18n and MkDocs let through, or report far from their cause (a page
"not in the navigation", a Material seam, a template's missing filter), as one line each that
names mkdocs.yml, the setting and what to do. MkDocs itself reports a setting of the wrong type,
an unknown one, or a missing default language, naming the plugin and the option.

The build runs these first (``HandbookPlugin.on_config``), and so does ``handbook-check``.
Without the handbook plugin nothing of it runs: the one part of the handbook that mkdocs.yml
loads outside ``plugins:``, the Markdown extension ``handbook.safety.attr_guard``, stops the build at
its first page with ``PLUGIN_MISSING`` (the overrides need the plugin's filters, and the build
would otherwise end in a template error).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from handbook.core import i18n
from handbook.core.settings import missing_languages

LANGUAGES = "mkdocs.yml: plugins: - i18n: languages:"
PLUGIN_MISSING = (
    "mkdocs.yml: the handbook plugin is missing under plugins: (its entry '- handbook:' with its "
    "settings, after '- i18n:'). The site's templates (overrides/) and checks need it: put the "
    "entry back as it is in the last good version of mkdocs.yml.")

_plugin_running = False


def plugin_running(running: bool) -> None:
    """The handbook plugin says a build it is part of has begun (True) or ended (False)."""
    global _plugin_running
    _plugin_running = running


def plugin_missing() -> bool:
    """True in a build the handbook plugin is not part of (asked while a page is rendered)."""
    return not _plugin_running


def _locales_of_pages(docs_dir: Path) -> set[str]:
    """The languages docs/ has pages in: x.en.md is English."""
    return {m.group(1) for path in docs_dir.rglob("*.md")
            if (m := re.fullmatch(r"[^.]+\.([a-z]{2}(?:[-_][A-Za-z]{2})?)\.md", path.name))}


def problems(config, settings) -> list[str]:
    """Everything wrong with the languages, then (once they are right) every per-language
    setting of the handbook plugin that lacks one of them."""
    found = language_problems(config, settings_locales=list(settings.labels))
    if found:
        return found
    missing = missing_languages(settings, [lang.locale for lang in i18n.languages(config)])
    if missing:
        return ["mkdocs.yml: the handbook plugin's settings need a text for every language of the site; "
                "missing: " + "; ".join(missing) + ". Add it under plugins: - handbook:, as for the other languages."]
    return []


def language_problems(config, *, settings_locales: list[str]) -> list[str]:
    """What is wrong with the site's languages: a language listed twice, none or two marked
    ``default: true``, or one missing that docs/ has pages in or the handbook's settings have."""
    entries = i18n.language_entries(config)
    problems = []
    for locale, times in Counter(entry.locale for entry in entries).items():
        if times > 1:
            problems.append(f"{LANGUAGES} '{locale}' is listed {times} times. Keep one '- locale: {locale}' entry.")
    defaults = [entry.locale for entry in entries if entry.default]
    if not defaults:
        problems.append(f"{LANGUAGES} no language has 'default: true'. Give the Swedish entry "
                        "(- locale: sv) 'default: true' and 'build: true'.")
    elif len(set(defaults)) > 1:
        problems.append(f"{LANGUAGES} {' and '.join(repr(d) for d in sorted(set(defaults)))} both have "
                        "'default: true'. Only the Swedish entry (- locale: sv) has it; remove it from the other.")
    listed = {entry.locale for entry in entries}
    built = {entry.locale for entry in entries if entry.build}
    pages = _locales_of_pages(Path(config.docs_dir))
    for locale in sorted((pages | set(settings_locales)) - built):
        where = [what for what, has in (("docs/ has its pages (*." + locale + ".md)", locale in pages),
                                        ("the handbook plugin's labels have it", locale in settings_locales)) if has]
        if locale in listed:
            problems.append(f"{LANGUAGES} '{locale}' has 'build: false', but {' and '.join(where)}. Write "
                            "'build: true', or remove its pages and settings.")
        else:
            problems.append(f"{LANGUAGES} has no entry for '{locale}', but {' and '.join(where)}. Put its entry "
                            f"back (- locale: {locale}, with name and build: true), or remove its pages and settings.")
    for entry in entries:
        if (entry.get("theme") or {}).get("language") != entry.locale:
            problems.append(f"{LANGUAGES} the '{entry.locale}' entry has no 'theme: language: {entry.locale}' "
                            "(the handbook tells the languages' builds apart by it). Add it under the entry, "
                            "as the other entries have it.")
    return problems
