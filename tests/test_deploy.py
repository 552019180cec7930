"""The promises of deploy/: the site is served with the security headers it needs - a
Content-Security-Policy without 'unsafe-inline', as handbook/safety/security_headers.py computes it
(one policy for the MkDocs and the Zensical build: what this build needs and other builds' hashes;
tests/test_zensical.py holds it to exactly both) - each language's own 404 page, gzip for text, and
hashed assets cached for a year while everything else is revalidated.

nginx is tested on its real answers: Debian's nginx serves the build with deploy/nginx.conf,
only its port and root changed (the `nginx` fixture, tests/nginx.py); that in Chromium no page
breaks the policy and search still works is in tests/test_every_page.py. IIS cannot run here, so deploy/web.config is read and
checked against the same definitions.
"""

from __future__ import annotations

import gzip
import http.client
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import pytest

from handbook.safety import security_headers as sh
from handbook.search.search_command import engine_files
from tests import nginx as nginx_server

REGENERATE = (
    "Regenerate the deploy configs from fresh builds of both engines (one policy serves both): "
    "`uv run handbook-build --site-dir site && uv run handbook-build --engine zensical --site-dir site-zensical "
    "&& uv run handbook-security-headers site site-zensical --write-deploy`"
)
HASH = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")
MISSING = "ingen-sadan-sida/"  # no page has this name, in either language


# --- reading web.config (IIS cannot run here) --------------------------------------------------

def _iis():
    return ET.parse(sh.WEB_CONFIG).getroot()


def _iis_headers(root) -> dict[str, str]:
    custom = root.find("system.webServer/httpProtocol/customHeaders")
    return {add.get("name"): add.get("value") for add in custom.findall("add")}


def _directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


