"""Writes the bad-input corpus tests/bad/ (most cases cut from tests/fixtures/minimal.yaml).

The corpus files are committed; this script documents how each was made (the binary and
UTF-16 ones especially) and re-creates them: `python tests/make_bad_corpus.py`. It only
writes the files it knows and deletes nothing. Expectations live in tests/test_bad_inputs.py;
those of the files cut from minimal.yaml name their spot by text, not by line number, so after
changing minimal.yaml re-running this is enough (the test says which text no longer occurs
once, should an edit remove or repeat it).
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
MIN = (HERE / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


def text(name: str, body: str) -> None:
    (BAD / name).write_text(body, encoding="utf-8", newline="\n")


def raw(name: str, data: bytes) -> None:
    (BAD / name).write_bytes(data)


def derive(name: str, desc: str, *edits: tuple[str, str]) -> None:
    """minimal.yaml with its first comment line replaced by `desc` and each edit applied once."""
    body = MIN.split("\n", 1)[1]
    for old, new in edits:
        count = body.count(old)
        if count != 1:
            raise SystemExit(f"{name}: {old!r} occurs {count} times in minimal.yaml, not once")
        body = body.replace(old, new)
    text(name, f"# {desc}\n" + body)


BAD.mkdir(exist_ok=True)

# ---- loading refusals -------------------------------------------------------------------
text(
    "01-syntax-unclosed-flow-sequence.yaml",
    '# A flow sequence that is never closed.\nschema_version: "1.0"\nowners: [council, city\nphases: []\n',
)
text(
    "02-syntax-unclosed-flow-mapping.yaml",
    '# A flow mapping that is never closed.\nschema_version: "1.0"\npurpose: {ja: 目的, en: Purpose\nvision: {ja: 目指す姿}\n',
)
text(
    "03-syntax-bad-indentation.yaml",
    "# A key indented less than its siblings.\nmeta:\n  id: mini\n  title:\n    ja: 題\n   en: Title\n",
)
text(
    "04-syntax-tab-indentation.yaml",
    "# A tab used for indentation.\nmeta:\n  id: mini\n\ttitle: {ja: 題, en: Title}\n",
)
text(
    "05-syntax-unterminated-quote.yaml",
    '# A double-quoted scalar that never ends.\nschema_version: "1.0\nmeta:\n  id: mini\n',
)
text(
    "06-syntax-unterminated-single-quote.yaml",
    "# A single-quoted scalar that never ends.\npurpose:\n  ja: '目的\n  en: Purpose\n",
)
text(
    "07-duplicate-key.yaml",
    '# The same key twice in one mapping.\nschema_version: "1.0"\nmeta:\n  id: mini\n  id: other\n',
)
text(
    "08-duplicate-key-nested.yaml",
    "# A duplicate key deep in a task, the second one after other keys.\ncourses:\n  - id: c\n    items:\n      - id: item-a\n        tasks:\n          - id: t1\n            title: {ja: 題, en: Title}\n            title: {ja: 題2, en: Title 2}\n",
)
text(
    "09-anchor.yaml",
    "# An anchor on a value (no alias uses it).\npurpose: &p {ja: 目的, en: Purpose}\n",
)
text(
    "10-alias.yaml",
    "# An alias re-using an anchored value.\npurpose: &p {ja: 目的, en: Purpose}\nvision: *p\n",
)
text(
    "11-merge-key.yaml",
    '# A merge key with an inline mapping (no anchor, no alias).\nmeta:\n  <<: {id: mini}\n  published: "2023-11"\n',
)
bomb = ["# The billion-laughs alias bomb: ten levels of ten aliases each.", 'lol0: &a0 "lol"']
for i in range(1, 10):
    bomb.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
text("12-billion-laughs.yaml", "\n".join(bomb) + "\n")
text(
    "13-tag-python-object.yaml",
    '# A PyYAML python/object tag that would run a command under an unsafe loader.\npurpose: !!python/object/apply:os.system ["echo pwned"]\n',
)
text("14-tag-custom.yaml", "# An application-specific local tag.\nmeta:\n  id: !custom mini\n")
text("15-tag-binary.yaml", "# A !!binary value.\npurpose:\n  ja: !!binary aGVsbG8=\n")
text(
    "16-tag-int-mismatch.yaml",
    "# A core tag whose value cannot be read as that type.\nmeta:\n  fiscal_year_start_month: !!int April\n",
)
text(
    "17-complex-key.yaml",
    "# A flow sequence used as a mapping key.\nmeta:\n  ? [from, to]\n  : 2024\n",
)
text(
    "18-too-deep.yaml",
    "# 100 nested flow sequences: deeper than the 64-level bound.\nx: "
    + "[" * 100
    + "]" * 100
    + "\n",
)
text(
    "19-top-level-list.yaml",
    '# The top level is a list, not a mapping.\n- schema_version: "1.0"\n- meta: {}\n',
)
text("20-top-level-scalar.yaml", "# The top level is a single scalar.\njust some text\n")
raw("21-empty.yaml", b"")
text(
    "22-comments-only.yaml",
    '# Only comments: no document at all.\n# schema_version: "1.0"\n\n   # indented comment\n',
)
text(
    "23-two-documents.yaml",
    '# Two YAML documents in one file.\nschema_version: "1.0"\n---\nschema_version: "1.0"\n',
)
text("24-document-marker-only.yaml", "# A document start marker and nothing else.\n---\n")
# ---- encodings --------------------------------------------------------------------------
sample = 'schema_version: "1.0"\npurpose:\n  ja: 目的\n  en: Purpose\n'
raw("25-utf16-le-bom.yaml", b"\xff\xfe" + sample.encode("utf-16-le"))
raw("26-utf16-be-bom.yaml", b"\xfe\xff" + sample.encode("utf-16-be"))
raw("27-utf16-le-no-bom.yaml", sample.encode("utf-16-le"))
raw("28-shift-jis.yaml", sample.encode("shift_jis"))
raw("29-nul-byte.yaml", b'schema_version: "1.0"\npurpose:\n  ja: \xe7\x9b\xae\x00\xe7\x9a\x84\n')
# line 3 is `  ja: 日本<0xff>語`: the bad byte is the 9th character of the line.
raw(
    "30-invalid-utf8-line3.yaml",
    b"# Invalid UTF-8 in the middle of line 3.\npurpose:\n  ja: \xe6\x97\xa5\xe6\x9c\xac\xff\xe8\xaa\x9e\n  en: Japanese\n",
)
raw(
    "31-invalid-utf8-after-bom.yaml",
    b"\xef\xbb\xbf# BOM, then invalid UTF-8 in the middle of line 3.\npurpose:\n  ja: \xe6\x97\xa5\xe6\x9c\xac\xff\xe8\xaa\x9e\n  en: Japanese\n",
)
stray = b"# UTF-8 Japanese, then one stray 0xff byte on line 3: not a Shift_JIS file.\npurpose:\n  ja: \xe6\x97\xa5\xff\n  en: Purpose\n"
stray.decode("cp932")  # decodes by accident, which is what tempts a Shift_JIS guess
raw("32-invalid-utf8-not-shift-jis.yaml", stray)
raw(
    "33-control-character.yaml", b"# A BEL control character on line 3.\npurpose:\n  ja: ab\x07cd\n"
)
bom_crlf = b"\xef\xbb\xbf" + (
    "# UTF-8 with BOM and CRLF line ends: otherwise the valid minimal roadmap.\n"
    + MIN.split("\n", 1)[1]
).replace("\n", "\r\n").encode("utf-8")
raw("34-utf8-bom-crlf-valid.yaml", bom_crlf)
raw(
    "35-utf8-bom-crlf-finding.yaml",
    b"\xef\xbb\xbf"
    + (
        "# UTF-8 with BOM and CRLF; the finding's column must not count the BOM.\n"
        + MIN.split("\n", 1)[1].replace('schema_version: "1.0"', 'schema_version: "2.0"')
    )
    .replace("\n", "\r\n")
    .encode("utf-8"),
)

# ---- schema violations ------------------------------------------------------------------
derive(
    "40-schema-text-for-number.yaml",
    "An item number written as a word.",
    ("        number: 2\n", "        number: two\n"),
)
derive(
    "41-schema-yes-for-boolean.yaml",
    "YAML 1.1 `yes` where a boolean is expected.",
    ("    city_members_only: false\n", "    city_members_only: yes\n"),
)
derive(
    "42-schema-unquoted-010-title-passes.yaml",
    "Unquoted 010 stays the text 010 (YAML 1.2): valid.",
    ("title: {ja: 項目B, en: Item B}", "title: {ja: 010, en: 010}"),
)
derive(
    "43-schema-bare-date-passes.yaml",
    "A bare history date stays text (YAML 1.2): valid.",
    ('                date: "2024-05-01"\n', "                date: 2024-05-01\n"),
)
derive(
    "44-schema-number-for-text.yaml",
    "An unquoted number where a title text is expected.",
    ("title: {ja: 項目B, en: Item B}", "title: {ja: 10, en: Item B}"),
)
derive(
    "45-schema-bad-status.yaml",
    "A status that is not in the enum (hyphen for underscore).",
    ("              - status: in_progress\n", "              - status: in-progress\n"),
)
derive(
    "46-schema-bad-id-pattern.yaml",
    "A task id with capitals and an underscore.",
    ("          - id: task-a2\n", "          - id: Task_A2\n"),
)
derive(
    "47-schema-missing-required.yaml",
    "An item without its required `shaded` key.",
    ("        shaded: null\n", ""),
)
derive(
    "48-schema-unknown-key-typo.yaml",
    "A misspelt optional key (recuring for recurring).",
    ("            recurring: true\n", "            recuring: true\n"),
)
derive(
    "49-schema-version-newer-major.yaml",
    "A schema_version with a newer major version.",
    ('schema_version: "1.0"', 'schema_version: "2.0"'),
)
derive(
    "50-schema-version-unquoted.yaml",
    "schema_version written as the unquoted number 1.0.",
    ('schema_version: "1.0"', "schema_version: 1.0"),
)
derive(
    "51-schema-null-title.yaml",
    "A title left empty (null).",
    ("    title: {ja: 推進委員会, en: Steering committee}\n", "    title:\n"),
)
derive(
    "52-schema-month-out-of-range.yaml",
    "A fiscal year that starts in month 13.",
    ("  fiscal_year_start_month: 4\n", "  fiscal_year_start_month: 13\n"),
)
derive(
    "53-schema-bad-published-month.yaml",
    "A publication month 13.",
    ('  published: "2023-11"\n', '  published: "2023-13"\n'),
)
derive(
    "54-schema-empty-text.yaml",
    "An empty Japanese text.",
    ("  - {ja: 進め方, en: Method}\n", '  - {ja: "", en: Method}\n'),
)
derive(
    "55-schema-duplicate-owner-ref.yaml",
    "The same owner listed twice on one item.",
    ("        owners: [council, city]\n", "        owners: [council, council]\n"),
)
derive(
    "56-schema-number-for-span.yaml",
    "A bare year where a {from, to} span is expected.",
    ("            fiscal_years: {from: 2025, to: 2025}\n", "            fiscal_years: 2025\n"),
)
derive(
    "57-schema-bad-date-format.yaml",
    "A history date written with slashes.",
    ('                date: "2024-05-01"\n', '                date: "2024/05/01"\n'),
)
derive(
    "58-schema-fullwidth-date.yaml",
    "A history date typed with full-width digits.",
    ('                date: "2024-05-01"\n', "                date: ２０２４-０５-０１\n"),
)
derive(
    "59-schema-float-years-backwards.yaml",
    "A task span written as floats, running backwards.",
    (
        "            fiscal_years: {from: 2025, to: 2025}\n",
        "            fiscal_years: {from: 2025.0, to: 2024.0}\n",
    ),
)
derive(
    "60-schema-date-trailing-newline.yaml",
    "A history date as a block scalar that keeps its newline.",
    (
        '                date: "2024-05-01"\n',
        "                date: |\n                  2024-05-01\n",
    ),
)
derive(
    "61-schema-quoted-boolean.yaml",
    'A quoted "true" where a boolean is expected.',
    ("        shaded: true\n", '        shaded: "true"\n'),
)
derive(
    "62-schema-fiscal-year-below-minimum.yaml",
    "A course target year below the schema minimum (1989).",
    ("    target_fiscal_year: 2024\n", "    target_fiscal_year: 1988\n"),
)
derive(
    "63-schema-fullwidth-published.yaml",
    "A publication month typed with full-width digits.",
    ('  published: "2023-11"\n', '  published: "２０２３-11"\n'),
)

# ---- rule violations (one per code in jtr.rules.REGISTRY) --------------------------------
derive(
    "70-rule-invalid-date.yaml",
    "A date that does not exist (30 February).",
    ('                date: "2024-05-01"\n', '                date: "2025-02-30"\n'),
)
derive(
    "71-rule-history-order.yaml",
    "A history whose second record is older than the first.",
    (
        '                date: "2024-05-01"\n',
        '                date: "2024-05-01"\n              - status: planned\n                date: "2024-04-10"\n',
    ),
)
derive(
    "72-rule-done-without-date.yaml",
    "A done record without a date (warning).",
    (
        '              - status: in_progress\n                date: "2024-05-01"\n',
        "              - status: done\n",
    ),
)
derive(
    "73-rule-date-before-roadmap.yaml",
    "Progress dated before the first fiscal year began (warning).",
    ('                date: "2024-05-01"\n', '                date: "2024-03-31"\n'),
)
derive(
    "74-rule-realised-before-decided.yaml",
    "An item realised before its policy was decided (warning).",
    (
        "        owners: [city]\n        shaded: null\n",
        '        owners: [city]\n        shaded: null\n        decision: {date: "2025-06-01"}\n        realisation: {date: "2025-05-01"}\n',
    ),
)
derive(
    "75-rule-duplicate-id.yaml",
    "Two tasks with the same id.",
    ("          - id: task-b1\n", "          - id: task-a2\n"),
)
derive(
    "76-rule-unknown-reference.yaml",
    "An owner reference with a typo.",
    ("        owners: [city]\n", "        owners: [citty]\n"),
)
derive(
    "77-rule-working-group-link.yaml",
    "An item naming a working group that does not list it (warning).",
    ("        owners: [city]\n", "        owners: [city]\n        working_group: wg-a\n"),
)
derive(
    "78-rule-cross-course-reference.yaml",
    "A task shared with its own item (warning).",
    (
        "            recurring: true\n",
        "            recurring: true\n            shared_with: [item-a]\n",
    ),
)
derive(
    "79-rule-goal-item-consistency.yaml",
    "A goal state naming an item the goal does not list (warning).",
    (
        "        items: [item-a, item-b]\n",
        "        items: [item-a, item-b]\n      - id: goal-2\n        title: {ja: ゴール2, en: Goal 2}\n"
        "        states:\n          - text: {ja: 状態, en: State}\n            items: [item-a]\n"
        "        items: [item-b]\n",
    ),
)
derive(
    "80-rule-duplicate-number.yaml",
    "Two items numbered 1 in one course.",
    ("        number: 2\n", "        number: 1\n"),
)
derive(
    "81-rule-number-gap.yaml",
    "Items numbered 1 and 3 (warning).",
    ("        number: 2\n", "        number: 3\n"),
)
derive(
    "82-rule-empty-item.yaml",
    "An item with no tasks and no shared task (warning).",
    (
        """        tasks:
          - id: task-b1
            title: {ja: 課題B1, en: Task B1}
            fiscal_years: {from: 2025, to: 2025}
