"""Planning an edit on the bytes of the file: what it asks, the new bytes, and the check.

1. The edited item's lines (else the whole file) go through ruamel.yaml's round trip, the
   change is made on that tree (jtr.edit.nodes) and spliced into the original lines
   (jtr.edit.hunks).
2. The result is read back with jtr's own loader and must be exactly the expected data, then
   validated (schema and rules); errors refuse the edit.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.edit.errors import EditError, EditInvalid
from jtr.edit.hunks import edit_item
from jtr.edit.lines import BOM, Line, decode_text, split_lines, unified_diff
from jtr.edit.lookup import find, plain_item, record_date
from jtr.edit.nodes import insert_milestone, insert_record
from jtr.labels import current_lang, label, label_or, message
from jtr.model import STATUSES

if TYPE_CHECKING:
    from jtr.loader import Document

# Each milestone's word in the catalog (方針決定, 実現) and the confirmation that records it.
MILESTONES = {"decision": "decided", "realisation": "realised"}
_RECORDED = {"decision": "done_decided", "realisation": "done_realised"}


def _status_word(status: object, lang: str) -> str:
    """A status in a confirmation: as typed (`in_progress`) in English, in words in Japanese."""
    return label_or(status, lang) if lang == "ja" else str(status)


def _milestone_word(kind: str, lang: str) -> str:
    """A milestone in a message: its key (`decision`) in English, in words (方針決定) in Japanese."""
    return label(MILESTONES[kind], lang) if lang == "ja" else kind


class SetStatus(NamedTuple):
    """`jtr set`: append a status record to a task's history."""

    task_id: str
    status: str
    date: dt.date
    note: str | None = None
    by: str | None = None
    fiscal_year: int | None = None
    force: bool = False  # accept a date before the last record (inserted in date order)
    # A district-scoped task: a record for each of these districts (ids, or `all`, `hilly`,
    # `not-hilly` within the task's own districts), in one write.
    districts: tuple[str, ...] = ()


class SetMilestone(NamedTuple):
    """`jtr decide` / `jtr realise`: record (or with clear, remove) an item's milestone."""

    item_id: str
    kind: str  # "decision" or "realisation"
    date: dt.date | None = None
    note: str | None = None
    clear: bool = False
    force: bool = False  # replace a milestone already recorded


class AddRecords(NamedTuple):
    """`jtr import`: append status records (task id, plain record with an ISO `date`) to
    their tasks' histories in one write, each in date order; `base`: the sha256 of the file
    the records were checked against (EditError if the file is no longer those bytes)."""

    records: tuple[tuple[str, dict[str, Any]], ...]
    base: str | None = None
    summary: str = ""


class AddRevision(NamedTuple):
    """`jtr revise`: append a revision to the revision log (`revisions:`, added after `meta:`
    when the file has none). `date`: `YYYY-MM-DD` or `YYYY-MM`; `ident`: None derives
    `revision-<date>` (then `-2`, `-3`, … if taken); `baseline`: a full commit id."""

    date: str
    title: str
    approved_by: str
    title_en: str | None = None
    note: str | None = None
    note_en: str | None = None
    ident: str | None = None
    baseline: str | None = None


Edit = SetStatus | SetMilestone | AddRecords | AddRevision


class Outcome(NamedTuple):
    path: Path  # the roadmap as named (a symlink is written through to its target)
    display: str
    old: bytes
    new: bytes
    summary: str
    warnings: tuple[Diagnostic, ...] = ()
    period: tuple[int, int, int] | None = None  # (first, last fiscal year, start month)
    repeated: bool = False  # `jtr set` of a record identical to the last one: nothing to do

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        return unified_diff(self.old, self.new, self.display)


def plan(raw: bytes, edit: Edit, path: Path, display: str | None = None) -> Outcome:
    """Work out the new bytes of the file, refusing (EditError) or failing validation
    (EditInvalid) without touching anything."""
    from jtr.loader import Document, load_text

    name = display or str(path)
    try:
        bom, text = decode_text(raw, name)
        data = load_text(text, name)
    except LoadError as exc:
        raise EditInvalid(message("err_invalid_as_it_stands", name=name), exc.diagnostics) from None
    lines = split_lines(text)
    if isinstance(edit, AddRecords):
        import hashlib

        if edit.base is not None and hashlib.sha256(raw).hexdigest() != edit.base:
            raise EditError(message("err_reply_changed_meanwhile", name=name))
        planned = plan_records(lines, text, data, edit, name)
    elif isinstance(edit, SetStatus):
        planned = plan_status(lines, text, data, edit, name)
    elif isinstance(edit, AddRevision):
        from jtr.edit.revisions import plan_revision

        planned = plan_revision(lines, text, data, edit, name)
    else:
        planned = plan_milestone(lines, text, data, edit, name)
    new_lines, summary, expected = planned
    when = period(data)
    if new_lines is None:
        repeated = isinstance(edit, SetStatus)
        return Outcome(path, name, raw, raw, summary, period=when, repeated=repeated)
    new_text = "".join(line.text + line.end for line in new_lines)
    warnings = _validate(path, Document(name, new_text, expected), Document(name, text, data))
    new = (BOM if bom else b"") + new_text.encode("utf-8")
    return Outcome(path, name, raw, new, summary, warnings, when)


