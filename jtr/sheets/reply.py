"""Reading reply workbooks (made by `jtr request`) into one edit of the roadmap (`jtr import`).

A reply workbook's first sheet (回答 / Reply) has a row per task (and district) asked about:
A the task, B the district, C–H context, and the answer in I (status), J (date), K (note) and
L (who answers). Its very hidden sheet `_jtr` holds key/value rows (`format`, `roadmap`,
`source_sha256`, …) and, below a row `rows`, the ids of each reply row: the ids are read from
there, not from the visible cells.

Every row is checked against the roadmap as it is now; a refusal names the workbook's cell
(`支所.xlsx!回答!I12: …`). A row whose task (that district, for a district row) has a record
dated after the reply conflicts: it is left out (and listed) unless forced. A row that says
what a record of its task (district) already says is left out silently, so importing the
same replies twice changes nothing.

openpyxl is imported only inside the functions that read a workbook.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from jtr.edit.lookup import record_date
from jtr.edit.planning import AddRecords, period
from jtr.labels import label, message

FORMAT = "jtr-request-1"
META_SHEET = "_jtr"
STATUSES = ("planned", "in_progress", "done", "delayed", "on_hold", "cancelled")
# The reply sheet's input columns.
STATUS_COLUMN, DATE_COLUMN, NOTE_COLUMN, BY_COLUMN = "I", "J", "K", "L"


class ReplyError(Exception):
    """The replies are refused: every problem found, one line each (nothing is written)."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class Row(NamedTuple):
    """One answered row of a reply workbook."""

    book: str  # the workbook's file name
    sheet: str  # the reply sheet's title
    row: int
    task: str
    district: str | None
    status: str
    date: dt.date
    note: str | None
    by: str | None

    def cell(self, column: str) -> str:
        return f"{self.book}!{self.sheet}!{column}{self.row}"

    def record(self) -> dict[str, Any]:
        from jtr.edit.planning import status_record

        return status_record(
            self.status, self.date, note=self.note, by=self.by, district=self.district
        )


class Reply(NamedTuple):
    """What a reply workbook says: its `_jtr` keys and its answered rows (unchecked)."""

    book: str
    meta: dict[str, str]
    meta_rows: dict[str, int]  # the `_jtr` row of each key
    rows: tuple[Row, ...]
    problems: tuple[str, ...]


class Imported(NamedTuple):
    """The edit that records the replies, and what to say about it."""

    edit: AddRecords
    counts: tuple[tuple[str, int], ...]  # (workbook, records added) in the order given
    conflicts: tuple[str, ...]  # one line per row left out


