"""The roadmap as typed, immutable objects, built from data that passed validation.

Records are typing.NamedTuple classes rather than frozen dataclasses: just as immutable and
typed, but a fifth of the cost to define, which matters for a command's start-up time (a frozen
dataclass costs about 1.5 ms to create on the machines jtr is measured on).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

STATUSES = ("planned", "in_progress", "done", "delayed", "on_hold", "cancelled")


def whole(value: Any) -> int:
    """An int the file wrote as one: a float (`2024.0`, `.inf`) or a boolean is refused with
    TypeError, so no year, month or number reaches `range()` or an exporter as anything else."""
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value


def maybe_whole(value: Any) -> int | None:
    return None if value is None else whole(value)


class Text(NamedTuple):
    ja: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.ja

    @classmethod
    def of(cls, value: Any) -> Text:
        if isinstance(value, dict):
            return cls(value["ja"], value.get("en"))
        return cls(str(value))

    @classmethod
    def maybe(cls, value: Any) -> Text | None:
        return None if value is None else cls.of(value)


class Span(NamedTuple):
    start: int
    end: int

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def years(self) -> range:
        return range(self.start, self.end + 1)

    @classmethod
    def of(cls, value: dict[str, Any]) -> Span:
        return cls(whole(value["from"]), whole(value["to"]))


class StatusRecord(NamedTuple):
    status: str
    date: dt.date | None
    fiscal_year: int | None = None
    note: str | None = None
    by: str | None = None
    district: str | None = None  # a district-scoped task's record for one district

    @classmethod
    def of(cls, value: dict[str, Any]) -> StatusRecord:
        raw = value.get("date")
        return cls(
            value["status"],
            dt.date.fromisoformat(raw) if raw else None,
            maybe_whole(value.get("fiscal_year")),
            value.get("note"),
            value.get("by"),
            value.get("district"),
        )


class Milestone(NamedTuple):
    date: dt.date
    note: str | None = None

    @classmethod
    def maybe(cls, value: Any) -> Milestone | None:
        if not value:
            return None
        return cls(dt.date.fromisoformat(value["date"]), value.get("note"))


NOTHING: Mapping[str, Any] = MappingProxyType({})

# The keys of a task in the roadmap file that Task types; `build` reads any other key the
# schema declares into `Task.extra` (tests/test_new_field.py checks both against the schema).
TASK_KEYS = (
    "id",
    "title",
    "fiscal_years",
    "recurring",
    "shared_with",
    "history",
    "note",
    "districts",
)


class Task(NamedTuple):
    id: str
    title: Text
    years: Span
    item_id: str
    recurring: bool = False
    shared_with: tuple[str, ...] = ()
    history: tuple[StatusRecord, ...] = ()
    note: Text | None = None
    # A district-scoped task is done in each of these districts (ids of the registry, in its
    # order); empty: the task is done once, for the whole city.
    districts: tuple[str, ...] = ()
    district_scope: str | tuple[str, ...] | None = None  # as the file says it: `all`, a list…
    # Properties the schema declares for a task that this class does not type (yet), as the
    # validated file wrote them: a field added to the schema reaches the presenter
    # (jtr.presenter.TASK_FIELDS) through here before, or without, a typed attribute.
    extra: Mapping[str, Any] = NOTHING


class Help(NamedTuple):
    dots: int | None
    kinds: tuple[str, ...]


class Item(NamedTuple):
    id: str
    number: int
    title: Text
    course_id: str
    problems: tuple[Text, ...]
    owners: tuple[str, ...]
    tasks: tuple[Task, ...]
    working_group: str | None = None
    help: Help | None = None
    shaded: bool | None = None
    decision: Milestone | None = None
    realisation: Milestone | None = None
    note: Text | None = None


class GoalState(NamedTuple):
    text: Text
    items: tuple[str, ...]


class Goal(NamedTuple):
    id: str
    title: Text
    states: tuple[GoalState, ...]
    items: tuple[str, ...]


class Course(NamedTuple):
    id: str
    numeral: str
    title: Text
    target: Text
    target_year: int
    items: tuple[Item, ...]
    goals: tuple[Goal, ...]
    notes: tuple[Text, ...] = ()


class Owner(NamedTuple):
    id: str
    short: Text
    name: Text


class Phase(NamedTuple):
    id: str
    title: Text
    years: Span


class WorkingGroup(NamedTuple):
    id: str
    title: Text
    members: tuple[Text, ...]
    notes: tuple[Text, ...]
    subgroups: tuple[Text, ...]
    themes: tuple[Text, ...]
    city_members_only: bool
    items: tuple[str, ...]


class StudyGroup(NamedTuple):
    id: str
    title: Text
    fiscal_year: int
    note: Text | None


class TopicProblem(NamedTuple):
    text: Text
    directions: tuple[Text, ...]


class Topic(NamedTuple):
    id: str
    title: Text
    problems: tuple[TopicProblem, ...]
    directions: tuple[Text, ...]
    study_groups: tuple[StudyGroup, ...]
    help: Help | None = None


class ReadingText(NamedTuple):
    """A reading's explanation: English always, Japanese when written."""

    en: str
    ja: str | None = None

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" and self.ja else self.en

    @classmethod
    def of(cls, value: Any) -> ReadingText:
        return cls(value["en"], value.get("ja"))


