"""Semantic diff of two roadmaps: what changed in the plan, not which lines moved.

Works on the raw data of both sides (as `jtr.loader.load_text` returns it), read through the
tolerant accessor (`jtr.access`), so that a roadmap with schema errors can still be compared. Entries are matched by id:

- Items and tasks are matched across the whole roadmap (their ids are unique there), so a task
  that moved to another item, or an item to another course, is a `moved`, never remove + add.
- Within one list, an entry whose place changed relative to the others (found with difflib's
  matching blocks over the ids) is `moved`; a pure reordering never shows as remove + add.
- A removed and an added entry of the same kind under the same parent are a `renamed` pair when
  their titles are similar: difflib ratio ≥ RENAME_SAME_PLACE (0.6) when they stand at the same
  index, ≥ RENAME_ELSEWHERE (0.85) otherwise. An id that changed *and* moved to another parent
  is not detected as a rename.

Every change is a `Change` record; `docs/diff-json.md` documents the kinds and their values.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from jtr import access
from jtr import kinds as entity_kinds
from jtr.access import dict_at as _dict
from jtr.access import ident as _id
from jtr.access import is_text
from jtr.access import list_at as _list

RENAME_SAME_PLACE = 0.6
RENAME_ELSEWHERE = 0.85

KINDS = (
    "added", "removed", "renamed", "moved",  # entries of a list (entity says which kind)
    "status", "status-removed", "status-edited",  # a task's history records
    "decision", "realisation",  # an item's milestones
    "owners", "fiscal-years", "list",  # an item's owners, a span, a list of ids or values
    "text", "field",  # a text (Japanese or English) and any other value
)  # fmt: skip

# What a change calls an entry of a list, by the list's key: the registry's word for each kind
# of entity (jtr.kinds: `working_groups` → working_group, `parties` → party), then the lists of
# parts that have no ids of their own.
_SINGULAR = {k.key: k.word for k in entity_kinds.KINDS} | {
    "states": "state", "problems": "problem", "history": "record", "composition": "role",
    "members": "member", "notes": "note", "directions": "direction", "themes": "theme",
    "subgroups": "subgroup", "basic_policy": "policy", "method": "method", "text": "text",
    "units": "unit", "examples": "example",
}  # fmt: skip


class Change(NamedTuple):
    """One change in the plan. `path` names it by ids: courses/course-2024/items/x/tasks/y."""

    kind: str
    entity: str  # what changed: item, task, course, record, field, text, … (see docs)
    path: str
    old: Any = None
    new: Any = None
    course: str | None = None  # the course, item and task it belongs to, for grouping
    item: str | None = None
    task: str | None = None
    # The district a status record is about (its `district`); None for a record about the
    # whole task and for every other change.
    district: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As JSON writes it: `district` on a status record's change only (null: the record
        is about the whole task)."""
        data = self._asdict()
        if self.entity != "record":
            del data["district"]
        return data


_NO_NAMES: dict[str, dict[str, str]] = {}


class RevisionChange(NamedTuple):
    """A revision of the log (`revisions:`) added, changed or removed between the two sides:
    what the diff's summary says of it, read tolerantly (any value may be missing or odd).
    For a removed revision, its old values; otherwise the new ones."""

    change: str  # "added", "changed" or "removed"
    id: str
    date: Any = None
    title: Any = None  # {ja, en} as written
    approved_by: Any = None
    baseline: Any = None

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


def revision_changes(old: Any, new: Any) -> tuple[RevisionChange, ...]:
    """The revisions (matched by id) that one side has and the other not, or that differ: in
    the new side's order, then those removed in the old side's order. A side without a log,
    or with one that is not a list, has no revisions."""
    before = {ident: entry for entry in _list(_dict(old).get("revisions")) if (ident := _id(entry))}
    after = {ident: entry for entry in _list(_dict(new).get("revisions")) if (ident := _id(entry))}

    def summary(change: str, ident: str, entry: Any) -> RevisionChange:
        entry = _dict(entry)
        values = (entry.get(k) for k in ("date", "title", "approved_by", "baseline"))
        return RevisionChange(change, ident, *values)

    found = []
    for ident, entry in after.items():
        if ident not in before:
            found.append(summary("added", ident, entry))
        elif not _same(before[ident], entry):
            found.append(summary("changed", ident, entry))
    found += [summary("removed", i, e) for i, e in before.items() if i not in after]
    return tuple(found)


