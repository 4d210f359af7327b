"""`render_timeline`: the Gantt chart, checked against reviewed golden files and by property.

Regenerate the golden files with `JTR_UPDATE_GOLDEN=1 python -m pytest tests/test_timeline.py`,
then read them (`cat tests/golden/timeline-ja-80-plain.txt`) before committing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from jtr.fiscal import era_label
from jtr.i18n import LABELS
from jtr.loader import load_text
from jtr.model import Roadmap, build
from jtr.render.timeline import ASCII, STATE_LOOK, UNICODE, WORDS, fit, layout, render_timeline
from jtr.roadmap import open_roadmap
from jtr.status import RoadmapState, filter_state, roadmap_state

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
PROGRESS = Path(__file__).resolve().parent / "fixtures" / "timeline-progress.yaml"
AS_OF = dt.date(2026, 11, 26)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
UPDATE = os.environ.get("JTR_UPDATE_GOLDEN") == "1"
# Every character the renderer itself may draw outside ASCII.
SYMBOLS = frozenset(
    "".join(look[0] for look in STATE_LOOK.values())
    + "".join(v for k, v in UNICODE._asdict().items() if k != "owner_sep_ja")
    + "ⅠⅡ"
)
SYMBOLS = frozenset(c for c in SYMBOLS if not c.isascii())


@cache
def shipped() -> Roadmap:
    return open_roadmap(ROOT / "data" / "roadmap.yaml").model


@cache
def progress() -> Roadmap:
    return build(load_text(PROGRESS.read_text(encoding="utf-8"), str(PROGRESS)))


def state_at(roadmap: Roadmap, day: dt.date = AS_OF) -> RoadmapState:
    return roadmap_state(roadmap, day)


def plain(text: str) -> str:
    return ANSI.sub("", text)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"{path} is missing: run with JTR_UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} changed: rerun with JTR_UPDATE_GOLDEN=1 and review"


def char_at_cell(line: str, cell: int) -> str | None:
    """The character drawn at display cell `cell` (None past the end or inside a wide one)."""
    used = 0
    for char in line:
        if used == cell:
            return char
        used += cell_len(char)
        if used > cell:
            return None
    return None


def columns(output: str) -> tuple[list[int], list[str]]:
    """Cell offsets of the year-column separators (from the rule under the header), and lines."""
    lines = plain(output).splitlines()
    rule = next(line for line in lines if "┼" in line or "-+-" in line)
    cross = "┼" if "┼" in rule else "+"
    offsets = [cell_len(rule[:i]) for i, c in enumerate(rule) if c in (cross, "┤")]
    return offsets, lines


def bar(output: str, title: str) -> list[str]:
    """The cells inside each year column of the task row whose label starts with `title`."""
    offsets, lines = columns(output)
    row = next(line for line in lines if line.lstrip(" ↳->").startswith(title))
    # English titles in these tests: one character per cell.
    return [row[a + 1 : b] for a, b in itertools.pairwise(offsets)]


# Golden files -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_golden(lang: str, width: int, color: bool) -> None:
    output = render_timeline(state_at(shipped()), lang=lang, width=width, color=color)
    check_golden(f"timeline-{lang}-{width}-{'color' if color else 'plain'}.txt", output)


def test_colour_is_only_styling() -> None:
    """The colour output shows exactly the plain text; the plain output has no escape at all."""
    state = state_at(progress())
    for lang in ("ja", "en"):
        text = render_timeline(state, lang=lang, width=80)
        coloured = render_timeline(state, lang=lang, width=80, color=True)
        assert "\x1b" not in text
        assert "\x1b[" in coloured
        assert plain(coloured) == text


def test_colour_of_states() -> None:
    coloured = render_timeline(state_at(progress()), lang="en", width=80, color=True)
    assert "\x1b[32m█████" in coloured  # done: green
    assert "\x1b[1;31m!!!!!" in coloured  # overdue: bold red
    assert "\x1b[36m▓▓▓▓▓" in coloured  # in progress: cyan
    assert "\x1b[35m»»»»»" in coloured  # delayed: magenta
    assert "\x1b[34m‖‖‖‖‖" in coloured  # on hold: blue
    assert "\x1b[2;9m×××××" in coloured  # cancelled: dim strike
    assert "\x1b[1;7m" in coloured  # the as-of year's header is highlighted


# Width and alignment ------------------------------------------------------------------------

WIDTHS = [60, 80, 100, 120, 200]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_wider_than_width(lang: str, ascii_only: bool, color: bool, width: int) -> None:
    for roadmap in (shipped(), progress()):
        output = render_timeline(
            state_at(roadmap), lang=lang, width=width, ascii_only=ascii_only, color=color
        )
        assert output.endswith("\n")
        for line in plain(output).splitlines():
            assert cell_len(line) <= width, f"{cell_len(line)} cells: {line!r}"
            assert line == line.rstrip()


@pytest.mark.parametrize("width", [20, 30, 40])
def test_too_narrow_for_the_chart_lists_the_tasks_by_year(width: int) -> None:
    """Below the narrowest chart (41 cells for four years) the view says so and lists each
    fiscal year's tasks, no line wider than asked; below 20 cells it draws at 20."""
    state = state_at(shipped())
    output = render_timeline(state, lang="en", width=width)
    assert "The chart needs 41 cells" in " ".join(output.split())
    assert "┼" not in output and "  FY2024 · Take-off" in output
    assert "▼ FY2026 · Landing" in output
    assert max(cell_len(line) for line in output.splitlines()) <= width
    assert render_timeline(state, lang="ja", width=0) == render_timeline(state, lang="ja", width=20)
    assert "工程表の表示には41桁必要です" in render_timeline(state, lang="ja", width=40)
    assert "┼" in render_timeline(state, lang="ja", width=41)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize("width", WIDTHS)
