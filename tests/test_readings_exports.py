"""Readings of the seed in the exports: every format a person reads marks the values that rest
on a reading (※n), and the reading is reachable from its mark (a footnote, a sheet, a table,
a tooltip or the event's description); JSON carries the readings for tools.

tests/fixtures/readings.yaml (the progress fixture with five readings) is exported as of
2026-11-26 in both languages and read back with a real parser: csv, openpyxl, html.parser,
xml.etree, icalendar, a strict grammar of the Mermaid lines (mermaid's own parser with
--slow), and the JSON export's schema. Where each mark belongs is written out by hand below
from the fixture's `readings:`, not computed by jtr. `MORE` adds readings of the values only
an item card shows (shading, 現状, the working group). The browser checks of the marks and
the footnotes are in test_export_browser.py, hostile reading text in test_security_exports.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_export import _table_cells, _validator, parse_mermaid

from jtr.export import EXPORTERS
from jtr.labels import label
from jtr.model import Roadmap
from jtr.presenter import reading_json
from jtr.roadmap import open_roadmap
from jtr.status import roadmap_state

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "readings.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = dt.date(2026, 11, 26)
LANGS = ("ja", "en")

# The fixture's readings: number → (id, the values it decides).
READINGS = {
    1: ("course2-numbers", ("requested-work.number", "committee-nominations.number")),
    2: ("requested-work-owners", ("requested-work.owners",)),
    3: ("mayor-policy-span", ("requested-work-mayor-policy.fiscal_years",)),
    4: ("welfare-support-dots", ("welfare-support.help.dots",)),
    5: ("fundraising-wg", ("wg-fundraising-welfare.city_members_only",)),
}
# A task row's marks: its item's number (※1 for Course Ⅱ items 1 and 4) and owners (※2 for
# requested-work), and the task's own (※3 the mayor's policy's span); none for the others.
ROW_MARKS = {
    "committee-nominations-decide": "※1",
    "committee-nominations-apply": "※1",
    "requested-work-prepare": "※1,2",
    "requested-work-mayor-policy": "※1,2,3",
    "requested-work-briefing": "※1,2",
}
# An item's marks: the readings of any of its values.
ITEM_MARKS = {"committee-nominations": "※1", "requested-work": "※1,2", "welfare-support": "※4"}
# The decision each mark's tooltip and footnote say, by language (ja falls back to en).
DECISIONS = {
    "en": {
        1: "Course II items are numbered 1-4 as printed.",
        2: "All four owners, from the WG's members.",
        3: "The yearly 市長方針説明 recurs from FY2024.",
        4: "One dot, from the third ● group.",
        5: "Not city members only: the list names council chairs.",
    },
}
DECISIONS["ja"] = {**DECISIONS["en"], 1: "印刷どおりの番号です"}
SEED = {
    "ja": {1: "4ページ 514–518行", 2: "4ページ 673–674、514行", 3: "4ページ 676行"},
    "en": {1: "p. 4 l. 514–518", 2: "p. 4 l. 673–674, 514", 3: "p. 4 l. 676"},
}
CONFIDENCE = {1: "printed", 2: "uncertain", 3: "inferred", 4: "inferred", 5: "inferred"}

# Readings 6-8 of the values only an item card shows, added to the fixture by `more()`.
MORE = """
  - id: dock-shading
    about: [district-dock.shaded]
    decision: {en: "Shaded, as the dock row's grey band."}
    seed_lines: ["300"]
    page: 3
    confidence: uncertain
  - id: labour-problems
    about: [labour-management.problems]
    decision: {en: "One problem, from the 現状 column."}
    seed_lines: ["310-311"]
    cites: ["労務管理"]
    confidence: inferred
  - id: fundraising-group
    about: [fundraising.working_group]
    decision: {en: "The fundraising WG, as the bracket joins the rows."}
    seed_lines: ["169"]
    page: 2
    confidence: inferred
