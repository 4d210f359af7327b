"""`jtr merge-driver`: the three-way merge of the roadmap by id, on snippets and through real
`git merge` runs.

The real-git cases are bench/merge_compare.py's (which prints how git's own line merge does
on them): each builds a repository from the shipped roadmap, records on two branches through
jtr's edit core, and merges them with git's line merge and with the driver.
"""

from __future__ import annotations

import importlib.util
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from helpers import ROOT, run
from typer.testing import CliRunner

from jtr.diagnostics import LoadError
from jtr.edit.merge import Conflict, Id, Unmergeable, describe, merge_texts, run_driver
from jtr.labels import set_lang

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "merge_compare", ROOT / "bench" / "merge_compare.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compare = _bench()


def merged(base: str, ours: str, theirs: str, marker: int = 7) -> tuple[str, list[str]]:
    result = merge_texts(
        textwrap.dedent(base), textwrap.dedent(ours), textwrap.dedent(theirs), marker
    )
    return "".join(f"{line}\n" for line in result.lines), [describe(c) for c in result.conflicts]


BASE = """\
# the plan  (comment kept)
meta:
  id: mini   # trailing comment
  title: {ja: ミニ, en: Mini}
tasks:
  - id: t1
    title:
      ja: 一
      en: 'One'
    fiscal_years:
      from: 2024
      to: 2024
  # the second task
  - id: t2
    title: {ja: 二, en: Two}
    history:
      - status: in_progress
        date: "2024-05-01"
"""


# ---- snippets ---------------------------------------------------------------------------------


def test_different_fields_changed_on_each_side_merge_and_the_rest_stays_as_written() -> None:
    ours = BASE.replace("      from: 2024", "      from: 2023")
    theirs = BASE.replace("      to: 2024", "      to: 2025").replace("id: mini ", "id: mini2")
    text, conflicts = merged(BASE, ours, theirs)
    assert conflicts == []
    assert text == BASE.replace(
        "      from: 2024\n      to: 2024", "      from: 2023\n      to: 2025"
    ).replace("id: mini ", "id: mini2")


def test_records_added_on_both_sides_are_kept_in_date_order() -> None:
    record = '      - status: {status}\n        date: "{date}"\n'
    ours = BASE + record.format(status="done", date="2024-09-01")
    theirs = BASE + record.format(status="delayed", date="2024-07-01")
    text, conflicts = merged(BASE, ours, theirs)
    assert conflicts == []
    assert text == BASE + record.format(status="delayed", date="2024-07-01") + record.format(
        status="done", date="2024-09-01"
    )


def test_a_history_added_to_the_same_task_on_both_sides_keeps_both_records() -> None:
    years = "    fiscal_years:\n      from: 2024\n      to: 2024\n"
    mine = years + '    history:\n      - status: done\n        date: "2024-10-01"\n'
    yours = years + '    history:\n      - status: in_progress\n        date: "2024-06-01"\n'
    text, conflicts = merged(BASE, BASE.replace(years, mine), BASE.replace(years, yours))
    assert conflicts == []
    both = (
        years + '    history:\n      - status: in_progress\n        date: "2024-06-01"\n'
        '      - status: done\n        date: "2024-10-01"\n'
    )
    assert text == BASE.replace(years, both)


def test_the_same_record_added_on_both_sides_is_kept_once() -> None:
    record = '      - status: done\n        date: "2024-09-01"\n'
    later = '      - status: done\n        date: "2024-12-01"\n        note: checked\n'
    text, conflicts = merged(BASE, BASE + record, BASE + record + later)
    assert conflicts == []
    assert text == BASE + record + later


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    ours = theirs = BASE.replace("en: 'One'", "en: 'One task'")
    text, conflicts = merged(BASE, ours, theirs)
    assert (text, conflicts) == (ours, [])


def test_the_same_field_changed_differently_is_a_conflict_around_that_field_only() -> None:
    ours = BASE.replace("      to: 2024", "      to: 2025")
    theirs = BASE.replace("      to: 2024", "      to: 2026").replace("en: 'One'", "en: 'One!'")
    text, conflicts = merged(BASE, ours, theirs, marker=9)
    assert conflicts == [
        "conflict: tasks t1 field fiscal_years.to changed differently on both sides"
    ]
    assert text == BASE.replace("en: 'One'", "en: 'One!'").replace(
        "      to: 2024\n",
        "<<<<<<<<< ours\n      to: 2025\n=========\n      to: 2026\n>>>>>>>>> theirs\n",
    )


