"""The options people type: global options before the command, the words `--course` takes,
"did you mean" and completion of the filter and format values, the date messages and warnings,
`jtr set` of a record it already has, and the language of the messages."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import DATA, run
from typer.testing import CliRunner

from jtr.cli import options
from jtr.i18n import detect_lang

ROADMAP = DATA / "roadmap.yaml"


ERROR = {"ja": "エラー", "en": "error"}  # the word of `jtr: error:` in each language


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English unless a test says otherwise: with no locale at all jtr speaks
    Japanese, so no test here depends on the shell's."""
    for name in ("JTR_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current directory with no roadmap above it: only -f finds one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- global options before the command -------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("status", "--width", "80"),
        ("timeline", "--width", "100"),
        ("list",),
        ("show", "welfare-workers", "--width", "80"),
    ],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_file_lang_and_as_of_work_before_the_command_and_after_it(
    runner: CliRunner, elsewhere: Path, command: tuple[str, ...], lang: str
) -> None:
    given = ("-f", str(ROADMAP), "--lang", lang)
    if command[0] != "list":
        given += ("--as-of", "2025-01-15")
    before = run(runner, *given, *command)
    after = run(runner, *command, *given)
    assert before[0] == 0, before
    assert before == after
    if command[0] in ("status", "timeline"):
        assert "2025-01-15" in before[1]
    # the language given before the command is the one the view speaks
    assert ("見直し項目" in before[1] or "課題" in before[1]) == (lang == "ja") or command[
        0
    ] == "list"


def test_file_before_validate_and_history(runner: CliRunner, elsewhere: Path) -> None:
    """validate and the review commands find their roadmap through an early -f too."""
    code, out, _ = run(runner, "-f", str(ROADMAP), "validate")
    assert code == 0 and "valid (schema" in out
    (elsewhere / "data").mkdir()
    code, _, err = run(runner, "-f", str(elsewhere / "data"), "history")
    assert code == 2 and "is a directory, not a file" in err  # the path given, not discovery


def test_without_the_file_option_nothing_is_found(runner: CliRunner, elsewhere: Path) -> None:
    """The test above proves something: from this folder only -f finds the roadmap."""
    code, _, err = run(runner, "status")
    assert code == 2 and "jtr: error:" in err


def test_the_commands_own_option_wins(runner: CliRunner, elsewhere: Path) -> None:
    _, out, _ = run(runner, "-f", str(ROADMAP), "--lang", "ja", "status", "--lang", "en")
    assert "as of" in out and "基準日" not in out
    _, out, _ = run(
        runner, "--as-of", "2025-01-15", "status", "-f", str(ROADMAP), "--as-of", "2024-01-15"
    )
    assert "2024-01-15" in out and "2025-01-15" not in out
    _, out, _ = run(runner, "-f", "/nonexistent.yaml", "status", "-f", str(ROADMAP))
    assert "as of" in out or "基準日" in out


def test_lang_before_the_command_reaches_an_error_message(
    runner: CliRunner, elsewhere: Path
) -> None:
    code, _, err = run(runner, "--lang", "ja", "-f", str(ROADMAP), "status", "--owner", "shisyo")
    assert code == 2
    assert err == (
        "jtr: エラー: --owner 'shisyo': そのような担当はありません "
        "(chikatsu, jijikyo, shisho, tantoka); もしかして 'shisho' ですか\n"
    )


def test_file_before_an_editing_command(runner: CliRunner, shipped: Path, elsewhere: Path) -> None:
    code, out, _ = run(
        runner,
        "-f",
        str(shipped),
        "set",
        "welfare-workers-decide",
        "-s",
        "in_progress",
        "-d",
        "2024-05-01",
    )
    assert code == 0 and "planned → in_progress" in out
    assert "date: 2024-05-01" in shipped.read_text(encoding="utf-8")


