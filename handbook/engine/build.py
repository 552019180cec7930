"""``handbook-build``: the handbook built by either engine, MkDocs (the default, what the handbook
is published with) or Zensical (the successor of Material for MkDocs, through zensical-i18n).

``--engine mkdocs`` runs ``mkdocs build``: the handbook plugin (handbook/engine/plugin.py) makes every
step at MkDocs' events. ``--engine zensical`` builds a staging copy of the project, because
Zensical runs no plugin of ours:

1. the editor checks, as ``handbook-check`` makes them: the sources, and the HTML each page
   becomes against the allowlist (html_safety);
2. the staging copy: ``mkdocs.yml`` with each language's labels as ``extra.handbook``
   (page_facts.language_context) and the pages with the Markdown the plugin fills in (contact
   details, recent changes, settings) and their facts in the front matter as ``page_facts``
   (page_facts.page_facts): what the templates read, on either engine;
3. ``zensical-i18n build`` (a command: Zensical has no plugin API yet);
4. the steps over the built site folder that do not depend on the engine (``site_steps``):
   the edits of the theme's HTML that Zensical still needs (material_seams.zensical_page), the
   links to other websites marked (external_links), minified pages and own assets (minify), each
   language's feed (change_notes), one search index per language built from the built pages
   (built_search), the PDFs (pdf_render, unless HANDBOOK_PDF=0), the link and anchor check
   (link_checker), and the Content-Security-Policy
   (security_headers: an inline event handler stops the build; the hashes deploy/nginx.conf
   does not send yet are reported).

What the Zensical build does not make yet is listed in README.md, "When Material reaches end
of life".
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from handbook.core import git, i18n, material_seams
from handbook.editors import checks
from handbook.pages import change_notes, contact_details, external_links, page_facts, page_metadata, settings_text
from handbook.safety import security_headers
from handbook.search import built_search
from handbook.site import link_checker, minify, precompress
from handbook.pdf.pdf_assemble import pdf_name
from handbook.core.project import MKDOCS_FILE, HandbookError, Language, load_mkdocs_config, page_and_language

ENGINES = ("mkdocs", "zensical")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)


def page_url(name: str, lang: Language) -> str:
    """The URL of a page file (``x.md``, ``x.en.md``) from the site root: ``x/``, ``en/x/``."""
    stem = name[: -len(".md")] if lang.default else name[: -len(f".{lang.locale}.md")]
    return lang.url_prefix() + (stem[: -len("index")] if stem == "index" or stem.endswith("/index") else f"{stem}/")


def language_changes(docs: Path, lang: Language, langs: list[Language]) -> list:
    """The change notes of one language's pages, newest first (as the plugin's on_files gathers them)."""
    pages = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        page, page_lang = page_and_language(rel, langs)
        if page_lang == lang:
            pages.append((path, f"docs/{rel}", page, page_url(rel, lang)))
    return change_notes.language_changes(pages)


def staged_page(text: str, *, facts: dict, markdown) -> str:
    """A page's Markdown for the staging copy: its facts added to its front matter, its body
    through ``markdown`` (the fills the plugin makes at on_page_markdown)."""
    match = _FRONT_MATTER.match(text)
    head, body = (match.group(1), text[match.end():]) if match else ("", text)
    facts_yaml = yaml.safe_dump({"page_facts": facts}, allow_unicode=True, sort_keys=False)
    return f"---\n{head}{facts_yaml}---\n{markdown(body)}"


def stage(project: Path, staging: Path, config, settings, langs: list[Language]) -> dict[str, list]:
    """The project as Zensical builds it (see the module's docstring, step 2); each language's
    change notes, newest first."""
    docs = Path(config.docs_dir)
    shutil.copytree(project / "overrides", staging / "overrides")
    dates = git.last_commit_dates(docs)
    changes = {lang.locale: language_changes(docs, lang, langs) for lang in langs}
    site_url = (config.site_url or "/").rstrip("/") + "/"
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        target = staging / "docs" / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        here, lang = page_and_language(rel, langs)
        labels = settings.labels[lang.locale]
        meta, _ = page_metadata.check(path, f"docs/{rel}")
        url = page_url(rel, lang)
        title = meta.get("title") or config.site_name
        facts = page_facts.plain(page_facts.page_facts(
            meta, updated=dates.get(path.resolve()), labels=labels, edit_url=None, feedback_url=settings.feedback_url,
            changes=meta.get("changes") or [], title=title, url=site_url + url))

        def markdown(body: str, lang=lang, labels=labels, here=here, rel=rel) -> str:
            body = contact_details.fill(body, settings.contact, labels.contact, lang.locale)
            body = change_notes.MARKER.sub(lambda m: change_notes.recent_markdown(
                changes[lang.locale], int(m.group(1)) if m.group(1) else None, date_locale=labels.date_locale,
                here=here, none_yet=labels.changes.none_yet), body)
            body = settings_text.fill(body, settings=settings, labels=labels, locale=lang.locale, page_name=f"docs/{rel}")
            # Zensical keeps a passage with data-search-exclude out of its own index and drops the
            # attribute from the page: a class tells the handbook's index (built_search) too.
            return body.replace("{: data-search-exclude }", "{: .handbook-search-exclude data-search-exclude }")

        target.write_text(staged_page(path.read_text(encoding="utf-8"), facts=facts, markdown=markdown), encoding="utf-8")
    (staging / "mkdocs.yml").write_text(staged_config(project / "mkdocs.yml", config, settings, langs), encoding="utf-8")
    return changes


def write_feeds(site_dir: Path, changes: dict[str, list], *, config, settings, langs: list[Language]) -> None:
    """Each language's Atom feed of changes, as the plugin's on_post_build writes it."""
    names = {entry.locale: entry.site_name for entry in config.plugins[i18n.PLUGIN].config.languages}
    for lang in langs:
        labels = settings.labels[lang.locale]
        feed = change_notes.atom_feed(
            changes[lang.locale], site_url=config.site_url or "/", lang=lang,
            title=f"{names.get(lang.locale) or config.site_name}: {labels.changes.recent}",
            author=labels.contact.unit, fallback_updated=page_facts.build_date())
        (site_dir / lang.url_prefix() / change_notes.FEED).write_text(feed, encoding="utf-8")


def staged_config(mkdocs_file: Path, config, settings, langs: list[Language]) -> str:
    """mkdocs.yml for Zensical: ``!ENV`` values resolved, and each language's labels under its
    i18n entry as ``extra: handbook:`` (zensical-i18n merges a language's ``extra``)."""
    from mkdocs.utils.yaml import get_yaml_loader

    data = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=get_yaml_loader(config=config))
    by_locale = {lang.locale: lang for lang in langs}
    site_path = urlsplit(data.get("site_url") or "/").path or "/"
    for plugin in data.get("plugins", []):
        if isinstance(plugin, dict) and i18n.PLUGIN in plugin:
            for entry in plugin[i18n.PLUGIN]["languages"]:
                lang = by_locale.get(entry["locale"])
                if not lang:
                    continue
                labels = settings.labels[lang.locale]
                site_name = entry.get("site_name") or data["site_name"]
                entry.setdefault("extra", {})["handbook"] = page_facts.language_context(
                    lang, labels=labels, feed_title=f"{site_name}: {labels.changes.recent}",
                    search_feedback=settings.search_feedback, site_url=data.get("site_url") or "/", root="",
                    start_pages={other.locale: site_path + other.url_prefix() for other in langs})
    data["site_dir"] = "site"
    data["docs_dir"] = "docs"
    return yaml.safe_dump(page_facts.plain(data), allow_unicode=True, sort_keys=False)


def write_pdfs(site_dir: Path, langs: list[Language], labels: dict, project: Path) -> None:
    """The whole handbook as a PDF per language, from the built pages, as the plugin makes it."""
    from handbook.pdf import pdf_render  # WeasyPrint loads only for builds that make PDFs

    started = time.perf_counter()
    written = pdf_render.write_all(site_dir, langs, labels, git.short_commit(project), pdf_render.build_time())
    print(f"handbook-build: PDFs in {time.perf_counter() - started:.1f} s: "
          + ", ".join(f"{p.path.relative_to(site_dir).as_posix()} ({p.pages} pages)" for p in written), file=sys.stderr)


def site_steps(site_dir: Path, *, langs: list[Language], project: Path, settings, site_url: str,
               pdf_labels: dict | None = None) -> list[str]:
    """The steps over a built site that need no engine; the problems found (none: all is well)."""
    host = urlsplit(site_url).netloc
    for lang in langs:
        label = settings.labels[lang.locale].external_link
        for page in [*built_search.language_pages(site_dir, lang, langs), site_dir / lang.url_prefix() / "404.html"]:
            html = material_seams.zensical_page(page.read_text(encoding="utf-8"))
            page.write_text(minify.minify(mark_in_content(html, host, label)), encoding="utf-8")
        # Zensical builds each language as a site of its own, with its own copy of the assets.
        minify.minify_own_assets(project / "overrides", site_dir / lang.url_prefix())
    built_search.write_indexes(site_dir, langs, project=project, settings=settings)
    if pdf_labels:
        write_pdfs(site_dir, langs, pdf_labels, project)
    problems = link_checker.check_site(site_dir, site_url)
    # Without the PDF (HANDBOOK_PDF=0, as in a quick MkDocs build) its links are the only ones
    # allowed to lead nowhere, and the build says so.
    pdfs = [pdf_name(lang) for lang in langs]
    missing = [p for p in problems if any(f"link '{name}' leads to a page that does not exist" in p for name in pdfs)]
    if missing and not pdf_labels:
        print(f"handbook-build: no PDF (HANDBOOK_PDF=0); {len(missing)} link(s) to it lead nowhere.", file=sys.stderr)
        problems = [p for p in problems if p not in missing]
    try:
        missing = csp_not_deployed(site_dir)
    except (ValueError, material_seams.SeamError) as err:
        problems.append(f"Content-Security-Policy: {err}")
    else:
        if missing:
            print(f"handbook-build: {len(missing)} source(s) this build needs are not in deploy/nginx.conf's "
                  "Content-Security-Policy; 'uv run handbook-security-headers site site-zensical --write-deploy' "
                  "(the MkDocs and the Zensical build) writes the policy both need.", file=sys.stderr)
    precompress.precompress_site(site_dir)
    return problems


def mark_in_content(html: str, host: str, label: str) -> str:
    """The page with the links to other websites in its content marked (external_links), as the
    plugin marks the content MkDocs renders: the article, up to the page facts."""
    start, end = html.find("<article"), html.find('<aside class="handbook-page-facts"')
    end = html.find("</article>") if end < 0 else end
    if start < 0 or end < 0:
        return html
    return html[:start] + external_links.mark_external_links(html[start:end], host, label) + html[end:]


def csp_not_deployed(site_dir: Path) -> list[str]:
    """What the built site's CSP needs that deploy/nginx.conf's policy does not allow, as
    'directive source' (raises ValueError for an inline event handler, which no policy of ours
    allows)."""
    return security_headers.missing_sources(security_headers.deployed_policy(), site_dir)


def build_zensical(project: Path, site_dir: Path, *, quiet: bool = False) -> list[str]:
    """Build the handbook with Zensical into ``site_dir``; the problems found."""
    config = load_mkdocs_config(project / "mkdocs.yml")
    langs = i18n.languages(config)
    settings = config.plugins["handbook"].config
    # The checks MkDocs makes of the sources and of each page's HTML (the allowlist): what
    # handbook-check makes, over the same Markdown with the same extensions that Zensical loads.
    found = checks.all_problems(project / "mkdocs.yml", drift_too=False)
    if found:
        return found
    with tempfile.TemporaryDirectory(prefix="handbook-zensical-") as tmp:
        staging = Path(tmp)
        changes = stage(project, staging, config, settings, langs)
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "zensical_i18n", "build", "--clean"], cwd=staging,
                             capture_output=True, text=True)
        if run.returncode:
            return [f"zensical-i18n build failed:\n{run.stdout}{run.stderr}".rstrip()]
        if not quiet:
            print(f"zensical-i18n build: {time.perf_counter() - started:.2f} s", file=sys.stderr)
        built = staging / "site"
        write_feeds(built, changes, config=config, settings=settings, langs=langs)
        pdf_labels = None
        if settings.pdf:
            from handbook.pdf import pdf_render

            pdf_labels = pdf_render.labels_from_config(config)
        found = site_steps(built, langs=langs, project=project, settings=settings,
                           site_url=config.site_url or "", pdf_labels=pdf_labels)
        if found:
            return found  # the last good site stays as it was, as with MkDocs (atomic_site)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(str(built), site_dir)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook-build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs",
                        help="mkdocs (default, as 'mkdocs build') or zensical (needs 'uv sync --group zensical')")
    parser.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    parser.add_argument("--config", type=Path, default=MKDOCS_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = args.config.resolve().parent
    if args.engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(args.config)]
        return subprocess.call(command + (["--site-dir", str(args.site_dir)] if args.site_dir else []))
    if importlib.util.find_spec("zensical_i18n") is None:  # run as a command, never imported
        print("handbook-build: Zensical is not installed. Run 'uv sync --group zensical' first.", file=sys.stderr)
        return 2
    site_dir = (args.site_dir or project / "site").resolve()
    started = time.perf_counter()
    try:
        found = build_zensical(project, site_dir)
    except HandbookError as err:
        found = [str(err)]
    if found:
        print(checks.report(found), file=sys.stderr)
        return 1
    print(f"Built with Zensical into {site_dir} in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
