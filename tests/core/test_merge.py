"""Importing never goes backwards: an older copy adds what is new and keeps what is newer here."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from plainte.core.editor import Editor, StaleEdit
from plainte.core.export import export
from plainte.core.sagafile import read_saga
from plainte.core.store import Store
from plainte.core.verify import verify_case

CASE = "demo-rogers-2010"


def _export(store: Store, path: Path) -> Path:
    from datetime import date

    export(store, CASE, "json", path, date(2026, 8, 22))
    return path


@pytest.fixture
def demo(store, demo_paths):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    return store


def _tick() -> None:
    time.sleep(1.05)  # journal times are to the second: a later change is a later second


def test_an_older_export_keeps_amendments_retractions_and_case_fields(demo, tmp_path):
    old = _export(demo, tmp_path / "old.json")
    _tick()
    editor = Editor(demo)
    event = editor.find_event(CASE, "r5")
    event.summary = "Amended here after the export"
    editor.save_event(CASE, event)
    editor.delete_event(CASE, "r6")
    case = demo.load_case(CASE)
    case.notes = "Notes written here after the export"
    case.account_ref = "ACC-NEW"
    case.customer.name = "New Name"
    editor.save_case(case)
    result = demo.import_cases(read_saga(old).cases, backup=False)
    after = demo.load_case(CASE)
    assert next(e for e in after.events if e.id == "r5").summary == event.summary
    assert all(e.id != "r6" for e in after.events)
    assert after.notes == "Notes written here after the export"
    assert after.account_ref == "ACC-NEW"
    assert after.customer.name == "New Name"
    assert result.merged.kept == 3  # r5, r6, the case fields
    assert result.merged.added == 0 and result.merged.updated == 0
    assert verify_case(demo, CASE).ok


def test_a_newer_copy_brings_its_changes_and_its_new_events(demo, tmp_path, data_dir):
    other_dir = tmp_path / "other"
    other = Store.open(other_dir)
    other.import_cases(read_saga(_export(demo, tmp_path / "base.json")).cases, backup=False)
    _tick()
    editor = Editor(other)
    event = editor.find_event(CASE, "r5")
    event.summary = "Amended on the other machine"
    editor.save_event(CASE, event)
    new = editor.find_event(CASE, "r4")
    new.id, new.summary = "r-new", "A call logged on the other machine"
    new.promises = []
    editor.save_event(CASE, new)
    case = other.load_case(CASE)
    case.notes = "Notes from the other machine"
    editor.save_case(case)
    newer = _export(other, tmp_path / "newer.json")
    other.close()
    result = demo.import_cases(read_saga(newer).cases, backup=False)
    after = demo.load_case(CASE)
    assert next(e for e in after.events if e.id == "r5").summary == "Amended on the other machine"
    assert any(e.id == "r-new" for e in after.events)
    assert after.notes == "Notes from the other machine"
    assert result.merged.added == 1 and result.merged.updated == 2
    assert verify_case(demo, CASE).ok


def test_the_cli_summary_says_what_was_added_kept_and_already_there(run_cli, tmp_path):
    run_cli("demo")
    old = tmp_path / "old.json"
    assert run_cli("export", CASE, "--format", "json", "-o", str(old)).code == 0
    result = run_cli("import", str(old))
    assert result.code == 0
    assert "0 added" in result.out and "already here" in result.out


def test_case_fields_are_journaled_and_verified(demo):
    case = demo.load_case(CASE)
    case.title = "A new title"
    Editor(demo).save_case(case)
    entries = [e for e in demo.journal(CASE) if e.entity == "case"]
    assert [e.action for e in entries][-1] == "amend"
    assert entries[-1].content["title"] == "A new title"
    demo.conn.execute("UPDATE cases SET notes = 'slipped in' WHERE id = ?", (CASE,))
    verdict = verify_case(demo, CASE)
    assert not verdict.ok
    assert any(p.where == f"case {CASE}" for p in verdict.problems)


def test_an_edit_based_on_a_stale_case_is_refused(demo):
    base = demo.load_case(CASE)
    other = Store.open(demo.data_dir, daily_backup=False)
    changed = other.load_case(CASE)
    changed.notes = "Written by the command line meanwhile"
    Editor(other).save_case(changed)
    other.close()
    mine = demo.load_case(CASE)
    mine.notes, mine.title = base.notes, "My stale title"
    with pytest.raises(StaleEdit) as info:
        Editor(demo).save_case(mine, base)
    assert "changed elsewhere" in str(info.value)
    assert demo.load_case(CASE).notes == "Written by the command line meanwhile"


def test_an_edit_based_on_a_stale_event_is_refused(demo):
    editor = Editor(demo)
    base = editor.find_event(CASE, "r5")
    meanwhile = editor.find_event(CASE, "r5")
    meanwhile.summary = "Changed meanwhile"
    editor.save_event(CASE, meanwhile)
    mine = editor.find_event(CASE, "r5")
    mine.summary = "My edit from the old version"
    with pytest.raises(StaleEdit):
        editor.save_event(CASE, mine, base)
    assert editor.find_event(CASE, "r5").summary == "Changed meanwhile"
