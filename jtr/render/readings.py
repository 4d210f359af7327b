"""`jtr readings`: every interpretation of the seed, grouped by the seed's page, with the
values the data holds for it, for a reviewer who checks the transcription against the PDF."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jtr.access import value_at
from jtr.escape import markdown
from jtr.labels import label
from jtr.model import Reading, Roadmap
from jtr.presenter import reading_json, reading_mark, seed_lines_text
from jtr.readings import resolve
from jtr.render.lines import Line, render_lines, wrap_all

_MISSING = object()


def value_of(roadmap: Roadmap, path: str) -> Any:
    """The value at a reading's path as the file holds it (None when there is none)."""
    data = roadmap.raw or {}
    found = resolve(data, path)
    return None if found is None else value_at(data, *found)


def value_text(value: Any, limit: int = 160) -> str:
    """A value on one line: a text's Japanese (and English), anything else as compact JSON."""
    if isinstance(value, dict) and isinstance(value.get("ja"), str):
        text: str = value["ja"] + (f" / {value['en']}" if isinstance(value.get("en"), str) else "")
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "), default=str
        )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def by_page(roadmap: Roadmap) -> Iterator[tuple[int | None, list[Reading]]]:
    """The readings by the seed's page, in page order (those without a page last)."""
    pages = sorted({r.page for r in roadmap.readings}, key=lambda p: (p is None, p or 0))
    for page in pages:
        yield page, [r for r in roadmap.readings if r.page == page]


def reading_lines(reading: Reading, roadmap: Roadmap, lang: str, indent: int = 2) -> list[Line]:
    """One reading as the terminal shows it: mark, id, confidence, then its parts."""
    pad = " " * indent
    head = Line((f"{pad}{reading_mark((reading,))} ", "bold"), (reading.id, "bold"))
    head.add(f"  {label('confidence_' + reading.confidence, lang)}", _STYLES[reading.confidence])
    out = [head]
    sub = pad + "  "

    def field(key: str, text: str) -> None:
        name = f"{label(key, lang)}: "
        out.append(Line((f"{sub}{name}", "dim"), (text, ""), hang=len(sub) + _cells(name)))

    for path in reading.about:
        field("reading_about", f"{path} = {value_text(value_of(roadmap, path))}")
    field("reading_decision", reading.decision.get(lang))
    for alternative in reading.alternatives:
        field("reading_alternatives", alternative.get(lang))
    field("reading_seed", seed_lines_text(reading, lang))
    if reading.cites:
        field("reading_cites", "、".join(f"「{c}」" for c in reading.cites))
    return out


_STYLES = {"printed": "green", "inferred": "yellow", "uncertain": "bold red"}


def _cells(text: str) -> int:
    from jtr.render.lines import cell_len

    return cell_len(text)


def render_text(roadmap: Roadmap, lang: str, width: int, color: bool) -> str:
    lines = [Line((label("readings_heading", lang), "bold"))]
    lines.append(Line((label("readings_intro", lang), "dim")))
    if not roadmap.readings:
        lines.append(Line((label("readings_none", lang), "")))
    for page, readings in by_page(roadmap):
        lines.append(Line())
        title = (
            label("reading_seed_page", lang).format(page=page)
            if page
            else label("reading_no_page", lang)
        )
        lines.append(Line((title, "bold")))
        for reading in readings:
            lines.extend(reading_lines(reading, roadmap, lang))
    return render_lines(wrap_all(lines, width), width, color)


def readings_data(roadmap: Roadmap) -> list[dict[str, Any]]:
    """`jtr readings --format json`: one object per value a reading decides, by page, with the
    value as the file holds it."""
    out = []
    for _page, readings in by_page(roadmap):
        for reading in readings:
            for path in reading.about:
                entry = {"path": path, "value": value_of(roadmap, path)}
                entry.update(reading_json(reading))
                out.append(entry)
    return out


def render_json(roadmap: Roadmap) -> str:
    from jtr.escape import json_text

    text = json.dumps(readings_data(roadmap), ensure_ascii=False, allow_nan=False, indent=2)
    return json_text(text) + "\n"


def render_markdown(roadmap: Roadmap, lang: str) -> str:
    out = [f"# {label('readings_heading', lang)}", "", label("readings_intro", lang), ""]
    for page, readings in by_page(roadmap):
        title = (
            label("reading_seed_page", lang).format(page=page)
            if page
            else label("reading_no_page", lang)
        )
        out += [f"## {title}", ""]
        cols = ("reading_marks_col", "reading_path_col", "reading_value_col")
        heads = [label(c, lang) for c in cols] + [
            label(k, lang).capitalize()
            for k in (
                "reading_decision",
                "reading_alternatives",
                "reading_seed",
                "reading_confidence",
            )
        ]
        out += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        for reading in readings:
            for path in reading.about:
                cells = [
                    f"{reading_mark((reading,))} {reading.id}",
                    path,
                    value_text(value_of(roadmap, path)),
                    reading.decision.get(lang),
                    "; ".join(a.get(lang) for a in reading.alternatives),
                    seed_lines_text(reading, lang),
                    label("confidence_" + reading.confidence, lang),
                ]
                out.append("| " + " | ".join(markdown(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)
