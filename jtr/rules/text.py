"""Text that hides something: control, bidirectional and invisible characters in the roadmap.

A title with a right-to-left override reads differently from what it says, a zero-width space
splits a word no reader sees, an escape sequence would drive a terminal: jtr's outputs show
all of them visibly (`jtr.escape`), and this rule makes them visible in review too, where the
pull request that adds them is read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.diagnostics import PathPart, Severity, format_path
from jtr.escape import has_hidden, hidden_characters, quote
from jtr.labels import message
from jtr.rules import Finding, rule

if TYPE_CHECKING:
    from jtr.rules import Context

# Line breaks and tabs are layout in a multi-line value (a block scalar note), not hidden text;
# in a key they are hidden all the same.
_LAYOUT = frozenset("\n\t")
_SHOWN = 3  # distinct characters named in one message; the rest are counted

# Unicode gives C0 and C1 controls no names; these are the ones a reader may meet.
_CONTROL_NAMES = {
    0x00: "null",
    0x07: "bell",
    0x08: "backspace",
    0x09: "tab",
    0x0A: "line feed",
    0x0B: "line tabulation",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line",
    0x9B: "control sequence introducer",
    0x9D: "operating system command",
}


def character_name(char: str) -> str:
    """`U+202E (right-to-left override)`: the code point and what it is, in plain words."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "").lower()
    if not name:
        name = "control character" if unicodedata.category(char) == "Cc" else "invisible character"
    return f"U+{code:04X} ({name})"


def _hidden(text: str, *, layout_allowed: bool) -> list[str]:
    """The distinct hidden characters of `text`, in order of first appearance."""
    seen: dict[str, None] = {}
    for _index, char in hidden_characters(text):
        if layout_allowed and char in _LAYOUT:
            continue
        seen.setdefault(char)
    return list(seen)


def _message(where: str, text: str, found: list[str], *, key: bool) -> str:
    """`title.en contains U+202E (right-to-left override): "Item <U+202E>A"`."""
    named = ", ".join(character_name(c) for c in found[:_SHOWN])
    more = message("find_hidden_more", count=len(found) - _SHOWN) if len(found) > _SHOWN else ""
    fields = {"where": where, "named": named, "more": more, "text": quote(text, 60)}
    if key:
        return message("find_hidden_in_key" if where else "find_hidden_in_top_key", **fields)
    return message("find_hidden_in_value", **fields)


def _walk(value: Any, path: list[PathPart], out: list[Finding]) -> None:
    """Append a finding for each key and text below `value` that holds hidden characters.

    Plain recursion over a shared path list: a path is built only for what is found, so the
    walk over a roadmap of tens of thousands of texts stays a small part of `validate`.
    """
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, child in items:
        if isinstance(key, str) and has_hidden(key):
            found = _hidden(key, layout_allowed=False)
            out.append(
                Finding(
                    (*path, key),
                    _message(format_path(tuple(path)), key, found, key=True),
                    at_key=True,
                )
            )
        if isinstance(child, str):
            if has_hidden(child):
                found = _hidden(child, layout_allowed=True)
                if found:
                    where = format_path((*path, key))
                    out.append(Finding((*path, key), _message(where, child, found, key=False)))
        elif isinstance(child, (dict, list)):
            path.append(key)
            _walk(child, path, out)
            path.pop()


class _Scan:
    """The keys and string values a walk meets, scanned a few thousand at a time (never all
    of them gathered or joined: a large roadmap has millions)."""

    __slots__ = ("found", "keys", "values")

    def __init__(self) -> None:
        self.found = False
        self.keys: list[Any] = []
        self.values: list[str] = []

    def flush(self) -> None:
        keys = [k for k in self.keys if isinstance(k, str)]
        if _any_hidden(keys, layout=False) or _any_hidden(self.values, layout=True):
            self.found = True
        self.keys.clear()
        self.values.clear()


_SCANNED_AT_ONCE = 4096  # texts joined for one scan: the scans stay few, the copies small


def _any_hidden(texts: list[str], *, layout: bool) -> bool:
    """Whether any of `texts` holds a hidden character (with `layout`, line breaks and tabs
    do not count)."""
    for start in range(0, len(texts), _SCANNED_AT_ONCE):
        joined = "".join(texts[start : start + _SCANNED_AT_ONCE])
        if layout:
            joined = joined.replace("\n", "").replace("\t", "")
        if has_hidden(joined):
            return True
    return False


def _texts(value: Any, scan: _Scan) -> None:
    """Every key and every string value below `value` into `scan` (the keys that are not
    strings are left out when they are scanned); stops once something is found."""
    if scan.found:
        return
    if isinstance(value, dict):
        scan.keys.extend(value)
        children: Any = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return
    for child in children:
        if isinstance(child, str):
            scan.values.append(child)
        elif isinstance(child, (dict, list)):
            _texts(child, scan)
    if len(scan.keys) + len(scan.values) >= _SCANNED_AT_ONCE:
        scan.flush()


@rule(
    "hidden-character",
    Severity.WARNING,
    "no text or key holds control, bidirectional or invisible characters",
)
def hidden_text(context: Context) -> Iterator[Finding]:
    # A scan of the keys and values, a few thousand at a time, decides whether there is
    # anything to find; only then are paths built (most roadmaps have nothing, and hundreds
    # of thousands of texts).
    scan = _Scan()
    _texts(context.data, scan)
    scan.flush()
    if not scan.found:
        return
    found: list[Finding] = []
    _walk(context.data, [], found)
    yield from found