""",
        "        tasks: []\n",
    ),
)
derive(
    "83-rule-item-without-goal.yaml",
    "An item that no goal of its course lists (warning).",
    ("        items: [item-a, item-b]\n", "        items: [item-a]\n"),
)
derive(
    "84-rule-year-order.yaml",
    "A task span that runs backwards.",
    (
        "            fiscal_years: {from: 2024, to: 2025}\n",
        "            fiscal_years: {from: 2025, to: 2024}\n",
    ),
)
derive(
    "85-rule-year-outside-period.yaml",
    "A task span that ends after the roadmap period.",
    (
        "            fiscal_years: {from: 2025, to: 2025}\n",
        "            fiscal_years: {from: 2025, to: 2026}\n",
    ),
)
derive(
    "86-rule-phase-coverage-overlap.yaml",
    "Two phases that overlap in FY2025.",
    (
        "    title: {ja: 離陸期, en: Take-off}\n    fiscal_years: {from: 2024, to: 2024}\n",
        "    title: {ja: 離陸期, en: Take-off}\n    fiscal_years: {from: 2024, to: 2025}\n",
    ),
)
derive(
    "87-rule-phase-coverage-gap.yaml",
    "No phase covers FY2025.",
    (
        """  - id: landing
    title: {ja: 着陸期, en: Landing}
    fiscal_years: {from: 2025, to: 2025}
