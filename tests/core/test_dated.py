"""Dated facts, and the day a case is judged by."""

from __future__ import annotations

from datetime import date

from plainte.core.dated import in_force, judged_from_end, judged_on
from plainte.core.model import CaseStatus
from plainte.core.sagafile import read_saga


def _red():
    from plainte.core.demo import demo_files

    cases = [c for p in demo_files() for c in read_saga(p).cases]
    return next(c for c in cases if c.status is not CaseStatus.OPEN)


def test_an_ended_case_is_judged_on_its_last_day_whether_read_whole_or_from_its_end():
    case = _red()
    today = date(2026, 8, 22)
    last = case.events[-1].at.day
    assert judged_on(case, today) == last
    assert judged_from_end(case.status, reversed(case.events), today) == last
    earlier = case.events[2].at.day  # an event after "today" is not its end
    assert judged_from_end(case.status, reversed(case.events), earlier) == earlier


def test_a_running_case_is_judged_today_without_reading_an_event():
    def never():
        raise AssertionError("read")
        yield

    assert judged_from_end(CaseStatus.OPEN, never(), date(2026, 1, 5)) == date(2026, 1, 5)


def test_an_ended_case_with_no_event_is_judged_today():
    assert judged_from_end(CaseStatus.SWITCHED, [], date(2026, 1, 5)) == date(2026, 1, 5)
    assert in_force({"from": date(2026, 1, 1)}, date(2026, 1, 5))
