"""Text from the file is data, never terminal control: a hostile roadmap through every command.

The roadmap below is valid (schema and rules: only `hidden-character` warnings) and carries,
in titles, notes, owner names, record authors and keys, what would drive a terminal: OSC 52
(set the clipboard), OSC 8 (a link), BEL, CSI sequences written with ESC and with the C1
character U+009B, a carriage return that overwrites a line, the right-to-left override
U+202E, the isolate U+2066 and the zero-width space U+200B. Git adds a hostile author name and
commit subject. No output of any command may carry one of those characters raw; each must be
shown visibly (`\\x1b`, `<U+202E>`).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from helpers import git, new_repo, run
from rich.cells import cell_len
from typer.testing import CliRunner

from jtr.cli import app

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
SCHEMA = ROOT / "data" / "schema.json"

OSC52 = "\\e]52;c;ZXZpbA==\\a"  # YAML escapes: ESC and BEL only ever reach the data this way
OSC8 = "\\e]8;;https://x.invalid/\\a"
# (original, hostile) edits of tests/fixtures/minimal.yaml, each applied once.
EDITS = [
    (
        "  title: {ja: ミニロードマップ, en: Mini roadmap}\n",
        f'  title: {{ja: "ミニ{OSC52}ロードマップ", en: "Mini{OSC52} roadmap"}}\n',
    ),
    (
        "    title: {ja: 2024コース, en: 2024 course}\n",
        '    title: {ja: "2024\\e[2Jコース", en: "2024 \\e[2J course"}\n',
    ),
    (
        "        title: {ja: 項目A, en: Item A}\n",
        f'        title: {{ja: "項目{OSC8}A\\e]8;;\\a", en: "Item {OSC8}A\\e]8;;\\a \\u202eevil"}}\n',
    ),
    (
        "            title: {ja: 課題A1, en: Task A1}\n",
        '            title: {ja: "課題\\rA1\\u2066x\\u2069", en: "Task\\rA1 \\x9b2J zw\\u200bsp"}\n',
    ),
    (
        "              - status: in_progress\n",
        "              - status: in_progress\n"
        f'                note: "line one{OSC52}\\nline two\\e[1A\\r"\n'
        '                by: "by\\u200b\\a"\n',
    ),
    (
        "    short: {ja: 住自協, en: Council}\n",
        '    short: {ja: "住\\e[31m自協", en: "Coun\\e[31mcil"}\n',
    ),
    (
        "    name: {ja: 住民自治協議会, en: Residents' self-governance council}\n",
        '    name: {ja: "\\u202e住民自治協議会", en: "\\u202eResidents council"}\n',
    ),
    (
        "    title: {ja: 離陸期, en: Take-off}\n",
        '    title: {ja: "離陸\\a期", en: "Take\\a-off"}\n',
    ),
    (
        "    title: {ja: WG-A, en: WG A}\n",
        '    title: {ja: "WG\\u202e-A", en: "WG \\u2066A"}\n',
    ),
    (
        "      - {ja: 住民, en: Residents}\n    city_members_only",
        '      - {ja: "住\\x9b民", en: "Resi\\x9bdents"}\n    city_members_only',
    ),
    (
        "        title: {ja: ゴール, en: Goal}\n",
        f'        title: {{ja: "ゴール{OSC52}", en: "Goal{OSC52}"}}\n',
    ),
    (
        "      title: {ja: 検討項目, en: Topic}\n",
        '      title: {ja: "検討\\e[8m項目", en: "Topic\\e[8m"}\n',
    ),
    (
        "        - {ja: 方向性, en: Direction}\n",
        '        - {ja: "方向\\u200b性", en: "Direc\\u200btion"}\n',
    ),
]
# Raw characters that must never leave jtr (colour output's own SGR codes aside).
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\r", "\u202e", "\u2066", "\u2069", "\u200b")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # what rich itself writes for colour

KINDS = {
    "item-a": "item",
    "task-a1": "task",
    "c2024": "course",
    "wg-a": "working group",
    "topic-1": "topic",
    "council": "owner",
    "take-off": "phase",
}


def hostile_text() -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile_text(), encoding="utf-8")
    return path


def run_merged(runner: CliRunner, *args: str, color: bool = False) -> tuple[int, str]:
    """helpers.run, with stdout and stderr together; `color` sets FORCE_COLOR=1."""
    code, out, err = run(runner, *args, env={"FORCE_COLOR": "1"} if color else None)
    return code, out + err


def assert_safe(output: str, *, color: bool = False) -> None:
    text = SGR.sub("", output) if color else output
    raw = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN if c in text})
    assert not raw, f"raw {raw} in output:\n{output[:3000]!r}"


def test_the_fixture_is_valid_with_warnings_only(runner: CliRunner, hostile: Path) -> None:
    code, out = run_merged(runner, "validate", str(hostile), "--schema", str(SCHEMA))
    assert code == 0, out
    codes = set(re.findall(r"\[([a-z-]+)\]$", out, re.MULTILINE))
    assert codes == {"hidden-character"}, out
    assert_safe(out)
    assert 'title.en contains U+001B (escape), U+0007 (bell): "Mini\\x1b]52;c;ZXZpbA==\\x07' in out
    assert "U+202E (right-to-left override)" in out and "U+009B (control sequence" in out
    # One finding per line: as many lines as findings plus the summary.
    assert len(out.splitlines()) == out.count("[hidden-character]") + 1


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_status_timeline_and_show(runner: CliRunner, hostile: Path, lang: str, color: bool) -> None:
    common = ("-f", str(hostile), "--lang", lang, "--as-of", "2025-06-01")
    for width in (40, 60, 80):
        for args in (
            ("status", *common),
            ("timeline", *common),
            ("timeline", *common, "--ascii"),
            *(("show", ident, *common) for ident in KINDS),
        ):
            code, out = run_merged(runner, *args, "--width", str(width), color=color)
            assert code == 0, (args, out)
            assert_safe(out, color=color)
            # Escapes take the cells they are shown in: the layout still fits the width.
            widest = max(cell_len(SGR.sub("", line)) for line in out.splitlines())
            assert widest <= max(width, 60 if args[0] == "timeline" else 0), (args, out)
    _, out = run_merged(runner, "show", "task-a1", *common)
    assert "\\x1b]52;c;ZXZpbA==\\x07" in out and "\\n" not in out  # the note's lines stay lines
    _, out = run_merged(runner, "status", *common)
    assert ("Mini\\x1b]52;c;ZXZpbA==\\x07 roadmap" if lang == "en" else "ミニ\\x1b]52") in out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_status_markdown_and_list(runner: CliRunner, hostile: Path, lang: str) -> None:
    code, out = run_merged(
        runner, "status", "-f", str(hostile), "--lang", lang, "--format", "markdown"
    )
    assert code == 0
    assert_safe(out)
    for kind in ("items", "tasks", "courses", "owners", "phases", "working-groups", "topics"):
        code, out = run_merged(runner, "list", "--kind", kind, "-f", str(hostile), "--lang", lang)
        assert code == 0 and out.strip(), (kind, out)
        assert_safe(out)
        assert len(out.splitlines()) == len(out.strip().split("\n"))


def test_validate_quotes_hostile_values_and_keys_safely(runner: CliRunner, tmp_path: Path) -> None:
    # A key that is not in the schema: quoted in the schema finding, and a newline in it
    # must not start a line that reads as another finding.
    text = hostile_text().replace(
        "            recurring: true\n",
        '            "recurring\\nforged.yaml:1:1: error: forged [anchor]\\e[2K\\u202e": true\n'
        "            recurring: true\n",
    )
    path = tmp_path / "hostile-key.yaml"
    path.write_text(text, encoding="utf-8")
    for output_format in ("text", "github", "json", "sarif"):
        code, out = run_merged(
            runner, "validate", str(path), "--schema", str(SCHEMA), "--format", output_format
        )
        assert code == 1, out
        assert_safe(out)
        assert not any(line.startswith("forged.yaml") for line in out.splitlines()), out
        if output_format in ("text", "github"):
            assert "recurring\\nforged.yaml:1:1: error: forged [anchor]\\x1b[2K<U+202E>" in out
        elif output_format == "json":  # still JSON: hidden characters written as \\u escapes
            messages = [d["message"] for d in json.loads(out)["files"][0]["diagnostics"]]
            assert any("unknown key 'recurring" in m for m in messages), messages
    code, out = run_merged(
        runner, "validate", str(path), "--schema", str(SCHEMA), "--format", "github"
    )
    assert all(line.startswith("::") for line in out.splitlines()), out


def test_diff_of_two_files(runner: CliRunner, hostile: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(
        hostile_text().replace(
            "            recurring: true\n",
            '            recurring: true\n            "k\\e]8;;x\\a\\ney": "v\\u202e"\n',
        ),
        encoding="utf-8",
    )
    for old, new_file in ((MINIMAL, hostile), (hostile, new), (MINIMAL, new)):
        for color in (False, True):
            code, out = run_merged(runner, "diff", "--files", str(old), str(new_file), color=color)
            assert code == 1, out
            assert_safe(out, color=color)
    _, out = run_merged(runner, "diff", "--files", str(MINIMAL), str(hostile), "--lang", "en")
    assert "Item \\x1b]8;;https://x.invalid/\\x07A" in out


def test_textconv_of_a_hostile_and_a_broken_file(runner: CliRunner, hostile: Path) -> None:
    result = runner.invoke(app, ["textconv", str(hostile)])
    assert result.exit_code == 0
    out = result.stdout_bytes.decode("utf-8")
    assert_safe(out + result.stderr)
    assert "title.en = Mini\\x1b]52;c;ZXZpbA==\\x07 roadmap" in out
    # Not YAML (a raw ESC is refused by the parser): shown as it is, but for the controls.
    broken = hostile.with_name("broken.yaml")
    # Its line ends (CRLF too) and tabs are layout and stay; a lone CR would overwrite a line.
    broken.write_bytes("a: [\n  b\x1b]52;c;eA==\x07 \u202e\r\n\tc\rd\n".encode())
    result = runner.invoke(app, ["textconv", str(broken)])
    assert result.exit_code == 0
    assert result.stdout_bytes == b"a: [\n  b\\x1b]52;c;eA==\\x07 <U+202E>\r\n\tc\\rd\n"
    assert "showing the file as it is" in result.stderr
    assert_safe(result.stderr)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.slow
def test_history_and_git_textconv_with_a_hostile_author(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "work"
    roadmap = new_repo(
        root, MINIMAL, author="Alice", email="mallory@example.org", subject="Published",
        date="2024-05-01T10:00:00+09:00",
    )  # fmt: skip
    roadmap.write_text(hostile_text(), encoding="utf-8")
    author = "Mal\x1b]52;c;ZXZpbA==\x07lory \u202eevil\u200b"
    git(
        root, "commit", "-q", "-am", "Subject \x1b]8;;https://x.invalid/\x07click\x1b]8;;\x07 \x9b2J",
        date="2024-06-01T10:00:00+09:00", GIT_AUTHOR_NAME=author, GIT_COMMITTER_NAME=author,
    )  # fmt: skip
    assert "\x1b" in git(root, "log", "-1", "--format=%an%s")  # git kept them raw
    monkeypatch.chdir(root)
    for args in (
        ("history",),
        ("history", "--width", "50"),
        ("history", "--ascii"),
        ("history", "task-a1"),
        ("diff", "HEAD~1", "HEAD"),
        ("status", "--rev", "HEAD"),
        ("show", "item-a", "--rev", "HEAD"),
        ("timeline", "--rev", "HEAD"),
    ):
        for color in (False, True):
            code, out = run_merged(runner, *args, "--lang", "en", color=color)
            assert code in (0, 1), (args, out)
            assert_safe(out, color=color)
    _, out = run_merged(runner, "history", "--lang", "en", "--width", "200")
    assert "Mal\\x1b]52;c;ZXZpbA==\\x07lory <U+202E>evil<U+200B>" in out
    assert "Subject \\x1b]8;;https://x.invalid/\\x07click" in out
    # git log -p through `jtr textconv`, as the README sets it up.
    (root / ".gitattributes").write_text("data/roadmap.yaml diff=jtr\n", encoding="utf-8")
    beside = Path(sys.executable).with_name("jtr")
    script = str(beside) if beside.is_file() else shutil.which("jtr")
    if script is None:
        pytest.skip("the jtr console script is not installed (history was checked)")
    git(root, "config", "diff.jtr.textconv", f"{script} textconv")
    out = git(root, "log", "-p", "-1", "--format=", "--no-color")
    assert "Mini\\x1b]52;c;ZXZpbA==\\x07 roadmap" in out
    assert_safe(out)


def test_show_of_a_4_mb_title_prints_a_screenful(runner: CliRunner, tmp_path: Path) -> None:
    big = "word " * (4 * 1024 * 1024 // 5)
    path = tmp_path / "big.yaml"
    path.write_text(
        MINIMAL.read_text(encoding="utf-8")
        .replace("en: Item A}", f'en: "{big}\\e]52;c;AA==\\a"}}')
        .replace("en: Task A1}", f'en: "{big}"}}'),
        encoding="utf-8",
    )
    for args in (
        ("show", "item-a"),
        ("show", "task-a1"),
        ("status",),
        ("timeline",),
        ("show", "c2024"),
    ):
        code, out = run_merged(runner, *args, "-f", str(path), "--lang", "en", "--width", "80")
        assert code == 0, out
        assert_safe(out)
        assert len(out) < 40_000, (args, len(out))  # a screenful, not 4 MB
    # How long it takes is measured by bench/bench_hostile.py (13-16 s for show before, when
    # rich wrapped all 4 MB), not asserted here.
