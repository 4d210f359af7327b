"""Record progress in the roadmap file without disturbing anything else in it.

An edit is planned on the bytes of the file and then written:

1. The edited item's lines (else the whole file) are loaded with ruamel.yaml's round-trip
   mode (comments, quoting, flow style and key order kept), the change is made on that tree,
   and the tree is dumped again.
2. The dump is compared with the original lines. The change must be a pure insertion (a new
   record) or a pure deletion (`--clear`); it is then applied to the original lines, so every
   other line stays byte for byte as written even where ruamel would format it differently.
   New lines are slid above comments that belong to what follows them.
3. The result is read back with jtr's own loader and must be exactly the expected data, then
   validated (schema and rules); errors refuse the edit.
4. The file is written atomically under an exclusive lock on a separate lock file.

ruamel.yaml is imported only here, and only inside functions: the views never pay for it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import itertools
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.fileio import PAUSE_ENV as PAUSE_ENV  # the test hook, named here for the edit tests
from jtr.fileio import (
    ChangedOnDisk,
    ReadError,
    UnsafeTarget,
    atomic_write,
    check_input,
    read_limited,
)
from jtr.model import STATUSES

if TYPE_CHECKING:
    from jtr.loader import Document

BOM = b"\xef\xbb\xbf"
MILESTONES = {"decision": "policy decided (方針決定)", "realisation": "realised (実現)"}
# Key order of docs/data-model.md: where a new key goes.
TASK_KEYS = ("id", "title", "fiscal_years", "recurring", "shared_with", "history", "note")
ITEM_KEYS = (
    "id", "number", "title", "problems", "owners", "working_group", "help", "shaded", "tasks",
    "decision", "realisation", "note",
)  # fmt: skip
RECORD_KEYS = ("status", "date", "fiscal_year", "note", "by")


class EditError(Exception):
    """The edit was refused before anything was written (exit 2): usage, unknown id, I/O."""


class EditInvalid(Exception):
    """The edited roadmap would not be valid (exit 1); nothing was written."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


class SetStatus(NamedTuple):
    """`jtr set`: append a status record to a task's history."""

    task_id: str
    status: str
    date: dt.date
    note: str | None = None
    by: str | None = None
    fiscal_year: int | None = None
    force: bool = False  # accept a date before the last record (inserted in date order)


class SetMilestone(NamedTuple):
    """`jtr decide` / `jtr realise`: record (or with clear, remove) an item's milestone."""

    item_id: str
    kind: str  # "decision" or "realisation"
    date: dt.date | None = None
    note: str | None = None
    clear: bool = False
    force: bool = False  # replace a milestone already recorded


Edit = SetStatus | SetMilestone


class Outcome(NamedTuple):
    path: Path  # the roadmap as named (a symlink is written through to its target)
    display: str
    old: bytes
    new: bytes
    summary: str
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        return unified_diff(self.old, self.new, self.display)


# ---------------------------------------------------------------------------------------------
# Lines: BOM, line endings and a missing final newline are kept as found


class Line(NamedTuple):
    text: str  # without its line break
    end: str  # "\n", "\r\n", "\r" (old Mac files), or "" for a last line without one


def split_lines(text: str) -> list[Line]:
    """The lines as YAML and jtr's positions count them: LF, CRLF and a lone CR end one."""
    if "\r" in text and re.search("\r(?!\n)", text):
        found = [
            Line(m.group(1), m.group(2)) for m in re.finditer("([^\r\n]*)(\r\n|\r|\n|$)", text)
        ]
        return [line for line in found if line.text or line.end]
    parts = text.split("\n")
    lines = [
        Line(p[:-1], "\r\n") if p.endswith("\r") else Line(p, "\n") for p in parts[:-1]
    ]  # fmt: skip
    if parts[-1]:
        lines.append(Line(parts[-1], ""))
    return lines


def _newline(lines: list[Line]) -> str:
    counts = {end: sum(line.end == end for line in lines) for end in ("\n", "\r\n", "\r")}
    return max(counts, key=lambda end: counts[end])  # the most common; LF on a tie


def _decode(raw: bytes, name: str) -> tuple[bool, str]:
    from jtr.loader import decode

    return raw.startswith(BOM), decode(raw, name)


