"""Styled lines measured in display cells: the plain path needs no rich console at all.

A view builds `Line`s of (text, style) segments, fitting text with `fit` (Japanese characters
are two cells wide). `render_lines` joins them as plain text, or, for a colour terminal, styles
them through rich. Both give the same characters, so a golden test of one checks the other.
"""

from __future__ import annotations

import io

from rich.cells import cell_len

Segment = tuple[str, str]  # (text, rich style; "" for none)

# Each derived state's bar fill, its ASCII fill and its colour: states are never told by colour
# alone.
STATE_LOOK: dict[str, tuple[str, str, str]] = {
    "done": ("█", "#", "green"),
    "in_progress": ("▓", "=", "cyan"),
    "due": ("▒", "-", "yellow"),
    "not_yet_due": ("░", ".", "dim"),
    "overdue": ("!", "!", "bold red"),
    "delayed": ("»", ">", "magenta"),
    "on_hold": ("‖", "|", "blue"),
    "cancelled": ("×", "x", "dim strike"),
}
STATE_STYLES = {state: look[2] for state, look in STATE_LOOK.items()}


class Line:
    """One output line as styled segments."""

    def __init__(self, *segments: Segment) -> None:
        self.segments: list[Segment] = [s for s in segments if s[0]]

    def add(self, text: str, style: str = "") -> Line:
        if text:
            self.segments.append((text, style))
        return self

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)

    def stripped(self) -> list[Segment]:
        """The segments without trailing blanks (they only make diffs noisy)."""
        segments = list(self.segments)
        while segments:
            text, style = segments[-1]
            trimmed = text.rstrip(" ")
            if trimmed:
                segments[-1] = (trimmed, style)
                break
            segments.pop()
        return segments

    def fitted(self, width: int, ellipsis: str = "…") -> Line:
        """The line cut to `width` cells, the cut segment ending in an ellipsis."""
        if cell_len(self.text) <= width:
            return self
        out = Line()
        used = 0
        room = width - cell_len(ellipsis)  # what is kept; the ellipsis takes the rest
        for text, style in self.segments:
            size = cell_len(text)
            if used + size <= room:
                out.add(text, style)
                used += size
                continue
            out.add(fit(text, room - used, "") + ellipsis, style)
            break
        return out


def fit(text: str, width: int, ellipsis: str = "…", *, pad: bool = False) -> str:
    """`text` cut to `width` display cells with an ellipsis, never halving a wide character.

    With `pad`, the result is exactly `width` cells (spaces on the right).
    """
    if width <= 0:
        return ""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size) if pad else text
    room = width - cell_len(ellipsis)
    kept: list[str] = []
    used = 0
    for char in text:
        cells = cell_len(char)
        if used + cells > room:
            break
        kept.append(char)
        used += cells
    result = "".join(kept).rstrip() + ellipsis if room > 0 else ellipsis[:width]
    size = cell_len(result)
    return result + " " * (width - size) if pad else result


def centre(text: str, width: int, ellipsis: str = "…") -> str:
    """`text` fitted and centred in exactly `width` cells."""
    text = fit(text, width, ellipsis)
    spare = width - cell_len(text)
    left = spare // 2
    return " " * left + text + " " * (spare - left)


def render_lines(lines: list[Line], width: int, color: bool) -> str:
    """Plain text, or ANSI-styled text through rich when `color` (imported only then)."""
    if not color:
        return "".join("".join(text for text, _ in line.stripped()) + "\n" for line in lines)
    from rich.console import Console
    from rich.text import Text

    text = Text("\n".join("".join(s for s, _ in line.stripped()) for line in lines), end="")
    offset = 0
    for line in lines:
        for segment, style in line.stripped():
            if style:
                text.stylize(style, offset, offset + len(segment))
            offset += len(segment)
        offset += 1  # the newline
    buffer = io.StringIO()
    console = Console(
        width=width,
        file=buffer,
        force_terminal=True,
        color_system="standard",
        no_color=False,
        legacy_windows=False,
        force_jupyter=False,
        emoji=False,
        highlight=False,
        markup=False,
    )
    console.print(text, overflow="crop", no_wrap=True, crop=True, soft_wrap=False)
    return buffer.getvalue()
