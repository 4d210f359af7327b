"""Fiscal years: spans ordered and inside the roadmap period; phases tile the period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.diagnostics import Severity, YamlPath
from jtr.rules import Finding, _dict, _int, _list, number_ranges, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


def _span(value: Any) -> tuple[int, int] | None:
    span = _dict(value)
    start, end = _int(span.get("from")), _int(span.get("to"))
    return None if start is None or end is None else (start, end)


def _spans(context: Context) -> Iterator[tuple[YamlPath, str, tuple[int, int]]]:
    meta_span = _span(_dict(context.data.get("meta")).get("period"))
    if meta_span:
        yield ("meta", "period"), "the roadmap period", meta_span
    for path, phase in context.entries("phases"):
        span = _span(phase.get("fiscal_years"))
        if span:
            yield (*path, "fiscal_years"), f"phase {shown(phase.get('id'))}", span
    for path, task, _item in context.tasks():
        span = _span(task.get("fiscal_years"))
        if span:
            yield (*path, "fiscal_years"), f"task {shown(task.get('id'))}", span


@rule("year-order", Severity.ERROR, "a fiscal-year span runs forwards (from <= to)")
def year_order(context: Context) -> Iterator[Finding]:
    for path, what, (start, end) in _spans(context):
        if start > end:
            yield Finding((*path, "from"), f"{what} runs backwards: from FY{start} to FY{end}")


@rule("year-outside-period", Severity.ERROR, "every fiscal year lies inside the roadmap period")
def year_outside_period(context: Context) -> Iterator[Finding]:
    period = context.period()
    if period is None:
        return
    low, high = period
    label = f"FY{low}–FY{high}"

    def outside(year: int | None) -> bool:
        return year is not None and not low <= year <= high

    for path, what, (start, end) in _spans(context):
        if path == ("meta", "period"):
            continue
        for key, year in (("from", start), ("to", end)):
            if outside(year):
                yield Finding(
                    (*path, key), f"{what}: FY{year} is outside the roadmap period {label}"
                )
    for path, course in context.courses():
        target = _int(course.get("target_fiscal_year"))
        if outside(target):
            yield Finding(
                (*path, "target_fiscal_year"),
                f"course {shown(course.get('id'))} targets FY{target}, outside the roadmap period {label}",
            )
    for tpath, topic in context.topics():
        for i, group in enumerate(_list(topic.get("study_groups"))):
            year = _int(_dict(group).get("fiscal_year"))
            if outside(year):
                yield Finding(
                    (*tpath, "study_groups", i, "fiscal_year"),
                    f"study group: FY{year} is outside the roadmap period {label}",
                )


@rule("phase-coverage", Severity.ERROR, "phases cover the roadmap period without gap or overlap")
def phase_coverage(context: Context) -> Iterator[Finding]:
    period = context.period()
    phases = [
        (span, path, phase.get("id"))
        for path, phase in context.entries("phases")
        if (span := _span(phase.get("fiscal_years"))) and span[0] <= span[1]
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
                    f"phase {shown(ident)} overlaps phase {shown(owner[year])} in FY{year}",
                )
                break
            owner[year] = ident
    missing = [y for y in range(period[0], period[1] + 1) if y not in owner]
    if missing:
        years = ", ".join(f"FY{a}" if a == b else f"FY{a}–FY{b}" for a, b in number_ranges(missing))
        yield Finding(("phases",), f"no phase covers {years} of the roadmap period", at_key=True)


@rule("record-year", Severity.ERROR, "a record's fiscal year lies in its task's span")
def record_year(context: Context) -> Iterator[Finding]:
    for path, task, _item in context.tasks():
        span = _span(task.get("fiscal_years"))
        for i, record in enumerate(_list(task.get("history"))):
            year = _int(_dict(record).get("fiscal_year"))
            if year is None:
                continue
            rpath = (*path, "history", i, "fiscal_year")
            if not task.get("recurring"):
                yield Finding(rpath, "fiscal_year on a record is only for recurring tasks")
            elif span and not span[0] <= year <= span[1]:
                yield Finding(
                    rpath, f"FY{year} is outside the task's years FY{span[0]}–FY{span[1]}"
                )
