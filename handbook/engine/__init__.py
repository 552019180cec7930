"""The two engines' adapters, and nothing the handbook adds of its own: the MkDocs plugin
(``plugin``, a thin class that calls the other parts at MkDocs' events) with what only MkDocs
needs (``generated_files``, ``preview``, ``strict_warnings``, ``template_cache``), and
``handbook-build`` (``build``), which builds with MkDocs or with Zensical through zensical-i18n
and runs the same steps over the built site.

May import: ``handbook.core``, ``handbook.pages``, ``handbook.safety``, ``handbook.search``,
``handbook.pdf``, ``handbook.site``, ``handbook.editors``: every part. Nothing imports it but
the entry points (pyproject.toml).
"""