class Reading(NamedTuple):
    """One interpretation of the seed (`readings:`): the values it decides (`about`, paths
    such as `welfare-workers.number`), what was decided, the alternatives, the seed lines it
    rests on, the Japanese it cites from them, the seed's page and how sure it is.
    `number` is its place in the file, 1-based: the mark a value shows (※3)."""

    id: str
    number: int
    about: tuple[str, ...]
    decision: ReadingText
    alternatives: tuple[ReadingText, ...]
    seed_lines: tuple[str, ...]
    cites: tuple[str, ...]
    confidence: str
    page: int | None = None

    @property
    def line_ranges(self) -> tuple[tuple[int, int], ...]:
        """Each seed line or range as (first, last)."""
        out = []
        for text in self.seed_lines:
            first, _, last = text.partition("-")
            out.append((int(first), int(last or first)))
        return tuple(out)

    def concerns(self, path: str) -> bool:
        """Whether this reading decides the value at `path` (`item.field`), a part of it, or
        the entity or value that holds it."""
        for about in self.about:
            if about == path or about.startswith((path + ".", path + "[")):
                return True
            if path.startswith((about + ".", about + "[")):
                return True
        return False


class District(NamedTuple):
    """One of the city's districts (地区), each with its own council (住民自治協議会)."""

    id: str
    name: Text
    block: str | None = None  # its ブロック, when known
    hilly: bool = False  # wholly hilly and mountainous (地区全体が中山間地域)


class Revision(NamedTuple):
    """One entry of the revision log (`revisions:`): a version of the plan, when and by whom it
    was approved. `date` as written, `YYYY-MM` or `YYYY-MM-DD`; `baseline`: the git commit
    of the plan it supersedes; `number`: its place in the log, 1-based."""

    id: str
    number: int
    date: str
    title: Text
    approved_by: str
    note: Text | None = None
    baseline: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """(year, month, day) of its date, a month alone as day 0 (jtr.fiscal.month_or_day)."""
        from jtr.fiscal import month_or_day

        return month_or_day(self.date) or (0, 0, 0)