"""


@cache
def model() -> Roadmap:
    return open_roadmap(FIXTURE).model


@cache
def more(tmp: Path) -> Roadmap:
    """The fixture with MORE's readings, through the whole pipeline (the rules check paths)."""
    path = tmp / "more.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + MORE.lstrip("\n"), encoding="utf-8")
    loaded = open_roadmap(path)
    assert [r.number for r in loaded.model.readings] == [1, 2, 3, 4, 5, 6, 7, 8]
    return loaded.model


@pytest.fixture(scope="module")
def more_model(tmp_path_factory: pytest.TempPathFactory) -> Roadmap:
    return more(tmp_path_factory.mktemp("more"))


def exported(name: str, lang: str, roadmap: Roadmap | None = None) -> str | bytes:
    return EXPORTERS[name].export(roadmap_state(roadmap or model(), AS_OF), lang)


def text(name: str, lang: str, roadmap: Roadmap | None = None) -> str:
    document = exported(name, lang, roadmap)
    assert isinstance(document, str)
    return document


def test_the_fixture_is_what_this_file_expects() -> None:
    assert {r.number: (r.id, r.about) for r in model().readings} == READINGS
    assert {r.number: r.confidence for r in model().readings} == CONFIDENCE


# ---- CSV and TSV ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_delimited_rows_carry_their_readings_marks(name: str, delimiter: str, lang: str) -> None:
    raw = text(name, lang).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    assert header[-1] == label("reading_marks_col", lang)
    assert len({len(row) for row in rows}) == 1
    marks = {row[3]: row[-1] for row in body}
    assert marks == {task.id: ROW_MARKS.get(task.id, "") for task in model().tasks()}
    # The columns before it are those of a roadmap without readings.
    plain = list(csv.reader(io.StringIO(text(name, lang, model()._replace(readings=())).lstrip("\ufeff"), newline=""), delimiter=delimiter))  # fmt: skip
    assert [row[:-1] for row in rows] == plain


# ---- XLSX -----------------------------------------------------------------------------------


def _workbook(lang: str, roadmap: Roadmap | None = None) -> Any:
    openpyxl = pytest.importorskip("openpyxl")
    data = exported("xlsx", lang, roadmap)
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_marks_rows_and_lists_every_reading(lang: str) -> None:
    book = _workbook(lang)
    assert book.sheetnames == [
        label("tasks_sheet", lang),
        label("items_sheet", lang),
        label("readings_sheet", lang),
    ]
    tasks, items, readings = book.worksheets
    assert tasks.cell(1, tasks.max_column).value == label("reading_marks_col", lang)
    marks = {row[3].value: row[-1].value or "" for row in tasks.iter_rows(min_row=2)}
    assert marks == {task.id: ROW_MARKS.get(task.id, "") for task in model().tasks()}
    assert items.cell(1, items.max_column).value == label("reading_marks_col", lang)
    item_marks = {row[2].value: row[-1].value or "" for row in items.iter_rows(min_row=2)}
    assert item_marks == {item.id: ITEM_MARKS.get(item.id, "") for item in model().items()}
    # The readings sheet: one row per reading, every part of it.
    head = [c.value for c in readings[1]]
    assert head[:2] == [label("reading_mark_col", lang), label("reading_id_col", lang)]
    assert all(c.font.bold for c in readings[1]) and readings.freeze_panes == "A2"
    rows = [dict(zip(head, (c.value for c in row), strict=True)) for row in readings.iter_rows(min_row=2)]  # fmt: skip
    assert [(r[head[0]], r[head[1]]) for r in rows] == [
        (f"※{n}", reading_id) for n, (reading_id, _paths) in READINGS.items()
    ]
    by_number = {int(r[head[0]][1:]): r for r in rows}

    def cell(number: int, key: str) -> Any:
        title = label(key, lang)
        return by_number[number][title[:1].upper() + title[1:]]

    for number, (_id, paths) in READINGS.items():
        assert cell(number, "reading_path_col") == "\n".join(paths)
        assert cell(number, "reading_decision") == DECISIONS[lang][number]
        confidence = label(f"confidence_{CONFIDENCE[number]}", lang)
        assert cell(number, "reading_confidence") == confidence
    for number, seed in SEED[lang].items():
        assert cell(number, "reading_seed") == seed
    assert cell(1, "reading_value_col") == "4\n1"  # the numbers as the file holds them
    assert cell(2, "reading_value_col") == '["jijikyo", "shisho", "tantoka", "chikatsu"]'
    assert cell(2, "reading_alternatives") == "Without 住自協, as for a city-only WG."
    assert cell(1, "reading_alternatives") in (None, "")


