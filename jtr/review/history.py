"""The roadmap's history from git: the commits that changed it, and a burn-up of tasks done.

Reading is two processes whatever the number of commits: one `git log --raw` names every
commit with the file's blob before and after it, one `git cat-file --batch` returns all those
blobs. Each distinct blob is parsed once.

Burn-up, two series (docs/review-workflow.md explains them):
- by fiscal year, as recorded in the newest version: for each fiscal year of the period,
  `planned` = tasks whose span ends in or before it, `done` = tasks whose status, replayed
  from their history as of the end of that year (or the as-of date, if earlier), is done
  (jtr.status's rules, so recurring tasks count once every year is closed). `done` is null for
  years that have not started by the as-of date.
- over time: at each commit (oldest first), the tasks done according to that commit's version
  as of the commit's date, and the tasks it had (the scope).

A district-scoped task counts as one task, done once every district in its scope is (jtr.status's
rule); with `district_tasks` (`jtr history --district-tasks`) it counts as the share of its
districts done or cancelled, as `jtr districts` counts them (18 of 32: 0.5625 of a task), so
that the curve moves with each district while the totals stay in tasks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

from jtr.labels import label
from jtr.presenter import state_look, year_label
from jtr.review.gitio import Commit, RepoPath, blob_sizes, file_log, read_blobs, size_limit, too_big
from jtr.review.semantic import Diff, diff_roadmaps


class Version(NamedTuple):
    commit: Commit
    old: dict[str, Any] | None  # None: the file did not exist (or could not be read)
    new: dict[str, Any] | None
    diff: Diff
    error: str | None = None  # why a side could not be read


class FiscalYearBar(NamedTuple):
    fiscal_year: int
    planned: int
    done: float | None  # a whole number but with district_tasks
    total: int


class BurnPoint(NamedTuple):
    commit: str
    date: str
    done: float  # a whole number but with district_tasks
    total: int


def _parse(raw: bytes, name: str) -> tuple[dict[str, Any] | None, str | None]:
    from jtr.diagnostics import LoadError
    from jtr.review.reading import load_revision

    try:
        return load_revision(raw, name), None
    except LoadError as exc:
        return None, exc.diagnostics[0].format() if exc.diagnostics else str(exc)


def versions(repo: RepoPath, revisions: list[str] | None = None) -> list[Version]:
    """Every commit that changed the file, newest first, with both sides parsed and diffed.

    A version larger than jtr's size limit is not read: it counts as unreadable, saying so."""
    commits = file_log(repo, revisions or ())
    wanted = [b for c in commits for b in (c.old_blob, c.new_blob) if b]
    limit = size_limit()
    sizes = blob_sizes(repo, wanted)
    blobs = read_blobs(repo, [b for b in wanted if sizes[b] <= limit])
    parsed: dict[str, tuple[dict[str, Any] | None, str | None]] = {}
    out = []
    for commit in commits:
        sides: list[dict[str, Any] | None] = []
        errors = []
        for blob in (commit.old_blob, commit.new_blob):
            if blob is None:
                sides.append(None)
                continue
            if blob not in parsed:
                name = f"{commit.short}:{repo.rel}"
                parsed[blob] = (
                    _parse(blobs[blob], name)
                    if blob in blobs
                    else (None, too_big(name, sizes[blob], limit))
                )
            data, error = parsed[blob]
            sides.append(data)
            if error:
                errors.append(error)
        old, new = sides
        both = old is not None and new is not None
        diff = diff_roadmaps(old, new) if both else Diff((), {})  # type: ignore[arg-type]
        out.append(Version(commit, old, new, diff, "; ".join(errors) or None))
    return out


# ---- burn-up ---------------------------------------------------------------------------------


