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
