"""The revision log (`revisions:`): each revision names a body that exists, in date order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from jtr.access import dict_at, list_at, value_at
from jtr.diagnostics import Severity
from jtr.fiscal import month_or_day
from jtr.labels import message
from jtr.rules import Finding, rule, shown

if TYPE_CHECKING:
    from jtr.rules import Context

# Longer than any id worth suggesting for (difflib's cost grows with the square of the length).
_SUGGEST_UP_TO = 100


@rule("revision-reference", Severity.ERROR, "every revision's approving body is a body")
def revision_references(context: Context) -> Iterator[Finding]:
    bodies = context.ids("body")
    for index, revision in enumerate(list_at(context.data, "revisions")):
        body = dict_at(revision).get("approved_by")
        if not isinstance(body, str) or body in bodies:
            continue
        hint = ""
        if len(body) <= _SUGGEST_UP_TO:
            import difflib  # only when something is wrong

            match = difflib.get_close_matches(body, list(bodies), n=1, cutoff=0.6)
            hint = message("find_did_you_mean", close=shown(match[0])) if match else ""
        yield Finding(
            ("revisions", index, "approved_by"),
            message(
                "find_unknown_reference", kind=message("kind_body"), ident=shown(body), hint=hint
            ),
        )


@rule(
    "revision-order",
    Severity.ERROR,
    "the revision log is in date order, none dated before the roadmap was published",
)
def revision_order(context: Context) -> Iterator[Finding]:
    published_at = value_at(context.data, "meta", "published")
    published = month_or_day(published_at)
    last: tuple[tuple[int, int, int], str, object] | None = None  # key, date, id
    for index, revision in enumerate(list_at(context.data, "revisions")):
        entry = dict_at(revision)
        written = entry.get("date")
        when = month_or_day(written)
        if when is None:  # the schema or invalid-date says what is wrong with it
            continue
        where = ("revisions", index, "date")
        ident = shown(entry.get("id"))
        # A month (day 0) is not before a day of that month, nor after one.
        if published is not None and when[:2] < published[:2]:
            yield Finding(
                where,
                message(
                    "find_revision_before_published",
                    ident=ident,
                    when=written,
                    published=published_at,
                ),
            )
        elif last is not None and _before(when, last[0]):
            yield Finding(
                where,
                message(
                    "find_revision_order",
                    ident=ident,
                    when=written,
                    previous=shown(last[2]),
                    last=last[1],
                ),
            )
        if last is None or not _before(when, last[0]):
            last = (when, str(written), entry.get("id"))


def _before(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Whether `a` is earlier than `b`; a month alone (day 0) is neither before nor after a day
    of the same month."""
    if a[:2] != b[:2]:
        return a[:2] < b[:2]
    if a[2] == 0 or b[2] == 0:
        return False
    return a[2] < b[2]
