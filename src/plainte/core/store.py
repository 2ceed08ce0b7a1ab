"""The SQLite store: one file in the data directory, every change one transaction.

WAL journal, foreign keys on, schema version in ``PRAGMA user_version`` migrated
forward after a backup. A file that is not a plainte store, or is damaged, is
checked read-only and never written to: :class:`StoreDamaged` names the backups.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from plainte.core import backups
from plainte.core.errors import NotFound, StoreBusy, StoreDamaged, StoreError
from plainte.core.journal import (
    GENESIS,
    Entry,
    canonical,
    entry_hash,
    event_content,
    local_day,
    promise_content,
)
from plainte.core.merge import MergeCounts
from plainte.core.model import (
    Attachment,
    Case,
    CaseStatus,
    CaseSummary,
    Channel,
    Customer,
    Direction,
    Event,
    EventKind,
    Promise,
    PromiseStatus,
    When,
    Window,
    parse_when,
)

TYPE_CHECKING = False  # typing costs 3 ms of every call
if TYPE_CHECKING:
    from typing import BinaryIO

APPLICATION_ID = 0x706C6E74  # "plnt"
SCHEMA_VERSION = 3
STORE_NAME = "plainte.sqlite"
_HEADER = b"SQLite format 3\x00"

_SCHEMA_1 = """
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_handle TEXT,
    country TEXT NOT NULL,
    sector TEXT NOT NULL,
    language TEXT,
    account_ref TEXT,
    customer_name TEXT,
    customer_address TEXT,
    customer_email TEXT,
    customer_phone TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    notes TEXT
);
CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    sort_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    answered INTEGER NOT NULL DEFAULT 1,
    counterpart TEXT,
    reference TEXT,
    summary TEXT,
    wait_minutes REAL,
    step TEXT,
    UNIQUE (case_id, id)
);
CREATE INDEX events_by_time ON events(case_id, sort_at);
CREATE TABLE promises (
    rowid INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    due TEXT,
    due_day TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    closed_at TEXT,
    UNIQUE (case_id, id),
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id) ON DELETE CASCADE
);
CREATE INDEX promises_by_event ON promises(case_id, event_id);
CREATE TABLE attachments (
    rowid INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_by_event ON attachments(case_id, event_id);
"""


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 2: the tamper-evident journal. Every existing record gets its ``create`` entry."""
    for table in ("events", "promises"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN retracted_at TEXT")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN amended_at TEXT")
    conn.execute(
        """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            at TEXT NOT NULL,
            content TEXT NOT NULL,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL,
            UNIQUE (case_id, n)
        )
        """
    )
    conn.execute("CREATE INDEX journal_by_entity ON journal(case_id, entity, entity_id)")
    _migrate_2_to_3(conn)  # the records are read with today's columns to journal them
    store = Store(Path(":memory:"), conn)
    for (case_id,) in conn.execute("SELECT id FROM cases ORDER BY id").fetchall():
        case = store.load_case(case_id)
        with Chain(store, case_id) as chain:
            for event in case.events:
                chain.add("event", event.id, "create", event_content(event))
                for promise in event.promises:
                    chain.add("promise", promise.id, "create", promise_content(promise))


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """Version 3: what a case is about and asks for, an event's kind, a promise's window.

    The case's structured fields are kept as their saga-file JSON, one column each.
    Columns already there are left alone (the step from version 1 adds them early).
    """
    wanted = {
        "cases": {"problem": "TEXT", **dict.fromkeys(CASE_JSON_COLUMNS, "TEXT")},
        "events": {"kind": "TEXT NOT NULL DEFAULT 'contact'"},
        "promises": {"window_from": "TEXT", "window_to": "TEXT"},
    }
    for table, columns in wanted.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column, decl in columns.items():
            if column not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")


CASE_JSON_COLUMNS = ("monthly_price", "service_down", "wants", "handles")
"""Case fields stored as the JSON the saga file gives them (read back through its checks)."""

MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}
"""What takes a store from version N to N + 1, keyed by N."""


def _case_json(case: Case) -> list[str | None]:
    """The case's structured fields as saga-file JSON, in CASE_JSON_COLUMNS order."""
    from plainte.core.sagafile import case_fields_to_dict

    fields = case_fields_to_dict(case)
    return [canonical(fields[c]) if c in fields else None for c in CASE_JSON_COLUMNS]


