"""`jtr diff`, `--rev` reading, `jtr history`, the burn-up and textconv against real git.

Each test builds a repository in a temporary folder with the `git` command: the shipped
roadmap, then commits that record progress, shift a year and rename a task, with fixed dates.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr.loader import decode, load_text
from jtr.review import gitio
from jtr.review.gitio import GitError, read_at_revision

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

DECIDE_SPAN = """          - id: welfare-workers-decide
            title:
              ja: WGでの検討・方針決定（業務・雇用のあり方）
              en: Study in the WG and decide the policy (rethinking the work and employment)
            fiscal_years:  # reading: course1-bars-one-per-year
              from: 2024
              to: 2024
"""
DONE = """            history:
              - status: done
                date: "2025-02-10"
                note: WGで方針決定
"""


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent)}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four commits: published; a task done; a year shifted; a task renamed (and Bob)."""
    root = tmp_path / "work"
    (root / "data").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Alice")
    git(root, "config", "user.email", "alice@example.org")
    shutil.copy(ROADMAP, root / "data" / "roadmap.yaml")
    shutil.copy(ROOT / "data" / "schema.json", root / "data" / "schema.json")
    roadmap = root / "data" / "roadmap.yaml"
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Roadmap as published", date="2024-05-01T10:00:00+09:00")
    edit(roadmap, DECIDE_SPAN, DECIDE_SPAN + DONE)
    git(
        root, "commit", "-q", "-am", "welfare-workers-decide done", date="2025-02-11T10:00:00+09:00"
    )
    edit(
        roadmap,
        "            title:\n              ja: 新方針による業務・雇用の移行準備\n"
        "              en: Prepare the transition of work and employment under the new policy\n"
        "            fiscal_years:  # reading: course1-bars-one-per-year\n              from: 2025\n              to: 2025",
        "            title:\n              ja: 新方針による業務・雇用の移行準備\n"
        "              en: Prepare the transition of work and employment under the new policy\n"
        "            fiscal_years:\n              from: 2026\n              to: 2026",
    )
    git(
        root, "commit", "-q", "-am", "Shift the transition a year", date="2025-06-02T10:00:00+09:00"
    )
    edit(roadmap, "- id: labour-management-desk", "- id: labour-management-consultation-desk")
    git(root, "config", "user.name", "Bob")
    git(root, "commit", "-q", "-am", "Rename the desk task", date="2025-07-15T10:00:00+09:00")
    monkeypatch.chdir(root)
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    return root


# ---- reading revisions --------------------------------------------------------------------------


def test_read_at_revision_gives_the_committed_bytes(repo: Path) -> None:
    path = repo / "data" / "roadmap.yaml"
    assert read_at_revision(path, "HEAD~3") == ROADMAP.read_bytes()
    data = load_text(decode(read_at_revision(path, "HEAD~2"), "x"))
    task = data["courses"][0]["items"][0]["tasks"][0]
    assert task["history"] == [{"status": "done", "date": "2025-02-10", "note": "WGで方針決定"}]


