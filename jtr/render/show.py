"""`jtr show ID` and `jtr list`: one entity in full, or the ids of one kind."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from jtr.i18n import t
from jtr.kinds import Kind, by_plural, kind_of
from jtr.model import (
    Course,
    District,
    Goal,
    GoalState,
    Item,
    Owner,
    Phase,
    Reading,
    Revision,
    Roadmap,
    Span,
    Task,
    Text,
    Topic,
    WorkingGroup,
)
from jtr.presenter import (
    district_name,
    district_progress,
    field_text,
    item_ref,
    join,
    listed_fields,
    owners_text,
    present,
    reading_mark,
    readings_at,
    record_json,
    record_text,
    revision_json,
    seed_lines_text,
    span_label,
    state_label,
    task_json,
    task_state_label,
    text_json,
    year_label,
)
from jtr.render.status import goal_unrecorded_hint
from jtr.status import ItemState, RoadmapState, TaskState

if TYPE_CHECKING:
    from jtr.render.slips import Against


def _item_state(state: RoadmapState, item_id: str) -> ItemState:
    return next(i for c in state.courses for i in c.items if i.item.id == item_id)


def _task_state(state: RoadmapState, task_id: str) -> TaskState:
    return next(
        ts for c in state.courses for i in c.items for ts in i.tasks if ts.task.id == task_id
    )


def _span(years: Span, lang: str) -> str:
    return span_label(years, lang, "label", " – ")


# ---------------------------------------------------------------------------------------------
# Text: one function per kind, drawing on a Page of shared pieces


class Entry(NamedTuple):
    """One paragraph of a page: its text, the cells before it, the further cells before its
    continuation lines when it wraps, and the (start, end) ranges never broken across lines."""

    text: Any  # a jtr.render.console.SafeText
    indent: int
    hang: int
    keep: tuple[tuple[int, int], ...] = ()


class Page:
    """The lines of one `jtr show` page and the pieces every kind's page is made of."""

    def __init__(self, state: RoadmapState, lang: str, against: Against | None = None) -> None:
        from jtr.render.console import SafeText  # every piece of text made safe on the way in
        from jtr.render.lines import STATE_STYLES, cell_len

        self.state, self.roadmap, self.lang = state, state.roadmap, lang
        self.against = against  # a baseline (--baseline): each task's years in it
        self.out: list[Entry] = []
        self.marked: dict[int, Reading] = {}  # the readings whose marks the page shows
        self.R, self.styles, self.cells = SafeText, STATE_STYLES, cell_len

    def mark(self, path: str, exact: bool = False) -> str:
        """` ※1,3` after a value that rests on readings of the seed (listed at the page's end),
        else nothing."""
        found = readings_at(self.roadmap, path, exact)
        for reading in found:
            self.marked[reading.number] = reading
        mark = reading_mark(found)
        return f" {mark}" if mark else ""

    def readings(self) -> None:
        """The readings marked on the page, in full: what a mark stands for."""
        if not self.marked:
            return
        lang = self.lang
        self.heading(t("readings_heading", lang))
        for number in sorted(self.marked):
            reading = self.marked[number]
            confidence = t("confidence_" + reading.confidence, lang)
            self.indented(
                self.R(f"{reading_mark((reading,))} {reading.id} ({confidence})", style="bold"), 2
            )
            self.indented(reading.decision.get(lang), 4)
            for alternative in reading.alternatives:
                self.indented(f"{t('reading_alternatives', lang)}: {alternative.get(lang)}", 4)
            self.indented(f"{t('reading_seed', lang)}: {seed_lines_text(reading, lang)}", 4)

    def _text(self, text: Any) -> Any:
        return text if isinstance(text, self.R) else self.R(text)

    def add(
        self, text: Any, hang: int | None = None, keep: tuple[tuple[int, int], ...] = ()
    ) -> None:
        """A paragraph; wrapped, it continues two cells after its leading spaces."""
        shown = self._text(text)
        lead = len(shown.plain) - len(shown.plain.lstrip(" "))
        self.out.append(Entry(shown, 0, lead + 2 if hang is None else hang, keep))

    def indented(
        self, text: Any, indent: int, hang: int = 2, keep: tuple[tuple[int, int], ...] = ()
    ) -> None:
        """A paragraph `indent` cells in; wrapped, it continues `hang` cells further in."""
        self.out.append(Entry(self._text(text), indent, hang, keep))

    def heading(self, text: str) -> None:
        self.out.append(Entry(self.R(text, style="bold"), 0, 2))

    def title_heading(self, title: Text, ident: str) -> None:
        self.heading(f"{title.get(self.lang)}{self.mark(ident, exact=True)}  [{ident}]")

    def field(self, name: str, value: Any, keep: bool = False) -> None:
        """`name: value`, wrapped under the value; with `keep`, the value stays on one line."""
        line = self.R(f"{name}: ", style="bold")
        start = len(line.plain)
        line.append(self._text(value))
        kept = ((start, len(line.plain)),) if keep else ()
        self.out.append(Entry(line, 0, self.cells(f"{name}: "), kept))

    def bullets(self, values: Iterable[str], indent: int = 2) -> None:
        for value in values:
            self.indented("・" + value, indent)

    def texts(self, values: Iterable[Text], indent: int = 2) -> None:
        self.bullets([v.get(self.lang) for v in values], indent)

    def goal(self, goal: Goal, states: Iterable[GoalState]) -> None:
        self.indented(f"●{goal.title.get(self.lang)}", 2, hang=self.cells("●"))
        self.texts([s.text for s in states], indent=4)

    def refs(self, entities: Iterable[Item]) -> None:
        self.bullets([f"{e.title.get(self.lang)} [{e.id}]" for e in entities])

    def task_lines(self, ts: TaskState, indent: int = 2) -> None:
        lang, R = self.lang, self.R
        line = R(ts.task.title.get(lang) + "  ")
        keep = []  # the span and the state are never split across lines
        start = len(line.plain)
        line.append(_span(ts.task.years, lang) + self.mark(ts.task.id), style="dim")
        keep.append((start, len(line.plain)))
        if ts.task.recurring:
            line.append(f" ({t('recurring', lang)})", style="dim")
            keep.append((keep[-1][1] + 1, len(line.plain)))
        line.append("  ")
        start = len(line.plain)
        line.append(task_state_label(ts, lang), style=self.styles[ts.state])
        keep.append((start, len(line.plain)))
        if ts.districts:  # 完了 2/6 地区: never split
            line.append("  ")
            start = len(line.plain)
            line.append(district_progress(ts, lang), style="dim")
            keep.append((start, len(line.plain)))
        line.append(f"  [{ts.task.id}]", style="dim")
        self.indented(line, indent, keep=tuple(keep))
        baseline = self.baseline_text(ts.task.id)
        if baseline:
            self.indented(
                self.R(f"{t('baseline_years', lang)}: {baseline}", style="dim"), indent + 4
            )
        self.task_records(ts, indent + 4)

    def baseline_text(self, task_id: str) -> str:
        """`FY2024–FY2025 → FY2025–FY2026 · moved later (+1 FY)` against the baseline, or
        nothing without one."""
        if self.against is None:
            return ""
        from jtr.presenter import baseline_span_text, change_text

        change = self.against.comparison.task(task_id)
        if change is None:
            return ""
        return f"{baseline_span_text(change, self.lang)} · {change_text(change, self.lang)}"

    def district_rows(self, ts: TaskState) -> None:
        """Each district of a district-scoped task: its name, state and last record, the
        districts not yet done first."""
        lang, R = self.lang, self.R
        rows = [*ts.lagging, *(d for d in ts.districts if d not in ts.lagging)]
        width = max(self.cells(district_name(self.roadmap, d.district, lang)) for d in rows)
        for row in rows:
            name = district_name(self.roadmap, row.district, lang)
            line = R(name + " " * (width - self.cells(name)) + "  ")
            start = len(line.plain)
            line.append(state_label(row.state, lang, recorded=row.last_record is not None),
                        style=self.styles[row.state])  # fmt: skip
            keep = ((start, len(line.plain)),)
            if row.last_record is not None and row.last_record.date is not None:
                line.append(f"  {row.last_record.date.isoformat()}", style="dim")
            line.append(f"  [{row.district}]", style="dim")
            self.indented(line, 2, hang=width + 4, keep=keep)

    def task_records(self, ts: TaskState, indent: int, empty: bool = False) -> None:
        """A recurring task's state in each year, then its records (dimmed: dated after the
        date shown); with `empty`, a line saying there are none yet."""
        lang, R = self.lang, self.R
        for occurrence in ts.occurrences:
            line = R(f"{year_label(occurrence.fiscal_year, lang, 'label')}: ")
            start = len(line.plain)
            recorded = occurrence.last_record is not None
            line.append(
                state_label(occurrence.state, lang, recorded=recorded),
                style=self.styles[occurrence.state],
            )
            self.indented(line, indent, keep=((start, len(line.plain)),))
        if empty and not ts.task.history:
            self.indented(R(t("no_records_yet", lang), style="dim"), indent)
        for record in ts.task.history:
            counted = record.date is not None and record.date <= self.state.as_of
            text = record_text(record, lang, "long")
            self.indented(R(text, style="" if counted else "dim italic"), indent)


