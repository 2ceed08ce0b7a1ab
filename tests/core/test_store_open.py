"""Opening the store never misjudges it: WAL recovery, busy writers, read-only folders."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from plainte.core import store as store_module
from plainte.core.editor import Editor
from plainte.core.errors import StoreBusy, StoreError
from plainte.core.sagafile import read_saga
from plainte.core.store import STORE_NAME, Store
from tests.conftest import saga_doc

PAGE = 4096


def _demo_store(data_dir: Path, demo_paths: list[Path]) -> None:
    store = Store.open(data_dir)
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    store.close()


def _events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_a_store_caught_mid_checkpoint_opens_with_every_row(tmp_path, demo_paths, make_saga):
    data = tmp_path / "data"
    _demo_store(data, demo_paths)
    path = data / STORE_NAME
    old_main = path.read_bytes()
    # a writer that commits into the log and is killed before the checkpoint ends
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    store = Store(path, writer)
    big = read_saga(make_saga(saga_doc(events=[_event(i) for i in range(3000)]))).cases
    store.import_cases(big, backup=False)
    wal = path.with_name(STORE_NAME + "-wal").read_bytes()
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(path, copy / STORE_NAME)
    (copy / (STORE_NAME + "-wal")).write_bytes(wal)
    done = sqlite3.connect(copy / STORE_NAME)
    done.execute("PRAGMA wal_checkpoint(FULL)")
    done.close()
    new_main = (copy / STORE_NAME).read_bytes()
    writer.close()
    # half the pages written back, the log still whole: what a kill mid-checkpoint leaves
    half = (len(new_main) // PAGE // 2) * PAGE
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    (crashed / STORE_NAME).write_bytes(new_main[:half] + old_main[half:])
    (crashed / (STORE_NAME + "-wal")).write_bytes(wal)
    ignoring_log = sqlite3.connect(
        f"{(crashed / STORE_NAME).as_uri()}?mode=ro&immutable=1", uri=True
    )
    try:  # what the former check (immutable, log ignored) read
        verdict = store_module.integrity(ignoring_log)
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    assert verdict != "ok"
    ignoring_log.close()
    opened = Store.open(crashed, daily_backup=False)
    try:
        assert len(opened.load_case("case-1").events) == 3000
        assert store_module.integrity(opened.conn) == "ok"
    finally:
        opened.close()


def _event(i: int) -> dict:
    return {
        "id": f"e{i}",
        "at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00",
        "channel": "phone",
        "direction": "out",
        "summary": f"call number {i} " * 5,
    }


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from plainte.core.editor import Editor
    from plainte.core.store import Store

    store = Store.open(Path(sys.argv[1]), daily_backup=False)
    editor = Editor(store)
    print("ready", flush=True)
    for n in range(1000000):
        event = editor.find_event("demo-rogers-2010", "r5")
        event.summary = f"version {n} " + "x" * (n % 3000)
        editor.save_event("demo-rogers-2010", event)
        if n % 50 == 0:
            store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    """
)


def test_opening_while_another_process_writes_never_says_damaged(tmp_path, demo_paths):
    data = tmp_path / "data"
    _demo_store(data, demo_paths)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(data)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        for _ in range(120):
            store = Store.open(data, daily_backup=False)
            assert store.load_case("demo-rogers-2010").events
            store.close()
    finally:
        proc.kill()
        proc.wait()


def test_the_full_integrity_check_runs_only_after_an_unclean_exit(
    tmp_path, demo_paths, monkeypatch
):
    data = tmp_path / "data"
    _demo_store(data, demo_paths)
    checks = []
    real = store_module.integrity
    monkeypatch.setattr(store_module, "integrity", lambda conn: checks.append(1) or real(conn))
    Store.open(data, daily_backup=False).close()
    assert checks == []
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; from plainte.core.store import Store;"
            " Store.open(Path(sys.argv[1]), daily_backup=False); os._exit(0)",
            str(data),
        ],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert killed.returncode == 0
    store = Store.open(data, daily_backup=False)
    assert checks == [1]
    assert store.integrity_problem is None
    store.close()
    Store.open(data, daily_backup=False).close()
    assert checks == [1]


def test_a_relative_data_dir_names_the_same_folder_every_time(tmp_path, monkeypatch, demo_paths):
    monkeypatch.chdir(tmp_path)
    for _ in range(3):
        store = Store.open(Path("rel"))
        assert store.path == tmp_path / "rel" / STORE_NAME
        store.import_cases(read_saga(demo_paths[0]).cases)
        store.close()


def test_a_second_writer_gives_up_in_bounded_time_with_a_clear_message(store, make_saga):
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        slow = Store.open(store.data_dir, daily_backup=False, busy_seconds=0.2)
        with pytest.raises(StoreBusy) as info:
            slow.import_cases(read_saga(make_saga(saga_doc())).cases, backup=False)
        assert "another plainte is writing" in str(info.value)
        assert "nothing was changed" in str(info.value)
        assert not slow.has_case("case-1")
        slow.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_an_edit_into_a_deleted_store_is_refused(store, make_saga, tmp_path):
    store.import_cases(read_saga(make_saga(saga_doc())).cases, backup=False)
    moved = tmp_path / "moved.sqlite"
    store.path.rename(moved)
    case = store.load_case("case-1")
    case.title = "Edited after the file went"
    with pytest.raises(StoreError) as info:
        Editor(store).save_case(case)
    assert info.value.key == "store_gone"
    assert "deleted or moved" in str(info.value)


def test_an_edit_into_a_replaced_store_is_refused(store, make_saga):
    store.import_cases(read_saga(make_saga(saga_doc())).cases, backup=False)
    copy = store.path.with_name("copy.sqlite")
    shutil.copy(store.path, copy)
    copy.replace(store.path)
    with pytest.raises(StoreError) as info:
        Editor(store).delete_case("case-1")
    assert info.value.key == "store_replaced"


@contextmanager
def _read_only(folder: Path) -> Iterator[Path]:
    """``folder`` seen read-only: a read-only bind mount as root (who ignores modes), else modes."""
    if os.geteuid() == 0:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("cannot make a read-only folder as root here (no mount)")
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
            yield view
        finally:
            subprocess.run(["umount", str(view)], check=True)
        return
    paths = [folder, *folder.rglob("*")]
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for p in paths:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_a_read_only_folder_still_reads(tmp_path, demo_paths):
    data = tmp_path / "data"
    _demo_store(data, demo_paths)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PLAINTE_LANG": "en"}

    def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "plainte", "--data-dir", str(folder), *args],
            capture_output=True,
            text=True,
            env=env,
        )

    with _read_only(data) as folder:
        for args in (["cases"], ["export", "demo-rogers-2010", "--format", "json"]):
            done = run(folder, *args)
            assert done.returncode == 0, done.stderr
            assert "demo-rogers-2010" in done.stdout
        done = run(folder, "demo")
        assert done.returncode == 1
        assert "cannot be written" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_relative_plainte_data_dir_works_for_every_command(tmp_path, monkeypatch, capsys):
    from plainte import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAINTE_DATA_DIR", "relative-data")
    assert cli.main(["demo"]) == 0
    for _ in range(2):
        assert cli.main(["cases"]) == 0
        assert cli.main(["export", "all", "--format", "json", "-o", "out.json"]) == 0
    assert "demo-rogers-2010" in capsys.readouterr().out
    assert (tmp_path / "relative-data" / STORE_NAME).is_file()
