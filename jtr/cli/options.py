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
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from jtr.diagnostics import Diagnostic
    from jtr.model import Roadmap
    from jtr.review.baselines import Baseline
    from jtr.roadmap import LoadedRoadmap
    from jtr.status import RoadmapState

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2


def fail(message: str) -> typer.Exit:
    """Print `jtr: error: MESSAGE` on one line (anything from a file or an argument in it shown
    visibly, never obeyed by the terminal) and return the exit for `raise`."""
    from jtr.escape import terminal
    from jtr.labels import message as sentence

    typer.echo(f"jtr: {sentence('usage_error_word')}: {terminal(message)}", err=True)
    return typer.Exit(EXIT_CANNOT_RUN)


class Lang(str, enum.Enum):
    ja = "ja"
    en = "en"


def choices(kind: "type[enum.Enum]") -> Any:
    """The click type of an enum option such as `--format`: Typer's choice, whose error adds
    up to three close values ("did you mean 'table'?"); its completion offers the values."""
    from typer._types import TyperChoice  # Typer's own: tests/test_cli_options.py checks it

    values = [str(member.value) for member in kind]

    class SuggestingChoice(TyperChoice):  # type: ignore[type-arg]
        def get_invalid_choice_message(self, value: Any, ctx: Any) -> str:
            from jtr.labels import message
            from jtr.status import did_you_mean

            text = message(
                "usage_not_a_choice",
                value=repr(value),
                choices=", ".join(repr(v) for v in values),
            )
            hint = did_you_mean(str(value), values, chosen_lang(None))[2:]
            if not hint:
                return text
            return f"{text}{'' if chosen_lang(None) == 'ja' else ' '}{hint[:1].upper()}{hint[1:]}"

    return SuggestingChoice(values)


FileOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--file", "-f",
        show_default=False,
    ),
]  # fmt: skip
AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045
    typer.Option(
        "--lang",
        show_default=False,
        click_type=choices(Lang),
    ),
]  # fmt: skip
RevOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--rev",
        show_default=False,
    ),
]

WidthOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--width",
        min=40,
        show_default=False,
    ),
]
WrapOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--width",
        min=40,
        show_default=False,
    ),
]


# Options given before the command (`jtr -f FILE --lang en status`): the app's callback keeps
# them in the root context's `obj`; a command's own option, when given, wins.
GLOBAL_OPTIONS = "jtr-global-options"


def remember_globals(ctx: typer.Context, **values: object) -> None:
    """Keep the options given before the command for the command to fall back on."""
    ctx.ensure_object(dict)[GLOBAL_OPTIONS] = {k: v for k, v in values.items() if v is not None}


def global_option(name: str) -> object:
    """An option given before the command (`file`, `lang`, `as_of`), else None."""
    try:  # Typer 0.2x runs its own copy of click; tests/test_cli_options.py checks this works
        from typer.main import get_current_context  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - a Typer on the upstream click
        from click import get_current_context  # type: ignore[no-redef]

    ctx = get_current_context(silent=True)
    if ctx is None:
        return None
    root = ctx.find_root()
    found = root.obj.get(GLOBAL_OPTIONS, {}) if isinstance(root.obj, dict) else {}
    return found.get(name)


def given_file(file: Path | None) -> Path | None:
    """`--file` of the command, else the one given before it, else None (then discovery)."""
    if file is not None:
        return file
    found = global_option("file")
    return found if isinstance(found, Path) else None


def given_as_of(value: str | None) -> str | None:
    """`--as-of` of the command, else the one given before it."""
    if value is not None:
        return value
    found = global_option("as_of")
    return found if isinstance(found, str) else None


def _complete_courses(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--course`: every word a course is known by (id, Ⅰ, I, 1, 2024), with its title."""
    try:
        model = completion_model(ctx)
    except Exception:  # completion must never print a traceback into the shell
        return []
    from jtr.status import course_words

    lang = completion_lang(ctx)
    return [
        (word, course.title.get(lang))
        for course in model.courses
        for word in course_words(course)
        if word.startswith(incomplete)
    ]


def _complete_owners(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--owner`: the roadmap's owner ids, with their names."""
    try:
        model = completion_model(ctx)
    except Exception:
        return []
    lang = completion_lang(ctx)
    return [(o.id, o.name.get(lang)) for o in model.owners if o.id.startswith(incomplete)]


def _complete_states(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--state`: the derived states, timings and statuses, with their words."""
    from jtr.labels import label_or
    from jtr.status import state_words

    lang = completion_lang(ctx)
    return [(w, label_or(w, lang)) for w in state_words() if w.startswith(incomplete)]


def _complete_districts(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--district`: the registry's district ids, with their names (jtr.kinds' completion)."""
    return completion("district")(ctx, incomplete)


def _complete_baselines(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--baseline`: the ids of the roadmap's revision log, with their titles (any git
    revision is taken too; the shell completes those itself)."""
    try:
        model = completion_model(ctx)
    except Exception:  # completion must never print a traceback into the shell
        return []
    from jtr.access import text_at
    from jtr.review.baselines import revision_entries

    lang = completion_lang(ctx)
    found = []
    for entry in revision_entries(model.raw):
        ident = text_at(entry, "id")
        if ident is not None and ident.startswith(incomplete):
            found.append((ident, text_at(entry, "title", lang) or text_at(entry, "title") or ""))
    return found


BaselineOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--baseline",
        metavar="REV",
        show_default=False,
        autocompletion=_complete_baselines,
    ),
]
DistrictFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--district", metavar="DISTRICT", autocompletion=_complete_districts),
]
HillyFilter = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option("--hilly/--not-hilly", show_default=False),
]
CourseFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--course",
        autocompletion=_complete_courses,
    ),
]
OwnerFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--owner",
        autocompletion=_complete_owners,
    ),
]
StateFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--state",
        autocompletion=_complete_states,
    ),
]


