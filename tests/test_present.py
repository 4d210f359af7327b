"""The one vocabulary (jtr.labels) and the one presenter (jtr.presenter)."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from jtr.catalog.help_text import ENTRIES as HELP_TEXT
from jtr.export.delimited import COLUMNS, header, row_values
from jtr.export.xlsx import ITEM_COLUMNS
from jtr.labels import LABELS, label, label_or
from jtr.model import Span, StatusRecord
from jtr.presenter import (
    LOOKS,
    RecordFields,
    item_ref,
    join,
    owner_names,
    record_json,
    record_text,
    span_label,
    state_label,
    state_text,
    task_json,
    task_rows,
    year_label,
    year_progress,
)
from jtr.roadmap import open_roadmap
from jtr.status import STATES, TIMINGS, roadmap_state

JTR = Path(__file__).resolve().parent.parent / "jtr"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef○●]")


def sources() -> list[Path]:
    """Every module of jtr but the catalog (jtr/labels.py and its parts in jtr/catalog/)."""
    catalog = JTR / "catalog"
    return sorted(
        p for p in JTR.rglob("*.py") if p.name != "labels.py" and catalog not in p.parents
    )


# ---- the catalog -----------------------------------------------------------------------------


def test_every_key_has_both_languages() -> None:
    for key, pair in LABELS.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        ja, en = pair
        assert ja.strip() and en.strip(), key
        assert JAPANESE.search(ja), f"{key}: {ja!r} is not Japanese"
        # the help names the seed's own terms (現状, 方針決定, 令和6年度) in English too
        if key not in HELP_TEXT:
            assert not JAPANESE.search(en), f"{key}: {en!r} is not English"
        assert re.search("[A-Za-z]", en), f"{key}: {en!r} is not English"
        assert label(key, "ja") == ja and label(key, "en") == en


def test_no_meaning_stands_under_two_keys() -> None:
    seen: dict[tuple[str, str], str] = {}
    for key, pair in LABELS.items():
        assert pair not in seen, f"{key} and {seen[pair]} say the same: {pair}"
        seen[pair] = key


def test_no_module_keeps_its_own_label_table() -> None:
    """A (Japanese, English) pair of string literals anywhere but the catalog is a label table
    in the making: the words belong in jtr.labels."""
    found = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Tuple) or len(node.elts) != 2:
                continue
            ja, en = node.elts
            if not (isinstance(ja, ast.Constant) and isinstance(en, ast.Constant)):
                continue
            if not (isinstance(ja.value, str) and isinstance(en.value, str)):
                continue
            if JAPANESE.search(ja.value) and en.value and not JAPANESE.search(en.value):
                found.append(f"{path.relative_to(JTR.parent)}:{node.lineno} {ja.value!r}")
    assert not found, "label pairs outside jtr/labels.py:\n" + "\n".join(found)


_CALL = re.compile(r"""\b(?:label|t)\(\s*["']([\w-]+)["']\s*,|\bmessage\(\s*["']([\w-]+)["']""")


def test_every_key_a_module_asks_for_is_in_the_catalog() -> None:
    """A typo in a key would only show as a KeyError when that line runs."""
    missing = []
    for path in sources():
        for keys in _CALL.findall(path.read_text(encoding="utf-8")):
            key = keys[0] or keys[1]
            if key not in LABELS:
                missing.append(f"{path.relative_to(JTR.parent)}: {key}")
    assert not missing


def test_every_state_timing_and_status_has_words() -> None:
    for name in (*STATES, *TIMINGS, "planned"):
        assert name in LABELS, name
    assert label_or("overdue", "ja") == "期限超過"
    assert label_or("made-up", "ja") == "made-up"
    assert label_or(7, "en") == "7"


def test_every_kind_has_words() -> None:
    from jtr.kinds import KINDS

    for kind in KINDS:
        assert f"kind_{kind.name}" in LABELS, kind.name


# ---- states ----------------------------------------------------------------------------------


def test_every_state_has_one_look_told_apart_without_colour() -> None:
    assert tuple(LOOKS) == STATES
    for field in ("symbol", "fill", "ascii_fill", "colour"):
        values = [getattr(look, field) for look in LOOKS.values()]
        assert len(set(values)) == len(values), field
    assert all(look.ascii_fill.isascii() for look in LOOKS.values())


def test_state_label_says_when_nothing_was_recorded() -> None:
    assert state_label("overdue", "en") == "overdue"
    assert state_label("overdue", "en", recorded=False) == "overdue (no record)"
    assert state_label("overdue", "ja", recorded=False) == "期限超過 (記録なし)"
    assert state_label("due", "en", recorded=False) == "due this FY"


# ---- fiscal years ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "lang", "style", "dash", "expected"),
    [
        (Span(2024, 2024), "ja", "name", "–", "令和6年度"),
        (Span(2024, 2026), "ja", "name", "–", "令和6年度–令和8年度"),
        (Span(2024, 2026), "en", "name", "–", "FY2024–FY2026"),
        (Span(2024, 2026), "ja", "label", " – ", "令和6年度 (2024) – 令和8年度 (2026)"),
        (Span(2019, 2019), "ja", "label", "–", "令和元年度 (2019)"),
        (Span(2024, 2025), "ja", "short", "–", "R6–R7"),
        (Span(2024, 2025), "en", "label", " – ", "FY2024 – FY2025"),
    ],
)
def test_span_label(span: Span, lang: str, style: str, dash: str, expected: str) -> None:
    assert span_label(span, lang, style, dash) == expected  # type: ignore[arg-type]


