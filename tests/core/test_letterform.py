"""Each jurisdiction's letter form: a known locale, its currency, and sourced words."""

from __future__ import annotations

import pytest

from plainte.core import i18n
from plainte.core.letterform import letter_form
from plainte.core.resources import data_folder

FORMS = sorted((data_folder("templates") / "letters" / "forms").glob("*.yaml"))


def test_every_jurisdiction_has_both_languages():
    names = {p.stem for p in FORMS}
    for jurisdiction in ("generic", "fr", "gb", "be", "ca", "ca-qc", "us"):
        assert {f"{jurisdiction}.fr", f"{jurisdiction}.en"} <= names


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_each_form_has_a_locale_babel_knows_and_sources(path):
    jurisdiction, lang = path.stem.rsplit(".", 1)
    form = letter_form(jurisdiction.upper(), lang)
    assert i18n.language_of(form.locale) == lang
    assert i18n.format_date(__import__("datetime").date(2026, 10, 10), form.locale)
    assert form.words["salutation"] and form.words["closing"]
    for key in form.sources:
        assert key in form.words, (path.name, key)


@pytest.mark.parametrize(
    ("country", "lang", "locale", "registered", "notice"),
    [
        ("FR", "fr", "fr_FR", "Lettre recommandée avec accusé de réception", "Mise en demeure"),
        ("CA-QC", "fr", "fr_CA", "RECOMMANDÉ", "Mise en demeure"),
        ("BE", "fr", "fr_BE", "Envoi recommandé", "Mise en demeure"),
        ("GB", "en", "en_GB", "Sent by Royal Mail Signed For", "Letter before claim"),
        ("CA", "en", "en_CA", "By Registered Mail", "Demand letter"),
        ("US", "en", "en_US", "By certified mail, return receipt requested", "Demand letter"),
    ],
)
def test_local_words(country, lang, locale, registered, notice):
    form = letter_form(country, lang)
    assert form.locale == locale
    assert form.words["registered"] == registered
    assert form.words["formal_notice_name"] == notice
    assert "accusé de réception" not in letter_form("CA-QC", "fr").words["registered"]
    assert letter_form("CA-QC", "fr").words["reserves"] == "Sous toutes réserves"
    assert not letter_form("CA", "en").words["reserves"]  # never "without prejudice" in Ontario
