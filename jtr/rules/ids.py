"""Ids are unique within their kind; item and task ids across the whole roadmap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from jtr import kinds as entity_kinds
from jtr.diagnostics import Severity, YamlPath
from jtr.labels import current_lang, message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context

# The kinds whose ids must be unique, by their English labels ("working group", "scope party"):
# every kind of jtr.kinds, the registry (which says where each stands in the YAML).
KINDS = tuple(k.label_of("en") for k in entity_kinds.KINDS)


def collect(context: Context, kind: str) -> Iterator[tuple[str, YamlPath]]:
    """Each id of a kind (named by its English label) with the path of its `id` key."""
    return _ids(context, next(k for k in entity_kinds.KINDS if k.label_of("en") == kind))


def _ids(context: Context, kind: entity_kinds.Kind) -> Iterator[tuple[str, YamlPath]]:
    for path, entry in context.entries(kind.name):
        ident = entry.get("id")
        if isinstance(ident, str):
            yield ident, (*path, "id")


@rule("duplicate-id", Severity.ERROR, "ids are unique within their kind")
def duplicate_ids(context: Context) -> Iterator[Finding]:
    for kind in entity_kinds.KINDS:
        seen: dict[str, YamlPath] = {}
        for ident, path in _ids(context, kind):
            if ident in seen:
                first = context.line_of(seen[ident])
                name = kind.label_of(current_lang())
                yield Finding(
                    path, message("find_duplicate_id", kind=name, ident=shown(ident), first=first)
                )
            else:
                seen[ident] = path