def test_a_flow_value_changed_on_both_sides_is_a_conflict_on_its_line() -> None:
    ours = BASE.replace("{ja: 二, en: Two}", "{ja: 二, en: Two (a)}")
    theirs = BASE.replace("{ja: 二, en: Two}", "{ja: 二つ, en: Two}")
    text, conflicts = merged(BASE, ours, theirs)
    assert conflicts == ["conflict: tasks t2 field title changed differently on both sides"]
    assert (
        "<<<<<<< ours\n    title: {ja: 二, en: Two (a)}\n=======\n    title: {ja: 二つ, en: Two}\n>>>>>>> theirs\n"
        in text
    )


def test_a_rename_on_one_side_merges_with_a_change_on_the_other() -> None:
    renamed = BASE.replace("- id: t1", "- id: t1-renamed")
    changed = BASE.replace("      to: 2024", "      to: 2025")
    for ours, theirs in ((renamed, changed), (changed, renamed)):
        text, conflicts = merged(BASE, ours, theirs)
        assert conflicts == []
        assert text == renamed.replace("      to: 2024", "      to: 2025")


def test_an_entry_removed_on_one_side_and_changed_on_the_other_is_a_conflict_by_id() -> None:
    start, end = BASE.index("  - id: t1"), BASE.index("  # the second task")
    removed = BASE[:start] + BASE[end:]
    changed = BASE.replace("      to: 2024", "      to: 2025")
    text, conflicts = merged(BASE, changed, removed)
    assert conflicts == ["conflict: tasks t1 changed on one side and removed on the other"]
    assert text.startswith(BASE[:start] + "<<<<<<< ours\n  - id: t1\n")
    assert text.endswith("      to: 2025\n=======\n>>>>>>> theirs\n" + BASE[end:])
    # removed on one side and left alone on the other: removed
    assert merged(BASE, BASE.replace("mini ", "mini3"), removed) == (
        removed.replace("mini ", "mini3"),
        [],
    )


def test_entries_added_on_both_sides_are_kept_in_date_order() -> None:
    base = BASE + "revisions:\n  - id: r1\n    date: '2023-11-01'\n"
    ours = base + "  - id: r3\n    date: '2024-06-10'\n    note: {ja: 六月}\n"
    theirs = base + "  - id: r2\n    date: '2024-04-20'\n"
    text, conflicts = merged(base, ours, theirs)
    assert conflicts == []
    assert (
        text
        == base
        + "  - id: r2\n    date: '2024-04-20'\n  - id: r3\n    date: '2024-06-10'\n    note: {ja: 六月}\n"
    )


def test_a_new_entry_goes_after_the_one_it_follows_in_theirs() -> None:
    t3 = "  - id: t3\n    title: {ja: 三, en: Three}\n"
    at = BASE.index("  # the second task")
    theirs = BASE[:at] + t3 + BASE[at:]
    ours = BASE.replace("en: Two}", "en: Two tasks}")
    text, conflicts = merged(BASE, ours, theirs)
    assert conflicts == []
    assert text == ours[:at] + t3 + ours[at:]


def test_a_conflict_is_named_by_the_kind_of_entity_in_either_language() -> None:
    path = ("courses", Id("c"), "items", Id("i"), "tasks", Id("t1"), "title", "ja")
    assert describe(Conflict(path, False), "en") == (
        "conflict: task t1 field title.ja changed differently on both sides"
    )
    assert (
        describe(Conflict(path, False), "ja")
        == "競合: 課題 t1 の title.ja が両方で異なる内容に変更されています"
    )
    assert describe(Conflict(("meta", "title", "en"), False), "en") == (
        "conflict: field meta.title.en changed differently on both sides"
    )
    set_lang(None)


