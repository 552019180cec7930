"""Checks the HTML a page becomes, against an allowlist, and says what the editor should write
instead. Anyone who can open a pull request can put raw HTML into Markdown (and ``{ … }``
attributes, see attr_guard.py); this is what keeps that from running code, loading things from
other websites, restyling the site or breaking the page around the text.

The check judges the content HTML that Markdown produced (what MkDocs passes to
``on_page_content``), not the Markdown source: whatever way an editor wrote it, this is what
the reader's browser will get. It returns problems and never changes the HTML: nothing is
stripped silently, the build stops and the editor fixes the page.

Why justhtml: it is a complete HTML5 parser (the WHATWG tree-construction algorithm, tested
against the web platform's html5 tree-builder tests), so a page is parsed exactly as Chromium
will parse it, including the tricky cases: entities in URLs, ``<svg/onload>``, tags split across
lines, an unclosed ``<textarea>`` that swallows what follows, ``<body onload>`` whose attributes a
browser moves onto the page's own ``<body>``. It is pure Python with no dependencies (nothing to
compile, installs everywhere uv does), maintained and released often, and Mozilla's support
site moved to it from Bleach. html5lib parses to the same standard but has had no release since
2020; nh3/ammonia only cleans (it returns a different HTML, and cannot say what it removed and
why), which is the opposite of what the build needs: a message to the editor.

To see the content "the way the browser will see it within the page", it is parsed as a whole
document (not as a fragment: a ``<body onload>`` in the content is dropped from a fragment, but a
browser adds its attributes to the page's own body), inside the elements Material puts around it
(``div > main > div > div > article``), and followed by a marker standing for the rest of the
page. If the marker is swallowed (an unclosed comment, tag or ``<textarea>``), ends up inside
something from the content (an element not closed), or the content closes the page's own
elements, the editor is told.

Wiring: call ``problems(page.content_html, source_name="docs/x.md", markdown=file_text)`` for each
page in each language, on the HTML Markdown produced, before any other hook changes it (the
external-link marking adds an ``<svg>`` icon, which editors may not write themselves).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from justhtml import JustHTML
from justhtml.dom import Comment, Element, Node, Text

from handbook.safety import attr_guard
from handbook.core import sources

# --- The allowlist ---------------------------------------------------------------------------
# Derived by rendering tests/fixtures/every-construct.md (every construct of the Markdown
# extensions in mkdocs.yml: abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables,
# toc with permalink, pymdownx.details/superfences/tilde/keys and code highlighting) and listing
# the elements and attributes the output has. tests/test_html_safety.py renders that page again
# and fails if this list allows anything the extensions do not produce, or misses anything.

# Attributes any allowed element may have. ``data-search-exclude`` is Material's way to keep a
# passage out of the search index; it may be set with ``{: data-search-exclude }``.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "data-search-exclude", "lang"})

# Element -> the attributes it may have besides GLOBAL_ATTRIBUTES; which extension makes it.
ALLOWED: dict[str, frozenset[str]] = {
    # Markdown itself
    "p": frozenset(), "h1": frozenset(), "h2": frozenset(), "h3": frozenset(),
    "h4": frozenset(), "h5": frozenset(), "h6": frozenset(),
    "em": frozenset(), "strong": frozenset(), "code": frozenset(), "pre": frozenset(),
    "br": frozenset(), "hr": frozenset(), "blockquote": frozenset(),
    "ul": frozenset(), "ol": frozenset(), "li": frozenset(),
    "a": frozenset({"href", "title"}),  # links, toc permalinks, footnote links
    "img": frozenset({"src", "alt", "title"}),
    # tables (th/td style: only text-align, see _TABLE_ALIGN)
    "table": frozenset(), "thead": frozenset(), "tbody": frozenset(), "tr": frozenset(),
    "th": frozenset({"style", "colspan"}),  # colspan: a code block's file name (title="…")
    "td": frozenset({"style"}),
    # abbr, def_list, footnotes, admonition, md_in_html
    "abbr": frozenset({"title"}),
    "dl": frozenset(), "dt": frozenset(), "dd": frozenset(),
    "sup": frozenset(), "div": frozenset(),
    # pymdownx.details, pymdownx.tilde, pymdownx.keys, code highlighting
    "details": frozenset({"open"}), "summary": frozenset(),
    "del": frozenset(), "sub": frozenset(),
    "kbd": frozenset(), "span": frozenset(),
}

# The tables extension aligns columns with exactly this style and nothing else.
_TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?", re.I)
# Attributes that hold a URL. Links may go anywhere on the web; images only to the site itself.
_LINK_ATTRIBUTES = {("a", "href")}
_MEDIA_ATTRIBUTES = {("img", "src")}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# --- What to write instead -------------------------------------------------------------------
_CODE = "Pages cannot run code"
_SWALLOWS = " (Left open, it would also hide the rest of the page.)"
_AS_CODE = ("Put HTML that you want to show as an example in a code block (between two lines "
            "of ```) or in `backticks`.")
_LINK_INSTEAD = "Link to it instead: [text](https://…)."
_FORM = ("Forms cannot be part of a page. Link to the municipality's e-service or form instead: "
         "[text](https://…).")
_MEDIA = ("Pages cannot embed video, sound or picture sets. Put an image in docs/ and use "
          "![description](bild.png), or link to the file or video: [text](film.mp4) or "
          "[text](https://…).")
_REMOVE = "Remove it; write the content in Markdown. Ask a developer if something is missing."

ELEMENT_ADVICE: dict[str, str] = {
    "script": f"{_CODE}. Write the content in Markdown; for something interactive, ask a developer.",
    "style": "Pages cannot restyle the site. Use Markdown formatting; ask a developer if a style is missing.",
    "link": "Pages cannot load style sheets or other files. Remove it; to link, write [text](https://…).",
    "base": ("It would make the site load its own files and links from another address. Remove it; "
             "write links as [text](page.md) or [text](https://…)."),
    "meta": ("It could send every reader to another address or change the page. Remove it; a page's "
             "title and description belong in its front matter (title:, description:)."),
    "title": "A page's title belongs in its front matter (title:) or its first # heading. Remove it.",
    "iframe": f"Embedded pages load content from another website. {_LINK_INSTEAD}{_SWALLOWS}",
    "frame": f"Embedded pages load content from another website. {_LINK_INSTEAD}",
    "frameset": f"Embedded pages load content from another website. {_LINK_INSTEAD}",
    "object": f"Embedded objects load content from elsewhere. {_LINK_INSTEAD}",
    "embed": f"Embedded content loads from elsewhere. {_LINK_INSTEAD}",
    "applet": f"Embedded programs are not allowed. {_LINK_INSTEAD}",
    "portal": f"Embedded pages load content from another website. {_LINK_INSTEAD}",
    "form": _FORM, "input": _FORM, "button": _FORM, "select": _FORM, "option": _FORM,
    "optgroup": _FORM, "fieldset": _FORM, "legend": _FORM, "label": _FORM, "output": _FORM,
    "datalist": _FORM, "keygen": _FORM, "isindex": _FORM,
    "textarea": _FORM + _SWALLOWS,
    "template": _REMOVE + _SWALLOWS,
    "slot": _REMOVE,
    "svg": ("Drawings written as code can run scripts. Save the drawing as a file in docs/ and use "
            "![description](bild.svg)."),
    "math": "Formulas written as MathML are not allowed. Write the formula as text, or use an image in docs/.",
    "picture": _MEDIA, "source": _MEDIA, "video": _MEDIA, "audio": _MEDIA, "track": _MEDIA,
    "map": _MEDIA, "area": _MEDIA, "canvas": _MEDIA,
    "xmp": f"It hides the rest of the page. {_AS_CODE}",
    "plaintext": f"It hides the rest of the page. {_AS_CODE}",
    "listing": _AS_CODE,
    "noscript": _REMOVE + _SWALLOWS,
    "noembed": _REMOVE + _SWALLOWS,
    "noframes": _REMOVE + _SWALLOWS,
    "dialog": _REMOVE, "marquee": _REMOVE,
    "body": "A page's text is already inside the site's page. Remove the tag.",
    "html": "A page's text is already inside the site's page. Remove the tag.",
    "head": "A page's text is already inside the site's page. Remove the tag.",
}

_FORMATTING = "Use Markdown formatting: **bold**, *italic*, ~~struck through~~, `code`."
ELEMENT_ADVICE.update(dict.fromkeys(
    ("b", "i", "u", "s", "strike", "big", "small", "center", "font", "mark", "ins", "q", "cite",
     "tt", "nobr", "blink", "var", "samp", "dfn", "bdo", "bdi", "time", "data"), _FORMATTING))

_URL_ATTRIBUTE_ADVICE = ("It can make the reader's browser go to or load another address. Remove it; "
                         "write a link as [text](https://…) or [text](page.md).")
ATTRIBUTE_ADVICE: dict[str, str] = {
    "style": "Remove the style attribute; ask a developer if a style is missing.",
    "href": _URL_ATTRIBUTE_ADVICE,
    "src": ("It loads content from an address. Put an image in docs/ and use "
            "![description](bild.png); link to anything else: [text](https://…)."),
    "srcset": "Put the image in docs/ and use ![description](bild.png).",
    "ping": "It reports every click on the link to another address. Remove it.",
    "formaction": _FORM, "action": _FORM,
    "srcdoc": f"It puts a whole other page into this one. {_LINK_INSTEAD}",
    "xlink:href": _URL_ATTRIBUTE_ADVICE, "poster": _MEDIA, "background": _URL_ATTRIBUTE_ADVICE,
    "target": "Links on this site open in the same window. Remove target=…; write [text](https://…).",
    "name": "Give a heading an ID instead: ## Heading {#short-id}. Remove name=…",
    "width": "Remove it; images are sized by the site. Ask a developer if an image needs another size.",
    "height": "Remove it; images are sized by the site. Ask a developer if an image needs another size.",
}
_DEFAULT_ATTRIBUTE_ADVICE = ("Remove it. A page may set only an ID ({#id}) or a class ({.class}) "
                             "on its text; ask a developer if something is missing.")

# Classes that make Material's JavaScript act on the content: ``pre.mermaid`` makes it fetch
# mermaid.min.js from unpkg.com (checked in Material 9.8.2's bundle: the only content selector
# that loads from another host). Any element is refused, in case the selector widens.
_THEME_CLASSES = frozenset({"mermaid"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Set by attr_guard.py on an element where { … } tried to set attributes it may not set.
REFUSED_MARKER = attr_guard.MARKER


# --- URLs ------------------------------------------------------------------------------------
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped at both ends
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")      # removed anywhere, as the URL parser does
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def url_as_browser_reads(value: str) -> str:
    """An attribute's URL the way a browser's URL parser sees it. Entities are already decoded by
    the HTML parser; here C0 controls and spaces at either end go, and tabs and newlines anywhere
    (so ``java\\tscript:`` is ``javascript:``), and a backslash counts as a slash."""
    return _TAB_OR_NEWLINE.sub("", value.strip(_STRIP)).replace("\\", "/")


def url_scheme(value: str) -> str | None:
    """The lower-case scheme of a URL ("https", "javascript"…), or None for a relative URL."""
    match = _SCHEME.match(url_as_browser_reads(value))
    return match.group(1).lower() if match else None


def is_within_site(value: str) -> bool:
    """A relative URL: no scheme and no other host (``//host/…``)."""
    url = url_as_browser_reads(value)
    return url_scheme(url) is None and not url.startswith("//")


def _link_problem(value: str) -> str | None:
    scheme = url_scheme(value)
    if scheme is None:
        if url_as_browser_reads(value).startswith("//"):
            return ("leads to another website without saying how (it starts with // or \\\\). "
                    "Write the whole address with https://: [text](https://…), or link within the "
                    "handbook: [text](page.md).")
        return None
    if scheme in LINK_SCHEMES:
        return None
    return (f"uses the address type '{scheme}:', which can run code or hide content. Write a link "
            "to a page instead: [text](page.md), [text](https://…), [text](mailto:…) or "
            "[text](tel:…).")


def _media_problem(value: str) -> str | None:
    if is_within_site(value):
        return None
    if url_scheme(value) in (None, "http", "https"):
        return ("loads the image from another website, which then learns who reads the page. Put "
                "the image in docs/ and use ![description](bild.png).")
    return (f"uses the address type '{url_scheme(value)}:', which can run code or hide content. "
            "Put the image in docs/ and use ![description](bild.png).")


def _url_needles(value: str) -> tuple[str, ...]:
    """Text to find a URL by in the Markdown: as written, else the part after its scheme (an
    editor may have written the scheme with entities, e.g. ``&#106;avascript:alert(1)``)."""
    rest = value.split(":", 1)[1] if ":" in value else ""
    return (value, rest) if len(rest) >= 4 else (value,)


# --- Problems and where they are in the Markdown ---------------------------------------------
@dataclass
class _Found:
    problem: str              # "the element <script> is not allowed in a page"
    advice: str               # why, and what to write instead
    needles: tuple[str, ...]  # text to look for in the Markdown source, most precise first
    heading: int | None       # index of the last heading before it, in document order


@dataclass
class _Walk:
    token: str  # marks the wrapper and the end marker, unguessable for the page's content
    found: list[_Found] = field(default_factory=list)
    heading_ids: list[str | None] = field(default_factory=list)
    end_marker: Element | None = None
    escaped: bool = False           # content ended up outside the page's article
    unfinished_tag: bool = False    # a tag swallowed the rest of the page into its attributes

    @property
    def heading(self) -> int | None:
        return len(self.heading_ids) - 1 if self.heading_ids else None

    def add(self, problem: str, advice: str, *needles: str) -> None:
        self.found.append(_Found(problem, advice, tuple(n for n in needles if n), self.heading))


def _check_attributes(walk: _Walk, element: Element) -> None:
    tag = element.name
    attrs = element.attrs or {}
    refused = attrs.get(REFUSED_MARKER)
    if refused is not None:
        for name, value in attr_guard.decode_refused(refused):
            walk.add(f"{{ {name}{'' if value is None else '=…'} }} is not allowed",
                     _attr_list_advice(name),
                     *((f"{name}={value}", f'{name}="{value}"', f"{name}='{value}'")
                       if value is not None else ()), name)
    for name, value in attrs.items():
        if name == REFUSED_MARKER:
            continue
        value = value or ""
        needles = (f"{name}=", name, f"<{tag}")
        if name.startswith("on"):
            walk.add(f"the event handler {name}= on <{tag}> is not allowed",
                     f"{_CODE}. Remove {name}=… from the tag.", *needles)
        elif name not in GLOBAL_ATTRIBUTES and name not in ALLOWED.get(tag, ()):
            walk.add(f"the attribute {name}= on <{tag}> is not allowed",
                     ATTRIBUTE_ADVICE.get(name, _DEFAULT_ATTRIBUTE_ADVICE), *needles)
        elif name == "style" and not _TABLE_ALIGN.fullmatch(value.strip()):
            walk.add(f"the style attribute on <{tag}> is not allowed", ATTRIBUTE_ADVICE["style"],
                     *needles)
        elif name == "class" and (reserved := _THEME_CLASSES & set(value.lower().split())):
            walk.add(f"the class '{sorted(reserved)[0]}' is not allowed",
                     "It makes the site load a program from another website to draw a diagram. "
                     "Add the diagram as an image file in docs/ and use ![description](diagram.png).",
                     f".{sorted(reserved)[0]}", *needles)
        elif name == "id" and value.startswith("__"):
            walk.add(f"the ID '{value}' is not allowed",
                     "IDs starting with __ belong to the site's own menus and search. Choose another "
                     "ID, for example {#short-english-id}.", f"#{value}", f'id="{value}"', *needles)
        elif (tag, name) in _LINK_ATTRIBUTES and (problem := _link_problem(value)):
            walk.add(f"the link address '{_shorten(value)}' is not allowed", f"It {problem}",
                     *_url_needles(value), *needles)
        elif (tag, name) in _MEDIA_ATTRIBUTES and (problem := _media_problem(value)):
            walk.add(f"the image address '{_shorten(value)}' is not allowed", f"It {problem}",
                     *_url_needles(value), *needles)


def _walk(walk: _Walk, node: Node, inside: bool = False) -> None:
    """Checks every element under ``node``; ``inside`` is True within the page's article."""
    for child in node.children or ():
        if isinstance(child, Text):
            if not inside and child.data.strip():
                walk.escaped = True
            continue
        if not isinstance(child, Element):
            continue  # comments are never shown; an unclosed one is caught by the frame check
        attrs = child.attrs or {}
        if attrs.get("data-handbook-wrap") == walk.token:
            _walk(walk, child, inside=child.name == "article")
            continue
        if attrs.get("data-handbook-end") == walk.token:
            walk.end_marker = child
            continue
        if not inside:
            walk.escaped = True
        tag = child.name
        if any(walk.token in f"{k}={v}" for k, v in attrs.items()):
            walk.unfinished_tag = True
            walk.add(f"the tag <{tag} …> is not finished", _UNFINISHED_ADVICE, f"<{tag}")
            continue  # its attributes are the rest of the page
        if child.namespace not in (None, "html"):
            walk.add(f"the element <{tag}> is not allowed in a page",
                     ELEMENT_ADVICE.get(tag, _REMOVE), f"<{tag}")
            continue  # everything inside a drawing or formula goes with it
        if tag in _HEADINGS:
            walk.heading_ids.append(attrs.get("id"))
        if tag in ALLOWED:
            _check_attributes(walk, child)
        else:
            walk.add(f"the element <{tag}> is not allowed in a page",
                     ELEMENT_ADVICE.get(tag, _REMOVE), f"<{tag}")
            if child.template_content is not None:
                _walk(walk, child.template_content, inside)
        _walk(walk, child, inside)


_UNFINISHED_ADVICE = ("Everything after it would be read as part of the tag. End the tag with > "
                      "and close its quotes, or remove it.")
_UNFINISHED_TAG = re.compile(r"<([A-Za-z][^\s/>]*)[^>]*\Z")


def _check_page_frame(walk: _Walk, html: Element | None, content: str, codes: set[str]) -> None:
    """The content must leave the page around it alone (see the module docstring)."""
    body = _child(html, "body")
    for element in (html, body, _child(html, "head")):
        for name in (element.attrs or {}) if element is not None else ():
            walk.add(f"a <{element.name}> tag with {name}= is not allowed",
                     f"The browser would add {name}= to the whole page. Remove the tag.",
                     f"<{element.name}", name)
    if walk.escaped:
        walk.add("a closing tag (</…>) has no opening tag",
                 "It would close part of the page around the text and break the page. Remove the "
                 "closing tag, or add the opening tag it belongs to.", "</div", "</article", "</main")
    end = walk.end_marker
    if end is None:
        _why_swallowed(walk, html, content, codes)
        return
    ancestors = []
    parent = end.parent
    while isinstance(parent, Element) and parent.name not in ("body", "html"):
        if (parent.attrs or {}).get("data-handbook-wrap") != walk.token:
            ancestors.append(parent)
        parent = parent.parent
    if ancestors:
        outer = ancestors[-1]
        walk.add(f"the element <{outer.name}> is not closed",
                 f"The rest of the page would end up inside it. Add </{outer.name}> where it "
                 "should end.", f"<{outer.name}")
    for inner in end.children or ():
        if isinstance(inner, Element):
            walk.add(f"the element <{inner.name}> is not closed",
                     f"The rest of the page would be formatted or linked by it. Add "
                     f"</{inner.name}> where it should end.", f"<{inner.name}")


def _why_swallowed(walk: _Walk, html: Element | None, content: str, codes: set[str]) -> None:
    """The rest of the page (the end marker) went missing: say what swallowed it."""
    if walk.unfinished_tag:
        return  # reported where it was found
    stack: list = [html] if html is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, Comment) and walk.token in (node.data or ""):
            walk.add("a comment (<!-- …) is not closed",
                     "Everything after it would be hidden. Add --> where the comment should end.",
                     "<!--")
            return
        if isinstance(node, Element):
            if node.template_content is not None:
                stack.append(node.template_content)
            stack.extend(node.children or ())
        elif not isinstance(node, Text):
            stack.extend(node.children or ())
    if "eof-in-tag" in codes:
        tag = _UNFINISHED_TAG.search(content)
        walk.add(f"the tag <{tag.group(1)} …> is not finished" if tag
                 else "an HTML tag is not finished", _UNFINISHED_ADVICE,
                 f"<{tag.group(1)}" if tag else "")
    elif not walk.found:  # else an element refused above (textarea, xmp…) explains it
        walk.add("something in this section hides the rest of the page",
                 "Check the HTML in this section, or put it in a code block to show it as an "
                 "example.")


