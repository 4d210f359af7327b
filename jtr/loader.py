"""YAML text → plain data, refusing what a roadmap never needs and positioning every finding.

The data is built straight from the parser's event stream with an explicit stack, so that:
- depth is bounded while parsing, before anything recursive sees the document;
- anchors, aliases, merge keys, custom tags and duplicate keys are caught where they stand;
- plain scalars are resolved with YAML 1.2 core rules (plus JSON-style numbers), so `yes`,
  `010`, `1:20`, `1_000` and bare dates stay the text the author wrote.
Positions are not kept on the fast path; `PositionIndex` re-reads the text on demand, which
only happens when there is something to report.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from jtr.diagnostics import Diagnostic, LoadError, Severity, YamlPath
from jtr.escape import clip, quote
from jtr.fileio import ReadError as ReadError  # defined there; most callers import it here
from jtr.fileio import read_limited
from jtr.labels import current_lang, label, message

if TYPE_CHECKING:
    from types import ModuleType


def _yaml() -> tuple[ModuleType, Any]:
    """PyYAML and its fastest event loader, imported on first parse (a cached file needs none)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader  # libyaml when built with it
    return yaml, loader


MAX_DEPTH = 64  # a roadmap nests about 8 levels; anything near this is a mistake or an attack
MAX_LOAD_DIAGNOSTICS = 50
_INTERN_UP_TO = 64  # characters

# The codes of the findings this module reports, with what each checks (SARIF and the README
# list them from here).
CODES: dict[str, str] = {
    "yaml-syntax": "The file is valid YAML",
    "duplicate-key": "No key appears twice in one mapping",
    "anchor": "No YAML anchors (&a)",
    "alias": "No YAML aliases (*a)",
    "merge-key": "No YAML merge keys (<<)",
    "tag": "No YAML tags such as !!python/object",
    "complex-key": "Mapping keys are plain text",
    "too-deep": "Nesting stays far below the depth limit",
    "not-mapping": "The top level is a mapping",
    "empty": "The file is not empty",
    "multiple-documents": "The file holds exactly one YAML document",
    "encoding": "The file is UTF-8 text",
    "line-separator": "No U+0085, U+2028 or U+2029 outside quoted text",
    "number-too-long": "Integers have at most 1,000 digits",
}

# libyaml's words for what it could not parse, each with the catalog's entry that says it in
# the run's language (its English is libyaml's text); other words are quoted as they are.
_YAML_WORDING = (
    "find_yaml_expected_sequence_end",
    "find_yaml_expected_mapping_end",
    "find_yaml_expected_key",
    "find_yaml_expected_dash",
    "find_yaml_expected_node",
    "find_yaml_expected_document",
    "find_yaml_expected_name",
    "find_yaml_expected_line_break",
    "find_yaml_expected_colon",
    "find_yaml_tab_indent",
    "find_yaml_cannot_start",
    "find_yaml_unexpected_end",
    "find_yaml_mapping_not_allowed",
    "find_yaml_sequence_not_allowed",
    "find_yaml_unknown_escape",
    "find_yaml_undefined_tag",
    "find_yaml_unknown_directive",
    "find_yaml_while_flow_sequence",
    "find_yaml_while_flow_mapping",
    "find_yaml_while_block_mapping",
    "find_yaml_while_block_collection",
    "find_yaml_while_block_node",
    "find_yaml_while_flow_node",
    "find_yaml_while_plain_scalar",
    "find_yaml_while_scanning_quoted",
    "find_yaml_while_parsing_quoted",
    "find_yaml_while_block_scalar",
    "find_yaml_while_simple_key",
    "find_yaml_while_next_token",
    "find_yaml_while_alias",
    "find_yaml_while_anchor",
    "find_yaml_while_parsing_tag",
    "find_yaml_while_scanning_tag",
    "find_yaml_while_directive",
)
_CONTROL_REFUSED = re.compile(
    r"unacceptable character #x([0-9A-Fa-f]+): control characters are not allowed"
)