class Diff(NamedTuple):
    changes: tuple[Change, ...]
    # id → {"ja", "en", "label"} for the courses, items and tasks of both sides (new wins)
    titles: dict[str, dict[str, str]]
    # district id → {"ja", "en"}: the names in the districts registry of both sides (new wins)
    districts: dict[str, dict[str, str]] = _NO_NAMES
    # The revision log's entries added, changed or removed: one summary line each.
    revisions: tuple[RevisionChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def touching(self, ident: str) -> Diff:
        """Only the changes about `ident` (a course, item or task id, old or new)."""

        def about(c: Change) -> bool:
            if ident in (c.course, c.item, c.task):
                return True
            if c.kind == "renamed" and ident in (c.old, c.new):
                return True
            return f"/{ident}/" in f"/{c.path}/"

        changes = tuple(c for c in self.changes if about(c))
        revisions = tuple(r for r in self.revisions if r.id == ident)
        return Diff(changes, self.titles, self.districts, revisions)


class _Where(NamedTuple):
    course: str | None = None
    item: str | None = None
    task: str | None = None


class _Entry(NamedTuple):
    """A course, item or task of one side, as the diff matches it: by id, and named by ids."""

    id: str
    data: dict[str, Any]  # the entry as written
    path: str  # courses/<course>/items/<item>/tasks/<task>
    course: str  # the id of its course (its own, for a course)
    parent: str = ""  # the id of the course of an item, of the item of a task
    parent_path: str = ""
    at: int = 0  # its index in its parent's list


def _same(a: Any, b: Any) -> bool:
    # 1 == True and 1 == 1.0 in Python; in a roadmap they are different values.
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=False))
    return bool(a == b)


def _key(value: Any) -> Any:
    """A hashable stand-in for any YAML value, type-aware."""
    if isinstance(value, dict):
        return ("d", tuple(sorted((str(k), _key(v)) for k, v in value.items())))
    if isinstance(value, list):
        return ("l", tuple(_key(v) for v in value))
    return (type(value).__name__, value)


def _title_texts(entry: Any) -> list[str]:
    entry = _dict(entry)
    for name in ("title", "name", "short", "text"):
        value = entry.get(name)
        if is_text(value):
            return [str(v) for v in value.values() if isinstance(v, str)]
        if isinstance(value, str):
            return [value]
    return []


def similarity(a: Any, b: Any) -> float:
    """How alike two entries' titles are (best over languages), 0–1."""
    best = 0.0
    for x, y in zip(_title_texts(a), _title_texts(b), strict=False):
        best = max(best, difflib.SequenceMatcher(None, x, y, autojunk=False).ratio())
    return best


def _pair_renames(
    removed: list[tuple[int, dict[str, Any]]], added: list[tuple[int, dict[str, Any]]]
) -> list[tuple[int, int]]:
    """Pairs (index into removed, index into added) that are renames, best first."""
    scored = []
    for i, (old_at, old) in enumerate(removed):
        for j, (new_at, new) in enumerate(added):
            score = similarity(old, new)
            needed = RENAME_SAME_PLACE if old_at == new_at else RENAME_ELSEWHERE
            if score >= needed:
                scored.append((-score, old_at != new_at, i, j))
    pairs: list[tuple[int, int]] = []
    used_i: set[int] = set()
    used_j: set[int] = set()
    for _score, _far, i, j in sorted(scored):
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def _moved_ids(old_order: list[str], new_order: list[str]) -> set[str]:
    """Ids (in both lists) whose place changed relative to the others."""
    common = set(old_order) & set(new_order)
    a = [i for i in old_order if i in common]
    b = [i for i in new_order if i in common]
    if a == b:
        return set()
    kept: set[str] = set()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    return common - kept


def _span(value: Any) -> dict[str, Any] | None:
    value = _dict(value)
    return value if "from" in value and "to" in value else None


