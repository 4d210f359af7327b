"""Semantic rules: what JSON Schema cannot say about a roadmap.

Each rule is a generator registered under a stable code. Rules read the raw data through the
tolerant accessor (`jtr.access`, via `Context`), so they still run (and stay quiet about what
they cannot read) on a file with schema errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from jtr import access
from jtr.access import Entry, Placed
from jtr.diagnostics import Diagnostic, Severity, YamlPath
from jtr.escape import clip
from jtr.loader import Document, paused_gc


class Finding(NamedTuple):
    path: YamlPath
    message: str
    at_key: bool = False


class Rule(NamedTuple):
    code: str
    severity: Severity
    summary: str
    check: Callable[[Context], Iterator[Finding]]


REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity, summary: str) -> Callable[..., Any]:
    def register(
        check: Callable[[Context], Iterator[Finding]],
    ) -> Callable[[Context], Iterator[Finding]]:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, severity, summary, check)
        return check

    return register


def shown(value: object, cells: int = 80) -> str:
    """A value from the file as a rule message quotes it: `'value'`, every hidden character
    shown visibly and cut to about `cells` cells, so a 50 MB id makes a one-line message."""
    return f"'{clip(value if isinstance(value, str) else str(value), cells)}'"


# Years the rules reason about; anything outside is the schema's to report, not to iterate over.
SANE_YEARS = range(1868, 2201)


def number_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 9, 10] → [(1, 3), (7, 7), (9, 10)], so long runs print short."""
    ranges: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((n, n))
    return ranges


class Context:
    """The raw data as the rules read it: each kind's entries with their YAML paths (jtr.access),
    walked once per run and kept, since most rules read the same items and tasks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.data = doc.data
        self._placed: dict[str, tuple[Placed, ...]] = {}
        self._entries: dict[str, tuple[Entry, ...]] = {}

    def line_of(self, path: YamlPath) -> int:
        """The line a path starts on (used to name the first of two clashing places)."""
        return self.doc.positions.locate(path)[0]

    def entries(self, kind: str) -> tuple[Entry, ...]:
        """(path, entry) for every entry of a kind (by its name in jtr.kinds)."""
        found = self._entries.get(kind)
        if found is None:
            found = self._entries[kind] = tuple(access.entries(self.data, kind))
        return found

    def placed(self, kind: str) -> tuple[Placed, ...]:
        """(path, entry, parent) for every entry of a kind held in another entry's list."""
        found = self._placed.get(kind)
        if found is None:
            found = self._placed[kind] = tuple(access.placed(self.data, kind))
        return found

    def courses(self) -> tuple[Entry, ...]:
        return self.entries("course")

    def items(self) -> tuple[Placed, ...]:
        """(path, item, course) for every item of every course."""
        return self.placed("item")

    def tasks(self) -> tuple[Placed, ...]:
        """(path, task, item) for every task."""
        return self.placed("task")

    def goals(self) -> tuple[Placed, ...]:
        """(path, goal, course) for every goal of every course."""
        return self.placed("goal")

    def period(self) -> tuple[int, int] | None:
        span = access.span_at(self.data, "meta", "period")
        if span is None or span[0] > span[1]:
            return None
        if span[0] not in SANE_YEARS or span[1] not in SANE_YEARS:
            return None
        return span

    def ids(self, kind: str) -> dict[str, YamlPath]:
        """First path of each id of a kind (see rules.ids.KINDS)."""
        from jtr.rules.ids import collect

        first: dict[str, YamlPath] = {}
        for ident, path in collect(self, kind):
            first.setdefault(ident, path)
        return first


def run_rules(doc: Document, codes: set[str] | None = None) -> list[Diagnostic]:
    with paused_gc():  # the rules walk the whole roadmap and make no cycles
        return _run(doc, codes)


def _run(doc: Document, codes: set[str] | None) -> list[Diagnostic]:
    context = Context(doc)
    found: list[Diagnostic] = []
    for code, registered in REGISTRY.items():
        if codes is not None and code not in codes:
            continue
        for finding in registered.check(context):
            found.append(
                doc.diagnostic(
                    finding.path, code, finding.message, registered.severity, at_key=finding.at_key
                )
            )
    return found


__all__ = ["REGISTRY", "Context", "Finding", "Rule", "rule", "run_rules", "shown"]

# The rule modules register themselves on import; they need the names above, hence last.
from jtr.rules import (  # noqa: E402, F401
    dates,
    districts,
    ids,
    readings,
    references,
    revisions,
    structure,
    text,
    years,
)
