"""`jtr show ID` and `jtr list`: one entity in full, or the ids of one kind."""

from __future__ import annotations

import json
from typing import Any

from jtr.fiscal import label
from jtr.i18n import t
from jtr.model import Course, Item, Owner, Phase, Roadmap, Task, Text, Topic, WorkingGroup
from jtr.render.status import _text, item_ref, owners_text, state_label, task_json
from jtr.status import ItemState, RoadmapState, TaskState


def _item_state(state: RoadmapState, item_id: str) -> ItemState:
    return next(i for c in state.courses for i in c.items if i.item.id == item_id)


def _task_state(state: RoadmapState, task_id: str) -> TaskState:
    return next(
        ts for c in state.courses for i in c.items for ts in i.tasks if ts.task.id == task_id
    )


def _span(task: Task, lang: str) -> str:
    start, end = task.years.start, task.years.end
    return label(start, lang) if start == end else f"{label(start, lang)} – {label(end, lang)}"


def render_text(state: RoadmapState, entity: object, lang: str, *, width: int, color: bool) -> str:
    from rich.padding import Padding

    from jtr.render.console import STATE_STYLES, render_to_string
    from jtr.render.console import SafeText as R  # every piece of text made safe on the way in

    out: list[Any] = []

    def indented(text: R | str, indent: int) -> None:
        # Padding keeps the indent on wrapped lines too.
        out.append(
            Padding(text if isinstance(text, R) else R(text), (0, 0, 0, indent), expand=False)
        )

    def heading(text: str) -> None:
        out.append(R(text, style="bold"))

    def field(name: str, value: str | R) -> None:
        line = R(f"{name}: ", style="bold")
        line.append(value if isinstance(value, R) else R(value))
        out.append(line)

    def bullets(values: list[str], indent: int = 2) -> None:
        for value in values:
            indented("・" + value, indent)

    def task_lines(ts: TaskState, indent: int = 2) -> None:
        line = R(ts.task.title.get(lang) + "  ")
        line.append(_span(ts.task, lang), style="dim")
        if ts.task.recurring:
            line.append(f" ({t('recurring', lang)})", style="dim")
        line.append("  ")
        line.append(state_label(ts, lang), style=STATE_STYLES[ts.state])
        line.append(f"  [{ts.task.id}]", style="dim")
        indented(line, indent)
        for occurrence in ts.occurrences:
            indented(
                f"{label(occurrence.fiscal_year, lang)}: {t(occurrence.status, lang)}", indent + 4
            )
        for record in ts.task.history:
            when = record.date.isoformat() if record.date else "????-??-??"
            counted = record.date is not None and record.date <= state.as_of
            text = f"{when} {t(record.status, lang)}"
            if record.fiscal_year:
                text += f" ({label(record.fiscal_year, lang)})"
            if record.note:
                text += f" — {record.note}"
            if record.by:
                text += f" ({record.by})"
            indented(R(text, style="" if counted else "dim italic"), indent + 4)

    roadmap = state.roadmap
    if isinstance(entity, Item):
        item_state = _item_state(state, entity.id)
        course = next(c for c in roadmap.courses if c.id == entity.course_id)
        heading(f"{item_ref(item_state, state)} {entity.title.get(lang)}  [{entity.id}]")
        field(
            t("course", lang),
            f"{course.numeral} {course.title.get(lang)} ({t('target', lang)} {label(course.target_year, lang)})",
        )
        field(t("owners", lang), owners_text(state, item_state, lang))
        worst = item_state.worst
        field(
            t("state", lang),
            R(t(worst, lang), style=STATE_STYLES[worst]) if worst else t("none", lang),
        )
        for key, milestone in (
            ("decided", item_state.decision),
            ("realised", item_state.realisation),
        ):
            value = t("none", lang)
            if milestone:
                value = milestone.date.isoformat() + (
                    f" — {milestone.note}" if milestone.note else ""
                )
            field(t(key, lang), value)
        if entity.help and entity.help.dots is not None:
            field(
                t("help", lang),
                "●" * entity.help.dots
                + (f" ({', '.join(entity.help.kinds)})" if entity.help.kinds else ""),
            )
        field(
            t("shaded", lang),
            t("unknown", lang) if entity.shaded is None else str(entity.shaded).lower(),
        )
        heading(t("problems", lang))
        bullets([p.get(lang) for p in entity.problems])
        group = roadmap.working_group(entity.working_group)
        if group:
            field(t("working_group", lang), f"{group.title.get(lang)} [{group.id}]")
            bullets([m.get(lang) for m in group.members], indent=4)
        heading(t("tasks", lang))
        for ts in item_state.tasks:
            if ts.task.item_id != entity.id:
                indented(R(f"({t('shared_from', lang)}: {ts.task.item_id})", style="dim"), 2)
            task_lines(ts)
        goals = [g for g in course.goals if entity.id in g.items]
        if goals:
            heading(t("goal_images", lang))
            for goal in goals:
                indented(f"●{goal.title.get(lang)}", 2)
                bullets(
                    [s.text.get(lang) for s in goal.states if not s.items or entity.id in s.items],
                    indent=4,
                )
    elif isinstance(entity, Task):
        ts = _task_state(state, entity.id)
        heading(f"{entity.title.get(lang)}  [{entity.id}]")
        item = next(i for i in roadmap.items() if i.id == entity.item_id)
        field(t("item", lang), f"{item.title.get(lang)} [{item.id}]")
        field(
            t("years", lang),
            _span(entity, lang) + (f" ({t('recurring', lang)})" if entity.recurring else ""),
        )
        field(t("state", lang), R(state_label(ts, lang), style=STATE_STYLES[ts.state]))
        heading(t("history", lang))
        task_lines(ts)
    elif isinstance(entity, Course):
        course_state = next(c for c in state.courses if c.course.id == entity.id)
        heading(f"{entity.numeral} {entity.title.get(lang)}  [{entity.id}]")
        out.append(R(entity.target.get(lang)))
        for item_state in course_state.items:
            worst = item_state.worst
            line = R(
                f"  {entity.numeral}-{item_state.item.number} {item_state.item.title.get(lang)}  "
            )
            if worst:
                line.append(t(worst, lang), style=STATE_STYLES[worst])
            line.append(f"  [{item_state.item.id}]", style="dim")
            out.append(line)
        heading(t("goal_images", lang))
        for goal in entity.goals:
            indented(f"●{goal.title.get(lang)}", 2)
            bullets([s.text.get(lang) for s in goal.states], indent=4)
    elif isinstance(entity, WorkingGroup):
        heading(f"{entity.title.get(lang)}  [{entity.id}]")
        if entity.city_members_only:
            out.append(R(t("city_members_only", lang)))
        heading(t("members", lang))
        bullets([m.get(lang) for m in entity.members])
        for key, values in (
            ("notes", entity.notes),
            ("subgroups", entity.subgroups),
            ("themes", entity.themes),
        ):
            if values:
                heading(t(key, lang))
                bullets([v.get(lang) for v in values])
        heading(t("items", lang))
        bullets([f"{i.title.get(lang)} [{i.id}]" for i in roadmap.items() if i.id in entity.items])
    elif isinstance(entity, Topic):
        heading(f"{entity.title.get(lang)}  [{entity.id}]")
        heading(t("problems", lang))
        for problem in entity.problems:
            indented(f"・{problem.text.get(lang)}", 2)
            for direction in problem.directions:
                indented(f"⇒ {direction.get(lang)}", 6)
        if entity.directions:
            heading(t("directions", lang))
            for direction in entity.directions:
                indented(f"◆{direction.get(lang)}", 2)
        for group in entity.study_groups:
            heading(t("study_groups", lang))
            indented(f"{group.title.get(lang)} ({label(group.fiscal_year, lang)})", 2)
    elif isinstance(entity, Owner):
        heading(f"{entity.short.get(lang)} — {entity.name.get(lang)}  [{entity.id}]")
        heading(t("items", lang))
        bullets([f"{i.title.get(lang)} [{i.id}]" for i in roadmap.items() if entity.id in i.owners])
    elif isinstance(entity, Phase):
        start, end = entity.years.start, entity.years.end
        span = label(start, lang) if start == end else f"{label(start, lang)} – {label(end, lang)}"
        heading(f"{entity.title.get(lang)}  [{entity.id}]")
        field(t("years", lang), span)
        heading(t("tasks", lang))
        for course_state in state.courses:
            for item_state in course_state.items:
                for ts in item_state.tasks:
                    if ts.task.item_id == item_state.item.id and set(ts.task.years.years()) & set(
                        entity.years.years()
                    ):
                        task_lines(ts)
    return render_to_string(out, width=width, color=color, wrap=True)


