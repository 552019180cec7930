"""Steps over a built site folder, whichever engine made it: the build swapped in only when it
succeeded (``atomic_site``), minification (``minify``), the gzipped twins the server sends (``precompress``), the link and anchor check
(``link_checker``), the files written after the pages (``generated_paths``), and the dated,
verifiable release (``release``).

May import: ``handbook.core``, ``handbook.pages``, ``handbook.pdf``.
"""
