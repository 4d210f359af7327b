"""Finding, loading and checking the roadmap's JSON Schema (imports jsonschema lazily)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jtr.diagnostics import Diagnostic, SchemaBroken, Severity
from jtr.labels import message
from jtr.loader import PositionIndex, decode, read_bytes, worded

MAX_SCHEMA_DEPTH = 64  # levels of JSON nesting; jtr's own schema needs fewer than 10
# The codes of the findings about a schema, with what each checks.
CODES: dict[str, str] = {
    "schema-json": "The schema file is valid JSON",
    "schema-invalid": "The schema is a valid JSON Schema",
    "schema-too-deep": "The schema nests at most 64 levels",
    "schema-remote-ref": "Every $ref stays inside the schema document (nothing is fetched)",
    "schema-bad-ref": "Every $ref points at something in the schema",
    "schema-recursive-ref": "No $ref loops without reaching the data",
}
# Cache entries of schemas that passed every check here: the meta-schema, the nesting limit
# and "every reference stays inside the document" (the name changes when the checks do).
_CACHE_KIND = "schema-local"


@dataclass
class Schema:
    """A schema document that has passed its meta-schema."""

    file: str
    data: dict[str, Any]
    # Whether load_schema checked it (meta-schema, nesting, every reference inside the
    # document without a loop): only then may jsonschema-rs decide (see `fast`).
    checked: bool = False

    @cached_property
    def validator(self) -> Any:
        from referencing import Registry

        from jtr.validate import jtr_validator_class  # JSON's numbers, ECMA-262's patterns

        cls = jtr_validator_class(_validator_class(self.data))
        # A registry with no retrieval: a reference is resolved inside this document or not
        # at all (jsonschema's default would fetch URLs and open file: URIs).
        return _Guarded(cls(inline_local_refs(self.data), registry=Registry()), self.file)

    @cached_property
    def fast(self) -> Callable[[Any], bool] | None:
        """jsonschema-rs's `is_valid` for this schema, or None where it may not decide.

        It only ever says *that* data is valid: where it says no, the precise validator above
        says where and why. So it is used only when it cannot accept what the precise one
        refuses (see `fast_blockers`), with a retriever that refuses every other document
        (jsonschema-rs would otherwise fetch `http(s):` and open `file:` references), and
        never when jsonschema-rs is not installed.
        """
        return fast_validator(self.data) if self.checked else None


class _Guarded:
    """A jsonschema validator whose `iter_errors` ends in SchemaBroken, never a traceback,
    should validation still meet a reference it cannot resolve inside the document or a loop
    of references (load_schema refuses such schemas before; this is the last line)."""

    def __init__(self, validator: Any, file: str) -> None:
        self._validator = validator
        self._file = file

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        from referencing.exceptions import Unresolvable

        from jtr.escape import quote

        try:
            yield from self._validator.iter_errors(instance)
        except Unresolvable as exc:
            ref = quote(str(getattr(exc, "ref", "")))
            said = message("find_schema_ref_unresolvable", ref=ref)
            raise SchemaBroken(
                [Diagnostic(self._file, 1, 1, Severity.ERROR, "schema-remote-ref", said)]
            ) from None
        except RecursionError:
            said = message("find_schema_ref_endless")
            raise SchemaBroken(
                [Diagnostic(self._file, 1, 1, Severity.ERROR, "schema-recursive-ref", said)]
            ) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._validator, name)


# ---------------------------------------------------------------------------------------------
# The fast path: jsonschema-rs, where it means exactly what the precise validator means


def _rs() -> Any:
    """The jsonschema_rs module, or None when its wheel is not installed (or will not load)."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs


def schema_engine() -> tuple[str | None, str]:
    """The versions of jsonschema-rs (None when it is not installed: jsonschema alone then
    decides) and of jsonschema, which words and places every finding in either case."""
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return (version("jsonschema-rs") if _rs() is not None else None), version("jsonschema")


def _refuse_retrieval(uri: str) -> Any:
    """jsonschema-rs's only way to another document: never taken (nothing is fetched)."""
    raise LookupError(uri)


