"""The views: `jtr status`, `jtr timeline`, `jtr show`, `jtr list`. Each opens the roadmap,
asks the core for its state as of a date, and hands it to a renderer of jtr.render."""

import enum
import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from jtr import kinds as entity_kinds  # the registry of kinds (imports nothing): `list --kind`

if TYPE_CHECKING:
    from jtr.render.slips import Against
    from jtr.roadmap import LoadedRoadmap
from jtr.cli.options import (
    EXIT_FINDINGS,
    AsOfOption,
    BaselineOption,
    CourseFilter,
    DistrictFilter,
    FileOption,
    HillyFilter,
    LangOption,
    OwnerFilter,
    RevOption,
    StateFilter,
    WidthOption,
    WrapOption,
    choices,
    chosen_lang,
    complete_ids,
    fail,
    open_baseline,
    open_roadmap,
    select,
    term_width,
    use_color,
    wrap_width,
)


class StatusFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ShowFormat(str, enum.Enum):
    text = "text"
    json = "json"


# `jtr list --kind`: the plural of each listed kind of the registry (`working-groups`)
ListKind = enum.Enum(  # type: ignore[misc]
    "ListKind", {k.plural: k.plural for k in entity_kinds.listed() if k.plural}, type=str
)


def status(
    file: FileOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            click_type=choices(StatusFormat),
        ),
    ] = StatusFormat.table,
    lang: LangOption = None,
    course: CourseFilter = None,
    owner: OwnerFilter = None,
    state: StateFilter = None,
    district: DistrictFilter = None,
    hilly: HillyFilter = None,
    rev: RevOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
        ),
    ] = False,
    width: WidthOption = None,
    baseline: BaselineOption = None,
    max_slip: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-slip", min=0, show_default=False),
    ] = None,
) -> None:
    """Where the roadmap stands as of a date: per course, tasks by state, percent done, items
    decided or realised against the course goal, and the items that need attention.

    Exit codes: 0 shown (with --check: nothing overdue, no goal missed, no task slipped more
    than --max-slip); 1 --check found something, or the roadmap is invalid; 2 jtr could not run.
    """
    if max_slip is not None and not check:
        from jtr.labels import message

        raise fail(message("cli_max_slip_needs_check"))
    loaded = open_roadmap(file, rev)
    against = _against(loaded, baseline, rev, needed=max_slip is not None)
    _full, shown = select(loaded, as_of, course, owner, state, lang, district, hilly)
    chosen = chosen_lang(lang)
    from jtr.render import status as render

    over = []
    if against is not None and max_slip is not None:  # of the tasks the filters keep
        from jtr.baseline import in_view

        over = [c for c in against.comparison.over(max_slip) if in_view(c, shown)]
    if output_format is StatusFormat.json:
        sys.stdout.write(render.render_json(shown, against, max_slip))
    elif output_format is StatusFormat.markdown:
        sys.stdout.write(render.render_markdown(shown, chosen, against))
    else:
        sys.stdout.write(
            render.render_table(
                shown, chosen, width=term_width(width), color=use_color(), against=against
            )
        )
    if check and over:
        from jtr.labels import message

        for change in over:
            typer.echo(
                f"jtr: {message('cli_slip_over', id=change.id, slip=change.slip, max=max_slip)}",
                err=True,
            )
    if check and (shown.overdue or shown.goals_missed or over):
        raise typer.Exit(EXIT_FINDINGS)


def _against(
    loaded: "LoadedRoadmap", baseline: str | None, rev: str | None, *, needed: bool = False
) -> "Against | None":
    """The view's baseline (`--baseline`, or when `needed` the one the revision log names),
    compared with the plan shown; None without one."""
    opened = open_baseline(loaded, baseline, rev, needed=needed)
    if opened is None:
        return None
    from jtr.baseline import compare
    from jtr.render.slips import Against

    base_loaded, base = opened
    return Against(compare(base_loaded.model, loaded.model), base_loaded.model, base)


