"""A new case's rows written first and journaled after: the same store as weighing by key."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import pytest

from plainte.core import importing
from plainte.core import store as store_module
from plainte.core.demo import demo_files
from plainte.core.errors import SagaFileError
from plainte.core.journal import (
    GENESIS,
    canonical,
    case_content,
    entry_hash,
    event_content,
    promise_content,
)
from plainte.core.sagafile import dump_saga, read_saga
from plainte.core.store import Store
from tests.conftest import saga_doc

NOW = "2026-11-23T10:00:00+00:00"


def _event(i: int) -> dict:
    """Event ``i`` of a generated saga: out of time order, every kind of field now and then."""
    row = {
        "id": f"e{i}",
        "at": f"2025-{1 + i * 7 % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00+01:00",
        "channel": ("phone", "email", "chat")[i % 3],
        "direction": "in" if i % 4 else "out",
        "summary": f"Contact {i}: \u00ab on vous rappelle \u00bb, again.",
    }
    if i % 9 == 0:
        row["at"] = row["at"][:10]  # a day only: the same sort key as others that day
    if i % 5 == 0:
        row["wait_minutes"] = i % 3 * 2.5
    if i % 11 == 0:
        row["attachments"] = [{"name": f"letter-{i}.pdf", "sha256": "c" * 64, "size": i}]
    if i % 13 == 0:
        row["kind"] = "note"
    if i % 17 == 0:
        row["promises"] = [
            {"id": f"p{i}", "text": "A refund", "due": "2025-06-01", "status": "broken"},
            {"text": "A call back", "window": {"from": "08:00", "to": "12:00"}},
        ]
    if i % 23 == 0:
        del row["id"]  # its id derived from its fields
    if i % 29 == 0:
        row["at"] = row["at"][:16]  # no seconds: a form left to the reader
    return row


def _files(tmp_path) -> list:
    events = [_event(i) for i in range(2_000)]
    random.Random(15).shuffle(events)
    path = tmp_path / "generated.json"
    path.write_text(json.dumps(saga_doc(events)), encoding="utf-8")
    return [*demo_files(), path]


def _by_key_always(monkeypatch) -> None:
    """Weigh every case by key, as plainte did for every case before (the reference path)."""
    head = importing.Importer.head

    def keyed_head(self, data, where):
        head(self, data, where)
        self.keyed = True

    monkeypatch.setattr(importing.Importer, "head", keyed_head)


def _journal(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT case_id, n, entity, entity_id, action, at, content, prev, hash FROM journal"
        " ORDER BY case_id, n"
    ).fetchall()


def _import(tmp_path, name: str, path) -> Store:
    store = Store.open(tmp_path / name)
    store.import_file(path, backup=False)
    return store


def _expected_hashes(path) -> dict[str, list[str]]:
    """Each case's chain computed from the reader's model objects, entry by entry."""
    chains = {}
    for case in read_saga(path).cases:
        records = [("case", case.id, case_content(case))]
        for event in case.events:  # in time order, file order within a time
            records.append(("event", event.id, event_content(event)))
            records += [("promise", p.id, promise_content(p)) for p in event.promises]
        prev, hashes = GENESIS, []
        for n, (entity, entity_id, content) in enumerate(records, 1):
            prev = entry_hash(prev, n, entity, entity_id, "create", NOW, canonical(content))
            hashes.append(prev)
        chains[case.id] = hashes
    return chains


def test_the_journal_is_the_one_weighing_by_key_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "recorded_now", lambda: NOW)
    files = _files(tmp_path)
    new = {path.name: _import(tmp_path, f"new-{path.stem}", path) for path in files}
    _by_key_always(monkeypatch)
    for path in files:
        reference = _import(tmp_path, f"keyed-{path.stem}", path)
        store = new[path.name]
        assert _journal(store) == _journal(reference), path.name
        assert list(store.conn.iterdump()) == list(reference.conn.iterdump()), path.name
        for case_id, hashes in _expected_hashes(path).items():
            assert [e.hash for e in store.journal(case_id)] == hashes
        reference.close()
        store.close()


def test_an_export_after_import_reads_back_the_same(tmp_path):
    path = _files(tmp_path)[-1]
    store = _import(tmp_path, "first", path)
    moment = datetime(2026, 11, 23, tzinfo=timezone.utc)
    exported = dump_saga([store.load_case("case-1", with_journal=True)], moment)
    again = tmp_path / "again.json"
    again.write_text(exported, encoding="utf-8")
    copy = _import(tmp_path, "second", again)
    assert dump_saga([copy.load_case("case-1", with_journal=True)], moment) == exported
    assert _journal(copy) == _journal(store)


@pytest.mark.parametrize("late", ["journal", "empty journal"])
def test_a_journal_after_the_events_turns_to_weighing_by_key(tmp_path, monkeypatch, late):
    monkeypatch.setattr(importing, "BATCH", 64)
    source = _import(tmp_path, "source", _files(tmp_path)[-1])
    doc = json.loads(dump_saga([source.load_case("case-1", with_journal=True)]))
    case = doc["cases"][0]
    case["journal"] = case.pop("journal") if late == "journal" else []
    path = tmp_path / "late.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    if late == "journal":
        copy = _import(tmp_path, "copy", path)
        assert _journal(copy) == _journal(source)
        return
    with pytest.raises(SagaFileError) as info:  # a journal that accounts for nothing
        _import(tmp_path, "copy", path)
    assert info.value.location == "cases[0].journal"


@pytest.mark.parametrize(
    ("twice", "where"),
    [
        ({700: {"id": "e3"}}, "cases[0].events[700].id"),
        ({130: {"id": "e129"}}, "cases[0].events[130].id"),
        (
            {650: {"promises": [{"id": "p17", "text": "Again"}]}, 660: {"id": "e3"}},
            "cases[0].events[650].promises[0].id",
        ),
        (
            {640: {"id": "e600"}, 650: {"promises": [{"id": "p17", "text": "Again"}]}},
            "cases[0].events[640].id",
        ),
    ],
)
def test_an_id_given_twice_is_named_where_weighing_by_key_names_it(
    tmp_path, monkeypatch, twice, where
):
    monkeypatch.setattr(importing, "BATCH", 100)
    events = [_event(i) for i in range(800)]
    for i, fields in twice.items():
        events[i].update(fields)
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(saga_doc(events)), encoding="utf-8")
    with pytest.raises(SagaFileError) as new:
        _import(tmp_path, "new", path)
    _by_key_always(monkeypatch)
    with pytest.raises(SagaFileError) as keyed:
        _import(tmp_path, "keyed", path)
    assert new.value.location == keyed.value.location == where
    assert str(new.value) == str(keyed.value)


def test_memory_does_not_grow_with_a_new_case_s_events(tmp_path):
    import tracemalloc

    peaks = {}
    for count in (24_000, 48_000):  # both read in many chunks
        path = tmp_path / f"plain-{count}.json"
        path.write_text(json.dumps(saga_doc([_event(i) for i in range(count)])), "utf-8")
        store = Store.open(tmp_path / f"d-{count}")
        tracemalloc.start()
        try:
            store.import_file(path, backup=False)
            peaks[count] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == count
        store.close()
    # twice the events held whole would double the peak; bounded reading stays flat, give or
    # take what the allocator and SQLite's page cache vary by (1.108 was seen once)
    assert peaks[48_000] < 1.4 * peaks[24_000], peaks
