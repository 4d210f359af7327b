"""A file as lines: BOM, line endings and a missing final newline are kept as found; the
unified diff that `--dry-run` prints."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

BOM = b"\xef\xbb\xbf"


class Line(NamedTuple):
    text: str  # without its line break
    end: str  # "\n", "\r\n", "\r" (old Mac files), or "" for a last line without one


def split_lines(text: str) -> list[Line]:
    """The lines as YAML and jtr's positions count them: LF, CRLF and a lone CR end one."""
    if "\r" in text and re.search("\r(?!\n)", text):
        found = [
            Line(m.group(1), m.group(2)) for m in re.finditer("([^\r\n]*)(\r\n|\r|\n|$)", text)
        ]
        return [line for line in found if line.text or line.end]
    parts = text.split("\n")
    lines = [
        Line(p[:-1], "\r\n") if p.endswith("\r") else Line(p, "\n") for p in parts[:-1]
    ]  # fmt: skip
    if parts[-1]:
        lines.append(Line(parts[-1], ""))
    return lines


def newline_of(lines: list[Line]) -> str:
    """The line break the file uses most."""
    counts = {end: sum(line.end == end for line in lines) for end in ("\n", "\r\n", "\r")}
    return max(counts, key=lambda end: counts[end])  # the most common; LF on a tie


def decode_text(raw: bytes, name: str) -> tuple[bool, str]:
    """(whether the bytes start with a BOM, the text), as jtr's loader decodes it."""
    from jtr.loader import decode

    return raw.startswith(BOM), decode(raw, name)


def unified_diff(old: bytes, new: bytes, name: str) -> str:
    """The change as `git diff` shows it (line breaks and BOM not shown)."""
    a = [line.text for line in split_lines(decode_text(old, name)[1])]
    b = [line.text for line in split_lines(decode_text(new, name)[1])]
    # git's a/ b/ prefixes for a relative path; an absolute one is shown as it is.
    old_label, new_label = (name, name) if name.startswith("/") else (f"a/{name}", f"b/{name}")
    lines = difflib.unified_diff(a, b, old_label, new_label, lineterm="")
    return "".join(f"{line}\n" for line in lines)