def worded(text: str, keys: tuple[str, ...]) -> str:
    """A library's English `text` in this run's language, when one of the catalog's `keys`
    says it (their English is the library's, braces doubled); else `text` as it is."""
    for key in keys:
        if label(key, "en").format() == text:
            return label(key, current_lang()).format()
    return text


_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
_FLOAT_CHARS = frozenset("0123456789.eE+-")
_SPECIAL_FLOATS = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip
_WORDS: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}  # fmt: skip
_NUMBER_START = frozenset("0123456789+-.")
# Digits in a plain integer beyond which it is a mistake or an attack. Python refuses to read
# more than 4,300 digits (`ValueError: Exceeds the limit`); a roadmap needs four.
MAX_NUMBER_DIGITS = 1000

# Line breaks to YAML 1.1 (and so to libyaml and PyYAML) that are no line break to editors,
# diffs or YAML 1.2: text after one in a comment is invisible to a reviewer yet parsed.
_SEPARATORS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_SEPARATOR_BYTES = tuple(ch.encode("utf-8") for ch in _SEPARATORS)
_SEPARATOR = re.compile("[\x85\u2028\u2029]")


class NumberTooLong(ValueError):
    """A plain integer with more digits than `MAX_NUMBER_DIGITS`."""

    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def resolve_plain(value: str) -> Any:
    """Type of an untagged plain scalar under YAML 1.2 core rules, JSON-style numbers only.

    `010`, `0x1F`, `1_000`, `1:20` and dates stay text: only what JSON would call a number is
    one. An integer of more than `MAX_NUMBER_DIGITS` digits raises NumberTooLong.
    """
    if value in _WORDS:
        return _WORDS[value]
    if value[0] not in _NUMBER_START:
        return value
    digits = value[1:] if value[0] in "+-" else value
    if digits.isdigit() and digits.isascii():
        if len(digits) > 1 and digits[0] == "0":
            return value
        if len(digits) > MAX_NUMBER_DIGITS:
            raise NumberTooLong(len(digits))
        return int(value)
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    if _FLOAT_CHARS.issuperset(digits) and any(c.isdigit() for c in digits):
        mantissa = digits.split("e")[0].split("E")[0]
        whole = mantissa.split(".")[0]
        if len(whole) > 1 and whole[0] == "0":
            return value  # 01.5: not a JSON number
        try:
            return float(value)
        except ValueError:
            return value
    return value


class Document:
    """A loaded YAML file: its data and the means to position any path in it.

    It keeps the file's UTF-8 bytes rather than a decoded str: half the memory for Japanese
    text, and what libyaml reads without another copy. `text` decodes them when asked.
    """

    __slots__ = ("_plain_numbers", "_positions", "data", "file", "source")

    def __init__(
        self,
        file: str,
        source: str | bytes,
        data: dict[str, Any],
        plain_numbers: bool | None = None,
    ) -> None:
        self.file = file
        self.source = source  # UTF-8 bytes (no BOM), or text when built from a str
        self.data = data
        self._positions: PositionIndex | None = None
        self._plain_numbers = plain_numbers

    @property
    def plain_numbers(self) -> bool:
        """No number in the data that JSON Schema's engines may read otherwise than jtr: no
        float (`2024.0` is an integer to JSON Schema and not to jtr; `.inf` is no JSON
        number) and no integer beyond ±2**53. The loader says so as it builds the data;
        data from elsewhere is looked through on first use."""
        if self._plain_numbers is None:
            self._plain_numbers = numbers_are_plain(self.data)
        return self._plain_numbers

    @property
    def text(self) -> str:
        source = self.source
        return source.decode("utf-8") if isinstance(source, bytes) else source

    @property
    def head(self) -> str:
        """The first few thousand characters, where a `# yaml-language-server:` line stands."""
        source = self.source[:8192]
        return source.decode("utf-8", errors="ignore") if isinstance(source, bytes) else source

    @property
    def positions(self) -> PositionIndex:
        if self._positions is None:  # built on first use: only files with findings need it
            self._positions = PositionIndex(self.source)
        return self._positions

    def diagnostic(
        self,
        path: YamlPath,
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        at_key: bool = False,
    ) -> Diagnostic:
        line, column = self.positions.locate(path, at_key=at_key)
        return Diagnostic(self.file, line, column, severity, code, message, tuple(path))


