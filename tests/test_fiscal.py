"""jtr.fiscal: fiscal years, their bounds and Japanese era names, and reading them back."""

from __future__ import annotations

import datetime as dt

import pytest

from jtr.fiscal import (
    ERAS,
    FiscalYearError,
    NoSuchDay,
    era_label,
    era_of,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    label,
    parse_date,
    parse_fiscal_year,
    short_label,
)

D = dt.date


# --- fiscal_year_of -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (D(2025, 3, 31), 2024),  # last day of FY2024
        (D(2025, 4, 1), 2025),  # first day of FY2025
        (D(2024, 4, 1), 2024),
        (D(2024, 1, 1), 2023),  # January belongs to the fiscal year begun the April before
        (D(2024, 1, 31), 2023),
        (D(2024, 2, 29), 2023),  # leap day
        (D(2024, 12, 31), 2024),  # December belongs to the fiscal year begun that April
        (D(2024, 12, 1), 2024),
        (D(2019, 4, 30), 2019),  # the last day of Heisei is in FY2019
        (D(2019, 5, 1), 2019),  # the first day of Reiwa too
    ],
)
def test_fiscal_year_of_april_start(day: dt.date, year: int) -> None:
    assert fiscal_year_of(day) == year
    assert fiscal_year_of(day, 4) == year


@pytest.mark.parametrize(
    ("day", "start_month", "year"),
    [
        # January start: the fiscal year is the calendar year.
        (D(2024, 1, 1), 1, 2024),
        (D(2024, 12, 31), 1, 2024),
        (D(2025, 1, 1), 1, 2025),
        # October start (e.g. the US federal year, here named by the year it starts in).
        (D(2024, 9, 30), 10, 2023),
        (D(2024, 10, 1), 10, 2024),
        (D(2024, 12, 31), 10, 2024),
        (D(2025, 1, 1), 10, 2024),
        (D(2025, 9, 30), 10, 2024),
        # December start.
        (D(2024, 11, 30), 12, 2023),
        (D(2024, 12, 1), 12, 2024),
    ],
)
def test_fiscal_year_of_other_start_months(day: dt.date, start_month: int, year: int) -> None:
    assert fiscal_year_of(day, start_month) == year


# --- fiscal_year_start / fiscal_year_end -------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "start_month", "start", "end"),
    [
        (2024, 4, D(2024, 4, 1), D(2025, 3, 31)),
        (2019, 4, D(2019, 4, 1), D(2020, 3, 31)),
        (2024, 1, D(2024, 1, 1), D(2024, 12, 31)),
        (2024, 10, D(2024, 10, 1), D(2025, 9, 30)),
        (2024, 12, D(2024, 12, 1), D(2025, 11, 30)),
        # March start: the year ends on the last day of February, 29th in leap years.
        (2023, 3, D(2023, 3, 1), D(2024, 2, 29)),
        (2024, 3, D(2024, 3, 1), D(2025, 2, 28)),
        (2099, 3, D(2099, 3, 1), D(2100, 2, 28)),  # 2100 is not a leap year
        (1999, 3, D(1999, 3, 1), D(2000, 2, 29)),  # 2000 is
    ],
)
def test_fiscal_year_bounds(year: int, start_month: int, start: dt.date, end: dt.date) -> None:
    assert fiscal_year_start(year, start_month) == start
    assert fiscal_year_end(year, start_month) == end


def test_fiscal_year_bounds_default_to_april() -> None:
    assert fiscal_year_start(2024) == D(2024, 4, 1)
    assert fiscal_year_end(2024) == D(2025, 3, 31)


@pytest.mark.parametrize("start_month", range(1, 13))
def test_bounds_agree_with_fiscal_year_of(start_month: int) -> None:
    for year in (2023, 2024, 2025):
        start, end = fiscal_year_start(year, start_month), fiscal_year_end(year, start_month)
        assert fiscal_year_of(start, start_month) == year
        assert fiscal_year_of(end, start_month) == year
        assert fiscal_year_of(start - dt.timedelta(days=1), start_month) == year - 1
        assert fiscal_year_of(end + dt.timedelta(days=1), start_month) == year + 1
        assert fiscal_year_end(year - 1, start_month) + dt.timedelta(days=1) == start


