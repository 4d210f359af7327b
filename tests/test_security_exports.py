"""Text from the roadmap is data in every export, never control (issue 9).

A hostile roadmap (titles, notes, owners and record authors with OSC 52, SGR, BEL, CR, CSI
U+009B, bidi overrides and isolates, zero-width spaces, `<script>`, `|`) is exported in every
format of the registry, and summarised by `status --format markdown|json` and `diff --format
markdown|json`: no output carries a raw ESC, BEL, U+009B, U+202E, U+2066 or U+200B, each still
parses with its real parser, and the hidden characters show visibly (`\\x1b`, `<U+202E>`).

Markdown has one escaper (`jtr.escape.markdown`): the same title comes out the same in the
status summary, the Markdown export and the diff, and markdown-it with raw HTML enabled makes
no tag of it. Mermaid's own parser reads hostile titles in tests/test_export_mermaid_node.py.
A hostile district name and block (a registry and a district-scoped task added to the hostile
roadmap) are exported in every format the same way.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import markupsafe
import pytest
from helpers import invoke
from typer.testing import CliRunner

from jtr import escape
from jtr.export import EXPORTERS

ROOT = Path(__file__).resolve().parent.parent
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = "2026-11-26"

# Everything a hostile pull request might hide in a text field.
HOSTILE = (
    "\x1b]52;c;aGFja2Vk\x07 \x1b[31mred\x1b[0m bel\x07 cr\roverwrite \u009b2J "
    "\u202eRLO \u2066iso\u2069 zero\u200bwidth <script>alert(1)</script> | a \\ b "
    "<img src=x onerror=alert(1)> & [l](javascript:alert(1)) *e* `c` ~~s~~ #h"
)
# Never raw in any output: ESC, BEL, CSI, RLO, LRI, ZWSP (a lone CR is checked separately).
FORBIDDEN = ("\x1b", "\x07", "\u009b", "\u202e", "\u2066", "\u200b")

# (old text in tests/fixtures/progress.yaml, key): each becomes `<key> ` + the hostile text.
PLACES = (
    ("住民自治リフレッシュプロジェクト ロードマップ2023（進捗記録つき試験用）", "T"),
    ("Residents' Self-Governance Refresh Project Roadmap 2023 (test copy with progress)", "T"),
    ("{ja: 着陸期, en: Landing}", "P"),  # the current phase
    ("{ja: ２０２４コース, en: 2024 Course}", "C"),
    ("ja: 労務管理\n          en: Labour management\n", "I"),  # an item needing attention
    (  # its next task
        "ja: 労務管理相談窓口の開設\n              en: Open a labour-management consultation desk\n",
        "K",
    ),
    ('{status: delayed, date: "2025-12-01"}', "N"),  # a record: note and author
    ("short: {ja: 地活課, en: CASD}", "O"),  # an owner
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's): the file itself is clean."""
    return json.dumps(text)


