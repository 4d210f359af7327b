"""Tolerant, typed access to raw roadmap data: the one reader of its structure beside the model.

The typed model (`jtr.model`) is built only from data that passed the schema. What must read a
roadmap before that, or a revision that was never checked, reads it here: the rules (which run
on files with schema errors), the edit commands' lookup (which address the file's own lists),
the plan diff, `jtr textconv` and the review commands (old commits, foreign branches).

Everything here is read tolerantly: a value that is not the mapping, list, text or number a
path expects reads as empty (`{}`, `[]`, None), never as an error, and nothing is copied. Where
the entries of a kind stand is the kind registry's (`jtr.kinds`, by path); the walks below
follow those paths, so a kind's place is written down once.

Imports nothing at module level but the kind registry (itself import-free), so the commands
that never read raw data do not load it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TypeGuard

from jtr.kinds import EACH, Kind, by_name

if TYPE_CHECKING:
    from jtr.diagnostics import YamlPath

# ---- values ------------------------------------------------------------------------------------


def value_at(value: Any, *keys: str | int) -> Any:
    """The value at `keys` below `value` (keys of mappings, indexes of lists), or None if
    anything on the way is missing or not a mapping or list."""
    for key in keys:
        if isinstance(value, dict):
            value = value.get(key)
        elif (
            isinstance(value, list)
            and isinstance(key, int)
            and not isinstance(key, bool)
            and 0 <= key < len(value)
        ):
            value = value[key]
        else:
            return None
    return value


def dict_at(value: Any, *keys: str | int) -> dict[str, Any]:
    """The mapping at `keys` below `value` (`value` itself without keys), else an empty one."""
    if keys:
        value = value_at(value, *keys)
    return value if isinstance(value, dict) else {}


def list_at(value: Any, *keys: str | int) -> list[Any]:
    """The list at `keys` below `value` (`value` itself without keys), else an empty one."""
    if keys:
        value = value_at(value, *keys)
    return value if isinstance(value, list) else []


def text_at(value: Any, *keys: str | int) -> str | None:
    """The string at `keys` below `value` (`value` itself without keys), else None."""
    if keys:
        value = value_at(value, *keys)
    return value if isinstance(value, str) else None


def int_at(value: Any, *keys: str | int) -> int | None:
    """The integer at `keys` below `value`, including one written 2025.0 (JSON Schema counts
    that as an integer too); never a boolean. None if there is none."""
    if keys:
        value = value_at(value, *keys)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def span_at(value: Any, *keys: str | int) -> tuple[int, int] | None:
    """(from, to) of the fiscal-year span at `keys` below `value`, if both are integers."""
    span = dict_at(value, *keys)
    start, end = int_at(span.get("from")), int_at(span.get("to"))
    return None if start is None or end is None else (start, end)


def ident(value: Any) -> str | None:
    """The id of an entry: its `id`, if it is a mapping with a string there."""
    found = value.get("id") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


def is_text(value: Any) -> TypeGuard[dict[str, Any]]:
    """A {ja, en} text (en optional)."""
    return isinstance(value, dict) and "ja" in value and set(value) <= {"ja", "en"}


def texts(values: Any) -> Iterator[tuple[int, str]]:
    """(index, text) of each string in a list (a list of references, say)."""
    for i, value in enumerate(list_at(values)):
        if isinstance(value, str):
            yield i, value


# ---- entries, where the kind registry says they stand ---------------------------------------

Entry = tuple["YamlPath", dict[str, Any]]  # (YAML path, the entry's mapping)


class Placed(NamedTuple):
    """An entry with its YAML path and the entry whose list holds it (a task and its item,
    an item and its course)."""

    path: YamlPath
    entry: dict[str, Any]
    parent: dict[str, Any]

    @property
    def where(self) -> tuple[int, ...]:
        """The indexes along the path: (course, item) for an item, (course, item, task) for
        a task, as the round-trip tree is addressed."""
        return tuple(step for step in self.path if isinstance(step, int))


def walk(data: Any, path: Iterable[str]) -> Iterator[Entry]:
    """(YAML path, entry) for each mapping standing at `path` (keys, EACH for every entry of a
    list), in file order. Whatever is not a mapping or a list where the path expects one is
    passed over. Lazy, one generator per step: a large roadmap is never copied into lists
    (which costs the garbage collector dearly)."""
    level: Iterator[tuple[YamlPath, Any]] = iter((((), data),))
    for step in path:
        level = _each(level) if step == EACH else _key(level, step)
    return ((where, entry) for where, entry in level if isinstance(entry, dict))


def _each(level: Iterator[tuple[YamlPath, Any]]) -> Iterator[tuple[YamlPath, Any]]:
    for path, value in level:
        if isinstance(value, list):
            for i, entry in enumerate(value):
                yield (*path, i), entry


def _key(level: Iterator[tuple[YamlPath, Any]], key: str) -> Iterator[tuple[YamlPath, Any]]:
    for path, value in level:
        if isinstance(value, dict) and key in value:
            yield (*path, key), value[key]


def children(parents: Iterable[Entry], key: str) -> Iterator[Placed]:
    """Each mapping in the list at `key` of each parent, placed under it."""
    for path, parent in parents:
        value = parent.get(key)
        if isinstance(value, list):
            for i, child in enumerate(value):
                if isinstance(child, dict):
                    yield Placed((*path, key, i), child, parent)


def entries(data: Any, kind: str | Kind) -> Iterator[Entry]:
    """(YAML path, entry) for each entry of a kind (by its registry name, or the Kind)."""
    return walk(data, (by_name(kind) if isinstance(kind, str) else kind).path)


def placed(data: Any, kind: str | Kind) -> Iterator[Placed]:
    """Each entry of a kind placed under the entry whose list holds it (items under their
    course, tasks under their item, goals under their course). The kind's path must end in a
    list of a list's entries (`…, EACH, key, EACH`)."""
    path = (by_name(kind) if isinstance(kind, str) else kind).path
    if len(path) < 3 or path[-1] != EACH or path[-3] != EACH:
        raise ValueError(f"entries at {'/'.join(path)} have no parent entry")
    return children(walk(data, path[:-2]), path[-2])


def items(data: Any) -> Iterator[Placed]:
    """Every item, in file order, placed under its course."""
    return placed(data, "item")


def tasks(data: Any) -> Iterator[Placed]:
    """Every task, in file order, placed under its item."""
    return placed(data, "task")


class Node(NamedTuple):
    """A course, item or task of the plan, as `plan` walks it."""

    kind: str  # "course", "item" or "task"
    path: YamlPath
    entry: dict[str, Any]
    parent: dict[str, Any] | None  # the item's course, the task's item; None for a course


def plan(data: Any) -> Iterator[Node]:
    """The plan in document order, depth first: each course, then each of its items followed by
    the item's tasks."""
    items, tasks = by_name("item").key, by_name("task").key
    for cpath, course in entries(data, "course"):
        yield Node("course", cpath, course, None)
        for i, item in enumerate(list_at(course.get(items))):
            if isinstance(item, dict):
                ipath = (*cpath, items, i)
                yield Node("item", ipath, item, course)
                for j, task in enumerate(list_at(item.get(tasks))):
                    if isinstance(task, dict):
                        yield Node("task", (*ipath, tasks, j), task, item)


def plan_has(data: Any, wanted: str) -> bool:
    """Whether a course, item or task of the data has the id `wanted`."""
    return any(ident(node.entry) == wanted for node in plan(data))
