"""The help and the usage errors in both languages, from one catalog, in the language chosen
once for the run (jtr.cli.app), and the catalog's own consistency (jtr.catalog)."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
import typer.main
from helpers import invoke
from typer.testing import CliRunner

from jtr.catalog import PARTS
from jtr.catalog.help_text import ENTRIES as HELP_TEXT
from jtr.cli import app
from jtr.cli.app import ALIASES, command_key, is_argument, is_option, param_key
from jtr.labels import LABELS, current_lang, label, set_lang
from jtr.render.lines import cell_len

JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
LANGS = ("ja", "en")


def commands() -> list[tuple[str, Any]]:
    """(name, click command) of the app and each of its commands, hidden ones too."""
    group: Any = typer.main.get_command(app)
    return [("jtr", group), *group.commands.items()]


COMMANDS = [name for name, _ in commands()]
SHOWN = [name for name, command in commands() if not command.hidden and name != "jtr"]


def help_keys(name: str, command: Any) -> list[str]:
    name = ALIASES.get(name, name)
    keys = [command_key([name])]
    for param in command.params:
        if is_argument(param) or (is_option(param) and "--help" not in param.opts):
            keys.append(param_key(name, param))
    return keys


def squeezed(text: str) -> str:
    """Text without any white space: a wrapped help page contains its texts squeezed."""
    return re.sub(r"\s+", "", text)


# ---- the catalog ------------------------------------------------------------------------------


def test_no_key_is_in_two_parts() -> None:
    seen: dict[str, int] = {}
    for index, part in enumerate(PARTS):
        for key in part:
            assert key not in seen, f"{key} is in two parts of jtr.catalog"
            seen[key] = index
    assert all(LABELS[key] == PARTS[i][key] for key, i in seen.items())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Japanese writes the month as a number, English by its name.
DIFFERENT_FIELDS = {"msg_month"}


def test_both_languages_fill_in_the_same_fields() -> None:
    for key, (ja, en) in LABELS.items():
        if key not in DIFFERENT_FIELDS:
            assert _fields(ja) == _fields(en), key


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_option_has_help_in_both_languages(name: str) -> None:
    command = dict(commands())[name]
    for key in help_keys(name, command):
        assert key in LABELS, f"{name}: no help {key!r} in jtr.catalog.help_text"
        ja, en = LABELS[key]
        assert JAPANESE.search(ja), key
        assert "\n" not in en.replace("\n\n", "") or key.startswith("help_"), key


def test_every_help_entry_is_used() -> None:
    used = {key for name, command in commands() for key in help_keys(name, command)}
    used |= {"opt_help"}
    assert set(HELP_TEXT) - used == set()


def test_the_language_is_chosen_once_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JTR_LANG", "en")
    set_lang("ja")
    assert current_lang() == "ja"  # the environment no longer decides
    set_lang("en")
    assert current_lang() == "en"
    set_lang(None)
    monkeypatch.setenv("JTR_LANG", "ja")
    assert current_lang() == "ja"  # back to the environment


# ---- the help pages ---------------------------------------------------------------------------


def page(runner: CliRunner, lang: str, name: str, columns: int = 80) -> str:
    args = ["--lang", lang, "--help"] if name == "jtr" else ["--lang", lang, name, "--help"]
    result = invoke(runner, *args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in ALIASES])
def test_each_help_page_says_all_its_texts_whole(runner: CliRunner, lang: str, name: str) -> None:
    """Every text of the catalog for this command is on its page, wrapped but never cut."""
    command = dict(commands())[name]
    text = page(runner, lang, name)
    for key in help_keys(name, command):
        assert squeezed(label(key, lang)) in squeezed(text), (lang, name, key)
    words = ("使い方:", "オプション:") if lang == "ja" else ("Usage:", "Options:")
    assert all(word in text for word in words)
    assert "╭" not in text and "│" not in text  # no boxes


@pytest.mark.parametrize("columns", [40, 50, 80, 123])
@pytest.mark.parametrize("lang", LANGS)
def test_help_wraps_to_the_terminal_and_fits(runner: CliRunner, lang: str, columns: int) -> None:
    for name in [*SHOWN, "jtr"]:
        text = page(runner, lang, name, columns)
        wide = [line for line in text.splitlines() if cell_len(line) > columns]
        # an option's name and placeholder (`--format [markdown|csv|…]`) is never broken
        assert all(line.strip().startswith("-") for line in wide), (name, wide)


def test_help_is_not_hard_wrapped(runner: CliRunner) -> None:
    """At 160 columns a paragraph takes the whole width: no line break at 80 or 100."""
    text = page(runner, "en", "status", 160)
    assert any(cell_len(line) > 110 for line in text.splitlines())
    japanese = page(runner, "ja", "status", 160)
    assert any(cell_len(line) > 110 for line in japanese.splitlines())


def test_the_app_lists_each_command_with_its_whole_first_paragraph(runner: CliRunner) -> None:
    """No "or wit… --clear undo it." in the list of commands."""
    for lang in LANGS:
        text = squeezed(page(runner, lang, "jtr"))
        for name in SHOWN:
            first = label(command_key([name]), lang).split("\n\n")[0]
            assert squeezed(first) in text, (lang, name)


@pytest.mark.parametrize(
    ("environ", "args", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, ["status", "--help"], "ja"),
        ({"LANG": "C.UTF-8"}, ["status", "--help"], "en"),
        ({"LANG": None}, ["status", "--help"], "ja"),  # no locale: the users' language
        ({"LANG": "C.UTF-8", "JTR_LANG": "ja"}, ["status", "--help"], "ja"),
        ({"LANG": "ja_JP.UTF-8"}, ["--lang", "en", "status", "--help"], "en"),
        ({"LANG": "ja_JP.UTF-8"}, ["status", "--help", "--lang", "en"], "en"),
        ({"LANG": "C.UTF-8"}, ["status", "--lang=ja", "--help"], "ja"),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "C.UTF-8"}, ["--help"], "ja"),
    ],
)
def test_the_help_speaks_the_chosen_language(
    runner: CliRunner, environ: dict[str, str | None], args: list[str], expected: str
) -> None:
    result = invoke(runner, *args, env=environ)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("使い方:" if expected == "ja" else "Usage:"), first


# ---- usage errors -----------------------------------------------------------------------------

USAGE_ERRORS = [
    (["stauts"], "'stauts' というコマンドはありません。もしかして 'status' ですか。",
     "No such command 'stauts'. Did you mean 'status'?"),
    (["status", "--bogus"], "--bogus というオプションはありません。もしかして '--course' ですか。",
     "No such option: --bogus. Did you mean '--course'?"),
    (["--as-of", "2025-01-01"], "コマンドを指定してください。", "Missing command."),
    (["show"], "引数 'ID' を指定してください。", "Missing argument 'ID'."),
    (["status", "--format", "tabel"],
     "'--format' の値が正しくありません: 'tabel' は指定できません。指定できるのは 'table', "
     "'json', 'markdown' です。もしかして 'table' ですか",
     "Invalid value for '--format': 'tabel' is not one of 'table', 'json', 'markdown'. "
     "Did you mean 'table'?"),
    (["status", "--width", "10"], "'--width' の値が正しくありません: 10 は範囲外です (≥ 40)。",
     "Invalid value for '--width': 10 is not in the range ≥ 40."),
    (["status", "--width", "wide"], "'--width' の値が正しくありません: 'wide' は整数ではありません。",
     "Invalid value for '--width': 'wide' is not a valid integer."),
    (["status", "extra"], "余分な引数があります (extra)。", "Got unexpected extra arguments (extra)."),
    (["status", "--as-of"], "オプション '--as-of' には値が必要です。",
     "Option '--as-of' requires an argument."),
    (["status", "--check=yes"], "オプション '--check' は値をとりません。",
     "Option '--check' does not take a value."),
    (["validate", "--format", "sarf"],
     "'--format' の値が正しくありません: 'sarf' は指定できません。指定できるのは 'text', "
     "'json', 'github', 'sarif' です。もしかして 'sarif' ですか",
     "Invalid value for '--format': 'sarf' is not one of 'text', 'json', 'github', 'sarif'. "
     "Did you mean 'sarif'?"),
    (["export", "--format", "htm"],
     "'--format' の値が正しくありません: 'htm' は指定できません。指定できるのは 'markdown', "
     "'csv', 'tsv', 'xlsx', 'html', 'svg', 'mermaid', 'ics', 'json' です。もしかして 'html' ですか",
     "Invalid value for '--format': 'htm' is not one of 'markdown', 'csv', 'tsv', 'xlsx', "
     "'html', 'svg', 'mermaid', 'ics', 'json'. Did you mean 'html'?"),
    (["set", "welfare-workers-decide", "-s", "finished"],
     "'--status' の値が正しくありません: 'finished' は指定できません。指定できるのは 'planned', "
     "'in_progress', 'done', 'delayed', 'on_hold', 'cancelled' です。",
     "Invalid value for '--status': 'finished' is not one of 'planned', 'in_progress', 'done', "
     "'delayed', 'on_hold', 'cancelled'."),
]  # fmt: skip


@pytest.mark.parametrize(("args", "ja", "en"), USAGE_ERRORS, ids=lambda v: str(v)[:30])
def test_usage_errors_in_both_languages(
    runner: CliRunner, args: list[str], ja: str, en: str
) -> None:
    for lang, expected, word in (("ja", ja, "エラー"), ("en", en, "error")):
        result = invoke(runner, "--lang", lang, *args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        last = result.stderr.splitlines()[-1]
        assert last.startswith(f"jtr: {word}: "), last
        assert last == f"jtr: {word}: {expected}", last
        if lang == "ja":
            assert JAPANESE.search(last.removeprefix(f"jtr: {word}: ")), last
        assert "╭" not in result.stderr and "Error:" not in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_a_usage_error_keeps_the_usage_line_and_the_hint(runner: CliRunner, lang: str) -> None:
    result = invoke(runner, "--lang", lang, "status", "--bogus")
    usage, hint, _error = result.stderr.splitlines()
    if lang == "ja":
        assert usage == "使い方: jtr status [オプション]"
        assert hint == "詳しくは 'jtr status -h' で使い方をご覧ください。"
    else:
        assert usage == "Usage: jtr status [OPTIONS]"
        assert hint == "Try 'jtr status -h' for help."


def test_the_language_of_a_usage_error_may_come_after_the_mistake(runner: CliRunner) -> None:
    result = invoke(runner, "status", "--width", "10", "--lang", "ja", env={"LANG": "C.UTF-8"})
    assert result.stderr.splitlines()[-1].startswith(
        "jtr: エラー: '--width' の値が正しくありません"
    )


def test_no_arguments_shows_the_help(runner: CliRunner) -> None:
    result = invoke(runner, env={"JTR_LANG": "ja"})
    assert result.exit_code == 2
    assert result.stdout.startswith("使い方: jtr [オプション] コマンド [引数]...")