def show_findings(diagnostics: "Iterable[Diagnostic]") -> None:
    """Each finding on its own line of standard error, as `jtr validate` prints it."""
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=True)


def invalid() -> NoReturn:
    """End a command on a roadmap with errors (its findings already printed): exit 1."""
    from jtr.labels import message

    typer.echo(f"jtr: {message('usage_error_word')}: {message('cli_roadmap_invalid')}", err=True)
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
        path = find_roadmap(given_file(file))
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
        from jtr.labels import message

        raise fail(message("cli_schema_broken")) from None
    except RoadmapInvalid as exc:
        show_findings(exc.diagnostics)
        invalid()


def open_baseline(
    loaded: "LoadedRoadmap", name: str | None, rev: str | None = None, *, needed: bool = False
) -> "tuple[LoadedRoadmap, Baseline] | None":
    """The baseline `--baseline` names (jtr.review.baselines: a git revision, or a revision id
    of the log), read from git through the one checked pipeline, with what named it. Without
    `--baseline`: None, or when `needed`, the one the latest revision entry names (a usage
    error if there is none). Unknown, outside git, or invalid: the command ends, naming it."""
    from jtr.discover import display_path
    from jtr.labels import message
    from jtr.review import baselines
    from jtr.review.gitio import GitError, read_at_revision
    from jtr.roadmap import RoadmapInvalid, open_roadmap_bytes

    path = loaded.path
    try:
        if name is not None:
            found: Baseline | None = baselines.resolve(path, name, rev)
        elif needed:
            found = baselines.default(path, loaded.document.data, rev)
            if found is None:
                raise fail(message("cli_baseline_none"))
        else:
            return None
        assert found is not None
        raw = read_at_revision(path, found.commit)
    except GitError as exc:
        raise fail(str(exc)) from None
    shown = f"{display_path(path)}@{found.name}"
    try:
        return open_roadmap_bytes(raw, path, shown), found
    except RoadmapInvalid as exc:
        show_findings(exc.diagnostics)
        typer.echo(
            f"jtr: {message('usage_error_word')}: "
            + message("cli_baseline_invalid", rev=repr(found.name), commit=found.short),
            err=True,
        )
        raise typer.Exit(EXIT_FINDINGS) from None


def as_of_date(value: str | None, start_month: int, lang: "Lang | str | None" = None) -> dt.date:
    """`--as-of` (the command's, else the one before it): a date, or a fiscal year meaning its
    last day; today without it."""
    from jtr.fiscal import (
        FiscalYearError,
        NoSuchDay,
        fiscal_year_end,
        parse_date,
        parse_fiscal_year,
    )
    from jtr.labels import label

    value = given_as_of(value)
    if value is None:
        return dt.date.today()
    chosen = chosen_lang(lang)
    try:
        return parse_date(value, chosen)
    except NoSuchDay as exc:
        raise fail(f"--as-of: {exc}") from None
    except FiscalYearError:
        pass
    try:
        return fiscal_year_end(parse_fiscal_year(value), start_month)
    except FiscalYearError:
        raise fail(f"--as-of {value!r}: " + label("msg_as_of_format", chosen)) from None


def warn(message: str) -> None:
    """`jtr: warning: MESSAGE` on standard error (data text shown visibly)."""
    from jtr.escape import terminal
    from jtr.labels import message as sentence

    typer.echo(f"jtr: {sentence('usage_warning_word')}: {terminal(message)}", err=True)


def warn_far_date(
    option: str, day: dt.date, first: int, last: int, start_month: int, lang: str | None = None
) -> None:
    """Warn when a date typed by the user lies more than a year outside the roadmap's fiscal
    years `first`..`last` (a typo such as 2052 for 2025); the command goes on."""
    from jtr.fiscal import fiscal_year_end, fiscal_year_start, label
    from jtr.labels import label as word

    start, end = fiscal_year_start(first, start_month), fiscal_year_end(last, start_month)
    if start - dt.timedelta(days=365) <= day <= end + dt.timedelta(days=365):
        return
    lang = lang or chosen_lang(None)
    warn(
        word("msg_far_date", lang).format(
            option=option, date=day, first=label(first, lang), last=label(last, lang)
        )
    )


