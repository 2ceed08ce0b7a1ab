"""Backups: named by their UTC moment, one daily backup per day of the machine's zone."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from plainte.core import backups


@pytest.fixture
def conn(tmp_path: Path):
    db = sqlite3.connect(tmp_path / "plainte.sqlite")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    yield db
    db.close()


def _use_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


@pytest.fixture(autouse=True)
def _restore_zone():
    yield
    time.tzset()  # monkeypatch has put TZ back by now


def _zone_whose_day_differs_from_utc() -> str:
    """A fixed-offset zone whose date is not the UTC date right now (POSIX signs: inverted)."""
    hour = datetime.now(timezone.utc).hour
    return "Etc/GMT-14" if hour >= 10 else "Etc/GMT+12"


def test_a_start_in_another_zone_the_same_day_takes_no_second_daily(conn, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    _use_zone(monkeypatch, "UTC")
    assert backups.daily(conn, folder) is not None
    # the same machine, seconds later, started with its own zone whose date differs
    _use_zone(monkeypatch, _zone_whose_day_differs_from_utc())
    for _start in range(3):
        assert backups.daily(conn, folder) is None
    assert len(backups.list_backups(folder)) == 1


def test_a_backup_from_yesterday_here_but_today_in_utc_is_not_today(conn, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    _use_zone(monkeypatch, "Etc/GMT-14")  # UTC+14 (POSIX signs are inverted)
    now = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # 24 November, 02:00 here
    # 23 November 09:00 UTC is 23:00 here: today in UTC, yesterday on this machine
    backups.take(conn, folder, "daily", when=datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    taken = backups.daily(conn, folder, now=now)
    assert taken is not None
    assert backups.list_backups(folder)[0] == taken
    assert backups.daily(conn, folder, now=now + timedelta(hours=21)) is None  # 23:00 here
    assert backups.daily(conn, folder, now=now + timedelta(hours=22)) is not None  # 25th


def test_backups_made_under_both_namings_sort_by_their_moment(conn, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    _use_zone(monkeypatch, "America/Montreal")
    folder.mkdir()
    # an earlier version named backups in local time: 20:00 in Montréal on 22 November
    old = folder / "plainte-20261122T200000000000-daily.sqlite"
    old.write_bytes(b"")
    # 23 November 00:30 UTC is 19:30 in Montréal: older than the local-time one
    new = backups.take(
        conn, folder, "import", when=datetime(2026, 11, 23, 0, 30, tzinfo=timezone.utc)
    )
    assert new.name.startswith("plainte-20261123T003000000000Z-")
    assert backups.list_backups(folder) == [old, new]
    assert backups.taken_at(old) == datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


def test_only_the_last_ten_are_kept_by_moment(conn, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    made = [
        backups.take(conn, folder, "import", when=start + timedelta(hours=h)) for h in range(12)
    ]
    assert backups.list_backups(folder) == made[::-1][:10]


@pytest.mark.parametrize(
    "stamp", ["20261123T003000000000Z", "20280229T235959999999Z", "20261122T200000123456"]
)
def test_a_backups_moment_is_read_from_its_name_to_the_microsecond(tmp_path, stamp):
    """Read without strptime (whose import costs every call that opens the store)."""
    path = tmp_path / f"plainte-{stamp}-daily.sqlite"
    naive = datetime.strptime(stamp.rstrip("Z"), "%Y%m%dT%H%M%S%f")
    expected = naive.replace(tzinfo=timezone.utc) if stamp.endswith("Z") else naive.astimezone()
    assert backups.taken_at(path) == expected
