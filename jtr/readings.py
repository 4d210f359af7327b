"""Where a reading's path leads (`readings[].about`): an entity's id or a top-level key, then
`.key` and `[index]` steps, resolved on raw data through the tolerant accessor, so the rule
that checks them runs on files with schema errors too.

`welfare-workers.number` is the `number` of the entity whose id is `welfare-workers` (any kind
of jtr.kinds); `meta.period` is the top-level `meta`'s `period`; `working-groups[0]` is not a
path (ids and keys, not a kind's plural, start a path).
"""

from __future__ import annotations

import re
from typing import Any

from jtr.access import value_at
from jtr.diagnostics import YamlPath

_STEP = re.compile(r"\.([A-Za-z0-9_-]+)|\[([0-9]+)\]")
_HEAD = re.compile(r"[A-Za-z0-9_-]+")


def steps(path: str) -> tuple[str, tuple[str | int, ...]] | None:
    """(head, the steps after it), or None if `path` is not written as a path."""
    head = _HEAD.match(path)
    if head is None:
        return None
    out: list[str | int] = []
    at = head.end()
    while at < len(path):
        step = _STEP.match(path, at)
        if step is None:
            return None
        out.append(step.group(1) if step.group(1) is not None else int(step.group(2)))
        at = step.end()
    return head.group(0), tuple(out)


def entity_path(data: Any, ident: str) -> YamlPath | None:
    """The YAML path of the entity with this id (the first kind that has it), else None."""
    from jtr.kinds import KINDS, raw_entries

    for kind in KINDS:
        for path, entry in raw_entries(data, kind):
            if entry.get("id") == ident:
                return tuple(path)
    return None


def resolve(data: Any, path: str) -> YamlPath | None:
    """The YAML path of the value `path` names, or None if there is no such value."""
    parsed = steps(path)
    if parsed is None or not isinstance(data, dict):
        return None
    head, rest = parsed
    base = entity_path(data, head)
    if base is None:
        if head not in data:
            return None
        base = (head,)
    full = (*base, *rest)
    return full if _exists(data, full) else None


def _exists(data: Any, path: YamlPath) -> bool:
    """Whether there is a value at `path`, a null one too (`shaded: null`)."""
    value = value_at(data, *path[:-1]) if path[:-1] else data
    last = path[-1]
    if isinstance(value, dict):
        return last in value
    if isinstance(value, list) and isinstance(last, int):
        return 0 <= last < len(value)
    return False
