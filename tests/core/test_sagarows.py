"""Events checked straight into rows: the same rows and journal texts as the reader's, or none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainte.core import journal
from plainte.core.errors import SagaFileError
from plainte.core.importing import _UNSEEN
from plainte.core.model import parse_when
from plainte.core.sagafile import FIRST_DAY, LAST_DAY, _Reader
from plainte.core.sagarows import event_json, event_rows, from_event, moment, promise_json

MOMENTS = [
    "2024-03-05",
    "2024-02-29",
    "2023-02-29",
    "1900-01-01",
    "1899-12-31",
    "2999-12-31",
    "3000-01-01",
    "2024-03-05T09:30:00",
    "2024-03-05T09:30:00+01:00",
    "2024-03-05T23:59:59-05:00",
    "2024-03-05T09:30:00Z",
    "2024-03-05T09:30",
    "2024-03-05T09:30:00.250+01:00",
    "2024-03-05 09:30:00",
    "2024-03-05T24:00:00",
    "2024-03-05T23:59:60",
    "2024-03-05T09:30:00+25:00",
    "2024-W10-1",
    "20240305",
    "2024-3-5",
    "２０２４-03-05",
    "",
    "today",
]


def _reader_rows(raw, case_id="c"):
    """What the saga-file reader makes of an event, as rows; the refusal if it refuses it.

    Ids given twice are left to the import's keys, as when the importer calls the reader.
    """
    try:
        event = _Reader(None).event(raw, "cases[0].events[0]", case_id, _UNSEEN, _UNSEEN)
    except SagaFileError as exc:
        return exc
    return from_event(event, case_id), journal.event_json(event), event


@pytest.mark.parametrize("text", MOMENTS)
def test_the_usual_date_forms_give_the_reader_s_sort_key_and_day(text):
    found = moment(text)
    try:
        when = parse_when(text)
        valid = FIRST_DAY <= when.day <= LAST_DAY
    except ValueError:
        valid = False
    if found is not None:  # never accepts what the reader refuses, never differs from it
        assert valid
        assert found == (when.sort_key, when.day.isoformat())
    if text in ("2024-03-05", "2024-03-05T09:30:00+01:00", "2024-03-05T09:30:00Z"):
        assert found is not None


GOOD_MOMENTS = [m for m in MOMENTS[:12] if m not in ("2023-02-29", "1899-12-31", "3000-01-01")]
GOOD = {
    "id": ["e1", "x" * 200],
    "at": GOOD_MOMENTS,
    "channel": ["phone", "email"],
    "direction": ["in", "out"],
    "answered": [True, False],
    "kind": ["contact", "note"],
    "counterpart": [None, "", "Agent 7", "tab\tand\nline"],
    "reference": [None, "INC-1", "é" * 1000],
    "summary": [None, "Promised a call back", "y" * 100_000],
    "wait_minutes": [None, 0, 12, 2.5, 1_000_000],
    "step": [None, "ombudsman"],
}
BAD = {
    "id": ["", " ", "x" * 201, "a\x00", 5, None],
    "at": [m for m in MOMENTS if m not in GOOD_MOMENTS] + [None, 20240305],
    "channel": ["pigeon", 1, None],
    "direction": ["up", None],
    "answered": [None, 1],
    "kind": ["memo", None],
    "counterpart": ["bell\x07", "x" * 1001, 3, []],
    "reference": ["x" * 1001, 3],
    "summary": ["y" * 100_001, "a\x1f", 3],
    "wait_minutes": [1_000_001, -1, True, "3", float("inf")],
    "step": ["Ombudsman", "", 3],
    "promises": [{}, "no", [{"text": "Call back", "id": "p1", "due": "2024-02-30"}]],
    "attachments": ["no", [{"name": "", "sha256": "a" * 64, "size": 1}]],
}
promises = st.lists(
    st.fixed_dictionaries(
        {"text": st.sampled_from(["Call back", "Call back", "Refund", "", "  ", 4, "a\x01"])},
        optional={
            "id": st.sampled_from(["p1", "p2", "p3", "", 7, "x" * 201]),
            "due": st.sampled_from(GOOD_MOMENTS + MOMENTS),
            "status": st.sampled_from(["pending", "kept", "broken", "maybe", None]),
            "closed_at": st.sampled_from(GOOD_MOMENTS + MOMENTS),
            "window": st.sampled_from(
                [None, {"from": "08:00", "to": "12:00"}, {"from": "8:00", "to": "12:00"}, {}]
            ),
            "extra": st.just(1),
        },
    ),
    max_size=2,
)
attachments = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.sampled_from(["bill.pdf", "bill.pdf", "", 3]),
            "sha256": st.sampled_from(["a" * 64, "a" * 64, "A" * 64, "a" * 63]),
            "size": st.sampled_from([0, 12, 12, -1, True, 2**63]),
        }
    ),
    max_size=2,
)


@st.composite
def events(draw):
    """An event of valid fields, some left out, often with one field made wrong."""
    raw = {
        name: draw(st.sampled_from(values))
        for name, values in GOOD.items()
        if name in ("at", "channel", "direction") or draw(st.booleans())
    }
    if draw(st.booleans()):
        raw["promises"] = draw(promises)
    if draw(st.booleans()):
        raw["attachments"] = draw(attachments)
    if draw(st.integers(0, 2)) == 0:
        name = draw(st.sampled_from(sorted(BAD)))
        raw[name] = draw(st.sampled_from(BAD[name]))
    if draw(st.integers(0, 9)) == 0:
        raw["extra"] = "unknown field"
    return raw


@settings(max_examples=600, deadline=None)
@given(events())
def test_an_event_gives_the_reader_s_rows_and_journal_or_is_left_to_the_reader(raw):
    found = event_rows(raw, "c")
    expected = _reader_rows(raw)
    if isinstance(expected, SagaFileError):
        assert found is None  # the reader names the fault and its place
        return
    rows, content, event = expected
    assert event_json(rows[0], rows[2]) == content
    for row, promise in zip(rows[1], event.promises, strict=True):
        assert promise_json(row) == journal.canonical(journal.promise_content(promise))
    if found is not None:
        assert found == rows


def test_the_usual_shape_is_read_without_the_reader():
    raw = {
        "id": "e1",
        "at": "2024-03-05T09:30:00+01:00",
        "channel": "phone",
        "direction": "out",
        "answered": False,
        "counterpart": "Agent 7",
        "summary": "Promised a call back",
        "wait_minutes": 12,
        "step": "ombudsman",
        "kind": "note",
        "promises": [
            {
                "id": "p1",
                "text": "Call back",
                "due": "2024-03-07",
                "status": "kept",
                "window": {"from": "08:00", "to": "12:00"},
            }
        ],
        "attachments": [{"name": "bill.pdf", "sha256": "a" * 64, "size": 12}],
    }
    found = event_rows(raw, "c")
    assert found is not None
    assert found == _reader_rows(raw)[0]
    row, promise_rows, files = found
    assert row[3] == "2024-03-05T09:30:00" and row[10] == 12.0
    assert promise_rows[0][5] == "2024-03-07"
    assert files == [("c", "e1", "bill.pdf", "a" * 64, 12)]
