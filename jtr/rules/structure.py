"""Item numbering, and items that have nothing to track or no goal."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from jtr.access import ident as ident_of
from jtr.access import int_at, list_at, texts
from jtr.diagnostics import Severity, YamlPath
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


def _numbered(context: Context) -> Iterator[tuple[YamlPath, dict[str, Any], int]]:
    """(path of the item, its course, its number) for every item with an integer number."""
    for path, item, course in context.items():
        number = int_at(item.get("number"))
        if number is not None:
            yield path, course, number


@rule("duplicate-number", Severity.ERROR, "item numbers are unique within a course")
def duplicate_numbers(context: Context) -> Iterator[Finding]:
    seen: dict[int, dict[int, YamlPath]] = {}  # by course (its object's id): number → path
    for item_path, course, number in _numbered(context):
        path = (*item_path, "number")
        first = seen.setdefault(id(course), {})
        if number in first:
            yield Finding(
                path,
                message(
                    "find_duplicate_number",
                    number=number,
                    course=shown(course.get("id")),
                    first=context.line_of(first[number]),
                ),
            )
        else:
            first[number] = path


@rule("number-gap", Severity.WARNING, "item numbers in a course run 1..n without gaps")
def number_gaps(context: Context) -> Iterator[Finding]:
    courses: dict[int, tuple[YamlPath, dict[str, Any], set[int]]] = {}
    for item_path, course, number in _numbered(context):
        courses.setdefault(id(course), (item_path[:-2], course, set()))[2].add(number)
    for cpath, course, numbers in courses.values():
        # Walk the gaps between the numbers used, not every number up to the largest.
        ordered = sorted(n for n in numbers if n >= 1)
        gaps = [(a + 1, b - 1) for a, b in pairwise([0, *ordered]) if b - a > 1]
        if gaps:
            listed = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gaps)
            yield Finding(
                (*cpath, "items"),
                message("find_number_gap", course=shown(course.get("id")), numbers=listed),
            )


@rule("empty-item", Severity.WARNING, "every item has a task of its own or one shared with it")
def empty_items(context: Context) -> Iterator[Finding]:
    shared: set[str] = set()
    for _path, task, _item in context.tasks():
        shared.update(r for r in list_at(task.get("shared_with")) if isinstance(r, str))
    for path, item, _course in context.items():
        ident = item.get("id")
        if not list_at(item.get("tasks")) and isinstance(ident, str) and ident not in shared:
            yield Finding((*path, "tasks"), message("find_empty_item", item=shown(item.get("id"))))


@rule("item-without-goal", Severity.WARNING, "every item serves one of its course's goals")
def items_without_goal(context: Context) -> Iterator[Finding]:
    covered: dict[int, set[str]] = {}  # by course (its object's id): the items its goals name
    for _path, goal, course in context.goals():
        covered.setdefault(id(course), set()).update(r for _i, r in texts(goal.get("items")))
    for path, item, course in context.items():
        ident = ident_of(item)
        if ident is not None and id(course) in covered and ident not in covered[id(course)]:
            yield Finding(
                (*path, "id"),
                message(
                    "find_item_without_goal", item=shown(ident), course=shown(course.get("id"))
                ),
            )
