"""`jtr import`: the replies of reply workbooks (made by `jtr request`) into the roadmap.

Thin: jtr.sheets.reply reads and checks the workbooks, jtr.edit writes the records in one
locked, validated, atomic edit. Imported by jtr.cli on every start, so nothing heavy here.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from jtr.cli.options import (
    EXIT_CANNOT_RUN,
    FileOption,
    apply_edit,
    chosen_lang,
    fail,
    given_file,
    show_findings,
    warn,
)
from jtr.labels import message


def import_replies(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE.xlsx", show_default=False),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    file: FileOption = None,
    wait: Annotated[float, typer.Option("--wait", min=0, metavar="SECONDS")] = 60.0,
) -> None:
    """Import the replies of reply workbooks made by jtr request into the progress records."""
    from jtr.diagnostics import LoadError
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.edit.lines import decode_text
    from jtr.escape import terminal
    from jtr.fileio import ReadError, read_limited
    from jtr.loader import load_text
    from jtr.sheets.reply import ReplyError, prepare

    if wait != wait:  # NaN passes the option's x>=0 check
        raise fail(message("cli_wait_number"))
    lang = chosen_lang(None)
    try:
        path = find_roadmap(given_file(file))
    except RoadmapNotFound as exc:
        raise fail(str(exc)) from None
    display = display_path(path)
    try:
        raw, _info = read_limited(path, display)
        _bom, text = decode_text(raw, display)
        data = load_text(text, display)
    except ReadError as exc:
        raise fail(str(exc)) from None
    except LoadError as exc:
        show_findings(exc.diagnostics)
        raise fail(message("err_invalid_as_it_stands", name=display)) from None
    try:
        imported = prepare(files, raw, data, display, force, lang)
    except ReplyError as exc:
        word = message("usage_error_word")
        for problem in exc.problems:
            typer.echo(f"jtr: {word}: {terminal(problem)}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from None
    for conflict in imported.conflicts:
        warn(conflict)
    if not imported.edit.records:
        typer.echo(message("done_reply_nothing_new"), err=True)
        return

    outcome = apply_edit(path, imported.edit, display, dry_run, wait)
    if dry_run:
        sys.stdout.write(outcome.diff())
    # English has a singular; Japanese says 件 either way.
    keys = {
        (False, False): "done_reply_recorded",
        (False, True): "done_reply_recorded_one",
        (True, False): "done_reply_would_record",
        (True, True): "done_reply_would_record_one",
    }
    for book, count in imported.counts:
        key = keys[(dry_run, count == 1)]
        typer.echo(terminal(message(key, book=book, count=count)))


def register(app: typer.Typer) -> None:
    app.command("import")(import_replies)
