"""`--baseline REV` on status, timeline, show and the HTML export, `jtr slips`, and
`status --check --max-slip`, on a real git history of three revisions of one plan.

The history: tests/fixtures/baseline-1.yaml (the plan as first approved, revision
`plan-2023`), baseline-2.yaml (a task moved later, a span grown, a task added: `plan-2024`)
and baseline-3.yaml (a task removed, an item dropped, tasks moved later and earlier:
`plan-2025`), committed in that order with fixed dates. The first commit is also tagged
`approved`. The roadmap names a schema beside it: jtr's own, with a `revisions:` log allowed
when jtr's does not allow one yet.

Regenerate the golden files with `JTR_UPDATE_GOLDEN=1 python -m pytest tests/test_baseline_cli.py`,
then read them (`cat tests/golden/baseline-timeline-ja-100.txt`) before committing. The
commit a heading names is written `<commit>` in them (its hash follows the schema's bytes).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, git, run
from typer.testing import CliRunner

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("JTR_UPDATE_GOLDEN") == "1"
AS_OF = "2026-11-26"
DATES = ("2023-11-10T10:00:00+09:00", "2024-11-10T10:00:00+09:00", "2025-11-10T10:00:00+09:00")


def schema_with_revisions() -> str:
    schema = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))
    schema["properties"].setdefault("revisions", {"type": "array", "items": {"type": "object"}})
    return json.dumps(schema, ensure_ascii=False, indent=2)


def build_history(root: Path) -> Path:
    """The three-revision repository at `root`; the roadmap's path."""
    data = root / "data"
    data.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "plan@example.org")
    git(root, "config", "user.name", "Plan")
    (data / "schema.json").write_text(schema_with_revisions(), encoding="utf-8")
    roadmap = data / "roadmap.yaml"
    for number, date in enumerate(DATES, start=1):
        shutil.copy(FIXTURES / f"baseline-{number}.yaml", roadmap)
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", f"revision {number}", date=date)
        if number == 1:
            git(root, "tag", "approved")
    return roadmap


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_history(tmp_path_factory.mktemp("baseline-history") / "repo")


