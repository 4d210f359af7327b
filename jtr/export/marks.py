"""The readings of the seed as the exports mark them: which readings a value of an export rests
on, and a reading's parts in words for the documents' readings sections.

Every export asks here, so a task's row, an item's number or a task's span carries the same
marks in every format (and in the terminal views, which ask jtr.presenter the same way): the
readings of a path (jtr.presenter.readings_at) and their mark (jtr.presenter.reading_mark,
`※1,3`). A roadmap without readings gets no mark, no column and no section anywhere: its
exports are what they were before readings existed.
"""

from __future__ import annotations

from collections.abc import Iterable

from jtr.labels import label
from jtr.model import Item, Reading, Roadmap, Task
from jtr.presenter import TaskRow, join, reading_mark, readings_at, seed_lines_text

# The values of an item that the task rows show (CSV/TSV, XLSX): its number, title and owners.
ROW_ITEM_KEYS = ("number", "title", "owners")


def merged(*groups: Iterable[Reading]) -> tuple[Reading, ...]:
    """The readings of all `groups`, each once, by number."""
    found = {r.number: r for group in groups for r in group}
    return tuple(found[n] for n in sorted(found))


def item_readings(roadmap: Roadmap, item: Item, key: str) -> tuple[Reading, ...]:
    """The readings that decide the item's value `key` (`number`, `owners`, `help`…)."""
    return readings_at(roadmap, f"{item.id}.{key}")


def span_readings(roadmap: Roadmap, task: Task) -> tuple[Reading, ...]:
    """The readings that decide the task's span of fiscal years."""
    return readings_at(roadmap, f"{task.id}.fiscal_years")


def task_readings(roadmap: Roadmap, task: Task) -> tuple[Reading, ...]:
    """Every reading of the task, of its span or any other value (as the terminal timeline
    marks a task's row)."""
    return readings_at(roadmap, task.id)


def other_task_readings(roadmap: Roadmap, task: Task) -> tuple[Reading, ...]:
    """The task's readings other than those of its span: the ones its title carries."""
    span = {r.number for r in span_readings(roadmap, task)}
    return tuple(r for r in task_readings(roadmap, task) if r.number not in span)


def row_readings(roadmap: Roadmap, row: TaskRow) -> tuple[Reading, ...]:
    """The readings of a task row's values: its item's number, title and owners, and the task
    (its span or any other value)."""
    item = row.item.item
    return merged(
        *(item_readings(roadmap, item, key) for key in ROW_ITEM_KEYS),
        task_readings(roadmap, row.task.task),
    )


def whole_item_readings(roadmap: Roadmap, item: Item) -> tuple[Reading, ...]:
    """Every reading of the item, of any of its values (the items sheet's row)."""
    return readings_at(roadmap, item.id)


def mark(readings: Iterable[Reading]) -> str:
    """`※1,3` for the readings, nothing for none."""
    return reading_mark(tuple(readings))


def suffix(readings: Iterable[Reading]) -> str:
    """` ※1,3` to write after a value, nothing for none."""
    shown = mark(readings)
    return f" {shown}" if shown else ""


def confidence_text(reading: Reading, lang: str) -> str:
    return label("confidence_" + reading.confidence, lang)


def values(roadmap: Roadmap, reading: Reading) -> list[tuple[str, str]]:
    """(path, the value the file holds there, on one line) for each value the reading decides."""
    from jtr.render.readings import value_of, value_text

    return [(path, value_text(value_of(roadmap, path))) for path in reading.about]


def values_text(roadmap: Roadmap, reading: Reading) -> list[str]:
    """`requested-work.owners = ["jijikyo", …]` for each value the reading decides."""
    return [f"{path} = {value}" for path, value in values(roadmap, reading)]


def alternatives_text(reading: Reading, lang: str, separator: str = "; ") -> str:
    return separator.join(a.get(lang) for a in reading.alternatives)


def cites_text(reading: Reading, lang: str) -> str:
    """The seed's words the reading cites, `「…」、「…」`."""
    return join([f"「{c}」" for c in reading.cites], lang, "、")


def seed_text(reading: Reading, lang: str) -> str:
    """`4ページ 673–674、514行` / `p. 4 l. 673–674, 514`."""
    return seed_lines_text(reading, lang)


def tooltip(reading: Reading, lang: str) -> str:
    """What a mark says when pointed at: the reading's decision and how sure it is."""
    return f"{mark((reading,))} {reading.decision.get(lang)} ({confidence_text(reading, lang)})"


def heading(reading: Reading, lang: str) -> str:
    """`※2 requested-work-owners (不確か)`: a reading as a footnote starts."""
    return f"{mark((reading,))} {reading.id} ({confidence_text(reading, lang)})"


def item_title_readings(roadmap: Roadmap, item: Item) -> tuple[Reading, ...]:
    """The readings of the item's title, and those of the item as a whole."""
    return merged(item_readings(roadmap, item, "title"), readings_at(roadmap, item.id, exact=True))
