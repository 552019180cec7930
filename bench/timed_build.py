"""`mkdocs build` with the time spent in each plugin and hook measured.

    python bench/timed_build.py TIMINGS.json [mkdocs build options ...]

Runs exactly `mkdocs build [options]` in the current directory, and writes to TIMINGS.json the
*exclusive* time (seconds; nested calls subtracted) spent in

- every event handler of every plugin and hook, keyed "<plugin>:<event>" (hooks are named
  "hooks/<file>.py" by MkDocs, e.g. "hooks/handbook/pages/page_facts.py");
- "mkdocs:markdown" (`_populate_page`: reading a page and converting its Markdown to HTML) and
  "mkdocs:render" (`_build_page`: rendering the page through the theme's templates, i.e.
  Material's nav, header, footer ... and writing the file), both outside the events they fire;
- "total" (wall time of the whole build in this process).

static-i18n builds the other languages inside its `on_post_build`, so their pages are counted
under markdown/render and their events under each plugin, not under i18n. The timer is a
perf_counter() pair around each call (a few hundred thousand calls at most on 2000 pages per
language: well under 1 % of the build).
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from mkdocs import plugins
from mkdocs.commands import build as build_module

_totals: dict[str, float] = defaultdict(float)
_calls: dict[str, int] = defaultdict(int)
_stack: list[float] = []  # time spent in timed children of each open call


def timed(key: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        _stack.append(0.0)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            children = _stack.pop()
            _totals[key] += elapsed - children
            _calls[key] += 1
            if _stack:
                _stack[-1] += elapsed

    if hasattr(fn, "mkdocs_priority"):
        wrapper.mkdocs_priority = fn.mkdocs_priority
    return wrapper


_register = plugins.PluginCollection._register_event


def _register_timed(self, event_name, method, plugin_name=None):
    if not isinstance(method, plugins.CombinedEvent):
        method = timed(f"{plugin_name or '<unknown>'}:{event_name}", method)
    return _register(self, event_name, method, plugin_name=plugin_name)


plugins.PluginCollection._register_event = _register_timed
build_module._populate_page = timed("mkdocs:markdown", build_module._populate_page)
build_module._build_page = timed("mkdocs:render", build_module._build_page)


def main() -> int:
    out = Path(sys.argv[1])
    from mkdocs.__main__ import cli

    start = time.perf_counter()
    code = 0
    try:
        cli.main(["build", *sys.argv[2:]], standalone_mode=False)
    except SystemExit as exc:  # click's abort / MkDocs' "Aborted with N errors"
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception as exc:  # noqa: BLE001 - report like mkdocs does, with a non-zero code
        print(f"ERROR - {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    total = time.perf_counter() - start
    out.write_text(json.dumps({
        "total": round(total, 4),
        "events": {k: {"s": round(v, 4), "calls": _calls[k]} for k, v in sorted(_totals.items())},
    }, indent=1), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
