"""Item numbering, and items that have nothing to track or no goal."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from jtr.diagnostics import Severity, YamlPath
from jtr.rules import Finding, _int, _list, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


@rule("duplicate-number", Severity.ERROR, "item numbers are unique within a course")
def duplicate_numbers(context: Context) -> Iterator[Finding]:
    for cpath, course in context.courses():
        seen: dict[int, YamlPath] = {}
        for i, item in enumerate(_list(course.get("items"))):
            number = _int(item.get("number")) if isinstance(item, dict) else None
            if number is None:
                continue
            path = (*cpath, "items", i, "number")
            if number in seen:
                yield Finding(
                    path,
                    f"item number {number} is used twice in course {shown(course.get('id'))} "
                    f"(first at line {context.line_of(seen[number])})",
                )
            else:
                seen[number] = path


@rule("number-gap", Severity.WARNING, "item numbers in a course run 1..n without gaps")
def number_gaps(context: Context) -> Iterator[Finding]:
    for cpath, course in context.courses():
        numbers = {
            n for item in _list(course.get("items"))
            if isinstance(item, dict) and (n := _int(item.get("number"))) is not None
        }  # fmt: skip
        if not numbers:
            continue
        # Walk the gaps between the numbers used, not every number up to the largest.
        ordered = sorted(n for n in numbers if n >= 1)
        gaps = [(a + 1, b - 1) for a, b in pairwise([0, *ordered]) if b - a > 1]
        if gaps:
            listed = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gaps)
            yield Finding(
                (*cpath, "items"), f"course {shown(course.get('id'))} has no item numbered {listed}"
            )


@rule("empty-item", Severity.WARNING, "every item has a task of its own or one shared with it")
def empty_items(context: Context) -> Iterator[Finding]:
    shared: set[str] = set()
    for _path, task, _item in context.tasks():
        shared.update(r for r in _list(task.get("shared_with")) if isinstance(r, str))
    for path, item, _course in context.items():
        ident = item.get("id")
        if not _list(item.get("tasks")) and isinstance(ident, str) and ident not in shared:
            yield Finding(
                (*path, "tasks"), f"item {shown(item.get('id'))} has no tasks and no shared task"
            )


@rule("item-without-goal", Severity.WARNING, "every item serves one of its course's goals")
def items_without_goal(context: Context) -> Iterator[Finding]:
    for cpath, course in context.courses():
        goals = [g for g in _list(course.get("goals")) if isinstance(g, dict)]
        if not goals:
            continue
        covered = {r for g in goals for r in _list(g.get("items")) if isinstance(r, str)}
        for i, item in enumerate(_list(course.get("items"))):
            if (
                isinstance(item, dict)
                and isinstance(item.get("id"), str)
                and item["id"] not in covered
            ):
                yield Finding(
                    (*cpath, "items", i, "id"),
                    f"item {shown(item['id'])} belongs to no goal of course {shown(course.get('id'))}",
                )
