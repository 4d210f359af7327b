"""jtr.access: the tolerant reader of raw roadmap data that rules, edit lookup, the plan diff
and textconv share."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from jtr import access, kinds
from jtr.loader import load_file

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"

DATA: dict[str, Any] = {
    "meta": {"period": {"from": 2024.0, "to": 2030}, "fiscal_year_start_month": True},
    "courses": [
        {
            "id": "c1",
            "items": [
                {"id": "i1", "tasks": [{"id": "t1"}, "not a task", {"id": 7}]},
                None,
                {"id": "i2", "tasks": {"id": "not a list"}},
            ],
        },
        "not a course",
        {"items": [{"id": "i3", "tasks": [{"id": "t3"}]}]},  # a course without an id
    ],
}


def test_values_read_through_mappings_and_lists() -> None:
    assert access.value_at(DATA, "courses", 0, "items", 2, "id") == "i2"
    assert access.dict_at(DATA, "meta", "period") == {"from": 2024.0, "to": 2030}
    assert access.list_at(DATA, "courses", 0, "items", 0, "tasks")[0] == {"id": "t1"}
    assert access.text_at(DATA, "courses", 0, "id") == "c1"


@pytest.mark.parametrize(
    "keys",
    [
        ("nope",),
        ("courses", 9),  # past the end
        ("courses", -1),  # no counting from the end
        ("courses", True),  # a boolean is not an index
        ("courses", "0"),  # nor is a string
        ("courses", 1, "items"),  # a string where a mapping should stand
        ("meta", "period", "from", "x"),  # below a number
    ],
)
def test_what_is_not_there_reads_as_empty(keys: tuple[str | int, ...]) -> None:
    assert access.value_at(DATA, *keys) is None
    assert access.dict_at(DATA, *keys) == {}
    assert access.list_at(DATA, *keys) == []
    assert access.text_at(DATA, *keys) is None
    assert access.int_at(DATA, *keys) is None


def test_without_keys_the_value_itself_is_read() -> None:
    assert access.dict_at([1]) == {} and access.list_at({"a": 1}) == []
    assert access.dict_at({"a": 1}) == {"a": 1} and access.list_at([1]) == [1]
    assert access.text_at(3) is None and access.text_at("x") == "x"


def test_integers_as_json_schema_counts_them() -> None:
    assert access.int_at(DATA, "meta", "period", "from") == 2024  # 2024.0 is an integer
    assert access.int_at(DATA, "meta", "fiscal_year_start_month") is None  # a boolean is not
    assert access.int_at(2024.5) is None and access.int_at("2024") is None
    assert access.span_at(DATA, "meta", "period") == (2024, 2030)
    assert access.span_at({"from": 2024}) is None
    assert access.span_at({"from": 2024, "to": "2025"}) is None


def test_ids_and_texts() -> None:
    assert access.ident({"id": "x"}) == "x"
    assert access.ident({"id": 7}) is None and access.ident(["x"]) is None
    assert access.is_text({"ja": "あ"}) and access.is_text({"ja": "あ", "en": "a"})
    assert not access.is_text({"en": "a"}) and not access.is_text({"ja": "あ", "x": 1})
    assert list(access.texts(["a", 1, None, "b"])) == [(0, "a"), (3, "b")]
    assert list(access.texts("ab")) == []


def test_entries_follow_the_kind_registry_paths() -> None:
    found = [(path, entry["id"]) for path, entry in access.entries(DATA, "item")]
    assert found == [
        (("courses", 0, "items", 0), "i1"),
        (("courses", 0, "items", 2), "i2"),
        (("courses", 2, "items", 0), "i3"),
    ]
    # The Kind itself serves as well as its name, and kinds.raw_entries is this walk.
    task = kinds.by_name("task")
    assert list(access.entries(DATA, task)) == list(kinds.raw_entries(DATA, task))


def test_items_and_tasks_are_placed_under_their_parents() -> None:
    courses = DATA["courses"]
    items = list(access.items(DATA))
    assert [(p.entry["id"], p.parent is courses[0] or p.parent is courses[2]) for p in items] == [
        ("i1", True),
        ("i2", True),
        ("i3", True),
    ]
    assert items[2].parent is courses[2]
    tasks = list(access.tasks(DATA))
    assert [(t.path, t.entry.get("id")) for t in tasks] == [
        (("courses", 0, "items", 0, "tasks", 0), "t1"),
        (("courses", 0, "items", 0, "tasks", 2), 7),
        (("courses", 2, "items", 0, "tasks", 0), "t3"),
    ]
    assert tasks[0].parent is courses[0]["items"][0]
    assert tasks[0].where == (0, 0, 0) and items[2].where == (2, 0)
    path, entry, parent = tasks[2]  # a record that unpacks as (path, entry, parent)
    assert path[-1] == 0 and entry == {"id": "t3"} and parent["id"] == "i3"


def test_placed_needs_a_parent_entry() -> None:
    with pytest.raises(ValueError, match="no parent entry"):
        list(access.placed(DATA, "course"))
    assert [g for g in access.placed({"courses": [{"goals": [{"id": "g"}]}]}, "goal")]


def test_the_plan_is_walked_depth_first() -> None:
    walked = [(n.kind, n.entry.get("id")) for n in access.plan(DATA)]
    assert walked == [
        ("course", "c1"),
        ("item", "i1"),
        ("task", "t1"),
        ("task", 7),
        ("item", "i2"),
        ("course", None),
        ("item", "i3"),
        ("task", "t3"),
    ]
    assert all(access.plan_has(DATA, ident) for ident in ("c1", "i2", "t3"))
    assert not access.plan_has(DATA, "not a course") and not access.plan_has(None, "c1")


def test_the_shipped_roadmap_reads_the_same_through_the_accessor_and_the_model() -> None:
    from jtr.model import build

    doc = load_file(ROOT / "data" / "roadmap.yaml")
    model = build(doc.data)
    assert sorted(access.ident(t.entry) or "" for t in access.tasks(doc.data)) == sorted(
        t.id for t in model.tasks()
    )
    for kind in kinds.shown():
        assert kind.entries is not None
        raw = sorted(access.ident(entry) or "" for _path, entry in access.entries(doc.data, kind))
        assert raw == sorted(e.id for e in kind.entries(model)), kind.name


def _tolerant_helper(node: ast.FunctionDef) -> bool:
    """Ends in `return value if isinstance(value, dict) else {}` (or list and [])."""
    last = node.body[-1]
    if not isinstance(last, ast.Return):
        return False
    value = last.value
    return (
        isinstance(value, ast.IfExp)
        and isinstance(value.test, ast.Call)
        and isinstance(value.test.func, ast.Name)
        and value.test.func.id == "isinstance"
        and (
            (isinstance(value.orelse, ast.Dict) and not value.orelse.keys)
            or (isinstance(value.orelse, ast.List) and not value.orelse.elts)
        )
    )


def test_dict_and_list_helpers_are_written_once() -> None:
    """The tolerant helpers live in jtr.access; no other module writes its own."""
    written = []
    for path in sorted((ROOT / "jtr").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _tolerant_helper(node):
                written.append(f"{path.relative_to(ROOT).as_posix()} {node.name}")
    assert written == ["jtr/access.py dict_at", "jtr/access.py list_at"]
