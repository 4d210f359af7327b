"""Readings of the seed as data: `jtr readings`, and the marks (※n) they put on the values
they decide in status, show and timeline, in both languages (tests/fixtures/readings.yaml).

Regenerate the golden files with `JTR_UPDATE_GOLDEN=1 python -m pytest tests/test_readings.py`
and review the diff."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr.readings import resolve, steps
from jtr.render import show as show_render
from jtr.render import status as status_render
from jtr.roadmap import open_roadmap
from jtr.status import roadmap_state

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "readings.yaml"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2026, 11, 26)
UPDATE = os.environ.get("JTR_UPDATE_GOLDEN") == "1"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module's help"


def jtr(runner: CliRunner, *args: str) -> str:
    code, out, err = run(runner, "-f", str(FIXTURE), "--as-of", "2026-11-26", *args)
    assert code == 0, err
    return out


# ---- the model and the paths ----------------------------------------------------------------


def test_readings_are_numbered_in_file_order_and_found_by_path() -> None:
    model = open_roadmap(FIXTURE).model
    assert [r.number for r in model.readings] == [1, 2, 3, 4, 5]
    assert [r.id for r in model.readings_of("requested-work.owners")] == ["requested-work-owners"]
    assert [r.id for r in model.readings_of("welfare-support.help")] == ["welfare-support-dots"]
    assert [r.id for r in model.readings_of("welfare-support.help.dots")] == [
        "welfare-support-dots"
    ]
    assert model.readings_of("welfare-support.owners") == ()
    assert model.readings[1].line_ranges == ((673, 674), (514, 514))


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("requested-work.owners", ("courses", 1, "items", 3, "owners")),
        ("requested-work.tasks[0].fiscal_years", ("courses", 1, "items", 3, "tasks", 0, "fiscal_years")),
        ("meta.period", ("meta", "period")),
        ("wg-fundraising-welfare", ("working_groups", 2)),
        ("requested-work.nothing", None),
        ("no-such-id.owners", None),
        ("requested-work.tasks[99]", None),
        ("requested-work..owners", None),
        ("", None),
    ],
)  # fmt: skip
def test_a_path_resolves_to_the_value_it_names(path: str, found: tuple[object, ...] | None) -> None:
    data = open_roadmap(FIXTURE).model.raw
    assert resolve(data, path) == found


def test_a_path_is_an_id_then_keys_and_indexes() -> None:
    assert steps("a-b.c[2].d") == ("a-b", ("c", 2, "d"))
    assert steps("a b") is None and steps(".a") is None


# ---- jtr readings ---------------------------------------------------------------------------


def test_readings_json_lists_each_value_with_its_reading(runner: CliRunner) -> None:
    data = json.loads(jtr(runner, "readings", "--format", "json"))
    assert [(d["path"], d["id"]) for d in data] == [
        ("wg-fundraising-welfare.city_members_only", "fundraising-wg"),  # page 2 first
        ("requested-work.number", "course2-numbers"),
        ("committee-nominations.number", "course2-numbers"),
        ("requested-work.owners", "requested-work-owners"),
        ("requested-work-mayor-policy.fiscal_years", "mayor-policy-span"),
        ("welfare-support.help.dots", "welfare-support-dots"),
    ]
    owners = data[3]
    assert owners["value"] == ["jijikyo", "shisho", "tantoka", "chikatsu"]
    assert owners["confidence"] == "uncertain"
    assert owners["alternatives"] == ["Without 住自協, as for a city-only WG."]
    assert owners["seed_lines"] == ["673-674", "514"]
    for entry in data:
        assert {"path", "value", "decision", "alternatives", "seed_lines", "confidence"} <= set(
            entry
        )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_readings_text_groups_by_page(runner: CliRunner, lang: str) -> None:
    out = jtr(runner, "readings", "--lang", lang, "--width", "100")
    page2, page4 = (
        ("原典 2ページ", "原典 4ページ") if lang == "ja" else ("Seed page 2", "Seed page 4")
    )
    assert out.index(page2) < out.index(page4)
    assert "※2 requested-work-owners" in out
    assert ("不確か" if lang == "ja" else "uncertain") in out
    assert 'requested-work.owners = ["jijikyo", "shisho", "tantoka", "chikatsu"]' in out
    golden(f"readings-{lang}-100.txt", out)


def test_readings_markdown_is_a_table_per_page(runner: CliRunner) -> None:
    out = jtr(runner, "readings", "--format", "markdown", "--lang", "en")
    assert "## Seed page 2" in out and "## Seed page 4" in out
    assert "| ※2 requested-work-owners | requested-work.owners |" in out


def test_a_roadmap_without_readings_says_so(runner: CliRunner) -> None:
    code, out, _ = run(runner, "-f", str(ROOT / "tests" / "fixtures" / "progress.yaml"),
                       "readings", "--lang", "en")  # fmt: skip
    assert code == 0 and "No readings are recorded" in out
    _, data, _ = run(runner, "-f", str(ROOT / "tests" / "fixtures" / "progress.yaml"),
                     "readings", "--format", "json")  # fmt: skip
    assert json.loads(data) == []


# ---- the marks in the views -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_show_marks_the_values_and_lists_their_readings(runner: CliRunner, lang: str) -> None:
    out = jtr(runner, "show", "requested-work", "--lang", lang, "--width", "120")
    heading = out.splitlines()[0]
    assert heading.startswith("Ⅱ-4※1 ")
    owners = next(line for line in out.splitlines() if line.startswith(("担当:", "owners:")))
    assert owners.endswith(" ※2")
    assert "※3" in out  # the mayor's policy task's span
    section = out[out.index("読み取り (原典の解釈)" if lang == "ja" else "Readings (") :]
    assert section.index("※1 course2-numbers") < section.index("※2 requested-work-owners")
    assert "Without 住自協, as for a city-only WG." in section
    assert ("4ページ 673–674、514行" if lang == "ja" else "p. 4 l. 673–674, 514") in section
    assert "※4" not in out and "※5" not in out  # another item's and a group's readings


def test_show_of_an_unread_entity_has_no_readings_section(runner: CliRunner) -> None:
    out = jtr(runner, "show", "labour-management", "--lang", "en")
    assert "※" not in out and "Readings (" not in out


def test_status_marks_the_attention_list_and_says_what_a_mark_is(runner: CliRunner) -> None:
    out = jtr(runner, "status", "--lang", "ja", "--width", "100")
    line = next(line for line in out.splitlines() if line.startswith("Ⅱ-4※1 "))
    assert "依頼事務" in line
    assert "住自協 支所 担当課 地活課 ※2" in out
    assert out.rstrip().endswith(
        "※n: 原典の解釈による値 (jtr readings、jtr show で内容を確認できます)"
    )


def test_timeline_marks_a_task_whose_span_is_a_reading(runner: CliRunner) -> None:
    out = jtr(runner, "timeline", "--lang", "en", "--width", "120")
    row = next(line for line in out.splitlines() if "Mayor" in line or "mayor" in line)
    assert "※3" in row
    ascii_out = jtr(runner, "timeline", "--lang", "en", "--width", "120", "--ascii")
    assert "*3" in ascii_out and "※" not in ascii_out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_status_and_show_golden(lang: str) -> None:
    loaded = open_roadmap(FIXTURE)
    state = roadmap_state(loaded.model, AS_OF)
    status = status_render.render_table(state, lang, width=100, color=False)
    shown = "\n".join(
        show_render.render_text(state, loaded.model.find(i), lang, width=100, color=False)
        for i in ("requested-work", "wg-fundraising-welfare", "welfare-support")
    )
    golden(f"readings-status-{lang}-100.txt", status)
    golden(f"readings-show-{lang}-100.txt", shown)


def test_readings_never_fail_strict_validation(runner: CliRunner) -> None:
    """Readings are no warnings: a roadmap full of them is valid under --strict."""
    code, out, err = run(runner, "validate", "--strict", str(FIXTURE))
    assert code == 0, err
    assert out.startswith(f"{FIXTURE}: valid") or ": valid" in out
