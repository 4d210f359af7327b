"""`jtr export --format ics`: the roadmap as an iCalendar file (RFC 5545) for any calendar.

Written with the `icalendar` library: it types each property, writes the dates, the
recurrence rule and the parameters, ends lines with CRLF and folds them at 75 octets (never
inside a character). Every TEXT value is first shown as jtr shows text everywhere
(`jtr.escape.document`: control, bidi and invisible characters visibly; RFC 5545 allows no
control character but HTAB in a value, and a calendar would show the others raw).

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
- A task whose span (or another value) rests on a reading of the seed has the reading's mark
  after its title in the summary (`… ※3 — ! 期限超過`); in the description the item's number
  and owners and the task's span carry their marks too, and a line per mark says what it
  stands for: the reading's id, how sure it is, its decision and the seed's lines.

One thing is not left to the library: escaping a TEXT value. icalendar's `vText` first reads a
literal `\\N` in the text as a line break (its escaping starts with `replace("\\\\N", "\\n")`), so
a note such as `C:\\Nagano` would reach the calendar as `C:` and a new line `agano`. `Text`
escapes as RFC 5545 §3.3.11 says, and nothing else.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from jtr import __version__
from jtr.escape import document
from jtr.export import marks
from jtr.fiscal import fiscal_year_end, fiscal_year_start
from jtr.labels import label
from jtr.presenter import (
    LOOKS,
    TaskRow,
    course_name,
    item_ref,
    note_text,
    owners_text,
    record_text,
    span_dates,
    span_label,
    state_text,
    task_rows,
    task_state_label,
    year_label,
)
from jtr.status import CourseState, RoadmapState, records_as_of

if TYPE_CHECKING:
    from icalendar import Event, vCategory, vText


def escape(text: str) -> str:
    """A TEXT value as RFC 5545 §3.3.11 writes it (`\\`, `\\;`, `\\,`, `\\n`), its hidden
    characters shown first (`jtr.escape.document`, which also leaves no CR)."""
    return (
        document(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


@cache
def _types() -> tuple[type[vText], type[vCategory]]:
    """icalendar's TEXT and CATEGORIES values, escaped by `escape` (see the module docstring)."""
    from icalendar import vCategory, vText

    class Text(vText):
        def to_ical(self) -> bytes:
            return escape(str(self)).encode("utf-8")

    class Categories(vCategory):
        def to_ical(self) -> bytes:
            return b",".join(escape(str(c)).encode("utf-8") for c in self.cats)

    return Text, Categories


def export(state: RoadmapState, lang: str) -> str:
    from icalendar import Calendar

    text, _ = _types()
    roadmap = state.roadmap
    start_month = roadmap.fiscal_year_start_month
    domain = f"{roadmap.id}.jtr"
    stamp = dt.datetime.combine(state.as_of, dt.time(), tzinfo=dt.timezone.utc)
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", f"-//jtr//jtr {__version__}//{lang.upper()}")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", text(roadmap.title.get(lang)))
    calendar.add("X-WR-CALDESC", text(f"{roadmap.subtitle.get(lang)} ({label('as_of', lang)} {state.as_of.isoformat()})"))  # fmt: skip

    for row in task_rows(state):
        ts = row.task
        task = ts.task
        course = course_name(row.course.course, lang)
        mark = marks.suffix(marks.task_readings(roadmap, task))
        summary = (
            f"{row.ref} {task.title.get(lang)}{mark} — {LOOKS[ts.state].symbol} "
            f"{task_state_label(ts, lang)}"
        )
        description = _description(state, row, lang)
        sequence = len(records_as_of(task.history, state.as_of))
        uid = f"{task.id}@{domain}"
        first, last = span_dates(task.years, start_month)
        if task.recurring:
            master = _event(uid, None, stamp, sequence, first, first + dt.timedelta(days=1))
            master.add("RRULE", {"FREQ": "YEARLY", "COUNT": len(task.years.years())})
        else:
            master = _event(uid, None, stamp, sequence, first, last + dt.timedelta(days=1))
        _texts(master, ts.state, summary, description, [course, label(ts.state, lang)], lang)
        calendar.add_component(master)

        for occurrence in ts.occurrences:  # recurring: each year's own state
            day = fiscal_year_start(occurrence.fiscal_year, start_month)
            look = occurrence.state
            year_summary = (
                f"{row.ref} {task.title.get(lang)}{mark} ({year_label(occurrence.fiscal_year, lang)}) "
                f"— {LOOKS[look].symbol} {label(look, lang)}"
            )
            instance = _event(uid, day, stamp, sequence, day, day + dt.timedelta(days=1))
            _texts(instance, look, year_summary, description, [course, label(look, lang)], lang)
            calendar.add_component(instance)

    for course_state in state.courses:
        calendar.add_component(_target(state, course_state, lang, domain, stamp))
    written: bytes = calendar.to_ical(sorted=False)
    return written.decode("utf-8")


