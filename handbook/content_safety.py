"""Refuses content in docs/ that could run code, load something from elsewhere, or restyle the
site. Anyone who can open a pull request can put raw HTML into Markdown; this keeps that safe.

Each problem names the file and line, says what is wrong, and what to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

_FENCE = re.compile(r"^\s*(```|~~~)\s*([\w-]*)")
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


def problems(docs_dir: Path) -> list[str]:
    root = docs_dir.parent
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        in_fence = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            fence = _FENCE.match(line)
            if fence:
                if not in_fence and fence.group(2).lower() == "mermaid":
                    found.append(f"{rel}:{number}: a Mermaid diagram is not allowed: diagrams would be "
                                 "loaded from another website. Add the diagram as an image file in docs/.")
                in_fence = not in_fence
                continue
            if in_fence:
                continue  # code examples are shown as text, never run
            text = re.sub(r"`[^`]*`", "", line)  # nor is inline code
            for pattern, what, instead in RULES:
                if pattern.search(text):
                    found.append(f"{rel}:{number}: {what} is not allowed in a page. {instead}")
    return found