# ---- the driver on files ----------------------------------------------------------------------


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path, Path]]:
    """Three versions of the shipped roadmap in a folder holding data/schema.json, the
    current directory (as git runs a merge driver at the top of the work tree)."""
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "schema.json", tmp_path / "data" / "schema.json")
    monkeypatch.chdir(tmp_path)
    files = tuple(tmp_path / name for name in (".merge_file_O", ".merge_file_A", ".merge_file_B"))
    for file in files:
        shutil.copy(ROOT / "data" / "roadmap.yaml", file)
    yield files[0], files[1], files[2]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode("utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))


DECIDE = "              from: 2024\n              to: 2024\n          - id: welfare-workers-prepare"


def test_the_command_writes_the_merge_over_ours_and_exits_0(
    runner: CliRunner, sides: tuple[Path, Path, Path]
) -> None:
    _ancestor, current, other = sides
    record = (
        "            history:\n              - status: done\n                date: 2024-09-01\n"
    )
    _edit(current, DECIDE, DECIDE.replace("          - id", record + "          - id"))
    _edit(other, "en: Carrying out the District Dock  #", "en: Running the District Dock  #")
    expected = current.read_text(encoding="utf-8").replace(
        "en: Carrying out the District Dock  #", "en: Running the District Dock  #"
    )
    code, out, err = run(runner, "merge-driver", *map(str, sides), "data/roadmap.yaml")
    assert (code, out, err) == (0, "", "")
    assert current.read_text(encoding="utf-8") == expected


def test_crlf_and_a_bom_of_ours_are_kept(sides: tuple[Path, Path, Path]) -> None:
    ancestor, current, other = sides
    for file in sides:
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n"))
    _edit(
        other,
        "to: 2024\r\n          - id: welfare-workers-prepare",
        "to: 2025\r\n          - id: welfare-workers-prepare",
    )
    outcome = run_driver(ancestor, current, other, "data/roadmap.yaml")
    assert outcome.clean and outcome.notes == []
    assert outcome.new == other.read_bytes()


@needs_git
def test_a_side_jtr_cannot_read_is_merged_line_by_line(
    runner: CliRunner, sides: tuple[Path, Path, Path]
) -> None:
    _ancestor, current, other = sides
    _edit(current, "meta:\n  id: roadmap-2023", "meta:\n  id: [roadmap-2023")  # not YAML
    _edit(other, "meta:\n  id: roadmap-2023", "meta:\n  id: roadmap-2024")
    code, out, err = run(runner, "merge-driver", *map(str, sides), "data/roadmap.yaml", "8")
    assert code == 1 and out == ""
    assert err.startswith("data/roadmap.yaml: not merged by id (:2:data/roadmap.yaml:")
    assert "merged line by line with git merge-file" in err
    text = current.read_text(encoding="utf-8")
    assert (
        "<<<<<<<< ours\n  id: [roadmap-2023\n========\n  id: roadmap-2024\n>>>>>>>> theirs\n"
        in text
    )


def test_a_merge_that_would_not_validate_leaves_each_change_as_a_conflict(
    sides: tuple[Path, Path, Path],
) -> None:
    ancestor, current, other = sides
    # each side valid alone; together two tasks have one id
    task = compare.new_task("見直し", "Review", 2026)
    _edit(current, compare.START_TASK, compare.START_TASK + task)
    _edit(other, compare.SURVEY_TASK, compare.SURVEY_TASK + task.replace("2026", "2023"))
    outcome = run_driver(ancestor, current, other, "data/roadmap.yaml")
    assert not outcome.clean
    assert outcome.notes[0].startswith("data/roadmap.yaml: the merged roadmap would not be valid")
    assert "duplicate task id 'welfare-workers-review'" in outcome.notes[1]
    assert outcome.new is not None
    text = outcome.new.decode("utf-8")
    conflict = "<<<<<<< ours\n=======\n" + task.replace("2026", "2023") + ">>>>>>> theirs\n"
    assert text == current.read_text(encoding="utf-8").replace(
        compare.SURVEY_TASK, compare.SURVEY_TASK + conflict
    )


# ---- real git ---------------------------------------------------------------------------------


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return tmp_path


def case(name: str) -> object:
    return next(c for c in compare.CASES if c.name == name)


@needs_git
def test_git_merge_keeps_the_records_both_branches_added_to_one_task(
    isolated: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = compare.build(case("same task recorded"), isolated)
    ours = (repo / "data" / "roadmap.yaml").read_text(encoding="utf-8")
    plain = compare.merge(repo, driver=False)
    assert (plain.exit, plain.conflicts, plain.valid) == (1, 1, False)
    result = compare.merge(repo, driver=True)
    assert (result.exit, result.conflicts, result.valid) == (0, 0, True)
    earlier = (
        "              - status: in_progress\n"
        "                date: 2024-06-01\n"
        "                note: WG started\n"
    )
    assert ours.count("            history:\n") == 1  # ours' record on the task, the only one
    assert result.text == ours.replace("            history:\n", "            history:\n" + earlier)
    monkeypatch.chdir(repo)
    assert run(runner, "validate")[0] == 0


# Each case: the driver's (exit, conflict hunks, valid) and git's own line merge's.
EXPECTED = {
    "different tasks recorded": ((0, 0, True), (0, 0, True)),
    "same task recorded": ((0, 0, True), (1, 1, False)),
    "same record on both": ((0, 0, True), (1, 1, False)),
    "different fields of a task": ((0, 0, True), (1, 1, False)),
    "same field changed differently": ((1, 1, False), (1, 1, False)),
    "rename and record": ((0, 0, True), (0, 0, True)),
    "revision on both": ((0, 0, True), (1, 1, False)),
    "merged result invalid": ((1, 1, False), (0, 0, False)),
}


@pytest.fixture(scope="module")
def merges(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[object, object, str]]]:
    """Every case of bench/merge_compare.py built and merged both ways: (jtr's result, git's
    own, ours' text before the merge)."""
    folder = tmp_path_factory.mktemp("merges")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(folder))
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        patch.setenv("JTR_CACHE_DIR", str(folder / "cache"))
        patch.setenv("LANG", "C.UTF-8")
        for name in ("JTR_LANG", "LC_ALL", "LC_MESSAGES", "JTR_ROADMAP"):
            patch.delenv(name, raising=False)
        found = {}
        for one in compare.CASES:
            repo = compare.build(one, folder)
            ours = (repo / "data" / "roadmap.yaml").read_text(encoding="utf-8")
            found[one.name] = (
                compare.merge(repo, driver=True),
                compare.merge(repo, driver=False),
                ours,
            )
        yield found


