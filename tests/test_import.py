"""`jtr import`: reply workbooks (the shape `jtr request` makes, built here with openpyxl) into
the roadmap's records, in one validated, locked, atomic write; every refusal names the cell."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, run
from typer.testing import CliRunner

from jtr.roadmap import open_roadmap

FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA = ROOT / "data" / "schema.json"


def _copy(tmp_path: Path, fixture: str, text: str | None = None) -> Path:
    path = tmp_path / "roadmap.yaml"
    text = text if text is not None else (FIXTURES / fixture).read_text(encoding="utf-8")
    path.write_text(text.replace("$schema=../../data/schema.json", f"$schema={SCHEMA}"), "utf-8")
    return path


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    return _copy(tmp_path, "progress.yaml")


@pytest.fixture
def districts(tmp_path: Path) -> Path:
    return _copy(tmp_path, "districts.yaml")


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the edit replaces, in order, as they are written."""
    import jtr.edit.disk
    import jtr.fileio

    written: list[Path] = []
    real = jtr.fileio.atomic_write

    def spy(path: Path, *args: Any, **kwargs: Any) -> Any:
        written.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(jtr.edit.disk, "atomic_write", spy)
    return written


Answer = tuple[str, str | None, Any, Any, Any, Any]  # task, district, status, date, note, by


def workbook(
    path: Path,
    roadmap: Path,
    answers: list[Answer],
    *,
    sheet: str = "回答",
    roadmap_id: str = "progress-fixture",
    form: str = "jtr-request-1",
    meta: bool = True,
    visible_ids: list[tuple[str, str | None]] | None = None,
    respondent: tuple[str, str] = ("all", "all"),
    unlisted: int = 0,
) -> Path:
    """A reply workbook as `jtr request` makes it, with `answers` in its rows 2, 3, …"""
    from openpyxl import Workbook

    book = Workbook()
    reply = book.active
    assert reply is not None
    reply.title = sheet
    reply.append(["課題", "地区", "c", "d", "e", "f", "g", "h", "状態", "日付", "備考", "回答者"])
    for number, (task, district, status, day, note, by) in enumerate(answers):
        shown = visible_ids[number] if visible_ids else (task, district)
        reply.append([*shown, *["x"] * 6, status, day, note, by])
    if meta:
        hidden = book.create_sheet("_jtr")
        hidden.sheet_state = "veryHidden"
        sha = hashlib.sha256(roadmap.read_bytes()).hexdigest()
        for key, value in (
            ("format", form),
            ("roadmap", roadmap_id),
            ("source_sha256", sha),
            ("respondent_kind", respondent[0]),
            ("respondent", respondent[1]),
            ("lang", "ja"),
            ("as_of", "2026-11-26"),
            ("created", "2026-11-26T09:00:00"),
        ):
            hidden.append([key, value])
        hidden.append(["rows"])
        listed = answers[: len(answers) - unlisted]  # the last `unlisted` rows typed in later
        for number, (task, district, *_rest) in enumerate(listed, 2):
            hidden.append([number, task, district])
    book.save(path)
    return path


