"""Styled lines measured in display cells: the plain path needs no rich console at all.

A view builds `Line`s of (text, style) segments, fitting text with `fit` (Japanese characters
are two cells wide). Both are where roadmap text becomes terminal text: every segment and every
fitted text passes through `jtr.escape.terminal`, so an escape sequence, a carriage return or a
bidirectional override in a title is shown (`\\x1b`, `<U+202E>`), never obeyed, and a cut never
falls inside such an escape. `render_lines` joins them as plain text, or, for a colour terminal,
styles them through rich. Both give the same characters, so a golden test of one checks the other.
"""

from __future__ import annotations

import io

from rich.cells import cell_len

from jtr.escape import terminal, tokens
from jtr.presenter import LOOKS

Segment = tuple[str, str]  # (text, rich style; "" for none)

# Each derived state's rich style (its looks: jtr.presenter.LOOKS).
STATE_STYLES = {state: look.style for state, look in LOOKS.items()}


class Line:
    """One output line as styled segments, each made safe for the terminal as it is added."""

    def __init__(self, *segments: Segment) -> None:
        self.segments: list[Segment] = [(terminal(s[0]), s[1]) for s in segments if s[0]]

    def add(self, text: str, style: str = "") -> Line:
        if text:
            self.segments.append((terminal(text), style))
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
        """The line cut to `width` cells, the cut segment ending in an ellipsis.

        Measures no further than the cut, so a segment of megabytes costs what is kept.
        """
        used = 0
        for text, _ in self.segments:
            used += cells(text, width - used)
            if used > width:
                break
        else:
            return self
        out = Line()
        used = 0
        room = width - cell_len(ellipsis)  # what is kept; the ellipsis takes the rest
        for text, style in self.segments:
            size = cells(text, room - used)
            if used + size <= room:
                out.add(text, style)
                used += size
                continue
            out.add(fit(text, room - used, "") + ellipsis, style)
            break
        return out


_CHUNK = 1024  # characters measured at a time (above rich's cache size, so never cached)


def cells(text: str, limit: int) -> int:
    """The cells `text` takes, counted no further than just past `limit`: the result is exact
    when it is at most `limit`, and only known to be larger otherwise."""
    if len(text) <= _CHUNK:
        return cell_len(text)
    total = 0
    for start in range(0, len(text), _CHUNK):
        total += cell_len(text[start : start + _CHUNK])
        if total > limit:
            break
    return total


def _shown_prefix(text: str, width: int) -> tuple[int, str, int]:
    """(end, shown, size): the shortest prefix `text[:end]` whose safe form `shown` is wider
    than `width` cells (or all of `text`), and that form's width in cells."""
    step = max(width * 2 + 8, 64)
    parts: list[str] = []
    size = end = 0
    while end < len(text):
        piece = terminal(text[end : end + step])
        end = min(end + step, len(text))
        parts.append(piece)
        size += cell_len(piece)
        if size > width:
            break
    return end, "".join(parts), size


def shown_cells(text: str, limit: int) -> int:
    """The cells `text` takes once made safe, exact up to `limit` (more: only known larger)."""
    return _shown_prefix(text, max(limit, 0))[2]


def fit(text: str, width: int, ellipsis: str = "…", *, pad: bool = False) -> str:
    """`text` made safe (`jtr.escape.terminal`) and cut to `width` display cells with an
    ellipsis, never halving a wide character or an escape such as `\\x1b`.

    With `pad`, the result is exactly `width` cells (spaces on the right). Linear in what is
    kept: a title of megabytes is cut as fast as a short one.
    """
    if width <= 0:
        return ""
    end, shown, size = _shown_prefix(text, width)
    if end == len(text) and size <= width:
        return shown + " " * (width - size) if pad else shown
    room = width - cell_len(ellipsis)
    kept: list[str] = []
    used = 0
    if room > 0:
        for piece in tokens(text[:end]):
            piece_cells = cell_len(piece)
            if used + piece_cells > room:
                break
            kept.append(piece)
            used += piece_cells
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
