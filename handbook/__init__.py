"""Varberg's social-media handbook: what it adds to its Markdown, on MkDocs or on Zensical.

One subpackage per capability; each one's docstring says what it owns and what it may import.
The layers, from the bottom (a part imports only parts above it in this list):

- ``core``     the sources, the languages, mkdocs.yml and the plugin's settings, git, errors
- ``pages``    front matter, page facts and the review banner, change notes and feeds
- ``safety``   the ``{ … }`` guard, the HTML allowlist, security headers and CSP
- ``search``   the handbook's own search index, words, lexicons, the log of missed searches
- ``pdf``      the whole handbook as a PDF per language
- ``site``     steps over the built site folder: minify, links and anchors, release
- ``editors``  every editor check, the change preview, the review report
- ``engine``   the MkDocs plugin (a thin adapter) and ``handbook-build`` for either engine

The commands (``uv run handbook-…``) are listed in pyproject.toml; ``mkdocs.yml`` loads the plugin
(``plugins: - handbook``) and the Markdown extension ``handbook.safety.attr_guard``.
"""