def _read_case_json(case: Case, stored: dict[str, str | None]) -> None:
    """Set the case's structured fields from their stored JSON, through the file's checks."""
    import json

    data = {k: json.loads(v) for k, v in stored.items() if v}
    if data:  # the saga file's reader is loaded only for a case that has such fields
        from plainte.core.sagafile import read_case_fields

        read_case_fields(case, data)


def recorded_now() -> str:
    """The time a journal entry is recorded: UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Chain:
    """Appends entries to one case's journal, inside the caller's transaction.

    Entries are written together by :meth:`flush` (or on leaving a ``with``
    block): one ``executemany`` instead of a statement per entry.
    """

    def __init__(self, store: Store, case_id: str) -> None:
        self.store, self.case_id = store, case_id
        row = store.conn.execute(
            "SELECT n, hash FROM journal WHERE case_id = ? ORDER BY n DESC LIMIT 1", (case_id,)
        ).fetchone()
        self.n, self.prev = (row[0], row[1]) if row else (0, GENESIS)
        self.at = recorded_now()
        self.rows: list[tuple] = []

    def add(self, entity: str, entity_id: str, action: str, content: dict) -> None:
        self.add_json(entity, entity_id, action, canonical(content))

    def add_json(self, entity: str, entity_id: str, action: str, content_json: str) -> None:
        """Append an entry whose content is given as its canonical JSON already."""
        self.n += 1
        digest = entry_hash(self.prev, self.n, entity, entity_id, action, self.at, content_json)
        self.rows.append(
            (
                self.case_id,
                self.n,
                entity,
                entity_id,
                action,
                self.at,
                content_json,
                self.prev,
                digest,
            )
        )
        self.prev = digest

    def flush(self) -> None:
        if self.rows:
            self.store.conn.executemany(
                "INSERT INTO journal (case_id, n, entity, entity_id, action, at, content, prev,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self.rows,
            )
            self.rows = []

    def __enter__(self) -> Chain:
        return self

    def __exit__(self, kind, _value, _tb) -> None:
        if kind is None:
            self.flush()


@dataclass
class Change:
    """What a committed transaction changed, for whoever shows the data."""

    kind: str
    case_ids: set[str] = field(default_factory=set)
    event_ids: set[str] | None = None
    """The events (of the one case) it touched, when known: views update just those."""


@dataclass
class ImportResult:
    cases_new: int = 0
    cases_updated: int = 0
    events: int = 0
    backup: Path | None = None
    merged: MergeCounts = field(default_factory=MergeCounts)
    """Records added, updated from the file, kept as the store has them, already the same."""
    case_ids: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    """Places of the fields the file gives that the format does not name (not kept)."""


BUSY_SECONDS = 10.0
"""How long a writer waits for another plainte to finish writing before it gives up."""


def _busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def write_failure(exc: sqlite3.Error, path: Path) -> StoreError:
    """The person's words for an SQLite write error: busy, disk full, read-only, or the detail."""
    text = str(exc).lower()
    if _busy(exc):
        return StoreBusy(path)
    if "full" in text:
        return StoreError("store_full", path)
    if "readonly" in text or "read-only" in text:
        return StoreError("store_read_only", path)
    return StoreError("store_write_failed", path, detail=str(exc))


