"""The one place that knows how mkdocs-static-i18n works, so that nothing else reads its insides;
and what a language is to the handbook (``Language``: its source files and where it is served).

What static-i18n documents, and we use as documented:
- its plugin options in mkdocs.yml (``languages`` with ``locale``, ``name``, ``default``, and the
  per-language overrides such as ``site_name`` and ``theme.language``);
- that each language is built in turn, and that the per-language ``theme: language:`` override is
  applied to ``config.theme`` before that language's pages are built.

What it does not document, and only this module relies on:
- ``I18n.building``: true while static-i18n runs the other languages' builds from inside the
  default language's ``on_post_build``. The handbook's post-build steps (one search index per
  language, the PDFs, …) run once, after the last language: ``all_languages_built`` tells.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.core.errors import HandbookError

PLUGIN = "i18n"


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


def _plugin(config):
    try:
        return config.plugins[PLUGIN]
    except KeyError:
        raise HandbookError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is missing under plugins.") from None


def language_entries(config) -> list:
    """The i18n plugin's ``languages`` entries as mkdocs.yml lists them (``locale``, ``name``,
    ``default``, ``build``), built or not."""
    return list(_plugin(config).config.languages)


def languages(config) -> list[Language]:
    """The built languages, default first, from the i18n plugin's options."""
    langs = [
        Language(locale=entry.locale, name=entry.name, default=bool(entry.default))
        for entry in _plugin(config).config.languages
        if entry.build
    ]
    return sorted(langs, key=lambda lang: not lang.default)


def current_language(config, langs: list[Language]) -> Language:
    """The language being built now: static-i18n sets each language's ``theme.language``."""
    locale = config.theme["language"]
    for lang in langs:
        if lang.locale == locale:
            return lang
    raise HandbookError(
        f"mkdocs.yml: the language '{locale}' being built has no entry under the i18n plugin's "
        "languages. Give every language a 'theme: language:' override with its locale."
    )


def all_languages_built(config) -> bool:
    """True in the ``on_post_build`` that follows the last language's build (undocumented:
    static-i18n builds the other languages inside the default one's ``on_post_build``)."""
    return not _plugin(config).building


def is_first_config(config) -> bool:
    """True in the ``on_config`` of a build's first (default) language, not again for the others."""
    return not _plugin(config).building
