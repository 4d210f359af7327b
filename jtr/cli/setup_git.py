"""`jtr setup-git`: configure the current repository so `git diff` shows plan-level lines and
`git merge` merges the roadmap by id; `jtr merge-driver`, the merge git then runs."""

import shlex
from pathlib import Path
from typing import Annotated

import typer

from jtr.cli.options import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    FileOption,
    LangOption,
    chosen_lang,
    fail,
    given_file,
)


def setup_git(
    file: FileOption = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Configure this repository for jtr: the `.gitattributes` line `data/roadmap.yaml diff=jtr
    merge=jtr` (the roadmap's path in the repository; commit it), `git config
    diff.jtr.textconv` with the absolute path of this jtr, so `git diff` and `git log -p` show
    plan-level lines, and `git config merge.jtr.driver` running `jtr merge-driver`, so `git
    merge` merges the roadmap by id. Running it again changes nothing.

    Exit codes: 0 configured (or already so, or shown with --dry-run); 2 no roadmap, not in a
    git repository, git missing, or .gitattributes unreadable.
    """
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.escape import terminal
    from jtr.labels import label
    from jtr.review.gitio import GitError
    from jtr.review.setup import apply, plan

    language = chosen_lang(lang)
    from jtr.fileio import ReadError, check_input

    try:
        roadmap = find_roadmap(given_file(file))
        check_input(roadmap, display_path(roadmap))  # a file that is there, not a typo
        setup = plan(roadmap)
        if not dry_run:
            apply(setup)
    except (RoadmapNotFound, ReadError, GitError) as exc:
        raise fail(str(exc)) from None
    attributes = display_path(setup.attributes)
    if setup.has_line:
        line_key = "setup_git_has_line"
    else:
        line_key = "setup_git_would_add" if dry_run else "setup_git_added"
    typer.echo(terminal(label(line_key, language).format(file=attributes, line=setup.line)))
    for setting in setup.settings:
        config = f"git config {setting.key} {shlex.quote(setting.wanted)}"
        if setting.current == setting.wanted:
            config_key = "setup_git_has_config"
        else:
            config_key = "setup_git_would_run" if dry_run else "setup_git_ran"
        typer.echo(terminal(label(config_key, language).format(command=config)))
    raise typer.Exit(EXIT_OK)


def merge_driver(
    ancestor: Annotated[Path, typer.Argument(metavar="ANCESTOR")],
    current: Annotated[Path, typer.Argument(metavar="CURRENT")],
    other: Annotated[Path, typer.Argument(metavar="OTHER")],
    path: Annotated[str, typer.Argument(metavar="PATH")],
    marker_size: Annotated[int | None, typer.Argument(metavar="MARKER_SIZE", min=1)] = None,
    lang: LangOption = None,
) -> None:
    """Used by git (`jtr setup-git` configures it): the three-way merge of the roadmap by id.
    git runs `jtr merge-driver %O %A %B %P %L`; the result is written over CURRENT.

    Records added to the same task on both sides are both kept in date order, different
    fields changed on each side are merged, and a field changed differently on both sides is
    left between conflict markers and named by id. A result that would not validate is left
    as a conflict; a version jtr cannot read is merged line by line by `git merge-file`.

    Exit codes: 0 merged; 1 conflicts left in CURRENT; 2 a file could not be read or
    written.
    """
    from jtr.edit.merge import MARKER_SIZE, run_driver
    from jtr.escape import terminal
    from jtr.fileio import atomic_write

    outcome = run_driver(ancestor, current, other, path, marker_size or MARKER_SIZE)
    for note in outcome.notes:
        typer.echo(terminal(note), err=True)
    if outcome.new is None:
        raise typer.Exit(EXIT_CANNOT_RUN)
    try:
        atomic_write(current, outcome.new)
    except OSError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(EXIT_OK if outcome.clean else EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    app.command("setup-git")(setup_git)
    app.command("merge-driver")(merge_driver)
