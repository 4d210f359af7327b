"""The `jtr` command: parse options, call the core, pick a reporter, set the exit code."""

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from jtr import __version__
from jtr import kinds as entity_kinds  # the registry of kinds (imports nothing): `list --kind`

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2

app = typer.Typer(
    name="jtr",
    help=(
        "jtr: track Nagano City's 住民自治リフレッシュプロジェクト roadmap, kept as validated YAML.\n\n"
        "The roadmap is --file/-f PATH, else $JTR_ROADMAP, else data/roadmap.yaml in the current "
        "folder or the nearest folder above it."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ValidateFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jtr {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print jtr's version."),
    ] = False,
) -> None:
    """jtr: the roadmap as living data."""
    from jtr import notices  # what the library finds to say (a schema it will not use), once

    notices.start_run(lambda message: typer.echo(f"jtr: warning: {message}", err=True))


def fail(message: str) -> typer.Exit:
    """Print `jtr: error: MESSAGE` on one line (anything from a file or an argument in it shown
    visibly, never obeyed by the terminal) and return the exit for `raise`."""
    from jtr.escape import terminal

    typer.echo(f"jtr: error: {terminal(message)}", err=True)
    return typer.Exit(EXIT_CANNOT_RUN)


FileOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--file", "-f", help="Roadmap file (default: $JTR_ROADMAP, else the nearest data/roadmap.yaml).",
        dir_okay=False, show_default=False,
    ),
]  # fmt: skip


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Roadmap files to check (default: the discovered roadmap).", show_default=False
        ),
    ] = None,
    file: FileOption = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            help="text: file:line:col lines; json: for tools; github: Actions annotations; "
            "sarif: SARIF 2.1.0 for code-scanning dashboards.",
        ),
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")] = False,
    schema: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--schema",
            help="JSON Schema to use (default: the one the roadmap names in its "
            "'# yaml-language-server: $schema=' line, else jtr's own).",
            dir_okay=False,
        ),
    ] = None,
    max_bytes: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--max-bytes",
            min=1,
            metavar="N",
            help="Refuse files larger than N bytes (default: $JTR_MAX_BYTES, else 64 MiB).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check roadmap files against the schema and jtr's rules.

    Findings print as file:line:col: severity: message [CODE], sorted by position.
    The schema itself is first checked against its meta-schema.

    Exit codes: 0 valid; 1 findings (errors, or warnings with --strict);
    2 jtr could not run (missing file, unreadable or broken schema, usage error).
    """
    from jtr.diagnostics import LoadError
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.loader import ReadError
    from jtr.reporters import REPORTERS, passes
    from jtr.validate import SchemaCache, validate_file

    if max_bytes is not None:  # for this command only (restored when it ends)
        from jtr.fileio import max_bytes_limit

        ctx.with_resource(max_bytes_limit(max_bytes))
    targets = list(paths or [])
    if file is not None:
        targets.append(file)
    if not targets:
        try:
            targets = [find_roadmap()]
        except RoadmapNotFound as exc:
            raise fail(str(exc)) from None
    schemas = SchemaCache(schema)
    results = []
    cannot_run = False
    for target in targets:
        try:
            results.append(validate_file(target, schemas, display_path(target)))
        except ReadError as exc:
            fail(str(exc))  # printed; the other files are still checked
            cannot_run = True
        except LoadError as exc:  # the schema, not the roadmap, is broken
            for diagnostic in exc.diagnostics:
                typer.echo(diagnostic.format(), err=True)
            typer.echo("jtr: error: the schema is broken; nothing was validated", err=True)
            raise typer.Exit(EXIT_CANNOT_RUN) from None
    reporter = REPORTERS[output_format.value]()
    sys.stdout.write(reporter.render(results, strict))
    if output_format is ValidateFormat.text:
        _summary(results, strict)
    if cannot_run:
        raise typer.Exit(EXIT_CANNOT_RUN)
    raise typer.Exit(EXIT_OK if all(passes(r, strict) for r in results) else EXIT_FINDINGS)


def _summary(results: list, strict: bool) -> None:
    from jtr.escape import terminal

    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    for result in results:
        if not result.diagnostics and result.schema_file:
            typer.echo(terminal(f"{result.file}: valid (schema {result.schema_file})"), err=True)
    if errors or warnings:
        files = len(results)
        typer.echo(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {files} file{'s' * (files != 1)}",
            err=True,
        )


# ---------------------------------------------------------------------------------------------
# Views: status, timeline, show, list


class StatusFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ShowFormat(str, enum.Enum):
    text = "text"
    json = "json"


class Lang(str, enum.Enum):
    ja = "ja"
    en = "en"


# `jtr list --kind`: the plural of each listed kind of the registry (`working-groups`)
ListKind = enum.Enum(  # type: ignore[misc]
    "ListKind", {k.plural: k.plural for k in entity_kinds.listed() if k.plural}, type=str
)


AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help="Date to report as of, YYYY-MM-DD (default: today); a fiscal year such as 2024, "
        "FY2024, R6 or 令和6年度 means its last day. Progress recorded later is not counted.",
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045
    typer.Option(
        "--lang", help="Labels and titles in Japanese or English (default: from LC_ALL/LC_MESSAGES/LANG).",
        show_default=False,
    ),
]  # fmt: skip
CourseFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--course", help="Only this course (id or numeral, e.g. course-2024 or Ⅰ); repeatable."
    ),
]
OwnerFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--owner",
        help="Only items with this owner (jijikyo, shisho, tantoka, chikatsu); repeatable.",
    ),
]
RevOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--rev",
        help="Show the roadmap as committed at this git revision (e.g. HEAD~3, a tag, a hash).",
        show_default=False,
    ),
]
WidthOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--width",
        min=40,
        help="Width in terminal cells (default: the terminal's, or 80).",
        show_default=False,
    ),
]


def _open(file: Path | None, rev: str | None = None):
    """The roadmap a view works on: the discovered file, or that file as committed at `rev`."""
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.loader import ReadError
    from jtr.roadmap import RoadmapInvalid, open_roadmap, open_roadmap_bytes
    from jtr.schema import SchemaBroken

    try:
        path = find_roadmap(file)
        if rev is None:
            return open_roadmap(path, display_path(path))
        from jtr.review.gitio import GitError, read_at_revision

        try:
            raw = read_at_revision(path, rev)
        except GitError as exc:
            raise fail(str(exc)) from None
        return open_roadmap_bytes(raw, path, f"{display_path(path)}@{rev}")
    except (RoadmapNotFound, ReadError) as exc:
        raise fail(str(exc)) from None
    except SchemaBroken as exc:
        for diagnostic in exc.diagnostics:
            typer.echo(diagnostic.format(), err=True)
        raise fail("the schema is broken; nothing was validated") from None
    except RoadmapInvalid as exc:
        for diagnostic in exc.diagnostics:
            typer.echo(diagnostic.format(), err=True)
        typer.echo(
            "jtr: error: the roadmap is not valid; `jtr validate` lists every finding", err=True
        )
        raise typer.Exit(EXIT_FINDINGS) from None


def _as_of(value: str | None, start_month: int):
    import datetime as dt

    from jtr.fiscal import FiscalYearError, fiscal_year_end, parse_date, parse_fiscal_year

    if value is None:
        return dt.date.today()
    try:
        return parse_date(value)
    except FiscalYearError:
        pass
    try:
        return fiscal_year_end(parse_fiscal_year(value), start_month)
    except FiscalYearError:
        raise fail(
            f"--as-of {value!r}: write a date (YYYY-MM-DD) or a fiscal year (2024, R6, 令和6年度)"
        ) from None


def _lang(value: Lang | None) -> str:
    from jtr.i18n import detect_lang

    return value.value if value is not None else detect_lang()


def _color(plain: bool = False) -> bool:
    import os

    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def _width(value: int | None) -> int:
    import os
    import shutil

    if value is not None:
        return value
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else 80


def _state(loaded, as_of: str | None, course, owner, state=None):
    from jtr.model import STATUSES
    from jtr.status import STATES, TIMINGS, filter_state, roadmap_state

    model = loaded.model
    full = roadmap_state(model, _as_of(as_of, model.fiscal_year_start_month))
    known_courses = {c.id for c in model.courses} | {c.numeral for c in model.courses}
    for value in course or ():
        if value not in known_courses:
            raise fail(f"--course {value!r}: no such course ({', '.join(sorted(known_courses))})")
    known_owners = {o.id for o in model.owners}
    for value in owner or ():
        if value not in known_owners:
            raise fail(f"--owner {value!r}: no such owner ({', '.join(sorted(known_owners))})")
    known_states = set(STATES) | set(TIMINGS) | set(STATUSES)
    for value in state or ():
        if value not in known_states:
            raise fail(f"--state {value!r}: one of {', '.join(sorted(known_states))}")
    return full, filter_state(
        full,
        courses=set(course) if course else None,
        owners=set(owner) if owner else None,
        states=set(state) if state else None,
    )


@app.command()
def status(
    file: FileOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", help="table for people, json for tools, markdown for documents."),
    ] = StatusFormat.table,
    lang: LangOption = None,
    course: CourseFilter = None,
    owner: OwnerFilter = None,
    state: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--state",
            help="Only tasks in this state: overdue, delayed, on_hold, due, in_progress, not_yet_due, done, cancelled, planned, closed; repeatable.",
        ),
    ] = None,
    rev: RevOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 when a task is overdue or a course goal is missed (for a scheduled CI job).",
        ),
    ] = False,
    width: WidthOption = None,
) -> None:
    """Where the roadmap stands as of a date: per course, tasks by state, percent done, items
    decided or realised against the course goal, and the items that need attention.

    Exit codes: 0 shown (with --check: nothing overdue, no goal missed); 1 --check found
    something, or the roadmap is invalid; 2 jtr could not run.
    """
    loaded = _open(file, rev)
    _full, shown = _state(loaded, as_of, course, owner, state)
    chosen = _lang(lang)
    from jtr.render import status as render

    if output_format is StatusFormat.json:
        sys.stdout.write(render.render_json(shown))
    elif output_format is StatusFormat.markdown:
        sys.stdout.write(render.render_markdown(shown, chosen))
    else:
        sys.stdout.write(render.render_table(shown, chosen, width=_width(width), color=_color()))
    if check and (shown.overdue or shown.goals_missed):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def timeline(
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    course: CourseFilter = None,
    owner: OwnerFilter = None,
    width: WidthOption = None,
    ascii_only: Annotated[
        bool, typer.Option("--ascii", help="ASCII characters only (titles stay as written).")
    ] = False,
    rev: RevOption = None,
) -> None:
    """The phase timeline as a Gantt chart: fiscal years and phases across, one row per task,
    bars coloured by state, an as-of marker. Plain when piped, under NO_COLOR, or with --ascii.
    """
    loaded = _open(file, rev)
    _full, shown = _state(loaded, as_of, course, owner)
    from jtr.render.timeline import render_timeline

    sys.stdout.write(
        render_timeline(
            shown,
            lang=_lang(lang),
            width=_width(width),
            ascii_only=ascii_only,
            color=_color(ascii_only),
        )
    )


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: ids from the roadmap, with their titles as help."""
    try:
        from jtr.discover import find_roadmap
        from jtr.roadmap import open_roadmap

        model = open_roadmap(find_roadmap(ctx.params.get("file"))).model
    except Exception:  # completion must never print a traceback into the shell
        return []
    from jtr.i18n import detect_lang

    lang = detect_lang()
    return [
        (entity.id, kind.title(entity).get(lang))
        for kind, entity in entity_kinds.entries(model)
        if entity.id.startswith(incomplete)
    ]


