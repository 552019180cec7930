"""The handbook's own search, on any engine: each language's index made from the built pages
(``built_search``, ``split_by_language``, ``search_index``), the staff words and sourced glossary
(``search_words``, ``glossary``), Swedish compounds (``decompound``), lexicon links from Synlex and
WordNet (``lexicons``, the committed subset in lexicon_data/), the private log of missed searches
(``search_feedback``, ``search_report``), and the editors' ``handbook-search`` (``search_command``,
which runs the browser's engine, overrides/assets/javascripts/handbook-search-engine.js and its
modules in search/, in Node.js through ``search_query.cjs``) and the figures of a
question set (``search_quality``).

May import: ``handbook.core``.
"""