def period(data: Any) -> tuple[int, int, int] | None:
    """(first, last fiscal year, first month of the fiscal year) of the roadmap's
    `meta.period`, read tolerantly; None if the file does not say."""
    from jtr.access import int_at

    first = int_at(data, "meta", "period", "from")
    last = int_at(data, "meta", "period", "to")
    month = int_at(data, "meta", "fiscal_year_start_month")
    if first is None or last is None:
        return None
    return first, last, month if month is not None and 1 <= month <= 12 else 4


def _same_as_last(records: list[Any], edit: SetStatus, recurring: bool, month: int) -> Any:
    """The record `edit` would repeat: the task's last record (a recurring task's last record
    of the same fiscal year) when it has the same status, date, fiscal year and note; else
    None."""
    from jtr.fiscal import fiscal_year_of

    def year_of(record: Any) -> int | None:
        year = record.get("fiscal_year")
        if isinstance(year, int):
            return year
        day = record_date(record)
        return fiscal_year_of(day, month) if day is not None else None

    candidates = [r for r in records if isinstance(r, dict)]
    if recurring:
        year = (
            edit.fiscal_year if edit.fiscal_year is not None else fiscal_year_of(edit.date, month)
        )
        candidates = [r for r in candidates if year_of(r) == year]
    if not candidates:
        return None
    last = candidates[-1]
    same = (
        last.get("status") == edit.status
        and record_date(last) == edit.date
        and last.get("fiscal_year") == edit.fiscal_year
        and last.get("note") == edit.note
    )
    return last if same else None


def _document(name: str, text: str, data: Any) -> Document:
    from jtr.loader import Document

    return Document(name, text, data)


def status_record(
    status: str,
    day: dt.date,
    *,
    fiscal_year: int | None = None,
    note: str | None = None,
    by: str | None = None,
    district: str | None = None,
) -> dict[str, Any]:
    """A status record as plain data, its optional keys only when given (the file's order is
    the schema's, applied when it is written)."""
    record: dict[str, Any] = {"status": status, "date": day.isoformat()}
    optional = {"fiscal_year": fiscal_year, "note": note, "by": by, "district": district}
    record.update({key: value for key, value in optional.items() if value is not None})
    return record


def _record(edit: SetStatus) -> dict[str, Any]:
    """The status record `jtr set` appends, as plain data."""
    return status_record(
        edit.status, edit.date, fiscal_year=edit.fiscal_year, note=edit.note, by=edit.by
    )


def _insert_records(
    lines: list[Line],
    text: str,
    data: Any,
    where: Any,
    position: int,
    records: list[dict[str, Any]],
    name: str,
) -> tuple[list[Line], Any]:
    """(the new lines, the data they must read back as) with `records` (each with its ISO
    `date`) inserted at `position` of the task's history at `where`, in one round trip of its
    item's lines."""
    expected = copy.deepcopy(data)
    plain_task = plain_item(expected, where)["tasks"][where[2]]
    if not isinstance(plain_task.get("history"), list):
        plain_task["history"] = []
    plain_task["history"][position:position] = records

    def change(item: Any) -> None:
        for offset, record in enumerate(records):
            day = dt.date.fromisoformat(str(record["date"]))
            insert_record(item["tasks"][where[2]], position + offset, record, day, text)

    return edit_item(lines, where, change, name, expected), expected


def _same_record(edit: SetStatus, name: str) -> str:
    """`jtr set` of what the last record already says: the no-op's message."""
    return message(
        "msg_same_record",
        current_lang(),
        name=name,
        task=edit.task_id,
        status=edit.status,
        date=edit.date,
    )