@app.command()
def show(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            # written out, so that no command's start reads the catalog for it (test_kinds
            # checks that it names every kind `show` takes)
            help="A review item, task, course, working group, topic, owner or phase id.",
            autocompletion=_complete_ids,
        ),
    ],
    file: FileOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", help="text for people, json for tools.")
    ] = ShowFormat.text,
    lang: LangOption = None,
    width: WidthOption = None,
    rev: RevOption = None,
) -> None:
    """Everything about one review item (or task, course, working group, topic, owner, phase):
    現状, owners, working group and members, tasks with their full status history, goal
    images, decision and realisation dates.
    """
    loaded = _open(file, rev)
    full, _shown = _state(loaded, as_of, None, None)
    from jtr.render import show as render

    found = entity_kinds.find(loaded.model, ident)
    if found is None:
        import difflib

        ids = [e for e, _ in entity_kinds.all_ids(loaded.model)]
        close = difflib.get_close_matches(ident, ids, n=3, cutoff=0.5)
        hint = (
            f"; did you mean {' or '.join(repr(c) for c in close)}?"
            if close
            else "; `jtr list` prints the ids"
        )
        names = entity_kinds.names(entity_kinds.shown())
        raise fail(f"no {names} has the id {ident!r}{hint}")
    kind, entity = found
    if output_format is ShowFormat.json:
        sys.stdout.write(render.render_json(full, entity, kind))
    else:
        sys.stdout.write(
            render.render_text(
                full, entity, _lang(lang), width=_width(width), color=_color(), kind=kind
            )
        )


@app.command("list")
def list_ids(
    kind: Annotated[ListKind, typer.Option("--kind", help="What to list.")] = ListKind["items"],
    file: FileOption = None,
    lang: LangOption = None,
    output_format: Annotated[
        ShowFormat,
        typer.Option("--format", help="text: id and title per line; json: a list of objects."),
    ] = ShowFormat.text,
) -> None:
    """Ids and titles of the roadmap's items, tasks, courses, owners, phases, working groups or
    topics: the ids that `show` (and later commands) take."""
    loaded = _open(file)
    from jtr.render.show import list_entries, render_list

    entries = list_entries(loaded.model, kind.value, _lang(lang))
    sys.stdout.write(render_list(entries, output_format.value))


# Command groups kept in their own modules register themselves on `app` (their own imports
# stay inside the commands, so this costs the views next to nothing).
from jtr import cli_edit, cli_export, cli_review  # noqa: E402, F401


def main() -> None:
    app()