def read_bytes(path: Path, name: str) -> bytes:
    """A regular file's bytes, up to jtr's size limit, or ReadError saying plainly why not
    (see jtr.fileio.read_limited)."""
    return read_limited(path, name)[0]


def read_text(path: Path, display: str | None = None) -> str:
    """Read a file as UTF-8 text, refusing other encodings with a positioned message."""
    name = display or str(path)
    return decode(read_bytes(path, name), name)


def decode(raw: bytes, name: str) -> str:
    """The text of a UTF-8 file (BOM dropped), or LoadError at the first bad byte."""
    return utf8_body(raw, name).decode("utf-8")


_CHUNK = 1 << 20


def utf8_body(raw: bytes, name: str) -> bytes:
    """The bytes after any BOM, once checked to be UTF-8 text: LoadError at the first bad byte.

    Checked a megabyte at a time, so that a large file is never held twice, as bytes and text.
    """

    def refuse(offset: int, message: str) -> LoadError:
        line, column = _byte_position(body, offset)
        return LoadError([Diagnostic(name, line, column, Severity.ERROR, "encoding", message)])

    body = raw
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise refuse(0, message("find_utf16"))
    if raw.startswith(b"\xef\xbb\xbf"):
        body = raw[3:]  # positions below count from after the BOM, as editors show them
    nul = body.find(b"\x00")
    if nul != -1:
        raise refuse(nul, message("find_nul_byte"))
    checker = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(body)
    for start in range(0, len(body), _CHUNK):
        try:
            checker.decode(view[start : start + _CHUNK], final=start + _CHUNK >= len(body))
        except UnicodeDecodeError as exc:
            # The decoder keeps an incomplete sequence back; re-decode from a safe point.
            origin = max(start - 4, 0)
            try:
                body[origin:].decode("utf-8")
            except UnicodeDecodeError as full:
                offset = origin + full.start
            else:  # pragma: no cover - the chunked check and the full one always agree
                offset = start + exc.start
            key = "find_invalid_utf8_shift_jis" if _looks_shift_jis(body) else "find_invalid_utf8"
            raise refuse(offset, message(key, byte=f"{body[offset]:02x}")) from exc
    if not body:
        checker.decode(b"", final=True)
    return body


def _japanese(text: str) -> int:
    return sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")


def _looks_shift_jis(raw: bytes) -> bool:
    """More Japanese read as Shift_JIS (cp932) than as UTF-8, and not UTF-8 mojibake.

    UTF-8 read as cp932 turns into kanji mixed with many half-width katakana; real Shift_JIS
    text has few of those.
    """
    try:
        as_sjis = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    sjis_japanese = _japanese(as_sjis)
    halfwidth_kana = sum(1 for ch in as_sjis if "\uff61" <= ch <= "\uff9f")
    utf8_japanese = _japanese(raw.decode("utf-8", errors="replace"))
    return sjis_japanese > utf8_japanese and halfwidth_kana * 4 <= sjis_japanese


