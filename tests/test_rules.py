"""One test per semantic rule, on a small YAML snippet: code, line and column."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from jtr.diagnostics import Severity
from jtr.loader import Document, load_text
from jtr.rules import REGISTRY, run_rules


def findings(snippet: str, code: str, *, period: bool = False) -> list[tuple[int, int, str]]:
    text = (PERIOD if period else "") + textwrap.dedent(snippet).lstrip("\n")
    doc = Document("snippet.yaml", text, load_text(text, "snippet.yaml"))
    return sorted((d.line, d.column, d.message) for d in run_rules(doc, {code}) if d.code == code)


def positions(snippet: str, code: str, *, period: bool = False) -> list[tuple[int, int]]:
    return [(line, column) for line, column, _ in findings(snippet, code, period=period)]


# Lines 1-3 of the snippets that need a roadmap period.
PERIOD = "meta:\n  period: {from: 2023, to: 2026}\n  fiscal_year_start_month: 4\n"


def test_duplicate_id_across_courses() -> None:
    snippet = """
    courses:
      - id: c1
        items:
          - id: same
            tasks: [{id: t1}]
      - id: c2
        items:
          - id: same
            tasks: [{id: t1}]
    """
    found = findings(snippet, "duplicate-id")
    assert [(line, col) for line, col, _ in found] == [(8, 13), (9, 22)]
    assert "duplicate item id 'same' (first used at line 4)" in found[0][2]
    assert "duplicate task id 't1' (first used at line 5)" in found[1][2]


def test_duplicate_id_owner_and_phase() -> None:
    snippet = """
    owners:
      - id: a
      - id: a
    phases:
      - id: p
      - id: q
    """
    assert positions(snippet, "duplicate-id") == [(3, 9)]


def test_unknown_reference_owner_with_suggestion() -> None:
    snippet = """
    owners:
      - id: chikatsu
    courses:
      - id: c
        items:
          - id: i
            owners: [chikatsu, chikatu]
    """
    found = findings(snippet, "unknown-reference")
    assert [(line, col) for line, col, _ in found] == [(7, 28)]
    assert "unknown owner 'chikatu'; did you mean 'chikatsu'?" in found[0][2]


def test_unknown_reference_items_groups_parties() -> None:
    snippet = """
    working_groups:
      - id: wg
        items: [nope]
    courses:
      - id: c
        items:
          - id: i
            working_group: wg-x
            tasks:
              - id: t
                shared_with: [ghost]
        goals:
          - id: g
            items: [i, missing]
            states:
              - text: {ja: x}
                items: [lost]
    scope:
      parties: [{id: city}]
      areas:
        - id: a
          parties: [town]
    """
    assert positions(snippet, "unknown-reference") == [
        (3, 13),
        (8, 24),
        (11, 27),
        (14, 20),
        (17, 21),
        (22, 17),
    ]


def test_working_group_link_both_ways() -> None:
    snippet = """
    working_groups:
      - id: wg-a
        items: [other]
      - id: wg-b
        items: [i]
    courses:
      - id: c
        items:
          - id: i
            working_group: wg-a
          - id: other
    """
    found = findings(snippet, "working-group-link")
    assert [(line, col) for line, col, _ in found] == [(5, 13), (10, 24)]


def test_cross_course_reference() -> None:
    snippet = """
    courses:
      - id: c1
        items:
          - id: a
            tasks: [{id: t, shared_with: [a, b]}]
      - id: c2
        items: [{id: b}]
        goals:
          - id: g
            items: [a, b]
    """
    found = findings(snippet, "cross-course-reference")
    assert [(line, col) for line, col, _ in found] == [(5, 39), (5, 42), (10, 17)]
    assert "shared with its own item 'a'" in found[0][2]


def test_goal_item_consistency() -> None:
    snippet = """
    courses:
      - id: c
        items: [{id: a}, {id: b}]
        goals:
          - id: g
            items: [a]
            states:
              - items: [a, b]
    """
    assert positions(snippet, "goal-item-consistency") == [(8, 24)]


def test_year_order() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            tasks:
              - id: t
                fiscal_years: {from: 2026, to: 2025}
    """
    found = findings(snippet, "year-order", period=True)
    assert [(line, col) for line, col, _ in found] == [(10, 34)]
    assert "runs backwards: from FY2026 to FY2025" in found[0][2]


def test_year_outside_period() -> None:
    snippet = """
    courses:
      - id: c
        target_fiscal_year: 2030
        items:
          - id: i
            tasks:
              - id: t
                fiscal_years:
                  from: 2022
                  to: 2024
    further_study:
      topics:
        - id: x
          study_groups: [{id: s, fiscal_year: 2019}]
    """
    found = findings(snippet, "year-outside-period", period=True)
    assert [(line, col) for line, col, _ in found] == [(6, 25), (12, 21), (17, 43)]
    assert "FY2022 is outside the roadmap period FY2023–FY2026" in found[1][2]


