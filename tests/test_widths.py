"""Width and layout of the terminal views: every line fits the width asked for, text wraps at
word boundaries (Japanese between any two characters), a state or span is never split, and
`--ascii` output holds no mark of jtr's own outside ASCII.

Widths are measured with `rich.cells.cell_len`, as a terminal drawing ambiguous characters
narrow shows them; under `JTR_AMBIGUOUS_WIDTH=2` with `jtr.render.lines.cell_len`.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from helpers import run
from rich.cells import cell_len
from typer.testing import CliRunner

from jtr.labels import label
from jtr.loader import load_file
from jtr.model import Roadmap, build
from jtr.presenter import task_state_label, year_label
from jtr.render import lines as lines_module
from jtr.render.show import list_entries, render_list, render_text
from jtr.render.timeline import ASCII, STATE_LOOK, UNICODE, chart_width, render_timeline
from jtr.review import history as hist
from jtr.review import render as diff_render
from jtr.review.gitio import Commit
from jtr.review.semantic import diff_roadmaps
from jtr.status import STATES, RoadmapState, roadmap_state

ROOT = Path(__file__).resolve().parent.parent
ROADMAPS = {
    "roadmap": ROOT / "data" / "roadmap.yaml",
    "progress": ROOT / "tests" / "fixtures" / "progress.yaml",
}
AS_OF = dt.date(2026, 11, 26)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# The marks jtr draws itself outside ASCII (the chart's glyphs and fills, the diff's arrows,
# dashes, quotes and dots, a course's numeral).
MARKS = frozenset(
    c
    for c in "".join(UNICODE) + "".join(look[0] for look in STATE_LOOK.values()) + "→–—“”·…ⅠⅡⅢ"
    if not c.isascii() and c != "・"
)


@cache
def data(name: str) -> dict[str, Any]:
    return load_file(ROADMAPS[name]).data


@cache
def model(name: str) -> Roadmap:
    return build(copy.deepcopy(data(name)))


def state(name: str) -> RoadmapState:
    return roadmap_state(model(name), AS_OF)


def plain(text: str) -> str:
    return ANSI.sub("", text)


def widest(text: str, measure: Callable[[str], int] = cell_len) -> int:
    return max((measure(line) for line in plain(text).splitlines()), default=0)


def words(text: str) -> Counter[str]:
    """The ASCII words and ids of a text: a word split across lines would count as two."""
    return Counter(re.findall(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", plain(text)))


def ascii_data(value: Any) -> Any:
    """The roadmap's data with every character of its texts outside ASCII written `x`, so
    that what remains outside ASCII in an output is jtr's own."""
    if isinstance(value, dict):
        return {k: ascii_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [ascii_data(v) for v in value]
    if isinstance(value, str):
        return "".join(c if c.isascii() else "x" for c in value)
    return value


# ---- timeline -----------------------------------------------------------------------------------


def marker_column(lines: list[str], index: int, marker: str, rule: str) -> None:
    """The as-of marker sits inside the as-of year's column (between its separators)."""
    ruler = next(line for line in lines if rule in line)
    cross = "┼" if rule == "┼" else "+"
    offsets = [cell_len(ruler[:i]) for i, c in enumerate(ruler) if c in (cross, "┤")]
    row = next(line for line in lines if line.strip() == marker)
    cell = cell_len(row) - 1
    assert offsets[index] < cell < offsets[index + 1], (offsets, cell)


# Every width 40-160 with --slow; the fast run takes every width up to where the chart first
# fits (the narrow cases), then every seventh.
EVERY_WIDTH = [
    pytest.param(range(40, 161), marks=pytest.mark.slow, id="every"),
    pytest.param([*range(40, 70), *range(70, 161, 7), 160], id="sample"),
]


@pytest.mark.parametrize("widths", EVERY_WIDTH)
@pytest.mark.parametrize("name", sorted(ROADMAPS))
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
def test_timeline_fits_every_width_from_40_to_160(
    name: str, lang: str, ascii_only: bool, widths: range | list[int]
) -> None:
    current = state(name)
    years = list(current.roadmap.period.years())
    glyphs = ASCII if ascii_only else UNICODE
    rule = "+" if ascii_only else "┼"
    narrow = label("timeline_too_narrow", lang).format(cells=chart_width(len(years)))
    for width in widths:
        output = render_timeline(current, lang=lang, width=width, ascii_only=ascii_only)
        lines = output.splitlines()
        assert widest(output) <= width, (width, max(lines, key=cell_len))
        flat = "".join(output.split())
        if width < chart_width(len(years)):
            assert "".join(narrow.split()) in flat, width
            heading = f"{glyphs.marker} {year_label(current.fiscal_year, lang, 'label')}"
            assert any(line.startswith(heading) for line in lines), width
        else:
            assert "".join(narrow.split()) not in flat, width
            assert sum(1 for line in lines if line.strip() == glyphs.marker) == 1
            marker_column(lines, years.index(current.fiscal_year), glyphs.marker, rule)
        if ascii_only:
            assert not MARKS & set(output), (width, MARKS & set(output))


@pytest.mark.parametrize("width", [40, 45, 46, 60, 80, 120, 160])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_timeline_under_ambiguous_width_two(
    monkeypatch: pytest.MonkeyPatch, width: int, lang: str
) -> None:
    """Under JTR_AMBIGUOUS_WIDTH=2 the chart is drawn in ASCII glyphs (box drawing and blocks
    are double-width there) and every line fits, ambiguous characters counted as two."""
    monkeypatch.setenv("JTR_AMBIGUOUS_WIDTH", "2")
    for name in ROADMAPS:
        output = render_timeline(state(name), lang=lang, width=width)
        assert widest(output, lines_module.cell_len) <= width
        assert "│" not in output and "█" not in output and "▼" not in output


def test_cell_len_counts_ambiguous_characters_as_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ⅰ·…○●※→ab漢"
    monkeypatch.delenv("JTR_AMBIGUOUS_WIDTH", raising=False)
    assert lines_module.cell_len(text) == cell_len(text) == 11
    monkeypatch.setenv("JTR_AMBIGUOUS_WIDTH", "2")
    assert lines_module.cell_len(text) == 18
    assert lines_module.cell_len("abc") == 3 and lines_module.cell_len("漢字") == 4
    assert lines_module.fit("→→→→", 5) == "→…"  # 2 + 2 cells, then nothing more fits
    monkeypatch.setenv("JTR_AMBIGUOUS_WIDTH", "1")
    assert lines_module.cell_len(text) == 11


def test_timeline_command_honours_width_40(runner: CliRunner) -> None:
    roadmap = str(ROADMAPS["roadmap"])
    for lang in ("en", "ja"):
        code, out, _ = run(
            runner,
            "timeline",
            "-f",
            roadmap,
            "--width",
            "40",
            "--lang",
            lang,
            "--as-of",
            "2026-11-26",
        )
        assert code == 0 and widest(out) <= 40
        assert "".join(label("timeline_too_narrow", lang).format(cells=41).split()) in "".join(
            out.split()
        )


# ---- wrapping --------------------------------------------------------------------------------


def test_wrap_breaks_between_words_and_japanese_characters() -> None:
    ranges = lines_module.wrap_ranges
    text = "Ⅰ-4 公民館・交流センター・老人福祉センターの指定管理者制度(community-centres)"
    shown = [text[a:b] for a, b in ranges(text, 40, 2)]
    assert shown == [
        "Ⅰ-4 公民館・交流センター・老人福祉セン",
        "ターの指定管理者制度",
        "(community-centres)",
    ]
    text = "  Review the policy  FY2023  overdue (no record)  [community-centres-policy-review]"
    kept = (text.index("overdue"), text.index(")") + 1)
    shown = [text[a:b] for a, b in ranges(text, 40, 4, [kept])]
    assert shown == [
        "  Review the policy  FY2023",
        "overdue (no record)",
        "[community-centres-policy-review]",
    ]
    # a word longer than the line is folded, never inside an escape as shown (\x1b)
    text = "a" * 17 + "\\x1b" + "b" * 5
    shown = [text[a:b] for a, b in ranges(text, 20)]
    assert shown == ["a" * 17, "\\x1b" + "b" * 5]
    # no line starts with a closing mark, none breaks 令和6年度 apart
    for width in range(6, 30):
        for a, b in ranges("令和6年度の検討、方針決定。（市直営等）" * 2, width):
            piece = "令和6年度の検討、方針決定。（市直営等）" * 2
            assert piece[a] not in "、。）", (width, piece[a:b])
            assert not piece[a:b].endswith("（")


def show_entities(name: str) -> list[Any]:
    roadmap = model(name)
    items = list(roadmap.items())
    tasks = [t for i in items for t in i.tasks]
    return [*items[:8], *tasks[:12], *roadmap.courses, *roadmap.working_groups[:3]]


def state_texts(current: RoadmapState, lang: str) -> list[str]:
    texts = {label(s, lang) for s in STATES}
    texts |= {
        task_state_label(ts, lang) for c in current.courses for i in c.items for ts in i.tasks
    }
    return sorted(t for t in texts if " " in t or len(t) > 2)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_show_wraps_between_words_under_its_field(lang: str) -> None:
    current = state("progress")
    states = state_texts(current, lang)
    for entity in show_entities("progress"):
        wide = render_text(current, entity, lang, width=1000, color=False)
        for width in (40, 47, 60, 80, 100):
            text = render_text(current, entity, lang, width=width, color=False)
            assert widest(text) <= width, (entity.id, width)
            assert words(text) == words(wide), (entity.id, width)
            assert "".join(text.split()) == "".join(wide.split())
            for shown in states:  # a state never split across lines
                assert text.count(shown) == wide.count(shown), (entity.id, width, shown)
    item = next(i for i in model("roadmap").items() if i.id == "community-centres")
    text = render_text(state("roadmap"), item, "en", width=40, color=False)
    assert "    overdue (no record)\n" in text or "  overdue (no record)" in text
    assert "(c\n" not in text and "\nommunity" not in text
    lines = text.splitlines()
    heading = lines.index(next(line for line in lines if re.match(r"Ⅰ-4(※[0-9,]+)? ", line)))
    assert lines[heading + 1].startswith("  ") and not lines[heading + 1].startswith("   ")


def test_show_field_continues_under_its_value() -> None:
    current = state("progress")
    item = next(i for i in model("progress").items() if i.id == "fundraising")
    text = render_text(current, item, "en", width=60, color=False)
    lines = text.splitlines()
    for number, line in enumerate(lines[:-1]):
        if line.startswith("working group: "):
            assert lines[number + 1].startswith(" " * len("working group: "))
            break
    else:
        pytest.fail("no working group line")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind", ["items", "tasks", "owners"])
def test_list_wraps_titles_under_their_column(lang: str, kind: str) -> None:
    entries = list_entries(model("roadmap"), kind, lang)
    unwrapped = render_list(entries, "text")
    assert render_list(entries, "text", None) == unwrapped
    for width in range(40, 121, 7):
        text = render_list(entries, "text", width)
        assert widest(text) <= width
        assert words(text) == words(unwrapped)
        assert "".join(text.split()) == "".join(unwrapped.split())
        ids = [line.split()[0] for line in text.splitlines() if not line.startswith(" ")]
        assert ids == [i for i, _ in entries]


def plan(name: str) -> dict[str, Any]:
    """A roadmap's data without its readings: the progress fixture has none, and a reading's
    path (`simplified-city-support-in-review-areas`) is one word longer than the narrowest
    width, which no wrapping can keep whole."""
    return {k: v for k, v in data(name).items() if k != "readings"}


def plan_diff() -> Any:
    return diff_roadmaps(plan("roadmap"), plan("progress"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_diff_wraps_to_the_width(lang: str) -> None:
    result = plan_diff()
    assert len(result.changes) > 20
    wide = diff_render.render_text(result, "a", "b", lang)
    assert wide == diff_render.render_text(result, "a", "b", lang, width=None)
    states = [label(s, lang) for s in (*STATES, "planned") if " " in label(s, lang)]
    for width in range(40, 161, 9):
        text = diff_render.render_text(result, "a", "b", lang, width=width)
        assert widest(text) <= width, width
        assert words(text) == words(wide), width
        assert "".join(text.split()) == "".join(wide.split())
        for shown in states:
            assert text.count(shown) == wide.count(shown), (width, shown)


def test_diff_continues_under_the_field() -> None:
    text = diff_render.render_text(plan_diff(), "a", "b", "en", width=50)
    lines = text.splitlines()
    found = 0
    for line, after in itertools.pairwise(lines):
        match = re.match(r"( *)(status: )", line)
        if match and after.startswith(" " * len(match.group(0))) and cell_len(line) > 40:
            found += 1
    assert found


def history_output(lang: str, width: int, ascii_only: bool, datasets: tuple[Any, Any]) -> str:
    old, new = datasets
    commits = [
        Commit("b" * 40, ("a" * 40,), "2026-11-20T10:00:00+09:00", "Author Name", "a@example.org",
               "Record the progress of the courses and their items in one commit", "1", "2"),
        Commit("a" * 40, (), "2025-04-01T10:00:00+09:00", "Author Name", "a@example.org",
               "Add the roadmap", None, "1"),
    ]  # fmt: skip
    versions = [
        hist.Version(commits[0], old, new, diff_roadmaps(old, new)),
        hist.Version(commits[1], None, old, diff_roadmaps(old, old)),
    ]
    bars = hist.by_fiscal_year(new, None, AS_OF)
    points = hist.over_time(versions, None)
    return hist.render_history_text(
        "data/roadmap.yaml", None, versions, bars, points, lang,
        width=width, color=False, ascii_only=ascii_only,
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_history_wraps_and_fits(lang: str) -> None:
    datasets = (plan("roadmap"), plan("progress"))
    wide = history_output(lang, 1000, False, datasets)
    for width in range(40, 161, 11):
        text = history_output(lang, width, False, datasets)
        assert widest(text) <= width, width
        changes = text.split("\n\n")[0]
        assert words(changes) == words(wide.split("\n\n")[0]), width


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ascii_output_is_ascii_but_the_data(lang: str) -> None:
    """With --ascii every character outside ASCII is the data's (here all made ASCII) or, in
    Japanese, the catalog's words: no arrow, dot, ellipsis, numeral or fill of jtr's own."""
    old, new = ascii_data(data("roadmap")), ascii_data(data("progress"))
    current = roadmap_state(build(copy.deepcopy(new)), AS_OF)
    for width in (40, 60, 80, 120):
        outputs = [
            history_output(lang, width, True, (old, new)),
            render_timeline(current, lang=lang, width=width, ascii_only=True),
        ]
        for output in outputs:
            if lang == "en":
                assert output.isascii(), sorted({c for c in output if not c.isascii()})
            assert not MARKS & set(output), MARKS & set(output)


def test_list_and_diff_commands_take_width(runner: CliRunner, tmp_path: Path) -> None:
    roadmap = str(ROADMAPS["roadmap"])
    code, out, _ = run(runner, "list", "-f", roadmap, "--kind", "tasks", "--width", "40")
    assert code == 0 and widest(out) <= 40 and "\n    " in out
    code, piped, _ = run(runner, "list", "-f", roadmap, "--kind", "tasks")
    assert len(piped.splitlines()) == len(list_entries(model("roadmap"), "tasks", "en"))
    old, new = (str(ROADMAPS[name]) for name in ("roadmap", "progress"))
    code, out, _ = run(runner, "diff", "--files", old, new, "--width", "50", "--lang", "en")
    assert code == 1 and widest(out) <= 50
    code, piped, _ = run(runner, "diff", "--files", old, new, "--lang", "en")
    assert widest(piped) > 50 and words(piped) == words(out)