# Patterns whose meaning is the same in jtr's ECMA-262 reading (jtr.validate.ecma_regex) and
# in jsonschema-rs: ASCII-exact pieces only. No `.`, `\w`, `\s` or `\b` (Unicode in
# Python, ASCII or other sets in ECMA-262), no `[]`, no sets inside sets, no escapes of
# letters beyond these.
_SAFE_ESCAPE = r"\\[\\/.\-\[\](){}*+?^$|dDntr]"
_SAFE_PATTERN = re.compile(
    r"(?:"
    r"[^\\\[\](){}.*+?^$|]"  # a literal character
    rf"|{_SAFE_ESCAPE}"
    r"|\[\^?(?!\])(?:[^\\\[\]]|\\[\\/.\-\[\]^ntr])+\]"  # a class of literals and ranges
    r"|\(\?:|[()|^$]"
    r"|[*+?]\??|\{[0-9]+(?:,[0-9]*)?\}\??"
    r")*"
)
_GROUP_FLAGS = re.compile(r"\(\?(?!:)")
_SET_OPERATIONS = re.compile(r"--|&&|\|\||~~")
_LATEST = "https://json-schema.org/draft/2020-12/schema"  # jsonschema's Draft202012Validator
_DRAFTS = {  # the precise validator's META_SCHEMA $id → jsonschema-rs's class
    "https://json-schema.org/draft/2020-12/schema": "Draft202012Validator",
    "https://json-schema.org/draft/2019-09/schema": "Draft201909Validator",
    "http://json-schema.org/draft-07/schema#": "Draft7Validator",
    "http://json-schema.org/draft-06/schema#": "Draft6Validator",
    "http://json-schema.org/draft-04/schema#": "Draft4Validator",
}


def _dialect(schema: dict[str, Any]) -> str:
    """The `$id` of the meta-schema the precise validator uses for `schema` (that of
    `_validator_class`), without importing jsonschema for the usual cases."""
    said = schema.get("$schema")
    if said is None:
        return _LATEST
    if isinstance(said, str) and said in _DRAFTS:
        return said
    meta = _validator_class(schema).META_SCHEMA
    return str(meta.get("$id") or meta.get("id") or "")


def _safe_pattern(pattern: str) -> bool:
    """Whether `pattern` is in the subset both engines read alike (and Python compiles)."""
    from jtr.validate import ecma_regex

    if (
        not pattern.isascii()
        or _SAFE_PATTERN.fullmatch(pattern) is None
        or _GROUP_FLAGS.search(pattern) is not None  # (?i), (?m), (?x), (?=…)…
        or _SET_OPERATIONS.search(pattern) is not None  # [a--z], [&&]: future syntax
    ):
        return False
    try:
        ecma_regex(pattern)
    except re.error:
        return False
    return True


def fast_blockers(schema: dict[str, Any]) -> list[str]:
    """What in `schema` jsonschema-rs could read otherwise than jtr's precise validator (so
    the fast path is not taken): a pattern outside the safe subset above, `patternProperties`
    (jsonschema reads those with Python's `re`, where `$` also matches before a final
    newline), a fractional `multipleOf` (floating-point division differs), and a `$schema`
    without a jsonschema-rs class. Data-side differences (a float such as `2024.0`, which
    JSON Schema calls an integer and jtr does not; infinity; integers past 2**53) are the
    loader's to flag: see jtr.loader.Document.plain_numbers."""
    found: list[str] = []
    said = schema.get("$schema")
    if said is not None and said not in _DRAFTS:  # the precise path reads it as the latest
        found.append("$schema")
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str) and not _safe_pattern(value):
                found.append(f"pattern {value!r}")
            elif key == "patternProperties" or (key == "multipleOf" and not isinstance(value, int)):
                found.append(key)
            if isinstance(value, (dict, list)):
                stack.append(value)
    return found