def select(
    loaded: "LoadedRoadmap",
    as_of: str | None,
    course: list[str] | None = None,
    owner: list[str] | None = None,
    state: list[str] | None = None,
    lang: "Lang | None" = None,
    district: list[str] | None = None,
    hilly: bool | None = None,
) -> "tuple[RoadmapState, RoadmapState]":
    """(the whole roadmap's state as of `--as-of`, the part the filters keep); a filter value
    the roadmap does not know ends the command (exit 2)."""
    from jtr.status import UnknownFilter, roadmap_state, select_state

    model = loaded.model
    start_month = model.fiscal_year_start_month
    day = as_of_date(as_of, start_month, lang)
    if given_as_of(as_of) is not None:
        first, last = roadmap_years(model)
        warn_far_date("--as-of", day, first, last, start_month, chosen_lang(lang))
    full = roadmap_state(model, day)
    try:
        return full, select_state(
            full,
            courses=course,
            owners=owner,
            states=state,
            districts=district,
            hilly=hilly,
            lang=chosen_lang(lang),
        )
    except UnknownFilter as exc:
        raise fail(str(exc)) from None


def protected_outputs(roadmap: Path, head: str, what: str) -> list[tuple[Path, str]]:
    """The files an `-o` must never name: the roadmap being read (`what`: the catalog's words
    for it) and the schema it is checked against, found as validation finds it."""
    from jtr.discover import display_path
    from jtr.fileio import ReadError
    from jtr.labels import message
    from jtr.schemaline import declared_schema_path, packaged_schema_path

    protected = [(roadmap, message(what, file=display_path(roadmap)))]
    try:
        schema = declared_schema_path(roadmap, head) or packaged_schema_path()
    except ReadError:
        return protected
    protected.append((schema, message("cli_protected_schema", file=display_path(schema))))
    return protected


def apply_edit(path: Path, edit: Any, display: str, dry_run: bool, wait: float) -> Any:
    """Apply an edit of jtr.edit under the file's lock (saying once that it waits), or end the
    command: refused (exit 2), or invalid with its findings printed (exit 1, nothing written).
    Returns the Outcome, its warnings printed."""
    from jtr.edit import EditError, EditInvalid, apply
    from jtr.labels import message

    def waiting() -> None:
        typer.echo(f"jtr: {message('cli_waiting', file=display, seconds=f'{wait:g}')}", err=True)

    try:
        outcome = apply(path, edit, display=display, dry_run=dry_run, on_wait=waiting, wait=wait)
    except EditError as exc:
        raise fail(str(exc)) from None
    except EditInvalid as exc:
        show_findings(exc.diagnostics)
        typer.echo(
            f"jtr: {message('usage_error_word')}: {message('cli_nothing_written', problem=exc)}",
            err=True,
        )
        raise typer.Exit(EXIT_FINDINGS) from None
    for warning in outcome.warnings:
        typer.echo(warning.format(), err=True)
    return outcome


def roadmap_years(model: "Roadmap") -> tuple[int, int]:
    """(first, last) fiscal year of the roadmap's period (`meta.period`)."""
    return model.period.start, model.period.end


def chosen_lang(value: "Lang | str | None") -> str:
    """`--lang` of the command, else the one given before it, else the language chosen for
    this run (jtr.labels.current_lang: $JTR_LANG, else the locale, else Japanese)."""
    from jtr.labels import current_lang

    if value is None:
        value = global_option("lang")  # type: ignore[assignment]
    if isinstance(value, Lang):
        return value.value
    if isinstance(value, str) and value in ("ja", "en"):
        return value
    return current_lang()


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


def _root_param(ctx: typer.Context, name: str) -> object:
    """A parameter of the command line being completed: the command's, else the one given
    before the command."""
    value = (getattr(ctx, "params", None) or {}).get(name)
    if value is None and hasattr(ctx, "find_root"):
        value = (ctx.find_root().params or {}).get(name)
    return value


def completion_model(ctx: typer.Context) -> "Roadmap":
    """The roadmap the command line being completed names (its -f, before or after the
    command, else the discovered one)."""
    from jtr.discover import find_roadmap
    from jtr.roadmap import open_roadmap as open_file

    file = _root_param(ctx, "file")
    return open_file(find_roadmap(Path(str(file)) if file is not None else None)).model


def completion_lang(ctx: typer.Context) -> str:
    lang = _root_param(ctx, "lang")
    return chosen_lang(lang if isinstance(lang, (Lang, str)) else None)


Completion = Callable[[typer.Context, str], list[tuple[str, str]]]


def completion(*kinds: str) -> Completion:
    """Shell completion of the ids of these kinds of jtr.kinds (all shown kinds if none),
    from the roadmap, with their titles as help."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            model = completion_model(ctx)
        except Exception:  # completion must never print a traceback into the shell
            return []
        from jtr.kinds import by_name, entries

        lang = completion_lang(ctx)
        chosen = tuple(by_name(kind) for kind in kinds) or None
        return [
            (entity.id, kind.title(entity).get(lang))
            for kind, entity in entries(model, chosen)
            if entity.id.startswith(incomplete)
        ]

    return complete


complete_ids = completion()
