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
    assert i18n.format_time(datetime(2026, 1, 1, 14, 32), "fr") == "14:32"
    assert i18n.format_time(datetime(2026, 1, 1, 14, 32), "en") == "2:32\u202fPM"
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


@pytest.mark.parametrize(
    ("locale", "date_text", "time_text", "money"),
    [
        ("fr_FR", "10 octobre 2026", "19:05", ("EUR", "29,33\u00a0€")),
        ("fr_BE", "10 octobre 2026", "19:05", ("EUR", "29,33\u00a0€")),
        ("fr_CA", "10 octobre 2026", "19 h 05", ("CAD", "29,33\u00a0$")),
        ("en_GB", "10 October 2026", "19:05", ("GBP", "£29.33")),
        ("en_CA", "October 10, 2026", "7:05\u202fp.m.", ("CAD", "$29.33")),
        ("en_US", "October 10, 2026", "7:05\u202fPM", ("USD", "$29.33")),
    ],
)
def test_each_place_writes_its_own_way(locale, date_text, time_text, money):
    assert i18n.format_date(date(2026, 10, 10), locale) == date_text
    assert i18n.format_time(datetime(2026, 10, 10, 19, 5), locale) == time_text
    assert i18n.format_money(29.33, money[0], locale) == money[1]


def test_a_locale_tag_may_use_a_hyphen():
    assert i18n.format_date(date(2026, 10, 10), "en-GB") == "10 October 2026"
    assert i18n.language_of("fr-CA") == "fr"


@pytest.mark.parametrize(
    ("lang", "n", "text"),
    [
        ("fr", 0, "0 appel reçu sans message"),
        ("fr", 1, "1 appel reçu sans message"),
        ("fr", 2, "2 appels reçus sans message"),
        ("fr_CA", 1500, "1\u00a0500 appels reçus sans message"),
        ("en", 0, "0 contacts"),
        ("en", 1, "1 contact"),
        ("en_GB", 1000, "1,000 contacts"),
    ],
)
def test_plurals_follow_cldr_rules(lang, n, text):
    key = "plural.calls_without_message" if lang.startswith("fr") else "plural.contacts"
    assert i18n.trn(key, n, lang) == text


def test_plural_forms_exist_in_both_languages_with_other():
    for lang in i18n.LANGUAGES:
        for name, forms in i18n.catalog(lang)["plural"].items():
            assert "other" in forms and "one" in forms, (lang, name)


def test_template_plural_helper_uses_the_locale_rules():
    assert i18n.plural_words("fr")(0, "appel reçu", "appels reçus") == "appel reçu"
    assert i18n.plural_words("en")(0, "call", "calls") == "calls"


def test_french_typography_puts_no_break_spaces_where_french_wants_them():
    text = i18n.french_typography(
        "Objet : test; oui ! « bonjour » voir https://a.fr/x?y=1 à 14:32."
    )
    assert text == (
        "Objet\u00a0: test\u202f; oui\u202f! «\u00a0bonjour\u00a0» voir https://a.fr/x?y=1 à 14:32."
    )


def test_lower_first_after_a_colon_keeps_names_and_acronyms():
    assert i18n.lower_first("Coupure depuis mai") == "coupure depuis mai"
    assert i18n.lower_first("SFR ne répond pas") == "SFR ne répond pas"
    assert i18n.lower_first("Rogers appelle", ("Rogers",)) == "Rogers appelle"


def test_interface_locale_follows_the_system_when_it_speaks_the_language(monkeypatch):
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    assert i18n.interface_locale("fr") == "fr_CA"
    assert i18n.interface_locale("en") == "en_US"
