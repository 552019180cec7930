"""The log of missed searches (issue #22): the setting ``search_feedback``, the script that sends
the words, and the rule that makes them safe.

With the setting on, the built site has ``assets/javascripts/search-feedback.js`` with each
language's words written in (``labels.<locale>.search.feedback_*``), and every page names it in
its config (overrides/main.html, search_scripts); material-seams.js loads it when the reader reaches for
search. With it off, the file is not in the site and no page names it: not one request is sent.

``sanitise`` is the same rule as the script's ``sanitise``, for words that come to the log by
any other way (anyone can send a request to the address): handbook/search/search_report.py applies it
again to every line it reads. tests/test_search_feedback.py runs the same cases against both.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from handbook.core.project import HandbookError

SCRIPT = Path("assets") / "javascripts" / "search-feedback.js"
PLACEHOLDER = "var LABELS = {};"
LIMIT = 100  # characters kept, at most
REASONS = ("none", "left", "button")  # found nothing; opened no result; "Hittade du inte svaret?"

_SPACE = "\t\n\v\f\r"
_PERSONAL_NUMBER = re.compile(r"(?:[0-9]{2})?[0-9]{6} ?[-+]? ?[0-9]{4}")
_PHONE = re.compile(r"\+?\(?[0-9][0-9 ()/.-]{4,}[0-9]")
_KEPT_PUNCTUATION = set("-'’?!.,&#")
_LABELS_LINE = re.compile(r"(?m)^[ \t]*var LABELS = \{.*\};$")


def _is_space(ch: str) -> bool:
    return ch in _SPACE or unicodedata.category(ch) == "Zs"


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _identifying(word: str) -> bool:
    """An e-mail address or @name, or a web address."""
    return "@" in word or "/" in word or word.lower().startswith("www.")


def sanitise(text: str) -> str:
    """The words of a search as they may be logged: no digits, e-mail addresses or @names,
    Swedish personal identity numbers, phone numbers or web addresses; only letters, spaces and
    - ' ’ ? ! . , & #; at most 100 characters."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = re.sub(" +", " ", "".join(" " if _is_space(ch) else ch for ch in text))
    text = " ".join(w for w in text.split(" ") if not _identifying(w))
    text = _PHONE.sub(" ", _PERSONAL_NUMBER.sub(" ", text))
    text = "".join(ch if _is_letter(ch) or ch == " " or ch in _KEPT_PUNCTUATION else " " for ch in text)
    words = [w for w in text.split(" ") if any(_is_letter(ch) for ch in w)]
    return " ".join(words)[:LIMIT].strip()


def write_script(site_dir: Path, *, on: bool, labels: dict) -> None:
    """The built site's search-feedback.js with each language's words, or no such file when the
    setting is off."""
    script = Path(site_dir) / SCRIPT
    if not on:
        script.unlink(missing_ok=True)
        return
    text = script.read_text(encoding="utf-8") if script.is_file() else ""
    # The placeholder, or the words of an earlier build (a dirty rebuild copies no unchanged file).
    lines = _LABELS_LINE.findall(text)
    if len(lines) != 1:
        raise HandbookError(f"{script}: expected one '{PLACEHOLDER}' line for the words of each language "
                            "(overrides/assets/javascripts/search-feedback.js).")
    words = {locale: {"question": lab.search.feedback_question, "button": lab.search.feedback_button,
                      "sent": lab.search.feedback_sent} for locale, lab in labels.items()}
    filled = f"var LABELS = {json.dumps(words, ensure_ascii=False, sort_keys=True)};"
    script.write_text(_LABELS_LINE.sub(lambda _: filled, text), encoding="utf-8")
