"""The catalog's usage part: the help pages' headings and Click's usage errors, in jtr's words
(jtr.cli.app). Plain data, nothing imported; see jtr.catalog."""

ENTRIES: dict[str, tuple[str, str]] = {
    # the help pages
    "usage_prefix": ("使い方:", "Usage:"),
    "usage_options_metavar": ("[オプション]", "[OPTIONS]"),
    "usage_command_metavar": ("コマンド [引数]...", "COMMAND [ARGS]..."),
    "usage_arguments_heading": ("引数:", "Arguments:"),
    "usage_options_heading": ("オプション:", "Options:"),
    "usage_commands_heading": ("コマンド:", "Commands:"),
    # the words of every error and warning line: `jtr: error: …`
    "usage_error_word": ("エラー", "error"),
    "usage_warning_word": ("警告", "warning"),
    "usage_try_help": (
        "詳しくは '{command}' で使い方をご覧ください。",
        "Try '{command}' for help.",
    ),
    "usage_aborted": ("中断しました", "Aborted."),
    # usage errors
    "usage_no_such_command": ("{name} というコマンドはありません。", "No such command {name}."),
    "usage_no_such_option": ("{name} というオプションはありません。", "No such option: {name}."),
    "usage_did_you_mean": ("もしかして {close} ですか。", " Did you mean {close}?"),
    "usage_did_you_mean_sentence": ("もしかして {close} ですか。", "Did you mean {close}?"),
    "usage_missing_command": ("コマンドを指定してください。", "Missing command."),
    "usage_missing_argument": ("引数 {name} を指定してください。", "Missing argument {name}."),
    "usage_missing_option": ("オプション {name} を指定してください。", "Missing option {name}."),
    "usage_missing_parameter": ("{name} を指定してください。", "Missing parameter {name}."),
    "usage_bad_value": (
        "{name} の値が正しくありません: {problem}",
        "Invalid value for {name}: {problem}",
    ),
    "usage_needs_value": (
        "オプション '{name}' には値が必要です。",
        "Option '{name}' requires an argument.",
    ),
    "usage_needs_values": (
        "オプション '{name}' には値が{count}つ必要です。",
        "Option '{name}' requires {count} arguments.",
    ),
    "usage_takes_no_value": (
        "オプション '{name}' は値をとりません。",
        "Option '{name}' does not take a value.",
    ),
    "usage_extra_arguments": (
        "余分な引数があります ({args})。",
        "Got unexpected extra arguments ({args}).",
    ),
    "usage_not_an_integer": ("{value} は整数ではありません。", "{value} is not a valid integer."),
    "usage_not_a_number": ("{value} は数値ではありません。", "{value} is not a valid number."),
    "usage_out_of_range": (
        "{value} は範囲外です ({range})。",
        "{value} is not in the range {range}.",
    ),
    "usage_not_the_choice": (
        "{value} は指定できません ({choice} のみ)。",
        "{value} is not {choice}.",
    ),
    "usage_not_a_choice": (
        "{value} は指定できません。指定できるのは {choices} です。",
        "{value} is not one of {choices}.",
    ),
    # the commands' own messages (jtr/cli)
    "cli_roadmap_invalid": (
        "ロードマップが正しくありません。指摘のすべては `jtr validate` で確認できます",
        "the roadmap is not valid; `jtr validate` lists every finding",
    ),
    "cli_schema_broken": (
        "スキーマが壊れているため、何も検査していません",
        "the schema is broken; nothing was validated",
    ),
    "cli_validate_counts": (
        "エラー {errors} 件、警告 {warnings} 件 (ファイル {files} 件)",
        "{errors}, {warnings} in {files}",
    ),
    "cli_wait_number": (
        "--wait: 秒数を指定してください (例: 60)",
        "--wait: give a number of seconds, e.g. 60",
    ),
    "cli_waiting": (
        "{file} の別の編集が終わるのを待っています (最長 {seconds} 秒)…",
        "waiting for another edit of {file} to finish (up to {seconds} s)…",
    ),
    "cli_nothing_written": ("{problem}。何も書き込んでいません", "{problem}; nothing was written"),
    "cli_clear_alone": (
        "--clear は記録を取り消します。--date と --note は付けずに指定してください",
        "--clear removes the record: give it without --date and --note",
    ),
    "cli_export_choose_format": (
        "--format で形式 ({formats}) を選ぶか、-o のファイル名に拡張子を付けてください",
        "choose a format with --format ({formats}), or name the -o file with its extension",
    ),
    "cli_export_binary": (
        "{name} はバイナリ形式のため、端末には出力しません。-o FILE{extension} を指定するか、"
        "標準出力をファイルにリダイレクトしてください",
        "{name} is a binary format: not writing it to the terminal; use -o FILE{extension} "
        "(or redirect standard output to a file)",
    ),
    "cli_cannot_write": ("{file} に書き込めません: {reason}", "cannot write {file}: {reason}"),
    "cli_wrote": ("{file} に書き出しました ({format}、{size})", "wrote {file} ({format}, {size})"),
    "cli_bytes": ("{count} バイト", "{count} bytes"),
    "cli_protected_roadmap": (
        "書き出し元のロードマップ ({file})",
        "the roadmap being exported ({file})",
    ),
    "cli_protected_schema": ("ロードマップのスキーマ ({file})", "the roadmap's schema ({file})"),
    "cli_request_wrote": (
        "{file} に照会票を書き出しました ({rows} 行)",
        "wrote request {file} ({rows} rows)",
    ),
    "cli_request_split_alone": (
        "--split は --owner、--district と一緒には指定できません",
        "--split takes neither --owner nor --district",
    ),
    "cli_request_one_respondent": (
        "--owner と --district はどちらか一方だけ指定してください",
        "give either --owner or --district, not both",
    ),
    "cli_request_not_folder": (
        "{file} はフォルダーではありません (--split では -o にフォルダーを指定します)",
        "{file} is not a folder (--split writes into the folder -o names)",
    ),
    "cli_request_bad_name": (
        "ID {id} はファイル名に使えないため、照会票を書き出せません",
        "the id {id} cannot be a file name: no request written for it",
    ),
    "cli_request_protected_roadmap": (
        "照会票のもとのロードマップ ({file})",
        "the roadmap the request is made from ({file})",
    ),
    "cli_cannot_compare": ("比較できません: {problem}", "cannot compare: {problem}"),
    "cli_revisions_or_files": (
        "リビジョンか --files OLD NEW のどちらか一方を指定してください",
        "give either revisions or --files OLD NEW, not both",
    ),
    "cli_no_such_id_in_history": (
        "{file} のどの版にも、ID {id} のコース・見直し項目・課題はありません",
        "no course, item or task has the id {id} in any version of {file}",
    ),
    "cli_districts_of_what": (
        "{id} は課題・見直し項目・地区のいずれでもありません (jtr districts に指定できるのはこの三つです)",
        "{id} is neither a task, an item nor a district (what jtr districts takes)",
    ),
    # jtr revise
    "cli_revise_note_en_alone": (
        "--note-en は --note (日本語の備考) と一緒に指定してください",
        "--note-en needs --note (the note in Japanese)",
    ),
    # jtr --version: which engine checks the schema (the fast path of `jtr validate`)
    "cli_version_engine_rs": (
        "スキーマ検査: jsonschema-rs {version} (指摘の内容と位置は jsonschema {precise} で求めます)",
        "schema check: jsonschema-rs {version} (findings worded and placed by jsonschema {precise})",
    ),
    "cli_version_engine_python": (
        "スキーマ検査: jsonschema {precise} (Python のみ。jsonschema-rs はインストールされていません)",
        "schema check: jsonschema {precise} (pure Python; jsonschema-rs is not installed)",
    ),
    # baselines (--baseline, jtr slips, status --max-slip)
    "cli_baseline_none": (
        "基準計画がありません: --baseline REV を指定してください (ロードマップの revisions に、"
        "基準計画を示す改訂の記録がありません)",
        "no baseline: give --baseline REV (the roadmap's revisions log names none)",
    ),
    "cli_baseline_invalid": (
        "基準計画 {rev} (コミット {commit}) は正しいロードマップではありません",
        "the baseline {rev} (commit {commit}) is not a valid roadmap",
    ),
    "cli_baseline_html_only": (
        "--baseline は --format html のときだけ使えます",
        "--baseline works with --format html only",
    ),
    "cli_max_slip_needs_check": (
        "--max-slip は --check と一緒に指定してください",
        "--max-slip works with --check",
    ),
    "cli_slip_over": (
        "{id}: {slip} 年度後ろにずれています (--max-slip {max} を超えています)",
        "{id}: slipped {slip} fiscal years (more than --max-slip {max})",
    ),
}
