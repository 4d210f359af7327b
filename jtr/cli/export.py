"""`jtr export`: the roadmap as a document, spreadsheet, web page, picture or calendar.

Registered on `jtr.cli.app` by jtr/cli/__init__.py. `jtr status` pays next to nothing for it:
importing this costs the option definitions and the format registry (jtr.export, which names
the formats without importing them); each exporter, and openpyxl, jinja2, icalendar, json, csv
or xml, is imported when its format is asked for.

Writing: with `-o FILE`, atomically (jtr.fileio.atomic_write: a temporary file in the same
folder, fsync, rename over the target, keeping an existing file's permissions), so a reader
never sees half a report. Only a regular file or a new path is written: a device, FIFO, socket
or folder is refused (renaming over /dev/null as root would replace it), and so is the roadmap
being read or its schema, however the path is spelt. Without `-o` (or with `-o -`), text
formats go to standard output as UTF-8 and a binary format (xlsx) is refused when standard
output is a terminal.

Exit codes: 0 written; 1 the roadmap is invalid (as for the other views); 2 usage error or
the output cannot be written.
"""

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from jtr.cli.options import (
    AsOfOption,
    BaselineOption,
    CourseFilter,
    DistrictFilter,
    FileOption,
    HillyFilter,
    LangOption,
    OwnerFilter,
    StateFilter,
    choices,
    chosen_lang,
    fail,
    open_baseline,
    open_roadmap,
    protected_outputs,
    select,
)
from jtr.export import EXPORTERS, FORMATS, format_for
from jtr.labels import message

# Every format of `jtr export`, in the registry's order (jtr.export.EXPORTERS).
ExportFormat = enum.Enum("ExportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


def export(
    output_format: Annotated[
        Optional[ExportFormat],  # noqa: UP045
        typer.Option(
            "--format",
            show_default=False,
            click_type=choices(ExportFormat),
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            show_default=False,
        ),
    ] = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    course: CourseFilter = None,
    owner: OwnerFilter = None,
    state: StateFilter = None,
    district: DistrictFilter = None,
    hilly: HillyFilter = None,
    baseline: BaselineOption = None,
) -> None:
    """Export the roadmap as of a date, for people who never open a terminal.

    markdown (status and tables, timeline as Mermaid), csv / tsv (one row per task; UTF-8 with
    BOM and CRLF for Excel), xlsx (Excel workbook), html (one self-contained page; prints on
    A4 landscape), svg (the timeline picture), mermaid (gantt), ics (iCalendar), json (the full
    roadmap with derived states; schema: jtr/export/roadmap-export.schema.json).
    --as-of, --lang, --course, --owner and --state work as for `jtr status`; --baseline REV
    (html) draws each task's span in that baseline as a second thin bar.

    Exit codes: 0 written; 1 the roadmap is invalid; 2 usage error or cannot write.
    """
    to_stdout = output is None or str(output) == "-"
    if output_format is None:
        guessed = None if to_stdout else format_for(str(output))
        if guessed is None:
            raise fail(message("cli_export_choose_format", formats=", ".join(FORMATS)))
        name = guessed
    else:
        name = output_format.value
    exporter = EXPORTERS[name]
    if baseline is not None and name != "html":
        raise fail(message("cli_baseline_html_only"))
    if to_stdout and exporter.binary and sys.stdout.isatty():
        raise fail(message("cli_export_binary", name=name, extension=exporter.extension))

    from jtr.fileio import UnsafeTarget, atomic_write, check_output

    try:
        if not to_stdout:
            assert output is not None
            check_output(output)  # a device, FIFO, socket or folder: refused before any work
        loaded = open_roadmap(file)
        _full, shown = select(loaded, as_of, course, owner, state, None, district, hilly)
        if not to_stdout:
            assert output is not None
            check_output(
                output,
                protected_outputs(loaded.path, loaded.document.head, "cli_protected_roadmap"),
            )
    except UnsafeTarget as exc:
        raise fail(str(exc)) from None
    opened = open_baseline(loaded, baseline)
    if opened is None:
        document = exporter.export(shown, chosen_lang(lang))
    else:
        from jtr.baseline import compare
        from jtr.export import html_report
        from jtr.render.slips import Against

        before, base = opened
        against = Against(compare(before.model, loaded.model), before.model, base)
        document = html_report.export(shown, chosen_lang(lang), against)
    data = document if isinstance(document, bytes) else document.encode("utf-8")

    if to_stdout:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream (some test harnesses)
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        return
    assert output is not None
    try:
        atomic_write(output, data)
    except UnsafeTarget as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(message("cli_cannot_write", file=output, reason=reason)) from None
    typer.echo(
        f"jtr: {message('cli_wrote', file=output, format=name, size=_size(len(data)))}", err=True
    )


def _size(count: int) -> str:
    if count < 10_000:
        return message("cli_bytes", count=count)
    return f"{count / 1024:.0f} KiB"


def register(app: typer.Typer) -> None:
    app.command()(export)
