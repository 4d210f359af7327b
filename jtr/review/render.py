"""A semantic diff as text (terminal), Markdown (a pull-request comment) or JSON (tools).

Each change is first described as a list of role-tagged segments (old value, new value, id,
deleted or inserted words …); the text and Markdown renderers only decide how a role looks, so
both say the same thing. Long texts show a word-level change: difflib over segments that split
Japanese at changes of script (kanji, hiragana, katakana, Latin words), which is close to word
boundaries for the plan's prose.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from jtr.access import is_text
from jtr.labels import label, label_or
from jtr.model import Span
from jtr.presenter import RecordFields, span_label
from jtr.presenter import record_text as _record_text
from jtr.review.semantic import Change, Diff, RevisionChange

Seg = tuple[str, str]  # (role, text): "", "id", "old", "new", "del", "ins", "dim", "name"

WORD_DIFF_MIN = 30  # characters: shorter texts show as old → new
# The catalog key of each kind of change (jtr.labels) and of the entity kinds it names.
_KEYS = {
    "added": "diff_added",
    "removed": "diff_removed",
    "renamed": "diff_renamed",
    "moved": "diff_moved",
    "status": "diff_status",
    "status-removed": "diff_status_removed",
    "status-edited": "diff_status_edited",
    "decision": "decided",
    "realisation": "realised",
    "owners": "owners",
    "fiscal-years": "years",
    "task": "kind_task",
    "item": "kind_item",
    "course": "kind_course",
    "district": "kind_district",
}
_ENTITIES = ("item", "task", "course", "district")  # the entity kinds a change names in words


def lab(key: str, lang: str) -> str:
    """The words for a kind of change (or an entity kind it names)."""
    return label(_KEYS[key], lang)


# ---- word-level change -----------------------------------------------------------------------


def _script(ch: str) -> str:
    if ch.isspace():
        return "space"
    if ch.isascii() and ch.isalnum():
        return "latin"
    if "\u3040" <= ch <= "\u309f":
        return "hiragana"
    if "\u30a0" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f":
        return "katakana"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆ヶ":
        return "kanji"
    if "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff5a":
        return "fullwidth"
    return ch  # punctuation and anything else: a segment of its own


def segments(text: str) -> list[str]:
    """Text split at changes of script: 専門性の高い → 専門性 の 高 い."""
    out: list[str] = []
    kind = None
    for ch in text:
        current = _script(ch)
        if out and current == kind and len(current) > 1:
            out[-1] += ch
        else:
            out.append(ch)
        kind = current
    return out


def word_diff(old: str, new: str) -> list[Seg]:
    """Segments of the change from old to new: ("", kept), ("del", …), ("ins", …)."""
    import difflib

    a, b = segments(old), segments(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Seg] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", "".join(b[j1:j2])))
    return out


# ---- describing values -----------------------------------------------------------------------


def span_text(value: Any, lang: str) -> str:
    if not isinstance(value, dict) or "from" not in value or "to" not in value:
        return plain(value, lang)
    start, end = value["from"], value["to"]
    if not isinstance(start, int) or not isinstance(end, int):
        return plain(value, lang)
    return span_label(Span(start, end), lang, "label")


def plain(value: Any, lang: str) -> str:
    if value is None:
        return f"({label('none', lang)})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace("\n", "\\n")
    if is_text(value):
        return str(value.get(lang) or value["ja"])
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def record_text(record: Any, lang: str) -> str:
    """`done on 2025-02-10 [FY2025] by 地活課 “note”` (jtr.presenter's `change` style)."""
    if not isinstance(record, dict):
        return plain(record, lang)
    date, year, by, note = (record.get(k) for k in ("date", "fiscal_year", "by", "note"))
    fields = RecordFields(
        str(record.get("status", "?")),
        str(date) if date else None,
        year if isinstance(year, int) else None,
        plain(note, lang) if note else None,
        str(by) if by else None,
    )
    return _record_text(fields, lang, "change")


def milestone_text(value: Any, lang: str) -> str:
    if not isinstance(value, dict):
        return plain(value, lang)
    text = str(value.get("date", "?"))
    if value.get("note"):
        text += f" “{plain(value['note'], lang)}”"
    return text


def entry_text(value: Any, lang: str) -> str:
    """An added or removed entry in a few words: its title (and years for a task)."""
    if not isinstance(value, dict):
        return plain(value, lang)
    for key in ("title", "name", "text", "short"):
        if key in value:
            text = plain(value[key], lang)
            break
    else:
        text = plain({k: v for k, v in value.items() if k != "id"}, lang)
    if "fiscal_years" in value:
        text += f" ({span_text(value['fiscal_years'], lang)})"
    return text


def relative(change: Change) -> str:
    """The change's path below the entity it is grouped under."""
    path = change.path
    for anchor in (
        f"tasks/{change.task}" if change.task else None,
        f"items/{change.item}" if change.item else None,
        f"courses/{change.course}" if change.course else None,
    ):
        if anchor is None:
            continue
        if path.endswith("/" + anchor) or path == anchor:
            return ""
        if f"{anchor}/" in path:
            return path.split(f"{anchor}/", 1)[1]
    if change.course is None and "/" in path:  # listed under its top-level section
        return path.split("/", 1)[1]
    return path


def district_label(ident: str, names: dict[str, dict[str, str]] | None, lang: str) -> str:
    """A district's name in the revision's registry (`芹田地区`, `Serita`), else its id."""
    entry = (names or {}).get(ident, {})
    return entry.get(lang) or entry.get("ja") or ident


def _task_title(change: Change, titles: dict[str, dict[str, str]], lang: str) -> str:
    entry = titles.get(change.task or "", {})
    return entry.get(lang) or entry.get("ja") or str(change.task or "")


def describe(
    change: Change,
    lang: str,
    titles: dict[str, dict[str, str]],
    districts: dict[str, dict[str, str]] | None = None,
) -> list[Seg]:
    """One change as role-tagged segments (no group headings: the caller prints those).

    A status record of one district reads as that district's change: `地区ドックの実施 ·
    芹田地区: 予定 → 完了 (2024-10-12)`; an edited or removed one names its district after the
    kind of change."""
    kind, rel = change.kind, relative(change)
    if change.district is not None and kind == "status":
        record = change.new if isinstance(change.new, dict) else {}
        return [
            ("", f"{_task_title(change, titles, lang)} · "),
            ("name", district_label(change.district, districts, lang)),
            ("", ": "),
            ("old", label_or(change.old, lang)),
            ("", " → "),
            ("new", record_text(record, lang)),
        ]
    if change.district is not None and kind in ("status-removed", "status-edited"):
        said = describe(change._replace(district=None), lang, titles, districts)
        name = district_label(change.district, districts, lang)
        return [("", f"{lab(kind, lang)} · "), ("name", name), ("", ": "), *said[1:]]
    field = rel or change.path
    if kind in ("added", "removed"):
        ident = change.path.rsplit("/", 1)[-1]
        value = change.new if kind == "added" else change.old
        entity = change.entity
        if entity in _ENTITIES:
            entity = lab(entity, lang)
        where = rel.rsplit("/", 1)[0] if "/" in rel else ""
        segs: list[Seg] = [("", f"{lab(kind, lang)} {entity} ")]
        if where and not where.isdigit():
            segs.append(("dim", f"{where}/"))
        segs += [
            ("id", ident),
            ("", ": "),
            ("old" if kind == "removed" else "new", entry_text(value, lang)),
        ]
        return segs
    if kind == "renamed":
        entity = lab(change.entity, lang) if change.entity in _ENTITIES else change.entity
        return [
            ("", f"{lab(kind, lang)} {entity} "),
            ("old", str(change.old)),
            ("", " → "),
            ("new", str(change.new)),
        ]
    if kind == "moved":
        old, new = change.old or {}, change.new or {}
        entity = lab(change.entity, lang) if change.entity in _ENTITIES else change.entity
        ident = change.path.rsplit("/", 1)[-1]
        head: list[Seg] = [("", f"{lab(kind, lang)} {entity} "), ("id", ident), ("", ": ")]
        if old.get("in") != new.get("in"):
            return [
                *head,
                ("old", _short_parent(old.get("in"))),
                ("", " → "),
                ("new", _short_parent(new.get("in"))),
            ]
        return [*head, ("", f"{label('diff_position', lang)} "), ("old", str(old.get("position"))), ("", " → "), ("new", str(new.get("position")))]  # fmt: skip
    if kind == "status":
        record = change.new if isinstance(change.new, dict) else {}
        return [
            ("", f"{lab(kind, lang)}: "),
            ("old", label_or(change.old, lang)),
            ("", " → "),
            ("new", record_text(record, lang)),
        ]
    if kind == "status-removed":
        return [("", f"{lab(kind, lang)}: "), ("old", record_text(change.old, lang))]
    if kind == "status-edited":
        return [
            ("", f"{lab(kind, lang)}: "),
            ("old", record_text(change.old, lang)),
            ("", " → "),
            ("new", record_text(change.new, lang)),
        ]
    if kind in ("decision", "realisation"):
        return [
            ("", f"{lab(kind, lang)}: "),
            ("old", milestone_text(change.old, lang)),
            ("", " → "),
            ("new", milestone_text(change.new, lang)),
        ]
    if kind == "fiscal-years":
        name = lab(kind, lang) if rel.endswith("fiscal_years") and rel.count("/") == 0 else field
        return [
            ("", f"{name}: "),
            ("old", span_text(change.old, lang)),
            ("", " → "),
            ("new", span_text(change.new, lang)),
        ]
    if kind in ("owners", "list"):
        name = lab("owners", lang) if kind == "owners" else field
        old = [plain(v, lang) for v in (change.old or [])] if isinstance(change.old, list) else []
        new = [plain(v, lang) for v in (change.new or [])] if isinstance(change.new, list) else []
        segs = [("", f"{name}: ")]
        for v in new:
            if v not in old:
                segs += [("ins", v), ("", " ")]
        for v in old:
            if v not in new:
                segs += [("del", v), ("", " ")]
        if len(segs) == 1:  # the same values a different number of times
            segs += [("old", ", ".join(old)), ("", " → "), ("new", ", ".join(new))]
        else:
            segs[-1] = ("", "")
        return segs
    if kind == "text":
        old, new = change.old, change.new
        if (
            isinstance(old, str)
            and isinstance(new, str)
            and max(len(old), len(new)) >= WORD_DIFF_MIN
        ):
            return [("", f"{field}: "), *word_diff(old, new)]
        return [
            ("", f"{field}: "),
            ("old", _quoted(old, lang)),
            ("", " → "),
            ("new", _quoted(new, lang)),
        ]
    return [
        ("", f"{field}: "),
        ("old", plain(change.old, lang)),
        ("", " → "),
        ("new", plain(change.new, lang)),
    ]


def describe_districts(
    changes: list[Change],
    lang: str,
    titles: dict[str, dict[str, str]],
    districts: dict[str, dict[str, str]] | None = None,
) -> list[Seg]:
    """The same status recorded for several districts of a task in one line: `地区ドックの実施 ·
    予定 → 完了 (2025-02-20): 第一地区、第二地区、… (18 地区)`."""
    from jtr.presenter import join

    first = changes[0]
    record = first.new if isinstance(first.new, dict) else {}
    record = {k: v for k, v in record.items() if k != "district"}
    segs: list[Seg] = [
        ("", f"{_task_title(first, titles, lang)} · "),
        ("old", label_or(first.old, lang)),
        ("", " → "),
        ("new", record_text(record, lang)),
        ("", ": "),
    ]
    sep = join(["", ""], lang, "、")  # between two names: 、 or a comma
    for n, change in enumerate(changes):
        if n:
            segs.append(("", sep))
        segs.append(("name", district_label(str(change.district), districts, lang)))
    count = label("diff_districts_count", lang).format(count=len(changes))
    return [*segs, ("", " "), ("name", f"({count})")]  # the count kept whole, as a name


def _district_key(change: Change) -> tuple[str, ...] | None:
    """What the district records of one task that read as one line share: the task, the
    status before and the record but for its district (None: a change that stands alone)."""
    if change.kind != "status" or change.district is None or not isinstance(change.new, dict):
        return None
    record = {k: v for k, v in change.new.items() if k != "district"}
    same = json.dumps([change.old, record], ensure_ascii=False, sort_keys=True, default=str)
    return (str(change.course), str(change.item), str(change.task), same)


def units(changes: Iterable[Change]) -> list[list[Change]]:
    """The changes as the lines that say them: each alone, but the districts of a task given the
    same status from the same one together (in the place of the first)."""
    out: list[list[Change]] = []
    together: dict[tuple[str, ...], list[Change]] = {}
    for change in changes:
        key = _district_key(change)
        if key is None:
            out.append([change])
        elif key in together:
            together[key].append(change)
        else:
            together[key] = [change]
            out.append(together[key])
    return out


def _quoted(value: Any, lang: str) -> str:
    return plain(value, lang) if value is None else f"“{plain(value, lang)}”"


def _short_parent(path: Any) -> str:
    if not isinstance(path, str):
        return "?"
    parts = path.split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else path


def revision_line(revision: RevisionChange, lang: str) -> str:
    """`revision roadmap-2024 added: ロードマップ2024 (2024-06-01, approved by
    promotion-committee)`: one entry of the revision log that the two sides differ in."""
    change = {"added": "diff_added", "removed": "diff_removed"}.get(
        revision.change, "diff_revision_changed"
    )
    title = revision.title
    if isinstance(title, dict):
        title = title.get(lang) or title.get("ja")
    return label("diff_revision_line", lang).format(
        id=revision.id,
        change=label(change, lang),
        title=plain(title if isinstance(title, str) else None, lang),
        date=plain(revision.date, lang),
        body=plain(revision.approved_by, lang),
    )


# ---- grouping ----------------------------------------------------------------------------------


class _Group:
    """Changes under one heading: a course, an item, a task, or a top-level section."""

    def __init__(self, heading: list[Seg], depth: int) -> None:
        self.heading = heading
        self.depth = depth
        self.lines: list[list[Seg]] = []


def _heading(kind: str, ident: str, titles: dict[str, dict[str, str]], lang: str) -> list[Seg]:
    entry = titles.get(ident, {})
    title = entry.get(lang) or entry.get("ja") or ""
    number = entry.get("label", "")
    segs: list[Seg] = []
    if kind == "task":
        segs.append(("", f"{lab('task', lang)} "))
    elif number:
        segs.append(("", f"{number} "))
    segs += [("title", title), ("", " ("), ("id", ident), ("", ")")] if title else [("id", ident)]
    return segs


_ENTRY_KINDS = ("added", "removed", "renamed", "moved")


def _placement(change: Change) -> tuple[str | None, str | None, str | None]:
    """The (course, item, task) heading a change is listed under.

    An item or task that was added, removed, renamed or moved is listed under its parent,
    so that its line is not preceded by a heading that says the same.
    """
    course, item, task = change.course, change.item, change.task
    if change.kind in _ENTRY_KINDS and change.entity == "task":
        task = None
    elif change.kind in _ENTRY_KINDS and change.entity == "item":
        item = task = None
    return course, item, task


def groups(diff: Diff, lang: str) -> list[_Group]:
    """The changes under their headings, in document order."""
    out: list[_Group] = []
    last: tuple[str | None, ...] = ("",)  # the heading path of the last group
    for unit in units(diff.changes):
        change = unit[0]
        course, item, task = _placement(change)
        if course is None:
            wanted: tuple[str | None, ...] = (change.path.split("/", 1)[0],)
            if wanted != last:
                out.append(_Group([("title", str(wanted[0]))], 0))
        else:
            wanted = tuple(x for x in ("courses", course, item, task) if x is not None)
            if wanted[:2] != last[:2]:
                out.append(_Group(_heading("course", course, diff.titles, lang), 0))
            if item is not None and (wanted[:3] != last[:3] or len(wanted) < len(last)):
                out.append(_Group(_heading("item", item, diff.titles, lang), 1))
            if task is not None and wanted != last:
                out.append(_Group(_heading("task", task, diff.titles, lang), 2))
            if len(wanted) == 2 and len(last) > 2 and wanted == last[:2]:
                out.append(_Group(_heading("course", course, diff.titles, lang), 0))
        last = wanted
        if len(unit) > 1:
            out[-1].lines.append(describe_districts(unit, lang, diff.titles, diff.districts))
        else:
            out[-1].lines.append(describe(change, lang, diff.titles, diff.districts))
    return out


def _count(n: int, lang: str) -> str:
    if lang == "ja":
        return f"{n} {label('diff_changes', lang)}"
    return f"{n} change{'s' * (n != 1)}"


# ---- renderers ---------------------------------------------------------------------------------


_STYLES = {"old": "red", "new": "green", "del": "red", "ins": "green", "dim": "dim",
           "id": "cyan", "title": "bold", "": ""}  # fmt: skip


# jtr's own marks in ASCII (`history --ascii`): arrows, dashes, quotes, dots, an ellipsis.
_ASCII_MARKS = str.maketrans(
    {"→": "->", "–": "-", "—": "-", "“": '"', "”": '"', "·": "/", "…": "~"}
)
KEPT_CELLS = 20  # an old or new value this short (a state, a span) is never split across lines
FIELD_CELLS = 24  # a change's `field: ` this short: its wrapped lines continue under the value


def ascii_marks(text: str) -> str:
    """`text` with jtr's marks in ASCII: `→` `->`, `–` `-`, `“…”` `"…"`, `·` `/`, `Ⅱ` `II`."""
    import unicodedata

    text = text.translate(_ASCII_MARKS)
    if any("\u2160" <= c <= "\u217f" for c in text):  # Roman numerals, as a course is numbered
        text = "".join(
            unicodedata.normalize("NFKC", c) if "\u2160" <= c <= "\u217f" else c for c in text
        )
    return text


def text_lines(diff: Diff, lang: str, indent: int = 0, ascii_only: bool = False) -> list[Any]:
    """The grouped changes as `jtr.render.lines.Line`s (for `diff` and `history`), each knowing
    where its wrapped lines continue (under a change's value) and which values stay whole.

    With `ascii_only`, jtr's own marks are ASCII (`ascii_marks`): in the headings' numbers and
    the words around the values, and in the old and new values it writes (records, spans,
    quotes); titles and the changed words of a text stay as written."""
    from jtr.render.lines import Line, cell_len

    def marks(role: str, text: str) -> str:
        return ascii_marks(text) if ascii_only and role in ("", "dim", "old", "new") else text

    lines = []
    pad = "  " * indent
    for revision in diff.revisions:  # the summary of the revision log, before the changes
        lead = pad + "  "
        lines.append(
            Line((lead + marks("", revision_line(revision, lang)), ""), hang=len(lead) + 2)
        )
    for group in groups(diff, lang):
        lead = pad + "  " * group.depth
        line = Line((lead, ""), hang=len(lead) + 2)
        for role, text in group.heading:
            line.add(marks(role, text), _STYLES.get(role, ""))
        lines.append(line)
        for segs in group.lines:
            lead = pad + "  " * (group.depth + 1)
            line = Line((lead, ""), hang=len(lead) + 2)
            first = segs[0][1] if segs and segs[0][0] == "" else ""
            if first.endswith(": ") and cell_len(first) <= FIELD_CELLS:
                line.hang = len(lead) + cell_len(marks("", first))
            for role, text in segs:
                if role == "del":
                    text = f"[-{text}-]"
                elif role == "ins":
                    text = f"{{+{text}+}}"
                text = marks(role, text)
                kept = role in ("old", "new", "id", "name") and cell_len(text) <= KEPT_CELLS
                line.add(text, _STYLES.get(role, ""), keep=kept)
            lines.append(line)
    return lines


def render_text(
    diff: Diff,
    old_name: str,
    new_name: str,
    lang: str,
    *,
    color: bool = False,
    width: int | None = None,
) -> str:
    """The changes for the terminal; with `width`, each line wraps to it (between words, under
    its field, a state or span never split); without, no line is cut or wrapped."""
    from jtr.render.lines import Line, render_lines, wrap_all

    head = Line((f"{old_name} → {new_name}: ", "bold"), hang=2)
    head.add(_count(len(diff.changes), lang) if diff.changes else label("diff_no_changes", lang))
    lines = [head, *text_lines(diff, lang)]
    if width is not None:
        return render_lines(wrap_all(lines, width), width, color)
    width = max((len(line.text) * 2 for line in lines), default=80)  # never crop a diff line
    return render_lines(lines, width, color)


def _code(text: str) -> str:
    """A Markdown code span: its text is shown as is, but never raw control characters and
    never a backtick that would end the span."""
    from jtr.escape import terminal

    return f"`{terminal(text).replace('`', '')}`"


def render_markdown(diff: Diff, old_name: str, new_name: str, lang: str) -> str:
    """For a pull-request comment: headings per course, nested lists per item and task."""
    from jtr.escape import markdown as md_text

    out = [f"### Roadmap changes: {_code(old_name)} → {_code(new_name)}", ""]
    if not diff.changes:
        return "\n".join([*out, label("diff_no_changes", lang) + ".", ""])
    out += [_count(len(diff.changes), lang) + ".", ""]
    out += [f"- {md_text(revision_line(r, lang))}" for r in diff.revisions]

    def md(segs: Iterable[Seg], heading: bool = False) -> str:
        parts = []
        for role, text in segs:
            if not text:
                continue
            if role == "id":
                parts.append(_code(text))
            elif role == "old":
                parts.append(f"~~{md_text(text)}~~")
            elif role == "title" and heading:
                parts.append(md_text(text))
            elif role in ("new", "title"):
                parts.append(f"**{md_text(text)}**")
            elif role == "del":
                parts.append(f"<del>{md_text(text)}</del>")
            elif role == "ins":
                parts.append(f"<ins>{md_text(text)}</ins>")
            else:
                parts.append(md_text(text))
        return "".join(parts)

    for group in groups(diff, lang):
        if group.depth == 0:
            out += ["", f"#### {md(group.heading, heading=True)}", ""]
        else:
            out.append("  " * (group.depth - 1) + f"- {md(group.heading)}")
        for segs in group.lines:
            out.append("  " * group.depth + f"- {md(segs)}")
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"


def diff_json(diff: Diff, old_name: str, new_name: str, file: str | None) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for change in diff.changes:
        kinds[change.kind] = kinds.get(change.kind, 0) + 1
    used = {i for c in diff.changes for i in (c.course, c.item, c.task) if i}
    named = {c.district for c in diff.changes if c.district}
    return {
        "version": 1,
        "file": file,
        "old": old_name,
        "new": new_name,
        "count": len(diff.changes),
        "kinds": dict(sorted(kinds.items())),
        "changes": [c.to_dict() for c in diff.changes],
        "titles": {i: diff.titles[i] for i in sorted(used) if i in diff.titles},
        "districts": {i: diff.districts[i] for i in sorted(named) if i in diff.districts},
        "revisions": [r.to_dict() for r in diff.revisions],
    }


def render_json(diff: Diff, old_name: str, new_name: str, file: str | None) -> str:
    from jtr.escape import json_text

    payload = diff_json(diff, old_name, new_name, file)
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2)
    return json_text(text) + "\n"
