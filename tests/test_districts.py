"""Progress across the districts: a task done in each district (tests/fixtures/districts.yaml),
each district's derived state as of a date, the task's counts and its lagging districts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jtr.model import build
from jtr.roadmap import open_roadmap
from jtr.status import TaskState, roadmap_state, task_state

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "districts.yaml"
AS_OF = dt.date(2026, 11, 26)


def dock(as_of: dt.date = AS_OF, ident: str = "district-dock-run") -> TaskState:
    model = open_roadmap(FIXTURE).model
    task = next(t for t in model.tasks() if t.id == ident)
    return task_state(task, as_of, model.fiscal_year_start_month)


# ---- the model ------------------------------------------------------------------------------


def test_the_registry_and_the_scopes() -> None:
    model = open_roadmap(FIXTURE).model
    assert [d.id for d in model.districts] == [
        "daiichi", "serita", "furumaki", "miwa", "togakushi", "kinasa",
    ]  # fmt: skip
    assert [d.id for d in model.districts if d.hilly] == ["togakushi", "kinasa"]
    assert model.district("serita") is not None and model.district("serita").block == "central"  # type: ignore[union-attr]
    assert model.district("daiichi").block is None  # type: ignore[union-attr]
    assert (model.districts_expected, model.hilly_expected) == (6, 2)
    tasks = {t.id: t for t in model.tasks()}
    assert tasks["district-dock-run"].districts == tuple(d.id for d in model.districts)
    assert tasks["district-dock-run"].district_scope == "all"
    assert tasks["district-dock-reflect"].districts == ("togakushi", "kinasa")
    assert tasks["labour-management-desk"].districts == ()


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("all", ("a", "b", "c")),
        ("hilly", ("b",)),
        ("not-hilly", ("a", "c")),
        (["c", "a"], ("a", "c")),  # in the registry's order
    ],
)
def test_a_scope_names_districts_in_the_registrys_order(
    scope: object, expected: tuple[str, ...]
) -> None:
    from jtr.model import district_scope

    data = {"districts": {"list": [{"id": "a"}, {"id": "b", "hilly": True}, {"id": "c"}]}}
    assert district_scope(scope, data) == expected
    assert district_scope(None, data) == ()


# ---- each district's state --------------------------------------------------------------------


def test_each_district_is_judged_on_its_own_and_the_city_wide_records() -> None:
    states = {d.district: d.state for d in dock().districts}
    assert states == {
        "daiichi": "done",
        "serita": "in_progress",  # done in 2024, reopened in 2025
        "furumaki": "in_progress",  # its done record is dated after the as-of date
        "miwa": "delayed",
        "togakushi": "cancelled",
        "kinasa": "in_progress",  # only the city-wide start
    }


def test_the_task_stands_as_its_most_urgent_district() -> None:
    ts = dock()
    assert ts.state == "delayed"
    assert ts.districts_done == 2  # done or cancelled
    assert [d.district for d in ts.lagging] == ["miwa", "serita", "furumaki", "kinasa"]
    assert ts.district_counts == {"done": 1, "in_progress": 3, "delayed": 1, "cancelled": 1}


def test_before_any_record_every_district_is_not_yet_due_or_due() -> None:
    early = dock(dt.date(2024, 3, 1))  # FY2023: before the task's years
    assert {d.state for d in early.districts} == {"not_yet_due"}
    assert early.state == "not_yet_due" and not early.recorded
    start = dock(dt.date(2024, 5, 1))  # FY2024, nothing recorded yet
    assert {d.state for d in start.districts} == {"due"}


def test_overdue_districts_after_the_last_year() -> None:
    late = dock(dt.date(2027, 5, 1))  # FY2027: the span 2024–2026 is over
    states = {d.district: d.state for d in late.districts}
    assert states["miwa"] == "overdue" and states["kinasa"] == "overdue"
    assert states["furumaki"] == "done" and states["daiichi"] == "done"
    assert late.state == "overdue"


def test_done_once_every_district_is_done_or_cancelled() -> None:
    ts = dock(ident="district-dock-reflect")
    assert ts.state == "done" and ts.timing == "closed"
    assert [d.state for d in ts.districts] == ["done", "done"]


def test_every_district_cancelled_is_a_cancelled_task() -> None:
    model = open_roadmap(FIXTURE).model
    data = model.raw
    assert data is not None
    import copy

    changed = copy.deepcopy(data)
    task = changed["courses"][0]["items"][1]["tasks"][1]
    assert task["id"] == "district-dock-reflect"
    task["history"] = [{"status": "cancelled", "date": "2025-01-01"}]  # city-wide
    cancelled = next(t for t in build(changed).tasks() if t.id == "district-dock-reflect")
    assert task_state(cancelled, AS_OF).state == "cancelled"


def test_the_course_counts_the_district_task_once() -> None:
    state = roadmap_state(open_roadmap(FIXTURE).model, AS_OF)
    course = state.courses[0]
    dock_item = next(i for i in course.items if i.item.id == "district-dock")
    assert [t.state for t in dock_item.tasks] == ["delayed", "done"]
    assert course.counts["delayed"] >= 1


# ---- the views --------------------------------------------------------------------------------


def _run(*args: str) -> str:
    from helpers import run
    from typer.testing import CliRunner

    code, out, err = run(CliRunner(), "-f", str(FIXTURE), "--as-of", "2026-11-26", *args)
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    ("lang", "progress", "first"),
    [
        ("ja", "地区ごとの進捗: 完了 1/6 地区 · 遅延 1 · 実施中 3 · 中止 1", "  三輪地区    遅延  2025-01-20  [miwa]"),
        ("en", "Progress by district: done 1/6 districts · delayed 1 · in progress 3 · cancelled 1",
         "  Miwa       delayed  2025-01-20  [miwa]"),
    ],
)  # fmt: skip
def test_show_task_lists_each_district_lagging_first(lang: str, progress: str, first: str) -> None:
    lines = _run("show", "district-dock-run", "--lang", lang, "--width", "120").splitlines()
    at = lines.index(progress)
    assert lines[at + 1] == first
    assert lines[at + 6].endswith("[togakushi]")  # done and cancelled last
    assert any(line.endswith("[daiichi]") and "2024-10-12" in line for line in lines)


def test_show_item_and_status_give_the_fraction() -> None:
    item = _run("show", "district-dock", "--lang", "en", "--width", "160")
    assert "done 1/6 districts · delayed 1 · in progress 3 · cancelled 1" in item
    assert "done  done 2/2 districts" in item
    status = _run("status", "--lang", "ja", "--width", "200")
    assert (
        "      地区ドックの実施: 完了 1/6 地区 · 遅延 1 · 実施中 3 · 中止 1" in status.splitlines()
    )


def test_status_json_carries_each_district() -> None:
    import json

    data = json.loads(_run("status", "--format", "json"))
    task = next(
        t for c in data["courses"] for i in c["items"] for t in i["tasks"]
        if t["id"] == "district-dock-run"
    )  # fmt: skip
    districts = task["district_progress"]
    assert (districts["done"], districts["total"]) == (1, 6)
    assert districts["lagging"] == ["miwa", "serita", "furumaki", "kinasa"]
    assert districts["by_state"] == {"delayed": 1, "in_progress": 3, "done": 1, "cancelled": 1}
    assert [s["district"] for s in districts["states"]][:2] == ["daiichi", "serita"]
    assert districts["states"][0]["last_record"] == {
        "status": "done", "date": "2024-10-12", "note": None,
    }  # fmt: skip
    city = next(
        t for c in data["courses"] for i in c["items"] for t in i["tasks"]
        if t["id"] == "labour-management-desk"
    )  # fmt: skip
    assert "district_progress" not in city


# ---- jtr set --district -------------------------------------------------------------------------


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    path = tmp_path / "roadmap.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    schema = ROOT / "data" / "schema.json"
    path.write_text(text.replace("$schema=../../data/schema.json", f"$schema={schema}"), "utf-8")
    return path


def _set(path: Path, *args: str) -> tuple[int, str, str]:
    from helpers import run
    from typer.testing import CliRunner

    return run(CliRunner(), "-f", str(path), "--lang", "en", "set", "district-dock-run", *args)


def test_set_records_each_district_in_one_write(editable: Path) -> None:
    code, out, err = _set(editable, "-s", "done", "-d", "2026-12-02", "--district", "hilly",
                          "--district", "miwa")  # fmt: skip
    assert code == 0, err
    assert out == (
        f"{editable}: district-dock-run: done on 2026-12-02 recorded for 3 districts "
        "(miwa, togakushi, kinasa)\n"
    )
    model = open_roadmap(editable).model
    task = next(t for t in model.tasks() if t.id == "district-dock-run")
    added = task.history[-3:]
    assert [(r.status, r.district) for r in added] == [
        ("done", "miwa"), ("done", "togakushi"), ("done", "kinasa"),
    ]  # fmt: skip
    states = {d.district: d.state for d in task_state(task, dt.date(2026, 12, 3)).districts}
    assert states["miwa"] == states["kinasa"] == "done"
    # the same again changes nothing
    before = editable.read_bytes()
    code, _, err = _set(editable, "-s", "done", "-d", "2026-12-02", "--district", "hilly",
                        "--district", "miwa")  # fmt: skip
    assert code == 0 and editable.read_bytes() == before
    assert "nothing changed" in err


def test_set_district_dry_run_shows_the_records(editable: Path) -> None:
    before = editable.read_bytes()
    code, out, _ = _set(editable, "-s", "done", "-d", "2026-12-02", "--district", "all",
                        "--dry-run")  # fmt: skip
    assert code == 0 and editable.read_bytes() == before
    added = [line for line in out.splitlines() if line.startswith("+ ") or line.startswith("+  ")]
    assert sum("district: " in line for line in added) == 6


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--district", "hily"), "district 'hily' is not one of the districts of task "
         "district-dock-run; did you mean 'hilly'?"),
        (("--district", "nowhere"), "district 'nowhere' is not one of the districts"),
    ],
)  # fmt: skip
def test_set_refuses_a_district_outside_the_task(
    editable: Path, args: tuple[str, ...], says: str
) -> None:
    before = editable.read_bytes()
    code, _, err = _set(editable, "-s", "done", "-d", "2026-12-02", *args)
    assert code == 2 and says in err
    assert editable.read_bytes() == before


def test_set_refuses_district_on_a_city_wide_task(editable: Path) -> None:
    from helpers import run
    from typer.testing import CliRunner

    before = editable.read_bytes()
    code, _, err = run(CliRunner(), "-f", str(editable), "--lang", "ja", "set",
                       "labour-management-desk", "-s", "done", "-d", "2026-12-02",
                       "--district", "all")  # fmt: skip
    assert code == 2
    assert "課題 labour-management-desk は地区ごとの課題ではないため" in err
    assert editable.read_bytes() == before


def test_the_json_export_carries_the_registry_and_each_districts_state() -> None:
    import json

    import jsonschema

    doc = json.loads(_run("export", "--format", "json"))
    schema = json.loads((ROOT / "jtr" / "export" / "roadmap-export.schema.json").read_text("utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    registry = doc["roadmap"]["districts"]
    assert [d["id"] for d in registry["list"]][:2] == ["daiichi", "serita"]
    assert registry["expected"] == {"total": 6, "hilly": 2}
    task = doc["roadmap"]["courses"][0]["items"][1]["tasks"][0]
    assert task["districts"] == "all"
    assert task["history"][1] == {"status": "done", "date": "2024-10-12", "district": "daiichi"}
    derived = task["derived"]["district_progress"]
    assert (derived["done"], derived["total"]) == (1, 6)
    assert derived["lagging"] == ["miwa", "serita", "furumaki", "kinasa"]


# ---- jtr districts ------------------------------------------------------------------------------

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_districts_golden(lang: str, width: int) -> None:
    import os

    from jtr.render.districts import render_text

    state = roadmap_state(open_roadmap(FIXTURE).model, AS_OF)
    text = render_text(state, lang, width=width, color=False)
    path = GOLDEN / f"districts-{lang}-{width}-plain.txt"
    if os.environ.get("JTR_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed"
    from jtr.render.lines import cell_len

    assert max(cell_len(line) for line in text.splitlines()) <= width
    ascii_text = render_text(state, lang, width=width, color=False, ascii_only=True)
    assert not set("█▓▒░") & set(ascii_text)


def test_districts_rows_are_grouped_and_cells_are_fills() -> None:
    lines = _run("districts", "--lang", "en", "--width", "80").splitlines()
    assert lines.index("central") < lines.index("block not known")  # a known block first
    assert next(line for line in lines if line.startswith("  Miwa")).split()[1] == "»»»"
    assert next(line for line in lines if line.startswith("  Daiichi")).split()[1:] == ["███", "·"]
    assert next(line for line in lines if line.startswith("done")).split()[1:] == ["1/6", "2/2"]


def test_districts_of_a_task_an_item_and_a_district() -> None:
    import json

    one = json.loads(_run("districts", "district-dock-reflect", "--format", "json"))
    assert [t["id"] for t in one["tasks"]] == ["district-dock-reflect"]
    item = json.loads(_run("districts", "district-dock", "--format", "json"))
    assert [t["id"] for t in item["tasks"]] == ["district-dock-run", "district-dock-reflect"]
    district = json.loads(_run("districts", "togakushi", "--format", "json"))
    assert district["kind"] == "district" and district["hilly"] is True
    assert [(t["id"], t["state"]) for t in district["tasks"]] == [
        ("district-dock-run", "cancelled"), ("district-dock-reflect", "done"),
    ]  # fmt: skip
    text = _run("districts", "togakushi", "--lang", "ja")
    assert text.startswith("戸隠地区  [togakushi]\n")


def test_districts_refuses_an_id_of_another_kind() -> None:
    from helpers import run
    from typer.testing import CliRunner

    code, _, err = run(CliRunner(), "-f", str(FIXTURE), "--lang", "en", "districts", "jijikyo")
    assert code == 2 and "'jijikyo' is neither a task, an item nor a district" in err
    code, _, err = run(CliRunner(), "-f", str(FIXTURE), "districts", "nope-nothing")
    assert code == 2 and "has the id 'nope-nothing'" in err


def test_districts_markdown_and_csv() -> None:
    import csv
    import io

    markdown = _run("districts", "--format", "markdown", "--lang", "en")
    assert "| District | 1 | 2 |" in markdown
    assert "| Miwa | » delayed | · |" in markdown
    text = _run("districts", "--format", "csv", "--lang", "en")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:])))
    assert table[0][:3] == ["District", "District id", "Block"]
    assert len(table) == 1 + 6 + 2  # a row per district and task in scope
    miwa = next(r for r in table if r[1] == "miwa")
    assert miwa[4:7] == ["district-dock-run", "Carry out the District Dock", "delayed"]


def test_a_district_without_any_district_task_says_so() -> None:
    from helpers import run
    from typer.testing import CliRunner

    progress = ROOT / "tests" / "fixtures" / "progress.yaml"
    code, out, _ = run(CliRunner(), "-f", str(progress), "--lang", "en", "districts")
    assert code == 0 and "No task is done per district" in out


# ---- 18 of the 32 districts, on the shipped roadmap --------------------------------------------


def test_eighteen_of_thirty_two_districts_done(tmp_path: Path) -> None:
    """Record the District Dock of FY2024 done in 18 districts; status, show, districts and the
    districts CSV all say 18/32 and name the 14 others."""
    import csv
    import io
    import json
    import shutil

    from helpers import run
    from typer.testing import CliRunner

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "roadmap.yaml", data / "roadmap.yaml")
    shutil.copy(ROOT / "data" / "schema.json", data / "schema.json")
    roadmap = data / "roadmap.yaml"
    model = open_roadmap(roadmap).model
    ids = [d.id for d in model.districts]
    assert len(ids) == 32
    done, others = ids[:18], ids[18:]
    runner = CliRunner()
    args = [a for d in done for a in ("--district", d)]
    code, out, err = run(runner, "-f", str(roadmap), "set", "district-dock-run-2024", "-s", "done",
                         "-d", "2025-02-20", *args)  # fmt: skip
    assert code == 0, err
    assert "18 districts" in out

    def cli(*more: str) -> str:
        code, out, err = run(runner, "-f", str(roadmap), "--as-of", "2025-03-31", *more)
        assert code == 0, err
        return out

    shown = json.loads(cli("show", "district-dock-run-2024", "--format", "json"))
    assert shown["districts"] == "all"
    districts = shown["district_progress"]
    assert (districts["done"], districts["total"]) == (18, 32)
    assert sorted(districts["lagging"]) == sorted(others)
    status = json.loads(cli("status", "--format", "json"))
    task = next(
        t for c in status["courses"] for i in c["items"] for t in i["tasks"]
        if t["id"] == "district-dock-run-2024"
    )  # fmt: skip
    assert (task["district_progress"]["done"], task["district_progress"]["total"]) == (18, 32)
    assert "完了 18/32 地区" in cli("status", "--lang", "ja", "--width", "250")
    matrix = json.loads(cli("districts", "district-dock-run-2024", "--format", "json"))
    (column,) = matrix["tasks"]
    assert (column["done"], column["total"]) == (18, 32)
    assert sorted(column["lagging"]) == sorted(others)
    table = list(csv.reader(io.StringIO(cli("districts", "district-dock-run-2024", "--format",
                                            "csv", "--lang", "en")[1:])))  # fmt: skip
    states = {row[1]: row[6] for row in table[1:]}
    assert sum(s == "done" for s in states.values()) == 18
    assert sorted(d for d, s in states.items() if s != "done") == sorted(others)
    text = cli("show", "district-dock-run-2024", "--lang", "en", "--width", "200")
    assert "Progress by district: done 18/32 districts · due this FY 14" in text


def test_timeline_carries_the_fraction_with_the_title() -> None:
    out = _run("timeline", "--lang", "ja", "--width", "100")
    assert any(line.strip().startswith("地区ドックの実施 1/6 ") for line in out.splitlines())
    assert any(line.strip().startswith("改善案の反映 2/2 ") for line in out.splitlines())


# ---- --district, --hilly --------------------------------------------------------------------------


def test_status_of_one_district_judges_the_tasks_on_it_alone() -> None:
    import json

    data = json.loads(_run("status", "--format", "json", "--district", "togakushi"))
    tasks = {t["id"]: t for c in data["courses"] for i in c["items"] for t in i["tasks"]}
    assert tasks["district-dock-run"]["state"] == "cancelled"
    assert tasks["district-dock-run"]["district_progress"]["total"] == 1
    assert "labour-management-desk" in tasks  # a city-wide task stays
    serita = json.loads(_run("status", "--format", "json", "--district", "serita"))
    ids = {t["id"] for c in serita["courses"] for i in c["items"] for t in i["tasks"]}
    assert "district-dock-reflect" not in ids  # the hilly ones' task is not serita's


@pytest.mark.parametrize(("flag", "total", "state"), [("--hilly", 2, "in_progress"),
                                                      ("--not-hilly", 4, "delayed")])  # fmt: skip
def test_hilly_and_not_hilly(flag: str, total: int, state: str) -> None:
    import json

    data = json.loads(_run("status", "--format", "json", flag))
    task = next(
        t for c in data["courses"] for i in c["items"] for t in i["tasks"]
        if t["id"] == "district-dock-run"
    )  # fmt: skip
    assert (task["district_progress"]["total"], task["state"]) == (total, state)


def test_district_filter_on_timeline_show_and_export() -> None:
    import json

    timeline = _run("timeline", "--district", "togakushi", "--width", "100", "--lang", "en")
    assert any(
        line.strip().startswith("Carry out the District Dock 0/1") for line in timeline.splitlines()
    )
    shown = _run("show", "district-dock", "--hilly", "--lang", "en", "--width", "200")
    assert "done 0/2 districts · in progress 1 · cancelled 1" in shown
    exported = json.loads(_run("export", "--format", "json", "--district", "miwa"))
    task = exported["roadmap"]["courses"][0]["items"][1]["tasks"][0]
    assert task["derived"]["district_progress"]["lagging"] == ["miwa"]


def test_an_unknown_district_filter_is_refused_with_a_suggestion() -> None:
    from helpers import run
    from typer.testing import CliRunner

    code, _, err = run(
        CliRunner(), "-f", str(FIXTURE), "--lang", "en", "status", "--district", "mwa"
    )
    assert code == 2 and "--district 'mwa': no such district" in err and "'miwa'" in err
