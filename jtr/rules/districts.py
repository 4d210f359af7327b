"""District-scoped tasks: every district they name exists, a record names a district only on
such a task and only one in its scope, and the registry has as many districts as the roadmap
says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.access import dict_at, list_at
from jtr.diagnostics import Severity
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context

SCOPES = ("all", "hilly", "not-hilly")


def registry(data: Any) -> list[dict[str, Any]]:
    return [d for d in list_at(dict_at(data, "districts"), "list") if isinstance(d, dict)]


def in_scope(scope: Any, districts: list[dict[str, Any]]) -> set[str]:
    """The ids a task's `districts:` names (only the known ones)."""
    ids = {d["id"] for d in districts if isinstance(d.get("id"), str)}
    if scope == "all":
        return ids
    if scope in ("hilly", "not-hilly"):
        hilly = scope == "hilly"
        return {d["id"] for d in districts if d.get("id") in ids and bool(d.get("hilly")) is hilly}
    return {i for i in list_at(scope) if isinstance(i, str)} & ids


@rule(
    "district-reference",
    Severity.ERROR,
    "a district named by a task or a record exists; a record names a district only on a "
    "district-scoped task, and one in its scope",
)
def district_references(context: Context) -> Iterator[Finding]:
    districts = registry(context.data)
    known = {d["id"] for d in districts if isinstance(d.get("id"), str)}
    for path, task, _item in context.tasks():
        scope = task.get("districts")
        if isinstance(scope, list):
            for index, ident in enumerate(scope):
                if isinstance(ident, str) and ident not in known:
                    where = (*path, "districts", index)
                    yield Finding(where, message("find_unknown_district", district=shown(ident)))
        scoped = in_scope(scope, districts) if scope is not None else set()
        for index, record in enumerate(list_at(task, "history")):
            district = dict_at(record).get("district")
            if not isinstance(district, str):
                continue
            where = (*path, "history", index, "district")
            if district not in known:
                yield Finding(where, message("find_unknown_district", district=shown(district)))
            elif scope is None:
                yield Finding(
                    where, message("find_district_on_city_task", district=shown(district))
                )
            elif district not in scoped:
                yield Finding(
                    where, message("find_district_out_of_scope", district=shown(district))
                )


@rule(
    "district-count",
    Severity.WARNING,
    "the registry holds as many districts, and wholly hilly ones, as the roadmap says",
)
def district_count(context: Context) -> Iterator[Finding]:
    section = dict_at(context.data, "districts")
    expected = dict_at(section, "expected")
    districts = registry(context.data)
    total, hilly = expected.get("total"), expected.get("hilly")
    if isinstance(total, int) and not isinstance(total, bool) and len(districts) != total:
        yield Finding(
            ("districts", "expected", "total"),
            message("find_district_count", expected=total, found=len(districts)),
        )
    found_hilly = sum(1 for d in districts if d.get("hilly") is True)
    if isinstance(hilly, int) and not isinstance(hilly, bool) and found_hilly != hilly:
        yield Finding(
            ("districts", "expected", "hilly"),
            message("find_hilly_count", expected=hilly, found=found_hilly),
        )
