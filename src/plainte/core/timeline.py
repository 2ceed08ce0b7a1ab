"""The timeline read in windows: its order, its search texts, one event's place.

A case of a million events is never loaded whole to be shown: the view keeps
the order (row ids, sort keys, channels), reads the events of the rows it
paints (``Store.load_events``), and searches a precomputed text per event.
Each function takes a connection, so a worker thread can use its own
(:func:`reader`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plainte.core import event_text
from plainte.core.journal import local_day

_LIVE = "FROM events WHERE case_id = ? AND retracted_at IS NULL"


@dataclass
class Order:
    """The live events of a case in timeline order: row ids, sort keys, channels."""

    rowids: list[int]
    sorts: list[str]
    channels: list[str]


@dataclass
class Place:
    """Where one event stands: its row id, sort key, channel, whether it is live."""

    rowid: int
    sort: str
    channel: str
    live: bool
    amended_on: date | None
    """The day (on this machine's clock) of its last amendment, if amended."""


def reader(path: Path) -> sqlite3.Connection:
    """A read-only connection of its own, for a worker thread."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


def read_apart(path: Path, read, case_id: str):
    """``read(conn, case_id)`` over a connection of its own (in a worker thread)."""
    conn = reader(path)
    try:
        return read(conn, case_id)
    finally:
        conn.close()


def order(conn: sqlite3.Connection, case_id: str, limit: int | None = None) -> Order:
    """The case's timeline order (its first ``limit`` events only, when given)."""
    sql = f"SELECT rowid, sort_at, channel {_LIVE} ORDER BY sort_at, rowid"
    params: tuple = (case_id,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (case_id, limit)
    rows = conn.execute(sql, params).fetchall()
    return Order([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


_SEARCHED = (
    "SELECT summary, channel, direction, answered, counterpart, reference,"
    " (SELECT group_concat(p.text, '\n') FROM promises p WHERE p.case_id = e.case_id"
    "  AND p.event_id = e.id AND p.retracted_at IS NULL)"
    " FROM events e WHERE case_id = ?"
)


def _text(row: tuple) -> str:
    summary, channel, direction, answered, counterpart, reference, promised = row
    shown = event_text.row_summary(summary, channel, direction, bool(answered), bool(promised))
    return "\n".join(filter(None, (shown, counterpart, reference, promised))).casefold()


def search_texts(conn: sqlite3.Connection, case_id: str) -> list[str]:
    """What the search box looks in, per event in timeline order, case-folded.

    The summary as shown, the agent, the reference and the texts of its promises.
    """
    sql = _SEARCHED + " AND retracted_at IS NULL ORDER BY sort_at, rowid"
    return [_text(row) for row in conn.execute(sql, (case_id,))]


def search_text(conn: sqlite3.Connection, case_id: str, rowid: int) -> str:
    """The search text of one event (after it changed)."""
    row = conn.execute(_SEARCHED + " AND rowid = ?", (case_id, rowid)).fetchone()
    return _text(row) if row else ""


def place(conn: sqlite3.Connection, case_id: str, event_id: str) -> Place | None:
    """Where ``event_id`` stands now (None: no such event, even retracted)."""
    row = conn.execute(
        "SELECT rowid, sort_at, channel, retracted_at IS NULL, amended_at FROM events"
        " WHERE case_id = ? AND id = ?",
        (case_id, event_id),
    ).fetchone()
    if row is None:
        return None
    return Place(row[0], row[1], row[2], bool(row[3]), local_day(row[4]) if row[4] else None)


def last_channel(conn: sqlite3.Connection, case_id: str) -> str | None:
    """The channel of the case's latest live event (None for an empty timeline)."""
    row = conn.execute(
        f"SELECT channel {_LIVE} ORDER BY sort_at DESC, rowid DESC LIMIT 1", (case_id,)
    ).fetchone()
    return row[0] if row else None


def amended(conn: sqlite3.Connection, case_id: str, rowids: list[int]) -> dict[str, date]:
    """Of these events, the amended ones, with the day (local) of their last amendment."""
    return {
        event_id: local_day(at)
        for event_id, at in conn.execute(
            "SELECT id, amended_at FROM events WHERE rowid IN (SELECT value FROM json_each(?))"
            " AND +case_id = ? AND amended_at IS NOT NULL",
            (json.dumps(rowids), case_id),
        )
    }
