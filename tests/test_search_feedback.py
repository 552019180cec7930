"""The log of missed searches (issue #22): what the page sends, what the server writes, what the
editors' report makes of it, and that with the setting off nothing is sent at all.

The words are made safe twice by the same rule: in the browser before they leave it
(search-feedback.js) and by the report for every line it reads (handbook/search/search_feedback.py),
since anyone can send a request to the address. The cases below run against both. The log is
written by Debian's nginx with deploy/nginx.conf itself (tests/nginx.py changes only the port,
the root and the log's path).
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import time
import types
import urllib.request
from urllib.parse import quote_plus
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.search import search_feedback, search_report
from handbook.core.project import ROOT, languages
from handbook.search.search_command import node_executable
from tests import hostile_inputs
from tests import nginx as nginx_server
from tests.conftest import build, copy_project, free_port, not_installed
from tests.search import focus_search, search

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "search-feedback.js"
LOG_KEYS = {"date", "lang", "q", "results", "reason"}

# (typed, sent): real searches and what may leave the browser of them.
CASES = [
    ("får man gnälla på jobbet på facebook", "får man gnälla på jobbet på facebook"),
    ("Kidsen i klassen vill följa mig", "Kidsen i klassen vill följa mig"),
    ("can I moan about work on facebook?", "can I moan about work on facebook?"),
    # Swedish personal identity numbers, with and without century and separator.
    ("mitt personnummer är 19121212-1212", "mitt personnummer är"),
    ("elev 121212-1212 på facebook", "elev på facebook"),
    ("121212+1212 hundraåring", "hundraåring"),
    ("personnr 1212121212 och 191212121212", "personnr och"),
    ("pnr 20121212 1212", "pnr"),
    # Phone numbers, Swedish and international.
    ("ring 0340-88 000", "ring"),
    ("070-123 45 67 är mitt nummer", "är mitt nummer"),
    ("+46 70 123 45 67 whatsapp", "whatsapp"),
    ("(0340) 88000 växeln", "växeln"),
    # E-mail addresses, @names and web addresses name someone.
    ("mejla anna.andersson@varberg.se om bilder", "mejla om bilder"),
    ("@kalle_anka taggade mig", "taggade mig"),
    ("https://www.facebook.com/kalle.anka blockera", "blockera"),
    ("www.example.se länk", "länk"),
    # Digits of any kind, and what is only digits or punctuation.
    ("bild 2 av 3", "bild av"),
    ("٣ ٤ arabiska siffror", "arabiska siffror"),
    ("12345", ""),
    ("  ??  ", ""),
    # Markup, quotes, control and invisible characters: gone, the words around them kept.
    ('<script>alert("x")</script> konto', "konto"),
    ("konto\"}\n{\"q\":\"forged", "konto q forged"),
    ("tab\there\r\nnewline", "tab here newline"),
    ("zero\u200bwidth and \u202eright-to-left", "zero width and right-to-left"),
    ("e\u0301 composed", "é composed"),
    ("don't share #metoo & co!", "don't share #metoo co!"),
    ("| table | `code` \\ back", "table code back"),
    # At most 100 characters.
    ("ord " * 40, ("ord " * 25).strip()),
]

# Every string these tests send, OWASP's and PortSwigger's XSS vectors among them.
HOSTILE = [h.markdown for h in hostile_inputs.inputs()] + [typed for typed, _ in CASES] + [
    "a" * 500, "\x00\x01\x1b[31mred", "%0d%0aSet-Cookie: x=1", "' OR 1=1 --", "${jndi:ldap://x/a}",
    "{{7*7}}", "\U0001F600 emoji", "x" * 99 + "\U0001F600y",
]


def js_sanitise(texts: list[str]) -> list[str]:
    """search-feedback.js's sanitise, run in Node.js on each text."""
    script = ("const f = require(process.argv[1]); let s = '';"
              "process.stdin.on('data', d => s += d).on('end', () =>"
              " process.stdout.write(JSON.stringify(JSON.parse(s).map(f.sanitise))));")
    out = subprocess.run([node_executable(), "-e", script, str(SCRIPT)], input=json.dumps(texts),
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(out.stdout)


@functools.lru_cache(maxsize=1)
def js_cases() -> dict[str, str]:
    """Every case through search-feedback.js in one run of Node.js."""
    typed = [t for t, _ in CASES]
    return dict(zip(typed, js_sanitise(typed)))


@pytest.mark.parametrize("typed, sent", CASES, ids=[c[0][:40] for c in CASES])
def test_the_words_are_made_safe_before_they_are_sent(typed, sent):
    assert search_feedback.sanitise(typed) == sent
    assert js_cases()[typed] == sent, "search-feedback.js and handbook/search/search_feedback.py disagree"


def test_no_word_can_break_a_log_line_or_the_report_and_the_browser_and_report_agree():
    browser = js_sanitise(HOSTILE)
    for typed, in_browser in zip(HOSTILE, browser):
        python = search_feedback.sanitise(typed)
        assert in_browser == python, typed
        assert len(python) <= search_feedback.LIMIT and not re.search(r"[0-9<>\"\\`|{}\[\]()=;%$\x00-\x1f\x7f@/]", python), (typed, python)
        # The report reads it as one line and its words stay one plain table cell.
        line = json.dumps({"date": "2026-12-01", "lang": "sv", "q": quote_plus(typed), "results": "0", "reason": "none"})
        log = search_report.read_log(line, ["sv", "en"])
        assert log.searches == [] if not python else [s.words for s in log.searches] == [python]
        assert "|" not in search_report.cell(typed).replace("\\|", "") and "\n" not in search_report.cell(typed)


# --- the report, on lines of the log -----------------------------------------------------------

LINES = [
    '{"date":"2026-12-01","lang":"sv","q":"gn%C3%A4lla+p%C3%A5+jobbet","results":"0","reason":"none"}',
    '{"date":"2026-12-02","lang":"sv","q":"Gn%C3%A4lla++p%C3%A5+jobbet%3F","results":"0","reason":"button"}',
    '{"date":"2026-12-03","lang":"en","q":"moan+about+work","results":"2","reason":"left"}',
    '{"date":"2025-11-30","lang":"sv","q":"gammal","results":"0","reason":"none"}',
]
BROKEN = [
    "not json at all",
    '{"date":"2026-12-01","lang":"sv","q":"x',                                            # cut off
    '{"date":"2026-12-01","lang":"de","q":"wort","results":"0","reason":"none"}',         # no such language
    '{"date":"2026-12-01","lang":"sv","q":"ord","results":"many","reason":"none"}',       # not a count
    '{"date":"2026-12-01","lang":"sv","q":"ord","results":"0","reason":"hack"}',          # no such reason
    '{"date":"yesterday","lang":"sv","q":"ord","results":"0","reason":"none"}',           # not a date
    '{"date":"2026-12-01","lang":"sv","q":"1212121212","results":"0","reason":"none"}',   # nothing left to log
    '["a", "list"]',
    '{"date":"2026-12-01","lang":"sv","q":["a"],"results":"0","reason":"none"}',
    "\x00\xff binary",
]


def fake_search(answers: dict[tuple[str, str], dict]):
    """A search that answers from a table: (locale, question) -> the search's answer."""
    return lambda locale, question: answers.get((locale, question), {"words": [], "groups": []})


def answer(words: dict[str, bool], location: str | None = None, kind: str = "exact") -> dict:
    """What the search returns: each word found or not, and one result at ``location``."""
    found = {"words": [{"word": w, "little": False, "parts": None, "found": f} for w, f in words.items()], "groups": []}
    if location:
        matches = [{"word": w, "kind": kind, "form": w} for w, f in words.items() if f]
        found["groups"] = [{"results": [{"location": location, "isPage": "#" not in location, "shown": True,
                                         "matches": matches, "missing": []}]}]
    return found


def test_a_log_with_broken_lines_is_reported_with_their_numbers_and_the_rest_is_read():
    text = "\n".join([LINES[0], *BROKEN, "", LINES[2]])
    log = search_report.read_log(text, ["sv", "en"])
    assert [s.words for s in log.searches] == ["gnälla på jobbet", "moan about work"]
    assert log.unreadable == list(range(2, 2 + len(BROKEN)))
    out = search_report.report(log, fake_search({}), ["sv", "en"])
    assert f"{len(BROKEN)} rader kunde inte läsas och hoppades över (rad 2, 3, 4" in out


def test_the_report_groups_the_same_words_counts_them_and_leaves_out_what_is_before_since():
    import datetime as dt

    log = search_report.read_log("\n".join(LINES), ["sv", "en"], since=dt.date(2026, 12, 1))
    assert log.before_since == 1
    groups = search_report.grouped(log.searches)
    assert [(g.lang, g.key, len(g.searches)) for g in groups] == [("sv", "gnälla på jobbet", 2), ("en", "moan about work", 1)]
    out = search_report.report(log, fake_search({}), ["sv", "en"], since=dt.date(2026, 12, 1))
    assert "| 2 | sv | gnälla på jobbet | inga träffar 1, ”Hittade du inte svaret?” 1 |" in out
    assert "sedan 2026-12-01 (1 äldre rader hoppades över)" in out


def test_the_report_proposes_the_section_the_other_language_or_a_lexicon_links_the_words_to():
    ask = fake_search({
        ("sv", "manager på facebook"): answer({"manager": False, "facebook": True}, "facebook-konton/#one-account"),
        ("en", "manager"): answer({"manager": True}, "fortroendevalda-och-chefer/#prominent-role"),
        ("sv", "gnälla på jobbet"): answer({"gnälla": False, "jobbet": True}, "facebook-konton/#one-account"),
        ("en", "gnälla"): answer({"gnälla": False}),
        ("sv", "klaga"): answer({"klaga": True}, "yttrandefrihet-och-regler/#freedom-of-expression"),
        ("sv", "kidsen"): answer({"kidsen": False}),
        ("en", "kidsen"): answer({"kidsen": True}, "elever-och-brukare/#friends-with-pupils", kind="typo"),
    })
    text = "\n".join(f'{{"date":"2026-12-01","lang":"sv","q":"{q}","results":"0","reason":"none"}}'
                     for q in ("manager+p%C3%A5+facebook", "gn%C3%A4lla+p%C3%A5+jobbet", "kidsen"))
    lexicon = {("sv", "gnälla"): ["knorra", "klaga"]}
    out = search_report.report(search_report.read_log(text, ["sv", "en"]), ask, ["sv", "en"],
                               related=lambda locale, word: lexicon.get((locale, word), []))
    assert "fortroendevalda-och-chefer.md\\#prominent-role: \\[manager\\] (finns på en)" in out
    assert "yttrandefrihet-och-regler.md\\#freedom-of-expression: \\[gnälla\\] (lexikon: gnälla → klaga)" in out
    assert "```yaml\nsv:\n  sections:\n    fortroendevalda-och-chefer.md#prominent-role: [manager]\n" \
           "    yttrandefrihet-och-regler.md#freedom-of-expression: [gnälla]\n```" in out
    # A word the other language has only by a typo proposes nothing.
    assert "[kidsen]" not in out and "1. facebook-konton.md\\#one-account (facebook); finns inte i handboken: manager" in out


def test_the_report_asks_handbook_lexicons_related_words_when_that_module_exists(monkeypatch):
    assert search_report.default_related_words() is None or callable(search_report.default_related_words())
    fake = types.ModuleType("handbook.search.lexicons")
    fake.related_words = lambda locale, word: ["klaga"] if (locale, word) == ("sv", "gnälla") else []
    monkeypatch.setitem(sys.modules, "handbook.search.lexicons", fake)
    import handbook
    monkeypatch.setattr(handbook, "lexicons", fake, raising=False)
    assert search_report.default_related_words()("sv", "gnälla") == ["klaga"]


@pytest.mark.parametrize("args, message", [
    (["/nonexistent/handbook-searches.log"], "handbook-search-report: /nonexistent/handbook-searches.log: cannot read the log"),
    (["LOG", "--since", "2026-13-01"], "handbook-search-report: --since 2026-13-01: not a date. Write it as YYYY-MM-DD"),
])
def test_a_missing_log_or_a_wrong_date_is_a_one_line_error(tmp_path, capsys, args, message):
    log = tmp_path / "handbook-searches.log"
    log.write_text(LINES[0] + "\n", encoding="utf-8")
    assert search_report.main([str(log) if a == "LOG" else a for a in args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_the_script_has_each_languages_words_and_with_the_setting_off_it_is_not_in_the_site(tmp_path, site):
    built = (site.dir / search_feedback.SCRIPT).read_text(encoding="utf-8")
    for lang in site.languages:
        assert f'"{lang.locale}": {{"button": ' in built
    assert search_feedback.PLACEHOLDER not in built
    copy = tmp_path / search_feedback.SCRIPT
    copy.parent.mkdir(parents=True)
    copy.write_text(built, encoding="utf-8")
    labels = {lang.locale: types.SimpleNamespace(search=types.SimpleNamespace(
        feedback_question="Q?", feedback_button="B", feedback_sent="S")) for lang in site.languages}
    search_feedback.write_script(tmp_path, on=True, labels=labels)  # again, as a rebuild does
    assert '"sv": {"button": "B", "question": "Q?", "sent": "S"}' in copy.read_text(encoding="utf-8")
    search_feedback.write_script(tmp_path, on=False, labels={})
    assert not copy.exists()


# --- the server: deploy/nginx.conf ---------------------------------------------------------------

def log_lines(nginx, words: str, timeout: float = 5.0) -> list[dict]:
    """The lines of the served log of missed searches with these words (waits for the first)."""
    deadline = time.monotonic() + timeout
    while True:
        text = nginx.search_log.read_text(encoding="utf-8") if nginx.search_log.exists() else ""
        found = [json.loads(line) for line in text.splitlines() if words in line]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_nginx_answers_the_log_address_with_204_and_logs_only_posts(nginx, site):
    url = nginx.url + "search-feedback?lang=sv&q=serverprov+postat&results=0&reason=none"
    for method in ("GET", "POST"):
        request = urllib.request.Request(url.replace("postat", method.lower()), method=method, data=b"" if method == "POST" else None,
                                         headers={"User-Agent": "Mozilla/5.0 Proof", "Cookie": "session=secret"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 204
            assert response.headers["Content-Security-Policy"], "the security headers are sent here too"
    assert log_lines(nginx, "serverprov+post") == [
        {"date": time.strftime("%Y-%m-%d"), "lang": "sv", "q": "serverprov+post", "results": "0", "reason": "none"}]
    time.sleep(0.2)
    assert log_lines(nginx, "serverprov+get", timeout=0) == [], "a GET (a crawler) is not logged"
    # A request that no browser sends, with raw quotes, a backslash and an encoded line break,
    # stays one line of JSON, and the report reads its words made safe.
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", int(nginx.url.rsplit(":", 1)[1].strip("/")), timeout=5)
    connection.request("POST", '/search-feedback?lang=sv&q=serverprov"},{"forged":"x\\y%0A{"z":1}&results=0&reason=none')
    assert connection.getresponse().status == 204
    connection.close()
    (line,) = log_lines(nginx, "serverprov\\\"")
    raw = [text for text in nginx.search_log.read_text(encoding="utf-8").splitlines() if "forged" in text]
    assert len(raw) == 1 and json.loads(raw[0]) == line and set(line) == LOG_KEYS
    assert [s.words for s in search_report.read_log(raw[0], ["sv", "en"]).searches] == ["serverprov forged x y z"]


# --- in the browser --------------------------------------------------------------------------------

def missed_search(page, words: str) -> None:
    """The reader searches for words the handbook does not have, and leaves the search."""
    focus_search(page)
    page.wait_for_function("() => window.HandbookFeedback")  # loaded once the reader reaches for search
    assert search(page, words) == []
    page.keyboard.press("Escape")


def test_a_missed_search_writes_one_line_with_its_words_and_neither_address_nor_browser_and_the_report_lists_it(site, nginx, open_page):
    words = "zqxwv qzzvåäökk"
    page, record, _ = open_page(site.url)
    missed_search(page, words + " 070-123 45 67")
    lines = log_lines(nginx, "zqxwv")
    assert lines == [{"date": time.strftime("%Y-%m-%d"), "lang": "sv", "q": "zqxwv+qzzv%C3%A5%C3%A4%C3%B6kk", "results": "0",
                      "reason": "none"}], "one line, with only the date, language, words, count and reason"
    raw = [line for line in nginx.search_log.read_text(encoding="utf-8").splitlines() if "zqxwv" in line][0]
    agent = page.evaluate("navigator.userAgent")
    assert "127.0.0.1" not in raw and agent not in raw and "Chrom" not in raw and set(json.loads(raw)) == LOG_KEYS
    # Leaving the page afterwards sends nothing more for the same words. (Left only once the
    # browser has the answer too: nginx writes the line before Chromium has read the reply, and
    # leaving in between cancels the reply on the page's side, net::ERR_ABORTED.)
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('search-feedback?') && e.responseEnd > 0)")
    page.goto(site.url + "en/")
    assert len(log_lines(nginx, "zqxwv", timeout=0.5)) == 1
    assert [r for r in record.requests if "search-feedback?" in r] and record.failed_requests == []

    log = search_report.read_log(raw, [l.locale for l in site.languages])
    out = search_report.run_report(log, languages(), site=site.dir)
    assert "| 1 | sv | zqxwv qzzvåäökk | inga träffar 1 | inga träffar; finns inte i handboken: zqxwv, qzzvåäökk |" in out


def test_didnt_find_it_is_a_button_reached_with_the_arrow_keys_that_sends_the_words_and_says_so(site, nginx, open_page):
    page, record, _ = open_page(site.url + "en/")
    focus_search(page)
    page.wait_for_function("() => window.HandbookFeedback")
    assert search(page, "facebook group zqxwvbutton")
    button = page.get_by_role("button", name="Let us know")
    assert button.get_attribute("aria-describedby") and page.locator("#handbook-feedback-question").inner_text() == "Didn't find it?"
    page.keyboard.press("ArrowUp")  # from the search box, up to the button after the last result
    assert page.evaluate("document.activeElement.textContent") == "Let us know"
    page.keyboard.press("ArrowDown")  # and down again to the box
    assert page.evaluate("document.activeElement.className").startswith("handbook-search__input")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert page.locator(".handbook-feedback [role=status]").inner_text().startswith("Thank you.")
    line, = log_lines(nginx, "zqxwvbutton")
    assert line["lang"] == "en" and line["reason"] == "button" and int(line["results"]) > 0
    assert record.console_errors == [] and record.failed_requests == []


def test_opening_a_result_sends_nothing(site, nginx, open_page):
    page, record, _ = open_page(site.url)
    focus_search(page)
    page.wait_for_function("() => window.HandbookFeedback")
    assert search(page, "facebook zqxwvopened")
    page.keyboard.press("Enter")  # opens the best result
    page.wait_for_load_state("load")
    assert log_lines(nginx, "zqxwvopened", timeout=0.5) == []


def test_a_reader_who_finds_nothing_and_follows_the_contact_link_is_a_missed_search(site, nginx, open_page):
    page, _, _ = open_page(site.url)
    focus_search(page)
    page.wait_for_function("() => window.HandbookFeedback")
    assert search(page, "zqxwvcontact") == []
    page.locator(".handbook-no-results a").click()  # "Kontakta oss", not a result
    page.wait_for_url("**/kontakta-oss/")
    assert [line["reason"] for line in log_lines(nginx, "zqxwvcontact")] == ["none"]


# --- the setting off: one build of its own, served by nginx with deploy/nginx.conf ----------------

@pytest.fixture(scope="module")
def site_without_log(tmp_path_factory):
    """The handbook built (without its PDF) with search_feedback: false, served by nginx."""
    if not Path(nginx_server.NGINX).exists():
        not_installed(f"SERVER TESTS NOT RUN: no nginx at {nginx_server.NGINX}.")
    base = tmp_path_factory.mktemp("without-log")
    project = copy_project(base / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("search_feedback: true") == 1
    config.write_text(text.replace("search_feedback: true", "search_feedback: false"), encoding="utf-8")
    port = free_port()
    result = build(project, base / "site", f"http://127.0.0.1:{port}/", HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    server = nginx_server.start(base / "site", port, base / "nginx")
    yield base / "site", server
    server.stop()


def test_with_the_setting_off_not_one_request_is_sent_for_a_missed_search(site_without_log, browser):
    site_dir, server = site_without_log
    assert not (site_dir / search_feedback.SCRIPT).exists()
    for html in (site_dir / "index.html", site_dir / "en" / "facebook-konton" / "index.html"):
        config = json.loads(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(id="__handbook").string)
        assert not [src for src in config["search_scripts"] if "feedback" in src], config
    context = browser.new_context()
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(server.url, wait_until="load")
        focus_search(page)
        assert search(page, "zqxwvoff") == []
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
        page.goto(server.url + "en/", wait_until="load")
        page.wait_for_timeout(300)
    finally:
        context.close()
    assert any(r.endswith("search_index.json") for r in requests), "the reader searched"
    assert not [r for r in requests if "feedback" in r], requests
    assert not server.search_log.exists() or server.search_log.read_text(encoding="utf-8") == ""


def test_the_start_page_says_what_search_logs_in_both_languages_as_the_setting_makes_it(site, site_without_log):
    for site_dir, logged in ((site.dir, True), (site_without_log[0], False)):
        for lang in languages():
            soup = BeautifulSoup((site_dir / lang.url_prefix() / "index.html").read_text(encoding="utf-8"), "html.parser")
            section = soup.find(id="how-to-search").find_next_siblings("p")
            text = " ".join(p.get_text(" ", strip=True) for p in section[:3])
            if logged:
                words = {"sv": ("IP-adress", "webbläsare", "kakor", "personnummer", "100 tecken", "antalet träffar"),
                         "en": ("IP address", "browser", "cookie", "personal identity numbers", "100", "number of results")}
            else:
                words = {"sv": ("sparar inte orden",), "en": ("does not store the words",)}
            missing = [w for w in words[lang.locale] if w not in text]
            assert missing == [], f"{lang.name} start page, search_feedback {logged}: {missing} in {text!r}"


def test_the_iis_config_has_the_rule_for_the_log_ready_to_turn_on_and_says_what_iis_cannot_do():
    """IIS cannot run here: deploy/web.config is read. Its rule needs Microsoft's URL Rewrite module
    (an unknown section would stop IIS serving the site), so it ships commented out."""
    import xml.etree.ElementTree as ET

    from handbook.safety.security_headers import WEB_CONFIG

    text = WEB_CONFIG.read_text(encoding="utf-8")
    comment = re.search(r"<!-- The log of missed searches.*?-->", text, re.S).group(0)
    assert ET.fromstring(text).find("system.webServer/rewrite") is None, "off until URL Rewrite is installed"
    rule = ET.fromstring(comment[comment.index("<rewrite>"): comment.rindex("</rewrite>") + len("</rewrite>")])
    (only,) = rule.findall("rules/rule")
    assert only.find("match").get("url") == "^search-feedback$"
    assert only.find("conditions/add").attrib == {"input": "{REQUEST_METHOD}", "pattern": "^POST$"}
    assert only.find("action").get("type") == "CustomResponse" and only.find("action").get("statusCode") == "204"
    for field in ("c-ip", "cs(User-Agent)", "cs(Cookie)", "cs(Referer)"):
        assert field in comment, f"web.config must say to untick {field}"


def test_the_report_reads_iis_w3c_log_too_and_only_its_searches_never_the_address():
    text = "\n".join([
        "#Software: Microsoft Internet Information Services 10.0",
        "#Version: 1.0",
        "#Date: 2026-12-01 08:00:00",
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip sc-status",
        "2026-12-01 08:00:01 10.0.0.5 GET /index.html - 443 10.1.2.3 200",
        "2026-12-01 08:00:02 10.0.0.5 POST /search-feedback lang=sv&q=gn%C3%A4lla+p%C3%A5+jobbet&results=0&reason=none 443 10.1.2.3 204",
        "2026-12-01 08:00:03 10.0.0.5 GET /search-feedback lang=sv&q=crawler&results=0&reason=none 443 10.1.2.4 204",
        "2026-12-01 08:00:04 10.0.0.5 POST /search-feedback cut-off",
    ])
    log = search_report.read_log(text, ["sv", "en"])
    assert [(s.date.isoformat(), s.lang, s.words, s.reason) for s in log.searches] == [("2026-12-01", "sv", "gnälla på jobbet", "none")]
    assert (log.other_requests, log.unreadable) == (2, [8])
    out = search_report.report(log, fake_search({}), ["sv", "en"])
    assert "10.1.2.3" not in out and "2 andra anrop till webbplatsen i loggen hoppades över" in out
