"""How a letter writes the case's lists: evidence kept, windows and languages named."""

from __future__ import annotations

import json

from plainte.core import letter_views as views
from plainte.core.model import Window
from plainte.core.sagafile import parse_saga


def _events(count: int):
    rows = [
        {
            "id": f"e{i}",
            "at": f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T10:00:00Z",
            "channel": "email" if i == 7 else "phone",
            "direction": "out",
            "summary": f"Appel numéro {i}.",
            **({"reference": f"R-{i}"} if i == 9 else {}),
        }
        for i in range(count)
    ]
    saga = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "c",
                "title": "Plus de ligne",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "events": rows,
            }
        ],
    }
    return parse_saga(json.dumps(saga).encode()).cases[0].events


def test_evidence_keeps_the_first_the_last_and_what_proves_most():
    events = _events(200)
    kept = views.evidence(events)
    assert views.MAX_CHRONOLOGY - 2 <= len(kept) <= views.MAX_CHRONOLOGY
    ids = [e.id for e in kept]
    assert ids[0] == "e0" and ids[-1] == "e199"
    assert {"e7", "e9"} <= set(ids)  # the e-mail and the referenced call
    assert ids == [e.id for e in events if e.id in set(ids)]  # in time order
    short = _events(12)
    assert views.evidence(short) == short


def test_a_window_is_written_as_the_locale_writes_times():
    assert views.window(Window("17:00", "19:30"), "fr_CA")["end"] == "19 h 30"
    assert views.window(Window("17:00", "19:30"), "en_GB") == {"start": "17:00", "end": "19:30"}
    assert views.window(Window("17:00", "19:30"), "en_US")["end"] == "7:30\u202fPM"


def test_the_other_language_is_named_in_the_letter_s_language():
    english = "The engineer said on the phone that the line would be repaired within a week."
    assert views.other_language(english, "fr") == "en anglais"
    assert views.other_language(english, "en") == ""
    assert views.other_language("Rogers Twitter", "fr") == ""  # too short to judge