def fast_validator(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """`is_valid` of a jsonschema-rs validator for `schema`, or None (not installed, or a
    schema it may not decide: see fast_blockers, or one it will not build)."""
    rs = _rs()
    if rs is None or fast_blockers(schema):
        return None
    cls = getattr(rs, _DRAFTS[_dialect(schema)])
    try:
        validator = cls(schema, validate_formats=False, retriever=_refuse_retrieval)
    except Exception:  # any schema it cannot build is the precise validator's to judge
        return None
    is_valid: Callable[[Any], bool] = validator.is_valid

    def check(instance: Any) -> bool:
        try:
            return bool(is_valid(instance))
        except Exception:  # data it cannot convert, a reference it will not fetch: not valid
            return False

    return check


_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default", "deprecated"})


class _CannotInline(Exception):
    pass


def inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each `{"$ref": "#/$defs/x", ...}` replaced by a copy of `x`.

    Validation then never goes through the reference resolver, which costs about half of
    jsonschema's time on a large roadmap. Only done when it means the same thing: every `$ref`
    points into `$defs`, none is recursive, and the keywords beside a `$ref` are annotations or
    absent from its target. Otherwise the schema is returned as it is.
    """
    defs = schema.get("$defs")
    if not isinstance(defs, dict):
        return schema

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(v, seen) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if ref is None:
            return {k: inline(v, seen) if k != "$defs" else v for k, v in node.items()}
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or ref in seen:
            raise _CannotInline(ref)
        name = ref[len("#/$defs/") :]
        if name not in defs or "/" in name or "~" in name:
            raise _CannotInline(ref)
        merged = dict(inline(defs[name], (*seen, ref)))
        for key, value in node.items():
            if key == "$ref":
                continue
            if key in merged and key not in _ANNOTATIONS:
                raise _CannotInline(key)
            merged[key] = inline(value, seen)
        return merged

    try:
        inlined: dict[str, Any] = inline(schema, ())
    except (_CannotInline, RecursionError):
        return schema
    return inlined


def load_schema(path: Path, display: str | None = None) -> Schema:
    """Read a schema and check that it can be used; SchemaBroken with positions if not.

    Checked: JSON, at most MAX_SCHEMA_DEPTH levels deep, its meta-schema (jtr's bundled copy;
    a `$schema` jtr does not know is not fetched: the latest draft is used), and every `$ref`
    and `$dynamicRef` resolving inside this document without a loop that never reaches the
    data. Nothing is ever fetched or opened for a reference. Bytes that passed before come
    from the cache (see jtr.cache).
    """
    name = display or str(path)
    raw = read_bytes(path, name)
    from jtr import cache

    known_good = cache.lookup(None, raw, kind=_CACHE_KIND)
    if known_good is not None:  # these exact bytes passed every check before, anywhere
        return Schema(name, known_good, checked=True)
    text = decode(raw, name)

    def broken(line: int, column: int, code: str, said: str) -> SchemaBroken:
        return SchemaBroken([Diagnostic(name, line, column, Severity.ERROR, code, said)])

    def too_deep() -> SchemaBroken:
        said = message("find_schema_too_deep", depth=MAX_SCHEMA_DEPTH)
        return broken(*_too_deep_at(text), "schema-too-deep", said)

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:  # its message never quotes the file's text
        detail = worded(exc.msg, _JSON_WORDING)
        said = message("find_schema_not_json", detail=detail)
        raise broken(exc.lineno, exc.colno, "schema-json", said) from None
    except RecursionError:
        raise too_deep() from None
    if not isinstance(data, dict):
        raise broken(1, 1, "schema-invalid", message("find_schema_not_object"))
    if _depth(data) > MAX_SCHEMA_DEPTH:
        raise too_deep()
    positions = PositionIndex(text)
    dialect = data.get("$schema")
    if dialect is not None and not isinstance(dialect, str):
        line, column = positions.locate(("$schema",))
        raise broken(line, column, "schema-invalid", message("find_schema_dialect_not_text"))
    meta_cls = _validator_class(data)
    from jsonschema_specifications import (  # type: ignore[import-untyped]
        REGISTRY as BUNDLED,  # no retrieval: nothing fetched
    )

    meta = meta_cls(meta_cls.META_SCHEMA, registry=BUNDLED)
    try:
        errors = sorted(meta.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:
        raise too_deep() from None
    found = [_meta_finding(name, positions, error) for error in errors]
    if not found:
        found = [
            Diagnostic(name, *positions.locate(where), Severity.ERROR, code, said, where)
            for where, code, said in _reference_problems(data, meta_cls)
        ]
    if found:
        raise SchemaBroken(sorted(set(found)))
    cache.store(None, raw, data, kind=_CACHE_KIND)
    return Schema(name, data, checked=True)


def _validator_class(data: dict[str, Any]) -> Any:
    """The jsonschema class for the schema's `$schema`; the latest draft for one jtr does not
    know (it is never fetched)."""
    from jsonschema.validators import Draft202012Validator, validator_for

    return validator_for(data, default=Draft202012Validator)


def _depth(data: Any) -> int:
    """How deeply `data` nests (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            node = node.values()
        elif not isinstance(node, list):
            continue
        level += 1
        deepest = max(deepest, level)
        stack.extend((child, level) for child in node if isinstance(child, (dict, list)))
    return deepest


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', re.DOTALL)


def _too_deep_at(text: str) -> tuple[int, int]:
    """Line and column of the first `[` or `{` that opens one level more than allowed."""
    level = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()[0]
        if char in "[{":
            level += 1
            if level > MAX_SCHEMA_DEPTH:
                offset = token.start()
                return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        elif char in "]}":
            level -= 1
    return 1, 1


# Python's json module's words for what it could not read (see jtr.loader.worded).
_JSON_WORDING = (
    "find_json_expecting_value",
    "find_json_expecting_comma",
    "find_json_expecting_colon",
    "find_json_expecting_name",
    "find_json_extra_data",
    "find_json_unterminated_string",
    "find_json_control_character",
    "find_json_bad_escape",
    "find_json_bad_unicode_escape",
    "find_json_trailing_comma_object",
    "find_json_trailing_comma_array",
)
# The words for a JSON type, as the meta-schema wants it (the catalog's entries).
_TYPE_WORDS = {
    "object": "find_type_object", "array": "find_type_array", "string": "find_type_string",
    "number": "find_type_number", "integer": "find_type_integer",
    "boolean": "find_type_boolean", "null": "find_type_null",
}  # fmt: skip
_LIMITS = {
    "minimum": "find_meta_minimum", "maximum": "find_meta_maximum",
    "exclusiveMinimum": "find_meta_exclusive_minimum",
    "exclusiveMaximum": "find_meta_exclusive_maximum",
    "minLength": "find_meta_min_length", "maxLength": "find_meta_max_length",
    "minItems": "find_meta_min_items", "maxItems": "find_meta_max_items",
    "minProperties": "find_meta_min_properties", "maxProperties": "find_meta_max_properties",
    "multipleOf": "find_meta_multiple_of",
}  # fmt: skip


def type_words(names: list[Any], words: dict[str, str]) -> str:
    """`a whole number or null`: JSON types in this run's language, each by the catalog key
    `words` gives it (a type jtr has no word for is named as it is)."""
    return message("find_type_or").join(
        message(words[str(n)]) if str(n) in words else str(n) for n in names
    )


def _meta_finding(name: str, positions: PositionIndex, error: Any) -> Diagnostic:
    """A meta-schema error as a finding that says what the meta-schema wants and where, and
    never quotes a value from the file (which may be any JSON file, not a schema at all)."""
    from jtr.escape import clip

    path = tuple(error.absolute_path)
    keyword, wanted = error.validator, error.validator_value
    at_key = False
    if keyword == "type":
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        problem = message("find_meta_type", types=type_words(names, _TYPE_WORDS))
    elif keyword == "required" and isinstance(error.instance, dict):
        missing = [str(k) for k in wanted if k not in error.instance]
        problem = message("find_meta_required", keys=", ".join(f"'{k}'" for k in missing))
    elif keyword in ("enum", "const"):
        options = wanted if keyword == "enum" else [wanted]
        listed = clip(", ".join(json.dumps(o) for o in options), 80)
        problem = message("find_meta_one_of", options=listed)
    elif keyword in _LIMITS:
        problem = message(_LIMITS[keyword], value=wanted)
    elif keyword == "format":
        problem = message("find_meta_format", format=wanted)
    elif keyword == "pattern":
        problem = message("find_meta_pattern", pattern=clip(str(wanted), 80))
    elif keyword in ("additionalProperties", "unevaluatedProperties", "propertyNames"):
        extra = [k for k in error.instance if isinstance(error.instance, dict)]
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        unknown = [k for k in extra if k not in allowed]
        if unknown:
            path, at_key = (*path, unknown[0]), True
        problem = message("find_meta_key_not_allowed")
    elif keyword == "uniqueItems":
        problem = message("find_lists_entry_twice")
    elif keyword in ("anyOf", "oneOf"):
        problem = message("find_meta_no_form")
    else:
        problem = message("find_meta_rule", rule=repr(clip(str(keyword), 40)))
    line, column = positions.locate(path, at_key=at_key)
    where = clip("/".join(map(str, path)), 80) or message("find_schema_top_level")
    said = message("find_schema_meta", where=where, problem=problem)
    return Diagnostic(name, line, column, Severity.ERROR, "schema-invalid", said, path)


# ---------------------------------------------------------------------------------------------
# References: only inside the document, and no loop that never reaches the data

_REF_KEYWORDS = ("$ref", "$dynamicRef")
# Keywords whose subschemas apply to the same value as the schema holding them: a chain of
# these and references that comes back to where it started would never end.
_IN_PLACE_ONE = ("not", "if", "then", "else")
_IN_PLACE_LIST = ("allOf", "anyOf", "oneOf")
_IN_PLACE_MAP = ("dependentSchemas", "dependencies")


def _pointer(path: tuple[Any, ...]) -> str:
    return "#" + "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


Problem = tuple[tuple[Any, ...], str, str]  # path of the keyword, code, message


def _reference_problems(data: dict[str, Any], cls: Any) -> list[Problem]:
    """Every `$ref`/`$dynamicRef` that leaves the document or leads nowhere, and every loop of
    references that never reaches the data.

    Each reference is resolved as jsonschema resolves it, by a `referencing` registry holding
    only this document, against the base URI that the `$id`s above it give: both as a JSON
    pointer walk finds it and as validation descending into it does. A reference needing any
    other document is refused without being fetched or opened.
    """
    import referencing.jsonschema
    from referencing import Registry

    spec = referencing.jsonschema.specification_with(
        str(cls.META_SCHEMA.get("$id") or cls.META_SCHEMA.get("id") or ""),
        default=referencing.jsonschema.DRAFT202012,
    )
    wanted: list[str] = []

    def refuse(uri: str) -> Any:  # the registry's only way to other documents: never taken
        wanted.append(uri)
        raise LookupError(uri)

    root = spec.create_resource(data)
    try:
        # `retrieve` is an attrs field the stubs do not name.
        registry = Registry(retrieve=refuse).with_resource(root.id() or "", root).crawl()  # type: ignore[call-arg]
        start = registry.resolver(base_uri=root.id() or "")
    except (AttributeError, TypeError, ValueError) as exc:
        return [((), "schema-bad-ref", message("find_schema_ids_not_uris", detail=exc))]

    def shift(resolver: Any, move: Callable[[Any], Any]) -> Any:
        try:
            return move(resolver)
        except (AttributeError, TypeError, ValueError):  # an `$id` that is no URI
            return resolver

    problems: dict[tuple[Any, ...], tuple[str, str]] = {}
    edges: dict[int, list[tuple[int, tuple[Any, ...] | None]]] = {}
    paths: dict[int, tuple[Any, ...]] = {}
    # Each entry: a node and its path; the resolver a pointer walk has there and the steps
    # since the last resource it entered; the resolver validation descending there has.
    stack: list[tuple[Any, tuple[Any, ...], Any, tuple[Any, ...], Any]] = [
        (data, (), start, (), start)
    ]
    while stack:
        node, path, by_pointer, steps, by_descent = stack.pop()
        if isinstance(node, dict):
            resource = spec.create_resource(node)
            by_descent = shift(by_descent, functools.partial(_enter, resource))
            paths[id(node)] = path
            targets = edges.setdefault(id(node), list(_in_place(node)))
            for keyword in _REF_KEYWORDS:
                ref = node.get(keyword)
                if isinstance(ref, str):
                    where = (*path, keyword)
                    found = _resolve(keyword, ref, (by_pointer, by_descent), wanted)
                    if isinstance(found, tuple):
                        problems[where] = found
                    elif found is not None:
                        targets.append((found, where))
            children: Iterator[tuple[Any, Any]] = iter(node.items())
        elif isinstance(node, list):
            children = iter(enumerate(node))
        else:
            continue
        for key, child in children:
            if isinstance(child, (dict, list)):
                moved = (*steps, key)
                entered = shift(by_pointer, functools.partial(_walk, spec, child, moved))
                kept = () if entered is not by_pointer else moved
                stack.append((child, (*path, key), entered, kept, by_descent))
    for where, loop in _loops(edges, paths):
        said = message(
            "find_schema_ref_loop", keyword=where[-1], ref=_quoted_at(data, where), loop=loop
        )
        problems.setdefault(where, ("schema-recursive-ref", said))
    return sorted((where, code, said) for where, (code, said) in problems.items())


def _enter(resource: Any, resolver: Any) -> Any:
    """The resolver validation has inside `resource` (its `$id`, if any, taken as the base)."""
    return resolver.in_subresource(resource)


def _walk(spec: Any, child: Any, segments: tuple[Any, ...], resolver: Any) -> Any:
    """The resolver a JSON-pointer walk has at `child`, reached by `segments`."""
    return spec.maybe_in_subresource(
        segments=segments, resolver=resolver, subresource=spec.create_resource(child)
    )


def _resolve(
    keyword: str, ref: str, resolvers: tuple[Any, ...], wanted: list[str]
) -> int | tuple[str, str] | None:
    """The id() of the schema object `ref` leads to (None for a boolean schema), or the
    problem (code, message) if any of `resolvers` cannot find it inside the document."""
    from referencing.exceptions import Unresolvable

    from jtr.escape import quote

    target = None
    for resolver in resolvers:
        asked = len(wanted)
        try:
            contents = resolver.lookup(ref).contents
        except (Unresolvable, AttributeError, TypeError, ValueError):
            if len(wanted) > asked:
                uri = wanted[-1]
                shown = (
                    message("find_schema_ref_that_is", uri=quote(uri))
                    if uri != ref.partition("#")[0]
                    else ""
                )
                said = message("find_schema_ref_remote", keyword=keyword, ref=quote(ref) + shown)
                return ("schema-remote-ref", said)
            said = message("find_schema_ref_nowhere", keyword=keyword, ref=quote(ref))
            return ("schema-bad-ref", said)
        if isinstance(contents, dict):
            target = id(contents)
    return target


def _in_place(node: dict[str, Any]) -> Iterator[tuple[int, None]]:
    """The subschemas of `node` that apply to the same value as `node` itself."""
    for keyword in _IN_PLACE_ONE:
        if isinstance(node.get(keyword), dict):
            yield id(node[keyword]), None
    for keyword in _IN_PLACE_LIST:
        if isinstance(node.get(keyword), list):
            yield from ((id(s), None) for s in node[keyword] if isinstance(s, dict))
    for keyword in _IN_PLACE_MAP:
        if isinstance(node.get(keyword), dict):
            yield from ((id(s), None) for s in node[keyword].values() if isinstance(s, dict))


def _quoted_at(data: Any, path: tuple[Any, ...]) -> str:
    from jtr.escape import quote

    for key in path:
        data = data[key]
    return quote(str(data))


def _loops(
    edges: dict[int, list[tuple[int, tuple[Any, ...] | None]]], paths: dict[int, tuple[Any, ...]]
) -> list[tuple[tuple[Any, ...], str]]:
    """Each loop among schemas applied to the same value: (path of a reference on it, the
    loop written as JSON pointers). Depth-first, without recursion."""
    done: set[int] = set()
    loops: list[tuple[tuple[Any, ...], str]] = []
    for start in edges:
        if start in done:
            continue
        on_path: dict[int, int] = {start: 0}
        trail: list[tuple[int, tuple[Any, ...] | None]] = [(start, None)]
        iterators = [iter(edges.get(start, ()))]
        while iterators:
            step = next(iterators[-1], None)
            if step is None:
                node, _via = trail.pop()
                iterators.pop()
                del on_path[node]
                done.add(node)
                continue
            target, via = step
            if target in on_path:
                cycle = [*trail[on_path[target] + 1 :], (target, via)]
                refs = [v for _n, v in cycle if v is not None]
                if refs:
                    names = [paths.get(n, ()) for n, _v in cycle]
                    shown = " → ".join(_pointer(p) for p in [paths.get(target, ()), *names])
                    loops.append((refs[0], shown))
                continue
            if target in done:
                continue
            on_path[target] = len(trail)
            trail.append((target, via))
            iterators.append(iter(edges.get(target, ())))
    return loops
