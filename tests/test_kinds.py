"""The registry of entity kinds (jtr.kinds): every kind it holds is handled by `show` (text and
JSON), `list`, completion, `find`, the duplicate-id rule and the plan diff, and a kind added to
a copy of it appears in list, completion, find and show without any other edit.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from helpers import ROOT, invoke, run
from typer.testing import CliRunner

from jtr import kinds
from jtr.cli.edit import complete_items, complete_tasks
from jtr.cli.options import complete_ids as _complete_ids
from jtr.cli.views import ListKind
from jtr.kinds import KINDS, Kind
from jtr.loader import load_file
from jtr.model import Roadmap
from jtr.render import show
from jtr.review.semantic import _SINGULAR, diff_roadmaps
from jtr.roadmap import open_roadmap
from jtr.rules import REGISTRY, Context
from jtr.rules.ids import KINDS as ID_RULE_KINDS
from jtr.status import RoadmapState, roadmap_state

ROADMAP = ROOT / "data" / "roadmap.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = "2026-11-26"
SHOWN = kinds.shown()


@pytest.fixture(scope="module")
def model() -> Roadmap:
    return open_roadmap(ROADMAP).model


@pytest.fixture(scope="module")
def state(model: Roadmap) -> RoadmapState:
    import datetime as dt

    return roadmap_state(model, dt.date.fromisoformat(AS_OF))


def entities(model: Roadmap, kind: Kind) -> list[Any]:
    assert kind.entries is not None
    return list(kind.entries(model))


# ---------------------------------------------------------------------------------------------
# The registry itself


def test_names_labels_plurals_and_keys_are_unique() -> None:
    for field in ("name", "label", "path"):
        values = [getattr(k, field) for k in KINDS]
        assert len(values) == len(set(values)), field
    plurals = [k.plural for k in kinds.listed()]
    assert len(plurals) == len(set(plurals))
    assert len({k.key for k in KINDS}) == len(KINDS)  # the diff names a list by its key
    for kind in KINDS:
        assert kind.path[-1] == kinds.EACH and kinds.EACH not in (kind.key,), kind.name
        assert all(kind.label) and kind.label_of("ja") != kind.label_of("en"), kind.name


def test_every_kind_stands_where_its_path_says_in_the_shipped_roadmap(model: Roadmap) -> None:
    data = load_file(ROADMAP).data
    for kind in KINDS:
        found = list(kinds.raw_entries(data, kind))
        assert found, f"no {kind.name} in data/roadmap.yaml at {kind.path}"
        assert all(isinstance(entry.get("id"), str) for _, entry in found), kind.name
        if kind.entries is not None:  # the YAML and the model agree, in the same order
            assert [e["id"] for _, e in found] == [e.id for e in entities(model, kind)]


def test_raw_entries_pass_over_what_is_not_a_mapping_or_a_list() -> None:
    task = kinds.by_name("task")
    data = {
        "courses": [
            "text",
            {"items": {"not": "a list"}},
            {"items": [None, {"tasks": [1, {"id": "t"}, ["x"]]}]},
        ]
    }
    assert list(kinds.raw_entries(data, task)) == [
        (("courses", 2, "items", 1, "tasks", 1), {"id": "t"})
    ]
    assert list(kinds.raw_entries([], task)) == []
    assert list(kinds.raw_entries({"courses": None}, task)) == []


# ---------------------------------------------------------------------------------------------
# Every kind is handled everywhere ("every choice handled")


def test_every_shown_kind_has_a_page_and_json_of_its_own() -> None:
    names = {k.name for k in SHOWN}
    assert set(show.TEXT) == names
    assert set(show.DATA) == names


@pytest.mark.parametrize("kind", SHOWN, ids=lambda k: k.name)
@pytest.mark.parametrize("path", [ROADMAP, PROGRESS], ids=lambda p: p.stem)
def test_show_handles_every_kind(runner: CliRunner, kind: Kind, path: Path) -> None:
    model = open_roadmap(path).model
    if not entities(model, kind):
        pytest.skip(f"{path.name} has no {kind.name}")
    ident = entities(model, kind)[0].id
    common = ("-f", str(path), "--as-of", AS_OF)
    code, out, err = run(runner, "show", ident, *common, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["kind"], data["id"]) == (kind.name, ident)
    for lang in ("ja", "en"):
        code, out, err = run(runner, "show", ident, *common, "--lang", lang, "--width", "400")
        assert code == 0, err
        assert out.splitlines()[0].endswith(f"  [{ident}]")  # its heading, whatever the kind


def test_list_choices_are_the_listed_kinds() -> None:
    assert [c.value for c in ListKind] == [k.plural for k in kinds.listed()]
    assert kinds.listed() == SHOWN  # every kind the views offer can be listed


@pytest.mark.parametrize("kind", kinds.listed(), ids=lambda k: k.name)
def test_list_handles_every_kind(runner: CliRunner, kind: Kind, model: Roadmap) -> None:
    assert kind.plural is not None
    code, out, err = run(
        runner, "list", "--kind", kind.plural, "-f", str(ROADMAP), "--format", "json"
    )
    assert code == 0, err
    listed = json.loads(out)
    assert [e["id"] for e in listed] == [e.id for e in entities(model, kind)]
    assert all(e["title"] for e in listed)


def test_completion_and_find_offer_every_id_of_every_shown_kind(
    model: Roadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    ctx = SimpleNamespace(params={"file": ROADMAP})
    completed = _complete_ids(ctx, "")  # type: ignore[arg-type]
    expected = [(e.id, k.title(e).get("en")) for k in SHOWN for e in entities(model, k)]
    assert completed == expected and len(completed) > 50
    for kind in SHOWN:
        for entity in entities(model, kind):
            found = kinds.find(model, entity.id)
            assert found is not None
            first = next(k for k in SHOWN if any(e.id == entity.id for e in entities(model, k)))
            assert found[0] is first
            if first is kind:
                assert found[1] is entity and model.find(entity.id) is entity
                assert kinds.kind_of(model, entity) is kind
    assert kinds.find(model, "no-such-id") is None and model.find("no-such-id") is None
    items = complete_items(ctx, "")  # type: ignore[arg-type]
    tasks = complete_tasks(ctx, "")  # type: ignore[arg-type]
    assert [i for i, _ in items] == [e.id for e in model.items()]
    assert [i for i, _ in tasks] == [e.id for e in model.tasks()]


def test_the_not_found_message_names_every_shown_kind(runner: CliRunner) -> None:
    code, _, err = run(runner, "show", "zzzz-nothing", "-f", str(ROADMAP))
    assert code == 2
    for kind in SHOWN:
        assert kind.label_of("en") in err
    assert (
        "no course, item, task, working group, topic, owner, phase, district or revision has the id"
        in err
    )


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_the_id_rule_checks_every_kind(kind: Kind) -> None:
    doc = load_file(ROADMAP)
    assert kind.label_of("en") in ID_RULE_KINDS
    path, entry = next(kinds.raw_entries(doc.data, kind))
    parent: Any = doc.data
    for key in path[:-1]:
        parent = parent[key]
    parent.append(copy.deepcopy(entry))  # the same id twice, as the last entry of its list
    said = f"duplicate {kind.label_of('en')} id"
    found = [f for f in REGISTRY["duplicate-id"].check(Context(doc)) if f.message.startswith(said)]
    assert [f.message.split(" (")[0] for f in found] == [f"{said} '{entry['id']}'"]
    assert found[0].path == (*path[:-1], len(parent) - 1, "id")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_the_diff_names_every_kind_by_its_word(kind: Kind) -> None:
    assert _SINGULAR[kind.key] == kind.word
    old = load_file(ROADMAP).data
    new = copy.deepcopy(old)
    path, entry = next(kinds.raw_entries(new, kind))
    parent: Any = new
    for key in path[:-1]:
        parent = parent[key]
    parent.append({**copy.deepcopy(entry), "id": "brand-new-entry"})
    added = [c for c in diff_roadmaps(old, new).changes if c.kind == "added"]
    assert [(c.entity, c.path.rsplit("/", 1)[-1]) for c in added] == [
        (kind.word, "brand-new-entry")
    ]


# ---------------------------------------------------------------------------------------------
# Adding a kind is one entry


def test_a_kind_added_to_the_registry_appears_everywhere_without_other_edits(
    model: Roadmap, state: RoadmapState, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = kinds.by_name("goal")
    offered = goal._replace(
        entries=lambda m: [g for c in m.courses for g in c.goals], plural="goal-images"
    )
    monkeypatch.setattr(kinds, "KINDS", tuple(offered if k is goal else k for k in KINDS))
    first = model.courses[0].goals[0]

    assert ("goal-images", "goal") in [(k.plural, k.name) for k in kinds.listed()]
    listed = show.list_entries(model, "goal-images", "en")
    assert listed[0] == (first.id, first.title.get("en"))
    assert len(listed) == sum(len(c.goals) for c in model.courses)

    monkeypatch.setenv("LC_ALL", "C")
    completed = dict(_complete_ids(SimpleNamespace(params={"file": ROADMAP}), first.id))  # type: ignore[arg-type]
    assert completed[first.id] == first.title.get("en")

    found = kinds.find(model, first.id)
    assert found is not None and found[0].name == "goal" and found[1] is first
    assert model.find(first.id) is first

    text = show.render_text(state, first, "en", width=100, color=False)
    heading, _, rest = text.partition("\n")
    assert heading == f"{first.title.get('en')}  [{first.id}]"
    assert rest == "" or rest.startswith("Readings (interpretations of the seed)\n")
    data = json.loads(show.render_json(state, first))
    assert data == {
        "as_of": AS_OF,
        "kind": "goal",
        "id": first.id,
        "title": {"ja": first.title.ja, "en": first.title.en},
    }


def test_the_show_argument_help_names_every_shown_kind(runner: CliRunner) -> None:
    for lang in ("en", "ja"):
        text = invoke(runner, "--lang", lang, "show", "--help").stdout
        help_text = text[text.index("ID  ") :].split("\n\n")[0]
        # Wrapped lines joined again: Japanese wraps between any two characters.
        joined = ("" if lang == "ja" else " ").join(help_text.split())
        for kind in SHOWN:
            assert kind.label_of(lang) in joined, (lang, kind.name)
