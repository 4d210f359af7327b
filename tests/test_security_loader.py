"""Hostile input to the loader and the schema check: line separators, line endings, anchored
patterns, numbers that are no numbers, and values too large to quote (issue 9).

The single-file cases live in the bad-input corpus (tests/bad/160-179); these tests cover what
a corpus file cannot: every command on one file, the loader's own API, and generated inputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import invoke
from typer.testing import CliRunner

from jtr.diagnostics import LoadError
from jtr.loader import MAX_NUMBER_DIGITS, NumberTooLong, PositionIndex, load_text, resolve_plain
from jtr.model import build
from jtr.validate import ecma_regex

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "data" / "schema.json"
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


def roadmap(tmp_path: Path, old: str, new: str, name: str = "roadmap.yaml") -> Path:
    assert MINIMAL.count(old) == 1, old
    path = tmp_path / name
    path.write_text(MINIMAL.replace(old, new), encoding="utf-8", newline="")
    return path


def codes(error: LoadError) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in error.diagnostics]


# ---- U+0085, U+2028, U+2029 --------------------------------------------------------------


@pytest.mark.parametrize("as_bytes", [False, True])
@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_a_separator_in_a_comment_hides_nothing(separator: str, as_bytes: bool) -> None:
    text = f"a: 1\n# note{separator}b: 2\nc: 3\n"
    with pytest.raises(LoadError) as caught:
        load_text(text.encode("utf-8") if as_bytes else text)
    assert codes(caught.value) == [("line-separator", 2, 7)]
    assert f"U+{ord(separator):04X}" in caught.value.diagnostics[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: x\u2028y\n",  # a plain value
        "a: |\n  x\u2028y\n",  # a block scalar
        "a: [x, \u2028y]\n",  # between flow entries
        "a\u2028b: 1\n",  # a key
    ],
)
def test_separators_outside_quotes_are_refused_where_they_stand(text: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_text(text)
    offset = text.index("\u2028")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert ("line-separator", line, column) in codes(caught.value)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_inside_quotes_they_are_text_and_later_positions_stay_right(as_bytes: bool) -> None:
    text = (
        'a: "x\u2028y"\n'
        "b: 'p\x85q\u2029r'\n"
        '"k\u2028ey": 1\n'
        "c: [1, 2]\n"
    )  # fmt: skip
    data = load_text(text.encode("utf-8") if as_bytes else text)
    assert data == {"a": "x\u2028y", "b": "p\x85q\u2029r", "k\u2028ey": 1, "c": [1, 2]}
    index = PositionIndex(text.encode("utf-8") if as_bytes else text)
    assert index.locate(("c", 1)) == (4, 8)
    assert index.key_position(("k\u2028ey",)) == (3, 1)


def test_a_hidden_record_is_refused_by_every_command(runner: CliRunner, tmp_path: Path) -> None:
    """The attack: a done record after U+2028 in a comment, one line in any editor."""
    path = roadmap(
        tmp_path,
        '                date: "2024-05-01"\n',
        '                date: "2024-05-01"\n'
        "              # checked\u2028              - {status: done, date: '2024-06-01'}\n",
    )
    before = path.read_bytes()
    for args in (
        ["validate", str(path), "--schema", str(SCHEMA)],
        ["status", "-f", str(path), "--as-of", "2025-03-31"],
        ["export", "--format", "json", "-f", str(path)],
        ["set", "task-a1", "-s", "done", "-d", "2025-01-10", "-f", str(path)],
    ):
        result = invoke(runner, *args)
        assert result.exit_code == 1, result.output
        assert ":87:24: error: U+2028 (LINE SEPARATOR)" in result.output
        assert "[line-separator]" in result.output
    assert path.read_bytes() == before


# ---- line endings ------------------------------------------------------------------------


def test_cr_only_files_report_the_lines_an_editor_shows() -> None:
    text = "a: 1\rb: [1,\r  2]\rc: x\r"
    index = PositionIndex(text)
    assert index.locate(("c",)) == (4, 4)
    with pytest.raises(LoadError) as caught:
        load_text("a: 1\rb: 2\rb: 3\r")
    assert codes(caught.value) == [("duplicate-key", 3, 1)]
    assert "first defined at line 2" in caught.value.diagnostics[0].message


def test_a_bad_byte_in_a_cr_only_file_is_placed_on_its_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(b"a: 1\rb: 2\rc: x\xe9\r")
    result = invoke(runner, "validate", str(path), "--schema", str(SCHEMA))
    assert result.exit_code == 1
    assert "roadmap.yaml:3:5: error: invalid UTF-8 byte 0xe9 [encoding]" in result.output


def test_a_cr_only_roadmap_can_be_edited_and_keeps_its_line_endings(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(MINIMAL.replace("\n", "\r").encode("utf-8"))
    result = invoke(runner, "set", "task-a1", "-s", "done", "-d", "2025-01-10", "-f", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert b"\n" not in after
    assert b'              - status: done\r                date: "2025-01-10"\r' in after
    assert invoke(runner, "validate", str(path), "--schema", str(SCHEMA)).exit_code == 0


# ---- patterns are ECMA-262 ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^[a-z0-9][a-z0-9-]*$", "welfare-workers-decide", True),
        ("^[a-z0-9][a-z0-9-]*$", "welfare-workers-decide\n", False),
        ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2024-05-01\n", False),
        ("^\\d{4}$", "2024", True),
        ("^\\d{4}$", "２０２４", False),  # full-width digits: no ECMA digits
        ("^[\\d-]+$", "12-3", True),
        ("^[$]+$", "$$", True),  # a $ in a class is a dollar sign
        ("^a\\$$", "a$", True),  # so is an escaped one
        ("^[]$]+$", "]$", True),  # a ] first in a class belongs to it (as Python reads it)
        ("x$|^y", "x\n", False),
    ],
)
def test_patterns_mean_what_ecma_262_says(pattern: str, text: str, matches: bool) -> None:
    assert (ecma_regex(pattern).search(text) is not None) is matches


def test_every_anchored_schema_pattern_refuses_a_final_newline() -> None:
    patterns = set(re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', SCHEMA.read_text("utf-8")))
    assert patterns
    for escaped in patterns:
        pattern = json.loads(f'"{escaped}"')
        assert pattern.endswith("$")
        compiled = ecma_regex(pattern)
        sample = {
            "^[a-z0-9][a-z0-9-]*$": "an-id",
            "^[0-9]+\\.[0-9]+$": "1.0",
            "^[1-9][0-9]*(-[1-9][0-9]*)?$": "499-513",  # a reading's seed lines
            "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+|\\[[0-9]+\\])*$": "item.tasks[0].fiscal_years",
            "^[0-9a-f]{7,40}$": "3a3809f",  # a revision's baseline commit
        }.get(pattern, "2024-05-01" if "{2}-[0-9]{2}" in pattern else "2024-05")
        assert compiled.search(sample), pattern
        assert not compiled.search(sample + "\n"), pattern


def test_an_id_ending_in_a_newline_is_refused_by_every_command(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = roadmap(tmp_path, "          - id: task-b1\n", '          - id: "task-b1\\n"\n')
    before = path.read_bytes()
    for args in (
        ["validate", str(path), "--schema", str(SCHEMA)],
        ["status", "-f", str(path), "--as-of", "2025-03-31"],
        ["export", "--format", "ics", "-f", str(path)],
        ["export", "--format", "mermaid", "-f", str(path)],
        ["set", "task-a1", "-s", "done", "-d", "2025-01-10", "-f", str(path)],
    ):
        result = invoke(runner, *args)
        assert result.exit_code == 1, result.output
        assert ':99:17: error: id: the text "task-b1\\n" is not an id' in result.output
    assert path.read_bytes() == before


# ---- numbers -----------------------------------------------------------------------------


def test_an_integer_past_the_digit_limit_is_a_finding_not_a_crash() -> None:
    assert resolve_plain("9" * MAX_NUMBER_DIGITS) == int("9" * MAX_NUMBER_DIGITS)
    with pytest.raises(NumberTooLong):
        resolve_plain("-" + "9" * (MAX_NUMBER_DIGITS + 1))
    assert load_text('a: "' + "9" * 5000 + '"\n') == {"a": "9" * 5000}  # quoted: text
    with pytest.raises(LoadError) as caught:
        load_text("a: 1\nb: !!int " + "9" * 5000 + "\n")
    assert codes(caught.value) == [("number-too-long", 2, 4)]


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{path}", "--schema", str(SCHEMA)],
        ["status", "-f", "{path}", "--as-of", "2025-03-31"],
        ["export", "--format", "json", "-f", "{path}"],
    ],
)
def test_a_5000_digit_number_in_every_command(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    path = roadmap(tmp_path, "        number: 2\n", "        number: " + "9" * 5000 + "\n")
    result = invoke(runner, *(a.replace("{path}", str(path)) for a in args))
    assert result.exit_code == 1, result.output
    assert ":92:17: error: a number of 5,000 digits" in result.output
    assert "[number-too-long]" in result.output
    assert len(result.output) < 1000


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (".inf", "got .inf (or too large to hold, such as 1e999): it is not a finite number"),
        ("1e999", "got .inf (or too large to hold, such as 1e999): it is not a finite number"),
        ("-.inf", "got -.inf (or too large to hold, such as -1e999): it is not a finite number"),
        (".nan", "got .nan: it is not a finite number"),
    ],
)
def test_a_number_field_takes_only_finite_numbers(
    runner: CliRunner, tmp_path: Path, written: str, shown: str
) -> None:
    """`number` (which jtr's own schema does not use, but a schema may) excludes .inf/.nan."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema["$defs"]["meta"]["properties"]["fiscal_year_start_month"] = {"type": "number"}
    custom = tmp_path / "schema.json"
    custom.write_text(json.dumps(schema), encoding="utf-8")
    path = roadmap(
        tmp_path, "  fiscal_year_start_month: 4\n", f"  fiscal_year_start_month: {written}\n"
    )
    result = invoke(runner, "validate", str(path), "--schema", str(custom))
    assert result.exit_code == 1, result.output
    assert f":13:28: error: fiscal_year_start_month: expected a number, {shown}" in result.output
    path.write_text(MINIMAL.replace("month: 4\n", "month: 4.5\n"), encoding="utf-8")
    assert invoke(runner, "validate", str(path), "--schema", str(custom)).exit_code == 0


WHOLE_FLOAT_COMMANDS = [
    ["status", "--as-of", "2025-03-31"],
    ["status", "--as-of", "2025-03-31", "--format", "json"],
    ["timeline", "--as-of", "2025-03-31"],
    ["show", "item-a", "--as-of", "2025-03-31"],
    ["list", "--kind", "tasks"],
    *(
        ["export", "--format", fmt, "-o", f"{{out}}/export.{fmt}"]
        for fmt in ("json", "csv", "xlsx", "ics", "html", "markdown", "mermaid", "svg")
    ),
    ["set", "task-a1", "-s", "done", "-d", "2025-01-10"],
    ["decide", "item-a", "--date", "2025-01-10"],
]


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("    from: 2024\n", "    from: 2024.0\n", ":11:11:", "got 2024.0 (write 2024)"),
        (
            "  fiscal_year_start_month: 4\n",
            "  fiscal_year_start_month: 4.0\n",
            ":13:28:",
            "got 4.0 (write 4)",
        ),
    ],
)
def test_a_whole_number_written_as_a_float_is_refused_by_every_command(
    runner: CliRunner, tmp_path: Path, old: str, new: str, where: str, message: str
) -> None:
    path = roadmap(tmp_path, old, new)
    out = tmp_path / "out"
    out.mkdir()
    before = path.read_bytes()
    for command in WHOLE_FLOAT_COMMANDS:
        args = [a.replace("{out}", str(out)) for a in command]
        result = invoke(runner, *args, "-f", str(path))
        assert result.exit_code == 1, (args, result.output)
        assert f"{where} error: " in result.output and message in result.output, result.output
    assert path.read_bytes() == before
    assert not list(out.iterdir())


