"""The command line's frame, in the run's language: the help pages and the usage errors.

`JtrTyper` is the app's Typer: its group and every command it registers are the classes below,
which write their help from the catalog (`jtr.catalog.help_text`, looked up by the command's
and the option's name: `help_<command>`, `opt_<command>_<option>`, else `opt_<option>`,
`arg_<command>_<argument>`) and wrap it to the terminal's width with jtr.render.lines, so
Japanese wraps between characters, nothing is cut with an ellipsis and nothing is hard-wrapped.

The language is chosen once, before anything is parsed (`choose_language`): `--lang` anywhere
on the command line, else $JTR_LANG, else the locale, else Japanese. A usage error (an unknown
command or option, a missing or bad value) keeps Click's usage line and its hint, then says
what is wrong as every jtr error does: `jtr: error: …`, in that language, exit 2.
"""

import difflib
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from jtr.labels import LABELS, message, set_lang

try:  # Typer 0.2x runs its own copy of click: its exceptions are the ones raised
    from typer._click import exceptions  # type: ignore[import-not-found,unused-ignore]
    from typer._click.utils import echo  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - a Typer on the upstream click
    from click import exceptions  # type: ignore[no-redef,unused-ignore]
    from click.utils import echo  # type: ignore[no-redef,unused-ignore]

# Click's classes differ between Typer's copy and click itself: commands, options and
# contexts are told apart by what they have, and typed loosely here.
Command = Any
Parameter = Any
Context = Any

# The placeholder an option's value is written as in the help (else from its type).
METAVARS = {
    "file": "PATH",
    "schema": "PATH",
    "output": "PATH",
    "files": "OLD NEW",
    "as_of": "DATE",
    "date": "DATE",
    "fiscal_year": "FY",
    "rev": "REV",
    "width": "N",
    "max_count": "N",
    "max_bytes": "BYTES",
    "wait": "SECONDS",
    "course": "COURSE",
    "owner": "OWNER",
    "state": "STATE",
    "note": "TEXT",
    "by": "NAME",
}


def choose_language(args: Sequence[str]) -> None:
    """`--lang ja|en` (or `--lang=…`) anywhere before `--`, else the environment's: chosen once
    for the whole run, the help and the usage errors included."""
    from jtr.labels import detect_lang

    chosen = None
    tokens = list(args)
    for index, token in enumerate(tokens):
        if token == "--":
            break
        value = None
        if token == "--lang" and index + 1 < len(tokens):
            value = tokens[index + 1]
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        if value in ("ja", "en"):
            chosen = value
    set_lang(chosen or detect_lang())


def _key(name: str) -> str:
    return name.replace("-", "_")


def command_key(ctx_path: Sequence[str]) -> str:
    """`help_<command>` of a command by its name (`help_jtr` for the app itself)."""
    return "help_" + _key(ctx_path[-1] if ctx_path else "jtr")


def is_argument(param: Parameter) -> bool:
    """An argument (Typer's are Parameters of their own, not click's Argument)."""
    return bool(param.param_type_name == "argument")


def is_option(param: Parameter) -> bool:
    return bool(param.param_type_name == "option")


def param_key(command: str, param: Parameter) -> str:
    """The catalog key of an option's or an argument's help: the command's own, else shared."""
    name = _key(param.name or "")
    if is_argument(param):
        return f"arg_{_key(command)}_{name}"
    own = f"opt_{_key(command)}_{name}"
    return own if own in LABELS else f"opt_{name}"


def _names(command: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Command]]:
    """(name, command) of the app and every command under it, hidden ones too."""
    yield (path[-1] if path else "jtr"), command
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _names(sub, (*path, name))


# The placeholder an argument is written as in the usage line.
ARGUMENTS = {"paths": "PATH", "ident": "ID", "rev_a": "REV_A", "rev_b": "REV_B", "path": "FILE"}

# A hidden spelling shares the help of the command it stands for.
ALIASES = {"realize": "realise"}


def localize(root: Command) -> None:
    """Put the catalog's help, in the run's language, on the app and every command and option:
    the help pages and shell completion's descriptions read it there."""
    for name, command in _names(root):
        name = ALIASES.get(name, name)
        command.help = message(command_key([name]))
        command.short_help = None
        for param in command.params:
            if is_option(param) and "--help" in param.opts:
                param.help = message("opt_help")
            elif is_argument(param) or is_option(param):
                param.help = message(param_key(name, param))


# ---- help pages -----------------------------------------------------------------------------


def terminal_width() -> int:
    """The terminal's width ($COLUMNS when set), at least 40."""
    return max(40, shutil.get_terminal_size((80, 24)).columns)


def _wrapped(text: str, width: int, indent: int = 0, first: str = "") -> list[str]:
    """`text` wrapped to `width` cells (Japanese between characters), each line after the
    first (or all, when `first` is empty) indented by `indent` spaces."""
    from jtr.render.lines import Line, wrap

    head = first if first else " " * indent
    pieces = wrap(Line((head + text, "")), width, hang=indent)
    return [piece.text.rstrip() for piece in pieces]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) if "\n" not in p.strip() else p for p in text.split("\n\n")]


