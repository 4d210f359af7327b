"""Fiscal years: spans ordered and inside the roadmap period; phases tile the period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jtr.access import dict_at, int_at, list_at, span_at
from jtr.diagnostics import Severity, YamlPath
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
    return f"{holder} {shown(ident)}" if holder else "the roadmap period"


@rule("year-order", Severity.ERROR, "a fiscal-year span runs forwards (from <= to)")
def year_order(context: Context) -> Iterator[Finding]:
    for path, holder, ident, (start, end) in _spans(context):
        if start > end:
            what = _what(holder, ident)
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

    for path, holder, ident, (start, end) in _spans(context):
        if not holder:
            continue
        for key, year in (("from", start), ("to", end)):
            if outside(year):
                yield Finding(
                    (*path, key),
                    f"{_what(holder, ident)}: FY{year} is outside the roadmap period {label}",
                )
    for path, course in context.courses():
        target = int_at(course.get("target_fiscal_year"))
        if outside(target):
            yield Finding(
                (*path, "target_fiscal_year"),
                f"course {shown(course.get('id'))} targets FY{target}, outside the roadmap period {label}",
            )
    for path, group in context.entries("study_group"):
        group_year = int_at(group.get("fiscal_year"))
        if outside(group_year):
            yield Finding(
                (*path, "fiscal_year"),
                f"study group: FY{group_year} is outside the roadmap period {label}",
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
        span = span_at(task.get("fiscal_years"))
        for i, record in enumerate(list_at(task.get("history"))):
            year = int_at(dict_at(record).get("fiscal_year"))
            if year is None:
                continue
            rpath = (*path, "history", i, "fiscal_year")
            if not task.get("recurring"):
                yield Finding(rpath, "fiscal_year on a record is only for recurring tasks")
            elif span and not span[0] <= year <= span[1]:
                yield Finding(
                    rpath, f"FY{year} is outside the task's years FY{span[0]}–FY{span[1]}"
                )
