"""Refusals that do not depend on the log level.

In strict mode MkDocs fails a build that logged warnings (a broken link, an unknown #anchor, a
page left out of the navigation). But ``mkdocs build -q`` raises the log level to ERROR, so those
warnings were never logged, never counted, and the broken site built with exit code 0. Here the
'mkdocs' logger lets warnings through in strict mode whatever the verbosity (so ``-q`` hides
only information, never a refusal), and the warnings are counted and listed: the build stops,
before the new site replaces the old one, with every warning in the message.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

_LOGGER = "mkdocs"


class WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self._logger = logging.getLogger(_LOGGER)
        self._level: int | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def start(self, *, strict: bool) -> None:
        self.stop()
        self.messages = []
        if not strict:
            return
        self._level = self._logger.level
        if self._logger.getEffectiveLevel() > logging.WARNING:
            self._logger.setLevel(logging.WARNING)
        self._logger.addHandler(self)

    def stop_if_any(self) -> None:
        """Raise with every warning of this build, if there was one (strict mode)."""
        found = list(self.messages)
        self.stop()
        if found:
            listing = "\n".join(f"  - {m}" for m in found)
            raise PluginError(f"The site was not built: {len(found)} warning(s) in strict mode. "
                              f"Fix each of these:\n{listing}")

    def stop(self) -> None:
        self._logger.removeHandler(self)
        if self._level is not None:
            self._logger.setLevel(self._level)
            self._level = None
