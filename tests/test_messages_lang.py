"""The core's errors, warnings and confirmations in the run's language (jtr.catalog.messages):
one message of each module that has them, run through the command line with JTR_LANG=ja and
JTR_LANG=en, and every entry of the messages part used by some module."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from helpers import ROOT, git, new_repo, run
from typer.testing import CliRunner

from jtr import edit
from jtr.catalog.messages import ENTRIES
from jtr.fiscal import FiscalYearError, parse_fiscal_year

JTR = ROOT / "jtr"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
ERROR = {"ja": "jtr: エラー: ", "en": "jtr: error: "}
SET = ("set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(params=["ja", "en"])
def lang(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The run's language, chosen as a user would: $JTR_LANG."""
    monkeypatch.setenv("JTR_LANG", request.param)
    return str(request.param)


def refused(runner: CliRunner, *args: str) -> str:
    """The one error line of `jtr ARGS`, which must exit 2, without its `jtr: error: `."""
    code, out, err = run(runner, *args)
    assert code == 2 and out == "", err
    line = err.splitlines()[-1]
    prefix = next(p for p in ERROR.values() if line.startswith(p))
    return line.removeprefix(prefix)


def says(lang: str, got: str, ja: str, en: str) -> None:
    assert got == (ja if lang == "ja" else en), got


# ---- jtr.fileio ------------------------------------------------------------------------------


def test_a_folder_as_the_export_target(runner: CliRunner, shipped: Path, lang: str) -> None:
    (shipped.parent.parent / "reports").mkdir()
    says(
        lang,
        refused(runner, "export", "--format", "csv", "-o", "reports"),
        "reports: フォルダーで、通常のファイルではありません。jtr が書き込むのは通常のファイルか"
        "新しいパスだけです (標準出力には '-o -')。元のまま残しています",
        "reports: is a directory, not a regular file; jtr writes only to a regular file or a "
        "new path ('-o -' for standard output), and left it as it was",
    )


def test_the_roadmap_as_the_export_target(runner: CliRunner, shipped: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, "export", "-o", "data/roadmap.yaml", "--format", "json"),
        "-o data/roadmap.yaml は書き出し元のロードマップ (data/roadmap.yaml)です。上書きはしません。"
        "別のファイルを指定してください",
        "-o data/roadmap.yaml is the roadmap being exported (data/roadmap.yaml); not "
        "overwriting it: choose another file",
    )


def test_a_file_over_the_size_limit(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copyfile(MINIMAL, roadmap)
    size = f"{roadmap.stat().st_size:,}"
    says(
        lang,
        refused(runner, "validate", str(roadmap), "--max-bytes", "100"),
        f"{roadmap}: ファイルの大きさは {size} バイト です。jtr が読み込むロードマップとスキーマは"
        " 100 バイト までです (--max-bytes N または $JTR_MAX_BYTES で変更できます)",
        f"{roadmap}: is {size} bytes; jtr reads roadmaps and schemas up to 100 bytes "
        "(--max-bytes N or $JTR_MAX_BYTES to change)",
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_as_the_roadmap(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, "status", "-f", "/dev/zero"),
        "/dev/zero: 通常のファイルではありません (キャラクターデバイス)",
        "/dev/zero: not a regular file (a character device)",
    )


# ---- jtr.discover ----------------------------------------------------------------------------


def test_no_roadmap_anywhere(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    if any((folder / "data" / "roadmap.yaml").exists() for folder in tmp_path.parents):
        pytest.skip("a folder above the test's has a data/roadmap.yaml")
    monkeypatch.chdir(tmp_path)
    start = tmp_path.resolve()
    says(
        lang,
        refused(runner, "status"),
        "ロードマップが見つかりません: --file の指定がなく、$JTR_ROADMAP も設定されておらず、"
        f"{start} とその上のどのフォルダーにも data/roadmap.yaml がありません",
        "no roadmap found: no --file given, $JTR_ROADMAP is not set, and there is no "
        f"data/roadmap.yaml in {start} or any folder above it",
    )


def test_a_folder_as_the_roadmap(runner: CliRunner, workspace: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, "status", "-f", "data"),
        "data: フォルダーです (ファイルを指定してください)",
        "data: is a directory, not a file",
    )


# ---- jtr.fiscal ------------------------------------------------------------------------------


def test_a_fiscal_year_that_is_none(runner: CliRunner, shipped: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, *SET, "--fiscal-year", "x"),
        "--fiscal-year: 'x' は年度ではありません。2024、FY2024、R6、令和6年度、令和元年度 のように"
        "指定してください",
        "--fiscal-year: 'x' is not a fiscal year: write 2024, FY2024, R6, 令和6年度 or 令和元年度",
    )