def _looks_utf16(raw: bytes) -> bool:
    # UTF-16 without a BOM: ASCII text with a zero byte in every other position.
    head = raw[:64]
    return len(head) >= 4 and (
        head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4
    )


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset, lines as `_offset_mark`."""
    breaks = raw.count(b"\n", 0, offset) + raw.count(b"\r", 0, offset)
    line = breaks - raw.count(b"\r\n", 0, offset) + 1
    line_start = max(raw.rfind(b"\n", 0, offset), raw.rfind(b"\r", 0, offset)) + 1
    prefix = raw[line_start:offset]
    column = len(prefix.decode("utf-8", errors="replace")) + 1
    return line, column


def load_file(path: Path, display: str | None = None) -> Document:
    """Read and load a roadmap-shaped YAML file (a single mapping document)."""
    name = display or str(path)
    body = utf8_body(read_bytes(path, name), name)
    return load_document(body, name)


def load_text(text: str | bytes, name: str = "<string>") -> dict[str, Any]:
    """Load YAML (text, or UTF-8 bytes checked by `utf8_body`) into plain data, or raise
    LoadError with positioned diagnostics."""
    return load_document(text, name).data


def load_document(text: str | bytes, name: str = "<string>") -> Document:
    """The same as a Document, which knows whether its numbers are plain (see
    Document.plain_numbers) without looking through the data again."""
    builder = _Builder(name)
    with paused_gc():
        data: dict[str, Any] = builder.build(text)
    if builder.diagnostics:
        raise LoadError(sorted(builder.diagnostics))
    return Document(name, text, data, builder.plain_numbers)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block. Building or walking a large
    roadmap allocates millions of objects and no cycle; each collection meanwhile scans
    everything built so far, which costs a tenth of the time and grows faster than the file."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# Integers JSON Schema's engines all read exactly (a double holds them): 2**53.
_EXACT_INT = 2**53


def numbers_are_plain(data: Any) -> bool:
    """No float and no integer beyond ±2**53 anywhere in `data` (see Document.plain_numbers)."""
    stack = [data]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            stack.extend(node.values())
        elif kind is list:
            stack.extend(node)
        elif kind is float or (kind is int and abs(node) > _EXACT_INT):
            return False
        elif kind is not str and kind is not bool and kind is not int and node is not None:
            return False  # nothing a loader builds: let the precise validator judge it
    return True


class _Frame:
    __slots__ = ("container", "is_key", "key", "key_lines", "want_key")

    def __init__(self, container: Any, is_key: bool = False) -> None:
        self.container = container
        self.is_key = is_key  # a (refused) complex key: its end does not complete an entry
        self.key: Any = _NO_KEY  # the key whose value is being read (kept for paths)
        self.want_key = True  # whether the next node of a mapping is a key
        # Where each key was first seen (a mark), for a duplicate's message; None in a list.
        self.key_lines: dict[Any, Any] | None = {} if isinstance(container, dict) else None


_NO_KEY = object()


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.diagnostics: list[Diagnostic] = []
        self.restore: dict[int, str] | None = None  # set when separators were swapped out
        self.quoted: list[tuple[int, int]] = []
        self.plain_numbers = True  # see Document.plain_numbers
        self.root: Any = None
        self.root_mark: Any = None

    def report(self, mark: Any, code: str, message: str, path: YamlPath = ()) -> None:
        if len(self.diagnostics) < MAX_LOAD_DIAGNOSTICS:
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            self.diagnostics.append(
                Diagnostic(self.name, line, column, Severity.ERROR, code, message, path)
            )

    def build(self, source: str | bytes) -> Any:
        yaml, self.loader = _yaml()
        self.yaml = yaml
        if isinstance(source, bytes):
            if _has_separator(source):  # rare: read from the text, where they are swapped out
                return self.build(source.decode("utf-8"))
            try:
                return self._build(source)
            except yaml.YAMLError:
                # Report from the text, where every offset counts characters.
                self.diagnostics = []
                return self.build(source.decode("utf-8"))
        text = source
        neutral = _neutralise(text) if _has_separator(text) else None
        self.restore = neutral.restore if neutral else None
        self.quoted = []  # (start, end) of each quoted scalar, kept only when there are separators
        reached = len(text)  # how far the parser read: separators beyond are not judged
        result: Any = None
        try:
            result = self._build(neutral.text if neutral else text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            reached = mark.index if mark is not None else 0
            problem = exc.problem or ""
            context = exc.context if exc.context and exc.context not in problem else ""
            self.diagnostics = [d for d in self.diagnostics if d.code != "yaml-syntax"]
            if "nesting depth" in problem:  # libyaml's own bound, hit while scanning ahead
                mark = _flow_depth_mark(text, MAX_DEPTH + 1) or mark
                self.report(mark, "too-deep", message("find_too_deep", depth=MAX_DEPTH))
            elif exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
                # The end of the file is where the scanner gave up; the opening quote is the cause.
                reached = exc.context_mark.index
                self.report(exc.context_mark, "yaml-syntax", message("find_yaml_unclosed_quote"))
            else:
                said = worded(problem, _YAML_WORDING) if problem else message("find_yaml_invalid")
                during = f" ({worded(context, _YAML_WORDING)})" if context else ""
                self.report(
                    mark, "yaml-syntax", message("find_yaml_syntax", problem=said, context=during)
                )
        except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
            mark = getattr(exc, "mark", None) or getattr(exc, "problem_mark", None)
            position = getattr(exc, "position", None)
            if mark is None and isinstance(position, int):
                mark = _offset_mark(text, position)
            reached = position if isinstance(position, int) else 0
            character = getattr(exc, "character", None)
            detail = _first_line(str(exc))
            refused = _CONTROL_REFUSED.fullmatch(detail)
            if isinstance(character, str):
                said = message("find_yaml_bad_character", code=f"{ord(character):04X}")
            elif refused:
                said = message("find_yaml_control_character", code=refused.group(1))
            else:
                said = message("find_yaml_error", detail=detail)
            self.report(mark, "yaml-syntax", said)
        if neutral is not None:
            self._refuse_separators(text, neutral.offsets, reached)
        return result

    def _refuse_separators(self, text: str, offsets: list[int], reached: int) -> None:
        """A positioned error for each U+0085/U+2028/U+2029 outside a quoted scalar."""
        starts = [start for start, _ in self.quoted]
        for offset in offsets:
            if offset >= reached:
                break
            inside = bisect_right(starts, offset) - 1
            if inside >= 0 and offset < self.quoted[inside][1]:
                continue  # text in a quoted value, kept as it is
            char = text[offset]
            said = message("find_line_separator", code=f"{ord(char):04X}", name=_SEPARATORS[char])
            self.report(_offset_mark(text, offset), "line-separator", said)

    def _path(self, stack: list[_Frame]) -> YamlPath:
        parts: list[str | int] = []
        for frame in stack:
            if isinstance(frame.container, dict):
                if not frame.want_key:
                    parts.append(frame.key)
            else:
                parts.append(len(frame.container))
        return tuple(parts)

    def _build(self, text: str | bytes) -> Any:
        """The data from the parser's events: the common node (no anchor, no tag, a plain or
        quoted scalar, a collection in value position) is handled inline; anything else goes
        through `_node`, which does every check. Both give the same data and findings."""
        yaml = self.yaml
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        document_start = yaml.DocumentStartEvent
        words, number_start, frame_of = _WORDS, _NUMBER_START, _Frame
        stack: list[_Frame] = []
        self.root = self.root_mark = None
        documents = 0
        inline = self.restore is None  # with separators swapped out, every node takes _node
        if inline and self.loader.__name__ == "CSafeLoader":
            events: Iterator[Any] = iter(self.loader(text).get_event, None)
        else:
            events = yaml.parse(text, Loader=self.loader)
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                if not inline or event.anchor is not None or event.tag is not None:
                    self._node(event, kind, stack)
                    continue
                value = event.value
                if len(value) <= _INTERN_UP_TO:
                    value = intern(value)  # see _scalar
                if not event.style:  # plain: '' from libyaml, None from pure Python
                    if value in words:
                        value = words[value]
                    elif value[0] in number_start:
                        value = self._resolve(event, value, stack)
                if not stack:
                    self.root, self.root_mark = value, event.start_mark
                    continue
                frame = stack[-1]
                if frame.key_lines is None:
                    frame.container.append(value)
                elif frame.want_key:
                    key = intern(event.value)
                    if key in frame.container or key == "<<":  # a duplicate, a merge key?
                        self._key(frame, key, event, stack)
                    else:
                        frame.key_lines[key] = event.start_mark
                        frame.key = key
                        frame.want_key = False
                else:
                    if frame.key not in frame.container:
                        frame.container[frame.key] = value
                    frame.want_key = True
            elif kind is mapping_start or kind is sequence_start:
                if not inline or event.anchor is not None or event.tag is not None:
                    if not self._node(event, kind, stack):
                        return None
                    continue
                if len(stack) >= MAX_DEPTH:
                    self.report(
                        event.start_mark, "too-deep", message("find_too_deep", depth=MAX_DEPTH)
                    )
                    return None
                value = {} if kind is mapping_start else []
                if not stack:
                    self.root, self.root_mark = value, event.start_mark
                    stack.append(frame_of(value))
                    continue
                frame = stack[-1]
                if frame.key_lines is None:
                    frame.container.append(value)
                elif frame.want_key:  # a collection as a key: refused there
                    self._attach(stack, value, event)
                    stack.append(frame_of(value, True))
                    continue
                elif frame.key not in frame.container:
                    frame.container[frame.key] = value
                stack.append(frame_of(value))
            elif kind is mapping_end or kind is sequence_end:
                done = stack.pop()
                if stack and stack[-1].key_lines is not None and not done.is_key:
                    stack[-1].want_key = True  # the entry whose value just ended is complete
            elif kind is alias_event:
                self.report(
                    event.start_mark, "alias",
                    message("find_alias", anchor=clip(event.anchor, 40)),
                    self._path(stack),
                )  # fmt: skip
                if stack:
                    self._attach(stack, None, event)
            elif kind is document_start:
                documents += 1
                if documents > 1:
                    self.report(
                        event.start_mark, "multiple-documents", message("find_multiple_documents")
                    )
                    return None
        root, root_mark = self.root, self.root_mark
        if documents == 0 or root is None:
            self.report(None, "empty", message("find_empty"))
            return None
        if not isinstance(root, dict):
            if isinstance(root, list):
                found = message("find_not_mapping_list")
            else:
                shown = quote(root) if isinstance(root, str) else clip(repr(root), 80)
                found = message("find_not_mapping_value", value=shown)
            self.report(root_mark, "not-mapping", found)
            return None
        return root

    def _node(self, event: Any, kind: type, stack: list[_Frame]) -> bool:
        """A scalar, mapping or sequence start with every check (anchor, tag, quoted text
        beside swapped separators, depth, key); False when the document cannot go on."""
        yaml = self.yaml
        if event.anchor is not None:
            self.report(
                event.start_mark, "anchor",
                message("find_anchor", anchor=clip(event.anchor, 40)),
                self._path(stack),
            )  # fmt: skip
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
            self.report(
                event.start_mark, "tag",
                message("find_tag", tag=clip(_short_tag(tag), 60)),
                self._path(stack),
            )  # fmt: skip
            tag = None
        if kind is yaml.ScalarEvent:
            if self.restore is not None and event.style in ("'", '"'):
                self.quoted.append((event.start_mark.index, event.end_mark.index))
            value = self._scalar(event, tag, stack)
        else:
            value = {} if kind is yaml.MappingStartEvent else []
            if len(stack) >= MAX_DEPTH:
                self.report(event.start_mark, "too-deep", message("find_too_deep", depth=MAX_DEPTH))
                return False
        as_key = False
        if not stack:
            self.root, self.root_mark = value, event.start_mark
        else:
            as_key = stack[-1].key_lines is not None and stack[-1].want_key
            self._attach(stack, value, event)
        if kind is not yaml.ScalarEvent:
            stack.append(_Frame(value, as_key))
        return True

    def _scalar(self, event: Any, tag: str | None, stack: list[_Frame]) -> Any:
        value: str = event.value
        if self.restore is not None:
            value = value.translate(self.restore)
        if len(value) <= _INTERN_UP_TO:
            # Keys and short values repeat thousands of times in a large roadmap (id, title,
            # ja, status, owner ids): one shared object each keeps memory near the file's size.
            value = intern(value)
        if tag is None or tag == "!":
            if tag is None and not event.style:  # plain: '' from libyaml, None from pure Python
                return self._resolve(event, value, stack)
            return value
        name = tag[len(_CORE) :]
        if name == "str":
            return value
        reported = len(self.diagnostics)
        resolved: Any = self._resolve(event, value, stack)
        if len(self.diagnostics) > reported:  # too many digits: said once is enough
            return value
        kinds: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        expected = kinds.get(name)
        if (
            expected is None
            or not isinstance(resolved, expected)
            or (name == "int" and isinstance(resolved, bool))
        ):
            self.report(
                event.start_mark, "tag",
                message("find_tag_mismatch", value=clip(value, 80), tag=name), self._path(stack),
            )  # fmt: skip
            return value
        if name == "float":
            self.plain_numbers = False
            return float(cast("int | float", resolved))
        return resolved

    def _resolve(self, event: Any, value: str, stack: list[_Frame]) -> Any:
        try:
            resolved = resolve_plain(value)
        except NumberTooLong as exc:
            self.report(
                event.start_mark, "number-too-long",
                message("find_number_too_long", digits=f"{exc.digits:,}",
                        limit=f"{MAX_NUMBER_DIGITS:,}"),
                self._path(stack),
            )  # fmt: skip
            return value
        if type(resolved) is float or (type(resolved) is int and abs(resolved) > _EXACT_INT):
            self.plain_numbers = False
        return resolved

    def _attach(self, stack: list[_Frame], value: Any, event: Any) -> None:
        yaml = self.yaml
        frame = stack[-1]
        container = frame.container
        if frame.key_lines is None:
            container.append(value)
            return
        if frame.want_key:  # this node is a key
            if type(event) is not yaml.ScalarEvent:
                self.report(
                    event.start_mark, "complex-key", message("find_complex_key"), self._path(stack)
                )
                value = f"<complex key at line {event.start_mark.line + 1}>"
                # Its children attach to a throwaway container, not to this mapping.
            if type(event) is yaml.ScalarEvent:
                text = event.value
                key = intern(text.translate(self.restore) if self.restore is not None else text)
            else:
                key = value
            self._key(frame, key, event, stack)
        else:
            if frame.key not in container:
                container[frame.key] = value
            if type(event) is yaml.ScalarEvent or type(event) is yaml.AliasEvent:
                frame.want_key = True  # a collection completes the entry at its end event

    def _key(self, frame: _Frame, key: Any, event: Any, stack: list[_Frame]) -> None:
        """`key` (read from `event`) starts the next entry of the mapping `frame` holds."""
        key_lines = cast("dict[Any, Any]", frame.key_lines)
        if key == "<<" and not getattr(event, "style", "x"):
            self.report(event.start_mark, "merge-key", message("find_merge_key"), self._path(stack))
        first = key_lines.get(key)
        if first is not None:
            line = event.start_mark.line + 1
            self.report(
                event.start_mark, "duplicate-key",
                message(
                    "find_duplicate_key", key=clip(str(key), 80), first=first.line + 1, line=line
                ),
                (*self._path(stack), key),
            )  # fmt: skip
        else:
            key_lines[key] = event.start_mark  # its line is said only for a duplicate
        frame.key = key
        frame.want_key = False


class _Mark(NamedTuple):
    """A 0-based position, shaped like PyYAML's marks."""

    line: int
    column: int


