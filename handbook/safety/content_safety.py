"""A Mermaid diagram, refused early in the Markdown source with the line the editor wrote.

Everything that could run code or load from elsewhere is judged on the HTML each page becomes
(``html_safety``), which sees what the browser will see. This source check stays only where it
gives a clearer message than that: a ```` ```mermaid ```` fence renders as a plain code block
(harmless), but the editor expected a diagram, and should know that none will be drawn.
"""

from __future__ import annotations

from pathlib import Path

from handbook.core import sources
from handbook.core.project import HandbookError


def page_problems(page: sources.Page) -> list[str]:
    found = []
    lines = page.body.splitlines()
    for fence in sources.code_fences(lines, page.body_line):
        if fence.info.split()[:1] == ["mermaid"] or fence.info.startswith("{") and "mermaid" in fence.info:
            found.append(f"{page.name}:{fence.start}: a Mermaid diagram cannot be drawn here: the site does "
                         "not load the diagram program from another website, so it would show as code. Put "
                         "the diagram in docs/ as an image and show it with ![description](diagram.png).")
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
