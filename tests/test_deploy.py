"""The promises of deploy/: the nginx and IIS configs send the security headers the built site
needs - a Content-Security-Policy without 'unsafe-inline' for scripts, exactly as
handbook/security_headers.py computes it - and cache hashed assets for a year and everything
else only until it changes. In Chromium, no page breaks that policy and search still works.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import xml.etree.ElementTree as ET

import pytest

from handbook import security_headers as sh
from tests.conftest import ROOT, Site, _SiteHandler, build, free_port
from tests.search import answers

REGENERATE = (
    "Regenerate the deploy configs from a fresh build: "
    "`uv run mkdocs build && uv run python -m handbook.security_headers site --write-deploy`"
)


# --- reading the configs ----------------------------------------------------------------------

def _nginx_tree(text: str) -> list:
    """nginx.conf as nested [words, children] (children None for a simple directive)."""
    tokens = re.findall(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[{};]|[^\s{};"\']+', re.sub(r"(?m)#.*$", "", text))
    stack, words = [[]], []
    for token in tokens:
        if token == "{":
            block = [words, []]
            stack[-1].append(block)
            stack.append(block[1])
            words = []
        elif token == "}":
            stack.pop()
        elif token == ";":
            stack[-1].append([words, None])
            words = []
        else:
            words.append(token[1:-1] if token[0] in "\"'" else token)
    return stack[0]


def _find(tree: list, name: str) -> list:
    return [node for node in tree if node[0] and node[0][0] == name]


def _nginx():
    tree = _nginx_tree(sh.NGINX_CONF.read_text(encoding="utf-8"))
    (server,) = _find(tree, "server")
    (cache_map,) = _find(tree, "map")
    return server[1], cache_map


def _nginx_headers(server: list) -> dict[str, str]:
    return {words[1]: words[2] for words, _ in _find(server, "add_header")}


def _nginx_cache_control(cache_map, url_path: str) -> str:
    """What nginx's map gives $handbook_cache_control for a path (its regexes are PCRE = re here)."""
    entries = [words for words, _ in cache_map[1]]
    for words in entries:
        if words[0].startswith("~") and re.search(words[0][1:], url_path):
            return words[1]
    return next(words[1] for words in entries if words[0] == "default")


def _iis():
    return ET.parse(sh.WEB_CONFIG).getroot()


def _iis_headers(root) -> dict[str, str]:
    custom = root.find("system.webServer/httpProtocol/customHeaders")
    return {add.get("name"): add.get("value") for add in custom.findall("add")}


def _directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


# --- the configs ------------------------------------------------------------------------------

