"""Python-Markdown extension: ``{ … }`` (attr_list) may set only an ID and classes.

attr_list lets an editor set any attribute: ``[x](page.md){ onclick="…" }`` keeps a script,
``{: style="background:url(https://…)" }`` loads from another site, and ``{: href="https://…" }``
replaces a link's address after the link check has approved it. This extension takes attr_list's
place and applies only the attributes below. Anything else is not applied and not dropped
silently either: the element is marked (``data-handbook-refused``) with what was asked for, and
the HTML check (html_safety.py) turns the mark into a message naming the file, the line and the
fix. That check, not this extension, stops the build.

Use it in mkdocs.yml right after attr_list:

    markdown_extensions:
      - attr_list
      - handbook.safety.attr_guard
"""

from __future__ import annotations

import json

from markdown import Extension, Markdown
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

from handbook.core import config_checks

# What { … } may set. "." is attr_list's key for a class ({: .name }). ``data-search-exclude``
# is Material's way to keep a passage out of the search index (its search plugin reads it), and
# ``lang`` marks a passage in another language (WCAG 3.1.2, e.g. {: lang=en }); neither carries
# a URL or runs anything.
ALLOWED_KEYS = frozenset({"id", ".", "class", "data-search-exclude", "lang"})
MARKER = "data-handbook-refused"


def encode_refused(pairs: list[tuple[str, str | None]]) -> str:
    return json.dumps(pairs, ensure_ascii=False)


def decode_refused(marker: str) -> list[tuple[str, str | None]]:
    """The (name, value) pairs a mark holds. A mark not written by this extension (someone typed
    the attribute by hand) is reported as itself."""
    try:
        pairs = json.loads(marker)
        return [(str(name), None if value is None else str(value)) for name, value in pairs]
    except (ValueError, TypeError):
        return [(MARKER, marker)]


class GuardedAttrListTreeprocessor(AttrListTreeprocessor):
    """attr_list, except that it applies only ALLOWED_KEYS and marks the rest."""

    def assign_attrs(self, elem, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder  # attr_list does not apply these at all
        refused = [(k, v) for k, v in attrs if k.lower() not in ALLOWED_KEYS]
        if not refused:
            return super().assign_attrs(elem, attrs_string, strict=strict)
        before = dict(elem.attrib)
        remainder = super().assign_attrs(elem, attrs_string, strict=strict)
        for key, _ in refused:
            name = self.sanitize_name(key)
            if name in before:
                elem.set(name, before[name])  # e.g. a link keeps the address Markdown gave it
            else:
                elem.attrib.pop(name, None)
        earlier = decode_refused(elem.get(MARKER)) if elem.get(MARKER) else []
        elem.set(MARKER, encode_refused(earlier + refused))
        return remainder


class _RequireGuard(Treeprocessor):
    """Fails loudly if attr_list was loaded after this extension and so replaced the guard, and,
    in a MkDocs build (which adds its "relpath" step), if the handbook plugin is not part of it:
    this extension is the one part of the handbook that mkdocs.yml loads outside ``plugins:``
    (config_checks.py)."""

    def run(self, root):
        if not isinstance(self.md.treeprocessors["attr_list"], GuardedAttrListTreeprocessor):
            raise PluginError(
                "mkdocs.yml: list handbook.safety.attr_guard after attr_list in markdown_extensions; "
                "otherwise { … } can set any attribute.")
        if "relpath" in self.md.treeprocessors and config_checks.plugin_missing():
            raise PluginError(config_checks.PLUGIN_MISSING)


class AttrGuardExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # The same name and priority as attr_list's own processor, so it takes its place.
        md.treeprocessors.register(GuardedAttrListTreeprocessor(md), "attr_list", 8)
        md.treeprocessors.register(_RequireGuard(md), "handbook_attr_guard_check", 7.9)
        md.registerExtension(self)


def makeExtension(**kwargs) -> AttrGuardExtension:  # noqa: N802 - Python-Markdown's name
    return AttrGuardExtension(**kwargs)
