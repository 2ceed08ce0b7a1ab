"""Importing a saga file into the store as it is read: checked and written record by record.

The whole file is one transaction: a fault at its last event leaves the store as
it was. Memory does not grow with the file. What must be weighed across records
(duplicate ids, the file's journal against its records, the store's journal
against the file's) is weighed in temporary SQLite tables, by key:

- ``import_live``: every record of the current case (its canonical content),
- ``import_theirs``: the file's last journal entry of each record,
- ``import_mine``: the store's last journal entry of each record (merges only).

A case new to the store is written directly; one the store holds is merged
(:mod:`plainte.core.merge`) once its file records are all read.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, BinaryIO

from plainte.core.importrows import (
    BATCH,
    INSERT_EVENT,
    INSERT_FILE,
    INSERT_PROMISE,
    NewCaseRows,
)
from plainte.core.journal import (
    ChainCheck,
    Problem,
    canonical,
)
from plainte.core.merge import MergeCounts, choose
from plainte.core.sagafile import _Parser, _Reader, case_head_to_dict
from plainte.core.sagarows import event_json, event_rows, from_event, promise_json

if TYPE_CHECKING:
    from pathlib import Path

    from plainte.core.model import Case
    from plainte.core.store import ImportResult, Store


_TABLES = """
CREATE TEMP TABLE import_live (seq INTEGER PRIMARY KEY, entity TEXT, entity_id TEXT,
    sort_at TEXT, content TEXT);
CREATE UNIQUE INDEX temp.import_live_key ON import_live (entity, entity_id);
CREATE TEMP TABLE import_theirs (entity TEXT, entity_id TEXT, n INTEGER, action TEXT, at TEXT,
    content TEXT, hash TEXT, PRIMARY KEY (entity, entity_id)) WITHOUT ROWID;
CREATE TEMP TABLE import_mine (entity TEXT, entity_id TEXT, action TEXT, at TEXT,
    content TEXT, PRIMARY KEY (entity, entity_id)) WITHOUT ROWID;
"""


class _Unseen:
    """An id register that holds nothing: duplicates are caught by ``import_live``'s key."""

    def __contains__(self, _item: object) -> bool:
        return False

    def add(self, _item: object) -> None:
        pass


_UNSEEN: Any = _Unseen()


