"""Labels in Japanese and English, and which one the user reads."""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("ja", "en")

LABELS: dict[str, tuple[str, str]] = {
    # derived states
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
    # words
    "as_of": ("基準日", "as of"),
    "course": ("コース", "course"),
    "item": ("見直し項目", "review item"),
    "items": ("見直し項目", "review items"),
    "task": ("課題", "task"),
    "tasks": ("課題", "tasks"),
    "owners": ("担当", "owners"),
    "next": ("次の課題", "next task"),
    "state": ("状態", "state"),
    "years": ("年度", "fiscal years"),
    "percent_done": ("完了率", "done"),
    "target": ("目標年度", "target"),
    "goal": ("目標 (実現あるいは方針決定)", "goal (realised or policy decided)"),
    "decided": ("方針決定", "policy decided"),
    "realised": ("実現", "realised"),
    "goal_met": ("達成", "met"),
    "goal_missed": ("目標未達", "goal missed"),
    "attention": ("要対応の項目", "Items needing attention"),
    "nothing_needs_attention": ("要対応の項目はありません", "Nothing needs attention"),
    "no_record": ("記録なし", "no record"),
    "recorded": ("記録あり", "recorded"),
    "last_record": ("最新の記録", "last record"),
    "problems": ("現状", "current problems"),
    "working_group": ("ワーキンググループ", "working group"),
    "members": ("構成員", "members"),
    "history": ("進捗の記録", "status history"),
    "goal_images": ("ゴールイメージ", "goal images"),
    "recurring": ("毎年度", "every year"),
    "shared_from": ("共通の課題", "shared task"),
    "phase": ("期", "phase"),
    "legend": ("凡例", "legend"),
    "now": ("基準日", "as of"),
    "none": ("なし", "none"),
    "period": ("計画期間", "period"),
    "directions": ("方向性", "directions"),
    "study_groups": ("研究会", "study groups"),
    "notes": ("備考", "notes"),
    "city_members_only": ("市のメンバーのみで構成", "city members only"),
    "subgroups": ("グループ", "subgroups"),
    "themes": ("テーマ", "themes"),
    "help": ("関連する活動 (●の数)", "kinds of help (dots)"),
    "shaded": ("網掛け", "shaded"),
    "unknown": ("不明", "unknown"),
}


def choose(pair: tuple[str, str], lang: str) -> str:
    """The Japanese or the English of a (ja, en) pair: every label table in jtr is such pairs."""
    return pair[0] if lang == "ja" else pair[1]


def t(key: str, lang: str) -> str:
    return choose(LABELS[key], lang)


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """Japanese when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else English."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"