def timeline(
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    course: CourseFilter = None,
    owner: OwnerFilter = None,
    width: WidthOption = None,
    ascii_only: Annotated[
        bool,
        typer.Option(
            "--ascii",
        ),
    ] = False,
    district: DistrictFilter = None,
    hilly: HillyFilter = None,
    rev: RevOption = None,
    baseline: BaselineOption = None,
) -> None:
    """The phase timeline as a Gantt chart: fiscal years and phases across, one row per task,
    bars coloured by state, an as-of marker. Plain when piped, under NO_COLOR, or with --ascii.
    """
    loaded = open_roadmap(file, rev)
    against = _against(loaded, baseline, rev)
    _full, shown = select(loaded, as_of, course, owner, lang=lang, district=district, hilly=hilly)
    from jtr.render.timeline import render_timeline

    sys.stdout.write(
        render_timeline(
            shown,
            lang=chosen_lang(lang),
            width=term_width(width),
            ascii_only=ascii_only,
            color=use_color(ascii_only),
            against=against,
        )
    )


def show(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            # written out, so that no command's start reads the catalog for it (test_kinds
            # checks that it names every kind `show` takes)
            autocompletion=complete_ids,
        ),
    ],
    file: FileOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ShowFormat,
        typer.Option("--format", click_type=choices(ShowFormat)),
    ] = ShowFormat.text,
    lang: LangOption = None,
    width: WidthOption = None,
    district: DistrictFilter = None,
    hilly: HillyFilter = None,
    rev: RevOption = None,
    baseline: BaselineOption = None,
) -> None:
    """Everything about one review item (or task, course, working group, topic, owner, phase):
    現状, owners, working group and members, tasks with their full status history, goal
    images, decision and realisation dates.
    """
    loaded = open_roadmap(file, rev)
    against = _against(loaded, baseline, rev)
    full, shown = select(loaded, as_of, lang=lang, district=district, hilly=hilly)
    if district or hilly is not None:  # the tasks as seen from those districts
        full = shown
    from jtr.render import show as render

    found = entity_kinds.find(loaded.model, ident)
    if found is None:
        raise fail(entity_kinds.not_found(loaded.model, ident))
    kind, entity = found
    if output_format is ShowFormat.json:
        sys.stdout.write(render.render_json(full, entity, kind, against=against))
    else:
        sys.stdout.write(
            render.render_text(
                full,
                entity,
                chosen_lang(lang),
                width=term_width(width),
                color=use_color(),
                kind=kind,
                against=against,
            )
        )


class SlipsFormat(str, enum.Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"


def slips(
    baseline: BaselineOption = None,
    file: FileOption = None,
    output_format: Annotated[
        SlipsFormat,
        typer.Option("--format", click_type=choices(SlipsFormat)),
    ] = SlipsFormat.text,
    lang: LangOption = None,
    width: WidthOption = None,
    rev: RevOption = None,
) -> None:
    """What the plan moved against a baseline: the tasks and items that slipped, were added
    or removed, with how many fiscal years each moved, most slipped first. Without --baseline,
    the baseline the latest entry of the roadmap's revision log names."""
    loaded = open_roadmap(file, rev)
    against = _against(loaded, baseline, rev, needed=True)
    assert against is not None
    from jtr.render import slips as render

    chosen = chosen_lang(lang)
    comparison, before, base = against
    now = loaded.model
    if output_format is SlipsFormat.json:
        sys.stdout.write(render.render_json(comparison, now, before, base))
    elif output_format is SlipsFormat.markdown:
        sys.stdout.write(render.render_markdown(comparison, now, before, base, chosen))
    elif output_format is SlipsFormat.csv:
        sys.stdout.write(render.render_csv(comparison, now, before, chosen))
    else:
        sys.stdout.write(
            render.render_text(
                comparison, now, before, base, chosen, width=term_width(width), color=use_color()
            )
        )


def list_ids(
    kind: Annotated[
        ListKind,
        typer.Option("--kind", click_type=choices(ListKind)),
    ] = ListKind["items"],
    file: FileOption = None,
    lang: LangOption = None,
    output_format: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            click_type=choices(ShowFormat),
        ),
    ] = ShowFormat.text,
    width: WrapOption = None,
) -> None:
    """Ids and titles of the roadmap's items, tasks, courses, owners, phases, working groups or
    topics: the ids that `show` (and later commands) take."""
    loaded = open_roadmap(file)
    from jtr.render.show import list_entries, render_list

    entries = list_entries(loaded.model, kind.value, chosen_lang(lang))
    sys.stdout.write(render_list(entries, output_format.value, wrap_width(width)))


