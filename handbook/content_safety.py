"""Content that could run code or load from elsewhere, refused early, in the Markdown source.

The authority is the check of the HTML each page becomes (``html_safety``): it sees what the
browser will see. This source check stays only where it gives a clearer message earlier, with
the line the editor wrote: a Mermaid diagram (the site would load its script from another
website), and raw HTML tags that are never allowed in a page. Code is shown as code, never run,
so fenced blocks (as pymdownx.superfences reads them) and inline code are not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook import sources
from handbook.project import HandbookError

# (pattern, what it is, what to do instead)
RULES = (
    (re.compile(r"<\s*script\b", re.I), "a <script> element",
     "Pages cannot run code. Write the content in Markdown; for something interactive, ask a developer."),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe> element",
     "Embedded pages load content from elsewhere. Link to the page instead: [text](https://…)."),
    (re.compile(r"<\s*object\b", re.I), "an <object> element",
     "Embedded objects are not allowed. Link to the file or page instead."),
    (re.compile(r"<\s*embed\b", re.I), "an <embed> element",
     "Embedded content is not allowed. Link to the file or page instead."),
    (re.compile(r"<\s*form\b", re.I), "a <form> element",
     "Forms cannot be part of a page. Link to the municipality's e-service or form instead."),
    (re.compile(r"<\s*style\b", re.I), "a <style> block",
     "Pages cannot restyle the site. Use Markdown formatting; ask a developer if a style is missing."),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on…=)",
     "Pages cannot run code. Remove the on…= attribute."),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL",
     "Links must lead to a page. Use a normal link: [text](page.md) or [text](https://…)."),
    (re.compile(r"(\]\(\s*<?|\b(?:href|src)\s*=\s*[\"']?\s*)data\s*:", re.I), "a data: URL",
     "Put the image or file in docs/ and link to it: ![description](image.png)."),
    (re.compile(r"class\s*=\s*[\"'][^\"']*\bmermaid\b", re.I), "a Mermaid diagram",
     "Diagrams would be loaded from another website. Add the diagram as an image file in docs/."),
)
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")


def page_problems(page: sources.Page) -> list[str]:
    found = []
    lines = page.body.splitlines()
    for fence in sources.code_fences(lines, page.body_line):
        if fence.info.split()[:1] == ["mermaid"] or fence.info.startswith("{") and "mermaid" in fence.info:
            found.append(f"{page.name}:{fence.start}: a Mermaid diagram is not allowed: diagrams would be "
                         "loaded from another website. Add the diagram as an image file in docs/.")
    for number, line in sources.outside_code(page):
        text = _INLINE_CODE.sub("", line)
        for pattern, what, instead in RULES:
            if pattern.search(text):
                found.append(f"{page.name}:{number}: {what} is not allowed in a page. {instead}")
    return found


def problems(docs_dir: Path) -> list[str]:
    root = docs_dir.parent
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            found.extend(page_problems(sources.read(path, path.relative_to(root).as_posix())))
        except HandbookError:
            continue  # page_structure names a file that cannot be read
    return found
