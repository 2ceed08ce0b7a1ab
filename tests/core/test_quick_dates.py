"""Days and times written from the kept CLDR patterns read exactly as Babel writes them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from babel.dates import format_date, format_time
from babel.localedata import locale_identifiers

from plainte.core import i18n, quick_dates

from ..conftest import two_starts

OURS = sorted(i for i in locale_identifiers() if i.split("_")[0] in ("fr", "en"))
MAIN = ("fr_FR", "fr_CA", "fr_BE", "fr_CH", "en_US", "en_GB", "en_CA", "en_IN", "en_AU")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    quick_dates._records.clear()
    yield
    quick_dates._records.clear()


def _days(first: date, count: int, step: int = 1):
    return [first + timedelta(days=n * step) for n in range(count)]


def _same(tag: str, days, minutes) -> None:
    for day in days:
        for style, width in (("date.medium", "medium"), ("date.long", "long")):
            ours = quick_dates.write_date(day, tag, style)
            assert ours in (None, format_date(day, width, locale=tag)), (tag, day, style)
    for minute in minutes:
        moment = datetime(2026, 3, 1) + timedelta(minutes=minute)
        ours = quick_dates.write_time(moment, tag)
        assert ours in (None, format_time(moment.time(), "short", locale=tag)), (tag, moment)


@pytest.mark.parametrize("tag", MAIN)
def test_every_day_and_minute_as_babel_writes_them(tag):
    _same(tag, _days(date(2024, 1, 1), 366), range(24 * 60))
    assert quick_dates.write_date(date(2024, 1, 1), tag, "date.medium") is not None  # not left


def test_every_french_and_english_locale_as_babel_writes_it():
    days = [*_days(date(2023, 1, 1), 24, 16), date(1999, 12, 31), date(987, 6, 5)]
    minutes = [0, 1, 59, 60 * 9 + 5, 60 * 12, 60 * 12 + 30, 60 * 13, 60 * 23 + 59]
    for tag in OURS:
        _same(tag, days, minutes)


def test_a_field_not_written_here_is_left_to_babel(monkeypatch):
    assert quick_dates.tokens("EEEE d MMMM y") is None
    assert quick_dates.tokens("d MMM y") == [("d", 1), (None, " "), ("M", 3), (None, " "), ("y", 1)]
    assert quick_dates.tokens("HH 'h' mm 'o''clock'''") == [
        ("H", 2), (None, " "), (None, "h"), (None, " "), ("m", 2), (None, " "),
        (None, "o'clock'"),
    ]  # fmt: skip
    record = dict(quick_dates.record("en_GB"), **{"date.medium": None})
    monkeypatch.setitem(quick_dates._records, "en_GB", record)
    i18n._format_date_short.cache_clear()
    try:
        day = date(2026, 9, 28)
        assert quick_dates.write_date(day, "en_GB", "date.medium") is None
        assert i18n.format_date_short(day, "en_GB") == format_date(day, "medium", locale="en_GB")
    finally:
        i18n._format_date_short.cache_clear()


def test_a_locale_babel_does_not_know():
    assert not quick_dates.known("xx_YY")
    assert quick_dates.write_date(date(2026, 1, 1), "xx_YY", "date.medium") is None
    assert quick_dates.known("fr_CA")


def test_a_second_start_writes_days_without_loading_babel(tmp_path):
    code = (
        "import sys, datetime; from plainte.core import i18n;"
        "print(i18n.format_date_short(datetime.date(2026, 9, 1), 'fr'),"
        " i18n.format_time(datetime.datetime(2026, 9, 1, 14, 5), 'en_US'), 'babel' in sys.modules)"
    )
    runs = two_starts(code, tmp_path)
    said = [r.stdout.strip() for r in runs]
    assert said == ["1 sept. 2026 2:05\u202fPM True", "1 sept. 2026 2:05\u202fPM False"], [
        r.stderr for r in runs
    ]


VALUES = (0, 1, 1.5, 2, -3, 0.5, 1.25, 21, 101, 999.95, 1000, 1001, -2500.5, 1e6, 2_000_000)


def test_counts_and_numbers_as_babel_writes_them():
    from babel import Locale
    from babel.numbers import format_decimal

    for tag in OURS:
        locale = Locale.parse(tag)
        rule = i18n._plural_rule(tag)
        assert rule is not None, tag
        for n in (*VALUES, *range(0, 120)):
            assert rule(abs(n)) == locale.plural_form(abs(n)), (tag, n)
        for decimals in (0, 1, 2):
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            for value in VALUES:
                ours = quick_dates.write_number(value, tag, decimals)
                assert ours in (None, format_decimal(value, pattern, locale=locale)), (tag, value)
    assert quick_dates.write_number(-1234567.5, "fr_FR", 1) == "-1\u202f234\u202f567,5"
    assert quick_dates.write_number(2.5, "en_US") == "2"  # half to even, as Babel


def test_a_second_start_counts_without_loading_a_locale(tmp_path):
    code = (
        "import sys; from plainte.core import i18n;"
        "print(i18n.trn('plural.contacts', 1234, 'fr'), '|', i18n.trn('plural.contacts', 1, 'en'),"
        " '|', bool(getattr(sys.modules.get('babel.localedata'), '_cache', None)))"
    )
    runs = two_starts(code, tmp_path)
    said = [r.stdout.strip() for r in runs]
    assert said[0].endswith("True") and said[1].endswith("False"), [r.stderr for r in runs]
    assert said[0][: -len("True")] == said[1][: -len("False")]
    assert "1\u202f234" in said[1] and "1 contact" in said[1]
