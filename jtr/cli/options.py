"""What every `jtr` command shares: the exit codes, the error line, the common options, opening
the roadmap, and the as-of, language, width and colour choices.

The command modules (validate, views, edit, export, review) import this module and the core,
never each other nor the `jtr.cli` package (tests/test_architecture.py checks it). Imported on
every start, so it imports nothing but typer and the standard library's light modules at
module level; the core is imported inside the functions that need it. No postponed
annotations: Typer reads these Annotated options at run time.
"""

import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from jtr.diagnostics import Diagnostic
    from jtr.roadmap import LoadedRoadmap
    from jtr.status import RoadmapState

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2


def fail(message: str) -> typer.Exit:
    """Print `jtr: error: MESSAGE` on one line (anything from a file or an argument in it shown
    visibly, never obeyed by the terminal) and return the exit for `raise`."""
    from jtr.escape import terminal

    typer.echo(f"jtr: error: {terminal(message)}", err=True)
    return typer.Exit(EXIT_CANNOT_RUN)


class Lang(str, enum.Enum):
    ja = "ja"
    en = "en"


FileOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--file", "-f", help="Roadmap file (default: $JTR_ROADMAP, else the nearest data/roadmap.yaml).",
        dir_okay=False, show_default=False,
    ),
]  # fmt: skip
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
StateFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--state",
        help="Only tasks in this state: overdue, delayed, on_hold, due, in_progress, not_yet_due, "
        "done, cancelled, planned, closed; repeatable.",
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
WrapOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--width",
        min=40,
        help="Wrap lines to this width in terminal cells (default: the terminal's; "
        "piped: one line per entry).",
        show_default=False,
    ),
]


def show_findings(diagnostics: "Iterable[Diagnostic]") -> None:
    """Each finding on its own line of standard error, as `jtr validate` prints it."""
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=True)


def invalid() -> NoReturn:
    """End a command on a roadmap with errors (its findings already printed): exit 1."""
    typer.echo("jtr: error: the roadmap is not valid; `jtr validate` lists every finding", err=True)
    raise typer.Exit(EXIT_FINDINGS)


def open_roadmap(file: Path | None, rev: str | None = None) -> "LoadedRoadmap":
    """The roadmap a command works on: the discovered file, or that file as committed at `rev`,
    through the one checked pipeline. A roadmap with errors ends the command (exit 1) with the
    findings `jtr validate` prints; a file that cannot be read, or a broken schema, exit 2."""
    from jtr.diagnostics import SchemaBroken
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.fileio import ReadError
    from jtr.roadmap import RoadmapInvalid, open_roadmap_bytes
    from jtr.roadmap import open_roadmap as open_file

    try:
        path = find_roadmap(file)
        if rev is None:
            return open_file(path, display_path(path))
        from jtr.review.gitio import GitError, read_at_revision

        try:
            raw = read_at_revision(path, rev)
        except GitError as exc:
            raise fail(str(exc)) from None
        return open_roadmap_bytes(raw, path, f"{display_path(path)}@{rev}")
    except (RoadmapNotFound, ReadError) as exc:
        raise fail(str(exc)) from None
    except SchemaBroken as exc:
        show_findings(exc.diagnostics)
        raise fail("the schema is broken; nothing was validated") from None
    except RoadmapInvalid as exc:
        show_findings(exc.diagnostics)
        invalid()


def as_of_date(value: str | None, start_month: int) -> dt.date:
    """`--as-of`: a date, or a fiscal year meaning its last day; today without it."""
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


def select(
    loaded: "LoadedRoadmap",
    as_of: str | None,
    course: list[str] | None = None,
    owner: list[str] | None = None,
    state: list[str] | None = None,
) -> "tuple[RoadmapState, RoadmapState]":
    """(the whole roadmap's state as of `--as-of`, the part the filters keep); a filter value
    the roadmap does not know ends the command (exit 2)."""
    from jtr.status import UnknownFilter, roadmap_state, select_state

    model = loaded.model
    full = roadmap_state(model, as_of_date(as_of, model.fiscal_year_start_month))
    try:
        return full, select_state(full, courses=course, owners=owner, states=state)
    except UnknownFilter as exc:
        raise fail(str(exc)) from None


def chosen_lang(value: Lang | None) -> str:
    """`--lang`, else the language of the locale."""
    from jtr.i18n import detect_lang

    return value.value if value is not None else detect_lang()


def use_color(plain: bool = False) -> bool:
    """Colour on a terminal, unless plain (--ascii), NO_COLOR or TERM=dumb; FORCE_COLOR forces."""
    import os

    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def wrap_width(value: int | None) -> int | None:
    """`--width`, else the terminal's when writing to one, else None (no wrapping): a list or a
    diff piped to another program keeps one line per entry."""
    return term_width(value) if value is not None or sys.stdout.isatty() else None


def term_width(value: int | None) -> int:
    """`--width`, else the terminal's, else $COLUMNS (40 or more), else 80."""
    import os
    import shutil

    if value is not None:
        return value
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else 80


Completion = Callable[[typer.Context, str], list[tuple[str, str]]]


def completion(*kinds: str) -> Completion:
    """Shell completion of the ids of these kinds of jtr.kinds (all shown kinds if none),
    from the roadmap, with their titles as help."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            from jtr.discover import find_roadmap
            from jtr.roadmap import open_roadmap as open_file

            model = open_file(find_roadmap(ctx.params.get("file"))).model
        except Exception:  # completion must never print a traceback into the shell
            return []
        from jtr.i18n import detect_lang
        from jtr.kinds import by_name, entries

        lang = detect_lang()
        chosen = tuple(by_name(kind) for kind in kinds) or None
        return [
            (entity.id, kind.title(entity).get(lang))
            for kind, entity in entries(model, chosen)
            if entity.id.startswith(incomplete)
        ]

    return complete


complete_ids = completion()
