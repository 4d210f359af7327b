"""The schema check's fast path (jsonschema-rs) decides only *that* a roadmap is valid.

Where it says no, or may not decide, the precise path (jsonschema, jtr's wording) says where
and why; so on every file both give the same findings, byte for byte, in both languages.
Checked here over the whole bad-input corpus, over mutations of the minimal roadmap (every
value swapped for values of other types and forms, every key dropped, an unknown key added),
with jsonschema-rs uninstalled (the pure-Python fallback), and against references to other
documents, which the fast path refuses without any network access.
"""

from __future__ import annotations

import copy
import http.server
import itertools
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from jtr import schema as schema_module
from jtr.cli import app
from jtr.diagnostics import Diagnostic, LoadError
from jtr.fileio import ReadError
from jtr.labels import set_lang
from jtr.loader import Document, load_document, load_file
from jtr.schema import Schema, fast_blockers, fast_validator, load_schema
from jtr.validate import (
    SchemaCache,
    ecma_regex,
    precise_only,
    schema_diagnostics,
    validate_document,
    validate_file,
)

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "data" / "schema.json"
SHIPPED_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
BAD = ROOT / "tests" / "bad"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"

rs = pytest.importorskip("jsonschema_rs", reason="jsonschema-rs is a dependency of jtr")


@pytest.fixture
def both_languages() -> Iterator[list[str]]:
    yield ["en", "ja"]
    set_lang(None)


def findings_both_ways(run: Any) -> tuple[Any, Any]:
    """`run()` with the fast path allowed, then with the precise path alone."""
    fast = run()
    with precise_only():
        precise = run()
    return fast, precise


class Counting:
    """Wraps Schema.fast to count its verdicts, so that no test here passes vacuously."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.valid = 0
        self.invalid = 0
        original = Schema.fast.func  # type: ignore[attr-defined]

        def counted(schema: Schema) -> Any:
            check = original(schema)
            if check is None:
                return None

            def wrapped(instance: Any) -> bool:
                verdict = bool(check(instance))
                self.valid += verdict
                self.invalid += not verdict
                return verdict

            return wrapped

        monkeypatch.setattr(Schema, "fast", property(counted))


def corpus() -> list[Path]:
    files = sorted(p for p in BAD.iterdir() if p.is_file())
    assert len(files) > 50
    return files


def validate_result(path: Path, schemas: SchemaCache) -> tuple[Diagnostic, ...] | str:
    try:
        return validate_file(path, schemas, path.name).diagnostics
    except (LoadError, ReadError) as exc:  # a broken schema or unreadable file: the same too
        return f"{type(exc).__name__}: {exc}"


def test_both_paths_agree_on_the_whole_bad_corpus(
    monkeypatch: pytest.MonkeyPatch, both_languages: list[str]
) -> None:
    counting = Counting(monkeypatch)
    differing: list[str] = []
    for lang in both_languages:
        set_lang(lang)
        for path in corpus():
            fast, precise = findings_both_ways(
                lambda path=path: validate_result(path, SchemaCache(SCHEMA_PATH))
            )
            if fast != precise:
                differing.append(f"{lang} {path.name}:\n  fast {fast}\n  precise {precise}")
    assert differing == []
    # Both verdicts occurred: files the fast path passed (warnings, rule findings, loader
    # refusals never reach it) and files it handed to the precise path.
    assert counting.valid > 0 and counting.invalid > 0


def test_the_cli_prints_the_same_with_either_path(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    for path in corpus()[::7]:
        for lang in ("en", "ja"):
            args = ["validate", str(path), "--schema", str(SCHEMA_PATH), "--lang", lang]
            fast, precise = findings_both_ways(lambda args=args: runner.invoke(app, args))
            assert (fast.exit_code, fast.output) == (precise.exit_code, precise.output), path


# ---- mutations of the minimal roadmap -------------------------------------------------------

REPLACEMENTS: list[Any] = [
    1,
    -7,
    0,
    2024.0,  # an integer to JSON Schema, not to jtr
    1.5,
    float("inf"),
    float("nan"),
    10**20,  # beyond what a double holds exactly
    True,
    None,
    "",
    "x",
    "an-id\n",  # `$` is the end of the text, not before a final newline
    "２０２４-０１-０１",  # full-width digits are no \d in ECMA-262
    "2024-13-01",
    "Yes",
    [],
    [1, "a"],
    {},
    {"unknown": 1},
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _drop(data: Any, path: tuple[Any, ...]) -> Any:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return data


def mutations(per_value: int = len(REPLACEMENTS)) -> Iterator[tuple[str, Any]]:
    """Each value of the minimal roadmap replaced by `per_value` of REPLACEMENTS (taking
    turns along the file, so every replacement is used), each key dropped, one added."""
    base = load_file(MINIMAL).data
    for turn, (path, node) in enumerate(_paths(base)):
        if not path:
            continue
        where = "/".join(map(str, path))
        start = turn * per_value
        chosen = [REPLACEMENTS[(start + k) % len(REPLACEMENTS)] for k in range(per_value)]
        for replacement in chosen:
            if replacement != node or type(replacement) is not type(node):
                yield f"{where}={replacement!r}", _set(base, path, replacement)
        if isinstance(path[-1], str):
            yield f"{where} dropped", _drop(base, path)
        if isinstance(node, dict):
            yield f"{where} +key", _set(base, (*path, "zz_unknown"), "x")


def as_document(name: str, data: Any) -> Document | None:
    """The mutated data written as YAML and loaded back (real positions, the loader's own
    reading of its numbers); None if the loader refuses it (it never reaches the schema)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    try:
        return load_document(text, name)
    except LoadError:
        return None