def test_phase_coverage_gap_and_overlap() -> None:
    snippet = """
    phases:
      - id: a
        fiscal_years: {from: 2023, to: 2024}
      - id: b
        fiscal_years: {from: 2024, to: 2024}
    """
    found = findings(snippet, "phase-coverage", period=True)
    assert [(line, col) for line, col, _ in found] == [(4, 1), (8, 19)]
    assert "no phase covers FY2025–FY2026" in found[0][2]
    assert "phase 'b' overlaps phase 'a' in FY2024" in found[1][2]


def test_record_year() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            tasks:
              - id: once
                fiscal_years: {from: 2024, to: 2024}
                history: [{status: done, date: 2024-06-01, fiscal_year: 2024}]
              - id: yearly
                recurring: true
                fiscal_years: {from: 2024, to: 2026}
                history:
                  - {status: done, date: 2024-04-10, fiscal_year: 2023}
    """
    found = findings(snippet, "record-year")
    assert [(line, col) for line, col, _ in found] == [(8, 69), (13, 63)]


def test_duplicate_number() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - {id: a, number: 1}
          - {id: b, number: 1}
    """
    found = findings(snippet, "duplicate-number")
    assert [(line, col) for line, col, _ in found] == [(5, 25)]
    assert "first at line 4" in found[0][2]


def test_number_gap() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - {id: a, number: 1}
          - {id: b, number: 4}
    """
    found = findings(snippet, "number-gap")
    assert [(line, col) for line, col, _ in found] == [(4, 7)]
    assert "no item numbered 2–3" in found[0][2]


def test_empty_item_unless_shared() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: a
            tasks: [{id: t, shared_with: [b]}]
          - id: b
            tasks: []
          - id: lonely
            tasks: []
    """
    assert positions(snippet, "empty-item") == [(9, 16)]


def test_item_without_goal() -> None:
    snippet = """
    courses:
      - id: c
        items: [{id: a}, {id: b}]
        goals: [{id: g, items: [a]}]
    """
    assert positions(snippet, "item-without-goal") == [(3, 27)]


def test_invalid_date() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            decision: {date: 2025-02-30}
            tasks:
              - id: t
                history: [{status: done, date: 2024-13-01}]
    """
    assert positions(snippet, "invalid-date") == [(5, 26), (8, 44)]


def test_history_order() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            tasks:
              - id: t
                history:
                  - {status: in_progress, date: 2025-01-10}
                  - {status: done, date: 2024-12-01}
    """
    found = findings(snippet, "history-order")
    assert [(line, col) for line, col, _ in found] == [(9, 38)]
    assert "oldest first" in found[0][2]


def test_done_without_date_is_a_warning() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            tasks:
              - id: t
                history:
                  - {status: done}
    """
    assert positions(snippet, "done-without-date") == [(8, 17)]
    assert REGISTRY["done-without-date"].severity is Severity.WARNING


def test_date_before_roadmap() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            realisation: {date: 2023-03-31}
            tasks:
              - id: t
                history: [{status: done, date: 2023-04-01}]
    """
    assert positions(snippet, "date-before-roadmap", period=True) == [(8, 29)]


def test_realised_before_decided() -> None:
    snippet = """
    courses:
      - id: c
        items:
          - id: i
            decision: {date: 2025-03-01}
            realisation: {date: 2025-02-01}
    """
    assert positions(snippet, "realised-before-decided") == [(6, 29)]


def test_hidden_character_in_text_and_keys() -> None:
    # Escapes in double quotes are how ESC, BEL and CSI get in (YAML refuses them raw); the
    # bidirectional override and zero-width space may also stand raw in the file.
    snippet = """
    meta:
      title: {ja: "題\u202e名", en: "a\\x1b]52;c;eA==\\x07b"}
      "ke\\ny": 1
    owners:
      - short: {ja: "地\u200b活課"}
    note: |
      a block scalar's line breaks
      are layout, not hidden text
    """
    found = findings(snippet, "hidden-character")
    assert [(line, col) for line, col, _ in found] == [(2, 15), (2, 26), (3, 3), (5, 17)]
    messages = [message for _, _, message in found]
    assert messages[0] == 'meta.title.ja contains U+202E (right-to-left override): "題<U+202E>名"'
    assert messages[1].startswith("meta.title.en contains U+001B (escape), U+0007 (bell): ")
    assert messages[1].endswith('"a\\x1b]52;c;eA==\\x07b"')
    assert messages[2] == 'a key in meta contains U+000A (line feed): "ke\\ny"'
    assert messages[3].startswith("owners[0].short.ja contains U+200B (zero width space)")
    assert REGISTRY["hidden-character"].severity is Severity.WARNING
    assert findings("title: {ja: 題, en: ｆｕｌｌ　ｗｉｄｔｈ}", "hidden-character") == []


def test_every_registered_rule_has_a_test_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [code for code in REGISTRY if f'"{code}"' not in source]
    assert not untested, f"rules without a test: {untested}"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rules_are_quiet_on_nonsense(code: str) -> None:
    # Rules read defensively: wrong shapes are the schema's to report, not a crash.
    snippet = """
    meta: [1, 2]
    courses:
      - 7
      - id: c
        items: {a: 1}
        goals: "x"
    phases: {from: 1}
    working_groups: [null, {items: 3}]
    further_study: {topics: [{study_groups: [5]}]}
    """
    findings(snippet, code)
