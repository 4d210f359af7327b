"""Where the roadmap stands as of a date. Pure: the date comes in, nothing is read or printed.

"As of" is honest: a task's status at a date is replayed from the records dated on or before
it, so progress recorded later is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from typing import NamedTuple

from jtr.fiscal import fiscal_year_of
from jtr.model import STATUSES, Course, Item, Milestone, Phase, Roadmap, StatusRecord, Task

TERMINAL = frozenset({"done", "cancelled"})

# Derived states, in the order reports list them (most urgent first).
STATES = ("overdue", "delayed", "on_hold", "due", "in_progress", "not_yet_due", "done", "cancelled")
# Calendar timings of a task.
TIMINGS = ("not_yet_due", "due", "overdue", "closed")


class Occurrence(NamedTuple):
    """One fiscal year of a recurring task."""

    fiscal_year: int
    status: str
    timing: str
    last_record: StatusRecord | None

    @property
    def state(self) -> str:
        """This year's derived state, judged as a task's is."""
        return _state(self.status, self.timing)


class DistrictState(NamedTuple):
    """A district-scoped task in one district: judged as a task is, on the task's records for
    the whole city and those for this district."""

    district: str
    status: str
    timing: str
    state: str
    last_record: StatusRecord | None


class TaskState(NamedTuple):
    task: Task
    status: str  # the recorded status as of the date ("planned" when nothing is recorded)
    timing: str  # one of TIMINGS
    state: str  # one of STATES: what a report shows
    recorded: bool  # whether any record counts as of the date
    last_record: StatusRecord | None
    occurrences: tuple[Occurrence, ...] = ()
    districts: tuple[DistrictState, ...] = ()  # a district-scoped task: each district in scope

    @property
    def needs_attention(self) -> bool:
        return self.state in ("overdue", "due", "delayed", "on_hold")

    @property
    def district_counts(self) -> Counter[str]:
        """How many districts stand in each state."""
        return Counter(d.state for d in self.districts)

    @property
    def districts_done(self) -> int:
        return sum(1 for d in self.districts if d.state in TERMINAL)

    @property
    def lagging(self) -> tuple[DistrictState, ...]:
        """The districts not yet done or cancelled, most urgent first."""
        open_ = [d for d in self.districts if d.state not in TERMINAL]
        return tuple(sorted(open_, key=lambda d: STATES.index(d.state)))


class ItemState(NamedTuple):
    item: Item
    tasks: tuple[TaskState, ...]  # its own tasks, then those shared with it
    decision: Milestone | None
    realisation: Milestone | None
    # Every task done (or cancelled, at least one done) as of the date, yet neither 方針決定
    # nor 実現 recorded: the work is over but the course goal does not count the item until
    # `jtr realise` or `jtr decide` records it. Judged on all its tasks, before any filter.
    goal_unrecorded: bool = False

    @property
    def counts(self) -> Counter[str]:
        return Counter(t.state for t in self.tasks)

    @property
    def goal_met(self) -> bool:
        """実現あるいは方針決定: realised or policy decided."""
        return self.decision is not None or self.realisation is not None

    @property
    def next_task(self) -> TaskState | None:
        return next((t for t in self.tasks if t.state not in TERMINAL), None)

    @property
    def worst(self) -> str | None:
        states = [t.state for t in self.tasks]
        return min(states, key=STATES.index) if states else None


class CourseState(NamedTuple):
    course: Course
    items: tuple[ItemState, ...]
    target_passed: bool  # the course's target fiscal year has ended

    @property
    def counts(self) -> Counter[str]:
        # Each task once, under the item that owns it.
        return Counter(t.state for i in self.items for t in i.tasks if t.task.item_id == i.item.id)

    @property
    def task_total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent_done(self) -> float:
        counts = self.counts
        counted = sum(counts.values()) - counts["cancelled"]
        return 100.0 * counts["done"] / counted if counted else 0.0

    @property
    def goal_met(self) -> tuple[ItemState, ...]:
        return tuple(i for i in self.items if i.goal_met)

    @property
    def goal_missed(self) -> tuple[ItemState, ...]:
        """Items with neither decision nor realisation once the target year has ended."""
        return tuple(i for i in self.items if self.target_passed and not i.goal_met)


class RoadmapState(NamedTuple):
    roadmap: Roadmap
    as_of: dt.date
    fiscal_year: int
    phase: Phase | None
    courses: tuple[CourseState, ...]

    @property
    def attention(self) -> tuple[ItemState, ...]:
        """Items with a task overdue, delayed, on hold or due this fiscal year, most urgent first."""
        found = [
            i for c in self.courses for i in c.items if any(t.needs_attention for t in i.tasks)
        ]
        return tuple(
            sorted(
                found,
                key=lambda i: (STATES.index(i.worst or "done"), i.item.course_id, i.item.number),
            )
        )

    @property
    def overdue(self) -> tuple[TaskState, ...]:
        return tuple(
            t for c in self.courses for i in c.items for t in i.tasks
            if t.state == "overdue" and t.task.item_id == i.item.id
        )  # fmt: skip

    @property
    def goals_missed(self) -> tuple[ItemState, ...]:
        return tuple(i for c in self.courses for i in c.goal_missed)

    @property
    def goals_unrecorded(self) -> tuple[ItemState, ...]:
        """Items whose tasks are all done but with neither 方針決定 nor 実現 recorded."""
        return tuple(i for c in self.courses for i in c.items if i.goal_unrecorded)


def records_as_of(records: tuple[StatusRecord, ...], as_of: dt.date) -> list[StatusRecord]:
    """Records that count at a date: dated on or before it (undated records cannot be placed)."""
    return [r for r in records if r.date is not None and r.date <= as_of]


def _state(status: str, timing: str) -> str:
    if status in TERMINAL:
        return status
    if timing == "overdue":
        return "overdue"
    if status in ("delayed", "on_hold", "in_progress"):
        return status
    return "due" if timing == "due" else "not_yet_due"


def _timing(status: str, year: int, task: Task) -> str:
    if status in TERMINAL:
        return "closed"
    if year > task.years.end:
        return "overdue"
    if year >= task.years.start:
        return "due"
    return "not_yet_due"


def task_state(task: Task, as_of: dt.date, start_month: int = 4) -> TaskState:
    year = fiscal_year_of(as_of, start_month)
    records = records_as_of(task.history, as_of)
    if task.districts:
        return _district_task_state(task, records, year)
    if task.recurring:
        return _recurring_state(task, records, year, start_month)
    last = records[-1] if records else None
    status = last.status if last else "planned"
    timing = _timing(status, year, task)
    return TaskState(task, status, timing, _state(status, timing), bool(records), last)


def _district_task_state(task: Task, records: list[StatusRecord], year: int) -> TaskState:
    """A task done in each district: each district judged on the city-wide records and its
    own; the task is done once every district is done or cancelled, else as its most urgent
    district."""
    by_district: dict[str, list[StatusRecord]] = {d: [] for d in task.districts}
    for record in records:  # in date order: a city-wide record counts for every district
        if record.district is None:
            for mine in by_district.values():
                mine.append(record)
        elif record.district in by_district:
            by_district[record.district].append(record)
    districts = []
    for district, mine in by_district.items():
        last = mine[-1] if mine else None
        status = last.status if last else "planned"
        timing = _timing(status, year, task)
        districts.append(DistrictState(district, status, timing, _state(status, timing), last))
    last = records[-1] if records else None
    return _of_districts(TaskState(task, "", "", "", bool(records), last), tuple(districts))


def _of_districts(ts: TaskState, districts: tuple[DistrictState, ...]) -> TaskState:
    """The task judged on these districts: done once each is done or cancelled, else as its
    most urgent one."""
    if all(d.state in TERMINAL for d in districts):
        status = "cancelled" if all(d.state == "cancelled" for d in districts) else "done"
        timing = "closed"
        state = status
    else:
        worst = min(
            (d for d in districts if d.state not in TERMINAL), key=lambda d: STATES.index(d.state)
        )
        status, timing, state = worst.status, worst.timing, worst.state
    return ts._replace(status=status, timing=timing, state=state, districts=districts)


def restrict_districts(state: RoadmapState, districts: Collection[str]) -> RoadmapState:
    """The state as seen from these districts (`--district`, `--hilly`): a district-scoped
    task keeps only these of its districts, judged on them alone, and is left out when none of
    them is in its scope; a task done once for the whole city stays as it is."""
    wanted = set(districts)
    kept = []
    for course in state.courses:
        items = []
        for item in course.items:
            tasks = []
            for ts in item.tasks:
                if not ts.districts:
                    tasks.append(ts)
                    continue
                mine = tuple(d for d in ts.districts if d.district in wanted)
                if mine:
                    tasks.append(_of_districts(ts, mine))
            items.append(item._replace(tasks=tuple(tasks)))
        kept.append(course._replace(items=tuple(items)))
    return state._replace(courses=tuple(kept))


def _recurring_state(
    task: Task, records: list[StatusRecord], year: int, start_month: int
) -> TaskState:
    occurrences = []
    for fy in task.years.years():
        mine = [r for r in records if (r.fiscal_year or fiscal_year_of(r.date, start_month)) == fy]  # type: ignore[arg-type]
        last = mine[-1] if mine else None
        status = last.status if last else "planned"
        if status in TERMINAL:
            timing = "closed"
        elif fy < year:
            timing = "overdue"
        elif fy == year:
            timing = "due"
        else:
            timing = "not_yet_due"
        occurrences.append(Occurrence(fy, status, timing, last))
    last = records[-1] if records else None
    timings = {o.timing for o in occurrences}
    if "overdue" in timings:
        timing = "overdue"
    elif timings == {"closed"}:
        timing = "closed"
    elif "due" in timings:
        timing = "due"
    elif year > task.years.end:
        timing = "closed"
    else:
        timing = "not_yet_due"
    if timing == "closed":
        status = "cancelled" if all(o.status == "cancelled" for o in occurrences) else "done"
    else:
        current = next((o for o in occurrences if o.fiscal_year == year), None)
        status = current.status if current else (last.status if last else "planned")
        if status in TERMINAL:  # done for this year, more years to come
            status = "in_progress"
    return TaskState(
        task, status, timing, _state(status, timing), bool(records), last, tuple(occurrences)
    )


def _milestone(milestone: Milestone | None, as_of: dt.date) -> Milestone | None:
    return milestone if milestone is not None and milestone.date <= as_of else None


def _item_state(
    item: Item,
    tasks: tuple[TaskState, ...],
    decision: Milestone | None,
    realisation: Milestone | None,
) -> ItemState:
    finished = (
        bool(tasks)
        and all(t.state in TERMINAL for t in tasks)
        and any(t.state == "done" for t in tasks)
    )
    unrecorded = finished and decision is None and realisation is None
    return ItemState(item, tasks, decision, realisation, unrecorded)


def roadmap_state(roadmap: Roadmap, as_of: dt.date) -> RoadmapState:
    start = roadmap.fiscal_year_start_month
    year = fiscal_year_of(as_of, start)
    states = {t.id: task_state(t, as_of, start) for t in roadmap.tasks()}
    shared: dict[str, list[TaskState]] = {}
    for task in roadmap.tasks():
        for other in task.shared_with:
            shared.setdefault(other, []).append(states[task.id])
    courses = []
    for course in roadmap.courses:
        items = tuple(
            _item_state(
                item,
                tuple(states[t.id] for t in item.tasks) + tuple(shared.get(item.id, ())),
                _milestone(item.decision, as_of),
                _milestone(item.realisation, as_of),
            )
            for item in course.items
        )
        courses.append(CourseState(course, items, target_passed=year > course.target_year))
    return RoadmapState(roadmap, as_of, year, roadmap.phase_of(year), tuple(courses))


def filter_state(
    state: RoadmapState,
    *,
    courses: set[str] | None = None,
    owners: set[str] | None = None,
    states: set[str] | None = None,
) -> RoadmapState:
    """Keep the courses, the items with one of the owners, and the tasks in one of the states.

    A task matches a state by its derived state, its recorded status or its timing, so
    `overdue`, `delayed` and `due` all work. Items left with no task are dropped when filtering
    by state.
    """
    kept = []
    for course in state.courses:
        if courses and course.course.id not in courses and course.course.numeral not in courses:
            continue
        items = []
        for item in course.items:
            if owners and not owners & set(item.item.owners):
                continue
            if states:
                tasks = tuple(t for t in item.tasks if states & {t.state, t.status, t.timing})
                if not tasks:
                    continue
                item = item._replace(tasks=tasks)
            items.append(item)
        kept.append(CourseState(course.course, tuple(items), course.target_passed))
    return RoadmapState(state.roadmap, state.as_of, state.fiscal_year, state.phase, tuple(kept))


class UnknownFilter(ValueError):
    """A course, owner or state filter that names nothing the roadmap knows; the message lists
    what it does know, and up to three close values."""


def state_words() -> tuple[str, ...]:
    """Every word `--state` takes: derived states, timings and recorded statuses."""
    return tuple(dict.fromkeys((*STATES, *TIMINGS, *STATUSES)))


def course_words(course: Course) -> tuple[str, ...]:
    """The words `--course` takes for a course, from its data: its id, its numeral (Ⅰ), the
    numeral in ASCII (I) and as a number (1), and its target fiscal year (2024)."""
    import unicodedata

    words = [course.id, course.numeral, unicodedata.normalize("NFKC", course.numeral)]
    try:
        number = unicodedata.numeric(course.numeral) if len(course.numeral) == 1 else None
    except ValueError:
        number = None
    if number is not None and number == int(number):
        words.append(str(int(number)))
    words.append(str(course.target_year))
    return tuple(dict.fromkeys(w for w in words if w))


def resolve_course(roadmap: Roadmap, word: str) -> str | None:
    """The id of the course `word` names (`I`, `ii`, `1`, `2024`, `FY2024`, `R6`, `Ⅰ`, the id;
    full-width forms too), or None."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", word).strip()
    for course in roadmap.courses:
        words = {unicodedata.normalize("NFKC", w).casefold() for w in course_words(course)}
        if word in course_words(course) or cleaned.casefold() in words:
            return course.id
    if not cleaned.isdigit() or len(cleaned) == 4:  # a fiscal year however written: R6, FY2024
        from jtr.fiscal import FiscalYearError, parse_fiscal_year

        try:
            year = parse_fiscal_year(cleaned)
        except FiscalYearError:
            return None
        return next((c.id for c in roadmap.courses if c.target_year == year), None)
    return None


