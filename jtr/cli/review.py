"""`jtr diff`, `jtr textconv` and `jtr history`: the roadmap across git revisions.

Registered on `jtr.cli.app` by jtr/cli/__init__.py. Everything heavy (subprocess, difflib, json, the
YAML parser) is imported inside the commands, so importing this module costs the views'
start-up nothing measurable.
"""

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from jtr.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    FileOption,
    LangOption,
    WidthOption,
    WrapOption,
    as_of_date,
    choices,
    chosen_lang,
    complete_ids,
    fail,
    given_file,
    term_width,
    use_color,
    wrap_width,
)
from jtr.labels import message

if TYPE_CHECKING:
    from jtr.review.gitio import RepoPath


class DiffFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class HistoryFormat(str, enum.Enum):
    text = "text"
    json = "json"


WORKING_TREE = "working tree"


def _roadmap_path(file: Path | None) -> Path:
    from jtr.discover import RoadmapNotFound, find_roadmap

    try:
        return find_roadmap(given_file(file))
    except RoadmapNotFound as exc:
        raise fail(str(exc)) from None


def _load(raw: bytes, name: str) -> dict[str, Any]:
    from jtr.diagnostics import LoadError
    from jtr.review.reading import load_revision

    try:
        return load_revision(raw, name)
    except LoadError as exc:
        first = exc.diagnostics[0].format() if exc.diagnostics else str(exc)
        raise fail(message("cli_cannot_compare", problem=first)) from None


def _sides(path: Path, rev_a: str | None, rev_b: str | None) -> tuple[str, bytes, str, bytes]:
    """(old name, old bytes, new name, new bytes) for the revision arguments of `jtr diff`."""
    from jtr.loader import ReadError, read_bytes
    from jtr.review.gitio import GitError, locate, merge_base, read_at_revision

    def at(rev: str | None) -> bytes:
        if rev is None:
            try:
                return read_bytes(path, str(path))
            except ReadError as exc:
                raise fail(str(exc)) from None
        return read_at_revision(path, rev)

    try:
        if rev_a is not None and rev_b is None and ".." in rev_a:
            left, dots, right = rev_a.partition("...") if "..." in rev_a else rev_a.partition("..")
            right = right or "HEAD"
            left = left or "HEAD"
            if dots == "...":
                repo = locate(path)
                left = merge_base(repo, left, right)
                name = f"{rev_a} (merge base {left[:10]})"
            else:
                name = left
            return name, at(left), right, at(right)
        old_rev = rev_a or "HEAD"
        return old_rev, at(old_rev), rev_b or WORKING_TREE, at(rev_b)
    except GitError as exc:
        raise fail(str(exc)) from None


def diff(
    rev_a: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
        typer.Argument(
            metavar="[REV_A]",
            show_default=False,
        ),
    ] = None,
    rev_b: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[REV_B]", show_default=False),
    ] = None,
    file: FileOption = None,
    files: Annotated[
        Optional[tuple[Path, Path]],  # noqa: UP045
        typer.Option(
            "--files",
            metavar="OLD NEW",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", click_type=choices(DiffFormat)),
    ] = DiffFormat.text,
    lang: LangOption = None,
    width: WrapOption = None,
) -> None:
    """What changed in the plan between two revisions of the roadmap (default: HEAD against
    the working tree), grouped by course and item: items and tasks added, removed, renamed or
    moved, status records, decisions and realisations, owners, fiscal years, text edits.

    Exit codes: 0 no differences; 1 differences; 2 jtr could not run (not a git repository,
    unknown revision, the file missing at a revision, a side that is not readable YAML).
    """
    from jtr.review import render
    from jtr.review.semantic import diff_roadmaps

    if files is not None:
        if rev_a is not None or rev_b is not None:
            raise fail(message("cli_revisions_or_files"))
        from jtr.loader import ReadError, read_bytes

        try:
            old_raw, new_raw = (read_bytes(p, str(p)) for p in files)
        except ReadError as exc:
            raise fail(str(exc)) from None
        old_name, new_name, shown = str(files[0]), str(files[1]), None
    else:
        path = _roadmap_path(file)
        old_name, old_raw, new_name, new_raw = _sides(path, rev_a, rev_b)
        from jtr.discover import display_path

        shown = display_path(path)
    old = _load(old_raw, f"{old_name}:{shown}" if shown else old_name)
    new = _load(new_raw, f"{new_name}:{shown}" if shown else new_name)
    result = diff_roadmaps(old, new)
    chosen = chosen_lang(lang)
    if output_format is DiffFormat.json:
        sys.stdout.write(render.render_json(result, old_name, new_name, shown))
    elif output_format is DiffFormat.markdown:
        sys.stdout.write(render.render_markdown(result, old_name, new_name, chosen))
    else:
        title = f"{shown}: {old_name}" if shown else old_name
        sys.stdout.write(
            render.render_text(
                result, title, new_name, chosen, color=use_color(), width=wrap_width(width)
            )
        )
    raise typer.Exit(EXIT_FINDINGS if result.changes else EXIT_OK)


