"""The limit: the fastest safe YAML loader available plus jsonschema-rs, and nothing else.

python bench/limit.py ROADMAP SCHEMA [--which]    (exit 0 valid; a traceback if not)

The loader is yaml-rs (`pip install yaml-rs`: Rust, builds the Python data directly, no
Python objects beyond it, unknown tags refused, alias expansion bounded) when installed, else
PyYAML's CSafeLoader. It is not what jtr may use as it is: yaml-rs expands aliases, reads
YAML 1.2 core types (`010` is 10, `0x1F` is 31) and refuses nothing jtr refuses by name
(anchors, merge keys, duplicate keys with their positions). `--which` prints the loader and
validator used (on stderr).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema_rs


def _refuse(uri: str) -> Any:
    raise LookupError(uri)  # nothing is fetched, as in jtr


def load(text: str) -> tuple[Any, str]:
    try:
        import yaml_rs
    except ImportError:
        import yaml

        return yaml.load(text, Loader=yaml.CSafeLoader), "yaml.CSafeLoader"
    return yaml_rs.loads(text, parse_datetime=False), f"yaml-rs {yaml_rs.__version__}"


def main(roadmap: str, schema: str, which: bool = False) -> None:
    validator = jsonschema_rs.Draft202012Validator(
        json.loads(Path(schema).read_text("utf-8")), retriever=_refuse
    )
    data, loader = load(Path(roadmap).read_text("utf-8"))
    validator.validate(data)
    if which:
        print(f"{loader} + jsonschema-rs", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--which" in sys.argv[3:])
