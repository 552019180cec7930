"""What a page is and shows, from its front matter and Markdown, whichever engine renders it: the
front-matter schema, twins and section IDs, page facts and the review banner, change notes and
feeds, the contact details and the municipality's values, the mark on external links, and
translation drift.

- ``page_metadata``      the front-matter schema, defined once, and its check
- ``page_structure``     twins, section IDs, the contract
- ``page_facts``         owner, review dates, "last updated", the overdue banner
- ``change_notes``       change notes: checked, and shown on each page, in recent changes, in feeds
- ``contact_details``, ``settings_text``  values from the plugin's settings put into pages
- ``external_links``     marks every link to another website
- ``translation_drift``  which English pages lag behind their Swedish original

May import: ``handbook.core``.
"""
