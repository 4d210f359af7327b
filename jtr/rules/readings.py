"""Every reading of the seed names values that exist, and seed lines that run forward."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from jtr.access import dict_at, list_at
from jtr.diagnostics import Severity
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context


@rule(
    "bad-reading",
    Severity.ERROR,
    "a reading's paths name values of the roadmap and its seed lines run forward",
)
def bad_readings(context: Context) -> Iterator[Finding]:
    from jtr.readings import resolve

    data = context.doc.data
    for index, reading in enumerate(list_at(data, "readings")):
        entry = dict_at(reading)
        for step, path in enumerate(list_at(entry, "about")):
            if isinstance(path, str) and resolve(data, path) is None:
                where = ("readings", index, "about", step)
                yield Finding(where, message("find_reading_unresolved", path=shown(path)))
        for step, lines in enumerate(list_at(entry, "seed_lines")):
            if not isinstance(lines, str) or "-" not in lines:
                continue
            first, _, last = lines.partition("-")
            if first.isdigit() and last.isdigit() and int(first) > int(last):
                where = ("readings", index, "seed_lines", step)
                yield Finding(where, message("find_reading_backwards", lines=shown(lines)))
