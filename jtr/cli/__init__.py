"""The `jtr` command: parse options, call the core, pick a renderer, set the exit code.

`app` is built here and each command module registers its commands on it, in the order the
help lists them. The layers (tests/test_architecture.py checks them):

- jtr/cli/options.py: what the commands share (exit codes, `fail`, the common options,
  opening the roadmap, as-of, language, width, colour, completion);
- jtr/cli/validate.py, views.py, edit.py, export.py, review.py: the commands; each imports
  `jtr.cli.options` and the core, never another command module nor this package;
- the core (jtr/* outside jtr/cli) never imports jtr.cli.

Everything heavy is imported inside the commands, so registering them all costs `jtr status`
next to nothing.
"""

from typing import Annotated

import typer

from jtr import __version__
from jtr.cli import edit, export, replies, review, setup_git, sheets, validate, views
from jtr.cli.app import JtrGroup, JtrTyper
from jtr.cli.options import AsOfOption, FileOption, LangOption, remember_globals, warn

# Help texts are the catalog's (jtr.catalog.help_text), put on the commands in the run's
# language by jtr.cli.app when the app starts.
app = JtrTyper(
    name="jtr",
    cls=JtrGroup,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from jtr.labels import message
        from jtr.schema import schema_engine

        typer.echo(f"jtr {__version__}")
        fast, precise = schema_engine()
        if fast is not None:
            typer.echo(message("cli_version_engine_rs", version=fast, precise=precise))
        else:
            typer.echo(message("cli_version_engine_python", precise=precise))
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True),
    ] = False,
    file: FileOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """jtr: the roadmap as living data.

    --file/-f, --lang and --as-of work before the command too (`jtr -f FILE --lang en status`);
    the command's own option wins.
    """
    remember_globals(ctx, file=file, lang=lang, as_of=as_of)
    from jtr import notices  # what the library finds to say (a schema it will not use), once

    notices.start_run(warn)


for _commands in (validate, views, edit, export, sheets, replies, review, setup_git):
    _commands.register(app)


# Options of the app that take a value: `jtr -f FILE status` names the command after it.
_VALUED = frozenset({"-f", "--file", "--lang", "--as-of"})


def command_named(args: list[str]) -> str | None:
    """The command a command line runs (`status` in `jtr -f x.yaml status --width 90`), or
    None when it names none, asks for the app's help or version, or is a completion request."""
    at = 0
    while at < len(args):
        token = args[at]
        if token in _VALUED:
            at += 2
            continue
        if token.startswith("-"):
            if token in ("-h", "--help", "--version") or token.endswith("-completion"):
                return None
            at += 1
            continue
        return token
    return None


def _name(info: typer.models.CommandInfo) -> str:
    callback = info.callback
    return info.name or (callback.__name__.replace("_", "-") if callback else "")


def main(prog_name: str | None = None) -> None:
    """The console script (and `python -m jtr`, as `jtr`). A command line that names a known command builds only that
    command: Typer builds every registered command on each start (about a millisecond each),
    which is start-up time a run of one command does not need. Help, completion and anything
    unknown build them all (the app's help lists them; "did you mean" needs their names)."""
    import os
    import sys

    from jtr.fileio import survive_console_encoding  # a cp932 console prints any text

    survive_console_encoding()
    name = None if os.environ.get("_JTR_COMPLETE") else command_named(sys.argv[1:])
    every = app.registered_commands
    only = [info for info in every if _name(info) == name]
    if only:
        app.registered_commands = only
    try:
        app(prog_name=prog_name)
    finally:
        app.registered_commands = every
