"""Things jtr has to tell the user while it works, said once per run.

Library code never prints: it calls `say`, and the command line (which calls `start_run` for
every command) decides how a notice is shown. A notice is said once per run however many
times the code that finds it runs (a view that falls back to full validation, an edit that is
planned again); without a handler, notices are only collected (`said`).
"""

from __future__ import annotations

from collections.abc import Callable

_handler: Callable[[str], None] | None = None
_said: list[str] = []


def start_run(handler: Callable[[str], None] | None) -> None:
    """Begin a run: forget what was said before, and pass each new notice to `handler`."""
    global _handler
    _handler = handler
    _said.clear()


def say(message: str) -> None:
    """Tell the user `message`, unless it was said already in this run."""
    if message in _said:
        return
    _said.append(message)
    if _handler is not None:
        _handler(message)


def said() -> list[str]:
    """The notices of this run, in the order they were first said."""
    return list(_said)
