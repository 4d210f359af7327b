"""A new field on a task needs the schema, the model and the presenter, and nothing else.

The recipe (docs/architecture.md):

1. the roadmap schema declares the property in `$defs/task` (data/schema.json; its docs in
   docs/data-model.md);
2. the model reads it: every task property the schema declares that `Task` does not type is in
   `Task.extra` as the validated file wrote it, so this step is optional; to give the field a
   type, add an attribute to `jtr.model.Task` and read it in `build` (and name it in TASK_KEYS);
3. the presenter lists it: one `TaskField` in `jtr.presenter.TASK_FIELDS` (its key, its label's
   catalog key, how to get it from the task, how to write it as JSON and as words) and its label
   in the catalog, `jtr.labels.LABELS`.

`jtr show TASK` (text and JSON), `jtr export --format json`, the CSV/TSV and XLSX task columns
and the HTML report's task tables then show it, with no edit to any of them: they iterate
TASK_FIELDS (the fields they have always laid out their own way keep their places and bytes;
every other field follows them).

The test below does exactly that and no more: a copy of the schema with `budget_note` declared,
a roadmap that names that copy, the field registered in a copy of TASK_FIELDS and its label
added to the catalog (both by monkeypatch, for this test only); no module of jtr is changed.
The model needs no change at all (step 2 through `Task.extra`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, invoke
from typer.testing import CliRunner

from jtr import labels, presenter
from jtr.export import EXPORTERS, json_schema_path
from jtr.model import TASK_KEYS, Text
from jtr.presenter import TASK_FIELDS, TaskField, text_data
from jtr.roadmap import open_roadmap
from jtr.status import roadmap_state

SCHEMA = ROOT / "data" / "schema.json"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
TASK_A1 = "          - id: task-a1\n"
NOTE = {"ja": "補正予算で手当て済み", "en": "Funded by the supplementary budget"}
LABEL = ("予算の備考", "Budget note")
BUDGET_NOTE = TaskField(
    "budget_note",
    "budget_note",
    lambda task: Text.maybe(task.extra.get("budget_note")),
    text_data,
    lambda value, lang: value.get(lang),
    wrap=True,
)


def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def with_field(tmp_path: Path) -> Path:
    """A roadmap whose schema (a copy of jtr's, beside it) declares `budget_note` for tasks,
    and whose task-a1 has one."""
    schema = _schema()
    schema["$defs"]["task"]["properties"]["budget_note"] = {
        "title": "予算の備考 / Budget note",
        "description": "予算措置についての補足。 / Note on how the task is funded.",
        "$ref": "#/$defs/text",
    }
    (tmp_path / "schema.json").write_text(json.dumps(schema, ensure_ascii=False), "utf-8")
    text = MINIMAL.read_text(encoding="utf-8")
    assert TASK_A1 in text
    line = f"            budget_note: {{ja: {NOTE['ja']}, en: {NOTE['en']}}}\n"
    text = "# yaml-language-server: $schema=schema.json\n" + text.replace(TASK_A1, TASK_A1 + line)
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The field in (a copy of) the presenter's table and its label in the catalog."""
    monkeypatch.setattr(presenter, "TASK_FIELDS", (*presenter.TASK_FIELDS, BUDGET_NOTE))
    monkeypatch.setitem(labels.LABELS, "budget_note", LABEL)
    yield


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _outputs(runner: CliRunner, path: Path, lang: str, out: Path) -> dict[str, Any]:
    common = ("-f", str(path), "--as-of", "2025-03-31", "--lang", lang)
    found: dict[str, Any] = {
        "show": invoke(runner, "show", "task-a1", *common, "--width", "200").stdout,
        "show_json": json.loads(invoke(runner, "show", "task-a1", *common, "--format", "json").stdout),
        "other_json": json.loads(invoke(runner, "show", "task-a2", *common, "--format", "json").stdout),
    }  # fmt: skip
    for fmt in ("json", "csv", "tsv", "html", "xlsx"):
        target = out / f"{lang}.{fmt}"
        result = invoke(runner, "export", "--format", fmt, *common, "-o", str(target))
        assert result.exit_code == 0, result.output
        found[fmt] = target.read_bytes() if fmt == "xlsx" else target.read_text("utf-8")
    return found


def _tasks(export: str) -> dict[str, dict[str, Any]]:
    data = json.loads(export)["roadmap"]
    return {t["id"]: t for c in data["courses"] for i in c["items"] for t in i["tasks"]}


def _xlsx_rows(book_bytes: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(book_bytes)).worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _html_cards(html: str) -> tuple[list[str], dict[str, list[str]]]:
    """The card tables' column titles (of the first table) and each task's cells."""
    from html.parser import HTMLParser

    class Cards(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth = 0
            self.head: list[str] = []
            self.heads: list[str] = []
            self.rows: dict[str, list[str]] = {}
            self.task: str | None = None
            self.cell: list[str] | None = None
            self.in_head = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "table" and found.get("class") == "card-tasks":
                self.depth += 1
            elif self.depth and tag == "thead":
                self.in_head, self.task = True, None
            elif self.depth and tag == "tr" and (task := found.get("data-task")):
                self.task = task
                self.rows[task] = []
            elif self.depth and tag in ("th", "td"):
                self.cell = []

        def handle_endtag(self, tag: str) -> None:
            if tag == "table" and self.depth:
                self.depth -= 1
            elif tag == "thead":
                self.in_head = False
                self.head = self.head or self.heads
                self.heads = []
            elif tag in ("th", "td") and self.cell is not None:
                text = "".join(self.cell).strip()
                if self.in_head:
                    self.heads.append(text)
                elif self.task is not None:
                    self.rows[self.task].append(text)
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    parser = Cards()
    parser.feed(html)
    return parser.head, parser.rows


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_field_in_schema_and_presenter_reaches_every_view(
    runner: CliRunner, with_field: Path, registered: None, lang: str, tmp_path: Path
) -> None:
    word, note = LABEL[0 if lang == "ja" else 1], NOTE[lang]
    assert invoke(runner, "validate", str(with_field)).exit_code == 0
    out = _outputs(runner, with_field, lang, tmp_path)

    assert f"{word}: {note}" in out["show"]
    assert out["show_json"]["budget_note"] == NOTE
    assert out["other_json"]["budget_note"] is None

    tasks = _tasks(out["json"])
    assert tasks["task-a1"]["budget_note"] == NOTE
    assert "budget_note" not in tasks["task-a2"]
    assert list(tasks["task-a1"])[-2:] == ["budget_note", "derived"]

    for fmt in ("csv", "tsv"):
        text = out[fmt].lstrip("\ufeff")
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0][-1] == word
        cells = {row[3]: row[-1] for row in rows[1:]}
        assert cells["task-a1"] == note and cells["task-a2"] == ""

    sheet = _xlsx_rows(out["xlsx"])
    assert sheet[0][-1] == word
    assert {row[3]: row[-1] for row in sheet[1:]}["task-a1"] == note

    head, cards = _html_cards(out["html"])
    assert head[-1] == word
    assert cards["task-a1"][-1] == note and cards["task-a2"][-1] == ""


def test_without_the_presenter_entry_only_the_json_export_carries_it(
    runner: CliRunner, with_field: Path, tmp_path: Path
) -> None:
    """The control: declared and read, but not registered, the field is shown nowhere; the
    JSON export, which writes everything the file holds, still carries it as written."""
    out = _outputs(runner, with_field, "en", tmp_path)
    assert NOTE["en"] not in out["show"] and "budget_note" not in out["show_json"]
    assert _tasks(out["json"])["task-a1"]["budget_note"] == NOTE
    for fmt in ("csv", "tsv", "html"):
        assert NOTE["en"] not in out[fmt], fmt
    assert NOTE["en"] not in {cell for row in _xlsx_rows(out["xlsx"]) for cell in row}


def test_without_the_schema_the_field_is_refused(runner: CliRunner, with_field: Path) -> None:
    """The schema is what admits the field: against jtr's own schema it is an error."""
    text = with_field.read_text(encoding="utf-8").split("\n", 1)[1]  # no modeline
    with_field.write_text(text, encoding="utf-8")
    result = invoke(runner, "validate", str(with_field))
    assert result.exit_code == 1 and "budget_note" in result.output
    result = invoke(runner, "export", "--format", "csv", "-f", str(with_field))
    assert result.exit_code == 1


# ---- the lists this rests on, compared with the schema ----------------------------------------


def test_the_model_and_presenter_know_every_task_property_of_the_schema() -> None:
    properties = list(_schema()["$defs"]["task"]["properties"])
    assert list(TASK_KEYS) == properties
    assert [field.key for field in TASK_FIELDS] == properties
    for field in TASK_FIELDS:
        assert field.label in labels.LABELS, field.key


def test_the_shipped_roadmap_has_no_untyped_task_property() -> None:
    roadmap = open_roadmap(ROOT / "data" / "roadmap.yaml").model
    assert all(not task.extra for task in roadmap.tasks())


# ---- the JSON export, written from the model --------------------------------------------------


def _without_derived(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_derived(v) for k, v in value.items() if k != "derived"}
    if isinstance(value, list):
        return [_without_derived(v) for v in value]
    return value


def _key_orders(value: Any, schema: dict[str, Any], name: str) -> Iterator[tuple[str, list[str]]]:
    """(definition, keys) of each object of the export's roadmap that the schema defines."""
    defs = schema["$defs"]
    if name in defs and isinstance(value, dict):
        yield name, [k for k in value if k != "derived"]
    properties = defs.get(name, schema if name == "" else {}).get("properties", {})
    for key, sub in value.items() if isinstance(value, dict) else ():
        if key == "derived":  # jtr's conclusions, not the file's: the export schema's order
            continue
        spec = properties.get(key, {})
        ref = spec.get("$ref") or spec.get("items", {}).get("$ref", "")
        child = ref.rsplit("/", 1)[-1]
        for entry in sub if isinstance(sub, list) else [sub]:
            yield from _key_orders(entry, schema, child)


@pytest.mark.parametrize(
    "path",
    [ROOT / "data" / "roadmap.yaml", MINIMAL, ROOT / "tests" / "fixtures" / "progress.yaml"],
    ids=lambda p: p.name,
)
def test_the_json_export_holds_the_files_values_in_the_schemas_order(path: Path) -> None:
    loaded = open_roadmap(path)
    state = roadmap_state(loaded.model, dt.date(2025, 3, 31))
    exported = json.loads(str(EXPORTERS["json"].export(state, "en")))["roadmap"]
    assert _without_derived(exported) == loaded.document.data
    schema = _schema()
    orders = list(_key_orders(exported, schema, ""))
    assert {name for name, _ in orders} >= {"meta", "course", "item", "task", "goal"}
    for name, keys in orders:
        order = list(schema["$defs"][name]["properties"])
        assert keys == sorted(keys, key=order.index), name


def test_the_json_export_schema_takes_a_task_field_it_does_not_name(
    with_field: Path, registered: None
) -> None:
    import jsonschema

    state = roadmap_state(open_roadmap(with_field).model, dt.date(2025, 3, 31))
    data = json.loads(str(EXPORTERS["json"].export(state, "ja")))
    schema = json.loads(json_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
