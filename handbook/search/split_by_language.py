"""Gives each language its own search index and 404 page.

Stock static-i18n writes one search index with both languages in it (and drops an English entry
whose title equals the Swedish one), and one 404 page in whichever language was built last.
Here, after all languages are built:

- ``search/search_index.json`` holds only Swedish entries, ``en/search/search_index.json`` only
  English ones (the page template points each language's search at its own index);
- ``404.html`` is the Swedish 404 page and ``en/404.html`` the English one.
"""

from __future__ import annotations

import json
from pathlib import Path

from handbook.core.project import Language

SEARCH_INDEX = Path("search") / "search_index.json"


def index_file(site_dir: Path, lang: Language) -> Path:
    return Path(site_dir) / lang.url_prefix() / SEARCH_INDEX


def split_search_index(site_dir: Path, langs: list[Language]) -> None:
    """Write one search index per language, each with locations relative to its own root."""
    index = json.loads(index_file(site_dir, langs[0]).read_text(encoding="utf-8"))
    others = [lang for lang in langs if not lang.default]
    for lang in langs:
        if lang.default:
            docs = [d for d in index["docs"]
                    if not any(d["location"].startswith(o.url_prefix()) for o in others)]
        else:
            prefix = lang.url_prefix()
            docs = [{**d, "location": d["location"][len(prefix):]}
                    for d in index["docs"] if d["location"].startswith(prefix)]
        out = {**index, "config": {**index["config"], "lang": [lang.locale]}, "docs": docs}
        write_index(site_dir, lang, out)


def write_index(site_dir: Path, lang: Language, index: dict) -> None:
    target = index_file(site_dir, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_404(site_dir: Path, lang: Language, html: str) -> None:
    """A language's 404 page under its own prefix (the default language's is MkDocs' own)."""
    target = Path(site_dir) / lang.url_prefix() / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
