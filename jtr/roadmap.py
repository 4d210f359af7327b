"""Open a roadmap for the views, exports and edits: the same checks as `jtr validate`.

Every command reads a roadmap through `open_roadmap`: load → version → JSON Schema → rules →
typed model. A file whose exact bytes passed before, against a schema of the same exact bytes,
comes from the parse cache (see jtr.cache) and skips the checks, so the views usually start
without jsonschema or a YAML parser; a file that passes now is remembered.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.fileio import ReadError
from jtr.labels import message
from jtr.loader import Document, decode, load_document, read_bytes, utf8_body
from jtr.model import Roadmap, build

# A finding no file should ever get: the checks passed, yet the model could not be built.
CODES: dict[str, str] = {"model": "The roadmap that passed the checks builds into the model"}


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

    A file that passed these checks before, byte for byte and against a schema of the same
    bytes as now, comes from the parse cache and is not checked again (see jtr.cache); one
    that passes now is remembered with its schema's bytes.
    """
    from jtr import cache
    from jtr.schemaline import choose_schema  # says, as every run does, a `$schema` it ignores

    name = display or str(path)
    raw = read_bytes(path, name)
    try:
        body = utf8_body(raw, name)
        schema = choose_schema(path, Document(name, body, {}).head, name)
        schema_raw = _bytes_of(schema)  # the result depends on the schema as much as the file
        data = None if schema_raw is None else cache.lookup(path, raw, depends=schema_raw)
        if data is not None:
            return LoadedRoadmap(path, Document(name, body, data), build(data))
        doc = load_document(body, name)
    except LoadError as exc:
        raise RoadmapInvalid(exc.diagnostics) from None
    loaded = _checked(path, doc)
    if schema_raw is not None and _bytes_of(schema) == schema_raw:  # not changed meanwhile
        cache.store(path, raw, doc.data, depends=schema_raw)
    return loaded


def _bytes_of(schema: Path) -> bytes | None:
    """A schema's bytes for the cache key; None if it cannot be read (the checks will say)."""
    try:
        return read_bytes(schema, str(schema))
    except (ReadError, OSError):
        return None


def open_roadmap_bytes(raw: bytes, path: Path, display: str) -> LoadedRoadmap:
    """The same for bytes read elsewhere (a git revision); `path` is where its schema is found."""
    try:
        text = decode(raw, display)
        doc = load_document(text, display)
    except LoadError as exc:
        raise RoadmapInvalid(exc.diagnostics) from None
    return _checked(path, doc)


def _checked(path: Path, doc: Document) -> LoadedRoadmap:
    """The one pipeline every command shares: version → JSON Schema → rules → typed model.

    A roadmap with errors is refused with the findings `jtr validate` prints; warnings do not
    block. Only a file that passed all of it is built into the model, so no view, export or
    edit can crash or miscount on data that `validate` refuses.
    """
    from jtr.validate import SchemaCache, validate_document

    schema = SchemaCache().for_document(path, doc.head, doc.file)
    errors = [d for d in validate_document(doc, schema) if d.severity is Severity.ERROR]
    if errors:
        raise RoadmapInvalid(errors)
    try:
        model = build(doc.data)
    except (KeyError, TypeError, ValueError, AttributeError):
        # The schema and rules passed, yet the model could not be built: a gap between them
        # and the model. Refuse rather than guess, and say so plainly.
        raise RoadmapInvalid([doc.diagnostic((), "model", message("err_model_unbuilt"))]) from None
    return LoadedRoadmap(path, doc, model)
