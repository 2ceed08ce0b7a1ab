"""A case new to the store, imported from a file without a journal: rows first, journal after.

Such a case needs no weighing by key: its rows are written as they are read
(plain inserts: a repeated id is refused by the tables' own keys, and named at
its place in the file), and once the case is read it is journaled as created
from its stored rows, in time order, as its records would be weighed by key.
Should the file carry a journal after all, :meth:`NewCaseRows._by_key` turns to
weighing by key what was written so far.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from plainte.core.journal import canonical, entry_hash, event_fields_json, promise_fields

if TYPE_CHECKING:
    from plainte.core.model import Case

BATCH = 2000
"""Records written per ``executemany``."""

INSERT_EVENT = (
    "INSERT INTO events (case_id, id, at, sort_at, channel, direction, answered, counterpart,"
    " reference, summary, wait_minutes, step, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_PROMISE = (
    "INSERT INTO promises (case_id, event_id, id, text, due, due_day, status, closed_at,"
    " window_from, window_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_FILE = (
    "INSERT INTO attachments (case_id, event_id, name, sha256, size) VALUES (?, ?, ?, ?, ?)"
)
"""A new case's rows: plain inserts (a repeated id is refused by the tables' keys, or
by ``import_live``'s first when the case is weighed by key)."""


class NewCaseRows:
    """The part of the importer that writes a new case's rows (mixed into ``Importer``)."""

    conn: sqlite3.Connection
    store: Any
    reader: Any
    case: Case | None
    events: list[tuple]
    promises: list[tuple]
    files: list[tuple]
    live: list[tuple]
    places: list[str]
    keyed: bool
    seq: int
    _flush: Callable[[], None]
    _keep_live: Callable[[list[tuple]], None]

    def _flush_rows(self) -> None:
        """Write a new case's waiting rows (a repeated id is refused, at its place)."""
        conn = self.conn
        if self.events:
            bounds = conn.execute(
                "SELECT (SELECT ifnull(max(rowid), 0) FROM events),"
                " (SELECT ifnull(max(rowid), 0) FROM promises)"
            ).fetchone()
            try:
                conn.executemany(INSERT_EVENT, self.events)
                conn.executemany(INSERT_PROMISE, self.promises)
            except sqlite3.IntegrityError:
                raise self._repeated(*bounds) from None
            conn.executemany(INSERT_FILE, self.files)
            self.events, self.promises, self.files = [], [], []
        self.places = []

    def _repeated(self, last_event: int, last_promise: int) -> Exception:
        """The refusal of the first record of the batch whose id was already given.

        The rows before the batch have rowids up to ``last_event`` and ``last_promise``;
        the batch's own rows are written in file order up to the first repeated id.
        """
        batch: set[tuple[str, str]] = set()
        case_id = self.case.id if self.case else ""
        events, promises = iter(self.events), iter(self.promises)
        for where in self.places:  # an event's place, then its promises' places
            if ".promises[" in where:
                entity, entity_id = "promise", next(promises)[2]
            else:
                entity, entity_id = "event", next(events)[1]
            table, last = (
                ("events", last_event) if entity == "event" else ("promises", last_promise)
            )
            row = self.conn.execute(
                f"SELECT rowid FROM {table} WHERE case_id = ? AND id = ?", (case_id, entity_id)
            ).fetchone()
            if (entity, entity_id) in batch or (row is not None and row[0] <= last):
                return self.reader.fail(f"{where}.id", "duplicate_id", value=entity_id[:60])
            batch.add((entity, entity_id))
        return self.reader.fail(self.places[0], "duplicate_id", value="?")

    def _by_key(self) -> None:
        """Weigh the new case's records by key from now on (its file has a journal after all).

        The records written so far go to ``import_live`` in journal order, each
        numbered after those before it in time, as if read in that order.
        """
        self._flush()
        self.keyed = True
        case_id = self.case.id if self.case else ""
        self.seq = 0
        live = []
        for entity, entity_id, sort_at, content in _stored(self.conn, case_id):
            self.seq += 1
            live.append((entity, entity_id, sort_at, self.seq, content))
            if len(live) >= BATCH:
                self._keep_live(live)
                live = []
        self._keep_live(live)

    def _journal_rows(self, case: Case, head_json: str) -> None:
        """Journal a new case as created from its stored rows: its fields, then its records
        in time order (then file order), as :meth:`_journal_created` would."""
        from plainte.core.store import Chain

        chain = Chain(self.store, case.id)
        chain.add_json("case", case.id, "create", head_json)
        n, prev, at, rows = chain.n, chain.prev, chain.at, chain.rows
        for entity, entity_id, _sort_at, content in _stored(self.conn, case.id):
            n += 1
            digest = entry_hash(prev, n, entity, entity_id, "create", at, content)
            rows.append((case.id, n, entity, entity_id, "create", at, content, prev, digest))
            prev = digest
            if len(rows) >= BATCH:
                chain.flush()
                rows = chain.rows
        chain.n, chain.prev = n, prev
        chain.flush()


_EVENTS = (
    "SELECT rowid, id, at, sort_at, channel, direction, answered, counterpart, reference,"
    " summary, wait_minutes, step, kind FROM events WHERE case_id = ? ORDER BY sort_at, rowid"
)


def _stored(conn: sqlite3.Connection, case_id: str) -> Iterator[tuple[str, str, str, str]]:
    """A new case's stored records in journal order: (entity, id, sort key, content)."""
    from plainte.core.eventrows import _FILES, _PROMISES, _by_event, _promise

    events = conn.execute(_EVENTS, (case_id,))
    promises = _by_event(conn.execute(_PROMISES, (case_id,)), _promise)
    files = _by_event(conn.execute(_FILES, (case_id,)), lambda r: r[1:])
    next_promised, their_promises = next(promises, (None, ()))
    next_filed, their_files = next(files, (None, ()))
    for (
        rowid, eid, at, sort_at, channel, direction, answered, counterpart, reference, summary,
        wait, step, kind,
    ) in events:  # fmt: skip
        filed: list | tuple = ()
        if rowid == next_filed:
            filed = their_files
            next_filed, their_files = next(files, (None, ()))
        content = event_fields_json(
            eid, at, channel, direction, answered, counterpart, reference, summary, wait,
            step, filed, kind,
        )  # fmt: skip
        yield "event", eid, sort_at, content
        if rowid == next_promised:
            for pid, text, due, status, closed, start, end in their_promises:
                window = None if start is None else (start, end)
                content = canonical(promise_fields(pid, eid, text, due, status, closed, window))
                yield "promise", pid, sort_at, content
            next_promised, their_promises = next(promises, (None, ()))
