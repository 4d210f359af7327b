"""`jtr export`: every format parsed back with a real parser and checked against the roadmap.

The progress fixture (tests/fixtures/progress.yaml) shows every derived state as of
2026-11-26; EXPECTED below is what its header comment says each task's state is then, written
out by hand rather than computed by jtr, so the exports are checked against the data and not
against themselves. The shipped roadmap is checked for completeness (every task, once).
The browser checks are in test_export_browser.py, mermaid's own parser in
test_export_mermaid_node.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import io
import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from helpers import invoke
from typer.testing import CliRunner

from jtr.cli.export import ExportFormat
from jtr.export import EXPORTERS, JSON_SCHEMA_ID, format_for, json_schema_path
from jtr.export._common import STATE_SYMBOLS, task_rows
from jtr.export.mermaid import TAGS
from jtr.fileio import atomic_write
from jtr.i18n import t
from jtr.loader import load_text
from jtr.model import Roadmap, build
from jtr.roadmap import open_roadmap
from jtr.status import STATES, RoadmapState, filter_state, roadmap_state

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = dt.date(2026, 11, 26)

# The progress fixture's tasks and their states as of 2026-11-26 (see its header comment).
EXPECTED = {
    "welfare-workers-decide": "done",
    "welfare-workers-pilot": "cancelled",
    "district-dock-run": "done",
    "labour-management-desk": "overdue",
    "labour-management-guide": "overdue",
    "committee-nominations-decide": "delayed",
    "committee-nominations-apply": "not_yet_due",
    "fundraising-decide": "in_progress",
    "welfare-support-subsidy": "on_hold",
    "requested-work-prepare": "due",
    "requested-work-mayor-policy": "overdue",
    "requested-work-briefing": "done",
}
RECURRING = {"requested-work-mayor-policy": 3, "requested-work-briefing": 3}
# Each fiscal year of the recurring tasks, as of 2026-11-26.
OCCURRENCES = {
    "requested-work-mayor-policy": {2024: "done", 2025: "overdue", 2026: "done"},
    "requested-work-briefing": {2024: "done", 2025: "done", 2026: "done"},
}
# Text that every format must carry safely: markup, Mermaid's and iCalendar's separators,
# a spreadsheet formula, a Markdown table's pipe.
NASTY = '=<b>Bold</b> & "quoted" a:b#c;d%%e|f,g\\h'
NASTY_ID = "labour-management-guide"


@cache
def progress() -> Roadmap:
    return open_roadmap(PROGRESS).model


@cache
def shipped() -> Roadmap:
    return open_roadmap(ROADMAP).model


@cache
def nasty() -> Roadmap:
    """The progress fixture with one task titled NASTY in both languages."""
    text = PROGRESS.read_text(encoding="utf-8")
    quoted = json.dumps(NASTY, ensure_ascii=False)
    text = text.replace("ja: 労務管理の手引き作成", f"ja: {quoted}", 1)
    text = text.replace("en: Write a labour-management guide", f"en: {quoted}", 1)
    roadmap = build(load_text(text, "nasty.yaml"))
    assert any(task.title.ja == NASTY for task in roadmap.tasks())
    return roadmap


# A title that is template syntax and markup ends: text in every document, never evaluated.
TEMPLATE_TITLE = "{{ 7*7 }} {% raw %}r{% endraw %} {# c #} </script><script>x()</script> ]]> &amp;"


@cache
def retitled(title: str) -> Roadmap:
    """The progress fixture with the roadmap and NASTY_ID's task titled `title` (ja and en)."""
    text = PROGRESS.read_text(encoding="utf-8")
    quoted = json.dumps(title, ensure_ascii=False)
    for old in (
        "ja: 住民自治リフレッシュプロジェクト ロードマップ2023（進捗記録つき試験用）",
        "en: Residents' Self-Governance Refresh Project Roadmap 2023 (test copy with progress)",
        "ja: 労務管理の手引き作成",
        "en: Write a labour-management guide",
    ):
        assert old in text, old
        text = text.replace(old, f"{old[:4]}{quoted}", 1)
    roadmap = build(load_text(text, "retitled.yaml"))
    assert roadmap.title.ja == title
    return roadmap


def state_of(roadmap: Roadmap, day: dt.date = AS_OF) -> RoadmapState:
    return roadmap_state(roadmap, day)


def all_task_ids(roadmap: Roadmap) -> list[str]:
    return [task.id for task in roadmap.tasks()]


def text_export(name: str, roadmap: Roadmap, lang: str = "ja", day: dt.date = AS_OF) -> str:
    document = EXPORTERS[name].export(state_of(roadmap, day), lang)
    assert isinstance(document, str)
    return document


# ---- the registry and the command ---------------------------------------------------------


def test_every_format_choice_has_an_exporter_and_vice_versa() -> None:
    assert {f.value for f in ExportFormat} == set(EXPORTERS)
    for name, exporter in EXPORTERS.items():
        assert exporter.name == name
        assert exporter.extension.startswith(".")
        assert "/" in exporter.media_type
        assert format_for(f"report{exporter.extension}") == name
        document = exporter.export(state_of(progress()), "ja")
        assert isinstance(document, bytes if exporter.binary else str), name
    assert [n for n, e in EXPORTERS.items() if e.binary] == ["xlsx"]