def test_xlsx_without_readings_has_no_readings_sheet_or_column() -> None:
    book = _workbook("en", model()._replace(readings=()))
    assert book.sheetnames == ["Tasks", "Items"]
    assert all(c.value != "Readings" for sheet in book.worksheets for c in sheet[1])


# ---- HTML -----------------------------------------------------------------------------------


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "wbr"})  # fmt: skip


class Node:
    """An element of the parsed page: its tag, attributes, children (nodes and text)."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.walk()
        return found

    def find(self, tag: str, **attrs: str) -> list[Node]:
        """Descendants with the tag and attributes (`cls` matches one of the classes)."""
        found = []
        for node in self.walk():
            if node.tag != tag:
                continue
            if "cls" in attrs and attrs["cls"] not in node.attrs.get("class", "").split():
                continue
            if all(
                node.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items() if k != "cls"
            ):
                found.append(node)
        return found

    def one(self, tag: str, **attrs: str) -> Node:
        found = self.find(tag, **attrs)
        assert len(found) == 1, (tag, attrs, len(found))
        return found[0]

    def marks(self) -> list[str]:
        """The marks in this element, in order."""
        return [a.text() for a in self.find("a", cls="reading-mark")]

    def before(self, node: Node) -> str:
        """This element's text up to `node` (a descendant)."""
        out = []

        def visit(current: Node) -> bool:
            for child in current.children:
                if child is node:
                    return True
                if isinstance(child, str):
                    out.append(child)
                elif visit(child):
                    return True
            return False

        visit(self)
        return "".join(out)


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def tree(document: str) -> Node:
    parser = Tree()
    parser.feed(document)
    parser.close()
    return parser.root


@pytest.mark.parametrize("lang", LANGS)
def test_html_marks_link_to_footnotes_that_say_the_reading(lang: str) -> None:
    page = tree(text("html", lang))
    anchors = page.find("a", cls="reading-mark")
    assert anchors
    section = page.one("section", id="readings")
    notes = {li.attrs["id"]: li for li in section.find("li", cls="reading")}
    assert list(notes) == [f"reading-{n}" for n in READINGS]  # every reading, in order
    for anchor in anchors:
        number = int(anchor.text().removeprefix("※"))
        assert anchor.attrs["href"] == f"#reading-{number}"
        assert f"reading-{number}" in notes
        assert DECISIONS[lang][number] in anchor.attrs["title"]
    for number, (reading_id, paths) in READINGS.items():
        note = notes[f"reading-{number}"]
        body = note.text()
        assert note.attrs["data-reading"] == reading_id
        assert note.one("span", cls="reading-number").text() == f"※{number}"
        assert reading_id in body and DECISIONS[lang][number] in body
        assert label(f"confidence_{CONFIDENCE[number]}", lang) in body
        assert all(path in body for path in paths)
    for number, seed in SEED[lang].items():
        assert seed in notes[f"reading-{number}"].text()
    assert "Without 住自協, as for a city-only WG." in notes["reading-2"].text()
    # The readings are in the contents, their legend with the timeline's.
    assert page.find("a", href="#readings")
    legend = page.one("ul", cls="legend")
    assert label("reading_legend_document", lang) in legend.text()
    # Reading 5 decides a value the report does not show: a footnote, and no mark.
    assert "※5" not in [a.text() for a in anchors]


