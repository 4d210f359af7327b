"""The schema is code: jtr never fetches or opens anything a schema or a `$schema` line names.

- A `$ref`/`$dynamicRef` to another document (http, https, file:, a relative file) is a
  positioned finding in the schema, exit 2, in every command; nothing is requested or opened.
  A local HTTP server named by the schema and by the roadmap's `$schema` line proves it.
- A loop of references and a schema nested 5,000 deep end in one positioned message, exit 2.
- The `# yaml-language-server: $schema=` line may name only a readable regular file inside
  the roadmap's folder or its git work tree; anything else is said once on stderr, with the
  schema used instead.
- Nothing from a file that is not a JSON Schema is echoed.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import invoke
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_SCHEMA = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))
MODELINE = "# yaml-language-server: $schema=./schema.json"
TASK = "welfare-workers-decide"  # a task of the shipped roadmap
FINDING = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.*) \[(?P<code>[a-z-]+)\]$",
    re.M,
)
SECRET = "SECRET-VALUE-7f3a"


# ---- a local HTTP server that records every request ------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def _answer(self) -> None:
        self.requests.append(f"{self.command} {self.path}")
        body = json.dumps({"type": "integer", "title": SECRET}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/schema+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


class Server:
    def __init__(self, httpd: http.server.ThreadingHTTPServer, requests: list[str]) -> None:
        self.httpd = httpd
        self.requests = requests
        host, port = httpd.server_address[:2]
        self.url = f"http://{host}:{port}"


@pytest.fixture
def server() -> Iterator[Server]:
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    served = Server(httpd, requests)
    try:
        # The recorder works: a request made on purpose is seen (so "no request" means none).
        with urllib.request.urlopen(f"{served.url}/probe", timeout=5) as response:
            assert json.load(response)["title"] == SECRET
        assert requests == ["GET /probe"]
        requests.clear()
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# ---- helpers ---------------------------------------------------------------------------------


# `workspace` and `runner` are in conftest.py. The parse cache stays on: it never holds a roadmap
# that failed, nor a schema that did, so a command given a hostile schema always reads it; and
# a cache hit must say what an uncached run says.


@pytest.fixture
def no_fetching(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every urllib open attempt, recorded and refused (jsonschema's default retrieval uses
    urlopen, for http and file: alike)."""
    attempts: list[str] = []

    def refuse(self: object, url: object, *args: object, **kwargs: object) -> object:
        attempts.append(str(getattr(url, "full_url", url)))
        raise AssertionError(f"jtr tried to open {url}")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    return attempts


def commands(out: Path) -> list[list[str]]:
    """Every command that loads a schema for the roadmap in ./data."""
    return [
        ["validate"],
        ["set", TASK, "--status", "done", "--date", "2025-02-10", "--dry-run"],
        ["set", TASK, "--status", "done", "--date", "2025-02-10"],
        ["status", "--as-of", "2025-03-31"],
        ["timeline", "--as-of", "2025-03-31", "--width", "100"],
        ["show", "welfare-workers", "--as-of", "2025-03-31"],
        ["export", "--format", "json", "-o", str(out)],
    ]


