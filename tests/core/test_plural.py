"""CLDR plural rules evaluated from Babel's parsed form: the same category as Babel, always."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale, localedata

from plainte.core import plural

from ..conftest import two_starts

NUMBERS = [
    *range(0, 1200),
    *(k / 10 for k in range(0, 60)),
    1.25, 2.5, 999.95, 1e6, 2e6, 1_000_000, 3_000_000, 1_000_001, 1e7, -1, -2.5,
    Decimal("1.50"), Decimal("0.0"), Decimal("2"), Decimal("1000000"), Decimal("1.000"),
]  # fmt: skip


def test_every_french_and_english_locale_counts_as_babel(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    tags = [t for t in localedata.locale_identifiers() if t.split("_")[0] in ("fr", "en")]
    assert len(tags) > 100
    for tag in tags:
        rules = plural.kept_rules(tag)
        assert rules is not None, tag
        babel = Locale.parse(tag).plural_form
        for n in NUMBERS:
            assert plural.category(rules, n) == babel(n), (tag, n)


def test_rules_of_other_shapes_count_as_babel():
    """Rules with ``within``, ``is``, ``is not``, modulo and fractions (Polish, Latvian…)."""
    for tag in ("pl", "lv", "ru", "ar", "cy", "ga", "lt", "br", "sl", "gd", "he", "is", "mk"):
        rules = list(Locale.parse(tag).plural_form.abstract)
        babel = Locale.parse(tag).plural_form
        for n in NUMBERS:
            assert plural.category(rules, n) == babel(n), (tag, n)


def test_an_unknown_locale_has_no_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    assert plural.kept_rules("xx_YY") is None


def test_a_second_run_counts_without_importing_babel(tmp_path):
    code = (
        "import sys; from plainte.core import i18n;"
        "print(i18n.trn('plural.contacts', 1, 'fr'), '|', i18n.trn('plural.contacts', 2, 'en'),"
        " '|', i18n.trn('plural.contacts', 1_000_000, 'fr'), 'babel' in sys.modules)"
    )
    runs = two_starts(code, tmp_path)
    said = [r.stdout.strip() for r in runs]
    assert said[0].endswith("True") and said[1].endswith("False"), [r.stderr for r in runs]
    assert said[0][: -len("True")] == said[1][: -len("False")]