@pytest.mark.parametrize("lang", LANGS)
def test_html_marks_sit_after_their_values(lang: str) -> None:
    page = tree(text("html", lang))
    owners = "住自協・支所・担当課・地活課" if lang == "ja" else "Council, Branch, Dept., CASD"
    # The attention table: the number after the item's reference, the owners after them.
    row = page.one("table", cls="attention").one("tr", data_item="requested-work")
    head, cells = row.one("th"), row.find("td")
    assert head.marks() == ["※1"]
    assert head.before(head.find("a", cls="reading-mark")[0]) == "Ⅱ-4"
    assert cells[0].marks() == ["※2"] and cells[0].before(cells[0].children[-1]) == owners  # type: ignore[arg-type]
    labour = page.one("table", cls="attention").one("tr", data_item="labour-management")
    assert labour.marks() == []
    # The timeline: the item's row and the task whose span is a reading.
    timeline = page.one("tbody", data_item="requested-work")
    item_row = timeline.one("tr", cls="item")
    assert item_row.marks() == ["※1", "※2"]
    assert item_row.one("span", cls="owners").text() == f"[{owners}]※2"
    tasks = {tr.attrs["data-task"]: tr for tr in timeline.find("tr", cls="task")}
    assert tasks["requested-work-mayor-policy"].one("th").marks() == ["※3"]
    assert tasks["requested-work-prepare"].marks() == []
    # The card: number, owners, the span in its task table; help marks shown with theirs.
    card = page.one("article", id="item-requested-work")
    assert card.one("h4").marks() == ["※1"]
    assert card.one("h4").one("span", cls="ref").text() == "Ⅱ-4※1"
    facts = card.one("dl", cls="facts")
    names = [dt_.text() for dt_ in facts.find("dt")]
    values = facts.find("dd")
    assert values[names.index(label("owners", lang))].text() == f"{owners}※2"
    mayor = card.one("table", cls="card-tasks").one("tr", data_task="requested-work-mayor-policy")
    th, years = mayor.one("th"), mayor.find("td")[0]
    assert th.marks() == [] and years.marks() == ["※3"]
    assert years.text() == ("令和6年度–令和8年度※3" if lang == "ja" else "FY2024–FY2026※3")
    support = page.one("article", id="item-welfare-support").one("dl", cls="facts")
    names = [dt_.text() for dt_ in support.find("dt")]
    assert label("help_marks", lang) in names
    help_value = support.find("dd")[names.index(label("help_marks", lang))]
    assert help_value.text().startswith("●") and help_value.marks() == ["※4"]
    # A card without readings shows no help or shading fact, as before readings.
    other = page.one("article", id="item-labour-management").one("dl", cls="facts")
    assert [d.text() for d in other.find("dt")] == [
        label(k, lang) for k in ("owners", "decided", "realised")
    ]


def test_html_card_facts_that_only_a_reading_brings(more_model: Roadmap) -> None:
    page = tree(text("html", "en", more_model))
    dock = page.one("article", id="item-district-dock")
    facts = dock.one("dl", cls="facts")
    names = [d.text() for d in facts.find("dt")]
    shaded = facts.find("dd")[names.index("shaded")]
    assert shaded.text() == f"{label('shaded_yes', 'en')}※6" and shaded.marks() == ["※6"]
    problems = page.one("article", id="item-labour-management").find("h5")[0]
    assert problems.text() == f"{label('problems_col', 'en')}※7"
    fundraising = page.one("article", id="item-fundraising").one("dl", cls="facts")
    names = [d.text() for d in fundraising.find("dt")]
    group = fundraising.find("dd")[names.index(label("kind_working_group", "en"))]
    assert group.marks() == ["※8"]
    note = page.one("li", id="reading-7").text()
    assert "「労務管理」" in note and "l. 310–311" in note


def test_html_without_readings_has_no_mark_or_section() -> None:
    document = text("html", "ja", model()._replace(readings=()))
    assert "reading" not in document and "※" not in document
    assert 'id="readings"' not in document


# ---- Markdown -------------------------------------------------------------------------------


