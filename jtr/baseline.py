"""What the plan moved against a baseline: the plan as approved before, compared by id. Pure:
two models come in, nothing is read or printed (the CLI reads the baseline from git).

A task is matched by its id wherever it sits. Its fiscal years then (`baseline`) and now
(`current`) give its changes and its slip:

- `later` / `earlier`: it starts in a later / an earlier fiscal year;
- `grew` / `shrank`: it spans more / fewer fiscal years;
- `added`: not in the baseline; `removed`: in the baseline, not now.

The slip, in fiscal years, is `max(end_now − end_base, start_now − start_base)`: how far the
later of its two ends moved, positive when later. A task moved a year later slips 1; one that
grew from FY2024–2025 to FY2024–2027 slips 2; one that starts a year earlier and ends as
planned slips 0; one moved a year earlier slips −1. A task slipped when its slip is above 0.
An item is measured the same way on the span of its own tasks (first start to last end);
an item of the baseline that is gone is `dropped`, a new one `added`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from jtr.model import Item, Roadmap, Span, Task, Text

if TYPE_CHECKING:
    from jtr.status import RoadmapState

# The changes of a task or item, in the order they are written.
CHANGES = ("later", "earlier", "grew", "shrank", "added", "removed", "dropped")


def slip_of(baseline: Span, current: Span) -> int:
    """Fiscal years the span moved later (negative: earlier), as the module says."""
    return max(current.end - baseline.end, current.start - baseline.start)


def span_changes(baseline: Span, current: Span) -> tuple[str, ...]:
    """`later`/`earlier` by the start, `grew`/`shrank` by the number of years."""
    found = []
    if current.start > baseline.start:
        found.append("later")
    elif current.start < baseline.start:
        found.append("earlier")
    size_now, size_then = len(current.years()), len(baseline.years())
    if size_now > size_then:
        found.append("grew")
    elif size_now < size_then:
        found.append("shrank")
    return tuple(found)


class TaskChange(NamedTuple):
    """One task in the baseline, now, or both."""

    id: str
    title: Text  # as it is now (as it was, for a removed task)
    item_id: str  # its item now (then, for a removed task)
    course_id: str
    baseline: Span | None  # None: added since
    current: Span | None  # None: removed since
    changes: tuple[str, ...]  # of CHANGES; empty: as planned
    baseline_item_id: str | None = None  # its item in the baseline, when there

    @property
    def slip(self) -> int | None:
        """Fiscal years it moved (module docstring); None for a task added or removed."""
        if self.baseline is None or self.current is None:
            return None
        return slip_of(self.baseline, self.current)

    @property
    def slipped(self) -> bool:
        return (self.slip or 0) > 0

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class ItemChange(NamedTuple):
    """One review item in the baseline, now, or both; spans are of its own tasks."""

    id: str
    title: Text
    course_id: str
    number: int
    baseline: Span | None  # None: added since (or it had no task)
    current: Span | None  # None: dropped since (or it has no task)
    changes: tuple[str, ...]
    present_before: bool = True
    present_now: bool = True

    @property
    def slip(self) -> int | None:
        if self.baseline is None or self.current is None:
            return None
        return slip_of(self.baseline, self.current)

    @property
    def slipped(self) -> bool:
        return (self.slip or 0) > 0

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class Comparison(NamedTuple):
    tasks: tuple[TaskChange, ...]  # the current plan's order, then the removed in theirs
    items: tuple[ItemChange, ...]  # likewise

    def task(self, task_id: str) -> TaskChange | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    @property
    def removed(self) -> tuple[TaskChange, ...]:
        return tuple(t for t in self.tasks if "removed" in t.changes)

    @property
    def added(self) -> tuple[TaskChange, ...]:
        return tuple(t for t in self.tasks if "added" in t.changes)

    @property
    def slipped(self) -> tuple[TaskChange, ...]:
        """The tasks that slipped, most first."""
        return tuple(sorted((t for t in self.tasks if t.slipped), key=_by_slip))

    def over(self, max_slip: int) -> tuple[TaskChange, ...]:
        """The tasks that slipped more than `max_slip` fiscal years, most first."""
        return tuple(t for t in self.slipped if (t.slip or 0) > max_slip)

    def entries(self) -> list[TaskChange | ItemChange]:
        """Every changed task and item, by slip (most first; a change with no slip, such as
        an added or removed task, after those with one), then tasks before items, then the
        plan's order."""
        every: list[TaskChange | ItemChange] = [*self.tasks, *self.items]
        order = {id(e): n for n, e in enumerate(every)}
        changed = [e for e in every if e.changed]
        return sorted(
            changed,
            key=lambda e: (
                e.slip is None,
                -(e.slip or 0),
                isinstance(e, ItemChange),
                order[id(e)],
            ),
        )


