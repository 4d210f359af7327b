"""Styled lines measured in display cells: the plain path needs no rich console at all.

A view builds `Line`s of (text, style) segments, fitting text with `fit` (Japanese characters
are two cells wide) or wrapping it with `wrap`. Both are where roadmap text becomes terminal text: every segment and every
fitted text passes through `jtr.escape.terminal`, so an escape sequence, a carriage return or a
bidirectional override in a title is shown (`\\x1b`, `<U+202E>`), never obeyed, and a cut never
falls inside such an escape. `render_lines` joins them as plain text, or, for a colour terminal,
styles them through rich. Both give the same characters, so a golden test of one checks the other.

Every view measures through `cell_len` here: rich's measure, except that characters of
ambiguous East Asian width (`Ⅰ`, `·`, `…`, `○`, `●`, `※`, `→`, box drawing) count two cells
under `JTR_AMBIGUOUS_WIDTH=2`, for terminals that draw them double-width (a Japanese Windows
console, a terminal set to "ambiguous width: wide").
"""

from __future__ import annotations

import io
import itertools
import os
import re
from collections.abc import Iterable
from functools import lru_cache

from rich.cells import cell_len as _rich_cell_len

from jtr.escape import terminal, tokens
from jtr.presenter import LOOKS

Segment = tuple[str, str]  # (text, rich style; "" for none)

AMBIGUOUS_WIDTH_ENV = "JTR_AMBIGUOUS_WIDTH"


def ambiguous_wide() -> bool:
    """Whether characters of ambiguous width count two cells (`JTR_AMBIGUOUS_WIDTH=2`)."""
    return os.environ.get(AMBIGUOUS_WIDTH_ENV, "").strip() == "2"


@lru_cache(maxsize=4096)
def _widened(char: str) -> bool:
    """A character rich counts one cell that a terminal drawing ambiguous ones wide draws in two."""
    import unicodedata  # only under JTR_AMBIGUOUS_WIDTH=2

    return unicodedata.east_asian_width(char) == "A" and _rich_cell_len(char) == 1


def cell_len(text: str) -> int:
    """The cells `text` takes in the terminal: rich's count, ambiguous characters as two cells
    under `JTR_AMBIGUOUS_WIDTH=2`. Every view measures with this one function."""
    size = _rich_cell_len(text)
    if text.isascii() or not ambiguous_wide():
        return size
    return size + sum(1 for char in text if not char.isascii() and _widened(char))


# Each derived state's rich style (its looks: jtr.presenter.LOOKS).
STATE_STYLES = {state: look.style for state, look in LOOKS.items()}


class Line:
    """One output line as styled segments, each made safe for the terminal as it is added."""

    def __init__(self, *segments: Segment, hang: int | None = None) -> None:
        self.segments: list[Segment] = [(terminal(s[0]), s[1]) for s in segments if s[0]]
        self.kept: set[int] = set()  # indices of segments `wrap` never breaks
        self.hang = hang  # cells before a wrapped line's continuation (None: `wrap` decides)

    def add(self, text: str, style: str = "", *, keep: bool = False) -> Line:
        """Add a segment; with `keep`, `wrap` keeps it on one line (a state, a short span)."""
        if text:
            if keep:
                self.kept.add(len(self.segments))
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


# ---- wrapping ---------------------------------------------------------------------------------

# Japanese line breaking (kinsoku), as far as a terminal needs it: no line starts with a closing
# mark or a small kana, none ends with an opening mark.
NO_BREAK_BEFORE = frozenset(
    "、。，．・：；？！ー－～）」』】〕〉》］｝’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
    "ゝゞヽヾ゛゜…‥,.:;!?)]}>%"
)
NO_BREAK_AFTER = frozenset("（「『【〔〈《［｛‘“([{<")
# How `jtr.escape.terminal` shows a hidden character: never split when a word is folded.
_ESCAPE = re.compile(r"\\x[0-9a-f]{2}|\\[nrt]|<U\+[0-9A-F]{4,6}>")


def _kind(char: str) -> str:
    """ "s" a space (a line may break there, dropping it), "w" a wide character (a line may break
    on either side of it), "n" anything else (part of a word)."""
    if char == " ":
        return "s"
    return "w" if cell_len(char) >= 2 else "n"