def unified_diff(old: bytes, new: bytes, name: str) -> str:
    """The change as `git diff` shows it (line breaks and BOM not shown)."""
    a = [line.text for line in split_lines(_decode(old, name)[1])]
    b = [line.text for line in split_lines(_decode(new, name)[1])]
    # git's a/ b/ prefixes for a relative path; an absolute one is shown as it is.
    old_label, new_label = (name, name) if name.startswith("/") else (f"a/{name}", f"b/{name}")
    lines = difflib.unified_diff(a, b, old_label, new_label, lineterm="")
    return "".join(f"{line}\n" for line in lines)


# ---------------------------------------------------------------------------------------------
# ruamel.yaml, configured so that load + dump gives the file back byte for byte


def _indentation(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file writes them; (2, 4, 2) if
    it does not say: 2-space mappings, `- ` indented two under its key."""
    mapping = sequence = offset = None
    lines = [
        ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")
    ]  # fmt: skip
    key_only = re.compile(r"^( *)[^\s#\-][^#]*:\s*(#.*)?$")
    for above, below in itertools.pairwise(lines):
        match = key_only.match(above)
        if not match:
            continue
        parent = len(match.group(1))
        child = len(below) - len(below.lstrip(" "))
        body = below.lstrip(" ")
        if child < parent or (child == parent and not body.startswith("- ")):
            continue
        if body.startswith("- ") and sequence is None:
            offset = child - parent
            sequence = offset + 1 + len(body[1:]) - len(body[1:].lstrip(" "))
        elif not body.startswith("-") and mapping is None:
            mapping = child - parent
        if mapping is not None and sequence is not None:
            break
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    sequence = sequence or offset + 2
    return mapping, max(sequence, offset + 2), offset


def make_yaml(text: str, indentation: tuple[int, int, int] | None = None) -> Any:
    """A round-trip ruamel.yaml instance for this text (indentation: as read from it).

    Its defaults would change a file: lines folded at 80 columns, indentation normalised,
    quotes dropped, `~`/`null` written as nothing, `True` as `true`, `{a: b}` inside a flow
    list as `a: b`. Plain scalars other than strings (null, booleans, numbers, dates) are kept
    as the exact text that was written.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class Constructor(RoundTripConstructor):
        pass

    class Representer(RoundTripRepresenter):
        pass

    def construct_verbatim(constructor: Any, node: Any) -> Verbatim:
        return Verbatim(node.value, node.tag)

    def represent_verbatim(representer: Any, data: Verbatim) -> Any:
        return representer.represent_scalar(data.tag, str(data))

    for name in ("null", "bool", "int", "float", "timestamp"):
        Constructor.add_constructor(f"tag:yaml.org,2002:{name}", construct_verbatim)
    Representer.add_representer(Verbatim, represent_verbatim)

    yaml = YAML(typ="rt")
    yaml.Constructor = Constructor
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never fold a long line
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    mapping, sequence, offset = indentation or _indentation(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    head = re.match(r"(?:[ \t]*(?:#[^\n]*)?\n)*---(?:[ \t\n]|$)", text)
    yaml.explicit_start = bool(head)
    yaml.explicit_end = bool(re.search(r"\n\.\.\.[ \t]*\n?$", text))
    return yaml


class Verbatim(str):
    """A plain scalar that is not a string (null, boolean, number, date), kept as written."""

    tag: Any

    def __new__(cls, text: str, tag: Any) -> Verbatim:
        self = super().__new__(cls, text)
        self.tag = tag
        return self


def _load(yaml: Any, text: str, name: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        return yaml.load(text)
    except YAMLError as exc:
        raise EditError(
            f"{name}: jtr cannot edit this file: ruamel.yaml cannot read it "
            f"({str(exc).splitlines()[0]}); edit it by hand"
        ) from None


def _dump(yaml: Any, tree: Any) -> list[str]:
    import io

    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue().split("\n")[:-1]


def roundtrip(raw: bytes, name: str = "<bytes>") -> bytes:
    """Load and save with ruamel.yaml alone (no splice): the proof of its configuration."""
    bom, text = _decode(raw, name)
    lines = split_lines(text)
    source = "".join(f"{line.text}\n" for line in lines)
    yaml = make_yaml(source)
    dumped = _dump(yaml, _load(yaml, source, name))
    newline = _newline(lines) if lines else "\n"
    out = newline.join(dumped)
    if not lines or lines[-1].end:
        out += newline
    return (BOM if bom else b"") + out.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Applying a tree change to the original lines


class Hunk(NamedTuple):
    start: int  # lines[start:stop] are replaced by `added`
    stop: int
    added: list[str]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _belongs_below(text: str, indent: int) -> bool:
    """A blank line, or a comment less indented than `indent`: it introduces what follows."""
    body = text.strip()
    return not body or (body.startswith("#") and _indent(text) < indent)


def _hunk(old: list[str], new: list[str]) -> Hunk:
    """The one region where `new` differs from `old`."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return Hunk(start, len(old) - end, new[start : len(new) - end])


def _boundary_map(original: list[str], dumped: list[str]) -> dict[int, int]:
    """Line boundaries of the plain dump → boundaries of the original text, where certain."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, original, dumped, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        mapping.setdefault(b1, a1)
        if tag == "equal":
            for k in range(1, b2 - b1 + 1):
                mapping[b1 + k] = a1 + k
        else:
            mapping[b2] = a2
    return mapping


def _change(
    original: list[str],
    mutate: Callable[[Any], None],
    name: str,
    indentation: tuple[int, int, int] | None = None,
) -> Hunk:
    """The lines a ruamel tree change adds to or removes from `original`, all others kept."""
    source = "".join(f"{text}\n" for text in original)
    yaml = make_yaml(source, indentation)
    tree = _load(yaml, source, name)
    mutate(tree)
    edited = _dump(yaml, tree)
    start, stop, added = _hunk(original, edited)
    if start != stop:  # a deletion, or lines ruamel reformatted: compare with a plain dump
        plain = _dump(yaml, _load(yaml, source, name))
        n_start, n_stop, added = _hunk(plain, edited)
        boundaries = _boundary_map(original, plain)
        if n_start not in boundaries or n_stop not in boundaries or (n_start != n_stop and added):
            raise EditError(
                f"{name}: jtr cannot make this edit without rewriting lines around it "
                "(ruamel.yaml formats them differently); edit the file by hand"
            )
        start, stop = boundaries[n_start], boundaries[n_stop]
    if added:  # insertion: above blank lines and outdented comments that introduce what follows
        first = next((t for t in added if t.strip()), "")
        while start > 0 and _belongs_below(original[start - 1], _indent(first)):
            start -= 1
        stop = start
    elif stop > start:  # deletion: keep the blank lines and comments that introduce what follows
        indent = _indent(original[start])
        while stop > start and _belongs_below(original[stop - 1], indent):
            stop -= 1
    return Hunk(start, stop, added)


def _splice(lines: list[Line], hunk: Hunk) -> list[Line]:
    newline = _newline(lines) if lines else "\n"
    result = lines[: hunk.start] + [Line(t, newline) for t in hunk.added] + lines[hunk.stop :]
    if lines and not lines[-1].end and result:  # keep a missing final newline missing
        result = [r if r.end else Line(r.text, newline) for r in result[:-1]] + [
            Line(result[-1].text, "")
        ]
    return result


def _item_block(lines: list[Line], where: tuple[int, ...]) -> tuple[int, int, int] | None:
    """(first line, end line, dash column) of a block-style item `- id: …`, or None."""
    from jtr.loader import PositionIndex

    text = "".join(line.text + "\n" for line in lines)
    line, column = PositionIndex(text).locate(("courses", where[0], "items", where[1]))
    first = line - 1
    head = lines[first].text[: column - 1].rstrip(" ")
    dash = len(head) - 1
    if not head.endswith("-") or head[:dash].strip():
        return None
    end = first + 1
    while end < len(lines) and (not lines[end].text.strip() or _indent(lines[end].text) > dash):
        end += 1
    while end > first + 1 and not lines[end - 1].text.strip():
        end -= 1
    return first, end, dash


def _edit_item(
    lines: list[Line],
    where: tuple[int, ...],
    change: Callable[[Any], None],
    name: str,
    expected: Any,
) -> list[Line]:
    """Apply `change` to the ruamel node of the item at `where` and check that the new text
    reads back as `expected`.

    Only the item's own lines go through ruamel.yaml, re-indented under a stand-in key (a
    twentieth of the file, so a twentieth of the time); if that does not give the expected
    result, the whole file does.
    """
    from jtr.loader import load_text

    def reads_back(result: list[Line]) -> bool:
        try:
            return load_text("".join(t.text + t.end for t in result), name) == expected
        except LoadError:
            return False

    indentation = _indentation("".join(line.text + "\n" for line in lines))
    block = _item_block(lines, where)
    if block is not None and block[2] >= indentation[2]:
        first, end, dash = block
        shift = dash - indentation[2]
        part = ["_:", *(line.text[shift:] for line in lines[first:end])]
        try:
            hunk = _change(part, lambda tree: change(tree["_"][0]), name, indentation)
        except EditError:
            hunk = None
        if hunk is not None and hunk.start > 0:
            added = [" " * shift + t if t else t for t in hunk.added]
            result = _splice(lines, Hunk(first + hunk.start - 1, first + hunk.stop - 1, added))
            if reads_back(result):
                return result
    ci, ii = where[0], where[1]
    result = _splice(
        lines,
        _change(
            [line.text for line in lines], lambda t: change(t["courses"][ci]["items"][ii]), name
        ),
    )
    if not reads_back(result):  # a bug, not the user's: say so rather than write a wrong file
        raise EditError(
            f"{name}: internal error: the edited text does not read back as the intended "
            "change; nothing was written (please report this with the file)"
        )
    return result


# ---------------------------------------------------------------------------------------------
# Finding what to edit in the plain data


def _entries(data: Any) -> Iterator[tuple[tuple[int, int, int | None], dict[str, Any]]]:
    """(course, item, task-or-None) indices and the mapping of every item and task."""
    courses = data.get("courses") if isinstance(data, dict) else None
    for ci, course in enumerate(courses if isinstance(courses, list) else ()):
        items = course.get("items") if isinstance(course, dict) else None
        for ii, item in enumerate(items if isinstance(items, list) else ()):
            if not isinstance(item, dict):
                continue
            yield (ci, ii, None), item
            tasks = item.get("tasks")
            for ti, task in enumerate(tasks if isinstance(tasks, list) else ()):
                if isinstance(task, dict):
                    yield (ci, ii, ti), task


def _find(data: Any, ident: str, want_task: bool, command: str) -> tuple[tuple[int, ...], dict]:
    items: dict[str, tuple[int, int, int | None]] = {}
    tasks: dict[str, tuple[int, int, int | None]] = {}
    found = None
    for where, entry in _entries(data):
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            continue
        (tasks if where[2] is not None else items)[entry_id] = where
        if entry_id == ident and (where[2] is not None) == want_task:
            found = (where, entry)
    if found is not None:
        where, entry = found
        return tuple(i for i in where if i is not None), entry
    if want_task and ident in items:
        ci, ii, _ = items[ident]
        own = [t.get("id") for t in data["courses"][ci]["items"][ii].get("tasks") or ()]
        listed = ", ".join(str(t) for t in own) or "none"
        raise EditError(
            f"{ident!r} is a review item, not a task; `jtr {command}` takes a task id "
            f"(its tasks: {listed})"
        )
    if not want_task and ident in tasks:
        ci, ii, _ = tasks[ident]
        owner = data["courses"][ci]["items"][ii].get("id")
        raise EditError(
            f"{ident!r} is a task, not a review item; `jtr {command}` takes an item id: "
            f"did you mean its item {owner!r}?"
        )
    kind = "task" if want_task else "review item"
    pool = tasks if want_task else items
    close = difflib.get_close_matches(ident, list(pool), n=3, cutoff=0.5)
    hint = (
        f"; did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else f"; `jtr list --kind {'tasks' if want_task else 'items'}` prints the ids"
    )
    raise EditError(f"no {kind} has the id {ident!r}{hint}")


def _record_date(record: Any) -> dt.date | None:
    value = record.get("date") if isinstance(record, dict) else None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _key_position(node: Any, key: str, order: tuple[str, ...]) -> int:
    rank = order.index(key)
    for position, existing in enumerate(node):
        if existing in order and order.index(existing) > rank:
            return position
    return len(node)


_DATE_QUOTE = re.compile(r"""\bdate:[ \t]+(["']?)[0-9]{4}-[0-9]{2}-[0-9]{2}\1""")


def _date_quote(example: Any, text: str) -> str:
    """How to quote a new date: like `example` (a date node of the same history), else like
    the first date the file writes, else not at all."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(example, DoubleQuotedScalarString):
        return '"'
    if isinstance(example, SingleQuotedScalarString):
        return "'"
    if isinstance(example, Verbatim):
        return ""
    match = _DATE_QUOTE.search(text)
    return match.group(1) if match else ""


def _date_value(quote: str, day: dt.date) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    text = day.isoformat()
    if quote == '"':
        return DoubleQuotedScalarString(text)
    if quote == "'":
        return SingleQuotedScalarString(text)
    return Verbatim(text, "tag:yaml.org,2002:timestamp")


def _plain_item(data: Any, where: tuple[int, ...]) -> Any:
    return data["courses"][where[0]]["items"][where[1]]


# ---------------------------------------------------------------------------------------------
# Planning an edit


def plan(raw: bytes, edit: Edit, path: Path, display: str | None = None) -> Outcome:
    """Work out the new bytes of the file, refusing (EditError) or failing validation
    (EditInvalid) without touching anything."""
    from jtr.loader import Document, load_text

    name = display or str(path)
    try:
        bom, text = _decode(raw, name)
        data = load_text(text, name)
    except LoadError as exc:
        raise EditInvalid(
            f"{name} is not valid as it stands (`jtr validate` lists every finding); fix it first",
            exc.diagnostics,
        ) from None
    lines = split_lines(text)
    if isinstance(edit, SetStatus):
        new_lines, summary, expected = _plan_status(lines, text, data, edit, name)
    else:
        new_lines, summary, expected = _plan_milestone(lines, text, data, edit, name)
    if new_lines is None:
        return Outcome(path, name, raw, raw, summary)
    new_text = "".join(line.text + line.end for line in new_lines)
    warnings = _validate(path, Document(name, new_text, expected), Document(name, text, data))
    new = (BOM if bom else b"") + new_text.encode("utf-8")
    return Outcome(path, name, raw, new, summary, warnings)


def _plan_status(
    lines: list[Line], text: str, data: Any, edit: SetStatus, name: str
) -> tuple[list[Line], str, Any]:
    if edit.status not in STATUSES:
        raise EditError(f"status {edit.status!r}: one of {', '.join(STATUSES)}")
    where, task = _find(data, edit.task_id, True, "set")
    history = task.get("history")
    records = history if isinstance(history, list) else []
    dated = [(i, d) for i, r in enumerate(records) if (d := _record_date(r)) is not None]
    position = len(records)
    if dated and edit.date < dated[-1][1]:
        if not edit.force:
            raise EditError(
                f"{edit.task_id}: {edit.date} is before its last record ({dated[-1][1]}); "
                "check the date, or give --force to insert the record in date order"
            )
        position = next(i for i, d in dated if d > edit.date)
    previous = records[-1].get("status") if records and isinstance(records[-1], dict) else None
    record: dict[str, Any] = {"status": edit.status, "date": edit.date.isoformat()}
    if edit.fiscal_year is not None:
        record["fiscal_year"] = edit.fiscal_year
    if edit.note is not None:
        record["note"] = edit.note
    if edit.by is not None:
        record["by"] = edit.by
    expected = copy.deepcopy(data)
    plain_task = _plain_item(expected, where)["tasks"][where[2]]
    if not isinstance(plain_task.get("history"), list):
        plain_task["history"] = []
    plain_task["history"].insert(position, record)

    def change(item: Any) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        node = item["tasks"][where[2]]
        existing = node.get("history")
        example = None
        if isinstance(existing, list) and existing:
            example = existing[position - 1] if position > 0 else existing[0]
        new = CommentedMap()
        for key in RECORD_KEYS:
            if key in record:
                new[key] = record[key]
        date_example = example.get("date") if isinstance(example, dict) else None
        new["date"] = _date_value(_date_quote(date_example, text), edit.date)
        if isinstance(example, CommentedMap) and example.fa.flow_style():
            new.fa.set_flow_style()
        else:
            new.fa.set_block_style()
        if isinstance(existing, list):
            existing.insert(position, new)
            return
        seq = CommentedSeq([new])
        seq.fa.set_block_style()
        if "history" in node:  # `history:` with no list (invalid, but mendable)
            node["history"] = seq
        else:
            node.insert(_key_position(node, "history", TASK_KEYS), "history", seq)

    new_lines = _edit_item(lines, where, change, name, expected)
    when = f"on {edit.date}"
    if position < len(records):
        summary = (
            f"{name}: {edit.task_id}: {edit.status} {when} recorded in date order, before the "
            f"record of {_record_date(records[position]) or 'an undated record'} "
            f"(latest status stays {previous})"
        )
    else:
        summary = f"{name}: {edit.task_id}: {previous or 'planned'} → {edit.status} {when}"
    return new_lines, summary, expected


def _plan_milestone(
    lines: list[Line], text: str, data: Any, edit: SetMilestone, name: str
) -> tuple[list[Line] | None, str, Any]:
    command = "decide" if edit.kind == "decision" else "realise"
    where, item = _find(data, edit.item_id, False, command)
    current = item.get(edit.kind)
    had = current is not None
    old_date = _record_date(current) if isinstance(current, dict) else None
    cleared = copy.deepcopy(data)
    _plain_item(cleared, where).pop(edit.kind, None)
    if edit.clear:
        if not had:
            return (
                None,
                f"{name}: {edit.item_id}: no {edit.kind} is recorded; nothing changed",
                data,
            )
        new_lines = _edit_item(lines, where, lambda node: node.pop(edit.kind), name, cleared)
        return new_lines, f"{name}: {edit.item_id}: {edit.kind} of {old_date} cleared", cleared
    if edit.date is None:
        raise EditError(f"`jtr {command}` needs a date")
    if had and not edit.force:
        raise EditError(
            f"{edit.item_id}: a {edit.kind} is already recorded ({old_date}); give --force to "
            f"replace it, or --clear to remove it"
        )
    value: dict[str, Any] = {"date": edit.date.isoformat()}
    if edit.note is not None:
        value["note"] = edit.note
    expected = copy.deepcopy(cleared)
    _plain_item(expected, where)[edit.kind] = value
    removed: list[Any] = []  # the replaced value: the new one takes its place and style
    if had:  # replace = remove, then add: both pure line changes

        def remove(node: Any) -> None:
            removed[:] = (list(node).index(edit.kind), node.pop(edit.kind))

        lines = _edit_item(lines, where, remove, name, cleared)

    def change(node: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        position, old = removed or (_key_position(node, edit.kind, ITEM_KEYS), None)
        example = old.get("date") if isinstance(old, dict) else None
        new = CommentedMap()
        new["date"] = _date_value(_date_quote(example, text), edit.date)
        if edit.note is not None:
            new["note"] = edit.note
        if isinstance(old, CommentedMap) and old.fa.flow_style():
            new.fa.set_flow_style()
        else:
            new.fa.set_block_style()
        node.insert(position, edit.kind, new)

    new_lines = _edit_item(lines, where, change, name, expected)
    replaced = f" (replacing {old_date})" if had else ""
    summary = f"{name}: {edit.item_id}: {MILESTONES[edit.kind]} on {edit.date}{replaced}"
    return new_lines, summary, expected


def _validate(path: Path, edited: Document, original: Document) -> tuple[Diagnostic, ...]:
    """Validate the edited document (errors refuse the edit); return the warnings it brings
    (those the file already had are not repeated)."""
    from jtr.loader import ReadError
    from jtr.validate import SchemaCache, validate_document

    try:
        schema = SchemaCache().for_document(path, edited.head, edited.file)
        found = validate_document(edited, schema)  # may still find the schema broken
        before = validate_document(original, schema)
    except ReadError as exc:
        raise EditError(f"cannot read the schema: {exc}") from None
    except LoadError as exc:
        raise EditError(
            f"{edited.file}: the schema it names is broken: "
            + "; ".join(d.format() for d in exc.diagnostics)
        ) from None
    if any(d.severity is Severity.ERROR for d in found):
        if errors := [d for d in before if d.severity is Severity.ERROR]:
            raise EditInvalid(
                f"{edited.file} is not valid as it stands (`jtr validate` lists every finding); fix it first",
                errors,
            )
        errors = [d for d in found if d.severity is Severity.ERROR]
        raise EditInvalid(
            f"the edit would make {edited.file} invalid (line numbers are those of the edited "
            "text)",
            errors,
        )
    had = {(d.code, d.message) for d in before}
    return tuple(d for d in found if (d.code, d.message) not in had)


# ---------------------------------------------------------------------------------------------
# Reading, locking and writing


def lock_path(path: Path) -> Path:
    """The lock file of a roadmap: `.NAME.lock` next to it (the file itself is replaced on
    every write, so a lock on it would be lost)."""
    return path.with_name(f".{path.name}.lock")


DEFAULT_WAIT = 60.0
_POLL = 0.05  # seconds between attempts to take a lock someone else holds


def _open_lock(lock: Path) -> int:
    """The lock file's descriptor, created if missing; never through a symbolic link (its
    target is neither created nor opened), and only if it is a regular file."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    if not nofollow and os.path.islink(lock):  # no O_NOFOLLOW here: check first
        raise EditError(_symlinked_lock(lock))
    flags = os.O_RDWR | os.O_CREAT | nofollow | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(lock, flags | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        if os.path.islink(lock):
            raise EditError(_symlinked_lock(lock)) from None
        raise EditError(
            f"{lock}: cannot create the lock file ({exc.strerror}); is the folder writable?"
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise EditError(f"{lock}: the lock file is not a regular file; remove it and try again")
    return fd


def _symlinked_lock(lock: Path) -> str:
    return (
        f"{lock}: the lock file is a symbolic link; jtr does not follow it (nothing was "
        "written): remove the link and try again"
    )


@contextlib.contextmanager
def locked(
    path: Path,
    on_wait: Callable[[], None] | None = None,
    wait: float = DEFAULT_WAIT,
    name: str | None = None,
) -> Iterator[None]:
    """Hold the exclusive lock of `path` within the block. If another process holds it, call
    `on_wait` once and try again until `wait` seconds have passed, then raise EditError."""
    import fcntl

    fd = _open_lock(lock_path(path))
    try:
        deadline = time.monotonic() + wait
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise EditError(
                        f"{name or path}: another edit still holds its lock ({lock_path(path).name}) "
                        f"after {wait:g} s; nothing was written (--wait SECONDS to wait longer)"
                    ) from None
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                time.sleep(min(_POLL, max(deadline - time.monotonic(), 0.0)))
        yield
    finally:
        os.close(fd)  # closing releases the lock; the lock file stays for the next edit


def _read(path: Path, name: str) -> tuple[bytes, os.stat_result]:
    try:
        return read_limited(path, name)
    except ReadError as exc:
        raise EditError(str(exc)) from None


def _check_writable(path: Path, info: os.stat_result, name: str) -> None:
    # Checked on the mode bits as well: root may write anything, but a file someone made
    # read-only is not meant to be edited.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise EditError(
            f"{name}: the file is read-only (mode {stat.filemode(info.st_mode)}); nothing was "
            "written"
        )


def _remove_stale_temporaries(path: Path) -> None:
    # Only the holder of the lock writes temporary files: any left now are from a killed run.
    import glob

    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()


def apply(
    path: Path,
    edit: Edit,
    *,
    display: str | None = None,
    dry_run: bool = False,
    on_wait: Callable[[], None] | None = None,
    wait: float = DEFAULT_WAIT,
) -> Outcome:
    """Plan the edit and, unless dry_run, write it. Raises EditError or EditInvalid.

    Waits up to `wait` seconds for another edit holding the lock (calling `on_wait` once)."""
    name = display or str(path)
    if dry_run:
        raw, _info = _read(path, name)
        return plan(raw, edit, path, name)
    try:  # a missing, broken or odd file is refused before a lock file is created
        check_input(path, name)
    except ReadError as exc:
        raise EditError(str(exc)) from None
    real = Path(os.path.realpath(path))  # write through a symlink, keep the link
    with locked(real, on_wait, wait, name):
        _remove_stale_temporaries(real)
        for _attempt in range(5):
            raw, info = _read(real, name)  # under the lock: the file as it is now
            _check_writable(real, info, name)
            outcome = plan(raw, edit, path, name)  # the schema line is read relative to `path`
            if not outcome.changed:
                return outcome
            try:
                atomic_write(real, outcome.new, info)
            except ChangedOnDisk:
                continue  # saved by something else meanwhile (an editor): read it again
            except UnsafeTarget as exc:
                raise EditError(f"{exc}; the file is unchanged") from None
            except OSError as exc:
                raise EditError(
                    f"{name}: cannot write: {exc.strerror or exc}; the file is unchanged"
                ) from None
            return outcome
    raise EditError(f"{name}: the file keeps changing on disk; nothing was written, try again")