def readings(
    file: FileOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", click_type=choices(StatusFormat)),
    ] = StatusFormat.table,
    lang: LangOption = None,
    width: WidthOption = None,
    rev: RevOption = None,
) -> None:
    """Every reading of the seed, by the seed's page, with the values it decides."""
    loaded = open_roadmap(file, rev)
    from jtr.render import readings as render

    model = loaded.model
    if output_format is StatusFormat.json:
        sys.stdout.write(render.render_json(model))
    elif output_format is StatusFormat.markdown:
        sys.stdout.write(render.render_markdown(model, chosen_lang(lang)))
    else:
        sys.stdout.write(
            render.render_text(model, chosen_lang(lang), width=term_width(width), color=use_color())
        )


class DistrictsFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


def districts(
    ident: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[ID]", autocompletion=complete_ids, show_default=False),
    ] = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        DistrictsFormat,
        typer.Option("--format", click_type=choices(DistrictsFormat)),
    ] = DistrictsFormat.table,
    lang: LangOption = None,
    width: WidthOption = None,
    ascii_only: Annotated[bool, typer.Option("--ascii")] = False,
    rev: RevOption = None,
) -> None:
    """The district × task matrix of the district-scoped tasks; with a task or item id, its
    tasks only; with a district id, that district's view of the whole plan."""
    loaded = open_roadmap(file, rev)
    full, _shown = select(loaded, as_of, lang=lang)
    chosen = chosen_lang(lang)
    only = None
    if ident is not None:
        found = entity_kinds.find(loaded.model, ident)
        if found is None:
            raise fail(entity_kinds.not_found(loaded.model, ident))
        kind, entity = found
        if kind.name == "district":
            from jtr.render import show as render_show

            if output_format is DistrictsFormat.json:
                sys.stdout.write(render_show.render_json(full, entity, kind))
            else:
                sys.stdout.write(
                    render_show.render_text(
                        full, entity, chosen, width=term_width(width), color=use_color(), kind=kind
                    )
                )
            return
        if kind.name == "task":
            only = {entity.id}
        elif kind.name == "item":
            only = {t.id for t in entity.tasks}
        else:
            from jtr.labels import message

            raise fail(message("cli_districts_of_what", id=repr(ident)))
    from jtr.render import districts as render

    if output_format is DistrictsFormat.json:
        sys.stdout.write(render.render_json(full, only))
    elif output_format is DistrictsFormat.markdown:
        sys.stdout.write(render.render_markdown(full, chosen, only))
    elif output_format is DistrictsFormat.csv:
        sys.stdout.write(render.render_csv(full, chosen, only))
    else:
        sys.stdout.write(
            render.render_text(
                full,
                chosen,
                width=term_width(width),
                color=use_color(ascii_only),
                ascii_only=ascii_only,
                only=only,
            )
        )


def register(app: typer.Typer) -> None:
    app.command()(status)
    app.command()(timeline)
    app.command()(show)
    app.command("list")(list_ids)
    app.command()(readings)
    app.command()(districts)
    app.command()(slips)
