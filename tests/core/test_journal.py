"""The journal: amendments and retractions keep the history; any altered byte is named."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainte.core import backups
from plainte.core.editor import Editor
from plainte.core.errors import SagaFileError
from plainte.core.model import EventKind
from plainte.core.sagafile import dump_saga, parse_saga, read_saga
from plainte.core.store import SCHEMA_VERSION, Store
from plainte.core.verify import verify_case

FIXTURE = Path(__file__).parents[1] / "fixtures" / "store-v1.sqlite"


@pytest.fixture
def demo_store(store, demo_paths):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    return store


def _where(verdict) -> list[str]:
    return [p.where for p in verdict.problems]


def test_a_fresh_import_verifies(demo_store):
    verdict = verify_case(demo_store, "demo-rogers-2010")
    assert verdict.ok and verdict.entries == 17  # the case, 14 events and 2 promises


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("summary", "Rewritten"),
        ("at", "2010-07-08T09:13:00-04:00"),
        ("channel", "email"),
        ("direction", "out"),
        ("answered", 1),
        ("counterpart", "Someone"),
        ("reference", "X-1"),
        ("wait_minutes", 5),
        ("step", "ombudsman"),
        ("sort_at", "2010-07-01T00:00:00"),
    ],
)
def test_altering_a_stored_event_is_named(demo_store, column, value):
    demo_store.conn.execute(f"UPDATE events SET {column} = ? WHERE id = 'r5'", (value,))
    verdict = verify_case(demo_store, "demo-rogers-2010")
    assert "event r5" in _where(verdict)


@pytest.mark.parametrize(
    ("column", "value"), [("text", "Nothing"), ("status", "kept"), ("due", "2010-08-01")]
)
def test_altering_a_stored_promise_is_named(demo_store, column, value):
    demo_store.conn.execute(f"UPDATE promises SET {column} = ? WHERE id = 'rp1'", (value,))
    assert "promise rp1" in _where(verify_case(demo_store, "demo-rogers-2010"))


@pytest.mark.parametrize("column", ["content", "at", "prev", "hash", "entity_id", "action"])
def test_altering_a_journal_entry_is_named(demo_store, column):
    row = demo_store.conn.execute(
        f"SELECT {column} FROM journal WHERE case_id = 'demo-rogers-2010' AND n = 4"
    ).fetchone()
    altered = row[0].replace("r", "R", 1) if "r" in row[0] else row[0] + "x"
    if column == "action":
        altered = "amend"
    demo_store.conn.execute(
        f"UPDATE journal SET {column} = ? WHERE case_id = 'demo-rogers-2010' AND n = 4", (altered,)
    )
    named = _where(verify_case(demo_store, "demo-rogers-2010"))
    assert "journal #4" in named or "journal #5" in named


def test_an_edit_is_an_amendment_that_keeps_the_original(demo_store, past_the_grace):
    editor = Editor(demo_store)
    event = editor.find_event("demo-red-2016", "e3")
    original = event.summary
    event.summary = "Message privé, relu et corrigé"
    editor.save_event("demo-red-2016", event)
    chain = demo_store.journal("demo-red-2016")
    versions = [e for e in chain if e.entity_id == "e3"]
    assert [e.action for e in versions] == ["create", "amend"]
    assert versions[0].content["summary"] == original
    assert versions[1].content["summary"] == "Message privé, relu et corrigé"
    amended = demo_store.conn.execute("SELECT amended_at FROM events WHERE id = 'e3'").fetchone()
    assert amended[0] is not None
    assert verify_case(demo_store, "demo-red-2016").ok


def test_a_deletion_is_a_retraction(demo_store):
    editor = Editor(demo_store)
    gone = editor.delete_event("demo-rogers-2010", "r4")
    case = demo_store.load_case("demo-rogers-2010")
    assert "r4" not in {e.id for e in case.events}
    assert [p.id for p in case.promises()] == ["p2"]  # its own promise is hidden with it
    assert demo_store.journal("demo-rogers-2010")[-1].action == "retract"
    assert verify_case(demo_store, "demo-rogers-2010").ok
    editor.restore_event("demo-rogers-2010", gone)
    assert "r4" in {e.id for e in demo_store.load_case("demo-rogers-2010").events}
    assert demo_store.journal("demo-rogers-2010")[-1].action == "restore"
    assert verify_case(demo_store, "demo-rogers-2010").ok


def test_the_exported_file_carries_the_chain_and_round_trips(tmp_path, demo_store):
    editor = Editor(demo_store)
    editor.delete_event("demo-red-2016", "e2")
    case = demo_store.load_case("demo-red-2016", with_journal=True)
    text = dump_saga([case])
    again = parse_saga(text.encode()).cases[0]
    assert [e.action for e in again.journal][-1] == "retract"
    fresh = Store.open(tmp_path / "fresh")
    fresh.import_cases([again])
    assert dump_saga([fresh.load_case("demo-red-2016", with_journal=True)], _stamp(text)) == text
    assert verify_case(fresh, "demo-red-2016").ok
    fresh.close()


def _stamp(text: str):
    from datetime import datetime

    return datetime.fromisoformat(json.loads(text)["exported_at"])


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("events", 2, "summary"), "Rewritten", "event e3"),
        (("events", 4, "reference"), "TW-00000", "event e5"),
        (("events", 4, "promises", 0, "status"), "kept", "promise p1"),
        (("journal", 1, "content", "summary"), "Forged", "journal #2"),
        (("journal", 5, "at"), "2020-01-01T00:00:00+00:00", "journal #6"),
        (("journal", 3, "hash"), "0" * 64, "journal #4"),
    ],
)
def test_altering_an_exported_entry_is_refused_and_named(demo_store, path, value, named):
    doc = json.loads(dump_saga([demo_store.load_case("demo-red-2016", with_journal=True)]))
    node = doc["cases"][0]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(SagaFileError) as info:
        parse_saga(json.dumps(doc).encode())
    assert named in str(info.value) and "cases[0].journal" in str(info.value)


def test_any_altered_byte_of_an_exported_event_is_caught(demo_store, tmp_path):
    from plainte.core.verify import verify_file

    text = dump_saga([demo_store.load_case("demo-rogers-2010", with_journal=True)])
    start = text.index('"events": [')
    end = text.index('"journal": [')
    caught = 0
    for position in range(start + 12, end, 61):
        if text[position] in '"\\{}[],: \n':
            continue
        forged = text[:position] + ("X" if text[position] != "X" else "Y") + text[position + 1 :]
        path = tmp_path / "forged.json"
        path.write_text(forged, encoding="utf-8")
        try:
            verdicts = verify_file(path)
        except SagaFileError:
            caught += 1
            continue
        assert not verdicts[0].ok, forged[position - 40 : position + 20]
        caught += 1
    assert caught > 20


def test_a_version_1_store_migrates_with_a_backup_first(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / "plainte.sqlite")
    store = Store.open(data)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kept = backups.list_backups(data / "backups")
    assert len(kept) == 1 and kept[0].name.endswith("-migration.sqlite")
    old = sqlite3.connect(kept[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    case = store.load_case("v1-case")
    assert [e.id for e in case.events] == ["e1", "e2", "e3"]
    assert case.events[0].promises[0].text == "Un technicien passe sous 15 jours"
    assert len(store.journal("v1-case")) == 4
    assert verify_case(store, "v1-case").ok
    store.close()


def test_verify_hashes_the_content_as_stored(demo_store):
    """Re-spacing a stored entry's JSON, same meaning, is still a changed byte."""
    conn = demo_store.conn
    n, content = conn.execute(
        "SELECT n, content FROM journal WHERE case_id = 'demo-rogers-2010' ORDER BY n LIMIT 1"
    ).fetchone()
    conn.execute(
        "UPDATE journal SET content = ? WHERE case_id = 'demo-rogers-2010' AND n = ?",
        (content.replace(",", ", ", 1), n),
    )
    problems = verify_case(demo_store, "demo-rogers-2010").problems
    assert [(p.where, p.key) for p in problems][:1] == [(f"journal #{n}", "hash_mismatch")]


@given(
    st.builds(
        dict,
        answered=st.booleans(),
        summary=st.none() | st.text(max_size=40),
        counterpart=st.none() | st.text(max_size=10),
        wait=st.none() | st.integers(0, 10**6) | st.floats(0, 10**6, allow_nan=False),
        kind=st.sampled_from([k.value for k in EventKind]),
        files=st.lists(st.tuples(st.text(max_size=8), st.integers(0, 2**63 - 1)), max_size=2),
    )
)
def test_an_events_json_is_its_canonical_content(fields):
    from plainte.core.journal import canonical, event_content, event_json
    from plainte.core.model import Attachment, Channel, Direction, Event, parse_when

    event = Event(
        id='e\u00e9"1',
        at=parse_when("2026-03-02T10:00:00+01:00"),
        channel=Channel.PHONE,
        direction=Direction.IN,
        answered=fields["answered"],
        counterpart=fields["counterpart"],
        summary=fields["summary"],
        wait_minutes=None if fields["wait"] is None else float(fields["wait"]),
        kind=EventKind(fields["kind"]),
        attachments=[Attachment(name, "a" * 64, size) for name, size in fields["files"]],
    )
    assert event_json(event) == canonical(event_content(event))
