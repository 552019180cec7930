"""Varberg's social-media handbook: the MkDocs hooks and the editors' command-line tools.

One module per concern:

- ``project``            where things are, the languages (read from mkdocs.yml) and the contract
- ``markdown_sections``  finds the headings and their section IDs in a Markdown page
- ``check_pages``        MkDocs hook: twins, section IDs and the contract, checked before building
- ``contact_details``    MkDocs hook: the contact page's details, from ``extra.contact``
- ``language_links``     MkDocs hook: the language switcher and hreflang point at the twin page
- ``link_checker``       walks the built HTML and follows every internal link and #anchor
"""