""",
        "",
    ),
)
derive(
    "88-rule-record-year.yaml",
    "A record fiscal_year on a task that is not recurring.",
    (
        '                date: "2024-05-01"\n',
        '                date: "2024-05-01"\n                fiscal_year: 2024\n',
    ),
)

# ---- inputs that have crashed or overwhelmed the rules ----------------------------------
derive(
    "90-crash-period-from-zero.yaml",
    "A roadmap period starting in year 0.",
    ("    from: 2024\n    to: 2025\n", "    from: 0\n    to: 2025\n"),
)
derive(
    "91-crash-item-id-list.yaml",
    "An item id written as a list, on an item without tasks.",
    ("      - id: item-b\n", "      - id: [item-b]\n"),
    (
        """        tasks:
          - id: task-b1
            title: {ja: 課題B1, en: Task B1}
            fiscal_years: {from: 2025, to: 2025}
""",
        "        tasks: []\n",
    ),
)
derive(
    "92-huge-number-gap.yaml",
    "An item number with extra digits (100000 for 2).",
    ("        number: 2\n", "        number: 100000\n"),
)
derive(
    "93-huge-period-typo.yaml",
    "A roadmap period end with an extra digit (20255).",
    ("    to: 2025\n", "    to: 20255\n"),
)
derive(
    "94-rule-bad-reading.yaml",
    "A reading whose path names no value (a typo in the field name).",
    (
        "        - {ja: 方向性, en: Direction}",
        "        - {ja: 方向性, en: Direction}\nreadings:\n  - id: r1\n    about: [item-a.ownrs]\n"
        '    decision: {en: The owners come from the WG.}\n    seed_lines: ["240-254"]\n'
        "    confidence: inferred",
    ),
)
derive(
    "95-rule-district-reference.yaml",
    "A district record on a task that is not done per district.",
    (
        "owners:\n",
        "districts:\n  list:\n    - {id: serita, name: {ja: 芹田地区, en: Serita}}\nowners:\n",
    ),
    (
        '                date: "2024-05-01"\n          - id: task-a2\n',
        '                date: "2024-05-01"\n                district: serita\n          - id: task-a2\n',
    ),
)
derive(
    "96-rule-district-count.yaml",
    "A district registry shorter than the roadmap says (warning).",
    (
        "owners:\n",
        "districts:\n  expected: {total: 32}\n  list:\n"
        "    - {id: serita, name: {ja: 芹田地区, en: Serita}}\nowners:\n",
    ),
)

derive(
    "97-rule-revision-reference.yaml",
    "A revision approved by a body the roadmap does not have (a typo in its id).",
    (
        "purpose: {ja: 目的, en: Purpose}\n",
        'revisions:\n  - id: mini-2023\n    date: "2023-11"\n'
        "    title: {ja: ミニロードマップ, en: Mini roadmap}\n    approved_by: comittee\n"
        "purpose: {ja: 目的, en: Purpose}\n",
    ),
)
derive(
    "98-rule-revision-order.yaml",
    "A revision dated before the one above it in the revision log.",
    (
        "purpose: {ja: 目的, en: Purpose}\n",
        'revisions:\n  - id: mini-2024\n    date: "2024-06-01"\n'
        "    title: {ja: 改訂, en: Revision}\n    approved_by: committee\n"
        '  - id: mini-2023\n    date: "2023-11"\n'
        "    title: {ja: ミニロードマップ, en: Mini roadmap}\n    approved_by: committee\n"
        "purpose: {ja: 目的, en: Purpose}\n",
    ),
)

# ---- hostile input (cases 100-199, one block per area) -----------------------------------
# The schema as code: $ref, recursion and the schema line (100-119).

# Writes, input files and sizes (120-139).

# Text that would control a terminal (140-159).
derive(
    "140-hidden-bidi-override.yaml",
    "A right-to-left override (U+202E, written raw) in an item title: it reads reversed.",
    ("        title: {ja: 項目A, en: Item A}\n", "        title: {ja: 項目A, en: Item \u202eA}\n"),
)
derive(
    "141-hidden-escape-sequences.yaml",
    "A task title that would set the clipboard (OSC 52), make a link (OSC 8) and ring the bell.",
    (
        "            title: {ja: 課題A1, en: Task A1}\n",
        '            title: {ja: 課題A1, en: "Task \\e]52;c;ZXZpbA==\\a\\e]8;;https://x.invalid/\\aA1\\e]8;;\\a"}\n',
    ),
)
derive(
    "142-hidden-key-newline.yaml",
    "A key holding a newline and a forged finding line after it.",
    (
        "            recurring: true\n",
        '            "recurring\\nforged.yaml:1:1: warning: forged [anchor]": true\n'
        "            recurring: true\n",
    ),
)
derive(
    "143-hidden-zero-width-and-csi.yaml",
    "A zero-width space (raw) in an owner name and a C1 CSI (U+009B) and a CR in a record note.",
    (
        "    short: {ja: 住自協, en: Council}\n",
        "    short: {ja: 住\u200b自協, en: Council}\n",
    ),
    (
        "              - status: in_progress\n",
        '              - status: in_progress\n                note: "\\x9b2J\\rdone"\n',
    ),
)

# The loader and numbers (160-179).
derive(
    "160-line-separator-in-comment.yaml",
    "A done record hidden after U+2028 in a comment: one line to an editor, two to PyYAML.",
    (
        '              - status: in_progress\n                date: "2024-05-01"\n',
        '              - status: in_progress\n                date: "2024-05-01"\n'
        "              # checked\u2028              - {status: done, date: '2024-06-01'}\n",
    ),
)
derive(
    "161-next-line-in-plain-value.yaml",
    "A NEL (U+0085) inside a plain value: PyYAML folds it, YAML 1.2 keeps it.",
    ("    numeral: Ⅰ\n", "    numeral: Ⅰ\x85Ⅱ\n"),
)
derive(
    "162-paragraph-separator-in-block.yaml",
    "A U+2029 inside a block scalar: a line break to PyYAML only.",
    (
        "  title: {ja: ミニロードマップ, en: Mini roadmap}\n",
        "  title:\n    ja: |\n      ミニ\u2029ロードマップ\n    en: Mini roadmap\n",
    ),
)
derive(
    "163-line-separator-quoted-positions.yaml",
    "U+2028, U+2029 and NEL inside quoted titles are text; a later error keeps its line.",
    (
        "    title: {ja: 課題A1, en: Task A1}\n",
        "    title: {ja: \"課題\u2028A1\", en: 'Task\u2029\x85A1'}\n",
    ),
    ("        number: 2\n", "        number: '2'\n"),
)
raw(
    "164-cr-only-line-endings.yaml",
    (
        "# A file with old Mac line endings (CR only) and a number in quotes at line 92.\n"
        + MIN.split("\n", 1)[1].replace("        number: 2\n", "        number: '2'\n")
    )
    .replace("\n", "\r")
    .encode("utf-8"),
)
raw(
    "165-cr-only-bad-byte.yaml",
    (
        "# A CR-only file with a Latin-1 byte in line 5.\n"
        + MIN.split("\n", 1)[1].replace("  title: {ja: ミニロードマップ", "  title: {ja: Mini\x00")
    )
    .replace("\n", "\r")
    .encode("utf-8")
    .replace(b"\x00", b"\xe9"),
)
derive(
    "166-id-trailing-newline.yaml",
    'An id in quotes ending in a newline ("task-b1\\n"): Python\'s $ would let it pass.',
    ("          - id: task-b1\n", '          - id: "task-b1\\n"\n'),
)
derive(
    "167-huge-integer.yaml",
    "An item number of 5,000 digits: past Python's int-string limit.",
    ("        number: 2\n", "        number: " + "9" * 5000 + "\n"),
)
derive(
    "168-infinite-month.yaml",
    "fiscal_year_start_month: .inf",
    ("  fiscal_year_start_month: 4\n", "  fiscal_year_start_month: .inf\n"),
)
derive(
    "169-overflowing-year.yaml",
    "A period end of 1e999, which overflows to infinity.",
    ("    to: 2025\n", "    to: 1e999\n"),
)
derive(
    "170-nan-number.yaml",
    "An item number of .nan.",
    ("        number: 2\n", "        number: .nan\n"),
)
derive(
    "171-negative-infinity-year.yaml",
    "A task's first fiscal year of -.inf.",
    (
        "            fiscal_years: {from: 2025, to: 2025}\n",
        "            fiscal_years: {from: -.inf, to: 2025}\n",
    ),
)
derive(
    "172-whole-float-year.yaml",
    "A period start written 2024.0.",
    ("    from: 2024\n", "    from: 2024.0\n"),
)
derive(
    "173-whole-float-month.yaml",
    "fiscal_year_start_month: 4.0",
    ("  fiscal_year_start_month: 4\n", "  fiscal_year_start_month: 4.0\n"),
)

# Exports: Markdown, Mermaid, spreadsheets (180-199).