def entity_data(state: RoadmapState, entity: object) -> dict[str, Any]:
    roadmap = state.roadmap
    if isinstance(entity, Item):
        item_state = _item_state(state, entity.id)
        group = roadmap.working_group(entity.working_group)
        return {
            "kind": "item",
            "id": entity.id,
            "course": entity.course_id,
            "number": entity.number,
            "title": _text(entity.title),
            "problems": [_text(p) for p in entity.problems],
            "owners": list(entity.owners),
            "working_group": None
            if group is None
            else {
                "id": group.id,
                "title": _text(group.title),
                "members": [_text(m) for m in group.members],
            },
            "help": None
            if entity.help is None
            else {"dots": entity.help.dots, "kinds": list(entity.help.kinds)},
            "shaded": entity.shaded,
            "state": item_state.worst,
            "decision": _milestone(item_state.decision),
            "realisation": _milestone(item_state.realisation),
            "tasks": [_task_full(ts, entity.id) for ts in item_state.tasks],
            "goals": [
                {"id": g.id, "title": _text(g.title), "states": [_text(s.text) for s in g.states]}
                for c in roadmap.courses
                for g in c.goals
                if entity.id in g.items
            ],
        }
    if isinstance(entity, Task):
        ts = _task_state(state, entity.id)
        return {"kind": "task", "item": entity.item_id, **_task_full(ts, entity.item_id)}
    if isinstance(entity, Course):
        course_state = next(c for c in state.courses if c.course.id == entity.id)
        return {
            "kind": "course",
            "id": entity.id,
            "numeral": entity.numeral,
            "title": _text(entity.title),
            "target": _text(entity.target),
            "target_fiscal_year": entity.target_year,
            "items": [
                {"id": i.item.id, "number": i.item.number, "state": i.worst}
                for i in course_state.items
            ],
            "goals": [
                {
                    "id": g.id,
                    "title": _text(g.title),
                    "items": list(g.items),
                    "states": [_text(s.text) for s in g.states],
                }
                for g in entity.goals
            ],
        }
    if isinstance(entity, WorkingGroup):
        return {
            "kind": "working_group",
            "id": entity.id,
            "title": _text(entity.title),
            "members": [_text(m) for m in entity.members],
            "notes": [_text(n) for n in entity.notes],
            "subgroups": [_text(s) for s in entity.subgroups],
            "themes": [_text(s) for s in entity.themes],
            "city_members_only": entity.city_members_only,
            "items": list(entity.items),
        }
    if isinstance(entity, Topic):
        return {
            "kind": "topic",
            "id": entity.id,
            "title": _text(entity.title),
            "problems": [
                {"text": _text(p.text), "directions": [_text(d) for d in p.directions]}
                for p in entity.problems
            ],
            "directions": [_text(d) for d in entity.directions],
            "study_groups": [
                {"id": g.id, "title": _text(g.title), "fiscal_year": g.fiscal_year}
                for g in entity.study_groups
            ],
        }
    if isinstance(entity, Owner):
        return {
            "kind": "owner",
            "id": entity.id,
            "short": _text(entity.short),
            "name": _text(entity.name),
            "items": [i.id for i in roadmap.items() if entity.id in i.owners],
        }
    if isinstance(entity, Phase):
        return {
            "kind": "phase",
            "id": entity.id,
            "title": _text(entity.title),
            "fiscal_years": {"from": entity.years.start, "to": entity.years.end},
        }
    raise TypeError(type(entity).__name__)


