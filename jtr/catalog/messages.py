"""The catalog's messages part: see jtr.catalog.

The errors (`err_`), warnings (`warn_`) and one-line confirmations (`done_`) of the core: the
files read and written (jtr.fileio, jtr.discover), fiscal years (jtr.fiscal), ids
(jtr.kinds, jtr.edit.lookup), the editing commands (jtr.edit), git (jtr.review) and the
roadmap's last check (jtr.roadmap). A `{field}` is filled in by the module: paths, ids,
option names, revisions and quoted values arrive as they are (already quoted and escaped).
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # what a path is, when it is not a regular file (jtr.fileio.kind)
    "err_kind_directory": ("フォルダー", "a directory"),
    "err_kind_char_device": ("キャラクターデバイス", "a character device"),
    "err_kind_block_device": ("ブロックデバイス", "a block device"),
    "err_kind_fifo": ("FIFO (名前付きパイプ)", "a FIFO"),
    "err_kind_socket": ("ソケット", "a socket"),
    "err_kind_other": ("通常のファイル以外のもの", "not a regular file"),
    "err_kind_link_to": (
        "{target} へのシンボリックリンク (リンク先は{what})",
        "a symbolic link to {target}, {what}",
    ),
    # reading a file (jtr.fileio, jtr.discover)
    "err_link_loop": (
        "{name}: シンボリックリンクが循環しています (リンクの階層が深すぎます)",
        "{name}: a symbolic link loop (too many levels of symbolic links)",
    ),
    "err_dangling_link": (
        "{name}: シンボリックリンクのリンク先 {target} がありません",
        "{name}: a dangling symbolic link (to {target}, which does not exist)",
    ),
    "err_no_such_file": ("{name}: ファイルがありません", "{name}: no such file"),
    "err_cannot_read": ("{name}: 読み取れません: {reason}", "{name}: cannot read: {reason}"),
    "err_is_directory": (
        "{name}: フォルダーです (ファイルを指定してください)",
        "{name}: is a directory, not a file",
    ),
    "err_not_regular_input": (
        "{name}: 通常のファイルではありません ({what})",
        "{name}: not a regular file ({what})",
    ),
    "err_max_bytes_setting": (
        "{setting}: バイト数を整数で指定してください (例: 1000000)",
        "{setting}: write a whole number of bytes, e.g. 1000000",
    ),
    "err_too_big": (
        "{name}: ファイルの大きさは {size} です。jtr が読み込むロードマップとスキーマは {limit} までです"
        " (--max-bytes N または {setting} で変更できます)",
        "{name}: is {size}; jtr reads roadmaps and schemas up to {limit} "
        "(--max-bytes N or {setting} to change)",
    ),
    "err_too_big_grew": (
        "{name}: 読み取り中にファイルが大きくなり、{limit} を超えました。jtr が読み込むロードマップと"
        "スキーマは {limit} までです (--max-bytes N または {setting} で変更できます)",
        "{name}: is more than {limit} (it grew while being read); jtr reads roadmaps and "
        "schemas up to {limit} (--max-bytes N or {setting} to change)",
    ),
    # writing a file (jtr.fileio: `jtr export -o` and the editing commands)
    "err_output_link_loop": (
        "{name}: シンボリックリンクが循環しているため、書き込みません",
        "{name}: a symbolic link loop; not writing there",
    ),
    "err_output_protected": (
        "-o {name} は{what}です。上書きはしません。別のファイルを指定してください",
        "-o {name} is {what}; not overwriting it: choose another file",
    ),
    "err_output_not_regular": (
        "{name}: {what}で、通常のファイルではありません。jtr が書き込むのは通常のファイルか"
        "新しいパスだけです (標準出力には '-o -')。元のまま残しています",
        "{name}: is {what}, not a regular file; jtr writes only to a regular file or a new "
        "path ('-o -' for standard output), and left it as it was",
    ),
    "err_target_in_use": (
        "別のプログラム (エディター、Excel、ウイルス対策ソフトなど) がファイルを開いています。"
        "閉じてから、もう一度コマンドを実行してください",
        "another program has the file open (an editor, Excel, a virus scanner?); close it "
        "and run the command again",
    ),
    # which roadmap (jtr.discover)
    "err_no_roadmap": (
        "ロードマップが見つかりません: --file の指定がなく、{setting} も設定されておらず、"
        "{start} とその上のどのフォルダーにも {default} がありません",
        "no roadmap found: no --file given, {setting} is not set, and there is no "
        "{default} in {start} or any folder above it",
    ),
    # fiscal years (jtr.fiscal)
    "err_before_meiji": ("{year}年度は明治より前です", "FY{year} is before the Meiji era"),
    "err_era_mismatch": (
        "{text}: {era}は{year}年度で、{given}年度ではありません",
        "{text}: {era} is FY{year}, not {given}",
    ),
    "err_fiscal_year_range": (
        "{text}: 指定できる年度は {first}～{last} です",
        "{text}: jtr knows fiscal years {first}–{last}",
    ),
    "err_era_first_year": (
        "{text}: 元号の年は{first}年 (1年) から数えます",
        "{text}: an era year starts at {first} (1)",
    ),
    "err_era_ended": (
        "{text}: {era}は{n}年になる前に終わっています",
        "{text}: {era} ended before its year {n}",
    ),
    "err_not_a_fiscal_year": (
        "{text} は年度ではありません。2024、FY2024、R6、{example}、{first} のように指定してください",
        "{text} is not a fiscal year: write 2024, FY2024, R6, {example} or {first}",
    ),
    # ids that name nothing (jtr.kinds.not_found, jtr.edit.lookup)
    "err_no_such_id_close": (
        "ID {id} の{kinds}はありません。もしかして {close} ですか",
        "no {kinds} has the id {id}; did you mean {close}?",
    ),
    "err_no_such_id_listed": (
        "ID {id} の{kinds}はありません。ID の一覧は `{command}` で表示できます",
        "no {kinds} has the id {id}; `{command}` prints the ids",
    ),
    "err_item_not_task": (
        "{id} は見直し項目で、課題ではありません。`jtr {command}` には課題の ID を指定してください"
        " (この項目の課題: {tasks})",
        "{id} is a review item, not a task; `jtr {command}` takes a task id (its tasks: {tasks})",
    ),
    "err_task_not_item": (
        "{id} は課題で、見直し項目ではありません。`jtr {command}` には見直し項目の ID を指定して"
        "ください。この課題が属する見直し項目 {item} のことですか",
        "{id} is a task, not a review item; `jtr {command}` takes an item id: did you mean "
        "its item {item}?",
    ),
    # the editing commands: refusals (jtr.edit)
    "err_date_before_last": (
        "{task}: {date} は最新の記録の日付 ({last}) より前です。日付を確認してください。"
        "日付順に記録を挿入するには --force を指定してください",
        "{task}: {date} is before its last record ({last}); check the date, or give --force "
        "to insert the record in date order",
    ),
    "err_needs_date": ("`jtr {command}` には日付が必要です", "`jtr {command}` needs a date"),
    "err_already_recorded": (
        "{item}: {kind}はすでに記録されています ({date})。置き換えるには --force を、"
        "取り消すには --clear を指定してください",
        "{item}: a {kind} is already recorded ({date}); give --force to replace it, or "
        "--clear to remove it",
    ),
    "err_invalid_as_it_stands": (
        "{name} は現状のままで正しくありません (指摘のすべては `jtr validate` で確認できます)。"
        "先に修正してください",
        "{name} is not valid as it stands (`jtr validate` lists every finding); fix it first",
    ),
    "err_edit_makes_invalid": (
        "この編集を行うと {name} が正しくなくなります (行番号は編集後のテキストのものです)",
        "the edit would make {name} invalid (line numbers are those of the edited text)",
    ),
    "err_cannot_read_schema": (
        "スキーマを読み取れません: {problem}",
        "cannot read the schema: {problem}",
    ),
    "err_named_schema_broken": (
        "{name}: 指定されているスキーマが壊れています: {findings}",
        "{name}: the schema it names is broken: {findings}",
    ),
    "err_cannot_edit_in_place": (
        "{name}: 前後の行を書き換えずにこの編集を行うことはできません (ruamel.yaml では書式が"
        "変わってしまうため)。ファイルを直接編集してください",
        "{name}: jtr cannot make this edit without rewriting lines around it (ruamel.yaml "
        "formats them differently); edit the file by hand",
    ),
    "err_edit_read_back": (
        "{name}: 内部エラー: 編集したテキストを読み直すと、意図した変更になっていません。何も"
        "書き込んでいません (このファイルを添えて報告してください)",
        "{name}: internal error: the edited text does not read back as the intended change; "
        "nothing was written (please report this with the file)",
    ),
    "err_ruamel_cannot_read": (
        "{name}: このファイルは jtr では編集できません: ruamel.yaml が読み取れません ({detail})。"
        "直接編集してください",
        "{name}: jtr cannot edit this file: ruamel.yaml cannot read it ({detail}); edit it by hand",
    ),
    # the editing commands: the lock and the write (jtr.edit.disk)
    "err_lock_is_link": (
        "{lock}: ロックファイルがシンボリックリンクです。jtr はリンクをたどりません (何も書き込んで"
        "いません)。リンクを削除して、もう一度実行してください",
        "{lock}: the lock file is a symbolic link; jtr does not follow it (nothing was "
        "written): remove the link and try again",
    ),
    "err_lock_cannot_create": (
        "{lock}: ロックファイルを作成できません ({reason})。フォルダーに書き込めるか確認して"
        "ください",
        "{lock}: cannot create the lock file ({reason}); is the folder writable?",
    ),
    "err_lock_not_regular": (
        "{lock}: ロックファイルが通常のファイルではありません。削除して、もう一度実行してください",
        "{lock}: the lock file is not a regular file; remove it and try again",
    ),
    "err_no_file_locking": (
        "このシステムには jtr が使えるファイルロックの仕組み (fcntl、msvcrt) がありません。"
        "何も書き込んでいません",
        "this system offers no file locking jtr can use (neither fcntl nor msvcrt); nothing "
        "was written",
    ),
    "err_cannot_lock": (
        "{lock}: ロックできません ({reason})。何も書き込んでいません",
        "{lock}: cannot lock ({reason}); nothing was written",
    ),
    "err_lock_held": (
        "{name}: {seconds} 秒待ちましたが、別の編集がまだロック ({lock}) を保持しています。"
        "何も書き込んでいません (もっと待つには --wait SECONDS を指定してください)",
        "{name}: another edit still holds its lock ({lock}) after {seconds} s; nothing was "
        "written (--wait SECONDS to wait longer)",
    ),
    "err_read_only": (
        "{name}: ファイルが読み取り専用です (モード {mode})。何も書き込んでいません",
        "{name}: the file is read-only (mode {mode}); nothing was written",
    ),
    "err_file_unchanged": (
        "{problem}。ファイルは変更していません",
        "{problem}; the file is unchanged",
    ),
    "err_cannot_write_unchanged": (
        "{name}: 書き込めません: {reason}。ファイルは変更していません",
        "{name}: cannot write: {reason}; the file is unchanged",
    ),
    "err_keeps_changing": (
        "{name}: 書き込もうとしている間にファイルが何度も変更されました。何も書き込んでいません。"
        "もう一度実行してください",
        "{name}: the file keeps changing on disk; nothing was written, try again",
    ),
    # the editing commands: what was done (jtr.edit.planning)
    "done_status_districts": (
        "{name}: {task}: {status} ({date}) を {count} 地区に記録しました ({districts})",
        "{name}: {task}: {status} on {date} recorded for {count} districts ({districts})",
    ),
    "err_no_such_district": (
        "--district {value}: そのような地区はありません (jtr list --kind districts で一覧)",
        "--district {value}: no such district (jtr list --kind districts lists them)",
    ),
    "err_task_not_per_district": (
        "課題 {task} は地区ごとの課題ではないため、--district は指定できません",
        "task {task} is not done per district: --district does not apply",
    ),
    "err_district_not_in_scope": (
        "地区 {district} は課題 {task} の対象の地区ではありません{hint}",
        "district {district} is not one of the districts of task {task}{hint}",
    ),
    "done_status": (
        "{name}: {task}: {previous} → {status} ({date}) を記録しました",
        "{name}: {task}: {previous} → {status} on {date}",
    ),
    "done_status_before": (
        "{name}: {task}: {status} ({date}) を日付順に記録しました ({before} の記録の前。最新の"
        "状態は {previous} のままです)",
        "{name}: {task}: {status} on {date} recorded in date order, before the record of "
        "{before} (latest status stays {previous})",
    ),
    "done_status_before_undated": (
        "{name}: {task}: {status} ({date}) を日付順に、日付のない記録の前に記録しました (最新の"
        "状態は {previous} のままです)",
        "{name}: {task}: {status} on {date} recorded in date order, before the record of an "
        "undated record (latest status stays {previous})",
    ),
    "done_decided": (
        "{name}: {item}: {term} ({date}) を記録しました{replaced}",
        "{name}: {item}: policy decided ({term}) on {date}{replaced}",
    ),
    "done_realised": (
        "{name}: {item}: {term} ({date}) を記録しました{replaced}",
        "{name}: {item}: realised ({term}) on {date}{replaced}",
    ),
    "done_replacing": (" ({date} の記録を置き換えました)", " (replacing {date})"),
    "done_cleared": (
        "{name}: {item}: {date} の{kind}の記録を取り消しました",
        "{name}: {item}: {kind} of {date} cleared",
    ),
    "done_nothing_to_clear": (
        "{name}: {item}: {kind}は記録されていないため、何も変更していません",
        "{name}: {item}: no {kind} is recorded; nothing changed",
    ),
    # git (jtr.review)
    "err_git_missing": (
        "git がインストールされていません (または PATH にありません)",
        "git is not installed (or not on PATH)",
    ),
    "err_git_failed": ("git {command} が失敗しました", "git {command} failed"),
    "err_not_in_repository": (
        "{path} は git リポジトリの中にありません",
        "{path} is not inside a git repository",
    ),
    "err_outside_repository": (
        "{path} はリポジトリ {top} の外にあります",
        "{path} lies outside its repository {top}",
    ),
    "err_unknown_revision": ("リビジョン {rev} が見つかりません", "unknown revision {rev}"),
    "err_unknown_revision_in": (
        "{top} にリビジョン {rev} が見つかりません",
        "unknown revision {rev} in {top}",
    ),
    "err_not_at_revision": (
        "リビジョン {rev} に {file} はありません",
        "{file} does not exist at revision {rev}",
    ),
    "err_no_common_ancestor": (
        "{a} と {b} には共通の祖先がありません",
        "{a} and {b} have no common ancestor",
    ),
    "err_git_object_missing": (
        "git cat-file: オブジェクト {name} がありません",
        "git cat-file: object {name} is missing",
    ),
    "err_cannot_read_attributes": (
        "{file} を読み取れません: {reason}",
        "cannot read {file}: {reason}",
    ),
    "warn_textconv_as_is": (
        "jtr textconv: {problem} (ファイルをそのまま表示します)",
        "jtr textconv: {problem} (showing the file as it is)",
    ),
    # the roadmap's last check (jtr.roadmap)
    "err_model_unbuilt": (
        "ロードマップを読み取れませんでした。`jtr validate` を実行してください",
        "the roadmap could not be read; run `jtr validate`",
    ),
    # `jtr import` (jtr.sheets.reply): a refusal names the workbook's cell first
    "err_reply_unreadable": (
        "{book}: 回答のブックとして読めません: {problem}",
        "{book}: cannot be read as a reply workbook: {problem}",
    ),
    "err_reply_no_meta": (
        "{where}: jtr request で作成した回答のブックではありません (_jtr シートがありません)",
        "{where}: not a reply workbook made by jtr request (it has no _jtr sheet)",
    ),
    "err_reply_format": (
        "{where}: 形式 {found} は読めません ({expected} のみ)",
        "{where}: the format {found} is not one jtr reads (only {expected})",
    ),
    "err_reply_no_rows": (
        "{where}: 回答の行の表 (rows) がありません",
        "{where}: the table of reply rows (rows) is missing",
    ),
    "err_reply_other_roadmap": (
        "{where}: ロードマップ {found} から作成したブックです ({name} は {expected})",
        "{where}: made from the roadmap {found}, not from {name} ({expected})",
    ),
    "err_reply_no_such_task": (
        "{where}: 課題 {task} はロードマップにありません",
        "{where}: the roadmap has no task {task}",
    ),
    "err_reply_city_wide": (
        "{where}: 課題 {task} は地区ごとの課題ではないため、地区 {district} の回答は記録できません",
        "{where}: the task {task} is not done per district, so a reply for the district "
        "{district} cannot be recorded",
    ),
    "err_reply_district_not_in_scope": (
        "{where}: 地区 {district} は課題 {task} の対象の地区ではありません",
        "{where}: the district {district} is not one of the task {task}'s districts",
    ),
    "err_reply_status": (
        "{where}: 状態 {value} は記録できません。次のいずれかを記入してください: {known}",
        "{where}: the status {value} is not one jtr records; write one of: {known}",
    ),
    "err_reply_no_date": (
        "{where}: 日付がありません (YYYY-MM-DD)",
        "{where}: the date is missing (YYYY-MM-DD)",
    ),
    "err_reply_bad_date": (
        "{where}: 日付が読めません: {problem}",
        "{where}: not a date: {problem}",
    ),
    "err_reply_date_outside": (
        "{where}: {date} はロードマップの期間 ({first}〜{last}年度) の外です",
        "{where}: {date} lies outside the roadmap's period (FY{first}–FY{last})",
    ),
    "err_reply_conflict": (
        "{where}: {task}{district}: 最新の記録 ({last}) が回答の日付 {date} より後のため、"
        "取り込みませんでした (--force で日付順に挿入します)",
        "{where}: {task}{district}: its last record ({last}) is after the reply's date {date}; "
        "not imported (--force inserts it in date order)",
    ),
    "err_reply_changed_meanwhile": (
        "{name}: 回答の取り込み中にファイルが変更されました。もう一度実行してください",
        "{name}: the file changed while the replies were read; run the import again",
    ),
    "err_reply_bad_record": (
        "{task}: 記録の日付が読めません",
        "{task}: the record's date cannot be read",
    ),
    "err_reply_not_asked": (
        "{where}: この行は照会した行ではありません (照会票に行を追加しないでください)",
        "{where}: this row was not asked about (rows cannot be added to a request)",
    ),
    "err_reply_not_theirs": (
        "{where}: 課題 {task} は {respondent} に照会したものではありません",
        "{where}: task {task} was not asked of {respondent}",
    ),
    "done_reply_recorded": (
        "{book}: {count} 件を記録しました",
        "{book}: recorded {count} records",
    ),
    "done_reply_would_record": (
        "{book}: {count} 件を記録します",
        "{book}: would record {count} records",
    ),
    "done_reply_recorded_one": (
        "{book}: {count} 件を記録しました",
        "{book}: recorded {count} record",
    ),
    "done_reply_would_record_one": (
        "{book}: {count} 件を記録します",
        "{book}: would record {count} record",
    ),
    "done_reply_nothing_new": (
        "取り込む新しい回答はありません",
        "nothing new to import",
    ),
    # `jtr revise` (jtr.edit.revisions): the revision log
    "err_revision_unknown_body": (
        "{body} という推進体制の組織はありません{hint}",
        "no body has the id {body}{hint}",
    ),
    "err_revision_bodies_are": (
        " (組織の ID: {bodies})",
        " (the bodies are: {bodies})",
    ),
    "err_revision_id_taken": (
        "改訂 {id} はすでに記録されています。別の --id を指定してください",
        "a revision with the id {id} is already recorded; give another --id",
    ),
    "err_revision_bad_date": (
        "改訂の日付 {date} は YYYY-MM-DD か YYYY-MM の形で書いてください",
        "write the revision's date {date} as YYYY-MM-DD or YYYY-MM",
    ),
    "err_revision_before_last": (
        "日付 {date} は最後の改訂 {last_id} の日付 {last} より前です (改訂の記録は古い順に並べます)",
        "{date} is before the last revision, {last_id} of {last} (the revision log is oldest first)",
    ),
    "done_revision": (
        "{name}: 改訂 {id} ({date}、{body} 承認) を記録しました",
        "{name}: recorded revision {id} ({date}, approved by {body})",
    ),
    # jtr merge-driver: the three-way merge of the roadmap by id
    "err_merge_conflict_field": (
        "競合: {field} が両方で異なる内容に変更されています",
        "conflict: field {field} changed differently on both sides",
    ),
    "err_merge_conflict_entity_field": (
        "競合: {kind} {id} の {field} が両方で異なる内容に変更されています",
        "conflict: {kind} {id} field {field} changed differently on both sides",
    ),
    "err_merge_conflict_entity": (
        "競合: {kind} {id} が一方で変更され、もう一方で削除されています",
        "conflict: {kind} {id} changed on one side and removed on the other",
    ),
    "err_merge_shape": (
        "項目ごとの行に分けられない書き方です",
        "its layout cannot be split into the lines of each entry",
    ),
    "warn_merge_by_lines": (
        "{name}: id による統合ができないため ({reason})、git merge-file で行単位に統合しました",
        "{name}: not merged by id ({reason}); merged line by line with git merge-file",
    ),
    "err_merge_invalid": (
        "{name}: 統合結果が検証を通らないため、取り込む変更を競合として残しました (指摘は次のとおり)",
        "{name}: the merged roadmap would not be valid; the changes are left between conflict "
        "markers (the findings follow)",
    ),
    "warn_merge_errors_of_a_side": (
        "{name}: 統合しました。ただし、統合前の一方の版にもあったエラーが残っています"
        " (スキーマの変更がまだ作業ツリーに反映されていない場合など)。統合の後で jtr validate を実行してください",
        "{name}: merged, with errors one side already had (a schema change not yet in the work "
        "tree, say); run jtr validate after the merge",
    ),
    # baselines (--baseline REV)
    "err_baseline_unknown": (
        "{rev} は git のリビジョンでも、{file} の revisions にある改訂の ID でもありません",
        "{rev} is neither a git revision nor the id of a revision in the log of {file}",
    ),
}