def _item_text(page: Page, item: Item) -> None:
    state, roadmap, lang = page.state, page.roadmap, page.lang
    item_state = _item_state(state, item.id)
    course = next(c for c in roadmap.courses if c.id == item.course_id)
    number = page.mark(f"{item.id}.number").lstrip()
    page.heading(f"{item_ref(course, item)}{number} {item.title.get(lang)}  [{item.id}]")
    page.field(
        t("kind_course", lang),
        f"{course.numeral} {course.title.get(lang)} ({t('target_year', lang)} {year_label(course.target_year, lang, 'label')})",
    )
    page.field(
        t("owners", lang),
        owners_text(state.roadmap, item, lang, ja_sep=" ") + page.mark(f"{item.id}.owners"),
    )
    worst = item_state.worst
    page.field(
        t("state", lang),
        page.R(t(worst, lang), style=page.styles[worst]) if worst else t("none", lang),
        keep=True,
    )
    for key, milestone in (("decided", item_state.decision), ("realised", item_state.realisation)):
        value = t("none", lang)
        if milestone:
            value = milestone.date.isoformat() + (f" — {milestone.note}" if milestone.note else "")
        page.field(t(key, lang), value)
    if item_state.goal_unrecorded:
        page.add(page.R(t("goal_unrecorded", lang), style="yellow"), hang=2)
        page.indented(page.R(goal_unrecorded_hint(item_state, lang), style="yellow"), 2)
    if item.help and item.help.dots is not None:
        dots = "●" * item.help.dots
        if item.help.kinds:  # the kinds someone who has the colours filled in
            kinds = [t(f"help_{kind}", lang) for kind in item.help.kinds]
            value = f"{dots} ({join(kinds, lang)})"
        else:
            value = t("help_dots", lang).format(dots=dots, count=item.help.dots)
        page.field(t("help_marks", lang), value + page.mark(f"{item.id}.help"))
    shaded = {None: "shaded_unknown", True: "shaded_yes", False: "shaded_no"}[item.shaded]
    page.field(t("shaded", lang), t(shaded, lang) + page.mark(f"{item.id}.shaded"))
    page.heading(t("problems", lang) + page.mark(f"{item.id}.problems"))
    page.texts(item.problems)
    group = roadmap.working_group(item.working_group)
    if group:
        page.field(
            t("kind_working_group", lang),
            f"{group.title.get(lang)} [{group.id}]" + page.mark(f"{item.id}.working_group"),
        )
        page.texts(group.members, indent=4)
    page.heading(t("tasks", lang))
    for ts in item_state.tasks:
        if ts.task.item_id != item.id:
            page.indented(page.R(f"({t('shared_from', lang)}: {ts.task.item_id})", style="dim"), 2)
        page.task_lines(ts)
    goals = [g for g in course.goals if item.id in g.items]
    if goals:
        page.heading(t("goal_images", lang))
        for goal in goals:
            page.goal(goal, [s for s in goal.states if not s.items or item.id in s.items])
    page.mark(item.id, exact=True)


