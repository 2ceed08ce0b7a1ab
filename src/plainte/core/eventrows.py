"""A case's live events as plain rows, in timeline order: what the CSV and JSON exports write.

An export of a million events makes no model object of each: the events come
from one cursor, their promises and files from two more in the same order,
merged as they go, so memory does not grow with the saga. Loaded events give
the same rows (:func:`event_row`): a whole case and a streamed one are written
by the same code, byte for byte.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from plainte.core.model import Event

Row = tuple
"""id, at, channel, direction, answered, counterpart, reference, summary, wait_minutes,
step, kind, promises (:data:`PromiseRow` list), attachments (:data:`FileRow` list)."""
PromiseRow = tuple
"""id, text, due, status, closed_at, window start, window end (None when absent)."""
FileRow = tuple
"""name, sha256, size."""

_EVENTS = (
    "SELECT rowid, id, at, channel, direction, answered, counterpart, reference, summary,"
    " wait_minutes, step, kind FROM events WHERE case_id = ? AND retracted_at IS NULL"
    " ORDER BY sort_at, rowid"
)
_PROMISES = (
    "SELECT e.rowid, p.id, p.text, p.due, p.status, p.closed_at, p.window_from, p.window_to"
    " FROM promises p JOIN events e ON e.case_id = p.case_id AND e.id = p.event_id"
    " WHERE p.case_id = ? AND p.retracted_at IS NULL AND e.retracted_at IS NULL"
    " ORDER BY e.sort_at, e.rowid, p.rowid"
)
_FILES = (
    "SELECT e.rowid, a.name, a.sha256, a.size"
    " FROM attachments a JOIN events e ON e.case_id = a.case_id AND e.id = a.event_id"
    " WHERE a.case_id = ? AND e.retracted_at IS NULL"
    " ORDER BY e.sort_at, e.rowid, a.rowid"
)
_NONE: list = []


def _promise(row: tuple) -> PromiseRow:
    """A stored promise as a row: empty dates and half windows read as absent, as the store does."""
    _rowid, pid, text, due, status, closed_at, start, end = row
    if not (start and end):
        start = end = None
    return (pid, text, due or None, status, closed_at or None, start, end)


def _by_event(cursor: sqlite3.Cursor, make) -> Iterator[tuple[int, list]]:
    """(event row id, its rows made by ``make``) for consecutive rows of the same event."""
    for rowid, group in groupby(cursor, itemgetter(0)):
        yield rowid, [make(r) for r in group]


def rows(conn: sqlite3.Connection, case_id: str) -> Iterator[Row]:
    """The live events of ``case_id`` in timeline order, each with its promises and files.

    The three cursors are opened before any is read to its end, so they read
    one snapshot of the store.
    """
    events = conn.execute(_EVENTS, (case_id,))
    promises = _by_event(conn.execute(_PROMISES, (case_id,)), _promise)
    files = _by_event(conn.execute(_FILES, (case_id,)), lambda r: r[1:])
    next_promised, their_promises = next(promises, (None, _NONE))
    next_filed, their_files = next(files, (None, _NONE))
    for rowid, *fields in events:
        promised = filed = _NONE
        if rowid == next_promised:
            promised = their_promises
            next_promised, their_promises = next(promises, (None, _NONE))
        if rowid == next_filed:
            filed = their_files
            next_filed, their_files = next(files, (None, _NONE))
        yield (*fields, promised, filed)


def event_row(e: Event) -> Row:
    """The row of a loaded event (the same as :func:`rows` gives for it once stored)."""
    return (
        e.id,
        e.at.text,
        e.channel.value,
        e.direction.value,
        e.answered,
        e.counterpart,
        e.reference,
        e.summary,
        e.wait_minutes,
        e.step,
        e.kind.value,
        [
            (
                p.id,
                p.text,
                p.due.text if p.due else None,
                p.status.value,
                p.closed_at.text if p.closed_at else None,
                p.window.start if p.window else None,
                p.window.end if p.window else None,
            )
            for p in e.promises
        ],
        [(a.name, a.sha256, a.size) for a in e.attachments],
    )