def textconv(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
        ),
    ],
) -> None:
    """A canonical, one-fact-per-line rendering of a roadmap, for git's textconv, so that
    `git diff` and `git log -p` show plan-level lines. Turn it on with `jtr setup-git`.

    Exits 0 with output (git needs it): a file that cannot be read as YAML is printed as it
    is, with the reason on stderr. A file that cannot be read at all (missing, a broken link,
    a directory or another kind that is not a regular file, too big) exits 2 with
    `jtr: error: …`.
    """
    from jtr.loader import ReadError, read_bytes
    from jtr.review.textconv import textconv_bytes

    try:
        raw = read_bytes(path, str(path))
    except ReadError as exc:
        raise fail(str(exc)) from None
    body, error = textconv_bytes(raw, str(path))
    if error:
        typer.echo(error, err=True)
    sys.stdout.flush()
    sys.stdout.buffer.write(body)
    sys.stdout.buffer.flush()


def _repo(path: Path) -> "RepoPath":
    from jtr.review.gitio import GitError, locate

    try:
        return locate(path)
    except GitError as exc:
        raise fail(str(exc)) from None


def history(
    ident: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="[ID]",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    file: FileOption = None,
    output_format: Annotated[
        HistoryFormat,
        typer.Option("--format", click_type=choices(HistoryFormat)),
    ] = HistoryFormat.text,
    as_of: AsOfOption = None,
    max_count: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-count", "-n", min=1, show_default=False),
    ] = None,
    lang: LangOption = None,
    width: WidthOption = None,
    ascii_only: Annotated[
        bool,
        typer.Option(
            "--ascii",
        ),
    ] = False,
    district_tasks: Annotated[bool, typer.Option("--district-tasks")] = False,
) -> None:
    """The commits that changed the roadmap (or one item), newest first, with date, author and
    the semantic changes of each; then a burn-up of tasks done per fiscal year and over time.

    Exit codes: 0 shown; 2 jtr could not run (not a git repository, unknown id).
    """
    from jtr.access import plan_has
    from jtr.review import history as hist
    from jtr.review.gitio import GitError

    path = _roadmap_path(file)
    repo = _repo(path)
    try:
        versions = hist.versions(repo)
    except GitError as exc:
        raise fail(str(exc)) from None
    from jtr.discover import display_path

    shown = display_path(path)
    newest = next((v.new for v in versions if v.new is not None), None)
    if ident is not None and not _known(ident, versions):
        raise fail(message("cli_no_such_id_in_history", id=repr(ident), file=shown))
    listed = []
    for version in versions:
        if ident is not None:
            touched = version.diff.touching(ident)
            if not touched.changes and not (
                version.commit.old_blob is None and plan_has(version.new, ident)
            ):
                continue
            version = version._replace(diff=touched)
        listed.append(version)
    if max_count is not None:
        listed = listed[:max_count]
    start_month = _start_month(newest)
    day = as_of_date(as_of, start_month)
    bars = hist.by_fiscal_year(newest, ident, day, district_tasks)
    points = hist.over_time(versions, ident, district_tasks)
    if output_format is HistoryFormat.json:
        import json

        from jtr.escape import json_text

        payload = hist.history_json(shown, ident, listed, bars, points, day, district_tasks)
        text = json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2)
        sys.stdout.write(json_text(text) + "\n")
        return
    sys.stdout.write(
        hist.render_history_text(
            shown, ident, listed, bars, points, chosen_lang(lang),
            width=term_width(width), color=use_color(ascii_only), ascii_only=ascii_only,
            district_tasks=district_tasks,
        )
    )  # fmt: skip


def _start_month(data: dict[str, Any] | None) -> int:
    """The newest version's first month of the fiscal year, if it names one (4 if not)."""
    from jtr.access import int_at

    month = int_at(data, "meta", "fiscal_year_start_month")
    return month if month is not None and 1 <= month <= 12 else 4


def _known(ident: str, versions: list[Any]) -> bool:
    from jtr.access import plan_has

    return any(plan_has(v.new, ident) or plan_has(v.old, ident) for v in versions)


def register(app: typer.Typer) -> None:
    app.command()(diff)
    app.command()(textconv)
    app.command()(history)
