"""Exports are written whole or not at all, never onto the store, and say why they failed."""

from __future__ import annotations

import hashlib
import json
import resource
import signal
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from plainte import cli
from plainte.core.atomicfile import write_text
from plainte.core.errors import PlainteError
from plainte.core.export import export
from plainte.core.sagafile import parse_saga
from plainte.core.store import STORE_NAME
from plainte.gui.drawing import QtDrawing

TODAY = date(2026, 8, 22)


@contextmanager
def file_size_limit(limit: int):
    """Writes past ``limit`` bytes fail with EFBIG, as on a full disk (RLIMIT_FSIZE)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@pytest.fixture
def case_store(store, saga):
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    return store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_onto_the_store_is_refused_and_the_store_kept(case_store, run_cli, data_dir):
    store_file = data_dir / STORE_NAME
    case_store.close()
    before = _digest(store_file)
    for fmt, target in (
        ("json", store_file),
        ("csv", data_dir / (STORE_NAME + "-wal")),
        ("pack", data_dir),
        ("pack", data_dir.parent),
        ("json", data_dir / "backups" / "x.json"),
    ):
        result = run_cli("export", "case-1", "--format", fmt, "-o", str(target))
        assert result.code == 1, (fmt, target, result.err)
        assert "choose another place" in result.err
    assert _digest(store_file) == before
    assert run_cli("cases").code == 0


def test_a_letter_is_never_written_onto_the_store(case_store, run_cli, data_dir):
    store_file = data_dir / STORE_NAME
    result = run_cli("letter", "case-1", "--kind", "complaint", "-o", str(store_file))
    assert result.code == 1
    assert run_cli("cases").code == 0


def test_export_through_a_symbolic_link_never_lands_on_the_store(
    case_store, run_cli, data_dir, tmp_path
):
    store_file = data_dir / STORE_NAME
    case_store.close()
    before = _digest(store_file)
    (tmp_path / "link").symlink_to(data_dir)  # the data folder under another name
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "data").symlink_to(data_dir)
    for fmt, target in (
        ("json", tmp_path / "link" / STORE_NAME),
        ("csv", tmp_path / "link" / (STORE_NAME + "-wal")),
        ("json", tmp_path / "link" / "backups" / "x.json"),
        ("json", tmp_path / "real" / "data" / STORE_NAME),
    ):
        result = run_cli("export", "case-1", "--format", fmt, "-o", str(target))
        assert result.code == 1, (fmt, target, result.err)
        assert "choose another place" in result.err
    assert _digest(store_file) == before
    assert run_cli("cases").code == 0


@pytest.mark.parametrize("fmt", ["pdf", "png", "json"])
def test_export_to_a_missing_folder_or_a_folder_is_exit_1(case_store, run_cli, tmp_path, fmt):
    result = run_cli("export", "case-1", "--format", fmt, "-o", str(tmp_path / "no" / "x"))
    assert result.code == 1
    assert "does not exist" in result.err
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = run_cli("export", "case-1", "--format", fmt, "-o", str(folder))
    assert result.code == 1
    assert "is a folder" in result.err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_a_full_disk_keeps_the_previous_export_and_says_so(case_store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(b"the previous export")
    with file_size_limit(2000), pytest.raises(PlainteError) as info:
        export(case_store, "case-1", fmt, out, TODAY, "en", QtDrawing())
    assert "disk is full" in str(info.value) or "incomplete" in str(info.value)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


def test_a_full_disk_leaves_no_partial_pack(case_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "pack"
    with file_size_limit(3000), pytest.raises(PlainteError):
        export(case_store, "case-1", "pack", out, TODAY, "en", QtDrawing())
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_pack_replaces_an_older_one_only_when_complete(case_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "pack"
    export(case_store, "case-1", "pack", out, TODAY, "en", QtDrawing())
    (out / "mine.txt").write_text("older", encoding="utf-8")
    export(case_store, "case-1", "pack", out, TODAY, "en", QtDrawing())
    assert not (out / "mine.txt").exists()
    assert (out / "manifest.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_text_written_whole_or_not_at_all(tmp_path):
    out = tmp_path / "t.txt"
    out.write_text("old", encoding="utf-8")
    with file_size_limit(1000), pytest.raises(PlainteError) as info:
        write_text("x" * 5000, out)
    assert "disk is full" in str(info.value)
    assert out.read_text(encoding="utf-8") == "old"
    write_text("new", out)
    assert out.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_cli_full_disk_is_exit_1_not_0(case_store, run_cli, tmp_path):
    out = tmp_path / "big.json"
    with file_size_limit(500):
        result = run_cli("export", "case-1", "--format", "json", "-o", str(out))
    assert result.code == 1
    assert "disk is full" in result.err
    assert not out.exists()
    assert cli  # the CLI module is the one run by run_cli