def _task_text(page: Page, task: Task) -> None:
    lang = page.lang
    ts = _task_state(page.state, task.id)
    page.title_heading(task.title, task.id)
    item = next(i for i in page.roadmap.items() if i.id == task.item_id)
    page.field(t("item", lang), f"{item.title.get(lang)} [{item.id}]")
    page.field(
        t("years", lang),
        _span(task.years, lang)
        + (f" ({t('recurring', lang)})" if task.recurring else "")
        + page.mark(task.id),
    )
    shown = task_state_label(ts, lang)
    years = [year_label(o.fiscal_year, lang) for o in ts.occurrences if o.state == ts.state]
    if years and len(years) < len(ts.occurrences):  # which years make a recurring task's state
        shown = t("state_years", lang).format(state=shown, years=join(years, lang, "、"))
    page.field(t("state", lang), page.R(shown, style=page.styles[ts.state]), keep=True)
    baseline = page.baseline_text(task.id)
    if baseline:
        base = page.against.base if page.against else None
        name = f" ({base.name})" if base else ""
        page.field(t("baseline_years", lang) + name, baseline)
    for field in listed_fields():  # the fields not laid out above, each it has
        text = field_text(field, task, lang)
        if text:
            page.field(t(field.label, lang), text)
    if ts.districts:
        page.heading(f"{t('districts_heading', lang)}: {district_progress(ts, lang)}")
        page.district_rows(ts)
    page.heading(t("history", lang))
    page.task_records(ts, 2, empty=True)