@needs_git
@pytest.mark.slow
@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_case_against_git_s_own_merge(
    name: str, merges: dict[str, tuple[object, object, str]]
) -> None:
    jtr, plain, _ours = merges[name]
    assert (jtr.exit, jtr.conflicts, jtr.valid) == EXPECTED[name][0], jtr.stderr
    assert (plain.exit, plain.conflicts, plain.valid) == EXPECTED[name][1], plain.stderr


@needs_git
@pytest.mark.slow
def test_each_merged_file(merges: dict[str, tuple[object, object, str]]) -> None:
    def added(name: str) -> list[str]:
        jtr, _plain, ours = merges[name]
        import difflib

        diff = difflib.ndiff(ours.splitlines(), jtr.text.splitlines())
        return [line[2:] for line in diff if line.startswith(("+ ", "- "))]

    assert added("different tasks recorded") == [
        "            history:", "              - status: done", "                date: 2024-03-01",
    ]  # fmt: skip
    assert added("same record on both") == [
        "              - status: done", "                date: 2024-09-01",
    ]  # fmt: skip
    assert added("different fields of a task") == [
        "              to: 2025",
        "              to: 2026",
    ]
    assert added("same field changed differently") == [
        "<<<<<<< ours", "=======", "              to: 2026", ">>>>>>> theirs",
    ]  # fmt: skip
    assert (
        "conflict: task welfare-workers-decide field fiscal_years.to"
        in merges["same field changed differently"][0].stderr
    )
    assert added("rename and record") == [
        "            history:", "              - status: in_progress",
        "                date: 2024-07-01", "                note: 窓口の検討開始",
    ]  # fmt: skip
    assert "- id: labour-management-consultation-desk" in merges["rename and record"][0].text
    assert added("revision on both") == [
        "  - id: roadmap-2024-04", '    date: "2024-04-20"', "    title:",
        "      ja: 4月の改訂", "      en: April revision", "    approved_by: promotion-committee",
    ]  # fmt: skip
    assert merges["revision on both"][0].text.index("roadmap-2024-04") < merges["revision on both"][
        0
    ].text.index("roadmap-2024-06")
    invalid = added("merged result invalid")
    assert invalid[:3] == ["<<<<<<< ours", "=======", "          - id: welfare-workers-review"]
    assert invalid[-1] == ">>>>>>> theirs"
    assert "duplicate task id 'welfare-workers-review'" in merges["merged result invalid"][0].stderr


def test_a_file_added_on_both_branches_merges_from_an_empty_ancestor() -> None:
    ours = BASE.replace("      to: 2024", "      to: 2025")
    text, conflicts = merged("", ours, BASE + "extra: {ja: 追加}\n")
    assert conflicts == [
        "conflict: tasks t1 field fiscal_years.to changed differently on both sides"
    ]
    assert text.endswith(
        ">>>>>>> theirs\n" + BASE.split("      to: 2024\n")[1] + "extra: {ja: 追加}\n"
    )


