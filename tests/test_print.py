"""Promises about printing: the guidance only, link addresses shown, and a dated stamp."""

from __future__ import annotations

import datetime as dt


def test_a_printed_page_has_no_chrome_shows_link_addresses_and_a_dated_stamp(site, open_page):
    for lang, stamp_start in ((site.languages[0], "Utskriven "), (site.languages[1], "Printed ")):
        page, _, _ = open_page(site.page_url(lang, "facebook-konton.md"))
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".handbook-search-button"):
            assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
        link = page.locator("a.handbook-external").first
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in after
        stamp = page.locator(".handbook-print-stamp")
        assert stamp.is_visible()
        text = stamp.inner_text()
        today = dt.date.today()
        assert text.startswith(stamp_start) and str(today.year) in text and str(today.day) in text
        assert text.endswith(site.page_url(lang, "facebook-konton.md"))
        page.emulate_media(media="screen")
        assert not stamp.is_visible()