def _course_text(page: Page, course: Course) -> None:
    lang = page.lang
    course_state = next(c for c in page.state.courses if c.course.id == course.id)
    page.heading(f"{course.numeral} {course.title.get(lang)}  [{course.id}]")
    page.add(page.R(course.target.get(lang)))
    for item_state in course_state.items:
        worst = item_state.worst
        line = page.R(f"  {item_ref(course, item_state.item)} {item_state.item.title.get(lang)}  ")
        start = len(line.plain)
        if worst:
            line.append(t(worst, lang), style=page.styles[worst])
        line.append(f"  [{item_state.item.id}]", style="dim")
        page.add(line, keep=((start, start + len(t(worst, lang)) if worst else start),))
    page.heading(t("goal_images", lang))
    for goal in course.goals:
        page.goal(goal, goal.states)


def _working_group_text(page: Page, group: WorkingGroup) -> None:
    lang = page.lang
    page.title_heading(group.title, group.id)
    if group.city_members_only:
        page.add(page.R(t("city_members_only", lang) + page.mark(f"{group.id}.city_members_only")))
    page.heading(t("members", lang) + page.mark(f"{group.id}.members"))
    page.texts(group.members)
    for key, values in (
        ("notes", group.notes),
        ("subgroups", group.subgroups),
        ("themes", group.themes),
    ):
        if values:
            page.heading(t(key, lang))
            page.texts(values)
    page.heading(t("items", lang))
    page.refs(i for i in page.roadmap.items() if i.id in group.items)


def _topic_text(page: Page, topic: Topic) -> None:
    lang = page.lang
    page.title_heading(topic.title, topic.id)
    page.heading(t("problems", lang))
    for problem in topic.problems:
        page.indented(f"・{problem.text.get(lang)}", 2)
        for direction in problem.directions:
            page.indented(f"⇒ {direction.get(lang)}", 6, hang=page.cells("⇒ "))
    if topic.directions:
        page.heading(t("directions", lang))
        for direction in topic.directions:
            page.indented(f"◆{direction.get(lang)}", 2, hang=page.cells("◆"))
    for study_group in topic.study_groups:
        page.heading(t("study_groups", lang))
        page.indented(
            f"{study_group.title.get(lang)} ({year_label(study_group.fiscal_year, lang, 'label')})",
            2,
        )


def _owner_text(page: Page, owner: Owner) -> None:
    lang = page.lang
    page.heading(f"{owner.short.get(lang)} — {owner.name.get(lang)}  [{owner.id}]")
    page.heading(t("items", lang))
    page.refs(i for i in page.roadmap.items() if owner.id in i.owners)


def _phase_text(page: Page, phase: Phase) -> None:
    page.title_heading(phase.title, phase.id)
    page.field(t("years", page.lang), _span(phase.years, page.lang) + page.mark(phase.id))
    page.heading(t("tasks", page.lang))
    years = set(phase.years.years())
    for course_state in page.state.courses:
        for item_state in course_state.items:
            for ts in item_state.tasks:
                if ts.task.item_id == item_state.item.id and set(ts.task.years.years()) & years:
                    page.task_lines(ts)