def test_columns_stay_aligned(lang: str, ascii_only: bool, width: int) -> None:
    """In every task row, each column boundary holds a separator or a bar running through it."""
    output = render_timeline(state_at(shipped()), lang=lang, width=width, ascii_only=ascii_only)
    offsets, lines = columns(output)
    glyphs = ASCII if ascii_only else UNICODE
    fills = {look[1] if ascii_only else look[0] for look in STATE_LOOK.values()}
    header = {glyphs.header_sep}
    body = {glyphs.body_sep} | fills
    start = next(i for i, line in enumerate(lines) if glyphs.cross in line and glyphs.rule in line)
    rows = 0
    for line in lines[1:start]:
        if glyphs.header_sep in line:
            assert {char_at_cell(line, o) for o in offsets} <= header, line
    end = max(i for i, line in enumerate(lines) if set(line) == {glyphs.rule})
    for line in lines[start + 1 : end]:
        if line.startswith("    "):  # a task row
            rows += 1
            assert {char_at_cell(line, o) for o in offsets} <= body, line
            assert cell_len(line) == offsets[-1] + 1
    assert rows == sum(len(i.tasks) for c in shipped().courses for i in c.items) + 2


def test_layout() -> None:
    years = (2023, 2024, 2025, 2026)
    geo = layout(80, years)
    assert geo is not None and geo.column >= 8 and 36 <= geo.label <= 42 and geo.chart == 80
    assert layout(60, years).chart == 60
    narrowest = layout(41, years)
    assert narrowest is not None and narrowest.column == 5 and narrowest.label == 20
    assert layout(40, years) is None and layout(10, years) is None
    wide = layout(200, years)
    assert wide is not None and wide.column <= 24 and wide.chart == 200
    short = layout(80, years, needed=20)
    assert short is not None and short.label == 20 + (80 - 21) % 4 and short.chart == 80
    many = layout(80, tuple(range(2020, 2030)))
    assert many is not None and many.column == 5 and many.label >= 20
    assert many.width == many.chart
    assert layout(70, tuple(range(2020, 2030))) is None


