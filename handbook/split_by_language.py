"""MkDocs hook: gives each language its own search index, sitemap and 404 page.

Stock static-i18n writes one search index with both languages in it (and drops an English
entry whose title equals the Swedish one), one sitemap, and one 404 page in whichever language
was built last. Here, after all languages are built:

- ``search/search_index.json`` holds only Swedish entries, ``en/search/search_index.json`` only
  English ones (the page template points each language's search at its own index);
- ``en/sitemap.xml`` lists the English pages, so that Material's language selector can find the
  twin page;
- ``404.html`` is the Swedish 404 page and ``en/404.html`` the English one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs import plugins

from handbook.project import Language, languages_from_config

_URL_BLOCK = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>")
_default_404: dict[str, str] = {}


def _languages(config) -> list[Language]:
    return languages_from_config(config["plugins"]["i18n"].config)


def _current(config) -> Language:
    locale = config["plugins"]["i18n"].current_language
    return next(lang for lang in _languages(config) if lang.locale == locale)


def on_post_template(output_content, template_name, config):
    """Keep the default language's 404 page at the root; put the others under their prefix."""
    if template_name != "404.html":
        return output_content
    lang = _current(config)
    if lang.default:
        _default_404["html"] = output_content
        return output_content
    target = Path(config["site_dir"]) / lang.url_prefix() / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return _default_404.get("html", output_content)


def split_search_index(site_dir: Path, langs: list[Language]) -> None:
    """Write one search index per language, each with locations relative to its own root."""
    index_file = site_dir / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = [lang for lang in langs if not lang.default]
    for lang in langs:
        if lang.default:
            docs = [
                d for d in index["docs"]
                if not any(d["location"].startswith(o.url_prefix()) for o in others)
            ]
        else:
            prefix = lang.url_prefix()
            docs = [
                {**d, "location": d["location"][len(prefix):]}
                for d in index["docs"]
                if d["location"].startswith(prefix)
            ]
        out = {**index, "config": {**index["config"], "lang": [lang.locale]}, "docs": docs}
        target = site_dir / lang.url_prefix() / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def split_sitemap(site_dir: Path, site_url: str, langs: list[Language]) -> None:
    """Write sitemap.xml for each non-default language, listing only that language's pages."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    blocks = _URL_BLOCK.findall(sitemap)
    head = sitemap[: sitemap.index("<url>")].rstrip()
    for lang in langs:
        if lang.default:
            continue
        root = site_url.rstrip("/") + "/" + lang.url_prefix()
        mine = [b for b in blocks if _LOC.search(b).group(1).startswith(root)]
        (site_dir / lang.url_prefix() / "sitemap.xml").write_text(
            head + "".join(mine) + "\n</urlset>\n", encoding="utf-8"
        )


@plugins.event_priority(-110)
def on_post_build(config):
    """After static-i18n has built every language (it runs the other builds at priority -100)."""
    if config["plugins"]["i18n"].building:
        return
    site_dir = Path(config["site_dir"])
    langs = _languages(config)
    split_search_index(site_dir, langs)
    split_sitemap(site_dir, config["site_url"], langs)