def _event(
    uid: str,
    recurrence: dt.date | None,
    stamp: dt.datetime,
    sequence: int,
    first: dt.date,
    end: dt.date,
) -> Event:
    """An all-day event from `first` to `end` (exclusive): UID, RECURRENCE-ID (an instance of
    a recurring event), DTSTAMP, SEQUENCE, DTSTART, DTEND."""
    from icalendar import Event

    event = Event()
    event.add("UID", uid)
    if recurrence is not None:
        event.add("RECURRENCE-ID", recurrence)
    event.add("DTSTAMP", stamp)
    event.add("SEQUENCE", sequence)
    event.add("DTSTART", first)
    event.add("DTEND", end)
    return event


def _texts(
    event: Event, state_name: str, summary: str, description: str, categories: list[str], lang: str
) -> None:
    """STATUS, SUMMARY, DESCRIPTION, CATEGORIES and TRANSP of an event."""
    text, listed = _types()
    event.add("STATUS", "CANCELLED" if state_name == "cancelled" else "CONFIRMED")
    event.add("SUMMARY", text(summary), parameters={"LANGUAGE": lang})
    event.add("DESCRIPTION", text(description), parameters={"LANGUAGE": lang})
    event.add("CATEGORIES", listed(categories))
    event.add("TRANSP", "TRANSPARENT")


def _description(state: RoadmapState, row: TaskRow, lang: str) -> str:
    ts = row.task
    item = row.item.item
    roadmap = state.roadmap
    number = marks.item_readings(roadmap, item, "number")
    owners = marks.item_readings(roadmap, item, "owners")
    span = marks.span_readings(roadmap, ts.task)
    lines = [
        f"{label('item_col', lang)}: {row.ref}{marks.mark(number)} {item.title.get(lang)}",
        f"{label('owners_col', lang)}: {owners_text(roadmap, item, lang)}{marks.suffix(owners)}",
        f"{label('years_col', lang)}: {span_label(ts.task.years, lang)}{marks.suffix(span)}",
        f"{label('state_col', lang)}: {state_text(ts, lang)}",
        f"{label('last_record_col', lang)}: {record_text(ts.last_record, lang) or label('no_record', lang)}",
    ]
    note = note_text(row, lang)
    if note:
        lines.append(f"{label('note_col', lang)}: {note}")
    for reading in marks.merged(number, owners, marks.task_readings(roadmap, ts.task)):
        seed = f"{label('reading_seed', lang)}: {marks.seed_text(reading, lang)}"
        lines.append(f"{marks.heading(reading, lang)}: {reading.decision.get(lang)} ({seed})")
    lines.append(f"{label('as_of', lang)}: {state.as_of.isoformat()} · {ts.task.id}")
    return "\n".join(lines)


def _target(
    state: RoadmapState, course: CourseState, lang: str, domain: str, stamp: dt.datetime
) -> Event:
    """The course's target: an event on the last day of its target fiscal year."""
    c = course.course
    last = fiscal_year_end(c.target_year, state.roadmap.fiscal_year_start_month)
    met, total = len(course.goal_met), len(course.items)
    summary = (
        f"{course_name(c, lang)} — {label('target_year_end', lang)} "
        f"{year_label(c.target_year, lang)} ({label('goal_met', lang)} {met}/{total})"
    )
    lines = [c.target.get(lang), f"{label('goal', lang)}: {met}/{total}"]
    for item in course.items:
        mark = "✔" if item.goal_met else ("!" if course.target_passed else "○")
        lines.append(f"{mark} {item_ref(c, item.item)} {item.item.title.get(lang)}")
    milestones = sum(1 for i in course.items if i.goal_met)
    text, listed = _types()
    event = _event(f"{c.id}-target@{domain}", None, stamp, milestones, last, last + dt.timedelta(days=1))  # fmt: skip
    event.add("STATUS", "CONFIRMED")
    event.add("SUMMARY", text(summary), parameters={"LANGUAGE": lang})
    event.add("DESCRIPTION", text("\n".join(lines)), parameters={"LANGUAGE": lang})
    event.add("CATEGORIES", listed([course_name(c, lang)]))
    event.add("TRANSP", "TRANSPARENT")
    return event
