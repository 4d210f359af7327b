"""Every reference to an owner, item, working group or scope party resolves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.access import dict_at, list_at
from jtr.diagnostics import Severity, YamlPath
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


# Longer than any id worth suggesting for: difflib's cost grows with the square of the length.
_SUGGEST_UP_TO = 100


def _unknown(kind: str, ident: str, known: dict[str, YamlPath]) -> str:
    """`unknown owner 'citty'; did you mean 'city'?`, `kind` named as jtr.kinds names it."""
    hint = ""
    if len(ident) <= _SUGGEST_UP_TO:
        import difflib  # only when something is wrong

        match = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
        hint = message("find_did_you_mean", close=shown(match[0])) if match else ""
    word = message(f"kind_{kind}")
    return message("find_unknown_reference", kind=word, ident=shown(ident), hint=hint)


def _refs(value: Any, path: YamlPath) -> Iterator[tuple[str, YamlPath]]:
    """(id, path) of each string in a list of references."""
    for i, ref in enumerate(list_at(value)):
        if isinstance(ref, str):
            yield ref, (*path, i)


@rule(
    "unknown-reference",
    Severity.ERROR,
    "every owner, item, working-group and party reference resolves",
)
def unknown_references(context: Context) -> Iterator[Finding]:
    owners = context.ids("owner")
    items = context.ids("item")
    groups = context.ids("working group")
    parties = context.ids("scope party")
    for path, item, _course in context.items():
        for ref, rpath in _refs(item.get("owners"), (*path, "owners")):
            if ref not in owners:
                yield Finding(rpath, _unknown("owner", ref, owners))
        group = item.get("working_group")
        if isinstance(group, str) and group not in groups:
            yield Finding((*path, "working_group"), _unknown("working_group", group, groups))
    for path, task, _item in context.tasks():
        for ref, rpath in _refs(task.get("shared_with"), (*path, "shared_with")):
            if ref not in items:
                yield Finding(rpath, _unknown("item", ref, items))
    for path, group in context.entries("working_group"):
        for ref, rpath in _refs(group.get("items"), (*path, "items")):
            if ref not in items:
                yield Finding(rpath, _unknown("item", ref, items))
    for path, goal, _course in context.goals():
        for ref, rpath in _refs(goal.get("items"), (*path, "items")):
            if ref not in items:
                yield Finding(rpath, _unknown("item", ref, items))
        for i, state in enumerate(list_at(goal.get("states"))):
            for ref, rpath in _refs(dict_at(state).get("items"), (*path, "states", i, "items")):
                if ref not in items:
                    yield Finding(rpath, _unknown("item", ref, items))
    for path, area in context.entries("scope_area"):
        for ref, rpath in _refs(area.get("parties"), (*path, "parties")):
            if ref not in parties:
                yield Finding(rpath, _unknown("scope_party", ref, parties))


@rule("working-group-link", Severity.WARNING, "an item and its working group name each other")
def working_group_links(context: Context) -> Iterator[Finding]:
    served: dict[str, set[str]] = {}
    for _path, group in context.entries("working_group"):
        ident = group.get("id")
        if isinstance(ident, str):
            served[ident] = {r for r, _ in _refs(group.get("items"), ())}
    item_group: dict[str, str] = {}
    for path, item, _course in context.items():
        ident, named = item.get("id"), item.get("working_group")
        if isinstance(ident, str) and isinstance(named, str):
            item_group[ident] = named
            if named in served and ident not in served[named]:
                yield Finding(
                    (*path, "working_group"),
                    message("find_item_names_group", item=shown(ident), group=shown(named)),
                )
    for path, group in context.entries("working_group"):
        gid = group.get("id")
        for ref, rpath in _refs(group.get("items"), (*path, "items")):
            if ref in item_group and item_group[ref] != gid:
                yield Finding(
                    rpath,
                    message(
                        "find_group_lists_item",
                        group=shown(gid),
                        item=shown(ref),
                        other=shown(item_group[ref]),
                    ),
                )


@rule(
    "cross-course-reference", Severity.WARNING, "a goal and the tasks it shares stay in one course"
)
def cross_course(context: Context) -> Iterator[Finding]:
    course_of: dict[str, Any] = {}
    for _path, item, course in context.items():
        if isinstance(item.get("id"), str):
            course_of[item["id"]] = course.get("id")
    for path, goal, course in context.goals():
        refs = list(_refs(goal.get("items"), (*path, "items")))
        for i, state in enumerate(list_at(goal.get("states"))):
            refs += _refs(dict_at(state).get("items"), (*path, "states", i, "items"))
        for ref, rpath in refs:
            if ref in course_of and course_of[ref] != course.get("id"):
                yield Finding(
                    rpath,
                    message(
                        "find_goal_names_other_course",
                        course=shown(course.get("id")),
                        item=shown(ref),
                        other=shown(course_of[ref]),
                    ),
                )
    for path, task, item in context.tasks():
        own = item.get("id")
        if not isinstance(own, str):
            continue
        for ref, rpath in _refs(task.get("shared_with"), (*path, "shared_with")):
            if ref == own:
                yield Finding(rpath, message("find_shared_with_own_item", item=shown(ref)))
            elif ref in course_of and own in course_of and course_of[ref] != course_of[own]:
                yield Finding(rpath, message("find_shared_with_other_course", item=shown(ref)))


@rule(
    "goal-item-consistency", Severity.WARNING, "items named by a goal's states belong to the goal"
)
def goal_states(context: Context) -> Iterator[Finding]:
    for path, goal, _course in context.goals():
        listed = {r for r, _ in _refs(goal.get("items"), ())}
        for i, state in enumerate(list_at(goal.get("states"))):
            for ref, rpath in _refs(dict_at(state).get("items"), (*path, "states", i, "items")):
                if ref not in listed:
                    yield Finding(rpath, message("find_state_item_not_in_goal", item=shown(ref)))