def argument_name(param: Parameter) -> str:
    """`ID`, `[REV_A]`, `[PATH]...`: an argument as the usage line and help write it."""
    name = param.metavar or ARGUMENTS.get(param.name, (param.name or "").upper())
    name = name if param.required or name.startswith("[") else f"[{name}]"
    return f"{name}..." if param.nargs != 1 else name


def usage_line(ctx: Context) -> str:
    """`使い方: jtr status [オプション] ID` / `Usage: jtr status [OPTIONS] ID`."""
    command = ctx.command
    params = command.get_params(ctx)
    pieces = [message("usage_options_metavar")] if any(is_option(p) for p in params) else []
    pieces += [argument_name(p) for p in params if is_argument(p)]
    if hasattr(command, "commands"):
        pieces.append(message("usage_command_metavar"))
    return f"{message('usage_prefix')} {ctx.command_path} {' '.join(pieces)}".rstrip()


def _metavar(param: Parameter, ctx: Context) -> str:
    if getattr(param, "is_flag", False):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    name = param.name or ""
    if name in METAVARS:
        return METAVARS[name]
    return str(param.metavar or param.type.name).upper()


def _option_names(param: Parameter, ctx: Context) -> str:
    short = [o for o in param.opts if not o.startswith("--")]
    long = [o for o in param.opts if o.startswith("--")] + list(param.secondary_opts)
    names = ", ".join(short + long)
    if not short:
        names = "    " + names
    metavar = _metavar(param, ctx)
    return f"{names} {metavar}" if metavar else names


