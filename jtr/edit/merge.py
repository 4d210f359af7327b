"""`jtr merge-driver`: a three-way merge of the roadmap by id, for git's merge driver.

The merge starts from ours' text and applies theirs' changes (relative to the ancestor) as
edits confined to the lines of what changed, so every line theirs did not change stays byte
for byte as ours wrote it:

- The three texts are read with jtr's loader (plain data, every refusal) and composed with
  PyYAML (each node's position), which gives each mapping key and each list entry its lines:
  the comments and blank lines above it, its first line, and the lines up to the next
  sibling, less the blank lines and outdented comments that introduce what follows (the rule
  `jtr set` inserts by).
- A key or entry is compared by its text (comments count), then by its data. One only theirs
  changed takes theirs' lines (as the few line changes that differ); one changed alike on both
  sides, or only by ours, keeps ours'. One changed differently on both sides is merged inside
  when it is a block mapping or list on both: a mapping key by key, a list whose entries all
  have an `id` entry by entry by id, any other list (a task's `history`, a list of
  references) entry by entry, an entry known by its whole content; a one-line flow list of
  plain values (`owners: [a, b]`) value by value, written back on its line. Otherwise the data
  decides: a side that changed only comments or layout gives way; two different values are
  a conflict, ordinary conflict markers around that key's or entry's lines only, reported by
  the id of the entity that holds it.
- An entry added by theirs goes after the entry it follows in theirs; in a list whose entries
  all have a date and stand in date order (records, revisions), where its date puts it, after
  ours' entries of the same date. An entry added alike on both sides is kept once.
- A rename is an entry whose id changed while the rest stayed the same: it is merged as the
  same entity (the new id, the other side's changes). An entry removed on one side and changed
  on the other is a conflict; one changed and renamed on the same side reads as removed and
  added.
- What is not split further: flow mappings (`{ja: …, en: …}`), flow lists over several lines
  and scalars are one value each; comments below a value's last key at an indentation between
  it and its parent go with the value.

The merged text is read back and validated (schema and rules, as `jtr validate`); a result
with errors neither side had alone is not written as if merged: ours' text is written with
each change jtr would have brought in between conflict markers, and the findings are
reported. (Errors a side already had are that side's: git merges a schema the branch changed
into the work tree after the roadmap, so the roadmap is checked against ours' schema.) A
version that jtr cannot read (not YAML, refused by the loader, or shaped so that its lines
cannot be told apart) is merged line by line by `git merge-file`, with git's ordinary
conflict markers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.edit.lines import BOM, Line, newline_of, split_lines
from jtr.labels import message

MARKER_SIZE = 7  # git's default length of a conflict marker (`merge.conflictStyle` aside)


class Unmergeable(Exception):
    """What jtr cannot merge by structure here: merged as a conflict one level up (or, at the
    top of the file, line by line)."""


class Id(str):
    """An entry of an id-keyed list in a conflict's path, named by its id."""


Path_ = tuple[str | int, ...]


@dataclass
class View:
    """A key's value or a list's entry on one side: its composed node, its plain data and its
    lines: `lead` the first of the comments and blank lines above it (`start` if none),
    `start` its key's or dash's line, `col` the column it starts at there, `stop` the line
    after its last."""

    node: Any
    data: Any
    start: int
    col: int
    stop: int
    lead: int = 0


class Edit(NamedTuple):
    start: int  # ours' lines[start:stop] are replaced by `lines`
    stop: int
    lines: list[str]


class Conflict(NamedTuple):
    path: Path_  # keys, Id(...) for entries of id-keyed lists, indexes for others
    whole: bool  # the whole entry: changed on one side, removed on the other


class Merged(NamedTuple):
    lines: list[str]  # the merged text, without line breaks
    conflicts: list[Conflict]
    edits: list[Edit]  # theirs' changes, applied to ours' lines to give `lines`


@dataclass
class Side:
    lines: list[str]
    data: Any
    root: Any


def _yaml_module() -> Any:
    import yaml

    return yaml


