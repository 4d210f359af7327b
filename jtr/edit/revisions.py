"""`jtr revise`: a new entry at the end of the revision log, every other line kept.

The log is a top-level list, not a part of an item, so its own lines (the `revisions:` key
and its entries) go through ruamel.yaml's round trip and the new entry is spliced in after
them (jtr.edit.hunks). A file without a log gets one after its `meta:` section (at the end of
the file if it has none). The result must read back as the expected data; jtr.edit.planning
then validates it.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from jtr.edit.errors import EditError
from jtr.edit.hunks import Hunk, _change, _splice
from jtr.edit.lines import Line
from jtr.edit.nodes import key_order
from jtr.labels import current_lang, message

if TYPE_CHECKING:
    from jtr.edit.planning import AddRevision


def _top_key(line: str) -> str | None:
    """The key a top-level line opens (`revisions:` → revisions), else None."""
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)", line)
    return match.group(1) if match else None


def section(lines: list[Line], key: str) -> tuple[int, int] | None:
    """(first line, end line) of the top-level `key:` and the lines under it, without the
    blank lines and comments after it that introduce the next section; None if the file has
    no such line."""
    start = next((i for i, line in enumerate(lines) if _top_key(line.text) == key), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines):
        text = lines[end].text
        if text.startswith(("---", "...")):  # the document's end
            break
        if text and not text.startswith((" ", "\t", "#", "-")):  # the next top-level key
            break
        end += 1
    while end > start + 1 and (not lines[end - 1].text.strip() or lines[end - 1].text[0] == "#"):
        end -= 1
    return start, end


def revision_ids(data: Any) -> list[str]:
    from jtr.access import dict_at, list_at

    return [
        ident
        for entry in list_at(data, "revisions")
        if isinstance(ident := dict_at(entry).get("id"), str)
    ]


def derived_id(data: Any, date: str) -> str:
    """`revision-2024-06-01`, then `revision-2024-06-01-2`, … : the first not yet taken."""
    taken = set(revision_ids(data))
    base = f"revision-{date}"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _body_ids(data: Any) -> list[str]:
    from jtr.access import dict_at, list_at

    return [
        ident
        for body in list_at(data, "bodies")
        if isinstance(ident := dict_at(body).get("id"), str)
    ]


def _check(data: Any, edit: AddRevision, ident: str) -> None:
    """EditError for a body that is not one, an id already taken, a date before the last."""
    from jtr.access import dict_at, list_at
    from jtr.fiscal import month_or_day

    lang = current_lang()
    bodies = _body_ids(data)
    if edit.approved_by not in bodies:
        import difflib

        close = difflib.get_close_matches(edit.approved_by, bodies, n=1, cutoff=0.6)
        if close:
            hint = message("find_did_you_mean", lang, close=repr(close[0]))
        else:
            hint = message("err_revision_bodies_are", lang, bodies=", ".join(bodies))
        raise EditError(
            message("err_revision_unknown_body", lang, body=repr(edit.approved_by), hint=hint)
        )
    if ident in revision_ids(data):
        raise EditError(message("err_revision_id_taken", lang, id=repr(ident)))
    when = month_or_day(edit.date)
    if when is None:
        raise EditError(message("err_revision_bad_date", lang, date=repr(edit.date)))
    entries = [dict_at(r) for r in list_at(data, "revisions")]
    dated = [(e, key) for e in entries if (key := month_or_day(e.get("date"))) is not None]
    if dated:
        last, key = dated[-1]
        same_month = key[:2] == when[:2] and 0 in (key[2], when[2])
        if when < key and not same_month:
            raise EditError(
                message(
                    "err_revision_before_last",
                    lang,
                    date=edit.date,
                    last_id=repr(last.get("id")),
                    last=last.get("date"),
                )
            )


def _entry(edit: AddRevision, ident: str) -> dict[str, Any]:
    """The new revision as plain data, its keys in the schema's order."""
    title: dict[str, str] = {"ja": edit.title}
    if edit.title_en is not None:
        title["en"] = edit.title_en
    values: dict[str, Any] = {
        "id": ident,
        "date": edit.date,
        "title": title,
        "approved_by": edit.approved_by,
    }
    if edit.note is not None:
        values["note"] = {"ja": edit.note, **({"en": edit.note_en} if edit.note_en else {})}
    if edit.baseline is not None:
        values["baseline"] = edit.baseline
    return {key: values[key] for key in key_order("revision") if key in values}


