"""`jtr export --format csv|tsv`: one row per task, for Excel and any spreadsheet.

Excel opens a CSV by double-click in the system's legacy code page unless the file starts with
a UTF-8 byte-order mark, so the text starts with U+FEFF and lines end in CRLF (RFC 4180):
Japanese titles then open correctly on a Japanese Windows desktop. Text that a spreadsheet
would run as a formula (starting with = + - @) is prefixed with an apostrophe; control, bidi
and invisible characters are shown visibly (`jtr.escape.document`), line breaks stay.

A roadmap with readings of the seed gets a last column, the marks (`※1,3`) of the readings
that the row's values rest on: its item's number, title and owners, and the task's span or
any other value of it (jtr.export.marks). Without readings there is no such column.

A roadmap with district-scoped tasks gets a column (before the marks) with each such task's
districts done of those in its scope (`18/32`), empty for a task done once for the whole
city; without such tasks there is no such column. The rows per district × task are `jtr
districts --format csv` (a CSV is one sheet) and the workbook's district sheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import NamedTuple

from jtr.escape import document
from jtr.export import marks
from jtr.export.districts import scoped
from jtr.labels import label
from jtr.presenter import (
    TaskField,
    TaskRow,
    course_name,
    district_progress,
    field_text,
    listed_fields,
    note_text,
    owners_text,
    record_text,
    span_label,
    state_text,
    task_rows,
)
from jtr.status import RoadmapState

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Column(NamedTuple):
    """One column of the task rows: its title's catalog key and how a row's cell is made."""

    key: str
    value: Callable[[RoadmapState, TaskRow, str], str | int]  # (state, row, lang) -> cell
    wrap: bool = False  # long text: the workbook wraps it


# The task rows, one (title, value) pair a column: numbers stay numbers. These lay out the
# task's own fields their own way; `columns()` adds the fields the presenter lists generically.
COLUMNS: tuple[Column, ...] = (
    Column("course_col", lambda s, r, lang: course_name(r.course.course, lang)),
    Column("number_col", lambda s, r, lang: r.item.item.number),
    Column("item_col", lambda s, r, lang: r.item.item.title.get(lang), wrap=True),
    Column("task_id_col", lambda s, r, lang: r.task.task.id),
    Column("task_col", lambda s, r, lang: r.task.task.title.get(lang), wrap=True),
    Column("years_col", lambda s, r, lang: span_label(r.task.task.years, lang)),
    Column("from_fy_col", lambda s, r, lang: r.task.task.years.start),
    Column("to_fy_col", lambda s, r, lang: r.task.task.years.end),
    Column("recurring_col", lambda s, r, lang: label("yes", lang) if r.task.task.recurring else ""),
    Column("owners_col", lambda s, r, lang: owners_text(s.roadmap, r.item.item, lang)),
    Column("state_col", lambda s, r, lang: state_text(r.task, lang), wrap=True),
    Column("state_code_col", lambda s, r, lang: r.task.state),
    Column("last_record_col", lambda s, r, lang: record_text(r.task.last_record, lang), wrap=True),
    Column("note_col", lambda s, r, lang: note_text(r, lang), wrap=True),
)  # fmt: skip


def _field_column(field: TaskField) -> Column:
    def value(state: RoadmapState, row: TaskRow, lang: str) -> str:
        return field_text(field, row.task.task, lang)

    return Column(field.label, value, wrap=field.wrap)


# The marks of the readings a row's values rest on; only for a roadmap with readings.
READINGS_COLUMN = Column(
    "reading_marks_col", lambda s, r, lang: marks.mark(marks.row_readings(s.roadmap, r))
)


# The districts done of a district-scoped task (`18/32`); only for a roadmap with such tasks.
# `完了 18/32 地区`, not a bare `18/32`, which a spreadsheet opening the CSV reads as a date.
DISTRICTS_COLUMN = Column(
    "districts_done_col",
    lambda s, r, lang: district_progress(r.task, lang).split(" · ")[0],
)


def columns(state: RoadmapState | None = None) -> tuple[Column, ...]:
    """The columns of the task rows: COLUMNS, then one per task field the presenter lists
    generically (jtr.presenter.TASK_FIELDS), empty for a task without it; then, when the
    state's roadmap has district-scoped tasks, their districts done (DISTRICTS_COLUMN); then,
    when it has readings of the seed, the readings' marks (READINGS_COLUMN)."""
    found = COLUMNS + tuple(_field_column(field) for field in listed_fields())
    if state is not None and scoped(state.roadmap):
        found += (DISTRICTS_COLUMN,)
    if state is not None and state.roadmap.readings:
        found += (READINGS_COLUMN,)
    return found


def header(lang: str, state: RoadmapState | None = None) -> list[str]:
    return [label(column.key, lang) for column in columns(state)]


def row_values(state: RoadmapState, row: TaskRow, lang: str) -> list[str | int]:
    """The cells of one task, one per column."""
    return [column.value(state, row, lang) for column in columns(state)]


def rows(state: RoadmapState, lang: str) -> list[list[str | int]]:
    shown = columns(state)
    return [[column.value(state, row, lang) for column in shown] for row in task_rows(state)]


def _safe(value: str | int) -> str | int:
    if not isinstance(value, str):
        return value
    value = document(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _export(state: RoadmapState, lang: str, delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header(lang, state))
    for values in rows(state, lang):
        writer.writerow([_safe(v) for v in values])
    return BOM + buffer.getvalue()


def export_csv(state: RoadmapState, lang: str) -> str:
    return _export(state, lang, ",")


def export_tsv(state: RoadmapState, lang: str) -> str:
    return _export(state, lang, "\t")