def _table(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns: the names, then their help wrapped under itself; names too long for the
    column put the help on the next line."""
    from jtr.render.lines import cell_len

    if not rows:
        return []
    column = min(max(cell_len(name) for name, _ in rows), max(12, width // 3)) + 4
    out: list[str] = []
    for name, text in rows:
        head = f"  {name}"
        if cell_len(head) + 2 > column:
            out.append(head)
            head = ""
        lead = head + " " * (column - cell_len(head))
        out.extend(_wrapped(text, width, column, first=lead))
    return out


def help_page(command: Command, ctx: Context) -> str:
    """The whole help of a command (or the app), in the run's language."""
    width = terminal_width()
    usage = usage_line(ctx)
    lines = [*_wrapped(usage, width, len(message("usage_prefix")) + 1, first=" "), ""]
    lines[0] = lines[0][1:]
    for paragraph in _paragraphs(command.help or ""):
        if "\n" in paragraph.strip():  # a list or an example: its lines as written
            for line in paragraph.strip("\n").splitlines():
                indent = 2 + len(line) - len(line.lstrip())
                head, _, rest = line.strip().partition(" ")
                hang = indent + len(head) + 1 if rest and len(head) <= 10 else indent + 2
                lines.extend(_wrapped(line.strip(), width, hang, first=" " * indent))
        else:
            lines.extend(_wrapped(paragraph, width, 2, first="  "))
        lines.append("")
    arguments = [(argument_name(p), p.help or "") for p in command.params if is_argument(p)]
    if arguments:
        lines.append(message("usage_arguments_heading"))
        lines.extend(_table(arguments, width))
        lines.append("")
    options = [
        (_option_names(p, ctx), message("opt_help") if "--help" in p.opts else p.help or "")
        for p in command.get_params(ctx)
        if is_option(p) and not p.hidden
    ]
    if options:
        lines.append(message("usage_options_heading"))
        lines.extend(_table(options, width))
        lines.append("")
    if hasattr(command, "commands"):
        commands = [
            (name, _paragraphs(sub.help or "")[0])
            for name, sub in command.commands.items()
            if not sub.hidden
        ]
        lines.append(message("usage_commands_heading"))
        lines.extend(_table(commands, width))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


class JtrCommand(TyperCommand):
    """A command whose help is jtr's (`help_page`)."""

    def format_help(self, ctx: Context, formatter: Any) -> None:
        formatter.write(help_page(self, ctx))

    def format_usage(self, ctx: Context, formatter: Any) -> None:
        formatter.write(usage_line(ctx) + "\n")


class JtrGroup(TyperGroup):
    """The app: chooses the language, localizes the help, and reports usage errors."""

    def format_help(self, ctx: Context, formatter: Any) -> None:
        formatter.write(help_page(self, ctx))

    def format_usage(self, ctx: Context, formatter: Any) -> None:
        formatter.write(usage_line(ctx) + "\n")

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        try:
            return self._click_resolve_command(ctx, args)
        except exceptions.UsageError as exc:
            if args and not exc.message.startswith("No such option"):
                exc.message = no_such_command(
                    args[0], [n for n, c in self.commands.items() if not c.hidden]
                )
            raise

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        choose_language(argv)
        localize(self)
        try:
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except exceptions.NoArgsIsHelpError as exc:
            echo(exc.ctx.get_help(), color=exc.ctx.color)
            return _leave(exc.exit_code, standalone_mode, exc)
        except exceptions.ClickException as exc:
            show_error(exc)
            return _leave(exc.exit_code, standalone_mode, exc)
        except typer.Abort as exc:
            echo(message("usage_aborted"), err=True)
            return _leave(1, standalone_mode, exc)
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return result


def _leave(code: int, standalone: bool, exc: BaseException) -> Any:
    if standalone:
        sys.exit(code)
    raise exc


class JtrTyper(typer.Typer):
    """The app's Typer: its commands are `JtrCommand`s."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", JtrCommand)
        return super().command(*args, **kwargs)


# ---- usage errors ---------------------------------------------------------------------------


def did_you_mean(typed: str, known: Sequence[str]) -> str:
    """` もしかして 'status' ですか` / ` Did you mean 'status'?`, or nothing."""
    close = difflib.get_close_matches(typed, list(known), n=3)
    if not close:
        return ""
    quoted = message("msg_or").join(repr(c) for c in close)
    return message("usage_did_you_mean", close=quoted)


def no_such_command(name: str, known: Sequence[str]) -> str:
    return message("usage_no_such_command", name=repr(name)) + did_you_mean(name, known)


def _param_hint(param: Parameter | None, fallback: str | None = None) -> str:
    if param is None:
        return fallback or ""
    if is_argument(param):
        return argument_name(param)
    return str(max(param.opts, key=len))


# Click's English, as its code writes it, for the errors that carry no fields of their own;
# `{…}` marks what is copied into the catalog's sentence.
_CLICK_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Option '(?P<name>[^']+)' requires an argument\.", "usage_needs_value"),
    (r"Option '(?P<name>[^']+)' requires (?P<count>\d+) arguments\.", "usage_needs_values"),
    (r"Option '(?P<name>[^']+)' does not take a value\.", "usage_takes_no_value"),
    (r"Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)\.?", "usage_extra_arguments"),
    (r"(?P<value>'.*') is not a valid (?:integer|int|int range)\.", "usage_not_an_integer"),
    (r"(?P<value>'.*') is not a valid (?:float|float range)\.", "usage_not_a_number"),
    (r"(?P<value>.*) is not in the range (?P<range>.*)\.", "usage_out_of_range"),
    (r"(?P<value>'.*') is not (?P<choice>'[^']*')\.", "usage_not_the_choice"),
    (r"(?P<value>'.*') is not one of (?P<choices>.*)\.", "usage_not_a_choice"),
    (r"Did you mean (?P<close>.*)\?", "usage_did_you_mean_sentence"),
    (r"Missing command\.", "usage_missing_command"),
)


def click_message(text: str) -> str:
    """Click's English sentence in the run's language, sentence by sentence; a sentence the
    catalog does not know stays as Click wrote it."""
    out = []
    for sentence in re.split(r"(?<=[.?])\s+(?=[A-Z'])", text.strip()):
        for pattern, key in _CLICK_MESSAGES:
            found = re.fullmatch(pattern, sentence)
            if found:
                fields = found.groupdict()
                if "range" in fields:
                    fields["range"] = fields["range"].replace("x>=", "≥ ").replace("x<=", "≤ ")
                out.append(message(key, **fields))
                break
        else:
            out.append(sentence)
    from jtr.labels import current_lang

    return ("" if current_lang() == "ja" else " ").join(out)


def usage_error_message(exc: exceptions.ClickException) -> str:
    """What is wrong, in the run's language."""
    if isinstance(exc, exceptions.NoSuchOption):
        known = sorted(exc.possibilities or ())
        text = message("usage_no_such_option", name=exc.option_name)
        return text + did_you_mean(exc.option_name, known) if known else text
    if isinstance(exc, exceptions.MissingParameter):
        hint = _param_hint(exc.param, exc.param_hint if isinstance(exc.param_hint, str) else None)
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        return message(
            f"usage_missing_{kind}"
            if kind in ("argument", "option")
            else "usage_missing_parameter",
            name=repr(hint),
        )
    if isinstance(exc, exceptions.BadParameter):
        hint = _param_hint(exc.param, exc.param_hint if isinstance(exc.param_hint, str) else None)
        return message("usage_bad_value", name=repr(hint), problem=click_message(exc.message))
    if isinstance(exc, exceptions.UsageError):
        return click_message(exc.message)
    return click_message(exc.format_message())


def show_error(exc: exceptions.ClickException) -> None:
    """A usage error as jtr writes errors: Click's usage line and hint (for a usage error),
    then `jtr: error: …` on one line, all on standard error."""
    from jtr.escape import terminal

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, exceptions.UsageError) and ctx is not None:
        echo(usage_line(ctx), err=True)
        echo(message("usage_try_help", command=f"{ctx.command_path} -h"), err=True)
    echo(f"jtr: {message('usage_error_word')}: {terminal(usage_error_message(exc))}", err=True)
