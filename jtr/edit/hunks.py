"""Applying a change of the ruamel.yaml tree to the original lines, all other lines kept.

The dump of the changed tree is compared with the original lines. The change must be a pure
insertion (a new record) or a pure deletion (`--clear`); it is then applied to the original
lines, so every other line stays byte for byte as written even where ruamel would format it
differently. New lines are slid above comments that belong to what follows them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any, NamedTuple

from jtr.diagnostics import LoadError
from jtr.edit.errors import EditError
from jtr.edit.lines import Line, newline_of
from jtr.edit.rtyaml import dump_tree, load_tree, make_yaml, read_indentation
from jtr.labels import message


class Hunk(NamedTuple):
    start: int  # lines[start:stop] are replaced by `added`
    stop: int
    added: list[str]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _belongs_below(text: str, indent: int) -> bool:
    """A blank line, or a comment less indented than `indent`: it introduces what follows."""
    body = text.strip()
    return not body or (body.startswith("#") and _indent(text) < indent)


def _hunk(old: list[str], new: list[str]) -> Hunk:
    """The one region where `new` differs from `old`."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return Hunk(start, len(old) - end, new[start : len(new) - end])


def _boundary_map(original: list[str], dumped: list[str]) -> dict[int, int]:
    """Line boundaries of the plain dump → boundaries of the original text, where certain."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, original, dumped, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        mapping.setdefault(b1, a1)
        if tag == "equal":
            for k in range(1, b2 - b1 + 1):
                mapping[b1 + k] = a1 + k
        else:
            mapping[b2] = a2
    return mapping


def _change(
    original: list[str],
    mutate: Callable[[Any], None],
    name: str,
    indentation: tuple[int, int, int] | None = None,
) -> Hunk:
    """The lines a ruamel tree change adds to or removes from `original`, all others kept."""
    source = "".join(f"{text}\n" for text in original)
    yaml = make_yaml(source, indentation)
    tree = load_tree(yaml, source, name)
    mutate(tree)
    edited = dump_tree(yaml, tree)
    start, stop, added = _hunk(original, edited)
    if start != stop:  # a deletion, or lines ruamel reformatted: compare with a plain dump
        plain = dump_tree(yaml, load_tree(yaml, source, name))
        n_start, n_stop, added = _hunk(plain, edited)
        boundaries = _boundary_map(original, plain)
        if n_start not in boundaries or n_stop not in boundaries or (n_start != n_stop and added):
            raise EditError(message("err_cannot_edit_in_place", name=name))
        start, stop = boundaries[n_start], boundaries[n_stop]
    if added:  # insertion: above blank lines and outdented comments that introduce what follows
        first = next((t for t in added if t.strip()), "")
        while start > 0 and _belongs_below(original[start - 1], _indent(first)):
            start -= 1
        stop = start
    elif stop > start:  # deletion: keep the blank lines and comments that introduce what follows
        indent = _indent(original[start])
        while stop > start and _belongs_below(original[stop - 1], indent):
            stop -= 1
    return Hunk(start, stop, added)


def _splice(lines: list[Line], hunk: Hunk) -> list[Line]:
    newline = newline_of(lines) if lines else "\n"
    result = lines[: hunk.start] + [Line(t, newline) for t in hunk.added] + lines[hunk.stop :]
    if lines and not lines[-1].end and result:  # keep a missing final newline missing
        result = [r if r.end else Line(r.text, newline) for r in result[:-1]] + [
            Line(result[-1].text, "")
        ]
    return result


def item_block(lines: list[Line], where: tuple[int, ...]) -> tuple[int, int, int] | None:
    """(first line, end line, dash column) of a block-style item `- id: …`, or None."""
    from jtr.loader import PositionIndex

    text = "".join(line.text + "\n" for line in lines)
    line, column = PositionIndex(text).locate(("courses", where[0], "items", where[1]))
    first = line - 1
    head = lines[first].text[: column - 1].rstrip(" ")
    dash = len(head) - 1
    if not head.endswith("-") or head[:dash].strip():
        return None
    end = first + 1
    while end < len(lines) and (not lines[end].text.strip() or _indent(lines[end].text) > dash):
        end += 1
    while end > first + 1 and not lines[end - 1].text.strip():
        end -= 1
    return first, end, dash


def edit_item(
    lines: list[Line],
    where: tuple[int, ...],
    change: Callable[[Any], None],
    name: str,
    expected: Any,
) -> list[Line]:
    """Apply `change` to the ruamel node of the item at `where` and check that the new text
    reads back as `expected`.

    Only the item's own lines go through ruamel.yaml, re-indented under a stand-in key (a
    twentieth of the file, so a twentieth of the time); if that does not give the expected
    result, the whole file does.
    """
    from jtr.loader import load_text

    def reads_back(result: list[Line]) -> bool:
        try:
            return bool(load_text("".join(t.text + t.end for t in result), name) == expected)
        except LoadError:
            return False

    indentation = read_indentation("".join(line.text + "\n" for line in lines))
    block = item_block(lines, where)
    if block is not None and block[2] >= indentation[2]:
        first, end, dash = block
        shift = dash - indentation[2]
        part = ["_:", *(line.text[shift:] for line in lines[first:end])]
        try:
            hunk = _change(part, lambda tree: change(tree["_"][0]), name, indentation)
        except EditError:
            hunk = None
        if hunk is not None and hunk.start > 0:
            added = [" " * shift + t if t else t for t in hunk.added]
            result = _splice(lines, Hunk(first + hunk.start - 1, first + hunk.stop - 1, added))
            if reads_back(result):
                return result
    ci, ii = where[0], where[1]
    result = _splice(
        lines,
        _change(
            [line.text for line in lines], lambda t: change(t["courses"][ci]["items"][ii]), name
        ),
    )
    if not reads_back(result):  # a bug, not the user's: say so rather than write a wrong file
        raise EditError(message("err_edit_read_back", name=name))
    return result