def _read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection that sees the write-ahead log like any reader.

    ``immutable`` (which ignores the log) only when no log exists and none can be
    created: a folder nobody can write, where no other process can be writing.
    """
    conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if "unable to open" not in str(exc) or wal.exists() or os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(
        _read_only_uri(path, immutable=True), uri=True, timeout=timeout, isolation_level=None
    )


def check_store_file(path: Path, timeout: float = BUSY_SECONDS, *, at_rest: bool = False) -> None:
    """Refuse a file that is not a readable plainte store, without writing to it.

    The file is opened read-only the normal way, so SQLite reads its write-ahead
    log: a store caught mid-checkpoint, or while another plainte writes, is
    healthy. Only a file that such an open cannot read is called damaged; the
    full integrity check runs elsewhere (:func:`integrity`).

    ``at_rest``: a file no program has open (a backup); read without a
    shared-memory file when it has no log.

    Raises:
        StoreDamaged: with the reason and the backups beside the store.
        StoreBusy: another process held the store longer than ``timeout``.
    """
    folder = path.parent / backups.FOLDER

    def refuse(detail: str) -> StoreDamaged:
        return StoreDamaged(path, backups.list_backups(folder), detail)

    try:
        with path.open("rb") as fh:
            header = fh.read(len(_HEADER))
    except OSError as exc:
        raise StoreError("cannot_create", path, detail=exc.strerror or str(exc)) from None
    if header != _HEADER:
        raise refuse("not an SQLite database")
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    absent = [side for side in sides if not side.exists()]

    def refuse(detail: str) -> StoreDamaged:  # also tidies what the check made
        for side in absent:
            try:
                if side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                    side.unlink()
            except OSError:
                pass
        return StoreDamaged(path, backups.list_backups(folder), detail)

    try:
        if at_rest and not path.with_name(path.name + "-wal").exists():
            conn = sqlite3.connect(_read_only_uri(path, immutable=True), uri=True)
        else:
            conn = _connect_read_only(path, timeout)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id != APPLICATION_ID and tables:
                raise refuse("an SQLite database of another program")
            if version > SCHEMA_VERSION:
                raise StoreError("store_too_new", path, found=version, supported=SCHEMA_VERSION)
            for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall():  # each table's root page: cheap, and catches a scrambled one
                conn.execute(f'SELECT * FROM "{table}" NOT INDEXED LIMIT 1').fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            raise StoreBusy(path) from None
        if "unable to open" in str(exc):
            raise StoreError("cannot_create", path, detail=str(exc)) from None
        raise refuse(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise refuse(str(exc)) from None


def integrity(conn: sqlite3.Connection) -> str:
    """SQLite's ``quick_check`` verdict: "ok", or what it found."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "; ".join(r[0] for r in rows[:5])


