"""The promise ledger: who promised what, in which contact, and what became of it."""

from __future__ import annotations

import json
from datetime import date

from plainte.core.promises import ledger
from plainte.core.sagafile import parse_saga


def test_ledger_states_as_of_a_day(saga):
    saga["cases"][0]["events"].append(
        {
            "id": "z",
            "at": "2026-08-11",
            "channel": "phone",
            "direction": "in",
            "counterpart": "Lee",
            "promises": [
                {"id": "pz", "text": "Refund", "status": "broken", "closed_at": "2026-08-30"}
            ],
        }
    )
    case = parse_saga(json.dumps(saga).encode()).cases[0]
    entries = ledger(case, date(2026, 8, 5))
    assert [(e.promise.id, e.state) for e in entries] == [("pa", "pending")]
    entries = ledger(case, date(2026, 8, 22))
    assert [(e.promise.id, e.state) for e in entries] == [
        ("pa", "overdue"),
        ("pb", "kept"),
        ("pz", "broken"),
    ]
    first = entries[0]
    assert first.who == "Priya" and first.reference == "INC-204981" and first.is_broken
    assert first.event.channel.value == "phone"


def test_an_ended_cases_promise_past_due_is_broken_not_overdue(saga):
    saga["cases"][0]["status"] = "resolved"
    case = parse_saga(json.dumps(saga).encode()).cases[0]
    states = {e.promise.id: e.state for e in ledger(case, date(2026, 8, 22))}
    assert states["pa"] == "broken" and states["pb"] == "kept"
