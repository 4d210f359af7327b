"""`jtr request`: the request workbook (照会票) one respondent fills in and sends back.

The format (`jtr import` reads exactly this; FORMAT names it):

- sheet 1, 回答 / Reply: a header row, then one row per task (per task × district for a
  district-scoped task). Columns A–H are the context (task id, district id, course, item,
  task, fiscal years, current state, last record), locked; I–L are the answer (new state,
  date, note, respondent), unlocked and shaded yellow. The sheet is protected without a
  password; column I takes one of the six statuses in the workbook's language, column J a
  date within the roadmap's period.
- sheet 2, 記入方法 / Instructions: how to fill it in, in plain words.
- sheet 3, `_jtr`, very hidden and protected: key/value rows (KEYS), then a row `rows` and
  one row per Reply row: its row number, the task id and the district id (empty for a task
  done once for the whole city). The import trusts this table, not the visible cells.

Text is stored as text, never as a formula, and shown visibly (jtr.escape.document).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any, NamedTuple

from jtr.escape import document
from jtr.labels import label
from jtr.model import Course, Item
from jtr.presenter import (
    course_name,
    item_ref,
    record_text,
    span_dates,
    span_label,
    state_label,
    task_state_label,
)
from jtr.status import RoadmapState

FORMAT = "jtr-request-1"
META_SHEET = "_jtr"
# The statuses a reply may set, in the order the list offers them.
STATUSES = ("planned", "in_progress", "done", "delayed", "on_hold", "cancelled")
# The keys of the `_jtr` sheet, in their order; the row table follows under ROWS_KEY.
KEYS = ("format", "roadmap", "source_sha256", "respondent_kind", "respondent", "lang", "as_of",
        "created")  # fmt: skip
ROWS_KEY = "rows"
RESPONDENT_KINDS = ("owner", "district", "all")

# The Reply sheet's columns: (catalog key of the title, answered by the respondent).
COLUMNS = (
    ("task_id_col", False),
    ("district_id_col", False),
    ("course_col", False),
    ("item_col", False),
    ("task_col", False),
    ("years_col", False),
    ("current_state_col", False),
    ("last_record_col", False),
    ("new_state_col", True),
    ("date_col", True),
    ("note_col", True),
    ("respondent_col", True),
)
INPUT_FILL = "FFF2CC"  # light yellow: the cells to fill in
HEADER_FILL = "DDEBF7"
MAX_WIDTH = 30  # wider texts wrap: the sheet prints one page wide, readable
LINE_HEIGHT = 15  # points: one line of the default 11-point font
INPUT_WIDTH = 14  # the answer columns are empty: wide enough for a date or a status


class RequestRow(NamedTuple):
    """One row of the Reply sheet: the task (and district) it asks about and its context."""

    task_id: str
    district_id: str | None
    course: str
    item: str
    task: str
    years: str
    state: str
    last_record: str


def request_rows(state: RoadmapState, lang: str, district: str | None = None) -> list[RequestRow]:
    """The rows of a request on `state` (already filtered by owner or district): each task
    once, in the roadmap's order (a shared task under its own item), a district-scoped task
    once per district in scope. With `district`, only the district-scoped tasks that include
    it, one row each for it."""
    roadmap = state.roadmap
    owning: dict[str, tuple[Course, Item]] = {
        item.id: (course, item) for course in roadmap.courses for item in course.items
    }
    rows: list[RequestRow] = []
    seen: set[str] = set()
    for course_state in state.courses:
        for item_state in course_state.items:
            for ts in item_state.tasks:
                task = ts.task
                if task.id in seen:
                    continue
                seen.add(task.id)
                course, item = owning.get(task.item_id, (course_state.course, item_state.item))
                context = (
                    course_name(course, lang),
                    f"{item_ref(course, item)} {item.title.get(lang)}",
                    task.title.get(lang),
                    span_label(task.years, lang),
                )
                if not task.districts:
                    if district is None:
                        rows.append(
                            RequestRow(
                                task.id, None, *context, task_state_label(ts, lang),
                                record_text(ts.last_record, lang),
                            )
                        )  # fmt: skip
                    continue
                for ds in ts.districts:
                    if district is not None and ds.district != district:
                        continue
                    rows.append(
                        RequestRow(
                            task.id, ds.district, *context,
                            state_label(ds.state, lang, recorded=ds.last_record is not None),
                            record_text(ds.last_record, lang),
                        )
                    )  # fmt: skip
    return rows


def source_sha256(source: bytes) -> str:
    """The sha256 (hex) of the roadmap file's bytes, as the `_jtr` sheet keeps it."""
    return hashlib.sha256(source).hexdigest()


def status_choices(lang: str) -> list[str]:
    """The values column I offers: the statuses' words in Japanese, their codes in English."""
    return [label(code, lang) for code in STATUSES] if lang == "ja" else list(STATUSES)


