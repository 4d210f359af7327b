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
}