def hostile_yaml(texts: dict[str, str] | None = None) -> str:
    """The progress fixture with `texts[key]` (default `<key> ` + HOSTILE) in every place."""
    texts = texts or {key: f"{key} {HOSTILE}" for _old, key in PLACES}
    text = PROGRESS.read_text(encoding="utf-8")
    for old, key in PLACES:
        value = _q(texts[key])
        if old.startswith("{status"):
            new = old[:-1] + f", note: {value}, by: {_q('B ' + HOSTILE)}}}"
        elif old.startswith("short:"):
            new = f"short: {{ja: {value}, en: {value}}}"
        elif old.startswith("{"):
            new = f"{{ja: {value}, en: {value}}}"
        elif old.startswith("ja:"):
            indent = old.split("\n", 1)[1].split("en:")[0]
            new = f"ja: {value}\n{indent}en: {value}\n"
        else:
            new = value
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "roadmap.yaml"
    path.write_text(hostile_yaml(), encoding="utf-8")
    (folder / "plain.yaml").write_text(PROGRESS.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def assert_clean(name: str, text: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, f"{name}: raw {char!r}"
    assert re.search("\r(?!\n)", text) is None, f"{name}: a CR that is not a line end"


def xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist())


# ---- every export format -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_no_export_carries_a_raw_control_or_bidi_character(
    runner: CliRunner, hostile: Path, tmp_path: Path, fmt: str, lang: str
) -> None:
    out = tmp_path / f"out{EXPORTERS[fmt].extension}"
    common = ("-f", str(hostile), "--as-of", AS_OF, "--lang", lang, "--format", fmt)
    result = invoke(runner, "export", *common, "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if fmt == "xlsx":  # a zip: its compressed bytes are not text, its XML parts are
        text = xlsx_text(data)
    else:
        assert b"\x1b" not in data and b"\x07" not in data
        text = data.decode("utf-8")
    assert_clean(fmt, text)
    if not EXPORTERS[fmt].binary:  # standard output: the same bytes
        shown = invoke(runner, "export", *common)
        assert shown.exit_code == 0
        assert shown.stdout_bytes == data


def _export(runner: CliRunner, hostile: Path, tmp_path: Path, fmt: str, lang: str = "en") -> bytes:
    out = tmp_path / f"out{EXPORTERS[fmt].extension}"
    result = invoke(
        runner, "export", "-f", str(hostile), "--as-of", AS_OF, "--lang", lang, "--format", fmt,
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_xlsx_shows_control_characters_instead_of_crashing(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    """Before: openpyxl's IllegalCharacterError traceback on the first ESC. After: the cell
    holds the text as the terminal shows it."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export(runner, hostile, tmp_path, "xlsx")))
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    shown = escape.document("K " + HOSTILE)
    assert shown in cells
    assert "\\x1b]52;c;aGFja2Vk\\x07" in shown and "<U+202E>RLO" in shown
    assert book.properties.title.startswith(escape.document("T " + HOSTILE))


def test_csv_and_tsv_show_hidden_characters_and_still_parse(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        text = _export(runner, hostile, tmp_path, fmt).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        width = len(rows[0])
        assert all(len(row) == width for row in rows), fmt
        desk = next(r for r in rows if r[3] == "labour-management-desk")
        assert desk[4] == escape.document("K " + HOSTILE)
        guide = next(r for r in rows if r[3] == "labour-management-guide")
        assert escape.document("N " + HOSTILE) in guide[12]


def test_ics_shows_hidden_characters_and_still_parses(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    icalendar = pytest.importorskip("icalendar")
    text = _export(runner, hostile, tmp_path, "ics").decode("utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    summaries = [str(e.get("SUMMARY")) for e in calendar.walk("VEVENT")]
    desk = next(s for s in summaries if s.startswith("Ⅰ-3 K "))
    assert desk.startswith("Ⅰ-3 " + escape.document("K " + HOSTILE))
    descriptions = [str(e.get("DESCRIPTION")) for e in calendar.walk("VEVENT")]
    assert any(escape.document("N " + HOSTILE) in d for d in descriptions)


def test_json_escapes_hidden_characters_and_keeps_the_values(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    """JSON is data for tools: the values stay exactly the roadmap's, but every hidden
    character is a \\uXXXX escape in the bytes (json.dumps leaves U+202E and U+009B raw)."""
    raw = _export(runner, hostile, tmp_path, "json").decode("utf-8")
    assert "\\u202e" in raw and "\\u009b" in raw and "\\u001b" in raw
    document = json.loads(raw)
    course = document["roadmap"]["courses"][0]
    assert course["title"] == {"ja": "C " + HOSTILE, "en": "C " + HOSTILE}
    for args in (("status", "--format", "json"), ("diff", "--format", "json")):
        files = ("--files", str(hostile.with_name("plain.yaml")), str(hostile))
        where = files if args[0] == "diff" else ("-f", str(hostile), "--as-of", AS_OF)
        result = invoke(runner, *args, *where)
        assert result.exit_code in (0, 1), result.output
        assert_clean(" ".join(args), result.stdout)
        json.loads(result.stdout)


def test_html_and_svg_show_bidi_overrides_visibly(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    html = _export(runner, hostile, tmp_path, "html").decode("utf-8")
    assert "&lt;U+202E&gt;RLO" in html and "\\x1b]52;c;aGFja2Vk\\x07" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    svg = _export(runner, hostile, tmp_path, "svg").decode("utf-8")
    root = ET.fromstring(svg.encode("utf-8"))
    texts = " ".join(x.text or "" for x in root.iter())
    assert "<U+202E>RLO" in texts and "\\x1b" in texts


# ---- Markdown: one escaper ---------------------------------------------------------------------

SCRIPT_TITLE = "<script>alert(1)</script> | a \\ b"
IMG_TITLE = "<img src=x onerror=alert(1)>"
SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt; \\| a \\\\ b"
IMG_SHOWN = "&lt;img src=x onerror=alert(1)&gt;"


def _markdown_outputs(runner: CliRunner, tmp_path: Path, texts: dict[str, str]) -> dict[str, str]:
    plain = tmp_path / "plain.yaml"
    plain.write_text(PROGRESS.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "roadmap.yaml"
    path.write_text(hostile_yaml(texts), encoding="utf-8")
    outputs = {}
    view = ("-f", str(path), "--as-of", AS_OF, "--lang", "en")
    for name, args, code in (
        ("status", ("status", *view, "--format", "markdown"), None),
        ("export", ("export", *view, "--format", "markdown"), 0),
        ("diff", ("diff", "--files", str(plain), str(path), "--format", "markdown",
                  "--lang", "en"), 1),
    ):  # fmt: skip
        result = invoke(runner, *args)
        assert code is None or result.exit_code == code, (name, result.output)
        outputs[name] = result.stdout
    return outputs


def test_markdown_outputs_escape_a_title_identically(runner: CliRunner, tmp_path: Path) -> None:
    """Before: status wrote `<script>` raw, the export's summary raw and its table half
    escaped (`&lt;script>`), the diff escaped it its own way. After: one escaper, one form."""
    texts = {key: f"{key} {HOSTILE}" for _old, key in PLACES}
    texts["I"], texts["K"] = SCRIPT_TITLE, IMG_TITLE
    outputs = _markdown_outputs(runner, tmp_path, texts)
    assert escape.markdown(SCRIPT_TITLE) == SCRIPT_SHOWN
    assert escape.markdown(IMG_TITLE) == IMG_SHOWN
    for name, text in outputs.items():
        assert SCRIPT_SHOWN in text, name  # the item's title
        assert IMG_SHOWN in text, name  # its next task's title
        assert_clean(name, text)
        for key in ("T", "C"):  # roadmap and course titles where each output shows them
            if name != "diff" or key == "C":
                assert escape.markdown(f"{key} {HOSTILE}") in text, (name, key)
        assert "<script" not in text.split("```mermaid")[0], name
        assert "<img" not in text.split("```mermaid")[0], name


def table_cells(line: str) -> list[str]:
    """The cells of a GFM table row: `|` splits unless backslash-escaped (`\\\\` is one
    escaped backslash, so the `|` after it does split)."""
    cells, current, chars = [], "", iter(line.strip())
    for char in chars:
        if char == "\\":
            current += char + next(chars, "")
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    cells.append(current)
    return cells[1:-1]


def test_markdown_tables_keep_their_columns(runner: CliRunner, tmp_path: Path) -> None:
    texts = {key: f"{key} {HOSTILE}" for _old, key in PLACES}
    texts["I"] = SCRIPT_TITLE
    outputs = _markdown_outputs(runner, tmp_path, texts)
    for name in ("status", "export"):
        tables: list[list[list[str]]] = []
        previous = ""
        for line in outputs[name].splitlines():
            if line.startswith("|"):
                if not previous.startswith("|"):
                    tables.append([])
                tables[-1].append(table_cells(line))
            previous = line
        assert tables, name
        for table in tables:
            assert len({len(row) for row in table}) == 1, (name, table)
        rows = [row for table in tables for row in table]
        assert any(SCRIPT_SHOWN in cell for row in rows for cell in row), name


def test_markdown_renders_no_tag_with_raw_html_enabled(runner: CliRunner, tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    texts = {key: f"{key} {HOSTILE}" for _old, key in PLACES}
    texts["I"], texts["K"] = SCRIPT_TITLE, IMG_TITLE
    renderer = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(
        ["table", "strikethrough"]
    )
    for name, text in _markdown_outputs(runner, tmp_path, texts).items():
        html = renderer.render(text)
        assert "<script" not in html and "<img" not in html, name
        assert "<a " not in html, name  # `[l](javascript:…)` is text, not a link
        assert "&lt;script&gt;alert(1)&lt;/script&gt; | a \\ b" in html, name
        assert "&lt;U+202E&gt;RLO" in html, name


# ---- readings of the seed: their text is data too ---------------------------------------------

# A decision that would be a formula, an attribute breaking out of its quotes, and a tag.
DECISION = '=HYPERLINK("x") " onmouseover="alert(1)" \' ' + HOSTILE


def hostile_readings_yaml() -> str:
    """The hostile roadmap with a reading whose decision, alternative and cite are hostile, on
    values that every format marks: the number and owners of the item needing attention (its
    title is hostile too) and the span of its next task."""
    return hostile_yaml() + (
        "readings:\n"
        "  - id: hostile-reading\n"
        "    about: [labour-management.number, labour-management.owners,"
        " labour-management-desk.fiscal_years]\n"
        f"    decision: {{en: {_q('D ' + DECISION)}, ja: {_q('J ' + DECISION)}}}\n"
        f"    alternatives: [{{en: {_q('A ' + HOSTILE)}}}]\n"
        '    seed_lines: ["1-2"]\n'
        f"    cites: [{_q('Q ' + HOSTILE)}]\n"
        "    page: 1\n"
        "    confidence: uncertain\n"
    )


@pytest.fixture(scope="module")
def hostile_read(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-readings") / "roadmap.yaml"
    path.write_text(hostile_readings_yaml(), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_no_export_carries_a_raw_character_of_a_reading(
    runner: CliRunner, hostile_read: Path, tmp_path: Path, fmt: str, lang: str
) -> None:
    data = _export(runner, hostile_read, tmp_path, fmt, lang)
    text = xlsx_text(data) if fmt == "xlsx" else data.decode("utf-8")
    assert_clean(fmt, text)
    if fmt == "json":  # for tools: the reading and the numbers of what it decides
        assert json.loads(text)["readings"][0]["id"] == "hostile-reading"
    else:  # for people: the reading's mark
        assert "※1" in text, fmt


def test_html_and_svg_escape_a_readings_text(
    runner: CliRunner, hostile_read: Path, tmp_path: Path
) -> None:
    from html.parser import HTMLParser

    document = _export(runner, hostile_read, tmp_path, "html").decode("utf-8")
    assert "<script>alert" not in document and "<img src=x" not in document

    class Marks(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.titles: list[str] = []
            self.handlers: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            self.handlers += [k for k in found if k.startswith("on")]
            if "reading-mark" in (found.get("class") or ""):
                self.titles.append(found.get("title") or "")

    parser = Marks()
    parser.feed(document)
    assert not parser.handlers  # no attribute broke out of its quotes
    shown = escape.document("D " + DECISION)
    assert parser.titles and all(shown in title for title in parser.titles)
    note = document.split('id="reading-1"', 1)[1].split("</li>\n</ol>", 1)[0]  # its footnote
    for text in ("D " + DECISION, "A " + HOSTILE, "Q " + HOSTILE):
        assert str(markupsafe.escape(escape.document(text))) in note, text  # as Jinja2 escapes
    assert "&lt;U+202E&gt;RLO" in note and "\\x1b]52" in note
    svg = _export(runner, hostile_read, tmp_path, "svg").decode("utf-8")
    root = ET.fromstring(svg.encode("utf-8"))
    tooltips = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(shown in t for t in tooltips)


def test_xlsx_keeps_a_readings_text_as_text(
    runner: CliRunner, hostile_read: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export(runner, hostile_read, tmp_path, "xlsx")))
    sheet = book["Readings"]
    head = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(head, sheet[2], strict=True)}
    decision = row["Decision"]
    assert decision.value == escape.document("D " + DECISION) and decision.data_type == "s"
    assert row["Alternatives"].value == escape.document("A " + HOSTILE)
    assert row["Cites"].value == "「" + escape.document("Q " + HOSTILE) + "」"


def test_markdown_and_ics_escape_a_readings_text(
    runner: CliRunner, hostile_read: Path, tmp_path: Path
) -> None:
    text = _export(runner, hostile_read, tmp_path, "markdown").decode("utf-8")
    table = [line for line in text.split("## Readings", 1)[1].splitlines() if line.startswith("|")]
    assert len({len(table_cells(line)) for line in table}) == 1 and len(table) == 3
    assert escape.markdown("D " + DECISION) in table[2]
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table"])
    rendered = renderer.render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(_export(runner, hostile_read, tmp_path, "ics"))
    descriptions = [str(e.get("DESCRIPTION")) for e in calendar.walk("VEVENT")]
    assert any(escape.document("D " + DECISION) in d for d in descriptions)


def test_json_keeps_a_readings_text_exactly(
    runner: CliRunner, hostile_read: Path, tmp_path: Path
) -> None:
    raw = _export(runner, hostile_read, tmp_path, "json").decode("utf-8")
    document = json.loads(raw)
    assert document["readings"][0]["decision"] == "D " + DECISION
    assert document["roadmap"]["readings"][0]["decision"]["ja"] == "J " + DECISION
    assert_clean("json", raw)


def test_markdown_renderer_would_run_the_raw_title() -> None:
    """The check above can fail: the same title unescaped is a tag to markdown-it."""
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(f"x {IMG_TITLE}\n")
    assert "<img" in html


# ---- districts: a district's name and block are data too --------------------------------------

# A name that would be a formula, break out of an attribute, and carry every hidden character.
DISTRICT_NAME = '=HYPERLINK("x") " onmouseover="alert(1)" ' + HOSTILE


def hostile_districts_yaml() -> str:
    """The hostile roadmap with a district registry whose names and block are hostile, and a
    district-scoped task (district-dock-run, every district) with a record in one of them."""
    text = hostile_yaml()
    old = "            fiscal_years: {from: 2024, to: 2024}\n            history:\n"
    old += '              - {status: done, date: "2025-03-01", by: 地域活動支援課}\n'
    assert old in text
    new = old.replace(
        "            history:\n", "            districts: all\n            history:\n"
    )
    new += '              - {status: delayed, date: "2025-04-01", district: evil}\n'
    text = text.replace(old, new, 1)
    return text + (
        "districts:\n"
        "  list:\n"
        f"    - {{id: evil, name: {{ja: {_q('J ' + DISTRICT_NAME)}, en: {_q('E ' + DISTRICT_NAME)}}},"
        f" block: {_q('B ' + HOSTILE)}}}\n"
        "    - {id: plain, name: {ja: 平穏地区, en: Plain}, hilly: true}\n"
    )


@pytest.fixture(scope="module")
def hostile_districts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-districts") / "roadmap.yaml"
    path.write_text(hostile_districts_yaml(), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_no_export_carries_a_raw_character_of_a_district(
    runner: CliRunner, hostile_districts: Path, tmp_path: Path, fmt: str, lang: str
) -> None:
    data = _export(runner, hostile_districts, tmp_path, fmt, lang)
    text = xlsx_text(data) if fmt == "xlsx" else data.decode("utf-8")
    assert_clean(fmt, text)
    if fmt in ("html", "markdown", "json", "xlsx"):  # the formats that name the districts
        assert "HYPERLINK" in text, fmt
    if fmt == "html":
        assert 'onmouseover="alert' not in text and "<script>alert" not in text


def test_html_and_markdown_escape_a_districts_name(
    runner: CliRunner, hostile_districts: Path, tmp_path: Path
) -> None:
    from html.parser import HTMLParser

    page = _export(runner, hostile_districts, tmp_path, "html").decode("utf-8")

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.attrs: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            self.attrs += [name for name, _value in attrs]

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "onmouseover" not in parser.attrs and "onerror" not in parser.attrs
    shown = "".join(parser.text)
    assert escape.document("E " + DISTRICT_NAME) in shown  # the matrix's row, the lagging list
    assert escape.document("B " + HOSTILE) in shown  # the group's heading

    markdown_it = pytest.importorskip("markdown_it")
    document = _export(runner, hostile_districts, tmp_path, "markdown").decode("utf-8")
    assert escape.markdown("E " + DISTRICT_NAME) in document
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table"])
    html = rendered.render(document)
    assert "<script" not in html and "<img" not in html
    assert 'onmouseover="' not in html  # the quote is text (&quot;), no attribute
    section = document.split("## Progress by district\n\n", 1)[1].split("\n\n", 1)[0]
    rows = section.splitlines()
    assert len(rows) == 2 + 2 + 2 + 1  # head, rule; two groups of one district; done
    for line in rows:  # every row keeps its two columns
        assert len(table_cells(line)) == 2, line


def test_xlsx_keeps_a_districts_name_as_text(
    runner: CliRunner, hostile_districts: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export(runner, hostile_districts, tmp_path, "xlsx")))
    sheet = book["Districts"]
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert names[0].value == escape.document("E " + DISTRICT_NAME)
    assert names[0].data_type == "s"  # text, never a formula
    assert sheet.cell(row=2, column=3).value == escape.document("B " + HOSTILE)
