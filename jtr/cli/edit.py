"""The editing commands: `jtr set`, `jtr decide`, `jtr realise`, `jtr revise`. Thin: jtr.edit
does the work.

Imported by jtr.cli on every start, so it imports nothing heavy at module level: jtr.edit
(and ruamel.yaml through it) only when an editing command runs.
"""

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from jtr.cli.options import (
    FileOption,
    apply_edit,
    choices,
    chosen_lang,
    completion,
    fail,
    given_file,
    warn_far_date,
)
from jtr.labels import message

if TYPE_CHECKING:
    import datetime as dt

    from jtr.edit import Edit

# jtr.model.STATUSES, written out: importing the model here would slow every command's start
# (tests/test_edit.py checks that the two agree).
STATUSES = ("planned", "in_progress", "done", "delayed", "on_hold", "cancelled")
Status = enum.Enum("Status", {s: s for s in STATUSES}, type=str)  # type: ignore[misc]


complete_tasks = completion("task")
complete_items = completion("item")

DateOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option("--date", "-d", show_default=False),
]
NoteOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--note", "-n", show_default=False),
]
DryRunOption = Annotated[
    bool,
    typer.Option(
        "--dry-run",
    ),
]
WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0,
        metavar="SECONDS",
    ),
]
ItemArgument = Annotated[
    str,
    typer.Argument(metavar="ITEM_ID", autocompletion=complete_items),
]


def _date(value: str | None) -> "dt.date":
    import datetime as dt

    from jtr.fiscal import FiscalYearError, parse_date

    if value is None:
        return dt.date.today()
    try:
        return parse_date(value, chosen_lang(None))
    except FiscalYearError as exc:
        raise fail(f"--date: {exc}") from None


def _run(
    file: Path | None, edit: "Edit", dry_run: bool, wait: float, typed_date: bool = True
) -> None:
    """Apply the edit; `typed_date`: the user gave --date (a far one is warned about)."""
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.edit import SetStatus

    if wait != wait:  # NaN passes the option's x>=0 check
        raise fail(message("cli_wait_number"))
    try:
        path = find_roadmap(given_file(file))
    except RoadmapNotFound as exc:
        raise fail(str(exc)) from None
    display = display_path(path)

    outcome = apply_edit(path, edit, display, dry_run, wait)
    day = getattr(edit, "date", None)
    if outcome.period is not None and day is not None and typed_date:
        first, last, month = outcome.period
        warn_far_date("--date", day, first, last, month)
    if outcome.repeated and isinstance(edit, SetStatus):
        from jtr.labels import label

        typer.echo(
            label("msg_same_record", chosen_lang(None)).format(
                name=display, task=edit.task_id, status=edit.status, date=edit.date
            ),
            err=True,
        )
    elif not outcome.changed:
        typer.echo(outcome.summary, err=True)
    elif dry_run:
        sys.stdout.write(outcome.diff())
    else:
        typer.echo(outcome.summary)


