"""`jtr status`, `show` and `list` through the CLI, and golden outputs of status and show.

Regenerate the golden files with `JTR_UPDATE_GOLDEN=1 python -m pytest tests/test_views.py`,
then read them before committing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import run
from rich.cells import cell_len
from typer.testing import CliRunner

from jtr.cli.options import complete_ids as _complete_ids
from jtr.render import show as show_render
from jtr.render import status as status_render
from jtr.roadmap import open_roadmap
from jtr.status import STATES, roadmap_state

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2026, 11, 26)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
UPDATE = os.environ.get("JTR_UPDATE_GOLDEN") == "1"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; rerun with JTR_UPDATE_GOLDEN=1 and review"
    )


def widest(text: str) -> int:
    return max((cell_len(ANSI.sub("", line)) for line in text.splitlines()), default=0)


# ---- golden outputs ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_status_golden(lang: str, width: int, color: bool) -> None:
    state = roadmap_state(open_roadmap(PROGRESS).model, AS_OF)
    text = status_render.render_table(state, lang, width=width, color=color)
    golden(f"status-{lang}-{width}-{'color' if color else 'plain'}.txt", text)
    assert widest(text) <= width
    if color:
        assert "\x1b[" in text
        plain = status_render.render_table(state, lang, width=width, color=False)
        assert [line.rstrip() for line in ANSI.sub("", text).splitlines()] == plain.splitlines()
    else:
        assert "\x1b[" not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_show_golden(lang: str, width: int, color: bool) -> None:
    loaded = open_roadmap(PROGRESS)
    state = roadmap_state(loaded.model, AS_OF)
    parts = []
    for ident in ("requested-work", "welfare-support", "wg-fundraising-welfare"):
        entity = loaded.model.find(ident)
        parts.append(show_render.render_text(state, entity, lang, width=width, color=color))
    text = "\n".join(parts)
    golden(f"show-{lang}-{width}-{'color' if color else 'plain'}.txt", text)
    assert widest(text) <= width
    assert ("\x1b[" in text) is color


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [40, 60, 80, 100, 120, 200])
def test_status_and_show_never_exceed_the_width(lang: str, width: int) -> None:
    for path in (ROADMAP, PROGRESS):
        loaded = open_roadmap(path)
        state = roadmap_state(loaded.model, AS_OF)
        assert widest(status_render.render_table(state, lang, width=width, color=True)) <= width
        for entity in (*loaded.model.items(), *loaded.model.courses, *loaded.model.working_groups):
            text = show_render.render_text(state, entity, lang, width=width, color=False)
            assert widest(text) <= width, entity.id


# ---- status through the CLI -------------------------------------------------------------------


def test_status_json_is_documented_and_complete(runner: CliRunner) -> None:
    code, out, _ = run(
        runner, "status", "-f", str(PROGRESS), "--as-of", "2026-11-26", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1 and data["as_of"] == "2026-11-26" and data["fiscal_year"] == 2026
    assert data["fiscal_year_label"] == {"ja": "令和8年度", "en": "FY2026"}
    assert data["phase"]["id"] == "landing"
    states = {t["state"] for c in data["courses"] for i in c["items"] for t in i["tasks"]}
    assert states == set(STATES)
    doc = (ROOT / "docs" / "status-json.md").read_text(encoding="utf-8")
    keys = set(data) | set(data["courses"][0]) | set(data["courses"][0]["items"][0])
    keys |= set(data["courses"][0]["items"][0]["tasks"][0])
    missing = [k for k in keys if f"`{k}`" not in doc]
    assert not missing, f"undocumented keys in docs/status-json.md: {missing}"


def test_as_of_replays_history(runner: CliRunner) -> None:
    def done_tasks(as_of: str) -> int:
        _, out, _ = run(runner, "status", "-f", str(PROGRESS), "--as-of", as_of, "--format", "json")
        return sum(c["tasks"]["by_state"]["done"] for c in json.loads(out)["courses"])

    before, after = done_tasks("2024-05-31"), done_tasks("2026-11-26")
    assert before < after


def test_as_of_accepts_a_fiscal_year_meaning_its_last_day(runner: CliRunner) -> None:
    for spelling in ("R6", "令和6年度", "FY2024", "2024"):
        _, out, _ = run(
            runner, "status", "-f", str(PROGRESS), "--as-of", spelling, "--format", "json"
        )
        assert json.loads(out)["as_of"] == "2025-03-31"
    code, _, err = run(runner, "status", "-f", str(PROGRESS), "--as-of", "yesterday")
    assert code == 2 and "--as-of 'yesterday'" in err


def test_check_exit_codes(runner: CliRunner) -> None:
    assert run(runner, "status", "-f", str(PROGRESS), "--as-of", "2026-11-26", "--check")[0] == 1
    # Before any task was due, nothing is overdue and no goal is missed.
    assert run(runner, "status", "-f", str(PROGRESS), "--as-of", "2023-04-01", "--check")[0] == 0
    assert run(runner, "status", "-f", str(PROGRESS), "--as-of", "2026-11-26")[0] == 0


def test_filters(runner: CliRunner) -> None:
    args = ("status", "-f", str(PROGRESS), "--as-of", "2026-11-26", "--format", "json")
    _, out, _ = run(runner, *args, "--course", "Ⅱ")
    assert [c["id"] for c in json.loads(out)["courses"]] == ["course-2026"]
    _, out, _ = run(runner, *args, "--owner", "tantoka")
    items = [i for c in json.loads(out)["courses"] for i in c["items"]]
    assert items and all("tantoka" in i["owners"] for i in items)
    _, out, _ = run(runner, *args, "--state", "overdue")
    tasks = [t for c in json.loads(out)["courses"] for i in c["items"] for t in i["tasks"]]
    assert tasks and {t["state"] for t in tasks} == {"overdue"}
    for bad in (("--course", "Ⅲ"), ("--owner", "mayor"), ("--state", "late")):
        code, _, err = run(runner, *args, *bad)
        assert code == 2 and bad[1] in err


def test_markdown(runner: CliRunner) -> None:
    code, out, _ = run(
        runner,
        "status",
        "-f",
        str(ROADMAP),
        "--as-of",
        "2026-11-26",
        "--format",
        "markdown",
        "--lang",
        "ja",
    )
    assert code == 0
    assert out.startswith("# 住民自治リフレッシュプロジェクト ロードマップ2023\n")
    assert "| Ⅰ ２０２４コース | 令和6年度 (2024) | 22 | 0% | 0/8 (目標未達 8) |" in out
    assert "期限超過 (記録なし)" in out


def test_shipped_roadmap_makes_no_record_visible(runner: CliRunner) -> None:
    code, out, _ = run(
        runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26", "--lang", "en"
    )
    assert code == 0
    assert "overdue (no record)" in out and "goal missed 8" in out


def test_lang_from_locale(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert "基準日" in run(runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26")[1]
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert "as of" in run(runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26")[1]


def test_piped_output_is_plain_and_force_color_colours(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26")
    assert "\x1b[" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(runner, "status", "-f", str(ROADMAP), "--as-of", "2026-11-26")[1]


def test_timeline_command(runner: CliRunner) -> None:
    code, out, _ = run(
        runner,
        "timeline",
        "-f",
        str(PROGRESS),
        "--as-of",
        "2026-11-26",
        "--width",
        "90",
        "--lang",
        "en",
    )
    assert code == 0 and widest(out) <= 90
    code, out, _ = run(
        runner, "timeline", "-f", str(PROGRESS), "--as-of", "2026-11-26", "--ascii", "--lang", "en"
    )
    assert code == 0 and out.isascii()


def test_views_refuse_a_broken_roadmap_with_positions(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "roadmap.yaml"
    broken.write_text(
        ROADMAP.read_text(encoding="utf-8").replace("- chikatsu\n", "- chikatu\n", 1),
        encoding="utf-8",
    )
    for command in ("status", "timeline", "list"):
        code, out, err = run(runner, command, "-f", str(broken))
        assert code == 1 and out == ""
        assert "unknown owner 'chikatu'" in err and re.search(r"roadmap\.yaml:\d+:\d+: error", err)
    code, _, err = run(runner, "status", "-f", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err


# ---- show and list ------------------------------------------------------------------------------


def test_show_every_kind_as_text_and_json(runner: CliRunner) -> None:
    for ident, kind in (
        ("welfare-workers", "item"), ("welfare-workers-decide", "task"), ("course-2026", "course"),
        ("wg-fundraising-welfare", "working_group"), ("hilly-areas", "topic"), ("chikatsu", "owner"),
        ("landing", "phase"),
    ):  # fmt: skip
        code, out, _ = run(runner, "show", ident, "-f", str(ROADMAP), "--as-of", "2026-11-26")
        assert code == 0 and f"[{ident}]" in out
        code, out, _ = run(runner, "show", ident, "-f", str(ROADMAP), "--format", "json")
        assert code == 0 and json.loads(out)["kind"] == kind


def test_show_item_has_everything(runner: CliRunner) -> None:
    _, out, _ = run(
        runner,
        "show",
        "welfare-workers",
        "-f",
        str(ROADMAP),
        "--as-of",
        "2026-11-26",
        "--lang",
        "ja",
        "--width",
        "200",
    )
    for text in (
        "専門性の高い福祉業務が負担", "住自協 支所 担当課 地活課", "地域福祉ワーカー・生活支援コーディネーター業務 [wg-welfare-workers]",
        "福祉政策課・地域包括ケア推進課・市社協地域福祉課職員", "新方針による業務・雇用の開始", "●住民と行政との適切な役割分担",
        "方針決定: なし", "実現: なし",
    ):  # fmt: skip
        assert text in out, text


def test_show_full_history_marks_records_after_as_of(runner: CliRunner) -> None:
    _, out, _ = run(
        runner,
        "show",
        "requested-work-mayor-policy",
        "-f",
        str(PROGRESS),
        "--format",
        "json",
        "--as-of",
        "2025-06-01",
    )
    data = json.loads(out)
    assert data["recurring"] is True and len(data["history"]) >= 2
    assert [o["fiscal_year"] for o in data["occurrences"]] == list(
        range(data["fiscal_years"]["from"], data["fiscal_years"]["to"] + 1)
    )


def test_show_unknown_id_suggests(runner: CliRunner) -> None:
    code, _, err = run(runner, "show", "welfare-worker", "-f", str(ROADMAP))
    assert code == 2 and "did you mean 'welfare-workers'" in err


def test_list_kinds(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list", "-f", str(ROADMAP), "--lang", "ja")
    assert code == 0 and len(out.splitlines()) == 12
    assert out.splitlines()[0].split()[:2] == ["welfare-workers", "Ⅰ-1"]
    for kind, count in (
        ("tasks", 30),
        ("courses", 2),
        ("owners", 4),
        ("phases", 4),
        ("working-groups", 6),
        ("topics", 4),
    ):
        _, out, _ = run(runner, "list", "--kind", kind, "-f", str(ROADMAP), "--format", "json")
        assert len(json.loads(out)) == count, kind


def test_completion_offers_ids_with_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JTR_ROADMAP", str(ROADMAP))

    ctx = SimpleNamespace(params={})  # what completion reads of Typer's context
    found = _complete_ids(ctx, "welfare-w")  # type: ignore[arg-type]
    assert [ident for ident, _ in found] == [
        "welfare-workers", "welfare-workers-decide", "welfare-workers-prepare", "welfare-workers-start",
    ]  # fmt: skip
    monkeypatch.setenv("JTR_ROADMAP", "/nonexistent/roadmap.yaml")
    assert _complete_ids(ctx, "w") == []  # type: ignore[arg-type]


def test_real_shell_completion_of_show_ids() -> None:
    import subprocess
    import sys

    env = {
        **os.environ,
        "_JTR_COMPLETE": "complete_bash",
        "COMP_WORDS": "jtr show welfare-w",
        "COMP_CWORD": "2",
    }
    env["JTR_ROADMAP"] = str(ROADMAP)
    run = subprocess.run(
        [sys.executable, "-m", "jtr"], env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [
        "welfare-workers", "welfare-workers-decide", "welfare-workers-prepare", "welfare-workers-start",
    ]  # fmt: skip