def test_the_deploy_configs_carry_exactly_the_csp_the_site_needs(site):
    expected = sh.content_security_policy(site.dir)
    server, _ = _nginx()
    configs = {
        "deploy/nginx.conf": _nginx_headers(server).get("Content-Security-Policy"),
        "deploy/web.config": _iis_headers(_iis()).get("Content-Security-Policy"),
    }
    for config, csp in configs.items():
        assert csp == expected, f"{config} has another CSP than the built site needs.\n{REGENERATE}"
    script_src = _directives(expected)["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    hashes = sh.inline_script_hashes(site.dir)
    assert hashes and set(hashes) <= set(script_src), "Material's inline scripts are allowed by hash"
    assert _directives(expected)["object-src"] == ["'none'"]
    # The generated blocks are exactly what --write-deploy writes now.
    nginx_text, iis_text = sh.NGINX_CONF.read_text(encoding="utf-8"), sh.WEB_CONFIG.read_text(encoding="utf-8")
    assert sh.block_between(nginx_text, sh.BEGIN, sh.END) == sh.nginx_block(site.dir), REGENERATE
    assert sh.block_between(iis_text, sh.BEGIN, sh.END) == sh.web_config_block(site.dir), REGENERATE
    assert sh.block_between(iis_text, sh.BEGIN_CACHE, sh.END_CACHE) == sh.web_config_cache_block(site.dir), REGENERATE


def test_the_deploy_configs_set_the_security_and_cache_headers(site):
    server, cache_map = _nginx()
    root = _iis()
    for config, headers in (("deploy/nginx.conf", _nginx_headers(server)), ("deploy/web.config", _iis_headers(root))):
        for name, value in sh.HEADERS.items():
            assert headers.get(name) == value, f"{config} does not send {name}: {value}"
    assert sh.HEADERS["X-Content-Type-Options"] == "nosniff"
    assert sh.HEADERS["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin")
    for feature in ("camera", "microphone", "geolocation", "browsing-topics"):
        assert f"{feature}=()" in sh.HEADERS["Permissions-Policy"]

    # nginx: headers only at server level ("always", so 404 pages get them too). An add_header
    # inside a location would silently drop every server-level one for that location.
    for words, _ in _find(server, "add_header"):
        assert words[-1] == "always", f"nginx add_header {words[1]} lacks 'always'"
    assert _nginx_headers(server).get("Cache-Control") == "$handbook_cache_control"
    assert cache_map[0][1:] == ["$uri", "$handbook_cache_control"]
    locations = {tuple(words[1:]): children for words, children in _find(server, "location")}
    for path, children in locations.items():
        assert not _find(children, "add_header"), f"nginx location {path} must not use add_header"
    # nginx and IIS: each language's own 404 page.
    assert ["error_page", "404", "/404.html"] in [w for w, _ in server]
    assert ["error_page", "404", "/en/404.html"] in [w for w, _ in locations[("/en/",)]]
    errors = root.find("system.webServer/httpErrors")
    assert errors.find("error[@statusCode='404']").get("path") == "/404.html"
    (en,) = [loc for loc in root.findall("location") if loc.get("path") == "en"]
    assert en.find("system.webServer/httpErrors/error[@statusCode='404']").get("path") == "/en/404.html"
    assert (site.dir / "404.html").is_file() and (site.dir / "en" / "404.html").is_file()

    # Cache-Control for every file of the build: the same in nginx, IIS and security_headers.
    assert root.find("system.webServer/staticContent/clientCache").get("cacheControlMode") == "DisableCache"
    iis_immutable = {}
    for loc in root.findall("location"):
        cache = loc.find("system.webServer/staticContent/clientCache")
        if cache is not None:
            iis_immutable[loc.get("path")] = cache
    for path, cache in iis_immutable.items():
        assert cache.get("cacheControlMode") == "UseMaxAge" and cache.get("cacheControlMaxAge") == "365.00:00:00"
        assert cache.get("cacheControlCustom") == "public, immutable", path
    files = sorted(p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*") if p.is_file())
    for file in files:
        expected = sh.cache_control("/" + file)
        assert _nginx_cache_control(cache_map, "/" + file) == expected, f"nginx caches {file} wrongly"
        iis = sh.CACHE_IMMUTABLE if file in iis_immutable else sh.CACHE_REVALIDATE
        assert iis == expected, f"IIS caches {file} wrongly.\n{REGENERATE}"
    # Named on purpose: Material's hashed files for a year, ours and the content only until changed.
    immutable = {f for f in files if sh.cache_control("/" + f) == sh.CACHE_IMMUTABLE}
    for pattern in (r"stylesheets/main\.\w{8}\.min\.css", r"javascripts/bundle\.\w{8}\.min\.js",
                    r"workers/search\.\w{8}\.min\.js"):
        assert any(re.search(pattern + "$", f) for f in immutable), f"no hashed asset matches {pattern}"
    for own in ("index.html", "en/index.html", "404.html", "search/search_index.json",
                "en/search/search_index.json", "sitemap.xml", "assets/javascripts/language-switch.js",
                "assets/javascripts/search-no-results.js", "assets/javascripts/workers/handbook-search.js",
                "assets/stylesheets/handbook.css"):
        assert own in files and own not in immutable, f"{own} must not be cached as immutable"


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


# --- in Chromium ------------------------------------------------------------------------------

_COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}: ${e.sample}`));
"""


def _serve_with_headers(directory, headers: dict[str, str], languages):
    """The built site, served like conftest's server but with the production headers."""

    class Handler(_SiteHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Cache-Control", sh.cache_control(self.path.split("?")[0]))
            super().end_headers()

    Handler.languages = languages
    port = free_port()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{port}/"


def test_with_the_production_csp_no_page_violates_it_and_search_still_works(site, browser, tmp_path):
    # The exact headers of deploy/nginx.conf (the first test shows web.config sends the same).
    server, _ = _nginx()
    headers = {k: v for k, v in _nginx_headers(server).items() if k != "Cache-Control"}
    assert "Content-Security-Policy" in headers
    # A build of its own for this server's address, so every request stays on one origin.
    httpd = None
    try:
        httpd, url = _serve_with_headers(tmp_path / "site", headers, site.languages)
        result = build(ROOT, tmp_path / "site", url)
        assert result.returncode == 0, result.stderr
        port_site = Site(tmp_path / "site", url, site.languages, site.contract)

        context = browser.new_context()
        context.add_init_script(_COLLECT_VIOLATIONS)
        page = context.new_page()
        violations, errors, elsewhere = [], [], []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        # A blocked importScripts in the search worker surfaces as an error of the page.
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith((url, "data:")) else None)

        visits = [(port_site.page_url(lang, name), 200) for lang in site.languages for name in site.pages(lang)]
        visits += [(url + "no-such-page/", 404), (url + "en/no-such-page/", 404)]
        for address, status in visits:
            response = page.goto(address)
            assert response.status == status, address
            assert response.headers.get("content-security-policy") == headers["Content-Security-Policy"]
            page.wait_for_load_state("networkidle")
            violations += page.evaluate("window.__csp")

        queries = {"sv": "facebook", "en": "account"}
        for lang in site.languages:
            home = url + lang.url_prefix()
            page.goto(home)
            found = answers(page, queries[lang.locale])
            assert found, f"search on {home} finds nothing under the production CSP"
            others = [a for a in found if (a.startswith(url + "en/")) != (lang.locale == "en")]
            assert not others, f"search on {home} found pages of the other language: {others}"
            violations += page.evaluate("window.__csp")
        context.close()
    finally:
        if httpd:
            httpd.shutdown()

    assert not violations, "The production CSP blocks something:\n" + "\n".join(violations)
    assert not errors, "Errors under the production CSP:\n" + "\n".join(errors)
    assert not elsewhere, f"Requests to another origin: {elsewhere}"