def status_words() -> dict[str, str]:
    """Every way a reply may write a status (the code, its Japanese and English words),
    normalised, to the code."""
    words: dict[str, str] = {}
    for code in STATUSES:
        for word in (code, code.replace("_", " "), code.replace("_", "-")):
            words[word] = code
        for lang in ("ja", "en"):
            words[_normal(label(code, lang))] = code
    return words


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def _text(value: object) -> str | None:
    """A note or a name: the cell's text, or None when it is empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _date(value: object, where: str, lang: str) -> tuple[dt.date | None, str | None]:
    """(the date, or None and the problem) of a date cell."""
    from jtr.fiscal import FiscalYearError, parse_date

    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, message("err_reply_no_date", lang, where=where)
    if isinstance(value, str):
        try:
            return parse_date(value, lang), None
        except FiscalYearError as exc:
            return None, message("err_reply_bad_date", lang, where=where, problem=exc)
    problem = label("msg_not_a_date", lang).format(text=repr(value))
    return None, message("err_reply_bad_date", lang, where=where, problem=problem)


def read_reply(path: Path, lang: str) -> Reply:
    """The `_jtr` keys and the answered rows of one reply workbook; ReplyError if it cannot
    be read or is not a reply workbook. A row's problems (status, date) are collected."""
    import openpyxl

    book = path.name
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # a missing file, not a zip, not a workbook: all said plainly
        raise ReplyError([message("err_reply_unreadable", lang, book=book, problem=exc)]) from None
    if META_SHEET not in workbook.sheetnames:
        raise ReplyError([message("err_reply_no_meta", lang, where=f"{book}!{META_SHEET}!A1")])
    hidden = workbook[META_SHEET]
    meta: dict[str, str] = {}
    meta_rows: dict[str, int] = {}
    table: list[tuple[int, str, str | None]] = []
    in_rows = False
    for number, values in enumerate(hidden.iter_rows(max_col=3, values_only=True), 1):
        a, b, c = (*values, None, None, None)[:3]
        if in_rows:
            row_number = a if isinstance(a, int) else _int(a)
            task = _text(b)
            if row_number is not None and task is not None:
                table.append((row_number, task, _text(c)))
            continue
        key = _text(a)
        if key == "rows":
            in_rows = True
            meta_rows["rows"] = number
        elif key is not None:
            meta[key] = _text(b) or ""
            meta_rows[key] = number
    where = f"{book}!{META_SHEET}!B{meta_rows.get('format', 1)}"
    if meta.get("format") != FORMAT:
        found = repr(meta.get("format", ""))
        raise ReplyError(
            [message("err_reply_format", lang, where=where, found=found, expected=FORMAT)]
        )
    if not in_rows:
        raise ReplyError([message("err_reply_no_rows", lang, where=f"{book}!{META_SHEET}!A1")])
    sheet = next(s for s in workbook.worksheets if s.title != META_SHEET)
    words = status_words()
    rows: list[Row] = []
    problems: list[str] = []
    asked = {number for number, _task, _district in table}
    for number in range(2, sheet.max_row + 1):
        typed = _text(sheet[f"{STATUS_COLUMN}{number}"].value)
        if typed is not None and number not in asked:  # a row typed in below, or copied in
            problems.append(
                message("err_reply_not_asked", lang, where=f"{book}!{sheet.title}!A{number}")
            )
    for number, task, district in table:
        status_cell = sheet[f"{STATUS_COLUMN}{number}"].value
        typed = _text(status_cell)
        if typed is None:
            continue  # not answered
        at = f"{book}!{sheet.title}!"
        status = words.get(_normal(typed))
        if status is None:
            known = ", ".join(f"{label(s, 'ja')} ({s})" for s in STATUSES)
            problems.append(
                message(
                    "err_reply_status",
                    lang,
                    where=f"{at}{STATUS_COLUMN}{number}",
                    value=repr(typed),
                    known=known,
                )
            )
        day, problem = _date(
            sheet[f"{DATE_COLUMN}{number}"].value, f"{at}{DATE_COLUMN}{number}", lang
        )
        if problem is not None:
            problems.append(problem)
        if status is None or day is None:
            continue
        note = _text(sheet[f"{NOTE_COLUMN}{number}"].value)
        by = _text(sheet[f"{BY_COLUMN}{number}"].value)
        rows.append(Row(book, sheet.title, number, task, district, status, day, note, by))
    return Reply(book, meta, meta_rows, tuple(rows), tuple(problems))


def _int(value: object) -> int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _owners_of_tasks(data: Any) -> dict[str, set[str]]:
    """The owners a task is asked of: those of its item and of the items it is shared with."""
    from jtr import access

    item_owners: dict[str, set[str]] = {}
    for found in access.items(data):
        ident = access.ident(found.entry)
        owners = found.entry.get("owners")
        if ident is not None and isinstance(owners, list):
            item_owners[ident] = {o for o in owners if isinstance(o, str)}
    result: dict[str, set[str]] = {}
    for found in access.tasks(data):
        ident = access.ident(found.entry)
        if ident is None:
            continue
        items = [access.ident(found.parent)]
        shared = found.entry.get("shared_with")
        items += shared if isinstance(shared, list) else []
        result.setdefault(ident, set()).update(
            *(item_owners.get(i, set()) for i in items if isinstance(i, str))
        )
    return result


def _same(record: Any, row: Row) -> bool:
    return (
        record.get("status") == row.status
        and record_date(record) == row.date
        and record.get("note") == row.note
    )


