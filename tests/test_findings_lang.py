"""The findings of `jtr validate` in Japanese and English.

Every message a finding can carry comes from the catalog's findings part
(jtr/catalog/findings.py) in the run's language: the loader's refusals, the schema's
messages, every rule, the model version, the `$schema` line and the `valid` line. Codes,
keys, ids and quoted values stay as they are; the severity word follows the language in the
text format and stays `error`/`warning` in the machine formats.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, run
from typer.testing import CliRunner

from jtr.catalog.findings import ENTRIES
from jtr.labels import label

JTR = ROOT / "jtr"
BAD = ROOT / "tests" / "bad"
SCHEMA = ROOT / "data" / "schema.json"
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
FINDING = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>\S+): "
    r"(?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$"
)


def validate(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, lang: str, *args: str
) -> tuple[int, str, str]:
    """`jtr validate ARGS` with JTR_LANG=lang: (exit code, stdout, stderr)."""
    monkeypatch.setenv("JTR_LANG", lang)
    return run(runner, "validate", *args)


def findings(out: str) -> list[dict[str, str]]:
    """Each finding line of the text format, split into its parts."""
    found = []
    for line in out.splitlines():
        match = FINDING.match(line)
        if match:
            found.append(match.groupdict())
    return found


# One finding of every module that reports any: (corpus file, code, Japanese, English).
CASES = [
    # jtr.loader
    ("07-duplicate-key.yaml", "duplicate-key",
     "キー 'id' が重複しています: 4 行目にあり、5 行目にもう一度書かれています",
     "duplicate key 'id': first defined at line 4, again at line 5"),
    ("01-syntax-unclosed-flow-sequence.yaml", "yaml-syntax",
     "YAML の構文エラーです: ',' か ']' が見つかりません ([ ] のリストの読み込み中)",
     "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"),
    ("02-syntax-unclosed-flow-mapping.yaml", "yaml-syntax",
     "',' か '}' が見つかりません ({ } のマッピングの読み込み中)",
     "did not find expected ',' or '}' (while parsing a flow mapping)"),
    ("09-anchor.yaml", "anchor", "アンカー (&p) は使えません", "anchors (&p) are not allowed"),
    ("13-tag-python-object.yaml", "tag", "タグ !!python/object/apply:os.system は使えません",
     "the tag !!python/object/apply:os.system is not allowed"),
    ("28-shift-jis.yaml", "encoding", "Shift_JIS で保存されているようです",
     "it looks like Shift_JIS; save it as UTF-8"),
    ("33-control-character.yaml", "yaml-syntax", "制御文字 #x0007 は使えません",
     "unacceptable character #x0007: control characters are not allowed"),
    ("160-line-separator-in-comment.yaml", "line-separator", "引用符の外に U+2028",
     "U+2028 (LINE SEPARATOR) outside a quoted value"),
    ("167-huge-integer.yaml", "number-too-long", "5,000 桁の数値です",
     "a number of 5,000 digits"),
    ("19-top-level-list.yaml", "not-mapping", "最上位はリストです", "found a list"),
    # jtr.validate: the JSON Schema's messages
    ("48-schema-unknown-key-typo.yaml", "schema",
     "tasks[1]: 課題に不明なキー 'recuring' があります。もしかして 'recurring' ですか",
     "tasks[1]: unknown key 'recuring' in Task; did you mean 'recurring'?"),
    ("41-schema-yes-for-boolean.yaml", "schema",
     "true か false の値が必要ですが、テキスト \"yes\" です (true か false で書いてください",
     'expected true or false, got the text "yes" (write true or false;'),
    ("47-schema-missing-required.yaml", "schema", "見直し項目に必須のキー 'shaded' がありません",
     "missing required key 'shaded' in Item"),
    ("52-schema-month-out-of-range.yaml", "schema", "数値 13 は範囲外です。12 以下にしてください",
     "the number 13 is out of range: it must be at most 12"),
    ("46-schema-bad-id-pattern.yaml", "schema", "テキスト \"Task_A2\" は ID として使えません",
     'the text "Task_A2" is not an id'),
    # jtr.versioning
    ("49-schema-version-newer-major.yaml", "schema-version",
     "schema_version 2.0 は、この jtr が対応している版 (1.x) より新しい版です",
     "schema_version 2.0 is newer than this jtr understands (1.x); upgrade jtr"),
    # jtr/rules/dates.py
    ("70-rule-invalid-date.yaml", "invalid-date", "'2025-02-30' は実在しない日付です",
     "'2025-02-30' is not a real date"),
    # jtr/rules/ids.py
    ("75-rule-duplicate-id.yaml", "duplicate-id", "課題の ID 'task-a2' が重複しています",
     "duplicate task id 'task-a2' (first used at line"),
    # jtr/rules/references.py
    ("76-rule-unknown-reference.yaml", "unknown-reference",
     "不明な担当 'citty' です。もしかして 'city' ですか",
     "unknown owner 'citty'; did you mean 'city'?"),
    ("77-rule-working-group-link.yaml", "working-group-link",
     "見直し項目 'item-b' はワーキンググループ 'wg-a' を指定していますが",
     "item 'item-b' names working group 'wg-a', whose items do not list it"),
    # jtr/rules/structure.py
    ("81-rule-number-gap.yaml", "number-gap", "コース 'c2024' に番号 2 の見直し項目がありません",
     "course 'c2024' has no item numbered 2"),
    # jtr/rules/text.py
    ("140-hidden-bidi-override.yaml", "hidden-character",
     'courses[0].items[0].title.en に U+202E (right-to-left override) が含まれています: '
     '"Item <U+202E>A"',
     'courses[0].items[0].title.en contains U+202E (right-to-left override): "Item <U+202E>A"'),
    # jtr/rules/years.py
    ("85-rule-year-outside-period.yaml", "year-outside-period",
     "課題 'task-b1': 2026年度はロードマップの期間 (2024年度～2025年度) の外です",
     "task 'task-b1': FY2026 is outside the roadmap period FY2024–FY2025"),
    ("87-rule-phase-coverage-gap.yaml", "phase-coverage",
     "ロードマップの期間のうち 2025年度はどの期にも含まれていません",
     "no phase covers FY2025 of the roadmap period"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "code", "ja", "en"), CASES, ids=[c[0] for c in CASES])
def test_a_finding_of_every_module_in_both_languages(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, name: str, code: str, ja: str, en: str
) -> None:
    path = str(BAD / name)
    for lang, text, other in (("ja", ja, en), ("en", en, ja)):
        _, out, _ = validate(runner, monkeypatch, lang, path, "--schema", str(SCHEMA))
        shown = [f for f in findings(out) if f["code"] == code]
        assert shown, (lang, out)
        assert any(text in f["message"] for f in shown), (lang, out)
        assert not any(other in f["message"] for f in shown), (lang, out)


def test_the_severity_word_follows_the_language_and_the_code_stays(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = str(BAD / "70-rule-invalid-date.yaml")
    warning = str(BAD / "72-rule-done-without-date.yaml")
    _, out, _ = validate(runner, monkeypatch, "ja", error, warning, "--schema", str(SCHEMA))
    assert [(f["severity"], f["code"]) for f in findings(out)] == [
        ("エラー", "invalid-date"),
        ("警告", "done-without-date"),
    ]
    _, out, _ = validate(runner, monkeypatch, "en", error, warning, "--schema", str(SCHEMA))
    assert [(f["severity"], f["code"]) for f in findings(out)] == [
        ("error", "invalid-date"),
        ("warning", "done-without-date"),
    ]


def test_the_valid_line_follows_the_language(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(BAD / "34-utf8-bom-crlf-valid.yaml")
    code, out, _ = validate(runner, monkeypatch, "ja", path, "--schema", str(SCHEMA))
    assert code == 0 and out.endswith(
        "34-utf8-bom-crlf-valid.yaml: 問題はありません (スキーマ data/schema.json)\n"
    )
    code, out, _ = validate(runner, monkeypatch, "en", path, "--schema", str(SCHEMA))
    assert code == 0 and out.endswith(
        "34-utf8-bom-crlf-valid.yaml: valid (schema data/schema.json)\n"
    )
    _, out, _ = validate(
        runner, monkeypatch, "ja", path, "--schema", str(SCHEMA), "--format", "github"
    )
    assert out.startswith("::notice title=jtr validate::") and "問題はありません" in out


@pytest.mark.parametrize("form", ["json", "sarif", "github"])
def test_machine_formats_keep_their_fields_and_carry_the_message_in_the_language(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    path = str(BAD / "76-rule-unknown-reference.yaml")
    _, out, _ = validate(runner, monkeypatch, "ja", path, "--schema", str(SCHEMA), "--format", form)
    said = "不明な担当 'citty' です。もしかして 'city' ですか"
    if form == "json":
        (finding,) = json.loads(out)["files"][0]["diagnostics"]
        assert finding["severity"] == "error" and finding["code"] == "unknown-reference"
        assert finding["message"] == said
    elif form == "sarif":
        (result,) = json.loads(out)["runs"][0]["results"]
        assert result["level"] == "error" and result["ruleId"] == "unknown-reference"
        assert result["message"]["text"] == said
    else:
        assert out.startswith("::error file=") and "title=jtr unknown-reference::" in out
        assert out.rstrip("\n").endswith(said)


# ---- the schema (jtr.schema) and the `$schema` line (jtr.schemaline) --------------------------


@pytest.mark.parametrize(
    ("text", "code", "ja", "en"),
    [
        ("{", "schema-json", "スキーマが正しい JSON ではありません: プロパティ名がありません",
         "the schema is not valid JSON: Expecting property name enclosed in double quotes"),
        ("[]", "schema-invalid", "スキーマは JSON のオブジェクトで書いてください",
         "a schema must be a JSON object"),
        ('{"type": 5}', "schema-invalid",
         "スキーマがメタスキーマに反しています (type): ",
         "the schema breaks its meta-schema at type: "),
        ('{"minLength": -1}', "schema-invalid", "0 以上である必要があります",
         "must be at least 0"),
        ('{"$ref": "#/$defs/missing"}', "schema-bad-ref",
         '$ref "#/$defs/missing" はこのスキーマの中のどこも指していません',
         '$ref "#/$defs/missing" points at nothing in this schema'),
        ('{"$ref": "https://example.org/other.json"}', "schema-remote-ref",
         '$ref "https://example.org/other.json" はほかの文書を指しています',
         '$ref "https://example.org/other.json" names another document'),
    ],
)  # fmt: skip
def test_a_broken_schema_in_both_languages(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    text: str,
    code: str,
    ja: str,
    en: str,
) -> None:
    schema = tmp_path / "broken.schema.json"
    schema.write_text(text, encoding="utf-8")
    roadmap = str(BAD / "34-utf8-bom-crlf-valid.yaml")
    for lang, said in (("ja", ja), ("en", en)):
        exit_code, _, err = validate(runner, monkeypatch, lang, roadmap, "--schema", str(schema))
        assert exit_code == 2, err
        shown = [f for f in findings(err) if f["code"] == code]
        assert shown and any(said in f["message"] for f in shown), (lang, err)


def test_a_schema_line_jtr_will_not_follow_in_both_languages(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = (BAD / "34-utf8-bom-crlf-valid.yaml").read_bytes().decode("utf-8-sig")
    text = re.sub(r"(?m)^# yaml-language-server:.*\n", "", text)
    roadmap = tmp_path / "roadmap.yaml"
    roadmap.write_text("# yaml-language-server: $schema=missing.json\n" + text, "utf-8")
    _, _, err = validate(runner, monkeypatch, "ja", str(roadmap))
    assert '$schema の行が指す "missing.json" は存在しないため使いません' in err, err
    assert "jtr 付属のスキーマ (" in err
    _, _, err = validate(runner, monkeypatch, "en", str(roadmap))
    assert '$schema line names "missing.json", which does not exist; using jtr\'s own' in err


# ---- the whole corpus: no finding is left in English --------------------------------------------


def _corpus() -> list[Path]:
    return sorted(p for p in BAD.iterdir() if p.is_file())


def test_every_finding_of_the_corpus_speaks_japanese(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every finding message of every bad input, in Japanese. Only a message that is nothing
    but data (none in the corpus today) could be left as it is."""
    english_only = []
    seen = 0
    for path in _corpus():
        _, out, err = validate(runner, monkeypatch, "ja", str(path), "--schema", str(SCHEMA))
        for line in (out + err).splitlines():
            match = FINDING.match(line)
            if match is None:
                continue
            seen += 1
            if match["severity"] not in ("エラー", "警告") or not JAPANESE.search(match["message"]):
                english_only.append(f"{path.name}: {line}")
    assert seen >= len(_corpus()) - 5  # a few corpus files are valid
    assert not english_only, "\n".join(english_only)


