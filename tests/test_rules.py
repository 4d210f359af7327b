"""Every semantic rule on small YAML snippets: code, line, column and what the message says.

The snippets that must produce a finding live in one table, CASES, keyed by rule code; one
parametrized test runs them all, and the coverage test asks that every code in REGISTRY has a
case there. A case cannot be written without at least one expected finding, so a rule is
"covered" only by a test that asserts a finding of its code.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from jtr.diagnostics import Severity
from jtr.loader import Document, load_text
from jtr.rules import REGISTRY, run_rules
from jtr.schema import load_schema
from jtr.validate import schema_diagnostics

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "schema.json"

# Lines 1-3 of the snippets that need a roadmap period.
PERIOD = "meta:\n  period: {from: 2023, to: 2026}\n  fiscal_year_start_month: 4\n"


def document(snippet: str, *, period: bool = False) -> Document:
    text = (PERIOD if period else "") + textwrap.dedent(snippet).lstrip("\n")
    return Document("snippet.yaml", text, load_text(text, "snippet.yaml"))


def findings(snippet: str, code: str, *, period: bool = False) -> list[tuple[int, int, str]]:
    doc = document(snippet, period=period)
    return sorted((d.line, d.column, d.message) for d in run_rules(doc, {code}) if d.code == code)


@dataclass(frozen=True)
class Case:
    """One snippet and the findings of one rule code it must produce.

    at:     (line, column) of every finding of `code`, in order; never empty.
    says:   (index into the findings, text that finding's message must contain).
    period: prefix the snippet with PERIOD (lines 1-3).
    name:   tells apart several cases of one code.
    """

    code: str
    snippet: str
    at: tuple[tuple[int, int], ...]
    says: tuple[tuple[int, str], ...] = ()
    period: bool = False
    name: str = ""

    def __post_init__(self) -> None:
        if not self.at:
            raise ValueError(f"a case of {self.code} must expect at least one finding")

    @property
    def id(self) -> str:
        return f"{self.code}-{self.name}" if self.name else self.code


def uncovered(cases: Iterable[Case], codes: Iterable[str]) -> list[str]:
    """The codes no case asserts a finding of."""
    return sorted(set(codes) - {case.code for case in cases})


# Escapes in double quotes are how ESC, BEL and CSI get in (YAML refuses them raw); the
# bidirectional override and zero-width space may also stand raw in the file.
HIDDEN = """
meta:
  title: {ja: "題\u202e名", en: "a\\x1b]52;c;eA==\\x07b"}
  "ke\\ny": 1
owners:
  - short: {ja: "地\u200b活課"}
note: |
  a block scalar's line breaks
  are layout, not hidden text
"""

CASES: list[Case] = [
    Case(
        "duplicate-id",
        """
        courses:
          - id: c1
            items:
              - id: same
                tasks: [{id: t1}]
          - id: c2
            items:
              - id: same
                tasks: [{id: t1}]
        """,
        at=((8, 13), (9, 22)),
        says=(
            (0, "duplicate item id 'same' (first used at line 4)"),
            (1, "duplicate task id 't1' (first used at line 5)"),
        ),
        name="across-courses",
    ),
    Case(
        "duplicate-id",
        """
        owners:
          - id: a
          - id: a
        phases:
          - id: p
          - id: q
        """,
        at=((3, 9),),
        says=((0, "duplicate owner id 'a'"),),
        name="owner-and-phase",
    ),
    Case(
        "unknown-reference",
        """
        owners:
          - id: chikatsu
        courses:
          - id: c
            items:
              - id: i
                owners: [chikatsu, chikatu]
        """,
        at=((7, 28),),
        says=((0, "unknown owner 'chikatu'; did you mean 'chikatsu'?"),),
        name="owner-with-suggestion",
    ),
    Case(
        "unknown-reference",
        """
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
        """,
        at=((3, 13), (8, 24), (11, 27), (14, 20), (17, 21), (22, 17)),
        name="items-groups-parties",
    ),
    Case(
        "working-group-link",
        """
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
        """,
        at=((5, 13), (10, 24)),
    ),
    Case(
        "cross-course-reference",
        """
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
        """,
        at=((5, 39), (5, 42), (10, 17)),
        says=((0, "shared with its own item 'a'"),),
    ),
    Case(
        "goal-item-consistency",
        """
        courses:
          - id: c
            items: [{id: a}, {id: b}]
            goals:
              - id: g
                items: [a]
                states:
                  - items: [a, b]
        """,
        at=((8, 24),),
    ),
    Case(
        "year-order",
        """
        courses:
          - id: c
            items:
              - id: i
                tasks:
                  - id: t
                    fiscal_years: {from: 2026, to: 2025}
        """,
        at=((10, 34),),
        says=((0, "runs backwards: from FY2026 to FY2025"),),
        period=True,
    ),
    Case(
        "year-outside-period",
        """
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
        """,
        at=((6, 25), (12, 21), (17, 43)),
        says=((1, "FY2022 is outside the roadmap period FY2023–FY2026"),),
        period=True,
    ),
    Case(
        "phase-coverage",
        """
        phases:
          - id: a
            fiscal_years: {from: 2023, to: 2024}
          - id: b
            fiscal_years: {from: 2024, to: 2024}
        """,
        at=((4, 1), (8, 19)),
        says=((0, "no phase covers FY2025–FY2026"), (1, "phase 'b' overlaps phase 'a' in FY2024")),
        period=True,
    ),
    Case(
        "record-year",
        """
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
        """,
        at=((8, 69), (13, 63)),
    ),
    Case(
        "duplicate-number",
        """
        courses:
          - id: c
            items:
              - {id: a, number: 1}
              - {id: b, number: 1}
        """,
        at=((5, 25),),
        says=((0, "first at line 4"),),
    ),
    Case(
        "number-gap",
        """
        courses:
          - id: c
            items:
              - {id: a, number: 1}
              - {id: b, number: 4}
        """,
        at=((4, 7),),
        says=((0, "no item numbered 2–3"),),
    ),
    Case(
        "empty-item",
        """
        courses:
          - id: c
            items:
              - id: a
                tasks: [{id: t, shared_with: [b]}]
              - id: b
                tasks: []
              - id: lonely
                tasks: []
        """,
        at=((9, 16),),
        says=((0, "lonely"),),
    ),
    Case(
        "item-without-goal",
        """
        courses:
          - id: c
            items: [{id: a}, {id: b}]
            goals: [{id: g, items: [a]}]
        """,
        at=((3, 27),),
    ),
    Case(
        "invalid-date",
        """
        courses:
          - id: c
            items:
              - id: i
                decision: {date: 2025-02-30}
                tasks:
                  - id: t
                    history: [{status: done, date: 2024-13-01}]
        """,
        at=((5, 26), (8, 44)),
        says=((0, "2025-02-30"), (1, "2024-13-01")),
    ),
    Case(
        "history-order",
        """
        courses:
          - id: c
            items:
              - id: i
                tasks:
                  - id: t
                    history:
                      - {status: in_progress, date: 2025-01-10}
                      - {status: done, date: 2024-12-01}
        """,
        at=((9, 38),),
        says=((0, "oldest first"),),
    ),
    Case(
        "done-without-date",
        """
        courses:
          - id: c
            items:
              - id: i
                tasks:
                  - id: t
                    history:
                      - {status: done}
        """,
        at=((8, 17),),
    ),
    Case(
        "date-before-roadmap",
        """
        courses:
          - id: c
            items:
              - id: i
                realisation: {date: 2023-03-31}
                tasks:
                  - id: t
                    history: [{status: done, date: 2023-04-01}]
        """,
        at=((8, 29),),
        period=True,
    ),
    Case(
        "realised-before-decided",
        """
        courses:
          - id: c
            items:
              - id: i
                decision: {date: 2025-03-01}
                realisation: {date: 2025-02-01}
        """,
        at=((6, 29),),
    ),
    Case("hidden-character", HIDDEN, at=((2, 15), (2, 26), (3, 3), (5, 17))),
    Case(
        "district-reference",
        """
        districts:
          list:
            - {id: serita, name: {ja: 芹田地区, en: Serita}}
            - {id: togakushi, name: {ja: 戸隠地区, en: Togakushi}, hilly: true}
        courses:
          - id: c
            items:
              - id: i
                tasks:
                  - id: city
                    history:
                      - {status: done, date: "2024-05-01", district: serita}
                  - id: hills
                    districts: hilly
                    history:
                      - {status: done, date: "2024-05-01", district: serita}
                      - {status: done, date: "2024-05-01", district: togakushi}
                  - id: named
                    districts: [serita, nowhere]
                    history:
                      - {status: done, date: "2024-05-01", district: narnia}
        """,
        at=((12, 62), (16, 62), (19, 33), (21, 62)),
        says=(
            (0, "a record for district 'serita' on a task that is not done per district"),
            (1, "district 'serita' is not one of this task's districts"),
            (2, "unknown district 'nowhere'"),
            (3, "unknown district 'narnia'"),
        ),
    ),
    Case(
        "district-count",
        """
        districts:
          expected: {total: 32, hilly: 9}
          list:
            - {id: serita, name: {ja: 芹田地区, en: Serita}}
            - {id: togakushi, name: {ja: 戸隠地区, en: Togakushi}, hilly: true}
        """,
        at=((2, 21), (2, 32)),
        says=(
            (0, "the districts list has 2 districts, but the roadmap says 32"),
            (1, "the districts list has 1 wholly hilly districts, but the roadmap says 9"),
        ),
    ),
    Case(
        "bad-reading",
        """
        meta:
          period: {from: 2023, to: 2026}
        courses:
          - id: c
            items:
              - id: i
                owners: [o]
                shaded: null
        readings:
          - id: r
            about: [i.owners, i.shaded, meta.period, i.ownrs, nobody.number, "c.items[3]"]
            seed_lines: ["240", "254-240"]
        """,
        at=((11, 46), (11, 55), (11, 70), (12, 25)),
        says=(
            (0, "the reading's path 'i.ownrs' names no value of the roadmap"),
            (1, "'nobody.number'"),
            (2, "'c.items[3]'"),
            (3, "seed lines '254-240' run backwards"),
        ),
    ),
    Case(
        "revision-reference",
        """
        bodies:
          - id: committee
          - id: liaison-council
        revisions:
          - {id: r1, date: "2023-11", approved_by: committee}
          - {id: r2, date: "2024-06-01", approved_by: comittee}
          - {id: r3, date: "2025-06-01", approved_by: city-council}
        """,
        at=((6, 47), (7, 47)),
        says=((0, "unknown body 'comittee'; did you mean 'committee'?"), (1, "'city-council'")),
    ),
    Case(
        "revision-order",
        """
        meta:
          published: "2023-11"
        revisions:
          - {id: r1, date: "2023-11", approved_by: b}
          - {id: r2, date: "2024-06-01", approved_by: b}
          - {id: r3, date: "2024-06", approved_by: b}
          - {id: r4, date: "2024-05-31", approved_by: b}
          - {id: r5, date: "2023-10-31", approved_by: b}
        """,
        at=((7, 20), (8, 20)),
        says=(
            (0, "revision 'r4' is dated 2024-05-31, before revision 'r3' above it (2024-06)"),
            (1, "revision 'r5' is dated 2023-10-31, before the roadmap was published (2023-11)"),
        ),
    ),
    Case(
        "invalid-date",
        """
        revisions:
          - {id: r1, date: "2024-02-30", approved_by: b}
          - {id: r2, date: "2024-03", approved_by: b}
        """,
        at=((2, 20),),
        says=((0, "'2024-02-30' is not a real date"),),
        name="revision",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_finds(case: Case) -> None:
    found = findings(case.snippet, case.code, period=case.period)
    assert [(line, column) for line, column, _ in found] == list(case.at)
    for index, text in case.says:
        assert text in found[index][2]


def test_every_registered_rule_has_a_case() -> None:
    assert uncovered(CASES, REGISTRY) == [], "rules without a case in CASES"
    assert sorted({case.code for case in CASES} - set(REGISTRY)) == [], "cases of no rule"
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "two cases of one code need different names"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_coverage_check_reports_a_rule_without_a_case(code: str) -> None:
    assert uncovered([case for case in CASES if case.code != code], REGISTRY) == [code]


def test_a_case_must_expect_a_finding() -> None:
    with pytest.raises(ValueError, match="at least one finding"):
        Case("number-gap", "courses: []", at=())


def test_warnings_are_warnings() -> None:
    warnings = {code for code, rule in REGISTRY.items() if rule.severity is Severity.WARNING}
    assert {"done-without-date", "hidden-character"} <= warnings


def test_hidden_character_messages() -> None:
    messages = [message for _, _, message in findings(HIDDEN, "hidden-character")]
    assert messages[0] == 'meta.title.ja contains U+202E (right-to-left override): "題<U+202E>名"'
    assert messages[1].startswith("meta.title.en contains U+001B (escape), U+0007 (bell): ")
    assert messages[1].endswith('"a\\x1b]52;c;eA==\\x07b"')
    assert messages[2] == 'a key in meta contains U+000A (line feed): "ke\\ny"'
    assert messages[3].startswith("owners[0].short.ja contains U+200B (zero width space)")
    assert findings("title: {ja: 題, en: ｆｕｌｌ　ｗｉｄｔｈ}", "hidden-character") == []


# ---- wrong shapes are the schema's to report ------------------------------------------------

# Every value below has the wrong type or shape for its place. The rules read defensively:
# they must neither crash nor find anything, since the schema reports each of these.
NONSENSE = {
    "top-level": """
    meta: [1, 2]
    courses:
      - 7
      - id: c
        items: {a: 1}
        goals: "x"
    phases: {from: 1}
    working_groups: [null, {items: 3}]
    further_study: {topics: [{study_groups: [5]}]}
    """,
    "nested": """
    courses:
      - id: [c]
        target_fiscal_year: "2030"
        items:
          - id: {x: 1}
            number: two
            owners: chikatsu
            working_group: [wg]
            decision: 2025-01-01
            realisation: {date: [2025]}
            tasks:
              - 3
              - id: t
                fiscal_years: [2024, 2025]
                recurring: "yes"
                shared_with: x
                history: {status: done}
              - id: u
                fiscal_years: {from: "2024", to: null}
                history: [7, {status: [done], date: 20240101, fiscal_year: "2024"}]
        goals:
          - id: g
            items: i
            states: [1, {items: 2}]
    owners: [{id: 1}, "x"]
    phases: [{id: p, fiscal_years: 2024}, {fiscal_years: {from: x}}]
    scope: {parties: 1, areas: [{parties: {a: 1}}]}
    further_study: {topics: [{id: x, study_groups: {fiscal_year: 1}}]}
    """,
}


def nonsense_cases() -> list[object]:
    return [
        pytest.param(code, shape, period, id=f"{code}-{shape}{'-period' if period else ''}")
        for code in sorted(REGISTRY)
        for shape in NONSENSE
        for period in (False, True)
        if not (period and shape == "top-level")  # its meta is the nonsense
    ]


@pytest.mark.parametrize(("code", "shape", "period"), nonsense_cases())
def test_rules_are_quiet_on_nonsense(code: str, shape: str, period: bool) -> None:
    doc = document(NONSENSE[shape], period=period)
    assert [(d.code, d.line, d.column, d.message) for d in run_rules(doc, {code})] == []


@pytest.mark.parametrize("shape", sorted(NONSENSE))
def test_the_schema_reports_the_nonsense(shape: str) -> None:
    """So the rules' silence above hides nothing: the schema speaks for these shapes."""
    doc = document(NONSENSE[shape])
    assert list(schema_diagnostics(doc, load_schema(SCHEMA)))