def _child(node: Node | None, name: str) -> Element | None:
    for child in (node.children or ()) if node is not None else ():
        if isinstance(child, Element) and child.name == name:
            return child
    return None


def _attr_list_advice(name: str) -> str:
    base = "Braces { … } may set only an ID ({#id}) or a class ({.class})."
    written = f"{name}=…"
    if name.lower().startswith("on"):
        return f"{base} {_CODE}. Remove {written} from the braces."
    if name.lower() in ("href", "src"):
        return (f"{base} Remove {written} from the braces; write a link as [text](https://…) or "
                "[text](page.md), an image as ![description](bild.png).")
    if name.lower() == "style":
        return f"{base} Remove the style from the braces; ask a developer if a style is missing."
    return f"{base} Remove {name} from the braces."


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _shorten(value: str, limit: int = 60) -> str:
    """A value for a message: control characters made visible (``\\t``), long ones cut."""
    value = _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- Locating a problem in the Markdown ------------------------------------------------------
class _Locator:
    """Finds the Markdown line of a problem: the needle's text within the section the problem
    is in (between the heading before it and the next heading), else that heading's line."""

    def __init__(self, markdown: str, html_heading_ids: list[str | None]):
        text = markdown.lstrip("\ufeff").replace("\r\n", "\n")
        front, body, self.first = sources.split_front_matter(text)
        page = sources.Page("", text, front, body, self.first)
        self.lines = text.splitlines()
        source = sources.headings(page)
        self.heading_lines = [h.line for h in source]
        by_id = {h.section_id: h.line for h in source if h.section_id}
        self.html_heading_line: list[int | None] = []
        for index, heading_id in enumerate(html_heading_ids):
            line = by_id.get(heading_id)
            if line is None and len(source) == len(html_heading_ids):
                line = source[index].line
            self.html_heading_line.append(line)
        self.used: dict[tuple[int, str], int] = {}
        self.in_fence = [False] * len(self.lines)
        for fence in sources.code_fences(body.splitlines(), self.first):
            for number in range(fence.start, fence.end + 1):
                self.in_fence[number - 1] = True

    def line(self, found: _Found) -> tuple[int | None, bool]:
        """(line, exact): exact if the needle was found, else the heading's line (or None)."""
        if found.heading is None:
            start = self.first
        else:
            start = self.html_heading_line[found.heading]
        if start is None:
            start, end = self.first, len(self.lines) + 1  # unknown section: the whole page
        else:
            end = next((h for h in self.heading_lines if h > start), len(self.lines) + 1)
        for needle in found.needles:
            lowered = needle.lower()
            hits = [n for n in range(start, end) if lowered in self.lines[n - 1].lower()]
            # Prefer text outside code blocks: a code block may show the same tag as an example.
            hits = [n for n in hits if not self.in_fence[n - 1]] or hits
            if hits:
                count = self.used.get((start, lowered), 0)
                self.used[start, lowered] = count + 1
                return hits[min(count, len(hits) - 1)], True
        if found.heading is not None and start is not None and start != self.first:
            return start, False
        return None, False