def district_tasks(state: RoadmapState, district_id: str) -> list[tuple[Any, TaskState, Any]]:
    """(item state, task state, the district's state) of each district-scoped task whose
    scope holds the district, in plan order."""
    found = []
    for course in state.courses:
        for item_state in course.items:
            for ts in item_state.tasks:
                if ts.task.item_id != item_state.item.id:
                    continue
                mine = next((d for d in ts.districts if d.district == district_id), None)
                if mine is not None:
                    found.append((item_state, ts, mine))
    return found


def _district_text(page: Page, district: District) -> None:
    lang, R = page.lang, page.R
    page.title_heading(district.name, district.id)
    page.field(t("block", lang), district.block or t("districts_block_unknown", lang))
    page.field(t("hilly", lang), t("answer_yes" if district.hilly else "answer_no", lang))
    page.heading(t("districts_heading", lang))
    rows = district_tasks(page.state, district.id)
    if not rows:
        page.indented(R(t("districts_none", lang), style="dim"), 2)
    for item_state, ts, mine in rows:
        course = next(c for c in page.roadmap.courses if c.id == item_state.item.course_id)
        line = R(f"{item_ref(course, item_state.item)} {ts.task.title.get(lang)}  ")
        start = len(line.plain)
        line.append(
            state_label(mine.state, lang, recorded=mine.last_record is not None),
            style=page.styles[mine.state],
        )
        keep = ((start, len(line.plain)),)
        if mine.last_record is not None and mine.last_record.date is not None:
            line.append(f"  {mine.last_record.date.isoformat()}", style="dim")
        line.append(f"  [{ts.task.id}]", style="dim")
        page.indented(line, 2, keep=keep)


def _revision_text(page: Page, revision: Revision) -> None:
    from jtr.presenter import body_title

    lang, roadmap = page.lang, page.roadmap
    page.title_heading(revision.title, revision.id)
    total = len(roadmap.revisions)
    page.field(t("revision_date", lang), revision.date)
    body = body_title(roadmap, revision.approved_by, lang)
    mark = page.mark(f"{revision.id}.approved_by")
    page.field(t("revision_approved_by", lang), f"{body}{mark} [{revision.approved_by}]")
    if revision.note is not None:
        page.field(t("notes", lang), revision.note.get(lang))
    if revision.baseline is not None:
        page.field(t("revision_baseline", lang), revision.baseline)
    page.indented(
        page.R(t("revision_place", lang).format(number=revision.number, total=total), style="dim"),
        2,
    )


def _entity_text(page: Page, kind: Kind, entity: Any) -> None:
    """A kind without a page of its own: its title and id."""
    page.title_heading(kind.title(entity), entity.id)


# kind name → its page; a kind of the registry (jtr.kinds) without one gets `_entity_text`
TEXT: dict[str, Callable[[Page, Any], None]] = {
    "item": _item_text,
    "task": _task_text,
    "course": _course_text,
    "working_group": _working_group_text,
    "topic": _topic_text,
    "owner": _owner_text,
    "phase": _phase_text,
    "district": _district_text,
    "revision": _revision_text,
}


def render_text(
    state: RoadmapState,
    entity: object,
    lang: str,
    *,
    width: int,
    color: bool,
    kind: Kind | None = None,
    against: Against | None = None,
) -> str:
    from jtr.render.console import render_to_string

    kind = kind or kind_of(state.roadmap, entity)
    page = Page(state, lang, against)
    draw = TEXT.get(kind.name)
    if draw is None:
        _entity_text(page, kind, entity)
    else:
        draw(page, entity)
    ident = getattr(entity, "id", None)
    if isinstance(ident, str):
        page.mark(ident)  # every reading of the entity is listed, marked above or not
    page.readings()
    lines = [line for entry in page.out for line in _wrapped(entry, width)]
    return render_to_string(lines, width=width, color=color)