def _site_files(site) -> list[str]:
    """Every file of the build as a URL path without the leading slash ('assets/…')."""
    return sorted(p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*") if p.is_file())


# --- asking the real nginx ----------------------------------------------------------------------

@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes


class Client:
    """Plain HTTP/1.1 requests over one kept-alive connection, as a browser sends them."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)

    def get(self, path: str, **headers: str) -> Answer:
        self.connection.request("GET", "/" + path.lstrip("/"), headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = self.connection.getresponse()
        return Answer(response.status, response.headers, response.read())


@pytest.fixture
def client(server):
    http_client = Client(server)
    yield http_client
    http_client.connection.close()


def _url_paths(site) -> list[str]:
    """Every file of the build, and every page also at its folder address ('en/', 'x/')."""
    files = _site_files(site)
    return files + [f[: -len("index.html")] for f in files if f.endswith("index.html")]


# --- the configs --------------------------------------------------------------------------------

def test_the_deploy_configs_carry_the_csp_the_site_needs_and_besides_it_only_hashes(site):
    """deploy/ holds one policy for the MkDocs and the Zensical build: what this build needs, and
    only hashes of inline code besides (tests/test_zensical.py holds it to exactly both builds')."""
    needed, deployed = sh.content_security_policy(site.dir), sh.deployed_policy()
    assert _iis_headers(_iis()).get("Content-Security-Policy") == deployed, (
        f"deploy/web.config sends another CSP than deploy/nginx.conf.\n{REGENERATE}")
    assert sh.missing_sources(deployed, site.dir) == [], f"deploy/ lacks what the built site needs.\n{REGENERATE}"
    ours, theirs = _directives(needed), _directives(deployed)
    assert list(theirs) == list(ours)
    besides = {name: [s for s in theirs[name] if s not in ours[name]] for name in theirs}
    assert all(HASH.fullmatch(s) for sources in besides.values() for s in sources), besides
    assert {name for name, sources in besides.items() if sources} <= {"script-src", "style-src"}, besides
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in theirs[name] and "'unsafe-eval'" not in theirs[name]
    hashes = sh.inline_script_hashes(site.dir)
    assert hashes and set(hashes) <= set(theirs["script-src"]), "Material's inline scripts are allowed by hash"
    assert theirs["object-src"] == ["'none'"]
    # The generated blocks are what --write-deploy writes, with that policy (nginx also sends them
    # below); every hashed file of this build is cached for a year by IIS (the next test).
    nginx_text, iis_text = sh.NGINX_CONF.read_text(encoding="utf-8"), sh.WEB_CONFIG.read_text(encoding="utf-8")
    assert sh.block_between(nginx_text, sh.BEGIN, sh.END) == sh.nginx_block(site.dir).replace(needed, deployed), REGENERATE
    assert sh.block_between(iis_text, sh.BEGIN, sh.END) == sh.web_config_block(site.dir).replace(needed, deployed), REGENERATE


def test_the_iis_config_sets_the_security_and_cache_headers_and_a_404_page_per_language(site):
    root = _iis()
    headers = _iis_headers(root)
    for name, value in sh.HEADERS.items():
        assert headers.get(name) == value, f"deploy/web.config does not send {name}: {value}"
    assert sh.HEADERS["X-Content-Type-Options"] == "nosniff"
    assert sh.HEADERS["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin")
    for feature in ("camera", "microphone", "geolocation", "browsing-topics"):
        assert f"{feature}=()" in sh.HEADERS["Permissions-Policy"]

    # Each language's own 404 page.
    errors = root.find("system.webServer/httpErrors")
    assert errors.find("error[@statusCode='404']").get("path") == "/404.html"
    (en,) = [loc for loc in root.findall("location") if loc.get("path") == "en"]
    assert en.find("system.webServer/httpErrors/error[@statusCode='404']").get("path") == "/en/404.html"
    assert (site.dir / "404.html").is_file() and (site.dir / "en" / "404.html").is_file()

    # Cache-Control for every file of the build: IIS as security_headers says.
    assert root.find("system.webServer/staticContent/clientCache").get("cacheControlMode") == "DisableCache"
    iis_immutable = {}
    for loc in root.findall("location"):
        cache = loc.find("system.webServer/staticContent/clientCache")
        if cache is not None:
            iis_immutable[loc.get("path")] = cache
    for path, cache in iis_immutable.items():
        assert cache.get("cacheControlMode") == "UseMaxAge" and cache.get("cacheControlMaxAge") == "365.00:00:00"
        assert cache.get("cacheControlCustom") == "public, immutable", path
    for file in _site_files(site):
        iis = sh.CACHE_IMMUTABLE if file in iis_immutable else sh.CACHE_REVALIDATE
        assert iis == sh.cache_control("/" + file), f"IIS caches {file} wrongly.\n{REGENERATE}"


def test_the_csp_hashes_every_inline_script_the_browser_runs_and_nothing_else(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head><script>run()</script><script type="module">mod()</script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script><script type="text/javascript">a<b&&c()</script></head></html>',
        encoding="utf-8",
    )
    assert sh.inline_script_hashes(tmp_path) == sorted(sh._sha256(c) for c in ("run()", "mod()", "a<b&&c()"))
    assert "style-src 'self';" in sh.content_security_policy(tmp_path)
    (tmp_path / "index.html").write_text('<a href="#" onclick="go()">x</a>', encoding="utf-8")
    with pytest.raises(ValueError, match="event handler"):
        sh.content_security_policy(tmp_path)


# --- nginx, on its real answers -----------------------------------------------------------------

def _config_files(dump: str) -> dict[str, str]:
    """`nginx -T` output as {file: text}: each file nginx read, as it read it."""
    parts = re.split(r"(?m)^# configuration file (.+):\n", dump)
    return {name: text.rstrip() for name, text in zip(parts[1::2], parts[2::2])}


def test_nginx_serves_deploy_nginx_conf_with_only_its_port_root_and_search_log_changed(nginx, site):
    files = _config_files(nginx.dump())
    # Nothing else is read: the wrapper (tests/nginx.py) and Debian's MIME types.
    assert set(files) == {str(nginx.config), str(nginx_server.MIME_TYPES), str(nginx.site_config)}, sorted(files)
    deploy = sh.NGINX_CONF.read_text(encoding="utf-8").rstrip()
    changed = nginx_server.changed_lines(deploy, files[str(nginx.site_config)])
    port = urlsplit(nginx.url).port
    listen = next(line for line in deploy.splitlines() if line.strip() == "listen 80;")
    root = next(line for line in deploy.splitlines() if line.strip().startswith("root "))
    log = next(line for line in deploy.splitlines() if nginx_server.SEARCH_LOG in line)
    assert changed == [
        (listen, listen.replace("listen 80;", f"listen 127.0.0.1:{port};")),
        (root, root[: root.index("root ")] + f'root "{site.dir}";'),
        (log, log.replace(nginx_server.SEARCH_LOG, f'"{nginx.search_log}"')),
    ], "nginx serves another config than deploy/nginx.conf with its port, root and search log changed"


def test_every_answer_of_nginx_carries_the_security_headers_the_build_needs(site, client):
    # The policy deploy/ holds for both engines' builds, which allows all this build needs (above).
    expected = {**sh.all_headers(site.dir), "Content-Security-Policy": sh.deployed_policy()}
    wrong = []
    # Every file, every page at its folder address, the 404 pages and a redirect (a folder
    # without its slash): "always" puts the headers on error and redirect answers too.
    for path in _url_paths(site) + [MISSING, "en/" + MISSING, "en"]:
        answer = client.get(path)
        assert answer.status in (200, 301, 404), (path, answer.status)
        for name, value in expected.items():
            if answer.headers.get(name) != value:
                wrong.append(f"/{path} ({answer.status}): {name}: {answer.headers.get(name)!r}")
    assert not wrong, "nginx does not send the headers security_headers.py defines:\n" + "\n".join(wrong[:20])
    assert "'unsafe-inline'" not in _directives(expected["Content-Security-Policy"])["script-src"]


def test_nginx_caches_hashed_assets_for_a_year_and_everything_else_until_it_changes(site, client):
    wrong, immutable = [], set()
    for path in _url_paths(site) + [MISSING, "en/" + MISSING]:
        got = client.get(path).headers.get("Cache-Control")
        if got != sh.cache_control("/" + path):
            wrong.append(f"/{path}: {got!r}, should be {sh.cache_control('/' + path)!r}")
        if got == sh.CACHE_IMMUTABLE:
            immutable.add(path)
    assert not wrong, "nginx caches wrongly:\n" + "\n".join(wrong)
    # Named on purpose: Material's hashed files for a year, ours and the content only until changed.
    for pattern in (r"stylesheets/main\.\w{8}\.min\.css", r"javascripts/bundle\.\w{8}\.min\.js"):
        assert any(re.search(pattern + "$", f) for f in immutable), f"no hashed asset matches {pattern}"
    files = _site_files(site)
    for own in ("index.html", "en/index.html", "404.html", "search/search_index.json",
                "en/search/search_index.json", "sitemap.xml", "assets/javascripts/language-switch.js",
                "assets/javascripts/search-results.js", "assets/javascripts/search-dialog.js",
                "assets/javascripts/workers/handbook-search.js",
                "assets/javascripts/material-seams.js", "assets/javascripts/handbook-search-engine.js",
                "assets/javascripts/navigation-drawer.js", "assets/stylesheets/handbook.css", "feed.xml", "en/feed.xml",
                *(p.relative_to(site.dir).as_posix() for p in engine_files(site.dir))):
        assert own in files and own not in immutable, f"{own} must not be cached as immutable"
    # "Revalidated" is cheap: an unchanged page answers 304 without a body.
    page = client.get("en/")
    for validator, header in (("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since")):
        again = client.get("en/", **{header: page.headers[validator]})
        assert (again.status, again.body) == (304, b""), f"{header} does not give 304"


@pytest.mark.parametrize("suffix, content_type", [
    (".html", "text/html; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".js", "application/javascript; charset=utf-8"),
    (".json", "application/json; charset=utf-8"),
])
def test_nginx_sends_html_css_js_and_json_as_utf8_gzipped_to_browsers_that_accept_it(site, client, suffix, content_type):
    files = [f for f in _site_files(site) if f.endswith(suffix)]
    assert files
    for file in files:
        original = (site.dir / file).read_bytes()
        packed = client.get(file, Accept_Encoding="gzip, deflate, br")
        assert packed.headers.get("Content-Type") == content_type, file
        assert packed.headers.get("Content-Encoding") == "gzip", f"/{file} is not gzipped"
        assert packed.headers.get("Vary") == "Accept-Encoding", f"/{file}: caches could mix gzipped and plain"
        unpacked_is_the_file = gzip.decompress(packed.body) == original
        assert unpacked_is_the_file, f"/{file} gzipped is not the file"
        plain = client.get(file)
        plain_is_the_file = plain.headers.get("Content-Encoding") is None and plain.body == original
        assert plain_is_the_file, f"/{file} without Accept-Encoding is not the plain file"


def test_nginx_sends_each_page_and_what_it_loads_as_the_smaller_gzip_the_build_made(site, client):
    twins = sorted(p for p in site.dir.rglob("*.gz") if p.name != "sitemap.xml.gz")
    names = {p.relative_to(site.dir).as_posix() for p in twins}
    # Every page, and the theme's stylesheet and bundle: most of a first view's bytes.
    assert {"index.html.gz", "en/facebook-konton/index.html.gz"} <= names
    assert any(re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css\.gz", n) for n in names)
    assert any(re.fullmatch(r"assets/javascripts/bundle\.\w+\.min\.js\.gz", n) for n in names)
    for path in twins:
        file = path.with_suffix("")
        rel = file.relative_to(site.dir).as_posix()
        assert gzip.decompress(path.read_bytes()) == file.read_bytes(), f"{rel}.gz is not {rel} (a step wrote after it)"
        assert len(path.read_bytes()) <= len(gzip.compress(file.read_bytes(), 6)), f"{rel}.gz is no smaller than level 6"
        sent = client.get(rel.removesuffix("index.html"), Accept_Encoding="gzip")
        assert sent.body == path.read_bytes(), f"nginx did not send {rel}.gz for /{rel}"


def test_a_rebuilt_file_gets_a_new_twin_and_one_that_would_not_be_smaller_none(tmp_path):
    from handbook.site import precompress

    site_dir, cache = tmp_path / "site", tmp_path / "cache"
    (site_dir / "a").mkdir(parents=True)
    page = site_dir / "a" / "index.html"
    page.write_text('<link rel="stylesheet" href="../x.css"><p>' + "text " * 200, encoding="utf-8")
    (site_dir / "x.css").write_text("p { color: red }\n" * 100, encoding="utf-8")
    (site_dir / "unused.css").write_text("p { color: blue }\n" * 100, encoding="utf-8")
    assert precompress.precompress_site(site_dir, cache=cache) == 2
    assert sorted(p.name for p in site_dir.rglob("*.gz")) == ["index.html.gz", "x.css.gz"]
    assert len(list(cache.iterdir())) == 1  # the loaded stylesheet, by Zopfli; the page at level 9
    page.write_text('<link rel="stylesheet" href="../x.css"><p>short</p>', encoding="utf-8")  # too small to gain
    (site_dir / "x.css").write_text("p { color: green }\n" * 100, encoding="utf-8")
    precompress.precompress_site(site_dir, cache=cache)
    assert not (site_dir / "a" / "index.html.gz").exists()
    assert gzip.decompress((site_dir / "x.css.gz").read_bytes()) == (site_dir / "x.css").read_bytes()
    page.write_text("<p>No stylesheet any more.</p>", encoding="utf-8")
    precompress.precompress_site(site_dir, cache=cache)
    assert list(site_dir.rglob("*.gz")) == [], "a twin of a file no page loads would be sent stale"


@pytest.mark.parametrize("prefix, lang", [("", "sv"), ("en/", "en")])
def test_nginx_answers_a_missing_page_with_404_and_the_404_page_of_its_language(site, client, prefix, lang):
    page = (site.dir / prefix / "404.html").read_bytes()
    assert f'<html lang="{lang}"'.encode() in page
    for path in (prefix + MISSING, prefix + "saknas.html", prefix + "assets/saknas.js", prefix + "search/"):
        answer = client.get(path)
        assert answer.status == 404, f"/{path}: {answer.status}"
        right_page = answer.body == page  # (not compared in the message: two whole pages)
        assert right_page, f"/{path} does not get {prefix}404.html (lang {lang})"
        assert answer.headers.get("Content-Type") == "text/html; charset=utf-8"

