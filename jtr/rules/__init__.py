"""Semantic rules: what JSON Schema cannot say about a roadmap.

Each rule is a generator registered under a stable code. Rules read the raw data defensively,
so they still run (and stay quiet about what they cannot read) on a file with schema errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from jtr.diagnostics import Diagnostic, Severity, YamlPath
from jtr.escape import clip
from jtr.loader import Document


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


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def shown(value: object, cells: int = 80) -> str:
    """A value from the file as a rule message quotes it: `'value'`, every hidden character
    shown visibly and cut to about `cells` cells, so a 50 MB id makes a one-line message."""
    return f"'{clip(value if isinstance(value, str) else str(value), cells)}'"


def _int(value: Any) -> int | None:
    """An integer, including one written 2025.0 (JSON Schema counts that as an integer too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


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
    """Typed-enough views of the raw data, each entry with its YAML path."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.data = doc.data

    def line_of(self, path: YamlPath) -> int:
        """The line a path starts on (used to name the first of two clashing places)."""
        return self.doc.positions.locate(path)[0]

    def entries(self, key: str) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
        for i, entry in enumerate(_list(self.data.get(key))):
            if isinstance(entry, dict):
                yield (key, i), entry

    def courses(self) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
        return self.entries("courses")

    def items(self) -> Iterator[tuple[YamlPath, dict[str, Any], dict[str, Any]]]:
        """(path, item, course) for every item of every course."""
        for cpath, course in self.courses():
            for i, item in enumerate(_list(course.get("items"))):
                if isinstance(item, dict):
                    yield (*cpath, "items", i), item, course

    def tasks(self) -> Iterator[tuple[YamlPath, dict[str, Any], dict[str, Any]]]:
        """(path, task, item) for every task."""
        for ipath, item, _course in self.items():
            for i, task in enumerate(_list(item.get("tasks"))):
                if isinstance(task, dict):
                    yield (*ipath, "tasks", i), task, item

    def goals(self) -> Iterator[tuple[YamlPath, dict[str, Any], dict[str, Any]]]:
        for cpath, course in self.courses():
            for i, goal in enumerate(_list(course.get("goals"))):
                if isinstance(goal, dict):
                    yield (*cpath, "goals", i), goal, course

    def topics(self) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
        study = _dict(self.data.get("further_study"))
        for i, topic in enumerate(_list(study.get("topics"))):
            if isinstance(topic, dict):
                yield ("further_study", "topics", i), topic

    def period(self) -> tuple[int, int] | None:
        period = _dict(_dict(self.data.get("meta")).get("period"))
        start, end = _int(period.get("from")), _int(period.get("to"))
        if start is None or end is None or start > end:
            return None
        if start not in SANE_YEARS or end not in SANE_YEARS:
            return None
        return start, end

    def ids(self, kind: str) -> dict[str, YamlPath]:
        """First path of each id of a kind (see rules.ids.KINDS)."""
        from jtr.rules.ids import collect

        first: dict[str, YamlPath] = {}
        for ident, path in collect(self, kind):
            first.setdefault(ident, path)
        return first


def run_rules(doc: Document, codes: set[str] | None = None) -> list[Diagnostic]:
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
from jtr.rules import dates, ids, references, structure, text, years  # noqa: E402, F401
