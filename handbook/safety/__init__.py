"""What keeps a pull request from harming readers: what ``{ … }`` may set (``attr_guard``, a
Python-Markdown extension both engines load), the HTML allowlist each page is checked against
(``html_safety``), Mermaid refused in the source (``content_safety``), and the HTTP security
headers and CSP hashes of the built site (``security_headers``, also deploy/).

May import: ``handbook.core``.
"""
