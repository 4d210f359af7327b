"""`jtr export --format ics`: the roadmap as an iCalendar file (RFC 5545) for any calendar.

Written here rather than with a library, so that jtr needs no calendar package at run time.
What RFC 5545 asks of the text: CRLF line ends; lines folded at 75 octets (counted in UTF-8,
never inside a character); `\\`, `;`, `,` and newlines escaped in TEXT values; a DTSTAMP in UTC.

- Each task is an all-day event over its fiscal years: DTSTART;VALUE=DATE the first day of its
  first year, DTEND the day after the last day of its last year (DTEND is exclusive).
- A recurring task (毎年度, e.g. 市長方針説明（毎年度当初）) happens at the start of each fiscal
  year: a one-day event on the first day of its first year with RRULE:FREQ=YEARLY;COUNT=<its
  years>, and one overriding instance per year (RECURRENCE-ID) that says that year's state.
- Each course's target is an event on the last day of its target fiscal year.
- UIDs are `<task-id>@<roadmap-id>.jtr` and `<course-id>-target@<roadmap-id>.jtr`: importing
  a newer export updates the events instead of duplicating them. SEQUENCE counts the progress
  records (or milestones) counted as of the date, so it grows as progress is recorded, and
  DTSTAMP is the as-of date, so the file depends only on the roadmap and the date.
- Summaries carry the state in words ("— ! 期限超過"), CATEGORIES the course and the state;
  cancelled tasks are STATUS:CANCELLED. Events are TRANSP:TRANSPARENT: a year-long task does
  not make anyone busy.
"""

from __future__ import annotations

import datetime as dt

from jtr import __version__
from jtr.escape import document
from jtr.export._common import (
    STATE_SYMBOLS,
    TaskRow,
    item_ref,
    join,
    note_text,
    owner_names,
    record_text,
    span_dates,
    state_text,
    task_rows,
    word,
    year_name,
    years_label,
)
from jtr.fiscal import fiscal_year_end, fiscal_year_start
from jtr.i18n import t
from jtr.model import Course
from jtr.render.status import state_label
from jtr.status import CourseState, RoadmapState, records_as_of

MAX_OCTETS = 75  # per line, CRLF excluded (RFC 5545 §3.1)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11); control, bidi and invisible characters shown visibly
    (`jtr.escape.document`), as jtr shows them everywhere: RFC 5545 allows no control
    character but HTAB in a value, and a calendar would show the others raw."""
    return (
        document(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded into lines of at most 75 octets of UTF-8, CRLF-terminated.

    A continuation line starts with a space, which counts towards its 75 octets.
    """
    if len(line) * 4 <= MAX_OCTETS or len(line.encode("utf-8")) <= MAX_OCTETS:
        return line + "\r\n"
    out: list[str] = []
    current: list[str] = []
    used = 0
    limit = MAX_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > limit:
            out.append("".join(current))
            current, used, limit = [" "], 1, MAX_OCTETS
        current.append(char)
        used += size
    out.append("".join(current))
    return "".join(part + "\r\n" for part in out)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


class _Calendar:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, name: str, value: str) -> None:
        self.lines.append(f"{name}:{value}")

    def text(self) -> str:
        return "".join(fold(line) for line in self.lines)


def export(state: RoadmapState, lang: str) -> str:
    roadmap = state.roadmap
    start_month = roadmap.fiscal_year_start_month
    domain = f"{roadmap.id}.jtr"
    stamp = f"{_date(state.as_of)}T000000Z"
    cal = _Calendar()
    cal.add("BEGIN", "VCALENDAR")
    cal.add("VERSION", "2.0")
    cal.add("PRODID", f"-//jtr//jtr {__version__}//{lang.upper()}")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", escape(roadmap.title.get(lang)))
    cal.add("X-WR-CALDESC", escape(f"{roadmap.subtitle.get(lang)} ({t('as_of', lang)} {state.as_of.isoformat()})"))  # fmt: skip

    for row in task_rows(state):
        ts = row.task
        task = ts.task
        course = row.course.course
        summary = (
            f"{row.ref} {task.title.get(lang)} — {STATE_SYMBOLS[ts.state]} {state_label(ts, lang)}"
        )
        description = _description(state, row, lang)
        sequence = len(records_as_of(task.history, state.as_of))
        cal.add("BEGIN", "VEVENT")
        cal.add("UID", escape(f"{task.id}@{domain}"))
        cal.add("DTSTAMP", stamp)
        cal.add("SEQUENCE", str(sequence))
        if task.recurring:
            first = fiscal_year_start(task.years.start, start_month)
            cal.add("DTSTART;VALUE=DATE", _date(first))
            cal.add("DTEND;VALUE=DATE", _date(first + dt.timedelta(days=1)))
            cal.add("RRULE", f"FREQ=YEARLY;COUNT={len(task.years.years())}")
        else:
            first, last = span_dates(task.years, start_month)
            cal.add("DTSTART;VALUE=DATE", _date(first))
            cal.add("DTEND;VALUE=DATE", _date(last + dt.timedelta(days=1)))
        _texts(cal, ts.state, summary, description, course, lang)
        cal.add("END", "VEVENT")

        for occurrence in ts.occurrences:  # recurring: each year's own state
            day = fiscal_year_start(occurrence.fiscal_year, start_month)
            state_name = occurrence.state
            year_summary = (
                f"{row.ref} {task.title.get(lang)} ({year_name(occurrence.fiscal_year, lang)}) "
                f"— {STATE_SYMBOLS[state_name]} {t(state_name, lang)}"
            )
            cal.add("BEGIN", "VEVENT")
            cal.add("UID", escape(f"{task.id}@{domain}"))
            cal.add("RECURRENCE-ID;VALUE=DATE", _date(day))
            cal.add("DTSTAMP", stamp)
            cal.add("SEQUENCE", str(sequence))
            cal.add("DTSTART;VALUE=DATE", _date(day))
            cal.add("DTEND;VALUE=DATE", _date(day + dt.timedelta(days=1)))
            _texts(cal, state_name, year_summary, description, course, lang)
            cal.add("END", "VEVENT")

    for course in state.courses:
        _target(cal, state, course, lang, domain, stamp)
    cal.add("END", "VCALENDAR")
    return cal.text()