@pytest.mark.parametrize(
    ("text", "ja", "en"),
    [
        ("R0", "'R0': 元号の年は元年 (1年) から数えます", "'R0': an era year starts at 元 (1)"),
        ("H40", "'H40': 平成は40年になる前に終わっています", "'H40': 平成 ended before its year 40"),
        ("1800", "'1800': 指定できる年度は 1868～2200 です", "'1800': jtr knows fiscal years 1868–2200"),
        (
            "令和6年度 (2025)",
            "'令和6年度 (2025)': 令和6年度は2024年度で、2025年度ではありません",
            "'令和6年度 (2025)': 令和6年度 is FY2024, not 2025",
        ),
    ],
)  # fmt: skip
def test_fiscal_year_errors(text: str, ja: str, en: str, lang: str) -> None:
    with pytest.raises(FiscalYearError) as raised:
        parse_fiscal_year(text)
    says(lang, str(raised.value), ja, en)


# ---- jtr.kinds -------------------------------------------------------------------------------


def test_show_of_an_unknown_id(runner: CliRunner, shipped: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, "show", "zzz-nothing"),
        "ID 'zzz-nothing' のコース・見直し項目・課題・ワーキンググループ・継続検討項目・担当・期・地区・改訂は"
        "ありません。ID の一覧は `jtr list` で表示できます",
        "no course, item, task, working group, topic, owner, phase, district or revision has the "
        "id 'zzz-nothing'; `jtr list` prints the ids",
    )


# ---- jtr.edit --------------------------------------------------------------------------------


def test_set_of_an_item(runner: CliRunner, shipped: Path, lang: str) -> None:
    tasks = "・" if lang == "ja" else ", "
    listed = tasks.join(
        ["welfare-workers-decide", "welfare-workers-prepare", "welfare-workers-start"]
    )
    says(
        lang,
        refused(runner, "set", "welfare-workers", "-s", "done"),
        "'welfare-workers' は見直し項目で、課題ではありません。`jtr set` には課題の ID を指定して"
        f"ください (この項目の課題: {listed})",
        "'welfare-workers' is a review item, not a task; `jtr set` takes a task id "
        f"(its tasks: {listed})",
    )


def test_decide_of_a_mistyped_item(runner: CliRunner, shipped: Path, lang: str) -> None:
    says(
        lang,
        refused(runner, "decide", "welfare-worker", "-d", "2025-01-01"),
        "ID 'welfare-worker' の見直し項目はありません。もしかして 'welfare-workers' または "
        "'welfare-support' または 'requested-work' ですか",
        "no review item has the id 'welfare-worker'; did you mean 'welfare-workers' or "
        "'welfare-support' or 'requested-work'?",
    )


def test_set_says_what_it_recorded(runner: CliRunner, shipped: Path, lang: str) -> None:
    code, out, err = run(runner, *SET)
    assert code == 0, err
    says(
        lang,
        out,
        "data/roadmap.yaml: welfare-workers-decide: 予定 → 完了 (2025-02-10) を記録しました\n",
        "data/roadmap.yaml: welfare-workers-decide: planned → done on 2025-02-10\n",
    )
    says(
        lang,
        refused(runner, "set", "welfare-workers-decide", "-s", "delayed", "-d", "2024-10-01"),
        "welfare-workers-decide: 2024-10-01 は最新の記録の日付 (2025-02-10) より前です。日付を"
        "確認してください。日付順に記録を挿入するには --force を指定してください",
        "welfare-workers-decide: 2024-10-01 is before its last record (2025-02-10); check the "
        "date, or give --force to insert the record in date order",
    )


def test_decide_and_clear_say_what_they_did(runner: CliRunner, shipped: Path, lang: str) -> None:
    code, out, err = run(runner, "decide", "welfare-workers", "-d", "2025-02-10")
    assert code == 0, err
    says(
        lang,
        out,
        "data/roadmap.yaml: welfare-workers: 方針決定 (2025-02-10) を記録しました\n",
        "data/roadmap.yaml: welfare-workers: policy decided (方針決定) on 2025-02-10\n",
    )
    says(
        lang,
        refused(runner, "decide", "welfare-workers", "-d", "2025-03-01"),
        "welfare-workers: 方針決定はすでに記録されています (2025-02-10)。置き換えるには --force を、"
        "取り消すには --clear を指定してください",
        "welfare-workers: a decision is already recorded (2025-02-10); give --force to replace "
        "it, or --clear to remove it",
    )
    code, out, err = run(runner, "realise", "welfare-workers", "--clear")
    assert code == 0 and out == ""
    says(
        lang,
        err,
        "data/roadmap.yaml: welfare-workers: 実現は記録されていないため、何も変更していません\n",
        "data/roadmap.yaml: welfare-workers: no realisation is recorded; nothing changed\n",
    )


def test_a_read_only_roadmap_is_not_edited(runner: CliRunner, shipped: Path, lang: str) -> None:
    shipped.chmod(0o444)
    says(
        lang,
        refused(runner, *SET),
        "data/roadmap.yaml: ファイルが読み取り専用です (モード -r--r--r--)。何も書き込んでいません",
        "data/roadmap.yaml: the file is read-only (mode -r--r--r--); nothing was written",
    )
    assert stat.S_IMODE(shipped.stat().st_mode) == 0o444


