"""Statistics on a saga whose figures were counted by hand."""

from __future__ import annotations

import json
from datetime import date

from plainte.core.model import CaseStatus
from plainte.core.sagafile import parse_saga
from plainte.core.stats import compute


def _case(saga):
    return parse_saga(json.dumps(saga).encode()).cases[0]


def test_figures_counted_by_hand(saga):
    # a: out phone, 42 min, promise due 5 Aug (pending -> broken after that day)
    # b: in phone, unanswered (a call without a message)
    # c: out e-mail, unanswered
    # d: out chat, 15.5 min, promise kept
    stats = compute(_case(saga), date(2026, 8, 22))
    assert stats.days == 19  # 3 August -> 22 August
    assert stats.contacts_out == 3
    assert stats.contacts_in == 1
    assert stats.unanswered == 1
    assert stats.calls_without_message == 1
    assert stats.wait_minutes == 58  # 42 + 15.5, rounded
    assert stats.promises == 2
    assert stats.promises_kept == 1
    assert stats.promises_broken == 1
    assert stats.promises_overdue == 1
    assert stats.channels == {"phone": 2, "email": 1, "chat": 1}


def test_a_promise_is_not_broken_on_its_due_day(saga):
    stats = compute(_case(saga), date(2026, 8, 5))
    assert stats.promises_broken == 0
    assert stats.promises_pending == 1
    assert compute(_case(saga), date(2026, 8, 6)).promises_broken == 1


def test_events_after_today_are_not_counted(saga):
    stats = compute(_case(saga), date(2026, 8, 6))
    assert stats.contacts_out == 1 and stats.contacts_in == 1
    assert stats.promises == 1
    assert stats.days == 3


def test_a_closed_case_stops_counting_days(saga):
    case = _case(saga)
    case.status = CaseStatus.RESOLVED
    assert compute(case, date(2027, 1, 1)).days == 7  # 3 to 10 August


def test_demo_rogers_figures(demo_paths):
    from plainte.core.sagafile import read_saga

    rogers = next(c for p in demo_paths for c in read_saga(p).cases if c.id == "demo-rogers-2010")
    stats = compute(rogers, date(2010, 7, 11))
    assert stats.calls_without_message == 7
    assert stats.contacts_in == 10
    assert stats.wait_minutes == 4
    assert stats.promises_broken == 2  # the call at a chosen time, then the 17-19 h call
    assert stats.notes == 0


def test_notes_are_never_counted_as_contacts(saga):
    saga["cases"][0]["events"][2]["kind"] = "note"  # the unanswered e-mail becomes a note
    stats = compute(_case(saga), date(2026, 8, 22))
    assert stats.notes == 1
    assert stats.contacts_out == 2
    assert stats.unanswered == 0
    assert stats.channels == {"phone": 2, "chat": 1}


def test_the_red_demo_counts_its_days_without_service_until_the_switch(demo_paths):
    from plainte.core.sagafile import read_saga

    red = next(c for p in demo_paths for c in read_saga(p).cases if c.id == "demo-red-2016")
    assert red.status is CaseStatus.SWITCHED and red.problem == "no_service"
    assert red.days_down(date(2026, 11, 23)) == 10  # 12 to 22 September 2016, not to today
    stats = compute(red, date(2016, 9, 30))
    assert stats.notes == 4  # the FAQ search, the phone reset, the APN setting, the decision
    assert stats.contacts_out == 3 and stats.contacts_in == 1


def test_figures_written_as_json_read_back_the_same(saga):
    from plainte.core.stats import SagaStats

    stats = compute(_case(saga), date(2026, 8, 22))
    again = SagaStats.from_json(json.loads(json.dumps(stats.to_json())))
    assert again == stats and again.first_day == stats.first_day and again.channels
    assert SagaStats.from_json(SagaStats(today=date(2026, 1, 2)).to_json()).first_day is None
