"""The HTML report and the SVG timeline opened in a real browser: headless Chromium.

Debian's `chromium` with a Japanese font (`fonts-noto-cjk`), both installed by
.ci/install-browser, driven by its command-line flags only (no Selenium, Playwright or
browser download): `--dump-dom` gives the DOM after the page has loaded and rendered,
`--screenshot` a PNG, `--print-to-pdf` the printed document, and `--enable-logging=stderr`
every console message (the report has no script, so any console message is a fault: a
refused resource, a CSP violation). Layout is checked by a copy of the page with a small
script that measures it in the browser and writes the results into the DOM.

Skipped, with the reason, when Chromium is not installed. Set JTR_SCREENSHOT_DIR to keep the
screenshots.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import struct
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_export import AS_OF, EXPECTED  # the progress fixture's states, in one place

from jtr.export import EXPORTERS
from jtr.roadmap import open_roadmap
from jtr.status import roadmap_state

ROOT = Path(__file__).resolve().parent.parent
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
ROADMAP = ROOT / "data" / "roadmap.yaml"
WINDOW = (1600, 1100)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@cache
def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@cache
def has_cjk_font() -> bool:
    try:
        fonts = subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "Noto Sans CJK" in fonts.stdout


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        browser() is None,
        reason="chromium is not installed (.ci/install-browser installs chromium and fonts-noto-cjk)",
    ),
]


def chromium(tmp_path: Path, url: str, *flags: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a URL; raise if it fails."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        str(browser()),
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--allow-file-access-from-files",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        "--enable-logging=stderr",
        "--v=0",
        *flags,
        url,
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    return run


def console_messages(stderr: str) -> list[str]:
    """Console messages and page errors from Chromium's log."""
    return [
        line
        for line in stderr.splitlines()
        if ":CONSOLE" in line or "Uncaught" in line or "Refused to" in line
    ]


