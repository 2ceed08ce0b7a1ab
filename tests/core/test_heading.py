"""A case's heading names the provider once."""

from __future__ import annotations

import pytest

from plainte.core.heading import case_heading


@pytest.mark.parametrize(
    ("provider", "title", "heading"),
    [
        (
            "RED by SFR",
            "Connexion mobile en panne chez RED by SFR",
            "Connexion mobile en panne chez RED by SFR",
        ),
        ("Orange Télécom", "Box en panne chez orange telecom", "Box en panne chez orange telecom"),
        ("EDF", "Facture d’Édf  contestée", "Facture d’Édf  contestée"),
        ("Rogers", "Internet down for two weeks", "Rogers — Internet down for two weeks"),
        ("", "Untitled", "Untitled"),
        ("Rogers", "", "Rogers"),
    ],
)
def test_case_heading(provider, title, heading):
    assert case_heading(provider, title) == heading
