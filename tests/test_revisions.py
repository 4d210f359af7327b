"""The revision log (`revisions:`): the shipped revision, `show` and `list`, `jtr revise`
(appends through the safe edit path, refusals leave the file byte for byte) and the revision
summary of `jtr diff` between real git commits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import git, new_repo, run
from typer.testing import CliRunner

from jtr.fiscal import month_or_day
from jtr.loader import load_file, load_text
from jtr.review.semantic import diff_roadmaps, revision_changes
from jtr.roadmap import open_roadmap

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

REVISE = (
    "revise",
    "--title",
    "ロードマップ2024",
    "--title-en",
    "Roadmap 2024",
    "--approved-by",
    "promotion-committee",
    "--date",
    "2024-06-01",
)


def without_log(text: str) -> str:
    """The shipped roadmap as it was before it had a revision log."""
    start = text.index("# The revision log:")
    end = text.index("# l.82–86")
    data = load_text(text, "roadmap.yaml")
    assert [r["id"] for r in data["revisions"]] == ["roadmap-2023"]
    old = text[:start] + text[end:]
    reading = old.index("  - id: roadmap-2023-approval")
    return old[:reading].rstrip("\n") + "\n"


# ---- the shipped revision ------------------------------------------------------------------


def test_the_shipped_roadmap_has_its_one_revision_of_november_2023() -> None:
    model = open_roadmap(ROADMAP).model
    assert len(model.revisions) == 1
    revision = model.revisions[0]
    assert (revision.id, revision.number, revision.date) == ("roadmap-2023", 1, model.published)
    assert revision.title.ja == "ロードマップ2023" and revision.title.en == "Roadmap 2023"
    assert revision.approved_by == "promotion-committee"
    assert revision.note is None and revision.baseline is None
    assert model.find("roadmap-2023") is revision


def test_the_approving_body_is_an_uncertain_reading_with_its_seed_lines() -> None:
    model = open_roadmap(ROADMAP).model
    (reading,) = model.readings_of("roadmap-2023.approved_by")
    assert reading.id == "roadmap-2023-approval"
    assert reading.confidence == "uncertain"
    assert {"101-107", "187-189"} <= set(reading.seed_lines)
    assert "長野市都市内分権推進委員会" in reading.cites
    assert len(reading.alternatives) >= 1  # the liaison council is the other reading


def test_month_or_day_reads_both_forms_of_a_revision_date() -> None:
    assert month_or_day("2023-11") == (2023, 11, 0)
    assert month_or_day("2024-06-01") == (2024, 6, 1)
    for bad in ("2023-13", "2024-02-30", "2024/06", "２０２４-06", "2024-6", None, 202406):
        assert month_or_day(bad) is None, bad


# ---- show and list -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Roadmap 2023  [roadmap-2023]", "date: 2023-11", "approved by: Nagano City")),
        (
            "ja",
            (
                "ロードマップ2023  [roadmap-2023]",
                "改訂の日付: 2023-11",
                "長野市都市内分権推進委員会",
            ),
        ),
    ],
)
def test_show_a_revision(runner: CliRunner, lang: str, words: tuple[str, ...]) -> None:
    code, out, err = run(runner, "--lang", lang, "show", "roadmap-2023", "-f", str(ROADMAP))
    assert code == 0, err
    for word in words:
        assert word in out
    assert "roadmap-2023-approval" in out  # the reading of its approving body, listed


def test_show_a_revision_as_json(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "roadmap-2023", "--format", "json", "-f", str(ROADMAP))
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "revision"
    assert data["approved_by"] == "promotion-committee"
    assert data["approved_by_title"]["ja"] == "長野市都市内分権推進委員会"
    assert (data["date"], data["number"], data["baseline"]) == ("2023-11", 1, None)


def test_list_revisions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--lang", "en", "list", "--kind", "revisions", "-f", str(ROADMAP))
    assert code == 0
    assert out.split()[:3] == ["roadmap-2023", "Roadmap", "2023"]
    assert "(2023-11, approved by Nagano City Intra-City Decentralisation" in out


# ---- jtr revise ----------------------------------------------------------------------------


def test_revise_appends_after_the_last_revision(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_text(encoding="utf-8")
    code, out, err = run(runner, *REVISE, "--note", "年度の見直し", "--note-en", "Years moved")
    assert code == 0, err
    assert "recorded revision revision-2024-06-01 (2024-06-01" in out
    after = shipped.read_text(encoding="utf-8")
    added = (
        "  - id: revision-2024-06-01\n"
        '    date: "2024-06-01"\n'
        "    title:\n"
        "      ja: ロードマップ2024\n"
        "      en: Roadmap 2024\n"
        "    approved_by: promotion-committee\n"
        "    note:\n"
        "      ja: 年度の見直し\n"
        "      en: Years moved\n"
    )
    anchor = "    approved_by: promotion-committee  # reading: roadmap-2023-approval\n"
    assert after == before.replace(anchor, anchor + added, 1)  # every other byte kept
    model = open_roadmap(shipped).model
    assert [r.id for r in model.revisions] == ["roadmap-2023", "revision-2024-06-01"]
    code, _, _ = run(runner, "validate", str(shipped))
    assert code == 0


def test_revise_dry_run_prints_the_diff_and_writes_nothing(
    runner: CliRunner, shipped: Path
) -> None:
    before = shipped.read_bytes()
    code, out, err = run(runner, *REVISE, "--dry-run")
    assert code == 0, err
    assert out.startswith("--- ")
    assert "+  - id: revision-2024-06-01\n" in out and '+    date: "2024-06-01"\n' in out
    assert shipped.read_bytes() == before


def test_a_derived_id_is_unique_and_a_month_is_a_date(runner: CliRunner, shipped: Path) -> None:
    for _ in range(2):
        assert run(runner, *REVISE)[0] == 0
    code, _, err = run(
        runner, "revise", "--title", "改訂", "--approved-by", "liaison-council", "--date", "2024-06"
    )
    assert code == 0, err
    model = open_roadmap(shipped).model
    assert [(r.id, r.date) for r in model.revisions[1:]] == [
        ("revision-2024-06-01", "2024-06-01"),
        ("revision-2024-06-01-2", "2024-06-01"),
        ("revision-2024-06", "2024-06"),  # a month is neither before nor after its days
    ]
    assert model.revisions[-1].title.en is None


def test_revise_adds_the_log_to_a_file_without_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "roadmap.yaml"
    shutil.copyfile(MINIMAL, path)
    monkeypatch.chdir(tmp_path)
    before = path.read_text(encoding="utf-8")
    assert "revisions" not in load_file(path).data
    args = ("revise", "--title", "改訂", "--approved-by", "committee", "--date", "2024-06-01")
    code, _, err = run(runner, *args, "--id", "mini-2024", "-f", str(path))
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    log = (
        "revisions:\n"
        "  - id: mini-2024\n"
        '    date: "2024-06-01"\n'
        "    title:\n"
        "      ja: 改訂\n"
        "    approved_by: committee\n"
    )
    anchor = "  fiscal_year_start_month: 4\n"
    assert after == before.replace(anchor, anchor + log, 1)  # after meta:, nothing else moved
    assert load_file(path).data["revisions"][0]["id"] == "mini-2024"


def test_revise_adds_the_log_apart_where_sections_stand_apart(
    runner: CliRunner, shipped: Path
) -> None:
    shipped.write_text(without_log(shipped.read_text(encoding="utf-8")), encoding="utf-8")
    before = shipped.read_text(encoding="utf-8")
    assert run(runner, "validate", str(shipped))[0] == 0
    code, _, err = run(runner, *REVISE)
    assert code == 0, err
    anchor = "    en: November 2023 (Reiwa 5)\n"
    log = (
        "\nrevisions:\n  - id: revision-2024-06-01\n"
        '    date: "2024-06-01"\n    title:\n      ja: ロードマップ2024\n      en: Roadmap 2024\n'
        "    approved_by: promotion-committee\n"
    )
    assert shipped.read_text(encoding="utf-8") == before.replace(anchor, anchor + log, 1)


def test_revise_writes_like_a_flow_style_log(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "purpose:",
        "revisions:\n"
        "  - {id: mini-2023, date: '2023-11', title: {ja: ミニ, en: Mini}, approved_by: committee}\n"
        "purpose:",
        1,
    )
    path.write_text(text, encoding="utf-8")
    args = ("revise", "--title", "改訂", "--approved-by", "committee", "--date", "2024-06-01")
    code, _, err = run(runner, *args, "-f", str(path))
    assert code == 0, err
    new = "  - {id: revision-2024-06-01, date: '2024-06-01', title: {ja: 改訂}, approved_by: committee}\n"
    assert path.read_text(encoding="utf-8") == text.replace("purpose:", new + "purpose:", 1)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--approved-by", "promotion-comittee"), "did you mean 'promotion-committee'"),
        (("--approved-by", "nobody"), "the bodies are: promotion-committee, liaison-council"),
        (("--date", "2024-02-30"), "2024-02-30 does not exist (February 2024 has 29 days)"),
        (("--date", "2024/06"), "write the revision's date '2024/06' as YYYY-MM-DD or YYYY-MM"),
        (("--date", "2023-10"), "before the last revision, 'roadmap-2023' of 2023-11"),
        (("--id", "roadmap-2023"), "a revision with the id 'roadmap-2023' is already recorded"),
        (("--note-en", "Years"), "--note-en needs --note"),
        (("--baseline", "HEAD"), "--baseline: "),  # the copy is in no git repository
    ],
    ids=["body-typo", "body", "no-such-day", "shape", "before-last", "id-taken", "note-en", "git"],
)
def test_revise_refusals_leave_the_file_byte_for_byte(
    runner: CliRunner, shipped: Path, args: tuple[str, ...], says: str
) -> None:
    before = shipped.read_bytes()
    options = dict(zip(REVISE[1::2], REVISE[2::2], strict=True))
    options.update(dict(zip(args[::2], args[1::2], strict=True)))
    code, out, err = run(runner, "revise", *(x for pair in options.items() for x in pair))
    assert code == 2, (out, err)
    assert says in err
    assert shipped.read_bytes() == before


def test_revise_with_an_id_the_schema_refuses_is_invalid(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_bytes()
    code, _, err = run(runner, *REVISE, "--id", "Bad_Id")
    assert code == 1
    assert "[schema]" in err and "nothing was written" in err
    assert shipped.read_bytes() == before


def test_revise_refusals_in_japanese(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_bytes()
    code, _, err = run(runner, "--lang", "ja", *REVISE[:6], "nobody", *REVISE[7:])
    assert code == 2
    assert "'nobody' という推進体制の組織はありません (組織の ID: promotion-committee" in err
    code, _, err = run(runner, "--lang", "ja", *REVISE[:8], "2023-10")
    assert "最後の改訂 'roadmap-2023' の日付 2023-11 より前です" in err
    assert shipped.read_bytes() == before


@needs_git
def test_revise_baseline_stores_the_full_commit(runner: CliRunner, tmp_path: Path) -> None:
    path = new_repo(tmp_path / "repo", ROADMAP)
    shutil.copy(ROOT / "data" / "schema.json", path.parent / "schema.json")
    git(path.parent.parent, "add", ".")
    git(path.parent.parent, "commit", "-q", "-m", "schema")
    git(path.parent.parent, "tag", "plan-2023")
    head = git(path.parent.parent, "rev-parse", "HEAD").strip()
    code, _, err = run(runner, *REVISE, "--baseline", "plan-2023", "-f", str(path))
    assert code == 0, err
    model = open_roadmap(path).model
    assert model.revisions[-1].baseline == head and len(head) == 40
    code, _, err = run(runner, *REVISE, "--baseline", "no-such-tag", "-f", str(path))
    assert code == 2 and "no-such-tag" in err


# ---- jtr diff ------------------------------------------------------------------------------


def test_revision_changes_match_by_id_and_read_anything() -> None:
    old = {"revisions": [{"id": "a", "date": "2023-11"}, {"id": "b"}, "junk", {"id": 3}]}
    new = {"revisions": [{"id": "a", "date": "2023-12"}, {"id": "c", "title": 5}]}
    found = revision_changes(old, new)
    assert [(r.change, r.id) for r in found] == [("changed", "a"), ("added", "c"), ("removed", "b")]
    assert revision_changes({"revisions": "no list"}, None) == ()
    assert diff_roadmaps({}, {}).revisions == ()


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository: the roadmap without a revision log (v0), with its first revision (v1),
    with a second one added (v2), then the second one changed and the first removed (v3)."""
    first = tmp_path / "v0.yaml"
    first.write_text(without_log(ROADMAP.read_text(encoding="utf-8")), encoding="utf-8")
    path = new_repo(tmp_path / "repo", first, subject="v0")
    repo = path.parent.parent
    text = ROADMAP.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "v1")
    anchor = "    approved_by: promotion-committee  # reading: roadmap-2023-approval\n"
    second = (
        '  - id: roadmap-2024\n    date: "2024-06-01"\n'
        "    title: {ja: ロードマップ2024, en: Roadmap 2024}\n    approved_by: liaison-council\n"
    )
    path.write_text(text.replace(anchor, anchor + second, 1), encoding="utf-8")
    git(repo, "commit", "-qam", "v2")
    start = text.index("revisions:\n") + len("revisions:\n")
    end = text.index(anchor) + len(anchor)
    changed = second.replace("2024-06-01", "2024-07-01")
    path.write_text(text[:start] + changed + text[end:], encoding="utf-8")
    git(repo, "commit", "-qam", "v3")
    return path


