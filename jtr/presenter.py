"""How jtr shows what jtr.status computed: the one layer between the state and every view.

The terminal views (jtr.render), the exports (jtr.export) and the plan diff (jtr.review) show
the same things: a task's state, a status record, a span of fiscal years, an item's reference
(`Ⅱ-3`), its owners. Each is formatted here, once, so they read the same everywhere: pure
functions from the model and the state to plain strings and JSON-ready data. Nothing is read,
printed or escaped here: escaping belongs to the target (jtr.escape: terminal, Markdown,
document…), and the words come from the one catalog (jtr.labels).

Imported by `jtr status` on every start: nothing heavy at module level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from jtr.fiscal import era_label, fiscal_year_end, fiscal_year_of, fiscal_year_start, short_label
from jtr.labels import label, label_or
from jtr.model import (
    Course,
    Goal,
    GoalState,
    Item,
    Reading,
    Revision,
    Roadmap,
    Span,
    StatusRecord,
    Task,
    Text,
)
from jtr.status import CourseState, ItemState, RoadmapState, TaskState

if TYPE_CHECKING:
    from jtr.baseline import ItemChange, TaskChange

# ---- states ----------------------------------------------------------------------------------


class StateLook(NamedTuple):
    """How a derived state looks wherever it is shown. Never by colour alone: a symbol beside
    its label, and in the charts a fill of its own (a pattern in the documents)."""

    symbol: str  # beside its label in the documents
    fill: str  # the terminal chart's bar
    ascii_fill: str  # ... with --ascii
    style: str  # rich style in the terminal
    colour: str  # fill colour in the documents
    ink: str  # text colour on that fill: contrast at least 4.5:1


# In jtr.status.STATES order.
LOOKS: dict[str, StateLook] = {
    "overdue": StateLook("!", "!", "!", "bold red", "#c62828", "#ffffff"),
    "delayed": StateLook("»", "»", ">", "magenta", "#7b1fa2", "#ffffff"),
    "on_hold": StateLook("‖", "‖", "|", "blue", "#283593", "#ffffff"),
    "due": StateLook("●", "▒", "-", "yellow", "#f9a825", "#1a1a1a"),
    "in_progress": StateLook("▶", "▓", "=", "cyan", "#00695c", "#ffffff"),
    "not_yet_due": StateLook("○", "░", ".", "dim", "#e0e0e0", "#1a1a1a"),
    "done": StateLook("✔", "█", "#", "green", "#2e7d32", "#ffffff"),
    "cancelled": StateLook("×", "×", "x", "dim strike", "#9e9e9e", "#1a1a1a"),
}

RECURRING_MARK = "◆"  # a recurring task's mark in the documents
SHARED_MARK = "↳"  # a task listed under an item it is shared with
READING_MARK = "※"  # after a value that rests on a reading of the seed (※3: reading 3)
READING_MARK_ASCII = "*"


def state_look(state: str) -> StateLook:
    return LOOKS[state]


def state_label(state: str, lang: str, *, recorded: bool = True) -> str:
    """A derived state's words; `overdue (no record)` makes 'nobody recorded anything' visible."""
    text = label(state, lang)
    if state == "overdue" and not recorded:
        text += f" ({label('no_record', lang)})"
    return text


def task_state_label(ts: TaskState, lang: str) -> str:
    """The task's state as every view names it."""
    return state_label(ts.state, lang, recorded=ts.recorded)


def symbol_label(state: str, lang: str) -> str:
    """`! 期限超過`: a state's symbol and words, for documents that also colour it."""
    return f"{LOOKS[state].symbol} {label(state, lang)}"


def state_text(ts: TaskState, lang: str) -> str:
    """The task's state label; for recurring tasks each year's state follows."""
    text = task_state_label(ts, lang)
    if ts.occurrences:
        years = [
            f"{year_label(o.fiscal_year, lang)} {label(o.state, lang)}" for o in ts.occurrences
        ]
        text += f" ({join(years, lang)})"
    return text


