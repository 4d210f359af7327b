"""One error style: a folder or a missing file given as the roadmap, the schema or textconv's
FILE ends in `jtr: error: …` on standard error, exit 2, never Click's boxed usage error, and
`history` and `diff` no longer read a folder named by $JTR_ROADMAP as a git tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, invoke, new_repo
from typer.testing import CliRunner

from jtr.discover import RoadmapNotFound, find_roadmap

DIRECTORY = "jtr: error: data: is a directory, not a file\n"
BOX = "╭"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    root = tmp_path / "repo"
    new_repo(root, ROOT / "data" / "roadmap.yaml")
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path))
    return root


def error_only(result: object, expected: str) -> None:
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert result.stderr == expected, result.stderr  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["history", "diff", "status", "show", "validate", "setup-git"])
def test_a_directory_in_jtr_roadmap_is_refused(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("JTR_ROADMAP", "data")
    args = [command, "welfare-workers"] if command == "show" else [command]
    error_only(invoke(runner, *args), DIRECTORY)


@pytest.mark.parametrize(
    "args",
    [
        ["textconv", "data"],
        ["validate", "data"],
        ["validate", "--schema", "data"],
        ["diff", "--files", "data", "data/roadmap.yaml"],
    ],
)
def test_a_directory_as_a_file_argument_is_a_jtr_error(
    runner: CliRunner, repo: Path, args: list[str]
) -> None:
    result = invoke(runner, *args)
    error_only(result, DIRECTORY)
    assert BOX not in result.output


# (`history -f` of a path not in the working tree lists the commits that changed it: a
# roadmap deleted since still has a history.)
@pytest.mark.parametrize("command", ["status", "diff", "textconv", "setup-git"])
def test_a_missing_file_is_a_jtr_error(runner: CliRunner, repo: Path, command: str) -> None:
    args = [command, "nope.yaml"] if command == "textconv" else [command, "-f", "nope.yaml"]
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("jtr: error: nope.yaml") and BOX not in result.output


def test_a_data_roadmap_yaml_folder_found_by_discovery_is_refused(
    runner: CliRunner, repo: Path
) -> None:
    roadmap = repo / "data" / "roadmap.yaml"
    roadmap.unlink()
    roadmap.mkdir()
    result = invoke(runner, "history")
    error_only(result, "jtr: error: data/roadmap.yaml: is a directory, not a file\n")


def test_find_roadmap_refuses_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RoadmapNotFound, match=r"^\.: is a directory, not a file$"):
        find_roadmap(tmp_path)
    with pytest.raises(RoadmapNotFound, match="is a directory"):
        find_roadmap(environ={"JTR_ROADMAP": str(tmp_path)})


@pytest.mark.parametrize("command", ["status", "history"])
def test_a_directory_given_with_f_is_a_jtr_error(
    runner: CliRunner, repo: Path, command: str
) -> None:
    error_only(invoke(runner, command, "-f", "data"), DIRECTORY)