class _Differ:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def emit(
        self, kind: str, entity: str, path: str, old: Any, new: Any, where: _Where,
        district: str | None = None,
    ) -> None:  # fmt: skip
        self.changes.append(Change(kind, entity, path, old, new, *where, district))

    # ---- generic values ---------------------------------------------------------------------

    def value(self, path: str, a: Any, b: Any, where: _Where, name: str = "") -> None:
        if _same(a, b):
            return
        if (a is None or is_text(a)) and (b is None or is_text(b)) and (a or b):
            self.text(path, a, b, where)
        elif name.endswith("fiscal_years") or (_span(a) and _span(b)):
            self.emit("fiscal-years", "span", path, _span(a) or a, _span(b) or b, where)
        elif isinstance(a, dict) and isinstance(b, dict):
            self.mapping(path, a, b, where)
        elif isinstance(a, list) and isinstance(b, list):
            self.sequence(path, a, b, where, name)
        elif isinstance(a, str) and isinstance(b, str) and (len(a) > 30 or len(b) > 30):
            self.emit("text", "text", path, a, b, where)
        else:
            self.emit("field", "field", path, a, b, where)

    def text(self, path: str, a: Any, b: Any, where: _Where) -> None:
        a, b = _dict(a), _dict(b)
        for lang in ("ja", "en"):
            old, new = a.get(lang), b.get(lang)
            if not _same(old, new):
                self.emit("text", "text", f"{path}/{lang}", old, new, where)
        for key in (set(a) | set(b)) - {"ja", "en"}:  # not reachable for a real text
            self.value(f"{path}/{key}", a.get(key), b.get(key), where)

    def mapping(
        self,
        path: str,
        a: dict[str, Any],
        b: dict[str, Any],
        where: _Where,
        skip: tuple[str, ...] = (),
    ) -> None:
        for key in [*b, *(k for k in a if k not in b)]:
            if key in skip:
                continue
            sub = f"{path}/{key}" if path else str(key)
            self.value(sub, a.get(key), b.get(key), where, str(key))

    def sequence(self, path: str, a: list[Any], b: list[Any], where: _Where, name: str) -> None:
        if any(_id(x) for x in a) or any(_id(x) for x in b):
            self.entities(path, a, b, where, _SINGULAR.get(name, name or "entry"))
            return
        scalars = all(not isinstance(x, (dict, list)) for x in (*a, *b))
        if scalars:
            if sorted(map(_key, a)) != sorted(map(_key, b)):  # a pure reordering is no change
                self.emit("list", name or "list", path, a, b, where)
            return
        self.positional(path, a, b, where, _SINGULAR.get(name, name or "entry"))

    def positional(self, path: str, a: list[Any], b: list[Any], where: _Where, entity: str) -> None:
        """Lists without ids (texts, records): matched by content, then by place."""
        ka, kb = [_key(x) for x in a], [_key(x) for x in b]
        matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
        deleted: list[int] = []
        inserted: list[int] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace":  # edits in place: pair by position
                n = min(i2 - i1, j2 - j1)
                for k in range(n):
                    self.value(f"{path}/{j1 + k}", a[i1 + k], b[j1 + k], where, entity)
                deleted.extend(range(i1 + n, i2))
                inserted.extend(range(j1 + n, j2))
            elif tag == "delete":
                deleted.extend(range(i1, i2))
            else:
                inserted.extend(range(j1, j2))
        for i in list(deleted):  # the same entry elsewhere: moved
            j = next((j for j in inserted if kb[j] == ka[i]), None)
            if j is not None:
                deleted.remove(i)
                inserted.remove(j)
                self.emit(
                    "moved", entity, f"{path}/{j}", {"position": i + 1}, {"position": j + 1}, where
                )
        for i in deleted:
            self.emit("removed", entity, f"{path}/{i}", a[i], None, where)
        for j in inserted:
            self.emit("added", entity, f"{path}/{j}", None, b[j], where)

    def entities(
        self, path: str, a: list[Any], b: list[Any], where: _Where, entity: str,
        skip: tuple[str, ...] = (),
    ) -> dict[str, str]:  # fmt: skip
        """Entries with ids. Returns old id → new id for matched and renamed entries."""
        old = {ident: (i, x) for i, x in enumerate(a) if (ident := _id(x))}
        new = {ident: (i, x) for i, x in enumerate(b) if (ident := _id(x))}
        removed = [(i, x) for ident, (i, x) in old.items() if ident not in new]
        added = [(i, x) for ident, (i, x) in new.items() if ident not in old]
        mapping = {ident: ident for ident in old if ident in new}
        renames = _pair_renames(removed, added)
        for i, j in renames:
            old_id, new_id = _id(removed[i][1]), _id(added[j][1])
            assert old_id and new_id
            mapping[old_id] = new_id
            self.emit(
                "renamed",
                entity,
                f"{path}/{new_id}",
                old_id,
                new_id,
                self.at(where, entity, new_id),
            )
        paired_i = {i for i, _ in renames}
        paired_j = {j for _, j in renames}
        for i, (_at, x) in enumerate(removed):
            if i not in paired_i:
                ident = _id(x)
                self.emit(
                    "removed", entity, f"{path}/{ident}", x, None, self.at(where, entity, ident)
                )
        for j, (_at, x) in enumerate(added):
            if j not in paired_j:
                ident = _id(x)
                self.emit(
                    "added", entity, f"{path}/{ident}", None, x, self.at(where, entity, ident)
                )
        old_order = [mapping[i] for i in old if i in mapping]
        new_order = [i for i in new if i in mapping.values()]
        for ident in new_order:
            if ident in _moved_ids(old_order, new_order):
                before = next(o for o, n in mapping.items() if n == ident)
                self.emit(
                    "moved", entity, f"{path}/{ident}",
                    {"in": path, "position": old[before][0] + 1},
                    {"in": path, "position": new[ident][0] + 1},
                    self.at(where, entity, ident),
                )  # fmt: skip
        for old_id, new_id in mapping.items():
            self.mapping(
                f"{path}/{new_id}", old[old_id][1], new[new_id][1],
                self.at(where, entity, new_id), ("id", *skip),
            )  # fmt: skip
        return mapping

    @staticmethod
    def at(where: _Where, entity: str, ident: str | None) -> _Where:
        if entity == "course":
            return _Where(ident)
        if entity == "item":
            return _Where(where.course, ident)
        if entity == "task":
            return _Where(where.course, where.item, ident)
        return where

    # ---- the plan: courses, items, tasks -----------------------------------------------------

    def roadmap(self, a: dict[str, Any], b: dict[str, Any]) -> None:
        for key in [*b, *(k for k in a if k not in b)]:
            if key == "courses":
                self.courses(_list(a.get(key)), _list(b.get(key)))
            elif key == "districts":
                self.registry(_dict(a.get(key)), _dict(b.get(key)))
            else:
                self.value(str(key), a.get(key), b.get(key), _Where(), str(key))

    def registry(self, a: dict[str, Any], b: dict[str, Any]) -> None:
        """The districts registry: its `list` is of districts (added, removed, renamed, and
        their names and hilly flags as field changes), the rest as any mapping."""
        for key in [*b, *(k for k in a if k not in b)]:
            old, new = a.get(key), b.get(key)
            if key == "list" and isinstance(old, list) and isinstance(new, list):
                if not _same(old, new):
                    self.entities("districts/list", old, new, _Where(), "district")
            else:
                self.value(f"districts/{key}", old, new, _Where(), str(key))

    def courses(self, a: list[Any], b: list[Any]) -> None:
        course_map = self.entities("courses", a, b, _Where(), "course", ("items",))
        items = entity_kinds.by_name("item").key
        tasks = entity_kinds.by_name("task").key
        old_items = _children(_courses(a), items)
        new_items = _children(_courses(b), items)
        item_map = self.children("item", old_items, new_items, course_map)
        old_tasks = _children(old_items.values(), tasks)
        new_tasks = _children(new_items.values(), tasks)
        self.children("task", old_tasks, new_tasks, item_map)

    def children(
        self,
        entity: str,
        old: dict[str, _Entry],
        new: dict[str, _Entry],
        parent_map: dict[str, str],
    ) -> dict[str, str]:
        """Items (or tasks) across all courses (items): matched by id, moved, renamed."""
        mapping = {ident: ident for ident in old if ident in new}
        # Renames: only between entries under the same (matched) parent.
        by_parent: dict[str, tuple[list[Any], list[Any]]] = {}
        for ident, entry in old.items():
            if ident not in new and entry.parent in parent_map:
                by_parent.setdefault(parent_map[entry.parent], ([], []))[0].append(
                    (entry.at, entry.data)
                )
        for ident, entry in new.items():
            if ident not in old and entry.parent in by_parent:
                by_parent[entry.parent][1].append((entry.at, entry.data))
        for removed, added in by_parent.values():
            for i, j in _pair_renames(removed, added):
                old_id, new_id = _id(removed[i][1]), _id(added[j][1])
                assert old_id and new_id
                mapping[old_id] = new_id
        renamed_to = set(mapping.values())
        for ident, entry in old.items():
            if ident not in mapping:
                self.emit(
                    "removed", entity, entry.path, entry.data, None, self.where(entity, entry)
                )
        for ident, entry in new.items():
            if ident not in renamed_to:
                self.emit("added", entity, entry.path, None, entry.data, self.where(entity, entry))
        # Order within each parent, for `moved` by place.
        old_orders: dict[str, list[str]] = {}
        for ident, entry in old.items():
            if ident in mapping:
                parent = parent_map.get(entry.parent, entry.parent)
                old_orders.setdefault(parent, []).append(mapping[ident])
        new_orders: dict[str, list[str]] = {}
        for ident, entry in new.items():
            new_orders.setdefault(entry.parent, []).append(ident)
        moved_in_place = set()
        for parent, order in new_orders.items():
            moved_in_place |= _moved_ids(old_orders.get(parent, []), order)
        for old_id, new_id in mapping.items():
            before, after = old[old_id], new[new_id]
            where = self.where(entity, after)
            path = after.path
            if old_id != new_id:
                self.emit("renamed", entity, path, old_id, new_id, where)
            if parent_map.get(before.parent) != after.parent or new_id in moved_in_place:
                self.emit("moved", entity, path,
                          {"in": before.parent_path, "position": before.at + 1},
                          {"in": after.parent_path, "position": after.at + 1}, where)  # fmt: skip
            if entity == "item":
                self.item(path, before.data, after.data, where)
            else:
                self.task(path, before.data, after.data, where)
        return mapping

    @staticmethod
    def where(entity: str, entry: _Entry) -> _Where:
        """The course, item and task an item or task belongs to."""
        if entity == "item":
            return _Where(entry.parent, entry.id)
        return _Where(entry.course, entry.parent, entry.id)

    def item(self, path: str, a: dict[str, Any], b: dict[str, Any], where: _Where) -> None:
        skip = ("id", "tasks")
        for key in [*b, *(k for k in a if k not in b)]:
            if key in skip:
                continue
            old, new = a.get(key), b.get(key)
            if _same(old, new):
                continue
            if key in ("decision", "realisation"):
                self.emit(key, "milestone", f"{path}/{key}", old, new, where)
            elif key == "owners" and isinstance(old, list) and isinstance(new, list):
                if sorted(map(str, old)) != sorted(map(str, new)):
                    self.emit("owners", "owners", f"{path}/owners", old, new, where)
            else:
                self.value(f"{path}/{key}", old, new, where, key)

    def task(self, path: str, a: dict[str, Any], b: dict[str, Any], where: _Where) -> None:
        skip = ("id",)
        for key in [*b, *(k for k in a if k not in b)]:
            if key in skip:
                continue
            old, new = a.get(key), b.get(key)
            if _same(old, new):
                continue
            if key == "history":
                self.history(f"{path}/history", _list(old), _list(new), where)
            else:
                self.value(f"{path}/{key}", old, new, where, key)

    def history(self, path: str, a: list[Any], b: list[Any], where: _Where) -> None:
        def record_key(r: Any) -> Any:
            r = _dict(r)
            return tuple(_key(r.get(k)) for k in ("status", "date", "fiscal_year", "district"))

        ka, kb = [record_key(r) for r in a], [record_key(r) for r in b]
        matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            n = min(i2 - i1, j2 - j1) if tag in ("replace", "equal") else 0
            for k in range(n):
                if not _same(a[i1 + k], b[j1 + k]):
                    self.emit(
                        "status-edited", "record", f"{path}/{j1 + k}", a[i1 + k], b[j1 + k],
                        where, _district(b[j1 + k]) or _district(a[i1 + k]),
                    )  # fmt: skip
            for i in range(i1 + n, i2):
                self.emit(
                    "status-removed", "record", f"{path}/{i}", a[i], None, where, _district(a[i])
                )
            for j in range(j1 + n, j2):
                district = _district(b[j])
                before = _previous_status(b[:j], district)
                self.emit("status", "record", f"{path}/{j}", before, b[j], where, district)


