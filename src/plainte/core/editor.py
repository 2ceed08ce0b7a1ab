"""The edits a person makes in the app: each one transaction, journaled, announced.

Nothing is silently rewritten: an edit is an amendment (the earlier version
stays in the journal; one made within minutes of logging, before any letter
carried the record, is a correction: journaled, not marked amended), a
deletion is a retraction (hidden from letters and figures, kept in the
history), and an undo is itself a recorded change.
Every method returns what its undo needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from plainte.core.errors import NotFound, PlainteError
from plainte.core.fingerprint import Fingerprint
from plainte.core.history import within_grace
from plainte.core.journal import canonical, case_content, event_content, promise_content
from plainte.core.model import Case, CaseStatus, Event, PromiseStatus, parse_when
from plainte.core.store import Chain, Change, Store, recorded_now

_TABLES = ("cases", "events", "promises", "attachments", "journal")


@dataclass
class CaseSnapshot:
    """Every row of a deleted case, so that undo puts back exactly what was there."""

    case_id: str
    rows: dict[str, tuple[list[str], list[tuple]]]


class StaleEdit(PlainteError):
    """An edit based on a version the store no longer holds: refused, not written over."""


def _differs(now: Case, base: Case) -> bool:
    return canonical(case_content(now)) != canonical(case_content(base))


def _event_state(event: Event) -> str:
    return canonical([event_content(event), [promise_content(p) for p in event.promises]])


def _event_differs(now: Event | None, base: Event) -> bool:
    return now is None or _event_state(now) != _event_state(base)


class Editor:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _announce(self, kind: str, case_id: str, event_ids: set[str] | None = None) -> None:
        self.store._announce(Change(kind, {case_id}, event_ids))

    # Cases ---------------------------------------------------------------------------

    def save_case(self, case: Case, base: Case | None = None) -> Case | None:
        """Create or update the case's own fields (not its events); return the previous version.

        ``base`` is the version the edit started from: if the store holds another
        one (changed meanwhile by the command line or another window), the edit
        is refused rather than written over it.

        Raises:
            StaleEdit: the case changed since ``base`` was read.
        """
        with self.store.transaction():
            # its own fields only: a case of 100,000 events is not read to change its title
            before = self.store.case_header(case.id) if self.store.has_case(case.id) else None
            if base is not None and before is not None and _differs(before, base):
                raise StaleEdit("stale_case", title=before.title)
            self.store._write_case(case)
            self._journal_case(case, before)
        self._announce("case", case.id)
        return before

    def _journal_case(self, case: Case, before: Case | None) -> None:
        """Journal the case's own fields (a first entry for a case journaled before they were)."""
        with Chain(self.store, case.id) as chain:
            if before is not None and self._state(case.id, "case", case.id) is None:
                chain.add("case", case.id, "create", case_content(before))
                chain.flush()
            self._record(chain, "case", case.id, case_content(case))

    def delete_case(self, case_id: str) -> CaseSnapshot:
        """Delete a whole saga, journal and all (the person's choice); return it for undo."""
        if not self.store.has_case(case_id):
            raise NotFound("no_such_case", case=case_id)
        conn = self.store.conn
        rows = {}
        for table in _TABLES:
            key = "id" if table == "cases" else "case_id"
            cursor = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (case_id,))
            rows[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        with self.store.transaction():
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        self._announce("delete_case", case_id)
        return CaseSnapshot(case_id, rows)

    def restore_case(self, snapshot: CaseSnapshot) -> None:
        """Put back, row for row, a saga removed by :meth:`delete_case`."""
        with self.store.transaction() as conn:
            for table in _TABLES:
                columns, rows = snapshot.rows[table]
                if rows:
                    marks = ", ".join("?" * len(columns))
                    conn.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                    )
        self._announce("case", snapshot.case_id)

    def set_case_status(self, case_id: str, status: CaseStatus) -> CaseStatus:
        """Change the case's status (e.g. ``switched``); return the previous one."""
        row = self.store.conn.execute(
            "SELECT status FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
        if row is None:
            raise NotFound("no_such_case", case=case_id)
        with self.store.transaction() as conn:
            before = self.store.case_header(case_id)  # its own fields: what is journaled
            conn.execute("UPDATE cases SET status = ? WHERE id = ?", (status.value, case_id))
            self._journal_case(self.store.case_header(case_id), before)
        self._announce("case", case_id)
        return CaseStatus(row[0])

    # Events and promises ---------------------------------------------------------------------

    def _state(self, case_id: str, entity: str, entity_id: str) -> tuple[str, dict] | None:
        """The last journal action and content of a record, or None if it never existed."""
        row = self.store.conn.execute(
            "SELECT action, content FROM journal WHERE case_id = ? AND entity = ? AND entity_id = ?"
            " ORDER BY +n DESC LIMIT 1",  # +n: by the record's index, not the whole chain's
            (case_id, entity, entity_id),
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def _record(self, chain: Chain, entity: str, entity_id: str, content: dict) -> str | None:
        """Journal a record against its last entry: create, restore, amend, or nothing."""
        state = self._state(chain.case_id, entity, entity_id)
        if state is None:
            action = "create"
        elif state[0] == "retract":
            action = "restore"
        elif canonical(state[1]) != canonical(content):
            action = "amend"
        else:
            return None
        chain.add(entity, entity_id, action, content)
        return action

    def _correcting(self, case_id: str, event_id: str, now: str) -> bool:
        """True while a change to the event is a correction, not an amendment (see history)."""
        conn = self.store.conn
        created = conn.execute(
            "SELECT n, at FROM journal WHERE case_id = ? AND entity = 'event' AND entity_id = ?"
            " AND action = 'create' ORDER BY +n LIMIT 1",
            (case_id, event_id),
        ).fetchone()
        if created is None:
            return False
        sent = conn.execute(
            "SELECT 1 FROM journal WHERE case_id = ? AND entity = 'sent' AND n > ? LIMIT 1",
            (case_id, created[0]),
        ).fetchone()
        return within_grace(created[1], now, sent is not None)

    def find_event(self, case_id: str, event_id: str) -> Event | None:
        """The live event ``event_id`` of the case, read alone (not the whole timeline)."""
        found = self.store.load_events(case_id, ids=[event_id])
        return found[0] if found else None

    def save_event(
        self,
        case_id: str,
        event: Event,
        base: Event | None = None,
        sent: Fingerprint | None = None,
    ) -> Event | None:
        """Create an event, or amend it; promises no longer listed are retracted.

        ``base`` is the version the edit started from: if the store holds another
        one, the edit is refused rather than written over it.

        Return:
            The previous version of the event (None if it is new).

        ``sent``: the fingerprint the letter this event sends carried; recorded in
        the journal so that ``verify`` checks it stays in the chain.

        Raises:
            StaleEdit: the event changed since ``base`` was read.
        """
        store = self.store
        with store.transaction() as conn:
            before = self.find_event(case_id, event.id)
            if base is not None and _event_differs(before, base):
                raise StaleEdit("stale_event", when=base.at.text)
            chain = Chain(store, case_id)
            now = chain.at
            amend = self._record(chain, "event", event.id, event_content(event)) == "amend"
            if amend and not self._correcting(case_id, event.id, now):
                conn.execute(
                    "UPDATE events SET amended_at = ? WHERE case_id = ? AND id = ?",
                    (now, case_id, event.id),
                )
            listed = {p.id for p in event.promises}
            for promise in before.promises if before else []:
                if promise.id not in listed:
                    chain.add("promise", promise.id, "retract", promise_content(promise))
                    conn.execute(
                        "UPDATE promises SET retracted_at = ? WHERE case_id = ? AND id = ?",
                        (now, case_id, promise.id),
                    )
            for promise in event.promises:
                self._record(chain, "promise", promise.id, promise_content(promise))
            if sent is not None:
                chain.add("sent", event.id, "create", {**sent.to_json(), "event_id": event.id})
            chain.flush()
            store._write_events(case_id, [event])
        self._announce("event", case_id, {event.id})
        return before

    def add_events(self, case_id: str, events: list[Event]) -> None:
        """Add new events (with their promises) in one transaction, each journaled."""
        store = self.store
        with store.transaction():
            chain = Chain(store, case_id)
            for event in events:
                self._record(chain, "event", event.id, event_content(event))
                for promise in event.promises:
                    self._record(chain, "promise", promise.id, promise_content(promise))
            chain.flush()
            store._write_events(case_id, events)
        self._announce("event", case_id)

    def delete_event(self, case_id: str, event_id: str) -> Event:
        """Retract an event: hidden from letters and figures, kept in the journal."""
        before = self.find_event(case_id, event_id)
        if before is None:
            raise NotFound("no_such_event", event=event_id)
        with self.store.transaction() as conn:
            with Chain(self.store, case_id) as chain:
                chain.add("event", event_id, "retract", event_content(before))
            conn.execute(
                "UPDATE events SET retracted_at = ? WHERE case_id = ? AND id = ?",
                (recorded_now(), case_id, event_id),
            )
        self._announce("event", case_id, {event_id})
        return before

    def restore_event(self, case_id: str, event: Event) -> None:
        """Bring back a retracted event (an undo of a deletion), recorded as a ``restore``."""
        with self.store.transaction() as conn:
            with Chain(self.store, case_id) as chain:
                chain.add("event", event.id, "restore", event_content(event))
            conn.execute(
                "UPDATE events SET retracted_at = NULL WHERE case_id = ? AND id = ?",
                (case_id, event.id),
            )
        self._announce("event", case_id, {event.id})

    def set_promise_status(
        self, case_id: str, promise_id: str, status: PromiseStatus, closed_at: str | None
    ) -> tuple[PromiseStatus, str | None]:
        """Mark a promise kept, broken or pending again (an amendment); return its old state."""
        row = self.store.conn.execute(
            "SELECT event_id FROM promises WHERE case_id = ? AND id = ? AND retracted_at IS NULL",
            (case_id, promise_id),
        ).fetchone()
        events = self.store.load_events(case_id, ids=[row[0]]) if row else []
        promise = next((p for e in events for p in e.promises if p.id == promise_id), None)
        if promise is None:
            raise NotFound("no_such_event", event=promise_id)
        before = (promise.status, promise.closed_at.text if promise.closed_at else None)
        promise.status = status
        promise.closed_at = parse_when(closed_at) if closed_at else None
        with self.store.transaction() as conn:
            with Chain(self.store, case_id) as chain:
                chain.add("promise", promise_id, "amend", promise_content(promise))
            conn.execute(
                "UPDATE promises SET status = ?, closed_at = ?, amended_at = ?"
                " WHERE case_id = ? AND id = ?",
                (status.value, closed_at, recorded_now(), case_id, promise_id),
            )
        self._announce("promise", case_id, {promise.event_id})
        return before