def test_year_label_matches_the_fiscal_module() -> None:
    from jtr.fiscal import label as fiscal_label

    for year in (1989, 2019, 2024):
        for lang in ("ja", "en"):
            assert year_label(year, lang, "label") == fiscal_label(year, lang)


def test_year_progress() -> None:
    assert year_progress(dt.date(2024, 4, 1)) == 0.0
    assert year_progress(dt.date(2025, 3, 31)) == pytest.approx(364 / 365)
    assert year_progress(dt.date(2024, 10, 1)) == pytest.approx(183 / 365)
    assert year_progress(dt.date(2024, 1, 1), start_month=1) == 0.0
    assert 0 <= year_progress(dt.date(2025, 2, 28)) < 1


# ---- records ---------------------------------------------------------------------------------

RECORD = StatusRecord("delayed", dt.date(2025, 12, 1), 2025, "waiting", "地域活動支援課")


def test_record_text_styles() -> None:
    assert record_text(None, "ja") == ""
    assert record_text(RECORD, "ja") == "2025-12-01 遅延 (令和7年度) — waiting (地域活動支援課)"
    assert (
        record_text(RECORD, "en", "long")
        == "2025-12-01 delayed (FY2025) — waiting (地域活動支援課)"
    )
    assert (
        record_text(RECORD, "ja", "long")
        == "2025-12-01 遅延 (令和7年度 (2025)) — waiting (地域活動支援課)"
    )
    assert record_text(StatusRecord("done", None), "en") == "????-??-?? done"
    fields = RecordFields("done", "2025-02-10", 2024, "ok", "x")
    assert record_text(fields, "en", "change") == "done on 2025-02-10 [FY2024] by x “ok”"
    assert record_text(fields, "ja", "change") == "完了 (2025-02-10) [令和6年度 (2024)] by x “ok”"
    assert record_text(RecordFields("odd", None), "en", "change") == "odd"


def test_record_json_is_whole_and_status_json_keeps_its_documented_keys() -> None:
    assert record_json(RECORD) == {
        "status": "delayed",
        "date": "2025-12-01",
        "fiscal_year": 2025,
        "note": "waiting",
        "by": "地域活動支援課",
    }
    roadmap = open_roadmap(FIXTURES / "progress.yaml").model
    state = roadmap_state(roadmap, dt.date(2026, 11, 26))
    recorded = [ts for c in state.courses for i in c.items for ts in i.tasks if ts.last_record]
    assert recorded
    for ts in recorded:
        last = task_json(ts, ts.task.item_id)["last_record"]
        assert set(last) == {"status", "date", "note"}


# ---- refs, owners, rows ----------------------------------------------------------------------


def test_refs_owners_and_rows() -> None:
    roadmap = open_roadmap(FIXTURES / "progress.yaml").model
    state = roadmap_state(roadmap, dt.date(2026, 11, 26))
    course = roadmap.courses[0]
    item = course.items[0]
    assert item_ref(course, item) == f"{course.numeral}-{item.number}"
    names = owner_names(roadmap, item, "ja")
    assert len(names) == len(item.owners) and all(names)
    unknown = item._replace(owners=("nobody-here",))
    assert owner_names(roadmap, unknown, "en") == ["nobody-here"]
    assert join(["a", "b"], "ja") == "a・b" and join(["a", "b"], "en") == "a, b"
    rows = task_rows(state)
    assert len(rows) == sum(1 for _ in roadmap.tasks())
    recurring = [r for r in rows if r.task.occurrences]
    assert recurring and all("(" in state_text(r.task, "ja") for r in recurring)


def test_csv_columns_are_header_and_value_pairs() -> None:
    roadmap = open_roadmap(FIXTURES / "progress.yaml").model
    state = roadmap_state(roadmap, dt.date(2026, 11, 26))
    row = task_rows(state)[0]
    cells = dict(zip(header("en"), row_values(state, row, "en"), strict=True))
    assert cells["Task id"] == row.task.task.id
    assert cells["State code"] == row.task.state
    assert cells["From FY"] == row.task.task.years.start
    assert cells["No."] == row.item.item.number
    keys = [c.key for c in COLUMNS] + [c.key for c in ITEM_COLUMNS]
    assert all(key in LABELS for key in keys), keys
    assert len({c.key for c in COLUMNS}) == len(COLUMNS)