def write_schema(workspace: Path, schema: dict[str, object] | str) -> Path:
    path = workspace / "data" / "schema.json"
    text = schema if isinstance(schema, str) else json.dumps(schema, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def position_of(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle`."""
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def set_modeline(workspace: Path, target: str) -> Path:
    roadmap = workspace / "data" / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    assert text.startswith(MODELINE)
    roadmap.write_text(text.replace(MODELINE, f"# yaml-language-server: $schema={target}", 1))
    return roadmap


def make_invalid(roadmap: Path) -> None:
    """A schema-level error: the views then print the findings of the full validation."""
    text = roadmap.read_text(encoding="utf-8")
    assert "\nmeta:\n" in text
    roadmap.write_text(text.replace("\nmeta:\n", "\nmeta:\n  bogus_key: 1\n", 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (an edit's lock file aside: it stays, empty, by design)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(".lock")
    }


def with_ref(ref: str, keyword: str = "$ref") -> dict[str, object]:
    """The shipped schema with `schema_version` checked by a reference to `ref`."""
    schema = json.loads(json.dumps(SHIPPED_SCHEMA))
    schema["properties"]["schema_version"] = {keyword: ref}
    return schema


# ---- remote references -----------------------------------------------------------------------


@pytest.mark.parametrize("invalid", [False, True], ids=["valid-roadmap", "invalid-roadmap"])
@pytest.mark.slow
def test_a_remote_ref_is_never_requested_by_any_command(
    runner: CliRunner, workspace: Path, server: Server, invalid: bool
) -> None:
    url = f"{server.url}/remote-schema.json"
    schema = with_ref(url)
    schema["$schema"] = f"{server.url}/dialect"  # a dialect jtr does not know: never fetched
    path = write_schema(workspace, schema)
    if invalid:
        make_invalid(workspace / "data" / "roadmap.yaml")
    line, column = position_of(path, f'"{url}"')
    before = snapshot(workspace / "data")
    out = workspace / "export.json"
    for args in commands(out):
        result = invoke(runner, *args)
        shown = f"jtr {' '.join(args)} → {result.exit_code}\n{result.output}"
        assert result.exit_code == 2, shown
        found = [m for m in FINDING.finditer(result.stderr) if m["code"] == "schema-remote-ref"]
        assert len(found) == 1, shown
        assert found[0]["file"].endswith(os.path.join("data", "schema.json")), shown
        assert (int(found[0]["line"]), int(found[0]["column"])) == (line, column), shown
        assert url in found[0]["message"] and "never fetches" in found[0]["message"], shown
        assert SECRET not in result.output
    assert server.requests == []
    assert snapshot(workspace / "data") == before  # the real `set` wrote nothing
    assert not out.exists()


@pytest.mark.parametrize("invalid", [False, True], ids=["valid-roadmap", "invalid-roadmap"])
@pytest.mark.slow
def test_a_remote_schema_line_is_never_requested(
    runner: CliRunner, workspace: Path, server: Server, invalid: bool
) -> None:
    """The `$schema` line names the server: jtr says so once and uses its own schema."""
    url = f"{server.url}/line-schema.json"
    roadmap = set_modeline(workspace, url)
    if invalid:
        make_invalid(roadmap)
    out = workspace / "export.json"
    for args in commands(out):
        result = invoke(runner, *args)
        shown = f"jtr {' '.join(args)} → {result.exit_code}\n{result.output}"
        warnings = [line for line in result.stderr.splitlines() if "jtr: warning:" in line]
        assert len(warnings) == 1, shown
        assert warnings[0].startswith("jtr: warning: data/roadmap.yaml:1: the $schema line names")
        assert f'"{url}", which is not a local file' in warnings[0]
        assert "using jtr's own schema (" in warnings[0]
        if invalid:
            assert result.exit_code == 1, shown
            assert "bogus_key" in result.output, shown
        else:
            assert result.exit_code == 0, shown
        assert SECRET not in result.output
    assert server.requests == []


@pytest.mark.parametrize("keyword", ["$ref", "$dynamicRef"])
@pytest.mark.parametrize(
    "ref",
    ["https://127.0.0.1:9/s.json", "file:///etc/passwd", "other.json#/x", "//127.0.0.1:9/s"],
)
def test_any_non_local_ref_is_a_positioned_finding(
    runner: CliRunner, workspace: Path, no_fetching: list[str], ref: str, keyword: str
) -> None:
    path = write_schema(workspace, with_ref(ref, keyword))
    result = invoke(runner, "validate")
    assert result.exit_code == 2, result.output
    line, column = position_of(path, f'"{ref}"')
    assert f'data/schema.json:{line}:{column}: error: {keyword} "{ref}"' in result.stderr, (
        result.stderr
    )
    assert "[schema-remote-ref]" in result.stderr
    assert "the schema is broken; nothing was validated" in result.stderr
    assert no_fetching == []
    assert "root:" not in result.output  # /etc/passwd was not read


def test_a_file_ref_is_never_opened(
    runner: CliRunner, workspace: Path, no_fetching: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = workspace / "secret.json"
    secret.write_text(json.dumps({"type": "integer", "title": SECRET}), encoding="utf-8")
    opened: list[str] = []
    real_open = open

    def watching_open(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    import builtins
    import io

    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(io, "open", watching_open)
    write_schema(workspace, with_ref(secret.as_uri()))
    result = invoke(runner, "validate")
    assert result.exit_code == 2 and "[schema-remote-ref]" in result.stderr, result.output
    assert SECRET not in result.output
    assert not [name for name in opened if "secret" in name]
    assert no_fetching == []


def test_an_id_makes_relative_refs_remote_but_local_pointers_stay_local(
    runner: CliRunner, workspace: Path, server: Server
) -> None:
    schema = json.loads(json.dumps(SHIPPED_SCHEMA))
    schema["$id"] = f"{server.url}/base/schema.json"  # every "#/$defs/…" is now under it
    write_schema(workspace, schema)
    result = invoke(runner, "validate")
    assert result.exit_code == 0, result.output  # refs inside the document resolve locally
    schema["properties"]["schema_version"] = {"$ref": "sibling.json"}
    path = write_schema(workspace, schema)
    result = invoke(runner, "validate")
    assert result.exit_code == 2, result.output
    line, column = position_of(path, '"sibling.json"')
    assert f"data/schema.json:{line}:{column}: error: $ref " in result.stderr
    assert f'"{server.url}/base/sibling.json"' in result.stderr
    assert server.requests == []


def test_a_ref_to_nothing_in_the_document_is_a_finding(runner: CliRunner, workspace: Path) -> None:
    path = write_schema(workspace, with_ref("#/$defs/no-such-definition"))
    result = invoke(runner, "validate")
    assert result.exit_code == 2, result.output
    line, column = position_of(path, '"#/$defs/no-such-definition"')
    assert f"data/schema.json:{line}:{column}: error: $ref " in result.stderr
    assert "points at nothing in this schema [schema-bad-ref]" in result.stderr


def test_a_ref_hidden_under_an_unknown_keyword_is_found(
    runner: CliRunner, workspace: Path, server: Server
) -> None:
    """A pointer into a keyword jsonschema does not know still leads validation there."""
    schema = json.loads(json.dumps(SHIPPED_SCHEMA))
    schema["x-hidden"] = {"inner": {"$ref": f"{server.url}/hidden.json"}}
    schema["properties"]["schema_version"] = {"$ref": "#/x-hidden/inner"}
    write_schema(workspace, schema)
    result = invoke(runner, "validate")
    assert result.exit_code == 2 and "[schema-remote-ref]" in result.stderr, result.output
    assert server.requests == []


def test_validation_itself_never_fetches_even_past_the_load_checks(server: Server) -> None:
    """The last line: a Schema that skipped load_schema's checks still fetches nothing and
    ends in SchemaBroken, not a traceback."""
    from jtr.loader import load_text
    from jtr.schema import Schema, SchemaBroken
    from jtr.validate import validate_document

    text = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    from jtr.loader import Document

    doc = Document("minimal.yaml", text, load_text(text, "minimal.yaml"))
    schema = Schema("evil.json", with_ref(f"{server.url}/late.json"))
    with pytest.raises(SchemaBroken) as caught:
        validate_document(doc, schema)
    assert caught.value.diagnostics[0].code == "schema-remote-ref"
    looping = Schema("loop.json", {"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})
    with pytest.raises(SchemaBroken) as caught:
        validate_document(doc, looping)
    assert caught.value.diagnostics[0].code == "schema-recursive-ref"
    assert server.requests == []


def test_a_schema_with_a_remote_ref_is_never_cached_as_good(
    runner: CliRunner, workspace: Path, private_cache: Path, no_fetching: list[str]
) -> None:
    write_schema(workspace, with_ref("https://127.0.0.1:9/s.json"))
    for _ in range(2):
        result = invoke(runner, "validate")
        assert result.exit_code == 2 and "[schema-remote-ref]" in result.stderr
    assert not [p for p in private_cache.rglob("*") if p.name.startswith("schema")]


# ---- loops and depth -------------------------------------------------------------------------

LOOP = '{\n  "$defs": {"a": {"$ref": "#/$defs/a"}},\n  "$ref": "#/$defs/a"\n}\n'
LOOP_THROUGH_ALLOF = (
    '{\n  "$defs": {\n    "a": {"allOf": [{"$ref": "#/$defs/b"}]},\n'
    '    "b": {"anyOf": [{"type": "object"}, {"$ref": "#/$defs/a"}]}\n  },\n'
    '  "$ref": "#/$defs/a"\n}\n'
)
DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [
        (LOOP, "schema-recursive-ref", 2, 27, "loop of references"),
        (LOOP_THROUGH_ALLOF, "schema-recursive-ref", 3, 30, "loop of references"),
        (DEEP, "schema-too-deep", 1, 65, "more than 64 levels"),
        ('{"properties": ' * 5000 + "{}" + "}" * 5000, "schema-too-deep", 1, 961, "64 levels"),
    ],
    ids=["ref-to-itself", "loop-through-allOf", "deep-arrays", "deep-objects"],
)
def test_loops_and_depth_end_in_one_positioned_message_in_every_command(
    runner: CliRunner, workspace: Path, text: str, code: str, line: int, column: int, words: str
) -> None:
    write_schema(workspace, text)
    before = snapshot(workspace / "data")
    for args in commands(workspace / "export.json"):
        result = invoke(runner, *args)
        shown = f"jtr {' '.join(args)} → {result.exit_code}\n{result.output[:3000]}"
        assert result.exit_code == 2, shown
        found = list(FINDING.finditer(result.stderr))
        assert [(m["code"], int(m["line"]), int(m["column"])) for m in found] == [
            (code, line, column)
        ], shown
        assert words in found[0]["message"], shown
    assert snapshot(workspace / "data") == before


def test_a_recursive_schema_that_reaches_the_data_is_fine(
    runner: CliRunner, workspace: Path
) -> None:
    """A tree schema recurses through `items`, which looks into the data: no loop."""
    schema = json.loads(json.dumps(SHIPPED_SCHEMA))
    schema["$defs"]["node"] = {
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
    }
    schema["properties"]["tree"] = {"$ref": "#/$defs/node"}
    write_schema(workspace, schema)
    result = invoke(runner, "validate")
    assert result.exit_code == 0, result.output


# ---- the `$schema` line ----------------------------------------------------------------------


def test_a_local_schema_line_inside_the_folder_is_used_silently(
    runner: CliRunner, workspace: Path
) -> None:
    result = invoke(runner, "validate")
    assert result.exit_code == 0, result.output
    assert "jtr: warning:" not in result.stderr
    assert "valid (schema data/schema.json)" in result.stdout


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("https://example.invalid/schema.json", "is not a local file"),
        ("file:///etc/passwd", "is not a local file"),
        ("../../../../../../../../etc/passwd", "is outside the roadmap's folder"),
        ("/etc/passwd", "is outside the roadmap's folder"),
        ("../schema-one-up.json", "is outside the roadmap's folder"),
        ("link-out.json", "is outside the roadmap's folder"),
        ("missing.json", "does not exist"),
        ("folder", "is not a regular file"),
        ("fifo.json", "is not a regular file"),
        ("loop.json", "cannot be read"),
    ],
)
def test_a_schema_line_jtr_will_not_follow_is_said_once(
    runner: CliRunner, workspace: Path, target: str, reason: str
) -> None:
    data = workspace / "data"
    (workspace / "schema-one-up.json").write_text(json.dumps({"title": SECRET}))
    outside = workspace.parent / f"{workspace.name}-outside.json"
    outside.write_text(json.dumps({"type": "integer", "title": SECRET}), encoding="utf-8")
    (data / "link-out.json").symlink_to(outside)  # inside the folder, pointing out of it
    (data / "folder").mkdir()
    os.mkfifo(data / "fifo.json")  # would block a reader forever
    (data / "loop.json").symlink_to(data / "loop.json")
    set_modeline(workspace, target)
    for args in (["validate"], ["status", "--as-of", "2025-03-31"], ["set", TASK, "-s", "done",
                 "-d", "2025-02-10", "--dry-run"]):  # fmt: skip
        result = invoke(runner, *args)
        shown = f"jtr {' '.join(args)} → {result.exit_code}\n{result.output}"
        assert result.exit_code == 0, shown
        warnings = [line for line in result.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1, shown
        assert warnings[0].startswith(
            f'jtr: warning: data/roadmap.yaml:1: the $schema line names "{target}", which {reason}'
        ), shown
        assert "; using jtr's own schema (" in warnings[0]
        assert SECRET not in result.output and "root:" not in result.output
    outside.unlink()


def test_the_git_work_tree_is_trusted_too(runner: CliRunner, workspace: Path) -> None:
    schemas = workspace / "schemas"
    schemas.mkdir()
    strict = json.loads(json.dumps(SHIPPED_SCHEMA))
    strict["$defs"]["meta"]["required"].append("motto")
    (schemas / "strict.json").write_text(json.dumps(strict), encoding="utf-8")
    set_modeline(workspace, "../schemas/strict.json")
    result = invoke(runner, "validate")
    assert result.exit_code == 0 and "is outside the roadmap's folder" in result.stderr
    (workspace / ".git").mkdir()  # now data/ and schemas/ are one work tree
    result = invoke(runner, "validate")
    assert result.exit_code == 1, result.output
    assert "missing required key 'motto'" in result.stdout
    assert "jtr: warning:" not in result.stderr


def test_a_schema_line_with_hidden_characters_is_shown_escaped(
    runner: CliRunner, workspace: Path
) -> None:
    """YAML refuses control characters even in a comment; bidi and zero-width ones pass it
    and must not reach the terminal raw."""
    set_modeline(workspace, "https://x/\u202egpj.\u200bevil.json")
    result = invoke(runner, "validate")
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.output and "\u200b" not in result.output
    assert '"https://x/<U+202E>gpj.<U+200B>evil.json", which is not a local file' in result.stderr


# ---- nothing from a file that is not a schema is echoed --------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (f"root:x:0:0:{SECRET}:/root:/bin/bash\n", "schema-json"),
        (f'{{"type": "{SECRET}"}}', "schema-invalid"),
        (
            f'{{"enum": "{SECRET}", "{SECRET}-key": 1, "required": ["{SECRET}", 1]}}',
            "schema-invalid",
        ),
        (f'["{SECRET}"]', "schema-invalid"),
    ],
    ids=["passwd-like", "bad-type", "several", "not-an-object"],
)
def test_a_file_that_is_no_schema_is_never_quoted(
    runner: CliRunner, workspace: Path, content: str, code: str
) -> None:
    other = workspace / "data" / "not-a-schema.txt"
    other.write_text(content, encoding="utf-8")
    set_modeline(workspace, "not-a-schema.txt")  # a file in the folder: jtr reads it
    for args in (["validate", "--schema", str(other)], ["validate"], ["status"]):
        result = invoke(runner, *args)
        assert result.exit_code == 2, result.output
        assert f"[{code}]" in result.stderr, result.output
        assert SECRET not in result.output, result.output