def did_you_mean(value: str, known: Collection[str], lang: str = "en") -> str:
    """`; did you mean 'x'?` with up to three close values (difflib), else ""."""
    import difflib

    from jtr.labels import label

    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.5)
    if not close:
        return ""
    joined = label("msg_or", lang).join(repr(c) for c in close)
    return "; " + label("msg_did_you_mean", lang).format(close=joined)


def select_state(
    state: RoadmapState,
    *,
    courses: Collection[str] | None = None,
    owners: Collection[str] | None = None,
    states: Collection[str] | None = None,
    districts: Collection[str] | None = None,
    hilly: bool | None = None,
    lang: str = "en",
) -> RoadmapState:
    """`filter_state` after checking each value (`--course`, `--owner`, `--state` of the views
    and exports) against the roadmap: UnknownFilter for the first one it does not know. A course
    may be named by any of `course_words` (resolve_course)."""
    from jtr.labels import label

    roadmap = state.roadmap
    chosen_courses = set()
    for value in courses or ():
        found = resolve_course(roadmap, value)
        if found is None:
            words = [w for c in roadmap.courses for w in course_words(c)]
            known = ", ".join(sorted(w for c in roadmap.courses for w in (c.id, c.numeral)))
            raise UnknownFilter(
                label("msg_no_such_course", lang).format(value=repr(value), known=known)
                + did_you_mean(value, words, lang)
            )
        chosen_courses.add(found)
    known_owners = [o.id for o in roadmap.owners]
    for value in owners or ():
        if value not in known_owners:
            raise UnknownFilter(
                label("msg_no_such_owner", lang).format(
                    value=repr(value), known=", ".join(sorted(known_owners))
                )
                + did_you_mean(value, known_owners, lang)
            )
    known_states = state_words()
    for value in states or ():
        if value not in known_states:
            raise UnknownFilter(
                label("msg_no_such_state", lang).format(
                    value=repr(value), known=", ".join(sorted(known_states))
                )
                + did_you_mean(value, known_states, lang)
            )
    known_districts = [d.id for d in roadmap.districts]
    for value in districts or ():
        if value not in known_districts:
            from jtr.labels import message

            raise UnknownFilter(
                message("err_no_such_district", lang, value=repr(value))
                + did_you_mean(value, known_districts, lang)
            )
    if districts or hilly is not None:
        chosen = set(districts) if districts else set(known_districts)
        if hilly is not None:
            chosen &= {d.id for d in roadmap.districts if d.hilly is hilly}
        state = restrict_districts(state, chosen)
    return filter_state(
        state,
        courses=chosen_courses or None,
        owners=set(owners) if owners else None,
        states=set(states) if states else None,
    )
