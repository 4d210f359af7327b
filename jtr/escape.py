"""Text from a roadmap (or a schema, a workbook, a git history) made safe for each target.

Everything a roadmap holds is data, never control: a title may carry ESC sequences that move
the cursor or set the clipboard (OSC 52), BEL, a carriage return that overwrites a line,
bidirectional overrides that reorder what a reviewer reads, zero-width characters that hide
text, or a newline that forges another line of output. Every text renderer and every message
passes data through `terminal` (or `terminal_lines` for text that may span lines); the
Markdown outputs through `markdown`. Nothing here imports more than the standard library.
"""

from __future__ import annotations

import functools
import re

# C0 controls, DEL and the C1 controls (U+0080-U+009F, among them CSI U+009B and NEL U+0085).
_CONTROL = "\x00-\x1f\x7f-\x9f"
# Characters that are invisible or reorder text: bidirectional embeddings, overrides, isolates
# and marks; zero-width spaces and joiners; invisible operators; the byte-order mark; line and
# paragraph separators (a line break to some programs, not to others); interlinear annotations.
_INVISIBLE = (
    "\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_HIDDEN = re.compile(f"[{_CONTROL}{_INVISIBLE}]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(char: str) -> str:
    """How one hidden character is shown: `\\x1b` for a control, `<U+202E>` for the rest."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """Each control, bidirectional or invisible character in `text`: (index, character)."""
    return [(m.start(), m.group()) for m in _HIDDEN.finditer(text)]


def is_hidden(char: str) -> bool:
    return _HIDDEN.fullmatch(char) is not None


def has_hidden(text: str) -> bool:
    """Whether `text` holds any character that `terminal` shows escaped (one scan, no list)."""
    return _HIDDEN.search(text) is not None


def terminal(text: str) -> str:
    """`text` on one line with every control, bidi and invisible character shown visibly."""
    if _HIDDEN.search(text) is None:  # the common case costs one scan
        return text
    return _HIDDEN.sub(lambda m: visible(m.group()), text)


def terminal_lines(text: str) -> list[str]:
    """`text` split at its line breaks (LF, CRLF), each line made safe by `terminal`."""
    return [terminal(line) for line in text.replace("\r\n", "\n").split("\n")]


def tokens(text: str) -> list[str]:
    """`terminal(text)` as indivisible pieces: an escape such as `\\x1b` is one piece, so a
    cut between pieces never splits it."""
    pieces: list[str] = []
    last = 0
    for match in _HIDDEN.finditer(text):
        pieces.extend(text[last : match.start()])
        pieces.append(visible(match.group()))
        last = match.end()
    pieces.extend(text[last:])
    return pieces


def clip(text: str, cells: int, ellipsis: str = "…") -> str:
    """`terminal(text)` cut to at most `cells` terminal cells, ending in `ellipsis` when cut.

    Never cuts inside an escape or a wide character. Linear in the part kept, so a title of
    megabytes costs no more than a short one.
    """
    from rich.cells import cell_len

    # Enough characters for `cells` cells and an ellipsis (zero-width ones aside).
    safe_prefix = text[: cells * 2 + 8]
    shown = terminal(safe_prefix)
    if len(safe_prefix) == len(text) and cell_len(shown) <= cells:
        return shown
    room = max(cells - cell_len(ellipsis), 0)
    kept: list[str] = []
    used = 0
    for piece in tokens(safe_prefix):
        width = cell_len(piece)
        if used + width > room:
            break
        kept.append(piece)
        used += width
    return "".join(kept) + (ellipsis if cells >= cell_len(ellipsis) else "")


def quote(value: str, cells: int = 80) -> str:
    """A value quoted in a message: made safe and shortened to about `cells` cells."""
    return '"' + clip(value, cells) + '"'


def markdown(text: str) -> str:
    """`text` for a Markdown table cell, heading, list or running text: one line, shown as is.

    CR and LF become spaces; hidden characters are shown visibly (first, so that what they
    become is escaped too); `<`, `>` and `&` become entities (no renderer with raw HTML
    enabled sees a tag); backslash, `|` and the inline markup characters `` ` * _ [ ] ~ # ``
    are backslash-escaped, so no title makes a table cell, a link, emphasis or a code span.
    """
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = terminal(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _markdown_specials().sub(r"\\\g<0>", text)


@functools.cache
def _markdown_specials() -> re.Pattern[str]:  # compiled when first needed: start-up is a feature
    return re.compile(r"[\\|`*_\[\]~#]")


def document(text: str) -> str:
    """`text` for a document (spreadsheet cell, web page, picture, calendar): its line breaks
    kept (CRLF as LF), every other control, bidi and invisible character shown visibly."""
    if _HIDDEN.search(text) is None:
        return text
    return "\n".join(terminal_lines(text))


# What json.dumps(ensure_ascii=False) leaves raw in a string: DEL, the C1 controls and the
# invisible characters (it escapes C0 controls itself; a raw LF in its output is layout).
@functools.cache
def _json_raw() -> re.Pattern[str]:
    return re.compile(f"[\x7f-\x9f{_INVISIBLE}]")


def json_text(document: str) -> str:
    """A JSON text from `json.dumps(..., ensure_ascii=False)` with every hidden character it
    left raw written as a `\\uXXXX` escape: the same JSON value, nothing hidden in the bytes.
    (Outside strings JSON is ASCII, so every such character is inside a string.)"""
    raw = _json_raw()
    if raw.search(document) is None:
        return document
    return raw.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