# --- era_of / era_label -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "kanji", "n", "text"),
    [
        (2024, "令和", 6, "令和6年度"),
        (2019, "令和", 1, "令和元年度"),  # began in Heisei 31, named by the city as Reiwa 1
        (2020, "令和", 2, "令和2年度"),
        (2018, "平成", 30, "平成30年度"),
        (1989, "平成", 1, "平成元年度"),
        (1988, "昭和", 63, "昭和63年度"),
        (1926, "昭和", 1, "昭和元年度"),
        (1925, "大正", 14, "大正14年度"),
        (1912, "大正", 1, "大正元年度"),
        (1911, "明治", 44, "明治44年度"),
        (1868, "明治", 1, "明治元年度"),
    ],
)
def test_era_of_and_label(year: int, kanji: str, n: int, text: str) -> None:
    era, within = era_of(year)
    assert (era.kanji, within) == (kanji, n)
    assert era_label(year) == text


def test_eras_are_newest_first_with_their_letters() -> None:
    assert [(e.kanji, e.letter, e.first_year) for e in ERAS] == [
        ("令和", "R", 2019),
        ("平成", "H", 1989),
        ("昭和", "S", 1926),
        ("大正", "T", 1912),
        ("明治", "M", 1868),
    ]


def test_era_of_before_meiji_is_refused() -> None:
    with pytest.raises(ValueError, match="before the Meiji era"):
        era_of(1867)
    with pytest.raises(ValueError):
        era_label(1867)


# --- label / short_label ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "ja", "en", "short_ja"),
    [
        (2024, "令和6年度 (2024)", "FY2024", "R6"),
        (2019, "令和元年度 (2019)", "FY2019", "R1"),
        (2018, "平成30年度 (2018)", "FY2018", "H30"),
        (1989, "平成元年度 (1989)", "FY1989", "H1"),
        (1988, "昭和63年度 (1988)", "FY1988", "S63"),
        (1912, "大正元年度 (1912)", "FY1912", "T1"),
        (1868, "明治元年度 (1868)", "FY1868", "M1"),
    ],
)
def test_label_and_short_label(year: int, ja: str, en: str, short_ja: str) -> None:
    assert label(year) == ja
    assert label(year, "ja") == ja
    assert label(year, "en") == en
    assert short_label(year) == short_ja
    assert short_label(year, "ja") == short_ja
    assert short_label(year, "en") == en


# --- parse_fiscal_year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024),
        ("FY2024", 2024),
        ("fy2024", 2024),
        ("Fy2024", 2024),
        ("FY 2024", 2024),
        ("2024年度", 2024),
        ("２０２４", 2024),  # full-width digits
        ("ＦＹ２０２４", 2024),
        ("R6", 2024),
        ("r6", 2024),
        ("Ｒ６", 2024),
        ("R 6", 2024),
        ("令和6年度", 2024),
        ("令和６年度", 2024),  # full-width digit
        ("令和6", 2024),
        ("令和元年度", 2019),
        ("令和 元 年度", 2019),
        ("R1", 2019),
        ("H31", 2019),  # the overlap year: 平成31年度 = 令和元年度
        ("h31", 2019),
        ("平成31年度", 2019),
        ("平成30年度", 2018),
        ("H30", 2018),
        ("平成元年度", 1989),
        ("S64", 1989),  # the overlap year of Showa and Heisei
        ("昭和63年度", 1988),
        ("T15", 1926),
        ("大正元年度", 1912),
        ("M45", 1912),
        ("明治元年度", 1868),
        ("M1", 1868),
    ],
)
def test_parse_fiscal_year(text: str, year: int) -> None:
    assert parse_fiscal_year(text) == year