class Importer(NewCaseRows):
    """The walk's sink that writes each case into ``store`` (inside its open transaction)."""

    def __init__(self, store: Store, path: Path | None, result: ImportResult) -> None:
        self.store, self.conn, self.result = store, store.conn, result
        self.reader = _Reader(path)
        self.case_ids: set[str] = set()
        for name in ("import_live", "import_theirs", "import_mine"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        for statement in _TABLES.split(";"):
            if statement.strip():
                self.conn.execute(statement)
        self._start()

    def close(self) -> None:
        """Drop the temporary tables (their rows are gone with the transaction anyway)."""
        for name in ("import_live", "import_theirs", "import_mine"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")

    def _start(self) -> None:
        self.case: Case | None = None
        self.new = self.exists = False
        self.seq = 0
        self.events: list[tuple] = []  # rows of a new case, written as they are read
        self.promises: list[tuple] = []
        self.files: list[tuple] = []
        self.live: list[tuple] = []
        self.places: list[str] = []
        self.theirs: list[tuple] = []
        self.rows: list[tuple] = []
        self.check = ChainCheck()
        self.entries = 0
        self.last: tuple[int, str] | None = None
        self.event_count = self.promise_count = 0
        self.keyed = True  # whether each record goes to ``import_live`` as it is read

    # The walk's sink ------------------------------------------------------------

    def begin(self, top: dict[str, Any]) -> None:
        self.reader.top(top, final=False)

    def head(self, data: dict[str, Any], where: str) -> None:
        case = self.reader.head(data, where, set(), final=False)
        self.case = case
        self.exists = self.store.has_case(case.id)
        self.new = not self.exists and not self.store._has_journal(case.id)
        if self.new:
            self.store._write_case(case)  # its events refer to it; its last fields come at the end
            # a new case without a journal of its own needs no weighing by key: its rows,
            # once written, are journaled in time order (see _journal_rows)
            self.keyed = "journal" in data

    def record(self, kind: str, raw: Any, where: str) -> None:
        if kind == "journal":
            self._entry(raw, where)
            return
        case = self.case
        assert case is not None  # the walk names the case before its records
        rows = event_rows(raw, case.id)
        if rows is None:  # not in the usual shape: the reader names any fault, or reads it
            rows = from_event(self.reader.event(raw, where, case.id, _UNSEEN, _UNSEEN), case.id)
        row, promise_rows, file_rows = rows
        self.event_count += 1
        self.promise_count += len(promise_rows)
        self.places.append(where)
        if self.keyed:
            self.seq += 1
            event_id, sort_at = row[1], row[3]
            self.live.append(("event", event_id, sort_at, self.seq, event_json(row, file_rows)))
            for i, promise in enumerate(promise_rows):
                self.seq += 1
                self.live.append(("promise", promise[2], sort_at, self.seq, promise_json(promise)))
                self.places.append(f"{where}.promises[{i}]")
        elif promise_rows:
            self.places += [f"{where}.promises[{i}]" for i in range(len(promise_rows))]
        if self.new:
            self.events.append(row)
            if promise_rows:
                self.promises += promise_rows
            if file_rows:
                self.files += file_rows
        if len(self.places) >= BATCH:
            self._flush()

    def _entry(self, raw: Any, where: str) -> None:
        if not self.keyed:
            self._by_key()
        entry = self.reader.journal_entry(raw, where)
        content = canonical(entry.content)
        problems = self.check.add(entry, content)
        if problems:
            raise self.reader.broken(where.rsplit("[", 1)[0], problems[0])
        self.entries += 1
        self.last = (entry.n, entry.hash)
        e = entry
        self.theirs.append((e.entity, e.entity_id, e.n, e.action, e.at, content, e.hash))
        if self.new:
            self.rows.append((e.n, e.entity, e.entity_id, e.action, e.at, content, e.prev, e.hash))
        if len(self.theirs) >= BATCH:
            self._flush()

    def end_case(self, data: dict[str, Any], where: str) -> None:
        if self.case is None:
            self.head(data, where)
        case = self.reader.head(data, where, self.case_ids, final=True)
        exists = self.exists
        head_json = canonical(case_head_to_dict(case))
        journaled = data.get("journal") is not None
        if journaled and not self.keyed:
            self._by_key()
        self._flush()
        if self.keyed:
            self.conn.execute(
                "INSERT INTO import_live (entity, entity_id, sort_at, seq, content)"
                " VALUES ('case', ?, '', 0, ?)",
                (case.id, head_json),
            )
        if journaled:
            problem = self._first_problem()
            if problem:
                raise self.reader.broken(f"{where}.journal", problem)
        if self.new:
            self.store._write_case(case)
            if not self.keyed:
                self._journal_rows(case, head_json)
            elif not self.entries:
                self._journal_created(case.id)
            records = 1 + self.event_count + self.promise_count
            self.result.merged += MergeCounts(added=records)
        else:
            self.result.merged += self._merge(case, exists)
        self.result.events += self.event_count
        if exists:
            self.result.cases_updated += 1
        else:
            self.result.cases_new += 1
        self.result.case_ids.add(case.id)
        for name in ("import_live", "import_theirs", "import_mine"):
            self.conn.execute(f"DELETE FROM temp.{name}")
        self._start()

    def end(self, top: dict[str, Any]) -> None:
        self.reader.top(top)
        self.result.warnings = self.reader.warnings

    # Writing ----------------------------------------------------------------------

    def _flush(self) -> None:
        """Write what is waiting: the records' keys and contents, rows and journal entries."""
        conn, case = self.conn, self.case
        assert case is not None
        if not self.keyed:
            self._flush_rows()
            return
        if self.live:
            try:
                self._keep_live(self.live)
            except sqlite3.IntegrityError:
                raise self._duplicate() from None
            self.live, self.places = [], []
        if self.events:
            conn.executemany(INSERT_EVENT, self.events)
            conn.executemany(INSERT_PROMISE, self.promises)
            conn.executemany(INSERT_FILE, self.files)
            self.events, self.promises, self.files = [], [], []
        if self.theirs:
            conn.executemany(
                "INSERT INTO import_theirs VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                " SET n = excluded.n, action = excluded.action, at = excluded.at,"
                " content = excluded.content, hash = excluded.hash",
                self.theirs,
            )
            self.theirs = []
        if self.rows:
            conn.executemany(
                "INSERT INTO journal (case_id, n, entity, entity_id, action, at, content, prev,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(case.id, *row) for row in self.rows],
            )
            self.rows = []

    def _keep_live(self, live: list[tuple]) -> None:
        self.conn.executemany(
            "INSERT INTO import_live (entity, entity_id, sort_at, seq, content)"
            " VALUES (?, ?, ?, ?, ?)",
            live,
        )

    def _duplicate(self) -> Exception:
        """The refusal of the first record of the batch whose id was already given."""
        batch: set[tuple[str, str]] = set()
        for (entity, entity_id, _sort, seq, _content), where in zip(
            self.live, self.places, strict=True
        ):
            row = self.conn.execute(
                "SELECT seq FROM import_live WHERE entity = ? AND entity_id = ?",
                (entity, entity_id),
            ).fetchone()
            if (entity, entity_id) in batch or (row is not None and row[0] != seq):
                return self.reader.fail(f"{where}.id", "duplicate_id", value=entity_id[:60])
            batch.add((entity, entity_id))
        return self.reader.fail(self.places[0], "duplicate_id", value="?")

    def _first_problem(self) -> Problem | None:
        """The first record the file's journal does not account for (as ``verify_records``)."""
        row = self.conn.execute(
            "SELECT l.entity, l.entity_id, t.n, t.action FROM import_live l"
            " LEFT JOIN import_theirs t USING (entity, entity_id)"
            " WHERE (l.entity != 'case' OR t.n IS NOT NULL)"
            " AND (t.n IS NULL OR t.action = 'retract' OR t.content != l.content)"
            " ORDER BY l.sort_at, l.seq LIMIT 1"
        ).fetchone()
        if row:
            entity, entity_id, n, action = row
            where = f"{entity} {entity_id}"
            if n is None:
                return Problem(where, "not_journaled")
            key = "retracted_but_shown" if action == "retract" else "record_mismatch"
            return Problem(where, key, f"journal #{n}")
        row = self.conn.execute(
            "WITH gone AS (SELECT entity_id FROM import_theirs"
            " WHERE entity = 'event' AND action = 'retract')"
            " SELECT t.entity, t.entity_id, t.n FROM import_theirs t"
            " WHERE t.entity NOT IN ('case', 'sent') AND t.action != 'retract'"
            " AND NOT EXISTS (SELECT 1 FROM import_live l"
            " WHERE l.entity = t.entity AND l.entity_id = t.entity_id)"
            " AND NOT (t.entity = 'promise' AND json_extract(t.content, '$.event_id') IN gone)"
            " AND t.entity_id NOT IN gone ORDER BY t.n LIMIT 1"
        ).fetchone()
        if row:
            return Problem(f"{row[0]} {row[1]}", "record_missing", f"journal #{row[2]}")
        return None

    def _journal_created(self, case_id: str) -> None:
        """Journal every record of a new case as created: the case, then events by time."""
        from plainte.core.store import Chain

        chain = Chain(self.store, case_id)
        cursor = self.conn.execute(
            "SELECT entity, entity_id, content FROM import_live ORDER BY sort_at, seq"
        )
        while rows := cursor.fetchmany(BATCH):
            for entity, entity_id, content in rows:
                chain.add_json(entity, entity_id, "create", content)
            chain.flush()

    def _merge(self, case: Case, exists: bool) -> MergeCounts:
        """Weigh each file record against the store's journal; write and journal what wins."""
        from plainte.core.store import Chain, recorded_now

        conn, store = self.conn, self.store
        conn.execute(
            "INSERT INTO import_mine SELECT entity, entity_id, action, at, content FROM journal"
            " WHERE case_id = ? ORDER BY n ON CONFLICT DO UPDATE SET action = excluded.action,"
            " at = excluded.at, content = excluded.content",
            (case.id,),
        )
        if exists:  # a case journaled before its own fields were: they count as never changed
            conn.execute(
                "INSERT OR IGNORE INTO import_mine VALUES ('case', ?, 'create', '', '{}')",
                (case.id,),
            )
        else:
            store._write_case(case)
        older_copy = self.last is not None and self._known(case.id, *self.last)
        counts = MergeCounts()
        chain = Chain(store, case.id)
        now = recorded_now()
        taken: list[tuple[str, str, str, str]] = []
        cursor = conn.execute(
            "SELECT l.entity, l.entity_id, l.content, m.action, m.at, m.content, t.n, t.at, t.hash"
            " FROM import_live l LEFT JOIN import_mine m USING (entity, entity_id)"
            " LEFT JOIN import_theirs t USING (entity, entity_id) ORDER BY l.sort_at, l.seq"
        )
        while rows := cursor.fetchmany(BATCH):
            for entity, entity_id, content, mine, mine_at, mine_content, n, at, hash_ in rows:
                mine_state = None if mine is None else (mine, mine_at, mine_content)
                action = choose(
                    counts,
                    mine_state,
                    content,
                    None if n is None else at,
                    lambda n=n, h=hash_: (
                        older_copy or (n is not None and self._known(case.id, n, h))
                    ),
                )
                if action is not None:
                    chain.add_json(entity, entity_id, action, content)
                    taken.append((entity, entity_id, action, content))
            chain.flush()
            self._write_taken(case, taken, now, exists)
            taken = []
        retracted = []
        if not older_copy:
            for entity, entity_id, content, n, hash_ in conn.execute(
                "SELECT t.entity, t.entity_id, t.content, t.n, t.hash FROM import_theirs t"
                " JOIN import_mine m USING (entity, entity_id) WHERE t.action = 'retract'"
                " AND m.action != 'retract' AND t.at > m.at ORDER BY t.n"
            ).fetchall():
                if not self._known(case.id, n, hash_):
                    counts.updated += 1
                    chain.add_json(entity, entity_id, "retract", content)
                    retracted.append((entity, entity_id))
        chain.flush()
        for table, kind in (("events", "event"), ("promises", "promise")):
            conn.executemany(
                f"UPDATE {table} SET retracted_at = ? WHERE case_id = ? AND id = ?",
                [(now, case.id, entity_id) for entity, entity_id in retracted if entity == kind],
            )
        return counts

    def _known(self, case_id: str, n: int, hash_: str) -> bool:
        """Whether the store's journal holds this entry of the file's (by number and hash)."""
        row = self.conn.execute(
            "SELECT 1 FROM journal WHERE case_id = ? AND n = ? AND hash = ?", (case_id, n, hash_)
        ).fetchone()
        return row is not None

    def _write_taken(
        self, case: Case, taken: list[tuple[str, str, str, str]], now: str, exists: bool
    ) -> None:
        """Write the records taken from the file (rebuilt from their journaled content)."""
        store, reader = self.store, _Reader(None)
        events, promises = [], []
        for entity, _entity_id, _action, content in taken:
            data = json.loads(content)
            if entity == "case" and exists:
                store._write_case(case)
            elif entity == "event":
                events.append(reader.event(data, "", case.id, _UNSEEN, _UNSEEN))
            elif entity == "promise":
                owner: Any = SimpleNamespace(id=data["event_id"])
                promises.append((data["event_id"], reader.promise(data, "", owner, _UNSEEN)))
        store._write_event_rows(case.id, events)
        store._write_promise_rows(case.id, promises)
        store._write_attachment_rows(case.id, events)
        for table, kind in (("events", "event"), ("promises", "promise")):
            self.conn.executemany(
                f"UPDATE {table} SET amended_at = ? WHERE case_id = ? AND id = ?",
                [(now, case.id, i) for e, i, action, _ in taken if action == "amend" and e == kind],
            )


def import_stream(store: Store, raw: BinaryIO, path: Path | None, result: ImportResult) -> None:
    """Read the saga file from ``raw`` into ``store``, inside the caller's transaction.

    Raises:
        SagaFileError: the file breaks the contract (its place named); nothing is kept.
    """
    from plainte.core.sagastream import walk

    importer = Importer(store, path, result)
    collecting = gc.isenabled()
    gc.disable()  # what a file's records make holds no cycles: spare the collector's passes
    try:
        walk(raw, path, importer, _Parser())
    finally:
        if collecting:
            gc.enable()
    importer.close()
