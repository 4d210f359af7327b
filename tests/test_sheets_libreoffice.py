"""The 照会・回答 cycle through a real spreadsheet program: LibreOffice Calc, headless.

A request from `jtr request` must open in Calc as it is (converted to CSV and to PDF, its
cells read back equal to what jtr wrote), and a reply filled in and saved again by Calc (which
rewrites styles, dates, string storage and the hidden sheet's state) must still import, with
its drop-down list and date validation intact. `.ci/install-libreoffice` installs Debian's
`libreoffice-calc-nogui` when it is missing; elsewhere these tests are skipped, saying why.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, new_repo, run
from typer.testing import CliRunner

from jtr.labels import label
from jtr.roadmap import open_roadmap
from jtr.sheets.request import COLUMNS, STATUSES

FIXTURE = ROOT / "tests" / "fixtures" / "districts.yaml"
AS_OF = "2026-11-26"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice is not installed (.ci/install-libreoffice installs "
        "libreoffice-calc-nogui)",
    ),
]


def soffice(tmp_path: Path, target: str, source: Path, outdir: Path) -> Path:
    """`soffice --headless --convert-to TARGET` with a profile of its own; the file written."""
    assert SOFFICE is not None
    outdir.mkdir(exist_ok=True)
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    written = outdir / f"{source.stem}.{target.split(':')[0]}"
    assert written.is_file(), done.stdout + done.stderr
    return written


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    """The districts fixture in a git work tree (so that `jtr diff` can compare)."""
    return new_repo(tmp_path / "repo", FIXTURE)


def request(roadmap: Path, out: Path, *args: str) -> Path:
    code, _out, err = run(
        CliRunner(), "-f", str(roadmap), "--lang", "ja", "request", "--as-of", AS_OF,
        "-o", str(out), *args,
    )  # fmt: skip
    assert code == 0, err
    return out


def sheet_values(path: Path) -> list[list[str]]:
    """The reply sheet's cells as text, the way a CSV export writes them."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [
        ["" if v is None else str(v) for v in row]
        for row in book.worksheets[0].iter_rows(values_only=True)
    ]


def test_a_request_opens_in_calc_as_written(roadmap: Path, tmp_path: Path) -> None:
    made = request(roadmap, tmp_path / "支所.xlsx", "--owner", "shisho")
    # UTF-8 CSV of the first sheet: Calc read every cell jtr wrote, nothing repaired or lost.
    text = soffice(tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76", made, tmp_path / "csv")
    with text.open(encoding="utf-8", newline="") as handle:
        cells = list(csv.reader(handle))
    expected = sheet_values(made)
    assert cells[0] == [label(key, "ja") for key, _answered in COLUMNS]
    assert cells == expected
    assert {row[0] for row in cells[1:]} >= {"district-dock-run", "requested-work-prepare"}
    # And it prints: a PDF whose pages hold the Japanese headings and every task id.
    pdf = soffice(tmp_path, "pdf", made, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for key in ("task_id_col", "new_state_col", "date_col"):
            assert label(key, "ja") in words, key
        for row in expected[1:]:
            assert row[0] in words
        assert "_jtr" not in words and "format" not in words  # the hidden sheet is not printed


def fill(path: Path, answers: dict[int, tuple[Any, Any, Any, Any]]) -> None:
    """Type into the input cells only (I status, J date, K note, L who), as a person would."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.worksheets[0]
    for row, values in answers.items():
        for column, value in zip("IJKL", values, strict=True):
            sheet[f"{column}{row}"] = value
    book.save(path)


def test_a_reply_saved_again_by_calc_imports(roadmap: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    made = request(roadmap, tmp_path / "miwa.xlsx", "--district", "miwa")
    rows = {r[0]: n for n, r in enumerate(sheet_values(made)[1:], start=2)}
    assert set(rows) == {"district-dock-run"}
    fill(made, {rows["district-dock-run"]: ("完了", "２０２６-１２-０５", "全戸配布済み", "三輪")})
    saved = soffice(tmp_path, "xlsx", made, tmp_path / "calc")
    assert saved.read_bytes() != made.read_bytes()  # Calc wrote the file its own way

    # The drop-down, the date validation and the protection survive Calc's round trip.
    sheet = load_workbook(saved).worksheets[0]
    validations = {v.type: v for v in sheet.data_validations.dataValidation}
    listed = validations["list"].formula1.strip('"').split(",")
    assert listed == [label(s, "ja") for s in STATUSES]
    assert f"I{rows['district-dock-run']}" in str(validations["list"].sqref)
    assert "date" in validations
    assert sheet.protection.sheet
    assert not sheet["I2"].protection.locked and sheet["A2"].protection.locked

    code, out, err = run(CliRunner(), "-f", str(roadmap), "--lang", "ja", "import", str(saved))
    assert code == 0, err
    assert out == "miwa.xlsx: 1 件を記録しました\n"
    task = next(t for t in open_roadmap(roadmap).model.tasks() if t.id == "district-dock-run")
    last = task.history[-1]
    assert (last.district, last.status, last.date, last.note) == (
        "miwa",
        "done",
        dt.date(2026, 12, 5),
        "全戸配布済み",
    )
    code, out, err = run(
        CliRunner(), "-f", str(roadmap), "status", "--format", "json", "--as-of", "2026-12-07"
    )
    assert code == 0, err
    assert '"miwa"' in out and "全戸配布済み" in json.dumps(json.loads(out), ensure_ascii=False)
    code, out, err = run(CliRunner(), "-f", str(roadmap), "--lang", "en", "diff")
    assert code == 1, err  # differences
    assert "2026-12-05" in out and "done" in out
    # The same reply again: nothing new, nothing written.
    before = roadmap.read_bytes()
    code, _out, err = run(CliRunner(), "-f", str(roadmap), "import", str(saved))
    assert code == 0 and "nothing new" in err
    assert roadmap.read_bytes() == before


def test_calc_keeps_the_ids_and_the_owner(roadmap: Path, tmp_path: Path) -> None:
    """Owner replies saved by Calc: rows answered for several tasks, one refused by cell."""
    made = request(roadmap, tmp_path / "支所.xlsx", "--owner", "shisho")
    rows = [r[:2] for r in sheet_values(made)[1:]]
    first = rows.index(["requested-work-prepare", ""]) + 2
    dock = rows.index(["district-dock-run", "serita"]) + 2
    fill(
        made,
        {
            first: ("実施中", dt.datetime(2026, 12, 1), None, "支所長"),
            dock: ("終わった", dt.datetime(2026, 12, 2), None, None),
        },
    )
    saved = soffice(tmp_path, "xlsx", made, tmp_path / "calc")
    before = roadmap.read_bytes()
    code, _out, err = run(CliRunner(), "-f", str(roadmap), "import", str(saved))
    assert code == 2
    assert f"jtr: error: 支所.xlsx!{label('request_sheet', 'ja')}!I{dock}: " in err
    assert roadmap.read_bytes() == before
    fill(saved, {dock: ("完了", dt.datetime(2026, 12, 2), None, None)})
    code, out, err = run(CliRunner(), "-f", str(roadmap), "import", str(saved))
    assert code == 0, err
    assert out == "支所.xlsx: recorded 2 records\n"