class _Presence:
    """Marks the store as in use by this process, so the next open knows of an unclean exit.

    One file per open store in ``.open/`` beside it, named after the process;
    a file whose process is gone means plainte was killed (or crashed) while the
    store was open: then the full integrity check runs once.
    """

    FOLDER = ".open"

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / self.FOLDER
        self.mine: Path | None = None

    def unclean(self) -> bool:
        """Whether a process that had the store open ended without closing it (forgets it)."""
        found = False
        try:
            markers = list(self.folder.iterdir())
        except OSError:
            return False
        for marker in markers:
            pid = marker.name.split("-", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            found = True
            marker.unlink(missing_ok=True)
        return found

    def enter(self, token: int) -> None:
        try:
            self.folder.mkdir(exist_ok=True)
            self.mine = self.folder / f"{os.getpid()}-{token}"
            self.mine.touch()
        except OSError:
            self.mine = None

    def leave(self) -> None:
        if self.mine is not None:
            with suppress(OSError):
                self.mine.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode: they change when it is replaced."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Store:
    """The plainte store in ``data_dir``.

    Open it with :meth:`open`; every change goes through one of its methods, in
    one transaction, and is announced to the listeners given to :meth:`subscribe`.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.integrity_problem: str | None = None
        """What the last full integrity check found, when it was not "ok"."""
        self._listeners: list[Callable[[Change], None]] = []
        self._identity = _identity(path)
        self._presence: _Presence | None = None

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / backups.FOLDER

    @classmethod
    def open(
        cls, data_dir: Path, *, daily_backup: bool = True, busy_seconds: float = BUSY_SECONDS
    ) -> Store:
        """Open, create or migrate the store in ``data_dir``.

        SQLite opens the file normally and recovers its own log; the full
        integrity check runs only after an unclean exit and on the daily backup.
        A folder that cannot be written opens read-only (reading works, writing
        says why not).

        Raises:
            StoreDamaged: the file is not a plainte store, or cannot be read.
            StoreBusy: another plainte held the store longer than ``busy_seconds``.
            StoreError: it cannot be created, or was made by a newer plainte.
        """
        data_dir = Path(os.path.abspath(data_dir.expanduser()))
        path = data_dir / STORE_NAME
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            check_store_file(path, busy_seconds)
        else:
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("cannot_create", path, detail=exc.strerror or str(exc)) from None
        writable = os.access(data_dir, os.W_OK) and (not existed or os.access(path, os.W_OK))
        if existed and not writable:
            return cls._open_read_only(path, busy_seconds)
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=busy_seconds
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                raise StoreBusy(path) from None
            if existed and ("readonly" in str(exc) or "unable to open" in str(exc)):
                return cls._open_read_only(path, busy_seconds)
            raise StoreError("cannot_create", path, detail=str(exc)) from None
        except sqlite3.Error as exc:
            raise StoreError("cannot_create", path, detail=str(exc)) from None
        store = cls(path, conn)
        presence = _Presence(data_dir)
        unclean = existed and presence.unclean()
        presence.enter(id(store))
        store._presence = presence
        try:
            if version == 0:
                with store.transaction():
                    for statement in _SCHEMA_1.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    conn.execute("PRAGMA user_version=1")
                store._migrate(1)
            elif version < SCHEMA_VERSION:
                store.backup("migration")
                store._migrate(version)
            elif existed and daily_backup:
                store._daily_backup()
            if unclean:
                store._check_integrity(conn)
        except BaseException:
            store.close()
            raise
        store._identity = _identity(path)
        return store

    @classmethod
    def _open_read_only(cls, path: Path, busy_seconds: float) -> Store:
        """The store of a folder that cannot be written: everything reads, nothing writes."""
        try:
            conn = _connect_read_only(path, busy_seconds)
        except sqlite3.Error as exc:
            raise StoreError("cannot_create", path, detail=str(exc)) from None
        conn.execute("PRAGMA query_only=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError("store_read_only", path)
        return cls(path, conn, read_only=True)

    def _check_integrity(self, conn: sqlite3.Connection) -> None:
        verdict = integrity(conn)
        self.integrity_problem = None if verdict == "ok" else verdict

    def _daily_backup(self) -> None:
        """The day's backup, and the full integrity check on the copy it makes.

        A copy that fails the check is not kept as a backup: the problem is kept
        in :attr:`integrity_problem` for the person to see.
        """
        try:
            taken = backups.daily(self.conn, self.backup_dir)
        except (OSError, sqlite3.Error):
            return  # a backup that cannot be taken today must not stop the person working
        if taken is None:
            return
        copy = sqlite3.connect(_read_only_uri(taken, immutable=True), uri=True)
        try:
            self._check_integrity(copy)
        finally:
            copy.close()
        if self.integrity_problem is not None:
            taken.unlink(missing_ok=True)

    def _migrate(self, version: int) -> None:
        """Take the store forward to SCHEMA_VERSION, all in one transaction."""
        with self.transaction():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self.conn)
                version += 1
            self.conn.execute(f"PRAGMA user_version={version}")

    def close(self) -> None:
        self.conn.close()
        if self._presence is not None:
            self._presence.leave()
            self._presence = None

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Call ``listener`` with a :class:`Change` after every committed change."""
        self._listeners.append(listener)

    def _announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    def data_version(self) -> int:
        """A number that changes when another connection (another plainte) commits a change."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _still_there(self) -> None:
        """Refuse to write into a store file that was deleted, moved or replaced meanwhile."""
        if self.path == Path(":memory:"):
            return
        now = _identity(self.path)
        if now is None:
            raise StoreError("store_gone", self.path)
        if self._identity is not None and now != self._identity:
            raise StoreError("store_replaced", self.path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it.

        Raises:
            StoreBusy: another plainte kept writing longer than the busy timeout.
            StoreError: the write failed (disk full, read-only, store gone); nothing changed.
        """
        if self.read_only:
            raise StoreError("store_read_only", self.path)
        self._still_there()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise write_failure(exc, self.path) from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self._rollback()
            raise write_failure(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise write_failure(exc, self.path) from None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def backup(self, reason: str, *, prune: bool = True) -> Path:
        """Copy the store with SQLite's backup API into ``backups/``; keep the last ten
        (``prune`` False: keep them all until :func:`backups.prune_backups` runs).

        Raises:
            StoreError: the copy cannot be written (read-only folder, disk full…).
        """
        if self.read_only:
            raise StoreError("store_read_only", self.path)
        try:
            return backups.take(self.conn, self.backup_dir, reason, prune=prune)
        except sqlite3.Error as exc:
            raise write_failure(exc, self.backup_dir) from None
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StoreError("store_full", self.backup_dir) from None
            raise StoreError(
                "store_write_failed", self.backup_dir, detail=exc.strerror or str(exc)
            ) from None

    # Reading ------------------------------------------------------------------

    def case_ids(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM cases ORDER BY title, id")]

    def resolve_case(self, text: str) -> str:
        """The id of the case ``text`` names: an id, a unique prefix, or a unique word.

        Raises:
            NotFound: no case matches.
            AmbiguousCase: several do (the error lists them).
        """
        from plainte.core.caseref import resolve_case

        return resolve_case(self.conn, text)

    def has_case(self, case_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone()
        return row is not None

    def list_cases(
        self, today: date, *, count_events: bool = True, case_ids: Iterable[str] | None = None
    ) -> list[CaseSummary]:
        """Every case (or only ``case_ids``) with its counts, for the case list.

        Counting events reads every live event of every case: the app, which
        does not show the count, asks without it (``count_events`` False: 0).
        After an edit the app asks only for the cases it touched. Broken promises
        of an ended case are counted as of its last day, as everywhere else.
        """
        only = "" if case_ids is None else "WHERE c.id IN (SELECT value FROM json_each(:ids))"
        count = (
            "(SELECT count(*) FROM events e WHERE e.case_id = c.id AND e.retracted_at IS NULL)"
            if count_events
            else "0"
        )
        rows = self.conn.execute(
            f"""
            SELECT c.id, c.title, c.provider, c.country, c.sector, c.status,
                   {count},
                   (SELECT min(sort_at) FROM events e WHERE e.case_id = c.id
                      AND e.retracted_at IS NULL),
                   (SELECT max(sort_at) FROM events e WHERE e.case_id = c.id
                      AND e.retracted_at IS NULL),
                   (SELECT count(*) FROM promises p JOIN events e
                      ON e.case_id = p.case_id AND e.id = p.event_id
                      WHERE p.case_id = c.id AND p.retracted_at IS NULL
                      AND e.retracted_at IS NULL
                      AND (p.status = 'broken'
                           OR (p.status = 'pending' AND p.due_day < CASE
                               WHEN c.status = 'open' THEN :today
                               ELSE min(:today, coalesce((
                                   SELECT substr(l.at, 1, 10) FROM events l
                                   WHERE l.case_id = c.id AND l.retracted_at IS NULL
                                   ORDER BY l.sort_at DESC LIMIT 1), :today))
                               END)))
            FROM cases c {only} ORDER BY c.title COLLATE NOCASE, c.id
            """,
            {"today": today.isoformat(), "ids": json.dumps(list(case_ids or ()))},
        ).fetchall()
        return [
            CaseSummary(
                id=r[0],
                title=r[1],
                provider=r[2],
                country=r[3],
                sector=r[4],
                status=CaseStatus(r[5]),
                events=r[6],
                first_day=date.fromisoformat(r[7][:10]) if r[7] else None,
                last_day=date.fromisoformat(r[8][:10]) if r[8] else None,
                promises_broken=r[9],
            )
            for r in rows
        ]

    def load_case(self, case_id: str, *, with_journal: bool = False) -> Case:
        """The whole case, its timeline sorted by time (retracted records left out).

        Raises:
            NotFound: no case has that id.
        """
        case = self.case_header(case_id)
        case.events = self.load_events(case_id)
        if with_journal:
            case.journal = self.journal(case_id)
        return case

    def iter_events(
        self, case_id: str, batch: int = 2000, *, backwards: bool = False
    ) -> Iterator[Event]:
        """The case's live events in timeline order, read ``batch`` at a time (for exports).

        ``backwards``: from the last one back, for what the end of a long case says (the
        day an ended saga ended) without reading it whole.
        """
        after: tuple = ()
        beyond, order = ("<", "DESC") if backwards else (">", "ASC")
        while True:
            rows = self.conn.execute(
                "SELECT rowid, sort_at FROM events WHERE case_id = ? AND retracted_at IS NULL"
                + (f" AND (sort_at, rowid) {beyond} (?, ?)" if after else "")
                + f" ORDER BY sort_at {order}, rowid {order} LIMIT ?",
                (case_id, *after, batch),
            ).fetchall()
            if not rows:
                return
            events = self.load_events(case_id, [r[0] for r in rows])
            yield from reversed(events) if backwards else events
            after = (rows[-1][1], rows[-1][0])

    def journal_rows(self, case_id: str) -> Iterator[tuple]:
        """The case's chain as stored, in order, read as it goes: the content stays JSON text."""
        yield from self.conn.execute(
            "SELECT n, entity, entity_id, action, at, content, prev, hash FROM journal"
            " WHERE case_id = ? ORDER BY n",
            (case_id,),
        )

    def case_header(self, case_id: str) -> Case:
        """The case's own fields, without its timeline (``events`` is empty).

        Raises:
            NotFound: no case has that id.
        """
        row = self.conn.execute(
            "SELECT id, title, provider, country, sector, provider_handle, language,"
            " account_ref, customer_name, customer_address, customer_email, customer_phone,"
            " status, notes, problem, monthly_price, service_down, wants, handles"
            " FROM cases WHERE id = ?",
            (case_id,),
        ).fetchone()
        if row is None:
            raise NotFound("no_such_case", case=case_id)
        case = Case(
            id=row[0],
            title=row[1],
            provider=row[2],
            country=row[3],
            sector=row[4],
            provider_handle=row[5],
            language=row[6],
            account_ref=row[7],
            customer=Customer(name=row[8], address=row[9], email=row[10], phone=row[11]),
            status=CaseStatus(row[12]),
            notes=row[13],
            problem=row[14],
        )
        _read_case_json(case, dict(zip(CASE_JSON_COLUMNS, row[15:19], strict=True)))
        return case

    def load_events(
        self, case_id: str, rowids: list[int] | None = None, *, ids: list[str] | None = None
    ) -> list[Event]:
        """The case's live events in timeline order, with their promises and files.

        With ``rowids`` (or event ``ids``), only those events: a window of the
        timeline, or the one being edited. The one place where stored rows
        become events, for a whole case or a page.
        """
        only, params = "", [case_id]
        if ids is not None:
            rowids = [
                r[0]
                for r in self.conn.execute(
                    "SELECT rowid FROM events WHERE case_id = ? AND id IN"
                    " (SELECT value FROM json_each(?))",
                    (case_id, json.dumps(list(ids))),
                )
            ]
        if rowids is not None:  # by row id (+case_id: not by scanning the case's index)
            only = " AND rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(rowids)))
        by_id: dict[str, Event] = {}
        events: list[Event] = []
        channels = {c.value: c for c in Channel}
        directions = {d.value: d for d in Direction}
        kinds = {k.value: k for k in EventKind}
        stored = When.stored
        for r in self.conn.execute(
            "SELECT id, at, channel, direction, answered, counterpart, reference, summary,"
            " wait_minutes, step, sort_at, kind FROM events WHERE "
            + ("+case_id = ?" if only else "case_id = ?")
            + " AND retracted_at IS NULL"
            + only
            + " ORDER BY sort_at, rowid",
            params,
        ):
            event = Event(
                id=r[0],
                at=stored(r[1], r[10]),
                channel=channels[r[2]],
                direction=directions[r[3]],
                answered=bool(r[4]),
                counterpart=r[5],
                reference=r[6],
                summary=r[7],
                wait_minutes=r[8],
                step=r[9],
                kind=kinds[r[11]],
            )
            by_id[event.id] = event
            events.append(event)
        if not events:
            return events
        of_events = ""
        if rowids is not None:
            of_events = (
                " AND event_id IN (SELECT id FROM events WHERE +case_id = ?"
                " AND rowid IN (SELECT value FROM json_each(?)))"
            )
        for r in self.conn.execute(
            "SELECT event_id, id, text, due, status, closed_at, window_from, window_to"
            " FROM promises"
            " WHERE case_id = ? AND retracted_at IS NULL" + of_events + " ORDER BY rowid",
            [case_id, *params] if rowids is not None else params,
        ):
            if r[0] not in by_id:  # a promise of a retracted event
                continue
            by_id[r[0]].promises.append(
                Promise(
                    id=r[1],
                    text=r[2],
                    due=parse_when(r[3]) if r[3] else None,
                    status=PromiseStatus(r[4]),
                    closed_at=parse_when(r[5]) if r[5] else None,
                    event_id=r[0],
                    window=Window(start=r[6], end=r[7]) if r[6] and r[7] else None,
                )
            )
        for r in self.conn.execute(
            "SELECT event_id, name, sha256, size FROM attachments WHERE case_id = ?"
            + of_events
            + " ORDER BY rowid",
            [case_id, *params] if rowids is not None else params,
        ):
            if r[0] not in by_id:
                continue
            by_id[r[0]].attachments.append(Attachment(name=r[1], sha256=r[2], size=r[3]))
        return events

    # Writing ------------------------------------------------------------------

    def import_file(
        self,
        path: Path,
        *,
        backup: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Import the saga file at ``path``, read and written record by record (see
        :meth:`import_saga`): memory does not grow with the file.

        ``progress`` is called with (bytes read, file size) a few times a second.

        Raises:
            SagaFileError: the file cannot be read or breaks the contract; nothing changed.
        """
        from plainte.core.errors import SagaFileError

        try:
            raw = path.open("rb")
        except OSError as exc:
            raise SagaFileError(path, "", "unreadable", detail=exc.strerror or str(exc)) from None
        with raw:
            if progress is not None:
                from plainte.core.readprogress import ReadProgress

                return self.import_saga(ReadProgress(raw, progress), path, backup=backup)  # type: ignore[arg-type]
            return self.import_saga(raw, path, backup=backup)

    def import_cases(self, cases: list[Case], *, backup: bool = True) -> ImportResult:
        """Import ``cases`` (read whole, e.g. the demo) as their saga file would be."""
        import io

        from plainte.core.sagafile import dump_saga

        return self.import_saga(io.BytesIO(dump_saga(cases).encode()), None, backup=backup)

    def import_saga(
        self, raw: BinaryIO, path: Path | None = None, *, backup: bool = True
    ) -> ImportResult:
        """Add or update the cases of the saga file read from ``raw``, all in one transaction.

        A case new to the store is written as it is read; one whose file carries a
        (checked) journal keeps that journal as it is. A case the store holds has
        every record weighed against the store's journal (:mod:`plainte.core.merge`):
        what is new is added, what the store changed later is kept, nothing goes
        backwards; every change is journaled. A backup is taken first (and dropped
        again if the file is refused; older ones are pruned only once the import is kept,
        so refused files never push out older backups).

        Raises:
            SagaFileError: the file breaks the contract; the store is as it was.
            StoreError: the store cannot be written; the store is as it was.
        """
        from plainte.core.importing import import_stream

        result = ImportResult(backup=self.backup("import", prune=False) if backup else None)
        try:
            with self.transaction():
                import_stream(self, raw, path, result)
        except BaseException:
            if result.backup is not None:
                result.backup.unlink(missing_ok=True)
            raise
        if result.backup is not None:
            with suppress(OSError):  # pruning late only keeps one backup more
                backups.prune_backups(self.backup_dir)
        self._announce(Change("import", result.case_ids))
        return result

    def _write_case(self, case: Case) -> None:
        self.conn.execute(
            """
            INSERT INTO cases (id, title, provider, provider_handle, country, sector,
                language, account_ref, customer_name, customer_address, customer_email,
                customer_phone, status, notes, problem, monthly_price, service_down, wants,
                handles)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title,
                provider = excluded.provider, provider_handle = excluded.provider_handle,
                country = excluded.country, sector = excluded.sector,
                language = excluded.language, account_ref = excluded.account_ref,
                customer_name = excluded.customer_name,
                customer_address = excluded.customer_address,
                customer_email = excluded.customer_email,
                customer_phone = excluded.customer_phone,
                status = excluded.status, notes = excluded.notes,
                problem = excluded.problem, monthly_price = excluded.monthly_price,
                service_down = excluded.service_down, wants = excluded.wants,
                handles = excluded.handles
            """,
            (
                case.id,
                case.title,
                case.provider,
                case.provider_handle,
                case.country,
                case.sector,
                case.language,
                case.account_ref,
                case.customer.name,
                case.customer.address,
                case.customer.email,
                case.customer.phone,
                case.status.value,
                case.notes,
                case.problem,
                *_case_json(case),
            ),
        )

    def _has_journal(self, case_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM journal WHERE case_id = ? LIMIT 1", (case_id,))
        return row.fetchone() is not None

    def amended(self, case_id: str) -> dict[str, str]:
        """Live events amended since they were recorded, with the day (local) of the last one."""
        return {
            event_id: local_day(amended_at).isoformat()
            for event_id, amended_at in self.conn.execute(
                "SELECT id, amended_at FROM events WHERE case_id = ? AND amended_at IS NOT NULL"
                " AND retracted_at IS NULL",
                (case_id,),
            )
        }

    def journal(self, case_id: str) -> list[Entry]:
        """The case's chain, in order."""
        import json

        return [
            Entry(n, entity, entity_id, action, at, json.loads(content), prev, hash_)
            for n, entity, entity_id, action, at, content, prev, hash_ in self.conn.execute(
                "SELECT n, entity, entity_id, action, at, content, prev, hash FROM journal"
                " WHERE case_id = ? ORDER BY n",
                (case_id,),
            )
        ]

    def _write_events(self, case_id: str, events: list[Event]) -> None:
        """Write events with their promises and attachments (insert or replace)."""
        self._write_event_rows(case_id, events)
        self._write_promise_rows(case_id, [(e.id, p) for e in events for p in e.promises])
        self._write_attachment_rows(case_id, events)

    def _write_event_rows(self, case_id: str, events: list[Event]) -> None:
        conn = self.conn
        conn.executemany(
            """
            INSERT INTO events (case_id, id, at, sort_at, channel, direction, answered,
                counterpart, reference, summary, wait_minutes, step, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(case_id, id) DO UPDATE SET at = excluded.at,
                sort_at = excluded.sort_at, channel = excluded.channel,
                direction = excluded.direction, answered = excluded.answered,
                counterpart = excluded.counterpart, reference = excluded.reference,
                summary = excluded.summary, wait_minutes = excluded.wait_minutes,
                step = excluded.step, kind = excluded.kind, retracted_at = NULL
            """,
            (
                (
                    case_id,
                    e.id,
                    e.at.text,
                    e.at.sort_key,
                    e.channel._value_,
                    e.direction._value_,
                    int(e.answered),
                    e.counterpart,
                    e.reference,
                    e.summary,
                    e.wait_minutes,
                    e.step,
                    e.kind._value_,
                )
                for e in events
            ),
        )

    def _write_promise_rows(self, case_id: str, promises: list[tuple[str, Promise]]) -> None:
        conn = self.conn
        if promises:
            conn.executemany(
                """
                INSERT INTO promises (case_id, event_id, id, text, due, due_day, status, closed_at,
                    window_from, window_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(case_id, id) DO UPDATE SET event_id = excluded.event_id,
                    text = excluded.text, due = excluded.due, due_day = excluded.due_day,
                    status = excluded.status, closed_at = excluded.closed_at,
                    window_from = excluded.window_from, window_to = excluded.window_to,
                    retracted_at = NULL
                """,
                [
                    (
                        case_id,
                        event_id,
                        p.id,
                        p.text,
                        p.due.text if p.due else None,
                        p.due.day.isoformat() if p.due else None,
                        p.status.value,
                        p.closed_at.text if p.closed_at else None,
                        p.window.start if p.window else None,
                        p.window.end if p.window else None,
                    )
                    for event_id, p in promises
                ],
            )

    def _write_attachment_rows(self, case_id: str, events: list[Event]) -> None:
        conn = self.conn
        with_files = [e for e in events if e.attachments]
        if with_files:
            conn.executemany(
                "DELETE FROM attachments WHERE case_id = ? AND event_id = ?",
                [(case_id, e.id) for e in with_files],
            )
            conn.executemany(
                "INSERT INTO attachments (case_id, event_id, name, sha256, size)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (case_id, e.id, a.name, a.sha256, a.size)
                    for e in with_files
                    for a in e.attachments
                ],
            )
