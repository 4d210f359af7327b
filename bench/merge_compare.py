"""git's own merge and `jtr merge-driver` on the same branches of the roadmap.

For each case a repository is built from the shipped roadmap: the ancestor commit, a branch
`theirs` and `main` (ours), each changed as a person would change it: records through jtr's
edit core (what `jtr set` runs), other changes as text edits. The branch is then merged into
main twice: with git's built-in line merge (`merge=text` in `.git/info/attributes`, which
wins over the committed `.gitattributes`) and with jtr's driver (as `jtr setup-git` configures
it). The table gives, for each, git merge's exit code, the conflict hunks left in the file
and whether the result passes `jtr validate`.

    python bench/merge_compare.py [--keep FOLDER]

tests/test_review_merge.py builds the same cases and checks each result.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
SCHEMA = ROOT / "data" / "schema.json"
FILE = "data/roadmap.yaml"

Change = Callable[[Path], None]  # edits the roadmap of the repository at this folder


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "LC_ALL": "C"}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check
    )


def record(task: str, status: str, date: str, note: str | None = None) -> Change:
    """A status record added to a task, as `jtr set TASK --status … --date …` adds it."""

    def change(repo: Path) -> None:
        from jtr.edit import SetStatus, apply

        apply(repo / FILE, SetStatus(task, status, dt.date.fromisoformat(date), note))

    return change


def replace(old: str, new: str) -> Change:
    """A text edit: the first `old` replaced by `new`."""

    def change(repo: Path) -> None:
        path = repo / FILE
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def append(text: str) -> Change:
    def change(repo: Path) -> None:
        with (repo / FILE).open("a", encoding="utf-8") as out:
            out.write(text)

    return change


def both(*changes: Change) -> Change:
    def change(repo: Path) -> None:
        for one in changes:
            one(repo)

    return change


def revision(ident: str, date: str, ja: str, en: str) -> str:
    return (
        f"  - id: {ident}\n"
        f'    date: "{date}"\n'
        f"    title:\n      ja: {ja}\n      en: {en}\n"
        "    approved_by: promotion-committee\n"
    )


SHIPPED_REVISION = "    approved_by: promotion-committee  # reading: roadmap-2023-approval\n"


def add_revision(text: str) -> Change:
    """A revision entry added after the shipped roadmap's one (the log's last)."""
    return replace(SHIPPED_REVISION, SHIPPED_REVISION + text)


PREPARE_YEARS = """            title:
              ja: 新方針による業務・雇用の移行準備
              en: Prepare the transition of work and employment under the new policy
            fiscal_years:  # reading: course1-bars-one-per-year
              from: 2025
              to: 2025
"""
DECIDE_YEARS = """              ja: WGでの検討・方針決定（業務・雇用のあり方）
              en: Study in the WG and decide the policy (rethinking the work and employment)
            fiscal_years:  # reading: course1-bars-one-per-year
              from: 2024
              to: 2024
"""
START_TASK = """          - id: welfare-workers-start
            title:
              ja: 新方針による業務・雇用の開始
              en: Start work and employment under the new policy
            fiscal_years:  # reading: course1-bars-one-per-year
              from: 2026
              to: 2026
"""
SURVEY_TASK = """          - id: district-dock-survey-design
            title:
              ja: 調査内容検討
              en: Design the survey
            fiscal_years:  # reading: fy2023-cells-vs-banner (uncertain)
              from: 2023
              to: 2023
