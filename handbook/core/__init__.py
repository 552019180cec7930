"""The sources and the project, which every other part reads: where the pages are, the languages,
the contract of required sections, mkdocs.yml and the handbook plugin's settings schema, git, and
the one kind of error an editor sees.

- ``project``         paths, the languages, the contract, and the one way to read mkdocs.yml
- ``sources``         the one reader of a Markdown page: text, front matter, code fences, headings
- ``i18n``            the one place that knows mkdocs-static-i18n's behaviour; ``Language``
- ``settings``        the schema of ``plugins: - handbook:`` in mkdocs.yml
- ``config_checks``   mkdocs.yml's languages and the handbook plugin's own entry, checked first
- ``material_seams``  everything the Python knows about Material's exact HTML, in one place
- ``errors``          ``HandbookError`` (imports nothing)
- ``git``             the one way to ask git

May import: nothing else of the handbook.
"""
