"""The report's own sentences agree with their counts, and say nothing of what is not there."""

from __future__ import annotations

import pytest

from plainte.core.report import chronology_note


@pytest.mark.parametrize(
    ("counts", "lang", "said"),
    [
        ((1, 0, 0), "en", "1 entry."),
        ((14, 0, 0), "fr", "14 entrées."),
        ((21, 3, 0), "en", "21 entries; marked, with the original kept: 3 amended entries."),
        (
            (2, 1, 1),
            "en",
            "2 entries; marked, with the original kept: 1 amended entry, 1 retracted entry.",
        ),
        ((21, 0, 1), "fr", "21 entrées ; signalées, l'original conservé : 1 entrée retirée."),
        ((1, 1, 0), "fr", "1 entrée ; signalées, l'original conservé : 1 entrée modifiée."),
    ],
)
def test_the_chronology_note_counts_in_words(counts, lang, said):
    assert chronology_note(*counts, lang) == said