def district_fraction(ts: TaskState) -> str:
    """`18/32`: a district-scoped task's districts done, of those in its scope; else empty."""
    if not ts.districts:
        return ""
    return f"{ts.district_counts['done']}/{len(ts.districts)}"


def district_progress(ts: TaskState, lang: str) -> str:
    """`完了 18/32 地区 · 実施中 6 · 期限超過 8`: a district-scoped task's districts by state;
    empty for a task done once for the whole city."""
    if not ts.districts:
        return ""
    from jtr.status import STATES

    counts = ts.district_counts
    parts = [
        label("districts_done_of", lang).format(
            state=label("done", lang), done=counts["done"], total=len(ts.districts)
        )
    ]
    parts += [f"{label(s, lang)} {counts[s]}" for s in STATES if s != "done" and counts[s]]
    return " · ".join(parts)


def district_name(roadmap: Roadmap, district_id: str, lang: str) -> str:
    """A district's name (its id when the registry does not know it)."""
    district = roadmap.district(district_id)
    return district.name.get(lang) if district else district_id


# ---- fiscal years ----------------------------------------------------------------------------

YearStyle = Literal["name", "label", "short"]


def year_label(year: int, lang: str, style: YearStyle = "name") -> str:
    """A fiscal year: `name` 令和6年度 / FY2024; `label` 令和6年度 (2024) / FY2024; `short` R6 / FY2024."""
    if lang != "ja":
        return f"FY{year}"
    if style == "label":
        return f"{era_label(year)} ({year})"
    if style == "short":
        return short_label(year, lang)
    return era_label(year)


def span_label(span: Span, lang: str, style: YearStyle = "name", dash: str = "–") -> str:
    """A span of fiscal years: one year's label, or first and last joined by `dash`:
    `令和6年度–令和8年度`, `FY2024–FY2026`; style `label`, dash " – ": `令和6年度 (2024) – …`."""
    if span.start == span.end:
        return year_label(span.start, lang, style)
    return f"{year_label(span.start, lang, style)}{dash}{year_label(span.end, lang, style)}"


def span_dates(span: Span, start_month: int) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of a span of fiscal years."""
    return fiscal_year_start(span.start, start_month), fiscal_year_end(span.end, start_month)


def year_progress(day: dt.date, start_month: int = 4) -> float:
    """How far through its fiscal year `day` lies: 0 on its first day, just under 1 on its last."""
    fy = fiscal_year_of(day, start_month)
    first, last = fiscal_year_start(fy, start_month), fiscal_year_end(fy, start_month)
    return (day - first).days / ((last - first).days + 1)


# ---- references and names --------------------------------------------------------------------


def item_ref(course: Course, item: Item) -> str:
    """`Ⅱ-3`: an item by its course's numeral and its number, as the plan numbers it."""
    return f"{course.numeral}-{item.number}"


def course_name(course: Course, lang: str) -> str:
    """`Ⅱ 市民活動の…`: a course by its numeral and title."""
    return f"{course.numeral} {course.title.get(lang)}"


def owner_names(roadmap: Roadmap, item: Item, lang: str) -> list[str]:
    """The item's owners by their short names (an unknown owner by its id)."""
    names = []
    for owner_id in item.owners:
        owner = roadmap.owner(owner_id)
        names.append(owner.short.get(lang) if owner else owner_id)
    return names


def join(values: list[str], lang: str, ja_sep: str = "・") -> str:
    """A list in running text: `a・b` in Japanese, `a, b` in English."""
    return (ja_sep if lang == "ja" else ", ").join(values)


def owners_text(roadmap: Roadmap, item: Item, lang: str, ja_sep: str = "・") -> str:
    return join(owner_names(roadmap, item, lang), lang, ja_sep)


# ---- status records --------------------------------------------------------------------------


