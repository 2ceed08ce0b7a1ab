"""The paper a letter is printed on where it is posted.

North America prints on US Letter (Canada included, Québec too: the
provinces use the US sizes); elsewhere, A4. With no country, the language
decides: French on A4, English on Letter.
"""

from __future__ import annotations

LETTER_COUNTRIES = frozenset({"US", "CA", "CA-QC"})


def paper_for(country: str | None, lang: str) -> str:
    """``"A4"`` or ``"Letter"`` for a letter to a provider in ``country``."""
    if country:
        return "Letter" if country.upper() in LETTER_COUNTRIES else "A4"
    return "A4" if lang == "fr" else "Letter"