def test_fit_never_halves_a_wide_character() -> None:
    assert fit("あいう", 4) == "あ…"
    assert fit("あいう", 4, pad=True) == "あ… "
    assert fit("aあい", 4) == "aあ…"
    assert fit("あいう", 5) == "あい…"
    assert fit("あいう", 6) == "あいう"
    assert fit("abc", 2, "~") == "a~"
    assert fit("abc", 0) == ""
    for text in ("WGでの検討・方針決定（業務・雇用のあり方）", "Study in the WG", "aあbいcう"):
        for width in range(1, 30):
            assert cell_len(fit(text, width)) <= width
            assert cell_len(fit(text, width, pad=True)) == width


# Header and marker --------------------------------------------------------------------------


def test_header_names_the_years_and_phases() -> None:
    state = state_at(shipped())
    ja = render_timeline(state, lang="ja", width=80)
    assert "令和5年度" in ja and "令和8年度" in ja and " 2024 " in ja
    assert "離陸期" in ja and "加速期" in ja and "着陸期" in ja and "推進体制" in ja
    assert "基準日 2026-11-26 · 令和8年度 · 着陸期" in ja
    assert "Ⅰ ２０２４コース — 目標 令和6年度" in ja
    narrow = render_timeline(state, lang="ja", width=60)
    assert "R6 2024" in narrow and "令和6年度 " not in narrow.split("\n")[3]
    en = render_timeline(state, lang="en", width=120)
    assert "FY2023" in en and "FY2026" in en and "Take-off" in en and "Landing" in en
    assert "as of 2026-11-26 · FY2026 · Landing" in en
    assert "Ⅱ 2026 Course — target FY2026" in en


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_marker_in_the_as_of_column(lang: str, width: int) -> None:
    output = render_timeline(state_at(shipped()), lang=lang, width=width)
    offsets, lines = columns(output)
    marker = next(line for line in lines if line.strip() == "▼")
    cell = cell_len(marker) - 1
    assert offsets[3] < cell < offsets[4]  # FY2026, the fourth column


def test_marker_outside_the_period() -> None:
    before = render_timeline(state_at(progress(), dt.date(2023, 1, 1)), lang="en", width=80)
    after = render_timeline(state_at(progress(), dt.date(2027, 6, 1)), lang="en", width=80)
    assert any(line.strip() == "◀" for line in before.splitlines())
    assert any(line.strip() == "▶" for line in after.splitlines())
    assert "as of 2023-01-01 · FY2022\n" in before


# State-dependent rendering ------------------------------------------------------------------


def test_bars_follow_the_derived_state() -> None:
    output = render_timeline(state_at(progress()), lang="en", width=80)
    done, overdue, progress_, delayed, held, dropped = (
        bar(output, title)
        for title in (
            "Finished task",
            "Unrecorded task",
            "Running task",
            "Late task",
            "Paused task",
            "Dropped task",
        )
    )
    assert done[0].strip() == "" and set(done[1]) == {"█"} and done[2].strip() == ""
    assert set(overdue[1]) == set(overdue[2]) == {"!"}
    assert set(progress_[2]) == set(progress_[3]) == {"▓"}
    assert set(delayed[3]) == {"»"}
    assert set(held[3]) == {"‖"}
    assert set(dropped[2]) == {"×"}
    # A bar over several years runs through the separator between them.
    offsets, lines = columns(output)
    row = next(line for line in lines if line.strip().startswith("Unrecorded task"))
    assert row[offsets[2]] == "!" and row[offsets[1]] == "┊" and row[offsets[3]] == "┊"


