"""Putting a backup back, safely: only a plainte store, never onto itself, losses said first.

The backup is copied beside the store first (a full disk stops here, the store
untouched), then the current file is moved aside under a name that never
collides, then the copy is renamed into place.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from plainte.core import backups, paths
from plainte.core.errors import PlainteError, StoreDamaged, StoreError
from plainte.core.store import STORE_NAME, check_store_file


@dataclass(frozen=True)
class Contents:
    """What a store holds, in the terms a person checks: cases, events, the newest day."""

    cases: int
    events: int
    newest: str | None


@dataclass(frozen=True)
class Loss:
    """What a backup lacks against the current store."""

    cases: int
    events: int
    current_newest: str | None
    backup_newest: str | None

    @property
    def nothing(self) -> bool:
        newer = (self.current_newest or "") > (self.backup_newest or "")
        return not (self.cases or self.events or newer)

    def words(self, lang: str | None = None) -> str:
        """The loss in one sentence, in the person's language."""
        from plainte.core.i18n import tr, trn

        if self.nothing:
            return tr("restore.loses_nothing", lang)
        return tr(
            "restore.loses",
            lang,
            cases=trn("restore.cases", self.cases, lang),
            events=trn("restore.events", self.events, lang),
            newest=self._newest(lang),
        )

    def _newest(self, lang: str | None) -> str:
        """The newest event of each, said in words even when one holds no event."""
        from plainte.core.i18n import format_date, tr

        backup, current = self.backup_newest, self.current_newest
        days = {
            "backup": format_date(date.fromisoformat(backup), lang) if backup else "",
            "current": format_date(date.fromisoformat(current), lang) if current else "",
        }
        which = ("backup_" if backup else "no_backup_") + ("current" if current else "no_current")
        return tr(f"restore.newest.{which}", lang, **days)


def _read_only(path: Path, *, at_rest: bool = False) -> sqlite3.Connection:
    rest = at_rest and not path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"{path.as_uri()}?mode=ro" + ("&immutable=1" if rest else ""), uri=True)


@contextmanager
def _leaves_no_trace(path: Path) -> Iterator[None]:
    """Remove the -wal and -shm files reading ``path`` created (a backup is never in use)."""
    sides = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    absent = [side for side in sides if not side.exists()]
    try:
        yield
    finally:
        for side in absent:
            if side.exists():  # a read-only folder refuses even to unlink what is not there
                side.unlink()


def check_backup(backup: Path) -> None:
    """Refuse a file that is not a readable plainte store.

    Raises:
        PlainteError: ``not_a_backup`` with the reason.
    """
    if not backup.is_file():
        raise PlainteError("no_such_backup", path=backup)
    with _leaves_no_trace(backup):
        _check_backup(backup)


def _check_backup(backup: Path) -> None:
    try:
        check_store_file(backup, at_rest=True)
    except StoreError as exc:
        detail = exc.params.get("detail") if isinstance(exc, StoreDamaged) else str(exc)
        raise PlainteError("not_a_backup", path=backup, detail=detail) from None
    conn = _read_only(backup, at_rest=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    if not {"cases", "events"} <= tables:
        raise PlainteError("not_a_backup", path=backup, detail="no cases")


def _keys(path: Path, at_rest: bool) -> tuple[set[str], set[tuple[str, str]], str | None]:
    conn = _read_only(path, at_rest=at_rest)
    try:
        cases = {r[0] for r in conn.execute("SELECT id FROM cases")}
        events = {
            (r[0], r[1])
            for r in conn.execute("SELECT case_id, id FROM events WHERE retracted_at IS NULL")
        }
        newest = conn.execute(
            "SELECT max(sort_at) FROM events WHERE retracted_at IS NULL"
        ).fetchone()[0]
    finally:
        conn.close()
    return cases, events, newest[:10] if newest else None


def compare(backup: Path, current: Path) -> Loss | None:
    """What restoring ``backup`` would drop from ``current``; None if ``current`` cannot be read."""
    try:
        check_store_file(current)
        now_cases, now_events, now_newest = _keys(current, False)
    except (StoreError, sqlite3.Error):
        return None
    with _leaves_no_trace(backup):
        old_cases, old_events, old_newest = _keys(backup, True)
    return Loss(
        cases=len(now_cases - old_cases),
        events=len(now_events - old_events),
        current_newest=now_newest,
        backup_newest=old_newest,
    )


def usable_backups(data_dir: Path) -> list[Path]:
    """The backups that are readable plainte stores, newest first (a bad one is skipped)."""
    found = []
    for path in backups.list_backups(data_dir / backups.FOLDER):
        try:
            check_backup(path)
        except PlainteError:
            continue
        found.append(path)
    return found


def _kept_name(store_path: Path) -> Path:
    """``plainte.sqlite.replaced-<time>``, with a counter if that name is taken."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    kept = store_path.with_name(f"{store_path.name}.replaced-{stamp}")
    n = 1
    while any(kept.with_name(kept.name + s).exists() for s in ("", "-wal", "-shm")):
        kept = store_path.with_name(f"{store_path.name}.replaced-{stamp}-{n}")
        n += 1
    return kept


def restore(backup: Path, data_dir: Path) -> Path | None:
    """Put ``backup`` in place of the store in ``data_dir``.

    Return:
        Where the replaced store was kept (None if there was none).

    Raises:
        PlainteError: not a plainte store, the store itself, or a copy that
            cannot be written (the store is then untouched).
    """
    store_path = paths.absolute(data_dir) / STORE_NAME
    backup = paths.absolute(backup)
    if store_path.exists() and os.path.samefile(backup, store_path):
        raise PlainteError("restore_onto_itself", path=backup)
    check_backup(backup)
    incoming = store_path.with_name(f".{STORE_NAME}.{os.getpid()}.restoring")
    try:
        import shutil  # only a restore copies (listing the backups does not)

        shutil.copyfile(backup, incoming)
        fd = os.open(incoming, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if incoming.stat().st_size != backup.stat().st_size:
            raise OSError(errno.EIO, "the copy is incomplete")
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        from plainte.core.atomicfile import cannot_write

        raise cannot_write(store_path, exc) from None
    kept = None
    if store_path.exists():
        _settle(store_path)
        kept = _kept_name(store_path)
        store_path.replace(kept)
        for suffix in ("-wal", "-shm"):
            side = store_path.with_name(store_path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    incoming.replace(store_path)
    return kept


def _settle(store_path: Path) -> None:
    """Fold the current store's log into it, when it can be, so the kept file stands alone."""
    try:
        conn = sqlite3.connect(store_path, timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # a damaged store is kept as it is, log and all
