"""`jtr validate`: check roadmap files against the schema and jtr's rules."""

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from jtr.cli.options import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    FileOption,
    choices,
    fail,
    given_file,
    show_findings,
)

if TYPE_CHECKING:
    from jtr.validate import ValidationResult


class ValidateFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
        typer.Argument(show_default=False),
    ] = None,
    file: FileOption = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option("--format", click_type=choices(ValidateFormat)),
    ] = ValidateFormat.text,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
        ),
    ] = False,
    schema: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--schema",
        ),
    ] = None,
    max_bytes: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--max-bytes",
            min=1,
            metavar="N",
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
    from jtr.fileio import ReadError
    from jtr.reporters import REPORTERS, passes
    from jtr.validate import SchemaCache, validate_file

    if max_bytes is not None:  # for this command only (restored when it ends)
        from jtr.fileio import max_bytes_limit

        ctx.with_resource(max_bytes_limit(max_bytes))
    targets = list(paths or [])
    file = given_file(file)
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
            show_findings(exc.diagnostics)
            from jtr.labels import message

            fail(message("cli_schema_broken"))
            raise typer.Exit(EXIT_CANNOT_RUN) from None
    reporter = REPORTERS[output_format.value]()
    sys.stdout.write(reporter.render(results, strict))
    if output_format is ValidateFormat.text:
        _summary(results, strict)
    if cannot_run:
        raise typer.Exit(EXIT_CANNOT_RUN)
    raise typer.Exit(EXIT_OK if all(passes(r, strict) for r in results) else EXIT_FINDINGS)


def _summary(results: "list[ValidationResult]", strict: bool) -> None:
    """The counts, on standard error (the findings and each `valid` line are on standard
    output, from the reporter)."""
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    if errors or warnings:
        from jtr.labels import current_lang, message

        files = len(results)
        if current_lang() == "ja":
            text = message("cli_validate_counts", errors=errors, warnings=warnings, files=files)
        else:  # English counts its nouns
            text = message(
                "cli_validate_counts",
                errors=f"{errors} error{'s' * (errors != 1)}",
                warnings=f"{warnings} warning{'s' * (warnings != 1)}",
                files=f"{files} file{'s' * (files != 1)}",
            )
        typer.echo(text, err=True)


def register(app: typer.Typer) -> None:
    app.command()(validate)
