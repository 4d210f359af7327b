"""Loading: YAML 1.2 scalars, positions, encodings and refusals."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jtr.diagnostics import LoadError
from jtr.loader import PositionIndex, ReadError, load_file, load_text, resolve_plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("Y", "Y"),
        ("010", "010"), ("1:20", "1:20"), ("1_000", "1_000"), ("0x1F", "0x1F"), ("0o17", "0o17"),
        ("2024-04-01", "2024-04-01"), ("2024-04-01T10:00:00", "2024-04-01T10:00:00"),
        ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
        ("0", 0), ("42", 42), ("-7", -7), ("1.5", 1.5), ("1e3", 1000.0), (".inf", float("inf")),
        ("令和6年度", "令和6年度"), (".", "."), ("-", "-"),
    ],
)  # fmt: skip
def test_plain_scalars_follow_yaml_1_2_core(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected
    assert type(resolve_plain(text)) is type(expected)


def test_quoted_and_tagged_scalars() -> None:
    data = load_text("a: '10'\nb: \"true\"\nc: !!str 010\nd: !!int 10\ne: !!float 1\n")
    assert data == {"a": "10", "b": "true", "c": "010", "d": 10, "e": 1.0}


def test_block_scalars_and_japanese() -> None:
    data = load_text("a: |\n  一行目\n  二行目\nb: >-\n  folded\n  text\n")
    assert data == {"a": "一行目\n二行目\n", "b": "folded text"}


def test_positions_of_values_and_keys() -> None:
    text = "a: 1\nlist:\n  - x\n  - {k: 長野市, m: v}\n"
    index = PositionIndex(text)
    assert index.locate(("list", 1, "m")) == (4, 17)
    assert index.locate(("list", 1, "m"), at_key=True) == (4, 14)
    assert index.locate(("list", 9, "zz")) == (3, 3)  # nearest existing ancestor
    assert index.locate(()) == (1, 1)


def _codes(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(LoadError) as caught:
        load_text(text, "f.yaml")
    return [(d.code, d.line, d.column) for d in caught.value.diagnostics]


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(LoadError) as caught:
        load_text("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml")
    (diag,) = caught.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("duplicate-key", 4, 3)
    assert "first defined at line 3, again at line 4" in diag.message
    assert diag.path == ("b", "c")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: *x\n", [("anchor", 1, 4), ("alias", 2, 4)]),
        ("a: {x: 1}\nb:\n  <<: {y: 2}\n", [("merge-key", 3, 3)]),
        ("a: !!python/object/apply:os.system [ls]\n", [("tag", 1, 4)]),
        ("a: !local x\n", [("tag", 1, 4)]),
        ("a: !!binary aGVsbG8=\n", [("tag", 1, 4)]),
        ("a: !!int ten\n", [("tag", 1, 4)]),
        ("- a\n", [("not-mapping", 1, 1)]),
        ("just text\n", [("not-mapping", 1, 1)]),
        ("", [("empty", 1, 1)]),
        ("# only a comment\n", [("empty", 1, 1)]),
        ("---\n...\n", [("empty", 1, 1)]),
        ("a: 1\n---\nb: 2\n", [("multiple-documents", 2, 1)]),
        ("a: [1\n", [("yaml-syntax", 2, 1)]),
        ("a: 'open\n", [("yaml-syntax", 1, 4)]),
        ("a:\n\tb: 1\n", [("yaml-syntax", 2, 1)]),
        ("? [x]\n: 1\n", [("complex-key", 1, 3)]),
    ],
)
def test_refusals(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert _codes(text) == expected


def test_depth_is_bounded_before_anything_recurses() -> None:
    started = time.monotonic()
    for depth in (65, 10_000, 200_000):
        codes = _codes("a: " + "[" * depth + "]" * depth + "\n")
        assert codes[0][0] == "too-deep"
    block = "".join(" " * i + f"k{i}:\n" for i in range(100)) + " " * 100 + "v\n"
    assert _codes(block)[0][0] == "too-deep"
    assert time.monotonic() - started < 30  # a guard against runaway work, not a benchmark


def test_alias_bomb_is_refused_without_expansion() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    codes = _codes("\n".join(lines) + "\n")
    assert codes[0] == ("anchor", 1, 4)
    assert {c for c, _, _ in codes} == {"anchor", "alias"}
    assert len(codes) <= 50


def _write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "r.yaml"
    path.write_bytes(raw)
    return path


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeffa: 長野\r\nb:\r\n  - 1\r\n".encode())
    doc = load_file(path)
    assert doc.data == {"a": "長野", "b": [1]}
    assert doc.positions.locate(("b", 0)) == (3, 5)


@pytest.mark.parametrize(
    ("raw", "line", "column", "words"),
    [
        ("a: 長野\n".encode("utf-16"), 1, 1, "UTF-16"),
        ("a: 長野市\n".encode("utf-16-le"), 1, 1, "UTF-16"),
        ("title: 長野市\n".encode("shift_jis"), 1, 8, "Shift_JIS"),
        (b"a: 1\nb: x\x00y\n", 2, 5, "NUL"),
        (b"a: 1\nb: 2\nc: ab\xffcd\n", 3, 6, "invalid UTF-8 byte 0xff"),
        ("a: 長野\nb: 市".encode() + b"\xe3\x81\n", 2, 5, "invalid UTF-8"),
    ],
)
def test_bad_encodings_are_positioned(
    tmp_path: Path, raw: bytes, line: int, column: int, words: str
) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(_write(tmp_path, raw), "r.yaml")
    (diag,) = caught.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("encoding", line, column)
    assert words in diag.message


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        load_file(tmp_path / "missing.yaml")
    with pytest.raises(ReadError, match="is a directory"):
        load_file(tmp_path)


def test_utf8_is_checked_across_chunk_boundaries(tmp_path: Path) -> None:
    from jtr.loader import _CHUNK

    # A three-byte character straddling the first chunk boundary is fine…
    padding = b"# " + b"x" * (_CHUNK - 4) + b"\n"
    good = padding + "a: 長野市\n".encode()
    assert load_file(_write(tmp_path, good)).data == {"a": "長野市"}
    # …and a bad byte far into a large file is found at its line and column.
    bad = padding + "a: 長野\n".encode() + b"b: x\xffy\n"
    with pytest.raises(LoadError) as caught:
        load_file(_write(tmp_path, bad), "r.yaml")
    (diag,) = caught.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("encoding", 3, 5)


def test_documents_keep_bytes_and_decode_on_demand(tmp_path: Path) -> None:
    doc = load_file(_write(tmp_path, "\ufeffa: 長野\n".encode()))
    assert isinstance(doc.source, bytes) and not doc.source.startswith(b"\xef\xbb\xbf")
    assert doc.text == "a: 長野\n" and doc.head == "a: 長野\n"