def test_as_of_before_the_record_shows_the_task_differently() -> None:
    roadmap = progress()
    before = render_timeline(state_at(roadmap, dt.date(2024, 4, 10)), lang="en", width=80)
    between = render_timeline(state_at(roadmap, dt.date(2024, 5, 20)), lang="en", width=80)
    after = render_timeline(state_at(roadmap, dt.date(2024, 6, 1)), lang="en", width=80)
    early = render_timeline(state_at(roadmap, dt.date(2023, 6, 1)), lang="en", width=80)
    assert set(bar(early, "Finished task")[1]) == {"░"}  # not yet due
    assert set(bar(before, "Finished task")[1]) == {"▒"}  # due, nothing recorded yet
    assert set(bar(between, "Finished task")[1]) == {"▓"}  # in progress (2024-04-15)
    assert set(bar(after, "Finished task")[1]) == {"█"}  # done (2024-06-01)


def test_recurring_task_marks_each_year_by_its_occurrence() -> None:
    output = render_timeline(state_at(progress()), lang="en", width=80)
    cells = bar(output, "Yearly briefing")
    assert cells[0].strip() == ""
    assert cells[1].strip() == "█◆█"  # FY2024 done
    assert cells[2].strip() == "!◆!"  # FY2025 missed
    assert cells[3].strip() == "▒◆▒"  # FY2026 due
    ascii_cells = bar(
        render_timeline(state_at(progress()), lang="en", width=80, ascii_only=True),
        "Yearly briefing",
    )
    assert [c.strip() for c in ascii_cells] == ["", "#*#", "!*!", "-*-"]


def test_shared_tasks_show_under_the_sharing_item() -> None:
    output = render_timeline(state_at(progress()), lang="en", width=80)
    lines = output.splitlines()
    item_a = lines.index(next(line for line in lines if "1 Item A" in line))
    item_b = lines.index(next(line for line in lines if "2 Item B" in line))
    assert any(line.startswith("    ↳ Late task ") for line in lines[item_a + 1 : item_b])
    assert any(line.startswith("    Late task ") for line in lines[item_b:])
    assert sum("Late task" in line for line in lines) == 2
    ascii_output = render_timeline(state_at(progress()), lang="en", width=80, ascii_only=True)
    assert "    -> Late task" in ascii_output


def test_filtered_state_renders() -> None:
    state = filter_state(state_at(shipped()), states={"due"})
    output = render_timeline(state, lang="en", width=80)
    assert "!!!" not in output.split("legend")[0]
    empty = filter_state(state_at(shipped()), courses={"nothing"})
    assert "legend:" in render_timeline(empty, lang="en", width=80)


# ASCII mode ---------------------------------------------------------------------------------


def strings(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v, key)
    elif isinstance(value, str) and key != "numeral":
        yield value


def japanese_text(roadmap: Roadmap) -> set[str]:
    """Characters of the roadmap's own texts and of jtr's Japanese labels."""
    labels = [*LABELS.values(), *WORDS.values()]
    texts = [*strings(roadmap.raw), *(ja for ja, _ in labels)]
    texts += [era_label(year) for year in roadmap.period.years()]
    return {c for text in texts for c in text if not c.isascii()}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_ascii_only(width: int, color: bool) -> None:
    for roadmap in (shipped(), progress()):
        state = state_at(roadmap)
        en = plain(render_timeline(state, lang="en", width=width, ascii_only=True, color=color))
        assert en.isascii(), {c for c in en if not c.isascii()}
        ja = plain(render_timeline(state, lang="ja", width=width, ascii_only=True, color=color))
        allowed = japanese_text(roadmap) - SYMBOLS
        assert {c for c in ja if not c.isascii()} <= allowed
        assert not SYMBOLS & set(ja)
        if width <= 80 and roadmap is shipped():
            assert "~" in ja and "~" in en  # truncation is marked in ASCII too


def test_symbols_are_what_ascii_mode_avoids() -> None:
    """The unicode rendering uses the symbols, so the ASCII test above is not vacuous."""
    output = render_timeline(state_at(progress()), lang="ja", width=80)
    assert {"█", "!", "▓", "»", "‖", "×", "◆", "▼", "↳", "┊", "│", "┼", "·", "—", "Ⅱ"} <= set(
        output
    )
