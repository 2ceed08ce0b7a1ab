"""Both languages hold the same words, and write dates and numbers their own way."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from plainte.core import i18n


def test_every_language_has_the_same_keys():
    keys = {lang: set(i18n.flatten(i18n.catalog(lang))) for lang in i18n.LANGUAGES}
    assert keys["en"] == keys["fr"]


def test_placeholders_match_between_languages():
    en = i18n.flatten(i18n.catalog("en"))
    fr = i18n.flatten(i18n.catalog("fr"))
    for key, text in en.items():
        if isinstance(text, str):
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", fr[key])), key


@pytest.mark.parametrize(
    ("lang", "day", "text"),
    [
        ("fr", date(2026, 11, 22), "22 novembre 2026"),
        ("fr", date(2026, 4, 1), "1er avril 2026"),
        ("en", date(2026, 11, 22), "November 22, 2026"),
        ("en", date(2026, 8, 3), "August 3, 2026"),
    ],
)
def test_dates(lang, day, text):
    assert i18n.format_date(day, lang) == text


def test_numbers_times_and_money():
    assert i18n.format_number(1234.5, "fr", 1) == "1\u202f234,5"
    assert i18n.format_number(1234.5, "en", 1) == "1,234.5"
    assert i18n.format_time(datetime(2026, 1, 1, 14, 32), "fr") == "14 h 32"
    assert i18n.format_time(datetime(2026, 1, 1, 14, 32), "en") == "2:32 pm"
    assert i18n.format_money(12.5, "EUR", "fr") == "12,50\u00a0€"
    assert i18n.format_money(12.5, "GBP", "en") == "£12.50"


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.delenv("PLAINTE_LANG")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.system_language() == "fr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "en"
