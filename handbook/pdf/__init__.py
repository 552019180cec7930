"""The whole handbook as one PDF per language, from the built pages of either engine: one HTML
document (``pdf_assemble``), rendered by WeasyPrint (``pdf_render``, ``handbook-pdf``), with its
structure tree corrected (``pdf_tagging``); its stylesheet is pdf.css.

May import: ``handbook.core``.
"""
