"""`jtr diff`, `jtr history` and `jtr textconv` on district records, against real git.

Each test commits the districts fixture (tests/fixtures/districts.yaml, six districts) or the
shipped roadmap (32), records districts with `jtr set TASK --district …`, commits, and reads
the change back: each record named by its district, several districts given one status in one
line, the registry's own changes, and the burn-up's `--district-tasks`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import DATA, git, new_repo, run
from typer.testing import CliRunner

from jtr.render.lines import cell_len
from jtr.roadmap import open_roadmap

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "districts.yaml"
TASK = "courses/course-2024/items/district-dock/tasks/district-dock-run"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def commit(root: Path, subject: str, date: str) -> None:
    git(root, "commit", "-q", "-am", subject, date=date)


def jtr(runner: CliRunner, *args: str) -> str:
    """`jtr ARGS`'s output; it must succeed (`jtr diff` exits 1: there are differences)."""
    code, out, err = run(runner, *args)
    assert code == (1 if args[0] == "diff" else 0), err
    return out


@pytest.fixture
def fixture_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    """The districts fixture, then a commit recording District Dock done in Miwa and in the
    wholly hilly districts (Togakushi, Kinasa)."""
    root = tmp_path / "work"
    roadmap = new_repo(root, FIXTURE, subject="Districts", date="2026-11-30T10:00:00+09:00")
    monkeypatch.chdir(root)
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    jtr(
        runner, "-f", str(roadmap), "set", "district-dock-run", "-s", "done", "-d", "2026-12-02",
        "--district", "miwa", "--district", "hilly",
    )  # fmt: skip
    commit(root, "Dock done in Miwa and the hilly districts", "2026-12-02T10:00:00+09:00")
    return root


# ---- the diff ----------------------------------------------------------------------------------


def test_diff_names_each_district_in_ja_and_en(fixture_repo: Path, runner: CliRunner) -> None:
    ja = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "ja")
    # Each compared with its own last record: miwa delayed, togakushi cancelled; kinasa has
    # none of its own, so the task's city-wide record (in progress).
    assert "地区ドックの実施 · 三輪地区: 遅延 → 完了 (2026-12-02)" in ja
    assert "地区ドックの実施 · 戸隠地区: 中止 → 完了 (2026-12-02)" in ja
    assert "地区ドックの実施 · 鬼無里地区: 実施中 → 完了 (2026-12-02)" in ja
    assert "3 件の変更" in ja
    en = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "en")
    assert "Carry out the District Dock · Miwa: delayed → done on 2026-12-02" in en
    assert "Carry out the District Dock · Kinasa: in progress → done on 2026-12-02" in en
    markdown = jtr(runner, "diff", "HEAD~1", "HEAD", "--format", "markdown", "--lang", "en")
    assert "- Carry out the District Dock · Miwa: ~~delayed~~ → **done on 2026-12-02**" in markdown


def test_diff_json_has_the_district(fixture_repo: Path, runner: CliRunner) -> None:
    payload = json.loads(jtr(runner, "diff", "HEAD~1", "HEAD", "--format", "json"))
    assert payload["count"] == 3
    changes = payload["changes"]
    assert [c["district"] for c in changes] == ["miwa", "togakushi", "kinasa"]
    assert [c["old"] for c in changes] == ["delayed", "cancelled", "in_progress"]
    assert changes[0] == {
        "kind": "status", "entity": "record", "path": f"{TASK}/history/8", "old": "delayed",
        "new": {"status": "done", "date": "2026-12-02", "district": "miwa"},
        "course": "course-2024", "item": "district-dock", "task": "district-dock-run",
        "district": "miwa",
    }  # fmt: skip
    assert payload["districts"] == {
        "kinasa": {"ja": "鬼無里地区", "en": "Kinasa"},
        "miwa": {"ja": "三輪地区", "en": "Miwa"},
        "togakushi": {"ja": "戸隠地区", "en": "Togakushi"},
    }


def test_districts_given_one_status_read_as_one_line(fixture_repo: Path, runner: CliRunner) -> None:
    roadmap = fixture_repo / "data" / "roadmap.yaml"
    jtr(
        runner, "-f", str(roadmap), "set", "district-dock-reflect", "-s", "in_progress",
        "-d", "2026-12-03", "--district", "hilly",
    )  # fmt: skip
    commit(fixture_repo, "Reflect again in the hilly districts", "2026-12-03T10:00:00+09:00")
    ja = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "ja")
    assert "改善案の反映 · 完了 → 実施中 (2026-12-03): 戸隠地区、鬼無里地区 (2 地区)" in ja
    assert "2 件の変更" in ja  # still one change per record
    en = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "en")
    assert (
        "Reflect the proposed improvements · done → in progress on 2026-12-03: "
        "Togakushi, Kinasa (2 districts)" in en
    )
    payload = json.loads(jtr(runner, "diff", "HEAD~1", "HEAD", "--format", "json"))
    assert [c["district"] for c in payload["changes"]] == ["togakushi", "kinasa"]