class RecordFields(NamedTuple):
    """A status record as text fields: what `record_text` shows of a record read from a file
    that need not be valid (the plan diff reads old revisions)."""

    status: str
    date: str | None
    fiscal_year: int | None = None
    note: str | None = None
    by: str | None = None


RecordStyle = Literal["line", "long", "change"]


def record_text(
    record: StatusRecord | RecordFields | None, lang: str, style: RecordStyle = "line"
) -> str:
    """A status record in one line; empty when there is none.

    - `line`: `2025-12-01 遅延 (令和7年度) — note (by)` (an undated record: `????-??-??`);
    - `long`: the same with the western year, `(令和7年度 (2025))`;
    - `change`: as the plan diff says it, `遅延 (2025-12-01) [令和7年度 (2025)] by X “note”`,
      `delayed on 2025-12-01 [FY2025] by X “note”`.
    """
    if record is None:
        return ""
    status = label_or(record.status, lang)
    date = record.date.isoformat() if isinstance(record.date, dt.date) else record.date
    if style == "change":
        text = status
        if date is not None:
            text += f" ({date})" if lang == "ja" else f" on {date}"
        if record.fiscal_year is not None:
            text += f" [{year_label(record.fiscal_year, lang, 'label')}]"
        if record.by is not None:
            text += f" by {record.by}"
        if record.note is not None:
            text += f" “{record.note}”"
        return text
    text = f"{date or '????-??-??'} {status}"
    district = getattr(record, "district", None)
    if district:
        text += f" [{district}]"
    if record.fiscal_year:
        text += f" ({year_label(record.fiscal_year, lang, 'label' if style == 'long' else 'name')})"
    if record.note:
        text += f" — {record.note}"
    if record.by:
        text += f" ({record.by})"
    return text


def record_json(record: StatusRecord) -> dict[str, Any]:
    """A status record as every JSON output writes it (`jtr status` keeps STATUS_RECORD_KEYS)."""
    return {
        "status": record.status,
        "date": record.date.isoformat() if record.date else None,
        "fiscal_year": record.fiscal_year,
        "note": record.note,
        "by": record.by,
        **({"district": record.district} if record.district else {}),
    }


STATUS_RECORD_KEYS = ("status", "date", "note")  # the last record in `jtr status --format json`


def text_json(value: Text | None) -> dict[str, str | None] | None:
    """A bilingual text as the JSON outputs write it."""
    return None if value is None else {"ja": value.ja, "en": value.en}


def task_json(ts: TaskState, item_id: str) -> dict[str, Any]:
    """A task and its state in `jtr status --format json` (docs/status-json.md), listed under
    the item `item_id`; `jtr show` and the JSON export start from it."""
    task = ts.task
    last = ts.last_record
    found = {
        "id": task.id,
        "title": text_json(task.title),
        "fiscal_years": {"from": task.years.start, "to": task.years.end},
        "recurring": task.recurring,
        "shared_from": task.item_id if task.item_id != item_id else None,
        "state": ts.state,
        "status": ts.status,
        "timing": ts.timing,
        "recorded": ts.recorded,
        "last_record": None
        if last is None
        else {k: v for k, v in record_json(last).items() if k in STATUS_RECORD_KEYS},
        "occurrences": [
            {"fiscal_year": o.fiscal_year, "status": o.status, "timing": o.timing}
            for o in ts.occurrences
        ],
    }
    if ts.districts:  # a district-scoped task: each district's state
        found["district_progress"] = districts_json(ts)
    return found


def districts_json(ts: TaskState) -> dict[str, Any]:
    """A district-scoped task's districts as the JSON outputs carry them."""
    from jtr.status import STATES

    counts = ts.district_counts
    return {
        "done": counts["done"],
        "total": len(ts.districts),
        "by_state": {s: counts[s] for s in STATES if counts[s]},
        "lagging": [d.district for d in ts.lagging],
        "states": [
            {
                "district": d.district,
                "state": d.state,
                "status": d.status,
                "timing": d.timing,
                "last_record": None
                if d.last_record is None
                else {
                    k: v for k, v in record_json(d.last_record).items() if k in STATUS_RECORD_KEYS
                },
            }
            for d in ts.districts
        ],
    }