def _wrapped(entry: Entry, width: int) -> list[Any]:
    """An entry's lines, `width` cells wide at the most (`jtr.render.lines.wrap_ranges`): lines
    break between words and around Japanese characters, continuation lines `hang` cells in
    under the entry's first, a kept range on one line; a line break in the text (a note's)
    starts a continuation line."""
    from rich.text import Text as RichText

    from jtr.render.lines import wrap_layout

    text, indent = entry.text, min(entry.indent, width // 2)
    room = width - indent
    lines: list[Any] = []
    offset = 0
    hang = entry.hang
    for number, paragraph in enumerate(text.plain.split("\n")):
        keep = [(a - offset, b - offset) for a, b in entry.keep if a >= offset]
        if number:  # a further line of the text: all of it after the hang
            hang = min(max(hang, 0), room // 2)
            ranges = wrap_layout(paragraph, room - hang, 0, keep)[1]
        else:
            hang, ranges = wrap_layout(paragraph, room, hang, keep)
        for index, (start, end) in enumerate(ranges):
            line = RichText(" " * (indent + (hang if index or number else 0)))
            line.append_text(text[offset + start : offset + end])
            lines.append(line)
        offset += len(paragraph) + 1
    return lines


# ---------------------------------------------------------------------------------------------
# JSON: one function per kind; `"kind"` comes first, from the registry


def _item_data(state: RoadmapState, item: Item) -> dict[str, Any]:
    roadmap = state.roadmap
    item_state = _item_state(state, item.id)
    group = roadmap.working_group(item.working_group)
    return {
        "id": item.id,
        "course": item.course_id,
        "number": item.number,
        "title": text_json(item.title),
        "problems": [text_json(p) for p in item.problems],
        "owners": list(item.owners),
        "working_group": None
        if group is None
        else {
            "id": group.id,
            "title": text_json(group.title),
            "members": [text_json(m) for m in group.members],
        },
        "help": None
        if item.help is None
        else {"dots": item.help.dots, "kinds": list(item.help.kinds)},
        "shaded": item.shaded,
        "state": item_state.worst,
        "decision": _milestone(item_state.decision),
        "realisation": _milestone(item_state.realisation),
        "tasks": [_task_full(ts, item.id) for ts in item_state.tasks],
        "goals": [
            {
                "id": g.id,
                "title": text_json(g.title),
                "states": [text_json(s.text) for s in g.states],
            }
            for c in roadmap.courses
            for g in c.goals
            if item.id in g.items
        ],
    }


def _task_data(state: RoadmapState, task: Task) -> dict[str, Any]:
    return {"item": task.item_id, **_task_full(_task_state(state, task.id), task.item_id)}


def _course_data(state: RoadmapState, course: Course) -> dict[str, Any]:
    course_state = next(c for c in state.courses if c.course.id == course.id)
    return {
        "id": course.id,
        "numeral": course.numeral,
        "title": text_json(course.title),
        "target": text_json(course.target),
        "target_fiscal_year": course.target_year,
        "items": [
            {"id": i.item.id, "number": i.item.number, "state": i.worst} for i in course_state.items
        ],
        "goals": [
            {
                "id": g.id,
                "title": text_json(g.title),
                "items": list(g.items),
                "states": [text_json(s.text) for s in g.states],
            }
            for g in course.goals
        ],
    }


def _working_group_data(state: RoadmapState, group: WorkingGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "title": text_json(group.title),
        "members": [text_json(m) for m in group.members],
        "notes": [text_json(n) for n in group.notes],
        "subgroups": [text_json(s) for s in group.subgroups],
        "themes": [text_json(s) for s in group.themes],
        "city_members_only": group.city_members_only,
        "items": list(group.items),
    }


def _topic_data(state: RoadmapState, topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": text_json(topic.title),
        "problems": [
            {"text": text_json(p.text), "directions": [text_json(d) for d in p.directions]}
            for p in topic.problems
        ],
        "directions": [text_json(d) for d in topic.directions],
        "study_groups": [
            {"id": g.id, "title": text_json(g.title), "fiscal_year": g.fiscal_year}
            for g in topic.study_groups
        ],
    }


def _owner_data(state: RoadmapState, owner: Owner) -> dict[str, Any]:
    return {
        "id": owner.id,
        "short": text_json(owner.short),
        "name": text_json(owner.name),
        "items": [i.id for i in state.roadmap.items() if owner.id in i.owners],
    }


def _phase_data(state: RoadmapState, phase: Phase) -> dict[str, Any]:
    return {
        "id": phase.id,
        "title": text_json(phase.title),
        "fiscal_years": {"from": phase.years.start, "to": phase.years.end},
    }


def _district_data(state: RoadmapState, district: District) -> dict[str, Any]:
    return {
        "id": district.id,
        "name": text_json(district.name),
        "block": district.block,
        "hilly": district.hilly,
        "tasks": [
            {
                "id": ts.task.id,
                "item": item_state.item.id,
                "state": mine.state,
                "status": mine.status,
                "timing": mine.timing,
                "last_record": None if mine.last_record is None else record_json(mine.last_record),
            }
            for item_state, ts, mine in district_tasks(state, district.id)
        ],
    }


# kind name → its JSON; a kind of the registry without one gets its id and title
DATA: dict[str, Callable[[RoadmapState, Any], dict[str, Any]]] = {
    "item": _item_data,
    "task": _task_data,
    "course": _course_data,
    "working_group": _working_group_data,
    "topic": _topic_data,
    "owner": _owner_data,
    "phase": _phase_data,
    "district": _district_data,
    "revision": lambda state, revision: revision_json(state.roadmap, revision),
}


def entity_data(state: RoadmapState, entity: Any, kind: Kind | None = None) -> dict[str, Any]:
    kind = kind or kind_of(state.roadmap, entity)
    data = DATA.get(kind.name)
    if data is None:
        return {"kind": kind.name, "id": entity.id, "title": text_json(kind.title(entity))}
    return {"kind": kind.name, **data(state, entity)}


def _milestone(milestone: Any) -> dict[str, Any] | None:
    return (
        None if milestone is None else {"date": milestone.date.isoformat(), "note": milestone.note}
    )


def _task_full(ts: TaskState, item_id: str) -> dict[str, Any]:
    data = task_json(ts, item_id)
    data["history"] = [record_json(r) for r in ts.task.history]
    for field in listed_fields():  # null when the task has none
        value = field.value(ts.task)
        data[field.key] = field.data(value) if present(value) else None
    return data


def render_json(
    state: RoadmapState, entity: object, kind: Kind | None = None, against: Against | None = None
) -> str:
    from jtr.escape import json_text

    payload = {"as_of": state.as_of.isoformat(), **entity_data(state, entity, kind)}
    if against is not None:
        _add_baseline(payload, against)
    return json_text(json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"


def _add_baseline(payload: dict[str, Any], against: Against) -> None:
    """With a baseline: `"baseline"` (what named it) on the page, and on every task in it
    (a mapping written by `task_json`: it has `fiscal_years` and `recurring`) its years in the
    baseline, what changed and its slip."""
    from jtr.render.slips import baseline_data, task_baseline_json

    stack: list[Any] = [payload]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "fiscal_years" in node and "recurring" in node and isinstance(node.get("id"), str):
                node["baseline"] = task_baseline_json(against, node["id"])
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    payload["baseline_revision"] = baseline_data(against.base)


def list_entries(model: Roadmap, kind: str, lang: str) -> list[tuple[str, str]]:
    """(id, what `jtr list` prints beside it) for the kind listed as `kind` (`working-groups`)."""
    chosen = by_plural(kind)
    assert chosen.entries is not None
    return [(e.id, chosen.listed(model, e, lang)) for e in chosen.entries(model)]


def render_list(
    entries: list[tuple[str, str]], output_format: str, width: int | None = None
) -> str:
    """`id  title` per line (ids padded to one column); with `width`, a title too long wraps
    between words under the titles' column, or four cells in when the ids take more than half
    the width (then not padded)."""
    from jtr.escape import json_text, terminal

    if output_format == "json":
        listed = [{"id": i, "title": title} for i, title in entries]
        return json_text(json.dumps(listed, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"

    shown = [(terminal(i), terminal(title)) for i, title in entries]
    column = max((len(i) for i, _ in shown), default=0)
    if width is None:
        return "".join(f"{i.ljust(column)}  {title}\n" for i, title in shown)
    from jtr.render.lines import Line, render_lines, wrap

    if column + 2 > width // 2:  # ids too long for a column: each title after its id
        column, hang = 0, 4
    else:
        hang = column + 2
    lines = [Line((f"{i.ljust(column)}  {title}", "")) for i, title in shown]
    return render_lines(
        [piece for line in lines for piece in wrap(line, width, hang)], width, False
    )