class Roadmap(NamedTuple):
    id: str
    title: Text
    subtitle: Text
    city: Text
    published: str
    period: Span
    fiscal_year_start_month: int
    owners: tuple[Owner, ...]
    phases: tuple[Phase, ...]
    courses: tuple[Course, ...]
    working_groups: tuple[WorkingGroup, ...]
    topics: tuple[Topic, ...]
    further_study_title: Text
    raw: dict[str, Any] | None = None  # the validated data it was built from
    schema_version: str = ""
    project: Text | None = None
    source: Text | None = None
    purpose: Text | None = None
    vision: Text | None = None
    basic_policy: tuple[Text, ...] = ()
    method: tuple[Text, ...] = ()
    # The sections no view reads into yet (resident_activities, principles, scope, bodies), as
    # the validated file wrote them: the JSON export carries them whole.
    untyped: Mapping[str, Any] = NOTHING
    readings: tuple[Reading, ...] = ()
    districts: tuple[District, ...] = ()
    # How many districts, and wholly hilly ones, the roadmap says there are (None: unsaid).
    districts_expected: int | None = None
    hilly_expected: int | None = None
    districts_source: ReadingText | None = None  # where the names come from (outside the seed)
    further_study_numeral: str | None = None  # Ⅲ
    further_study_notes: tuple[Text, ...] = ()
    revisions: tuple[Revision, ...] = ()  # the revision log, in file order

    def district(self, district_id: str) -> District | None:
        return next((d for d in self.districts if d.id == district_id), None)

    def readings_of(self, path: str) -> tuple[Reading, ...]:
        """The readings that decide the value at `path` (`welfare-workers.owners`,
        `meta.period`) or a part of it."""
        return tuple(r for r in self.readings if r.concerns(path))

    def items(self) -> Iterator[Item]:
        for course in self.courses:
            yield from course.items

    def tasks(self) -> Iterator[Task]:
        for item in self.items():
            yield from item.tasks

    def owner(self, owner_id: str) -> Owner | None:
        return next((o for o in self.owners if o.id == owner_id), None)

    def phase_of(self, year: int) -> Phase | None:
        return next((p for p in self.phases if year in p.years), None)

    def working_group(self, group_id: str | None) -> WorkingGroup | None:
        return next((g for g in self.working_groups if g.id == group_id), None)

    def find(self, ident: str) -> object | None:
        """The entity with this id, of any kind the views offer (see jtr.kinds)."""
        from jtr.kinds import find

        found = find(self, ident)
        return None if found is None else found[1]


UNTYPED_SECTIONS = ("resident_activities", "principles", "scope", "bodies")


def _texts(values: Any) -> tuple[Text, ...]:
    return tuple(Text.of(v) for v in values or ())


def _help(value: Any) -> Help | None:
    if not value:
        return None
    return Help(maybe_whole(value.get("dots")), tuple(value.get("kinds", ())))


def _extra(value: dict[str, Any], typed: tuple[str, ...]) -> Mapping[str, Any]:
    found = {k: v for k, v in value.items() if k not in typed}
    return MappingProxyType(found) if found else NOTHING


def district_scope(scope: Any, data: dict[str, Any]) -> tuple[str, ...]:
    """The district ids a task's `districts:` names: `all`, `hilly`, `not-hilly`, or a list of
    ids, in the registry's order; nothing when the task is not district-scoped."""
    if scope is None:
        return ()
    registry = [d for d in data.get("districts", {}).get("list", ()) if isinstance(d, dict)]
    if scope == "all":
        return tuple(d["id"] for d in registry)
    if scope in ("hilly", "not-hilly"):
        hilly = scope == "hilly"
        return tuple(d["id"] for d in registry if bool(d.get("hilly")) is hilly)
    named = set(scope)
    return tuple(d["id"] for d in registry if d["id"] in named)


def _scope(value: Any) -> str | tuple[str, ...] | None:
    return value if value is None or isinstance(value, str) else tuple(value)


