"""jtr.baseline (what the plan moved against a baseline) and the revision-log lookup of
jtr.review.baselines, on plain models and plain data: no git, no CLI."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from jtr.baseline import Comparison, ItemChange, TaskChange, compare, slip_of, span_changes
from jtr.loader import load_text
from jtr.model import Roadmap, Span, build
from jtr.presenter import baseline_span_text, change_text, slip_text
from jtr.review.baselines import first_with_revision, latest_revision, revision_ids

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def plan(number: int) -> Roadmap:
    path = FIXTURES / f"baseline-{number}.yaml"
    return build(load_text(path.read_text(encoding="utf-8"), str(path)))


@cache
def against_first() -> Comparison:
    return compare(plan(1), plan(3))


def task(comparison: Comparison, task_id: str) -> TaskChange:
    found = comparison.task(task_id)
    assert found is not None, task_id
    return found


def item(comparison: Comparison, item_id: str) -> ItemChange:
    return next(i for i in comparison.items if i.id == item_id)


@pytest.mark.parametrize(
    ("before", "after", "slip", "changes"),
    [
        ((2024, 2025), (2024, 2025), 0, ()),
        ((2024, 2025), (2025, 2026), 1, ("later",)),  # moved a year later
        ((2024, 2025), (2024, 2027), 2, ("grew",)),  # two more years at the end
        ((2024, 2026), (2025, 2026), 1, ("later", "shrank")),  # starts later, same end
        ((2025, 2026), (2024, 2026), 0, ("earlier", "grew")),  # starts earlier, same end
        ((2026, 2026), (2025, 2025), -1, ("earlier",)),
        ((2024, 2027), (2024, 2025), 0, ("shrank",)),  # ends earlier: no slip
        ((2024, 2024), (2026, 2028), 4, ("later", "grew")),
    ],
)
def test_slip_and_changes_of_a_span(
    before: tuple[int, int], after: tuple[int, int], slip: int, changes: tuple[str, ...]
) -> None:
    assert slip_of(Span(*before), Span(*after)) == slip
    assert span_changes(Span(*before), Span(*after)) == changes


def test_every_kind_of_change_across_two_revisions() -> None:
    found = against_first()
    assert task(found, "task-overdue").changes == ("later",)
    assert task(found, "task-overdue").slip == 2
    assert task(found, "task-progress").changes == ("grew",)
    assert task(found, "task-progress").slip == 1
    assert task(found, "task-yearly").changes == ("later", "shrank")
    assert task(found, "task-delayed").changes == ("earlier",)
    assert task(found, "task-delayed").slip == -1
    assert task(found, "task-done").changes == () and task(found, "task-done").slip == 0
    new = task(found, "task-new")
    assert new.changes == ("added",) and new.baseline is None and new.slip is None
    gone = task(found, "task-cancelled")
    assert gone.changes == ("removed",) and gone.current is None and gone.item_id == "item-b"
    assert task(found, "task-c1").changes == ("removed",)
    dropped = item(found, "item-c")
    assert dropped.changes == ("dropped",) and not dropped.present_now
    assert item(found, "item-a").changes == ("grew",) and item(found, "item-a").slip == 1
    assert {t.id for t in found.removed} == {"task-cancelled", "task-c1"}
    assert [t.id for t in found.added] == ["task-new"]


def test_slipped_most_first_and_over_a_maximum() -> None:
    found = against_first()
    assert [t.id for t in found.slipped] == [
        "task-overdue",
        "task-progress",
        "task-yearly",
        "task-held",
    ]
    assert [t.id for t in found.over(1)] == ["task-overdue"]
    assert found.over(2) == ()
    assert [t.id for t in found.over(0)] == [t.id for t in found.slipped]


def test_entries_sorted_by_slip_then_no_slip_last() -> None:
    entries = against_first().entries()
    slips = [e.slip for e in entries]
    numbered = [s for s in slips if s is not None]
    assert numbered == sorted(numbered, reverse=True)
    assert slips.index(None) == len(numbered)  # every entry without a slip comes after
    assert all(e.changed for e in entries)
    assert "task-done" not in {e.id for e in entries}  # as planned: not an entry


def test_one_revision_at_a_time() -> None:
    first = compare(plan(1), plan(2))
    assert [t.id for t in first.slipped] == ["task-overdue", "task-progress"]
    assert [t.id for t in first.added] == ["task-new"] and first.removed == ()
    second = compare(plan(2), plan(3))
    assert task(second, "task-overdue").slip == 1
    assert task(second, "task-new").changes == ()  # added in the first revision, kept
    assert compare(plan(3), plan(3)).entries() == []


def test_change_words_in_both_languages() -> None:
    found = against_first()
    late = task(found, "task-overdue")
    assert change_text(late, "en") == "moved later (+2 FY)"
    assert change_text(late, "ja") == "後ろ倒し (+2年度)"
    assert baseline_span_text(late, "en") == "FY2024–FY2025 → FY2026–FY2027"
    assert baseline_span_text(task(found, "task-new"), "en") == "— → FY2026–FY2027"
    assert change_text(item(found, "item-c"), "en") == "item dropped"
    assert change_text(task(found, "task-done"), "ja") == "基準計画どおり"
    assert [slip_text(s, "en") for s in (2, 0, -1, None)] == ["+2 FY", "0 FY", "-1 FY", "—"]


# ---- the revision log, read as plain data ----------------------------------------------------


def log(*ids: str, baseline: str | None = None) -> dict[str, Any]:
    entries: list[Any] = [{"id": i, "date": "2024-01-01"} for i in ids]
    if baseline is not None and entries:
        entries[-1]["baseline"] = baseline
    return {"revisions": entries}


def test_revision_ids_are_read_tolerantly() -> None:
    assert revision_ids(log("a", "b")) == ["a", "b"]
    assert revision_ids({"revisions": ["text", {"id": 3}, {"id": "c"}, None]}) == ["c"]
    assert revision_ids({"revisions": "not a list"}) == []
    assert revision_ids({}) == [] and revision_ids(None) == []
    assert latest_revision(log("a", "b", baseline="abc")) == {
        "id": "b", "date": "2024-01-01", "baseline": "abc"
    }  # fmt: skip
    assert latest_revision({}) is None


def test_the_first_version_that_has_the_revision_wins() -> None:
    versions = [
        ("c1", log()),
        ("c2", log("r1")),
        ("c3", log("r1", "r2")),
        ("c4", {"revisions": "broken"}),
        ("c5", log("r1", "r2", "r3")),
    ]
    assert first_with_revision(versions, "r1") == "c2"
    assert first_with_revision(versions, "r2") == "c3"
    assert first_with_revision(versions, "r3") == "c5"
    assert first_with_revision(versions, "r4") is None
    assert first_with_revision([], "r1") is None


def test_csv_rows_end_in_crlf_and_defuse_formulas() -> None:
    from jtr.render.slips import render_csv

    text = render_csv(against_first(), plan(3), plan(1), "en")
    assert text.startswith("\ufeffSlip (FY),Kind,") and text.endswith("\r\n")
    assert "\r\n-1,task,Ⅱ-2,task-delayed," in text  # a slip stays a number
