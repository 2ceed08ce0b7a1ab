"""Backups of the store, made with SQLite's backup API: the last ten are kept.

A backup's name holds the moment it was taken, in UTC (``…T…Z``), so names
made under different time zones still order by age; whether today's backup
exists is decided in the machine's own zone, from those moments.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

FOLDER = "backups"
KEEP = 10
_PREFIX = "plainte-"
_STAMP = re.compile(r"plainte-(\d{8}T\d{12})(Z?)-")


def taken_at(path: Path) -> datetime:
    """The moment ``path`` was taken (aware): from its name, else from its file time.

    Names without the ``Z`` were written by earlier versions in local time.
    """
    found = _STAMP.match(path.name)
    if found is None:
        try:
            return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:
            return datetime.fromtimestamp(0, timezone.utc)
    s = found.group(1)  # YYYYMMDDTHHMMSSffffff, read by hand: strptime's import costs 2 ms
    naive = datetime(
        int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
        int(s[15:21]),
    )  # fmt: skip
    return naive.replace(tzinfo=timezone.utc) if found.group(2) else naive.astimezone()


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = folder.glob(f"{_PREFIX}*.sqlite")
    return sorted(found, key=lambda p: (taken_at(p), p.name), reverse=True)


def take(
    conn: sqlite3.Connection,
    folder: Path,
    reason: str,
    when: datetime | None = None,
    *,
    prune: bool = True,
) -> Path:
    """Copy the database behind ``conn`` into ``folder`` and prune to the last ten
    (``prune`` False: the caller prunes once it knows the backup is kept).

    The name holds the UTC moment ``when`` (default: now) to the microsecond.
    """
    folder.mkdir(parents=True, exist_ok=True)
    moment = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
    target = folder / f"{_PREFIX}{moment:%Y%m%dT%H%M%S%f}Z-{reason}.sqlite"
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
    if prune:
        prune_backups(folder)
    return target


def prune_backups(folder: Path) -> None:
    """Delete all but the last :data:`KEEP` backups."""
    for old in list_backups(folder)[KEEP:]:
        old.unlink(missing_ok=True)


def daily(conn: sqlite3.Connection, folder: Path, now: datetime | None = None) -> Path | None:
    """Take the day's backup unless one was already taken today (the machine's day).

    A backup dated later than now (a clock or zone moved back) counts as today's.
    """
    moment = now or datetime.now(timezone.utc)
    today = moment.astimezone().date()
    latest = list_backups(folder)
    if latest and taken_at(latest[0]).astimezone().date() >= today:
        return None
    return take(conn, folder, "daily", when=moment)