def test_help_lists_the_global_options(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--help")
    assert code == 0
    for option in ("--file", "-f", "--lang", "--as-of"):
        assert option in out, option


# -- --course, did you mean, completion --------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "course"),
    [
        ("I", "course-2024"),
        ("i", "course-2024"),
        ("1", "course-2024"),
        ("Ⅰ", "course-2024"),
        ("2024", "course-2024"),
        ("R6", "course-2024"),
        ("course-2024", "course-2024"),
        ("II", "course-2026"),
        ("2", "course-2026"),
        ("２", "course-2026"),
        ("Ⅱ", "course-2026"),
        ("2026", "course-2026"),
        ("course-2026", "course-2026"),
    ],
)
def test_course_takes_its_numeral_number_year_and_id(
    runner: CliRunner, word: str, course: str
) -> None:
    code, out, err = run(runner, "status", "-f", str(ROADMAP), "--format", "json", "--course", word)
    assert code == 0, err
    assert [c["id"] for c in json.loads(out)["courses"]] == [course]


def test_course_words_come_from_the_data(runner: CliRunner, shipped: Path) -> None:
    """Not hard-coded: a course whose target year moves is found by the new year only."""
    text = shipped.read_text(encoding="utf-8")
    shipped.write_text(
        text.replace("target_fiscal_year: 2026", "target_fiscal_year: 2025"), encoding="utf-8"
    )
    code, out, _ = run(runner, "status", "--format", "json", "--course", "2025")
    assert code == 0 and [c["id"] for c in json.loads(out)["courses"]] == ["course-2026"]
    code, _, err = run(runner, "status", "--course", "2026")
    assert code == 2 and "no such course" in err


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        (
            ("--course", "III"),
            "en",
            "--course 'III': no such course (course-2024, course-2026, Ⅰ, Ⅱ); did you mean 'II' or 'I'?",
        ),
        (
            ("--course", "cource-2026"),
            "ja",
            "--course 'cource-2026': そのようなコースはありません (course-2024, course-2026, Ⅰ, Ⅱ); "
            "もしかして 'course-2026' または 'course-2024' または '2026' ですか",
        ),
        (
            ("--owner", "tantouka"),
            "en",
            "--owner 'tantouka': no such owner (chikatsu, jijikyo, shisho, tantoka); did you mean 'tantoka'?",
        ),
        (
            ("--state", "overdu"),
            "en",
            "--state 'overdu': one of cancelled, closed, delayed, done, due, in_progress, "
            "not_yet_due, on_hold, overdue, planned; did you mean 'overdue' or 'closed'?",
        ),
        (
            ("--state", "in-progress"),
            "ja",
            "--state 'in-progress': 指定できる状態は cancelled, closed, delayed, done, due, "
            "in_progress, not_yet_due, on_hold, overdue, planned です; もしかして 'in_progress' ですか",
        ),
        (("--state", "zzz"), "en", "--state 'zzz': one of cancelled, closed, delayed, done, due, "
         "in_progress, not_yet_due, on_hold, overdue, planned"),
    ],
)  # fmt: skip
def test_filters_say_did_you_mean(
    runner: CliRunner, args: tuple[str, ...], lang: str, message: str
) -> None:
    code, _, err = run(runner, "status", "-f", str(ROADMAP), "--lang", lang, *args)
    assert code == 2
    assert err == f"jtr: {'エラー' if lang == 'ja' else 'error'}: {message}\n"


@pytest.mark.parametrize(
    ("command", "wrong", "hint"),
    [
        (("status",), "tabel", "Did you mean 'table'?"),
        (("show", "welfare-workers"), "jsn", "Did you mean 'json'?"),
        (("list",), "txt", "Did you mean 'text'?"),
    ],
)
def test_format_says_did_you_mean(
    runner: CliRunner, command: tuple[str, ...], wrong: str, hint: str
) -> None:
    code, _, err = run(runner, *command, "-f", str(ROADMAP), "--lang", "en", "--format", wrong)
    assert code == 2 and hint in " ".join(err.replace("│", " ").split())
    # the choice is read before the command's other options: the language is the one given
    # before the command, else $JTR_LANG or the locale
    _, _, err = run(runner, "--lang", "ja", *command, "-f", str(ROADMAP), "--format", wrong)
    assert "もしかして" in err
    _, _, err = run(runner, *command, "-f", str(ROADMAP), "--format", wrong, env={"JTR_LANG": "ja"})
    assert "もしかして" in err


def _names(found: list[tuple[str, str]]) -> list[str]:
    return [name for name, _ in found]