def imp(roadmap: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    return run(CliRunner(), "-f", str(roadmap), "--lang", lang, "import", *map(str, args))


def history(roadmap: Path, task_id: str) -> list[Any]:
    model = open_roadmap(roadmap).model
    task = next(t for t in model.tasks() if t.id == task_id)
    return list(task.history)


def valid(roadmap: Path) -> None:
    code, out, err = run(CliRunner(), "-f", str(roadmap), "validate")
    assert code == 0, out + err


def test_import_records_each_answered_row(progress: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "支所.xlsx",
        progress,
        [
            ("requested-work-prepare", None, "実施中", dt.datetime(2026, 12, 2), "準備中", "支所"),
            ("welfare-support-subsidy", None, "done", "２０２６-１２-０３", None, None),
            ("labour-management-desk", None, None, None, "no status: skipped", None),
        ],
    )
    code, out, err = imp(progress, book)
    assert code == 0, err
    assert out == "支所.xlsx: recorded 2 records\n"
    last = history(progress, "requested-work-prepare")[-1]
    assert (last.status, last.date, last.note) == ("in_progress", dt.date(2026, 12, 2), "準備中")
    assert history(progress, "welfare-support-subsidy")[-1].status == "done"
    assert "by: 支所" in progress.read_text(encoding="utf-8")
    valid(progress)
    code, out, err = run(
        CliRunner(), "-f", str(progress), "status", "--format", "json", "--as-of", "2026-12-05"
    )
    assert code == 0, err
    assert "welfare-support-subsidy" in json.dumps(json.loads(out), ensure_ascii=False)


def test_import_in_japanese_and_twice_is_nothing_new(progress: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "支所.xlsx",
        progress,
        [("requested-work-prepare", None, "完了", "2026-12-02", None, None)],
    )
    code, out, err = imp(progress, book, lang="ja")
    assert code == 0, err
    assert out == "支所.xlsx: 1 件を記録しました\n"
    before = progress.read_bytes()
    code, out, err = imp(progress, book, lang="ja")
    assert code == 0, err
    assert "取り込む新しい回答はありません" in err
    assert progress.read_bytes() == before


def test_dry_run_prints_the_diff_and_writes_nothing(progress: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "r.xlsx",
        progress,
        [("requested-work-prepare", None, "done", "2026-12-02", None, None)],
    )
    before = progress.read_bytes()
    code, out, err = imp(progress, book, "--dry-run")
    assert code == 0, err
    assert "+" in out and "status: done" in out
    assert out.endswith("r.xlsx: would record 1 record\n")
    assert progress.read_bytes() == before


def test_district_rows(districts: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "地区.xlsx",
        districts,
        [
            ("district-dock-run", "kinasa", "done", "2026-12-05", "完了報告", "鬼無里支所"),
            ("district-dock-run", "miwa", "in progress", "2026-12-06", None, None),
        ],
    )
    code, _out, err = imp(districts, book)
    assert code == 0, err
    records = history(districts, "district-dock-run")
    assert [(r.district, r.status) for r in records[-2:]] == [
        ("kinasa", "done"),
        ("miwa", "in_progress"),
    ]
    valid(districts)


REFUSALS = [
    # (answers, options, the cell, words of the message)
    ([("no-such-task", None, "done", "2026-12-02", None, None)], {}, "r.xlsx!回答!A2", "no task"),
    (
        [("requested-work-prepare", None, "終わり", "2026-12-02", None, None)],
        {},
        "r.xlsx!回答!I2",
        "'終わり'",
    ),
    ([("requested-work-prepare", None, "done", None, None, None)], {}, "r.xlsx!回答!J2", "missing"),
    (
        [("requested-work-prepare", None, "done", "next week", None, None)],
        {},
        "r.xlsx!回答!J2",
        "date",
    ),
    (
        [("requested-work-prepare", None, "done", "2026-02-30", None, None)],
        {},
        "r.xlsx!回答!J2",
        "",
    ),
    (
        [("requested-work-prepare", None, "done", "2031-05-01", None, None)],
        {},
        "r.xlsx!回答!J2",
        "outside the roadmap's period",
    ),
    (
        [("requested-work-prepare", None, "done", "2026-12-02", None, None)],
        {"roadmap_id": "another-roadmap"},
        "r.xlsx!_jtr!B2",
        "another-roadmap",
    ),
    (
        [("requested-work-prepare", None, "done", "2026-12-02", None, None)],
        {"form": "jtr-request-9"},
        "r.xlsx!_jtr!B1",
        "format",
    ),
    (
        [("requested-work-prepare", None, "done", "2026-12-02", None, None)],
        {"meta": False},
        "r.xlsx!_jtr!A1",
        "no _jtr sheet",
    ),
    (
        [("requested-work-prepare", "miwa", "done", "2026-12-02", None, None)],
        {},
        "r.xlsx!回答!B2",
        "not done per district",
    ),
    (
        [("district-dock-reflect", "miwa", "done", "2026-12-02", None, None)],
        {"fixture": "districts.yaml"},
        "r.xlsx!回答!B2",
        "not one of the task",
    ),
    (
        [
            ("requested-work-prepare", None, "done", "2026-12-02", None, None),
            ("labour-management-desk", None, "done", "2026-12-02", None, None),
        ],
        {"unlisted": 1},
        "r.xlsx!回答!A3",
        "not asked about",
    ),
    (
        [("labour-management-desk", None, "done", "2026-12-02", None, None)],
        {"respondent": ("owner", "shisho")},
        "r.xlsx!回答!A2",
        "not asked of 'shisho'",
    ),
    (
        [("district-dock-run", "miwa", "done", "2026-12-02", None, None)],
        {"fixture": "districts.yaml", "respondent": ("district", "kinasa")},
        "r.xlsx!回答!B2",
        "not asked of 'kinasa'",
    ),
]


@pytest.mark.parametrize(("answers", "options", "cell", "words"), REFUSALS)
def test_refusals_name_the_cell_and_write_nothing(
    tmp_path: Path, answers: list[Answer], options: dict[str, Any], cell: str, words: str
) -> None:
    roadmap = _copy(tmp_path, options.pop("fixture", "progress.yaml"))
    good = ("requested-work-prepare", None, "done", "2026-12-03", None, None)
    if "district" in answers[0][0]:
        good = ("district-dock-run", "miwa", "done", "2026-12-03", None, None)
    ok = workbook(tmp_path / "ok.xlsx", roadmap, [good])
    book = workbook(tmp_path / "r.xlsx", roadmap, answers, **options)
    before = roadmap.read_bytes()
    code, out, err = imp(roadmap, ok, book)
    assert code == 2, out + err
    assert f"jtr: error: {cell}: " in err
    assert words in err
    assert roadmap.read_bytes() == before


def test_ids_come_from_the_hidden_table(progress: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "r.xlsx",
        progress,
        [("requested-work-prepare", None, "done", "2026-12-02", None, None)],
        visible_ids=[("labour-management-desk", None)],
    )
    code, _out, err = imp(progress, book)
    assert code == 0, err
    assert history(progress, "requested-work-prepare")[-1].status == "done"
    assert not history(progress, "labour-management-desk")


def test_an_older_reply_imports_what_does_not_conflict(progress: Path, tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "古い.xlsx",
        progress,
        [
            ("requested-work-prepare", None, "in_progress", "2026-12-02", None, None),
            ("welfare-support-subsidy", None, "done", "2026-12-02", None, None),
        ],
    )
    # since the request was made, the subsidy got a record dated after the reply
    code, _out, err = run(
        CliRunner(), "-f", str(progress), "set", "welfare-support-subsidy", "-s",
        "in_progress", "-d", "2026-12-10",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = imp(progress, book)
    assert code == 0, err
    assert out == "古い.xlsx: recorded 1 record\n"
    assert "古い.xlsx!回答!I3: welfare-support-subsidy: its last record (2026-12-10)" in err
    assert history(progress, "requested-work-prepare")[-1].status == "in_progress"
    assert history(progress, "welfare-support-subsidy")[-1].status == "in_progress"
    code, out, err = imp(progress, book, "--force")
    assert code == 0, err
    assert out == "古い.xlsx: recorded 1 record\n"
    subsidy = history(progress, "welfare-support-subsidy")
    assert [(r.status, r.date) for r in subsidy[-2:]] == [
        ("done", dt.date(2026, 12, 2)),
        ("in_progress", dt.date(2026, 12, 10)),
    ]
    valid(progress)


def _thirty_districts(tmp_path: Path) -> Path:
    text = (FIXTURES / "districts.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"    - {{id: extra{n:02}, name: {{ja: 追加{n}地区, en: Extra {n}}}}}\n" for n in range(24)
    )
    anchor = "    - {id: kinasa, name: {ja: 鬼無里地区, en: Kinasa}, hilly: true}\n"
    assert anchor in text
    text = text.replace(anchor, anchor + extra).replace(
        "{total: 6, hilly: 2}", "{total: 30, hilly: 2}"
    )
    return _copy(tmp_path, "districts.yaml", text)


@pytest.mark.slow  # thirty workbooks written and read: about a second
def test_thirty_replies_in_one_write(tmp_path: Path, writes: list[Path]) -> None:
    roadmap = _thirty_districts(tmp_path)
    valid(roadmap)
    ids = [r.id for r in open_roadmap(roadmap).model.districts]
    assert len(ids) == 30
    books = [
        workbook(
            tmp_path / f"{d}.xlsx",
            roadmap,
            [("district-dock-run", d, "done", f"2026-12-{n % 20 + 2:02}", f"回答 {d}", d)],
        )
        for n, d in enumerate(ids)
    ]
    code, out, err = imp(roadmap, *books)
    assert code == 0, err
    assert len(writes) == 1
    assert out.count("recorded 1 record\n") == 30
    records = history(roadmap, "district-dock-run")
    for d in ids:
        assert any(r.district == d and r.note == f"回答 {d}" for r in records), d
    valid(roadmap)


def test_a_workbook_from_jtr_request_round_trips(districts: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    made = tmp_path / "miwa.xlsx"
    code, _out, err = run(
        CliRunner(), "-f", str(districts), "--lang", "ja", "request", "--district", "miwa",
        "-o", str(made),
    )  # fmt: skip
    assert code == 0, err
    book = load_workbook(made)
    reply = book.worksheets[0]
    reply["I2"], reply["J2"], reply["K2"], reply["L2"] = "完了", "２０２６-１２-０５", "済", "三輪"
    book.save(made)
    code, out, err = imp(districts, made, lang="ja")
    assert code == 0, err
    assert out == "miwa.xlsx: 1 件を記録しました\n"
    last = history(districts, "district-dock-run")[-1]
    assert (last.district, last.status, last.date) == ("miwa", "done", dt.date(2026, 12, 5))
    valid(districts)


def test_records_of_one_task_go_to_their_places_by_date(districts: Path, tmp_path: Path) -> None:
    """Three replies for one task: two between its records, one after them; each lands after
    the records dated on or before it, with its own date, in one write."""
    before = [(r.date, r.district) for r in history(districts, "district-dock-run")]
    books = [
        workbook(tmp_path / f"{d}.xlsx", districts, [("district-dock-run", d, "完了", day, None, d)])
        for d, day in (("kinasa", "2025-01-10"), ("daiichi", "2025-05-15"), ("furumaki", "2026-12-03"))
    ]  # fmt: skip
    code, _out, err = imp(districts, *books)
    assert code == 0, err
    after = [(r.date, r.district) for r in history(districts, "district-dock-run")]
    added = [
        (dt.date(2025, 1, 10), "kinasa"),
        (dt.date(2025, 5, 15), "daiichi"),
        (dt.date(2026, 12, 3), "furumaki"),
    ]
    assert sorted(after) == after and sorted(before + added) == after
    valid(districts)


@pytest.mark.slow  # 36 requests written by jtr request and read back: a few seconds
def test_every_district_and_owner_replies_at_once(tmp_path: Path, writes: list[Path]) -> None:
    """The shipped roadmap's whole 照会: `request --split district` and `--split owner` (32 + 4
    workbooks), every row answered (an owner's city-wide rows once, by the first owner asked),
    and all 36 replies imported in one command: every answer recorded, one write, valid."""
    import shutil

    from openpyxl import load_workbook

    roadmap = tmp_path / "roadmap.yaml"
    shutil.copy(ROOT / "data" / "roadmap.yaml", roadmap)
    shutil.copy(SCHEMA, tmp_path / "schema.json")
    books: list[Path] = []
    for split in ("district", "owner"):
        out = tmp_path / split
        code, _out, err = run(
            CliRunner(), "-f", str(roadmap), "--lang", "ja", "request", "--split", split,
            "--as-of", "2026-12-07", "-o", f"{out}/",
        )  # fmt: skip
        assert code == 0, err
        books += sorted(out.glob("*.xlsx"))
    assert len(books) == 36
    answered: set[tuple[str, str | None]] = set()
    for number, path in enumerate(books):
        book = load_workbook(path)
        sheet = book.worksheets[0]
        for row in range(2, sheet.max_row + 1):
            key = (str(sheet[f"A{row}"].value), sheet[f"B{row}"].value)
            if key in answered:
                continue
            answered.add(key)
            sheet[f"I{row}"] = "実施中"
            sheet[f"J{row}"] = dt.datetime(2026, 12, 1 + number % 7)
            sheet[f"K{row}"] = f"回答 {path.stem}"
        book.save(path)
    code, out, err = imp(roadmap, *books)
    assert code == 0, err
    assert writes == [roadmap]
    assert sum(int(line.split("recorded ")[1].split()[0]) for line in out.splitlines()) == len(
        answered
    )
    model = open_roadmap(roadmap).model
    recorded = {
        (t.id, r.district) for t in model.tasks() for r in t.history if r.note and "回答" in r.note
    }
    assert recorded == answered
    valid(roadmap)
