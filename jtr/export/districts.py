"""What the exports show of the district-scoped tasks: the district × task matrix as the HTML
report and the Markdown export lay it out, and whether a roadmap has such tasks at all.

A roadmap without a district-scoped task gets none of it (no column, sheet or section), so its
exports are byte for byte what they were before districts existed. The matrix is that of `jtr
districts` (jtr.render.districts): its columns, its groups of rows, its states.
"""

from __future__ import annotations

from typing import NamedTuple

from jtr.model import Roadmap
from jtr.presenter import district_fraction, district_name, district_progress, symbol_label
from jtr.render.districts import Column, columns, groups
from jtr.status import RoadmapState


class MatrixCell(NamedTuple):
    """A district's state in a task: `state` None when the task is not done there."""

    task: str
    state: str | None


class MatrixRow(NamedTuple):
    district: str  # its id
    name: str
    cells: list[MatrixCell]


class MatrixGroup(NamedTuple):
    heading: str
    rows: list[MatrixRow]


class TaskLine(NamedTuple):
    """A column's task below the matrix: its progress and its lagging districts by name."""

    column: Column
    title: str
    fraction: str  # 18/32
    progress: str  # 完了 18/32 地区 · 実施中 6 · 期限超過 8
    lagging: list[tuple[str, str]]  # (id, name), most urgent first


class Matrix(NamedTuple):
    columns: list[Column]
    groups: list[MatrixGroup]
    tasks: list[TaskLine]


def scoped(roadmap: Roadmap) -> bool:
    """Whether the roadmap has a district-scoped task (whatever the filters left)."""
    return bool(roadmap.districts) and any(task.districts for task in roadmap.tasks())


def matrix(state: RoadmapState, lang: str) -> Matrix:
    """The district × task matrix of the (filtered) state, rows grouped as `jtr districts`
    groups them; a district in no shown task's scope (`--district` left it out) has no row."""
    roadmap = state.roadmap
    cols = columns(state)
    found = []
    for heading, members in groups(roadmap, lang):
        rows = []
        for district in members:
            cells = []
            for col in cols:
                mine = col.state_of(district.id)
                cells.append(MatrixCell(col.task.task.id, None if mine is None else mine.state))
            if any(cell.state is not None for cell in cells):  # else in no task's scope
                rows.append(MatrixRow(district.id, district.name.get(lang), cells))
        if rows:
            found.append(MatrixGroup(heading, rows))
    tasks = [
        TaskLine(
            col,
            col.task.task.title.get(lang),
            district_fraction(col.task),
            district_progress(col.task, lang),
            [(d.district, district_name(roadmap, d.district, lang)) for d in col.task.lagging],
        )
        for col in cols
    ]
    return Matrix(cols, found, tasks)


def cell_text(cell: MatrixCell, lang: str) -> str:
    """`» 遅延`: the state's symbol and words; `·` out of scope."""
    return "·" if cell.state is None else symbol_label(cell.state, lang)


def separator(lang: str) -> str:
    """Between two districts' names (`三輪地区、芹田地区`, `Miwa, Serita`), as `jtr districts`."""
    return "、" if lang == "ja" else ", "


def names(lagging: list[tuple[str, str]], lang: str) -> str:
    """The lagging districts' names as one text."""
    return separator(lang).join(name for _id, name in lagging)
