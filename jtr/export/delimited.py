"""`jtr export --format csv|tsv`: one row per task, for Excel and any spreadsheet.

Excel opens a CSV by double-click in the system's legacy code page unless the file starts with
a UTF-8 byte-order mark, so the text starts with U+FEFF and lines end in CRLF (RFC 4180):
Japanese titles then open correctly on a Japanese Windows desktop. Text that a spreadsheet
would run as a formula (starting with = + - @) is prefixed with an apostrophe; control, bidi
and invisible characters are shown visibly (`jtr.escape.document`), line breaks stay.
"""

from __future__ import annotations

import csv
import io

from jtr.escape import document
from jtr.export._common import (
    TaskRow,
    join,
    note_text,
    owner_names,
    record_text,
    state_text,
    task_rows,
    word,
    years_label,
)
from jtr.status import RoadmapState

BOM = "\ufeff"
COLUMNS = (
    "course_col", "number", "item_col", "task_id", "task_col", "years_col", "from_fy", "to_fy",
    "recurring_col", "owners_col", "state_col", "state_code", "last_record_col", "note_col",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header(lang: str) -> list[str]:
    return [word(key, lang) for key in COLUMNS]


def row_values(state: RoadmapState, row: TaskRow, lang: str) -> list[str | int]:
    """The cells of one task, in COLUMNS order (numbers stay numbers)."""
    ts, item, course = row.task, row.item.item, row.course.course
    return [
        f"{course.numeral} {course.title.get(lang)}",
        item.number,
        item.title.get(lang),
        ts.task.id,
        ts.task.title.get(lang),
        years_label(ts.task.years, lang),
        ts.task.years.start,
        ts.task.years.end,
        word("yes", lang) if ts.task.recurring else "",
        join(owner_names(state, row.item, lang), lang),
        state_text(ts, lang),
        ts.state,
        record_text(ts.last_record, lang),
        note_text(row, lang),
    ]


def rows(state: RoadmapState, lang: str) -> list[list[str | int]]:
    return [row_values(state, row, lang) for row in task_rows(state)]


def _safe(value: str | int) -> str | int:
    if not isinstance(value, str):
        return value
    value = document(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _export(state: RoadmapState, lang: str, delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header(lang))
    for values in rows(state, lang):
        writer.writerow([_safe(v) for v in values])
    return BOM + buffer.getvalue()


def export_csv(state: RoadmapState, lang: str) -> str:
    return _export(state, lang, ",")


def export_tsv(state: RoadmapState, lang: str) -> str:
    return _export(state, lang, "\t")
