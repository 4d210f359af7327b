"""The kinds of entity a roadmap holds, in one registry.

`jtr show`, `jtr list`, shell completion, `Roadmap.find`, the duplicate-id rule and the plan
diff all read `KINDS`; adding a kind is one entry here. An entry says where the kind stands in
the YAML (for the rules and the diff, which read files that may not be valid, through
jtr.access), and, for the kinds the typed model holds and the views offer, how to enumerate it
in the model and title it.

Imported when `jtr.cli` is (the `--kind` choice is built from it), so it imports nothing at
module level but `typing`: the model only for type checking, the catalog when a kind is
named, the presenter when a list needs it. Kind is a NamedTuple, not a frozen dataclass, for the same start-up reason as the
model's records.

A kind's words (singular, ja and en) are the label catalog's `kind_<name>` (jtr.labels).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from jtr.model import Roadmap, Text

EACH = "*"  # in a Kind's path: every entry of the list that stands there


def _title(entity: Any) -> Text:
    title: Text = entity.title
    return title


def _listed(model: Roadmap, entity: Any, lang: str) -> str:
    return _title(entity).get(lang)


class Kind(NamedTuple):
    """One kind of entity. Only `name` and `path` are required: a kind the model does not
    (yet) type is still checked for duplicate ids and named in the diff."""

    name: str  # machine name: `"kind"` in `jtr show --format json`; its words: `kind_<name>`
    path: tuple[str, ...]  # where its entries stand in the YAML; EACH for every list entry
    # The kind in the typed model; None: not (yet) offered by show, list, completion, find.
    entries: Callable[[Roadmap], Iterable[Any]] | None = None
    plural: str | None = None  # `jtr list --kind` value; None: not listed
    title: Callable[[Any], Text] = _title  # what completion shows beside an id
    listed: Callable[[Roadmap, Any, str], str] = _listed  # what `jtr list` prints beside it
    singular: str = ""  # the plan diff's word for it (the singular of its list's key) if not name

    @property
    def key(self) -> str:
        """The YAML key of the list its entries stand in (`working_groups`, `parties`)."""
        return self.path[-2]

    @property
    def word(self) -> str:
        """What the plan diff calls an entry of this kind (`working_group`, `party`)."""
        return self.singular or self.name

    @property
    def label(self) -> tuple[str, str]:
        """Singular (ja, en), as messages name it: ("課題", "task"), from the catalog."""
        from jtr.labels import LABELS

        return LABELS[f"kind_{self.name}"]

    def label_of(self, lang: str) -> str:
        from jtr.labels import label

        return label(f"kind_{self.name}", lang)


def _item_listed(model: Roadmap, item: Any, lang: str) -> str:
    from jtr.presenter import item_ref

    course = next(c for c in model.courses if c.id == item.course_id)
    return f"{item_ref(course, item)} {item.title.get(lang)}"


def _task_listed(model: Roadmap, task: Any, lang: str) -> str:
    from jtr.presenter import span_label

    return f"{task.title.get(lang)} ({span_label(task.years, lang, 'label', ' – ')})"


def _course_listed(model: Roadmap, course: Any, lang: str) -> str:
    return f"{course.numeral} {course.title.get(lang)}"


def _owner_listed(model: Roadmap, owner: Any, lang: str) -> str:
    return f"{owner.short.get(lang)} — {owner.name.get(lang)}"


def _district_title(district: Any) -> Text:
    name: Text = district.name
    return name


def _district_listed(model: Roadmap, district: Any, lang: str) -> str:
    from jtr.labels import label

    hilly = f" ({label('hilly', lang)})" if district.hilly else ""
    return f"{district.name.get(lang)}{hilly}"


def _revision_listed(model: Roadmap, revision: Any, lang: str) -> str:
    from jtr.presenter import revision_summary

    return revision_summary(model, revision, lang)


def _owner_title(owner: Any) -> Text:
    name: Text = owner.name
    return name


# In the order `find` looks: the first kind holding an id wins (ids are unique within a kind,
# items and tasks across the roadmap, but a course and an owner may share one).
KINDS: tuple[Kind, ...] = (
    Kind("course", ("courses", EACH),
         lambda m: m.courses, "courses", listed=_course_listed),
    Kind("item", ("courses", EACH, "items", EACH),
         lambda m: m.items(), "items", listed=_item_listed),
    Kind("task", ("courses", EACH, "items", EACH, "tasks", EACH),
         lambda m: m.tasks(), "tasks", listed=_task_listed),
    Kind("working_group", ("working_groups", EACH),
         lambda m: m.working_groups, "working-groups"),
    Kind("topic", ("further_study", "topics", EACH),
         lambda m: m.topics, "topics"),
    Kind("owner", ("owners", EACH),
         lambda m: m.owners, "owners", title=_owner_title, listed=_owner_listed),
    Kind("phase", ("phases", EACH), lambda m: m.phases, "phases"),
    Kind("district", ("districts", "list", EACH), lambda m: m.districts, "districts",
         title=_district_title, listed=_district_listed),
    Kind("revision", ("revisions", EACH), lambda m: m.revisions, "revisions",
         listed=_revision_listed),
    # Typed in the model (Course.goals, Topic.study_groups) but not offered by the views yet.
    Kind("goal", ("courses", EACH, "goals", EACH)),
    Kind("study_group",
         ("further_study", "topics", EACH, "study_groups", EACH)),
    # In the YAML only: checked and diffed, not in the model yet.
    Kind("body", ("bodies", EACH)),
    Kind("principle", ("principles", EACH)),
    Kind("scope_party", ("scope", "parties", EACH),
         singular="party"),
    Kind("scope_area", ("scope", "areas", EACH), singular="area"),
    Kind("activity_kind", ("resident_activities", "kinds", EACH),
         singular="kind"),
)  # fmt: skip


def by_name(name: str, kinds: Sequence[Kind] | None = None) -> Kind:
    return next(k for k in (KINDS if kinds is None else kinds) if k.name == name)


def shown(kinds: Sequence[Kind] | None = None) -> tuple[Kind, ...]:
    """The kinds `show`, completion and `find` offer: those the model enumerates."""
    return tuple(k for k in (KINDS if kinds is None else kinds) if k.entries is not None)


def listed(kinds: Sequence[Kind] | None = None) -> tuple[Kind, ...]:
    """The kinds `jtr list --kind` offers, by their plural."""
    return tuple(k for k in shown(kinds) if k.plural is not None)


def by_plural(plural: str, kinds: Sequence[Kind] | None = None) -> Kind:
    kind = next((k for k in listed(kinds) if k.plural == plural), None)
    if kind is None:
        raise ValueError(plural)
    return kind


def entries(model: Roadmap, kinds: Sequence[Kind] | None = None) -> Iterator[tuple[Kind, Any]]:
    """Every entity the views offer, with its kind, in registry order."""
    for kind in shown(kinds):
        assert kind.entries is not None
        for entity in kind.entries(model):
            yield kind, entity


def find(
    model: Roadmap, ident: str, kinds: Sequence[Kind] | None = None
) -> tuple[Kind, Any] | None:
    """The kind and entity with this id (the first kind holding it), or None."""
    return next(((k, e) for k, e in entries(model, kinds) if e.id == ident), None)


def kind_of(model: Roadmap, entity: object, kinds: Sequence[Kind] | None = None) -> Kind:
    """The kind whose entries hold this very entity (an object of `model`)."""
    for kind, candidate in entries(model, kinds):
        if candidate is entity:
            return kind
    raise TypeError(f"not an entity of this roadmap: {type(entity).__name__}")


def all_ids(model: Roadmap, kinds: Sequence[Kind] | None = None) -> list[tuple[str, Kind]]:
    """Every id the views take, with its kind, in registry order (repeats kept)."""
    return [(e.id, k) for k, e in entries(model, kinds)]


def names(kinds: Sequence[Kind], lang: str = "en") -> str:
    """`course, item or task`: the kinds' singular labels, for help and messages."""
    labels = [k.label_of(lang) for k in kinds]
    if lang == "ja":
        return "・".join(labels)
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def not_found(model: Roadmap, ident: str, kinds: Sequence[Kind] | None = None) -> str:
    """Why `find` found nothing: `no item, task, … has the id 'x'`, with up to three close ids
    as a hint (else where the ids are listed), in this run's language."""
    from jtr.labels import current_lang

    lang = current_lang()
    ids = [e for e, _ in all_ids(model, kinds)]
    return no_such_id(ident, ids, names(shown(kinds), lang), "jtr list", lang)


def no_such_id(ident: str, ids: Iterable[str], kinds: str, command: str, lang: str) -> str:
    """`no KINDS has the id 'x'; did you mean 'y' or 'z'?` with up to three of `ids` close to
    `ident`, else `…; `COMMAND` prints the ids`, in `lang`."""
    import difflib

    from jtr.labels import label, message

    close = difflib.get_close_matches(ident, list(ids), n=3, cutoff=0.5)
    if not close:
        return message("err_no_such_id_listed", lang, kinds=kinds, id=repr(ident), command=command)
    joined = label("msg_or", lang).join(repr(c) for c in close)
    return message("err_no_such_id_close", lang, kinds=kinds, id=repr(ident), close=joined)


def raw_entries(data: Any, kind: Kind) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """(YAML path, entry) for each entry of a kind in raw data, in file order, read tolerantly
    (jtr.access.walk): so this runs on files with schema errors and on foreign revisions."""
    from jtr.access import walk

    return walk(data, kind.path)
