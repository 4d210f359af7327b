"""The exports of district-scoped tasks (tests/fixtures/districts.yaml as of 2026-11-26),
each exported through the CLI and read back with a real parser: the workbook's district sheet
and the tasks' districts done (openpyxl), the CSV's column (csv), the HTML report's matrix and
lagging districts (html.parser), the Markdown table (markdown-it), Mermaid's and the SVG's
titles. A roadmap without district-scoped tasks gets none of it."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import invoke
from test_readings_exports import Node, tree
from typer.testing import CliRunner

from jtr.export import EXPORTERS
from jtr.labels import label
from jtr.presenter import symbol_label

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "districts.yaml"
PLAIN = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = "2026-11-26"
LANGS = ("ja", "en")
RUN, REFLECT = "district-dock-run", "district-dock-reflect"

# Each district's state in each task as of AS_OF (None: not in the task's scope), in the
# registry's order.
STATES: dict[str, dict[str, str | None]] = {
    "daiichi": {RUN: "done", REFLECT: None},
    "serita": {RUN: "in_progress", REFLECT: None},  # done, then reopened
    "furumaki": {RUN: "in_progress", REFLECT: None},  # its done record is after AS_OF
    "miwa": {RUN: "delayed", REFLECT: None},
    "togakushi": {RUN: "cancelled", REFLECT: "done"},
    "kinasa": {RUN: "in_progress", REFLECT: "done"},  # only the city-wide start
}
FRACTIONS = {RUN: "1/6", REFLECT: "2/2"}
SHEET_DONE = {
    "ja": {RUN: "完了 1/6 地区", REFLECT: "完了 2/2 地区"},
    "en": {RUN: "done 1/6 districts", REFLECT: "done 2/2 districts"},
}
LAGGING = {"ja": ["三輪地区", "芹田地区", "古牧地区", "鬼無里地区"],
           "en": ["Miwa", "Serita", "Furumaki", "Kinasa"]}  # fmt: skip
# As jtr.render.districts.groups groups them: by block (only serita has one), the others last.
GROUPS = {"ja": [("central", ["serita"]), ("ブロック未定", ["daiichi", "furumaki", "miwa", "togakushi", "kinasa"])],
          "en": [("central", ["serita"]), ("block not known", ["daiichi", "furumaki", "miwa", "togakushi", "kinasa"])]}  # fmt: skip


_CACHE: dict[tuple[str, str, str], bytes] = {}


def export(runner: CliRunner, tmp_path: Path, fmt: str, lang: str, path: Path = FIXTURE) -> bytes:
    key = (str(path), fmt, lang)
    if key not in _CACHE:
        out = tmp_path / f"out-{lang}{EXPORTERS[fmt].extension}"
        args = ("-f", str(path), "--as-of", AS_OF, "--lang", lang, "export", "--format", fmt)
        result = invoke(runner, *args, "-o", str(out))
        assert result.exit_code == 0, result.output
        _CACHE[key] = out.read_bytes()
    return _CACHE[key]


def text(runner: CliRunner, tmp_path: Path, fmt: str, lang: str, path: Path = FIXTURE) -> str:
    return export(runner, tmp_path, fmt, lang, path).decode("utf-8")


# ---- XLSX -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_has_a_district_sheet_of_one_row_per_district_and_task(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    from openpyxl import load_workbook

    from jtr.render.districts import CSV_COLUMNS

    book = load_workbook(io.BytesIO(export(runner, tmp_path, "xlsx", lang)))
    sheet_name = label("districts_sheet", lang)
    assert book.sheetnames == [label("tasks_sheet", lang), label("items_sheet", lang), sheet_name]
    sheet = book[sheet_name]
    rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [label(c, lang) for c in CSV_COLUMNS]
    assert len(rows) == 1 + 6 + 2
    got = {(r[1], r[4]): r[6] for r in rows[1:]}
    expected = {(d, t): s for d, tasks in STATES.items() for t, s in tasks.items() if s}
    assert got == expected
    for row in rows[1:]:  # the state's words next to its code
        assert row[7] == symbol_label(row[6], lang)
    assert sheet.freeze_panes == "A2"
    for index, title in enumerate(rows[0]):  # fitted like the other sheets
        letter = sheet.cell(row=1, column=index + 1).column_letter
        assert sheet.column_dimensions[letter].width >= len(title), title

    tasks = book[label("tasks_sheet", lang)]
    head = [c.value for c in tasks[1]]
    column = head.index(label("districts_done_col", lang))
    ids = head.index(label("task_id_col", lang))
    done = {r[ids]: r[column] for r in tasks.iter_rows(min_row=2, values_only=True)}
    assert {k: v for k, v in done.items() if v} == SHEET_DONE[lang]
    assert done["labour-management-desk"] is None  # a city-wide task: empty


# ---- CSV / TSV --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_task_rows_carry_the_districts_done(
    runner: CliRunner, tmp_path: Path, lang: str, fmt: str, delimiter: str
) -> None:
    raw = export(runner, tmp_path, fmt, lang).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter))
    head = rows[0]
    column = head.index(label("districts_done_col", lang))
    ids = head.index(label("task_id_col", lang))
    assert all(len(r) == len(head) for r in rows)
    done = {r[ids]: r[column] for r in rows[1:]}
    assert {k: v for k, v in done.items() if v} == SHEET_DONE[lang]  # never a bare 1/6 (a date)


def test_jtr_districts_csv_is_the_per_district_sheet(runner: CliRunner) -> None:
    """A CSV is one sheet: the per-district rows are `jtr districts --format csv`."""
    args = ("-f", str(FIXTURE), "--as-of", AS_OF, "--lang", "en", "districts", "--format", "csv")
    result = invoke(runner, *args)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    assert len(rows) == 1 + 6 + 2


# ---- HTML -------------------------------------------------------------------------------------


def _section(page: Node) -> Node:
    return page.one("section", id="districts")


@pytest.mark.parametrize("lang", LANGS)
def test_html_matrix_lists_the_districts_under_their_groups(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    page = tree(text(runner, tmp_path, "html", lang))
    contents = [a.attrs["href"] for a in page.one("nav").find("a")]
    assert contents.index("#districts") == contents.index("#timeline") + 1
    section = _section(page)
    assert section.one("h2").text() == label("districts_heading", lang)
    table = section.one("table", cls="district-matrix")
    heads = [th.attrs["data-task"] for th in table.one("thead").find("th", cls="task-col")]
    assert heads == [RUN, REFLECT]
    groups = []
    for body in table.find("tbody"):
        heading = body.one("th", scope="rowgroup").text()
        members = []
        for row in body.find("tr"):
            if "data-district" not in row.attrs:
                continue
            district = row.attrs["data-district"]
            members.append(district)
            cells = row.find("td")
            assert [c.attrs["data-task"] for c in cells] == heads
            for cell in cells:
                expected = STATES[district][cell.attrs["data-task"]]
                if expected is None:
                    assert cell.text().startswith("·")
                    assert label("districts_not_in_scope", lang) in cell.text()
                    assert "data-state" not in cell.attrs
                else:  # the chip: symbol and words, and the state's colour class
                    assert cell.attrs["data-state"] == expected
                    chip = cell.one("span", cls="state")
                    assert f"s-{expected}" in chip.attrs["class"].split()
                    assert chip.text() == symbol_label(expected, lang)
        groups.append((heading, members))
    assert groups == GROUPS[lang]
    foot = table.one("tfoot")
    assert {td.attrs["data-task"]: td.text() for td in foot.find("td")} == FRACTIONS


@pytest.mark.parametrize("lang", LANGS)
def test_html_names_each_tasks_lagging_districts_in_order(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    section = _section(tree(text(runner, tmp_path, "html", lang)))
    items = {li.attrs["data-task"]: li for li in section.one("ul", cls="district-tasks").find("li")}
    assert list(items) == [RUN, REFLECT]
    run = items[RUN]
    assert [s.text() for s in run.one("p", cls="lagging").find("span")] == LAGGING[lang]
    assert [s.attrs["data-district"] for s in run.one("p", cls="lagging").find("span")] == [
        "miwa", "serita", "furumaki", "kinasa",
    ]  # fmt: skip
    done = label("districts_done_of", lang).format(state=label("done", lang), done=1, total=6)
    assert run.one("span", cls="progress").text().startswith(done)
    assert items[REFLECT].find("p", cls="lagging") == []  # every district done


@pytest.mark.parametrize("lang", LANGS)
def test_html_cards_show_the_districts_done_after_the_title(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    page = tree(text(runner, tmp_path, "html", lang))
    card = page.one("article", id="item-district-dock")
    for task, fraction in FRACTIONS.items():
        row = card.one("tr", data_task=task)
        assert row.one("span", cls="district-fraction").text() == fraction
    desk = page.one("article", id="item-labour-management")
    assert desk.find("span", cls="district-fraction") == []


# ---- Markdown ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_the_district_table(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    document = text(runner, tmp_path, "markdown", lang)
    html = markdown_it.MarkdownIt("commonmark").enable(["table"]).render(document)
    section = tree(html.split(f"{label('districts_heading', lang)}</h2>", 1)[1])
    rows = [[td.text() for td in tr.find("td")] for tr in section.one("table").find("tr")[1:]]
    names = {"ja": {"daiichi": "第一地区", "serita": "芹田地区", "furumaki": "古牧地区",
                    "miwa": "三輪地区", "togakushi": "戸隠地区", "kinasa": "鬼無里地区"},
             "en": {"daiichi": "Daiichi", "serita": "Serita", "furumaki": "Furumaki",
                    "miwa": "Miwa", "togakushi": "Togakushi", "kinasa": "Kinasa"}}[lang]  # fmt: skip
    expected = []
    for heading, members in GROUPS[lang]:
        expected.append([heading, "", ""])
        for d in members:
            expected.append([names[d]] + [
                "·" if (s := STATES[d][t]) is None else symbol_label(s, lang) for t in (RUN, REFLECT)
            ])  # fmt: skip
    expected.append([label("done", lang), FRACTIONS[RUN], FRACTIONS[REFLECT]])
    assert rows == expected
    lagging = ("、" if lang == "ja" else ", ").join(LAGGING[lang])
    assert f"{label('districts_lagging', lang)}: {lagging}" in section.text()


# ---- SVG, Mermaid, ICS, JSON ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_svg_and_mermaid_titles_carry_the_districts_done(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    svg = ET.fromstring(export(runner, tmp_path, "svg", lang))
    labels = {
        g.get("data-task"): "".join(g.itertext())
        for g in svg.iter("{http://www.w3.org/2000/svg}g")
        if g.get("class") == "task"
    }
    for task, fraction in FRACTIONS.items():
        assert f" {fraction}" in labels[task], labels[task]
    mermaid = text(runner, tmp_path, "mermaid", lang)
    titles = {
        line.rsplit(" :", 1)[1].split(", ")[-3]: line.rsplit(" :", 1)[0]
        for line in mermaid.splitlines()
        if " :" in line
    }
    for task, fraction in FRACTIONS.items():
        assert f" {fraction} — " in titles[task], titles[task]


@pytest.mark.parametrize("fmt", ["ics", "json"])
def test_ics_and_json_keep_their_shape(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    """ICS lists the tasks as before; JSON already carried derived.district_progress."""
    document = text(runner, tmp_path, fmt, "en")
    assert "1/6" not in document  # no title carries the districts done
    if fmt == "json":
        import json

        data = json.loads(document)
        assert [d["id"] for d in data["roadmap"]["districts"]["list"]] == list(STATES)
        tasks = {t["id"]: t for c in data["roadmap"]["courses"] for i in c["items"]
                 for t in i["tasks"]}  # fmt: skip
        progress = tasks[RUN]["derived"]["district_progress"]
        assert progress["lagging"] == ["miwa", "serita", "furumaki", "kinasa"]


@pytest.mark.slow
def test_mermaid_itself_reads_the_titles_with_districts_done(
    runner: CliRunner, tmp_path: Path
) -> None:
    from test_export_mermaid_node import parse

    documents = {f"districts-{lang}": text(runner, tmp_path, "mermaid", lang) for lang in LANGS}
    for name, result in parse(tmp_path, documents).items():
        assert "error" not in result, (name, result.get("error"))
        drawn = {t["id"]: t for t in result["tasks"]}
        for task, fraction in FRACTIONS.items():
            assert fraction in drawn[task]["task"], name


# ---- without district-scoped tasks ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_roadmap_without_district_tasks_gets_none_of_it(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(export(runner, tmp_path, "xlsx", lang, PLAIN)))
    assert label("districts_sheet", lang) not in book.sheetnames
    assert label("districts_done_col", lang) not in [c.value for c in book.worksheets[0][1]]
    head = text(runner, tmp_path, "csv", lang, PLAIN).lstrip("\ufeff").split("\r\n", 1)[0]
    assert label("districts_done_col", lang) not in head.split(",")
    page = text(runner, tmp_path, "html", lang, PLAIN)
    assert 'id="districts"' not in page and "district-matrix" not in page
    assert "district-fraction" not in page
    assert label("districts_heading", lang) not in text(runner, tmp_path, "markdown", lang, PLAIN)


def test_district_filter_keeps_the_districts_judged(runner: CliRunner) -> None:
    """`--district miwa`: the matrix has Miwa's row alone, and the fraction is of Miwa."""
    args = ("-f", str(FIXTURE), "--as-of", AS_OF, "--lang", "en", "export", "--format", "html")
    result = invoke(runner, *args, "--district", "miwa")
    assert result.exit_code == 0, result.output
    table = tree(result.stdout).one("table", cls="district-matrix")
    rows = [tr.attrs["data-district"] for tr in table.find("tr") if "data-district" in tr.attrs]
    assert rows == ["miwa"]
    assert [td.text() for td in table.one("tfoot").find("td")] == ["0/1"]
