"""Open a roadmap for the views (status, timeline, show, list) without importing jsonschema.

The fast path loads the YAML, checks the model version, builds the typed model and runs the
semantic rules. Only when something is wrong is the full validation (with jsonschema) run, so
that a broken file gets the same positioned findings as `jtr validate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.loader import Document, decode, load_text, read_bytes, utf8_body
from jtr.model import STATUSES, Roadmap, build
from jtr.versioning import check_schema_version


class RoadmapInvalid(Exception):
    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


class LoadedRoadmap(NamedTuple):
    path: Path
    document: Document
    model: Roadmap


def open_roadmap(path: Path, display: str | None = None) -> LoadedRoadmap:
    """Load and build a roadmap; ReadError if unreadable, RoadmapInvalid with findings if broken.

    A file that passed these checks before, byte for byte, comes from the parse cache and is
    not checked again (see jtr.cache); one that passes now is remembered.
    """
    from jtr import cache

    name = display or str(path)
    raw = read_bytes(path, name)
    data = cache.lookup(path, raw)
    try:
        body = utf8_body(raw, name)
        if data is not None:
            return LoadedRoadmap(path, Document(name, body, data), build(data))
        doc = Document(name, body, load_text(body, name))
    except LoadError as exc:
        raise RoadmapInvalid(exc.diagnostics) from None
    loaded = _checked(path, doc)
    cache.store(path, raw, doc.data)
    return loaded


def open_roadmap_bytes(raw: bytes, path: Path, display: str) -> LoadedRoadmap:
    """The same for bytes read elsewhere (a git revision); `path` is where its schema is found."""
    try:
        text = decode(raw, display)
        doc = Document(display, text, load_text(text, display))
    except LoadError as exc:
        raise RoadmapInvalid(exc.diagnostics) from None
    return _checked(path, doc)


def _checked(path: Path, doc: Document) -> LoadedRoadmap:
    version = check_schema_version(doc)
    if version is not None:
        raise RoadmapInvalid([version])
    try:
        model = build(doc.data)
        _check_statuses(model)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise RoadmapInvalid(_full_validation(path, doc)) from None
    from jtr.rules import run_rules

    errors = [d for d in run_rules(doc) if d.severity is Severity.ERROR]
    if errors:
        raise RoadmapInvalid(_full_validation(path, doc))
    return LoadedRoadmap(path, doc, model)


def _check_statuses(model: Roadmap) -> None:
    for task in model.tasks():
        for record in task.history:
            if record.status not in STATUSES:
                raise ValueError(record.status)


def _full_validation(path: Path, doc: Document) -> list[Diagnostic]:
    from jtr.validate import SchemaCache, validate_document

    schema = SchemaCache().for_document(path, doc.head)
    found = [d for d in validate_document(doc, schema) if d.severity is Severity.ERROR]
    if not found:  # the model could not be built, yet validation passed: say so plainly
        found = [doc.diagnostic((), "model", "the roadmap could not be read; run `jtr validate`")]
    return found
