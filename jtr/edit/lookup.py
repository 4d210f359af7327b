"""Finding what to edit: the task or review item with an id, and where it stands in the file.

The data is read before it is validated, so through the tolerant accessor (`jtr.access`),
which skips what it cannot read. The typed model cannot serve here: it is built only from
valid data, and it sorts items by number, so it does not know the indexes of an item or task
in the file's lists, which the round-trip tree is addressed by.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from jtr import access
from jtr.edit.errors import EditError
from jtr.fiscal import date_or_none
from jtr.kinds import no_such_id
from jtr.labels import current_lang, label, message

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
    lang = current_lang()
    if want_task and ident in items:
        item = items[ident].entry
        own = [task.entry.get("id") for task in access.tasks(doc.data) if task.parent is item]
        from jtr.presenter import join

        listed = join([str(t) for t in own], lang) or label("none", lang)
        raise EditError(
            message("err_item_not_task", lang, id=repr(ident), command=command, tasks=listed)
        )
    if not want_task and ident in tasks:
        parent = repr(tasks[ident].parent.get("id"))
        raise EditError(
            message("err_task_not_item", lang, id=repr(ident), command=command, item=parent)
        )
    kind = label("kind_task" if want_task else "item", lang)
    command_listing = f"jtr list --kind {'tasks' if want_task else 'items'}"
    known = tasks if want_task else items
    raise EditError(no_such_id(ident, known, kind, command_listing, lang))


def record_date(record: Any) -> dt.date | None:
    """The date of a status record or milestone, if it has a real one."""
    return date_or_none(access.value_at(record, "date"))


def plain_item(data: Any, where: Where) -> Any:
    """The plain mapping of the item at `where` (a task's `where` names its item too), which
    `find` placed there: indexed strictly, since it is written to."""
    return data["courses"][where[0]]["items"][where[1]]