def test_read_at_revision_resolves_symlinks_and_subfolders(repo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(repo / "data" / "roadmap.yaml")
    assert read_at_revision(link, "HEAD~3") == ROADMAP.read_bytes()
    os.chdir(repo / "data")
    assert (
        read_at_revision(Path("roadmap.yaml"), "HEAD")
        == (repo / "data" / "roadmap.yaml").read_bytes()
    )


def test_read_at_revision_errors(repo: Path, tmp_path: Path) -> None:
    path = repo / "data" / "roadmap.yaml"
    with pytest.raises(GitError, match="unknown revision 'nope'"):
        read_at_revision(path, "nope")
    with pytest.raises(GitError, match="unknown revision '--all'"):
        read_at_revision(path, "--all")
    (repo / "data" / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(GitError, match=r"data/other\.yaml does not exist at revision 'HEAD'"):
        read_at_revision(repo / "data" / "other.yaml", "HEAD")
    outside = tmp_path / "outside" / "roadmap.yaml"
    outside.parent.mkdir()
    outside.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(GitError, match="is not inside a git repository"):
        read_at_revision(outside, "HEAD")


# ---- jtr diff --------------------------------------------------------------------------------


def test_diff_between_revisions(repo: Path, runner: CliRunner) -> None:
    code, out, _ = run(runner, "diff", "HEAD~3", "HEAD", "--format", "json", "--lang", "en")
    assert code == 1
    payload = json.loads(out)
    assert (payload["old"], payload["new"], payload["file"]) == (
        "HEAD~3",
        "HEAD",
        "data/roadmap.yaml",
    )
    found = [
        (c["kind"], c["path"].rsplit("/", 2)[-2:], c["old"], c["new"]) for c in payload["changes"]
    ]
    assert found == [
        ("status", ["history", "0"], "planned",
         {"status": "done", "date": "2025-02-10", "note": "WGで方針決定"}),
        ("fiscal-years", ["welfare-workers-prepare", "fiscal_years"],
         {"from": 2025, "to": 2025}, {"from": 2026, "to": 2026}),
        ("renamed", ["tasks", "labour-management-consultation-desk"],
         "labour-management-desk", "labour-management-consultation-desk"),
    ]  # fmt: skip


def test_diff_defaults_to_head_against_the_working_tree(repo: Path, runner: CliRunner) -> None:
    assert run(runner, "diff")[0] == 0
    code, out, _ = run(runner, "diff", "--lang", "en")
    assert code == 0 and "no changes" in out
    edit(repo / "data" / "roadmap.yaml", 'published: "2023-11"', 'published: "2023-12"')
    code, out, _ = run(runner, "diff", "--lang", "en")
    assert code == 1
    assert out.splitlines() == [
        "data/roadmap.yaml: HEAD → working tree: 1 change",
        "meta",
        "  published: 2023-11 → 2023-12",
    ]
    code, out, _ = run(runner, "diff", "HEAD~1", "--lang", "en")  # one revision: against the tree
    assert code == 1 and "labour-management-desk → labour-management-consultation-desk" in out


def test_diff_ranges_and_markdown(repo: Path, runner: CliRunner) -> None:
    git(repo, "checkout", "-q", "-b", "feature", "HEAD~1")
    edit(repo / "data" / "roadmap.yaml", 'published: "2023-11"', 'published: "2023-12"')
    git(repo, "commit", "-q", "-am", "Publication month", date="2025-08-01T10:00:00+09:00")
    code, out, _ = run(runner, "diff", "main...", "--format", "markdown", "--lang", "ja")
    assert code == 1
    assert out.startswith("### Roadmap changes: `main... (merge base ")
    assert "- published: ~~2023-11~~ → **2023-12**" in out
    assert "labour-management" not in out  # main's own commit is not part of the branch
    code, out, _ = run(runner, "diff", "main..feature", "--format", "json")
    kinds = sorted(c["kind"] for c in json.loads(out)["changes"])
    assert kinds == ["field", "renamed"]  # two-dot: main's tip against the branch


def test_diff_files_outside_git(tmp_path: Path, runner: CliRunner) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    shutil.copy(ROADMAP, old)
    shutil.copy(ROADMAP, new)
    assert run(runner, "diff", "--files", str(old), str(new))[0] == 0
    edit(new, DECIDE_SPAN, DECIDE_SPAN + DONE)
    code, out, _ = run(runner, "diff", "--files", str(old), str(new), "--lang", "en")
    assert code == 1 and "status: planned → done on 2025-02-10 “WGで方針決定”" in out


def test_diff_errors_exit_2(repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "diff", "nope")
    assert code == 2 and err.strip() == f"jtr: error: unknown revision 'nope' in {repo.resolve()}"
    code, _, err = run(runner, "diff", "HEAD", "--files", "a", "b")
    assert code == 2 and "not both" in err
    edit(repo / "data" / "roadmap.yaml", "schema_version:", "schema_version: [")
    code, _, err = run(runner, "diff")
    assert code == 2 and "cannot compare: working tree:data/roadmap.yaml:" in err
    elsewhere = tmp_path / "plain" / "roadmap.yaml"
    elsewhere.parent.mkdir()
    shutil.copy(ROADMAP, elsewhere)
    code, _, err = run(runner, "diff", "-f", str(elsewhere))
    assert code == 2 and "is not inside a git repository" in err


# ---- jtr history and the burn-up -----------------------------------------------------------


def test_history_lists_commits_with_their_changes(repo: Path, runner: CliRunner) -> None:
    code, out, _ = run(runner, "history", "--format", "json", "--as-of", "2025-07-31")
    assert code == 0
    payload = json.loads(out)
    commits = payload["commits"]
    assert [c["subject"] for c in commits] == [
        "Rename the desk task", "Shift the transition a year",
        "welfare-workers-decide done", "Roadmap as published",
    ]  # fmt: skip
    assert [c["author"] for c in commits] == ["Bob", "Alice", "Alice", "Alice"]
    assert commits[0]["date"] == "2025-07-15T10:00:00+09:00"
    assert commits[-1]["created"] is True and commits[-1]["changes"] == []
    assert [[c["kind"] for c in commit["changes"]] for commit in commits[:3]] == [
        ["renamed"], ["fiscal-years"], ["status"],
    ]  # fmt: skip
    head = git(repo, "rev-parse", "HEAD").strip()
    assert commits[0]["hash"] == head


def test_history_of_one_item(repo: Path, runner: CliRunner) -> None:
    code, out, _ = run(runner, "history", "welfare-workers", "--format", "json")
    payload = json.loads(out)
    assert [c["subject"] for c in payload["commits"]] == [
        "Shift the transition a year", "welfare-workers-decide done", "Roadmap as published",
    ]  # fmt: skip
    code, out, _ = run(runner, "history", "labour-management-desk", "--format", "json")
    assert [c["subject"] for c in json.loads(out)["commits"]] == [
        "Rename the desk task", "Roadmap as published",
    ]  # fmt: skip
    code, _, err = run(runner, "history", "no-such-id")
    assert code == 2 and "no course, item or task has the id 'no-such-id'" in err


def test_burnup_series(repo: Path, runner: CliRunner) -> None:
    code, out, _ = run(runner, "history", "--format", "json", "--as-of", "2025-07-31")
    assert code == 0
    burnup = json.loads(out)["burnup"]
    assert burnup["as_of"] == "2025-07-31"
    assert [(p["date"], p["done"], p["total"]) for p in burnup["over_time"]] == [
        ("2024-05-01", 0, 30), ("2025-02-11", 1, 30), ("2025-06-02", 1, 30), ("2025-07-15", 1, 30),
    ]  # fmt: skip
    by_year = {b["fiscal_year"]: b for b in burnup["by_fiscal_year"]}
    assert sorted(by_year) == [2023, 2024, 2025, 2026]
    # Done by the end of FY2024 (the record is dated 2025-02-10, in FY2024); FY2026 not begun.
    assert (by_year[2023]["done"], by_year[2024]["done"], by_year[2025]["done"]) == (0, 1, 1)
    assert by_year[2026]["done"] is None
    assert all(b["total"] == 30 for b in by_year.values())
    assert by_year[2026]["planned"] == 30
    assert by_year[2023]["planned"] < by_year[2024]["planned"] < by_year[2025]["planned"]
    # Of one item: its own three tasks.
    _code, out, _ = run(
        runner, "history", "welfare-workers", "--format", "json", "--as-of", "2025-07-31"
    )
    by_year = {b["fiscal_year"]: b for b in json.loads(out)["burnup"]["by_fiscal_year"]}
    assert [(b["planned"], b["done"]) for b in by_year.values()] == [
        (0, 0),
        (1, 1),
        (1, 1),
        (3, None),
    ]


def test_history_text_draws_the_burnup_within_the_width(repo: Path, runner: CliRunner) -> None:
    from rich.cells import cell_len

    for width in ("60", "100"):
        code, out, _ = run(
            runner, "history", "--as-of", "2025-07-31", "--width", width, "--lang", "ja"
        )
        assert code == 0
        assert max(cell_len(line) for line in out.splitlines()) <= int(width)
    assert "年度別 完了した課題 (累計)" in out
    assert "令和6年度 (2024)  █" in out
    assert "2025-07  " in out
    code, out, _ = run(runner, "history", "--ascii", "--lang", "en", "--as-of", "2025-07-31")
    assert "FY2024  ##" in out and "█" not in out.split("Burn-up", 1)[1]
    assert "status: planned -> done on 2025-02-10" in out  # jtr's marks in ASCII


def test_history_reads_blobs_with_two_cat_file_processes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real = gitio.run_git

    def spy(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
        calls.append(args)
        return real(args, cwd, stdin)

    monkeypatch.setattr(gitio, "run_git", spy)
    from jtr.review.history import versions

    found = versions(gitio.locate(repo / "data" / "roadmap.yaml"))
    assert len(found) == 4
    commands = [next(a for a in args if not a.startswith("-")) for args in calls]
    # one asks every blob's size (--batch-check), one reads those within the limit (--batch)
    assert commands == ["rev-parse", "log", "cat-file", "cat-file"]
    assert [args[-1] for args in calls[2:]] == ["--batch-check", "--batch"]


# ---- textconv through git ---------------------------------------------------------------------


def test_git_diff_with_the_textconv_driver(repo: Path) -> None:
    wrapper = repo.parent / "jtr-wrapper"
    wrapper.write_text(
        "#!/bin/sh\n"
        f"exec '{sys.executable}' -c 'import sys, jtr.cli; "
        'sys.argv[0] = "jtr"; jtr.cli.main()\' "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    (repo / ".gitattributes").write_text("data/roadmap.yaml diff=jtr\n", encoding="utf-8")
    git(repo, "config", "diff.jtr.textconv", f"{wrapper} textconv")
    out = git(repo, "diff", "HEAD~3", "HEAD~2")
    added = [
        line
        for line in out.splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    task = "courses/course-2024/items/welfare-workers/tasks/welfare-workers-decide"
    assert added == [f'+{task}: history[0] = done 2025-02-10 "WGで方針決定"']
    out = git(repo, "log", "-p", "-1", "--format=%s")
    assert (
        "-courses/course-2024/items/labour-management/tasks/labour-management-desk: fiscal_years = FY2024"
        in out
    )
    assert (
        "+courses/course-2024/items/labour-management/tasks/labour-management-consultation-desk: fiscal_years = FY2024"
        in out
    )
    # Without the driver, the same diff is YAML lines.
    plain = git(repo, "diff", "--no-textconv", "HEAD~3", "HEAD~2")
    assert "+              - status: done" in plain