def test_names_come_from_the_revisions_registry(fixture_repo: Path, runner: CliRunner) -> None:
    """A district renamed in the same commit is named as the new revision names it; a record
    for a district the registry does not know shows its id."""
    roadmap = fixture_repo / "data" / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    text = text.replace(
        "{id: miwa, name: {ja: 三輪地区, en: Miwa}}", "{id: miwa, name: {ja: 三輪, en: Miwa-ku}}"
    )
    text = text.replace(
        '              - {status: done, date: "2026-12-02", district: miwa}\n',
        '              - {status: done, date: "2026-12-02", district: miwa}\n'
        '              - {status: on_hold, date: "2026-12-04", district: nowhere}\n'
        '              - {status: on_hold, date: "2026-12-04", district: miwa}\n',
    )
    roadmap.write_text(text, encoding="utf-8")
    commit(fixture_repo, "Rename Miwa", "2026-12-04T10:00:00+09:00")
    ja = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "ja")
    assert "地区ドックの実施 · 三輪: 完了 → 保留 (2026-12-04)" in ja
    assert "地区ドックの実施 · nowhere: 実施中 → 保留 (2026-12-04)" in ja  # city-wide before
    assert "list/miwa/name/ja: “三輪地区” → “三輪”" in ja
    en = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "en")
    assert "Carry out the District Dock · Miwa-ku: done → on hold on 2026-12-04" in en


def test_registry_and_scope_changes_are_named(fixture_repo: Path, runner: CliRunner) -> None:
    roadmap = fixture_repo / "data" / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    text = text.replace(
        "    - {id: kinasa, name: {ja: 鬼無里地区, en: Kinasa}, hilly: true}\n",
        "    - {id: kinasa, name: {ja: 鬼無里地区, en: Kinasa}, hilly: true}\n"
        "    - {id: ooka, name: {ja: 大岡地区, en: Ooka}, hilly: true}\n",
    )
    text = text.replace(
        "{id: furumaki, name: {ja: 古牧地区, en: Furumaki}}",
        "{id: furumaki, name: {ja: 古牧地区, en: Furumaki}, hilly: true}",
    )
    text = text.replace(
        "            districts: hilly\n", "            districts: [togakushi, kinasa]\n"
    )
    roadmap.write_text(text, encoding="utf-8")
    commit(fixture_repo, "A district more", "2026-12-05T10:00:00+09:00")
    en = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "en")
    assert "added district list/ooka: Ooka" in en
    assert "list/furumaki/hilly: (none) → true" in en
    assert 'districts: hilly → ["togakushi", "kinasa"]' in en
    ja = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "ja")
    assert "追加 地区 list/ooka: 大岡地区" in ja
    payload = json.loads(jtr(runner, "diff", "HEAD~1", "HEAD", "--format", "json"))
    kinds = {(c["kind"], c["entity"], c["path"]) for c in payload["changes"]}
    assert ("added", "district", "districts/list/ooka") in kinds
    assert ("field", "field", "districts/list/furumaki/hilly") in kinds
    assert all("district" not in c for c in payload["changes"])  # on record changes only


# ---- textconv and history ----------------------------------------------------------------------


def test_textconv_keeps_the_district_on_the_records_line(
    fixture_repo: Path, runner: CliRunner
) -> None:
    out = jtr(runner, "textconv", "data/roadmap.yaml")
    assert f"{TASK}: history[1] = done 2024-10-12 [daiichi]\n" in out
    assert f'{TASK}: history[7] = done 2026-12-01 [furumaki] "基準日の後"\n' in out
    assert f"{TASK}: history[8] = done 2026-12-02 [miwa]\n" in out
    assert f"{TASK}: history[0] = in_progress 2024-06-01 " in out  # about the whole task


def test_history_names_each_district(fixture_repo: Path, runner: CliRunner) -> None:
    ja = jtr(runner, "history", "--lang", "ja", "--as-of", "2026-12-05")
    assert "地区ドックの実施 · 三輪地区: 遅延 → 完了 (2026-12-02)" in ja
    en = jtr(runner, "history", "--lang", "en", "--as-of", "2026-12-05")
    assert "Carry out the District Dock · Togakushi: cancelled → done on 2026-12-02" in en
    payload = json.loads(jtr(runner, "history", "--format", "json", "--as-of", "2026-12-05"))
    newest = payload["commits"][0]
    assert [c["district"] for c in newest["changes"]] == ["miwa", "togakushi", "kinasa"]
    assert payload["burnup"]["district_tasks"] is False


def test_history_district_tasks_counts_shares(fixture_repo: Path, runner: CliRunner) -> None:
    """District Dock on 2026-12-05: done in daiichi, furumaki, miwa, togakushi (cancelled before,
    done now), kinasa; serita reopened: 5 of 6. The reflection is done in both hilly districts."""
    day = ("--as-of", "2026-12-05")
    plain = json.loads(jtr(runner, "history", "--format", "json", *day))["burnup"]
    shares = json.loads(jtr(runner, "history", "--format", "json", "--district-tasks", *day))
    shares = shares["burnup"]
    assert shares["district_tasks"] is True
    assert shares["over_time"][-1]["done"] == pytest.approx(
        plain["over_time"][-1]["done"] + 5 / 6, abs=1e-4
    )
    assert shares["over_time"][-1]["total"] == plain["over_time"][-1]["total"]
    en = jtr(runner, "history", "--lang", "en", "--district-tasks", *day)
    assert "a district task counts as the share of its districts done" in en
    ja = jtr(runner, "history", "--lang", "ja", "--district-tasks", *day)
    assert "地区ごとの課題は、対象の地区のうち完了した地区の割合で数えます" in ja


