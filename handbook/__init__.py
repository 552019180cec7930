"""Varberg's social-media handbook: one MkDocs plugin and the editors' command-line tools.

Where each rule lives. The plugin (``plugin``, ``plugins: - handbook`` in mkdocs.yml) runs the
build steps in the order its docstring lists; its settings are ``settings``.

Reading the sources (shared by the build, the commands and the tests):

- ``project``            paths, the languages, the contract, and the one way to read mkdocs.yml
- ``sources``            the one reader of a Markdown page: text, front matter, code fences, headings
- ``i18n``               the one place that knows mkdocs-static-i18n's behaviour; ``Language``
- ``errors``             ``HandbookError``, the one kind of error an editor sees (imports nothing)
- ``git``                the one way to ask git (commit, dates of the last change)

The editors' checks (``checks`` runs them all, for the build and for ``handbook-check``):

- ``config_checks``      mkdocs.yml's languages and the handbook plugin's own entry, checked first

- ``page_structure``     twins, section IDs, the contract
- ``page_metadata``      the front-matter schema, defined once, and its check
- ``html_safety``        the HTML each page becomes, against an allowlist (``attr_guard``: what { … } may set)
- ``content_safety``     a Mermaid diagram, refused early in the source
- ``change_notes``       change notes: checked, and shown on each page, in recent changes, in the feeds
- ``search_words``       staff words and synonyms (search_words.yml), checked and added to search
- ``glossary``           the sourced glossary of staff words in search_words.yml: checked, and given to search as synonym groups
- ``translation_drift``  which English pages lag behind their Swedish original

Build steps (called by the plugin):

- ``atomic_site``        the build goes into a fresh folder, swapped in only when it succeeded
- ``strict_warnings``    MkDocs' warnings stop a strict build whatever the verbosity
- ``preview``            the live preview keeps answering while a page is broken
- ``template_cache``     compiled templates kept between builds (.cache/templates/)
- ``material_seams``     everything that depends on Material's exact output, in one place
- ``contact_details``    the contact page's details
- ``settings_text``      values only the municipality can state (the accessibility statement)
- ``external_links``     marks links to other websites
- ``page_facts``         owner, review dates, "last updated" and the overdue banner of each page
- ``split_by_language``  each language's own search index and 404 page
- ``minify``             no template indentation in pages, no comments in our CSS and JS
- ``search_index``       what each language's search index gets: compounds, link texts, navigation
                         and boilerplate sections, synonym groups (``decompound``: Swedish compounds
                         split with the Hunspell Swedish dictionary)
- ``lexicons``           links from a reader's word to the handbook's, from Synlex and WordNet
                         (the committed subset in lexicon_data/; ``python -m handbook.lexicons --write``)
- ``generated_files``    the PDF and feed files pages may link to, known to MkDocs from the start
- ``search_feedback``    the log of missed searches: its script (or none, when the setting is off)
                         and the rule that makes the words safe
- ``pdf_assemble``, ``pdf_render``, ``pdf_tagging``  the whole handbook as a PDF per language
- ``built_search``       each language's search index from the built pages, whichever engine built them

Command-line tools (``uv run handbook-…``, see pyproject.toml):

- ``checks``             ``handbook-check``: every editor check, without building
- ``build``              ``handbook-build [--engine mkdocs|zensical]``: the site on MkDocs, or on
                         Zensical through a staging copy and the steps over the built site
- ``search_command``     ``handbook-search``: what the search box answers, and why
- ``search_quality``     scores a question set (tests, benchmark)
- ``search_report``      ``handbook-search-report``: the log of missed searches, for the editors
- ``link_checker``       follows every internal link and #anchor of the built site
- ``translation_drift``  ``handbook-mark-translated``
- ``review_report``      which pages are overdue for review, or due soon
- ``change_preview``     ``handbook-preview``: each page a change touches, as readers will see it,
                         with what changed marked (``word_diff``: the words inserted and deleted)
- ``security_headers``   the CSP and other headers of the published site, and deploy/ configs
- ``release``            a dated, verifiable zip of the site for the archive
- ``search_command``     what the site's search finds for a question, and why (``handbook-search``)
"""