def test_completion_of_the_filter_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JTR_ROADMAP", str(ROADMAP))
    ctx = SimpleNamespace(params={"lang": "en"})
    assert _names(options._complete_courses(ctx, "")) == [  # type: ignore[arg-type]
        "course-2024", "Ⅰ", "I", "1", "2024", "course-2026", "Ⅱ", "II", "2", "2026",
    ]  # fmt: skip
    assert options._complete_courses(ctx, "2")[0] == ("2024", "2024 Course")  # type: ignore[arg-type]
    assert _names(options._complete_owners(ctx, "")) == ["jijikyo", "shisho", "tantoka", "chikatsu"]  # type: ignore[arg-type]
    assert options._complete_states(ctx, "ov") == [("overdue", "overdue")]  # type: ignore[arg-type]
    assert options._complete_states(SimpleNamespace(params={"lang": "ja"}), "ov") == [  # type: ignore[arg-type]
        ("overdue", "期限超過")
    ]
    assert "planned" in _names(options._complete_states(ctx, "p"))  # type: ignore[arg-type]
    monkeypatch.setenv("JTR_ROADMAP", "/nonexistent/roadmap.yaml")
    assert options._complete_courses(ctx, "") == []  # type: ignore[arg-type]
    assert options._complete_owners(ctx, "") == []  # type: ignore[arg-type]


