"""The semantic diff (jtr.review.semantic) and its renderings: one test per change kind.

Each test edits a copy of the shipped roadmap's data and checks the exact change records, and
that renamed ids, moved entries and reordered lists never come out as remove + add.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from jtr.loader import load_file
from jtr.review import render
from jtr.review.semantic import (
    KINDS,
    RENAME_ELSEWHERE,
    RENAME_SAME_PLACE,
    Change,
    diff_roadmaps,
    similarity,
)

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
ITEM = "courses/course-2024/items/welfare-workers"
TASK = f"{ITEM}/tasks/welfare-workers-decide"


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return load_file(ROADMAP).data


@pytest.fixture
def new(base: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(base)


def item(data: dict[str, Any], course: int = 0, n: int = 0) -> dict[str, Any]:
    return data["courses"][course]["items"][n]


def task(data: dict[str, Any], n: int = 0) -> dict[str, Any]:
    return item(data)["tasks"][n]


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return list(diff_roadmaps(old, new).changes)


def only(old: dict[str, Any], new: dict[str, Any]) -> Change:
    found = changes(old, new)
    assert len(found) == 1, found
    return found[0]


def kinds(found: list[Change]) -> set[str]:
    return {c.kind for c in found}


def test_identical_roadmaps_have_no_changes(base: dict[str, Any], new: dict[str, Any]) -> None:
    result = diff_roadmaps(base, new)
    assert not result and result.changes == ()


def test_status_record_added(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new)["history"] = [{"status": "done", "date": "2025-02-10", "note": "WGで決定"}]
    change = only(base, new)
    assert change == Change(
        "status", "record", f"{TASK}/history/0", "planned",
        {"status": "done", "date": "2025-02-10", "note": "WGで決定"},
        "course-2024", "welfare-workers", "welfare-workers-decide",
    )  # fmt: skip
    text = render.render_text(diff_roadmaps(base, new), "HEAD", "working tree", "en")
    assert "status: planned → done on 2025-02-10 “WGで決定”" in text


def test_second_status_record_starts_from_the_previous_status(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    old = copy.deepcopy(base)
    task(old)["history"] = [{"status": "in_progress", "date": "2024-06-01"}]
    task(new)["history"] = [
        {"status": "in_progress", "date": "2024-06-01"},
        {"status": "done", "date": "2025-02-10"},
    ]
    change = only(old, new)
    assert (change.kind, change.old, change.path) == ("status", "in_progress", f"{TASK}/history/1")


def test_status_record_removed_and_edited(base: dict[str, Any], new: dict[str, Any]) -> None:
    old = copy.deepcopy(base)
    task(old)["history"] = [
        {"status": "in_progress", "date": "2024-06-01"},
        {"status": "done", "date": "2025-02-10"},
    ]
    task(new)["history"] = [{"status": "in_progress", "date": "2024-06-01", "note": "WG発足"}]
    found = changes(old, new)
    assert [(c.kind, c.path) for c in found] == [
        ("status-edited", f"{TASK}/history/0"),
        ("status-removed", f"{TASK}/history/1"),
    ]
    assert found[1].old == {"status": "done", "date": "2025-02-10"}


def test_decision_and_realisation(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["decision"] = {"date": "2025-03-01", "note": "方針決定"}
    item(new)["realisation"] = {"date": "2026-04-01"}
    found = changes(base, new)
    assert [(c.kind, c.old, c.new) for c in found] == [
        ("decision", None, {"date": "2025-03-01", "note": "方針決定"}),
        ("realisation", None, {"date": "2026-04-01"}),
    ]
    later = copy.deepcopy(new)
    item(later)["decision"]["date"] = "2025-03-10"
    change = only(new, later)
    assert change.kind == "decision" and change.new["date"] == "2025-03-10"
    text = render.render_text(diff_roadmaps(new, later), "a", "b", "en")
    assert "policy decided: 2025-03-01 “方針決定” → 2025-03-10 “方針決定”" in text


def test_owner_change(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["owners"] = ["jijikyo", "shisho", "chikatsu"]
    change = only(base, new)
    assert change.kind == "owners" and change.path == f"{ITEM}/owners"
    text = render.render_text(diff_roadmaps(base, new), "a", "b", "en")
    assert "owners: [-tantoka-]" in text


def test_owners_reordered_is_no_change(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["owners"].reverse()
    assert changes(base, new) == []


def test_fiscal_year_shift(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new, 1)["fiscal_years"] = {"from": 2026, "to": 2026}
    change = only(base, new)
    assert change.kind == "fiscal-years"
    assert (change.old, change.new) == ({"from": 2025, "to": 2025}, {"from": 2026, "to": 2026})
    result = diff_roadmaps(base, new)
    assert "fiscal years: FY2025 → FY2026" in render.render_text(result, "a", "b", "en")
    assert "年度: 令和7年度 (2025) → 令和8年度 (2026)" in render.render_text(result, "a", "b", "ja")


def test_text_edit_of_a_problem_is_word_level(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["problems"][1]["ja"] = (
        "住民にしかできない、住民の方が上手くできる地域福祉との乖離が大きい"
    )
    change = only(base, new)
    assert (change.kind, change.path) == ("text", f"{ITEM}/problems/1/ja")
    result = diff_roadmaps(base, new)
    text = render.render_text(result, "a", "b", "ja")
    assert (
        "problems/1/ja: 住民にしかできない、住民の方が上手くできる地域福祉[-と-]{+との+}乖離{+が大きい+}"
        in text
    )
    markdown = render.render_markdown(result, "a", "b", "ja")
    assert "地域福祉<del>と</del><ins>との</ins>乖離<ins>が大きい</ins>" in markdown


def test_short_text_edit_shows_old_and_new(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new)["title"]["ja"] = "WGでの検討・方針決定"
    change = only(base, new)
    assert (change.kind, change.path) == ("text", f"{TASK}/title/ja")
    text = render.render_text(diff_roadmaps(base, new), "a", "b", "ja")
    assert "title/ja: “WGでの検討・方針決定（業務・雇用のあり方）” → “WGでの検討・方針決定”" in text


def test_task_added_and_removed(base: dict[str, Any], new: dict[str, Any]) -> None:
    removed = item(new)["tasks"].pop(2)
    item(new)["tasks"].append(
        {"id": "welfare-workers-review", "title": {"ja": "検証", "en": "Review"},
         "fiscal_years": {"from": 2026, "to": 2026}}
    )  # fmt: skip
    found = changes(base, new)
    assert sorted((c.kind, c.entity, c.path.rsplit("/", 1)[-1]) for c in found) == [
        ("added", "task", "welfare-workers-review"),
        ("removed", "task", "welfare-workers-start"),
    ]
    assert next(c for c in found if c.kind == "removed").old == removed
    text = render.render_text(diff_roadmaps(base, new), "a", "b", "en")
    assert "added task welfare-workers-review: Review (FY2026)" in text


def test_item_added_and_removed(base: dict[str, Any], new: dict[str, Any]) -> None:
    gone = new["courses"][1]["items"].pop()
    new["courses"][0]["items"].append(
        {"id": "new-item", "number": 9, "title": {"ja": "新項目", "en": "New item"},
         "problems": [], "owners": ["chikatsu"], "tasks": []}
    )  # fmt: skip
    found = changes(base, new)
    entries = [(c.kind, c.entity, c.path.rsplit("/", 1)[-1]) for c in found]
    assert ("added", "item", "new-item") in entries
    assert ("removed", "item", gone["id"]) in entries
    # The removed item's tasks are listed as removed too; nothing else changed.
    assert kinds(found) == {"added", "removed"}


def test_renamed_task_id_is_a_rename_not_remove_and_add(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    task(new)["id"] = "welfare-workers-decision"
    task(new)["history"] = [{"status": "done", "date": "2025-02-10"}]
    found = changes(base, new)
    assert [c.kind for c in found] == ["renamed", "status"]
    assert (found[0].old, found[0].new) == ("welfare-workers-decide", "welfare-workers-decision")
    assert found[1].task == "welfare-workers-decision"


def test_rename_with_a_similar_title(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new, 1)["id"] = "welfare-workers-transition"
    task(new, 1)["title"]["ja"] = "新方針による業務・雇用の移行の準備"
    found = changes(base, new)
    assert [c.kind for c in found] == ["renamed", "text"]


def test_different_title_and_id_is_remove_and_add(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    task(new, 2)["id"] = "something-else"
    task(new, 2)["title"] = {"ja": "全く別の課題", "en": "Something else entirely"}
    assert sorted(c.kind for c in changes(base, new)) == ["added", "removed"]


def test_rename_thresholds_are_documented_values() -> None:
    assert RENAME_SAME_PLACE == 0.6 and RENAME_ELSEWHERE == 0.85
    a = {"title": {"ja": "地区ドックの実施", "en": "Carry out the District Dock"}}
    assert similarity(a, a) == 1.0


def test_renamed_item_keeps_its_tasks(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["id"] = "welfare-work"
    found = changes(base, new)
    assert [(c.kind, c.entity, c.old, c.new) for c in found] == [
        ("renamed", "item", "welfare-workers", "welfare-work")
    ]


def test_task_moved_to_another_item(base: dict[str, Any], new: dict[str, Any]) -> None:
    moved = item(new)["tasks"].pop(2)
    item(new, 0, 1)["tasks"].append(moved)
    change = only(base, new)
    assert (change.kind, change.entity, change.item) == ("moved", "task", "district-dock")
    assert change.old["in"] == ITEM and change.new["in"].endswith("items/district-dock")


def test_item_moved_to_another_course(base: dict[str, Any], new: dict[str, Any]) -> None:
    moved = new["courses"][0]["items"].pop(2)
    new["courses"][1]["items"].append(moved)
    found = changes(base, new)
    assert [(c.kind, c.entity, c.course) for c in found] == [("moved", "item", "course-2026")]


def test_reordered_tasks_are_moves_not_remove_and_add(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    tasks = item(new, 0, 1)["tasks"]
    tasks.insert(0, tasks.pop())  # the last task first
    found = changes(base, new)
    assert [(c.kind, c.path.rsplit("/", 1)[-1]) for c in found] == [
        ("moved", "district-dock-improve-2026")
    ]
    assert (found[0].old["position"], found[0].new["position"]) == (5, 1)


def test_reordered_items_and_phases(base: dict[str, Any], new: dict[str, Any]) -> None:
    new["phases"].reverse()
    new["courses"][0]["items"].reverse()
    found = changes(base, new)
    assert kinds(found) == {"moved"}


def test_reordered_text_list_is_a_move(base: dict[str, Any], new: dict[str, Any]) -> None:
    new["basic_policy"].insert(0, new["basic_policy"].pop())
    found = changes(base, new)
    assert [(c.kind, c.entity) for c in found] == [("moved", "policy")]


def test_text_list_entry_added_and_removed(base: dict[str, Any], new: dict[str, Any]) -> None:
    item(new)["problems"].append({"ja": "担い手が不足", "en": "Too few people"})
    change = only(base, new)
    assert (change.kind, change.entity, change.path) == ("added", "problem", f"{ITEM}/problems/2")
    del new["method"][0]
    assert ("removed", "method", "method/0") in [
        (c.kind, c.entity, c.path) for c in changes(base, new)
    ]


def test_metadata_phases_bodies_working_groups_goals_further_study(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    new["meta"]["published"] = "2023-12"
    new["phases"][1]["fiscal_years"] = {"from": 2024, "to": 2025}
    new["bodies"][0]["secretariat"]["ja"] = "地域活動支援課（仮）"
    new["working_groups"][0]["city_members_only"] = True
    new["working_groups"][0]["items"].append("district-dock")
    new["courses"][0]["goals"][0]["title"]["en"] = "A new goal title"
    new["further_study"]["topics"][0]["study_groups"] = []
    found = {(c.kind, c.path) for c in changes(base, new)}
    assert ("field", "meta/published") in found
    assert ("fiscal-years", "phases/takeoff/fiscal_years") in found
    assert ("text", "bodies/promotion-committee/secretariat/ja") in found
    assert ("field", "working_groups/wg-welfare-workers/city_members_only") in found
    assert ("list", "working_groups/wg-welfare-workers/items") in found
    goal = base["courses"][0]["goals"][0]["id"]
    assert ("text", f"courses/course-2024/goals/{goal}/title/en") in found
    topic = base["further_study"]["topics"][0]
    if topic.get("study_groups"):
        assert any(
            p.startswith(f"further_study/topics/{topic['id']}/study_groups") for _k, p in found
        )


def test_types_are_compared_strictly(base: dict[str, Any], new: dict[str, Any]) -> None:
    new["meta"]["fiscal_year_start_month"] = 4.0
    change = only(base, new)
    assert (change.kind, change.old, change.new) == ("field", 4, 4.0)


def test_every_kind_is_documented_and_tested() -> None:
    docs = (ROOT / "docs" / "diff-json.md").read_text(encoding="utf-8")
    here = Path(__file__).read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`{kind}`" in docs, kind
        assert f'"{kind}"' in here, kind


def test_json_shape(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new)["history"] = [{"status": "done", "date": "2025-02-10"}]
    payload = json.loads(
        render.render_json(diff_roadmaps(base, new), "HEAD", "working tree", "data/roadmap.yaml")
    )
    assert payload["version"] == 1 and payload["count"] == 1
    assert payload["kinds"] == {"status": 1}
    assert payload["changes"][0] == {
        "kind": "status", "entity": "record", "path": f"{TASK}/history/0", "old": "planned",
        "new": {"status": "done", "date": "2025-02-10"}, "course": "course-2024",
        "item": "welfare-workers", "task": "welfare-workers-decide", "district": None,
    }  # fmt: skip
    assert payload["titles"]["welfare-workers"]["label"] == "Ⅰ-1"


def test_markdown_groups_by_course_and_item(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new)["history"] = [{"status": "done", "date": "2025-02-10"}]
    new["meta"]["published"] = "2023-12"
    markdown = render.render_markdown(diff_roadmaps(base, new), "main", "HEAD", "ja")
    assert markdown.startswith("### Roadmap changes: `main` → `HEAD`\n")
    assert "#### meta\n\n- published: ~~2023-11~~ → **2023-12**" in markdown
    assert "#### Ⅰ ２０２４コース (`course-2024`)" in markdown
    assert (
        "- Ⅰ-1 **地域福祉ワーカー・生活支援コーディネーター業務** (`welfare-workers`)" in markdown
    )
    assert "    - 進捗: ~~予定~~ → **完了 (2025-02-10)**" in markdown


def test_touching_filters_by_id(base: dict[str, Any], new: dict[str, Any]) -> None:
    task(new)["history"] = [{"status": "done", "date": "2025-02-10"}]
    new["meta"]["published"] = "2023-12"
    result = diff_roadmaps(base, new)
    assert len(result.touching("welfare-workers").changes) == 1
    assert len(result.touching("course-2024").changes) == 1
    assert result.touching("district-dock").changes == ()


def test_broken_shapes_do_not_crash(base: dict[str, Any]) -> None:
    odd = {"courses": [{"id": "c", "items": "not a list"}], "meta": None}
    assert diff_roadmaps(base, odd).changes
    assert diff_roadmaps(odd, odd).changes == ()


def test_keys_as_written_are_compared_whatever_their_names(
    base: dict[str, Any], new: dict[str, Any]
) -> None:
    """The diff keeps where an entry stands beside it, not in it: a key the file writes with a
    leading underscore (`_path`, `_course`) is compared and shown like any other."""
    task(new)["_path"] = "elsewhere"
    item(new)["_course"] = "course-2026"
    item(new)["tasks"].append({"id": "welfare-workers-extra", "_note": "x"})
    found = changes(base, new)
    fields = {(c.kind, c.path) for c in found if c.kind == "field"}
    assert fields == {("field", f"{TASK}/_path"), ("field", f"{ITEM}/_course")}
    added = next(c for c in found if c.kind == "added")
    assert added.path == f"{ITEM}/tasks/welfare-workers-extra"
    assert added.new == {"id": "welfare-workers-extra", "_note": "x"}
    assert (added.course, added.item) == ("course-2024", "welfare-workers")
