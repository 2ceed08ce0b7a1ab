"""The timeline read in windows: its order, its search texts, one event's place.

A case of a million events is never loaded whole to be shown: the view keeps
the order (row ids, sort keys, channels), reads the events of the rows it
paints (``Store.load_events``), and searches a precomputed text per event.
Each function takes a connection, so a worker thread can use its own
(:func:`reader`). A window reads a long case's order and search texts from a
child process (:func:`main`), in blocks: in a thread, that work would share the
interpreter with the window and hold it.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress, repeat
from operator import contains, eq
from pathlib import Path
from typing import BinaryIO

from plainte.core import event_text
from plainte.core.journal import local_day

_LIVE = "FROM events WHERE case_id = ? AND retracted_at IS NULL"
TEXT_BLOCK = 20_000
"""Search texts per block written for another process."""


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


def main(argv: list[str] | None = None) -> int:
    """``python -m plainte.core.timeline order|texts|figures STORE CASE [DAY]``: blocks on stdout.

    A window reads a long case's order, search texts and figures this way: the
    work is this process's, never the window's.
    """
    import os
    import sys

    if hasattr(os, "nice"):  # the window's work comes first when the two cores are busy
        os.nice(10)
    what, path, case_id, *rest = argv if argv is not None else sys.argv[1:]
    if what == "figures":
        day = date.fromisoformat(rest[0]) if rest else date.today()
        write_blocks([[json.dumps(case_figures(Path(path), case_id, day))]], sys.stdout.buffer)
        return 0
    blocks = order_chunks if what == "order" else search_text_blocks
    conn = reader(Path(path))
    try:
        write_blocks(blocks(conn, case_id), sys.stdout.buffer)
    finally:
        conn.close()
    return 0


def case_figures(path: Path, case_id: str, today: date) -> dict[str, object]:
    """The figures of a case as of ``today`` (or its last day, once it ended), as JSON values.

    The whole case is read to compute them: in a window's process, that reading
    would share the interpreter with the window and hold it.
    """
    import gc

    from plainte.core.dated import judged_on
    from plainte.core.stats import compute
    from plainte.core.store import Store

    gc.disable()  # a process that ends after: collecting its events would only cost
    store = Store(path, reader(path), read_only=True)
    try:
        case = store.load_case(case_id)
    finally:
        store.close()
    return compute(case, judged_on(case, today)).to_json()


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


CHUNK = 20_000
"""Events of the order read by one SQLite call (and split by the window in a few ms)."""


def order(conn: sqlite3.Connection, case_id: str, limit: int | None = None) -> Order:
    """The case's timeline order (its first ``limit`` events only, when given)."""
    if limit is not None:
        rows = conn.execute(
            f"SELECT rowid, sort_at, channel {_LIVE} ORDER BY sort_at, rowid LIMIT ?",
            (case_id, limit),
        ).fetchall()
        return Order([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    whole = Order([], [], [])
    for chunk in order_chunks(conn, case_id):
        add_order_chunk(whole, chunk)
    return whole


def order_chunks(conn: sqlite3.Connection, case_id: str) -> Iterator[list[str]]:
    """The order in chunks of :data:`CHUNK` events, each gathered by SQLite into three texts.

    Row ids joined by commas, sort keys by the unit separator, channels by commas: the
    reading is SQLite's, and splitting a chunk (:func:`add_order_chunk`) takes
    a few milliseconds.
    """
    after: tuple = ()
    while True:
        count, ids, keys, kinds = conn.execute(
            "SELECT count(*), group_concat(rowid), group_concat(sort_at, char(31)),"
            f" group_concat(channel) FROM (SELECT rowid, sort_at, channel {_LIVE}"
            + (" AND (sort_at, rowid) > (?, ?)" if after else "")
            + " ORDER BY sort_at, rowid LIMIT ?)",
            (case_id, *after, CHUNK),
        ).fetchone()
        if not count:
            return
        yield [ids, keys, kinds]
        if count < CHUNK:
            return
        after = (
            keys[keys.rindex("\x1f") + 1 :] if count > 1 else keys,
            int(ids.rsplit(",", 1)[-1]),
        )


def position(order: Order, rowid: int, sort: str, newest: int) -> int | None:
    """Where row ``rowid`` stands in ``order`` (None: not in it), ``newest`` its highest row id.

    Looked for among the rows of its sort key first, and not at all when newer
    than every row (a quick log): scanning a million rows takes 10 ms.
    """
    rowids, sorts = order.rowids, order.sorts
    if rowid > newest:
        return None
    try:
        return rowids.index(rowid, bisect_left(sorts, sort), bisect_right(sorts, sort))
    except ValueError:  # moved: its row has another key
        try:
            return rowids.index(rowid)
        except ValueError:
            return None


def add_order_chunk(whole: Order, chunk: list[str]) -> None:
    """Add a chunk of :func:`order_chunks` at the end of ``whole``."""
    ids, keys, kinds = chunk
    whole.rowids.extend(map(int, ids.split(",")))
    whole.sorts.extend(keys.split("\x1f"))
    whole.channels.extend(kinds.split(","))


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


def search_text_blocks(conn: sqlite3.Connection, case_id: str) -> Iterator[list[str]]:
    """:func:`search_texts` in blocks of :data:`TEXT_BLOCK`, for another process.

    A NUL inside a text becomes a space (nobody types one; blocks are NUL-separated).
    """
    sql = _SEARCHED + " AND retracted_at IS NULL ORDER BY sort_at, rowid"
    batch: list[str] = []
    for row in conn.execute(sql, (case_id,)):
        batch.append(_text(row).replace("\0", " "))
        if len(batch) == TEXT_BLOCK:
            yield batch
            batch = []
    if batch:
        yield batch


def write_blocks(blocks: Iterable[list[str]], out: BinaryIO) -> None:
    """Write each block of texts: its length (4 bytes, big-endian), then its texts in UTF-8,
    separated by NUL."""
    for block in blocks:
        data = "\0".join(block).encode("utf-8")
        out.write(len(data).to_bytes(4, "big") + data)
    out.flush()


def read_blocks(buffer: bytearray, limit: int | None = None) -> list[list[str]]:
    """The whole blocks at the start of ``buffer`` (``limit`` at most), taken out of it, as
    :func:`write_blocks` wrote them."""
    blocks: list[list[str]] = []
    while len(buffer) >= 4 and (limit is None or len(blocks) < limit):
        size = int.from_bytes(buffer[:4], "big")
        if len(buffer) < 4 + size:
            break
        blocks.append(buffer[4 : 4 + size].decode("utf-8").split("\0"))
        del buffer[: 4 + size]
    return blocks


def matching(
    positions: Sequence[int],
    channels: list[str],
    texts: list[str] | None,
    channel: str | None,
    needle: str,
) -> list[int]:
    """Of ``positions`` (ascending), those whose channel is ``channel`` and whose search text
    holds ``needle`` (either unset: not checked).

    Every test runs in C (``compress`` over ``map``): a search keystroke over 100,000
    events takes a couple of milliseconds, not the seven of a Python loop.
    """
    kept: Iterable[int] = positions
    if channel:
        kinds = _column(channels, positions)
        kept = positions = list(compress(positions, map(eq, kinds, repeat(channel))))
    if needle and texts is not None:
        kept = compress(positions, map(contains, _column(texts, positions), repeat(needle)))
    return list(kept)


def _column(values: list, positions: Sequence[int]) -> Iterable:
    """``values`` at ``positions``: a slice for a run of positions (a copy made in C)."""
    if isinstance(positions, range) and positions.step == 1:
        return values[positions.start : positions.stop]
    return map(values.__getitem__, positions)


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


if __name__ == "__main__":
    raise SystemExit(main())
