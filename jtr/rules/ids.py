"""Ids are unique within their kind; item and task ids across the whole roadmap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from jtr.diagnostics import Severity, YamlPath
from jtr.rules import Finding, _dict, _list, rule

if TYPE_CHECKING:
    from jtr.rules import Context

KINDS = (
    "owner", "phase", "course", "item", "task", "working group", "body", "goal", "topic",
    "study group", "principle", "scope party", "scope area", "activity kind",
)  # fmt: skip


def _entries(context: Context, kind: str) -> Iterator[tuple[YamlPath, dict]]:
    data = context.data
    simple = {
        "owner": "owners", "phase": "phases", "course": "courses", "working group": "working_groups",
        "body": "bodies", "principle": "principles",
    }  # fmt: skip
    if kind in simple:
        yield from context.entries(simple[kind])
    elif kind == "item":
        for path, item, _ in context.items():
            yield path, item
    elif kind == "task":
        for path, task, _ in context.tasks():
            yield path, task
    elif kind == "goal":
        for path, goal, _ in context.goals():
            yield path, goal
    elif kind == "topic":
        yield from context.topics()
    elif kind == "study group":
        for tpath, topic in context.topics():
            for i, group in enumerate(_list(topic.get("study_groups"))):
                if isinstance(group, dict):
                    yield (*tpath, "study_groups", i), group
    elif kind in ("scope party", "scope area"):
        key = "parties" if kind == "scope party" else "areas"
        for i, entry in enumerate(_list(_dict(data.get("scope")).get(key))):
            if isinstance(entry, dict):
                yield ("scope", key, i), entry
    elif kind == "activity kind":
        for i, entry in enumerate(_list(_dict(data.get("resident_activities")).get("kinds"))):
            if isinstance(entry, dict):
                yield ("resident_activities", "kinds", i), entry
    else:  # pragma: no cover - a programming error, caught by the tests of every kind
        raise KeyError(kind)


def collect(context: Context, kind: str) -> Iterator[tuple[str, YamlPath]]:
    for path, entry in _entries(context, kind):
        ident = entry.get("id")
        if isinstance(ident, str):
            yield ident, (*path, "id")


@rule("duplicate-id", Severity.ERROR, "ids are unique within their kind")
def duplicate_ids(context: Context) -> Iterator[Finding]:
    for kind in KINDS:
        seen: dict[str, YamlPath] = {}
        for ident, path in collect(context, kind):
            if ident in seen:
                first = context.line_of(seen[ident])
                yield Finding(path, f"duplicate {kind} id '{ident}' (first used at line {first})")
            else:
                seen[ident] = path