def test_importing_the_command_imports_no_exporter() -> None:
    """`jtr status` starts as fast with `jtr export` registered: nothing heavy is imported."""
    import ast

    code = "import sys, jtr.cli; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "jtr.cli.export" in loaded
    heavy = ("jtr.export.", "openpyxl", "icalendar", "jinja2", "markupsafe")
    assert not {m for m in loaded if m.startswith(heavy)}
    # What the command module itself imports at the top: the shared options, the format
    # registry (which imports no exporter), the catalog and light standard modules.
    tree = ast.parse((ROOT / "jtr" / "cli" / "export.py").read_text(encoding="utf-8"))
    top = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            top.add(node.module or "")
    allowed = {"enum", "sys", "pathlib", "typing", "typer", "jtr.cli.options", "jtr.export"}
    allowed.add("jtr.labels")
    assert top <= allowed, top


def test_text_goes_to_standard_output(runner: CliRunner) -> None:
    result = invoke(
        runner, "export", "--format", "csv", "-f", str(PROGRESS), "--as-of", "2026-11-26"
    )
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeff".encode())
    assert b"\r\n" in result.stdout_bytes


def test_output_file_is_written_atomically_with_its_permissions(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    result = invoke(
        runner, "export", "-o", str(target), "-f", str(PROGRESS), "--as-of", "2026-11-26"
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # from the extension
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert "wrote" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary left


def test_a_new_file_gets_the_umask_default(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "tasks.csv"
    old = os.umask(0o022)
    try:
        result = invoke(runner, "export", "-o", str(target), "-f", str(PROGRESS))
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_symbolic_link_is_followed_not_replaced(runner: CliRunner, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert invoke(runner, "export", "-o", str(link), "-f", str(PROGRESS)).exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# ")


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old")

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "choose a format"),
        (("-o", "notes.txt"), "choose a format"),
        (("--format", "pdf"), "pdf"),
        (("--format", "csv", "--course", "course-9"), "no such course"),
        (("--format", "csv", "--owner", "mayor"), "no such owner"),
        (("--format", "csv", "--state", "finished"), "--state"),
        (("--format", "csv", "--as-of", "someday"), "--as-of"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: tuple[str, ...], message: str) -> None:
    result = invoke(runner, "export", "-f", str(PROGRESS), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_an_unwritable_output_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(
        runner, "export", "-o", str(tmp_path / "missing" / "x.csv"), "-f", str(PROGRESS)
    )
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_an_invalid_roadmap_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "roadmap.yaml"
    text = PROGRESS.read_text(encoding="utf-8").replace("owners: [chikatsu]", "owners: [chikatu]")
    broken.write_text(text, encoding="utf-8")
    result = invoke(runner, "export", "--format", "json", "-f", str(broken))
    assert result.exit_code == 1
    assert "chikatu" in result.stderr


def _run_cli(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    code = "import sys; from jtr.cli import app; sys.argv[0] = 'jtr'; app()"
    return subprocess.run([sys.executable, "-c", code, *args], check=False, **kwargs)


def test_binary_output_is_refused_on_a_terminal_and_fine_in_a_pipe() -> None:
    pty = pytest.importorskip("pty")
    args = ["export", "--format", "xlsx", "-f", str(PROGRESS)]
    leader, follower = pty.openpty()
    try:
        run = _run_cli(args, stdout=follower, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert run.returncode == 2
    assert b"-o FILE.xlsx" in run.stderr
    piped = _run_cli(args, capture_output=True, timeout=60)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"PK\x03\x04")  # a zip: the workbook


@pytest.mark.parametrize(
    "filters",
    [
        ["--course", "Ⅱ"],
        ["--owner", "chikatsu"],
        ["--state", "overdue"],
        ["--state", "done", "--state", "cancelled"],
        ["--course", "course-2024", "--owner", "shisho"],
    ],
)
def test_filters_match_jtr_status(runner: CliRunner, filters: list[str]) -> None:
    common = ["-f", str(PROGRESS), "--as-of", "2026-11-26", *filters]
    status = json.loads(invoke(runner, "status", "--format", "json", *common).stdout)
    # A shared task shows under every item it serves; the exports hold it once.
    shown = sorted({tk["id"] for c in status["courses"] for i in c["items"] for tk in i["tasks"]})
    assert shown, "each filter must keep some tasks, or the comparisons below prove nothing"
    out = invoke(runner, "export", "--format", "csv", *common).stdout_bytes.decode("utf-8-sig")
    exported = [row[3] for row in list(csv.reader(io.StringIO(out)))[1:]]
    assert sorted(exported) == shown
    data = json.loads(invoke(runner, "export", "--format", "json", *common).stdout)
    in_json = [
        tk["id"] for c in data["roadmap"]["courses"] for i in c["items"] for tk in i["tasks"]
    ]
    assert sorted(in_json) == shown and data["filtered"] is True


def test_as_of_a_fiscal_year_and_lang(runner: CliRunner) -> None:
    out = invoke(
        runner, "export", "--format", "csv", "-f", str(PROGRESS), "--as-of", "R6", "--lang", "en"
    ).stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["Course"].endswith("2024 Course")
    states = {r["Task id"]: r["State code"] for r in rows}
    # 2025-03-31: welfare-workers-decide was recorded done on 2025-02-10; the desk is still due.
    assert states["welfare-workers-decide"] == "done"
    assert states["labour-management-desk"] == "due"


# ---- CSV and TSV ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_delimited_parses_back(name: str, delimiter: str) -> None:
    text = text_export(name, progress())
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    assert raw.count(b"\n") == raw.count(b"\r\n"), "every line ends in CRLF"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["コース", "番号", "見直し項目", "課題ID", "課題"]
    assert len({len(r) for r in rows}) == 1
    records = [dict(zip(header, r, strict=True)) for r in body]
    assert Counter(r["課題ID"] for r in records) == Counter(set(EXPECTED))  # every task, once
    assert {r["課題ID"]: r["状態コード"] for r in records} == EXPECTED
    by_id = {r["課題ID"]: r for r in records}
    assert by_id["labour-management-desk"]["状態"] == "期限超過 (記録なし)"
    assert by_id["requested-work-mayor-policy"]["毎年度"] == "○"
    assert "令和7年度 期限超過" in by_id["requested-work-mayor-policy"]["状態"]
    assert by_id["committee-nominations-decide"]["最新の記録"].startswith("2026-09-01 遅延")
    assert by_id["fundraising-decide"]["備考"] == "共通の課題: Ⅱ-3"
    assert by_id["fundraising-decide"]["担当"] == "住自協・支所・担当課・地活課"
    assert (
        by_id["welfare-workers-decide"]["開始年度"],
        by_id["welfare-workers-decide"]["年度"],
    ) == (
        "2024",
        "令和6年度",
    )


def test_delimited_shipped_roadmap_has_every_task() -> None:
    rows = list(csv.reader(io.StringIO(text_export("csv", shipped()).lstrip("\ufeff"))))
    assert [r[3] for r in rows[1:]] == all_task_ids(shipped())


def test_delimited_neutralises_formulas_and_keeps_text() -> None:
    text = text_export("csv", nasty(), "en")
    rows = {r[3]: r for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))}
    assert rows[NASTY_ID][4] == "'" + NASTY


# ---- XLSX -------------------------------------------------------------------------------------


def _workbook(roadmap: Roadmap, lang: str = "ja") -> Any:
    openpyxl = pytest.importorskip("openpyxl")
    data = EXPORTERS["xlsx"].export(state_of(roadmap), lang)
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_parses_back() -> None:
    from rich.cells import cell_len

    book = _workbook(progress())
    assert book.sheetnames == ["課題", "見直し項目"]
    tasks = book["課題"]
    header = [c.value for c in tasks[1]]
    assert header[3] == "課題ID" and all(c.font.bold for c in tasks[1])
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref.startswith("A1:")
    rows = [[c.value for c in row] for row in tasks.iter_rows(min_row=2)]
    assert {r[3]: r[11] for r in rows} == EXPECTED
    assert len(rows) == len(EXPECTED)
    # The same cells as the CSV, numbers as numbers.
    csv_rows = list(csv.reader(io.StringIO(text_export("csv", progress()).lstrip("\ufeff"))))[1:]
    assert [[("" if v is None else str(v)) for v in r] for r in rows] == csv_rows
    assert all(isinstance(r[1], int) and isinstance(r[6], int) for r in rows)
    # Columns fit their Japanese text (a kanji counts two), up to the maximum.
    for index, title in enumerate(header):
        letter = chr(ord("A") + index)
        widest = max(cell_len(str(r[index] or "")) for r in [header, *rows])
        assert tasks.column_dimensions[letter].width >= min(widest, 60), title
    items = book["見直し項目"]
    assert items.freeze_panes == "A2"
    item_ids = [row[2].value for row in items.iter_rows(min_row=2)]
    assert item_ids == [i.id for i in progress().items()]
    decided = {row[2].value: row[9].value for row in items.iter_rows(min_row=2)}
    assert decided["welfare-workers"].date() == dt.date(2024, 12, 20)


def test_xlsx_keeps_text_that_looks_like_a_formula() -> None:
    book = _workbook(nasty(), "en")
    cell = next(
        row[4] for row in book.worksheets[0].iter_rows(min_row=2) if row[3].value == NASTY_ID
    )
    assert cell.value == NASTY and cell.data_type == "s"


def test_xlsx_shipped_roadmap_has_every_task() -> None:
    book = _workbook(shipped(), "en")
    assert [r[3].value for r in book.worksheets[0].iter_rows(min_row=2)] == all_task_ids(shipped())
    # Then a sheet of the districts, if it has district-scoped tasks, and one listing the
    # readings of the seed, if the roadmap records any.
    districts = ["Districts"] if any(t.districts for t in shipped().tasks()) else []
    readings = ["Readings"] if shipped().readings else []
    assert book.sheetnames == ["Tasks", "Items", *districts, *readings]


# ---- HTML -------------------------------------------------------------------------------------


class Page(HTMLParser):
    """The parts of the report the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text_in: dict[str, list[str]] = {}
        self.style = ""
        self.scripts = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag not in ("meta", "col", "br", "link", "img", "input"):
            self.stack.append((tag, values))
        self._in_style = tag == "style"
        self.scripts += tag == "script"

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        for _tag, attrs in self.stack:
            for key in ("data-task", "data-item", "id"):
                if key in attrs:
                    self.text_in.setdefault(f"{key}={attrs[key]}", []).append(data)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for name, a in self.tags
            if name == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def text(self, key: str) -> str:
        return "".join(self.text_in.get(key, []))


def page(document: str) -> Page:
    parser = Page()
    parser.feed(document)
    parser.close()
    return parser


def test_html_is_self_contained_and_accessible() -> None:
    document = text_export("html", progress())
    doc = page(document)
    assert doc.all("html")[0]["lang"] == "ja"
    assert doc.scripts == 0
    assert not doc.all("link") and not doc.all("img") and not doc.all("iframe")
    for _tag, attrs in doc.tags:  # no address to fetch anything from
        for key in ("src", "href", "action", "srcset", "data"):
            assert key not in attrs or attrs[key].startswith("#"), (key, attrs)
    assert "url(" not in doc.style and "@import" not in doc.style
    csp = doc.all("meta", http_equiv="Content-Security-Policy")[0]["content"]
    assert "default-src 'none'" in csp
    # Prints on A4 landscape, with colours.
    assert re.search(r"@page\s*\{[^}]*size:\s*A4 landscape", doc.style)
    assert "@media print" in doc.style and "print-color-adjust:exact" in doc.style
    # Real tables with header cells that say what they head.
    assert len(doc.all("table")) >= 4
    assert all(th.get("scope") in ("col", "row", "rowgroup") for th in doc.all("th"))


def test_html_timeline_and_tables_match_the_roadmap() -> None:
    doc = page(text_export("html", progress()))
    rows = doc.all("tr", **{"class": "task"})
    # Tasks shared with another item show under both; each task's state is the expected one.
    assert {r["data-task"]: r["data-state"] for r in rows} == EXPECTED
    assert Counter(r["data-task"] for r in rows)["fundraising-decide"] == 2
    years = sorted({int(th["data-year"]) for th in doc.all("th") if "data-year" in th})
    assert years == list(range(2023, 2028))
    assert [th["data-year"] for th in doc.all("th") if "now" in th.get("class", "")] == ["2026"] * 2
    for task_id, state in EXPECTED.items():  # the state in words, not colour alone
        assert t(state, "ja") in doc.text(f"data-task={task_id}")
        assert STATE_SYMBOLS[state] in doc.text(f"data-task={task_id}")
    bars = [b for b in doc.all("span") if "bar" in b.get("class", "").split()]
    recurring = [b for b in bars if "recurring" in b["class"]]
    assert len(recurring) == sum(RECURRING.values())
    assert [b["data-state"] for b in recurring] == [
        *OCCURRENCES["requested-work-mayor-policy"].values(),
        *OCCURRENCES["requested-work-briefing"].values(),
    ]
    # Item cards with 現状 and goal images.
    cards = doc.all("article", **{"class": "card"})
    assert [c["data-item"] for c in cards] == [i.id for i in progress().items()]
    card = doc.text("id=item-labour-management")
    assert "現状" in card and "専門性の高い労務管理が負担" in card
    assert "ゴールイメージ" in card and "住民と行政の役割分担が明確になっている状態" in card
    # The summary and the items needing attention.
    summary = doc.text("id=summary")
    assert "目標未達 1" in summary and "要対応の項目 (4)" in summary


def test_html_english_and_shipped() -> None:
    doc = page(text_export("html", shipped(), "en"))
    assert doc.all("html")[0]["lang"] == "en"
    ids = [r["data-task"] for r in doc.all("tr", **{"class": "task"})]
    assert set(ids) == set(all_task_ids(shipped()))
    assert "overdue (no record)" in doc.text(f"data-task={ids[0]}")


def test_html_escapes_roadmap_text() -> None:
    document = text_export("html", nasty())
    assert "<b>Bold</b>" not in document
    doc = page(document)
    assert not doc.all("b")
    assert NASTY in doc.text(f"data-task={NASTY_ID}")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html_template_syntax_in_a_title_is_text(lang: str) -> None:
    document = text_export("html", retitled(TEMPLATE_TITLE), lang)
    doc = page(document)
    assert doc.scripts == 0 and "</script>" not in document and "]]>" not in document
    assert TEMPLATE_TITLE in doc.text(f"data-task={NASTY_ID}")  # as written: nothing evaluated
    assert "49" not in doc.text(f"data-task={NASTY_ID}")
    title = document.split("<title>", 1)[1].split("</title>", 1)[0]
    assert html.unescape(title) == f"{TEMPLATE_TITLE} — {t('as_of', lang)} 2026-11-26"
    # In the <title>, the heading, the footer and the task's rows: each time as written.
    assert document.count("{{ 7*7 }}") == document.count("{% raw %}") >= 4


def test_html_shows_hidden_characters_in_every_value() -> None:
    """The escaping of hidden characters is the environment's, not each template's: every
    printed value passes jtr.escape.document, and autoescape escapes what that shows."""
    hidden = "a\u202eb\u200bc\x1bd"
    document = text_export("html", retitled(hidden))
    assert "\u202e" not in document and "\u200b" not in document and "\x1b" not in document
    assert document.count("a&lt;U+202E&gt;b&lt;U+200B&gt;c\\x1bd") >= 4
    assert "&lt;U+202E&gt;" in document.split("<title>")[1].split("</title>")[0]


def test_html_style_needs_no_escaping() -> None:
    """A browser decodes no character reference inside <style>: the style sheet, printed
    through the autoescaping environment, must contain nothing that it escapes."""
    document = text_export("html", progress())
    style = document.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "&" not in style and "<" not in style
    assert '"Noto Sans CJK JP"' in style and ".s-overdue{background:" in style


def test_templates_escape_by_default() -> None:
    from jtr.export.templates import environment

    env = environment()
    assert env.autoescape is True
    # Any template of this environment, even one that forgets: markup escaped, hidden shown.
    shown = env.from_string("<p>{{ x }}</p>").render(x="<b>\u202e")
    assert shown == "<p>&lt;b&gt;&lt;U+202E&gt;</p>"
    assert env.from_string("{{ x }}").render(x=7) == "7"
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()
    with pytest.raises(TypeError, match="None"):
        env.from_string("{{ x }}").render(x=None)
    folder = ROOT / "jtr" / "export" / "templates"
    names = sorted(p.name for p in folder.glob("*.j2"))
    assert names == ["report.css.j2", "report.html.j2", "timeline.svg.j2"]
    for path in folder.glob("*.j2"):  # nothing marked safe by hand
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, path


# ---- SVG --------------------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_is_a_standalone_picture_of_the_timeline() -> None:
    document = text_export("svg", progress())
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width", 0)) > 800 and root.get("viewBox")
    assert "Noto Sans CJK JP" in root.get("font-family", "")
    assert root.find(f"{SVG}title") is not None and "基準日 2026-11-26" in root.findtext(
        f"{SVG}title", ""
    )
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "task"]
    assert {g.get("data-task"): g.get("data-state") for g in groups} == EXPECTED
    for group in groups:  # every bar says its state in a symbol (and words where they fit)
        state = group.get("data-state")
        labels = [x.text or "" for x in group.iter(f"{SVG}text") if x.get("class") == "bar-label"]
        assert labels and all(STATE_SYMBOLS[s] in "".join(labels) for s in [state] if not RECURRING.get(group.get("data-task", ""))), group.get("data-task")  # fmt: skip
    mayor = next(g for g in groups if g.get("data-task") == "requested-work-mayor-policy")
    occurrences = {
        int(o.get("data-year", 0)): o.get("data-state")
        for o in mayor.iter(f"{SVG}g")
        if o.get("class") == "occurrence"
    }
    assert occurrences == OCCURRENCES["requested-work-mayor-policy"]
    texts = "".join(x.text or "" for x in root.iter(f"{SVG}text"))
    assert "令和8年度" in texts and "着陸期" in texts and "凡例" in texts
    legend = [g.get("data-key") for g in root.iter(f"{SVG}g") if g.get("class") == "legend-entry"]
    assert set(STATES) <= set(legend)
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert {f"p-{s}" for s in STATES if s != "done"} == patterns
    as_of = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "as-of")
    assert as_of.get("data-date") == "2026-11-26"
    years = [g.get("data-year") for g in root.iter(f"{SVG}g") if g.get("class") == "year"]
    assert years == [str(y) for y in range(2023, 2028)]


def test_svg_shipped_and_escaped() -> None:
    root = ET.fromstring(text_export("svg", shipped(), "en").encode("utf-8"))
    listed = [g.get("data-task") for g in root.iter(f"{SVG}g") if g.get("class") == "task"]
    assert set(listed) == set(all_task_ids(shipped()))
    root = ET.fromstring(text_export("svg", nasty()).encode("utf-8"))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-task") == NASTY_ID)
    assert NASTY in (group.findtext(f"{SVG}title") or "")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_svg_template_syntax_in_a_title_is_text(lang: str) -> None:
    document = text_export("svg", retitled(TEMPLATE_TITLE), lang)
    assert "]]>" not in document and "<script" not in document
    root = ET.fromstring(document.encode("utf-8"))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-task") == NASTY_ID)
    assert (group.findtext(f"{SVG}title") or "").startswith(TEMPLATE_TITLE + " — ")
    assert root.findtext(f"{SVG}title", "").startswith(TEMPLATE_TITLE + " — ")
    title = next(x for x in root.iter(f"{SVG}text") if x.get("class") == "title")
    assert title.text == TEMPLATE_TITLE
    assert not [e for e in root.iter() if e.tag == f"{SVG}script"]


def test_templates_drop_the_characters_xml_forbids() -> None:
    """U+FFFE and U+FFFF make an SVG unreadable to an XML parser; the YAML loader refuses them
    in a roadmap, and the templates' environment drops them from any other value."""
    from jtr.export.templates import environment

    svg = environment().from_string("<text>{{ x }}</text>").render(x="a\ufffeb\uffffc\u202ed")
    assert ET.fromstring(svg).text == "abc<U+202E>d"


# ---- Mermaid: a strict check of the gantt grammar this exporter writes -------------------------

DATE = r"\d{4}-\d{2}-\d{2}"
MERMAID_LINE = {
    "header": re.compile(r"gantt"),
    "title": re.compile(r"    title [^\n]+"),
    "acc": re.compile(r"    acc(Title|Descr): [^\n]+"),
    "setting": re.compile(
        r"    (dateFormat YYYY-MM-DD|axisFormat %Y-%m|tickInterval 3month|inclusiveEndDates|todayMarker off)"
    ),
    "section": re.compile(r"    section [^\n:#;%]+"),
    "task": re.compile(
        rf"    (?P<title>[^\n:#;%]+?) :(?P<tags>(?:(?:done|active|crit|milestone), )*)"
        rf"(?P<id>[a-z0-9][a-z0-9-]*), (?P<start>{DATE}), (?P<end>{DATE}|0d)"
    ),
}


def parse_mermaid(text: str) -> dict[str, dict[str, Any]]:
    """The tasks of a gantt definition as this exporter writes it, or AssertionError."""
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == "gantt"
    tasks: dict[str, dict[str, Any]] = {}
    section = None
    for number, line in enumerate(lines[1:], start=2):
        kind = next((k for k, p in MERMAID_LINE.items() if p.fullmatch(line)), None)
        assert kind is not None, f"line {number} is not Mermaid gantt: {line!r}"
        if kind == "section":
            section = line.removeprefix("    section ")
        elif kind == "task":
            match = MERMAID_LINE["task"].fullmatch(line)
            assert match and section is not None
            task_id = match["id"]
            assert task_id not in tasks, f"duplicate id {task_id}"
            tags = [tag for tag in match["tags"].split(", ") if tag]
            start = dt.date.fromisoformat(match["start"])
            if match["end"] == "0d":
                assert tags == ["milestone"]
                end = start
            else:
                end = dt.date.fromisoformat(match["end"])
                assert start <= end and (start.month, start.day) == (4, 1)
                assert (end.month, end.day) == (3, 31)
            tasks[task_id] = {
                "title": match["title"], "tags": tags, "start": start, "end": end,
                "section": section,
            }  # fmt: skip
    return tasks


def test_mermaid_is_a_valid_gantt_of_the_roadmap() -> None:
    tasks = parse_mermaid(text_export("mermaid", progress()))
    roadmap = progress()
    for task in roadmap.tasks():
        entry = tasks[task.id]
        assert entry["start"] == dt.date(task.years.start, 4, 1)
        assert entry["end"] == dt.date(task.years.end + 1, 3, 31)
        assert tuple(entry["tags"]) == TAGS[EXPECTED[task.id]]
        assert t(EXPECTED[task.id], "ja") in entry["title"]
    assert tasks["as-of"]["start"] == AS_OF
    assert tasks["course-2024-target"]["start"] == dt.date(2025, 3, 31)
    assert tasks["course-2026-target"]["section"].startswith("Ⅱ")
    assert tasks["phase-landing"] == {
        **tasks["phase-landing"], "start": dt.date(2026, 4, 1), "end": dt.date(2028, 3, 31)
    }  # fmt: skip
    assert {k for k in tasks if not k.startswith(("phase-", "course-", "as-of"))} == set(EXPECTED)


def test_mermaid_escapes_its_separators() -> None:
    tasks = parse_mermaid(text_export("mermaid", nasty(), "en"))
    title = tasks[NASTY_ID]["title"]
    assert "：" in title and "＃" in title and "；" in title and "％％" in title
    shipped_tasks = parse_mermaid(text_export("mermaid", shipped(), "en"))
    assert set(all_task_ids(shipped())) <= set(shipped_tasks)


# ---- Markdown ---------------------------------------------------------------------------------


def _table_cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_has_summary_tables_and_the_mermaid_timeline() -> None:
    text = text_export("markdown", progress())
    assert text.startswith("# 住民自治リフレッシュプロジェクト")
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block and block.group(1) == text_export("mermaid", progress())
    # Every table row has as many cells as its header.
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(_table_cells(line))
        previous = line
    for table in tables:
        assert len({len(row) for row in table}) == 1, table[0]
    task_tables = [tb for tb in tables if tb[0][:2] == ["番号", "課題"]]
    rows = [r for tb in task_tables for r in tb[2:]]
    assert len(rows) == len(EXPECTED)
    titles = {task.title.ja: task.id for task in progress().tasks()}
    for row in rows:
        title = row[1].split(" (共通の課題")[0]
        state = EXPECTED[titles[title]]
        assert row[3].startswith(f"{STATE_SYMBOLS[state]} {t(state, 'ja')}")


def test_markdown_escapes_table_text() -> None:
    text = text_export("markdown", nasty(), "en")
    line = next(x for x in text.splitlines() if "Bold" in x and x.startswith("|"))
    assert "\\|" in line and "&lt;b&gt;" in line
    assert len(_table_cells(line)) == 5


# ---- iCalendar --------------------------------------------------------------------------------


def _calendar(roadmap: Roadmap, lang: str = "ja") -> tuple[str, Any]:
    icalendar = pytest.importorskip("icalendar")
    text = text_export("ics", roadmap, lang)
    return text, icalendar.Calendar.from_ical(text)


def test_ics_is_rfc5545_text() -> None:
    text, _ = _calendar(nasty())
    raw = text.encode("utf-8")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    for line in raw.split(b"\r\n"):
        line.decode("utf-8")  # folding never splits a character
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    unfolded = text.replace("\r\n ", "")
    assert "a:b#c\\;d%%e|f\\,g\\\\h" in unfolded  # TEXT escaping


def test_ics_folds_at_75_octets_never_inside_a_character() -> None:
    title = "あ" * 30 + ";,\\" * 12 + "い" * 30
    text, calendar = _calendar(retitled(title))
    lines = text.encode("utf-8").split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert sum(line.startswith(b" ") for line in lines) > 10  # folded, and often
    for line in lines:
        line.decode("utf-8")  # whole characters on each line
    escaped = title.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert escaped in text.replace("\r\n ", "")
    guide = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(NASTY_ID + "@"))
    assert str(guide["SUMMARY"]).startswith(f"Ⅰ-3 {title} — ")


def test_ics_keeps_a_backslash_n_in_the_text() -> None:
    """RFC 5545 writes a backslash as `\\\\`; `C:\\Nagano` stays that, not a line break.
    icalendar's own vText reads `\\N` in the text as a line break (the measured reason jtr
    escapes TEXT values itself); when it stops, the override in jtr/export/ics.py can go."""
    from icalendar import Event, vText

    text, _ = _calendar(retitled("C:\\Nagano \\n"))
    assert "C:\\\\Nagano \\\\n — " in text.replace("\r\n ", "")
    event = Event()
    event.add("SUMMARY", vText("C:\\Nagano"))
    assert b"SUMMARY:C:\\nagano" in event.to_ical()  # the library's reading, kept out


def test_ics_events_match_the_roadmap() -> None:
    from dateutil.rrule import rrulestr

    _, calendar = _calendar(progress())
    events = list(calendar.walk("VEVENT"))
    masters = [e for e in events if "RECURRENCE-ID" not in e]
    overrides = [e for e in events if "RECURRENCE-ID" in e]
    uids = [str(e["UID"]) for e in masters]
    assert len(uids) == len(set(uids)), "a UID per event"
    domain = "@progress-fixture.jtr"
    assert {u.removesuffix(domain) for u in uids} == set(EXPECTED) | {
        "course-2024-target", "course-2026-target",
    }  # fmt: skip
    roadmap = progress()
    for task in roadmap.tasks():
        event = next(e for e in masters if str(e["UID"]) == task.id + domain)
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date  # all-day
        summary = str(event["SUMMARY"])
        assert t(EXPECTED[task.id], "ja") in summary
        assert str(event["STATUS"]) == ("CANCELLED" if EXPECTED[task.id] == "cancelled" else "CONFIRMED")  # fmt: skip
        if task.recurring:
            assert start == dt.date(task.years.start, 4, 1) and end == start + dt.timedelta(days=1)
            rule = event["RRULE"]
            assert rule["FREQ"] == ["YEARLY"] and rule["COUNT"] == [RECURRING[task.id]]
            dates = list(rrulestr(rule.to_ical().decode(), dtstart=dt.datetime(start.year, 4, 1)))
            assert [d.date() for d in dates] == [dt.date(y, 4, 1) for y in task.years.years()]
            mine = {
                e["RECURRENCE-ID"].dt: str(e["SUMMARY"])
                for e in overrides
                if str(e["UID"]) == task.id + domain
            }
            for year, state in OCCURRENCES[task.id].items():
                assert t(state, "ja") in mine[dt.date(year, 4, 1)]
        else:
            assert start == dt.date(task.years.start, 4, 1)
            assert end == dt.date(task.years.end + 1, 4, 1)  # DTEND is exclusive
            assert "RRULE" not in event
    target = next(e for e in masters if str(e["UID"]) == "course-2024-target" + domain)
    assert target["DTSTART"].dt == dt.date(2025, 3, 31)
    assert "2/3" in str(target["SUMMARY"])
    assert all(e["DTSTAMP"].dt == dt.datetime(2026, 11, 26, tzinfo=dt.timezone.utc) for e in events)


def test_ics_uids_are_stable_and_sequence_grows_with_progress() -> None:
    _, before = _calendar_at(dt.date(2024, 5, 1))
    _, after = _calendar_at(AS_OF)

    def sequences(calendar: Any) -> dict[str, int]:
        return {
            str(e["UID"]): int(e["SEQUENCE"])
            for e in calendar.walk("VEVENT")
            if "RECURRENCE-ID" not in e
        }

    early, late = sequences(before), sequences(after)
    assert set(early) == set(late)
    assert all(late[uid] >= early[uid] for uid in early)
    assert late["committee-nominations-decide@progress-fixture.jtr"] == 2


def _calendar_at(day: dt.date) -> tuple[str, Any]:
    icalendar = pytest.importorskip("icalendar")
    text = text_export("ics", progress(), "en", day)
    return text, icalendar.Calendar.from_ical(text)


def test_ics_shipped_roadmap() -> None:
    _, calendar = _calendar(shipped(), "en")
    uids = {str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")}
    assert set(all_task_ids(shipped())) <= uids


# ---- JSON -------------------------------------------------------------------------------------


@functools.cache
def _validator() -> Any:
    """The export's JSON Schema, checked against its meta-schema once per run."""
    import jsonschema

    schema = json.loads(json_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_json_schema_is_shipped_and_described() -> None:
    schema = json.loads(json_schema_path().read_text(encoding="utf-8"))
    assert json_schema_path().parent.name == "export"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == JSON_SCHEMA_ID
    assert schema["title"] and schema["description"]
    doc = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    assert "jtr/export/roadmap-export.schema.json" in doc


@pytest.mark.parametrize(
    "roadmap", [progress, shipped, nasty], ids=["progress", "shipped", "nasty"]
)
def test_json_validates_against_its_schema(roadmap: Any) -> None:
    data = json.loads(text_export("json", roadmap()))
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert data["$schema"] == JSON_SCHEMA_ID


def test_json_is_the_full_roadmap_with_derived_states() -> None:
    data = json.loads(text_export("json", progress()))
    raw = progress().raw
    assert raw is not None
    assert set(data["roadmap"]) == set(raw)
    for key in raw:
        if key != "courses":
            assert data["roadmap"][key] == raw[key], key
    tasks = {
        tk["id"]: tk for c in data["roadmap"]["courses"] for i in c["items"] for tk in i["tasks"]
    }
    assert {k: v["derived"]["state"] for k, v in tasks.items()} == EXPECTED
    mayor = tasks["requested-work-mayor-policy"]["derived"]
    assert {o["fiscal_year"]: o["state"] for o in mayor["occurrences"]} == OCCURRENCES[
        "requested-work-mayor-policy"
    ]
    assert tasks["fundraising-decide"]["derived"]["listed_under"] == [
        "fundraising",
        "welfare-support",
    ]
    assert tasks["labour-management-desk"]["derived"]["recorded"] is False
    items = {i["id"]: i for c in data["roadmap"]["courses"] for i in c["items"]}
    assert items["welfare-support"]["derived"]["shared_tasks"] == ["fundraising-decide"]
    assert items["welfare-workers"]["derived"]["decision"] == "2024-12-20"
    courses = {c["id"]: c["derived"] for c in data["roadmap"]["courses"]}
    assert courses["course-2024"]["goal"]["missed"] == ["labour-management"]
    assert courses["course-2024"]["target_date"] == "2025-03-31"
    assert data["filtered"] is False and data["check"]["ok"] is False
    # Records after the date stay in the roadmap but do not count.
    early = json.loads(text_export("json", progress(), day=dt.date(2026, 10, 14)))
    early_items = {i["id"]: i for c in early["roadmap"]["courses"] for i in c["items"]}
    assert early_items["committee-nominations"]["decision"]["date"] == "2026-10-15"
    assert early_items["committee-nominations"]["derived"]["decision"] is None


def test_json_filtered_state_is_still_valid() -> None:
    state = filter_state(state_of(progress()), states={"overdue"})
    data = json.loads(EXPORTERS["json"].export(state, "en"))
    assert not list(_validator().iter_errors(data))
    tasks = [tk["id"] for c in data["roadmap"]["courses"] for i in c["items"] for tk in i["tasks"]]
    assert sorted(tasks) == sorted(k for k, v in EXPECTED.items() if v == "overdue")
    assert data["filtered"] is True


# ---- what every format shares -----------------------------------------------------------------


def test_task_rows_list_every_task_once_even_when_filtered() -> None:
    full = state_of(progress())
    assert [r.task.task.id for r in task_rows(full)] == all_task_ids(progress())
    # Without its own item, a shared task is listed under the item it is shared with.
    only = filter_state(full, owners={"tantoka"})
    ids = [(r.item.item.id, r.task.task.id) for r in task_rows(only)]
    assert ("fundraising", "fundraising-decide") in ids
    only_support = RoadmapState(
        full.roadmap, full.as_of, full.fiscal_year, full.phase,
        tuple(
            c._replace(items=tuple(i for i in c.items if i.item.id == "welfare-support"))
            for c in full.courses
        ),
    )  # fmt: skip
    ids = [(r.item.item.id, r.task.task.id) for r in task_rows(only_support)]
    assert ids == [("welfare-support", "welfare-support-subsidy"), ("welfare-support", "fundraising-decide")]  # fmt: skip


@pytest.mark.parametrize("day", [dt.date(2022, 1, 1), dt.date(2024, 4, 1), dt.date(2031, 3, 31)])
@pytest.mark.parametrize("fixture", ["minimal.yaml", "timeline-progress.yaml", "progress.yaml"])
def test_every_format_works_before_during_and_after_the_period(fixture: str, day: dt.date) -> None:
    roadmap = open_roadmap(ROOT / "tests" / "fixtures" / fixture).model
    state = state_of(roadmap, day)
    ids = set(all_task_ids(roadmap))
    for lang in ("ja", "en"):
        outputs = {name: e.export(state, lang) for name, e in EXPORTERS.items()}
        ET.fromstring(str(outputs["svg"]).encode("utf-8"))
        assert not list(_validator().iter_errors(json.loads(str(outputs["json"]))))
        assert ids <= set(parse_mermaid(str(outputs["mermaid"])))
        rows = list(csv.reader(io.StringIO(str(outputs["csv"]).lstrip("\ufeff"))))[1:]
        assert sorted(r[3] for r in rows) == sorted(ids)
        html_rows = page(str(outputs["html"])).all("tr", **{"class": "task"})
        assert {r["data-task"] for r in html_rows} == ids
