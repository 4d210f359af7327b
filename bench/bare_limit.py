"""The bare limit: libyaml's loader plus jsonschema's validator, and nothing else.

python bench/bare_limit.py ROADMAP SCHEMA    (exit 0 valid; a traceback if not)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import yaml


def main(roadmap: str, schema: str) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(Path(schema).read_text("utf-8")))
    data = yaml.load(Path(roadmap).read_text("utf-8"), Loader=yaml.CSafeLoader)
    validator.validate(data)


if __name__ == "__main__":
    main(*sys.argv[1:3])