def complete_districts(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--district`: all, hilly, not-hilly and the registry's ids, with their names."""
    from jtr.cli.options import completion_lang, completion_model
    from jtr.labels import label

    lang = completion_lang(ctx)
    words = [
        (w, label(f"district_scope_{w.replace('-', '_')}", lang))
        for w in ("all", "hilly", "not-hilly")
    ]
    try:
        model = completion_model(ctx)
    except Exception:  # completion must never print a traceback into the shell
        model = None
    if model is not None:
        words += [(d.id, d.name.get(lang)) for d in model.districts]
    return [(w, h) for w, h in words if w.startswith(incomplete)]


def set_status(
    task: Annotated[
        str,
        typer.Argument(
            metavar="TASK_ID",
            autocompletion=complete_tasks,
        ),
    ],
    status: Annotated[
        Status,
        typer.Option("--status", "-s", show_default=False, click_type=choices(Status)),
    ],
    date: DateOption = None,
    note: NoteOption = None,
    by: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--by", show_default=False),
    ] = None,
    fiscal_year: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--fiscal-year",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
        ),
    ] = False,
    district: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--district", metavar="DISTRICT", autocompletion=complete_districts),
    ] = None,
    dry_run: DryRunOption = False,
    file: FileOption = None,
    wait: WaitOption = 60.0,
) -> None:
    """Record a task's status: append a record (status, date, note) to its history.

    Comments, layout and everything else in the file stay as written; the edited roadmap is validated before it replaces the file, atomically and under a lock. Prints the change in one line, or with --dry-run the diff it would make.

    Exit codes: 0 recorded (or shown); 1 the edit would make the roadmap invalid (findings printed, nothing written); 2 refused: unknown task, bad date, a date before the last record without --force, missing, unreadable or read-only file, or another edit held the lock past --wait.
    """
    from jtr.edit import SetStatus

    year = None
    if fiscal_year is not None:
        from jtr.fiscal import FiscalYearError, parse_fiscal_year

        try:
            year = parse_fiscal_year(fiscal_year)
        except FiscalYearError as exc:
            raise fail(f"--fiscal-year: {exc}") from None
    edit = SetStatus(task, status.value, _date(date), note, by, year, force, tuple(district or ()))
    _run(file, edit, dry_run, wait, date is not None)


def _milestone(
    kind: str,
    item: str,
    date: str | None,
    note: str | None,
    clear: bool,
    force: bool,
    dry_run: bool,
    file: Path | None,
    wait: float,
) -> None:
    from jtr.edit import SetMilestone

    if clear and (date is not None or note is not None):
        raise fail(message("cli_clear_alone"))
    day = None if clear else _date(date)
    _run(file, SetMilestone(item, kind, day, note, clear, force), dry_run, wait, date is not None)


ClearOption = Annotated[
    bool,
    typer.Option(
        "--clear",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
    ),
]


def _milestone_command(kind: str, doc: str) -> Callable[..., None]:
    """The `decide` or `realise` command: the same options, recording `kind`."""

    def command(
        item: ItemArgument,
        date: DateOption = None,
        note: NoteOption = None,
        clear: ClearOption = False,
        force: ForceOption = False,
        dry_run: DryRunOption = False,
        file: FileOption = None,
        wait: WaitOption = 60.0,
    ) -> None:
        _milestone(kind, item, date, note, clear, force, dry_run, file, wait)

    command.__doc__ = doc
    return command


_EXIT_CODES = (
    "Exit codes: 0 recorded (or shown, or nothing to clear); 1 the edit would make the roadmap "
    "invalid (findings printed, nothing written); 2 refused: unknown item, bad date, already "
    "{done} without --force, missing, unreadable or read-only file, or another edit held the "
    "lock past --wait."
)
decide = _milestone_command(
    "decision",
    "Record that a review item's policy was decided (方針決定), or with --clear undo it.\n\n"
    + _EXIT_CODES.format(done="decided"),
)
realise = _milestone_command(
    "realisation",
    "Record that a review item was realised (実現), or with --clear undo it.\n\n"
    + _EXIT_CODES.format(done="realised"),
)


def _revision_date(value: str) -> str:
    """`--date` of `jtr revise`: YYYY-MM-DD (a real day) or YYYY-MM, full-width digits allowed;
    as the file will write it."""
    import unicodedata

    from jtr.fiscal import FiscalYearError, month_or_day, parse_date

    cleaned = unicodedata.normalize("NFKC", value).strip()
    if len(cleaned) == 7 and month_or_day(cleaned) is not None:
        return cleaned
    if len(cleaned) != 10:
        raise fail(f"--date: {message('err_revision_bad_date', date=repr(value))}")
    try:
        return parse_date(cleaned, chosen_lang(None)).isoformat()
    except FiscalYearError as exc:
        raise fail(f"--date: {exc}") from None


def _baseline(path: Path, rev: str) -> str:
    """The full commit id that `--baseline REV` names, in the roadmap's git repository."""
    from jtr.review.gitio import GitError, locate, resolve_revision

    try:
        return resolve_revision(locate(path), rev)
    except GitError as exc:
        raise fail(f"--baseline: {exc}") from None


def revise(
    title: Annotated[str, typer.Option("--title", show_default=False)],
    approved_by: Annotated[str, typer.Option("--approved-by", metavar="BODY", show_default=False)],
    date: Annotated[str, typer.Option("--date", "-d", show_default=False)],
    title_en: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--title-en", show_default=False),
    ] = None,
    note: NoteOption = None,
    note_en: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--note-en", show_default=False),
    ] = None,
    ident: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", metavar="ID", show_default=False),
    ] = None,
    baseline: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--baseline", metavar="REV", show_default=False),
    ] = None,
    dry_run: DryRunOption = False,
    file: FileOption = None,
    wait: WaitOption = 60.0,
) -> None:
    """Record a revision of the plan: append it to the revision log (revisions:)."""
    from jtr.discover import RoadmapNotFound, find_roadmap
    from jtr.edit import AddRevision

    if note_en is not None and note is None:
        raise fail(message("cli_revise_note_en_alone"))
    day = _revision_date(date)
    try:
        path = find_roadmap(given_file(file))
    except RoadmapNotFound as exc:
        raise fail(str(exc)) from None
    commit = None if baseline is None else _baseline(path, baseline)
    edit = AddRevision(day, title, approved_by, title_en, note, note_en, ident, commit)
    _run(path, edit, dry_run, wait, typed_date=False)


def register(app: typer.Typer) -> None:
    app.command("set")(set_status)
    app.command("decide")(decide)
    app.command("realise")(realise)
    app.command("realize", hidden=True)(realise)
    app.command("revise")(revise)
