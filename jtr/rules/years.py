"""Fiscal years: spans ordered and inside the roadmap period; phases tile the period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.access import dict_at, int_at, list_at, span_at
from jtr.diagnostics import Severity, YamlPath
from jtr.labels import message
from jtr.rules import Finding, number_ranges, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


def _spans(context: Context) -> Iterator[tuple[YamlPath, str, Any, tuple[int, int]]]:
    """(path, holder, its id, span) of every fiscal-year span: the roadmap period's (holder
    ""), each phase's and each task's. The holder is named (`_what`) only if a rule reports."""
    meta_span = span_at(context.data, "meta", "period")
    if meta_span:
        yield ("meta", "period"), "", None, meta_span
    for path, phase in context.entries("phase"):
        span = span_at(phase.get("fiscal_years"))
        if span:
            yield (*path, "fiscal_years"), "phase", phase.get("id"), span
    for path, task, _item in context.tasks():
        span = span_at(task.get("fiscal_years"))
        if span:
            yield (*path, "fiscal_years"), "task", task.get("id"), span


def _what(holder: str, ident: Any) -> str:
    """`task 'task-a1'`, `phase 'landing'` (the kind named as jtr.kinds names it), or the
    roadmap period."""
    if not holder:
        return message("find_roadmap_period")
    return f"{message(f'kind_{holder}')} {shown(ident)}"


def _fy(year: object) -> str:
    """`FY2024` (2024年度 in Japanese)."""
    return message("find_fy", year=year)


def _fy_span(first: object, last: object) -> str:
    """`FY2024–FY2025` (2024年度～2025年度 in Japanese)."""
    return message("find_fy_span", first=first, last=last)


@rule("year-order", Severity.ERROR, "a fiscal-year span runs forwards (from <= to)")
def year_order(context: Context) -> Iterator[Finding]:
    for path, holder, ident, (start, end) in _spans(context):
        if start > end:
            what = _what(holder, ident)
            said = message("find_runs_backwards", what=what, start=_fy(start), end=_fy(end))
            yield Finding((*path, "from"), said)


@rule("year-outside-period", Severity.ERROR, "every fiscal year lies inside the roadmap period")
def year_outside_period(context: Context) -> Iterator[Finding]:
    period = context.period()
    if period is None:
        return
    low, high = period
    label = _fy_span(low, high)

    def outside(year: int | None) -> bool:
        return year is not None and not low <= year <= high

    for path, holder, ident, (start, end) in _spans(context):
        if not holder:
            continue
        for key, year in (("from", start), ("to", end)):
            if outside(year):
                yield Finding(
                    (*path, key),
                    message(
                        "find_year_outside", what=_what(holder, ident), year=_fy(year), period=label
                    ),
                )
    for path, course in context.courses():
        target = int_at(course.get("target_fiscal_year"))
        if outside(target):
            yield Finding(
                (*path, "target_fiscal_year"),
                message(
                    "find_target_outside",
                    course=shown(course.get("id")),
                    year=_fy(target),
                    period=label,
                ),
            )
    for path, group in context.entries("study_group"):
        group_year = int_at(group.get("fiscal_year"))
        if outside(group_year):
            yield Finding(
                (*path, "fiscal_year"),
                message("find_study_group_outside", year=_fy(group_year), period=label),
            )


@rule("phase-coverage", Severity.ERROR, "phases cover the roadmap period without gap or overlap")
def phase_coverage(context: Context) -> Iterator[Finding]:
    period = context.period()
    phases = [
        (span, path, phase.get("id"))
        for path, phase in context.entries("phase")
        if (span := span_at(phase.get("fiscal_years"))) and span[0] <= span[1]
    ]
    if period is None or not phases:
        return
    owner: dict[int, Any] = {}
    for (start, end), path, ident in phases:
        # Years outside the period are year-outside-period's to report; counting stays bounded.
        for year in range(max(start, period[0]), min(end, period[1]) + 1):
            if year in owner:
                yield Finding(
                    (*path, "fiscal_years"),
                    message(
                        "find_phase_overlap",
                        phase=shown(ident),
                        other=shown(owner[year]),
                        year=_fy(year),
                    ),
                )
                break
            owner[year] = ident
    missing = [y for y in range(period[0], period[1] + 1) if y not in owner]
    if missing:
        years = ", ".join(_fy(a) if a == b else _fy_span(a, b) for a, b in number_ranges(missing))
        yield Finding(("phases",), message("find_phase_gap", years=years), at_key=True)


@rule("record-year", Severity.ERROR, "a record's fiscal year lies in its task's span")
def record_year(context: Context) -> Iterator[Finding]:
    for path, task, _item in context.tasks():
        span = span_at(task.get("fiscal_years"))
        for i, record in enumerate(list_at(task.get("history"))):
            year = int_at(dict_at(record).get("fiscal_year"))
            if year is None:
                continue
            rpath = (*path, "history", i, "fiscal_year")
            if not task.get("recurring"):
                yield Finding(rpath, message("find_record_year_not_recurring"))
            elif span and not span[0] <= year <= span[1]:
                said = message(
                    "find_record_year_outside", year=_fy(year), span=_fy_span(span[0], span[1])
                )
                yield Finding(rpath, said)
