"""ruamel.yaml, configured so that loading and dumping a file gives it back byte for byte.

ruamel.yaml is imported only inside these functions: the views never pay for it.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from jtr.edit.errors import EditError
from jtr.edit.lines import BOM, decode_text, newline_of, split_lines
from jtr.labels import message


def read_indentation(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file writes them; (2, 4, 2) if
    it does not say: 2-space mappings, `- ` indented two under its key."""
    mapping = sequence = offset = None
    lines = [
        ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")
    ]  # fmt: skip
    key_only = re.compile(r"^( *)[^\s#\-][^#]*:\s*(#.*)?$")
    for above, below in itertools.pairwise(lines):
        match = key_only.match(above)
        if not match:
            continue
        parent = len(match.group(1))
        child = len(below) - len(below.lstrip(" "))
        body = below.lstrip(" ")
        if child < parent or (child == parent and not body.startswith("- ")):
            continue
        if body.startswith("- ") and sequence is None:
            offset = child - parent
            sequence = offset + 1 + len(body[1:]) - len(body[1:].lstrip(" "))
        elif not body.startswith("-") and mapping is None:
            mapping = child - parent
        if mapping is not None and sequence is not None:
            break
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    sequence = sequence or offset + 2
    return mapping, max(sequence, offset + 2), offset


def make_yaml(text: str, indentation: tuple[int, int, int] | None = None) -> Any:
    """A round-trip ruamel.yaml instance for this text (indentation: as read from it).

    Its defaults would change a file: lines folded at 80 columns, indentation normalised,
    quotes dropped, `~`/`null` written as nothing, `True` as `true`, `{a: b}` inside a flow
    list as `a: b`. Plain scalars other than strings (null, booleans, numbers, dates) are kept
    as the exact text that was written.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class Constructor(RoundTripConstructor):
        pass

    class Representer(RoundTripRepresenter):
        pass

    def construct_verbatim(constructor: Any, node: Any) -> Verbatim:
        return Verbatim(node.value, node.tag)

    def represent_verbatim(representer: Any, data: Verbatim) -> Any:
        return representer.represent_scalar(data.tag, str(data))

    for name in ("null", "bool", "int", "float", "timestamp"):
        Constructor.add_constructor(f"tag:yaml.org,2002:{name}", construct_verbatim)
    Representer.add_representer(Verbatim, represent_verbatim)

    yaml = YAML(typ="rt")
    yaml.Constructor = Constructor
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never fold a long line
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    mapping, sequence, offset = indentation or read_indentation(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    head = re.match(r"(?:[ \t]*(?:#[^\n]*)?\n)*---(?:[ \t\n]|$)", text)
    yaml.explicit_start = bool(head)
    yaml.explicit_end = bool(re.search(r"\n\.\.\.[ \t]*\n?$", text))
    return yaml


class Verbatim(str):
    """A plain scalar that is not a string (null, boolean, number, date), kept as written."""

    tag: Any

    def __new__(cls, text: str, tag: Any) -> Verbatim:
        self = super().__new__(cls, text)
        self.tag = tag
        return self


def load_tree(yaml: Any, text: str, name: str) -> Any:
    """The round-trip tree of `text`; EditError if ruamel.yaml cannot read it."""
    from ruamel.yaml.error import YAMLError

    try:
        return yaml.load(text)
    except YAMLError as exc:
        detail = str(exc).splitlines()[0]
        raise EditError(message("err_ruamel_cannot_read", name=name, detail=detail)) from None


def dump_tree(yaml: Any, tree: Any) -> list[str]:
    """The dumped tree's lines, without their line breaks."""
    import io

    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue().split("\n")[:-1]


def roundtrip(raw: bytes, name: str = "<bytes>") -> bytes:
    """Load and save with ruamel.yaml alone (no splice): the proof of its configuration."""
    bom, text = decode_text(raw, name)
    lines = split_lines(text)
    source = "".join(f"{line.text}\n" for line in lines)
    yaml = make_yaml(source)
    dumped = dump_tree(yaml, load_tree(yaml, source, name))
    newline = newline_of(lines) if lines else "\n"
    out = newline.join(dumped)
    if not lines or lines[-1].end:
        out += newline
    return (BOM if bom else b"") + out.encode("utf-8")
