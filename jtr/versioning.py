"""The data-model version a roadmap declares, checked before anything reads its contents."""

from __future__ import annotations

from jtr import SCHEMA_VERSION
from jtr.diagnostics import Diagnostic
from jtr.labels import message
from jtr.loader import Document

CODES: dict[str, str] = {"schema-version": "The roadmap's model version is one jtr knows"}


def parse_version(value: str) -> tuple[int, int] | None:
    """`"1.0"` → (1, 0); anything else is the schema's to report."""
    major, dot, minor = value.partition(".")
    if dot and major.isdigit() and minor.isdigit() and major.isascii() and minor.isascii():
        return int(major), int(minor)
    return None


def check_schema_version(doc: Document) -> Diagnostic | None:
    """A roadmap written for a newer major model version than this jtr knows is refused."""
    value = doc.data.get("schema_version")
    version = parse_version(value) if isinstance(value, str) else None
    if version is None or version[0] <= SCHEMA_VERSION[0]:
        return None
    said = message("find_schema_version_newer", value=value, major=SCHEMA_VERSION[0])
    return doc.diagnostic(("schema_version",), "schema-version", said)