# ---- a task's fields -------------------------------------------------------------------------


def text_data(value: Text) -> dict[str, str]:
    """A bilingual text as the roadmap file writes it: no `en` when it has none."""
    return {"ja": value.ja} if value.en is None else {"ja": value.ja, "en": value.en}


def span_data(span: Span) -> dict[str, int]:
    return {"from": span.start, "to": span.end}


def record_data(record: StatusRecord) -> dict[str, Any]:
    """A status record as the roadmap file writes it: only the keys it has."""
    return {k: v for k, v in record_json(record).items() if v is not None}


def present(value: Any) -> bool:
    """Whether a field has a value worth writing: not None, False or empty."""
    if value is None or value is False:
        return False
    return not (isinstance(value, (str, tuple, list, dict)) and not value)


class TaskField(NamedTuple):
    """One field of a task, as every view and export presents it.

    `TASK_FIELDS` is the one list of a task's fields: the JSON export writes each (in this
    order, as the roadmap file would); `jtr show` (text and JSON), the CSV/TSV and XLSX task
    columns and the HTML report's task tables lay out the fields they have always shown their
    own way (`text` None) and list every other field, in this order, by its label and `text`.
    A new field is one entry here (and its label in jtr.labels); docs/architecture.md.
    """

    key: str  # its key in the roadmap file, the JSON export and `jtr show --format json`
    label: str  # catalog key (jtr.labels): its name in `jtr show`, its column title elsewhere
    value: Callable[[Task], Any]  # from the model; None, False or empty: the task has none
    data: Callable[[Any], Any]  # the value as JSON, as the file writes it
    text: Callable[[Any, str], str] | None = None  # (value, lang) -> words; None: laid out
    required: bool = False  # written in the JSON export even when empty
    wrap: bool = False  # long text: the workbook wraps its column


def _same(value: Any) -> Any:
    return value


def _list(value: tuple[Any, ...]) -> list[Any]:
    return list(value)


TASK_FIELDS: tuple[TaskField, ...] = (
    TaskField("id", "task_id_col", lambda t: t.id, _same, required=True),
    TaskField("title", "task_col", lambda t: t.title, text_data, required=True),
    TaskField("fiscal_years", "years_col", lambda t: t.years, span_data, required=True),
    TaskField("recurring", "recurring_col", lambda t: t.recurring, _same),
    TaskField("shared_with", "shared_with", lambda t: t.shared_with, _list),
    TaskField("history", "history", lambda t: t.history,
              lambda records: [record_data(r) for r in records]),
    TaskField("note", "note_col", lambda t: t.note, text_data),
    TaskField("districts", "districts_col", lambda t: t.district_scope,
              lambda scope: scope if isinstance(scope, str) else list(scope),
              text=lambda scope, lang: district_scope_text(scope, lang)),
)  # fmt: skip


def district_scope_text(scope: str | tuple[str, ...], lang: str) -> str:
    """`全地区` / `all districts`, `中山間地域の地区`, or the ids named."""
    from jtr.labels import label

    if isinstance(scope, str):
        return label(f"district_scope_{scope.replace('-', '_')}", lang)
    return join(list(scope), lang, "、")


def listed_fields() -> tuple[TaskField, ...]:
    """The task fields the views list generically (those not laid out their own way)."""
    return tuple(f for f in TASK_FIELDS if f.text is not None)


def field_text(field: TaskField, task: Task, lang: str) -> str:
    """A listed field of a task in words; empty when the task has none."""
    value = field.value(task)
    return field.text(value, lang) if field.text is not None and present(value) else ""


