"""`jtr validate` through the CLI: formats, exit codes, discovery, schema handling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import invoke
from typer.testing import CliRunner

from jtr.reporters import REPORTERS
from jtr.validate import ValidationResult

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
SCHEMA = ROOT / "data" / "schema.json"


def break_roadmap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_shipped_roadmap_is_valid(runner: CliRunner, workspace: Path) -> None:
    result = invoke(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "data/roadmap.yaml: valid (schema data/schema.json)\n"
    assert "valid (schema" not in result.stderr


def test_discovery_from_a_subfolder_and_env_and_file(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = workspace / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert invoke(runner, "validate").exit_code == 0
    other = workspace / "elsewhere.yaml"
    other.write_text("- not a roadmap\n", encoding="utf-8")
    monkeypatch.setenv("JTR_ROADMAP", str(other))
    result = invoke(runner, "validate")
    assert result.exit_code == 1 and "elsewhere.yaml:1:1" in result.output
    result = invoke(runner, "validate", "-f", str(workspace / "data" / "roadmap.yaml"))
    assert result.exit_code == 0


def test_no_roadmap_found_says_where_it_looked(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    result = invoke(runner, "validate")
    assert result.exit_code == 2
    assert "no roadmap found" in result.stderr and str(tmp_path.resolve()) in result.stderr


def test_missing_file_exits_2(runner: CliRunner, workspace: Path) -> None:
    result = invoke(runner, "validate", "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml: no such file" in result.stderr


def test_findings_are_positioned_and_sorted(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    break_roadmap(roadmap, "          - chikatsu\n        working_group: wg-welfare-workers",
                  "          - chikatu\n        working_group: wg-welfare-workers")  # fmt: skip
    break_roadmap(roadmap, "fiscal_year_start_month: 4", "fiscal_year_start_month: 13")
    result = invoke(runner, "validate")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    month_line = line_of(roadmap, "fiscal_year_start_month: 13")
    owner_line = line_of(roadmap, "- chikatu")
    assert lines == [
        f"data/roadmap.yaml:{month_line}:28: error: fiscal_year_start_month: the number 13 "
        "is out of range: it must be at most 12 [schema]",
        f"data/roadmap.yaml:{owner_line}:13: error: unknown owner 'chikatu'; did you mean "
        "'chikatsu'? [unknown-reference]",
    ]
    assert "2 errors, 0 warnings in 1 file" in result.stderr


def test_yaml_1_1_booleans_read_as_a_person_would(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    break_roadmap(roadmap, "city_members_only: false", "city_members_only: no")
    result = invoke(runner, "validate", "--format", "text")
    assert result.exit_code == 1
    assert 'expected true or false, got the text "no" (write true or false' in result.stdout


def test_json_format_carries_paths(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    break_roadmap(roadmap, "        number: 2  #", "        number: 1  #")
    result = invoke(runner, "validate", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    (entry,) = payload["files"]
    assert payload["valid"] is False and entry["valid"] is False
    found = {(d["code"], d["path"]) for d in entry["diagnostics"]}
    assert ("duplicate-number", "courses[0].items[1].number") in found
    assert ("number-gap", "courses[0].items") in found
    assert all(d["line"] > 0 and d["column"] > 0 for d in entry["diagnostics"])


def test_github_format_annotations(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    break_roadmap(roadmap, "    numeral: Ⅰ\n", "    numeral: Ⅰ\n    colour: red\n")
    result = invoke(runner, "validate", "--format", "github")
    assert result.exit_code == 1
    line = line_of(roadmap, "colour: red")
    (annotation,) = result.stdout.splitlines()
    assert annotation.startswith(
        f"::error file=data/roadmap.yaml,line={line},col=5,title=jtr schema::"
        "courses[0]: unknown key 'colour'"
    )


def test_github_format_notes_a_valid_file_so_the_log_shows_it_ran(
    runner: CliRunner, workspace: Path
) -> None:
    result = invoke(runner, "validate", "--format", "github")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "::notice title=jtr validate::data/roadmap.yaml: valid (schema data/schema.json)\n"
    )


def test_strict_fails_on_warnings(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    # An item left out of every goal is a warning, not an error.
    break_roadmap(roadmap, "        items:  # reading: course1-goal-links\n          - district-dock\n",
                  "        items:  # reading: course1-goal-links\n")  # fmt: skip
    assert invoke(runner, "validate").exit_code == 0
    result = invoke(runner, "validate", "--strict")
    assert result.exit_code == 1
    assert "warning: item 'district-dock' belongs to no goal" in result.stdout


def test_newer_major_schema_version_is_refused(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    break_roadmap(roadmap, 'schema_version: "1.0"', 'schema_version: "2.0"')
    result = invoke(runner, "validate")
    assert result.exit_code == 1
    line = line_of(roadmap, "schema_version")
    assert result.stdout == (
        f"data/roadmap.yaml:{line}:17: error: schema_version 2.0 is newer than this jtr "
        "understands (1.x); upgrade jtr [schema-version]\n"
    )


def test_broken_schema_edit_fails_with_position(runner: CliRunner, workspace: Path) -> None:
    schema = workspace / "data" / "schema.json"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace('"type": "object"', '"type": "objekt"', 1), encoding="utf-8")
    result = invoke(runner, "validate")
    assert result.exit_code == 2
    line = line_of(schema, '"objekt"')
    assert f"data/schema.json:{line}:" in result.stderr
    assert "[schema-invalid]" in result.stderr and "nothing was validated" in result.stderr


def test_schema_that_is_not_json(runner: CliRunner, workspace: Path) -> None:
    schema = workspace / "data" / "schema.json"
    schema.write_text('{\n  "type": "object",\n}\n', encoding="utf-8")
    result = invoke(runner, "validate")
    assert result.exit_code == 2
    assert "data/schema.json:3:1: error: the schema is not valid JSON" in result.stderr


def test_schema_option_and_modeline(runner: CliRunner, workspace: Path) -> None:
    roadmap = workspace / "data" / "roadmap.yaml"
    strict_schema = json.loads((workspace / "data" / "schema.json").read_text(encoding="utf-8"))
    strict_schema["$defs"]["meta"]["required"].append("motto")
    custom = workspace / "custom.json"
    custom.write_text(json.dumps(strict_schema), encoding="utf-8")
    result = invoke(runner, "validate", "--schema", str(custom))
    assert result.exit_code == 1 and "missing required key 'motto'" in result.stdout
    # The roadmap's own '# yaml-language-server: $schema=' line picks the schema too, when
    # it names a file in the roadmap's folder or (as here, one folder up) its git work tree.
    (workspace / ".git").mkdir()
    break_roadmap(roadmap, "$schema=./schema.json", "$schema=../custom.json")
    assert invoke(runner, "validate").exit_code == 1


def test_several_files_and_one_missing(runner: CliRunner, workspace: Path) -> None:
    result = invoke(runner, "validate", "data/roadmap.yaml", "missing.yaml")
    assert result.exit_code == 2
    assert "missing.yaml: no such file" in result.stderr


def test_help_documents_exit_codes(runner: CliRunner) -> None:
    result = invoke(runner, "validate", "--help")
    assert result.exit_code == 0
    assert "Exit codes:\n    0 valid\n    1 findings" in result.stdout
    japanese = invoke(runner, "--lang", "ja", "validate", "--help")
    assert "終了コード:\n    0 問題なし\n    1 指摘あり" in japanese.stdout


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert invoke(runner, "validate", "--format", "xml").exit_code == 2


def test_every_format_choice_has_a_reporter() -> None:
    from jtr.cli.validate import ValidateFormat

    assert {f.value for f in ValidateFormat} == set(REPORTERS)
    empty = ValidationResult("f.yaml", None, ())
    for reporter in REPORTERS.values():
        assert isinstance(reporter().render([empty], strict=False), str)