def test_identical_sides_merge_to_themselves_and_odd_shapes_are_refused() -> None:
    assert merged(BASE, BASE, BASE) == (BASE, [])
    with pytest.raises(LoadError):  # jtr's loader refuses a top level that is a list
        merge_texts("- a\n", "- b\n", "- c\n")
    with pytest.raises(Unmergeable):  # a flow mapping has no lines of its own per key
        merge_texts("{a: 1}\n", "{a: 2}\n", "{a: 3}\n")
    assert merged("a: 1\n", "a: 2\n", "a: 3\n")[1] == [
        "conflict: field a changed differently on both sides"
    ]


def test_comments_theirs_added_or_changed_are_merged_too() -> None:
    ours = BASE.replace("      to: 2024", "      to: 2025")
    theirs = BASE.replace("  # the second task\n", "  # the second task, checked\n").replace(
        "    fiscal_years:\n", "    fiscal_years:  # reading: r1\n"
    )
    text, conflicts = merged(BASE, ours, theirs)
    assert conflicts == []
    assert text == theirs.replace("      to: 2024", "      to: 2025")
    # a comment changed on one side, the value on the other: the value, no conflict
    text, conflicts = merged(
        BASE, BASE.replace("en: 'One'", "en: 'One!'"), BASE.replace("en: 'One'", "en: 'One'  # c")
    )
    assert (text, conflicts) == (BASE.replace("en: 'One'", "en: 'One!'"), [])


def test_a_side_alone_changed_gives_that_side_byte_for_byte() -> None:
    theirs = (
        "# head, rewritten\n" + BASE.replace("tasks:\n", "tasks:  # the plan\n") + "# the end\n"
    )
    assert merged(BASE, BASE, theirs) == (theirs, [])
    assert merged(BASE, theirs, BASE) == (theirs, [])


def test_errors_a_side_had_alone_do_not_block_the_merge(sides: tuple[Path, Path, Path]) -> None:
    """Theirs adds a section its own schema allows (here `milestones:`, unknown to ours); the
    work tree still has ours' schema (git merges data/schema.json into it after the roadmap),
    so theirs alone has that error."""
    ancestor, current, other = sides
    _edit(
        current,
        DECIDE,
        DECIDE.replace(
            "          - id", "            history:\n              - status: done\n          - id"
        ),
    )
    revisions = compare.revision("roadmap-2023", "2023-11-01", "ロードマップ2023", "Roadmap 2023")
    other.write_bytes(other.read_bytes() + b"milestones:\n" + revisions.encode("utf-8"))
    outcome = run_driver(ancestor, current, other, "data/roadmap.yaml")
    assert outcome.clean
    assert outcome.notes == [
        "data/roadmap.yaml: merged, with errors one side already had (a schema change not yet "
        "in the work tree, say); run jtr validate after the merge"
    ]
    assert outcome.new == current.read_bytes() + b"milestones:\n" + revisions.encode("utf-8")


def test_a_flow_list_changed_on_both_sides_merges_its_values_on_its_line() -> None:
    base = BASE.replace(
        "  id: mini   # trailing comment\n", "  id: mini\n  owners: [a, 'b', c]  # who\n"
    )
    ours = base.replace("[a, 'b', c]", "[a, 'b', c, e]")
    theirs = base.replace("[a, 'b', c]", "[d, 'b', c]")
    text, conflicts = merged(base, ours, theirs)
    assert (text, conflicts) == (base.replace("[a, 'b', c]", "[d, 'b', c, e]"), [])
    spaced = base.replace("[a, 'b', c]", "[ a ]")
    text, conflicts = merged(
        spaced, spaced.replace("[ a ]", "[ a, b ]"), spaced.replace("[ a ]", "[ c, a ]")
    )
    assert (text, conflicts) == (spaced.replace("[ a ]", "[ c, a, b ]"), [])


def test_conflicts_are_reported_in_japanese_with_lang_ja(
    runner: CliRunner, sides: tuple[Path, Path, Path]
) -> None:
    _ancestor, current, other = sides
    _edit(current, DECIDE, DECIDE.replace("to: 2024", "to: 2025"))
    _edit(other, DECIDE, DECIDE.replace("to: 2024", "to: 2026"))
    code, out, err = run(
        runner, "merge-driver", *map(str, sides), "data/roadmap.yaml", "--lang", "ja"
    )
    assert (code, out) == (1, "")
    assert (
        err
        == "競合: 課題 welfare-workers-decide の fiscal_years.to が両方で異なる内容に変更されています\n"
    )
    text = current.read_text(encoding="utf-8")
    assert (
        "<<<<<<< ours\n              to: 2025\n=======\n              to: 2026\n>>>>>>> theirs\n"
        in text
    )
