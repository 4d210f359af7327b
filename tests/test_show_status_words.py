"""`show` and `status` say what a newcomer needs: one current state of a recurring task that
agrees with its years, "no records yet", what the help dots and the shading are, and which
command records the goal of an item whose tasks are all done."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import run
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"


def jtr(runner: CliRunner, *args: str, file: Path = ROADMAP, as_of: str = "2026-11-26") -> str:
    """The output without the marks and the list of the seed's readings (tests/test_readings.py
    tests those): what these tests look at is the rest."""
    code, out, err = run(runner, *args, "-f", str(file), "--as-of", as_of, "--width", "200")
    assert code == 0, err
    for heading in ("\n読み取り (原典の解釈)\n", "\nReadings (interpretations of the seed)\n"):
        out = out.split(heading, 1)[0] + ("\n" if heading in out else "")
    return re.sub(r" ※[0-9,]+", "", out)


@pytest.mark.parametrize(
    ("lang", "state", "years"),
    [
        ("en", "state: overdue (no record): FY2024, FY2025",
         ["FY2024: overdue (no record)", "FY2025: overdue (no record)", "FY2026: due this FY"]),
        ("ja", "状態: 期限超過 (記録なし)：令和6年度、令和7年度",
         ["令和6年度 (2024): 期限超過 (記録なし)", "令和7年度 (2025): 期限超過 (記録なし)",
          "令和8年度 (2026): 今年度予定"]),
    ],
)  # fmt: skip
def test_recurring_task_states_agree_and_no_records_is_said(
    runner: CliRunner, lang: str, state: str, years: list[str]
) -> None:
    out = jtr(runner, "show", "requested-work-mayor-policy", "--lang", lang)
    lines = [line.strip() for line in out.splitlines()]
    assert state in lines
    assert all(year in lines for year in years), out
    # no year says "planned" (予定) under a task that is overdue
    assert not [line for line in lines if line.endswith((": planned", ": 予定"))], out
    assert ("no records yet" if lang == "en" else "記録はまだありません") in lines
    assert out.count("[requested-work-mayor-policy]") == 1  # the task is not repeated


@pytest.mark.parametrize(
    ("lang", "none"), [("en", "no records yet"), ("ja", "記録はまだありません")]
)
def test_task_without_records_says_so_instead_of_repeating_itself(
    runner: CliRunner, lang: str, none: str
) -> None:
    out = jtr(runner, "show", "welfare-workers-decide", "--lang", lang)
    assert out.splitlines()[-1] == f"  {none}"
    assert out.count("[welfare-workers-decide]") == 1


def test_task_with_records_lists_them_under_the_history(runner: CliRunner) -> None:
    out = jtr(runner, "show", "welfare-workers-decide", "--lang", "en", file=PROGRESS)
    history = out.split("status history\n", 1)[1]
    assert "2025-02-10 done" in history and "no records yet" not in history


@pytest.mark.parametrize(
    ("lang", "help_line", "shaded_line"),
    [
        ("en", "kinds of help: ●● (2 of the original's marks for public help, mutual and "
         "community help and self-help; which kinds is not recorded)",
         "shaded: unknown (the shading of the original PDF was lost)"),
        ("ja", "関連する活動: ●● (原典の ●公助 ●互助・共助 ●自助 の印が2つ。どの種類かは記録されていません)",
         "網掛け: 不明 (原典PDFの網掛けはテキスト化で失われました)"),
    ],
)  # fmt: skip
def test_help_dots_and_shading_are_explained(
    runner: CliRunner, lang: str, help_line: str, shaded_line: str
) -> None:
    lines = jtr(runner, "show", "welfare-workers", "--lang", lang).splitlines()
    assert help_line in lines and shaded_line in lines


def test_known_help_kinds_and_shading_read_as_words(runner: CliRunner, tmp_path: Path) -> None:
    text = ROADMAP.read_text(encoding="utf-8")
    needle = (
        "        help:\n          dots: 2  # reading: course1-numbers-owners-dots\n"
        "          kinds: []\n        shaded: null  # reading: shading-lost"
    )
    assert needle in text
    changed = text.replace(
        needle,
        "        help:\n          dots: 2\n          kinds: [public, self]\n        shaded: true",
    )
    path = tmp_path / "roadmap.yaml"
    path.write_text(
        changed.replace("$schema=schema.json", f"$schema={ROOT / 'data' / 'schema.json'}"),
        encoding="utf-8",
    )
    for lang, help_line, shaded_line in (
        ("en", "kinds of help: ●● (public help, self-help)",
         "shaded: yes (marks an item expected to be realised)"),
        ("ja", "関連する活動: ●● (公助・自助)", "網掛け: あり (実現を見込む項目の印)"),
    ):  # fmt: skip
        lines = jtr(runner, "show", "welfare-workers", "--lang", lang, file=path).splitlines()
        assert help_line in lines and shaded_line in lines


# ---- every task done, no 方針決定 or 実現 recorded --------------------------------------------
# In the progress fixture district-dock's one task is done on 2025-03-01 and its realisation is
# dated 2025-03-15: in between, the work is over but the course goal does not count it.

HINT = {
    "en": "the course goal counts it once recorded: jtr realise district-dock "
    "(or jtr decide district-dock for a policy decision)",
    "ja": "目標に数えるには jtr realise district-dock で実現を (方針決定なら jtr decide "
    "district-dock で) 記録してください",
}
HEADING = {
    "en": "Items with every task done but no decision or realisation recorded (1)",
    "ja": "課題完了・方針決定/実現が未記録の項目 (1)",
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_status_names_the_command_when_all_tasks_are_done_but_no_goal_is_recorded(
    runner: CliRunner, lang: str
) -> None:
    out = jtr(runner, "status", "--lang", lang, file=PROGRESS, as_of="2025-03-10")
    lines = out.splitlines()
    assert HEADING[lang] in lines
    assert lines[lines.index(HEADING[lang]) + 2] == "    " + HINT[lang]
    markdown = jtr(runner, "status", "--lang", lang, "--format", "markdown", file=PROGRESS,
                   as_of="2025-03-10")  # fmt: skip
    assert "`jtr realise district-dock`" in markdown
    # Once the realisation counts, the item is no longer named.
    later = jtr(runner, "status", "--lang", lang, file=PROGRESS, as_of="2025-03-15")
    assert HEADING[lang] not in later and "jtr realise" not in later


def test_status_json_flags_the_items_done_with_no_goal_recorded(runner: CliRunner) -> None:
    def flags(as_of: str) -> tuple[list[str], list[str]]:
        data = json.loads(jtr(runner, "status", "--format", "json", file=PROGRESS, as_of=as_of))
        listed = [i for c in data["courses"] for i in c["goal"]["unrecorded"]]
        flagged = [i["id"] for c in data["courses"] for i in c["items"] if i["goal_unrecorded"]]
        return listed, flagged

    assert flags("2025-03-10") == (["district-dock"], ["district-dock"])
    assert flags("2025-03-15") == ([], [])  # its realisation now counts


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_show_item_names_the_command_when_all_tasks_are_done(runner: CliRunner, lang: str) -> None:
    said = {
        "en": "every task is done, but neither a policy decision nor a realisation is recorded",
        "ja": "課題はすべて完了していますが、方針決定・実現が記録されていません",
    }
    lines = jtr(runner, "show", "district-dock", "--lang", lang, file=PROGRESS,
                as_of="2025-03-10").splitlines()  # fmt: skip
    assert said[lang] in lines and "  " + HINT[lang] in lines
    later = jtr(runner, "show", "district-dock", "--lang", lang, file=PROGRESS, as_of="2025-03-15")
    assert said[lang] not in later


def test_a_state_filter_does_not_make_an_item_look_finished(runner: CliRunner) -> None:
    """Only the done tasks are kept with --state done; the item still has work left."""
    out = jtr(runner, "status", "--lang", "en", "--state", "done", file=PROGRESS,
              as_of="2026-11-26")  # fmt: skip
    assert "jtr realise" not in out