"""


def new_task(ja: str, en: str, year: int) -> str:
    return (
        "          - id: welfare-workers-review\n"
        f"            title:\n              ja: {ja}\n              en: {en}\n"
        f"            fiscal_years:\n              from: {year}\n              to: {year}\n"
    )


class Case(NamedTuple):
    name: str
    ours: Change
    theirs: Change
    base: Change | None = None


CASES: tuple[Case, ...] = (
    Case(
        "different tasks recorded",
        record("welfare-workers-decide", "in_progress", "2024-06-01", "WG started"),
        record("district-dock-survey-design", "done", "2024-03-01"),
    ),
    Case(
        "same task recorded",
        record("welfare-workers-decide", "done", "2024-09-01", "方針決定"),
        record("welfare-workers-decide", "in_progress", "2024-06-01", "WG started"),
    ),
    Case(
        "same record on both",
        record("welfare-workers-decide", "in_progress", "2024-06-01"),
        both(
            record("welfare-workers-decide", "in_progress", "2024-06-01"),
            record("welfare-workers-decide", "done", "2024-09-01"),
        ),
    ),
    Case(
        "different fields of a task",
        replace(PREPARE_YEARS, PREPARE_YEARS.replace("from: 2025", "from: 2024")),
        replace(PREPARE_YEARS, PREPARE_YEARS.replace("to: 2025", "to: 2026")),
    ),
    Case(
        "same field changed differently",
        replace(DECIDE_YEARS, DECIDE_YEARS.replace("to: 2024", "to: 2025")),
        replace(DECIDE_YEARS, DECIDE_YEARS.replace("to: 2024", "to: 2026")),
    ),
    Case(
        "rename and record",
        both(  # the id, and the reading that names it
            replace("- id: labour-management-desk", "- id: labour-management-consultation-desk"),
            replace(
                "- labour-management-desk.fiscal_years",
                "- labour-management-consultation-desk.fiscal_years",
            ),
        ),
        record("labour-management-desk", "in_progress", "2024-07-01", "窓口の検討開始"),
    ),
    Case(
        "revision on both",
        add_revision(revision("roadmap-2024-06", "2024-06-10", "6月の改訂", "June revision")),
        add_revision(revision("roadmap-2024-04", "2024-04-20", "4月の改訂", "April revision")),
    ),
    Case(
        "merged result invalid",
        replace(START_TASK, START_TASK + new_task("見直し", "Review", 2026)),
        replace(SURVEY_TASK, SURVEY_TASK + new_task("見直し", "Review", 2023)),
    ),
)


def build(case: Case, folder: Path) -> Path:
    """The case's repository in `folder`: main (ours) checked out, the branch `theirs`."""
    from jtr.review.setup import apply, plan

    repo = folder / case.name.replace(" ", "-")
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "a@example.org")
    git(repo, "config", "user.name", "A")
    shutil.copy(ROADMAP, repo / FILE)
    shutil.copy(SCHEMA, repo / "data" / "schema.json")
    (repo / ".gitignore").write_text("*.lock\n", encoding="utf-8")
    if case.base is not None:
        case.base(repo)
    apply(plan(repo / FILE))  # .gitattributes and the driver, as `jtr setup-git` writes them
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "ancestor")
    git(repo, "checkout", "-q", "-b", "theirs")
    case.theirs(repo)
    git(repo, "commit", "-q", "--allow-empty", "-am", "theirs")
    git(repo, "checkout", "-q", "main")
    case.ours(repo)
    git(repo, "commit", "-q", "--allow-empty", "-am", "ours")
    return repo


class Result(NamedTuple):
    exit: int  # git merge's
    conflicts: int  # conflict hunks left in the file
    valid: bool  # `jtr validate` passes on the result
    text: str  # the file after the merge
    stderr: str  # what git and the driver said


def merge(repo: Path, driver: bool) -> Result:
    """Merge `theirs` into main with jtr's driver or with git's own line merge; the repository
    is put back as it was."""
    from jtr.validate import SchemaCache, validate_file

    info = repo / ".git" / "info" / "attributes"
    info.parent.mkdir(exist_ok=True)
    if driver:
        info.unlink(missing_ok=True)
    else:
        info.write_text(f"{FILE} merge=text\n", encoding="utf-8")
    tip = git(repo, "rev-parse", "HEAD").stdout.strip()
    done = git(repo, "merge", "--no-edit", "theirs", check=False)
    text = (repo / FILE).read_text(encoding="utf-8")
    conflicts = sum(line.startswith("<<<<<<<") for line in text.splitlines())
    valid = validate_file(repo / FILE, SchemaCache(), FILE).errors == 0
    git(repo, "merge", "--abort", check=False)
    git(repo, "reset", "-q", "--hard", tip)
    info.unlink(missing_ok=True)
    return Result(done.returncode, conflicts, valid, text, done.stdout + done.stderr)


def table(folder: Path) -> list[str]:
    rows = [
        "| case | git default: exit | conflict hunks | valid | jtr: exit | conflicts | valid |",
        "|---|---|---|---|---|---|---|",
    ]
    for case in CASES:
        repo = build(case, folder)
        plain, jtr = merge(repo, driver=False), merge(repo, driver=True)
        cells = [case.name]
        for result in (plain, jtr):
            cells += [str(result.exit), str(result.conflicts), "yes" if result.valid else "no"]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the repositories here and keep them")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        print("\n".join(table(args.keep)))
        return
    with tempfile.TemporaryDirectory() as folder:
        print("\n".join(table(Path(folder))))


if __name__ == "__main__":
    main()