def _texts(
    cal: _Calendar, state_name: str, summary: str, description: str, course: Course, lang: str
) -> None:
    """STATUS, SUMMARY, DESCRIPTION, CATEGORIES and TRANSP of a task's event."""
    cal.add("STATUS", "CANCELLED" if state_name == "cancelled" else "CONFIRMED")
    cal.add(f"SUMMARY;LANGUAGE={lang}", escape(summary))
    cal.add(f"DESCRIPTION;LANGUAGE={lang}", escape(description))
    categories = (f"{course.numeral} {course.title.get(lang)}", t(state_name, lang))
    cal.add("CATEGORIES", ",".join(escape(c) for c in categories))
    cal.add("TRANSP", "TRANSPARENT")


def _description(state: RoadmapState, row: TaskRow, lang: str) -> str:
    ts = row.task
    item = row.item.item
    lines = [
        f"{word('item_col', lang)}: {row.ref} {item.title.get(lang)}",
        f"{word('owners_col', lang)}: {join(owner_names(state, row.item, lang), lang)}",
        f"{word('years_col', lang)}: {years_label(ts.task.years, lang)}",
        f"{word('state_col', lang)}: {state_text(ts, lang)}",
        f"{word('last_record_col', lang)}: {record_text(ts.last_record, lang) or t('no_record', lang)}",
    ]
    note = note_text(row, lang)
    if note:
        lines.append(f"{word('note_col', lang)}: {note}")
    lines.append(f"{t('as_of', lang)}: {state.as_of.isoformat()} · {ts.task.id}")
    return "\n".join(lines)


def _target(
    cal: _Calendar, state: RoadmapState, course: CourseState, lang: str, domain: str, stamp: str
) -> None:
    c = course.course
    last = fiscal_year_end(c.target_year, state.roadmap.fiscal_year_start_month)
    met, total = len(course.goal_met), len(course.items)
    summary = (
        f"{c.numeral} {c.title.get(lang)} — {word('target_end', lang)} "
        f"{year_name(c.target_year, lang)} ({t('goal_met', lang)} {met}/{total})"
    )
    lines = [c.target.get(lang), f"{t('goal', lang)}: {met}/{total}"]
    for item in course.items:
        mark = "✔" if item.goal_met else ("!" if course.target_passed else "○")
        lines.append(f"{mark} {item_ref(course, item)} {item.item.title.get(lang)}")
    milestones = sum(1 for i in course.items if i.goal_met)
    cal.add("BEGIN", "VEVENT")
    cal.add("UID", escape(f"{c.id}-target@{domain}"))
    cal.add("DTSTAMP", stamp)
    cal.add("SEQUENCE", str(milestones))
    cal.add("DTSTART;VALUE=DATE", _date(last))
    cal.add("DTEND;VALUE=DATE", _date(last + dt.timedelta(days=1)))
    cal.add("STATUS", "CONFIRMED")
    cal.add(f"SUMMARY;LANGUAGE={lang}", escape(summary))
    cal.add(f"DESCRIPTION;LANGUAGE={lang}", escape("\n".join(lines)))
    cal.add("CATEGORIES", escape(f"{c.numeral} {c.title.get(lang)}"))
    cal.add("TRANSP", "TRANSPARENT")
    cal.add("END", "VEVENT")
