"""Importing a saga file as it is read: one transaction, bounded memory, located refusals."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from plainte.core import importing, sagastream
from plainte.core.errors import SagaFileError
from plainte.core.sagafile import dump_saga
from plainte.core.store import Store
from tests.conftest import saga_doc


def _event(i: int, **extra) -> dict:
    row = {
        "id": f"e{i}",
        "at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T09:{i % 60:02d}:00+01:00",
        "channel": "phone",
        "direction": "out",
        "summary": f"Call {i}: the agent promised a technician, again.",
    }
    if i % 40 == 0:
        row["promises"] = [{"id": f"p{i}", "text": "A technician will come", "due": "2025-06-01"}]
    row.update(extra)
    return row


def _write(path, events: list[dict]):
    path.write_text(json.dumps(saga_doc(events)), encoding="utf-8")
    return path


def _exported(tmp_path, count: int):
    """A plainte export (with its journal) of one case of ``count`` events."""
    source = Store.open(tmp_path / f"source-{count}")
    source.import_file(_write(tmp_path / f"plain-{count}.json", [_event(i) for i in range(count)]))
    path = tmp_path / f"export-{count}.json"
    path.write_text(dump_saga([source.load_case("case-1", with_journal=True)]), encoding="utf-8")
    source.close()
    return path


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _dump(store: Store) -> list[str]:
    return list(store.conn.iterdump())


def test_memory_does_not_grow_with_the_number_of_events(tmp_path):
    small, large = _exported(tmp_path, 2_000), _exported(tmp_path, 20_000)
    assert large.stat().st_size > 9 * small.stat().st_size
    peaks = {}
    for name, path in (("small", small), ("large", large)):
        store = Store.open(tmp_path / f"dest-{name}")
        first = _peak(lambda s=store, p=path: s.import_file(p, backup=False))
        again = _peak(lambda s=store, p=path: s.import_file(p, backup=False))  # the merge
        peaks[name] = (first, again)
        store.close()
    # a whole-file read holds every event: ten times the events would be ten times the peak
    assert peaks["large"][0] < 1.5 * peaks["small"][0] + 512 * 1024, peaks
    assert peaks["large"][1] < 1.5 * peaks["small"][1] + 512 * 1024, peaks


def test_plain_sagas_get_the_same_journal_as_before(tmp_path):
    """The records of a file without a journal are journaled case first, then by time."""
    store = Store.open(tmp_path / "d")
    store.import_file(_write(tmp_path / "s.json", [_event(i) for i in range(100)][::-1]))
    order = [
        row[0]
        for row in store.conn.execute(
            "SELECT entity_id FROM journal WHERE case_id = 'case-1' ORDER BY n"
        )
    ]
    case = store.load_case("case-1")
    expected = ["case-1"] + [i for e in case.events for i in [e.id, *(p.id for p in e.promises)]]
    assert order == expected
    from plainte.core.verify import verify_case

    assert verify_case(store, "case-1").ok


@pytest.mark.parametrize("merge", [False, True], ids=["new case", "case already there"])
def test_a_bad_last_event_leaves_the_store_exactly_as_it_was(tmp_path, monkeypatch, merge):
    monkeypatch.setattr(importing, "BATCH", 100)  # many batches are written before the fault
    store = Store.open(tmp_path / "d")
    if merge:
        store.import_file(_write(tmp_path / "first.json", [_event(i) for i in range(10)]))
    before = _dump(store)
    backups = sorted(store.backup_dir.glob("*"))
    events = [_event(i) for i in range(1_000)]
    events[-1]["at"] = "2025-02-30T10:00:00+01:00"
    with pytest.raises(SagaFileError) as info:
        store.import_file(_write(tmp_path / "bad.json", events))
    assert info.value.location == "cases[0].events[999].at"
    assert _dump(store) == before
    assert sorted(store.backup_dir.glob("*")) == backups  # the refused file's backup is gone


def test_an_id_given_twice_far_apart_is_refused_at_the_second(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 50)
    store = Store.open(tmp_path / "d")
    events = [_event(i) for i in range(500)]
    events[420]["id"] = "e7"
    with pytest.raises(SagaFileError) as info:
        store.import_file(_write(tmp_path / "dup.json", events))
    assert info.value.location == "cases[0].events[420].id"
    assert "e7" in str(info.value)
    events = [_event(i) for i in range(500)]
    events[480]["promises"] = [{"id": "p40", "text": "Same promise id"}]
    with pytest.raises(SagaFileError) as info:
        store.import_file(_write(tmp_path / "dup2.json", events))
    assert info.value.location == "cases[0].events[480].promises[0].id"
    assert store.case_ids() == []


def test_a_journal_that_does_not_hold_is_refused_where_it_breaks(tmp_path):
    path = _exported(tmp_path, 300)
    doc = json.loads(path.read_text())
    doc["cases"][0]["journal"][150]["content"]["summary"] = "Rewritten later."
    path.write_text(json.dumps(doc))
    store = Store.open(tmp_path / "d")
    with pytest.raises(SagaFileError) as info:
        store.import_file(path)
    assert info.value.location == "cases[0].journal"
    assert "journal #151" in str(info.value)
    doc = json.loads(_exported(tmp_path, 301).read_text())
    doc["cases"][0]["events"][200]["summary"] = "Edited by hand."
    path.write_text(json.dumps(doc))
    with pytest.raises(SagaFileError) as info:
        store.import_file(path)
    assert "does not match" in str(info.value) or "journal" in str(info.value)
    assert store.case_ids() == []


def test_events_given_before_the_case_fields_are_read(tmp_path):
    doc = saga_doc([_event(i) for i in range(30)])
    case = doc["cases"][0]
    doc["cases"][0] = {"events": case.pop("events"), **case}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc))
    store = Store.open(tmp_path / "d")
    result = store.import_file(path)
    assert result.events == 30 and result.cases_new == 1
    assert len(store.load_case("case-1").events) == 30


def test_a_wrong_format_given_after_the_cases_is_still_refused(tmp_path):
    doc = saga_doc([_event(i) for i in range(5)])
    doc = {"cases": doc["cases"], "format": "something-else", "version": 1}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc))
    store = Store.open(tmp_path / "d")
    with pytest.raises(SagaFileError) as info:
        store.import_file(path)
    assert info.value.location == "format"
    assert store.case_ids() == []


def test_json_errors_are_placed_as_a_whole_file_read_places_them(tmp_path, monkeypatch):
    monkeypatch.setattr(sagastream, "CHUNK", 64)
    text = json.dumps(saga_doc([_event(i) for i in range(40)]), indent=1)
    for share in (3, 2, 1.05):
        cut = text.index("\n", int(len(text) / share) - 50)  # between two lines: not in a text
        broken = text[:cut] + "}" + text[cut:]
        with pytest.raises(json.JSONDecodeError) as exc:
            json.loads(broken)
        expected = f"line {exc.value.lineno}, column {exc.value.colno}"
        path = tmp_path / "broken.json"
        path.write_text(broken)
        with pytest.raises(SagaFileError) as info:
            Store.open(tmp_path / "d").import_file(path, backup=False)
        assert info.value.location == expected


def test_a_record_larger_than_the_bound_is_refused_with_its_place(tmp_path, monkeypatch):
    monkeypatch.setattr(sagastream, "MAX_RECORD", 10_000)
    monkeypatch.setattr(sagastream, "CHUNK", 1_000)
    events = [_event(i) for i in range(3)]
    events[1]["summary"] = "x" * 50_000
    store = Store.open(tmp_path / "d")
    with pytest.raises(SagaFileError) as info:
        store.import_file(_write(tmp_path / "big.json", events))
    assert info.value.location == "cases[0].events[1]"
    assert "record" in str(info.value)


def test_a_refused_file_pushes_no_backup_out(tmp_path):
    from plainte.core import backups

    store = Store.open(tmp_path / "d")
    store.import_file(_write(tmp_path / "first.json", [_event(i) for i in range(10)]))
    while len(backups.list_backups(store.backup_dir)) < backups.KEEP:
        store.backup("test")
    kept = backups.list_backups(store.backup_dir)
    events = [_event(i) for i in range(20)]
    events[-1]["direction"] = "sideways"
    with pytest.raises(SagaFileError):
        store.import_file(_write(tmp_path / "bad.json", events))
    assert backups.list_backups(store.backup_dir) == kept
    store.import_file(_write(tmp_path / "good.json", [_event(i) for i in range(20)]))
    now = backups.list_backups(store.backup_dir)
    assert len(now) == backups.KEEP and now[1:] == kept[:-1]  # the new one, then the newest


@pytest.mark.parametrize("refused", [False, True], ids=["kept", "refused"])
def test_the_collector_is_paused_only_while_the_file_is_read(tmp_path, monkeypatch, refused):
    import gc

    seen = []
    walk = sagastream.walk

    def watched(*args):
        seen.append(gc.isenabled())
        walk(*args)

    monkeypatch.setattr(sagastream, "walk", watched)
    events = [_event(i) for i in range(50)]
    if refused:
        events[-1]["at"] = "2025-02-30T10:00:00+01:00"
    store = Store.open(tmp_path / "d")
    assert gc.isenabled()
    if refused:
        with pytest.raises(SagaFileError):
            store.import_file(_write(tmp_path / "s.json", events))
    else:
        store.import_file(_write(tmp_path / "s.json", events))
    assert seen == [False]
    assert gc.isenabled()
