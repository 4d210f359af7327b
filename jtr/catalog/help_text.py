"""The catalog's help part: what `jtr --help` and every `jtr COMMAND --help` say (jtr.cli.app).

Keys: `help_<command>` (the app is `help_jtr`): paragraphs split by a blank line, the first
one the command's line in the app's list; a paragraph of several lines (a list) keeps its
lines. `opt_<command>_<option>` is one command's option, `opt_<option>` an option every command
that has it shares, `arg_<command>_<argument>` an argument. Written without hard line breaks:
the help wraps to the terminal. Plain data, nothing imported; see jtr.catalog.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # the app and the options it shares with its commands
    "help_jtr": (
        "jtr: 長野市「住民自治リフレッシュプロジェクト」のロードマップを、検証済みの YAML として管理・追跡します。"
        "\n\n"
        "対象のロードマップは --file/-f PATH、なければ $JTR_ROADMAP、それもなければ現在のフォルダー"
        "(または最も近い上位のフォルダー) の data/roadmap.yaml です。"
        "--file/-f、--lang、--as-of はコマンドの前にも書けます (`jtr -f FILE --lang en status`)。"
        "\n\n"
        "表示の言語は --lang、なければ $JTR_LANG、なければ LC_ALL/LC_MESSAGES/LANG、"
        "どれもなければ日本語です。",
        "jtr: track Nagano City's 住民自治リフレッシュプロジェクト roadmap, kept as validated YAML."
        "\n\n"
        "The roadmap is --file/-f PATH, else $JTR_ROADMAP, else data/roadmap.yaml in the current "
        "folder or the nearest folder above it. --file/-f, --lang and --as-of also work before the "
        "command (`jtr -f FILE --lang en status`)."
        "\n\n"
        "The language is --lang, else $JTR_LANG, else LC_ALL/LC_MESSAGES/LANG, else Japanese.",
    ),
    "opt_version": ("jtr のバージョンを表示します。", "Print jtr's version."),
    "opt_help": ("このヘルプを表示して終了します。", "Show this help and exit."),
    "opt_install_completion": (
        "現在のシェルに補完を設定します。",
        "Install completion for the current shell.",
    ),
    "opt_show_completion": (
        "現在のシェル用の補完スクリプトを表示します (コピーして設定を調整するときに)。",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "opt_file": (
        "ロードマップのファイル (既定: $JTR_ROADMAP、なければ最も近い data/roadmap.yaml)。",
        "Roadmap file (default: $JTR_ROADMAP, else the nearest data/roadmap.yaml).",
    ),
    "opt_lang": (
        "表示の言語: ja (日本語) または en (英語) (既定: $JTR_LANG、なければ LC_ALL/LC_MESSAGES/LANG、"
        "なければ日本語)。",
        "Language of everything jtr prints: ja or en (default: $JTR_LANG, else "
        "LC_ALL/LC_MESSAGES/LANG, else Japanese).",
    ),
    "opt_as_of": (
        "基準日 YYYY-MM-DD (既定: 今日)。2024, FY2024, R6, 令和6年度 のように年度を指定すると、"
        "その年度の末日になります。基準日より後の記録は数えません。",
        "Date to report as of, YYYY-MM-DD (default: today); a fiscal year such as 2024, FY2024, "
        "R6 or 令和6年度 means its last day. Progress recorded later is not counted.",
    ),
    "opt_rev": (
        "この git リビジョンでコミットされた時点のロードマップを表示します (例: HEAD~3、タグ、ハッシュ)。",
        "Show the roadmap as committed at this git revision (e.g. HEAD~3, a tag, a hash).",
    ),
    "opt_width": (
        "表示の幅 (端末のセル数、40 以上。既定: 端末の幅、なければ 80)。",
        "Width in terminal cells, 40 or more (default: the terminal's, or 80).",
    ),
    "opt_course": (
        "このコースだけ: ID、番号、目標年度のいずれか (course-2024, Ⅰ, I, 1, 2024)。繰り返し指定できます。",
        "Only this course: its id, numeral or target year (course-2024, Ⅰ, I, 1, 2024); "
        "repeatable.",
    ),
    "opt_owner": (
        "この担当の見直し項目だけ (jijikyo, shisho, tantoka, chikatsu)。繰り返し指定できます。",
        "Only items with this owner (jijikyo, shisho, tantoka, chikatsu); repeatable.",
    ),
    "opt_state": (
        "この状態の課題だけ: overdue, delayed, on_hold, due, in_progress, not_yet_due, done, "
        "cancelled, planned, closed。繰り返し指定できます。",
        "Only tasks in this state: overdue, delayed, on_hold, due, in_progress, not_yet_due, "
        "done, cancelled, planned, closed; repeatable.",
    ),
    "opt_district": (
        "この地区から見た計画: 地区ごとの課題はこの地区 (繰り返し指定すればそれらの地区) の状態だけで"
        "判断し、対象外の課題は除きます。全市で一度行う課題はそのまま残ります。",
        "The plan as seen from this district (repeatable): a district-scoped task is judged on "
        "these districts alone, and left out when none of them is in its scope; a task done once "
        "for the whole city stays.",
    ),
    "opt_hilly": (
        "--hilly: 地区全体が中山間地域の地区だけ、--not-hilly: それ以外の地区だけで、地区ごとの課題を判断します。",
        "--hilly: judge district-scoped tasks on the wholly hilly districts only; --not-hilly: on "
        "the others only.",
    ),
    "opt_dry_run": (
        "書き込む代わりに、変更内容を unified diff で表示します。ファイルは変更しません。",
        "Print the unified diff the edit would make; change nothing.",
    ),
    "opt_wait": (
        "同じファイルを別の編集が使用中のとき、あきらめるまで待つ秒数 (既定: 60)。",
        "How long to wait, in seconds, for another edit of the same file to finish before "
        "giving up (default: 60).",
    ),
    "opt_date": ("日付 YYYY-MM-DD (既定: 今日)。", "Date, YYYY-MM-DD (default: today)."),
    "opt_note": ("記録に添える備考。", "A note kept with the record."),
    # jtr validate
    "help_validate": (
        "ロードマップのファイルを、スキーマと jtr のルールで検査します。"
        "\n\n"
        "指摘は「ファイル:行:列: 重大度: 内容 [コード]」の形で、位置の順に表示します。"
        "スキーマそのものも、先にメタスキーマで検査します。"
        "\n\n"
        "終了コード:\n"
        "  0 問題なし\n"
        "  1 指摘あり (エラー、または --strict のときの警告)\n"
        "  2 jtr を実行できなかった (ファイルがない、スキーマが読めない・壊れている、使い方の誤り)",
        "Check roadmap files against the schema and jtr's rules."
        "\n\n"
        "Findings print as file:line:col: severity: message [CODE], sorted by position. The "
        "schema itself is first checked against its meta-schema."
        "\n\n"
        "Exit codes:\n"
        "  0 valid\n"
        "  1 findings (errors, or warnings with --strict)\n"
        "  2 jtr could not run (missing file, unreadable or broken schema, usage error)",
    ),
    "arg_validate_paths": (
        "検査するロードマップのファイル (既定: 見つかったロードマップ)。",
        "Roadmap files to check (default: the discovered roadmap).",
    ),
    "opt_validate_output_format": (
        "text: 「ファイル:行:列」の行、json: ツール向け、github: GitHub Actions の注釈、"
        "sarif: コードスキャン用の SARIF 2.1.0 (既定: text)。",
        "text: file:line:col lines; json: for tools; github: Actions annotations; sarif: "
        "SARIF 2.1.0 for code-scanning dashboards (default: text).",
    ),
    "opt_strict": (
        "警告も不合格とします (終了コード 1)。",
        "Warnings also fail (exit 1).",
    ),
    "opt_schema": (
        "使う JSON スキーマ (既定: ロードマップの '# yaml-language-server: $schema=' の行が指すもの、"
        "なければ jtr 付属のもの)。",
        "JSON Schema to use (default: the one the roadmap names in its "
        "'# yaml-language-server: $schema=' line, else jtr's own).",
    ),
    "opt_max_bytes": (
        "これより大きいファイルは読みません (バイト数。既定: $JTR_MAX_BYTES、なければ 64 MiB)。",
        "Refuse files larger than this many bytes (default: $JTR_MAX_BYTES, else 64 MiB).",
    ),
    # jtr status
    "help_status": (
        "基準日時点のロードマップの状況を表示します: コースごとの状態別の課題数、完了率、"
        "コースの目標に対する方針決定・実現の数、そして対応が必要な見直し項目。"
        "\n\n"
        "終了コード:\n"
        "  0 表示した (--check のときは、期限超過も目標未達もない)\n"
        "  1 --check で問題が見つかった、またはロードマップが不正\n"
        "  2 jtr を実行できなかった",
        "Where the roadmap stands as of a date: per course, tasks by state, percent done, items "
        "decided or realised against the course goal, and the items that need attention."
        "\n\n"
        "Exit codes:\n"
        "  0 shown (with --check: nothing overdue, no goal missed)\n"
        "  1 --check found something, or the roadmap is invalid\n"
        "  2 jtr could not run",
    ),
    "opt_status_output_format": (
        "table: 人が読む表、json: ツール向け、markdown: 文書向け (既定: table)。",
        "table for people, json for tools, markdown for documents (default: table).",
    ),
    "opt_check": (
        "期限超過の課題か未達のコース目標があれば終了コード 1 で終わります (定期実行の CI 向け)。",
        "Exit 1 when a task is overdue or a course goal is missed (for a scheduled CI job).",
    ),
    # jtr timeline
    "help_timeline": (
        "期ごとのタイムラインをガントチャートで表示します: 横に年度と期、課題ごとに1行、"
        "状態で塗り分けた棒、基準日の印 (▼)。パイプ出力、NO_COLOR、--ascii のときは色を付けません。",
        "The phase timeline as a Gantt chart: fiscal years and phases across, one row per task, "
        "bars filled by state, an as-of marker (▼). Plain when piped, under NO_COLOR, or with "
        "--ascii.",
    ),
    "opt_timeline_ascii_only": (
        "ASCII 文字だけで描きます (タイトルは書かれたまま)。",
        "ASCII characters only (titles stay as written).",
    ),
    # jtr show
    "help_show": (
        "一つの見直し項目 (または課題、コース、ワーキンググループ、継続検討項目、担当、期) について、"
        "すべてを表示します: 現状、担当、ワーキンググループと構成員、課題と進捗の記録のすべて、"
        "ゴールイメージ、方針決定と実現の日付。",
        "Everything about one review item (or task, course, working group, topic, owner, "
        "phase): 現状, owners, working group and members, tasks with their full status "
        "history, goal images, decision and realisation dates.",
    ),
    "arg_show_ident": (
        "見直し項目、課題、コース、ワーキンググループ、継続検討項目、担当、期、地区、改訂の ID (`jtr list` で一覧)。",
        "A review item, task, course, working group, topic, owner, phase, district or revision id "
        "(`jtr list`).",
    ),
    "opt_show_output_format": (
        "text: 人が読む形、json: ツール向け (既定: text)。",
        "text for people, json for tools (default: text).",
    ),
    # jtr list
    "help_list": (
        "ロードマップの見直し項目、課題、コース、担当、期、ワーキンググループ、継続検討項目の"
        "ID とタイトルを一覧にします: `show` などのコマンドに渡す ID です。",
        "Ids and titles of the roadmap's items, tasks, courses, owners, phases, working groups "
        "or topics: the ids that `show` and the other commands take.",
    ),
    "opt_list_kind": ("一覧にするもの (既定: items)。", "What to list (default: items)."),
    "opt_list_output_format": (
        "text: 1行に ID とタイトル、json: オブジェクトのリスト (既定: text)。",
        "text: id and title per line; json: a list of objects (default: text).",
    ),
    "opt_list_width": (
        "この幅 (端末のセル数、40 以上) で折り返します (既定: 端末の幅。パイプ出力では折り返しません)。",
        "Wrap lines to this width in terminal cells, 40 or more (default: the terminal's; "
        "piped: one line per entry).",
    ),
    # jtr readings
    "help_readings": (
        "原典の読み取り (解釈して決めた値) のすべてを、原典のページごとに、対象の値とともに一覧にします:"
        " 決めたこと、ほかの読み方、根拠とした原典の行、確からしさ。"
        "ほかの表示では、これらの値の後に ※番号 の印が付きます。",
        "Every reading of the seed (a value decided by interpretation), by the seed's page, with "
        "the values it decides: the decision, the alternatives, the seed lines it rests on and "
        "how sure it is. Other views mark these values with ※ and the reading's number.",
    ),
    "opt_readings_output_format": (
        "table: 人が読む一覧、json: 値ごとのオブジェクトのリスト、markdown: 文書向け (既定: table)。",
        "table for people; json: a list of objects, one per value; markdown for documents "
        "(default: table).",
    ),
    # jtr districts
    "help_districts": (
        "地区ごとの課題の進捗を、地区 × 課題の表で表示します: 行は地区 (ブロックごと、ブロックが不明なら"
        "地区全体が中山間地域の地区とその他)、列は地区ごとの課題、各欄はその地区の状態 (色だけでなく塗りでも区別)。"
        "課題か見直し項目の ID を指定するとその課題だけを、地区の ID を指定するとその地区から見た計画全体を表示します。",
        "The district × task matrix of the tasks done per district: rows the districts (by block, or "
        "the wholly hilly ones and the others while blocks are unknown), columns the district-scoped "
        "tasks, each cell the district's state as a fill, not colour alone. With a task or item id, "
        "its tasks only; with a district id, that district's view of the whole plan.",
    ),
    "arg_districts_ident": (
        "課題、見直し項目、または地区の ID (既定: 地区ごとの課題のすべて)。",
        "A task, item or district id (default: every district-scoped task).",
    ),
    "opt_districts_output_format": (
        "table: 人が読む表、json: ツール向け、markdown: 文書向け、csv: 地区 × 課題ごとに1行 (既定: table)。",
        "table for people, json for tools, markdown for documents, csv: one row per district and "
        "task (default: table).",
    ),
    "opt_districts_ascii_only": (
        "ASCII 文字だけで描きます (地区名やタイトルは書かれたまま)。",
        "ASCII characters only (names and titles stay as written).",
    ),
    # jtr set, decide, realise
    "help_set": (
        "課題の進捗を記録します: 状態・日付・備考の記録を、課題の進捗の記録 (history) に追加します。"
        "\n\n"
        "コメント、レイアウトなどファイルのほかの部分は書かれたまま残ります。"
        "編集後のロードマップを検証してから、ロックをかけて一度に置き換えます。"
        "変更は1行で表示し、--dry-run のときは差分を表示します。"
        "\n\n"
        "終了コード:\n"
        "  0 記録した (または表示した)\n"
        "  1 この編集ではロードマップが不正になる (指摘を表示し、何も書き込まない)\n"
        "  2 受け付けなかった: 不明な課題、誤った日付、--force なしで最新の記録より前の日付、"
        "ファイルがない・読めない・書き込めない、または別の編集が --wait の間ロックを保持していた",
        "Record a task's status: append a record (status, date, note) to its history."
        "\n\n"
        "Comments, layout and everything else in the file stay as written; the edited roadmap "
        "is validated before it replaces the file, atomically and under a lock. Prints the "
        "change in one line, or with --dry-run the diff it would make."
        "\n\n"
        "Exit codes:\n"
        "  0 recorded (or shown)\n"
        "  1 the edit would make the roadmap invalid (findings printed, nothing written)\n"
        "  2 refused: unknown task, bad date, a date before the last record without --force, "
        "missing, unreadable or read-only file, or another edit held the lock past --wait",
    ),
    "arg_set_task": (
        "課題の ID (`jtr list --kind tasks` で一覧)。",
        "The task's id (`jtr list --kind tasks`).",
    ),
    "opt_set_status": (
        "記録する状態: planned (予定)、in_progress (実施中)、done (完了)、delayed (遅延)、"
        "on_hold (保留)、cancelled (中止)。",
        "The status to record: planned, in_progress, done, delayed, on_hold, cancelled.",
    ),
    "opt_set_by": ("記録する人または部署。", "Who records it (person or office)."),
    "opt_set_fiscal_year": (
        "毎年度の課題のとき: 記録の対象の年度 (2024, FY2024, R6, 令和6年度)。",
        "For a recurring task: the fiscal year the record is about (2024, FY2024, R6, 令和6年度).",
    ),
    "opt_set_district": (
        "地区ごとの課題のとき: この地区についての記録にします。地区の ID、all (課題の全地区)、"
        "hilly (そのうち地区全体が中山間地域の地区)、not-hilly。繰り返し指定でき、一度の書き込みで"
        "地区ごとに記録します。",
        "For a task done per district: record it for this district: a district id, all (every "
        "district of the task), hilly (its wholly hilly ones) or not-hilly; repeatable, one "
        "record per district in one write.",
    ),
    "opt_set_force": (
        "課題の最新の記録より前の日付も受け付けます (日付の順に挿入します)。",
        "Accept a date before the task's last record (inserted in date order).",
    ),
    "help_decide": (
        "見直し項目の方針決定を記録します。--clear で記録を取り消します。"
        "\n\n"
        "終了コード:\n"
        "  0 記録した (または表示した、取り消すものがなかった)\n"
        "  1 この編集ではロードマップが不正になる (指摘を表示し、何も書き込まない)\n"
        "  2 受け付けなかった: 不明な見直し項目、誤った日付、--force なしで方針決定が記録済み、"
        "ファイルがない・読めない・書き込めない、または別の編集が --wait の間ロックを保持していた",
        "Record that a review item's policy was decided (方針決定), or with --clear undo it."
        "\n\n"
        "Exit codes:\n"
        "  0 recorded (or shown, or nothing to clear)\n"
        "  1 the edit would make the roadmap invalid (findings printed, nothing written)\n"
        "  2 refused: unknown item, bad date, already decided without --force, missing, "
        "unreadable or read-only file, or another edit held the lock past --wait",
    ),
    "help_realise": (
        "見直し項目の実現を記録します。--clear で記録を取り消します。"
        "\n\n"
        "終了コード:\n"
        "  0 記録した (または表示した、取り消すものがなかった)\n"
        "  1 この編集ではロードマップが不正になる (指摘を表示し、何も書き込まない)\n"
        "  2 受け付けなかった: 不明な見直し項目、誤った日付、--force なしで実現が記録済み、"
        "ファイルがない・読めない・書き込めない、または別の編集が --wait の間ロックを保持していた",
        "Record that a review item was realised (実現), or with --clear undo it."
        "\n\n"
        "Exit codes:\n"
        "  0 recorded (or shown, or nothing to clear)\n"
        "  1 the edit would make the roadmap invalid (findings printed, nothing written)\n"
        "  2 refused: unknown item, bad date, already realised without --force, missing, "
        "unreadable or read-only file, or another edit held the lock past --wait",
    ),
    "arg_decide_item": (
        "見直し項目の ID (`jtr list` で一覧)。",
        "The review item's id (`jtr list`).",
    ),
    "arg_realise_item": (
        "実現した見直し項目の ID (`jtr list` で一覧)。",
        "The id of the review item realised (`jtr list`).",
    ),
    "opt_clear": (
        "記録する代わりに、記録済みの日付を取り消します。",
        "Remove the recorded date instead.",
    ),
    "opt_force": (
        "記録済みの日付を置き換えます。",
        "Replace a date already recorded.",
    ),
    # jtr export
    "help_export": (
        "基準日時点のロードマップを、端末を使わない人のためのファイルに書き出します。"
        "\n\n"
        "形式:\n"
        "  markdown 状況と表、タイムラインは Mermaid\n"
        "  csv/tsv 課題ごとに1行 (Excel 向けに BOM 付き UTF-8、改行 CRLF)\n"
        "  xlsx Excel のブック\n"
        "  html 1ファイルで完結するページ (A4 横で印刷できます)\n"
        "  svg タイムラインの図\n"
        "  mermaid ガントチャート\n"
        "  ics カレンダー (iCalendar)\n"
        "  json 導出した状態を含むロードマップ全体 (スキーマ: jtr/export/roadmap-export.schema.json)"
        "\n\n"
        "--as-of, --lang, --course, --owner, --state は `jtr status` と同じです。"
        "\n\n"
        "終了コード:\n"
        "  0 書き出した\n"
        "  1 ロードマップが不正\n"
        "  2 使い方の誤り、または書き込めない",
        "Export the roadmap as of a date, for people who never open a terminal."
        "\n\n"
        "Formats:\n"
        "  markdown status and tables, the timeline as Mermaid\n"
        "  csv/tsv one row per task (UTF-8 with BOM and CRLF for Excel)\n"
        "  xlsx an Excel workbook\n"
        "  html one self-contained page (prints on A4 landscape)\n"
        "  svg the timeline picture\n"
        "  mermaid a gantt chart\n"
        "  ics iCalendar\n"
        "  json the full roadmap with derived states (schema: "
        "jtr/export/roadmap-export.schema.json)"
        "\n\n"
        "--as-of, --lang, --course, --owner and --state work as for `jtr status`."
        "\n\n"
        "Exit codes:\n"
        "  0 written\n"
        "  1 the roadmap is invalid\n"
        "  2 usage error or cannot write",
    ),
    "opt_export_output_format": (
        "形式 (既定: -o のファイルの拡張子から)。",
        "The format (default: from the extension of the -o file).",
    ),
    "opt_export_output": (
        "このファイルに一度に書き込みます (通常のファイルか新しいパス。ロードマップやそのスキーマには"
        "書き込みません)。指定がないか '-' のときは標準出力。",
        "Write to this file, atomically (a regular file or a new path, never the roadmap or its "
        "schema); without it, or with '-', standard output.",
    ),
    # jtr request
    "help_request": (
        "回答者ごとの照会票 (Excel のブック) を書き出します: 課題ごと (地区ごとの課題は地区ごと) に1行、"
        "現在の状態と最新の記録、その横に回答を記入する黄色のセル (新しい状態・日付・備考・回答者)。"
        "回答を記入したブックは `jtr import` で読み込めます。"
        "\n\n"
        "--owner はその担当の見直し項目の課題、--district はその地区を対象に含む地区ごとの課題 (その地区の1行)、"
        "どちらもなければすべての課題 (地区ごとの課題は対象の地区ごとに1行) です。"
        "--split owner|district は担当ごと・地区ごとに1冊ずつ、-o のフォルダーに <ID>.xlsx として書き出します。"
        "\n\n"
        "終了コード:\n"
        "  0 書き出した\n"
        "  1 ロードマップが不正\n"
        "  2 使い方の誤り、または書き込めない",
        "Write a request workbook (照会票) for a respondent: one row per task (per task and "
        "district for a district-scoped task) with its current state and last record, and "
        "yellow cells to answer in (new state, date, note, respondent). `jtr import` reads the "
        "filled-in workbook back."
        "\n\n"
        "--owner: the tasks of that owner's items; --district: the district-scoped tasks that "
        "include that district (one row for it); neither: every task (a district-scoped task "
        "once per district in scope). --split owner|district writes one workbook per owner or "
        "district, <ID>.xlsx in the -o folder."
        "\n\n"
        "Exit codes:\n"
        "  0 written\n"
        "  1 the roadmap is invalid\n"
        "  2 usage error or cannot write",
    ),
    "opt_request_owner": (
        "この担当への照会票: その担当の見直し項目の課題だけ (jijikyo, shisho, tantoka, chikatsu)。",
        "A request to this owner: the tasks of its items only (jijikyo, shisho, tantoka, "
        "chikatsu).",
    ),
    "opt_request_district": (
        "この地区への照会票: この地区を対象に含む地区ごとの課題だけ、この地区の1行ずつ。",
        "A request to this district: the district-scoped tasks that include it, one row each "
        "for it.",
    ),
    "opt_request_split": (
        "担当ごと (owner) か地区ごと (district) に1冊ずつ、-o のフォルダーに <ID>.xlsx として書き出します"
        " (フォルダーがなければ作ります)。",
        "One workbook per owner (owner) or per district (district), written as <ID>.xlsx in the "
        "-o folder (created if missing).",
    ),
    "opt_request_output": (
        "書き出すファイル (.xlsx)。--split のときはフォルダー。ロードマップやそのスキーマには書き込みません。",
        "The workbook to write (.xlsx); with --split, the folder. Never the roadmap or its schema.",
    ),
    # jtr diff, textconv, history, setup-git
    "help_diff": (
        "ロードマップの二つのリビジョンの間で計画の何が変わったかを、コースと見直し項目ごとに表示します"
        " (既定: HEAD と作業中のファイル): 見直し項目と課題の追加・削除・名前の変更・移動、進捗の記録、"
        "方針決定と実現、担当、年度、文の修正。"
        "\n\n"
        "終了コード:\n"
        "  0 違いなし\n"
        "  1 違いあり\n"
        "  2 jtr を実行できなかった (git リポジトリでない、不明なリビジョン、そのリビジョンにファイルがない、"
        "YAML として読めない)",
        "What changed in the plan between two revisions of the roadmap (default: HEAD against "
        "the working tree), grouped by course and item: items and tasks added, removed, renamed "
        "or moved, status records, decisions and realisations, owners, fiscal years, text edits."
        "\n\n"
        "Exit codes:\n"
        "  0 no differences\n"
        "  1 differences\n"
        "  2 jtr could not run (not a git repository, unknown revision, the file missing at a "
        "revision, a side that is not readable YAML)",
    ),
    "arg_diff_rev_a": (
        "比べる元のリビジョン (既定: HEAD)。A..B や A...B (マージベースから) も使えます。",
        "Old revision (default: HEAD); A..B and A...B (from the merge base) also work.",
    ),
    "arg_diff_rev_b": (
        "比べる先のリビジョン (既定: 作業中のファイル)。",
        "New revision (default: the working tree).",
    ),
    "opt_diff_files": (
        "代わりに二つのロードマップのファイルを比べます (git を使いません)。",
        "Compare two roadmap files instead (no git).",
    ),
    "opt_diff_output_format": (
        "text: 端末向け、markdown: プルリクエストのコメント向け、json (既定: text)。",
        "text for the terminal, markdown for a pull-request comment, json (default: text).",
    ),
    "opt_diff_width": (
        "この幅 (端末のセル数、40 以上) で折り返します (既定: 端末の幅。パイプ出力では折り返しません)。",
        "Wrap lines to this width in terminal cells, 40 or more (default: the terminal's; "
        "piped: one line per change).",
    ),
    "help_textconv": (
        "git の textconv 用に、ロードマップを1行に一つの事実を書く決まった形で出力します。"
        "`git diff` や `git log -p` が計画の単位で行を表示するようになります。"
        "有効にするには `jtr setup-git` を実行します。"
        "\n\n"
        "git は出力を必要とするため、常に出力して終了コード 0 で終わります。"
        "YAML として読めないファイルはそのまま出力し、理由を標準エラーに書きます。"
        "ファイルがまったく読めないとき (ない、壊れたリンク、フォルダーなど通常のファイルでない、大きすぎる) は、"
        "`jtr: エラー: …` と表示して終了コード 2 で終わります。",
        "A canonical, one-fact-per-line rendering of a roadmap, for git's textconv, so that "
        "`git diff` and `git log -p` show plan-level lines. Turn it on with `jtr setup-git`."
        "\n\n"
        "Exits 0 with output (git needs it): a file that cannot be read as YAML is printed as it "
        "is, with the reason on stderr. A file that cannot be read at all (missing, a broken "
        "link, a directory or another kind that is not a regular file, too big) exits 2 with "
        "`jtr: error: …`.",
    ),
    "arg_textconv_path": ("git が渡すロードマップのファイル。", "The roadmap file git passes."),
    "help_history": (
        "ロードマップ (または一つの見直し項目) を変更したコミットを新しい順に、日付・作成者・"
        "計画の変更とともに表示し、続けて年度ごとと時期ごとの完了した課題の累積 (バーンアップ) を表示します。"
        "\n\n"
        "終了コード:\n"
        "  0 表示した\n"
        "  2 jtr を実行できなかった (git リポジトリでない、不明な ID)",
        "The commits that changed the roadmap (or one item), newest first, with date, author "
        "and the semantic changes of each; then a burn-up of tasks done per fiscal year and over "
        "time."
        "\n\n"
        "Exit codes:\n"
        "  0 shown\n"
        "  2 jtr could not run (not a git repository, unknown id)",
    ),
    "arg_history_ident": (
        "このコース、見直し項目、課題を変更したコミットだけ (既定: すべて)。",
        "Only the commits that changed this course, item or task (default: all).",
    ),
    "opt_history_output_format": (
        "text: コミットとバーンアップの図、json: その系列 (既定: text)。",
        "text: commits and a burn-up chart; json: the series (default: text).",
    ),
    "opt_history_max_count": (
        "新しいほうから N 件のコミットだけを表示します。",
        "Show only the newest N commits.",
    ),
    "opt_history_district_tasks": (
        "バーンアップで、地区ごとの課題を対象の地区のうち完了 (または中止) した地区の割合で数えます"
        " (32 地区のうち 18 地区で完了なら 18/32 課題)。課題の数の目盛りのまま、地区ごとの進み具合が"
        "曲線に表れます。既定では、対象のすべての地区で完了したときに 1 課題と数えます。",
        "In the burn-up, count a district-scoped task as the share of its districts in scope"
        " done (or cancelled): done in 18 of 32 districts moves the curve by 18/32 of a task."
        " The chart stays in tasks, so one task done in many districts does not outweigh the"
        " others, yet each district's progress shows. By default such a task counts once"
        " every district in its scope is done.",
    ),
    "opt_history_ascii_only": (
        "図を ASCII 文字だけで描きます。",
        "ASCII characters only in the chart.",
    ),
    "help_setup_git": (
        "このリポジトリを jtr 用に設定します: `.gitattributes` に `data/roadmap.yaml diff=jtr` の行"
        " (リポジトリ内のロードマップのパス。コミットしてください) を加え、`git config diff.jtr.textconv` に"
        "この jtr の絶対パスを設定します。これで `git diff` と `git log -p` が計画の単位で行を表示します。"
        "同じ行に `merge=jtr` を加え、`git config merge.jtr.driver` に `jtr merge-driver` を設定するので、"
        "`git merge` はロードマップを id ごとに統合します。"
        "もう一度実行しても何も変わりません。"
        "\n\n"
        "終了コード:\n"
        "  0 設定した (設定済みだった、または --dry-run で表示した)\n"
        "  2 ロードマップがない、git リポジトリの中でない、git がない、または .gitattributes が読めない",
        "Configure this repository for jtr: the `.gitattributes` line `data/roadmap.yaml "
        "diff=jtr` (the roadmap's path in the repository; commit it) and `git config "
        "diff.jtr.textconv` with the absolute path of this jtr, so `git diff` and `git log -p` "
        "show plan-level lines; `merge=jtr` on the same line and `git config merge.jtr.driver` "
        "running `jtr merge-driver`, so `git merge` merges the roadmap by id. Running it again "
        "changes nothing."
        "\n\n"
        "Exit codes:\n"
        "  0 configured (or already so, or shown with --dry-run)\n"
        "  2 no roadmap, not in a git repository, git missing, or .gitattributes unreadable",
    ),
    "opt_setup_git_dry_run": (
        "書き込む内容を表示するだけで、何も変更しません。",
        "Print what would be written; change nothing.",
    ),
    # jtr merge-driver
    "help_merge_driver": (
        "git が使うコマンドです (`jtr setup-git` が設定します): ロードマップを id ごとに三方向で統合します。"
        "git は `jtr merge-driver %O %A %B %P %L` を実行し、結果を CURRENT に書き込みます。"
        "\n\n"
        "両方で同じ課題に追加した記録はどちらも日付順に残し、それぞれで変更した別の項目は統合します。"
        "同じ項目を両方で異なる内容に変更したときは、その行を通常の競合マーカーで囲み、id で示します。"
        "統合結果が検証を通らないときは競合として残し、jtr が読めない版は `git merge-file` で行単位に統合します。"
        "\n\n"
        "終了コード: 0 統合した; 1 競合を CURRENT に残した; 2 ファイルを読み書きできなかった。",
        "Used by git (`jtr setup-git` configures it): the three-way merge of the roadmap by id. "
        "git runs `jtr merge-driver %O %A %B %P %L`; the result is written over CURRENT."
        "\n\n"
        "Records added to the same task on both sides are both kept, in date order; different "
        "fields changed on each side are merged; a field changed differently on both sides is "
        "left between ordinary conflict markers and named by id. A result that would not "
        "validate is left as a conflict; a version jtr cannot read is merged line by line by "
        "`git merge-file`."
        "\n\n"
        "Exit codes: 0 merged; 1 conflicts left in CURRENT; 2 a file could not be read or "
        "written.",
    ),
    "arg_merge_driver_ancestor": (
        "共通の祖先の版 (git の %O)。",
        "The common ancestor's version (git's %O).",
    ),
    "arg_merge_driver_current": (
        "こちら側の版 (git の %A)。統合結果をここに書き込みます。",
        "Our version (git's %A); the result is written here.",
    ),
    "arg_merge_driver_other": (
        "相手側の版 (git の %B)。",
        "Their version (git's %B).",
    ),
    "arg_merge_driver_path": (
        "リポジトリ内のロードマップのパス (git の %P)。スキーマをここから探し、メッセージでこの名前を使います。",
        "The roadmap's path in the repository (git's %P): its schema is found from it and "
        "messages name it.",
    ),
    "arg_merge_driver_marker_size": (
        "競合マーカーの長さ (git の %L、既定: 7)。",
        "The length of conflict markers (git's %L; default: 7).",
    ),
    # jtr import
    "help_import": (
        "jtr request で作成した回答のブック (.xlsx) の回答を、ロードマップの進捗の記録に取り込みます。"
        "\n\n"
        "状態 (I 列) が記入された行ごとに、状態・日付・備考・回答者の記録を課題 (地区ごとの課題では"
        "その地区) に追加します。すべてのブックの回答を検証してから、ロックをかけて一度に書き込みます。"
        "同じ回答をもう一度取り込んでも何も変わりません。古い版から作成したブックの回答は、"
        "その後の記録と食い違わないものだけを取り込みます。"
        "\n\n"
        "終了コード: 0 記録した (または表示した、新しい回答がない); 1 編集するとロードマップが"
        "不正になる (指摘を表示し、何も書き込みません); 2 拒否: 回答のブックでない、別のロードマップから"
        "作成した、知らない課題・地区、状態や日付の誤り (セルを示します)、ファイルを読み書きできない、"
        "--wait を過ぎても別の編集がロックを保持していた。",
        "Import the replies of reply workbooks (.xlsx) made by jtr request into the roadmap's "
        "progress records."
        "\n\n"
        "Each row with a status (column I) adds a record (status, date, note, who answered) to "
        "its task, or for a task done per district to that district. The replies of all the "
        "workbooks are checked, then written in one write under a lock. Importing the same "
        "replies again changes nothing. Replies from a workbook made from an older revision "
        "are imported where they do not conflict with the records made since."
        "\n\n"
        "Exit codes: 0 recorded (or shown, or nothing new); 1 the edit would make the roadmap "
        "invalid (findings printed, nothing written); 2 refused: not a reply workbook, made "
        "from another roadmap, an unknown task or district, a wrong status or date (the cell "
        "is named), an unreadable or read-only file, or another edit held the lock past --wait.",
    ),
    "arg_import_files": (
        "回答のブック (.xlsx)。複数指定できます。",
        "The reply workbooks (.xlsx); one or more.",
    ),
    "opt_import_force": (
        "最新の記録より前の日付の回答も、日付の順に挿入して取り込みます。",
        "Also import replies dated before the last record since (inserted in date order).",
    ),
    # jtr revise
    "help_revise": (
        "計画の改訂を記録します: 改訂の記録 (revisions) の最後に、日付・表題・承認した組織を追加します。"
        "\n\n"
        "改訂の記録がないファイルには、meta の後に追加します。--id を省略すると revision-日付 "
        "(使用済みなら -2、-3 …) になります。--baseline には、この改訂が置き換える計画の git "
        "リビジョンを指定します (完全なコミット ID にして記録します)。"
        "コメント、レイアウトなどファイルのほかの部分は書かれたまま残ります。"
        "編集後のロードマップを検証してから、ロックをかけて一度に置き換えます。"
        "--dry-run のときは差分を表示します。"
        "\n\n"
        "終了コード:\n"
        "  0 記録した (または表示した)\n"
        "  1 この編集ではロードマップが不正になる (指摘を表示し、何も書き込まない)\n"
        "  2 受け付けなかった: 不明な組織、使用済みの ID、誤った日付や最後の改訂より前の日付、"
        "不明な git リビジョン、ファイルがない・読めない・書き込めない、"
        "または別の編集が --wait の間ロックを保持していた",
        "Record a revision of the plan: append its date, title and approving body to the "
        "revision log (revisions:)."
        "\n\n"
        "A file without a revision log gets one after its meta section. Without --id the "
        "revision's id is revision-DATE (then -2, -3, … if taken). --baseline names the git "
        "revision of the plan this revision supersedes (recorded as the full commit id). "
        "Comments, layout and everything else in the file stay as written; the edited roadmap "
        "is validated before it replaces the file, atomically and under a lock. With --dry-run "
        "it prints the diff it would make."
        "\n\n"
        "Exit codes: 0 recorded (or shown); 1 the edit would make the roadmap invalid "
        "(findings printed, nothing written); 2 refused: unknown body, an id already taken, a "
        "bad date or one before the last revision, an unknown git revision, missing, "
        "unreadable or read-only file, or another edit held the lock past --wait.",
    ),
    "opt_revise_title": (
        "改訂の表題 (日本語。例: ロードマップ2024)。",
        "The revision's title in Japanese (e.g. ロードマップ2024).",
    ),
    "opt_revise_title_en": ("改訂の表題の英訳。", "The title's English rendering."),
    "opt_revise_approved_by": (
        "改訂を承認した組織の ID (bodies の id。例: promotion-committee)。",
        "Id of the body that approved it (an id of bodies, e.g. promotion-committee).",
    ),
    "opt_revise_date": (
        "承認した日 YYYY-MM-DD、または月 YYYY-MM。最後の改訂より前にはできません。",
        "The day it was approved, YYYY-MM-DD, or the month, YYYY-MM; not before the last revision.",
    ),
    "opt_revise_note": ("何を改めたか (日本語の備考)。", "What it changed (a note in Japanese)."),
    "opt_revise_note_en": ("備考の英訳。", "The note's English rendering."),
    "opt_revise_ident": (
        "改訂の ID (既定: revision-日付)。",
        "The revision's id (default: revision-DATE).",
    ),
    "opt_revise_baseline": (
        "この改訂が置き換える計画の git リビジョン (コミット、タグ、ブランチ)。",
        "The git revision (commit, tag, branch) of the plan this revision supersedes.",
    ),
    # baselines: --baseline on the views, jtr slips, status --max-slip
    "opt_baseline": (
        "この基準計画と比べます: git のリビジョン (タグ、ブランチ、ハッシュ、HEAD~2) か、"
        "ロードマップの revisions にある改訂の ID (その改訂を加えたコミットの計画)。"
        "同じ名前なら git のリビジョンが優先します。",
        "Compare with this baseline: a git revision (a tag, branch, hash, HEAD~2) or the id of "
        "an entry of the roadmap's revisions log (the plan as of the commit that added it). "
        "A git revision wins over a revision id spelt the same.",
    ),
    "opt_max_slip": (
        "--check で、基準計画よりこの年度数を超えて後ろにずれた課題があれば終了コード 1 で終わります。",
        "With --check: exit 1 when a task slipped more than this many fiscal years against "
        "the baseline.",
    ),
    "help_slips": (
        "基準計画から後ろにずれた課題と見直し項目を、ずれた年度数の大きい順に表示します。"
        "追加・削除された課題、削除された見直し項目も示します。"
        "--baseline がなければ、revisions の最新の改訂が示す基準計画 (その baseline、"
        "なければその改訂を加えたコミット) と比べます。"
        "\n\n"
        "ずれ = max(終了年度の差, 開始年度の差)。正の値は後ろ倒しです。"
        "\n\n"
        "終了コード:\n"
        "  0 表示した\n"
        "  1 ロードマップか基準計画が不正\n"
        "  2 jtr を実行できなかった (基準計画がない、不明なリビジョン、git の外)",
        "What the plan moved against a baseline: the tasks and items that slipped, with how "
        "many fiscal years each moved, most first, and the tasks added or removed and the "
        "items dropped. Without --baseline, the baseline the latest entry of the revisions log "
        "names (its baseline field, else the commit that added it)."
        "\n\n"
        "Slip = max(end now − end then, start now − start then), in fiscal years; positive "
        "is later."
        "\n\n"
        "Exit codes:\n"
        "  0 shown\n"
        "  1 the roadmap or the baseline is invalid\n"
        "  2 jtr could not run (no baseline, an unknown revision, not in git)",
    ),
    "opt_slips_output_format": (
        "text: 人が読む形、json: ツール向け、markdown: 文書向け、csv: 表計算向け (既定: text)。",
        "text for people, json for tools, markdown for documents, csv for spreadsheets "
        "(default: text).",
    ),
}