def plan_status(
    lines: list[Line], text: str, data: Any, edit: SetStatus, name: str
) -> tuple[list[Line] | None, str, Any]:
    """(new lines, or None when the record would repeat the last one; summary; expected data)
    of `jtr set`."""
    lang = current_lang()
    if edit.status not in STATUSES:
        known = ", ".join(STATUSES)
        raise EditError(
            message(
                "msg_no_such_choice", lang, option="status", value=repr(edit.status), known=known
            )
        )
    where, task = find(_document(name, text, data), edit.task_id, True, "set")
    history = task.get("history")
    records = history if isinstance(history, list) else []
    month = (period(data) or (0, 0, 4))[2]
    if edit.districts:
        return _plan_districts(lines, text, data, edit, name, where, task, records)
    if _same_as_last(records, edit, task.get("recurring") is True, month) is not None:
        return None, _same_record(edit, name), data
    dated = [(i, d) for i, r in enumerate(records) if (d := record_date(r)) is not None]
    position = len(records)
    if dated and edit.date < dated[-1][1]:
        if not edit.force:
            raise EditError(
                message(
                    "err_date_before_last",
                    lang,
                    task=edit.task_id,
                    date=edit.date,
                    last=dated[-1][1],
                )
            )
        position = next(i for i, d in dated if d > edit.date)
    previous = records[-1].get("status") if records and isinstance(records[-1], dict) else None
    new_lines, expected = _insert_records(lines, text, data, where, position, [_record(edit)], name)
    status = _status_word(edit.status, lang)
    fields: dict[str, object] = {"name": name, "task": edit.task_id, "status": status}
    fields["date"] = edit.date
    if position < len(records):
        before = record_date(records[position])
        key = "done_status_before" if before is not None else "done_status_before_undated"
        if before is not None:
            fields["before"] = before
        summary = message(key, lang, previous=_status_word(previous, lang), **fields)
    else:
        summary = message(
            "done_status", lang, previous=_status_word(previous or "planned", lang), **fields
        )
    return new_lines, summary, expected


def plan_records(
    lines: list[Line], text: str, data: Any, edit: AddRecords, name: str
) -> tuple[list[Line] | None, str, Any]:
    """(new lines, or None when there is nothing to add; summary; expected data) of
    `jtr import`: each record inserted after the records of its task dated on or before it.
    The records of a task that go to the same place are inserted in one round trip (one for
    the common case: all after the last record), the file read again between two."""
    from jtr.fiscal import date_or_none
    from jtr.loader import load_text

    if not edit.records:
        return None, edit.summary, data
    pending: dict[str, list[tuple[dt.date, dict[str, Any]]]] = {}
    for task_id, record in edit.records:  # in date order
        day = date_or_none(record.get("date"))
        if day is None:
            raise EditError(message("err_reply_bad_record", task=task_id))
        pending.setdefault(task_id, []).append((day, dict(record)))
    for task_id, new in pending.items():
        while new:
            where, task = find(_document(name, text, data), task_id, True, "import")
            history = task.get("history")
            records = history if isinstance(history, list) else []
            dated = [(i, d) for i, r in enumerate(records) if (d := record_date(r)) is not None]
            places = [next((i for i, d in dated if d > day), len(records)) for day, _r in new]
            position = places[0]
            count = next((n for n, p in enumerate(places) if p != position), len(new))
            run, new = [r for _day, r in new[:count]], new[count:]
            lines, _expected = _insert_records(lines, text, data, where, position, run, name)
            text = "".join(line.text + line.end for line in lines)
            data = load_text(text, name)
    return lines, edit.summary, data


def chosen_districts(edit: SetStatus, task: Any, data: Any) -> tuple[str, ...]:
    """The district ids `--district` names for this task, in the registry's order: `all`,
    `hilly` and `not-hilly` within the task's districts, or ids among them; EditError for a
    task that is not district-scoped or a district outside its scope."""
    from jtr.model import district_scope

    lang = current_lang()
    scope = task.get("districts")
    if scope is None:
        raise EditError(message("err_task_not_per_district", lang, task=edit.task_id))
    mine = district_scope(scope, data)
    wanted: set[str] = set()
    registry = {
        d.get("id"): d for d in data.get("districts", {}).get("list", ()) if isinstance(d, dict)
    }
    for word in edit.districts:
        if word == "all":
            wanted |= set(mine)
        elif word in ("hilly", "not-hilly"):
            hilly = word == "hilly"
            wanted |= {d for d in mine if bool(registry.get(d, {}).get("hilly")) is hilly}
        elif word in mine:
            wanted.add(word)
        else:
            import difflib

            close = difflib.get_close_matches(word, [*mine, "all", "hilly", "not-hilly"], n=1)
            hint = message("find_did_you_mean", lang, close=repr(close[0])) if close else ""
            raise EditError(
                message(
                    "err_district_not_in_scope",
                    lang,
                    task=edit.task_id,
                    district=repr(word),
                    hint=hint,
                )
            )
    return tuple(d for d in mine if d in wanted)


