"""`jtr request`: the request workbook (照会票), built through the CLI from the test roadmaps
(tests/fixtures/districts.yaml as of 2026-11-26, and progress.yaml without districts) and read
back with openpyxl: its sheets, header, rows per respondent, locked and unlocked cells,
protection, validations, the hidden `_jtr` sheet, --split, and the refusals."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr.labels import label
from jtr.model import Roadmap
from jtr.roadmap import open_roadmap
from jtr.sheets.request import COLUMNS, FORMAT, KEYS, STATUSES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = "2026-11-26"
RUN, REFLECT = "district-dock-run", "district-dock-reflect"


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    """A copy of the districts fixture, free to be refused as -o."""
    copy = tmp_path / "roadmap.yaml"
    shutil.copy(FIXTURES / "districts.yaml", copy)
    return copy


def model_of(path: Path) -> Roadmap:
    return open_roadmap(path).model


def expected_rows(model: Roadmap, owner: str | None = None) -> list[tuple[str, str | None]]:
    """(task id, district id) of each row, in the roadmap's order (each task once)."""
    rows: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for item in model.items():
        if owner is not None and owner not in item.owners:
            continue
        for task in item.tasks:
            if task.id in seen:
                continue
            seen.add(task.id)
            if task.districts:
                rows.extend((task.id, d) for d in task.districts)
            else:
                rows.append((task.id, None))
    return rows


def request(
    runner: CliRunner, roadmap: Path, out: Path, *args: str, lang: str = "ja"
) -> tuple[Any, str]:
    code, _out, err = run(
        runner, "-f", str(roadmap), "--lang", lang, "request", "--as-of", AS_OF, "-o", str(out),
        *args,
    )  # fmt: skip
    assert code == 0, err
    from openpyxl import load_workbook

    return load_workbook(out), err


def meta(book: Any) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """The `_jtr` sheet: its keys and values, and the row table after `rows`."""
    rows = list(book["_jtr"].iter_rows(values_only=True))
    at = [r[0] for r in rows].index("rows")
    keys = {r[0]: r[1] for r in rows[:at]}
    return keys, [tuple(r[:3]) for r in rows[at + 1 :]]


