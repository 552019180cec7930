"""What the communications unit runs and reads: every editor check in one place (``checks``:
the build and ``handbook-check`` call the same functions), the preview of a change with the
words that changed marked (``change_preview``, ``word_diff``), and the review report
(``review_report``).

May import: ``handbook.core``, ``handbook.pages``, ``handbook.safety``, ``handbook.search``,
``handbook.pdf``, ``handbook.site``; never ``handbook.engine``.
"""
