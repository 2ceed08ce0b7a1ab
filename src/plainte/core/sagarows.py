"""A saga file's events checked straight into the rows and journal texts the store keeps.

The usual shape of an event (fields the contract names, ids given, dates
written ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` with an optional offset) is
checked here field by field, with no model object made. Anything else (a fault,
an unknown field, an id to derive, a rarer date form) gives ``None``, and the
caller reads the record with the saga-file reader, which names the fault and its
place: the located messages are the reader's own, and :func:`from_event` turns
what it reads into the same rows.

Strings reaching here come from the file walk, which has already refused lone
surrogates, so only their length and control characters are checked.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from plainte.core.journal import canonical, event_fields_json, promise_fields
from plainte.core.model import STEP_ID, Channel, Direction, Event, EventKind, PromiseStatus
from plainte.core.sagafields import _CLOCK
from plainte.core.sagafile import (
    _ATTACHMENT_FIELDS,
    _EVENT_FIELDS,
    _PROMISE_FIELDS,
    _SHA256,
    CONTROL,
    MAX_INTEGER,
    MAX_LONG,
    MAX_SHORT,
)

EventRows = tuple[tuple, list[tuple], list[tuple]]
"""An event as stored: its ``events`` row (case id, id, at, sort key, channel, direction,
answered, counterpart, reference, summary, wait, step, kind), its ``promises`` rows
(case id, event id, id, text, due, due day, status, closed at, window from, window
to) and its ``attachments`` rows (case id, event id, name, SHA-256, size)."""

_DAY = re.compile(r"(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(
    r"(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)
_CHANNELS = frozenset(c.value for c in Channel)
_DIRECTIONS = frozenset(d.value for d in Direction)
_KINDS = frozenset(k.value for k in EventKind)
_STATUSES = frozenset(s.value for s in PromiseStatus)
_WINDOW_FIELDS = frozenset(("from", "to"))
_search = CONTROL.search
_step = STEP_ID.fullmatch
_clock = _CLOCK.fullmatch
_sha = _SHA256.fullmatch


def moment(text: Any) -> tuple[str, str] | None:
    """The sort key and day of a date or date-time in its usual form (None: another form).

    The same as :func:`plainte.core.model.parse_when`'s ``sort_key`` and ``day``, and
    within the days a saga may hold (1900 to 2999).
    """
    if text.__class__ is not str:
        return None
    if len(text) == 10:
        if _DAY.fullmatch(text) is None:
            return None
        try:
            date.fromisoformat(text)
        except ValueError:
            return None
        return text + "T00:00:00", text
    if _MOMENT.fullmatch(text) is None:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return text[:19], text[:10]


def _short(value: Any) -> bool:
    """An optional text of at most :data:`MAX_SHORT` characters (control characters are looked
    for by the caller)."""
    return value is None or (value.__class__ is str and len(value) <= MAX_SHORT)


def _ident(value: Any) -> bool:
    return (
        value.__class__ is str
        and len(value) <= 200
        and _search(value) is None
        and bool(value.strip())
    )


def event_rows(raw: Any, case_id: str) -> EventRows | None:
    """The stored form of an event in its usual shape, checked; None for any other."""
    try:
        return _event_rows(raw, case_id)
    except TypeError:  # a list or an object where a text belongs
        return None


def _event_rows(raw: Any, case_id: str) -> EventRows | None:
    if raw.__class__ is not dict or not raw.keys() <= _EVENT_FIELDS:
        return None
    get = raw.get
    eid = get("id")
    at = get("at")
    channel = get("channel")
    direction = get("direction")
    answered = get("answered", True)
    counterpart = get("counterpart")
    reference = get("reference")
    summary = get("summary")
    wait = get("wait_minutes")
    step = get("step")
    kind = get("kind", "contact")
    when = moment(at)
    if (
        when is None
        or eid.__class__ is not str
        or len(eid) > 200
        or not eid.strip()
        or channel not in _CHANNELS  # only texts are in these sets (a list raises TypeError)
        or direction not in _DIRECTIONS
        or kind not in _KINDS
        or answered.__class__ is not bool
        or not _short(counterpart)
        or not _short(reference)
        or (step is not None and (not _short(step) or _step(step) is None))
        or (summary is not None and (summary.__class__ is not str or len(summary) > MAX_LONG))
        # one search for control characters in every text (None and numbers have none)
        or _search(f"{eid}{counterpart}{reference}{summary}{step}") is not None
    ):
        return None
    if wait is not None:
        if (wait.__class__ is not int and wait.__class__ is not float) or not (
            0 <= wait <= 1_000_000
        ):
            return None
        wait = float(wait)
    promise_rows = _each(get("promises"), _promise, case_id, eid)
    file_rows = _each(get("attachments"), _attachment, case_id, eid)
    if promise_rows is None or file_rows is None:
        return None
    row = (
        case_id,
        eid,
        at,
        when[0],
        channel,
        direction,
        int(answered),
        counterpart,
        reference,
        summary,
        wait,
        step,
        kind,
    )
    return row, promise_rows, file_rows


def _each(items: Any, row: Any, case_id: str, event_id: str) -> list[tuple] | None:
    """The rows of an event's promises or attachments; None if one is not in the usual shape."""
    if items is None:
        return []
    if items.__class__ is not list:
        return None
    rows = []
    for item in items:
        found = row(item, case_id, event_id)
        if found is None:
            return None
        rows.append(found)
    return rows