def _node(entry: dict[str, Any], example: Any) -> Any:
    """The entry as a ruamel node, written like `example` (the last revision): its quotes on
    the date, its flow or block style."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    example = example if isinstance(example, CommentedMap) else None
    written = example.get("date") if example is not None else None
    quoted: Any = (
        SingleQuotedScalarString
        if isinstance(written, SingleQuotedScalarString)
        else DoubleQuotedScalarString
    )
    flow = example is not None and example.fa.flow_style()
    node = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, dict):
            sub = CommentedMap(value)
            like = example.get(key) if example is not None else None
            inner_flow = flow or (isinstance(like, CommentedMap) and like.fa.flow_style())
            if inner_flow:
                sub.fa.set_flow_style()
            else:
                sub.fa.set_block_style()
            node[key] = sub
        else:
            node[key] = quoted(value) if key == "date" else value
    if flow:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()
    return node


def _dumped(
    lines: list[Line], indentation: tuple[int, int, int], entry: dict[str, Any]
) -> list[str]:
    """The lines of a new log holding `entry`: `revisions:` and the entry in block style,
    indented as the file indents."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from jtr.edit.rtyaml import dump_tree, make_yaml

    yaml = make_yaml("".join(line.text + "\n" for line in lines), indentation)
    log = CommentedSeq([_node(entry, None)])
    log.fa.set_block_style()
    return dump_tree(yaml, CommentedMap([("revisions", log)]))


def plan_revision(
    lines: list[Line], text: str, data: Any, edit: AddRevision, name: str
) -> tuple[list[Line], str, Any]:
    """(new lines, summary, expected data) of `jtr revise`."""
    from jtr.diagnostics import LoadError
    from jtr.edit.rtyaml import read_indentation
    from jtr.loader import load_text

    if "revisions" in data and not isinstance(data["revisions"], list):
        raise EditError(message("err_cannot_edit_in_place", name=name))
    ident = edit.ident or derived_id(data, edit.date)
    _check(data, edit, ident)
    entry = _entry(edit, ident)
    expected = copy.deepcopy(data)
    expected.setdefault("revisions", []).append(copy.deepcopy(entry))
    indentation = read_indentation("".join(line.text + "\n" for line in lines))
    found = section(lines, "revisions") if "revisions" in data else None
    if found is not None and not data["revisions"] and found[1] - found[0] == 1:
        # `revisions: []`: the one line becomes the log in block style
        result = _splice(lines, Hunk(found[0], found[1], _dumped(lines, indentation, entry)))
    elif found is not None:
        start, end = found
        part = [line.text for line in lines[start:end]]

        def append(tree: Any) -> None:
            log = tree["revisions"]
            log.append(_node(entry, log[-1] if len(log) else None))

        hunk = _change(part, append, name, indentation)
        result = _splice(lines, Hunk(start + hunk.start, start + hunk.stop, hunk.added))
    else:
        if "revisions" in data:  # a key this reader does not find (quoted, in flow style…)
            raise EditError(message("err_cannot_edit_in_place", name=name))
        added = _dumped(lines, indentation, entry)
        meta = section(lines, "meta")
        at = meta[1] if meta is not None else len(lines)
        while at > 0 and not lines[at - 1].text.strip():  # after the section's last line
            at -= 1
        # Set apart by a blank line when the file sets its sections apart so.
        apart = at < len(lines) and not lines[at].text.strip()
        result = _splice(lines, Hunk(at, at, ["", *added] if apart else added))
    try:
        same = load_text("".join(line.text + line.end for line in result), name) == expected
    except LoadError:
        same = False
    if not same:
        raise EditError(message("err_edit_read_back", name=name))
    summary = message(
        "done_revision",
        current_lang(),
        name=name,
        id=ident,
        date=edit.date,
        body=edit.approved_by,
    )
    return result, summary, expected