def _district(record: Any) -> str | None:
    """The district a status record names (None: the record is about the whole task)."""
    value = _dict(record).get("district")
    return value if isinstance(value, str) and value else None


def _previous_status(records: list[Any], district: str | None) -> Any:
    """The status a new record follows: for a district's record, that district's own last
    record, else the last record about the whole task, else `planned`; for a record about the
    whole task, the last such record, else `planned`."""
    city_wide = None
    for record in reversed(records):
        mine = _district(record)
        if district is not None and mine == district:
            return _dict(record).get("status", "planned")
        if mine is None and city_wide is None:
            city_wide = _dict(record).get("status", "planned")
            if district is None:
                return city_wide
    return "planned" if city_wide is None else city_wide


def _courses(courses: list[Any]) -> Iterator[_Entry]:
    """Every course with an id (of either side's course list)."""
    for at, course in enumerate(courses):
        ident = _id(course)
        if ident is not None:
            yield _Entry(ident, course, f"courses/{ident}", ident, at=at)


def _children(parents: Iterable[_Entry], key: str) -> dict[str, _Entry]:
    """id → entry for every child with an id in the list `key` of every parent; of two with
    one id, the first."""
    found: dict[str, _Entry] = {}
    for parent in parents:
        for at, child in enumerate(_list(parent.data.get(key))):
            ident = _id(child)
            if ident is None or ident in found:
                continue
            path = f"{parent.path}/{key}/{ident}"
            found[ident] = _Entry(ident, child, path, parent.course, parent.id, parent.path, at)
    return found