@pytest.mark.parametrize(
    "text",
    [" 2024 ", "\tFY2024\n", "  R6  ", " 令和6年度 ", "\u3000令和６年度\u3000", " H31 "],
)
def test_parse_fiscal_year_strips_surrounding_space(text: str) -> None:
    assert parse_fiscal_year(text) == parse_fiscal_year(text.strip().replace("\u3000", ""))
    assert parse_fiscal_year(text) in (2024, 2019)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("R0", "starts at 元"),
        ("令和0年度", "starts at 元"),
        ("平成40年度", "平成 ended before its year 40"),
        ("H32", "平成 ended before its year 32"),
        ("S65", "昭和 ended before its year 65"),
        ("T16", "大正 ended before its year 16"),
        ("M46", "明治 ended before its year 46"),
        ("abc", "is not a fiscal year"),
        ("20245", "is not a fiscal year"),
        ("202", "is not a fiscal year"),
        ("", "is not a fiscal year"),
        ("   ", "is not a fiscal year"),
        ("FY", "is not a fiscal year"),
        ("R", "is not a fiscal year"),
        ("6", "is not a fiscal year"),
        ("X6", "is not a fiscal year"),
        ("R100", "is not a fiscal year"),
        ("2024-04-01", "is not a fiscal year"),
        ("FY2024 R6", "is not a fiscal year"),
    ],
)
def test_parse_fiscal_year_refusals(text: str, message: str) -> None:
    with pytest.raises(FiscalYearError, match=message):
        parse_fiscal_year(text)


def test_fiscal_year_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_fiscal_year("abc")


def test_labels_read_back() -> None:
    for year in range(1868, 2101):
        assert parse_fiscal_year(era_label(year)) == year, era_label(year)
        assert parse_fiscal_year(short_label(year)) == year, short_label(year)
        assert parse_fiscal_year(label(year, "en")) == year, label(year, "en")


@pytest.mark.parametrize("text", ["0000", "FY0999"])
def test_parse_fiscal_year_refuses_years_it_cannot_label(text: str) -> None:
    with pytest.raises(FiscalYearError):
        parse_fiscal_year(text)


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-04-01", D(2024, 4, 1)),
        ("2025-03-31", D(2025, 3, 31)),
        ("2024-02-29", D(2024, 2, 29)),
        (" 2024-04-01 ", D(2024, 4, 1)),
        ("２０２４-０４-０１", D(2024, 4, 1)),  # full-width digits
        ("２０２４－０４－０１", D(2024, 4, 1)),  # full-width hyphens too
    ],
)
def test_parse_date(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2024/04/01",
        "2024-4-1",
        "R6-04-01",
        "2024",
        "2024-04-01T00:00",
    ],
)
def test_parse_date_refusals(text: str) -> None:
    with pytest.raises(FiscalYearError, match="is not a date: write YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        ("2023-02-29", "en", "2023-02-29 does not exist (February 2023 has 28 days)"),
        ("2024-02-30", "en", "2024-02-30 does not exist (February 2024 has 29 days)"),
        ("2024-04-31", "en", "2024-04-31 does not exist (April 2024 has 30 days)"),
        ("2024-13-01", "en", "2024-13-01 does not exist (months run from 01 to 12)"),
        ("2025-02-30", "ja", "2025-02-30 という日はありません (2025年2月は28日まで)"),
        ("2024-13-01", "ja", "2024-13-01 という日はありません (月は01から12まで)"),
    ],
)
def test_a_date_that_names_no_day_says_why(text: str, lang: str, message: str) -> None:
    with pytest.raises(NoSuchDay) as caught:
        parse_date(text, lang)
    assert str(caught.value) == message


@pytest.mark.parametrize("text", ["20240401", "2024-W14-1"])
def test_parse_date_only_takes_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(FiscalYearError):
        parse_date(text)
