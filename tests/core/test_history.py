"""A record's history: every version, field by field, in local time; corrections vs amendments."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date

import pytest

from plainte.core import history, timeline
from plainte.core.editor import Editor
from plainte.core.fingerprint import Fingerprint, of_store
from plainte.core.ladder import load_ladders
from plainte.core.model import Attachment, Channel, Direction, Event, Promise, parse_when
from plainte.core.report import report_context
from plainte.core.sagafile import parse_saga
from plainte.core.verify import verify_case

TODAY = date(2026, 11, 23)


@pytest.fixture
def saga_store(store, saga, journal_clock):
    """The reference saga, imported at 04:30 UTC on 23 November 2026 (22 Nov, 23:30 in Montréal)."""
    journal_clock("2026-11-23T04:30:00+00:00")
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    return store


def _fresh(summary: str = "Called the support line.") -> Event:
    return Event(
        id="new",
        at=parse_when("2026-11-22T23:10:00"),
        channel=Channel.PHONE,
        direction=Direction.OUT,
        summary=summary,
    )


def _report_row(store, event_id: str) -> dict:
    case = store.load_case("case-1", with_journal=True)
    context = report_context(case, load_ladders(), TODAY, "en")
    return next(r for r in context["rows"] if r["id"] == event_id)


def _text(versions) -> str:
    """The history as read, with the locale's narrow no-break spaces as plain ones."""
    return history.history_text(versions).replace("\u202f", " ").replace("\u00a0", " ")


