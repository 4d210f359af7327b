"""The Jinja2 templates of the HTML report and the SVG timeline, and their one environment.

Escaping is the default, not a discipline: every template is autoescaped (`<`, `>`, `&`, `"`
and `'` become references, which HTML and XML both read), undefined names raise
(`StrictUndefined`), and every value a template prints passes `shown` first (the environment's
`finalize` hook), so no template can forget that roadmap text is data: control, bidi and
invisible characters are shown visibly (`jtr.escape.document`, a U+202E would reorder what the
reader sees), and the two non-characters XML forbids are dropped. Only what a template renders
itself (a macro's result) passes unchanged.

Jinja2 is imported on first use, never by `jtr status`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jtr.escape import document

if TYPE_CHECKING:
    import jinja2

FOLDER = Path(__file__).parent
_NON_XML = re.compile("[\ufffe\uffff]")


def shown(value: object) -> object:
    """What a template prints for `value`: text with hidden characters shown visibly.

    A value that a template rendered itself (markupsafe's Markup: a macro's result) is already
    made of shown values and passes as it is; `None` is refused, so a missing value is a fault
    rather than the word "None" in a document.
    """
    if isinstance(value, _rendered()):
        return value
    if value is None:
        raise TypeError("a template printed None")
    return _NON_XML.sub("", document(str(value)))


@cache
def _rendered() -> type:
    from markupsafe import Markup

    return Markup


@cache
def environment() -> jinja2.Environment:
    """The environment of every export template (created once per process)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["f1"] = lambda number: f"{number:.1f}"
    return env


def render(name: str, **context: Any) -> str:
    """Template `name` (a file in this folder) rendered with `context`."""
    return environment().get_template(name).render(**context)