def _tables(document: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    previous = ""
    for line in document.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(_table_cells(line))
        previous = line
    return tables


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_marks_values_and_ends_with_the_readings(lang: str) -> None:
    document = text("markdown", lang)
    tables = _tables(document)
    for table in tables:
        assert len({len(row) for row in table}) == 1, table[0]
    items = [t for t in tables if t[0][:2] == [label("number_col", lang), label("item_col", lang)]]
    rows = {row[0]: row for table in items for row in table[2:]}
    owners = "住自協・支所・担当課・地活課" if lang == "ja" else "Council, Branch, Dept., CASD"
    assert rows["Ⅱ-4※1"][2] == f"{owners} ※2"
    assert rows["Ⅱ-1※1"][2] == ("住自協・担当課" if lang == "ja" else "Council, Dept.")
    assert "Ⅱ-2" in rows and "Ⅰ-1" in rows  # no mark without a reading
    tasks = [t for t in tables if t[0][:2] == [label("number_col", lang), label("task_col", lang)]]
    task_rows = [row for table in tasks for row in table[2:]]
    mayor = next(row for row in task_rows if row[2].endswith("※3"))
    assert mayor[0] == "Ⅱ-4※1"
    assert mayor[2] == ("令和6年度–令和8年度 ※3" if lang == "ja" else "FY2024–FY2026 ※3")
    assert sum("※" in row[2] for row in task_rows) == 1
    # The readings: last, one row each, its legend before the tables.
    heading = f"## {label('readings_heading', lang)}"
    assert heading in document and document.index(heading) > document.index("```mermaid")
    assert label("reading_legend_document", lang) in document
    readings = tables[-1]
    assert readings[0][0] == label("reading_marks_col", lang)
    body = readings[2:]
    assert [row[0] for row in body] == [f"※{n} {rid}" for n, (rid, _p) in READINGS.items()]
    for row, number in zip(body, READINGS, strict=True):
        assert row[2] == DECISIONS[lang][number].replace("_", "\\_")
        assert row[-1] == label(f"confidence_{CONFIDENCE[number]}", lang)
    assert body[0][1] == "requested-work.number = 4; committee-nominations.number = 1"
    assert body[1][3] == "Without 住自協, as for a city-only WG."
    assert body[2][4] == SEED[lang][3]
    # The Mermaid block: the mark after the mayor's policy's title.
    block = document.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block == text("mermaid", lang)


def test_markdown_renders_the_readings_table() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable(["table"]).render(text("markdown", "en"))
    section = tree(html.split("Readings (interpretations of the seed)</h2>", 1)[1])
    rows = section.find("tr")
    assert len(rows) == 1 + len(READINGS)
    assert rows[3].find("td")[1].text() == (
        'requested-work-mayor-policy.fiscal_years = {"from": 2024, "to": 2026}'
    )


# ---- Mermaid, SVG, iCalendar ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mermaid_marks_the_task_whose_span_is_a_reading(lang: str) -> None:
    tasks = parse_mermaid(text("mermaid", lang))
    title = model().find("requested-work-mayor-policy").title.get(lang)  # type: ignore[union-attr]
    assert tasks["requested-work-mayor-policy"]["title"].startswith(f"4 {title} ※3 ")
    assert [k for k, v in tasks.items() if "※" in v["title"]] == ["requested-work-mayor-policy"]


@pytest.mark.slow
def test_mermaid_itself_reads_the_marked_titles(tmp_path: Path) -> None:
    from test_export_mermaid_node import parse

    results = parse(tmp_path, {f"readings-{lang}": text("mermaid", lang) for lang in LANGS})
    for name, result in results.items():
        assert "error" not in result, (name, result.get("error"))
        drawn = {t["id"]: t for t in result["tasks"]}
        mayor = drawn["requested-work-mayor-policy"]
        assert "※3" in mayor["task"], name
        assert (mayor["start"], mayor["end"]) == ("2024-04-01", "2027-04-01")


SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("lang", LANGS)
def test_svg_marks_the_task_and_says_the_reading_in_its_tooltip(lang: str) -> None:
    root = ET.fromstring(text("svg", lang).encode("utf-8"))
    tasks = {g.get("data-task"): g for g in root.iter(f"{SVG}g") if g.get("class") == "task"}
    mayor = tasks["requested-work-mayor-policy"]
    shown = next(t for t in mayor.iter(f"{SVG}text") if t.get("class") == "task-label")
    assert (shown.text or "").endswith(" ※3")
    tooltip = mayor.find(f"{SVG}title")
    assert tooltip is not None and tooltip.text is not None
    assert f"※3 {DECISIONS[lang][3]}" in tooltip.text
    others = [k for k, g in tasks.items() if "※" in "".join(g.itertext())]
    assert others == ["requested-work-mayor-policy"]


@pytest.mark.parametrize("lang", LANGS)
def test_ics_marks_the_summary_and_explains_the_marks(lang: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(text("ics", lang))
    events = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e]
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    mayor = by_uid["requested-work-mayor-policy"]
    title = model().find("requested-work-mayor-policy").title.get(lang)  # type: ignore[union-attr]
    assert str(mayor["SUMMARY"]).startswith(f"Ⅱ-4 {title} ※3 — ")
    lines = str(mayor["DESCRIPTION"]).split("\n")
    assert lines[0].startswith(f"{label('item_col', lang)}: Ⅱ-4※1 ")
    assert lines[1].endswith(" ※2") and lines[2].endswith(" ※3")
    explained = [line for line in lines if line.startswith("※")]
    assert [line.split(" ", 1)[0] for line in explained] == ["※1", "※2", "※3"]
    assert DECISIONS[lang][3] in explained[2] and SEED[lang][3] in explained[2]
    for instance in calendar.walk("VEVENT"):  # each year's instance too
        if str(instance["UID"]).startswith("requested-work-mayor-policy@"):
            assert " ※3 " in str(instance["SUMMARY"])
    prepare = by_uid["requested-work-prepare"]
    assert "※" not in str(prepare["SUMMARY"])
    assert "※1" in str(prepare["DESCRIPTION"]) and "※3" not in str(prepare["DESCRIPTION"])
    assert "※" not in str(by_uid["labour-management-desk"].to_ical().decode("utf-8"))


# ---- JSON -----------------------------------------------------------------------------------


def test_json_carries_the_readings_and_which_concern_each_item_and_task() -> None:
    data = json.loads(text("json", "en"))
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert data["readings"] == [reading_json(r) for r in model().readings]
    assert [(r["number"], r["id"]) for r in data["readings"]] == [
        (n, rid) for n, (rid, _p) in READINGS.items()
    ]
    assert data["readings"][0]["decision_ja"] == "印刷どおりの番号です"
    raw = model().raw
    assert raw is not None and data["roadmap"]["readings"] == raw["readings"]  # as written
    items = {i["id"]: i for c in data["roadmap"]["courses"] for i in c["items"]}
    assert {k: v["derived"]["readings"] for k, v in items.items()} == {
        item.id: [int(n) for n in ITEM_MARKS.get(item.id, "※")[1:].split(",") if n]
        for item in model().items()
    }
    tasks = {t["id"]: t for i in items.values() for t in i["tasks"]}
    assert {k: v["derived"]["readings"] for k, v in tasks.items()} == {
        task.id: [3] if task.id == "requested-work-mayor-policy" else [] for task in model().tasks()
    }
    # --lang changes nothing in this export.
    assert text("json", "ja") == text("json", "en")


def test_json_without_readings_has_no_readings_key() -> None:
    document = text("json", "en", model()._replace(readings=()))
    assert '"readings"' not in document
    assert not list(_validator().iter_errors(json.loads(document)))


# ---- a roadmap without readings ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_no_export_marks_anything_without_readings(name: str, lang: str) -> None:
    """The same roadmap with its readings removed: no mark, column, sheet or section."""
    document = exported(name, lang, model()._replace(readings=()))
    if isinstance(document, bytes):
        import zipfile

        with zipfile.ZipFile(io.BytesIO(document)) as book:
            document = "".join(book.read(n).decode("utf-8") for n in book.namelist())
    assert "※" not in document
    assert not re.search(label("reading_marks_col", lang), document)
    assert label("readings_heading", lang) not in document


def test_the_progress_fixture_is_the_readings_fixture_without_readings() -> None:
    """What the byte-for-byte comparisons of the progress fixture's exports stand for."""
    progress = open_roadmap(PROGRESS).model
    assert progress.readings == ()
    assert [t.id for t in progress.tasks()] == [t.id for t in model().tasks()]