def _by_slip(change: TaskChange) -> tuple[int, int]:
    return (-(change.slip or 0), 0)


def _own_span(tasks: Iterable[Task]) -> Span | None:
    spans = [t.years for t in tasks]
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _tasks(roadmap: Roadmap) -> dict[str, tuple[Task, Item]]:
    return {task.id: (task, item) for item in roadmap.items() for task in item.tasks}


def compare(baseline: Roadmap, current: Roadmap) -> Comparison:
    """Every task and item of either plan, with what changed from `baseline` to `current`."""
    then, now = _tasks(baseline), _tasks(current)
    tasks: list[TaskChange] = []
    for task_id, (task, item) in now.items():
        before = then.get(task_id)
        if before is None:
            tasks.append(
                TaskChange(
                    task_id, task.title, item.id, item.course_id, None, task.years, ("added",)
                )
            )
            continue
        old_task, old_item = before
        tasks.append(
            TaskChange(
                task_id,
                task.title,
                item.id,
                item.course_id,
                old_task.years,
                task.years,
                span_changes(old_task.years, task.years),
                old_item.id,
            )
        )
    for task_id, (task, item) in then.items():
        if task_id not in now:
            tasks.append(
                TaskChange(
                    task_id,
                    task.title,
                    item.id,
                    item.course_id,
                    task.years,
                    None,
                    ("removed",),
                    item.id,
                )
            )

    old_items = {item.id: item for item in baseline.items()}
    new_items = {item.id: item for item in current.items()}
    items: list[ItemChange] = []
    for item_id, item in new_items.items():
        old = old_items.get(item_id)
        span_now = _own_span(item.tasks)
        if old is None:
            items.append(
                ItemChange(
                    item_id, item.title, item.course_id, item.number, None, span_now,
                    ("added",), present_before=False,
                )
            )  # fmt: skip
            continue
        span_then = _own_span(old.tasks)
        changes: tuple[str, ...] = ()
        if span_then is not None and span_now is not None:
            changes = span_changes(span_then, span_now)
        items.append(
            ItemChange(
                item_id, item.title, item.course_id, item.number, span_then, span_now, changes
            )
        )
    for item_id, old in old_items.items():
        if item_id not in new_items:
            items.append(
                ItemChange(
                    item_id, old.title, old.course_id, old.number, _own_span(old.tasks), None,
                    ("dropped",), present_now=False,
                )
            )  # fmt: skip
    return Comparison(tuple(tasks), tuple(items))


def in_view(change: TaskChange | ItemChange, state: RoadmapState) -> bool:
    """Whether a change concerns what a view of the plan shows (`state`, after the view's
    filters): a task or item it shows, or one gone since from a course it shows."""
    courses = {c.course.id for c in state.courses}
    if isinstance(change, ItemChange):
        if not change.present_now:
            return change.course_id in courses
        return any(i.item.id == change.id for c in state.courses for i in c.items)
    if change.current is None:
        return change.course_id in courses
    return any(t.task.id == change.id for c in state.courses for i in c.items for t in i.tasks)