def _model(data: dict[str, Any] | None) -> Any:
    from jtr.model import build

    if data is None:
        return None
    try:
        return build(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _tasks(model: Any, ident: str | None) -> list[Any]:
    if ident:
        for course in model.courses:
            if course.id == ident:
                return [t for i in course.items for t in i.tasks]
            for item in course.items:
                if item.id == ident:
                    return list(item.tasks)
                for task in item.tasks:
                    if task.id == ident:
                        return [task]
    return list(model.tasks())


def _done(task: Any, as_of: dt.date, start_month: int, district_tasks: bool = False) -> float:
    """1 for a task done as of the day, else 0; with `district_tasks`, a district-scoped task
    not cancelled as a whole counts the share of its districts done or cancelled."""
    from jtr.status import task_state

    try:
        state = task_state(task, as_of, start_month)
    except (TypeError, ValueError, AttributeError):
        return 0
    if district_tasks and state.districts and state.state != "cancelled":
        return state.districts_done / len(state.districts)
    return 1 if state.state == "done" else 0


def _total(values: list[float]) -> float:
    """A sum of shares: a whole number as an int, else to four places."""
    total = sum(values)
    return int(total) if float(total).is_integer() else round(total, 4)


def amount(value: float) -> str:
    """A count of tasks as the chart writes it: `3`, `2.56`."""
    return str(value) if isinstance(value, int) else f"{value:.2f}".rstrip("0").rstrip(".")


def by_fiscal_year(
    data: dict[str, Any] | None, ident: str | None, as_of: dt.date, district_tasks: bool = False
) -> list[FiscalYearBar]:
    from jtr.fiscal import fiscal_year_end, fiscal_year_start

    model = _model(data)
    if model is None:
        return []
    tasks = _tasks(model, ident)
    start = model.fiscal_year_start_month
    bars = []
    for year in model.period.years():
        planned = sum(1 for t in tasks if t.years.end <= year)
        if fiscal_year_start(year, start) > as_of:
            done = None
        else:
            day = min(fiscal_year_end(year, start), as_of)
            done = _total([_done(t, day, start, district_tasks) for t in tasks])
        bars.append(FiscalYearBar(year, planned, done, len(tasks)))
    return bars


def commit_day(commit: Commit) -> dt.date:
    return dt.date.fromisoformat(commit.date[:10])


def over_time(
    history: list[Version], ident: str | None, district_tasks: bool = False
) -> list[BurnPoint]:
    """One point per commit, oldest first (a commit whose version cannot be built is skipped)."""
    points = []
    models: dict[str | None, Any] = {}
    for version in reversed(history):
        blob = version.commit.new_blob
        if blob not in models:
            models[blob] = _model(version.new)
        model = models[blob]
        if model is None:
            continue
        day = commit_day(version.commit)
        tasks = _tasks(model, ident)
        start = model.fiscal_year_start_month
        done = _total([_done(t, day, start, district_tasks) for t in tasks])
        points.append(BurnPoint(version.commit.hash, day.isoformat(), done, len(tasks)))
    return points


def monthly(points: list[BurnPoint]) -> list[tuple[str, BurnPoint]]:
    """The last point of each month from the first to the last, carried over empty months."""
    if not points:
        return []
    last: dict[str, BurnPoint] = {}
    for point in points:
        last[point.date[:7]] = point
    first_year, first_month = map(int, points[0].date[:7].split("-"))
    end = points[-1].date[:7]
    out = []
    year, month, current = first_year, first_month, points[0]
    while True:
        key = f"{year:04d}-{month:02d}"
        current = last.get(key, current)
        out.append((key, current))
        if key >= end:
            return out
        month += 1
        if month > 12:
            year, month = year + 1, 1


# ---- rendering -------------------------------------------------------------------------------

# The burn-up's three parts look as the states they count do: done, due (planned by then, not
# done) and not yet due (later).
_BAR_STATES = ("done", "due", "not_yet_due")


def _legend(lang: str, ascii_only: bool) -> str:  # ascii_only: the fills drawn in ASCII
    words = ("done", "burnup_planned_not_done", "burnup_later")
    fills = [state_look(s).ascii_fill if ascii_only else state_look(s).fill for s in _BAR_STATES]
    return "  ".join(f"{fill} {label(key, lang)}" for fill, key in zip(fills, words, strict=True))


def history_json(
    file: str, ident: str | None, history: list[Version], bars: list[FiscalYearBar],
    points: list[BurnPoint], as_of: dt.date, district_tasks: bool = False,
) -> dict[str, Any]:  # fmt: skip
    return {
        "version": 1,
        "file": file,
        "id": ident,
        "commits": [
            {
                "hash": v.commit.hash,
                "date": v.commit.date,
                "author": v.commit.author,
                "email": v.commit.email,
                "subject": v.commit.subject,
                "created": v.commit.old_blob is None,
                "deleted": v.commit.new_blob is None,
                "error": v.error,
                "changes": [c.to_dict() for c in v.diff.changes],
            }
            for v in history
        ],
        "burnup": {
            "as_of": as_of.isoformat(),
            "district_tasks": district_tasks,  # a district task counts its share of districts
            "by_fiscal_year": [b._asdict() for b in bars],
            "over_time": [p._asdict() for p in points],
        },
    }


def _bar(
    done: float | None, planned: float, total: int, cells: int, ascii_only: bool
) -> list[tuple[str, str]]:
    (full, done_style), (mid, due_style), (rest, later_style) = (
        (look.ascii_fill if ascii_only else look.fill, look.style)
        for look in map(state_look, _BAR_STATES)
    )
    if total <= 0:
        return [(rest * cells, later_style)]
    d = round((done or 0) * cells / total)
    p = max(round(planned * cells / total), d)
    return [(full * d, done_style), (mid * (p - d), due_style), (rest * (cells - p), later_style)]


def render_history_text(
    file: str, ident: str | None, history: list[Version], bars: list[FiscalYearBar],
    points: list[BurnPoint], lang: str, *, width: int, color: bool, ascii_only: bool,
    district_tasks: bool = False,
) -> str:  # fmt: skip
    """Commits and their changes, then the burn-up charts; no line wider than `width` cells.

    Commit lines and changes wrap (between words, continuing under their field, a state never
    split); the bars shrink to fit. With `ascii_only` (and under JTR_AMBIGUOUS_WIDTH=2 for the
    bars) jtr's own marks are ASCII; the roadmap's titles and the commits' words stay as written.
    """
    from jtr.render.lines import Line, ambiguous_wide, cell_len, fit, render_lines, wrap
    from jtr.review.render import text_lines

    drawn_ascii = ascii_only or ambiguous_wide()  # the bars' fills
    dot, ellipsis = (" / ", "~") if ascii_only else (" · ", "…")
    lines: list[Line] = []

    def put(line: Line, hang: int = 2) -> None:
        lines.extend(wrap(line, width, hang))

    put(Line((f"{file}" + (f"{dot}{ident}" if ident else ""), "bold")))
    if not history:
        put(Line((label("history_no_commits", lang), "dim")))
    for version in history:
        commit = version.commit
        head = Line((commit.short, "yellow"), (" " + commit.date[:10] + " ", ""))
        head.add(commit.author, "cyan")
        head.add("  " + commit.subject, "bold")
        put(head, len(commit.short) + 1)
        if commit.old_blob is None:
            put(Line(("  " + label("history_created", lang), "dim")))
        elif commit.new_blob is None:
            put(Line(("  " + label("history_deleted", lang), "dim")))
        elif version.error:
            put(Line(("  " + label("history_unreadable", lang) + ": " + version.error, "red")), 4)
        elif not version.diff.changes:
            put(Line(("  " + label("history_no_plan_change", lang), "dim")))
        else:
            for line in text_lines(version.diff, lang, indent=1, ascii_only=ascii_only):
                lines.extend(wrap(line, width))
    if bars:
        lines.append(Line())
        put(Line((label("burnup_by_year", lang), "bold")))
        put(Line((_legend(lang, drawn_ascii), "dim")))
        if district_tasks:
            put(Line((label("burnup_district_tasks", lang), "dim")))
        names = [year_label(b.fiscal_year, lang, "label") for b in bars]
        name_width = max(cell_len(n) for n in names)
        counts = [
            f" {'-' if b.done is None else amount(b.done)}/{b.planned} {label('planned', lang)}{dot}{b.total} {label('tasks', lang)}"
            + ("" if b.done is not None else " " + label("burnup_not_started", lang))
            for b in bars
        ]
        cells = max(width - name_width - 2 - max(cell_len(c) for c in counts), 10)
        for bar, name, count in zip(bars, names, counts, strict=False):
            line = Line((fit(name, name_width, ellipsis, pad=True) + "  ", ""))
            for text, style in _bar(bar.done, bar.planned, bar.total, cells, drawn_ascii):
                line.add(text, style)
            line.add(count, "")
            lines.append(line.fitted(width, ellipsis))
    months = monthly(points)
    if months:
        lines.append(Line())
        put(Line((label("burnup_over_time", lang), "bold")))
        if district_tasks and not bars:
            put(Line((label("burnup_district_tasks", lang), "dim")))
        counts = [f" {amount(p.done)}/{p.total}" for _m, p in months]
        cells = max(width - 7 - 2 - max(len(c) for c in counts), 10)
        for (month, point), count in zip(months, counts, strict=False):
            line = Line((month + "  ", ""))
            for text, style in _bar(point.done, point.done, point.total, cells, drawn_ascii):
                line.add(text, style)
            line.add(count, "")
            lines.append(line.fitted(width, ellipsis))
    return render_lines([line.fitted(width, ellipsis) for line in lines], width, color)


def repo_of(path: Path) -> RepoPath:
    from jtr.review.gitio import locate

    return locate(path)