def _diff(runner: CliRunner, path: Path, *args: str) -> tuple[int, str]:
    code, out, err = run(runner, "diff", *args, "-f", str(path))
    assert code in (0, 1), err
    return code, out


@needs_git
def test_diff_says_each_revision_in_one_line(runner: CliRunner, history: Path) -> None:
    _, out = _diff(runner, history, "HEAD~3", "HEAD~2", "--lang", "en")
    assert (
        "  revision roadmap-2023 added: Roadmap 2023 (2023-11, approved by promotion-committee)"
        in out.splitlines()
    )
    _, out = _diff(runner, history, "HEAD~2", "HEAD~1", "--lang", "en")
    lines = [line for line in out.splitlines() if line.startswith("  revision ")]
    assert lines == [
        "  revision roadmap-2024 added: Roadmap 2024 (2024-06-01, approved by liaison-council)"
    ]
    _, out = _diff(runner, history, "HEAD~1", "HEAD", "--lang", "ja")
    lines = [line for line in out.splitlines() if line.startswith("  改訂 ")]
    assert lines == [
        "  改訂 roadmap-2024 を変更: ロードマップ2024 (2024-07-01、liaison-council 承認)",
        "  改訂 roadmap-2023 を削除: ロードマップ2023 (2023-11、promotion-committee 承認)",
    ]