# ---- the catalog's findings part ------------------------------------------------------------


def _keys_named_in(path: Path) -> set[str]:
    """Every `find_…` text a module names (in a message call, a table or a tuple of keys)."""
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"find_[a-z0-9_]+", node.value)
    }


def _modules() -> list[Path]:
    catalog = JTR / "catalog"
    return sorted(
        p for p in JTR.rglob("*.py") if p.name != "labels.py" and catalog not in p.parents
    )


# The modules whose findings the part holds: every `find_…` text they name is one of its keys.
REPORTING = [
    *(JTR / name for name in ("loader.py", "schema.py", "validate.py", "reporters.py")),
    *(JTR / name for name in ("versioning.py", "schemaline.py", "diagnostics.py")),
    *sorted((JTR / "rules").glob("*.py")),
]


def test_every_findings_entry_is_used() -> None:
    named: set[str] = set()
    for path in _modules():
        named |= _keys_named_in(path)
    assert not sorted(set(ENTRIES) - named), "entries no module uses"


def test_every_findings_key_a_module_names_exists() -> None:
    for path in REPORTING:
        assert not sorted(_keys_named_in(path) - set(ENTRIES)), path


def test_every_findings_key_starts_with_find() -> None:
    assert all(key.startswith("find_") for key in ENTRIES)


def test_library_wordings_match_the_library() -> None:
    """The entries matched by a library's English (libyaml's and json's problems) say it as
    the library does, and read the same after formatting (their braces doubled)."""
    import yaml

    cases = {
        "a: [1, 2\n": "find_yaml_expected_sequence_end",
        "a: {b: 1\n": "find_yaml_expected_mapping_end",
        "a:\n  b: 1\n c: 2\n": "find_yaml_expected_key",
        "a: b: c\n": "find_yaml_mapping_not_allowed",
        "- a\nb: 1\n": "find_yaml_expected_dash",
    }
    for text, key in cases.items():
        with pytest.raises(yaml.MarkedYAMLError) as caught:
            list(yaml.parse(text, Loader=yaml.CSafeLoader))
        assert caught.value.problem == label(key, "en").format(), text
    for text, key in {"": "find_json_expecting_value", "1 2": "find_json_extra_data"}.items():
        with pytest.raises(json.JSONDecodeError) as decoding:
            json.loads(text)
        assert decoding.value.msg == label(key, "en").format()
    for key, (ja, en) in ENTRIES.items():
        if key.startswith(("find_yaml_expected", "find_yaml_while", "find_json_")):
            assert ja.format() and en.format()
