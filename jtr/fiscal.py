"""Fiscal years and Japanese eras: FY2024 = 令和6年度 = 2024-04-01 … 2025-03-31 (April start)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import NamedTuple


class Era(NamedTuple):
    kanji: str
    letter: str
    romaji: str
    first_year: int  # western year of the era's first fiscal year (元年度)


# Newest first. A fiscal year takes the era in force in the calendar year it starts: FY2019,
# which began in Heisei 31, is 令和元年度, as the city's documents write it.
ERAS = (
    Era("令和", "R", "Reiwa", 2019),
    Era("平成", "H", "Heisei", 1989),
    Era("昭和", "S", "Showa", 1926),
    Era("大正", "T", "Taisho", 1912),
    Era("明治", "M", "Meiji", 1868),
)


def fiscal_year_of(day: dt.date, start_month: int = 4) -> int:
    """The fiscal year a date falls in, named by the calendar year it starts in."""
    return day.year if day.month >= start_month else day.year - 1


def fiscal_year_start(year: int, start_month: int = 4) -> dt.date:
    return dt.date(year, start_month, 1)


def fiscal_year_end(year: int, start_month: int = 4) -> dt.date:
    """Last day of a fiscal year."""
    return fiscal_year_start(year + 1, start_month) - dt.timedelta(days=1)


def era_of(year: int) -> tuple[Era, int]:
    """(era, year within the era) of a fiscal year; 1 is 元年."""
    for era in ERAS:
        if year >= era.first_year:
            return era, year - era.first_year + 1
    from jtr.labels import message

    raise ValueError(message("err_before_meiji", year=year))


FIRST = "元"  # an era's first year: 令和元年度


def era_label(year: int) -> str:
    """`令和6年度`, `令和元年度`."""
    era, n = era_of(year)
    return f"{era.kanji}{FIRST if n == 1 else n}年度"


def label(year: int, lang: str = "ja") -> str:
    """`令和6年度 (2024)` in Japanese, `FY2024` in English."""
    return f"{era_label(year)} ({year})" if lang == "ja" else f"FY{year}"


def short_label(year: int, lang: str = "ja") -> str:
    """`R6` / `FY2024`: for narrow columns."""
    if lang != "ja":
        return f"FY{year}"
    era, n = era_of(year)
    return f"{era.letter}{n}"


YEARS = range(ERAS[-1].first_year, 2201)  # years jtr can label


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # Compiled on first use: most commands never parse a fiscal year, and start-up counts.
    return {
        "western": re.compile(r"(?:FY)?\s*([0-9]{4})\s*(?:年度?)?", re.IGNORECASE),
        # What `label()` prints, read back: 令和6年度 (2024).
        "label": re.compile(r"(?P<era>.+?)\s*\(\s*(?P<year>[0-9]{4})\s*\)"),
        "era": re.compile(
            r"(?P<era>令和|平成|昭和|大正|明治|[RHSTM])\s*(?P<n>元|\d{1,2})\s*(?:年度?)?",
            re.IGNORECASE,
        ),
    }


class FiscalYearError(ValueError):
    pass


def parse_fiscal_year(text: str) -> int:
    """Read `2024`, `FY2024`, `R6`, `令和6年度`, `令和元年度`, `H31` (full-width digits too);
    FiscalYearError says why not in this run's language."""
    from jtr.labels import message

    cleaned = unicodedata.normalize("NFKC", text).strip()
    if match := _patterns()["label"].fullmatch(cleaned):
        year = parse_fiscal_year(match.group("era"))
        if year != int(match.group("year")):
            raise FiscalYearError(
                message(
                    "err_era_mismatch",
                    text=repr(text),
                    era=match.group("era"),
                    year=year,
                    given=match.group("year"),
                )
            )
        return year
    if match := _patterns()["western"].fullmatch(cleaned):
        year = int(match.group(1))
        if year not in YEARS:
            raise FiscalYearError(
                message(
                    "err_fiscal_year_range", text=repr(text), first=YEARS.start, last=YEARS.stop - 1
                )
            )
        return year
    if match := _patterns()["era"].fullmatch(cleaned):
        name = match.group("era")
        era = next(e for e in ERAS if name in (e.kanji, e.letter, e.letter.lower()))
        n = 1 if match.group("n") == FIRST else int(match.group("n"))
        if n < 1:
            raise FiscalYearError(message("err_era_first_year", text=repr(text), first=FIRST))
        year = era.first_year + n - 1
        newer = [e for e in ERAS if e.first_year > era.first_year]
        # Allow the overlap year (平成31年度 = 令和元年度) but not years past the next era.
        if newer and year > min(e.first_year for e in newer):
            raise FiscalYearError(message("err_era_ended", text=repr(text), era=era.kanji, n=n))
        return year
    raise FiscalYearError(
        message(
            "err_not_a_fiscal_year", text=repr(text), example=era_label(2024), first=era_label(2019)
        )
    )


def date_or_none(value: object) -> dt.date | None:
    """A date as a roadmap writes it (YYYY-MM-DD, ASCII digits, a real day), else None.

    The one date parser: `parse_date` reads the user's dates through it, the rules and the
    editing commands the file's.
    """
    # The shape first: fromisoformat alone also takes 20240401 and week dates (2024-W01-1).
    if not (isinstance(value, str) and len(value) == 10 and value.isascii()):
        return None
    if value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def month_or_day(value: object) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written YYYY-MM-DD (a real day, as `date_or_none` reads
    it) or YYYY-MM (a month: day 0, so that a month sorts before its days), else None. A
    revision of the plan is dated either way (`2023-11`, as meta.published writes the month)."""
    if isinstance(value, str) and len(value) == 7 and value.isascii() and value[4] == "-":
        year, month = value[:4], value[5:]
        if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
            return int(year), int(month), 0
        return None
    day = date_or_none(value)
    return None if day is None else (day.year, day.month, day.day)


class NoSuchDay(FiscalYearError):
    """A date in the shape YYYY-MM-DD that names no day (2025-02-30, 2025-13-01)."""


def no_such_day(text: str, lang: str = "en") -> str | None:
    """Why YYYY-MM-DD `text` names no day (`2025-02-30 does not exist (February 2025 has 28
    days)`), or None if it is not of that shape or is a real day."""
    import calendar

    from jtr.labels import label

    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    if match is None or date_or_none(text) is not None:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return label("msg_no_such_month", lang).format(date=text)
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if year < 1 or 1 <= day <= days:
        return None
    month_name = label("msg_month", lang).format(
        year=year, month=month, month_name=calendar.month_name[month]
    )
    return label("msg_no_such_day", lang).format(date=text, month=month_name, days=days)


def parse_date(text: str, lang: str = "en") -> dt.date:
    """A date written YYYY-MM-DD (full-width digits allowed); NoSuchDay names what is wrong
    with one that has the shape but no day, in `lang`."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    day = date_or_none(cleaned)
    if day is None:
        from jtr.labels import label

        if (why := no_such_day(cleaned, lang)) is not None:
            raise NoSuchDay(why)
        raise FiscalYearError(label("msg_not_a_date", lang).format(text=repr(text)))
    return day
