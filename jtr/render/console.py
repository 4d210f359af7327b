"""Rendering rich renderables to a string at a known width, with or without colour."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

_TRAILING = re.compile(r"[ ]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)

from rich.text import Text  # noqa: E402

from jtr.escape import terminal_lines  # noqa: E402
from jtr.render.lines import STATE_STYLES  # noqa: E402, F401  (one table of state colours)

# The most characters of one piece of roadmap text a view prints: far above any real title or
# note (the shipped roadmap's longest is about 250), low enough that a title of megabytes is cut
# at once instead of being wrapped into tens of thousands of lines.
TEXT_CHARACTERS = 4096


def shown(text: str) -> str:
    """`text` as a view shows it: its line breaks kept (a note may span lines), every other
    control, bidirectional or invisible character shown visibly (`\\x1b`, `<U+202E>`), and
    beyond TEXT_CHARACTERS cut with `…` (before escaping, so never inside an escape)."""
    kept = text[:TEXT_CHARACTERS]
    lines = "\n".join(terminal_lines(kept))
    return lines if len(kept) == len(text) else lines + "…"


class SafeText(Text):
    """A rich `Text` whose every piece of text is made safe for the terminal on the way in
    (`shown`). The views build their rich output only from these, so roadmap text can never
    move the cursor, set the clipboard or reorder a line.
    """

    def __init__(self, text: str = "", style: str = "", **options: Any) -> None:
        super().__init__(shown(text), style, **options)

    def append(  # type: ignore[override]
        self, text: str | Text, style: str | None = None
    ) -> SafeText:
        if isinstance(text, str):
            text = shown(text)
        super().append(text, style)
        return self


def render_to_string(
    renderables: Iterable[Any], *, width: int, color: bool, wrap: bool = False
) -> str:
    """Print renderables to a string exactly as a terminal `width` cells wide would show them.

    Without `wrap`, a line too long is cut with an ellipsis (one line per entry); with it, long
    text wraps (by display cells, so Japanese wraps correctly).
    """
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
    for renderable in renderables:
        if wrap:
            console.print(renderable, overflow="fold", crop=True)
        else:
            console.print(renderable, overflow="ellipsis", crop=True, no_wrap=True)
    # Rich pads wrapped and cropped lines to the width; trailing blanks only make diffs noisy.
    return _TRAILING.sub(r"\1", buffer.getvalue())
