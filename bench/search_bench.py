"""Search benchmark: index size and keystroke-to-results latency, real site vs. a big handbook.

Run from the project root:

    uv run python bench/search_bench.py                 # real site + 1000 generated pages/language
    uv run python bench/search_bench.py --pages 50      # quick run
    uv run python bench/search_bench.py --json out.json # also write the figures as JSON

For each site (the real handbook, and a copy of it with N generated pages per language added to
the nav) the script builds it with `mkdocs build` (SITE_URL pointing at the port it is then served
on), serves it with a threaded http.server on 127.0.0.1, opens each language's home page in
Chromium (Playwright) and measures, per language:

- the size of that language's search_index.json, raw and gzipped (level 6, like a web server);
- "index ready": ms from the reader's first press of "/" (right after the page has loaded) until
  the search worker answers READY (the index has been fetched and the Lunr index built in the
  worker; the handbook starts fetching only then, stock Material at page load);
- keystroke-to-results latency over each query (see README.md for the method): median, p95, max.

Nothing in the project is modified: every build happens in a copy under a temporary directory.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import json
import math
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from handbook.core.project import SOURCE_PARTS  # noqa: E402
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BUDGET_MS = 100.0
BUDGET_PAGES = 1000
OWNER = "Kommunikationsenheten, kommunkansliet"
# Generated pages are grouped as a real handbook is: in this many chapters (nav sections), each
# split into parts of at most SECTION_SIZE pages when it has more (0: no parts, flat chapters).
SECTIONS = 20
SECTION_SIZE = 25

# Queries per language. The last character of each is typed as the measured keystroke, so it
# must be a key on a US layout (Playwright types å/ä/ö as text input without keydown/keyup, and
# Material only searches on keyup).
QUERIES = {
    "sv": [
        "sociala medier", "facebook", "sekretess", "yttrandefrihet", "förtroendevalda",
        "elever", "arbetstid", "bilder och filmer", "privat konto", "säkerhetsinställningar",
    ],
    "en": [
        "social media", "facebook", "confidentiality", "freedom of expression",
        "elected representatives", "pupils", "working hours", "images and films",
        "private account", "privacy settings",
    ],
}

# --------------------------------------------------------------------------------------------
# Generated handbook
# --------------------------------------------------------------------------------------------

ROLES = [
    ("medarbetare", "employees"), ("chefer", "managers"), ("förtroendevalda", "elected representatives"),
    ("lärare", "teachers"), ("handläggare", "case officers"), ("kommunikatörer", "communications officers"),
    ("sjuksköterskor", "nurses"), ("fritidsledare", "youth workers"), ("vikarier", "substitute staff"),
    ("praktikanter", "interns"), ("biståndshandläggare", "social care assessors"), ("bibliotekarier", "librarians"),
]
AUDIENCES = [
    ("elever", "pupils"), ("brukare", "service users"), ("vårdnadshavare", "guardians"),
    ("invånare", "residents"), ("företagare", "business owners"), ("journalister", "journalists"),
    ("besökare", "visitors"), ("anhöriga", "relatives"), ("föreningar", "associations"),
]
CHANNELS = [
    ("Facebook", "Facebook"), ("Instagram", "Instagram"), ("LinkedIn", "LinkedIn"), ("TikTok", "TikTok"),
    ("YouTube", "YouTube"), ("X", "X"), ("Snapchat", "Snapchat"), ("intranätet", "the intranet"),
    ("kommunens webbplats", "the municipality's website"), ("nyhetsbrevet", "the newsletter"),
]
TOPICS = [
    ("Personuppgifter", "Personal data"), ("Sekretess", "Confidentiality"), ("Bildrättigheter", "Image rights"),
    ("Krishantering", "Crisis management"), ("Arkivering", "Archiving"), ("Tillgänglighet", "Accessibility"),
    ("Upphovsrätt", "Copyright"), ("Moderering", "Moderation"), ("Näthat", "Online hate"),
    ("Kommentarer", "Comments"), ("Lösenord och inloggning", "Passwords and logins"),
    ("Informationssäkerhet", "Information security"), ("Annonsering", "Advertising"),
    ("Livesändningar", "Live broadcasts"), ("Rekrytering", "Recruitment"), ("Evenemang", "Events"),
    ("Valår", "Election years"), ("Gåvor och mutor", "Gifts and bribes"), ("Jäv", "Conflicts of interest"),
    ("Allmänna handlingar", "Official documents"), ("Meddelarfrihet", "Freedom to communicate information"),
    ("Yttrandefrihet", "Freedom of expression"), ("Arbetstid", "Working hours"),
    ("Privata konton", "Private accounts"), ("Bilder och filmer", "Images and films"),
    ("Samarbeten med företag", "Partnerships with companies"), ("Citat och källor", "Quotes and sources"),
    ("Sociala medier i skolan", "Social media at school"), ("Äldreomsorg", "Elderly care"),
    ("Räddningstjänst", "Rescue services"), ("Kultur och fritid", "Culture and leisure"),
    ("Samhällsbyggnad", "Urban planning"), ("Felanmälan", "Fault reports"), ("Frågor från medier", "Media enquiries"),
]
PLACES = [
    "Varberg", "Tvååker", "Veddige", "Bua", "Träslövsläge", "Kungsäter", "Rolfstorp", "Åskloster",
    "Himle", "Skällinge", "Derome", "Väröbacka", "Grimeton", "Trönninge", "Lindberg", "Limabacka",
    "Hunnestad", "Göingegården", "Breared", "Apelviken", "Kärradal", "Stafsinge", "Sibbarp", "Valinge",
]
DEPARTMENTS = [
    ("barn- och utbildningsförvaltningen", "the Education Department"),
    ("socialförvaltningen", "the Social Services Department"),
    ("kultur- och fritidsförvaltningen", "the Culture and Leisure Department"),
    ("samhällsbyggnadsförvaltningen", "the Urban Planning Department"),
    ("serviceförvaltningen", "the Services Department"),
    ("kommunledningsförvaltningen", "the Municipal Executive Office"),
    ("miljö- och hälsoskyddsförvaltningen", "the Environmental Health Department"),
    ("räddningstjänsten", "the Rescue Service"), ("överförmyndarenheten", "the Chief Guardian Unit"),
]
# Compound nouns, the way Swedish builds its vocabulary: prefix + suffix (~200 words).
PREFIXES = [
    ("bygglovs", "building permit"), ("skolskjuts", "school transport"), ("färdtjänst", "mobility service"),
    ("bistånds", "social assistance"), ("hemtjänst", "home care"), ("avfalls", "waste"),
    ("vatten", "water"), ("parkerings", "parking"), ("förskole", "preschool"), ("idrotts", "sports"),
    ("miljö", "environmental"), ("livsmedels", "food safety"), ("serverings", "alcohol licence"),
    ("trafik", "traffic"), ("gatu", "street"), ("hamn", "harbour"), ("turism", "tourism"),
    ("näringslivs", "business"), ("bibliotek", "library"), ("badplats", "beach"),
]
SUFFIXES = [
    ("ärenden", "cases"), ("beslut", "decisions"), ("frågor", "questions"), ("ansökningar", "applications"),
    ("avgifter", "fees"), ("planer", "plans"), ("rutiner", "procedures"), ("enkäter", "surveys"),
    ("rapporter", "reports"), ("tillsyn", "inspections"),
]
HEADINGS = [
    ("Vad gäller för {topic}?", "What applies to {topic}?", "what-applies"),
    ("Så gör du", "How to do it", "how-to"),
    ("Ansvar och roller", "Responsibilities and roles", "responsibilities"),
    ("När du är osäker", "When you are unsure", "when-unsure"),
    ("Exempel från verksamheten", "Examples from the services", "examples"),
    ("Regler och lagar", "Rules and laws", "rules-and-laws"),
    ("Kontot och inställningarna", "The account and its settings", "account-settings"),
    ("Publicera och svara", "Publishing and replying", "publish-and-reply"),
    ("Dokumentera och arkivera", "Documenting and archiving", "document-and-archive"),
    ("Om något går fel", "If something goes wrong", "if-things-go-wrong"),
    ("Checklista", "Checklist", "checklist"),
    ("Vanliga frågor", "Frequently asked questions", "faq"),
]
SENTENCES = [
    ("På {dept} i {place} svarar en utsedd redaktör på frågor om {compound} inom två arbetsdagar.",
     "At {dept_en} in {place}, an appointed editor answers questions about {compound_en} within two working days."),
    ("Invånare i {place} frågar ofta om {compound} i kommentarerna, så hänvisa dem till rätt kontaktväg.",
     "Residents of {place} often ask about {compound_en} in the comments, so point them to the right contact route."),
    ("Publicera inte uppgifter om enskilda {compound} på {channel}, inte ens om personen själv tar upp dem.",
     "Do not publish details of individual {compound_en} on {channel_en}, even if the person raises them."),
    ("{dept_cap} ansvarar för att kontot om {compound} i {place} hålls uppdaterat.",
     "{dept_en_cap} is responsible for keeping the account about {compound_en} in {place} up to date."),
    ("Träffen i {place} den {day} {month} om {compound} får gärna livesändas om alla deltagare har informerats.",
     "The meeting in {place} on {day} {month_en} about {compound_en} may be broadcast live if every participant has been informed."),
    ("Som {role} företräder du Varbergs kommun när du skriver på {channel} i din yrkesroll.",
     "As one of the {role_en}, you represent Varberg Municipality when you post on {channel_en} in your professional role."),
    ("Tänk på att {audience} kan se det du publicerar, även om kontot är privat.",
     "Remember that {audience_en} can see what you publish, even if the account is private."),
    ("Uppgifter som omfattas av sekretess får aldrig publiceras på {channel}.",
     "Information covered by confidentiality must never be published on {channel_en}."),
    ("Fråga din chef om du är osäker på vad som gäller för {topic_lc}.",
     "Ask your manager if you are unsure what applies to {topic_lc_en}."),
    ("Kommunikationsenheten hjälper {role} med råd om {topic_lc} och sociala medier.",
     "The Communications Unit advises {role_en} on {topic_lc_en} and social media."),
    ("Inlägg och kommentarer på kommunens konton kan vara allmänna handlingar som ska diarieföras.",
     "Posts and comments on the municipality's accounts may be official documents that must be registered."),
    ("Använd inte ditt privata konto för att svara {audience} i ärenden som rör kommunen.",
     "Do not use your private account to reply to {audience_en} about municipal matters."),
    ("Bilder och filmer där {audience} syns får bara publiceras med ett skriftligt samtycke.",
     "Images and films showing {audience_en} may only be published with written consent."),
    ("Yttrandefriheten ger dig rätt att uttrycka dina åsikter som privatperson, även om kommunen.",
     "Freedom of expression gives you the right to voice your opinions as a private person, including about the municipality."),
    ("Under arbetstid ska användningen av {channel} ha ett tydligt samband med arbetet.",
     "During working hours, your use of {channel_en} should be clearly connected to your work."),
    ("Kontrollera säkerhetsinställningarna på {channel} minst en gång per år.",
     "Check the privacy settings on {channel_en} at least once a year."),
    ("Välj ett starkt lösenord och slå på tvåstegsverifiering för alla konton som kommunen äger.",
     "Choose a strong password and turn on two-step verification for every account the municipality owns."),
    ("Svara vänligt och sakligt, även när tonen i kommentarerna är hård.",
     "Reply kindly and to the point, even when the tone of the comments is harsh."),
    ("Kränkande inlägg döljs eller tas bort enligt kommunens regler för moderering.",
     "Offensive posts are hidden or removed under the municipality's moderation rules."),
    ("Personuppgifter behandlas enligt dataskyddsförordningen, och det gäller även på {channel}.",
     "Personal data is processed under the General Data Protection Regulation, and that applies on {channel_en} too."),
    ("Vid en kris är det krisledningen som bestämmer vad kommunen säger i sociala medier.",
     "In a crisis, the crisis management team decides what the municipality says on social media."),
    ("Citera alltid källan och kontrollera att du får använda materialet innan du delar det.",
     "Always cite the source and check that you may use the material before you share it."),
    ("En gåva eller ett erbjudande i samband med ett inlägg kan vara en otillbörlig förmån.",
     "A gift or offer in connection with a post may be an improper benefit."),
    ("Du som är {role} ska inte ge intryck av att tala för kommunen när du uttrycker privata åsikter.",
     "If you are one of the {role_en}, do not give the impression of speaking for the municipality when you express private views."),
    ("Texter ska vara begripliga och tillgängliga, och filmer ska ha undertexter.",
     "Texts must be clear and accessible, and films must have subtitles."),
    ("Annonser på {channel} beställs via Kommunikationsenheten och följer kommunens grafiska profil.",
     "Advertisements on {channel_en} are ordered through the Communications Unit and follow the municipality's visual identity."),
    ("Under valår är kommunens konton politiskt neutrala, och förtroendevalda använder egna konton.",
     "In election years the municipality's accounts stay politically neutral, and elected representatives use their own accounts."),
    ("Spara en kopia av inlägg som rör myndighetsutövning innan du tar bort dem.",
     "Keep a copy of posts that concern the exercise of public authority before you delete them."),
    ("Meddelarfriheten gör att du får lämna uppgifter till medier, och kommunen får inte efterforska vem du är.",
     "Freedom to communicate information means you may give information to the media, and the municipality may not try to find out who you are."),
    ("Om {audience} vill bli vän med dig på {channel} kan du tacka nej utan att förklara varför.",
     "If {audience_en} want to be friends with you on {channel_en}, you may decline without explaining why."),
    ("Det här gäller från och med {year} och ses över varje år av kommunledningskontoret.",
     "This applies from {year} and is reviewed every year by the municipal executive office."),
    ("Ärendet har diarienummer KS {year}/{num} om du vill läsa beslutet i sin helhet.",
     "The matter has reference number KS {year}/{num} if you want to read the full decision."),
    ("Ett konto som inte används på sex månader ska avslutas eller lämnas över till en ny ansvarig.",
     "An account that has not been used for six months must be closed or handed over to a new owner."),
]


MONTHS = list(zip(
    "januari februari mars april maj juni juli augusti september oktober november december".split(),
    "January February March April May June July August September October November December".split()))


def _slots(rng: random.Random, topic: tuple[str, str]) -> dict[str, str]:
    role, role_en = rng.choice(ROLES)
    audience, audience_en = rng.choice(AUDIENCES)
    channel, channel_en = rng.choice(CHANNELS)
    dept, dept_en = rng.choice(DEPARTMENTS)
    pre, pre_en = rng.choice(PREFIXES)
    suf, suf_en = rng.choice(SUFFIXES)
    month = rng.randrange(12)
    return {
        "dept": dept, "dept_en": dept_en, "dept_cap": dept[0].upper() + dept[1:],
        "dept_en_cap": dept_en[0].upper() + dept_en[1:], "place": rng.choice(PLACES),
        "compound": pre + suf, "compound_en": f"{pre_en} {suf_en}", "day": str(rng.randint(1, 28)),
        "month": MONTHS[month][0], "month_en": MONTHS[month][1],
        "role": role, "role_en": role_en, "audience": audience, "audience_en": audience_en,
        "channel": channel, "channel_en": channel_en,
        "topic_lc": topic[0].lower(), "topic_lc_en": topic[1][0].lower() + topic[1][1:],
        "year": str(rng.randint(2019, 2025)), "num": f"{rng.randint(1, 999):04d}",
    }


def _paragraph(rng: random.Random, topic: tuple[str, str]) -> tuple[str, str]:
    picks = rng.sample(SENTENCES, rng.randint(3, 6))
    sv, en = [], []
    for s_sv, s_en in picks:
        slots = _slots(rng, topic)
        sv.append(s_sv.format(**slots))
        en.append(s_en.format(**slots))
    return " ".join(sv), " ".join(en)


def front_matter(description: str, today: dt.date | None = None) -> str:
    """Front matter that passes handbook/pages/page_metadata.py: owner, review dates (the next review
    in the future, so no page shows the overdue banner), document type and description."""
    today = today or dt.date.today()
    return (f"---\nowner: {OWNER}\nreviewed: {today - dt.timedelta(days=30)}\n"
            f"review_by: {today + dt.timedelta(days=335)}\ndocument_type: riktlinje\n"
            f"description: {description}\n---\n")


def generate_page(i: int, rng: random.Random) -> tuple[str, str]:
    """A Swedish page and its English twin: 4-7 sections, same section IDs in both."""
    topic = TOPICS[i % len(TOPICS)]
    area = rng.choice(ROLES)
    title_sv = f"{topic[0]} för {area[0]} – riktlinje {i:04d}"
    title_en = f"{topic[1]} for {area[1]} – guideline {i:04d}"
    sv = [front_matter(f"Riktlinje {i:04d} om {topic[0].lower()} för {area[0]}."),
          f"# {title_sv}\n"]
    en = [front_matter(f"Guideline {i:04d} on {topic[1][0].lower() + topic[1][1:]} for {area[1]}."),
          f"# {title_en}\n"]
    p_sv, p_en = _paragraph(rng, topic)
    sv.append(p_sv + "\n")
    en.append(p_en + "\n")
    for k, (h_sv, h_en, hid) in enumerate(rng.sample(HEADINGS, rng.randint(4, 7)), start=1):
        t = {"topic": topic[0].lower()}
        sv.append(f"## {h_sv.format(**t)} {{#{hid}-{k}}}\n")
        en.append(f"## {h_en.format(topic=topic[1][0].lower() + topic[1][1:])} {{#{hid}-{k}}}\n")
        for _ in range(rng.randint(1, 2)):
            p_sv, p_en = _paragraph(rng, topic)
            sv.append(p_sv + "\n")
            en.append(p_en + "\n")
        if rng.random() < 0.3:
            sub_sv, sub_en, sub_id = rng.choice(HEADINGS)
            sv.append(f"### {sub_sv.format(**t)} {{#{hid}-{k}-{sub_id}}}\n")
            en.append(f"### {sub_en.format(topic=topic[1].lower())} {{#{hid}-{k}-{sub_id}}}\n")
            p_sv, p_en = _paragraph(rng, topic)
            sv.append(p_sv + "\n")
            en.append(p_en + "\n")
    return "\n".join(sv), "\n".join(en)


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in SOURCE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def add_generated_pages(project: Path, n: int, seed: int, sections: int = SECTIONS,
                        section_size: int = SECTION_SIZE) -> list:
    """Write docs/gen/sNN/pNNNN.md (+ .en.md) and list them in the copied nav, in ``sections``
    nav sections (chapters) of about n/sections pages each; a chapter of more than
    ``section_size`` pages is split into parts of at most that many ("…, del 2"). Titles are
    translated for English with static-i18n's nav_translations. English twins record
    ``translation_of`` like real ones. Returns the nav entries added (a list of {chapter title:
    [page files]} or {chapter title: [{part title: [page files]}, …]})."""
    from handbook.pages.translation_drift import FIELD, source_hash

    rng = random.Random(seed)
    sections = max(1, min(sections, n))
    nav, translations = [], {}
    i = 0
    for k in range(sections):
        count = n // sections + (1 if k < n % sections else 0)
        title_sv, title_en = TOPICS[k % len(TOPICS)]
        if k >= len(TOPICS):
            title_sv, title_en = f"{title_sv} {k // len(TOPICS) + 1}", f"{title_en} {k // len(TOPICS) + 1}"
        folder = project / "docs" / "gen" / f"s{k + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        names = []
        for _ in range(count):
            i += 1
            sv, en = generate_page(i, rng)
            original = folder / f"p{i:04d}.md"
            original.write_text(sv, encoding="utf-8")
            en = en.replace("\n---\n", f"\n{FIELD}: {source_hash(original)}\n---\n", 1)
            (folder / f"p{i:04d}.en.md").write_text(en, encoding="utf-8")
            names.append(f"gen/s{k + 1:02d}/p{i:04d}.md")
        translations[title_sv] = title_en
        if section_size and len(names) > section_size:
            parts = []
            for j, at in enumerate(range(0, len(names), section_size), start=1):
                parts.append({f"{title_sv}, del {j}": names[at:at + section_size]})
                translations[f"{title_sv}, del {j}"] = f"{title_en}, part {j}"
            nav.append({title_sv: parts})
        else:
            nav.append({title_sv: names})

    config_file = project / "mkdocs.yml"
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(k for k, line in enumerate(lines) if re.match(r"^nav:\s*$", line))
    end = start + 1
    last_item = start
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        if lines[end].strip().startswith("-"):
            last_item = end
        end += 1
    indent = re.match(r"^(\s*)-", lines[last_item]).group(1) if last_item > start else "  "
    block = []
    def write(entries: list, pad: str) -> None:
        for entry in entries:
            if isinstance(entry, str):
                block.append(f"{pad}- {entry}\n")
                continue
            (title, children), = entry.items()
            block.append(f"{pad}- {json.dumps(title, ensure_ascii=False)}:\n")
            write(children, pad + "    ")

    write(nav, indent)
    lines[last_item + 1:last_item + 1] = block
    # English section titles: nav_translations under the English language of the i18n plugin.
    for k, line in enumerate(lines):
        match = re.match(r"^(\s*)- locale: en\s*$", line)
        if match:
            pad = match.group(1) + "  "
            lines[k + 1:k + 1] = [f"{pad}nav_translations:\n"] + [
                f"{pad}  {json.dumps(sv, ensure_ascii=False)}: {json.dumps(en, ensure_ascii=False)}\n"
                for sv, en in translations.items()]
            break
    config_file.write_text("".join(lines), encoding="utf-8")
    return nav


# --------------------------------------------------------------------------------------------
# Build and serve
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(project: Path, site_dir: Path, url: str) -> float:
    # HANDBOOK_PDF=0: the whole-handbook PDF is a separate artifact, not part of search.
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "HANDBOOK_PDF": "0"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return elapsed


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, directory: Path, port: int):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# --------------------------------------------------------------------------------------------
# In-browser measurement
# --------------------------------------------------------------------------------------------

# Installed before any page script runs. It wraps the Worker constructor so that every search
# question posted to the worker (Material's QUERY, type 2; the handbook's "query") and every answer
# (RESULT, type 3; "answer") and READY (type 1; "ready") coming back is counted and time-stamped
# (our 'message' listener is added first, so it runs first, in the same task as the page's). A MutationObserver on the search result box records the time the
# DOM changed after each RESULT (the callback runs in that task's microtask checkpoint, i.e. right
# after Material has written the meta line and the first 10 items), and a requestAnimationFrame
# after it gives the next frame. A capturing keydown listener records performance.now() when each
# key press is dispatched to the search box.
INIT_JS = r"""
(() => {
  // Stock Material's search dialog, or the handbook's own (overrides/partials/search.html).
  const S = {input: 'input.md-search__input, input.handbook-search__input',
             box: '.md-search-result, .handbook-search__output',
             meta: '.md-search-result__meta, .handbook-search__count',
             item: '.md-search-result__item, .handbook-search__result'};
  const b = window.__bench = {
    posts: 0, results: 0, ready: null, lastPost: null, lastKeydown: null,
    lastMutation: 0, log: {}
  };
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', ev => {
        const t = performance.now();
        const type = ev.data && ev.data.type;
        if ((type === 1 || type === 'ready') && b.ready === null) b.ready = t;
        if (type === 3 || type === 'answer') {
          b.results += 1;
          const items = type === 'answer' ? ev.data.groups : ev.data.data && ev.data.data.items;
          b.log[b.results] = {msg: t, dom: null, frame: null, count: items ? items.length : null};
        }
      });
    }
    postMessage(msg, ...rest) {
      if (msg && (msg.type === 2 || msg.type === 'query')) {
        b.posts += 1;
        b.lastPost = {t: performance.now(), value: msg.type === 2 ? msg.data : msg.query};
      }
      return super.postMessage(msg, ...rest);
    }
  };
  document.addEventListener('keydown', ev => {
    if (ev.target && ev.target.matches && ev.target.matches(S.input))
      b.lastKeydown = performance.now();
  }, true);
  const observe = () => {
    const box = document.querySelector(S.box);
    if (!box) return setTimeout(observe, 10);
    new MutationObserver(() => {
      const t = performance.now();
      b.lastMutation = t;
      const entry = b.log[b.results];
      if (entry && entry.dom === null) {
        entry.dom = t;
        const meta = document.querySelector(S.meta);
        entry.meta = meta ? meta.textContent : null;
        entry.items = document.querySelectorAll(S.item).length;
        const a = document.querySelector(S.item + ' a');
        entry.first = a ? a.getAttribute('href') : null;
        requestAnimationFrame(() => { entry.frame = performance.now(); });
      }
    }).observe(box, {childList: true, subtree: true, characterData: true});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe);
  else observe();
})();
"""

SETTLED_JS = """(quietMs) => {
  const b = window.__bench;
  return b.results >= b.posts && performance.now() - b.lastMutation >= quietMs
      && (b.results === 0 || b.log[b.results].dom !== null);
}"""


def settle(page, quiet_ms: int = 120, timeout_ms: int = 120_000) -> None:
    """Wait until every query posted to the worker has been answered and rendered, then quiet."""
    page.wait_for_function(SETTLED_JS, arg=quiet_ms, timeout=timeout_ms, polling=20)


def clear_query(page) -> None:
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    settle(page)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def measure_language(browser, url: str, queries: list[str], rounds: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INIT_JS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    box = page.locator("input.md-search__input, input.handbook-search__input")

    # Warm-up: the reader presses "/" as soon as the page has loaded (the handbook only then
    # fetches its index), search becomes READY, and a first query comes back with results.
    pressed = page.evaluate("() => performance.now()")
    page.keyboard.press("/")
    box.wait_for(state="visible")
    if not box.evaluate("el => el === document.activeElement"):
        box.focus()
    page.wait_for_function("() => window.__bench.ready !== null", timeout=300_000, polling=20)
    ready_ms = max(0.0, page.evaluate("() => window.__bench.ready") - pressed)
    page.keyboard.type(queries[0])
    settle(page)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item, .handbook-search__result').length > 0",
                           timeout=60_000)
    first_results_ms = page.evaluate("() => window.__bench.log[window.__bench.results].dom")
    clear_query(page)

    samples = []
    for _ in range(rounds):
        for query in queries:
            clear_query(page)
            page.keyboard.type(query[:-1])
            settle(page)
            page.wait_for_timeout(30)
            before = page.evaluate("() => [window.__bench.posts, window.__bench.results]")
            page.keyboard.press(query[-1])
            settle(page)
            page.wait_for_function(
                "(n) => window.__bench.log[n] && window.__bench.log[n].frame !== null",
                arg=before[1] + 1, timeout=10_000, polling=10)
            s = page.evaluate("""([n]) => {
                const b = window.__bench, e = b.log[n];
                return {posts: b.posts, results: b.results, keydown: b.lastKeydown,
                        posted: b.lastPost.value, postT: b.lastPost.t, ...e};
            }""", [before[1] + 1])
            if s["posted"] != query or s["posts"] != before[0] + 1:
                raise RuntimeError(f"query {query!r}: expected one new worker query, got {s}")
            samples.append({
                "query": query,
                "ms": s["dom"] - s["keydown"],               # keydown -> results in the DOM
                "frame_ms": s["frame"] - s["keydown"],       # keydown -> next animation frame
                "worker_ms": s["msg"] - s["postT"],          # query posted -> RESULT received
                "results": s["count"], "items_rendered": s["items"], "meta": s["meta"],
            })
    context.close()
    ms = [x["ms"] for x in samples]
    frame = [x["frame_ms"] for x in samples]
    return {
        "url": url,
        "index_ready_ms": round(ready_ms, 1),
        "first_results_after_load_ms": round(first_results_ms, 1),
        "median_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
        "frame_median_ms": round(statistics.median(frame), 1),
        "frame_p95_ms": round(percentile(frame, 95), 1),
        "worker_median_ms": round(statistics.median(x["worker_ms"] for x in samples), 1),
        "samples": [{**x, "ms": round(x["ms"], 2), "frame_ms": round(x["frame_ms"], 2),
                     "worker_ms": round(x["worker_ms"], 2)} for x in samples],
        "page_errors": errors,
    }


def bench_site(name: str, project: Path, work: Path, browser, queries: dict, rounds: int,
               pages_per_language: int | None) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = work / f"site-{name}"
    print(f"[{name}] building ...", flush=True)
    build_s = build(project, site_dir, url)
    print(f"[{name}] built in {build_s:.1f} s; measuring search ...", flush=True)
    out = {"site": name, "pages_per_language": pages_per_language, "build_s": round(build_s, 2),
           "site_bytes": dir_bytes(site_dir), "languages": {}}
    langs = [("sv", ""), ("en", "en/")]
    with Server(site_dir, port):
        for locale, prefix in langs:
            index = (site_dir / prefix / "search" / "search_index.json").read_bytes()
            docs = json.loads(index)["docs"]
            result = {
                "index_bytes": len(index),
                "index_gzip_bytes": len(gzip.compress(index, compresslevel=6, mtime=0)),
                "index_docs": len(docs),
            }
            result.update(measure_language(browser, url + prefix, queries[locale], rounds))
            out["languages"][locale] = result
            print(f"[{name}] {locale}: median {result['median_ms']} ms, p95 {result['p95_ms']} ms",
                  flush=True)
    return out


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MiB"


def print_table(results: list[dict]) -> None:
    header = ["site", "lang", "docs", "index raw", "index gz", "ready ms", "median ms", "p95 ms",
              "max ms", "frame p95", "build s"]
    rows = []
    for r in results:
        for locale, x in r["languages"].items():
            rows.append([r["label"], locale, str(x["index_docs"]), kib(x["index_bytes"]),
                         kib(x["index_gzip_bytes"]), f"{x['index_ready_ms']:.0f}",
                         f"{x['median_ms']:.1f}", f"{x['p95_ms']:.1f}", f"{x['max_ms']:.1f}",
                         f"{x['frame_p95_ms']:.1f}", f"{r['build_s']:.1f}"])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print()
    print(line(header))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    print()
    print("docs = entries in that language's search_index.json (pages + sections); ready = ms from")
    print("the first press of / after load until search is READY; median/p95/max = last keydown -> results")
    print("in the DOM; frame p95 = last keydown -> next animation frame after that.")


@contextlib.contextmanager
def bench_session(prefix: str, keep: bool):
    """A temporary work folder (removed afterwards, unless ``keep``) and a Chromium to measure in."""
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield work, browser
            finally:
                browser.close()
    finally:
        if keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=BUDGET_PAGES,
                        help=f"generated pages per language (default {BUDGET_PAGES})")
    parser.add_argument("--rounds", type=int, default=3,
                        help="times each of the 10 queries is measured per language (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the generated pages")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--skip-real", action="store_true", help="do not benchmark the real site")
    parser.add_argument("--keep", action="store_true", help="keep the temporary build directory")
    args = parser.parse_args(argv)

    results = []
    with bench_session("search-bench-", args.keep) as (work, browser):
        if not args.skip_real:
            project = copy_project(work / "real")
            r = bench_site("real", project, work, browser, QUERIES, args.rounds, None)
            r["label"] = "real site"
            results.append(r)
        project = copy_project(work / "generated")
        t = time.perf_counter()
        add_generated_pages(project, args.pages, args.seed)
        print(f"[generated] wrote {args.pages} pages per language in "
              f"{time.perf_counter() - t:.1f} s", flush=True)
        r = bench_site("generated", project, work, browser, QUERIES, args.rounds, args.pages)
        r["label"] = f"+{args.pages} pages"
        results.append(r)

    print_table(results)
    gen = results[-1]
    worst = max(x["p95_ms"] for x in gen["languages"].values())
    verdict = "PASS" if worst <= BUDGET_MS else "FAIL"
    note = "" if args.pages == BUDGET_PAGES else (
        f"  [indicative only: measured on {args.pages} pages, the budget is for {BUDGET_PAGES}]")
    budget = (f"Budget: ≤ {BUDGET_MS:.0f} ms to results on the {BUDGET_PAGES}-page index "
              f"(p95, worst language: {worst:.1f} ms): {verdict}{note}")
    print()
    print(budget)
    errors = [e for r in results for x in r["languages"].values() for e in x["page_errors"]]
    if errors:
        print(f"page errors seen: {errors}")
    if args.json:
        payload = {
            "budget": {"ms": BUDGET_MS, "pages": BUDGET_PAGES, "measured_pages": args.pages,
                       "worst_p95_ms": worst, "verdict": verdict, "indicative": bool(note)},
            "method": "last keydown (capturing listener, performance.now) -> first DOM mutation of "
                      ".md-search-result after the worker's RESULT for the full query",
            "rounds": args.rounds, "queries": QUERIES, "chromium": CHROMIUM,
            "cpus": os.cpu_count(), "sites": results,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
