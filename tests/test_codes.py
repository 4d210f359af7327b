"""Finding codes are listed once, by the module that reports them, and every code jtr prints is
listed: SARIF's rule table, the README and the corpus all read the same lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import invoke
from typer.testing import CliRunner

from jtr import loader, roadmap, schema, validate, versioning
from jtr.reporters import LOADER_CODES
from jtr.rules import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad"
OWNERS = (loader, versioning, validate, schema, roadmap)


def test_each_listed_code_is_reported_by_the_module_that_lists_it() -> None:
    for module in OWNERS:
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        body = source.replace("CODES: dict[str, str] = {", "", 1)
        for code in module.CODES:
            # Listed once in CODES, and used again where the finding is made.
            assert body.count(f'"{code}"') >= 2, (
                f"{module.__name__} lists {code} but never reports it"
            )


def test_the_lists_do_not_overlap_and_make_the_loader_codes() -> None:
    codes = [code for module in OWNERS for code in module.CODES]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(LOADER_CODES)
    assert not set(LOADER_CODES) & set(REGISTRY)


def test_every_code_the_corpus_gets_is_listed(runner: CliRunner) -> None:
    known = set(LOADER_CODES) | set(REGISTRY)
    seen: set[str] = set()
    for path in sorted(BAD.iterdir()):
        result = invoke(runner, "validate", str(path), "--format", "json")
        if not result.stdout.strip():
            continue
        for entry in json.loads(result.stdout)["files"]:
            seen |= {d["code"] for d in entry.get("diagnostics", [])}
    assert seen, "the corpus produced no findings"
    assert seen <= known, sorted(seen - known)


def test_the_readme_names_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`", readme))
    missing = sorted((set(LOADER_CODES) | set(REGISTRY)) - named - {"model"})
    assert missing == []