def reply_ids(book: Any) -> list[tuple[str, str | None]]:
    return [(r[0], r[1]) for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sheets_header_and_rows(
    runner: CliRunner, roadmap: Path, tmp_path: Path, lang: str
) -> None:
    book, err = request(runner, roadmap, tmp_path / "all.xlsx", lang=lang)
    reply_title = label("request_sheet", lang)
    assert book.sheetnames == [reply_title, label("request_instructions_sheet", lang), "_jtr"]
    assert [s.sheet_state for s in book.worksheets] == ["visible", "visible", "veryHidden"]
    reply = book.worksheets[0]
    head = [c.value for c in reply[1]]
    assert head == [label(key, lang) for key, _answered in COLUMNS]
    assert head[0] == ("課題ID" if lang == "ja" else "Task id")
    assert head[8] == ("新しい状態" if lang == "ja" else "New state")
    assert reply.freeze_panes == "A2"
    assert all(reply.column_dimensions[c].width for c in "ABCDEFGHIJKL")
    # every task once; a district-scoped task once per district in its scope
    rows = expected_rows(model_of(roadmap))
    assert reply_ids(book) == rows
    assert (
        sum(1 for t, _d in rows if t == RUN) == 6 and sum(1 for t, _d in rows if t == REFLECT) == 2
    )
    written = "照会票を書き出しました" if lang == "ja" else "wrote request"
    assert written in err and f"({len(rows)} " in err
    instructions = "\n".join(str(r[0]) for r in book.worksheets[1].iter_rows(values_only=True))
    assert "YYYY-MM-DD" in instructions
    assert label("request_instructions_yellow", lang) in instructions
    assert book.properties.title == "jtr request progress-fixture"


def test_current_state_and_last_record_per_district(
    runner: CliRunner, roadmap: Path, tmp_path: Path
) -> None:
    book, _err = request(runner, roadmap, tmp_path / "all.xlsx", lang="en")
    by_row = {(r[0], r[1]): r for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    miwa = by_row[(RUN, "miwa")]
    assert miwa[6] == label("delayed", "en")
    assert miwa[7].startswith("2025-01-20 ") and "[miwa]" in miwa[7]
    assert by_row[(RUN, "daiichi")][6] == label("done", "en")
    assert all(v is None for v in miwa[8:12])


def test_owner_selects_its_items(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    book, _err = request(runner, roadmap, tmp_path / "shisho.xlsx", "--owner", "shisho")
    assert reply_ids(book) == expected_rows(model_of(roadmap), "shisho")
    keys, _table = meta(book)
    assert keys["respondent_kind"] == "owner" and keys["respondent"] == "shisho"
    assert book.properties.title == "jtr request progress-fixture shisho"


def test_district_selects_its_district_tasks(
    runner: CliRunner, roadmap: Path, tmp_path: Path
) -> None:
    book, _err = request(runner, roadmap, tmp_path / "k.xlsx", "--district", "kinasa")
    assert reply_ids(book) == [(RUN, "kinasa"), (REFLECT, "kinasa")]
    book, _err = request(runner, roadmap, tmp_path / "m.xlsx", "--district", "miwa")
    assert reply_ids(book) == [(RUN, "miwa")]  # not in the hilly task's scope
    keys, table = meta(book)
    assert keys["respondent_kind"] == "district" and keys["respondent"] == "miwa"
    assert table == [(2, RUN, "miwa")]


def test_locked_cells_protection_and_validations(
    runner: CliRunner, roadmap: Path, tmp_path: Path
) -> None:
    for lang in ("ja", "en"):
        book, _err = request(runner, roadmap, tmp_path / f"{lang}.xlsx", lang=lang)
        reply = book.worksheets[0]
        last = reply.max_row
        assert last == len(expected_rows(model_of(roadmap))) + 1
        assert reply.protection.sheet is True and not reply.protection.password
        for row in range(2, last + 1):
            for column in "ABCDEFGH":
                assert reply[f"{column}{row}"].protection.locked, (column, row)
            for column in "IJKL":
                cell = reply[f"{column}{row}"]
                assert not cell.protection.locked, (column, row)
                assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("FFF2CC")
            assert reply[f"J{row}"].number_format == "yyyy-mm-dd"
        found = {v.type: v for v in reply.data_validations.dataValidation}
        status, day = found["list"], found["date"]
        assert str(status.sqref) == f"I2:I{last}"
        words = [label(code, "ja") for code in STATUSES] if lang == "ja" else list(STATUSES)
        assert status.formula1 == '"' + ",".join(words) + '"'
        if lang == "ja":
            assert words == ["予定", "実施中", "完了", "遅延", "保留", "中止"]
        assert str(day.sqref) == f"J2:J{last}"
        assert day.operator == "between"
        # the fixture's period: FY2023 to FY2027, April to March
        assert (day.formula1, day.formula2) == ("DATE(2023,4,1)", "DATE(2028,3,31)")


def test_hidden_sheet_keys_and_row_table(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    book, _err = request(runner, roadmap, tmp_path / "all.xlsx", lang="en")
    hidden = book["_jtr"]
    assert hidden.sheet_state == "veryHidden" and hidden.protection.sheet
    keys, table = meta(book)
    assert list(keys) == list(KEYS)
    assert keys["format"] == FORMAT == "jtr-request-1"
    assert keys["roadmap"] == "progress-fixture"
    assert keys["source_sha256"] == hashlib.sha256(roadmap.read_bytes()).hexdigest()
    assert keys["respondent_kind"] == "all" and not keys["respondent"]
    assert keys["lang"] == "en" and keys["as_of"] == AS_OF
    import datetime as dt

    assert dt.date.fromisoformat(keys["created"])
    rows = expected_rows(model_of(roadmap))
    assert table == [(n, t, d) for n, (t, d) in enumerate(rows, start=2)]
    # the table names the Reply sheet's rows
    reply = book.worksheets[0]
    for number, task, district in table:
        assert reply[f"A{number}"].value == task and reply[f"B{number}"].value == district


def test_a_roadmap_without_districts(runner: CliRunner, tmp_path: Path) -> None:
    plain = FIXTURES / "progress.yaml"
    book, _err = request(runner, plain, tmp_path / "plain.xlsx")
    rows = expected_rows(model_of(plain))
    assert reply_ids(book) == rows and all(d is None for _t, d in rows)


def test_split_owner(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"  # created
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--as-of", AS_OF, "--split", "owner", "-o",
        f"{folder}/",
    )  # fmt: skip
    assert code == 0, err
    model = model_of(roadmap)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{o.id}.xlsx" for o in model.owners)
    assert err.count("wrote request") == len(model.owners)
    from openpyxl import load_workbook

    for owner in model.owners:
        book = load_workbook(folder / f"{owner.id}.xlsx")
        assert reply_ids(book) == expected_rows(model, owner.id)
        keys, _table = meta(book)
        assert (keys["respondent_kind"], keys["respondent"]) == ("owner", owner.id)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "roadmap.yaml"]


def test_split_district(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    folder = tmp_path / "districts"
    folder.mkdir()
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--as-of", AS_OF, "--split", "district",
        "-o", str(folder),
    )  # fmt: skip
    assert code == 0, err
    model = model_of(roadmap)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{d.id}.xlsx" for d in model.districts
    )
    from openpyxl import load_workbook

    for district in model.districts:
        book = load_workbook(folder / f"{district.id}.xlsx")
        expected = [(RUN, district.id)] + ([(REFLECT, district.id)] if district.hilly else [])
        assert reply_ids(book) == expected
        keys, _table = meta(book)
        assert (keys["respondent_kind"], keys["respondent"]) == ("district", district.id)


def test_refuses_the_roadmap_as_output(runner: CliRunner, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    code, _out, err = run(runner, "-f", str(roadmap), "request", "-o", str(roadmap))
    assert code == 2 and "roadmap" in err
    assert roadmap.read_bytes() == before


def test_unknown_owner(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--owner", "shisyo", "-o", str(out)
    )
    assert code == 2 and "did you mean 'shisho'" in err
    assert not out.exists()


def test_unknown_district(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--district", "mwa", "-o", str(out)
    )
    assert code == 2 and "'miwa'" in err and not out.exists()


def test_split_takes_no_respondent(runner: CliRunner, roadmap: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--split", "owner", "--owner", "shisho",
        "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 2 and "--split" in err and not (tmp_path / "out").exists()
    file = tmp_path / "file"
    file.write_text("x")
    code, _out, err = run(
        runner, "-f", str(roadmap), "request", "--split", "owner", "-o", str(file)
    )
    assert code == 2 and file.read_text() == "x"


def test_printed_one_page_wide_with_the_header_on_each_page(
    runner: CliRunner, roadmap: Path, tmp_path: Path
) -> None:
    book, _err = request(runner, roadmap, tmp_path / "r.xlsx")
    reply, instructions = book.worksheets[0], book.worksheets[1]
    for sheet in (reply, instructions):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert reply.print_title_rows == "$1:$1"
    assert reply.print_options.gridLines and not instructions.print_options.gridLines
    # A text wider than its column wraps, and its row is made tall enough for the lines.
    from rich.cells import cell_len

    widths = {c: d.width for c, d in reply.column_dimensions.items()}
    tall = [
        n
        for n in range(2, reply.max_row + 1)
        if any(cell_len(str(reply[f"{c}{n}"].value or "")) > widths[c] - 2 for c in "CDEFGH")
    ]
    assert tall, "the fixture has a text wider than its column"
    for n in tall:
        assert (reply.row_dimensions[n].height or 0) >= 30, n
    assert all(reply[f"E{n}"].alignment.wrap_text for n in range(2, reply.max_row + 1))