def _milestone(milestone: Any) -> dict[str, Any] | None:
    return (
        None if milestone is None else {"date": milestone.date.isoformat(), "note": milestone.note}
    )


def _task_full(ts: TaskState, item_id: str) -> dict[str, Any]:
    data = task_json(ts, item_id)
    data["history"] = [
        {
            "status": r.status,
            "date": r.date.isoformat() if r.date else None,
            "fiscal_year": r.fiscal_year,
            "note": r.note,
            "by": r.by,
        }
        for r in ts.task.history
    ]
    return data


def render_json(state: RoadmapState, entity: object) -> str:
    payload = {"as_of": state.as_of.isoformat(), **entity_data(state, entity)}
    return json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2) + "\n"


def list_entries(model: Roadmap, kind: str, lang: str) -> list[tuple[str, str]]:
    def title(value: Text) -> str:
        return value.get(lang)

    if kind == "items":
        return [
            (i.id, f"{c.numeral}-{i.number} {title(i.title)}")
            for c in model.courses
            for i in c.items
        ]
    if kind == "tasks":
        return [(tk.id, f"{title(tk.title)} ({_span(tk, lang)})") for tk in model.tasks()]
    if kind == "courses":
        return [(c.id, f"{c.numeral} {title(c.title)}") for c in model.courses]
    if kind == "owners":
        return [(o.id, f"{title(o.short)} — {title(o.name)}") for o in model.owners]
    if kind == "phases":
        return [(p.id, title(p.title)) for p in model.phases]
    if kind == "working-groups":
        return [(g.id, title(g.title)) for g in model.working_groups]
    if kind == "topics":
        return [(tp.id, title(tp.title)) for tp in model.topics]
    raise ValueError(kind)


def render_list(entries: list[tuple[str, str]], output_format: str) -> str:
    if output_format == "json":
        return (
            json.dumps(
                [{"id": i, "title": title} for i, title in entries],
                ensure_ascii=False,
                allow_nan=False,
                indent=2,
            )
            + "\n"
        )
    from jtr.escape import terminal

    shown = [(terminal(i), terminal(title)) for i, title in entries]
    width = max((len(i) for i, _ in shown), default=0)
    return "".join(f"{i.ljust(width)}  {title}\n" for i, title in shown)
