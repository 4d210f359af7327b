"""A canonical, line-oriented rendering of a roadmap, for git's textconv.

With `diff.jtr.textconv = jtr textconv`, `git diff` and `git log -p` compare these lines
instead of the YAML: one fact per line, each naming its entity by ids, so a hunk reads
`courses/course-2024/items/welfare-workers/tasks/welfare-workers-decide: history[0] = done
2025-02-10 "note"` rather than an indented `- status: done` with no context. Comments, quoting,
flow or block style and key order do not show; list order does (it is part of the plan).

Within an entity, keys come in a fixed order (number, numeral, title, name, short first, then
alphabetical; ja before en), then the entities it contains, in their list order.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jtr.access import ident

_FIRST = ("number", "numeral", "title", "name", "short", "ja", "en")


def _sorted_keys(mapping: dict[str, Any]) -> list[str]:
    def order(key: Any) -> tuple[int, str]:
        text = str(key)
        return (_FIRST.index(text) if text in _FIRST else len(_FIRST), text)

    return sorted(mapping, key=order)


def _is_entities(value: Any) -> bool:
    """A list of entries with ids (courses, items, tasks, owners, …): each gets its own lines."""
    return isinstance(value, list) and bool(value) and all(ident(v) is not None for v in value)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\n", "\\n")
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _quoted(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    return _scalar(value)


def _span(value: Any) -> str | None:
    if isinstance(value, dict) and set(value) == {"from", "to"}:
        start, end = value["from"], value["to"]
        if isinstance(start, int) and isinstance(end, int):
            return f"FY{start}" if start == end else f"FY{start}–FY{end}"
    return None


def _record(value: Any) -> str | None:
    """A status record on one line: `done 2025-02-10 [serita] FY2025 by 地活課 "note"` (the
    district in brackets, as `jtr show` writes it; a record without one is about the task)."""
    if not isinstance(value, dict) or "status" not in value:
        return None
    if not set(value) <= {"status", "date", "fiscal_year", "note", "by", "district"}:
        return None
    district = value.get("district")
    if "district" in value and (not isinstance(district, str) or not _PLAIN.fullmatch(district)):
        return None  # anything but a plain id is shown field by field
    parts = [_scalar(value["status"])]
    if "date" in value:
        parts.append(_scalar(value["date"]))
    if "district" in value:
        parts.append(f"[{district}]")
    if "fiscal_year" in value:
        fy = value["fiscal_year"]
        parts.append(f"FY{fy}" if isinstance(fy, int) else _scalar(fy))
    if "by" in value:
        parts.append(f"by {_quoted(value['by'])}")
    if "note" in value:
        parts.append(_quoted(value["note"]))
    return " ".join(parts)


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # a district id as the registry spells one


def _milestone(value: Any) -> str | None:
    if isinstance(value, dict) and "date" in value and set(value) <= {"date", "note"}:
        text = _scalar(value["date"])
        return f"{text} {_quoted(value['note'])}" if "note" in value else text
    return None


class _Lines:
    def __init__(self) -> None:
        self.out: list[str] = []

    def entity(self, path: str, mapping: dict[str, Any]) -> None:
        children: list[tuple[str, list[dict[str, Any]]]] = []
        prefix = f"{path}: " if path else ""
        for key in _sorted_keys(mapping):
            if key == "id" and path:
                continue  # the id is in the path
            self.fact(prefix, str(key), mapping[key], children)
        for field, entries in children:
            base = f"{path}/{field}" if path else field
            for entry in entries:
                self.entity(f"{base}/{entry['id']}", entry)

    def fact(
        self, prefix: str, field: str, value: Any, children: list[tuple[str, list[Any]]]
    ) -> None:
        name = field.rsplit(".", 1)[-1]
        if _is_entities(value):
            children.append((field.replace(".", "/"), value))
            return
        special = _span(value)
        if special is None and name in ("decision", "realisation"):
            special = _milestone(value)
        if special is not None:
            self.out.append(f"{prefix}{field} = {special}")
        elif isinstance(value, dict):
            if not value:
                self.out.append(f"{prefix}{field} = {{}}")
            for key in _sorted_keys(value):
                self.fact(prefix, f"{field}.{key}", value[key], children)
        elif isinstance(value, list):
            if not value:
                self.out.append(f"{prefix}{field} = []")
            elif all(not isinstance(v, (dict, list)) for v in value):
                self.out.append(f"{prefix}{field} = {', '.join(_scalar(v) for v in value)}")
                return
            for n, entry in enumerate(value):
                record = _record(entry) if name == "history" else None
                if record is not None:
                    self.out.append(f"{prefix}{field}[{n}] = {record}")
                else:
                    self.fact(prefix, f"{field}[{n}]", entry, children)
        else:
            self.out.append(f"{prefix}{field} = {_scalar(value)}")


def canonical_lines(data: dict[str, Any]) -> list[str]:
    """The roadmap's facts, one per line."""
    lines = _Lines()
    lines.entity("", data)
    return lines.out


def textconv_bytes(raw: bytes, name: str) -> tuple[bytes, str | None]:
    """(what to print, an error for stderr or None). Never fails: git needs output."""
    from jtr.diagnostics import LoadError
    from jtr.escape import terminal
    from jtr.review.reading import load_revision

    try:
        data = load_revision(raw, name)
    except LoadError as exc:
        first = exc.diagnostics[0].format() if exc.diagnostics else str(exc)
        from jtr.labels import message

        return as_it_is(raw), message("warn_textconv_as_is", problem=first)
    # One fact per line, and only one: a key or value with a line break, an escape sequence or
    # a bidirectional override is shown visibly (`\\x1b`, `<U+202E>`), never passed to the pager.
    body = "".join(terminal(line) + "\n" for line in canonical_lines(data))
    return body.encode("utf-8"), None


_LAYOUT = re.compile(r"(\r\n|\n|\t)")


def as_it_is(raw: bytes) -> bytes:
    """A file that is not readable YAML, shown as it is but for what would control the
    terminal: its line breaks and tabs stay, every other control, bidirectional or invisible
    character is shown visibly. Bytes that are not UTF-8 (a Shift_JIS file) pass unchanged,
    as git would show them; no terminal reads them as controls in UTF-8 mode."""
    from jtr.escape import terminal

    text = raw.decode("utf-8", "surrogateescape")
    parts = _LAYOUT.split(text)  # layout at odd indices
    shown = "".join(part if i % 2 else terminal(part) for i, part in enumerate(parts))
    return shown.encode("utf-8", "surrogateescape")