def _offset_mark(text: str, offset: int) -> _Mark:
    """The 0-based position of a character offset, counting lines as editors and libyaml do:
    LF, CRLF and a lone CR (a file saved with old Mac line endings) each end a line."""
    breaks = text.count("\n", 0, offset) + text.count("\r", 0, offset)
    line = breaks - text.count("\r\n", 0, offset)
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return _Mark(line, offset - line_start)


def _has_separator(source: str | bytes) -> bool:
    if isinstance(source, bytes):
        return any(sep in source for sep in _SEPARATOR_BYTES)
    return any(sep in source for sep in _SEPARATORS)


class _Neutral(NamedTuple):
    """Text with each U+0085/U+2028/U+2029 swapped for an unused private-use character.

    The parser then sees no line break where an editor sees none, so every position after one
    is right, and a quoted scalar keeps the character as text (YAML 1.2's reading; libyaml
    would fold a NEL into a space). `restore` maps the stand-ins back; `offsets` are where the
    characters stand.
    """

    text: str
    restore: dict[int, str]
    offsets: list[int]


def _neutralise(text: str) -> _Neutral:
    offsets = [match.start() for match in _SEPARATOR.finditer(text)]
    table: dict[int, str] = {}
    restore: dict[int, str] = {}
    candidate = 0xE000
    for sep in _SEPARATORS:
        while chr(candidate) in text:
            candidate += 1
        table[ord(sep)] = chr(candidate)
        restore[candidate] = sep
        candidate += 1
    return _Neutral(text.translate(table), restore, offsets)