# ---- the shipped roadmap: 32 districts -----------------------------------------------------------


@pytest.fixture
def shipped_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    """The shipped data/ folder, then District Dock 2024 done in the first 18 districts, then in
    all 32 (the other 14 at once)."""
    root = tmp_path / "work"
    roadmap = new_repo(
        root, DATA / "roadmap.yaml", subject="Published", date="2024-05-01T10:00:00+09:00"
    )
    shutil.copy(DATA / "schema.json", root / "data" / "schema.json")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Schema", date="2024-05-01T11:00:00+09:00")
    monkeypatch.chdir(root)
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    ids = [d.id for d in open_roadmap(roadmap).model.districts]
    assert len(ids) == 32
    first = [a for i in ids[:18] for a in ("--district", i)]
    jtr(
        runner,
        "-f",
        str(roadmap),
        "set",
        "district-dock-run-2024",
        "-s",
        "done",
        "-d",
        "2025-02-20",
        *first,
    )
    commit(root, "Dock done in 18 districts", "2025-02-21T10:00:00+09:00")
    jtr(
        runner,
        "-f",
        str(roadmap),
        "set",
        "district-dock-run-2024",
        "-s",
        "done",
        "-d",
        "2025-03-25",
        "--district",
        "all",
    )
    commit(root, "Dock done everywhere", "2025-03-26T10:00:00+09:00")
    return root


@pytest.mark.slow  # a 32-district git history: seconds
def test_a_many_district_commit_reads_as_one_grouped_line(
    shipped_repo: Path, runner: CliRunner
) -> None:
    ja = jtr(runner, "diff", "HEAD~2", "HEAD~1", "--lang", "ja", "--width", "400")
    grouped = [line for line in ja.splitlines() if "地区ドックの実施 · " in line]
    assert len(grouped) == 1, ja
    assert (
        grouped[0]
        .strip()
        .startswith("地区ドックの実施 · 予定 → 完了 (2025-02-20): 第一地区、第二地区、")
    )
    assert grouped[0].endswith("(18 地区)")
    assert "18 件の変更" in ja
    en = jtr(runner, "diff", "HEAD~2", "HEAD~1", "--lang", "en", "--width", "400")
    grouped = [line for line in en.splitlines() if "Carry out the District Dock · " in line]
    assert len(grouped) == 1 and grouped[0].endswith("(18 districts)")
    assert "planned → done on 2025-02-20: Daiichi, Daini, " in grouped[0]
    # `--district all` over 18 done and 14 planned: one line per status change.
    ja = jtr(runner, "diff", "HEAD~1", "HEAD", "--lang", "ja", "--width", "400")
    assert "地区ドックの実施 · 完了 → 完了 (2025-03-25): 第一地区、" in ja
    assert "(18 地区)" in ja and "(14 地区)" in ja
    assert "地区ドックの実施 · 予定 → 完了 (2025-03-25): " in ja


@pytest.mark.slow  # a 32-district git history: seconds
def test_the_grouped_line_wraps_to_the_width(shipped_repo: Path, runner: CliRunner) -> None:
    """In both languages at 40, 60 and 80 columns (one repository for all six)."""
    districts = open_roadmap(shipped_repo / "data" / "roadmap.yaml").model.districts
    for lang in ("ja", "en"):
        names = [d.name.get(lang) for d in districts]
        for width in (40, 60, 80):
            for args in (("diff", "HEAD~2", "HEAD~1"), ("history", "--as-of", "2025-03-31")):
                out = jtr(runner, *args, "--lang", lang, "--width", str(width))
                assert all(cell_len(line) <= width for line in out.splitlines()), out
                for name in names[:18]:  # a name is never split across lines
                    assert any(name in line for line in out.splitlines()), (name, out)


@pytest.mark.slow  # a 32-district git history: seconds
def test_shipped_burnup_moves_by_18_of_32(shipped_repo: Path, runner: CliRunner) -> None:
    day = ("--as-of", "2025-03-31")
    plain = json.loads(jtr(runner, "history", "--format", "json", *day))["burnup"]["over_time"]
    shares = json.loads(jtr(runner, "history", "--format", "json", "--district-tasks", *day))
    points = shares["burnup"]["over_time"]
    assert [p["done"] - q["done"] for p, q in zip(points, plain, strict=True)] == pytest.approx(
        [0, 18 / 32, 0], abs=1e-4
    )
    assert points[-1]["done"] == plain[-1]["done"]  # all 32 done: one task either way
    en = jtr(runner, "history", "--lang", "en", "--district-tasks", *day, "--width", "100")
    assert f" {plain[-1]['done']}/" in en
