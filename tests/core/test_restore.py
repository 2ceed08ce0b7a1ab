"""Restoring is safe: only a plainte store, never onto itself, losses said, nothing overwritten."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from plainte.core import backups
from plainte.core.restore import compare, restore, usable_backups
from plainte.core.sagafile import read_saga
from plainte.core.store import STORE_NAME, Store
from tests.core.test_atomicfile import file_size_limit


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_states(data_dir, demo_paths):
    """A store with one demo case in its backup and both demo cases now."""
    store = Store.open(data_dir)
    store.import_cases(read_saga(demo_paths[0]).cases)
    store.import_cases(read_saga(demo_paths[1]).cases)  # the backup before it has one case
    newest = backups.list_backups(store.backup_dir)[0]
    store.close()
    return newest


def test_a_text_file_is_not_restored(run_cli, data_dir, two_states, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    before = _digest(data_dir / STORE_NAME)
    result = run_cli("restore", str(text))
    assert result.code == 1
    assert "not a plainte store" in result.err
    assert _digest(data_dir / STORE_NAME) == before
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    assert run_cli("restore", str(other)).code == 1
    assert _digest(data_dir / STORE_NAME) == before


def test_the_store_is_not_restored_onto_itself(run_cli, data_dir, two_states):
    result = run_cli("restore", str(data_dir / STORE_NAME))
    assert result.code == 1
    assert "the store itself" in result.err
    assert len(run_cli("cases", "--json").json()) == 2


def test_what_the_backup_lacks_is_said_and_confirmed_first(run_cli, data_dir, two_states):
    loss = compare(two_states, data_dir / STORE_NAME)
    assert loss.cases == 1 and loss.events > 0
    result = run_cli("restore", str(two_states))
    assert result.code == 1
    assert "This backup lacks 1 case and" in result.err
    assert "--yes" in result.err
    assert len(run_cli("cases", "--json").json()) == 2
    result = run_cli("restore", str(two_states), "--yes")
    assert result.code == 0
    assert len(run_cli("cases", "--json").json()) == 1
    kept = result.out.split("kept as ")[1].strip().rstrip(".")
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 2
    conn.close()


def test_two_restores_in_the_same_second_keep_both_replaced_files(data_dir, two_states):
    kept = {restore(two_states, data_dir) for _ in range(3)}
    assert len(kept) == 3
    assert all(p.is_file() for p in kept)


def test_a_bad_newest_backup_is_skipped_for_an_older_one(data_dir, two_states):
    found = backups.list_backups(data_dir / "backups")
    found[0].write_bytes(b"\x00" * 4096)
    assert usable_backups(data_dir) == found[1:]


def test_a_full_disk_during_restore_leaves_the_store_intact(run_cli, data_dir, two_states):
    before = _digest(data_dir / STORE_NAME)
    with file_size_limit(1000):
        result = run_cli("restore", str(two_states), "--yes")
    assert result.code == 1
    assert "disk is full" in result.err
    assert _digest(data_dir / STORE_NAME) == before
    assert [p for p in os.listdir(data_dir) if "restoring" in p or "replaced" in p] == []
    assert len(run_cli("cases", "--json").json()) == 2


def test_backups_are_listed_in_a_read_only_folder(data_dir, two_states):
    """Reading a backup there leaves no trace, and cleaning up does not fail."""
    from tests.core.test_store_open import _read_only

    with _read_only(data_dir) as folder:
        newest = folder / backups.FOLDER / two_states.name
        assert newest in usable_backups(folder)
        assert sorted(p.name for p in folder.rglob("*")) == sorted(
            p.name for p in data_dir.rglob("*")
        )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_backup_without_events_is_said_in_words(lang):
    from plainte.core.restore import Loss

    words = Loss(cases=1, events=3, current_newest="2026-03-02", backup_newest=None).words(lang)
    assert "—" not in words
    assert ("holds no event" if lang == "en" else "aucun événement") in words
    assert ("March 2, 2026" if lang == "en" else "2 mars 2026") in words
    none = Loss(cases=2, events=0, current_newest=None, backup_newest=None).words(lang)
    assert "—" not in none and ("neither" if lang == "en" else "aucune des deux") in none
