"""`jtr setup-git`: configure the current repository so `git diff` shows plan-level lines."""

import shlex
from typing import Annotated

import typer

from jtr.cli.options import EXIT_OK, FileOption, LangOption, chosen_lang, fail, given_file


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
    """Configure this repository for jtr: the `.gitattributes` line `data/roadmap.yaml diff=jtr`
    (the roadmap's path in the repository; commit it) and `git config diff.jtr.textconv` with
    the absolute path of this jtr, so `git diff` and `git log -p` show plan-level lines.
    Running it again changes nothing.

    Exit codes: 0 configured (or already so, or shown with --dry-run); 2 no roadmap, not in a
    git repository, git missing, or .gitattributes unreadable.
    """
    from jtr.discover import RoadmapNotFound, display_path, find_roadmap
    from jtr.escape import terminal
    from jtr.labels import label
    from jtr.review.gitio import GitError
    from jtr.review.setup import CONFIG_KEY, apply, plan

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
    config = f"git config {CONFIG_KEY} {shlex.quote(setup.command)}"
    if setup.has_line:
        line_key = "setup_git_has_line"
    else:
        line_key = "setup_git_would_add" if dry_run else "setup_git_added"
    if setup.current == setup.command:
        config_key = "setup_git_has_config"
    else:
        config_key = "setup_git_would_run" if dry_run else "setup_git_ran"
    typer.echo(terminal(label(line_key, language).format(file=attributes, line=setup.line)))
    typer.echo(terminal(label(config_key, language).format(command=config)))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("setup-git")(setup_git)
