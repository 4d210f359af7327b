"""Finding what to edit: the task or review item with an id, and where it stands in the file.

The data is read before it is validated, so through the rules' tolerant accessor
(`jtr.rules.Context`), which skips what it cannot read. The typed model cannot serve here: it
is built only from valid data, and it sorts items by number, so it does not know the indexes
of an item or task in the file's lists, which the round-trip tree is addressed by.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any

from jtr.edit.errors import EditError
from jtr.fiscal import date_or_none

if TYPE_CHECKING:
    from jtr.diagnostics import YamlPath
    from jtr.loader import Document

Where = tuple[int, ...]  # (course, item) or (course, item, task): indexes in the file's lists


def _where(path: YamlPath) -> Where:
    """("courses", 0, "items", 3, "tasks", 1) → (0, 3, 1)."""
    return tuple(int(step) for step in path[1::2])


def find(doc: Document, ident: str, want_task: bool, command: str) -> tuple[Where, dict[str, Any]]:
    """The indexes and the mapping of the task (want_task) or review item with the id `ident`.

    EditError if there is none: naming what the id is instead (the item's tasks, the task's
    item), else the closest ids of the wanted kind."""
    from jtr.rules import Context

    context = Context(doc)
    items: dict[str, tuple[Where, dict[str, Any]]] = {}
    tasks: dict[str, tuple[Where, dict[str, Any], dict[str, Any]]] = {}
    for path, item, _course in context.items():
        if isinstance(item.get("id"), str):
            items[item["id"]] = (_where(path), item)
    for path, task, item in context.tasks():
        if isinstance(task.get("id"), str):
            tasks[task["id"]] = (_where(path), task, item)
    if want_task and ident in tasks:
        return tasks[ident][:2]
    if not want_task and ident in items:
        return items[ident]
    if want_task and ident in items:
        item = items[ident][1]
        own = [task.get("id") for _path, task, parent in context.tasks() if parent is item]
        listed = ", ".join(str(t) for t in own) or "none"
        raise EditError(
            f"{ident!r} is a review item, not a task; `jtr {command}` takes a task id "
            f"(its tasks: {listed})"
        )
    if not want_task and ident in tasks:
        raise EditError(
            f"{ident!r} is a task, not a review item; `jtr {command}` takes an item id: "
            f"did you mean its item {tasks[ident][2].get('id')!r}?"
        )
    kind = "task" if want_task else "review item"
    close = difflib.get_close_matches(ident, list(tasks if want_task else items), n=3, cutoff=0.5)
    hint = (
        f"; did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else f"; `jtr list --kind {'tasks' if want_task else 'items'}` prints the ids"
    )
    raise EditError(f"no {kind} has the id {ident!r}{hint}")


def record_date(record: Any) -> dt.date | None:
    """The date of a status record or milestone, if it has a real one."""
    return date_or_none(record.get("date")) if isinstance(record, dict) else None


def plain_item(data: Any, where: Where) -> Any:
    """The plain mapping of the item at `where` (a task's `where` names its item too)."""
    return data["courses"][where[0]]["items"][where[1]]