def test_a_lock_held_by_another_edit(runner: CliRunner, shipped: Path, lang: str) -> None:
    with edit.locked(Path(os.path.realpath(shipped))):
        got = refused(runner, *SET, "--wait", "0")
    says(
        lang,
        got,
        "data/roadmap.yaml: 0 秒待ちましたが、別の編集がまだロック (.roadmap.yaml.lock) を保持して"
        "います。何も書き込んでいません (もっと待つには --wait SECONDS を指定してください)",
        "data/roadmap.yaml: another edit still holds its lock (.roadmap.yaml.lock) after 0 s; "
        "nothing was written (--wait SECONDS to wait longer)",
    )


def test_lines_ruamel_cannot_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    path = tmp_path / "roadmap.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    path.write_text(text.replace("        number: 2\n", "        number: 2\t# tab\n"), "utf-8")
    monkeypatch.chdir(tmp_path)
    got = refused(runner, "set", "task-b1", "-s", "done", "-d", "2025-05-02", "-f", path.name)
    pattern = (
        r"このファイルは jtr では編集できません: ruamel\.yaml が読み取れません \(.+\)。直接編集"
        r"してください"
        if lang == "ja"
        else r"jtr cannot edit this file: ruamel\.yaml cannot read it \(.+\); edit it by hand"
    )
    assert re.fullmatch(f"roadmap\\.yaml: {pattern}", got), got


def test_an_edit_that_does_not_read_back(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(edit.hunks, "_splice", lambda lines, hunk: lines)  # a bug: no change
    says(
        lang,
        refused(runner, *SET),
        "data/roadmap.yaml: 内部エラー: 編集したテキストを読み直すと、意図した変更になっていません。"
        "何も書き込んでいません (このファイルを添えて報告してください)",
        "data/roadmap.yaml: internal error: the edited text does not read back as the intended "
        "change; nothing was written (please report this with the file)",
    )


# ---- jtr.review ------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    new_repo(root, ROOT / "data" / "roadmap.yaml")
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path))
    return root


@needs_git
def test_diff_of_an_unknown_revision(runner: CliRunner, repo: Path, lang: str) -> None:
    top = repo.resolve()
    says(
        lang,
        refused(runner, "diff", "nope"),
        f"{top} にリビジョン 'nope' が見つかりません",
        f"unknown revision 'nope' in {top}",
    )


@needs_git
def test_diff_outside_git(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    elsewhere = tmp_path / "plain" / "roadmap.yaml"
    elsewhere.parent.mkdir()
    shutil.copy(ROOT / "data" / "roadmap.yaml", elsewhere)
    says(
        lang,
        refused(runner, "diff", "-f", str(elsewhere)),
        f"{elsewhere} は git リポジトリの中にありません",
        f"{elsewhere} is not inside a git repository",
    )


@needs_git
def test_setup_git_with_an_unreadable_gitattributes(
    runner: CliRunner, repo: Path, lang: str
) -> None:
    (repo / ".gitattributes").mkdir()
    got = refused(runner, "setup-git")
    attributes = re.escape(str(repo.resolve() / ".gitattributes"))
    pattern = (
        f"{attributes} を読み取れません: .+" if lang == "ja" else f"cannot read {attributes}: .+"
    )
    assert re.fullmatch(pattern, got), got


@needs_git
def test_textconv_of_a_file_that_is_not_yaml(runner: CliRunner, repo: Path, lang: str) -> None:
    broken = repo / "broken.yaml"
    broken.write_text("a: [\n", encoding="utf-8")
    git(repo, "status")  # the repository is there: textconv needs none, git would call it here
    code, out, err = run(runner, "textconv", str(broken))
    assert code == 0 and out == "a: [\n"
    (line,) = err.splitlines()
    assert line.startswith("jtr textconv: "), line
    ending = " (ファイルをそのまま表示します)" if lang == "ja" else " (showing the file as it is)"
    assert line.endswith(ending), line


# ---- jtr.roadmap -----------------------------------------------------------------------------


def test_a_roadmap_the_model_cannot_hold(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    import jtr.roadmap

    def broken(data: object) -> None:
        raise KeyError("courses")

    monkeypatch.setenv("JTR_NO_CACHE", "1")
    monkeypatch.setattr(jtr.roadmap, "build", broken)
    code, out, err = run(runner, "status")
    assert code == 1 and out == ""
    expected = (
        "ロードマップを読み取れませんでした。`jtr validate` を実行してください [model]"
        if lang == "ja"
        else "the roadmap could not be read; run `jtr validate` [model]"
    )
    assert any(line.endswith(expected) for line in err.splitlines()), err


# ---- the catalog's messages part -------------------------------------------------------------


def sources() -> str:
    """Every module of jtr but the catalog, as one text."""
    catalog = JTR / "catalog"
    paths = [p for p in JTR.rglob("*.py") if catalog not in p.parents and p.name != "labels.py"]
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(paths))


def test_every_message_is_used() -> None:
    text = sources()
    unused = [key for key in ENTRIES if f'"{key}"' not in text]
    assert not unused, f"entries of jtr.catalog.messages no module uses: {unused}"


def test_every_message_key_says_what_it_is() -> None:
    assert all(key.startswith(("err_", "warn_", "done_")) for key in ENTRIES)
