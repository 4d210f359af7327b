"""Finding what to edit: the task or review item with an id, and where it stands in the file.

The data is read before it is validated, so through the tolerant accessor (`jtr.access`),
which skips what it cannot read. The typed model cannot serve here: it is built only from
valid data, and it sorts items by number, so it does not know the indexes of an item or task
in the file's lists, which the round-trip tree is addressed by.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any

from jtr import access
from jtr.edit.errors import EditError
from jtr.fiscal import date_or_none

if TYPE_CHECKING:
    from jtr.loader import Document

Where = tuple[int, ...]  # (course, item) or (course, item, task): indexes in the file's lists


def find(doc: Document, ident: str, want_task: bool, command: str) -> tuple[Where, dict[str, Any]]:
    """The indexes and the mapping of the task (want_task) or review item with the id `ident`.

    EditError if there is none: naming what the id is instead (the item's tasks, the task's
    item), else the closest ids of the wanted kind."""
    items: dict[str, access.Placed] = {}
    tasks: dict[str, access.Placed] = {}
    for found in access.items(doc.data):
        if (item_id := access.ident(found.entry)) is not None:
            items[item_id] = found
    for found in access.tasks(doc.data):
        if (task_id := access.ident(found.entry)) is not None:
            tasks[task_id] = found
    if want_task and ident in tasks:
        return tasks[ident].where, tasks[ident].entry
    if not want_task and ident in items:
        return items[ident].where, items[ident].entry
    if want_task and ident in items:
        item = items[ident].entry
        own = [task.entry.get("id") for task in access.tasks(doc.data) if task.parent is item]
        listed = ", ".join(str(t) for t in own) or "none"
        raise EditError(
            f"{ident!r} is a review item, not a task; `jtr {command}` takes a task id "
            f"(its tasks: {listed})"
        )
    if not want_task and ident in tasks:
        raise EditError(
            f"{ident!r} is a task, not a review item; `jtr {command}` takes an item id: "
            f"did you mean its item {tasks[ident].parent.get('id')!r}?"
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
    return date_or_none(access.value_at(record, "date"))


def plain_item(data: Any, where: Where) -> Any:
    """The plain mapping of the item at `where` (a task's `where` names its item too), which
    `find` placed there: indexed strictly, since it is written to."""
    return data["courses"][where[0]]["items"][where[1]]
