"""The editing package's parts that have no command of their own: key orders taken from the
schema, and the one date parser that the rules, the edits and the options share."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import jtr.schemaline
from jtr import edit
from jtr.edit import nodes
from jtr.fiscal import FiscalYearError, date_or_none, parse_date
from jtr.loader import Document, load_text
from jtr.rules import Context
from jtr.rules.dates import invalid_dates

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
SPAN = "            fiscal_years: {from: 2025, to: 2025}\n"
NOTE = "            note: {ja: 備考, en: Note}\n"


@pytest.fixture
def fresh_key_orders() -> Iterator[None]:
    nodes.key_order.cache_clear()
    yield
    nodes.key_order.cache_clear()


def _reordered_schema(tmp_path: Path, definition: str, order: list[str]) -> Path:
    schema = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))
    properties = schema["$defs"][definition]["properties"]
    assert sorted(order) == sorted(properties)
    schema["$defs"][definition]["properties"] = {key: properties[key] for key in order}
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return path


def _set_on_task_b1(tmp_path: Path) -> str:
    path = tmp_path / "roadmap.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace(SPAN, SPAN + NOTE), "utf-8")
    change = edit.SetStatus("task-b1", "planned", dt.date(2025, 4, 1))
    outcome = edit.plan(path.read_bytes(), change, path)
    return outcome.new.decode("utf-8")


def test_a_new_key_goes_where_the_schema_orders_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_key_orders: None
) -> None:
    """`history` is inserted before a task's `note` because the schema lists it first; a
    schema listing `note` first puts it after: the order is read, not copied."""
    record = '            history:\n              - status: planned\n                date: "2025-04-01"\n'
    assert SPAN + record + NOTE in _set_on_task_b1(tmp_path)
    assert nodes.key_order("task").index("history") < nodes.key_order("task").index("note")

    task_keys = ["id", "title", "fiscal_years", "recurring", "shared_with", "note", "history",
                 "districts"]  # fmt: skip
    schema = _reordered_schema(tmp_path, "task", task_keys)
    monkeypatch.setattr(jtr.schemaline, "packaged_schema_path", lambda: schema)
    nodes.key_order.cache_clear()
    assert nodes.key_order("task") == tuple(task_keys)
    assert SPAN + NOTE + record in _set_on_task_b1(tmp_path)


def test_record_keys_follow_the_schema(fresh_key_orders: None) -> None:
    schema = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))
    for definition in ("statusRecord", "task", "item"):
        assert nodes.key_order(definition) == tuple(schema["$defs"][definition]["properties"])


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-04-01", dt.date(2024, 4, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2025-02-29", None),  # not a real day
        ("2024-W01-1", None),  # a week date: fromisoformat alone takes it
        ("20240401", None),
        ("２０２４-０４-０１", None),  # full-width digits: the user may type them, a file may not
        (" 2024-04-01", None),
        (dt.date(2024, 4, 1), None),  # not text
        (None, None),
    ],
)
def test_one_date_parser(value: object, day: dt.date | None) -> None:
    assert date_or_none(value) == day
    assert edit.lookup.record_date({"date": value}) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-29", "does not exist"),
        ("2024-W01-1", "is not a date: write YYYY-MM-DD"),
        ("20240401", "is not a date: write YYYY-MM-DD"),
        ("2024-4-1", "is not a date: write YYYY-MM-DD"),
    ],
)
def test_the_users_dates_go_through_the_same_parser(text: str, message: str) -> None:
    with pytest.raises(FiscalYearError, match=message):
        parse_date(text)


def test_the_user_may_type_full_width_digits_and_spaces() -> None:
    """Unlike a file's dates: `parse_date` cleans the text up, then reads it the same way."""
    assert parse_date(" ２０２４-０４-０１ ") == dt.date(2024, 4, 1)
    assert parse_date("2024-04-01") == date_or_none("2024-04-01")


def test_the_rules_read_dates_with_the_same_parser() -> None:
    """A week date has the length and the first dash of a date; the rule refuses it too."""
    history = "            history:\n              - {status: done, date: 2024-W01-1}\n"
    text = MINIMAL.read_text(encoding="utf-8").replace(SPAN, SPAN + history)
    found = list(invalid_dates(Context(Document("t.yaml", text, load_text(text, "t.yaml")))))
    assert [f.message for f in found] == ["'2024-W01-1' is not a real date"]