def _plan(data: dict[str, Any], titles: dict[str, dict[str, str]]) -> list[str]:
    """The ids of the courses, items and tasks in document order; their titles and labels
    (each under a course, item with an id) go into `titles`."""
    order: list[str] = []
    named: set[int] = set()  # the entries titled, by object id: their children are titled too
    for node in access.plan(data):
        ident = _id(node.entry)
        if ident is None:
            continue
        order.append(ident)
        if node.parent is not None and id(node.parent) not in named:
            continue
        named.add(id(node.entry))
        if node.kind == "course":
            label = str(node.entry.get("numeral", ""))
        elif node.kind == "item" and node.parent is not None:
            numeral, number = str(node.parent.get("numeral", "")), node.entry.get("number")
            label = f"{numeral}-{number}" if numeral else str(number)
        else:
            label = ""
        titles[ident] = _title_entry(node.entry, label)
    return order


def _title_entry(entry: dict[str, Any], label: str) -> dict[str, str]:
    title = entry.get("title")
    if is_text(title):
        ja = str(title.get("ja", ""))
        return {"ja": ja, "en": str(title.get("en") or ja), "label": label}
    text = "" if title is None else str(title)
    return {"ja": text, "en": text, "label": label}


def diff_roadmaps(old: dict[str, Any], new: dict[str, Any]) -> Diff:
    """The semantic changes from `old` to `new` (raw roadmap data)."""
    differ = _Differ()
    differ.roadmap(_dict(old), _dict(new))
    titles: dict[str, dict[str, str]] = {}
    old_plan = _plan(_dict(old), titles)
    new_plan = _plan(_dict(new), titles)  # the new title wins
    rank: dict[str, int] = {}
    for ident in (*new_plan, *old_plan):
        rank.setdefault(ident, len(rank))
    names = _district_names(_dict(old)) | _district_names(_dict(new))  # the new name wins
    changes = tuple(_ordered(differ.changes, _dict(new), _dict(old), rank))
    return Diff(changes, titles, names, revision_changes(old, new))


