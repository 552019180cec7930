"""Marks every link to another website, in one place, so editors write plain Markdown links.
The mark is an icon plus visually hidden text in the page's language ("Länk till annan
webbplats" / "Link to another website", from the labels' ``external_link``), which search
leaves out. The link opens in the same window.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from handbook.core.material_seams import SEARCH_EXCLUDE

ICON = (
    '<svg class="handbook-external__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
    'width="1em" height="1em"><path fill="currentColor" d="M14 3v2h3.59l-9.83 9.83 1.41 1.41L19 '
    '6.41V10h2V3h-7M19 19H5V5h7V3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-7h-2v7Z"/></svg>'
)
_LINK = re.compile(r'<a\s([^>]*?)href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S | re.I)


def mark_external_links(html: str, site_host: str, label: str) -> str:
    def replace(match: re.Match) -> str:
        before, url, after, text = match.groups()
        if urlsplit(url).netloc == site_host:
            return match.group(0)
        attrs = re.sub(r'\s*target="[^"]*"', "", f"{before}{after}").strip()
        classes = re.search(r'class="([^"]*)"', attrs)
        if classes:
            attrs = attrs.replace(classes.group(0), f'class="{classes.group(1)} handbook-external"')
        else:
            attrs = (attrs + ' class="handbook-external"').strip()
        # The hidden text is for screen readers, not for search.
        hidden = f'<span class="handbook-visually-hidden" {SEARCH_EXCLUDE}> ({label})</span>'
        return f'<a href="{url}" {attrs}>{text}{ICON}{hidden}</a>'

    return _LINK.sub(replace, html)