def export(name: str, path: Path, lang: str = "ja", roadmap: Path = PROGRESS) -> Path:
    state = roadmap_state(open_roadmap(roadmap).model, AS_OF)
    document = EXPORTERS[name].export(state, lang)
    assert isinstance(document, str)
    path.write_text(document, encoding="utf-8")
    return path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def keep(path: Path) -> None:
    folder = os.environ.get("JTR_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


class Dom(HTMLParser):
    """Elements of the rendered DOM with their attributes, and text by data-task."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.open: list[tuple[str, dict[str, str]]] = []
        self.task_text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag not in VOID:
            self.open.append((tag, values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if any(name == tag for name, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        for _tag, attrs in self.open:
            if "data-task" in attrs:
                key = attrs["data-task"]
                self.task_text[key] = self.task_text.get(key, "") + data

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [
            a
            for name, a in self.elements
            if name == tag and (cls is None or cls in a.get("class", "").split())
        ]


def dom_of(text: str) -> Dom:
    dom = Dom()
    dom.feed(text)
    dom.close()
    return dom


# ---- the HTML report ----------------------------------------------------------------------------


def test_html_report_renders_without_console_errors(tmp_path: Path) -> None:
    page = export("html", tmp_path / "report-ja.html")
    run = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert not console_messages(run.stderr), console_messages(run.stderr)
    dom = dom_of(run.stdout)
    # The timeline: the fiscal years, the phases, and every task's bar in its state.
    years = [a["data-year"] for a in dom.find("th", "year")]
    assert years == [str(y) for y in range(2023, 2028)] * 2  # one table per course
    assert [a["data-phase"] for a in dom.find("td", "phase")][:4] == [
        "preparation", "takeoff", "acceleration", "landing",
    ]  # fmt: skip
    rows = dom.find("tr", "task")
    assert {a["data-task"]: a["data-state"] for a in rows} == EXPECTED
    for task_id, text in dom.task_text.items():
        assert text.strip(), task_id
    assert len(dom.find("div", "as-of-line")) == 2
    # The tables: courses summary, items needing attention, task tables in the cards.
    tables = dom.find("table")
    classes = [a.get("class", "") for a in tables]
    assert "courses" in classes and "attention" in classes and classes.count("timeline") == 2
    assert len(dom.find("article", "card")) == 7


def test_html_report_screenshot(tmp_path: Path) -> None:
    for lang, roadmap in (("ja", ROADMAP), ("en", PROGRESS)):
        page = export("html", tmp_path / f"report-{lang}.html", lang, roadmap)
        shot = tmp_path / f"report-{lang}.png"
        run = chromium(tmp_path, page.as_uri(), f"--screenshot={shot}")
        assert not console_messages(run.stderr)
        assert png_size(shot) == WINDOW
        assert shot.stat().st_size > 50_000  # a rendered page, not a blank one
        keep(shot)


MEASURE = """
<script>
window.addEventListener("load", () => {
  const out = {};
  out.overflowX = document.documentElement.scrollWidth - window.innerWidth;
  out.fonts = [...new Set([...document.querySelectorAll("h1, th, .bar")].map(
    (e) => getComputedStyle(e).fontFamily.split(",")[0]))];
  out.charts = [...document.querySelectorAll(".chart")].map((chart) => {
    const line = chart.querySelector(".as-of-line").getBoundingClientRect();
    const arrow = chart.querySelector(".asof-arrow").getBoundingClientRect();
    const now = chart.querySelector("th.now").getBoundingClientRect();
    return {line: line.left + 1, arrow: (arrow.left + arrow.right) / 2,
            nowLeft: now.left, nowRight: now.right};
  });
  out.bars = [...document.querySelectorAll("tr.task")].map((row) => {
    const cells = [...row.querySelectorAll("td")];
    return {task: row.dataset.task, bars: cells.filter((c) => c.querySelector(".bar")).length,
            height: row.getBoundingClientRect().height};
  });
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def test_html_report_layout_in_the_browser(tmp_path: Path) -> None:
    """The as-of line stands where its arrow points, in the as-of year; nothing overflows."""
    page = export("html", tmp_path / "report.html", "en")
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)  # allow the probe
    probe = tmp_path / "probe.html"
    probe.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    run = chromium(tmp_path, probe.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    measured = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert measured["overflowX"] <= 0, "the page is wider than the window"
    if has_cjk_font():
        assert "Noto Sans CJK JP" in measured["fonts"][0]
    for chart in measured["charts"]:
        assert abs(chart["line"] - chart["arrow"]) <= 3, chart
        assert chart["nowLeft"] < chart["line"] < chart["nowRight"], chart
    bars = {b["task"]: b["bars"] for b in measured["bars"]}
    assert bars["requested-work-mayor-policy"] == 3 and bars["committee-nominations-decide"] == 1


def test_html_report_prints_on_a4_landscape(tmp_path: Path) -> None:
    page = export("html", tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    run = chromium(tmp_path, page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert not console_messages(run.stderr)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt
        assert abs(float(width) - 841.9) < 2 and abs(float(height) - 595.3) < 2
    assert len(boxes) >= 3  # the summary, the timeline and the cards each start a sheet


# ---- readings of the seed: marks and footnotes ---------------------------------------------------

READINGS = ROOT / "tests" / "fixtures" / "readings.yaml"

# Follows every mark to its footnote, then applies the style sheet's print rules on screen (after
# the others, as printing does) and looks at the footnotes again; then clicks the first mark.
READINGS_PROBE = """
<script>
window.addEventListener("load", () => {
  const out = {};
  out.marks = [...document.querySelectorAll("a.reading-mark")].map((a) => {
    const target = document.querySelector(a.getAttribute("href"));
    return {href: a.getAttribute("href"), text: a.textContent, title: a.title,
            target: target ? `${target.tagName.toLowerCase()}#${target.id}` : null,
            inReadings: !!(target && target.closest("section#readings")),
            shown: a.getClientRects().length > 0};
  });
  const notes = () => [...document.querySelectorAll("section#readings li.reading")].map((li) => ({
    id: li.id, shown: li.getClientRects().length > 0 && getComputedStyle(li).visibility !== "hidden",
    height: li.getBoundingClientRect().height, text: li.innerText}));
  out.screen = notes();
  let printRules = 0;
  for (const sheet of document.styleSheets) {
    for (const rule of [...sheet.cssRules]) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText.includes("print")) {
        for (const inner of [...rule.cssRules]) {
          sheet.insertRule(inner.cssText, sheet.cssRules.length);
          printRules += 1;
        }
      }
    }
  }
  out.printRules = printRules;
  out.navShown = document.querySelector("nav").getClientRects().length > 0;
  out.print = notes();
  out.printMarks = [...document.querySelectorAll("a.reading-mark")].filter(
    (a) => a.getClientRects().length > 0).length;
  document.querySelector("a.reading-mark").click();
  setTimeout(() => {
    const target = document.querySelector(":target");
    out.hash = location.hash;
    out.target = target ? target.id : null;
    const pre = document.createElement("pre");
    pre.id = "measured";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 100);
});
</script>
"""


def export_without_readings(path: Path, lang: str = "ja") -> Path:
    """The readings fixture's report with its readings removed."""
    model = open_roadmap(READINGS).model._replace(readings=())
    document = EXPORTERS["html"].export(roadmap_state(model, AS_OF), lang)
    assert isinstance(document, str)
    path.write_text(document, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html_reading_marks_lead_to_footnotes_that_print(tmp_path: Path, lang: str) -> None:
    page = export("html", tmp_path / f"readings-{lang}.html", lang, READINGS)
    run = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert not console_messages(run.stderr), console_messages(run.stderr)
    dom = dom_of(run.stdout)
    ids = {a["id"] for _tag, a in dom.elements if "id" in a}
    marks = dom.find("a", "reading-mark")
    assert marks and all(a["href"].removeprefix("#") in ids for a in marks)
    assert [a["id"] for a in dom.find("li", "reading")] == [f"reading-{n}" for n in range(1, 6)]
    # In the browser: every mark is shown, and leads to its footnote in the readings section.
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)  # allow the probe
    probe = tmp_path / "readings-probe.html"
    probe.write_text(text.replace("</body>", READINGS_PROBE + "</body>"), encoding="utf-8")
    run = chromium(tmp_path, probe.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    measured = json.loads(html.unescape(found.group(1)))
    assert len(measured["marks"]) == len(marks)
    for mark in measured["marks"]:
        number = mark["href"].removeprefix("#reading-")
        assert mark["text"] == f"※{number}" and mark["shown"], mark
        assert mark["target"] == f"li#reading-{number}" and mark["inReadings"], mark
        assert mark["title"], mark  # the decision, as a tooltip
    first = measured["marks"][0]["href"]
    assert (measured["hash"], f"#{measured['target']}") == (first, first)
    # Printed: the footnotes are still there, whole (print hides the contents, not them).
    assert measured["printRules"] > 5 and not measured["navShown"]
    for when in ("screen", "print"):
        notes = measured[when]
        assert [n["id"] for n in notes] == [f"reading-{n}" for n in range(1, 6)], when
        for note in notes:
            assert note["shown"] and note["height"] > 20, (when, note)
            assert note["id"].removeprefix("reading-") in note["text"], (when, note)
    assert measured["printMarks"] == len(marks)
    assert "Without 住自協, as for a city-only WG." in measured["print"][1]["text"]


def test_html_readings_print_on_a_sheet_of_their_own(tmp_path: Path) -> None:
    """The readings section starts a sheet when printed: one more page than without it."""
    pages = {}
    for name, page in (
        ("with", export("html", tmp_path / "with.html", "ja", READINGS)),
        ("without", export_without_readings(tmp_path / "without.html")),
    ):
        pdf = tmp_path / f"{name}.pdf"
        run = chromium(tmp_path, page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
        assert not console_messages(run.stderr)
        pages[name] = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    assert pages["without"] >= 3 and pages["with"] >= pages["without"] + 1, pages


# ---- the SVG timeline ---------------------------------------------------------------------------


def test_svg_renders_in_chromium(tmp_path: Path) -> None:
    picture = export("svg", tmp_path / "timeline-ja.svg", roadmap=ROADMAP)
    run = chromium(tmp_path, picture.as_uri(), "--dump-dom")
    assert not console_messages(run.stderr)
    dom = dom_of(run.stdout)
    assert dom.find("svg"), "Chromium did not read the file as SVG"
    tasks = dom.find("g", "task")
    assert len(tasks) == 32  # 30 tasks, 2 of them also listed under the item they are shared with
    shot = tmp_path / "timeline-ja.png"
    chromium(tmp_path, picture.as_uri(), f"--screenshot={shot}")
    assert png_size(shot) == WINDOW and shot.stat().st_size > 30_000
    keep(shot)


FIT = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
%s
<script>
const svg = document.querySelector("svg");
const chartX = svg.querySelector("g.year rect").x.baseVal.value;
const problems = [];
for (const label of svg.querySelectorAll("text.task-label")) {
  const box = label.getBBox();
  if (box.x + box.width > chartX - 2) problems.push(["label", label.textContent, box.x + box.width, chartX]);
}
for (const label of svg.querySelectorAll("text.bar-label")) {
  const rect = label.previousElementSibling;
  const width = label.getComputedTextLength();
  if (width > rect.width.baseVal.value - 2) problems.push(["bar", label.textContent, width, rect.width.baseVal.value]);
}
for (const label of svg.querySelectorAll("g.phase text")) {
  const rect = label.previousElementSibling;
  if (label.getComputedTextLength() > rect.width.baseVal.value) problems.push(["phase", label.textContent]);
}
const pre = document.createElement("pre");
pre.id = "measured";
pre.textContent = JSON.stringify({problems, labels: svg.querySelectorAll("text").length,
  font: getComputedStyle(svg.querySelector("text")).fontFamily});
document.body.appendChild(pre);
</script></body></html>"""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_svg_text_fits_with_the_real_font(tmp_path: Path, lang: str) -> None:
    """The exporter estimates text widths; the browser measures them with the real font."""
    if not has_cjk_font():
        pytest.skip("fonts-noto-cjk is not installed: widths would be measured in a fallback font")
    for roadmap in (ROADMAP, PROGRESS):
        picture = export("svg", tmp_path / "t.svg", lang, roadmap)
        svg = picture.read_text(encoding="utf-8").split("?>", 1)[1]
        probe = tmp_path / "fit.html"
        probe.write_text(FIT % svg, encoding="utf-8")
        run = chromium(tmp_path, probe.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
        found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
        assert found, run.stdout[-2000:]
        measured = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
        assert measured["labels"] > 50
        assert not measured["problems"], measured["problems"][:5]


# ---- districts: the district × task matrix -------------------------------------------------------

DISTRICTS = ROOT / "tests" / "fixtures" / "districts.yaml"
DISTRICTS_AS_OF = dt.date(2026, 11, 26)
# Each district's state in district-dock-run and district-dock-reflect (None: not in scope).
DISTRICT_STATES = {
    "serita": ("in_progress", None),  # the only district with a block: its group comes first
    "daiichi": ("done", None),
    "furumaki": ("in_progress", None),
    "miwa": ("delayed", None),
    "togakushi": ("cancelled", "done"),
    "kinasa": ("in_progress", "done"),
}

# Reads the matrix as the browser lays it out: each row's cells with their text as shown (the
# screen reader's too), the chip's colour, whether it is visible; then the same in print.
DISTRICTS_PROBE = """
<script>
window.addEventListener("load", () => {
  const read = () => {
    const table = document.querySelector("table.district-matrix");
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => ({
      group: tr.classList.contains("group") ? tr.innerText.trim() : null,
      district: tr.dataset.district || null,
      name: tr.querySelector("th").innerText.trim(),
      cells: [...tr.querySelectorAll("td")].map((td) => {
        const chip = td.querySelector(".state");
        const style = chip ? getComputedStyle(chip) : null;
        return {task: td.dataset.task, state: td.dataset.state || null,
                shown: td.innerText.trim(), text: td.textContent.trim(),
                chipText: chip ? chip.innerText.trim() : null,
                background: style ? style.backgroundColor : null,
                color: style ? style.color : null,
                visible: td.getClientRects().length > 0 && td.getBoundingClientRect().width > 8};
      }),
    }));
    const box = table.getBoundingClientRect();
    return {rows, right: box.right, width: document.documentElement.clientWidth,
            heads: [...table.querySelectorAll("thead th")].map((th) => th.innerText.trim()),
            lagging: [...document.querySelectorAll("li[data-task='district-dock-run'] p.lagging span")]
              .map((s) => s.innerText)};
  };
  const out = {screen: read()};
  for (const sheet of document.styleSheets) {
    for (const rule of [...sheet.cssRules]) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText.includes("print")) {
        for (const inner of [...rule.cssRules]) sheet.insertRule(inner.cssText, sheet.cssRules.length);
      }
    }
  }
  out.print = read();
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def export_districts(path: Path, lang: str) -> Path:
    state = roadmap_state(open_roadmap(DISTRICTS).model, DISTRICTS_AS_OF)
    document = EXPORTERS["html"].export(state, lang)
    assert isinstance(document, str)
    path.write_text(document, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html_district_matrix_in_the_browser(tmp_path: Path, lang: str) -> None:
    from jtr.labels import label
    from jtr.presenter import symbol_label

    page = export_districts(tmp_path / f"districts-{lang}.html", lang)
    run = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert not console_messages(run.stderr), console_messages(run.stderr)
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)  # allow the probe
    probe = tmp_path / f"districts-probe-{lang}.html"
    probe.write_text(text.replace("</body>", DISTRICTS_PROBE + "</body>"), encoding="utf-8")
    run = chromium(tmp_path, probe.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    measured = json.loads(html.unescape(found.group(1)))
    not_in_scope = label("districts_not_in_scope", lang)
    for when in ("screen", "print"):
        shown = measured[when]
        assert shown["right"] <= shown["width"] + 1, (when, "the matrix is wider than the page")
        assert len(shown["heads"]) == 3 and all(shown["heads"]), shown["heads"]
        rows = shown["rows"]
        groups = [r["group"] for r in rows if r["group"] is not None]
        unknown = label("districts_block_unknown", lang)
        assert groups == ["central", unknown], (when, groups)
        districts = [r["district"] for r in rows if r["district"]]
        assert districts == list(DISTRICT_STATES), when
        for row in rows:
            if row["district"] is None:
                continue
            assert row["name"], row
            cells = row["cells"]
            assert [c["state"] for c in cells] == list(DISTRICT_STATES[row["district"]]), row
            for cell in cells:
                # Every cell has text (never colour alone), and is laid out.
                assert cell["shown"] and cell["visible"], (when, row["district"], cell)
                if cell["state"] is None:
                    assert cell["shown"].startswith("·") and not_in_scope in cell["text"], cell
                    assert cell["background"] is None
                else:
                    assert cell["chipText"] == symbol_label(cell["state"], lang), cell
                    assert cell["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), cell
                    assert cell["color"] != cell["background"], cell
        expected = {"ja": ["三輪地区", "芹田地区", "古牧地区", "鬼無里地区"],
                    "en": ["Miwa", "Serita", "Furumaki", "Kinasa"]}[lang]  # fmt: skip
        assert shown["lagging"] == expected, when


def test_html_district_section_prints_on_a4_landscape(tmp_path: Path) -> None:
    page = export_districts(tmp_path / "districts.html", "ja")
    pdf = tmp_path / "districts.pdf"
    run = chromium(tmp_path, page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert not console_messages(run.stderr)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) >= 4  # summary, timeline, districts, cards: each starts a sheet
    for width, height in boxes:
        assert abs(float(width) - 841.9) < 2 and abs(float(height) - 595.3) < 2