def _atoms(text: str, keep: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`text` cut where a line may break: between words, around a wide character (kinsoku
    aside), never inside a `keep` range (start, end) nor inside an ASCII word or id."""
    kinds = [_kind(char) for char in text]
    cuts = {0, len(text)}
    for at in range(1, len(text)):
        before, after = kinds[at - 1], kinds[at]
        if before == "s" or after == "s":
            if before != after:
                cuts.add(at)
        elif text[at - 1] == "/" and text[at] != "/":  # a path breaks after a slash
            cuts.add(at)
        elif (
            "w" in (before, after)
            and text[at] not in NO_BREAK_BEFORE
            and text[at - 1] not in NO_BREAK_AFTER
            and not (text[at - 1].isascii() and text[at - 1].isalnum())
            and not (text[at].isascii() and text[at].isalnum())
        ):  # nor next to a Latin letter or digit: 令和6年度, WGで stay whole
            cuts.add(at)
    for start, end in keep:
        cuts.difference_update(range(start + 1, end))
    ordered = sorted(cuts)
    return list(itertools.pairwise(ordered))


def _fold(text: str, start: int, end: int, room: int) -> int:
    """Where a word too long for a line is cut: the most of `text[start:end]` that fits `room`
    cells (at least one piece), never inside a wide character or a shown escape."""
    at = start
    used = 0
    while at < end:
        match = _ESCAPE.match(text, at, end)
        step = match.end() - at if match else 1
        size = cell_len(text[at : at + step])
        if used + size > room and at > start:
            break
        used += size
        at += step
    return at


def wrap_ranges(
    text: str, width: int, hang: int = 0, keep: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The (start, end) of each line `text` wraps into (`wrap_layout`)."""
    return wrap_layout(text, width, hang, keep)[1]


def wrap_layout(
    text: str, width: int, hang: int = 0, keep: Iterable[tuple[int, int]] = ()
) -> tuple[int, list[tuple[int, int]]]:
    """(hang, lines): the (start, end) of each line `text` wraps into, `width` cells wide,
    continuation lines after `hang` cells. Lines break between words and around wide
    characters (Japanese may break between any two characters, kinsoku aside), never inside an
    ASCII word, an id or a `keep` range unless it alone is wider than a line: then it is folded.
    A path (`goals/goal-x/states/0`) may break after a slash. The spaces at a break are
    dropped; leading spaces of the first line are kept.

    The hang returned is the one used: at most half the width, and less where a word or id
    would otherwise be folded though it fits a line."""
    atoms = _atoms(text, keep)
    hang = min(max(hang, 0), width // 2)
    if hang and cells(text, width) > width:
        for a, b in atoms:
            if text[a] != " ":
                size = cells(text[a:b], width)
                if width - hang < size <= width:
                    hang = width - size
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = used = pending = 0
    for a, b in atoms:
        if text[a] == " " and not (a == 0 and start is None):
            if start is not None:
                pending += b - a
            continue
        size = cell_len(text[a:b])
        if start is not None and used + pending + size <= width:
            used, end, pending = used + pending + size, b, 0
            continue
        if start is not None:
            lines.append((start, end))
            used = hang
        start, pending = a, 0
        while used + size > width and text[a] != " ":
            cut = _fold(text, a, b, width - used)
            if cut >= b:
                break
            lines.append((a, cut))
            a, used = cut, hang
            start = a
            size = cell_len(text[a:b])
        used += size
        end = b
    if start is not None:
        lines.append((start, end))
    return hang, lines or [(0, 0)]


def wrap(line: Line, width: int, hang: int | None = None) -> list[Line]:
    """`line` wrapped to `width` cells (`wrap_ranges`), its styles and kept segments kept;
    continuation lines start after `hang` cells (default: the line's, else its leading spaces
    and two more)."""
    text = line.text
    if cells(text, width) <= width:
        return [line]
    if hang is None:
        hang = line.hang if line.hang is not None else len(text) - len(text.lstrip(" ")) + 2
    bounds: list[tuple[int, int]] = []
    keep: list[tuple[int, int]] = []
    offset = 0
    for index, (segment, _style) in enumerate(line.segments):
        bounds.append((offset, offset + len(segment)))
        if index in line.kept:
            keep.append(bounds[-1])
        offset += len(segment)
    shown_hang, ranges = wrap_layout(text, width, hang, keep)
    out: list[Line] = []
    for number, (start, end) in enumerate(ranges):
        piece = Line()
        if number:
            piece.segments.append((" " * shown_hang, ""))
        for (a, b), (segment, style) in zip(bounds, line.segments, strict=True):
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                piece.segments.append((segment[lo - a : hi - a], style))
        out.append(piece)
    return out


def wrap_all(lines: Iterable[Line], width: int) -> list[Line]:
    """Every line wrapped to `width` cells (`wrap`)."""
    return [piece for line in lines for piece in wrap(line, width)]


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
