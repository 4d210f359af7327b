"""New round-trip nodes, written like their neighbours: a status record or a milestone takes
the quoting of the dates around it and the flow or block style of the record it follows, and a
new key goes where the schema's order of properties puts it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from jtr.edit.rtyaml import Verbatim


@functools.cache
def key_order(definition: str) -> tuple[str, ...]:
    """The properties of a `$defs` entry of jtr's own schema, in the order it lists them (the
    order docs/data-model.md gives): where a new key goes. Read on first use, by edits only."""
    import json

    from jtr.schemaline import packaged_schema_path

    schema = json.loads(packaged_schema_path().read_bytes())
    return tuple(schema["$defs"][definition]["properties"])


def key_position(node: Any, key: str, order: tuple[str, ...]) -> int:
    """Where `key` goes among the keys of `node`: before the first that comes after it."""
    rank = order.index(key)
    for position, existing in enumerate(node):
        if existing in order and order.index(existing) > rank:
            return position
    return len(node)


_DATE_QUOTE = re.compile(r"""\bdate:[ \t]+(["']?)[0-9]{4}-[0-9]{2}-[0-9]{2}\1""")


def date_quote(example: Any, text: str) -> str:
    """How to quote a new date: like `example` (a date node of the same history), else like
    the first date the file writes, else not at all."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(example, DoubleQuotedScalarString):
        return '"'
    if isinstance(example, SingleQuotedScalarString):
        return "'"
    if isinstance(example, Verbatim):
        return ""
    match = _DATE_QUOTE.search(text)
    return match.group(1) if match else ""


def date_value(quote: str, day: dt.date) -> Any:
    """The date as a scalar node quoted with `quote` ("", "'" or '"')."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    text = day.isoformat()
    if quote == '"':
        return DoubleQuotedScalarString(text)
    if quote == "'":
        return SingleQuotedScalarString(text)
    return Verbatim(text, "tag:yaml.org,2002:timestamp")


def _styled_like(new: Any, example: Any) -> None:
    from ruamel.yaml.comments import CommentedMap

    if isinstance(example, CommentedMap) and example.fa.flow_style():
        new.fa.set_flow_style()
    else:
        new.fa.set_block_style()


def insert_record(
    task: Any, position: int, record: dict[str, Any], day: dt.date, text: str
) -> None:
    """Insert `record` (plain values, its date `day`) into the history of the task node at
    `position`, creating the history if the task has none."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    existing = task.get("history")
    example = None
    if isinstance(existing, list) and existing:
        example = existing[position - 1] if position > 0 else existing[0]
    new = CommentedMap()
    date_example = example.get("date") if isinstance(example, dict) else None
    for key in key_order("statusRecord"):
        if key == "date":
            new[key] = date_value(date_quote(date_example, text), day)
        elif key in record:
            new[key] = record[key]
    _styled_like(new, example)
    if isinstance(existing, list):
        existing.insert(position, new)
        return
    seq = CommentedSeq([new])
    seq.fa.set_block_style()
    if "history" in task:  # `history:` with no list (invalid, but mendable)
        task["history"] = seq
    else:
        task.insert(key_position(task, "history", key_order("task")), "history", seq)


def insert_milestone(
    item: Any,
    kind: str,
    day: dt.date,
    note: str | None,
    text: str,
    replaced: tuple[int, Any] | None = None,
) -> None:
    """Add the milestone `kind` ("decision" or "realisation") to the item node: where the
    schema orders it, or at the place and in the style of the value it `replaced`
    (position, old value)."""
    from ruamel.yaml.comments import CommentedMap

    position, old = replaced or (key_position(item, kind, key_order("item")), None)
    example = old.get("date") if isinstance(old, dict) else None
    new = CommentedMap()
    new["date"] = date_value(date_quote(example, text), day)
    if note is not None:
        new["note"] = note
    _styled_like(new, old)
    item.insert(position, kind, new)