def _promise(raw: Any, case_id: str, event_id: str) -> tuple | None:
    """A promise's row, or None when not in the usual shape."""
    if raw.__class__ is not dict or not raw.keys() <= _PROMISE_FIELDS:
        return None
    get = raw.get
    pid, text, status = get("id"), get("text"), get("status", "pending")
    due, closed, window = get("due"), get("closed_at"), get("window")
    if (
        not _ident(pid)
        or text.__class__ is not str
        or len(text) > MAX_LONG
        or _search(text) is not None
        or not text.strip()
        or status.__class__ is not str
        or status not in _STATUSES
    ):
        return None
    due_day = None
    if due is not None:
        when = moment(due)
        if when is None:
            return None
        due_day = when[1]
    if closed is not None and moment(closed) is None:
        return None
    if window is not None:
        if window.__class__ is not dict or not window.keys() <= _WINDOW_FIELDS:
            return None
        start, end = window.get("from"), window.get("to")
        if start.__class__ is not str or end.__class__ is not str:
            return None
        if _clock(start) is None or _clock(end) is None:
            return None
    if window is None:
        return (case_id, event_id, pid, text, due, due_day, status, closed, None, None)
    return (case_id, event_id, pid, text, due, due_day, status, closed, start, end)


def _attachment(raw: Any, case_id: str, event_id: str) -> tuple | None:
    """An attachment's row, or None when not in the usual shape."""
    if raw.__class__ is not dict or not raw.keys() <= _ATTACHMENT_FIELDS:
        return None
    name, sha, size = raw.get("name"), raw.get("sha256"), raw.get("size")
    if (
        name.__class__ is not str
        or len(name) > MAX_SHORT
        or _search(name) is not None
        or not name.strip()
        or sha.__class__ is not str
        or _sha(sha) is None
        or size.__class__ is not int
        or not 0 <= size <= MAX_INTEGER
    ):
        return None
    return case_id, event_id, name, sha, size


def from_event(event: Event, case_id: str) -> EventRows:
    """The stored form of an event the saga-file reader has read (any shape it takes)."""
    eid = event.id
    row = (
        case_id,
        eid,
        event.at.text,
        event.at.sort_key,
        event.channel._value_,
        event.direction._value_,
        int(event.answered),
        event.counterpart,
        event.reference,
        event.summary,
        event.wait_minutes,
        event.step,
        event.kind._value_,
    )
    promise_rows = [
        (
            case_id,
            eid,
            p.id,
            p.text,
            p.due.text if p.due else None,
            p.due.day.isoformat() if p.due else None,
            p.status.value,
            p.closed_at.text if p.closed_at else None,
            p.window.start if p.window else None,
            p.window.end if p.window else None,
        )
        for p in event.promises
    ]
    files = [(case_id, eid, a.name, a.sha256, a.size) for a in event.attachments]
    return row, promise_rows, files


def event_json(row: tuple, file_rows: list[tuple]) -> str:
    """The journal content of an event given as rows (as ``journal.event_json`` of it)."""
    _case, eid, at, _sort, channel, direction, answered, counterpart, reference = row[:9]
    summary, wait, step, kind = row[9:]
    files = [f[2:] for f in file_rows]
    return event_fields_json(
        eid, at, channel, direction, answered, counterpart, reference, summary, wait, step,
        files, kind,
    )  # fmt: skip


def promise_json(row: tuple) -> str:
    """The journal content of a promise given as its row."""
    _case, event_id, pid, text, due, _day, status, closed, start, end = row
    window = None if start is None else (start, end)
    return canonical(promise_fields(pid, event_id, text, due, status, closed, window))
