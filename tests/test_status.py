"""jtr.status on tests/fixtures/progress.yaml (recorded progress) and on the shipped roadmap.

Pure: a model and a date go in, states come out; no CLI. The fixture's comments say which task
exercises which state; the main date is 2026-11-26 (FY2026, phase `landing`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jtr.model import Roadmap, Span, StatusRecord, Task, Text
from jtr.roadmap import open_roadmap
from jtr.status import (
    STATES,
    RoadmapState,
    TaskState,
    UnknownFilter,
    filter_state,
    records_as_of,
    roadmap_state,
    select_state,
    task_state,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "progress.yaml"
SHIPPED = ROOT / "data" / "roadmap.yaml"

TODAY = "2026-11-26"


@pytest.fixture(scope="module")
def model() -> Roadmap:
    return open_roadmap(FIXTURE).model


@pytest.fixture(scope="module")
def shipped() -> Roadmap:
    return open_roadmap(SHIPPED).model


def at(model: Roadmap, day: str) -> RoadmapState:
    return roadmap_state(model, dt.date.fromisoformat(day))


def own_tasks(state: RoadmapState) -> dict[str, TaskState]:
    """Each task once, under the item that owns it."""
    return {
        t.task.id: t
        for c in state.courses
        for i in c.items
        for t in i.tasks
        if t.task.item_id == i.item.id
    }


def task(model: Roadmap, day: str, task_id: str) -> TaskState:
    return own_tasks(at(model, day))[task_id]


def by_state(state: RoadmapState) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for ident, ts in own_tasks(state).items():
        found.setdefault(ts.state, set()).add(ident)
    return found


def shape(state: RoadmapState) -> dict[str, dict[str, list[str]]]:
    """course id -> item id -> task ids (own and shared), as the state holds them."""
    return {
        c.course.id: {i.item.id: [t.task.id for t in i.tasks] for i in c.items}
        for c in state.courses
    }


def course(state: RoadmapState, numeral: str):  # -> CourseState
    return next(c for c in state.courses if c.course.numeral == numeral)


def item(state: RoadmapState, item_id: str):  # -> ItemState
    return next(i for c in state.courses for i in c.items if i.item.id == item_id)


# --- every derived state ----------------------------------------------------------------------

EXPECTED_TODAY = {
    "overdue": {
        "labour-management-desk",
        "labour-management-guide",
        "requested-work-mayor-policy",
    },
    "delayed": {"committee-nominations-decide"},
    "on_hold": {"welfare-support-subsidy"},
    "due": {"requested-work-prepare"},
    "in_progress": {"fundraising-decide"},
    "not_yet_due": {"committee-nominations-apply"},
    "done": {"welfare-workers-decide", "district-dock-run", "requested-work-briefing"},
    "cancelled": {"welfare-workers-pilot"},
}


def test_fixture_covers_every_state(model: Roadmap) -> None:
    assert set(EXPECTED_TODAY) == set(STATES)
    assert by_state(at(model, TODAY)) == EXPECTED_TODAY


def test_fiscal_year_and_phase(model: Roadmap) -> None:
    state = at(model, TODAY)
    assert state.as_of == dt.date(2026, 11, 26)
    assert state.fiscal_year == 2026
    assert state.phase is not None and state.phase.id == "landing"
    for day, year, phase in [
        ("2024-03-31", 2023, "preparation"),
        ("2024-04-01", 2024, "takeoff"),
        ("2026-03-31", 2025, "acceleration"),
        ("2028-03-31", 2027, "landing"),
    ]:
        other = at(model, day)
        assert (other.fiscal_year, other.phase and other.phase.id) == (year, phase), day
    outside = at(model, "2028-04-01")
    assert (outside.fiscal_year, outside.phase) == (2028, None)
    before = at(model, "2023-03-31")
    assert (before.fiscal_year, before.phase) == (2022, None)


def test_status_timing_and_state_as_of_today(model: Roadmap) -> None:
    got = {ident: (t.status, t.timing, t.state) for ident, t in own_tasks(at(model, TODAY)).items()}
    assert got == {
        "welfare-workers-decide": ("done", "closed", "done"),
        "welfare-workers-pilot": ("cancelled", "closed", "cancelled"),
        "district-dock-run": ("done", "closed", "done"),
        "labour-management-desk": ("planned", "overdue", "overdue"),
        "labour-management-guide": ("delayed", "overdue", "overdue"),
        "committee-nominations-decide": ("delayed", "due", "delayed"),
        "committee-nominations-apply": ("planned", "not_yet_due", "not_yet_due"),
        "fundraising-decide": ("in_progress", "due", "in_progress"),
        "welfare-support-subsidy": ("on_hold", "due", "on_hold"),
        "requested-work-prepare": ("planned", "due", "due"),
        # recurring: this year's occurrence is done, more to do, a past year is missing
        "requested-work-mayor-policy": ("in_progress", "overdue", "overdue"),
        "requested-work-briefing": ("done", "closed", "done"),
    }


def test_needs_attention(model: Roadmap) -> None:
    tasks = own_tasks(at(model, TODAY))
    attention = {ident for ident, t in tasks.items() if t.needs_attention}
    assert attention == (
        EXPECTED_TODAY["overdue"]
        | EXPECTED_TODAY["delayed"]
        | EXPECTED_TODAY["on_hold"]
        | EXPECTED_TODAY["due"]
    )


# --- recorded ---------------------------------------------------------------------------------


def test_overdue_recorded_or_not(model: Roadmap) -> None:
    nothing = task(model, TODAY, "labour-management-desk")
    assert (nothing.state, nothing.recorded, nothing.last_record) == ("overdue", False, None)
    assert nothing.status == "planned"

    recorded = task(model, TODAY, "labour-management-guide")
    assert (recorded.state, recorded.recorded) == ("overdue", True)
    assert recorded.last_record == StatusRecord("delayed", dt.date(2025, 12, 1))


def test_overdue_property_lists_each_overdue_task_once(model: Roadmap) -> None:
    state = at(model, TODAY)
    assert sorted(t.task.id for t in state.overdue) == sorted(EXPECTED_TODAY["overdue"])
    assert [t.recorded for t in state.overdue] == [False, True, True]


# --- as of: later records do not count --------------------------------------------------------


def test_records_as_of() -> None:
    records = (
        StatusRecord("in_progress", dt.date(2024, 6, 1)),
        StatusRecord("done", None),  # undated: cannot be placed, never counts
        StatusRecord("done", dt.date(2025, 2, 10)),
    )
    assert records_as_of(records, dt.date(2024, 5, 31)) == []
    assert records_as_of(records, dt.date(2025, 2, 9)) == [records[0]]
    assert records_as_of(records, dt.date(2025, 2, 10)) == [records[0], records[2]]


def test_record_dated_after_as_of_is_not_counted(model: Roadmap) -> None:
    # welfare-workers-decide: in_progress 2024-06-01, done 2025-02-10 (FY2024 task).
    before = task(model, "2025-01-31", "welfare-workers-decide")
    assert (before.status, before.timing, before.state) == ("in_progress", "due", "in_progress")
    assert before.last_record is not None and before.last_record.date == dt.date(2024, 6, 1)

    on_the_day = task(model, "2025-02-10", "welfare-workers-decide")
    assert (on_the_day.status, on_the_day.state) == ("done", "done")

    after = task(model, "2025-02-11", "welfare-workers-decide")
    assert (after.status, after.timing, after.state) == ("done", "closed", "done")
    assert after.last_record is not None and after.last_record.date == dt.date(2025, 2, 10)

    # Before the first record nothing counts at all.
    first = task(model, "2024-05-31", "welfare-workers-decide")
    assert (first.status, first.state, first.recorded) == ("planned", "due", False)


def test_cancelled_from_its_record_date(model: Roadmap) -> None:
    assert task(model, "2025-09-30", "welfare-workers-pilot").state == "in_progress"
    assert task(model, "2025-10-01", "welfare-workers-pilot").state == "cancelled"


def test_course_counts_change_with_as_of(model: Roadmap) -> None:
    before = course(at(model, "2025-01-31"), "Ⅰ").counts
    after = course(at(model, "2025-02-11"), "Ⅰ").counts
    assert (before["done"], before["in_progress"]) == (0, 1)
    assert (after["done"], after["in_progress"]) == (1, 0)


# --- the fiscal-year boundary -----------------------------------------------------------------


def test_fiscal_year_boundary_flips_due_to_overdue(model: Roadmap) -> None:
    last_day = task(model, "2025-03-31", "labour-management-desk")
    next_day = task(model, "2025-04-01", "labour-management-desk")
    assert (last_day.timing, last_day.state) == ("due", "due")
    assert (next_day.timing, next_day.state) == ("overdue", "overdue")


def test_fiscal_year_boundary_flips_not_yet_due_to_due(model: Roadmap) -> None:
    assert task(model, "2027-03-31", "committee-nominations-apply").state == "not_yet_due"
    assert task(model, "2027-04-01", "committee-nominations-apply").state == "due"


def test_task_state_follows_the_start_month() -> None:
    fy2024 = Task("t", Text("課題"), Span(2024, 2024), "i")
    # April start: 2025-01-15 is still FY2024.
    assert task_state(fy2024, dt.date(2025, 1, 15)).state == "due"
    # January start: it is FY2025, so the FY2024 task is overdue.
    assert task_state(fy2024, dt.date(2025, 1, 15), start_month=1).state == "overdue"
    assert task_state(fy2024, dt.date(2024, 12, 31), start_month=1).state == "due"


# --- recurring tasks --------------------------------------------------------------------------


def occurrences(ts: TaskState) -> list[tuple[int, str, str]]:
    return [(o.fiscal_year, o.status, o.timing) for o in ts.occurrences]


def test_recurring_missed_past_year_is_overdue(model: Roadmap) -> None:
    ts = task(model, TODAY, "requested-work-mayor-policy")
    assert occurrences(ts) == [
        (2024, "done", "closed"),
        (2025, "planned", "overdue"),  # no record for FY2025
        (2026, "done", "closed"),
    ]
    assert (ts.timing, ts.state, ts.recorded) == ("overdue", "overdue", True)
    assert ts.status == "in_progress"  # this year's is done, but the task is not
    assert ts.occurrences[1].last_record is None
    assert ts.occurrences[2].last_record == StatusRecord("done", dt.date(2026, 4, 21), 2026)


def test_recurring_missed_year_stays_overdue_after_the_span(model: Roadmap) -> None:
    ts = task(model, "2027-04-01", "requested-work-mayor-policy")
    assert (ts.timing, ts.state) == ("overdue", "overdue")


def test_recurring_current_year_open_is_due(model: Roadmap) -> None:
    ts = task(model, "2025-11-26", "requested-work-mayor-policy")
    assert occurrences(ts) == [
        (2024, "done", "closed"),
        (2025, "planned", "due"),
        (2026, "planned", "not_yet_due"),
    ]
    assert ts.state == "due"


def test_recurring_before_its_span(model: Roadmap) -> None:
    ts = task(model, "2024-03-31", "requested-work-mayor-policy")
    assert {o.timing for o in ts.occurrences} == {"not_yet_due"}
    assert (ts.state, ts.recorded) == ("not_yet_due", False)


def test_recurring_current_year_done_is_in_progress(model: Roadmap) -> None:
    ts = task(model, "2025-11-26", "requested-work-briefing")
    assert occurrences(ts) == [
        (2024, "done", "closed"),
        (2025, "done", "closed"),  # the record has no fiscal_year: its date places it
        (2026, "planned", "not_yet_due"),
    ]
    assert ts.occurrences[1].last_record == StatusRecord("done", dt.date(2025, 5, 12))
    assert (ts.status, ts.timing, ts.state) == ("in_progress", "not_yet_due", "in_progress")


def test_recurring_last_year_open_then_done(model: Roadmap) -> None:
    open_ = task(model, "2026-04-20", "requested-work-briefing")
    assert (open_.timing, open_.state) == ("due", "due")
    done = task(model, "2026-04-21", "requested-work-briefing")
    assert (done.status, done.timing, done.state) == ("done", "closed", "done")


def test_recurring_all_years_done_after_the_span(model: Roadmap) -> None:
    ts = task(model, "2027-04-01", "requested-work-briefing")
    assert {o.status for o in ts.occurrences} == {"done"}
    assert (ts.status, ts.timing, ts.state) == ("done", "closed", "done")


def test_non_recurring_tasks_have_no_occurrences(model: Roadmap) -> None:
    tasks = own_tasks(at(model, TODAY))
    assert {i for i, t in tasks.items() if t.occurrences} == {
        "requested-work-mayor-policy",
        "requested-work-briefing",
    }


# --- shared tasks, counts, percent ------------------------------------------------------------


def test_shared_task_shows_in_both_items(model: Roadmap) -> None:
    state = at(model, TODAY)
    fundraising, welfare = item(state, "fundraising"), item(state, "welfare-support")
    assert [t.task.id for t in fundraising.tasks] == ["fundraising-decide"]
    # its own task first, then the one shared with it
    assert [t.task.id for t in welfare.tasks] == ["welfare-support-subsidy", "fundraising-decide"]
    assert welfare.tasks[1] == fundraising.tasks[0]
    assert welfare.counts == {"on_hold": 1, "in_progress": 1}


def test_shared_task_counts_once_in_the_course(model: Roadmap) -> None:
    ii = course(at(model, TODAY), "Ⅱ")
    assert sum(len(i.tasks) for i in ii.items) == 8  # the roll-ups show the shared task twice
    assert ii.task_total == 7
    assert ii.counts == {
        "delayed": 1,
        "not_yet_due": 1,
        "in_progress": 1,  # fundraising-decide, once
        "on_hold": 1,
        "due": 1,
        "overdue": 1,
        "done": 1,
    }


def test_percent_done_excludes_cancelled(model: Roadmap) -> None:
    state = at(model, TODAY)
    i = course(state, "Ⅰ")
    assert i.counts == {"done": 2, "cancelled": 1, "overdue": 2}
    assert i.task_total == 5
    assert i.percent_done == pytest.approx(50.0)  # 2 done of 4, the cancelled one left out
    assert course(state, "Ⅱ").percent_done == pytest.approx(100 / 7)
    assert course(at(model, "2024-04-01"), "Ⅰ").percent_done == 0.0


def test_item_worst_and_next_task(model: Roadmap) -> None:
    state = at(model, TODAY)
    assert item(state, "welfare-workers").worst == "done"
    assert item(state, "welfare-workers").next_task is None
    assert item(state, "requested-work").worst == "overdue"
    nxt = item(state, "requested-work").next_task
    assert nxt is not None and nxt.task.id == "requested-work-prepare"
    assert item(state, "welfare-support").worst == "on_hold"


# --- goals: decision / realisation ------------------------------------------------------------


def test_goal_before_and_after_the_target_year(model: Roadmap) -> None:
    last_day = course(at(model, "2025-03-31"), "Ⅰ")  # last day of FY2024, course Ⅰ's target
    assert not last_day.target_passed
    assert last_day.goal_missed == ()
    assert [i.item.id for i in last_day.goal_met] == ["welfare-workers", "district-dock"]

    next_day = course(at(model, "2025-04-01"), "Ⅰ")
    assert next_day.target_passed
    assert [i.item.id for i in next_day.goal_missed] == ["labour-management"]
    assert [i.item.id for i in next_day.goal_met] == ["welfare-workers", "district-dock"]


def test_goal_of_course_two(model: Roadmap) -> None:
    today = course(at(model, TODAY), "Ⅱ")
    assert not today.target_passed and today.goal_missed == ()
    assert course(at(model, "2027-03-31"), "Ⅱ").goal_missed == ()
    after = course(at(model, "2027-04-01"), "Ⅱ")
    assert [i.item.id for i in after.goal_missed] == [
        "fundraising",
        "welfare-support",
        "requested-work",
    ]
    assert [i.item.id for i in after.goal_met] == ["committee-nominations"]
    everything = at(model, "2027-04-01")
    assert [i.item.id for i in everything.goals_missed] == [
        "labour-management",
        "fundraising",
        "welfare-support",
        "requested-work",
    ]


def test_decision_and_realisation_count_from_their_dates(model: Roadmap) -> None:
    assert item(at(model, "2024-12-19"), "welfare-workers").decision is None
    decided = item(at(model, "2024-12-20"), "welfare-workers")
    assert decided.goal_met
    assert decided.decision is not None and decided.decision.date == dt.date(2024, 12, 20)
    assert decided.realisation is None

    assert not item(at(model, "2025-03-14"), "district-dock").goal_met
    realised = item(at(model, "2025-03-15"), "district-dock")
    assert realised.goal_met and realised.decision is None
    assert realised.realisation is not None and realised.realisation.date == dt.date(2025, 3, 15)


def test_decision_dated_after_as_of_is_not_counted(model: Roadmap) -> None:
    before = item(at(model, "2026-10-14"), "committee-nominations")
    assert before.decision is None and not before.goal_met
    assert course(at(model, "2026-10-14"), "Ⅱ").goal_met == ()
    after = item(at(model, "2026-10-15"), "committee-nominations")
    assert after.goal_met and after.decision is not None
    assert after.decision.date == dt.date(2026, 10, 15)


# --- attention --------------------------------------------------------------------------------


def test_attention_order(model: Roadmap) -> None:
    state = at(model, TODAY)
    assert [(i.item.id, i.worst) for i in state.attention] == [
        ("labour-management", "overdue"),  # overdue first, course Ⅰ before course Ⅱ
        ("requested-work", "overdue"),
        ("committee-nominations", "delayed"),
        ("welfare-support", "on_hold"),  # through its own task; the shared one is in progress
    ]
    # fundraising (in progress only) and the finished items need no attention
    earlier = at(model, "2025-11-26")
    assert [(i.item.id, i.worst) for i in earlier.attention] == [
        ("labour-management", "overdue"),
        ("requested-work", "due"),
    ]


# --- filter_state -----------------------------------------------------------------------------


def test_filter_keeps_date_year_and_phase(model: Roadmap) -> None:
    state = at(model, TODAY)
    kept = filter_state(state, courses={"Ⅰ"}, owners={"chikatsu"}, states={"overdue"})
    assert (kept.as_of, kept.fiscal_year, kept.phase) == (state.as_of, 2026, state.phase)
    assert kept.roadmap is state.roadmap


def test_no_filter_keeps_everything(model: Roadmap) -> None:
    state = at(model, TODAY)
    assert shape(filter_state(state)) == shape(state)


def test_select_state_filters_as_filter_state_does(model: Roadmap) -> None:
    state = at(model, TODAY)
    wanted = {"courses": ["Ⅰ"], "owners": ["chikatsu"], "states": ["overdue", "planned"]}
    chosen = {k: set(v) for k, v in wanted.items()}
    assert shape(select_state(state, **wanted)) == shape(filter_state(state, **chosen))
    assert shape(select_state(state)) == shape(state)


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ({"courses": ["Ⅰ", "Ⅲ"]}, "--course 'Ⅲ': no such course (course-2024, course-2026, Ⅰ, Ⅱ)"),
        ({"owners": ["mayor"]}, "--owner 'mayor': no such owner (chikatsu, jijikyo, shisho, tantoka)"),
        ({"states": ["late"]}, "--state 'late': one of cancelled, closed, delayed, done, due, "
         "in_progress, not_yet_due, on_hold, overdue, planned"),
        ({"courses": ["x"], "states": ["late"]}, "--course 'x'"),  # the first filter first
    ],
)  # fmt: skip
def test_select_state_refuses_what_the_roadmap_does_not_know(
    model: Roadmap, wanted: dict[str, list[str]], message: str
) -> None:
    with pytest.raises(UnknownFilter) as raised:
        select_state(at(model, TODAY), **wanted)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("wanted", "kept"),
    [
        ({"Ⅰ"}, ["course-2024"]),
        ({"course-2024"}, ["course-2024"]),
        ({"Ⅱ"}, ["course-2026"]),
        ({"course-2026"}, ["course-2026"]),
        ({"Ⅰ", "course-2026"}, ["course-2024", "course-2026"]),
        ({"Ⅲ"}, []),
    ],
)
def test_filter_by_course_id_or_numeral(model: Roadmap, wanted: set[str], kept: list[str]) -> None:
    got = filter_state(at(model, TODAY), courses=wanted)
    assert [c.course.id for c in got.courses] == kept


def test_filtered_course_keeps_its_counts_and_goals(model: Roadmap) -> None:
    state = at(model, TODAY)
    (only,) = filter_state(state, courses={"Ⅰ"}).courses
    assert only.counts == course(state, "Ⅰ").counts
    assert only.target_passed
    assert [i.item.id for i in only.goal_missed] == ["labour-management"]


@pytest.mark.parametrize(
    ("owners", "items"),
    [
        ({"shisho"}, ["district-dock", "fundraising", "requested-work"]),
        (
            {"tantoka"},
            ["committee-nominations", "fundraising", "welfare-support", "requested-work"],
        ),
        (
            {"chikatsu"},
            [
                "welfare-workers",
                "district-dock",
                "labour-management",
                "fundraising",
                "requested-work",
            ],
        ),
        (
            {"shisho", "tantoka"},
            [
                "district-dock",
                "committee-nominations",
                "fundraising",
                "welfare-support",
                "requested-work",
            ],
        ),
        ({"nobody"}, []),
    ],
)
def test_filter_by_owner(model: Roadmap, owners: set[str], items: list[str]) -> None:
    got = filter_state(at(model, TODAY), owners=owners)
    assert [i.item.id for c in got.courses for i in c.items] == items


def test_filter_by_derived_state(model: Roadmap) -> None:
    got = filter_state(at(model, TODAY), states={"overdue"})
    assert shape(got) == {
        "course-2024": {"labour-management": ["labour-management-desk", "labour-management-guide"]},
        "course-2026": {"requested-work": ["requested-work-mayor-policy"]},
    }
    assert {t.task.id for t in got.overdue} == EXPECTED_TODAY["overdue"]


def test_filter_by_recorded_status(model: Roadmap) -> None:
    # delayed: committee-nominations-decide by its state, labour-management-guide by its
    # recorded status (its state is overdue)
    got = filter_state(at(model, TODAY), states={"delayed"})
    assert shape(got) == {
        "course-2024": {"labour-management": ["labour-management-guide"]},
        "course-2026": {"committee-nominations": ["committee-nominations-decide"]},
    }
    planned = filter_state(at(model, TODAY), states={"planned"})
    assert shape(planned) == {
        "course-2024": {"labour-management": ["labour-management-desk"]},
        "course-2026": {
            "committee-nominations": ["committee-nominations-apply"],
            "requested-work": ["requested-work-prepare"],
        },
    }


def test_filter_by_timing(model: Roadmap) -> None:
    # due: every task whose years include FY2026 and is still open, whatever its status
    got = filter_state(at(model, TODAY), states={"due"})
    assert shape(got) == {
        "course-2024": {},
        "course-2026": {
            "committee-nominations": ["committee-nominations-decide"],
            "fundraising": ["fundraising-decide"],
            "welfare-support": ["welfare-support-subsidy", "fundraising-decide"],
            "requested-work": ["requested-work-prepare"],
        },
    }
    closed = filter_state(at(model, TODAY), states={"closed"})
    assert {t.task.id for c in closed.courses for i in c.items for t in i.tasks} == (
        EXPECTED_TODAY["done"] | EXPECTED_TODAY["cancelled"]
    )


def test_filter_by_several_states(model: Roadmap) -> None:
    got = filter_state(at(model, TODAY), states={"on_hold", "in_progress"})
    assert shape(got)["course-2026"] == {
        "fundraising": ["fundraising-decide"],
        "welfare-support": ["welfare-support-subsidy", "fundraising-decide"],
        # its status is in_progress (this year's occurrence done), its state overdue
        "requested-work": ["requested-work-mayor-policy"],
    }


def test_filters_combine(model: Roadmap) -> None:
    got = filter_state(at(model, TODAY), courses={"Ⅱ"}, owners={"shisho"}, states={"overdue"})
    assert shape(got) == {"course-2026": {"requested-work": ["requested-work-mayor-policy"]}}
    assert [i.item.id for i in got.attention] == ["requested-work"]


# --- the shipped roadmap: nothing recorded ----------------------------------------------------


def test_shipped_roadmap_as_of_today(shipped: Roadmap) -> None:
    state = at(shipped, TODAY)
    assert (state.fiscal_year, state.phase and state.phase.id) == (2026, "landing")
    tasks = [t for c in state.courses for i in c.items for t in i.tasks]
    assert tasks
    assert not any(t.state == "done" for t in tasks)
    assert not any(t.recorded for t in tasks)
    assert all(c.percent_done == 0.0 for c in state.courses)

    one, two = course(state, "Ⅰ"), course(state, "Ⅱ")
    assert one.course.target_year == 2024 and one.target_passed
    assert [i.item.id for i in one.goal_missed] == [i.item.id for i in one.items]
    assert len(one.goal_missed) == 8
    assert two.course.target_year == 2026 and not two.target_passed
    assert two.goal_missed == ()
    assert [i.item.id for i in state.goals_missed] == [i.item.id for i in one.items]

    assert state.overdue
    assert all(t.recorded is False for t in state.overdue)
    overdue_two = [t for i in two.items for t in i.tasks if t.state == "overdue"]
    assert overdue_two and all(t.recorded is False for t in overdue_two)
    # FY2026 is the last year: what remains is due now, or overdue from earlier years
    assert {t.state for t in tasks} == {"overdue", "due"}


def test_shipped_recurring_task_missed_every_past_year(shipped: Roadmap) -> None:
    ts = task(shipped, TODAY, "requested-work-mayor-policy")
    assert occurrences(ts) == [
        (2024, "planned", "overdue"),
        (2025, "planned", "overdue"),
        (2026, "planned", "due"),
    ]
    assert (ts.state, ts.recorded) == ("overdue", False)
