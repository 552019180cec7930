"""Varberg's social-media handbook: the MkDocs hooks and the editors' command-line tools.

One module per concern. Shared:

- ``project``            where things are, the languages (read from mkdocs.yml) and the contract
- ``markdown_sections``  finds the headings and their section IDs in a Markdown page
- ``page_metadata``      the front-matter schema, defined once, and its check
- ``content_safety``     refuses content that could run code or load from elsewhere
- ``decompound``         splits Swedish compounds with the Hunspell Swedish dictionary (hunspell-sv)
- ``search_index``       what the build adds to each search index: compounds, anchor texts,
                         navigation and boilerplate sections, synonym groups (pure functions)
- ``search_quality``     scores a question set (tests, benchmark; ``python -m handbook.search_quality``)

MkDocs hooks (listed in mkdocs.yml, in the order they run):

- ``check_pages``        twins, section IDs, the contract, front matter and content, checked first
- ``template_cache``     keeps the compiled templates between builds (.cache/templates/)
- ``contact_details``    the contact page's details, from ``extra.contact``
- ``settings_text``      values only the municipality can state, from mkdocs.yml
- ``split_by_language``  each language's own search index, sitemap and 404 page
- ``search_words``       staff words, synonyms and ranked-lower sections (search_words.yml) in each
                         search index, and the search_index steps
- ``page_facts``         owner, review dates, "last updated" and the overdue banner of each page
- ``external_links``     marks links to other websites
- ``minify``             drops template indentation from pages, comments from our CSS and JS
- ``whole_handbook_pdf`` the whole handbook as a PDF per language (also ``handbook-pdf``)

Command-line tools (``uv run handbook-…``, see pyproject.toml):

- ``link_checker``       follows every internal link and #anchor of the built site
- ``translation_drift``  which English pages lag behind their Swedish original
- ``review_report``      which pages are overdue for review, or due soon
- ``security_headers``   the CSP and other headers of the published site, and deploy/ configs
- ``release``            a dated, verifiable zip of the site for the archive
- ``search_command``     what the site's search finds for a question, and why (``handbook-search``)
"""