def task_data(task: Task) -> dict[str, Any]:
    """A task as the roadmap file writes it (the JSON export's task): every field of
    TASK_FIELDS it has, in that order, then any property the schema declares that no field
    presents yet, as the file wrote it (`Task.extra`)."""
    found = {}
    for field in TASK_FIELDS:
        value = field.value(task)
        if field.required or present(value):
            found[field.key] = field.data(value)
    known = {field.key for field in TASK_FIELDS}
    found.update((key, value) for key, value in task.extra.items() if key not in known)
    return found


# ---- rows of the documents -------------------------------------------------------------------


class TaskRow(NamedTuple):
    """A task once, under the item it is listed with (its own item when that is shown)."""

    course: CourseState
    item: ItemState
    task: TaskState
    shared_into: tuple[ItemState, ...]  # other shown items that list the task too

    @property
    def ref(self) -> str:
        return item_ref(self.course.course, self.item.item)


def task_rows(state: RoadmapState) -> list[TaskRow]:
    """Every task of the (filtered) state exactly once, in roadmap order.

    A task shared with other items is listed under its own item; if a filter dropped that
    item, under the first shown item that lists it.
    """
    shown_items = {i.item.id for c in state.courses for i in c.items}
    listed: dict[str, list[ItemState]] = {}
    for course in state.courses:
        for item in course.items:
            for ts in item.tasks:
                listed.setdefault(ts.task.id, []).append(item)
    rows: list[TaskRow] = []
    seen: set[str] = set()
    for course in state.courses:
        for item in course.items:
            for ts in item.tasks:
                task = ts.task
                if task.id in seen:
                    continue
                if task.item_id != item.item.id and task.item_id in shown_items:
                    continue  # listed under its own item
                seen.add(task.id)
                others = tuple(i for i in listed[task.id] if i.item.id != item.item.id)
                rows.append(TaskRow(course, item, ts, others))
    return rows


def note_text(row: TaskRow, lang: str) -> str:
    """The task's note, and the items it is shared with."""
    parts = []
    if row.task.task.note:
        parts.append(row.task.task.note.get(lang))
    if row.shared_into:
        refs = ", ".join(item_ref(row.course.course, i.item) for i in row.shared_into)
        parts.append(f"{label('shared_with', lang)}: {refs}")
    return " / ".join(parts)


def goal_images(course: CourseState, item: ItemState) -> list[tuple[Goal, tuple[GoalState, ...]]]:
    """The course's goal images (ゴールイメージ) that concern the item, with the goal states
    that name it (all of a goal's states when none names an item)."""
    found = []
    item_id = item.item.id
    for goal in course.course.goals:
        named = tuple(s for s in goal.states if item_id in s.items)
        if named:
            found.append((goal, named))
        elif item_id in goal.items and not any(s.items for s in goal.states):
            found.append((goal, goal.states))
    return found


# ---- readings of the seed -------------------------------------------------------------------


def readings_at(roadmap: Roadmap, path: str, exact: bool = False) -> tuple[Reading, ...]:
    """The readings that decide the value at `path` (`welfare-workers.owners`) or a part of
    it; with `exact`, only those that name `path` itself (an entity as a whole)."""
    if exact:
        return tuple(r for r in roadmap.readings if path in r.about)
    return roadmap.readings_of(path)


def reading_mark(readings: tuple[Reading, ...], ascii_only: bool = False) -> str:
    """`※1,3` (or `*1,3`) for these readings, nothing for none: the mark after a value."""
    if not readings:
        return ""
    mark = READING_MARK_ASCII if ascii_only else READING_MARK
    return mark + ",".join(str(r.number) for r in readings)


def seed_lines_text(reading: Reading, lang: str) -> str:
    """`3ページ 479行、428–438行` / `p. 3, l. 479, 428–438`."""
    from jtr.labels import label

    lines = [f"{a}" if a == b else f"{a}–{b}" for a, b in reading.line_ranges]
    page = label("reading_page", lang).format(page=reading.page) if reading.page else ""
    text = label("reading_lines", lang).format(lines=join(lines, lang, "、"))
    return f"{page} {text}".strip()