def request_workbook(
    state: RoadmapState,
    source: bytes,
    lang: str,
    respondent_kind: str = "all",
    respondent: str | None = None,
    *,
    created: dt.date | None = None,
) -> tuple[bytes, int]:
    """The request workbook for one respondent (`owner`, `district` or `all`) on `state`
    (already filtered for it), and how many rows it asks about. `source` is the roadmap file's
    bytes, whose sha256 the workbook keeps."""
    from openpyxl import Workbook

    if respondent_kind not in RESPONDENT_KINDS:
        raise ValueError(respondent_kind)
    rows = request_rows(state, lang, respondent if respondent_kind == "district" else None)
    book = Workbook()
    reply = book.worksheets[0]
    reply.title = label("request_sheet", lang)
    _reply(reply, state, rows, lang)
    _instructions(book.create_sheet(label("request_instructions_sheet", lang)), state, lang)

    meta = book.create_sheet(META_SHEET)
    values = {
        "format": FORMAT,
        "roadmap": state.roadmap.id,
        "source_sha256": source_sha256(source),
        "respondent_kind": respondent_kind,
        "respondent": respondent or "",
        "lang": lang,
        "as_of": state.as_of.isoformat(),
        "created": (created or dt.date.today()).isoformat(),
    }
    for key in KEYS:
        meta.append([key, values[key]])
    meta.append([ROWS_KEY])
    for number, row in enumerate(rows, start=2):
        meta.append([number, row.task_id, row.district_id or ""])
    for cells in meta.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.active = 0

    props = book.properties
    props.title = document(" ".join(["jtr request", state.roadmap.id, *filter(None, [respondent])]))
    props.creator = "jtr"
    props.language = lang
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), len(rows)


def _reply(sheet: Any, state: RoadmapState, rows: list[RequestRow], lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation
    from rich.cells import cell_len

    from jtr.export.xlsx import fit_columns

    head = [label(key, lang) for key, _input in COLUMNS]
    sheet.append(head)
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    unlocked = Protection(locked=False)
    top = Alignment(vertical="top", wrap_text=True)
    shown: list[list[str]] = []
    for row in rows:
        values = [document(value) if value else "" for value in row]
        shown.append([*values, "", "", "", ""])
        sheet.append([v or None for v in values])
        number = sheet.max_row
        for index, (_key, answered) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=number, column=index)
            cell.alignment = top
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
            if answered:
                cell.protection = unlocked
                cell.fill = input_fill
        sheet.cell(
            row=number, column=COLUMNS.index(("date_col", True)) + 1
        ).number_format = "yyyy-mm-dd"

    last = len(rows) + 1
    if rows:
        choices = status_choices(lang)
        status = DataValidation(
            type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
        )
        status.add(f"I2:I{last}")
        first_day, last_day = span_dates(
            state.roadmap.period, state.roadmap.fiscal_year_start_month
        )
        day = DataValidation(
            type="date",
            operator="between",
            formula1=_excel_date(first_day),
            formula2=_excel_date(last_day),
            allow_blank=True,
        )
        day.add(f"J2:J{last}")
        for validation in (status, day):
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)

    floor = [INPUT_WIDTH if answered else 0 for _key, answered in COLUMNS]
    widths = fit_columns(sheet, head, shown, MAX_WIDTH, floor)
    # Heights for the wrapped texts: neither Excel nor Calc grows a row on opening.
    for number, values in enumerate(shown, start=2):
        lines = max(
            sum(-(-max(cell_len(line), 1) // (width - 2)) for line in value.split("\n"))
            for value, width in zip(values, widths, strict=True)
        )
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    _print_setup(sheet)


def _print_setup(sheet: Any, grid: bool = True) -> None:
    """Printed (or saved as PDF) on A4 landscape, one page wide, the header on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = grid


def _excel_date(day: dt.date) -> str:
    """A date as a validation's formula: `DATE(2023,4,1)`, whatever the locale's format."""
    return f"DATE({day.year},{day.month},{day.day})"


def _instructions(sheet: Any, state: RoadmapState, lang: str) -> None:
    from openpyxl.styles import Alignment, Font
    from rich.cells import cell_len

    lines = [
        label("request_instructions_heading", lang),
        *(
            f"{number}. {label(f'request_instructions_{key}', lang)}"
            for number, key in enumerate(("yellow", "status", "date", "empty", "send"), start=1)
        ),
        label("request_instructions_as_of", lang).format(as_of=state.as_of.isoformat()),
    ]
    for line in lines:
        sheet.append([document(line)])
    sheet["A1"].font = Font(bold=True)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    widest = max(cell_len(line) for line in lines)
    sheet.column_dimensions["A"].width = min(widest + 2, 100)
    _print_setup(sheet, grid=False)
