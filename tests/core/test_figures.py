"""The contrast figures: each definition checked by hand on small sagas and on the demos."""

from __future__ import annotations

import json
from datetime import date

from plainte.core.figures import compute, sends_to_phone
from plainte.core.model import PromiseStatus
from plainte.core.sagafile import parse_saga
from tests.conftest import saga_doc


def _case(events, **fields):
    return parse_saga(json.dumps(saga_doc(events, **fields)).encode()).cases[0]


def _ev(at, channel, direction, **more):
    return {"at": at, "channel": channel, "direction": direction, **more}


def test_private_message_ignored_until_the_public_post():
    case = _case(
        [
            _ev("2026-05-01T09:00:00+02:00", "social_dm", "out", answered=False),
            _ev("2026-05-01T13:05:00+02:00", "social_public", "out"),
            _ev("2026-05-01T13:40:00+02:00", "social_dm", "in"),
        ]
    )
    fig = compute(case, date(2026, 5, 2))
    assert fig.private_wait.minutes == 245
    assert not fig.private_wait.answered and fig.private_wait.went_public
    assert fig.public_wait.minutes == 35 and fig.public_wait.answered


def test_a_private_message_answered_counts_to_the_answer():
    case = _case(
        [
            _ev("2026-05-01T20:15:00-04:00", "email", "out"),
            _ev(
                "2026-05-03T11:02:00-04:00", "email", "in", summary="Sorry you are leaving, call us"
            ),
        ]
    )
    fig = compute(case, date(2026, 5, 9))
    assert fig.private_wait.answered and fig.private_wait.minutes == 38 * 60 + 47
    assert fig.public_wait is None
    assert fig.call_us == 1


def test_call_us_needs_a_written_request_first():
    reply = _ev("2026-05-03T11:02:00-04:00", "email", "in", summary="Veuillez nous appeler")
    assert compute(_case([reply]), date(2026, 5, 9)).call_us == 0
    assert sends_to_phone("« Désolé que vous nous quittiez, appelez-nous »")
    assert not sends_to_phone("We have fixed the line.")


def test_silent_calls_per_day_and_the_peak_day():
    calls = [
        _ev(f"2026-05-0{d}T{h:02d}:00:00-04:00", "phone", "in", answered=False)
        for d, h in [(1, 9), (2, 9), (2, 10), (2, 11), (4, 8)]
    ]
    calls.append(_ev("2026-05-04T18:00:00-04:00", "phone", "in", answered=True))
    fig = compute(_case(calls), date(2026, 5, 9))
    assert fig.calls_received == 6 and fig.calls_without_message == 5
    assert fig.silent_days == {"2026-05-01": 1, "2026-05-02": 3, "2026-05-04": 1}
    assert fig.peak_day == date(2026, 5, 2) and fig.peak_calls == 3
    assert fig.call_span_days == 4


def test_calls_outside_a_promised_window():
    window = {"from": "17:00", "to": "19:00"}
    events = [
        _ev(
            "2026-05-01T12:00:00-04:00",
            "social_dm",
            "in",
            promises=[{"text": "call 17-19", "window": window}],
        ),
        _ev("2026-05-02T09:12:00-04:00", "phone", "in", answered=False),
        _ev("2026-05-02T17:30:00-04:00", "phone", "in", answered=True),
        _ev("2026-05-02T21:58:00-04:00", "phone", "in", answered=False),
        _ev("2026-05-03T08:01:00-04:00", "phone", "in", answered=True),
    ]
    case = _case(events)
    promise = case.events[0].promises[0]
    window = compute(case, date(2026, 5, 9)).window
    assert (window.start, window.end) == ("17:00", "19:00")
    assert window.calls == 4 and window.outside == 3 and window.without_message == 2
    # a promise closed on the 2nd at noon no longer stands for the later calls
    from plainte.core.model import parse_when

    promise.status = PromiseStatus.BROKEN
    promise.closed_at = parse_when("2026-05-02T12:00:00-04:00")
    window = compute(case, date(2026, 5, 9)).window
    assert window.calls == 1 and window.outside == 1


def test_days_start_at_the_first_contact_and_hold_adds_up():
    case = _case(
        [
            _ev("2026-04-20T09:00:00+01:00", "web_form", "out", kind="note"),
            _ev("2026-05-01T09:00:00+01:00", "phone", "out", wait_minutes=42),
            _ev("2026-05-03T09:00:00+01:00", "phone", "out", wait_minutes=17.6),
        ]
    )
    fig = compute(case, date(2026, 5, 11))
    assert fig.days == 10 and fig.hold_minutes == 60
    assert compute(case, date(2026, 4, 1)).days == 0


def test_figures_as_json():
    case = _case([_ev("2026-05-01T09:00:00+02:00", "social_dm", "out", answered=False)])
    data = compute(case, date(2026, 5, 2)).to_json()
    assert data["private_wait"]["sent"] == "2026-05-01T09:00:00+02:00"
    json.dumps(data)