@pytest.fixture
def in_repo(history: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(history.parent.parent)
    return history


def jtr(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    return run(runner, *args)


def commit_of(repo: Path, rev: str) -> str:
    return git(repo, "rev-parse", rev).strip()


def golden(name: str, text: str, repo: Path) -> None:
    for rev in ("HEAD", "HEAD~1", "HEAD~2"):
        text = text.replace(commit_of(repo, rev)[:10], "<commit>")
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"{path} is missing: run with JTR_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: rerun with JTR_UPDATE_GOLDEN=1"
    )


# ---- resolving --baseline --------------------------------------------------------------------


def slips_json(runner: CliRunner, *args: str) -> dict[str, object]:
    code, out, err = jtr(runner, "slips", "--format", "json", *args)
    assert code == 0, err
    found = json.loads(out)
    assert isinstance(found, dict)
    return found


def test_a_git_revision_a_tag_and_a_revision_id_name_the_same_plan(
    in_repo: Path, runner: CliRunner
) -> None:
    repo = in_repo.parent.parent
    first = commit_of(repo, "HEAD~2")
    for name in ("HEAD~2", "approved", first, first[:10], "plan-2023"):
        found = slips_json(runner, "--baseline", name)
        assert found["baseline"] == {
            "name": name,
            "commit": first,
            "revision_id": "plan-2023" if name == "plan-2023" else None,
        }
        assert found["slipped"] == ["task-overdue", "task-progress", "task-yearly", "task-held"]
    # the revision id resolves to the commit that added it
    assert slips_json(runner, "--baseline", "plan-2024")["baseline"]["commit"] == commit_of(  # type: ignore[index]
        repo, "HEAD~1"
    )


def test_a_git_name_wins_over_a_revision_id(in_repo: Path, runner: CliRunner) -> None:
    repo = in_repo.parent.parent
    git(repo, "tag", "plan-2024", "HEAD")  # a tag spelt as the revision of the second commit
    try:
        found = slips_json(runner, "--baseline", "plan-2024")
        assert found["baseline"]["commit"] == commit_of(repo, "HEAD")  # type: ignore[index]
        assert found["entries"] == []
    finally:
        git(repo, "tag", "-d", "plan-2024")


def test_default_baseline_from_the_revision_log(in_repo: Path, runner: CliRunner) -> None:
    repo = in_repo.parent.parent
    # the latest entry (plan-2025) has no `baseline`: the commit that added it, the plan itself
    found = slips_json(runner)
    assert found["baseline"]["commit"] == commit_of(repo, "HEAD")  # type: ignore[index]
    assert found["entries"] == []
    # with `baseline:` naming the plan it superseded (a commit), that plan
    text = in_repo.read_text(encoding="utf-8")
    first = commit_of(repo, "HEAD~2")
    in_repo.write_text(text.rstrip("\n") + f"\n    baseline: {first}\n", encoding="utf-8")
    try:
        found = slips_json(runner)
        assert found["baseline"] == {"name": first, "commit": first, "revision_id": "plan-2025"}
        assert found["slipped"][0] == "task-overdue"  # type: ignore[index]
    finally:
        in_repo.write_text(text, encoding="utf-8")


def test_bad_baselines_say_so_without_a_traceback(
    in_repo: Path, runner: CliRunner, tmp_path: Path
) -> None:
    code, out, err = jtr(runner, "slips", "--baseline", "no-such-plan")
    assert code == 2 and out == ""
    assert "'no-such-plan' is neither a git revision nor the id of a revision" in err
    code, _, err = jtr(runner, "status", "--baseline", "-x")
    assert code == 2 and "'-x'" in err
    code, _, err = jtr(runner, "timeline", "--baseline", "no-such-plan", "--lang", "ja")
    assert code == 2 and "'no-such-plan' は git のリビジョンでも" in err
    # outside git
    alone = tmp_path / "alone" / "data"
    alone.mkdir(parents=True)
    shutil.copy(FIXTURES / "baseline-3.yaml", alone / "roadmap.yaml")
    (alone / "schema.json").write_text(schema_with_revisions(), encoding="utf-8")
    code, _, err = jtr(runner, "slips", "-f", str(alone / "roadmap.yaml"), "--baseline", "HEAD")
    assert code == 2 and "is not inside a git repository" in err
    # no revision log and no --baseline
    plain = tmp_path / "plain.yaml"
    plain.write_text((FIXTURES / "timeline-progress.yaml").read_text(encoding="utf-8"))
    code, _, err = jtr(runner, "slips", "-f", str(plain))
    assert code == 2 and "no baseline: give --baseline REV" in err
    # --max-slip without --check
    code, _, err = jtr(runner, "status", "--baseline", "approved", "--max-slip", "1")
    assert code == 2 and "--max-slip works with --check" in err
    # --baseline on an export other than html
    code, _, err = jtr(runner, "export", "--format", "csv", "--baseline", "approved")
    assert code == 2 and "--baseline works with --format html only" in err


def test_an_invalid_baseline_is_named(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    roadmap = build_history(repo)
    broken = (FIXTURES / "baseline-1.yaml").read_text(encoding="utf-8")
    broken = broken.replace("fiscal_years: {from: 2024, to: 2024}", "fiscal_years: {from: 2024}", 1)
    roadmap.write_text(broken, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    shutil.copy(FIXTURES / "baseline-3.yaml", roadmap)
    git(repo, "commit", "-q", "-am", "fixed")
    monkeypatch.chdir(repo)
    code, out, err = jtr(runner, "slips", "--baseline", "HEAD~1")
    assert code == 1 and out == ""
    assert "data/roadmap.yaml@HEAD~1:" in err  # the findings name the revision, line and column
    assert "the baseline 'HEAD~1' (commit " in err and "is not a valid roadmap" in err
    code, _, err = jtr(runner, "slips", "--baseline", "HEAD~2", "--format", "csv")
    assert code == 0, err


# ---- jtr slips -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_slips_text_golden(in_repo: Path, runner: CliRunner, lang: str) -> None:
    code, out, err = jtr(
        runner, "slips", "--baseline", "plan-2023", "--lang", lang, "--width", "80"
    )
    assert code == 0, err
    golden(f"baseline-slips-{lang}-80.txt", out, in_repo.parent.parent)
    assert all(len(line) <= 80 for line in out.splitlines())


def test_slips_json(in_repo: Path, runner: CliRunner) -> None:
    found = slips_json(runner, "--baseline", "approved")
    entries = found["entries"]
    assert isinstance(entries, list)
    by_id = {(e["kind"], e["id"]): e for e in entries}
    late = by_id[("task", "task-overdue")]
    assert late["baseline_fiscal_years"] == {"from": 2024, "to": 2025}
    assert late["fiscal_years"] == {"from": 2026, "to": 2027}
    assert late["changes"] == ["later"] and late["slip"] == 2 and late["ref"] == "Ⅱ-1"
    assert by_id[("task", "task-new")]["baseline_fiscal_years"] is None
    assert by_id[("task", "task-cancelled")]["fiscal_years"] is None
    assert by_id[("item", "item-c")]["changes"] == ["dropped"]
    slips = [e["slip"] for e in entries if e["slip"] is not None]
    assert slips == sorted(slips, reverse=True)
    assert [e["id"] for e in entries][:1] == ["task-overdue"]


def test_slips_markdown_and_csv(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = jtr(
        runner, "slips", "--baseline", "approved", "--format", "markdown", "--lang", "en"
    )
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert rows[0].startswith("| Slip (FY) | Kind |") and rows[1].startswith("|--:|")
    assert (
        "| 2 | task | Ⅱ-1 | task-overdue | Unrecorded task | FY2024–FY2025 | FY2026–FY2027 |" in out
    )
    assert "baseline: approved (" in out
    code, out, err = jtr(
        runner, "slips", "--baseline", "approved", "--format", "csv", "--lang", "ja"
    )
    assert code == 0, err
    assert out.startswith("\ufeff")  # CRLF: tests/test_baseline.py (the runner reads lines)
    table = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert table[0][:2] == ["ずれ (年度)", "種類"]
    assert table[1][:4] == ["2", "課題", "Ⅱ-1", "task-overdue"]
    delayed = next(r[:4] for r in table if r[3] == "task-delayed")
    assert delayed == ["-1", "課題", "Ⅱ-2", "task-delayed"]
    assert len(table) == 1 + 11


def test_slips_csv_and_markdown_escape_titles(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    roadmap = build_history(repo)
    text = (
        roadmap.read_text(encoding="utf-8")
        .replace(
            "{ja: 記録のない課題, en: Unrecorded task}",
            "{ja: '=HYPERLINK(1)', en: '=HYPERLINK(\"x\") | *a*'}",
        )
        .replace(
            "{ja: 実施中の課題, en: Running task}", '{ja: 実施中, en: "Run\\e[31mning\\u202e"}'
        )
    )
    roadmap.write_text(text, encoding="utf-8")
    monkeypatch.chdir(repo)
    code, out, err = jtr(
        runner, "slips", "--baseline", "approved", "--format", "csv", "--lang", "en"
    )
    assert code == 0, err
    table = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert table[1][4] == '\'=HYPERLINK("x") | *a*'
    code, out, _ = jtr(
        runner, "slips", "--baseline", "approved", "--format", "markdown", "--lang", "en"
    )
    assert "\\| \\*a\\*" in out and "| *a*" not in out
    code, out, err = jtr(runner, "slips", "--baseline", "approved", "--lang", "en")
    assert code == 0, err
    assert "\x1b" not in out and "\u202e" not in out  # shown visibly, never obeyed
    assert "Run\\x1b[31mning<U+202E> (task-progress)" in out


# ---- status ----------------------------------------------------------------------------------


def test_status_table_and_json_carry_the_baseline(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = jtr(
        runner, "status", "--baseline", "plan-2023", "--as-of", AS_OF, "--width", "100"
    )
    assert code == 0, err
    assert "Changes from the baseline · baseline: plan-2023 (" in out
    assert "4 tasks slipped" in out
    assert "+2 FY  Ⅱ-1 Unrecorded task · FY2024–FY2025 → FY2026–FY2027 · moved later (+2 FY)" in out
    code, out, err = jtr(
        runner, "status", "--baseline", "plan-2023", "--as-of", AS_OF, "--format", "json"
    )
    data = json.loads(out)
    tasks = {t["id"]: t for c in data["courses"] for i in c["items"] for t in i["tasks"]}
    assert tasks["task-overdue"]["baseline"] == {
        "baseline_fiscal_years": {"from": 2024, "to": 2025}, "changes": ["later"], "slip": 2
    }  # fmt: skip
    assert tasks["task-new"]["baseline"]["baseline_fiscal_years"] is None
    assert data["baseline"]["revision_id"] == "plan-2023"
    assert data["baseline"]["slipped"][0] == "task-overdue"
    assert "max_slip" not in data["check"]
    code, out, _ = jtr(runner, "status", "--as-of", AS_OF, "--format", "json")
    assert "baseline" not in json.loads(out)  # without --baseline, the JSON is as it was
    code, out, _ = jtr(
        runner, "status", "--baseline", "approved", "--format", "markdown", "--lang", "ja"
    )
    assert "## 基準計画からの変更" in out and "| 2 | 課題 | Ⅱ-1 | task-overdue |" in out


def test_status_check_max_slip(in_repo: Path, runner: CliRunner) -> None:
    before = "2023-05-01"  # nothing is overdue yet: only the slip can fail the check
    code, _, err = jtr(
        runner, "status", "--check", "--as-of", before, "--baseline", "plan-2023", "--max-slip", "2"
    )
    assert code == 0, err
    code, out, err = jtr(
        runner, "status", "--check", "--as-of", before, "--baseline", "plan-2023", "--max-slip", "1"
    )
    assert code == 1
    assert "task-overdue: slipped 2 fiscal years (more than --max-slip 1)" in err
    assert "task-progress" not in err
    code, _, err = jtr(
        runner, "status", "--check", "--as-of", before, "--baseline", "plan-2023", "--max-slip", "0"
    )
    assert code == 1 and all(
        t in err for t in ("task-overdue", "task-progress", "task-yearly", "task-held")
    )
    code, out, _ = jtr(
        runner, "status", "--check", "--as-of", before, "--baseline", "plan-2023", "--max-slip", "1",
        "--format", "json",
    )  # fmt: skip
    check = json.loads(out)["check"]
    assert code == 1 and check["ok"] is False
    assert check["max_slip"] == 1 and check["slipped_over_max"] == ["task-overdue"]
    # against the revision before: nothing slipped two years
    code, _, err = jtr(
        runner, "status", "--check", "--as-of", before, "--baseline", "plan-2024", "--max-slip", "1"
    )
    assert code == 0, err
    code, _, err = jtr(
        runner, "status", "--check", "--as-of", before, "--max-slip", "0", "--lang", "ja"
    )
    assert code == 0, err  # the default baseline (the latest revision's commit): nothing moved


# ---- timeline --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
def test_baseline_timeline_golden(
    in_repo: Path, runner: CliRunner, lang: str, ascii_only: bool
) -> None:
    args = [
        "timeline",
        "--baseline",
        "plan-2023",
        "--as-of",
        AS_OF,
        "--lang",
        lang,
        "--width",
        "100",
    ]
    code, out, err = jtr(runner, *args, *(["--ascii"] if ascii_only else []))
    assert code == 0, err
    golden(
        f"baseline-timeline-{lang}-100{'-ascii' if ascii_only else ''}.txt",
        out,
        in_repo.parent.parent,
    )
    if ascii_only:
        assert "▔" not in out and "^^" in out
    else:
        assert "▔▔" in out


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_baseline_rows_align_under_their_bars(
    in_repo: Path, runner: CliRunner, lang: str, width: int
) -> None:
    from rich.cells import cell_len

    args = [
        "timeline",
        "--baseline",
        "plan-2023",
        "--as-of",
        AS_OF,
        "--lang",
        lang,
        "--width",
        str(width),
    ]
    code, out, err = jtr(runner, *args)
    assert code == 0, err
    lines = out.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    rule = next(line for line in lines if "┼" in line)
    seps = [cell_len(rule[:i]) for i, c in enumerate(rule) if c in "┼┤"]

    def cells_at(line: str) -> list[int]:
        return [cell_len(line[:i]) for i, c in enumerate(line) if c == "┊"]

    rows = [line for line in lines if "┊" in line]
    assert rows
    for line in rows:  # a separator of a row is where the header's are
        assert set(cells_at(line)) <= set(seps), line
        assert cell_len(line) == seps[-1] + 1, line
    baseline_rows = [
        line
        for line in rows
        if "▔" in line or line.strip().startswith(("基準計画", "baseline", "新規", "task added"))
    ]
    assert len(baseline_rows) >= 8  # one under each of the plan's eight task rows


def test_timeline_without_baseline_is_unchanged(in_repo: Path, runner: CliRunner) -> None:
    code, out, _ = jtr(runner, "timeline", "--as-of", AS_OF, "--width", "100")
    assert code == 0
    assert "▔" not in out and "baseline" not in out


# ---- show ------------------------------------------------------------------------------------


def test_show_task_and_item_with_the_baseline(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = jtr(
        runner, "show", "task-overdue", "--baseline", "plan-2023", "--width", "120"
    )
    assert code == 0, err
    assert "baseline years (plan-2023): FY2024–FY2025 → FY2026–FY2027 · moved later (+2 FY)" in out
    code, out, err = jtr(
        runner, "show", "item-a", "--baseline", "plan-2023", "--width", "120", "--lang", "ja"
    )
    assert "基準計画の年度: 令和7年度–令和8年度 → 令和7年度–令和9年度 · 期間延長 (+1年度)" in out
    code, out, err = jtr(runner, "show", "item-a", "--baseline", "plan-2023", "--format", "json")
    data = json.loads(out)
    tasks = {t["id"]: t for t in data["tasks"]}
    assert tasks["task-progress"]["baseline"]["slip"] == 1
    assert tasks["task-new"]["baseline"]["changes"] == ["added"]
    assert data["baseline_revision"]["revision_id"] == "plan-2023"
    code, out, _ = jtr(runner, "show", "item-a", "--format", "json")
    assert "baseline" not in out


# ---- the HTML report -------------------------------------------------------------------------


class Rows(HTMLParser):
    """The timeline's rows: (class, attributes, the bars' classes and colspans) per <tr>."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, object]] = []
        self.legend: list[str] = []
        self._cell: int | None = None
        self._in_legend = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr":
            self.rows.append({"attrs": found, "cells": []})
        elif tag == "td" and self.rows:
            self.rows[-1]["cells"].append(int(found.get("colspan") or 1))  # type: ignore[attr-defined]
        elif tag == "span" and "baseline-bar" in (found.get("class") or "") and self.rows:
            self.rows[-1]["bar"] = found.get("title")
        elif tag == "span" and "baseline-swatch" in (found.get("class") or ""):
            self._in_legend = True

    def handle_data(self, data: str) -> None:
        if self._in_legend and data.strip():
            self.legend.append(data.strip())
            self._in_legend = False


def test_html_report_draws_a_baseline_bar_per_task(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = jtr(
        runner,
        "export",
        "--format",
        "html",
        "--baseline",
        "plan-2023",
        "--as-of",
        AS_OF,
        "--lang",
        "en",
    )
    assert code == 0, err
    parser = Rows()
    parser.feed(out)
    tasks = [r for r in parser.rows if r["attrs"].get("class") == "task"]  # type: ignore[union-attr]
    baselines = {
        r["attrs"]["data-baseline-for"]: r
        for r in parser.rows
        if str(r["attrs"].get("class")).startswith("baseline")  # type: ignore[union-attr]
    }  # type: ignore[index,union-attr]
    removed = {"task-cancelled", "task-c1"}  # drawn in the course's "not in the plan" rows
    assert {t["attrs"]["data-task"] for t in tasks} == set(baselines) - removed  # type: ignore[index]
    assert baselines["task-c1"]["bar"] == "baseline years: FY2025 → — · task removed"
    assert baselines["task-c1"]["cells"] == [1, 1, 1, 1, 1]
    late = baselines["task-overdue"]
    assert late["attrs"]["data-from"] == "2024" and late["attrs"]["data-to"] == "2025"  # type: ignore[index]
    assert late["attrs"]["data-slip"] == "2"  # type: ignore[index]
    assert late["cells"] == [1, 2, 1, 1]  # FY2023 empty, the bar over FY2024–2025, then empty
    assert late["bar"] == "baseline years: FY2024–FY2025 → FY2026–FY2027 · moved later (+2 FY)"
    added = baselines["task-new"]
    assert "bar" not in added and "data-from" not in added["attrs"]  # type: ignore[operator]
    for row in (*tasks, *baselines.values()):  # every row spans the label and five years
        assert sum(row["cells"]) == 5  # type: ignore[arg-type]
    commit = commit_of(in_repo.parent.parent, "HEAD~2")[:10]
    assert parser.legend == [f"baseline's fiscal years (baseline: plan-2023 ({commit}))"]
    code, plain, _ = jtr(runner, "export", "--format", "html", "--as-of", AS_OF)
    assert '<span class="baseline-bar"' not in plain and 'class="baseline"' not in plain


def test_rev_and_baseline_together(in_repo: Path, runner: CliRunner) -> None:
    """`--rev` names the plan compared; a revision id is looked for in its history only."""
    found = slips_json(runner, "--rev", "HEAD~1", "--baseline", "plan-2023")
    assert found["slipped"] == ["task-overdue", "task-progress"]
    code, _, err = jtr(runner, "slips", "--rev", "HEAD~1", "--baseline", "plan-2025")
    assert code == 2 and "'plan-2025' is neither a git revision" in err


def test_baseline_completion_offers_the_revision_ids(in_repo: Path) -> None:
    from jtr.cli.options import _complete_baselines

    class Context:
        def __init__(self) -> None:
            self.params = {"file": str(in_repo), "lang": "en"}

        def find_root(self) -> Context:
            return self

    offered = _complete_baselines(Context(), "plan-202")  # type: ignore[arg-type]
    assert offered == [
        ("plan-2023", "Roadmap 2023"), ("plan-2024", "Roadmap 2024"), ("plan-2025", "Roadmap 2025")
    ]  # fmt: skip
    assert _complete_baselines(Context(), "x") == []  # type: ignore[arg-type]


def test_filters_apply_to_the_baseline(in_repo: Path, runner: CliRunner) -> None:
    """`--owner jijikyo` keeps item A only (item B's owner is CASD alone): its changes, and
    the tasks removed from the course it shows, are the ones listed and checked."""
    args = ("status", "--baseline", "plan-2023", "--as-of", "2023-05-01", "--owner", "jijikyo")
    code, out, err = jtr(runner, *args, "--format", "json")
    assert code == 0, err
    listed = [e["id"] for e in json.loads(out)["baseline"]["entries"]]
    assert "task-held" not in listed and "item-b" not in listed  # item B's: not shown
    assert {"task-overdue", "item-a", "task-c1", "item-c"} <= set(listed)
    code, _, err = jtr(runner, *args, "--check", "--max-slip", "1")
    assert code == 1 and "task-overdue" in err
    code, out, err = jtr(runner, *args, "--width", "100")
    assert code == 0 and "Paused task" not in out and "Unrecorded task" in out
