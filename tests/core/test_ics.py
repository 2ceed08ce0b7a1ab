"""The calendar export: hostile text and extreme dates give a file strict readers accept."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from icalendar import Calendar, vText

from plainte.core.ics import calendar, clean
from plainte.core.ladder import evaluate, load_ladders
from plainte.core.model import When
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

TODAY = date(2026, 8, 22)
STAMP = datetime(2026, 8, 22, 9, 0, tzinfo=timezone.utc)
HOSTILE = "a\rb\r\nc\nd\x00e\x01f\x7fg\x85h\u2028i\u2029j\x0bk\x0cl;m,n\\o\tp" + "é" * 90


def _case():
    return parse_saga(json.dumps(saga_doc()).encode()).cases[0]


def _ics(case) -> bytes:
    state = evaluate(load_ladders().for_case(case), case, TODAY)
    return calendar(case, state, TODAY, "en", STAMP).encode("utf-8")


def _strict_lines(data: bytes) -> None:
    """Every physical line ends in CRLF, fits 75 octets, holds no bare CR or control."""
    assert data.endswith(b"\r\n")
    for line in data[:-2].split(b"\r\n"):
        assert len(line) <= 75, line
        assert b"\r" not in line and b"\n" not in line
        assert not any((b < 0x20 and b != 0x09) or b == 0x7F for b in line), line
        line.decode("utf-8")  # folding never splits a character


def test_clean_keeps_text_and_turns_every_break_into_a_newline():
    assert clean("a\rb\r\nc\u2028d\x00e\x1ff\tg") == "a\nb\nc\nde" + "f\tg"


def test_hostile_text_gives_a_file_icalendar_parses_back():
    case = _case()
    case.provider = HOSTILE
    case.title = HOSTILE
    case.events[0].promises[0].text = HOSTILE
    data = _ics(case)
    _strict_lines(data)
    parsed = Calendar.from_ical(data)
    summaries = [str(e["SUMMARY"]) for e in parsed.walk("VEVENT")]
    expected = clean(HOSTILE)
    assert any(s == f"{expected} promised: {expected}" for s in summaries), summaries
    name = vText(f"{expected} — {expected}").to_ical().decode()  # X- names stay escaped
    assert str(parsed["X-WR-CALNAME"]) == name


@pytest.mark.parametrize("due", ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59+14:00"])
def test_a_promise_due_at_the_ends_of_the_calendar_is_exported(due):
    case = _case()
    promise = case.events[0].promises[0]
    promise.due = When(due, date.fromisoformat(due[:10]))
    data = _ics(case)
    _strict_lines(data)
    events = {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    mine = next(e for e in events.values() if "An engineer" in str(e["SUMMARY"]))
    assert mine["DTSTART"].dt == date.fromisoformat(due[:10])
    assert ("DTEND" in mine) == (due[:10] != "9999-12-31")
    assert f"DTSTART;VALUE=DATE:{due[:4]}{due[5:7]}{due[8:10]}".encode() in data


def test_uids_are_stable_between_exports():
    case = _case()
    first = [str(e["UID"]) for e in Calendar.from_ical(_ics(case)).walk("VEVENT")]
    again = [str(e["UID"]) for e in Calendar.from_ical(_ics(case)).walk("VEVENT")]
    assert first == again and len(set(first)) == len(first)
