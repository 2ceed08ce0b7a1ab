"""``verify``: each kind of damage named at its place, and memory that does not grow."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from plainte.core.editor import Editor
from plainte.core.sagafile import parse_saga, read_saga
from plainte.core.store import Store
from plainte.core.verify import verify_case

CASE = "demo-rogers-2010"


@pytest.fixture
def demo_store(store, demo_paths):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    return store


def _found(verdict) -> set[tuple[str, str]]:
    return {(p.where, p.key) for p in verdict.problems}


def test_a_record_deleted_behind_the_journal_is_missing(demo_store):
    demo_store.conn.execute("DELETE FROM promises WHERE case_id = ? AND id = 'rp1'", (CASE,))
    found = _found(verify_case(demo_store, CASE))
    assert ("promise rp1", "record_missing") in found
    demo_store.conn.execute("DELETE FROM events WHERE case_id = ? AND id = 'r5'", (CASE,))
    found = _found(verify_case(demo_store, CASE))
    assert ("event r5", "record_missing") in found


def test_a_record_added_behind_the_journal_is_not_journaled(demo_store):
    conn = demo_store.conn
    columns = [r[1] for r in conn.execute("PRAGMA table_info(events)") if r[1] != "rowid"]
    marks = ", ".join("'forged'" if c == "id" else c for c in columns)
    conn.execute(
        f"INSERT INTO events ({', '.join(columns)}) SELECT {marks} FROM events"
        " WHERE case_id = ? AND id = 'r5'",
        (CASE,),
    )
    assert ("event forged", "not_journaled") in _found(verify_case(demo_store, CASE))


def test_a_retracted_record_shown_again_is_named(demo_store):
    Editor(demo_store).delete_event(CASE, "r4")
    assert verify_case(demo_store, CASE).ok  # its promise is hidden with it, not missing
    demo_store.conn.execute(
        "UPDATE events SET retracted_at = NULL WHERE case_id = ? AND id = 'r4'", (CASE,)
    )
    found = {(where, key) for where, key in _found(verify_case(demo_store, CASE))}
    assert ("event r4", "retracted_but_shown") in found


def test_an_altered_case_field_is_named(demo_store):
    demo_store.conn.execute("UPDATE cases SET title = 'Autre' WHERE id = ?", (CASE,))
    assert (f"case {CASE}", "record_mismatch") in _found(verify_case(demo_store, CASE))


def _store_of(folder, events: int) -> Store:
    rows = [
        {
            "id": f"e{i}",
            "at": f"{2020 + i // 4000}-{1 + i // 334 % 12:02d}-{1 + i % 28:02d}T10:00:00Z",
            "channel": ("phone", "email", "chat")[i % 3],
            "direction": "out" if i % 3 else "in",
            "summary": f"Appel numéro {i} : le service est toujours coupé, sans suite. " * 3,
            **(
                {
                    "promises": [
                        {"id": f"p{i}", "text": "Un technicien passera", "due": "2021-01-01"}
                    ]
                }
                if i % 10 == 0
                else {}
            ),
        }
        for i in range(events)
    ]
    saga = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "long",
                "title": "Plus de ligne",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "events": rows,
            }
        ],
    }
    store = Store.open(folder)
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases, backup=False)
    return store


def _peak(store: Store) -> int:
    tracemalloc.start()
    try:
        assert verify_case(store, "long").ok
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_case(tmp_path):
    """Records are checked a page at a time against their last entries: four times the
    events, about the same peak (it held every record's last content: 4× the memory)."""
    small = _peak(_store_of(tmp_path / "small", 3_000))
    large = _peak(_store_of(tmp_path / "large", 12_000))
    assert large < 1.5 * small, (small, large)


def _saga_of(events: list[dict]) -> bytes:
    case = {
        "id": "long",
        "title": "Plus de ligne",
        "provider": "Examplecom",
        "country": "FR",
        "sector": "internet",
    }
    saga = {"format": "plainte-saga", "version": 1, "cases": [{**case, "events": events}]}
    return json.dumps(saga).encode()


def _record_problems(verdict) -> set[tuple[str, str]]:
    return {(p.where, p.key) for p in verdict.problems if not p.key.startswith("file_")}


def test_every_shape_of_a_healthy_record_verifies(tmp_path):
    """Fractional and whole waits, no wait, files, optional fields set or not: the record
    written field by field matches the entry the journal wrote."""
    sha = "ab" * 32
    events = [
        {"id": "a", "at": "2026-01-05T09:00:00+01:00", "channel": "phone", "direction": "in",
         "wait_minutes": 2.5, "counterpart": "Agent « Léa »", "reference": "INC-1"},
        {"id": "b", "at": "2026-01-05", "channel": "email", "direction": "out",
         "wait_minutes": 3, "summary": 'Ligne coupée, "encore"\n\\ sans suite',
         "attachments": [{"name": "facture.pdf", "sha256": sha, "size": 1200}]},
        {"id": "c", "at": "2026-01-06T10:00:00Z", "channel": "chat", "direction": "out",
         "wait_minutes": 0, "step": "complaint"},
    ]  # fmt: skip
    store = Store.open(tmp_path)
    store.import_cases(parse_saga(_saga_of(events)).cases, backup=False)
    verdict = verify_case(store, "long")
    assert verdict.records == 3 and verdict.files == 1
    assert _record_problems(verdict) == set()


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("events", "summary", 42),
        ("events", "summary", b"\x00\xff"),
        ("events", "wait_minutes", "abc"),
        ("events", "wait_minutes", 1e999),
        ("events", "wait_minutes", 4.0000001),
        ("events", "channel", 5),
        ("events", "answered", 7),
        ("attachments", "size", "big"),
        ("attachments", "name", 3.5),
    ],
)
def test_a_value_of_the_wrong_type_in_a_row_is_a_mismatch_not_a_crash(
    tmp_path, table, column, value
):
    """What a hostile store holds is written as the journal's encoder would write it (or
    could not be written at all): the record is named, the check goes on."""
    sha = "cd" * 32
    events = [
        {"id": "x", "at": "2026-02-01T08:00:00Z", "channel": "phone", "direction": "in",
         "wait_minutes": 4, "summary": "Rappel promis",
         "attachments": [{"name": "photo.jpg", "sha256": sha, "size": 10}]},
        {"id": "y", "at": "2026-02-02T08:00:00Z", "channel": "phone", "direction": "out"},
    ]  # fmt: skip
    store = Store.open(tmp_path)
    store.import_cases(parse_saga(_saga_of(events)).cases, backup=False)
    assert _record_problems(verify_case(store, "long")) == set()
    key = "event_id" if table == "attachments" else "id"
    store.conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = 'x'", (value,))
    verdict = verify_case(store, "long")
    if (column, value) == ("answered", 7):  # any true value reads as answered: as journaled
        assert _record_problems(verdict) == set()
    else:
        assert _record_problems(verdict) == {("event x", "record_mismatch")}
    assert verdict.records == 2


@pytest.mark.parametrize("value", [b"\x00", 12, None])
def test_a_promise_row_of_the_wrong_type_is_a_mismatch_not_a_crash(demo_store, value):
    column = "due" if value is None else "text"
    demo_store.conn.execute(
        f"UPDATE promises SET {column} = ? WHERE case_id = ? AND id = 'rp1'", (value, CASE)
    )
    found = _found(verify_case(demo_store, CASE))
    assert ("promise rp1", "record_mismatch") in found