@pytest.mark.parametrize("value", [2024.0, True, float("inf")])
def test_the_model_refuses_what_is_not_a_whole_number(value: object) -> None:
    data = load_text(MINIMAL)
    data["meta"]["period"]["from"] = value
    with pytest.raises(TypeError):
        build(data)


def test_every_json_output_refuses_nan_and_infinity() -> None:
    """A hard guarantee behind validation: no JSON jtr writes can hold Infinity or NaN.

    (Only the review renderers, which show broken revisions as they are, are left out.)"""
    calls = 0
    for source in sorted((ROOT / "jtr").rglob("*.py")):
        if source.parent.name == "review":
            continue
        text = source.read_text(encoding="utf-8")
        for match in re.finditer(r"json\.dumps\(", text):
            before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if "#" in before or "`" in before:  # a comment or a docstring naming it
                continue
            depth, end = 0, match.end() - 1
            for end in range(match.end() - 1, len(text)):
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
            call = text[match.start() : end + 1]
            if "json.dumps(o)" in call:  # a schema's enum values in a message, not output
                continue
            calls += 1
            assert "allow_nan=False" in call, f"{source}: {call}"
    assert calls >= 5


# ---- sizes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [2_000_000, pytest.param(50_000_000, marks=pytest.mark.slow, id="50MB")]
)
def test_a_huge_value_gives_a_short_message(runner: CliRunner, tmp_path: Path, size: int) -> None:
    big = "x" * size
    path = roadmap(
        tmp_path, "              - status: in_progress\n", f'              - status: "{big}"\n'
    )
    result = invoke(runner, "validate", str(path), "--schema", str(SCHEMA))
    assert result.exit_code == 1
    assert len(result.output.encode("utf-8")) < 10_000
    assert ':85:25: error: status: the text "xxxxxxxx' in result.output
    assert '…" is not one of: planned' in result.output


def test_long_keys_and_values_are_shortened_in_every_message(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Keys longer than YAML's 1,024-character limit for plain keys, written as explicit keys."""
    key = "k" * 100_000
    twice = roadmap(
        tmp_path,
        "        shaded: null\n",
        f"        shaded: null\n        ? {key}\n        : 1\n        ? {key}\n        : 2\n",
    )
    result = invoke(runner, "validate", str(twice), "--schema", str(SCHEMA))
    assert result.exit_code == 1
    assert ":100:11: error: duplicate key 'kkkk" in result.output
    assert "…': first defined at line 98, again at line 100 [duplicate-key]" in result.output
    assert len(result.output) < 1_000
    once = roadmap(
        tmp_path, "        shaded: null\n", f"        shaded: null\n        ? {key}\n        : 1\n"
    )
    result = invoke(runner, "validate", str(once), "--schema", str(SCHEMA))
    assert result.exit_code == 1
    assert ":98:11: error: items[1]: unknown key 'kkkk" in result.output
    assert len(result.output) < 1_000
