"""Synthetic roadmaps shaped like data/roadmap.yaml, for the validation benchmark.

    python bench/gen_roadmap.py --items 5000 -o bench/.cache/roadmap-5000.yaml

The shipped file's sections are copied verbatim except `working_groups` and `courses`: the
courses keep their headers and get N generated items (spread like the shipped 8 + 4) and goals,
and every item has its own generated working group. Texts are drawn from the shipped file.
The YAML is written line by line in the shipped block style; the same seed gives the same file.

With --districts SHARE (default 0: off), that share of the tasks (every 1/SHARE-th one) is done
in each district (`districts: all`, the shipped 32-district registry) and gets
--district-records records per district, merged into its history in date order.
Everything else is the same as without the option (same seed, same lines). The shipped
`readings` section is never copied: its paths name the shipped items, which a generated file
has not, so it would not validate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "roadmap.yaml"
GENERATED = ("working_groups", "courses")
STATUS_RUNS = (("planned",), ("planned", "in_progress"), ("planned", "in_progress", "done"),
               ("in_progress", "delayed"), ("planned", "on_hold"), ("in_progress", "done"))  # fmt: skip
HELP_KINDS = ("public", "mutual", "self")
DISTRICT_RUNS = (("planned", "in_progress", "done"), ("planned", "in_progress", "delayed"),
                 ("in_progress", "delayed", "in_progress"), ("planned", "in_progress", "on_hold"),
                 ("in_progress", "on_hold", "in_progress"), ("planned", "in_progress", "cancelled"))  # fmt: skip
_RESERVED = re.compile(r"(?i)y|n|yes|no|on|off|true|false|null|~")
_BAD_START = set("-?:,[]{}#&*!|>'\"%@` +.0123456789")


@lru_cache(maxsize=4096)
def scalar(text: str) -> str:
    """`text` as a plain YAML scalar when that reads back as the same string, else quoted."""
    plain = (
        text
        and text[0] not in _BAD_START
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
        and not _RESERVED.fullmatch(text)
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def sections(text: str) -> dict[str, str]:
    """Top-level key -> its block of lines (comments above a key go with the block before)."""
    blocks: dict[str, str] = {}
    key, lines = "", []
    for line in text.splitlines(keepends=True):
        match = re.match(r"([a-z_]+):", line)
        if match:
            if key:
                blocks[key] = "".join(lines)
            key, lines = match.group(1), []
        if key:
            lines.append(line)
    blocks[key] = "".join(lines)
    return blocks


class Writer:
    def __init__(
        self, shipped: dict[str, Any], seed: int, share: float = 0.0, per_district: int = 3
    ) -> None:
        self.rng = random.Random(seed)
        # District-scoped tasks draw from their own generator, so the rest stays as without.
        self.district_rng = random.Random(seed + 32)
        self.share, self.per_district, self.task_count = share, per_district, 0
        self.district_ids = [d["id"] for d in shipped.get("districts", {}).get("list", [])]
        self.out: list[str] = []
        self.owners = [o["id"] for o in shipped["owners"]]
        self.period = (shipped["meta"]["period"]["from"], shipped["meta"]["period"]["to"])
        courses = shipped["courses"]
        items = [i for c in courses for i in c["items"]]
        tasks = [t for i in items for t in i["tasks"]]
        self.item_bases = [i["id"] for i in items]
        self.item_titles = [i["title"] for i in items]
        self.problems = [p for i in items for p in i["problems"]]
        self.task_titles = [t["title"] for t in tasks]
        self.task_verbs = sorted({t["id"].rsplit("-", 1)[-1] for t in tasks if "-" in t["id"]})
        self.goal_titles = [g["title"] for c in courses for g in c["goals"]]
        self.states = [s["text"] for c in courses for g in c["goals"] for s in g["states"]]
        groups = shipped["working_groups"]
        self.wg_titles = [g["title"] for g in groups]
        self.members = [m for g in groups for m in g["members"]]
        self.wg_notes = [n for g in groups for n in g.get("notes", [])]

    def line(self, indent: int, text: str) -> None:
        self.out.append(" " * indent + text)

    def pair(self, indent: int, key: str | None, value: dict[str, str], n: int = 0) -> None:
        """A Title/Text under `key` (or as a list entry when key is None); n > 0 numbers it."""
        ja, en = value["ja"], value.get("en")
        if n:
            ja, en = f"{ja}（{n}）", en and f"{en} ({n})"
        if key is None:
            self.line(indent, f"- ja: {scalar(ja)}")
        else:
            self.line(indent, f"{key}:")
            self.line(indent + 2, f"ja: {scalar(ja)}")
        if en:
            self.line(indent + 2, f"en: {scalar(en)}")

    def texts(self, indent: int, key: str, pool: list[dict[str, str]], count: int) -> None:
        self.line(indent, f"{key}:")
        for value in self.rng.sample(pool, count):
            self.pair(indent + 2, None, value)

    def ids(self, indent: int, key: str, values: list[str]) -> None:
        self.line(indent, f"{key}:" if values else f"{key}: []")
        self.out.extend(f"{' ' * (indent + 2)}- {v}" for v in values)

    def date(self, low: dt.date, high: dt.date) -> dt.date:
        return low + dt.timedelta(days=self.rng.randint(0, (high - low).days))

    def working_groups(self, plan: list[list[tuple[str, int]]]) -> None:
        self.line(0, "working_groups:")
        for group in plan:
            self.line(2, f"- id: wg-{group[0][0]}")
            self.pair(4, "title", self.rng.choice(self.wg_titles), group[0][1])
            self.texts(4, "members", self.members, self.rng.randint(2, 4))
            if self.rng.random() < 0.4:
                self.texts(4, "notes", self.wg_notes, 1)
            self.line(4, f"city_members_only: {str(self.rng.random() < 0.25).lower()}")
            self.ids(4, "items", [item for item, _ in group])

    def item(self, item_id: str, number: int, wg_id: str, previous: str | None) -> None:
        rng, line = self.rng, self.line
        line(6, f"- id: {item_id}")
        line(8, f"number: {number}")
        self.pair(8, "title", rng.choice(self.item_titles), number)
        self.texts(8, "problems", self.problems, rng.randint(1, 2))
        owners = sorted(rng.sample(range(len(self.owners)), rng.randint(1, 4)))
        self.ids(8, "owners", [self.owners[o] for o in owners])
        line(8, f"working_group: {wg_id}")
        line(8, "help:")
        line(10, f"dots: {rng.randint(0, 3)}")
        kinds = sorted(rng.sample(HELP_KINDS, rng.randint(1, 3))) if rng.random() < 0.2 else []
        self.ids(10, "kinds", kinds)
        line(8, f"shaded: {rng.choice(('null', 'null', 'true', 'false'))}")
        line(8, "tasks:")
        for t in range(rng.randint(3, 5)):
            self.task(f"{item_id}-{t + 1}-{rng.choice(self.task_verbs)}", previous)
        if rng.random() < 0.1:
            decided = self.date(dt.date(self.period[0], 4, 1), dt.date(self.period[1], 3, 31))
            line(8, "decision:")
            line(10, f'date: "{decided}"')
            if rng.random() < 0.5:
                line(8, "realisation:")
                line(10, f'date: "{decided + dt.timedelta(days=rng.randint(0, 300))}"')
                line(10, "note: 新方針による運用を開始")
        if rng.random() < 0.1:
            self.pair(8, "note", rng.choice(self.problems))

    def task(self, task_id: str, previous: str | None) -> None:
        rng, line = self.rng, self.line
        start = rng.randint(*self.period)
        end = rng.randint(start, self.period[1])
        line(10, f"- id: {task_id}")
        self.pair(12, "title", rng.choice(self.task_titles))
        line(12, "fiscal_years:")
        line(14, f"from: {start}")
        line(14, f"to: {end}")
        n, self.task_count = self.task_count, self.task_count + 1
        scoped = int((n + 1) * self.share) > int(n * self.share)
        recurring = start < end and rng.random() < 0.1 and not scoped
        if recurring:
            line(12, "recurring: true")
        if previous and rng.random() < 0.05:
            self.ids(12, "shared_with", [previous])
        if scoped:
            line(12, "districts: all")
        low, high = dt.date(start, 4, 1), dt.date(end + 1, 3, 31)
        records: list[tuple[dt.date, str, str | None]] = []
        if rng.random() < 0.3:
            statuses = rng.choice(STATUS_RUNS)
            dates = sorted(self.date(low, high) for _ in statuses)
            records += [(when, status, None) for status, when in zip(statuses, dates, strict=True)]
        if scoped:
            drng = self.district_rng
            for district in self.district_ids:
                statuses = drng.choice(DISTRICT_RUNS)[: self.per_district]
                days = sorted(drng.randint(0, (high - low).days) for _ in statuses)
                records += [(low + dt.timedelta(days=d), s, district)
                            for s, d in zip(statuses, days, strict=True)]  # fmt: skip
            records.sort(key=lambda r: r[0])  # stable: the city-wide records keep their order
        if records:
            line(12, "history:")
            for when, status, district in records:
                line(14, f"- status: {status}")
                line(16, f'date: "{when}"')
                if district:
                    line(16, f"district: {district}")
                if recurring:
                    line(16, f"fiscal_year: {min(max(when.year - (when.month < 4), start), end)}")
                if status != "planned":
                    line(16, "by: 地域活動支援課")

    def goals(self, items: list[str]) -> None:
        self.line(4, "goals:")
        at, number = 0, 0
        while at < len(items):
            size = self.rng.randint(2, 4)
            chunk, at, number = items[at : at + size], at + size, number + 1
            self.line(6, f"- id: goal-{chunk[0]}")
            self.pair(8, "title", self.rng.choice(self.goal_titles), number)
            self.line(8, "states:")
            for s in range(self.rng.randint(1, min(2, len(chunk)))):
                text = self.rng.choice(self.states)
                self.line(10, "- text:")
                self.line(14, f"ja: {scalar(text['ja'])}")
                self.line(14, f"en: {scalar(text['en'])}")
                self.ids(12, "items", chunk[s::2])
            self.ids(8, "items", chunk)


def generate(count: int, seed: int = 2023, districts: float = 0.0, per_district: int = 3) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    shipped = yaml.load(text, Loader=yaml.CSafeLoader)
    w = Writer(shipped, seed, districts, per_district)
    courses = shipped["courses"]
    if count < len(courses):
        raise SystemExit(f"--items must be at least {len(courses)} (one per course)")
    weights = [len(c["items"]) for c in courses]
    split = [max(1, count * wt // sum(weights)) for wt in weights]
    split[0] += count - sum(split)
    # Ids first: item i is <shipped item id>-<i>; working groups take 1–2 consecutive items.
    per_course: list[list[tuple[str, int]]] = []
    for c, n in enumerate(split):
        first = sum(split[:c])
        per_course.append(
            [(f"{w.item_bases[i % len(w.item_bases)]}-{i + 1}", i - first + 1)
             for i in range(first, first + n)]
        )  # fmt: skip
    plan: list[list[tuple[str, int]]] = []
    for items in per_course:
        at = 0
        while at < len(items):
            size = w.rng.randint(1, 2)
            plan.append(items[at : at + size])
            at += size
    wg_of = {item: f"wg-{group[0][0]}" for group in plan for item, _ in group}
    w.line(0, "# Generated by bench/gen_roadmap.py: a synthetic roadmap for benchmarks.\n")
    for key, block in sections(text).items():
        if key == "working_groups":
            w.working_groups(plan)
            w.line(0, "")
        elif key == "courses":
            w.line(0, "courses:")
            for course, items in zip(courses, per_course, strict=True):
                w.line(2, f"- id: {course['id']}")
                w.line(4, f"numeral: {scalar(course['numeral'])}")
                w.pair(4, "title", course["title"])
                w.pair(4, "target", course["target"])
                w.line(4, f"target_fiscal_year: {course['target_fiscal_year']}")
                w.line(4, "notes:")
                for note in course.get("notes", []):
                    w.pair(6, None, note)
                w.line(4, "items:")
                previous = None
                for item_id, number in items:
                    w.item(item_id, number, wg_of[item_id], previous)
                    previous = item_id
                w.goals([item_id for item_id, _ in items])
            w.line(0, "")
        elif key == "readings":
            continue  # its paths name the shipped items, which the generated file has not
        else:
            w.out.extend((block.rstrip("\n"), ""))
    return "\n".join(w.out).rstrip("\n") + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, required=True, help="number of review items")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--districts", type=float, default=0.0, metavar="SHARE",
                        help="share of tasks done in each district (default 0: none)")  # fmt: skip
    parser.add_argument("--district-records", type=int, default=3, metavar="N",
                        help="records per district of each such task (default 3)")  # fmt: skip
    args = parser.parse_args()
    if not 0.0 <= args.districts <= 1.0 or not 1 <= args.district_records <= 3:
        parser.error("--districts takes 0 to 1, --district-records 1 to 3")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = generate(args.items, args.seed, args.districts, args.district_records)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