def read_side(text: str, name: str) -> Side:
    """The loaded and composed text; LoadError (from jtr's loader) or Unmergeable."""
    from jtr.loader import load_text

    data = load_text(text, name)
    if any(c in text for c in "\x85\u2028\u2029") or "\r" in text.replace("\r\n", ""):
        raise Unmergeable(name)  # PyYAML would count lines differently from jtr
    import gc

    yaml = _yaml_module()
    collecting = gc.isenabled()
    gc.disable()  # a node per value, none of them garbage: collecting would only cost time
    try:
        root = yaml.compose(text, Loader=_composer())
    except yaml.YAMLError:  # pragma: no cover - jtr's loader read it
        raise Unmergeable(name) from None
    finally:
        if collecting:
            gc.enable()
    return Side([line.text for line in split_lines(text)], data, root)


@functools.cache
def _composer() -> Any:
    """PyYAML's fastest loader, composing nodes without resolving their tags (only their
    kinds and positions are read here; jtr's loader gives the data)."""
    yaml = _yaml_module()

    class Composer(getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader):  # type: ignore[misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return ""

    return Composer


def _is_block(node: Any) -> bool:
    yaml = _yaml_module()
    return (
        isinstance(node, yaml.MappingNode | yaml.SequenceNode)
        and not node.flow_style
        and bool(node.value)
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _trim(lines: list[str], start: int, stop: int, col: int) -> int:
    """`stop` less the trailing blank lines and comments at or left of `col`: those introduce
    what follows."""
    while stop > start + 1:
        body = lines[stop - 1].strip()
        if body and not (body.startswith("#") and _indent(lines[stop - 1]) <= col):
            break
        stop -= 1
    return stop


def children(side: Side, view: View) -> list[tuple[str | int, View]]:
    """The keys of a block mapping, or the entries of a block list, each with its lines."""
    yaml = _yaml_module()
    lines, node, data = side.lines, view.node, view.data
    found: list[tuple[str | int, View, int, int]] = []  # key, node/data, start, col
    if isinstance(node, yaml.MappingNode):
        if not isinstance(data, dict):
            raise Unmergeable("mapping")
        for key_node, value in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode) or key not in data:
                raise Unmergeable("key")
            line, col = key_node.start_mark.line, key_node.start_mark.column
            found.append((key, View(value, data[key], line, col, 0), line, col))
    else:
        if not isinstance(data, list) or len(data) != len(node.value):
            raise Unmergeable("list")
        dash = node.start_mark.column
        floor = view.start
        for i, value in enumerate(node.value):
            line = value.start_mark.line
            while line > floor and not _dash_at(lines[line], dash):
                line -= 1
            if not _dash_at(lines[line], dash):
                raise Unmergeable("dash")
            found.append((i, View(value, data[i], line, dash, 0), line, dash))
            floor = line + 1
    result: list[tuple[str | int, View]] = []
    # The comments and blank lines above the first key or entry, below its parent's key line,
    # are the first one's; those between two, the second's.
    lead = view.start + 1
    for n, (key, child, start, col) in enumerate(found):
        end = found[n + 1][2] if n + 1 < len(found) else view.stop
        if end <= start or lead > start + 1:
            raise Unmergeable("order")
        child.lead = min(lead, start)
        # The comments at the end of the file go with the file's last key.
        last_of_file = view.start < 0 and n + 1 == len(found)
        child.stop = lead = end if last_of_file else _trim(lines, start, end, col)
        result.append((key, child))
    return result


def _text(side: Side, view: View) -> list[str]:
    """The lines of a key or entry as written, from its key or dash on."""
    lines = side.lines[view.lead : view.stop]
    if lines and view.lead == view.start:
        lines[0] = lines[0][view.col :]
    return lines


def _flow_list(node: Any) -> bool:
    """A flow list of plain values on one line: `[a, "b"]`."""
    yaml = _yaml_module()
    return (
        isinstance(node, yaml.SequenceNode)
        and bool(node.flow_style)
        and node.start_mark.line == node.end_mark.line
        and all(isinstance(v, yaml.ScalarNode) for v in node.value)
    )


def _flow_items(side: Side, view: View) -> list[tuple[str, str]]:
    """(what the value is, how it is written) of each value of a one-line flow list, the
    repeats of a value told apart by their count."""
    line = side.lines[view.node.start_mark.line]
    if not isinstance(view.data, list) or len(view.data) != len(view.node.value):
        raise Unmergeable("flow")
    seen: dict[str, int] = {}
    items = []
    for node, value in zip(view.node.value, view.data, strict=True):
        text = _canonical(value)
        seen[text] = seen.get(text, 0) + 1
        items.append((f"{seen[text]}:{text}", line[node.start_mark.column : node.end_mark.column]))
    return items


