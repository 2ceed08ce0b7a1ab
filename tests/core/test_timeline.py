"""The timeline read in windows: its order in chunks, its search texts for another process."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from plainte.core import timeline
from plainte.core.editor import Editor
from plainte.core.sagafile import parse_saga
from tests.conftest import saga_doc


def _store_with_ties(store):
    events = [
        {
            "id": f"e{i}",
            "at": f"2025-03-{1 + i % 5:02d}",  # many events share a day: ties in the sort key
            "channel": ("phone", "email", "chat")[i % 3],
            "direction": "in" if i % 2 else "out",
            "summary": f"Call {i}",
            "counterpart": f"Agent {i % 4}",
        }
        for i in range(40)
    ]
    events[3]["promises"] = [{"id": "p3", "text": "A technician will come"}]
    store.import_cases(parse_saga(json.dumps(saga_doc(events, id="c")).encode()).cases)
    Editor(store).delete_event("c", "e7")
    with store.transaction() as conn:  # as an e-mail body once brought one in
        conn.execute("UPDATE events SET summary = ? WHERE id = 'e4'", ("Call 4\0with a NUL",))
    return store


def test_the_order_read_in_chunks_is_the_timeline_order(store, monkeypatch):
    _store_with_ties(store)
    monkeypatch.setattr(timeline, "CHUNK", 6)  # chunk ends fall inside runs of equal days
    rows = store.conn.execute(
        "SELECT rowid, sort_at, channel FROM events WHERE case_id = 'c'"
        " AND retracted_at IS NULL ORDER BY sort_at, rowid"
    ).fetchall()
    got = timeline.order(store.conn, "c")
    assert (got.rowids, got.sorts, got.channels) == tuple(map(list, zip(*rows, strict=True)))
    assert len(got.rowids) == 39
    first = timeline.order(store.conn, "c", 5)
    assert first.rowids == got.rowids[:5]


def test_search_texts_written_in_blocks_read_back_the_same(store, monkeypatch):
    _store_with_ties(store)
    monkeypatch.setattr(timeline, "TEXT_BLOCK", 7)
    out = io.BytesIO()
    timeline.write_blocks(timeline.search_text_blocks(store.conn, "c"), out)
    data, buffer, texts = out.getvalue(), bytearray(), []
    for start in range(0, len(data), 5):  # as a pipe hands them over, in pieces
        buffer += data[start : start + 5]
        for block in timeline.read_blocks(buffer):
            assert len(block) <= 7
            texts += block
    assert not buffer
    buffer = bytearray(data)
    first = timeline.read_blocks(buffer, 1)  # one at a time: the window runs between two
    assert (
        len(first) == 1
        and first[0] == texts[:7]
        and len(buffer) == len(data) - 4 - len("\0".join(texts[:7]).encode())
    )
    expected = timeline.search_texts(store.conn, "c")
    assert texts == [t.replace("\0", " ") for t in expected] and len(texts) == 39
    assert any("a technician will come" in t for t in texts)


def _child(store, what: str) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, "-m", "plainte.core.timeline", what, str(store.path), "c"],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return timeline.read_blocks(bytearray(done.stdout))


def test_a_child_process_writes_the_order_and_the_search_texts(store):
    _store_with_ties(store)
    whole = timeline.Order([], [], [])
    for chunk in _child(store, "order"):
        timeline.add_order_chunk(whole, chunk)
    assert whole == timeline.order(store.conn, "c")
    texts = [t for block in _child(store, "texts") for t in block]
    assert texts == [t.replace("\0", " ") for t in timeline.search_texts(store.conn, "c")]


def test_a_child_process_writes_the_figures_of_the_whole_case(store):
    from datetime import date

    from plainte.core.dated import judged_on
    from plainte.core.model import CaseStatus
    from plainte.core.stats import SagaStats, compute

    _store_with_ties(store)
    for status in (CaseStatus.OPEN, CaseStatus.RESOLVED):  # an ended saga: as of its last day
        Editor(store).set_case_status("c", status)
        case, today = store.load_case("c"), date(2026, 11, 22)
        expected = compute(case, judged_on(case, today))
        args = ["figures", str(store.path), "c", today.isoformat()]
        done = subprocess.run(
            [sys.executable, "-m", "plainte.core.timeline", *args],
            capture_output=True,
            timeout=60,
            check=True,
        )
        [[text]] = timeline.read_blocks(bytearray(done.stdout))
        assert SagaStats.from_json(json.loads(text)) == expected
        assert expected.contacts_out + expected.contacts_in == 39
        assert expected.today == (today if status is CaseStatus.OPEN else expected.last_day)


@given(
    texts=st.lists(st.text(alphabet="abcé ", max_size=8), max_size=40),
    needle=st.text(alphabet="abcé ", max_size=3),
    channel=st.sampled_from([None, "", "phone", "email"]),
    pick=st.lists(st.booleans(), max_size=40),
    as_range=st.booleans(),
)
def test_matching_finds_what_a_loop_over_each_event_finds(texts, needle, channel, pick, as_range):
    """The C-speed search answers exactly as the plain loop it replaced, on a run of
    positions and on a narrowed list of them."""
    channels = [("phone", "email", "chat")[i % 3] for i in range(len(texts))]
    if as_range:
        start = len(pick) % (len(texts) + 1)
        positions = range(start, len(texts))
    else:
        positions = [i for i, keep in zip(range(len(texts)), pick, strict=False) if keep]
    expected = [
        p
        for p in positions
        if (not channel or channels[p] == channel) and (not needle or needle in texts[p])
    ]
    assert timeline.matching(positions, channels, texts, channel, needle) == expected


def test_a_row_is_found_where_its_key_says_or_anywhere_when_it_moved(store):
    _store_with_ties(store)
    order = timeline.order(store.conn, "c")
    newest = max(order.rowids)
    for at, (rowid, sort) in enumerate(zip(order.rowids, order.sorts, strict=True)):
        assert timeline.position(order, rowid, sort, newest) == at
    moved = order.rowids[3]  # its new key is elsewhere: found all the same
    assert timeline.position(order, moved, "2031-01-01", newest) == 3
    assert timeline.position(order, newest + 1, "2031-01-01", newest) is None  # a quick log
    gone = timeline.Order(order.rowids[:3] + order.rowids[4:], [], [])
    gone.sorts = order.sorts[:3] + order.sorts[4:]
    assert timeline.position(gone, moved, order.sorts[3], newest) is None
