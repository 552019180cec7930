"""Keeps the theme's templates compiled between builds. MkDocs makes a new Jinja environment for
every build and every language, so the 80 templates of Material and ``overrides/`` were parsed
and compiled again each time: 0.65 s of the 0.9 s it takes to build the real site, and of every
live-preview refresh under ``mkdocs serve``. Jinja's own bytecode cache keeps the compiled code
in ``.cache/templates/``, keyed by each template's source, so an edited template is compiled
afresh. Deleting the folder is always safe.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache


def keep_compiled(env: Environment, project_dir: Path) -> None:
    directory = project_dir / ".cache" / "templates"
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(directory))
