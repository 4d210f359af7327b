"""Exports of the roadmap for people who never open a terminal, and for other tools.

Council meetings, branch offices and residents' councils read documents, spreadsheets, web
pages and calendars. Each format lives in a module of this package with one pure function,
`export(state, lang) -> str | bytes`: the state as of a date (already filtered) comes in, the
document goes out; nothing is read, printed or timed. `jtr export` (jtr/cli/export.py) only
picks the exporter and writes its result.

The registry names every format without importing its module: `jtr` registers the export
command on every start, and its start-up time is benchmarked, so openpyxl, json, html, csv and
xml are imported only by the exporter that needs them.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from jtr.status import RoadmapState

# The JSON export's own JSON Schema (draft 2020-12), shipped inside this package.
JSON_SCHEMA_FILE = "roadmap-export.schema.json"
JSON_SCHEMA_ID = "https://jtr.invalid/schema/roadmap-export-1.json"


class Exporter(NamedTuple):
    """One `--format`: where its function lives and what it produces."""

    name: str
    module: str  # the module under jtr.export, imported on first use
    function: str
    media_type: str
    binary: bool  # bytes, never written to a terminal
    extension: str  # default file extension, with its dot
    summary: str

    def export(self, state: RoadmapState, lang: str) -> str | bytes:
        """The document as of `state.as_of`, labels and titles in `lang` ("ja" or "en")."""
        function: Callable[[RoadmapState, str], str | bytes] = getattr(
            import_module(f"jtr.export.{self.module}"), self.function
        )
        return function(state, lang)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "markdown", "markdown", "export", "text/markdown; charset=utf-8", False, ".md",
            "status summary and item tables in GitHub-flavoured Markdown, timeline as Mermaid",
        ),
        Exporter(
            "csv", "delimited", "export_csv", "text/csv; charset=utf-8; header=present", False,
            ".csv", "one row per task; UTF-8 with BOM and CRLF, for Excel",
        ),
        Exporter(
            "tsv", "delimited", "export_tsv", "text/tab-separated-values; charset=utf-8", False,
            ".tsv", "the CSV rows separated by tabs",
        ),
        Exporter(
            "xlsx", "xlsx", "export",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True, ".xlsx",
            "Excel workbook: a sheet of tasks, a sheet of items",
        ),
        Exporter(
            "html", "html_report", "export", "text/html; charset=utf-8", False, ".html",
            "one self-contained page: summary, timeline chart, item cards; prints on A4 landscape",
        ),
        Exporter(
            "svg", "svg", "export", "image/svg+xml", False, ".svg",
            "the phase timeline as a standalone SVG picture",
        ),
        Exporter(
            "mermaid", "mermaid", "export", "text/vnd.mermaid; charset=utf-8", False, ".mmd",
            "a Mermaid gantt definition, a section per course",
        ),
        Exporter(
            "ics", "ics", "export", "text/calendar; charset=utf-8", False, ".ics",
            "iCalendar: tasks as all-day events over their fiscal years, course targets",
        ),
        Exporter(
            "json", "json_export", "export", "application/json", False, ".json",
            "the full roadmap with derived states (see json_schema_path())",
        ),
    )
}  # fmt: skip

FORMATS = tuple(EXPORTERS)

# File extensions `jtr export -o FILE` recognises when --format is not given.
EXTENSIONS: dict[str, str] = {
    **{e.extension: e.name for e in EXPORTERS.values()},
    ".markdown": "markdown",
    ".htm": "html",
    ".mermaid": "mermaid",
}


def format_for(path: str) -> str | None:
    """The format a file name asks for by its extension, if any."""
    suffix = Path(path).suffix.lower()
    return EXTENSIONS.get(suffix)


def json_schema_path() -> Path:
    """The JSON Schema of `jtr export --format json`, as installed with jtr."""
    return Path(__file__).with_name(JSON_SCHEMA_FILE)