def reading_json(reading: Reading) -> dict[str, Any]:
    """A reading as the JSON outputs carry it (without the values it decides)."""
    return {
        "id": reading.id,
        "number": reading.number,
        "about": list(reading.about),
        "decision": reading.decision.en,
        "decision_ja": reading.decision.ja,
        "alternatives": [a.en for a in reading.alternatives],
        "seed_lines": list(reading.seed_lines),
        "cites": list(reading.cites),
        "page": reading.page,
        "confidence": reading.confidence,
    }


# ---- revisions of the plan -------------------------------------------------------------------


def body_title(roadmap: Roadmap, body_id: str, lang: str) -> str:
    """A body's title (`長野市都市内分権推進委員会`), its id when the roadmap has none by it."""
    for body in roadmap.untyped.get("bodies", ()):
        if isinstance(body, dict) and body.get("id") == body_id and "title" in body:
            return Text.of(body["title"]).get(lang)
    return body_id


def revision_summary(roadmap: Roadmap, revision: Revision, lang: str) -> str:
    """`ロードマップ2023 (2023-11、長野市都市内分権推進委員会 承認)`: a revision in one line."""
    body = body_title(roadmap, revision.approved_by, lang)
    return label("revision_summary", lang).format(
        title=revision.title.get(lang), date=revision.date, body=body
    )


def revision_json(roadmap: Roadmap, revision: Revision) -> dict[str, Any]:
    """A revision as `jtr show --format json` carries it."""
    return {
        "id": revision.id,
        "number": revision.number,
        "date": revision.date,
        "title": text_json(revision.title),
        "approved_by": revision.approved_by,
        "approved_by_title": {
            "ja": body_title(roadmap, revision.approved_by, "ja"),
            "en": body_title(roadmap, revision.approved_by, "en"),
        },
        "note": text_json(revision.note),
        "baseline": revision.baseline,
    }


# ---- baselines: the plan against a baseline (jtr.baseline) ----------------------------------


def slip_text(slip: int | None, lang: str) -> str:
    """`+2年度` / `+2 FY`, `-1 FY`, `0 FY` (ASCII signs, for every chart); `—` for a task
    added or removed (no slip)."""
    if slip is None:
        return "—"
    sign = "+" if slip > 0 else ("-" if slip < 0 else "")
    return label("slip_years", lang).format(slip=f"{sign}{abs(slip)}")


def change_words(change: TaskChange | ItemChange, lang: str) -> list[str]:
    """What changed, in words (`moved later`, `span grew`), or `as in the baseline`."""
    from jtr.baseline import ItemChange

    item = isinstance(change, ItemChange)
    words = [
        label("change_item_added" if item and name == "added" else f"change_{name}", lang)
        for name in change.changes
    ]
    return words or [label("change_none", lang)]


def change_text(change: TaskChange | ItemChange, lang: str) -> str:
    """`後ろ倒し・期間延長 (+2年度)` / `moved later, span grew (+2 FY)`."""
    words = join(change_words(change, lang), lang)
    return f"{words} ({slip_text(change.slip, lang)})" if change.slip else words


def baseline_span_text(change: TaskChange | ItemChange, lang: str, arrow: str = " → ") -> str:
    """`FY2024–FY2025 → FY2025–FY2026`; `—` on the side where it is absent."""
    before = span_label(change.baseline, lang) if change.baseline else "—"
    after = span_label(change.current, lang) if change.current else "—"
    return f"{before}{arrow}{after}"


def change_json(change: TaskChange | ItemChange) -> dict[str, Any]:
    """A task's or item's change as the JSON outputs carry it (docs/status-json.md)."""

    def years(span: Span | None) -> dict[str, int] | None:
        return None if span is None else {"from": span.start, "to": span.end}

    return {
        "id": change.id,
        "title": text_json(change.title),
        "baseline_fiscal_years": years(change.baseline),
        "fiscal_years": years(change.current),
        "changes": list(change.changes),
        "slip": change.slip,
    }