@needs_git
def test_diff_json_and_markdown_carry_the_revisions(runner: CliRunner, history: Path) -> None:
    _, out = _diff(runner, history, "HEAD~1", "HEAD", "--format", "json")
    data = json.loads(out)
    assert data["revisions"] == [
        {
            "change": "changed",
            "id": "roadmap-2024",
            "date": "2024-07-01",
            "title": {"ja": "ロードマップ2024", "en": "Roadmap 2024"},
            "approved_by": "liaison-council",
            "baseline": None,
        },
        {
            "change": "removed",
            "id": "roadmap-2023",
            "date": "2023-11",
            "title": {"ja": "ロードマップ2023", "en": "Roadmap 2023"},
            "approved_by": "promotion-committee",
            "baseline": None,
        },
    ]
    _, out = _diff(runner, history, "HEAD~1", "HEAD", "--format", "markdown", "--lang", "en")
    assert "- revision roadmap-2024 changed: Roadmap 2024 (2024-07-01, approved by" in out


@needs_git
def test_diff_between_commits_without_a_log_says_no_revision(
    runner: CliRunner, history: Path
) -> None:
    repo = history.parent.parent
    git(repo, "checkout", "-q", "HEAD~3")
    text = history.read_text(encoding="utf-8")
    history.write_text(
        text.replace("ロードマップ2023\n", "ロードマップ2023（改）\n", 1), encoding="utf-8"
    )
    code, out = _diff(runner, history, "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["revisions"] == [] and data["count"] >= 1
    code, out = _diff(runner, history, "HEAD", "--lang", "en")
    assert " revision " not in out


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (ROOT / "tests" / "fixtures").glob("roundtrip-*.yaml"))
)
def test_revise_is_a_pure_insertion_in_every_style(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    import difflib

    path = tmp_path / name
    shutil.copyfile(ROOT / "tests" / "fixtures" / name, path)
    before = path.read_bytes()
    body = load_file(path).data["bodies"][0]["id"]
    args = ("revise", "--title", "改訂", "--approved-by", body, "--date", "2024-06-01")
    code, _, err = run(runner, *args, "-f", str(path))
    assert code == 0, err
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} == {"equal", "insert"}  # every old line kept, in order
    assert load_file(path).data["revisions"][-1]["id"] == "revision-2024-06-01"


def test_revise_fills_an_empty_log(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace("purpose:", "revisions: []\npurpose:", 1)
    path.write_text(text, encoding="utf-8")
    args = ("revise", "--title", "改訂", "--approved-by", "committee", "--date", "2024-06")
    code, _, err = run(runner, *args, "-f", str(path))
    assert code == 0, err
    log = (
        'revisions:\n  - id: revision-2024-06\n    date: "2024-06"\n'
        "    title:\n      ja: 改訂\n    approved_by: committee\n"
    )
    assert path.read_text(encoding="utf-8") == text.replace("revisions: []\n", log, 1)