def prepare(
    paths: Sequence[Path], raw: bytes, data: Any, name: str, force: bool, lang: str
) -> Imported:
    """The one edit that records the replies of `paths` in the roadmap `data` (read from the
    bytes `raw`, shown as `name`); ReplyError with every problem found."""
    from jtr import access
    from jtr.fiscal import fiscal_year_of
    from jtr.model import district_scope

    roadmap_id = access.value_at(data, "meta", "id")
    tasks = {
        task_id: found.entry
        for found in access.tasks(data)
        if (task_id := access.ident(found.entry)) is not None
    }
    owners = _owners_of_tasks(data)
    when = period(data)
    problems: list[str] = []
    replies: list[Reply] = []
    for path in paths:
        try:
            reply = read_reply(path, lang)
        except ReplyError as exc:
            problems.extend(exc.problems)
            continue
        replies.append(reply)
        problems.extend(reply.problems)
        found = reply.meta.get("roadmap")
        if found != roadmap_id:
            where = f"{reply.book}!{META_SHEET}!B{reply.meta_rows.get('roadmap', 1)}"
            problems.append(
                message(
                    "err_reply_other_roadmap",
                    lang,
                    where=where,
                    found=repr(found or ""),
                    name=name,
                    expected=repr(roadmap_id),
                )
            )
            continue
        kind, respondent = reply.meta.get("respondent_kind"), reply.meta.get("respondent")
        for row in reply.rows:
            task = tasks.get(row.task)
            if task is None:
                problems.append(
                    message(
                        "err_reply_no_such_task", lang, where=row.cell("A"), task=repr(row.task)
                    )
                )
                continue
            if kind == "owner" and respondent not in owners.get(row.task, set()):
                unasked = "A"  # the task is not the owner's
            elif kind == "district" and row.district != respondent:
                unasked = "B"  # the row is another district's
            else:
                unasked = None
            if unasked is not None:
                problems.append(
                    message(
                        "err_reply_not_theirs",
                        lang,
                        where=row.cell(unasked),
                        task=repr(row.task),
                        respondent=repr(respondent),
                    )
                )
            if row.district is not None:
                scope = task.get("districts")
                fields = {"where": row.cell("B"), "task": repr(row.task)}
                if scope is None:
                    problems.append(
                        message("err_reply_city_wide", lang, district=repr(row.district), **fields)
                    )
                elif row.district not in district_scope(scope, data):
                    problems.append(
                        message(
                            "err_reply_district_not_in_scope",
                            lang,
                            district=repr(row.district),
                            **fields,
                        )
                    )
            if when is not None:
                first, last, month = when
                if not first <= fiscal_year_of(row.date, month) <= last:
                    problems.append(
                        message(
                            "err_reply_date_outside",
                            lang,
                            where=row.cell(DATE_COLUMN),
                            date=row.date,
                            first=first,
                            last=last,
                        )
                    )
    if problems:
        raise ReplyError(problems)
    added: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    counts: list[tuple[str, int]] = []
    conflicts: list[str] = []
    new: list[tuple[str, dict[str, Any]]] = []
    for reply in replies:
        count = 0
        for row in reply.rows:
            history = tasks[row.task].get("history")
            mine = [
                r
                for r in (history if isinstance(history, list) else [])
                if isinstance(r, dict) and r.get("district") == row.district
            ]
            mine += added.setdefault((row.task, row.district), [])
            if any(_same(r, row) for r in mine):
                continue  # already recorded (imported before, or twice in the replies)
            dates = [d for r in mine if (d := record_date(r)) is not None]
            if dates and max(dates) > row.date and not force:
                district = f" ({row.district})" if row.district is not None else ""
                conflicts.append(
                    message(
                        "err_reply_conflict",
                        lang,
                        where=row.cell(STATUS_COLUMN),
                        task=row.task,
                        district=district,
                        last=max(dates),
                        date=row.date,
                    )
                )
                continue
            record = row.record()
            added[(row.task, row.district)].append(record)
            new.append((row.task, record))
            count += 1
        counts.append((reply.book, count))
    new.sort(key=lambda pair: str(pair[1]["date"]))  # stable: a workbook's order within a day
    base = hashlib.sha256(raw).hexdigest()
    return Imported(AddRecords(tuple(new), base), tuple(counts), tuple(conflicts))
