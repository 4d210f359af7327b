"""The bad-input corpus: every file in tests/bad/ through `jtr validate`, with what it must say.

Each file in tests/bad/ is one case. Its expected outcome lives in EXPECTED below, keyed by
file name (one mechanism for all cases, including the binary, UTF-16 and empty files that
cannot carry a comment). The files' own first-line comments only describe the case for a
reader; nothing parses them. tests/make_bad_corpus.py shows how each file was made.

Most files are tests/fixtures/minimal.yaml with one change. Their expectations name the spot by
text, `at="    to: ‸20255"`: the text occurs once in the file and ‸ marks the character the
finding points at, so the line and column follow minimal.yaml when it changes. Only the small
files written from scratch state a literal line and column.

Where jtr is wrong today, the case still states the right behaviour and is marked xfail
(strict), so the mark has to go when jtr is fixed.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import checked
from typer.testing import CliRunner, Result

from jtr.cli import app

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "data" / "schema.json"
BAD = ROOT / "tests" / "bad"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
MARK = "‸"  # in an `at` text: the character a finding points at
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends an editor and jtr count

TIME_LIMIT = 10.0  # seconds per run: a guard against alias bombs and runaway rules, not speed
NAME = re.compile(r"^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$")
DIAGNOSTIC = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
    r"(?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Expect:
    """What `jtr validate FILE --schema data/schema.json` must do with one corpus file.

    exit:       expected exit code (0 valid or warnings only, 1 findings, 2 cannot run).
    code/at/severity: one diagnostic that must be printed, as
                `FILE:line:column: severity: ... [code]`; code None = any code at that place.
                `at` is a text found once in the file, with MARK where the finding points
                (see position()); a file not cut from minimal.yaml may give line and column.
    lines:      texts (as `at`) whose line numbers must be named in the output, "line N".
    also:       further codes that must appear somewhere.
    exact:      no codes other than `code` and `also` may appear.
    contains/absent: text that must / must not appear in the output.
    max_output: an upper bound on the output's length (messages must stay readable).
    xfail:      why jtr gets this case wrong today (the case is then a strict xfail).
    """

    exit: int
    code: str | None = None
    line: int | None = None
    column: int | None = None
    at: str | None = None
    severity: str = "error"
    lines: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    exact: bool = True
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    max_output: int | None = None
    xfail: str | None = None


def valid(*contains: str) -> Expect:
    """A file that must pass with no findings at all."""
    return Expect(exit=0, contains=("valid (schema", *contains))


def warning(code: str, at: str, *contains: str) -> Expect:
    """A rule warning: printed and positioned, but exit 0 without --strict."""
    return Expect(0, code, at=at, severity="warning", contains=contains)


# fmt: off
EXPECTED: dict[str, Expect] = {
    # ---- YAML syntax: positioned where the parser stops, or where the mistake opened ------
    "01-syntax-unclosed-flow-sequence.yaml": Expect(1, "yaml-syntax", 4, 7, contains=("']'",)),
    "02-syntax-unclosed-flow-mapping.yaml": Expect(1, "yaml-syntax", 4, 7, contains=("'}'",)),
    "03-syntax-bad-indentation.yaml": Expect(1, "yaml-syntax", 6, 4),
    "04-syntax-tab-indentation.yaml": Expect(1, "yaml-syntax", 4, 1, contains=("tab",)),
    "05-syntax-unterminated-quote.yaml": Expect(
        1, "yaml-syntax", 2, 17, contains=("quoted scalar",),
    ),
    "06-syntax-unterminated-single-quote.yaml": Expect(
        1, "yaml-syntax", 3, 7, contains=("quoted scalar",),
    ),
    # ---- constructs a roadmap never needs ----------------------------------------------------
    "07-duplicate-key.yaml": Expect(
        1, "duplicate-key", 5, 3, contains=("'id'", "line 4", "line 5")
    ),
    "08-duplicate-key-nested.yaml": Expect(
        1, "duplicate-key", 9, 13, contains=("'title'", "line 8", "line 9")
    ),
    "09-anchor.yaml": Expect(1, "anchor", 2, 10, contains=("&p",)),
    "10-alias.yaml": Expect(1, "alias", 3, 9, also=("anchor",), contains=("*p",)),
    "11-merge-key.yaml": Expect(1, "merge-key", 3, 3, contains=("<<",)),
    "12-billion-laughs.yaml": Expect(1, "anchor", 2, 7, also=("alias",)),
    "13-tag-python-object.yaml": Expect(
        1, "tag", 2, 10, contains=("!!python/object/apply:os.system",)
    ),
    "14-tag-custom.yaml": Expect(1, "tag", 3, 7, contains=("!custom",)),
    "15-tag-binary.yaml": Expect(1, "tag", 3, 7, contains=("!!binary",)),
    "16-tag-int-mismatch.yaml": Expect(1, "tag", 3, 28, contains=("'April'", "!!int")),
    "17-complex-key.yaml": Expect(1, "complex-key", 3, 5),
    "18-too-deep.yaml": Expect(1, "too-deep", 2, 67, contains=("64",)),
    # ---- not a single mapping document -------------------------------------------------------
    "19-top-level-list.yaml": Expect(1, "not-mapping", 2, 1, contains=("a list",)),
    "20-top-level-scalar.yaml": Expect(1, "not-mapping", 2, 1, contains=("just some text",)),
    "21-empty.yaml": Expect(1, "empty", 1, 1),
    "22-comments-only.yaml": Expect(1, "empty", 1, 1),
    "23-two-documents.yaml": Expect(1, "multiple-documents", 3, 1),
    "24-document-marker-only.yaml": Expect(1, "empty", 1, 1),
    # ---- encodings ---------------------------------------------------------------------------
    "25-utf16-le-bom.yaml": Expect(1, "encoding", 1, 1, contains=("UTF-16",)),
    "26-utf16-be-bom.yaml": Expect(1, "encoding", 1, 1, contains=("UTF-16",)),
    "27-utf16-le-no-bom.yaml": Expect(1, "encoding", 1, 1, contains=("UTF-16",)),
    "28-shift-jis.yaml": Expect(1, "encoding", 3, 7, contains=("Shift_JIS",)),
    "29-nul-byte.yaml": Expect(1, "encoding", 3, 8, contains=("NUL",)),
    "30-invalid-utf8-line3.yaml": Expect(1, "encoding", 3, 9, contains=("0xff",)),
    "31-invalid-utf8-after-bom.yaml": Expect(
        1, "encoding", 3, 9, contains=("0xff",),
    ),
    "32-invalid-utf8-not-shift-jis.yaml": Expect(
        1, "encoding", 3, 8, contains=("0xff",), absent=("Shift_JIS",),
    ),
    "33-control-character.yaml": Expect(
        1, "yaml-syntax", 3, 9, contains=("control character",),
    ),
    "34-utf8-bom-crlf-valid.yaml": valid(),
    "35-utf8-bom-crlf-finding.yaml": Expect(1, "schema-version", at='schema_version: ‸"2.0"'),
    # ---- the JSON Schema, reworded -----------------------------------------------------------
    "40-schema-text-for-number.yaml": Expect(
        1, "schema", at="        number: ‸two\n", contains=("whole number", '"two"')
    ),
    "41-schema-yes-for-boolean.yaml": Expect(
        1, "schema", at="    city_members_only: ‸yes\n", contains=('"yes"', "true or false")
    ),
    "42-schema-unquoted-010-title-passes.yaml": valid(),
    "43-schema-bare-date-passes.yaml": valid(),
    "44-schema-number-for-text.yaml": Expect(
        1, "schema", at="title: {ja: ‸10, en: Item B}", contains=("quotes",)
    ),
    "45-schema-bad-status.yaml": Expect(
        1, "schema", at="- status: ‸in-progress",
        contains=('"in-progress"', "did you mean 'in_progress'"),
    ),
    "46-schema-bad-id-pattern.yaml": Expect(
        1, "schema", at="- id: ‸Task_A2", contains=('"Task_A2"', "an id")
    ),
    "47-schema-missing-required.yaml": Expect(
        1, "schema", at="      - ‸id: item-b\n", contains=("missing required key 'shaded'",)
    ),
    "48-schema-unknown-key-typo.yaml": Expect(
        1, "schema", at="            ‸recuring: true",
        contains=("unknown key 'recuring'", "did you mean 'recurring'"),
    ),
    "49-schema-version-newer-major.yaml": Expect(
        1, "schema-version", at='schema_version: ‸"2.0"', contains=("2.0", "newer")
    ),
    "50-schema-version-unquoted.yaml": Expect(
        1, "schema", at="schema_version: ‸1.0", contains=("1.0", "quotes"),
    ),
    "51-schema-null-title.yaml": Expect(
        1, "schema", at="  - id: committee\n    title:‸\n", contains=("nothing (null)",)
    ),
    "52-schema-month-out-of-range.yaml": Expect(
        1, "schema", at="fiscal_year_start_month: ‸13", contains=("at most 12",)
    ),
    "53-schema-bad-published-month.yaml": Expect(
        1, "schema", at='published: ‸"2023-13"', contains=("YYYY-MM",)
    ),
    "54-schema-empty-text.yaml": Expect(
        1, "schema", at='{ja: ‸"", en: Method}', contains=("must not be empty",)
    ),
    "55-schema-duplicate-owner-ref.yaml": Expect(
        1, "schema", at="owners: ‸[council, council]", contains=("council more than once",)
    ),
    "56-schema-number-for-span.yaml": Expect(
        1, "schema", at="fiscal_years: ‸2025\n", contains=("a mapping",)
    ),
    "57-schema-bad-date-format.yaml": Expect(
        1, "schema", at='date: ‸"2024/05/01"', contains=("YYYY-MM-DD",)
    ),
    "58-schema-fullwidth-date.yaml": Expect(1, None, at="date: ‸２０２４-０５-０１", exact=False),
    "59-schema-float-years-backwards.yaml": Expect(
        1, None, at="{from: ‸2025.0, to: 2024.0}", exact=False,
    ),
    "60-schema-date-trailing-newline.yaml": Expect(
        1, None, at="date: ‸|\n                  2024-05-01", exact=False,
    ),
    "61-schema-quoted-boolean.yaml": Expect(1, "schema", at='shaded: ‸"true"', contains=('"true"',)),
    "62-schema-fiscal-year-below-minimum.yaml": Expect(
        1, "schema", at="target_fiscal_year: ‸1988", also=("year-outside-period",),
        contains=("at least 1989",),
    ),
    "63-schema-fullwidth-published.yaml": Expect(1, "schema", at='published: ‸"２０２３-11"'),
    # ---- one case per rule code in jtr.rules.REGISTRY ----------------------------------------
    "70-rule-invalid-date.yaml": Expect(
        1, "invalid-date", at='date: ‸"2025-02-30"', contains=("2025-02-30",)
    ),
    "71-rule-history-order.yaml": Expect(1, "history-order", at='date: ‸"2024-04-10"'),
    "72-rule-done-without-date.yaml": warning(
        "done-without-date", "              - ‸status: done\n", "task-a1"
    ),
    "73-rule-date-before-roadmap.yaml": warning(
        "date-before-roadmap", 'date: ‸"2024-03-31"', "2024-04-01"
    ),
    "74-rule-realised-before-decided.yaml": warning(
        "realised-before-decided", 'realisation: {date: ‸"2025-05-01"}'
    ),
    "75-rule-duplicate-id.yaml": Expect(
        1, "duplicate-id", at="        tasks:\n          - id: ‸task-a2\n", contains=("'task-a2'",),
        lines=("- id: task-a2\n            title: {ja: 課題A2",),
    ),
    "76-rule-unknown-reference.yaml": Expect(
        1, "unknown-reference", at="owners: [‸citty]", contains=("'citty'", "did you mean 'city'")
    ),
    "77-rule-working-group-link.yaml": warning(
        "working-group-link", "        owners: [city]\n        working_group: ‸wg-a\n"
    ),
    "78-rule-cross-course-reference.yaml": warning(
        "cross-course-reference", "shared_with: [‸item-a]"
    ),
    "79-rule-goal-item-consistency.yaml": warning(
        "goal-item-consistency", "{ja: 状態, en: State}\n            items: [‸item-a]"
    ),
    "80-rule-duplicate-number.yaml": Expect(
        1, "duplicate-number", at="      - id: item-b\n        number: ‸1\n",
        lines=("      - id: item-a\n        ‸number: 1\n",),
    ),
    "81-rule-number-gap.yaml": warning("number-gap", "      ‸- id: item-a\n", "numbered 2"),
    "82-rule-empty-item.yaml": warning("empty-item", "tasks: ‸[]", "item-b"),
    "83-rule-item-without-goal.yaml": warning("item-without-goal", "- id: ‸item-b\n", "item-b"),
    "84-rule-year-order.yaml": Expect(
        1, "year-order", at="{from: ‸2025, to: 2024}", contains=("backwards",)
    ),
    "85-rule-year-outside-period.yaml": Expect(
        1, "year-outside-period", at="{from: 2025, to: ‸2026}"
    ),
    "86-rule-phase-coverage-overlap.yaml": Expect(
        1, "phase-coverage",
        at="    title: {ja: 着陸期, en: Landing}\n    fiscal_years: ‸{from: 2025, to: 2025}",
    ),
    "87-rule-phase-coverage-gap.yaml": Expect(
        1, "phase-coverage", at="‸phases:\n", contains=("FY2025",)
    ),
    "88-rule-record-year.yaml": Expect(1, "record-year", at="                fiscal_year: ‸2024"),
    # ---- inputs that crash or overwhelm the rules --------------------------------------------
    "90-crash-period-from-zero.yaml": Expect(
        1, "schema", at="    from: ‸0\n", exact=False, contains=("at least 1989",),
    ),
    "91-crash-item-id-list.yaml": Expect(1, "schema", at="- id: ‸[item-b]", exact=False),
    "92-huge-number-gap.yaml": Expect(
        0, "number-gap", at="      ‸- id: item-a\n", severity="warning", max_output=2000,
    ),
    "93-huge-period-typo.yaml": Expect(
        1, "schema", at="    to: ‸20255", exact=False, max_output=2000,
    ),
    "94-rule-bad-reading.yaml": Expect(
        1, "bad-reading", at="about: [‸item-a.ownrs]", contains=("'item-a.ownrs'",)
    ),
    "95-rule-district-reference.yaml": Expect(
        1, "district-reference", at="district: ‸serita", contains=("'serita'",)
    ),
    "96-rule-district-count.yaml": warning("district-count", "expected: {total: ‸32}"),
    "97-rule-revision-reference.yaml": Expect(
        1, "revision-reference", at="approved_by: ‸comittee", contains=("did you mean 'committee'",)
    ),
    "98-rule-revision-order.yaml": Expect(
        1, "revision-order", at='date: ‸"2023-11"', contains=("'mini-2023'", "'mini-2024'")
    ),
    # ---- the loader and numbers (160-179) ------------------------------------------------------
    "160-line-separator-in-comment.yaml": Expect(
        1, "line-separator", at="# checked‸\u2028", contains=("U+2028 (LINE SEPARATOR)",),
    ),
    "161-next-line-in-plain-value.yaml": Expect(
        1, "line-separator", at="numeral: Ⅰ‸\x85Ⅱ", contains=("U+0085 (NEXT LINE)",),
    ),
    "162-paragraph-separator-in-block.yaml": Expect(
        1, "line-separator", at="ミニ‸\u2029ロードマップ",
        contains=("U+2029 (PARAGRAPH SEPARATOR)",),
    ),
    "163-line-separator-quoted-positions.yaml": Expect(
        1, "schema", at="number: ‸'2'", exact=False,
        absent=("[line-separator]", "[yaml-syntax]"),
    ),
    "164-cr-only-line-endings.yaml": Expect(1, "schema", at="number: ‸'2'"),
    "165-cr-only-bad-byte.yaml": Expect(
        1, "encoding", at="title: {ja: Mini‸\ufffd", contains=("0xe9",)
    ),
    "166-id-trailing-newline.yaml": Expect(
        1, "schema", at='- id: ‸"task-b1\\n"', exact=False,
        contains=('"task-b1\\n" is not an id',),
    ),
    "167-huge-integer.yaml": Expect(
        1, "number-too-long", at="number: ‸99999", contains=("5,000 digits",), max_output=1000,
    ),
    "168-infinite-month.yaml": Expect(
        1, "schema", at="  fiscal_year_start_month: ‸.inf\n",
        contains=("got .inf", "is not a finite number"),
    ),
    "169-overflowing-year.yaml": Expect(
        1, "schema", at="    to: ‸1e999", exact=False, contains=("1e999", "is not a finite number"),
    ),
    "170-nan-number.yaml": Expect(
        1, "schema", at="number: ‸.nan", exact=False,
        contains=("got .nan: it is not a finite number",),
    ),
    "171-negative-infinity-year.yaml": Expect(
        1, "schema", at="{from: ‸-.inf, to: 2025}", exact=False,
        contains=("got -.inf", "is not a finite number"),
    ),
    "172-whole-float-year.yaml": Expect(
        1, "schema", at="    from: ‸2024.0",
        contains=("expected a whole number, got 2024.0 (write 2024)",),
    ),
    "173-whole-float-month.yaml": Expect(
        1, "schema", at="  fiscal_year_start_month: ‸4.0\n",
        contains=("expected a whole number, got 4.0 (write 4)",),
    ),
    # ---- text that would control a terminal (140-159) ---------------------------------------
    "140-hidden-bidi-override.yaml": warning(
        "hidden-character", "en: ‸Item \u202eA}",
        'title.en contains U+202E (right-to-left override): "Item <U+202E>A"',
    ),
    "141-hidden-escape-sequences.yaml": Expect(
        0, "hidden-character", at='en: ‸"Task \\e]52;', severity="warning",
        contains=("U+001B (escape), U+0007 (bell)", '"Task \\x1b]52;c;ZXZpbA==\\x07'),
        absent=("\x1b", "\x07"),
    ),
    "142-hidden-key-newline.yaml": Expect(
        1, "schema", at='            ‸"recurring\\nforged', also=("hidden-character",),
        contains=("unknown key 'recurring\\nforged.yaml:1:1: warning: forged [anchor]'",),
        absent=("\nforged.yaml",),
    ),
    "143-hidden-zero-width-and-csi.yaml": Expect(
        0, "hidden-character", at='note: ‸"\\x9b2J', severity="warning",
        contains=(
            'owners[0].short.ja contains U+200B (zero width space): "住<U+200B>自協"',
            "U+009B (control sequence introducer), U+000D (carriage return)",
        ),
        absent=("\u200b", "\x9b", "\r"),
    ),
}
# fmt: on


def corpus() -> list[str]:
    return sorted(p.name for p in BAD.iterdir() if p.is_file())


def corpus_text(name: str) -> str:
    return (BAD / name).read_bytes().decode("utf-8-sig", errors="replace")


def position(name: str, anchor: str) -> tuple[int, int]:
    """Line and column (1-based, in characters, as jtr counts them) of MARK in `anchor`, whose
    text (without MARK) must occur exactly once in the corpus file; no MARK means its start."""
    before, marked, after = anchor.partition(MARK)
    if not marked:
        before, after = "", anchor
    text = corpus_text(name)
    found = text.count(before + after)
    assert found == 1, f"{name}: {anchor!r} occurs {found} times; it must name one place"
    offset = text.index(before + after) + len(before)
    breaks = list(LINE_BREAK.finditer(text, 0, offset))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


def expected_place(name: str, expect: Expect) -> tuple[int, int] | None:
    if expect.at is not None:
        return position(name, expect.at)
    if expect.line is not None and expect.column is not None:
        return expect.line, expect.column
    return None


def cut_from_minimal(name: str) -> bool:
    """Whether the file is minimal.yaml with a change or two (by most of its lines)."""
    ours = [line for line in LINE_BREAK.split(corpus_text(name)) if not line.startswith("#")]
    base = MINIMAL.read_text(encoding="utf-8").splitlines()
    base = [line for line in base if not line.startswith("#")]
    return difflib.SequenceMatcher(None, ours, base, autojunk=False).ratio() > 0.5


def cases() -> list[object]:
    params: list[object] = []
    for name in sorted(EXPECTED):
        expect = EXPECTED[name]
        marks = [pytest.mark.xfail(strict=True, reason=expect.xfail)] if expect.xfail else []
        params.append(pytest.param(name, expect, id=name, marks=marks))
    return params


def run_validate(path: Path, *extra: str) -> tuple[Result, float]:
    started = time.monotonic()
    result = CliRunner().invoke(app, ["validate", str(path), "--schema", str(SCHEMA), *extra])
    return result, time.monotonic() - started


def assert_ran_cleanly(result: Result, elapsed: float) -> str:
    """No crash and no runaway work; returns everything the run printed."""
    output = checked(result, ["validate"]).output  # stdout and stderr, interleaved
    assert elapsed < TIME_LIMIT, f"took {elapsed:.1f}s"
    return output


def diagnostics(output: str) -> list[re.Match[str]]:
    return list(DIAGNOSTIC.finditer(output))


@pytest.mark.parametrize(("name", "expect"), cases())
def test_bad_input(name: str, expect: Expect) -> None:
    result, elapsed = run_validate(BAD / name)
    output = assert_ran_cleanly(result, elapsed)
    shown = output if len(output) < 3000 else output[:3000] + "…"
    assert result.exit_code == expect.exit, shown
    assert name in output, shown
    found = diagnostics(output)
    assert all(d["file"].endswith(name) for d in found), shown
    place = expected_place(name, expect)
    if place is not None:
        at = [
            d
            for d in found
            if (int(d["line"]), int(d["column"])) == place and expect.code in (None, d["code"])
        ]
        where = f"{name}:{place[0]}:{place[1]}: [{expect.code or 'any code'}]"
        assert at, f"expected {where}\n{shown}"
        assert at[0]["severity"] == expect.severity, shown
        if expect.code is not None:
            assert f"[{expect.code}]" in at[0].group(0)
    elif expect.exit == 0:
        assert not found, shown
    codes = {d["code"] for d in found}
    assert set(expect.also) <= codes, shown
    if expect.exact and expect.code is not None:
        assert codes == {expect.code, *expect.also}, shown
    for text in expect.contains:
        assert text in output, f"{text!r} not in\n{shown}"
    for anchor in expect.lines:
        named = f"line {position(name, anchor)[0]}"
        assert named in output, f"{named!r} ({anchor!r}) not in\n{shown}"
    for text in expect.absent:
        assert text not in output, f"{text!r} in\n{shown}"
    if expect.max_output is not None:
        assert len(output) <= expect.max_output, f"{len(output)} characters of output"


@pytest.mark.parametrize(
    "name",
    [
        n
        for n, e in sorted(EXPECTED.items())
        if e.severity == "warning" and e.exit == 0 and not e.xfail
    ],
)
def test_warning_cases_fail_under_strict(name: str) -> None:
    result, elapsed = run_validate(BAD / name, "--strict")
    output = assert_ran_cleanly(result, elapsed)
    assert result.exit_code == 1, output
    assert f"[{EXPECTED[name].code}]" in output


# ---- the corpus itself ------------------------------------------------------------------------


def test_corpus_is_large_enough() -> None:
    assert len(corpus()) >= 40


def test_every_corpus_file_has_an_expectation_and_back() -> None:
    files = set(corpus())
    assert sorted(files - set(EXPECTED)) == [], "files in tests/bad/ without an expectation"
    assert sorted(set(EXPECTED) - files) == [], "expectations without a file in tests/bad/"


def test_corpus_file_names() -> None:
    assert [n for n in corpus() if not NAME.match(n)] == []


def test_cases_cut_from_minimal_name_their_spot_by_text() -> None:
    """A literal line number in a case cut from minimal.yaml breaks when minimal.yaml changes."""
    literal = [
        name
        for name, e in EXPECTED.items()
        if (e.line is not None or any(re.search(r"\bline \d", text) for text in e.contains))
        and cut_from_minimal(name)
    ]
    assert literal == [], "give these `at=` / `lines=` texts instead of line numbers"
    assert cut_from_minimal("93-huge-period-typo.yaml")
    assert not cut_from_minimal("07-duplicate-key.yaml")


def test_every_anchor_names_one_place() -> None:
    for name, e in EXPECTED.items():
        for anchor in (*filter(None, [e.at]), *e.lines):
            position(name, anchor)
    with pytest.raises(AssertionError, match="occurs 2 times"):
        position("75-rule-duplicate-id.yaml", "- id: ‸task-a2")
    assert position("07-duplicate-key.yaml", "  ‸id: other") == (5, 3)
    assert position("30-invalid-utf8-line3.yaml", "日本‸\ufffd語") == (3, 9)  # the bad byte
    assert position("31-invalid-utf8-after-bom.yaml", "# BOM") == (1, 1)  # the BOM is no column


def test_every_rule_code_has_a_case() -> None:
    from jtr.rules import REGISTRY

    covered = {e.code for e in EXPECTED.values() if not e.xfail}
    assert sorted(set(REGISTRY) - covered) == []


def test_minimal_fixture_is_valid() -> None:
    result, elapsed = run_validate(MINIMAL, "--strict")
    output = assert_ran_cleanly(result, elapsed)
    assert result.exit_code == 0, output
    assert "valid (schema" in output


# ---- deep nesting, generated rather than stored ---------------------------------------------


def _deep(tmp_path: Path, depth: int) -> Path:
    path = tmp_path / f"deep-{depth}.yaml"
    path.write_text("[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    result, elapsed = run_validate(_deep(tmp_path, depth))
    output = assert_ran_cleanly(result, elapsed)
    assert result.exit_code == 1, output
    (found,) = diagnostics(output)
    assert found["code"] == "too-deep" and found["line"] == "1", output
    assert found["file"].endswith(f"deep-{depth}.yaml")


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_points_at_the_first_level_too_many(tmp_path: Path, depth: int) -> None:
    result, elapsed = run_validate(_deep(tmp_path, depth))
    output = assert_ran_cleanly(result, elapsed)
    assert f"deep-{depth}.yaml:1:65: error: " in output, output


# ---- the real console script, in its own process ------------------------------------------


def _jtr_script() -> str | None:
    beside = Path(sys.executable).with_name("jtr")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("jtr")


@pytest.mark.parametrize("case", ["billion-laughs", "deep-100000"])
def test_console_script_survives_hostile_input(tmp_path: Path, case: str) -> None:
    script = _jtr_script()
    if script is None:
        pytest.skip("the jtr console script is not installed")
    if case == "billion-laughs":
        path, codes = BAD / "12-billion-laughs.yaml", {"anchor", "alias"}
    else:
        path, codes = _deep(tmp_path, 100_000), {"too-deep"}
    started = time.monotonic()
    proc = subprocess.run(
        [script, "validate", str(path), "--schema", str(SCHEMA)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}"
    assert proc.returncode == 1, output
    assert "Traceback" not in output, output
    found = diagnostics(output)
    assert found and {d["code"] for d in found} == codes, output
    assert all(d["file"].endswith(path.name) for d in found)
    assert elapsed < TIME_LIMIT, f"took {elapsed:.1f}s"
