"""Dates of progress records, decisions and realisations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from jtr.access import dict_at, int_at, list_at, value_at
from jtr.diagnostics import Severity, YamlPath
from jtr.fiscal import date_or_none as parse_date
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


def _dated(context: Context) -> Iterator[tuple[YamlPath, str]]:
    """Every date string that progress records, decisions and realisations carry."""
    for path, task, _item in context.tasks():
        for i, record in enumerate(list_at(task.get("history"))):
            value = dict_at(record).get("date")
            if isinstance(value, str):
                yield (*path, "history", i, "date"), value
    for path, item, _course in context.items():
        for key in ("decision", "realisation"):
            value = value_at(item, key, "date")
            if isinstance(value, str):
                yield (*path, key, "date"), value


@rule("invalid-date", Severity.ERROR, "dates are real calendar dates")
def invalid_dates(context: Context) -> Iterator[Finding]:
    for path, value in _dated(context):
        if len(value) == 10 and value[4] == "-" and parse_date(value) is None:
            yield Finding(path, message("find_invalid_date", value=shown(value)))
    for i, revision in enumerate(list_at(context.data, "revisions")):  # the revision log's
        written = dict_at(revision).get("date")
        if isinstance(written, str) and len(written) == 10 and parse_date(written) is None:
            where = ("revisions", i, "date")
            yield Finding(where, message("find_invalid_date", value=shown(written)))


@rule("history-order", Severity.ERROR, "a task's status history is in date order")
def history_order(context: Context) -> Iterator[Finding]:
    for path, task, _item in context.tasks():
        last: dt.date | None = None
        for i, record in enumerate(list_at(task.get("history"))):
            when = parse_date(dict_at(record).get("date"))
            if when is None:
                continue
            if last is not None and when < last:
                yield Finding(
                    (*path, "history", i, "date"),
                    message("find_history_order", when=when, last=last),
                )
            last = max(last, when) if last else when


@rule("done-without-date", Severity.WARNING, "a done record says when")
def done_without_date(context: Context) -> Iterator[Finding]:
    for path, task, _item in context.tasks():
        for i, record in enumerate(list_at(task.get("history"))):
            record = dict_at(record)
            if record.get("status") == "done" and "date" not in record:
                yield Finding(
                    (*path, "history", i),
                    message("find_done_without_date", task=shown(task.get("id"))),
                )


@rule("date-before-roadmap", Severity.WARNING, "no progress is dated before the roadmap began")
def date_before_roadmap(context: Context) -> Iterator[Finding]:
    period = context.period()
    month = int_at(context.data, "meta", "fiscal_year_start_month")
    if period is None or month is None or not 1 <= month <= 12:
        return
    start = dt.date(period[0], month, 1)
    for path, value in _dated(context):
        when = parse_date(value)
        if when is not None and when < start:
            yield Finding(path, message("find_date_before_roadmap", when=when, start=start))


@rule(
    "realised-before-decided",
    Severity.WARNING,
    "an item is not realised before its policy is decided",
)
def realised_before_decided(context: Context) -> Iterator[Finding]:
    for path, item, _course in context.items():
        decided = parse_date(value_at(item, "decision", "date"))
        realised = parse_date(value_at(item, "realisation", "date"))
        if decided and realised and realised < decided:
            yield Finding(
                (*path, "realisation", "date"),
                message(
                    "find_realised_before_decided",
                    item=shown(item.get("id")),
                    realised=realised,
                    decided=decided,
                ),
            )
