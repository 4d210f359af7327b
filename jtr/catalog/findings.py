"""The catalog's findings part: see jtr.catalog.

The messages of the findings `jtr validate` reports, and every command that refuses a bad
roadmap: the loader's (jtr.loader), the schema's (jtr.schema, jtr.validate), the rules'
(jtr/rules), the model version's (jtr.versioning), the `$schema` line's (jtr.schemaline) and
the words of a finding line (jtr.diagnostics, jtr.reporters). Every key starts with `find_`.

A `{field}` is filled in by the module; quoted values arrive already quoted and escaped. An
entry whose English is a message of libyaml or of Python's json module (`find_yaml_*`,
`find_json_*`) is matched by that English, so it must stay exactly as the library writes it;
its braces are doubled (`{{`), since it is formatted without fields.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # a file with no findings (a finding line's severity words are usage_error_word and
    # usage_warning_word of jtr.catalog.usage, shared with jtr's own errors and warnings)
    "find_valid": (
        "{file}: 問題はありません (スキーマ {schema})",
        "{file}: valid (schema {schema})",
    ),
    # the loader: encoding
    "find_utf16": (
        "ファイルが UTF-16 で保存されています。UTF-8 で保存し直してください",
        "the file is UTF-16; save it as UTF-8",
    ),
    "find_nul_byte": (
        "ファイルに NUL バイトが含まれています。バイナリファイルか、UTF-8 以外の文字コードのファイルです",
        "the file contains a NUL byte; it is binary or not UTF-8",
    ),
    "find_invalid_utf8": (
        "UTF-8 として読めないバイト 0x{byte} があります",
        "invalid UTF-8 byte 0x{byte}",
    ),
    "find_invalid_utf8_shift_jis": (
        "UTF-8 として読めないバイト 0x{byte} があります "
        "(Shift_JIS で保存されているようです。UTF-8 で保存し直してください)",
        "invalid UTF-8 byte 0x{byte} (it looks like Shift_JIS; save it as UTF-8)",
    ),
    # the loader: YAML that cannot be read ({problem} and {context}: libyaml's words, below)
    "find_yaml_syntax": (
        "YAML の構文エラーです: {problem}{context}",
        "YAML syntax error: {problem}{context}",
    ),
    "find_yaml_unclosed_quote": (
        "YAML の構文エラーです: ここで始まる引用符が閉じられていません",
        "YAML syntax error: the quoted scalar opened here is never closed",
    ),
    "find_yaml_error": ("YAML のエラーです: {detail}", "YAML error: {detail}"),
    "find_yaml_bad_character": (
        "YAML のエラーです: 文字 U+{code} は YAML のテキストに使えません",
        "YAML error: the character U+{code} is not allowed in YAML text",
    ),
    "find_yaml_control_character": (
        "YAML のエラーです: 制御文字 #x{code} は使えません",
        "YAML error: unacceptable character #x{code}: control characters are not allowed",
    ),
    "find_yaml_invalid": ("YAML として読めません", "invalid YAML"),
    # libyaml's problems, matched by their English
    "find_yaml_expected_sequence_end": (
        "',' か ']' が見つかりません",
        "did not find expected ',' or ']'",
    ),
    "find_yaml_expected_mapping_end": (
        "',' か '}}' が見つかりません",
        "did not find expected ',' or '}}'",
    ),
    "find_yaml_expected_key": ("キーが見つかりません", "did not find expected key"),
    "find_yaml_expected_dash": (
        "リストの '-' が見つかりません",
        "did not find expected '-' indicator",
    ),
    "find_yaml_expected_node": ("値が見つかりません", "did not find expected node content"),
    "find_yaml_expected_document": (
        "文書の始まりが見つかりません",
        "did not find expected <document start>",
    ),
    "find_yaml_expected_name": (
        "英字か数字が見つかりません",
        "did not find expected alphabetic or numeric character",
    ),
    "find_yaml_expected_line_break": (
        "コメントか改行が見つかりません",
        "did not find expected comment or line break",
    ),
    "find_yaml_expected_colon": ("':' が見つかりません", "could not find expected ':'"),
    "find_yaml_tab_indent": (
        "インデントにタブ文字が使われています。インデントは空白で書いてください",
        "found a tab character that violates indentation",
    ),
    "find_yaml_cannot_start": (
        "ここには書けない文字があります",
        "found character that cannot start any token",
    ),
    "find_yaml_unexpected_end": (
        "ファイルが途中で終わっています",
        "found unexpected end of stream",
    ),
    "find_yaml_mapping_not_allowed": (
        "ここには「キー: 値」を書けません",
        "mapping values are not allowed in this context",
    ),
    "find_yaml_sequence_not_allowed": (
        "ここにはリストの要素を書けません",
        "block sequence entries are not allowed in this context",
    ),
    "find_yaml_unknown_escape": (
        "不明なエスケープ文字があります",
        "found unknown escape character",
    ),
    "find_yaml_undefined_tag": (
        "定義されていないタグがあります",
        "found undefined tag handle",
    ),
    "find_yaml_unknown_directive": (
        "不明なディレクティブがあります",
        "found unknown directive name",
    ),
    "find_yaml_while_flow_sequence": (
        "[ ] のリストの読み込み中",
        "while parsing a flow sequence",
    ),
    "find_yaml_while_flow_mapping": (
        "{{ }} のマッピングの読み込み中",
        "while parsing a flow mapping",
    ),
    "find_yaml_while_block_mapping": ("マッピングの読み込み中", "while parsing a block mapping"),
    "find_yaml_while_block_collection": ("リストの読み込み中", "while parsing a block collection"),
    "find_yaml_while_block_node": ("値の読み込み中", "while parsing a block node"),
    "find_yaml_while_flow_node": ("値の読み込み中", "while parsing a flow node"),
    "find_yaml_while_plain_scalar": (
        "引用符のない値の読み込み中",
        "while scanning a plain scalar",
    ),
    "find_yaml_while_scanning_quoted": (
        "引用符で囲んだ値の読み込み中",
        "while scanning a quoted scalar",
    ),
    "find_yaml_while_parsing_quoted": (
        "引用符で囲んだ値の読み込み中",
        "while parsing a quoted scalar",
    ),
    "find_yaml_while_block_scalar": (
        "複数行の値 (| や >) の読み込み中",
        "while scanning a block scalar",
    ),
    "find_yaml_while_simple_key": ("キーの読み込み中", "while scanning a simple key"),
    "find_yaml_while_next_token": ("次の要素の読み込み中", "while scanning for the next token"),
    "find_yaml_while_alias": ("エイリアスの読み込み中", "while scanning an alias"),
    "find_yaml_while_anchor": ("アンカーの読み込み中", "while scanning an anchor"),
    "find_yaml_while_parsing_tag": ("タグの読み込み中", "while parsing a tag"),
    "find_yaml_while_scanning_tag": ("タグの読み込み中", "while scanning a tag"),
    "find_yaml_while_directive": ("ディレクティブの読み込み中", "while scanning a directive"),
    # the loader: what a roadmap never needs
    "find_line_separator": (
        "引用符の外に U+{code} ({name}) があります。PyYAML と YAML 1.1 はこの文字を改行として"
        "読みますが、エディタや差分表示、YAML 1.2 は改行として扱わないため、後に続く文字が"
        "レビューで見落とされるおそれがあります。削除してください (引用符の中では文字として"
        "扱われます)",
        "U+{code} ({name}) outside a quoted value: PyYAML and YAML 1.1 read it as a line break, "
        "editors, diffs and YAML 1.2 do not, so text after it can hide from a reviewer; remove "
        "it (inside quotes it is text)",
    ),
    "find_anchor": (
        "アンカー (&{anchor}) は使えません。値を省略せずに書いてください",
        "anchors (&{anchor}) are not allowed: write the value out in full",
    ),
    "find_alias": (
        "エイリアス (*{anchor}) は使えません。値を省略せずに書いてください",
        "aliases (*{anchor}) are not allowed: write the value out in full",
    ),
    "find_merge_key": (
        "マージキー (<<) は使えません。キーを省略せずに書いてください",
        "merge keys (<<) are not allowed: write the keys out in full",
    ),
    "find_tag": (
        "タグ {tag} は使えません。ロードマップに書けるのは通常のデータだけです",
        "the tag {tag} is not allowed: a roadmap holds only plain data",
    ),
    "find_tag_mismatch": (
        "'{value}' は !!{tag} として読めません",
        "'{value}' cannot be read as !!{tag}",
    ),
    "find_too_deep": (
        "入れ子が {depth} 段を超えています。ロードマップの入れ子はもっと浅いはずです",
        "nesting deeper than {depth} levels; a roadmap needs far fewer",
    ),
    "find_complex_key": (
        "マッピングのキーはテキストで書いてください。リストやマッピングはキーにできません",
        "mapping keys must be plain text, not lists or mappings",
    ),
    "find_duplicate_key": (
        "キー '{key}' が重複しています: {first} 行目にあり、{line} 行目にもう一度書かれています",
        "duplicate key '{key}': first defined at line {first}, again at line {line}",
    ),
    "find_number_too_long": (
        "{digits} 桁の数値です。jtr が読める数値は {limit} 桁までです "
        "(テキストのつもりなら引用符で囲んでください)",
        "a number of {digits} digits; jtr reads at most {limit} "
        "(put it in quotes if it is meant as text)",
    ),
    "find_multiple_documents": (
        "YAML の文書が2つ以上あります (ここから2つ目が始まります)。"
        "ロードマップのファイルに書ける文書は1つだけです",
        "more than one YAML document (a second one starts here); a roadmap file holds exactly one",
    ),
    "find_empty": (
        "ファイルが空です。ロードマップのマッピングを書いてください",
        "the file is empty: expected a roadmap mapping",
    ),
    "find_not_mapping_list": (
        "最上位はマッピング (キー: 値) にしてください。このファイルの最上位はリストです",
        "the top level must be a mapping (key: value), found a list",
    ),
    "find_not_mapping_value": (
        "最上位はマッピング (キー: 値) にしてください。このファイルの最上位は単一の値 {value} です",
        "the top level must be a mapping (key: value), found the single value {value}",
    ),
    # the model version (jtr.versioning)
    "find_schema_version_newer": (
        "schema_version {value} は、この jtr が対応している版 ({major}.x) より新しい版です。"
        "jtr を更新してください",
        "schema_version {value} is newer than this jtr understands ({major}.x); upgrade jtr",
    ),
    # the `$schema` line (jtr.schemaline): {problem} is one of the find_schemaline_* below
    "find_schemaline_ignored": (
        "{file}:{line}: $schema の行が指す {target} は{problem}ため使いません。"
        "jtr 付属のスキーマ ({packaged}) を使います",
        "{file}:{line}: the $schema line names {target}, which {problem}; "
        "using jtr's own schema ({packaged})",
    ),
    "find_schemaline_not_local": ("ローカルのファイルではない", "is not a local file"),
    "find_schemaline_unreadable": ("読み取れない ({reason})", "cannot be read ({reason})"),
    "find_schemaline_outside": (
        "ロードマップのフォルダとその git 作業ツリーの外にある",
        "is outside the roadmap's folder and its git work tree",
    ),
    "find_schemaline_missing": ("存在しない", "does not exist"),
    "find_schemaline_not_regular": ("通常のファイルではない", "is not a regular file"),
    "find_schemaline_no_permission": (
        "読み取る権限がない",
        "cannot be read (permission denied)",
    ),
    "find_schema_not_installed": (
        "jtr に付属の schema.json がインストールされていません。jtr をインストールし直してください",
        "jtr's own schema.json is missing from its installation; reinstall jtr",
    ),
    # a schema that cannot be used (jtr.schema)
    "find_schema_not_json": (
        "スキーマが正しい JSON ではありません: {detail}",
        "the schema is not valid JSON: {detail}",
    ),
    "find_schema_too_deep": (
        "スキーマの入れ子が {depth} 段を超えています。スキーマの入れ子はもっと浅いはずです",
        "the schema nests more than {depth} levels deep; a schema needs far fewer",
    ),
    "find_schema_not_object": (
        "スキーマは JSON のオブジェクトで書いてください",
        "a schema must be a JSON object",
    ),
    "find_schema_dialect_not_text": (
        "$schema はテキスト (スキーマの方言を示す URI) で書いてください",
        "$schema must be text: a dialect's URI",
    ),
    "find_schema_meta": (
        "スキーマがメタスキーマに反しています ({where}): {problem}",
        "the schema breaks its meta-schema at {where}: {problem}",
    ),
    "find_schema_top_level": ("最上位", "(top level)"),
    "find_meta_type": ("{types}である必要があります", "must be {types}"),
    "find_meta_required": ("キー {keys} が必要です", "needs the key {keys}"),
    "find_meta_one_of": (
        "{options} のいずれかである必要があります",
        "must be one of {options}",
    ),
    "find_meta_minimum": ("{value} 以上である必要があります", "must be at least {value}"),
    "find_meta_maximum": ("{value} 以下である必要があります", "must be at most {value}"),
    "find_meta_exclusive_minimum": (
        "{value} より大きい必要があります",
        "must be more than {value}",
    ),
    "find_meta_exclusive_maximum": (
        "{value} より小さい必要があります",
        "must be less than {value}",
    ),
    "find_meta_min_length": (
        "{value} 文字以上である必要があります",
        "must be at least this many characters: {value}",
    ),
    "find_meta_max_length": (
        "{value} 文字以下である必要があります",
        "must be at most this many characters: {value}",
    ),
    "find_meta_min_items": (
        "要素が {value} 個以上必要です",
        "must be at least this many entries: {value}",
    ),
    "find_meta_max_items": (
        "要素は {value} 個以下である必要があります",
        "must be at most this many entries: {value}",
    ),
    "find_meta_min_properties": (
        "キーが {value} 個以上必要です",
        "must be at least this many keys: {value}",
    ),
    "find_meta_max_properties": (
        "キーは {value} 個以下である必要があります",
        "must be at most this many keys: {value}",
    ),
    "find_meta_multiple_of": (
        "{value} の倍数である必要があります",
        "must be a multiple of {value}",
    ),
    "find_meta_format": ("正しい {format} である必要があります", "must be a valid {format}"),
    "find_meta_pattern": (
        "パターン {pattern} に一致する必要があります",
        "must match the pattern {pattern}",
    ),
    "find_meta_key_not_allowed": (
        "メタスキーマがここで認めていないキーがあります",
        "has a key the meta-schema does not allow here",
    ),
    "find_meta_no_form": (
        "メタスキーマがここで認めているどの形にも当てはまりません",
        "matches none of the forms the meta-schema allows here",
    ),
    "find_meta_rule": (
        "メタスキーマの規則 {rule} に反しています",
        "breaks the meta-schema's {rule} rule",
    ),
    "find_lists_entry_twice": ("同じ要素が2回以上書かれています", "lists an entry more than once"),
    "find_schema_ref_unresolvable": (
        "スキーマの参照 {ref} はスキーマの中で解決できません。"
        "jtr はほかの文書を取得したり開いたりしません",
        "the schema's reference {ref} cannot be resolved inside it; "
        "jtr never fetches or opens another document",
    ),
    "find_schema_ref_endless": (
        "スキーマの参照がデータに行き着かないまま循環しています。このスキーマでは検査が終わりません",
        "the schema's references loop without reaching the data; "
        "checking anything against it would never end",
    ),
    "find_schema_ids_not_uris": (
        "スキーマの $id の値が URI になっていません ({detail})",
        "the schema's $id values are not URIs ({detail})",
    ),
    "find_schema_ref_loop": (
        "{keyword} {ref} は、データに行き着かない参照の循環の一部です ({loop})。"
        "このスキーマでは検査が終わりません",
        "{keyword} {ref} is part of a loop of references that never reaches the data "
        "({loop}); checking anything against it would never end",
    ),
    "find_schema_ref_remote": (
        "{keyword} {ref} はほかの文書を指しています。jtr は参照をスキーマ自身の中でだけ解決し、"
        "ほかの文書を取得したり開いたりすることはありません",
        "{keyword} {ref} names another document; jtr resolves references only inside the "
        "schema itself and never fetches or opens another",
    ),
    "find_schema_ref_that_is": (" (つまり {uri})", " (that is, {uri})"),
    "find_schema_ref_nowhere": (
        "{keyword} {ref} はこのスキーマの中のどこも指していません",
        "{keyword} {ref} points at nothing in this schema",
    ),
    # Python's json module's problems, matched by their English
    "find_json_expecting_value": ("値がありません", "Expecting value"),
    "find_json_expecting_comma": ("',' がありません", "Expecting ',' delimiter"),
    "find_json_expecting_colon": ("':' がありません", "Expecting ':' delimiter"),
    "find_json_expecting_name": (
        "プロパティ名がありません (二重引用符で囲んで書いてください)",
        "Expecting property name enclosed in double quotes",
    ),
    "find_json_extra_data": ("JSON の後に余分なデータがあります", "Extra data"),
    "find_json_unterminated_string": (
        "文字列が閉じられていません",
        "Unterminated string starting at",
    ),
    "find_json_control_character": (
        "文字列の中に制御文字があります",
        "Invalid control character at",
    ),
    "find_json_bad_escape": ("不正なエスケープ (\\) があります", "Invalid \\escape"),
    "find_json_bad_unicode_escape": (
        "不正な \\uXXXX エスケープがあります",
        "Invalid \\uXXXX escape",
    ),
    "find_json_trailing_comma_object": (
        "オブジェクトの最後に余分な ',' があります",
        "Illegal trailing comma before end of object",
    ),
    "find_json_trailing_comma_array": (
        "配列の最後に余分な ',' があります",
        "Illegal trailing comma before end of array",
    ),
    # the roadmap against the JSON Schema (jtr.validate): what a value is and should be
    "find_type_string": ("テキスト", "text"),
    "find_type_integer": ("整数", "a whole number"),
    "find_type_number": ("数値", "a number"),
    "find_type_boolean": ("true か false の値", "true or false"),
    "find_type_array": ("リスト", "a list"),
    "find_type_mapping": ("「キー: 値」のマッピング", "a mapping (key: value)"),
    "find_type_object": ("JSON のオブジェクト", "an object"),
    "find_type_null": ("null 値", "null"),
    "find_type_or": ("、または ", " or "),
    "find_value_null": ("null (空の値)", "nothing (null)"),
    "find_value_boolean": ("真偽値 {value}", "{value} (a boolean)"),
    "find_value_number": ("数値 {value}", "the number {value}"),
    "find_value_text": ("テキスト {value}", "the text {value}"),
    "find_value_list": ("リスト (要素 {count} 個)", "a list of {count}"),
    "find_value_mapping": ("マッピング (キー: 値)", "a mapping"),
    # the roadmap against the JSON Schema: the messages ({got}: one of find_value_*)
    "find_expected": ("{wanted}が必要ですが、{got} です", "expected {wanted}, got {got}"),
    "find_expected_not_finite": (
        "{wanted}が必要ですが、{value} です。有限の数値ではありません",
        "expected {wanted}, got {value}: it is not a finite number",
    ),
    "find_expected_too_large": (
        "{wanted}が必要ですが、{value} (または {sign}1e999 のように大きすぎて表せない数) です。"
        "有限の数値ではありません",
        "expected {wanted}, got {value} (or too large to hold, such as {sign}1e999): "
        "it is not a finite number",
    ),
    "find_expected_whole": (
        "{wanted}が必要ですが、{value} です ({whole} と書いてください)",
        "expected {wanted}, got {value} (write {whole})",
    ),
    "find_hint_yaml11_boolean": (
        " (true か false で書いてください。jtr は YAML 1.2 として読むため、"
        "yes/no/on/off はテキストになります)",
        " (write true or false; jtr reads YAML 1.2, where yes/no/on/off are text)",
    ),
    "find_hint_quote_text": (
        " (テキストのつもりなら引用符で囲んでください)",
        " (put it in quotes if it is meant as text)",
    ),
    "find_missing_key": ("必須のキー '{key}' がありません", "missing required key '{key}'"),
    "find_missing_key_in": (
        "{what}に必須のキー '{key}' がありません",
        "missing required key '{key}' in {what}",
    ),
    "find_unknown_key": ("不明なキー '{key}' です{hint}", "unknown key '{key}'{hint}"),
    "find_unknown_key_in": (
        "{what}に不明なキー '{key}' があります{hint}",
        "unknown key '{key}' in {what}{hint}",
    ),
    "find_did_you_mean": ("。もしかして {close} ですか", "; did you mean {close}?"),
    "find_allowed_keys": (" (使えるキー: {allowed})", " (allowed: {allowed})"),
    "find_not_one_of": (
        "{got} は次のいずれでもありません: {options}{hint}",
        "{got} is not one of: {options}{hint}",
    ),
    "find_not_an_id": (
        "{got} は ID として使えません。ID に使えるのは小文字の ASCII 英字・数字・ハイフンで、"
        "先頭にハイフンは使えません",
        "{got} is not an id: lowercase ASCII letters, digits and hyphens, "
        "not starting with a hyphen",
    ),
    "find_not_a_date": (
        "{got} は YYYY-MM-DD 形式の日付ではありません",
        "{got} is not a date written YYYY-MM-DD",
    ),
    "find_not_a_month": (
        "{got} は YYYY-MM 形式の年月ではありません",
        "{got} is not a month written YYYY-MM",
    ),
    "find_not_a_version": (
        '{got} は MAJOR.MINOR 形式の版 (例: "1.0") ではありません',
        '{got} is not a version written MAJOR.MINOR, e.g. "1.0"',
    ),
    "find_not_matching": (
        "{got} はパターン {pattern} に合うテキストではありません",
        "{got} is not text matching {pattern}",
    ),
    "find_pattern_mismatch": (
        "{value} はパターン {pattern} に一致しません",
        "{value} does not match {pattern}",
    ),
    "find_pattern_unreadable": (
        "スキーマのパターン {pattern} は jtr が読める正規表現ではありません ({detail})",
        "the schema's pattern {pattern} is not a regular expression jtr can read ({detail})",
    ),
    "find_below_minimum": (
        "{got} は範囲外です。{limit} 以上にしてください",
        "{got} is out of range: it must be at least {limit}",
    ),
    "find_above_maximum": (
        "{got} は範囲外です。{limit} 以下にしてください",
        "{got} is out of range: it must be at most {limit}",
    ),
    "find_not_above": (
        "{got} は範囲外です。{limit} より大きくしてください",
        "{got} is out of range: it must be more than {limit}",
    ),
    "find_not_below": (
        "{got} は範囲外です。{limit} より小さくしてください",
        "{got} is out of range: it must be less than {limit}",
    ),
    "find_too_few_entry": (
        "要素が {limit} 個以上必要ですが、{count} 個です",
        "needs at least {limit} entry, has {count}",
    ),
    "find_too_few_entries": (
        "要素が {limit} 個以上必要ですが、{count} 個です",
        "needs at least {limit} entries, has {count}",
    ),
    "find_too_many_entries": (
        "要素は {limit} 個までですが、{count} 個あります",
        "allows at most {limit} entries, has {count}",
    ),
    "find_too_long": (
        "{got} は {limit} 文字を超えています",
        "{got} is longer than {limit} characters",
    ),
    "find_empty_text": ("空にはできません。内容を書いてください", "must not be empty"),
    "find_listed_twice": ("{listed} が2回以上書かれています", "lists {listed} more than once"),
    "find_not_const": (
        "{expected} である必要がありますが、{got} です",
        "must be {expected}, got {got}",
    ),
    "find_schema_other": ("スキーマに合いません ({detail})", "{detail}"),
    # the rules: dates (jtr/rules/dates.py)
    "find_invalid_date": ("{value} は実在しない日付です", "{value} is not a real date"),
    "find_history_order": (
        "{when} の記録が {last} の記録より後に書かれています。進捗の記録は古い順に並べてください",
        "record dated {when} comes after one dated {last}; keep the history oldest first",
    ),
    "find_done_without_date": (
        "課題 {task} が完了になっていますが、日付がありません",
        "task {task} is marked done without a date",
    ),
    "find_date_before_roadmap": (
        "{when} は、ロードマップの最初の年度が始まる日 ({start}) より前です",
        "{when} is before the roadmap's first fiscal year began ({start})",
    ),
    "find_realised_before_decided": (
        "見直し項目 {item} の実現 ({realised}) が、方針決定 ({decided}) より前になっています",
        "item {item} is realised on {realised}, before its decision on {decided}",
    ),
    # the rules: ids (jtr/rules/ids.py; {kind}: a kind's word, kind_* of jtr.labels)
    "find_duplicate_id": (
        "{kind}の ID {ident} が重複しています (最初は {first} 行目で使われています)",
        "duplicate {kind} id {ident} (first used at line {first})",
    ),
    # the rules: references (jtr/rules/references.py)
    "find_unknown_reference": ("不明な{kind} {ident} です{hint}", "unknown {kind} {ident}{hint}"),
    "find_item_names_group": (
        "見直し項目 {item} はワーキンググループ {group} を指定していますが、"
        "そのグループの items にこの項目がありません",
        "item {item} names working group {group}, whose items do not list it",
    ),
    "find_group_lists_item": (
        "ワーキンググループ {group} の items に見直し項目 {item} がありますが、"
        "その項目が指定しているワーキンググループは {other} です",
        "working group {group} lists item {item}, which names {other} instead",
    ),
    "find_goal_names_other_course": (
        "コース {course} のゴールイメージに、コース {other} の見直し項目 {item} が挙げられています",
        "goal of course {course} names item {item} of course {other}",
    ),
    "find_shared_with_own_item": (
        "課題が、その課題の属する見直し項目 {item} と共有されています",
        "task is shared with its own item {item}",
    ),
    "find_shared_with_other_course": (
        "課題が、別のコースの見直し項目 {item} と共有されています",
        "task is shared with item {item} of another course",
    ),
    "find_state_item_not_in_goal": (
        "states に挙げられた見直し項目 {item} が、このゴールイメージの items にありません",
        "state names item {item}, which is not among the goal's items",
    ),
    # the rules: numbering and items (jtr/rules/structure.py)
    "find_duplicate_number": (
        "見直し項目の番号 {number} がコース {course} の中で2回使われています (最初は {first} 行目)",
        "item number {number} is used twice in course {course} (first at line {first})",
    ),
    "find_number_gap": (
        "コース {course} に番号 {numbers} の見直し項目がありません",
        "course {course} has no item numbered {numbers}",
    ),
    "find_empty_item": (
        "見直し項目 {item} には課題がなく、共有されている課題もありません",
        "item {item} has no tasks and no shared task",
    ),
    "find_item_without_goal": (
        "見直し項目 {item} は、コース {course} のどのゴールイメージにも含まれていません",
        "item {item} belongs to no goal of course {course}",
    ),
    # the rules: hidden characters (jtr/rules/text.py)
    "find_hidden_in_value": (
        "{where} に {named}{more} が含まれています: {text}",
        "{where} contains {named}{more}: {text}",
    ),
    "find_hidden_in_key": (
        "{where} のキーに {named}{more} が含まれています: {text}",
        "a key in {where} contains {named}{more}: {text}",
    ),
    "find_hidden_in_top_key": (
        "最上位のキーに {named}{more} が含まれています: {text}",
        "a key in the top level contains {named}{more}: {text}",
    ),
    "find_hidden_more": (" ほか {count} 種類", " and {count} more"),
    # the rules: fiscal years (jtr/rules/years.py; {year}, {period}: find_fy, find_fy_span)
    "find_fy": ("{year}年度", "FY{year}"),
    "find_fy_span": ("{first}年度～{last}年度", "FY{first}–FY{last}"),
    "find_roadmap_period": ("ロードマップの期間", "the roadmap period"),
    "find_runs_backwards": (
        "{what}: 年度の順序が逆です (開始 {start}、終了 {end})",
        "{what} runs backwards: from {start} to {end}",
    ),
    "find_year_outside": (
        "{what}: {year}はロードマップの期間 ({period}) の外です",
        "{what}: {year} is outside the roadmap period {period}",
    ),
    "find_target_outside": (
        "コース {course} の目標年度 ({year}) はロードマップの期間 ({period}) の外です",
        "course {course} targets {year}, outside the roadmap period {period}",
    ),
    "find_study_group_outside": (
        "研究会: {year}はロードマップの期間 ({period}) の外です",
        "study group: {year} is outside the roadmap period {period}",
    ),
    "find_phase_overlap": (
        "期 {phase} と期 {other} は {year}が重なっています",
        "phase {phase} overlaps phase {other} in {year}",
    ),
    "find_phase_gap": (
        "ロードマップの期間のうち {years}はどの期にも含まれていません",
        "no phase covers {years} of the roadmap period",
    ),
    "find_record_year_not_recurring": (
        "記録に fiscal_year を書けるのは、毎年度実施の課題 (recurring: true) だけです",
        "fiscal_year on a record is only for recurring tasks",
    ),
    "find_record_year_outside": (
        "{year}は課題の年度 ({span}) の外です",
        "{year} is outside the task's years {span}",
    ),
    # jtr/rules/readings.py
    "find_reading_unresolved": (
        "読み取りの対象 {path} は、ロードマップのどの値も指していません",
        "the reading's path {path} names no value of the roadmap",
    ),
    "find_reading_backwards": (
        "原典の行 {lines} は逆順です (小さい番号から書いてください)",
        "seed lines {lines} run backwards (write the smaller line first)",
    ),
    # jtr/rules/districts.py
    "find_unknown_district": (
        "不明な地区 {district} です (地区の一覧 districts にありません)",
        "unknown district {district} (not in the districts list)",
    ),
    "find_district_on_city_task": (
        "地区 {district} の記録ですが、この課題は地区ごとの課題ではありません (districts がありません)",
        "a record for district {district} on a task that is not done per district (it has no districts)",
    ),
    "find_district_out_of_scope": (
        "地区 {district} はこの課題の対象の地区に含まれていません",
        "district {district} is not one of this task's districts",
    ),
    "find_district_count": (
        "地区の一覧には {found} 地区ありますが、ロードマップでは {expected} 地区です",
        "the districts list has {found} districts, but the roadmap says {expected}",
    ),
    "find_hilly_count": (
        "地区全体が中山間地域である地区が一覧では {found} 地区ですが、ロードマップでは {expected} 地区です",
        "the districts list has {found} wholly hilly districts, but the roadmap says {expected}",
    ),
    # jtr/rules/revisions.py (the revision log; unknown bodies: find_unknown_reference)
    "find_revision_order": (
        "改訂 {ident} の日付 {when} は、その前の改訂 {previous} の日付 {last} より前です。改訂の記録は古い順に並べてください",
        "revision {ident} is dated {when}, before revision {previous} above it ({last}); keep "
        "the revision log oldest first",
    ),
    "find_revision_before_published": (
        "改訂 {ident} の日付 {when} は、ロードマップの公表 ({published}) より前です",
        "revision {ident} is dated {when}, before the roadmap was published ({published})",
    ),
}