def test_both_paths_agree_on_mutations_of_the_minimal_roadmap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One replacement per value (the replacements taking turns along the file), and every
    other of those files: about 250, three seconds of the fast suite; --slow tries all 4,835."""
    agree_on_mutations(monkeypatch, per_value=1, at_least=200, every=2)


@pytest.mark.slow
def test_both_paths_agree_on_every_mutation_of_the_minimal_roadmap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agree_on_mutations(monkeypatch, per_value=len(REPLACEMENTS), at_least=3000)


def agree_on_mutations(
    monkeypatch: pytest.MonkeyPatch, per_value: int, at_least: int, every: int = 1
) -> None:
    counting = Counting(monkeypatch)
    schema = load_schema(SCHEMA_PATH, "schema.json")
    seen = 0
    differing: list[str] = []
    for name, data in itertools.islice(mutations(per_value), 0, None, every):
        doc = as_document(name, data)
        if doc is None:
            continue
        seen += 1
        fast, precise = findings_both_ways(lambda doc=doc: validate_document(doc, schema))
        if fast != precise:
            differing.append(f"{name}: fast {fast} precise {precise}")
        # Where the fast path was free to decide and said "valid", the precise path agrees.
        if doc.plain_numbers and schema.fast is not None and schema.fast(doc.data):
            with precise_only():
                assert list(schema_diagnostics(doc, schema)) == [], name
    assert differing == []
    assert seen > at_least
    assert counting.valid > 0 and counting.invalid > at_least // 10


def test_numbers_json_schema_reads_otherwise_take_the_precise_path() -> None:
    """jsonschema-rs calls 2024.0 an integer (JSON Schema does); jtr does not. The loader
    marks such documents, and the precise path then finds what the fast path would pass."""
    schema = load_schema(SCHEMA_PATH, "schema.json")
    text = MINIMAL.read_text(encoding="utf-8")
    assert "  fiscal_year_start_month: 4\n" in text
    doc = load_document(text.replace("fiscal_year_start_month: 4", "fiscal_year_start_month: 4.0"))
    assert doc.plain_numbers is False
    assert schema.fast is not None and schema.fast(doc.data)  # what it alone would say
    found = [d for d in validate_document(doc, schema) if d.code == "schema"]
    assert [d.path for d in found] == [("meta", "fiscal_year_start_month")]
    for value, plain in [("4", True), ("-4", True), ("9007199254740993", False), (".inf", False)]:
        assert load_document(f"a: {value}\n").plain_numbers is plain, value
    assert Document("x", "", {"a": [1, {"b": 2.5}]}).plain_numbers is False
    assert Document("x", "", {"a": [1, {"b": "2.5"}]}).plain_numbers is True


# ---- without jsonschema-rs: the pure-Python fallback ----------------------------------------


@pytest.fixture
def without_rs(monkeypatch: pytest.MonkeyPatch) -> None:
    """jsonschema-rs as if its wheel were missing: importing it raises ImportError."""
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)


def test_the_fallback_without_jsonschema_rs_gives_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_rs = {p.name: validate_result(p, SchemaCache(SCHEMA_PATH)) for p in corpus()}
    assert load_schema(SCHEMA_PATH).fast is not None
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)
    with pytest.raises(ImportError):
        import jsonschema_rs  # noqa: F401
    assert load_schema(SCHEMA_PATH).fast is None
    without = {p.name: validate_result(p, SchemaCache(SCHEMA_PATH)) for p in corpus()}
    assert without == with_rs
    shipped = validate_file(ROOT / "data" / "roadmap.yaml", SchemaCache(SCHEMA_PATH))
    assert shipped.errors == 0


def test_version_names_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("jtr ")
    assert lines[1].startswith("schema check: jsonschema-rs ")
    assert "jsonschema " in lines[1]
    japanese = runner.invoke(app, ["--lang", "ja", "--version"]).output.splitlines()
    assert japanese[1].startswith("スキーマ検査: jsonschema-rs ")
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)
    fallback = runner.invoke(app, ["--version"]).output.splitlines()
    assert fallback[1].startswith("schema check: jsonschema ")
    assert "jsonschema-rs is not installed" in fallback[1]


# ---- what may go through the fast path ------------------------------------------------------


def test_the_shipped_schema_goes_through_the_fast_path() -> None:
    assert fast_blockers(SHIPPED_SCHEMA) == []
    assert load_schema(SCHEMA_PATH).fast is not None
    # A Schema not made by load_schema (its references unchecked) never takes it.
    assert Schema("x.json", SHIPPED_SCHEMA).fast is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"^\s+$",  # Unicode whitespace in Python, another set in ECMA-262
        r"^\w+$",
        r"\bword",
        r"^.+$",
        r"(?i)^a$",
        r"(?m)^a$",
        r"(?x)^ a $",
        r"^[[a]]$",
        r"^[a--z]$",
        r"^[]a]$",
        r"^ａ$",  # non-ASCII
        r"^\p{L}$",
        r"^(unclosed$",
    ],
)
def test_patterns_outside_the_safe_subset_block_the_fast_path(pattern: str) -> None:
    schema = {"properties": {"a": {"pattern": pattern}}}
    assert fast_blockers(schema) != []
    assert fast_validator(schema) is None


@pytest.mark.parametrize(
    "schema",
    [
        {"patternProperties": {"^a$": {"type": "string"}}},
        {"properties": {"a": {"multipleOf": 0.1}}},
        {"$schema": "http://json-schema.org/draft-03/schema#"},
        {"$schema": "https://example.com/my-dialect"},
    ],
    ids=["patternProperties", "fractional-multipleOf", "draft-03", "unknown-dialect"],
)
def test_keywords_read_otherwise_block_the_fast_path(schema: dict[str, Any]) -> None:
    assert fast_blockers(schema) != []


SAFE_PATTERNS = [
    "^[a-z0-9][a-z0-9-]*$",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "^[0-9]{4}-(0[1-9]|1[0-2])$",
    r"^[0-9]+\.[0-9]+$",
    r"^\d+$",
    r"^\D*$",
    "^(?:ab|cd)+?$",
    "x$",
    "^a{2,}b?$",
    r"^[^\-/]+$",
]
SAMPLES = [
    "",
    "a",
    "an-id",
    "an-id\n",
    "-x",
    "2024-01-01",
    "2024-01-01\n",
    "２０２４-０１-０１",
    "2024-13",
    "2024-12",
    "1.0",
    "1.0\n",
    "١٢",  # Arabic-Indic digits
    "12",
    "ab",
    "abcd",
    "abab\n",
    "x",
    "yx",
    "x\n",
    "aab",
    "aaab",
    "a/b",
    "a-b",
    "日本",
]


@pytest.mark.parametrize("pattern", SAFE_PATTERNS)
def test_safe_patterns_mean_the_same_in_both_engines(pattern: str) -> None:
    schema = {"type": "string", "pattern": pattern}
    assert fast_blockers(schema) == []
    check = fast_validator(schema)
    assert check is not None
    for sample in SAMPLES:
        assert check(sample) == (ecma_regex(pattern).search(sample) is not None), sample


# ---- references to other documents: refused, nothing fetched --------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = json.dumps({"type": "integer"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    host, port = httpd.server_address[:2]
    try:
        yield f"http://{host}:{port!s}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_recorder_sees_what_jsonschema_rs_would_fetch(server: tuple[str, list[str]]) -> None:
    """Without jtr's retriever jsonschema-rs does fetch a reference (so the next test's
    "no request" means something)."""
    url, requests = server
    validator = rs.Draft202012Validator({"$ref": f"{url}/seen.json"})
    assert validator.is_valid(1) and not validator.is_valid("a")
    assert requests == ["/seen.json"]


@pytest.mark.parametrize("kind", ["http", "file", "relative"])
def test_a_remote_ref_is_refused_on_the_fast_path_without_network(
    server: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    url, requests = server
    target = tmp_path / "other.json"
    target.write_text('{"type": "integer"}', encoding="utf-8")
    ref = {"http": f"{url}/remote.json", "file": target.as_uri(), "relative": "other.json"}[kind]
    asked: list[str] = []

    def refuse(uri: str) -> Any:
        asked.append(uri)
        raise LookupError(uri)

    monkeypatch.setattr(schema_module, "_refuse_retrieval", refuse)
    evil = copy.deepcopy(SHIPPED_SCHEMA)
    evil["properties"]["schema_version"] = {"$ref": ref}
    # Even a Schema claiming load_schema's checks (which refuse it: see
    # tests/test_security_schema.py) gets no fast verdict through another document.
    forged = Schema("evil.json", evil, checked=True)
    assert fast_validator(evil) is None and forged.fast is None
    assert requests == []
    if kind != "relative":  # a relative reference has no base to resolve against
        assert asked and all(ref in uri or uri in ref for uri in asked)
    # And the schema file itself is refused before anything is validated.
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(evil), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_schema(path)
    assert caught.value.diagnostics[0].code in ("schema-remote-ref", "schema-bad-ref")
    assert requests == []
