"""`jtr request`: the request workbook (照会票) for a respondent to fill in and send back.

Registered on `jtr.cli.app` by jtr/cli/__init__.py. The workbook is made by
jtr.sheets.request (openpyxl, imported when the command runs); this module parses the options,
chooses the respondents and writes each workbook atomically (jtr.fileio.atomic_write), never
over the roadmap or its schema. With `--split`, each workbook is `<id>.xlsx` in the -o folder,
created if missing, and nothing is written outside it.

Exit codes: 0 written; 1 the roadmap is invalid; 2 usage error or cannot write.
"""

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from jtr.cli.options import (
    AsOfOption,
    CourseFilter,
    FileOption,
    LangOption,
    choices,
    chosen_lang,
    completion,
    fail,
    open_roadmap,
    protected_outputs,
    select,
)

if TYPE_CHECKING:
    from jtr.status import RoadmapState


class Split(str, enum.Enum):
    owner = "owner"
    district = "district"


def _complete_owners(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return completion("owner")(ctx, incomplete)


def _complete_districts(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return completion("district")(ctx, incomplete)


def request(
    output: Annotated[Path, typer.Option("--output", "-o", show_default=False)],
    owner: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--owner", show_default=False, autocompletion=_complete_owners),
    ] = None,
    district: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--district", metavar="DISTRICT", show_default=False, autocompletion=_complete_districts
        ),
    ] = None,
    split: Annotated[
        Optional[Split],  # noqa: UP045
        typer.Option("--split", show_default=False, click_type=choices(Split)),
    ] = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    course: CourseFilter = None,
) -> None:
    """Write a request workbook (照会票) for a respondent: one row per task, yellow cells to
    answer in; `jtr import` reads it back.

    Exit codes: 0 written; 1 the roadmap is invalid; 2 usage error or cannot write.
    """
    from jtr.labels import message

    if split is not None and (owner is not None or district is not None):
        raise fail(message("cli_request_split_alone"))
    if owner is not None and district is not None:
        raise fail(message("cli_request_one_respondent"))
    from jtr.fileio import UnsafeTarget, check_output

    try:
        if split is None:
            check_output(output)  # a device, FIFO, socket or folder: refused before any work
        elif output.exists() and not output.is_dir():
            raise fail(message("cli_request_not_folder", file=output))
        loaded = open_roadmap(file)
        _full, shown = select(
            loaded,
            as_of,
            course,
            [owner] if owner is not None else None,
            lang=lang,
            district=[district] if district is not None else None,
        )
        protected = protected_outputs(
            loaded.path, loaded.document.head, "cli_request_protected_roadmap"
        )
        if split is None:
            check_output(output, protected)
    except UnsafeTarget as exc:
        raise fail(str(exc)) from None
    source = _source(loaded.path, loaded.document.file)
    chosen = chosen_lang(lang)
    if split is None:
        kind = "owner" if owner is not None else "district" if district is not None else "all"
        _write(output, shown, source, chosen, kind, owner or district)
        return
    from jtr.status import filter_state, restrict_districts

    model = loaded.model
    folder = output
    targets: list[tuple[Path, RoadmapState, str]] = []
    ids = [o.id for o in model.owners] if split is Split.owner else [d.id for d in model.districts]
    for ident in ids:
        if not _safe_name(ident):
            raise fail(message("cli_request_bad_name", id=repr(ident)))
        if split is Split.owner:
            mine = filter_state(shown, owners={ident})
        else:
            mine = restrict_districts(shown, {ident})
        targets.append((folder / f"{ident}.xlsx", mine, ident))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, _state, _ident in targets:
            check_output(path, protected)
    except UnsafeTarget as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(message("cli_cannot_write", file=folder, reason=reason)) from None
    for path, mine, ident in targets:
        _write(path, mine, source, chosen, split.value, ident)


def _write(
    path: Path, state: "RoadmapState", source: bytes, lang: str, kind: str, ident: str | None
) -> None:
    from jtr.fileio import UnsafeTarget, atomic_write
    from jtr.labels import message
    from jtr.sheets.request import request_workbook

    data, count = request_workbook(state, source, lang, kind, ident)
    try:
        atomic_write(path, data)
    except UnsafeTarget as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(message("cli_cannot_write", file=path, reason=reason)) from None
    typer.echo(f"jtr: {message('cli_request_wrote', file=path, rows=count)}", err=True)


def _safe_name(ident: str) -> bool:
    """Whether an id can name a file in the folder, and only there."""
    return (
        bool(ident)
        and Path(ident).name == ident
        and not ident.startswith(".")
        and ("/" not in ident and "\\" not in ident and ":" not in ident)
    )


def _source(path: Path, name: str) -> bytes:
    """The roadmap file's bytes, whose sha256 the workbook keeps."""
    from jtr.fileio import ReadError, read_limited

    try:
        return read_limited(path, name)[0]
    except ReadError as exc:
        raise fail(str(exc)) from None


def register(app: typer.Typer) -> None:
    app.command()(request)
