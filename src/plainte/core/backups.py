"""Backups of the store, made with SQLite's backup API: the last ten are kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

FOLDER = "backups"
KEEP = 10
_PREFIX = "plainte-"


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}*.sqlite"), reverse=True)


def take(conn: sqlite3.Connection, folder: Path, reason: str) -> Path:
    """Copy the database behind ``conn`` into ``folder`` and prune to the last ten.

    The name holds the time to the microsecond, so backups sort by age.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{_PREFIX}{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk leaves no half-written backup behind
        raise
    for old in list_backups(folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def daily(conn: sqlite3.Connection, folder: Path) -> Path | None:
    """Take the day's backup unless one was already taken today."""
    today = datetime.now().strftime("%Y%m%d")
    latest = list_backups(folder)
    if latest and latest[0].name.startswith(f"{_PREFIX}{today}"):
        return None
    return take(conn, folder, "daily")
