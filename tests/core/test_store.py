"""The store: lossless round trips, idempotent imports, refusal of damaged files, backups."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from plainte.core import backups
from plainte.core.errors import StoreDamaged
from plainte.core.restore import restore
from plainte.core.sagafile import dump_saga, parse_saga, read_saga
from plainte.core.store import STORE_NAME, Store
from tests.conftest import saga_doc

FIXED = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


def _export(store: Store) -> str:
    return dump_saga([store.load_case(i) for i in store.case_ids()], FIXED)


def _snapshot(store: Store) -> str:
    """Everything the store holds, as text, to compare states."""
    rows = []
    for table in ("cases", "events", "promises", "attachments"):
        rows += [repr(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    return "\n".join(rows)


def test_round_trip_export_import_export_is_equal(tmp_path, store, demo_paths, saga):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    first = _export(store)
    fresh = Store.open(tmp_path / "fresh")
    fresh.import_cases(parse_saga(first.encode()).cases)
    assert _export(fresh) == first
    fresh.close()


def test_round_trip_keeps_every_field(store, saga):
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    back = json.loads(_export(store))["cases"][0]
    original = saga["cases"][0]
    for key in (
        "id",
        "title",
        "provider",
        "provider_handle",
        "country",
        "sector",
        "language",
        "account_ref",
        "customer",
    ):
        assert back[key] == original[key]
    assert back["events"][0]["promises"] == [
        {**original["events"][0]["promises"][0], "status": "pending"}
    ]
    assert back["events"][3]["wait_minutes"] == 15.5
    assert back["events"][1]["at"] == "2026-08-06"
    assert back["events"][2]["at"] == "2026-08-07T18:00:00"


def test_importing_twice_changes_nothing(store, demo_paths):
    cases = [c for p in demo_paths for c in read_saga(p).cases]
    store.import_cases(cases)
    before = _snapshot(store)
    result = store.import_cases(cases)
    assert _snapshot(store) == before
    assert result.cases_new == 0 and result.cases_updated == 2


def test_a_later_file_updates_events_by_id(store, saga):
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    saga["cases"][0]["events"][0]["summary"] = "Reported the outage, again."
    saga["cases"][0]["events"].append(
        {"id": "e", "at": "2026-08-12", "channel": "letter", "direction": "out"}
    )
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    case = store.load_case("case-1")
    assert len(case.events) == 5
    assert case.events[0].summary == "Reported the outage, again."


def test_every_import_takes_a_backup_and_ten_are_kept(store, saga):
    cases = parse_saga(json.dumps(saga).encode()).cases
    for _ in range(13):
        store.import_cases(cases)
    kept = backups.list_backups(store.backup_dir)
    assert len(kept) == 10
    copy = sqlite3.connect(kept[0])
    assert copy.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    copy.close()


def test_a_backup_restores(data_dir, saga):
    store = Store.open(data_dir)
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    saga["cases"][0]["title"] = "Changed"
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    newest = backups.list_backups(store.backup_dir)[0]  # taken before the second import
    store.close()
    restore(newest, data_dir)
    store = Store.open(data_dir)
    assert store.load_case("case-1").title == "Broadband down for three weeks"
    store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "flipped", "foreign"],
)
def test_a_damaged_store_is_reported_and_left_unchanged(data_dir, saga, damage):
    store = Store.open(data_dir)
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    store.close()
    path = data_dir / STORE_NAME
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "flipped":
        page = 4096
        # scramble the second page (a table's b-tree) but keep the header intact
        path.write_bytes(
            data[:page] + bytes(b ^ 0x5A for b in data[page : 2 * page]) + data[2 * page :]
        )
    else:
        path.unlink()
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE recipes (name TEXT)")
        other.commit()
        other.close()
    before = _digest(path)
    names_before = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir)
    assert info.value.path == path
    assert info.value.backups == backups.list_backups(data_dir / "backups")
    assert _digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == names_before


def _big_saga(path: Path, events: int) -> Path:
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "big",
                "title": "A very long saga",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "events": [
                    {
                        "id": f"e{i}",
                        "at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00",
                        "channel": "phone",
                        "direction": "out" if i % 2 else "in",
                        "summary": f"Call number {i}: still waiting for the technician.",
                        "wait_minutes": i % 30,
                    }
                    for i in range(events)
                ],
            }
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _count_events(data_dir: Path) -> int:
    store = Store.open(data_dir, daily_backup=False)
    try:
        return store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        store.close()


def test_sigkill_during_import_leaves_all_or_nothing(tmp_path):
    big = _big_saga(tmp_path / "big.json", 20_000)
    env = {**os.environ, "PLAINTE_LANG": "en"}
    command = [sys.executable, "-m", "plainte", "--data-dir"]

    reference = tmp_path / "reference"
    started = time.perf_counter()
    subprocess.run(
        [*command, str(reference), "import", str(big)], check=True, env=env, capture_output=True
    )
    duration = time.perf_counter() - started
    assert _count_events(reference) == 20_000

    outcomes = []
    rng = random.Random(20_000)
    for n in range(6):
        target = tmp_path / f"killed-{n}"
        proc = subprocess.Popen(
            [*command, str(target), "import", str(big)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # the backup is taken just before the import's transaction: wait for it, then kill
        # at a random point of the writing, which takes a fraction of the whole run
        deadline = time.monotonic() + 30
        while not list(target.glob("backups/*-import.sqlite")) and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, duration / 3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        count = _count_events(target) if (target / STORE_NAME).exists() else 0
        assert count in (0, 20_000), f"killed in the import: {count} events"
        outcomes.append(count)
    print("outcomes", outcomes, "duration", round(duration, 2))
    assert len(outcomes) == 6  # each kill left a whole store


def _new_fields_saga(saga):
    case = saga["cases"][0]
    case.update(
        problem="no_service",
        monthly_price={"amount": 39.99, "currency": "GBP"},
        service_down=[{"from": "2026-08-03", "to": "2026-08-25"}, {"from": "2026-09-01"}],
        wants=[{"kind": "refund", "amount": 29.33, "by": "2026-09-30"}],
        handles={"x": "@examplecom_help", "mastodon": "@help@example.social"},
    )
    case["events"][2]["kind"] = "note"
    case["events"][0]["promises"][0]["window"] = {"from": "17:00", "to": "19:00"}
    return saga


def test_the_new_fields_survive_export_import_export(tmp_path, store, saga):
    doc = _new_fields_saga(saga)
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    first = _export(store)
    back = json.loads(first)["cases"][0]
    for key in ("problem", "monthly_price", "service_down", "wants", "handles"):
        assert back[key] == doc["cases"][0][key]
    assert back["events"][2]["kind"] == "note"
    assert back["events"][0]["promises"][0]["window"] == {"from": "17:00", "to": "19:00"}
    fresh = Store.open(tmp_path / "fresh")
    fresh.import_cases(parse_saga(first.encode()).cases)
    assert _export(fresh) == first
    fresh.close()


def test_changing_an_event_kind_is_journaled_as_an_amendment(store, saga):
    from plainte.core.verify import verify_case

    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    store.import_cases(parse_saga(json.dumps(_new_fields_saga(saga)).encode()).cases)
    amends = [e for e in store.journal("case-1") if e.action == "amend"]
    changed = {(e.entity, e.entity_id) for e in amends}
    assert changed == {("case", "case-1"), ("event", "c"), ("promise", "pa")}
    assert verify_case(store, "case-1").ok


def test_a_version_2_store_migrates_to_3_with_a_backup_first(data_dir, saga):
    from plainte.core.verify import verify_case

    store = Store.open(data_dir)
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases, backup=False)
    before = _export(store)
    conn = store.conn
    for table, column in [
        ("cases", "problem"),
        ("cases", "monthly_price"),
        ("cases", "service_down"),
        ("cases", "wants"),
        ("cases", "handles"),
        ("events", "kind"),
        ("promises", "window_from"),
        ("promises", "window_to"),
    ]:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA user_version=2")
    store.close()
    store = Store.open(data_dir)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 3
    kept = backups.list_backups(data_dir / "backups")
    assert [p.name.endswith("-migration.sqlite") for p in kept] == [True]
    old = sqlite3.connect(kept[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    old.close()
    assert _export(store) == before
    assert verify_case(store, "case-1").ok
    store.close()


def test_list_cases_of_some_cases_reads_the_same_summaries(store, demo_paths):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases, backup=False)
    today = datetime(2026, 11, 22).date()
    every = store.list_cases(today)
    assert len(every) >= 2
    some = [every[-1].id, every[0].id]
    assert store.list_cases(today, case_ids=some) == [every[0], every[-1]]
    assert store.list_cases(today, case_ids=[]) == []


def test_a_case_without_structured_fields_is_shown_without_the_saga_reader(store, data_dir):
    doc = saga_doc()
    for field in ("monthly_price", "service_down", "wants", "handles"):
        doc["cases"][0].pop(field, None)
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    code = (
        "import sys; from pathlib import Path; from plainte.core.store import Store;"
        f"s = Store.open(Path({str(data_dir)!r}), daily_backup=False);"
        "print(s.case_header('case-1').provider, 'plainte.core.sagafile' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["Examplecom", "False"], done.stderr


@pytest.mark.parametrize(("status", "broken"), [("open", 1), ("switched", 0)])
def test_the_case_list_counts_an_ended_sagas_broken_promises_as_of_its_end(store, status, broken):
    """Pending and due after the last event: broken by today only if the saga still runs."""
    from datetime import date

    doc = saga_doc(
        [
            {
                "id": "a",
                "at": "2016-09-14T10:00:00+02:00",
                "channel": "phone",
                "direction": "out",
                "promises": [{"id": "p", "text": "A call back", "due": "2016-12-01"}],
            },
            {"id": "b", "at": "2016-09-22T18:00:00+02:00", "channel": "email", "direction": "out"},
        ],
        status=status,
    )
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    (summary,) = store.list_cases(date(2026, 11, 23))
    assert summary.promises_broken == broken
    (only,) = store.list_cases(date(2026, 11, 23), case_ids=["case-1"])
    assert only.promises_broken == broken


def test_opening_the_store_and_listing_import_no_strptime_typing_or_hashlib(tmp_path):
    """``cases`` pays only for its work: no strptime, typing or hashlib on the way."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plainte.core.store import Store\n"
        f"folder = Path({str(tmp_path)!r})\n"
        "Store.open(folder).close()\n"  # created, with the day's backup
        "store = Store.open(folder)\n"
        "store.list_cases(__import__('datetime').date(2026, 11, 23)); store.close()\n"
        "print(sorted({'_strptime', 'typing', 'hashlib'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_events_read_backwards_are_the_live_events_from_the_last_one(store):
    """Newest first, in batches, retracted ones left out: the same events as the whole read."""
    events = [
        {
            "id": f"e{i}",
            "at": f"2025-03-{1 + i % 28:02d}T{8 + i % 9:02d}:00:00",
            "channel": "phone",
            "direction": "out",
        }
        for i in range(150)
    ]
    store.import_cases(parse_saga(json.dumps(saga_doc(events)).encode()).cases, backup=False)
    store.conn.execute("UPDATE events SET retracted_at = '2026-01-01' WHERE id = 'e7'")
    whole = store.load_case("case-1").events
    back = list(store.iter_events("case-1", 16, backwards=True))
    assert [e.id for e in back] == [e.id for e in reversed(whole)] and len(back) == 149
    first = next(store.iter_events("case-1", backwards=True))
    assert first == whole[-1]