def _plan_districts(
    lines: list[Line],
    text: str,
    data: Any,
    edit: SetStatus,
    name: str,
    where: Any,
    task: Any,
    records: list[Any],
) -> tuple[list[Line] | None, str, Any]:
    """`jtr set TASK --district …`: one record per district, appended after the task's
    records in one write; a district whose last record already says the same is left out."""
    lang = current_lang()
    chosen = chosen_districts(edit, task, data)
    dated = [d for r in records if (d := record_date(r)) is not None]
    if dated and edit.date < dated[-1]:
        raise EditError(
            message("err_date_before_last", lang, task=edit.task_id, date=edit.date, last=dated[-1])
        )
    new_records = []
    for district in chosen:
        mine = [r for r in records if isinstance(r, dict) and r.get("district") == district]
        last = mine[-1] if mine else None
        if (
            last is not None
            and last.get("status") == edit.status
            and record_date(last) == edit.date
            and last.get("note") == edit.note
        ):
            continue
        record = _record(edit)
        record["district"] = district
        new_records.append(record)
    if not new_records:
        return None, _same_record(edit, name), data
    new_lines, expected = _insert_records(lines, text, data, where, len(records), new_records, name)
    summary = message(
        "done_status_districts",
        lang,
        name=name,
        task=edit.task_id,
        status=_status_word(edit.status, lang),
        date=edit.date,
        count=len(new_records),
        districts=", ".join(r["district"] for r in new_records),
    )
    return new_lines, summary, expected


def plan_milestone(
    lines: list[Line], text: str, data: Any, edit: SetMilestone, name: str
) -> tuple[list[Line] | None, str, Any]:
    """(new lines, or None if nothing changes; summary; expected data) of `jtr decide` and
    `jtr realise`."""
    lang = current_lang()
    command = "decide" if edit.kind == "decision" else "realise"
    kind = _milestone_word(edit.kind, lang)
    where, item = find(_document(name, text, data), edit.item_id, False, command)
    current = item.get(edit.kind)
    had = current is not None
    old_date = record_date(current)
    cleared = copy.deepcopy(data)
    plain_item(cleared, where).pop(edit.kind, None)
    if edit.clear:
        if not had:
            nothing = message(
                "done_nothing_to_clear", lang, name=name, item=edit.item_id, kind=kind
            )
            return None, nothing, data
        new_lines = edit_item(lines, where, lambda node: node.pop(edit.kind), name, cleared)
        cleared_it = message(
            "done_cleared", lang, name=name, item=edit.item_id, kind=kind, date=old_date
        )
        return new_lines, cleared_it, cleared
    day = edit.date
    if day is None:
        raise EditError(message("err_needs_date", lang, command=command))
    if had and not edit.force:
        raise EditError(
            message("err_already_recorded", lang, item=edit.item_id, kind=kind, date=old_date)
        )
    value: dict[str, Any] = {"date": day.isoformat()}
    if edit.note is not None:
        value["note"] = edit.note
    expected = copy.deepcopy(cleared)
    plain_item(expected, where)[edit.kind] = value
    removed: list[Any] = []  # the replaced value: the new one takes its place and style
    if had:  # replace = remove, then add: both pure line changes

        def remove(node: Any) -> None:
            removed[:] = (list(node).index(edit.kind), node.pop(edit.kind))

        lines = edit_item(lines, where, remove, name, cleared)

    def change(node: Any) -> None:
        replaced = (removed[0], removed[1]) if removed else None
        insert_milestone(node, edit.kind, day, edit.note, text, replaced)

    new_lines = edit_item(lines, where, change, name, expected)
    replaced = message("done_replacing", lang, date=old_date) if had else ""
    term = label(MILESTONES[edit.kind], "ja")  # the seed's own word, in English too
    summary = message(
        _RECORDED[edit.kind],
        lang,
        name=name,
        item=edit.item_id,
        term=term,
        date=day,
        replaced=replaced,
    )
    return new_lines, summary, expected


def _validate(path: Path, edited: Document, original: Document) -> tuple[Diagnostic, ...]:
    """Validate the edited document (errors refuse the edit); return the warnings it brings
    (those the file already had are not repeated)."""
    from jtr.loader import ReadError
    from jtr.validate import SchemaCache, validate_document

    try:
        schema = SchemaCache().for_document(path, edited.head, edited.file)
        found = validate_document(edited, schema)  # may still find the schema broken
        if not found:  # the common case: nothing to explain or to tell apart from before
            return ()
        before = validate_document(original, schema)
    except ReadError as exc:
        raise EditError(message("err_cannot_read_schema", problem=exc)) from None
    except LoadError as exc:
        findings = "; ".join(d.format() for d in exc.diagnostics)
        raise EditError(
            message("err_named_schema_broken", name=edited.file, findings=findings)
        ) from None
    if any(d.severity is Severity.ERROR for d in found):
        if errors := [d for d in before if d.severity is Severity.ERROR]:
            raise EditInvalid(message("err_invalid_as_it_stands", name=edited.file), errors)
        errors = [d for d in found if d.severity is Severity.ERROR]
        raise EditInvalid(message("err_edit_makes_invalid", name=edited.file), errors)
    had = {(d.code, d.message) for d in before}
    return tuple(d for d in found if (d.code, d.message) not in had)