def build(data: dict[str, Any]) -> Roadmap:
    """Turn validated data into the model (call only on data that passed `jtr validate`)."""
    meta = data["meta"]
    courses = []
    for course in data["courses"]:
        items = []
        for item in course["items"]:
            tasks = tuple(
                Task(
                    id=t["id"],
                    title=Text.of(t["title"]),
                    years=Span.of(t["fiscal_years"]),
                    item_id=item["id"],
                    recurring=bool(t.get("recurring", False)),
                    shared_with=tuple(t.get("shared_with", ())),
                    history=tuple(StatusRecord.of(r) for r in t.get("history", ())),
                    note=Text.maybe(t.get("note")),
                    districts=district_scope(t.get("districts"), data),
                    district_scope=_scope(t.get("districts")),
                    extra=_extra(t, TASK_KEYS),
                )
                for t in item.get("tasks", ())
            )
            items.append(
                Item(
                    id=item["id"],
                    number=whole(item["number"]),
                    title=Text.of(item["title"]),
                    course_id=course["id"],
                    problems=_texts(item.get("problems")),
                    owners=tuple(item.get("owners", ())),
                    tasks=tasks,
                    working_group=item.get("working_group"),
                    help=_help(item.get("help")),
                    shaded=item.get("shaded"),
                    decision=Milestone.maybe(item.get("decision")),
                    realisation=Milestone.maybe(item.get("realisation")),
                    note=Text.maybe(item.get("note")),
                )
            )
        goals = tuple(
            Goal(
                g["id"],
                Text.of(g["title"]),
                tuple(
                    GoalState(Text.of(s["text"]), tuple(s.get("items", ()))) for s in g["states"]
                ),
                tuple(g.get("items", ())),
            )
            for g in course.get("goals", ())
        )
        courses.append(
            Course(
                id=course["id"],
                numeral=course["numeral"],
                title=Text.of(course["title"]),
                target=Text.of(course["target"]),
                target_year=whole(course["target_fiscal_year"]),
                items=tuple(sorted(items, key=lambda i: i.number)),
                goals=goals,
                notes=_texts(course.get("notes")),
            )
        )
    study = data.get("further_study", {})
    topics = tuple(
        Topic(
            t["id"],
            Text.of(t["title"]),
            tuple(
                TopicProblem(Text.of(p["text"]), _texts(p.get("directions")))
                for p in t.get("problems", ())
            ),
            _texts(t.get("directions")),
            tuple(
                StudyGroup(
                    g["id"], Text.of(g["title"]), whole(g["fiscal_year"]), Text.maybe(g.get("note"))
                )
                for g in t.get("study_groups", ())
            ),
            _help(t.get("help")),
        )
        for t in study.get("topics", ())
    )
    return Roadmap(
        id=meta["id"],
        title=Text.of(meta["title"]),
        subtitle=Text.of(meta["subtitle"]),
        city=Text.of(meta["city"]),
        published=meta["published"],
        period=Span.of(meta["period"]),
        fiscal_year_start_month=whole(meta["fiscal_year_start_month"]),
        owners=tuple(
            Owner(o["id"], Text.of(o["short"]), Text.of(o["name"])) for o in data["owners"]
        ),
        phases=tuple(
            Phase(p["id"], Text.of(p["title"]), Span.of(p["fiscal_years"])) for p in data["phases"]
        ),
        courses=tuple(courses),
        working_groups=tuple(
            WorkingGroup(
                g["id"],
                Text.of(g["title"]),
                _texts(g.get("members")),
                _texts(g.get("notes")),
                _texts(g.get("subgroups")),
                _texts(g.get("themes")),
                bool(g.get("city_members_only")),
                tuple(g.get("items", ())),
            )
            for g in data.get("working_groups", ())
        ),
        topics=topics,
        further_study_title=Text.of(study.get("title", {"ja": "", "en": ""})),
        raw=data,
        schema_version=data.get("schema_version", ""),
        project=Text.maybe(meta.get("project")),
        source=Text.maybe(meta.get("source")),
        purpose=Text.maybe(data.get("purpose")),
        vision=Text.maybe(data.get("vision")),
        basic_policy=_texts(data.get("basic_policy")),
        method=_texts(data.get("method")),
        untyped=MappingProxyType({k: data[k] for k in UNTYPED_SECTIONS if k in data}),
        readings=tuple(
            Reading(
                id=r["id"],
                number=number,
                about=tuple(r["about"]),
                decision=ReadingText.of(r["decision"]),
                alternatives=tuple(ReadingText.of(a) for a in r.get("alternatives", ())),
                seed_lines=tuple(r["seed_lines"]),
                cites=tuple(r.get("cites", ())),
                confidence=r["confidence"],
                page=maybe_whole(r.get("page")),
            )
            for number, r in enumerate(data.get("readings", ()), start=1)
        ),
        districts=tuple(
            District(d["id"], Text.of(d["name"]), d.get("block"), bool(d.get("hilly")))
            for d in data.get("districts", {}).get("list", ())
        ),
        districts_expected=maybe_whole(data.get("districts", {}).get("expected", {}).get("total")),
        hilly_expected=maybe_whole(data.get("districts", {}).get("expected", {}).get("hilly")),
        districts_source=(
            ReadingText.of(data["districts"]["source"])
            if "source" in data.get("districts", {})
            else None
        ),
        further_study_numeral=study.get("numeral"),
        further_study_notes=_texts(study.get("notes")),
        revisions=tuple(
            Revision(
                id=r["id"],
                number=number,
                date=r["date"],
                title=Text.of(r["title"]),
                approved_by=r["approved_by"],
                note=Text.maybe(r.get("note")),
                baseline=r.get("baseline"),
            )
            for number, r in enumerate(data.get("revisions", ()), start=1)
        ),
    )