def _flow_depth_mark(text: str, depth: int) -> _Mark | None:
    """Where flow brackets first nest `depth` deep (outside quotes), for libyaml's own bound."""
    level = 0
    quote = ""
    for offset, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            level += 1
            if level >= depth:
                return _offset_mark(text, offset)
        elif ch in "]}":
            level -= 1
    return None


def _short_tag(tag: str) -> str:
    if tag.startswith(_CORE):
        return "!!" + tag[len(_CORE) :]
    return tag if tag.startswith("!") else f"!<{tag}>"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else message("find_yaml_invalid")


class PositionIndex:
    """Where each path of a document starts: 1-based (line, column) of its value and its key."""

    def __init__(self, text: str | bytes) -> None:
        self._values: dict[YamlPath, tuple[int, int]] = {}
        self._keys: dict[YamlPath, tuple[int, int]] = {}
        self._restore: dict[int, str] | None = None
        if _has_separator(text):  # read as the loader reads it, so lines are the editor's
            neutral = _neutralise(text.decode("utf-8") if isinstance(text, bytes) else text)
            text, self._restore = neutral.text, neutral.restore
        # A file that loaded will index; anything else gets 1:1 positions.
        yaml, loader = _yaml()
        with contextlib.suppress(yaml.YAMLError):
            self._index(text, yaml, loader)

    def _index(self, text: str | bytes, yaml: ModuleType, loader: Any) -> None:
        restore = self._restore
        # Each stack entry: [path, is_mapping, pending_key, next_index]
        stack: list[list[Any]] = []
        for event in yaml.parse(text, Loader=loader):
            kind = type(event)
            if kind in (
                yaml.ScalarEvent,
                yaml.MappingStartEvent,
                yaml.SequenceStartEvent,
                yaml.AliasEvent,
            ):
                pos = (event.start_mark.line + 1, event.start_mark.column + 1)
                if not stack:
                    path: YamlPath = ()
                else:
                    top = stack[-1]
                    if top[1]:
                        if top[2] is _NO_KEY:
                            key = event.value if kind is yaml.ScalarEvent else "<complex>"
                            if restore is not None:
                                key = key.translate(restore)
                            top[2] = key
                            self._keys.setdefault((*top[0], key), pos)
                            if kind is not yaml.ScalarEvent:
                                stack.append(
                                    [
                                        (*top[0], "<complex>"),
                                        kind is yaml.MappingStartEvent,
                                        _NO_KEY,
                                        0,
                                    ]
                                )
                            continue
                        path = (*top[0], top[2])
                        top[2] = _NO_KEY
                    else:
                        path = (*top[0], top[3])
                        top[3] += 1
                self._values.setdefault(path, pos)
                if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    stack.append([path, kind is yaml.MappingStartEvent, _NO_KEY, 0])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()

    def locate(self, path: YamlPath, *, at_key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        if at_key and path in self._keys:
            return self._keys[path]
        while path:
            if path in self._values:
                return self._values[path]
            if path in self._keys:
                return self._keys[path]
            path = path[:-1]
        return self._values.get((), (1, 1))

    def key_position(self, path: YamlPath) -> tuple[int, int] | None:
        return self._keys.get(tuple(path))
