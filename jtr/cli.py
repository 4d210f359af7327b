"""The `jtr` command: parse options, call the core, pick a reporter, set the exit code."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from jtr import __version__

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


def fail(message: str) -> typer.Exit:
    typer.echo(f"jtr: error: {message}", err=True)
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
            help="text: file:line:col lines; json: for tools; github: Actions annotations.",
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
            typer.echo(f"jtr: error: {exc}", err=True)
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
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    for result in results:
        if not result.diagnostics and result.schema_file:
            typer.echo(f"{result.file}: valid (schema {result.schema_file})", err=True)
    if errors or warnings:
        files = len(results)
        typer.echo(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {files} file{'s' * (files != 1)}",
            err=True,
        )


def main() -> None:
    app()