def _district_names(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    """id → {"ja", "en"} for each district of the registry that has an id and a name."""
    names: dict[str, dict[str, str]] = {}
    for district in _list(_dict(data.get("districts")).get("list")):
        ident, name = _id(district), _dict(district).get("name")
        if ident is None or ident in names:
            continue
        if is_text(name):
            ja = str(name.get("ja") or ident)
            names[ident] = {"ja": ja, "en": str(name.get("en") or ja)}
        elif isinstance(name, str) and name:
            names[ident] = {"ja": name, "en": name}
    return names


def _ordered(
    changes: list[Change], new: dict[str, Any], old: dict[str, Any], rank: dict[str, int]
) -> Iterator[Change]:
    """Changes in document order: top-level section, then course, item, task (by `rank`)."""
    sections = {key: n for n, key in enumerate([*new, *(k for k in old if k not in new)])}

    def order(pair: tuple[int, Change]) -> tuple[int, int, int, int, int]:
        seq, c = pair
        section = sections.get(c.path.split("/", 1)[0], len(sections))
        return (
            section,
            rank.get(c.course or "", -1),
            rank.get(c.item or "", -1),
            rank.get(c.task or "", -1),
            seq,
        )

    for _seq, change in sorted(enumerate(changes), key=order):
        yield change