def _amended_at(store, event_id: str) -> str | None:
    row = store.conn.execute("SELECT amended_at FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0]


def test_the_original_comes_first_then_each_change_field_by_field(
    saga_store, journal_clock, local_zone
):
    local_zone("America/Toronto")
    editor = Editor(saga_store)
    journal_clock("2026-11-23T05:40:00+00:00")  # 00:40 in Montréal: well past the grace
    event = editor.find_event("case-1", "c")
    changed = replace(
        copy.deepcopy(event),
        at=parse_when("2026-08-07T19:00:00"),
        channel=Channel.PHONE,
        counterpart="Jo",
        step="written_complaint",
        attachments=[Attachment("reply.pdf", "ab" * 32, 1200)],
    )
    editor.save_event("case-1", changed)
    journal_clock("2026-11-23T06:00:00+00:00")
    editor.delete_event("case-1", "c")

    versions = history.event_history(
        saga_store.journal("case-1"), "c", "en", lambda s: {"written_complaint": "Complaint"}[s]
    )
    assert [v.entry.action for v in versions] == ["create", "amend", "retract"]
    text = _text(versions)
    blocks = text.split("\n\n")
    assert "November 22, 2026, 11:30 PM · Event logged (the original)" in blocks[0]
    assert "Summary: “Written complaint, no reply.”" in blocks[0]
    assert "Channel: E-mail" in blocks[0]
    assert "November 23, 2026, 12:40 AM · Event amended" in blocks[1]
    for line in (
        "Date and time: August 7, 2026, 6:00 PM → August 7, 2026, 7:00 PM",
        "Channel: E-mail → Phone",
        "Agent: — → Jo",
        "Ladder step: — → Complaint",
        "Attachments: — → reply.pdf",
    ):
        assert line in blocks[1], line
    assert "Summary" not in blocks[1]  # unchanged fields are not listed
    assert "Event deleted" in blocks[2]

    french = _text(history.event_history(saga_store.journal("case-1"), "c", "fr"))
    assert "22 novembre 2026" in french and "Canal : Courriel → Téléphone" in french
    assert "Event" not in french and "Phone" not in french


def test_promises_and_letters_sent_show_in_their_event_history(saga_store, journal_clock):
    editor = Editor(saga_store)
    journal_clock(60)
    event = editor.find_event("case-1", "a")
    event.promises[0].due = parse_when("2026-08-06")
    event.promises.append(Promise(id="p-new", event_id="a", text="A refund of £10"))
    sent = Fingerprint(3, "f" * 64, "2026-11-23T04:30:00+00:00")
    editor.save_event("case-1", event, sent=sent)
    text = _text(history.event_history(saga_store.journal("case-1"), "a", "en"))
    assert "Promise recorded" in text and "Promise: A refund of £10" in text
    assert "Due: August 5, 2026, 9:15 AM → August 6, 2026" in text
    assert "carrying the fingerprint #3 ffffffffffff" in text


def test_the_case_history_lists_its_own_fields(saga_store, journal_clock):
    editor = Editor(saga_store)
    journal_clock(60)
    case = saga_store.load_case("case-1")
    edited = replace(copy.deepcopy(case), title="Broadband down for a month", notes="Day 30")
    editor.save_case(edited)
    versions = history.case_history(saga_store.journal("case-1"), "case-1", "en")
    text = _text(versions)
    assert "Saga created (the original)" in text
    assert "Title: Broadband down for three weeks → Broadband down for a month" in text
    assert "Notes: — → Day 30" in text
    assert "Name: Alex Smith" in text.split("\n\n")[0]
    assert "Country: United Kingdom" in text  # names, not the file's codes


def test_journal_dates_read_in_local_time_not_utc(saga_store, journal_clock, local_zone):
    """An evening edit in Montréal (23:30, 04:30 UTC the next day) says the evening's day."""
    local_zone("America/Toronto")
    editor = Editor(saga_store)
    journal_clock("2026-11-23T04:45:00+00:00")  # 15 minutes after the import: an amendment
    event = editor.find_event("case-1", "c")
    event.summary = "Written complaint, still no reply."
    editor.save_event("case-1", event)
    assert _report_row(saga_store, "c")["amended_on"] == "November 22, 2026"
    place = timeline.place(saga_store.conn, "case-1", "c")
    assert place is not None and place.amended_on == date(2026, 11, 22)
    assert of_store(saga_store.conn, "case-1").text.endswith("(2026-11-22)")
    local_zone("Europe/Paris")
    assert of_store(saga_store.conn, "case-1").text.endswith("(2026-11-23)")


def test_a_fix_right_after_logging_is_a_correction_not_an_amendment(saga_store, journal_clock):
    editor = Editor(saga_store)
    journal_clock("2026-11-23T10:00:00+00:00")
    editor.save_event("case-1", _fresh())
    journal_clock("2026-11-23T10:06:00+00:00")  # six minutes later: a typo fixed
    editor.save_event("case-1", _fresh("Called the support line about the outage."))

    assert _amended_at(saga_store, "new") is None
    assert _report_row(saga_store, "new")["amended_on"] == ""
    assert verify_case(saga_store, "case-1").ok  # still journaled, still checkable
    versions = history.event_history(saga_store.journal("case-1"), "new", "en")
    assert [v.correction for v in versions] == [False, True]
    text = _text(versions)
    assert "Event corrected within 10 minutes of logging (not an amendment)" in text
    assert "“Called the support line.” → “Called the support line about the outage.”" in text


def test_after_the_grace_a_change_is_an_amendment_with_the_corrected_original(
    saga_store, journal_clock
):
    editor = Editor(saga_store)
    journal_clock("2026-11-23T10:00:00+00:00")
    editor.save_event("case-1", _fresh("Called suport."))
    journal_clock("2026-11-23T10:03:00+00:00")
    editor.save_event("case-1", _fresh("Called support."))
    journal_clock("2026-11-23T10:11:00+00:00")  # eleven minutes after logging
    editor.save_event("case-1", _fresh("Called support; they hung up."))

    assert _amended_at(saga_store, "new") == "2026-11-23T10:11:00+00:00"
    row = _report_row(saga_store, "new")
    assert row["amended_on"] == "November 23, 2026"
    assert row["original"] == "Called support."  # the version its grace ended with
    assert verify_case(saga_store, "case-1").ok


def test_a_fingerprint_recorded_after_logging_ends_the_grace(saga_store, journal_clock):
    editor = Editor(saga_store)
    journal_clock("2026-11-23T10:00:00+00:00")
    editor.save_event("case-1", _fresh())
    journal_clock("2026-11-23T10:01:00+00:00")  # a letter marked sent carries the fingerprint
    letter = replace(_fresh("Complaint sent."), id="letter", channel=Channel.EMAIL)
    editor.save_event("case-1", letter, sent=of_store(saga_store.conn, "case-1"))
    journal_clock("2026-11-23T10:02:00+00:00")
    editor.save_event("case-1", _fresh("Called the support line twice."))

    assert _amended_at(saga_store, "new") is not None
    assert _report_row(saga_store, "new")["amended_on"] == "November 23, 2026"
    versions = history.event_history(saga_store.journal("case-1"), "new", "en")
    assert [v.correction for v in versions] == [False, False]


def test_within_grace_is_the_one_rule():
    created = "2026-11-23T10:00:00+00:00"
    assert history.within_grace(created, "2026-11-23T10:10:00+00:00", False)
    assert not history.within_grace(created, "2026-11-23T10:10:01+00:00", False)
    assert not history.within_grace(created, "2026-11-23T10:01:00+00:00", True)
    assert not history.within_grace(created, "2026-11-23T09:59:00+00:00", False)


def test_reading_one_record_alone_gives_the_same_history_as_the_whole_journal(
    saga_store, journal_clock
):
    editor = Editor(saga_store)
    journal_clock("2026-11-23T10:00:00+00:00")
    editor.save_event("case-1", _fresh())
    journal_clock("2026-11-23T10:01:00+00:00")
    letter = replace(_fresh("Complaint sent."), id="letter", channel=Channel.EMAIL)
    editor.save_event("case-1", letter, sent=of_store(saga_store.conn, "case-1"))
    journal_clock("2026-11-23T10:02:00+00:00")
    event = editor.find_event("case-1", "a")
    event.promises[0].text = "An engineer will call back within 24 hours"
    editor.save_event("case-1", event)
    editor.save_event("case-1", _fresh("Called twice."))
    whole = saga_store.journal("case-1")
    for event_id in ("a", "new", "letter"):
        alone = history.event_entries(saga_store.conn, "case-1", event_id)
        assert len(alone) < len(whole)
        assert _text(history.event_history(alone, event_id, "en")) == _text(
            history.event_history(whole, event_id, "en")
        )
    alone = history.case_entries(saga_store.conn, "case-1")
    assert _text(history.case_history(alone, "case-1", "en")) == _text(
        history.case_history(whole, "case-1", "en")
    )