def _dash_at(text: str, column: int) -> bool:
    return text[column : column + 1] == "-" and not text[:column].strip()


def _canonical(value: Any) -> str:
    """The same text for equal data, whatever the order of its keys."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return tuple(sorted((str(k), plain(v)) for k, v in value.items()))
        if isinstance(value, list):
            return ("[", *(plain(v) for v in value))
        return (type(value).__name__, value)

    return repr(plain(value))


def _without_id(value: Any) -> Any:
    return {k: v for k, v in value.items() if k != "id"} if isinstance(value, dict) else value


def _date(value: Any) -> str | None:
    found = value.get("date") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


@dataclass
class _Merger:
    base: Side
    ours: Side
    theirs: Side
    marker: int = MARKER_SIZE
    edits: list[Edit] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    # ---- text ---------------------------------------------------------------------------

    def text_of(self, side: Side, view: View, col: int, prefix: str) -> list[str]:
        """`view`'s lines on `side` (the comments above it too), moved to start at `col`, its
        first line behind `prefix` (ours' first columns of the line) unless comments come
        first; Unmergeable if its lines cannot move that far left."""
        lines = side.lines[view.lead : view.stop]
        shift = col - view.col
        moved: list[str] = []
        if view.lead == view.start:
            moved.append(prefix + lines[0][view.col :])
            lines = lines[1:]
        elif prefix.strip():  # comments above the first key of `- key:`: nowhere to go
            raise Unmergeable("prefix")
        for text in lines:
            if not text.strip():
                moved.append(text)
            elif shift >= 0:
                moved.append(" " * shift + text)
            elif _indent(text) >= -shift:
                moved.append(text[-shift:])
            else:
                raise Unmergeable("indent")
        return moved

    def replace(self, o: View, t: View) -> None:
        """Ours' lines of `o` become theirs' of `t`: as the few line changes that differ (the
        rest of ours' lines are theirs' too), so that each can stand alone as a conflict. A
        block mapping or list with the same keys or entries on both sides is replaced key by
        key (a large one costs no more than the keys that differ)."""
        if self._replace_each(o, t):
            return
        import difflib

        prefix = self._prefix(o)
        mine = self.ours.lines[o.lead : o.stop]
        new = self.text_of(self.theirs, t, o.col, prefix)
        same = 0  # the lines alike at both ends are left out of the matching
        while same < min(len(mine), len(new)) and mine[same] == new[same]:
            same += 1
        end = 0
        while end < min(len(mine), len(new)) - same and mine[-1 - end] == new[-1 - end]:
            end += 1
        matcher = difflib.SequenceMatcher(
            None, mine[same : len(mine) - end], new[same : len(new) - end], autojunk=False
        )
        ops = [("equal", 0, same, 0, same)]
        ops += [(tag, a1 + same, a2 + same, b1 + same, b2 + same)
                for tag, a1, a2, b1, b2 in matcher.get_opcodes()]  # fmt: skip
        ops.append(("equal", len(mine) - end, len(mine), len(new) - end, len(new)))
        for n, (tag, a1, a2, b1, b2) in enumerate(ops):
            if tag == "insert":  # between two runs of equal lines (or an end)
                up = ops[n - 1][4] - ops[n - 1][3] if ops[n - 1][0] == "equal" else 0
                later = ops[n + 1]
                down = later[4] - later[3] if later[0] == "equal" else 0
                d = _slide(new, b1, b2, up, down)
                at = o.lead + a1 + d
                self.edits.append(Edit(at, at, new[b1 + d : b2 + d]))
            elif tag != "equal":
                self.edits.append(Edit(o.lead + a1, o.lead + a2, new[b1:b2]))

    def _replace_each(self, o: View, t: View) -> bool:
        """`replace` key by key or entry by entry, when `o` and `t` are block mappings or lists
        of the same keys or ids in the same order (entries of other lists by position), their
        lines after the last alike; False (nothing done) otherwise."""
        if not (_is_block(o.node) and _is_block(t.node)) or type(o.node) is not type(t.node):
            return False
        try:
            o_kids, t_kids = children(self.ours, o), children(self.theirs, t)
        except Unmergeable:
            return False
        if isinstance(o.node, _yaml_module().MappingNode):
            keys = [[k for k, _ in kids] for kids in (o_kids, t_kids)]
        else:
            keys = [[k for k, _ in (_keyed(kids) or kids)] for kids in (o_kids, t_kids)]
        o_last, t_last = o_kids[-1][1], t_kids[-1][1]
        tail = self.ours.lines[o_last.stop : o.stop], self.theirs.lines[t_last.stop : t.stop]
        if keys[0] != keys[1] or tail[0] != tail[1] or o.col != t.col:
            return False
        o_first, t_first = o_kids[0][1], t_kids[0][1]
        if o.lead < o_first.lead and t.lead < t_first.lead:
            above = View(o.node, None, o.start, o.col, o_first.lead, o.lead)
            theirs = View(t.node, None, t.start, t.col, t_first.lead, t.lead)
            if _text(self.ours, above) != _text(self.theirs, theirs):
                new = self.text_of(self.theirs, theirs, o.col, self._prefix(o))
                self.edits.append(Edit(o.lead, o_first.lead, new))
        elif (o.lead < o_first.lead) != (t.lead < t_first.lead):
            return False
        for (_, mine), (_, yours) in zip(o_kids, t_kids, strict=True):
            if _text(self.ours, mine) != _text(self.theirs, yours):
                self.replace(mine, yours)
        return True

    def _prefix(self, o: View) -> str:
        """What stands before `o` on its first line (`- ` of an entry, indentation)."""
        return self.ours.lines[o.start][: o.col] if o.lead == o.start else " " * o.col

    def conflict(
        self, path: Path_, o: View | None, t: View | None, at: int, col: int, whole: bool = False
    ) -> None:
        """Conflict markers around ours' and theirs' lines of one key or entry (`at`: where
        it goes when ours has none)."""
        if o is not None:
            prefix = self._prefix(o)
            mine = self.ours.lines[o.lead : o.stop]
            start, stop = o.lead, o.stop
        else:
            prefix, mine, start, stop = " " * col, [], at, at
        theirs = self.text_of(self.theirs, t, col, prefix) if t is not None else []
        block = [
            "<" * self.marker + " ours",
            *mine,
            "=" * self.marker,
            *theirs,
            ">" * self.marker + " theirs",
        ]
        self.edits.append(Edit(start, stop, block))
        self.conflicts.append(Conflict(path, whole))

    # ---- structure ------------------------------------------------------------------------

    def value(self, path: Path_, b: View | None, o: View, t: View) -> None:
        """One key or entry present on both ours and theirs: by its text (comments count), then
        by its data."""
        mine, yours = _text(self.ours, o), _text(self.theirs, t)
        old = _text(self.base, b) if b is not None else None
        if yours in (old, mine):
            return
        if mine == old:
            self.replace(o, t)
            return
        mark = len(self.edits), len(self.conflicts)
        try:
            self.inside(path, b, o, t)
        except Unmergeable:
            del self.edits[mark[0] :], self.conflicts[mark[1] :]
            if o.data == t.data:  # the same data, written differently: ours as written
                return
            if b is not None and b.data == t.data:  # theirs changed only comments or layout
                return
            if b is not None and b.data == o.data:  # ours did: theirs' data wins
                self.replace(o, t)
                return
            self.conflict(path, o, t, o.lead, o.col)

    def flow(self, b: View | None, o: View, t: View) -> None:
        """`[a, b]` changed on both sides: ours' values less those theirs removed, with those
        theirs added after the value they follow in theirs, written back on ours' line."""
        line = self.ours.lines[o.node.start_mark.line]
        first, last = o.node.start_mark.column, o.node.end_mark.column
        mine = _flow_items(self.ours, o)
        yours = _flow_items(self.theirs, t)
        old = _flow_items(self.base, b) if b is not None and _flow_list(b.node) else []
        result = [
            item for item in mine if item[0] not in {k for k, _ in old} - {k for k, _ in yours}
        ]
        for n, (key, text) in enumerate(yours):
            if key in {k for k, _ in result} or key in {k for k, _ in old}:
                continue
            before = {k for k, _ in yours[:n]}
            at = max((i + 1 for i, (k, _) in enumerate(result) if k in before), default=0)
            result.insert(at, (key, text))
        inner = line[first + 1 : last - 1]
        pad = " " if inner.startswith(" ") and inner.endswith(" ") and inner.strip() else ""
        written = "[" + pad + ", ".join(text for _, text in result) + pad + "]"
        row = o.node.start_mark.line
        self.edits.append(Edit(row, row + 1, [line[:first] + written + line[last:]]))

    def head(self, b: View, o: View, t: View, b_first: View, o_first: View, t_first: View) -> None:
        """The lines of a key above its value's first key or entry (the key's own line, its
        comment): theirs' if only theirs changed them."""

        def above(side: Side, view: View, first: View) -> View:
            return View(view.node, None, view.start, view.col, first.lead, view.lead)

        heads = above(self.base, b, b_first), above(self.ours, o, o_first)
        theirs = above(self.theirs, t, t_first)
        old, mine = _text(self.base, heads[0]), _text(self.ours, heads[1])
        yours = _text(self.theirs, theirs)
        if mine == old and yours != old and o.lead < o_first.lead and t.lead < t_first.lead:
            new = self.text_of(self.theirs, theirs, o.col, self._prefix(o))
            self.edits.append(Edit(o.lead, o_first.lead, new))

    def inside(self, path: Path_, b: View | None, o: View, t: View) -> None:
        """Both sides changed a value differently: merge inside it if it is a block mapping or
        list on both, or a one-line flow list of plain values (the ancestor's value read as
        empty when it is missing or another kind)."""
        yaml = _yaml_module()
        if _flow_list(o.node) and _flow_list(t.node):
            self.flow(b, o, t)
            return
        if not (_is_block(o.node) and _is_block(t.node)) or type(o.node) is not type(t.node):
            raise Unmergeable("atomic")
        o_kids = children(self.ours, o)
        t_kids = children(self.theirs, t)
        b_kids: list[tuple[str | int, View]] = []
        if b is not None and type(b.node) is type(o.node) and _is_block(b.node):
            b_kids = children(self.base, b)
        if b is not None and b_kids:
            self.head(b, o, t, b_kids[0][1], o_kids[0][1], t_kids[0][1])
        if isinstance(o.node, yaml.MappingNode):
            self.entries(path, b_kids, o_kids, t_kids, ordered=False)
            return
        keyed = [_keyed(kids) for kids in (b_kids, o_kids, t_kids)]
        if all(k is not None for k in keyed):
            bk, ok, tk = (k for k in keyed if k is not None)
            ok, tk = _renamed(bk, ok), _renamed(bk, tk)
            self.entries(path, bk, ok, tk, ordered=True, ids=True)
        else:
            self.entries(
                path, _by_content(b_kids), _by_content(o_kids), _by_content(t_kids), ordered=True
            )

    def entries(
        self,
        path: Path_,
        b_kids: list[tuple[Any, View]],
        o_kids: list[tuple[Any, View]],
        t_kids: list[tuple[Any, View]],
        ordered: bool,
        ids: bool = False,
    ) -> None:
        """Merge the keys of a mapping or the entries of a list, each known by its key."""
        base = dict(b_kids)
        ours = dict(o_kids)
        theirs = dict(t_kids)
        col = o_kids[0][1].col

        def named(key: Any, view: View) -> Path_:
            if ids:
                return (*path, Id(view.data["id"]))
            return (*path, key if isinstance(key, str) else _index(key, o_kids, t_kids))

        for key, o in o_kids:
            b, t = base.get(key), theirs.get(key)
            if t is not None:
                self.value(named(key, o), b, o, t)
            elif b is not None:  # theirs removed it
                if b.data == o.data:
                    self._before(o)  # the first key of `- key:`: not removable alone
                    self.edits.append(Edit(o.lead, o.stop, []))
                else:
                    self.conflict(named(key, o), o, None, o.lead, o.col, whole=True)
        added = [(n, key, t) for n, (key, t) in enumerate(t_kids) if key not in ours]
        dated = ordered and _dated([v.data for _, v in o_kids], [t.data for _, _, t in added])
        if dated:
            added.sort(key=lambda entry: (_date(entry[2].data) or "", entry[0]))
        for n, key, t in added:
            b = base.get(key)
            if b is not None and b.data == t.data:
                continue  # ours removed it, theirs left it alone
            at = self.position(n, t, o_kids, t_kids, ours, dated)
            if b is not None:  # ours removed it, theirs changed it
                self.conflict(named(key, t), None, t, at, col, whole=True)
            else:
                self.edits.append(Edit(at, at, self.text_of(self.theirs, t, col, " " * col)))

    def position(
        self,
        n: int,
        t: View,
        o_kids: list[tuple[Any, View]],
        t_kids: list[tuple[Any, View]],
        ours: dict[Any, View],
        dated: bool,
    ) -> int:
        """The line of ours where theirs' new key or entry `t` (theirs' n-th) goes."""
        if dated:
            day = _date(t.data) or ""
            before = [o for _, o in o_kids if (_date(o.data) or "") <= day]
            if before:
                return before[-1].stop
            return self._before(o_kids[0][1])
        for key, _ in reversed(t_kids[:n]):
            if key in ours:
                return ours[key].stop
        for key, _ in t_kids[n + 1 :]:
            if key in ours:
                return self._before(ours[key])
        return o_kids[-1][1].stop

    def _before(self, o: View) -> int:
        if self._prefix(o).strip():  # `- key:` of an entry: not splittable
            raise Unmergeable("first key")
        return o.lead


def _slide(lines: list[str], start: int, stop: int, above: int, below: int) -> int:
    """How far to move the inserted `lines[start:stop]`, within the `above` and `below` equal
    lines around it, so that it starts at its least indented line, as far down as it goes: a
    new entry after one that ends like it is shown as the new entry, not as the end of the old
    one and the start of the new."""
    up = 0
    while up < above and lines[start - up - 1] == lines[stop - up - 1]:
        up += 1
    down = 0
    while down < below and lines[start + down] == lines[stop + down]:
        down += 1
    return min(range(-up, down + 1), key=lambda d: (_indent(lines[start + d]), -d))


def _index(key: Any, o_kids: list[tuple[Any, View]], t_kids: list[tuple[Any, View]]) -> int:
    for kids in (o_kids, t_kids):
        for n, (k, _) in enumerate(kids):
            if k == key:
                return n
    return 0


def _keyed(kids: list[tuple[str | int, View]]) -> list[tuple[Any, View]] | None:
    """The entries by id if every one has a distinct text id, else None."""
    keyed = [(v.data.get("id") if isinstance(v.data, dict) else None, v) for _, v in kids]
    ids = [k for k, _ in keyed]
    if any(not isinstance(k, str) for k in ids) or len(set(ids)) != len(ids):
        return None
    return keyed


def _renamed(base: list[tuple[Any, View]], side: list[tuple[Any, View]]) -> list[tuple[Any, View]]:
    """`side`'s entries, a renamed one (its id changed, the rest as in the ancestor) keyed by
    its ancestor's id so that it merges as the same entity."""
    side_ids = {k for k, _ in side}
    base_ids = {k for k, _ in base}
    gone = {k: v for k, v in base if k not in side_ids}
    result = []
    for key, view in side:
        if key not in base_ids:
            rest = _without_id(view.data)
            match = [k for k, v in gone.items() if _without_id(v.data) == rest]
            if len(match) == 1:
                key = match[0]
                del gone[key]
        result.append((key, view))
    return result


def _by_content(kids: list[tuple[str | int, View]]) -> list[tuple[Any, View]]:
    """The entries keyed by their content (and which of equal entries they are)."""
    seen: dict[str, int] = {}
    keyed = []
    for _, view in kids:
        text = _canonical(view.data)
        seen[text] = seen.get(text, 0) + 1
        keyed.append(((text, seen[text]), view))
    return keyed


def _dated(ours: list[Any], added: list[Any]) -> bool:
    """Whether every entry has a date and ours' stand in date order."""
    days = [_date(v) for v in ours]
    if not days or any(d is None for d in days) or any(_date(v) is None for v in added):
        return False
    return days == sorted(days)  # type: ignore[type-var]


def merge_texts(
    base: str, ours: str, theirs: str, marker: int = MARKER_SIZE, name: str = "<roadmap>"
) -> Merged:
    """The three-way merge of three roadmap texts by id; LoadError if one cannot be read,
    Unmergeable if one is not shaped as a block mapping jtr can split into lines. The sides
    are named as git's index stages name them: `:1:NAME` the ancestor, `:2:` ours, `:3:`
    theirs."""
    texts = ((base, f":1:{name}"), (ours, f":2:{name}"), (theirs, f":3:{name}"))
    # No ancestor (the file added on both branches): git passes an empty one.
    empty = not base.strip()
    sides = [
        Side([], {}, None) if n == 0 and empty else read_side(text, side)
        for n, (text, side) in enumerate(texts)
    ]
    tops: list[list[tuple[str | int, View]]] = []
    for side in sides:
        if side.root is None and side is sides[0]:
            tops.append([])
            continue
        if not _is_block(side.root) or not isinstance(side.data, dict):
            raise Unmergeable("root")
        # The top level's first key takes the comments at the top of the file.
        tops.append(children(side, View(side.root, side.data, -1, 0, len(side.lines))))
    merger = _Merger(sides[0], sides[1], sides[2], marker=marker)
    merger.entries((), tops[0], tops[1], tops[2], ordered=False)
    edits = sorted(merger.edits, key=lambda e: (e.start, e.stop > e.start))
    return Merged(_apply(sides[1].lines, edits), merger.conflicts, edits)


def _apply(lines: list[str], edits: list[Edit], marker: int | None = None) -> list[str]:
    """`lines` with the edits (sorted) applied; with `marker`, each edit as a conflict: ours'
    lines and the edit's between conflict markers of that size."""
    out: list[str] = []
    position = 0
    for edit in edits:
        if edit.start < position:  # overlapping edits: a bug, never a wrong file
            raise Unmergeable("overlap")
        out.extend(lines[position : edit.start])
        if marker is None:
            out.extend(edit.lines)
        else:
            out += ["<" * marker + " ours", *lines[edit.start : edit.stop], "=" * marker]
            out += [*edit.lines, ">" * marker + " theirs"]
        position = edit.stop
    out.extend(lines[position:])
    return out


# ---- the driver: three files in, the merged file written over ours ---------------------------


class DriverOutcome(NamedTuple):
    new: bytes | None  # what to write over ours (None: leave it as it is)
    clean: bool  # merged without conflict: git's exit 0
    notes: list[str]  # what to say on stderr, one line each


def describe(conflict: Conflict, lang: str | None = None) -> str:
    """`conflict: task welfare-workers-decide field title.ja`: the entity holding the
    conflict (the innermost entry with an id, by its kind in the registry or the key of its
    list) and the field, in the run's language."""
    from jtr.escape import terminal
    from jtr.kinds import EACH, KINDS
    from jtr.labels import current_lang, label

    lang = lang or current_lang()
    path = conflict.path
    ids = [n for n, step in enumerate(path) if isinstance(step, Id)]
    rest = path[ids[-1] + 1 :] if ids else path
    where = ""
    for step in rest:
        where += f"[{step}]" if isinstance(step, int) else (f".{step}" if where else step)
    where = terminal(where)
    if not ids:
        return message("err_merge_conflict_field", lang, field=where)
    entity = path[: ids[-1] + 1]
    kind_word = str(path[ids[-1] - 1]) if ids[-1] > 0 else ""
    for kind in KINDS:
        if len(kind.path) == len(entity) and all(
            (p == EACH) == isinstance(s, Id | int) and p in (EACH, s)
            for p, s in zip(kind.path, entity, strict=True)
        ):
            kind_word = label(f"kind_{kind.name}", lang)
            break
    ident = terminal(str(path[ids[-1]]))
    if conflict.whole or not rest:
        return message("err_merge_conflict_entity", lang, kind=kind_word, id=ident)
    return message("err_merge_conflict_entity_field", lang, kind=kind_word, id=ident, field=where)


def _encode(lines: list[str], like: list[Line], bom: bool) -> bytes:
    newline = newline_of(like) if like else "\n"
    text = newline.join(lines)
    if lines and (not like or like[-1].end):
        text += newline
    return (BOM if bom else b"") + text.encode("utf-8")


def _errors(text: str, path: Path, name: str) -> list[Diagnostic]:
    """The errors of a text, as `jtr validate` finds them (schema and rules) with the schema
    the work tree's roadmap at `path` names."""
    from jtr.fileio import ReadError
    from jtr.loader import Document, load_text
    from jtr.validate import SchemaCache, validate_document

    try:
        doc = Document(name, text, load_text(text, name))
        schema = SchemaCache().for_document(path, doc.head, name)
        found = validate_document(doc, schema)
    except LoadError as exc:
        return list(exc.diagnostics)
    except ReadError as exc:
        problem = message("err_cannot_read_schema", problem=exc)
        return [Diagnostic(name, 1, 1, Severity.ERROR, "schema", problem)]
    return [d for d in found if d.severity is Severity.ERROR]


def _new_errors(
    merged: str, ours: str, theirs: str, path: Path, name: str
) -> tuple[list[str], bool]:
    """The errors of the merged text that neither side had alone (by code and wording): those
    the merge made. An error one side already had is that side's (a schema changed on the
    branch, say, that git has not merged into the work tree yet when the roadmap is merged)."""
    found = _errors(merged, path, name)
    if not found:
        return [], False
    had = {(d.code, d.message) for side in (ours, theirs) for d in _errors(side, path, name)}
    return [d.format() for d in found if (d.code, d.message) not in had], True


def merge_by_lines(
    ancestor: Path, current: Path, other: Path, marker: int
) -> tuple[bytes | None, bool, str | None]:
    """`git merge-file`'s line-based merge: (the merged bytes, clean, what went wrong)."""
    import subprocess

    args = ["git", "merge-file", "-p", f"--marker-size={marker}"]
    args += ["-L", "ours", "-L", "base", "-L", "theirs", str(current), str(ancestor), str(other)]
    try:
        done = subprocess.run(args, capture_output=True, check=False, env=_git_env())
    except FileNotFoundError:
        return None, False, message("err_git_missing")
    if done.returncode < 0 or done.returncode > 127:
        said = done.stderr.decode("utf-8", "replace").strip()
        return None, False, said or message("err_git_failed", command="merge-file")
    return done.stdout, done.returncode == 0, None


def _git_env() -> dict[str, str]:
    import os

    return {**os.environ, "LC_ALL": "C"}


def run_driver(
    ancestor: Path, current: Path, other: Path, path: str, marker: int = MARKER_SIZE
) -> DriverOutcome:
    """Merge theirs (`other`) into ours (`current`) from their `ancestor`, the roadmap being
    `path` in the work tree (where its schema is found, and how it is named)."""
    from jtr.edit.lines import decode_text
    from jtr.fileio import ReadError, read_limited

    notes: list[str] = []
    raws = []
    for file, stage in ((ancestor, 1), (current, 2), (other, 3)):
        try:
            raws.append(read_limited(file, f":{stage}:{path}")[0])
        except ReadError as exc:
            return DriverOutcome(None, False, [str(exc)])
    try:
        decoded = [decode_text(raw, f":{n}:{path}") for n, raw in enumerate(raws, 1)]
        texts = [text for _, text in decoded]
        merged = merge_texts(texts[0], texts[1], texts[2], marker=marker, name=path)
    # A shape the merge did not foresee falls back like one it cannot split: never a crash.
    except (LoadError, Unmergeable, KeyError, IndexError, TypeError, ValueError) as exc:
        if isinstance(exc, LoadError):
            reason = exc.diagnostics[0].format() if exc.diagnostics else str(exc)
        else:
            reason = message("err_merge_shape")
        notes.append(message("warn_merge_by_lines", name=path, reason=reason))
        new, clean, problem = merge_by_lines(ancestor, current, other, marker)
        if problem:
            notes.append(problem)
        return DriverOutcome(new, clean, notes)
    ours_lines = split_lines(texts[1])
    bom = decoded[1][0]
    if merged.conflicts:
        notes += [describe(c) for c in merged.conflicts]
        return DriverOutcome(_encode(merged.lines, ours_lines, bom), False, notes)
    text = "".join(f"{line}\n" for line in merged.lines)
    errors, any_errors = _new_errors(text, texts[1], texts[2], Path(path), path)
    if any_errors and not errors:
        notes.append(message("warn_merge_errors_of_a_side", name=path))
    if errors:
        notes.append(message("err_merge_invalid", name=path))
        notes += errors
        marked = _apply([line.text for line in ours_lines], merged.edits, marker)
        return DriverOutcome(_encode(marked, ours_lines, bom), False, notes)
    return DriverOutcome(_encode(merged.lines, ours_lines, bom), True, notes)