def test_completion_through_the_shell_protocol(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What bash asks: the values of --course, --owner, --state and --format."""
    monkeypatch.setenv("JTR_ROADMAP", str(ROADMAP))
    for words, expected in (
        ("jtr status --course I", "II"),
        ("jtr status --owner sh", "shisho"),
        ("jtr status --state ov", "overdue"),
        ("jtr status --format ma", "markdown"),
        ("jtr -f " + str(ROADMAP) + " timeline --course 202", "2026"),
    ):
        result = runner.invoke(
            __import__("jtr.cli", fromlist=["app"]).app,
            [],
            prog_name="jtr",
            env={
                "_JTR_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - 1),
            },
        )
        assert expected in result.output.split(), (words, result.output)


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "2025-02-30 does not exist (February 2025 has 28 days)"),
        ("ja", "2025-02-30 という日はありません (2025年2月は28日まで)"),
    ],
)
def test_a_day_that_does_not_exist(
    runner: CliRunner, shipped: Path, lang: str, message: str
) -> None:
    before = shipped.read_bytes()
    code, _, err = run(runner, "--lang", lang, "status", "--as-of", "2025-02-30")
    assert (code, err) == (2, f"jtr: {ERROR[lang]}: --as-of: {message}\n")
    code, _, err = run(
        runner,
        "--lang",
        lang,
        "set",
        "welfare-workers-decide",
        "-s",
        "done",
        "--date",
        "2025-02-30",
    )
    assert (code, err) == (2, f"jtr: {ERROR[lang]}: --date: {message}\n")
    code, _, err = run(runner, "--lang", lang, "decide", "welfare-workers", "--date", "2025-02-30")
    assert (code, err) == (2, f"jtr: {ERROR[lang]}: --date: {message}\n")
    assert shipped.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        (
            "en",
            "jtr: warning: --as-of 2030-06-01 is more than a year outside the roadmap's period "
            "(FY2023 to FY2026); check the date\n",
        ),
        (
            "ja",
            "jtr: 警告: --as-of 2030-06-01 はロードマップの期間 (令和5年度 (2023)～令和8年度 (2026)) "
            "から1年以上離れています。日付を確認してください\n",
        ),
    ],
)
def test_a_far_as_of_is_warned_about(runner: CliRunner, lang: str, warning: str) -> None:
    code, out, err = run(
        runner, "status", "-f", str(ROADMAP), "--lang", lang, "--as-of", "2030-06-01"
    )
    assert code == 0 and out and err == warning
    code, _, err = run(runner, "status", "-f", str(ROADMAP), "--as-of", "2030-06-01", "--check")
    assert code == 1 and "--as-of 2030-06-01" in err  # the exit code is --check's, as without it
    for near in ("2022-04-01", "2027-12-31", "2026-12-01"):
        _, _, err = run(runner, "status", "-f", str(ROADMAP), "--as-of", near)
        assert err == "", near


def test_a_far_date_of_an_edit_is_warned_about(runner: CliRunner, shipped: Path) -> None:
    code, out, err = run(
        runner, "--lang", "en", "set", "welfare-workers-decide", "-s", "done", "-d", "2052-04-01"
    )
    assert code == 0 and "→ done" in out
    assert "jtr: warning: --date 2052-04-01 is more than a year outside" in err
    code, _, err = run(runner, "--lang", "ja", "decide", "welfare-workers", "-d", "2015-04-01")
    assert code == 0 and "--date 2015-04-01 はロードマップの期間" in err
    code, _, err = run(runner, "realise", "welfare-workers", "-d", "2025-04-01")
    assert code == 0 and "warning" not in err


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "the last record already says done on 2024-06-01; nothing changed"),
        ("ja", "最新の記録と同じ内容 (done、2024-06-01) のため、何も変更していません"),
    ],
)
def test_set_does_not_repeat_the_last_record(
    runner: CliRunner, shipped: Path, lang: str, message: str
) -> None:
    args = ("set", "welfare-workers-decide", "-s", "done", "-d", "2024-06-01", "-n", "会議で決定")
    assert run(runner, *args)[0] == 0
    before = shipped.read_bytes()
    code, out, err = run(runner, "--lang", lang, *args)
    assert (code, out) == (0, "")
    assert err == f"data/roadmap.yaml: welfare-workers-decide: {message}\n"
    assert shipped.read_bytes() == before
    # any difference is a new record: another note, another date, another status
    for changed in (("-s", "in_progress"), ("-n", "別の記録"), ("-d", "2024-06-02")):
        edited = list(args)
        index = edited.index(changed[0])
        edited[index + 1] = changed[1]
        code, out, _ = run(runner, *edited)
        assert code == 0 and out, changed


def test_set_of_a_recurring_task_compares_the_same_year(runner: CliRunner, shipped: Path) -> None:
    task = "requested-work-mayor-policy"
    for year in ("2024", "2025"):
        code, out, _ = run(
            runner, "set", task, "-s", "done", "-d", "2025-05-01", "--fiscal-year", year
        )
        assert code == 0 and out, year  # the same date for another year is a record of its own
    before = shipped.read_bytes()
    code, out, err = run(
        runner, "set", task, "-s", "done", "-d", "2025-05-01", "--fiscal-year", "2024"
    )
    assert (code, out) == (0, "") and "nothing changed" in err
    assert shipped.read_bytes() == before


# -- the language of messages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "ja"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"JTR_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"JTR_LANG": "ja", "LC_ALL": "C"}, "ja"),
        ({"JTR_LANG": "fr", "LANG": "C"}, "en"),
    ],
)
def test_detect_lang(environ: dict[str, str], lang: str) -> None:
    assert detect_lang(environ) == lang


def test_jtr_lang_chooses_the_messages_and_lang_overrides_it(runner: CliRunner) -> None:
    args = ("status", "-f", str(ROADMAP), "--as-of", "2025-02-30")
    _, _, err = run(runner, *args, env={"JTR_LANG": "ja", "LANG": "C.UTF-8"})
    assert "という日はありません" in err
    _, _, err = run(runner, "--lang", "en", *args, env={"JTR_LANG": "ja"})
    assert "does not exist" in err


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["status"], "status"),
        (["-f", "x.yaml", "--lang", "en", "status", "--width", "90"], "status"),
        (["--as-of", "2025-01-01", "set", "t", "-s", "done"], "set"),
        (["--lang=ja", "districts"], "districts"),
        (["--help"], None),
        (["-f", "x.yaml", "--version"], None),
        (["--install-completion"], None),
        ([], None),
    ],
)
def test_the_console_script_knows_which_command_a_line_runs(
    args: list[str], named: str | None
) -> None:
    from jtr.cli import command_named

    assert command_named(args) == named


def test_the_console_script_builds_only_the_command_it_runs(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jtr status` builds one command; the app keeps all of them afterwards, and an unknown
    command still gets "did you mean" from all of their names."""
    import sys

    import typer.main

    from jtr.cli import app, main

    built: list[list[str]] = []
    real = typer.main.get_group

    def spy(instance: typer.Typer) -> object:
        group = real(instance)
        built.append(list(group.commands))  # type: ignore[attr-defined]
        return group

    monkeypatch.setattr(typer.main, "get_group", spy)
    before = list(app.registered_commands)
    for argv in (["jtr", "status"], ["jtr", "stauts"]):
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit):
            main()
    assert built[0] == ["status"]
    assert "status" in built[1] and len(built[1]) == len(before)
    assert app.registered_commands == before
    assert "Did you mean 'status'?" in capsys.readouterr().err
