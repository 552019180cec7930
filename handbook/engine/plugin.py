"""The handbook's MkDocs plugin: every build step of the handbook, in one class, in order.

Registered as ``handbook`` (pyproject.toml, entry point ``mkdocs.plugins``) and listed in
mkdocs.yml under ``plugins:`` after ``search`` and ``i18n``. Its settings are validated by
``handbook.core.settings.HandbookSettings``. static-i18n builds the site once per language: the
default language first, then the others from inside its own ``on_post_build``; the steps below
say which run once per build and which once per language.

Once per build, before anything is rendered (``on_config``):
  0. the site's languages in mkdocs.yml (``config_checks``: a language twice, no default, …);
  1. the editor checks that need only the sources (``checks.source_problems``): twins, section
     IDs, the contract, front matter, content safety, search words, translation drift;
  2. logging: MkDocs' link and anchor warnings count in strict mode whatever the verbosity;
  3. the build goes into a fresh folder, swapped in only when everything succeeded
     (``atomic_site``), so a failed build leaves the last good site as it was;
  4. the PDF processes start, so that the PDFs render while the pages are built.
Per language:
  5. ``on_env``: compiled templates kept between builds (``template_cache``);
  6. ``on_files``: the language's PDF and feed are known as files pages may link to, its
     change notes are gathered (``change_notes``), and its labels go to the templates as
     ``config.extra.handbook`` (``page_facts.language_context``);
  7. ``on_page_markdown``: contact details, recent changes and the municipality's settings
     filled in; front matter made safe for Material's templates;
  8. ``on_page_content``: the HTML each page becomes is checked against an allowlist
     (``html_safety``), then links to other websites are marked (``external_links``);
  9. ``on_env`` (after all pages are rendered): problems found in the HTML stop the build;
 10. ``on_page_context``: the page's facts (owner, dates, review status), as
     ``page.meta.page_facts``;
 11. ``on_post_page`` / ``on_post_template``: the edits of Material's own HTML
     (``material_seams.material_page``); minified HTML; each language's own 404 page.
Once, after the last language (``on_post_build``):
 12. one search index per language for the handbook's search engine: staff words, link texts,
     Swedish compounds, navigation ranked lower, lexicon links (``split_by_language``,
     ``search_words``, ``search_index``, ``lexicons``); each language's feed of changes; our own
     CSS and JS minified; the script of the log of missed searches with its words, or none when
     ``search_feedback`` is off (``search_feedback``); the whole-handbook PDFs;
 13. strict-mode warnings stop the build here, before the new site replaces the old one.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.core import git, i18n, material_seams
from handbook.editors import checks
from handbook.core import config_checks
from handbook.engine import generated_files, preview, strict_warnings, template_cache
from handbook.pages import change_notes, contact_details, external_links, page_facts, page_metadata, settings_text
from handbook.search import search_feedback, search_index
from handbook.search import split_by_language
from handbook.site import atomic_site, minify, precompress
from handbook.core.project import HandbookError, Language, page_and_language
from handbook.search.search_words import load_search_words, site_search_indexes
from handbook.core.settings import HandbookSettings

log = logging.getLogger("mkdocs.plugins.handbook")

# static-i18n chooses each language's files and runs the other languages' builds at -100.
AFTER_I18N = -110


class HandbookPlugin(BasePlugin[HandbookSettings]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.languages: list[Language] = []
        self.project_dir = Path.cwd()
        self.site: atomic_site.AtomicSite | None = None
        self.renderers = None
        self.pdf_labels: dict = {}
        self.git_dates: dict = {}
        self.html_problems: list[str] = []
        self.changes: dict[str, list[change_notes.PageChange]] = {}  # per locale, newest first
        self.feed_titles: dict[str, str] = {}
        self.warnings = strict_warnings.WarningCounter()
        self.last_error: str | None = None
        self.dirty = False

    # --- once per build ------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not i18n.is_first_config(config):
            return config
        self.project_dir = Path(config.config_file_path).parent
        config_checks.plugin_running(True)
        wrong = config_checks.problems(config, self.config)
        if wrong:
            raise PluginError("\n".join(wrong))
        self.languages = i18n.languages(config)
        try:
            found = checks.source_problems(checks.Sources.of(config, self.config, self.languages))
        except HandbookError as err:
            found = [str(err)]
        if found:
            raise PluginError(checks.report(found))
        self.warnings.start(strict=config.strict)
        self.html_problems = []
        self.git_dates = git.last_commit_dates(Path(config.docs_dir))
        self.last_error = None
        if not self.dirty:
            self.site = atomic_site.AtomicSite(Path(config.site_dir))
            config.site_dir = str(self.site.building)
        if self.pdf_wanted() and self.renderers is None:
            from handbook.pdf import pdf_render  # WeasyPrint loads only for builds that make PDFs
            self.pdf_labels = pdf_render.labels_from_config(config)
            self.renderers = pdf_render.start_renderers(len(self.languages))
        return config

    def pdf_wanted(self) -> bool:
        return self.config.pdf and self.command != "serve"

    # --- per language ----------------------------------------------------------------------

    def language(self, config: MkDocsConfig) -> Language:
        return i18n.current_language(config, self.languages)

    def labels(self, config: MkDocsConfig):
        return self.config.labels[self.language(config).locale]

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        template_cache.keep_compiled(env, self.project_dir)
        if self.html_problems:
            found, self.html_problems = self.html_problems, []
            raise PluginError(checks.report(found))
        return env

    @event_priority(AFTER_I18N)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """After static-i18n has chosen this language's files: its PDF and feed are files pages
        may link to, and its change notes are gathered for the pages that list them."""
        lang = self.language(config)
        generated_files.register(files, config, lang)
        docs = Path(config.docs_dir)
        self.changes[lang.locale] = change_notes.language_changes([
            (Path(f.abs_src_path), f"docs/{f.src_uri}", page_and_language(f.src_uri, self.languages)[0], f.url)
            for f in files.documentation_pages() if Path(f.abs_src_path or "/").is_relative_to(docs)])
        self.feed_titles[lang.locale] = f"{config.site_name}: {self.labels(config).changes.recent}"
        config.extra["handbook"] = page_facts.language_context(
            lang, labels=self.labels(config), feed_title=self.feed_titles[lang.locale],
            search_feedback=self.config.search_feedback, site_url=config.site_url or "/",
            start_pages={other.locale: other.url_prefix() or "./" for other in self.languages})
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang, labels = self.language(config), self.labels(config)
        page_metadata.escape_for_templates(page.meta)
        markdown = contact_details.fill(markdown, self.config.contact, labels.contact, lang.locale)
        markdown = change_notes.MARKER.sub(lambda m: change_notes.recent_markdown(
            self.changes.get(lang.locale, []), int(m.group(1)) if m.group(1) else None,
            date_locale=labels.date_locale, here=page_and_language(page.file.src_uri, self.languages)[0],
            none_yet=labels.changes.none_yet), markdown)
        try:
            return settings_text.fill(markdown, settings=self.config, labels=labels,
                                      locale=lang.locale, page_name=f"docs/{page.file.src_uri}")
        except HandbookError as err:
            raise PluginError(str(err)) from None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.html_problems += checks.page_html_problems(
            html, name=f"docs/{page.file.src_uri}", markdown=page.file.content_string)
        host = urlsplit(config.site_url or "").netloc
        return external_links.mark_external_links(html, host, self.labels(config).external_link)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        source = Path(page.file.abs_src_path)
        # Checked before the build, under the same name: read from check's memory.
        meta, _ = page_metadata.check(source, source.relative_to(Path(config.docs_dir).parent).as_posix())
        page.meta["page_facts"] = page_facts.page_facts(
            meta, updated=self.git_dates.get(source.resolve()), labels=self.labels(config),
            edit_url=page.edit_url, feedback_url=self.config.feedback_url, changes=meta.get("changes") or [],
            title=page.title or config.site_name, url=page.canonical_url or page.url)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return minify.minify(material_seams.material_page(output))

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        if template_name != "404.html":
            return minify.minify(output_content)
        lang = self.language(config)
        html = minify.minify(material_seams.material_page(output_content))
        if not lang.default:
            # MkDocs writes every language's 404 page to the site root: keep the default
            # language's there (written before), and put this one under its prefix.
            split_by_language.write_404(Path(config.site_dir), lang, html)
            return Path(config.site_dir, "404.html").read_text(encoding="utf-8")
        return html

    # --- once, after the last language -----------------------------------------------------

    @event_priority(AFTER_I18N)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not i18n.all_languages_built(config):
            return
        site_dir = Path(config.site_dir)
        split_by_language.split_search_index(site_dir, self.languages)
        words_file = self.project_dir / self.config.search_words
        words = load_search_words(words_file, Path(config.docs_dir), self.languages) if words_file.exists() else {}
        compounds = search_index.compound_cache(self.project_dir)
        built = {lang.locale: json.loads(split_by_language.index_file(site_dir, lang).read_text(encoding="utf-8"))
                 for lang in self.languages}
        indexes = site_search_indexes(site_dir, built, self.languages, words, compounds)
        for lang in self.languages:
            split_by_language.write_index(site_dir, lang, indexes[lang.locale])
        compounds.save()
        for lang in self.languages:
            feed = change_notes.atom_feed(
                self.changes.get(lang.locale, []), site_url=config.site_url or "/", lang=lang,
                title=self.feed_titles[lang.locale], author=self.config.labels[lang.locale].contact.unit,
                fallback_updated=page_facts.build_date())
            (site_dir / lang.url_prefix() / change_notes.FEED).write_text(feed, encoding="utf-8")
        if config.theme.custom_dir:
            minify.minify_own_assets(Path(config.theme.custom_dir), site_dir)
        try:
            search_feedback.write_script(site_dir, on=self.config.search_feedback, labels=self.config.labels)
        except HandbookError as err:
            raise PluginError(str(err)) from None
        if self.pdf_wanted():
            self.write_pdfs(site_dir)
        precompress.precompress_site(site_dir)  # last: a twin is right only while its file is unchanged
        self.warnings.stop_if_any()
        if self.site:
            self.site.publish()
            config.site_dir = str(self.site.target)
        config_checks.plugin_running(False)

    def write_pdfs(self, site_dir: Path) -> None:
        from handbook.pdf import pdf_render

        started = time.perf_counter()
        renderers, self.renderers = self.renderers, None
        try:
            written = pdf_render.write_all(site_dir, self.languages, self.pdf_labels,
                                           git.short_commit(self.project_dir), pdf_render.build_time(), renderers)
        except HandbookError as err:
            raise PluginError(str(err)) from None
        listing = ", ".join(f"{p.path.relative_to(site_dir).as_posix()} ({p.pages} pages, {p.seconds:.1f} s)"
                            for p in written)
        log.info(f"Whole-handbook PDFs written in {time.perf_counter() - started:.1f} s: {listing}")

    def on_build_error(self, *, error: Exception) -> None:
        config_checks.plugin_running(False)
        self.last_error = str(error)
        self.warnings.stop()
        if self.site:
            self.site.discard()
            self.site = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """While a page is broken, the preview keeps answering: MkDocs' server waits for a
        successful build before it answers any request, so a failed rebuild here writes a page
        naming the problem over the last good pages instead (``preview``)."""
        return preview.keep_answering(server, Path(config.site_dir), lambda: self.last_error)

    def on_shutdown(self) -> None:
        if self.renderers is not None:
            self.renderers.shutdown(cancel_futures=True)
            self.renderers = None
        if self.site:
            self.site.discard()
            self.site = None
