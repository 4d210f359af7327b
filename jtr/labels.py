"""The one vocabulary: every word jtr prints, in Japanese and English, under a key of one meaning.

Every view, export and message takes its words from `LABELS` through `label(key, lang)`; no
other module keeps a table of (ja, en) pairs (tests/test_present.py checks it). A key names one
meaning: where the same word is written two ways (a field name `owners` and a column title
`Owners`; the course's `target_year`, 目標年度, and its short form `target_year_short`, 目標),
the keys differ. Conventions:

- a derived state, recorded status or timing of jtr.status under its own name (`overdue`, …);
- `kind_<name>`: an entity kind of jtr.kinds, singular, as a sentence names it;
- `<word>_col`: a column title of a table or sheet (capitalised in English);
- `<word>_heading`: a section heading of a document;
- `legend_<word>`, `burnup_<word>`, `diff_<word>`: the words of one part of one view.

Plain data and nothing heavy imported: `jtr status` imports it on every start.

The language is chosen once per run (`set_lang`, by the CLI from `--lang`, else $JTR_LANG,
else the locale, else Japanese); `message(key, **fields)` writes a sentence of the catalog in
it, and a library caller that chose nothing gets the environment's (`detect_lang`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("ja", "en")

LABELS: dict[str, tuple[str, str]] = {
    # derived states, recorded statuses and timings (jtr.status)
    "overdue": ("期限超過", "overdue"),
    "delayed": ("遅延", "delayed"),
    "on_hold": ("保留", "on hold"),
    "due": ("今年度予定", "due this FY"),
    "in_progress": ("実施中", "in progress"),
    "not_yet_due": ("未着手(予定前)", "not yet due"),
    "done": ("完了", "done"),
    "cancelled": ("中止", "cancelled"),
    "planned": ("予定", "planned"),
    "closed": ("終了", "closed"),
    # entity kinds (jtr.kinds), singular
    "kind_course": ("コース", "course"),
    "kind_item": ("見直し項目", "item"),
    "kind_task": ("課題", "task"),
    "kind_working_group": ("ワーキンググループ", "working group"),
    "kind_topic": ("継続検討項目", "topic"),
    "kind_owner": ("担当", "owner"),
    "kind_phase": ("期", "phase"),
    "kind_goal": ("ゴールイメージ", "goal"),
    "kind_study_group": ("研究会", "study group"),
    "kind_body": ("推進体制の組織", "body"),
    "kind_principle": ("基本的な考え方", "principle"),
    "kind_scope_party": ("取組の主体", "scope party"),
    "kind_scope_area": ("取組事項", "scope area"),
    "kind_activity_kind": ("活動の種類", "activity kind"),
    # field names of the terminal views
    "as_of": ("基準日", "as of"),
    "item": ("見直し項目", "review item"),
    "items": ("見直し項目", "review items"),
    "tasks": ("課題", "tasks"),
    "owners": ("担当", "owners"),
    "next": ("次の課題", "next task"),
    "state": ("状態", "state"),
    "years": ("年度", "fiscal years"),
    "percent_done": ("完了率", "done"),
    "target_year": ("目標年度", "target"),
    "target_year_short": ("目標", "target"),
    "goal": ("目標 (実現あるいは方針決定)", "goal (realised or policy decided)"),
    "decided": ("方針決定", "policy decided"),
    "realised": ("実現", "realised"),
    "goal_met": ("達成", "met"),
    "goal_missed": ("目標未達", "goal missed"),
    "attention": ("要対応の項目", "Items needing attention"),
    "nothing_needs_attention": ("要対応の項目はありません", "Nothing needs attention"),
    "no_record": ("記録なし", "no record"),
    "problems": ("現状", "current problems"),
    "members": ("構成員", "members"),
    "history": ("進捗の記録", "status history"),
    "goal_images": ("ゴールイメージ", "goal images"),
    "recurring": ("毎年度", "every year"),
    "shared_from": ("共通の課題", "shared task"),
    "legend": ("凡例", "legend"),
    "none": ("なし", "none"),
    "directions": ("方向性", "directions"),
    "study_groups": ("研究会", "study groups"),
    "notes": ("備考", "notes"),
    "city_members_only": ("市のメンバーのみで構成", "city members only"),
    "subgroups": ("グループ", "subgroups"),
    "themes": ("テーマ", "themes"),
    "help": ("関連する活動 (●の数)", "kinds of help (dots)"),
    "shaded": ("網掛け", "shaded"),
    "unknown": ("不明", "unknown"),
    # column titles of the exports' tables and sheets
    "course_col": ("コース", "Course"),
    "number_col": ("番号", "No."),
    "item_col": ("見直し項目", "Review item"),
    "task_id_col": ("課題ID", "Task id"),
    "task_col": ("課題", "Task"),
    "years_col": ("年度", "Fiscal years"),
    "from_fy_col": ("開始年度", "From FY"),
    "to_fy_col": ("終了年度", "To FY"),
    "recurring_col": ("毎年度", "Every year"),
    "owners_col": ("担当", "Owners"),
    "state_col": ("状態", "State"),
    "state_code_col": ("状態コード", "State code"),
    "last_record_col": ("最新の記録", "Last record"),
    "note_col": ("備考", "Note"),
    "item_id_col": ("項目ID", "Item id"),
    "working_group_col": ("ワーキンググループ", "Working group"),
    "problems_col": ("現状", "Current problems"),
    "tasks_count_col": ("課題数", "Tasks"),
    "decided_col": ("方針決定", "Policy decided"),
    "realised_col": ("実現", "Realised"),
    "next_col": ("次の課題", "Next task"),
    "phase_col": ("期", "Phase"),
    "yes": ("○", "yes"),
    # sheet names and document headings of the exports
    "tasks_sheet": ("課題", "Tasks"),
    "items_sheet": ("見直し項目", "Items"),
    "timeline_heading": ("ロードマップ (工程表)", "Roadmap timeline"),
    "summary_heading": ("進捗の概要", "Status summary"),
    "item_cards_heading": ("見直し項目", "Review items"),
    "further_study_heading": ("今後も継続して検討が必要な項目", "Items that need continued study"),
    "contents_heading": ("目次", "Contents"),
    "courses_caption": ("コース別の状況", "Courses"),
    "by_state_caption": ("状態別の課題", "Tasks by state"),
    "goal_images_heading": ("ゴールイメージ", "Goal images"),
    "directions_heading": ("方向性", "Directions"),
    "study_groups_heading": ("研究会", "Study groups"),
    "printable": ("A4横で印刷できます", "Prints on A4 landscape"),
    "timeline_note": (
        "各課題の帯は実施予定の年度を、記号と文字はその状態を示します。毎年度の課題は年度ごとの状態を示します。",
        "Each task's bar spans its fiscal years; the symbol and words tell its state. "
        "Recurring tasks show each year's state.",
    ),
    "generated_by": ("作成", "generated by"),
    "shared_with": ("共通の課題", "shared with"),
    "target_year_end": ("目標年度末", "end of target year"),
    # legends of the charts
    "legend_recurring": ("毎年度 (各年度の状態)", "every year (each year's state)"),
    "legend_shared": ("他の項目と共通の課題", "task shared with another item"),
    "legend_as_of": ("基準日", "as-of date"),
    # jtr timeline, too narrow for the chart ({cells}: the fewest cells the chart takes)
    "timeline_too_narrow": (
        "工程表の表示には{cells}桁必要です。年度ごとに課題を示します。",
        "The chart needs {cells} cells; the tasks by fiscal year follow.",
    ),
    # the plan diff (jtr diff, jtr history)
    "diff_added": ("追加", "added"),
    "diff_removed": ("削除", "removed"),
    "diff_renamed": ("ID変更", "id renamed"),
    "diff_moved": ("移動", "moved"),
    "diff_status": ("進捗", "status"),
    "diff_status_removed": ("進捗の記録を削除", "status record removed"),
    "diff_status_edited": ("進捗の記録を修正", "status record edited"),
    "diff_position": ("位置", "position"),
    "diff_changes": ("件の変更", "changes"),
    "diff_no_changes": ("変更はありません", "no changes"),
    "diff_districts_count": ("{count} 地区", "{count} districts"),
    # jtr history
    "history_no_commits": ("この記録を変更したコミットはありません", "no commit changed it"),
    "history_created": ("ロードマップを作成", "roadmap created"),
    "history_deleted": ("ロードマップを削除", "roadmap deleted"),
    "history_unreadable": ("読めない版", "a version could not be read"),
    "history_no_plan_change": ("計画上の変更なし", "no change to the plan"),
    "burnup_by_year": (
        "年度別 完了した課題 (累計)",
        "Burn-up: tasks done by the end of each fiscal year",
    ),
    "burnup_over_time": (
        "コミット時点で完了していた課題 (月ごと)",
        "Burn-up over time: tasks done at each month's last commit",
    ),
    "burnup_planned_not_done": ("予定済みで未完了", "planned by then, not done"),
    "burnup_later": ("後の年度", "later"),
    "burnup_not_started": ("(未到来)", "(not yet)"),
    "burnup_district_tasks": (
        "地区ごとの課題は、対象の地区のうち完了した地区の割合で数えます",
        "a district task counts as the share of its districts done",
    ),
    # messages of the options ({…}: filled in by the caller)
    "msg_not_a_date": (
        "{text} は日付として読めません。YYYY-MM-DD の形で書いてください",
        "{text} is not a date: write YYYY-MM-DD",
    ),
    "msg_no_such_day": (
        "{date} という日はありません ({month}は{days}日まで)",
        "{date} does not exist ({month} has {days} days)",
    ),
    "msg_month": ("{year}年{month}月", "{month_name} {year}"),
    "msg_no_such_month": (
        "{date} という日はありません (月は01から12まで)",
        "{date} does not exist (months run from 01 to 12)",
    ),
    "msg_as_of_format": (
        "日付 (YYYY-MM-DD) か年度 (2024、R6、令和6年度) を指定してください",
        "write a date (YYYY-MM-DD) or a fiscal year (2024, FY2024, R6)",
    ),
    "msg_far_date": (
        "{option} {date} はロードマップの期間 ({first}～{last}) から1年以上離れています。日付を確認してください",
        "{option} {date} is more than a year outside the roadmap's period ({first} to {last}); "
        "check the date",
    ),
    "msg_did_you_mean": ("もしかして {close} ですか", "did you mean {close}?"),
    "msg_or": (" または ", " or "),
    "msg_no_such_course": (
        "--course {value}: そのようなコースはありません ({known})",
        "--course {value}: no such course ({known})",
    ),
    "msg_no_such_owner": (
        "--owner {value}: そのような担当はありません ({known})",
        "--owner {value}: no such owner ({known})",
    ),
    "msg_no_such_state": (
        "--state {value}: 指定できる状態は {known} です",
        "--state {value}: one of {known}",
    ),
    "msg_no_such_choice": (
        "{option} {value}: 指定できるのは {known} です",
        "{option} {value}: one of {known}",
    ),
    "msg_same_record": (
        "{name}: {task}: 最新の記録と同じ内容 ({status}、{date}) のため、何も変更していません",
        "{name}: {task}: the last record already says {status} on {date}; nothing changed",
    ),
    # show and status: a task's records, the item's marks, work done with no goal recorded
    "no_records_yet": ("記録はまだありません", "no records yet"),
    "state_years": ("{state}：{years}", "{state}: {years}"),
    "help_marks": ("関連する活動", "kinds of help"),
    "help_dots": (
        "{dots} (原典の ●公助 ●互助・共助 ●自助 の印が{count}つ。どの種類かは記録されていません)",
        "{dots} ({count} of the original's marks for public help, mutual and community help "
        "and self-help; which kinds is not recorded)",
    ),
    "help_public": ("公助", "public help"),
    "help_mutual": ("互助・共助", "mutual and community help"),
    "help_self": ("自助", "self-help"),
    "shaded_yes": ("あり (実現を見込む項目の印)", "yes (marks an item expected to be realised)"),
    "shaded_no": ("なし", "no"),
    "shaded_unknown": (
        "不明 (原典PDFの網掛けはテキスト化で失われました)",
        "unknown (the shading of the original PDF was lost)",
    ),
    "goal_unrecorded": (
        "課題はすべて完了していますが、方針決定・実現が記録されていません",
        "every task is done, but neither a policy decision nor a realisation is recorded",
    ),
    "goal_unrecorded_heading": (
        "課題完了・方針決定/実現が未記録の項目",
        "Items with every task done but no decision or realisation recorded",
    ),
    "goal_unrecorded_hint": (
        "目標に数えるには {realise} で実現を (方針決定なら {decide} で) 記録してください",
        "the course goal counts it once recorded: {realise} (or {decide} for a policy decision)",
    ),
    # readings of the seed (jtr readings, show, status, timeline, the exports)
    "readings_heading": ("読み取り (原典の解釈)", "Readings (interpretations of the seed)"),
    "readings_intro": (
        "原典PDFの表の配置はテキスト化で失われたため、次の値は解釈して決めています。※の番号は値の後の印に対応します",
        "The PDF's table layout was lost in its text layer, so these values are interpretations; "
        "each number is the mark after the value",
    ),
    "readings_none": ("読み取りの記録はありません", "No readings are recorded"),
    "reading_page": ("{page}ページ", "p. {page}"),
    "reading_lines": ("{lines}行", "l. {lines}"),
    "reading_seed_page": ("原典 {page}ページ", "Seed page {page}"),
    "reading_no_page": ("原典のページ不明", "Seed page not given"),
    "reading_about": ("対象", "values"),
    "reading_decision": ("決めたこと", "decision"),
    "reading_alternatives": ("ほかの読み方", "alternatives"),
    "reading_seed": ("原典", "seed"),
    "reading_cites": ("引用", "cites"),
    "reading_confidence": ("確からしさ", "confidence"),
    "confidence_printed": ("原典どおり", "as printed"),
    "confidence_inferred": ("推定", "inferred"),
    "confidence_uncertain": ("不確か", "uncertain"),
    "reading_value_col": ("値", "Value"),
    "reading_path_col": ("パス", "Path"),
    "reading_marks_col": ("読み取り", "Readings"),
    "reading_legend": (
        "※n: 原典の解釈による値 (jtr readings、jtr show で内容を確認できます)",
        "※n: a value that rests on a reading of the seed (see jtr readings, jtr show)",
    ),
    "reading_legend_document": (
        "※n: 原典の解釈による値 (内容は末尾の「読み取り (原典の解釈)」に記載)",
        "※n: a value that rests on a reading of the seed (listed under Readings at the end)",
    ),
    "readings_sheet": ("原典の読み取り", "Readings"),
    "reading_mark_col": ("印", "Mark"),
    "reading_id_col": ("読み取りID", "Reading id"),
    # districts (地区)
    "districts_col": ("対象の地区", "Districts"),
    "district_scope_all": ("全地区", "every district"),
    "district_scope_hilly": ("地区全体が中山間地域の地区", "the wholly hilly districts"),
    "district_scope_not_hilly": ("中山間地域の地区以外", "every district not wholly hilly"),
    "kind_district": ("地区", "district"),
    "districts_heading": ("地区ごとの進捗", "Progress by district"),
    "districts_done_of": ("{state} {done}/{total} 地区", "{state} {done}/{total} districts"),
    "districts_lagging": ("未完了の地区", "districts not done"),
    "districts_other_group": ("その他の地区", "other districts"),
    "districts_block_unknown": ("ブロック未定", "block not known"),
    "district_col": ("地区", "District"),
    "block": ("ブロック", "block"),
    "hilly": ("地区全体が中山間地域", "wholly hilly"),
    "answer_yes": ("はい", "yes"),
    "answer_no": ("いいえ", "no"),
    "districts_not_in_scope": ("対象外", "not in scope"),
    "district_id_col": ("地区ID", "District id"),
    "block_col": ("ブロック", "Block"),
    "hilly_col": ("中山間地域", "Wholly hilly"),
    "last_record_date_col": ("最新の記録の日付", "Last record date"),
    "last_record_note_col": ("最新の記録の備考", "Last record note"),
    "districts_none": ("地区ごとの課題はありません", "No task is done per district"),
    "districts_sheet": ("地区", "Districts"),
    "districts_done_col": ("完了した地区", "Districts done"),
    "districts_matrix_caption": ("地区ごとの各課題の状態", "Each district's state in each task"),
    # jtr request: the request workbook (照会票)
    "request_sheet": ("回答", "Reply"),
    "request_instructions_sheet": ("記入方法", "Instructions"),
    "current_state_col": ("現在の状態", "Current state"),
    "new_state_col": ("新しい状態", "New state"),
    "date_col": ("日付", "Date"),
    "respondent_col": ("回答者", "Respondent"),
    "request_instructions_heading": ("照会票の記入方法", "How to fill in this request"),
    "request_instructions_yellow": (
        "「回答」シートの黄色のセル (新しい状態・日付・備考・回答者) だけに記入してください。ほかのセルは変更できません。",
        "Fill in only the yellow cells of the Reply sheet (new state, date, note, respondent); "
        "the other cells cannot be changed.",
    ),
    "request_instructions_status": (
        "新しい状態は、セルの一覧 (予定・実施中・完了・遅延・保留・中止) から選んでください。",
        "Choose the new state from the cell's list (planned, in_progress, done, delayed, "
        "on_hold, cancelled).",
    ),
    "request_instructions_date": (
        "日付は YYYY-MM-DD の形 (例: 2025-06-30) で、状態が変わった日を書いてください。",
        "Write the date as YYYY-MM-DD (for example 2025-06-30): the day the state changed.",
    ),
    "request_instructions_empty": (
        "変わったことがない行は、何も書かずに空けておいてください。",
        "Leave a row empty if nothing has changed.",
    ),
    "request_instructions_send": (
        "記入が終わったら保存し、ファイルをそのまま (名前やシートを変えずに) 返送してください。",
        "When you are done, save the file and send it back as it is (do not rename it or its "
        "sheets).",
    ),
    "request_instructions_as_of": (
        "「現在の状態」と「最新の記録」は {as_of} 時点のものです。",
        "The current state and the last record are as of {as_of}.",
    ),
    # jtr setup-git
    "setup_git_added": (
        "{file}: {line} を追加しました (このファイルをコミットしてください)",
        "{file}: added {line} (commit this file)",
    ),
    "setup_git_would_add": ("{file} に追加します: {line}", "would add to {file}: {line}"),
    "setup_git_has_line": ("{file}: {line} は設定済みです", "{file}: already has {line}"),
    "setup_git_ran": ("設定しました: {command}", "ran: {command}"),
    "setup_git_would_run": ("次を実行します: {command}", "would run: {command}"),
    "setup_git_has_config": ("設定済みです: {command}", "already set: {command}"),
    # revisions of the plan (revisions:, jtr revise, show, list, diff)
    "kind_revision": ("改訂", "revision"),
    "revision_date": ("改訂の日付", "date"),
    "revision_approved_by": ("承認した組織", "approved by"),
    "revision_baseline": ("置き換えた計画 (コミット)", "supersedes (commit)"),
    "revision_summary": ("{title} ({date}、{body} 承認)", "{title} ({date}, approved by {body})"),
    "revision_place": (
        "改訂の記録の {number} 件目 (全 {total} 件)",
        "entry {number} of {total} in the revision log",
    ),
    "diff_revision_changed": ("変更", "changed"),
    "diff_revision_line": (
        "改訂 {id} を{change}: {title} ({date}、{body} 承認)",
        "revision {id} {change}: {title} ({date}, approved by {body})",
    ),
    # baselines: the plan against a baseline (--baseline, jtr slips; jtr.baseline)
    "baseline": ("基準計画", "baseline"),
    "baseline_years": ("基準計画の年度", "baseline years"),
    "baseline_against": ("基準計画: {name} ({commit})", "baseline: {name} ({commit})"),
    "baseline_heading": ("基準計画からの変更", "Changes from the baseline"),
    "baseline_no_change": ("基準計画からの変更はありません", "nothing changed from the baseline"),
    "baseline_slipped_count": ("後ろにずれた課題 {count} 件", "{count} tasks slipped"),
    "legend_baseline": ("基準計画の年度", "baseline's fiscal years"),
    "change_later": ("後ろ倒し", "moved later"),
    "change_earlier": ("前倒し", "moved earlier"),
    "change_grew": ("期間延長", "span grew"),
    "change_shrank": ("期間短縮", "span shrank"),
    "change_added": ("新規の課題", "task added"),
    "change_removed": ("削除された課題", "task removed"),
    "change_item_added": ("新規の見直し項目", "item added"),
    "change_dropped": ("削除された見直し項目", "item dropped"),
    "change_none": ("基準計画どおり", "as in the baseline"),
    "slip_years": ("{slip}年度", "{slip} FY"),
    "slip_col": ("ずれ (年度)", "Slip (FY)"),
    "baseline_col": ("基準計画", "Baseline"),
    "current_col": ("現計画", "Current plan"),
    "change_col": ("変更", "Change"),
    "kind_col": ("種類", "Kind"),
    "id_col": ("識別子 (ID)", "Id"),
    "title_col": ("名称", "Title"),
    "not_in_plan_heading": ("現計画にない課題", "Not in the current plan"),
}


# The catalog's other parts, one module each (plain data too): help texts (jtr.catalog.help),
# usage errors (jtr.catalog.usage), findings (jtr.catalog.findings) and the messages of the
# commands and the core (jtr.catalog.messages). One dict, one lookup; a key is in one part only
# (tests/test_messages.py checks it).
from jtr.catalog import PARTS  # noqa: E402

for _part in PARTS:
    LABELS.update(_part)


def choose(pair: tuple[str, str], lang: str) -> str:
    """The Japanese or the English of a (ja, en) pair."""
    return pair[0] if lang == "ja" else pair[1]


def label(key: str, lang: str) -> str:
    """The word for `key` in `lang` ("ja"; anything else reads English). KeyError if unknown."""
    return choose(LABELS[key], lang)


def label_or(value: object, lang: str) -> str:
    """The word for `value` if the catalog has it, else `value` as text: for values read from a
    file that may hold anything (a status of an old revision)."""
    key = str(value)
    pair = LABELS.get(key)
    return key if pair is None else choose(pair, lang)


def labels_of(key: str) -> dict[str, str]:
    """`{"ja": …, "en": …}`: a label as the JSON outputs carry it."""
    ja, en = LABELS[key]
    return {"ja": ja, "en": en}


_chosen: list[str] = []  # the language of this run, once chosen (empty: from the environment)


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """$JTR_LANG (ja or en), else the locale (LC_ALL, then LC_MESSAGES, then LANG: Japanese
    when it starts with ja, else English), else Japanese: the data and its users are."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("JTR_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "ja"


def set_lang(lang: str | None) -> None:
    """Choose the language of this run (None: from the environment again)."""
    _chosen[:] = [lang] if lang in LANGS else []


def current_lang() -> str:
    """The language chosen for this run, else the environment's."""
    return _chosen[0] if _chosen else detect_lang()


def message(key: str, lang: str | None = None, /, **fields: object) -> str:
    """The catalog's sentence `key` in `lang` (default: this run's language), its `{fields}`
    filled in. KeyError if the key is unknown, so a missing entry fails its test."""
    template = label(key, lang or current_lang())
    return template.format(**fields) if fields else template
