"""The one kind of error an editor sees: a problem they can fix, named with its file and what to do.

The build, ``handbook-check`` and every command raise it and print its message as it is, never a
traceback. It imports nothing of the handbook's, so every module can use it.
"""


class HandbookError(Exception):
    """A problem an editor can fix. The message names the file and says what to do."""
