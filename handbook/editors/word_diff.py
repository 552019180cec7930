"""What changed between two versions of a page's HTML, word by word: every inserted word in
``<ins>`` and every deleted word in ``<del>``, in running text, headings, lists and tables alike.

Both versions are cut into tokens: tags, words and punctuation (with the spaces after them). The
sequence of tokens is compared (difflib, without its "junk" heuristic, which would ignore
common words on a long page), tags by their whole text and words by the word. The result is the
new version's HTML with the deleted words put back where they were:

- a run of inserted or deleted words is wrapped in one ``<ins>`` or ``<del>``; the marks never
  cross a tag (``<ins>a </ins><a href=…><ins>link</ins></a>``), so the result nests as the new
  version does;
- the new version's tags are all kept; a deleted passage keeps its own tags (a removed list
  item stays a list item, struck through) only when they open and close within it, otherwise
  only its words are shown, so an old tag never breaks the new page's structure.

Only tokens of the two inputs are put out, and the two marks: the result is as safe as the HTML
given (the page's HTML, already checked by html_safety).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

# A comment, a tag, an entity, a word, a run of punctuation (so that "konton." and "konton"
# share the word), or spaces; each with the spaces after it.
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;\s*|\w+\s*|[^\w\s<&]+\s*|&\s*|\s+", re.S)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def tokens(html: str) -> list[str]:
    return _TOKEN.findall(html)


def _is_tag(token: str) -> bool:
    return token.startswith("<")


def _key(token: str) -> str:
    return token if _is_tag(token) else (token.strip() or " ")


def _balanced(tags: list[str]) -> bool:
    """Whether these tags open and close within themselves (void elements and comments aside)."""
    stack: list[str] = []
    for tag in tags:
        match = _TAG_NAME.match(tag)
        if not match or tag.endswith("/>"):
            continue
        name = match.group(1).lower()
        if tag.startswith("</"):
            if not stack or stack.pop() != name:
                return False
        elif name not in VOID:
            stack.append(name)
    return not stack


def _marked(run: list[str], mark: str, *, keep_tags: bool) -> str:
    """A run of tokens with its words in ``<mark>``, around (never across) its tags."""
    out: list[str] = []
    words: list[str] = []

    def flush() -> None:
        text = "".join(words)
        words.clear()
        if not text.strip():
            out.append(text)
            return
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{lead}<{mark}>{text.strip()}</{mark}>{trail}")

    permalink = False  # the heading's hidden "¶" is not a word of the page
    for token in run:
        if _is_tag(token):
            flush()
            permalink = 'class="headerlink"' in token or (permalink and token != "</a>")
            if keep_tags:
                out.append(token)
        elif permalink:
            out.append(token)
        else:
            words.append(token)
    flush()
    return "".join(out)


def diff(old_html: str, new_html: str) -> tuple[str, bool]:
    """The new HTML with its changes from the old marked, and whether anything was marked."""
    old, new = tokens(old_html), tokens(new_html)
    matcher = SequenceMatcher(None, [_key(t) for t in old], [_key(t) for t in new], autojunk=False)
    out: list[str] = []
    changed = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(new[j1:j2])
            continue
        removed, added = old[i1:i2], new[j1:j2]
        if any(not _is_tag(t) and t.strip() for t in removed + added):
            changed = True
        if removed:
            out.append(_marked(removed, "del", keep_tags=_balanced([t for t in removed if _is_tag(t)])))
            if added and out[-1].endswith("</del>") and not added[0][:1].isspace():
                out.append(" ")  # a word replaced by another: the two are not run together
        if added:
            out.append(_marked(added, "ins", keep_tags=True))
    return "".join(out), changed


def marked_whole(html: str, mark: str) -> str:
    """Every word of a page that was added (``ins``) or removed (``del``) as a whole."""
    return _marked(tokens(html), mark, keep_tags=True)
