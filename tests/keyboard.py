"""Driving a page with real key presses, and measuring what the reader sees, in Chromium.

Each measure first brings the page's running transitions to their end (Material fades its search
and its language list out over half a second, and a permalink in on focus), so that it judges
what the reader sees once the page is still, not a frame of a fade, without waiting for it.
"""

from __future__ import annotations

_SETTLE = """() => document.getAnimations().forEach(a => { try { a.finish(); } catch (infinite) {} })"""

# The focused element, as the reader sees it: does it show a focus indicator, is it on screen and
# not covered, faded out or hidden (the point at the middle of one of its boxes is itself or its
# content), and is it inside the navigation drawer while the drawer is closed (the drawer is
# position: fixed while it is a drawer, sticky while it is a sidebar).
_FOCUS = """() => {
  (""" + _SETTLE + """)();
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const indicator = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== 'none' || s.textDecorationLine.includes('underline');
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  let seen = 'off screen';
  const onScreen = [...el.getClientRects()].some(r => {
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (r.width < 1 || r.height < 1 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    seen = hit ? `under <${hit.tagName.toLowerCase()} class="${hit.className}">` : 'off screen';
    return !!hit && (hit === el || el.contains(hit));
  });
  const drawer = el.closest('.md-sidebar--primary');
  const label = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ');
  return {
    what: `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.getAttribute('href') || ''} "${label.slice(0, 40)}"`,
    href: el.getAttribute('href'),
    indicator,
    visible: onScreen && opacity > 0.5 && s.visibility === 'visible',
    seen: onScreen ? `opacity ${opacity}, visibility ${s.visibility}` : seen,
    in_closed_drawer: !!drawer && getComputedStyle(drawer).position === 'fixed'
      && !document.getElementById('__drawer').checked,
    in_drawer: !!drawer,
    in_header: !!el.closest('.md-header'),
    expanded: el.getAttribute('aria-expanded'),
    text: (el.innerText || '').trim(),
    tag: el.tagName,
  };
}"""


def settle(page) -> None:
    page.evaluate(_SETTLE)


def focused(page) -> dict | None:
    """The focused element, measured once the page has settled (None: nothing is focused). Not
    visible yet: measured again a little later, as Material reacts to some focus changes (search
    opens when its box is focused) a frame or two after them."""
    for _ in range(3):
        stop = page.evaluate(_FOCUS)
        if stop is None or stop["visible"]:
            break
        page.wait_for_timeout(150)
    return stop


def tab(page, shift: bool = False) -> dict | None:
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    return focused(page)


def tab_stops(page, limit: int = 80, from_the_end: bool = False) -> list[dict]:
    """Every tab stop of the page from the top, in order, until focus leaves the page; with
    ``from_the_end``, with the page scrolled to its end first (as after a round of Tab)."""
    if from_the_end:
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    stops = []
    for _ in range(limit):
        stop = tab(page)
        if stop is None or (stops and stop["what"] == stops[0]["what"]):
            break
        stops.append(stop)
    return stops


def tab_until(page, condition, limit: int = 60) -> dict | None:
    """Presses Tab until the focused element meets ``condition``; None if it never does."""
    for _ in range(limit):
        stop = tab(page)
        if stop is not None and condition(stop):
            return stop
    return None


# Font size, weight and contrast (of its colour on the page's background) of every heading of
# the page's text.
HEADINGS = """() => {
  const rgba = c => c.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = rgba(getComputedStyle(document.body).backgroundColor);
  return [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')].map(h => {
    const s = getComputedStyle(h), [r, g, b, a = 1] = rgba(s.color);
    const shown = [r, g, b].map((v, i) => v * a + background[i] * (1 - a));
    const [light, dark] = [luminance(shown), luminance(background)].sort((x, y) => y - x);
    return {tag: h.tagName, text: h.textContent.replace('¶', '').trim(), size: parseFloat(s.fontSize),
            weight: parseInt(s.fontWeight), contrast: (light + 0.05) / (dark + 0.05)};
  });
}"""

# How often ``name`` is shown on screen: text on the page that contains it and that the reader
# can see (not hidden, faded out or off screen).
TIMES_SHOWN = """name => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.includes(name) || el.closest('script, title')) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
    const r = el.getBoundingClientRect();
    if (opacity > 0.1 && r.width > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight) count++;
  }
  return count;
}"""

# Headings whose "¶" permalink sits on a line of its own: its box starts below the last
# character of the heading's text.
LONE_PERMALINKS = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6) > a.headerlink')].filter(link => {
  const heading = link.parentElement, walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!link.contains(n) && n.data.trim()) last = n;
  const range = document.createRange(), end = last.data.trimEnd().length;
  range.setStart(last, end - 1);
  range.setEnd(last, end);
  return link.getClientRects()[0].top >= range.getBoundingClientRect().bottom - 1;
}).map(link => '#' + link.parentElement.id)"""