# --- The check -------------------------------------------------------------------------------
def problems(html: str, *, source_name: str, markdown: str) -> list[str]:
    """Every problem in a page's content HTML (the output of Markdown), each naming the file,
    the line (searched in ``markdown``, the page's source file text), what is wrong and what to
    write instead. An empty list means the page is safe to publish."""
    token = secrets.token_hex(8)
    wrap = f'data-handbook-wrap="{token}"'
    # Material's ancestors of the content: div.md-container > main > div > div.md-content > article
    document = JustHTML(
        f"<!DOCTYPE html><html><head></head><body><div {wrap}><main {wrap}><div {wrap}>"
        f"<div {wrap}><article {wrap}>{html}</article></div></div></main></div>"
        f'<p data-handbook-end="{token}">end</p></body></html>',
        sanitize=False, collect_errors=True,
    )
    walk = _Walk(token)
    html_element = _child(document.root, "html")
    _walk(walk, _child(html_element, "body") or document.root)
    _check_page_frame(walk, html_element, html, {e.code for e in document.errors})
    locator = _Locator(markdown, walk.heading_ids)
    messages: list[str] = []
    for found in walk.found:
        line, exact = locator.line(found)
        if line is None:
            where = f"{source_name} (line unknown)"
        elif exact:
            where = f"{source_name}:{line}"
        else:
            where = f"{source_name}:{line} (in the section that starts on this line)"
        message = f"{where}: {found.problem}. {found.advice}".rstrip()
        if message not in messages:  # the parser may repeat an element, e.g. an unclosed <b>
            messages.append(message)
    return messages
