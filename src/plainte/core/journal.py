"""The tamper-evident journal: every change to an event or a promise, chained by SHA-256.

Each case has its own chain. An entry records what changed (``create``,
``amend``, ``retract``, ``restore``), when it was recorded, the entity's whole
content after the change, and the hash of the previous entry; its own hash
covers all of that. Changing any byte of an entry breaks its hash; changing a
record without a matching entry breaks the match between the record and its
last entry. :func:`verify_chain` says which entry, and where.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone

from plainte.core.model import Case, Event, EventKind, Promise

TYPE_CHECKING = False  # typing costs 3 ms of a call that only reads
if TYPE_CHECKING:
    from typing import Any

GENESIS = "0" * 64
ACTIONS = ("create", "amend", "retract", "restore")


def local_time(at: str) -> datetime:
    """A recorded time (stored in UTC) on this machine's clock, for a person to read.

    An evening edit in Montréal is recorded the next day in UTC; shown, it is
    the evening it was. A time without an offset is taken as UTC.
    """
    moment = datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def local_day(at: str) -> date:
    """The day a recorded time (UTC) fell on, on this machine's clock."""
    return local_time(at).date()


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_STRING = json.encoder.encode_basestring
_CONTACT = EventKind.CONTACT.value


def canonical(data: Any) -> str:
    """The one JSON text of ``data`` that hashes are computed over."""
    return _ENCODER.encode(data)


def entry_hash(
    prev: str, n: int, entity: str, entity_id: str, action: str, at: str, content_json: str
) -> str:
    """SHA-256 of ``prev``, a newline, and the canonical JSON of the entry.

    The JSON is assembled around the already encoded content (keys in sorted
    order, as :func:`canonical` writes them), so the content is encoded once.
    """
    text = _STRING  # every field but the content is a string (``n`` a number)
    return _sha256(
        f'{prev}\n{{"action":{text(action)},"at":{text(at)},"content":{content_json},'
        f'"entity":{text(entity)},"entity_id":{text(entity_id)},"n":{n}}}'.encode()
    ).hexdigest()


def _sha256(data: bytes):
    """hashlib's sha256, imported at the first hash (OpenSSL's loading costs 3 ms of a call
    that only reads); it then takes this function's place."""
    global _sha256
    from hashlib import sha256

    _sha256 = sha256
    return sha256(data)


def event_content(event: Event) -> dict[str, Any]:
    """What an event entry covers: every field but its promises (journaled apart)."""
    return event_fields(
        event.id,
        event.at.text,
        event.channel.value,
        event.direction.value,
        event.answered,
        event.counterpart,
        event.reference,
        event.summary,
        event.wait_minutes,
        event.step,
        [(a.name, a.sha256, a.size) for a in event.attachments],
        event.kind.value,
    )


def event_fields(
    event_id: str,
    at: str,
    channel: str,
    direction: str,
    answered: bool,
    counterpart: str | None,
    reference: str | None,
    summary: str | None,
    wait_minutes: float | None,
    step: str | None,
    files: list[tuple[str, str, int]],
    kind: str,
) -> dict[str, Any]:
    """An event entry's content from its fields as stored (``verify`` reads rows, not events)."""
    data = {
        "id": event_id,
        "at": at,
        "channel": channel,
        "direction": direction,
        "answered": answered,
        "counterpart": counterpart,
        "reference": reference,
        "summary": summary,
        "wait_minutes": wait_minutes,
        "step": step,
        "attachments": [{"name": n, "sha256": sha, "size": size} for n, sha, size in files],
    }
    if wait_minutes is not None and float(wait_minutes).is_integer():
        data["wait_minutes"] = int(wait_minutes)
    if kind != EventKind.CONTACT.value:  # only when set: older entries still match
        data["kind"] = kind
    return data


def event_json(event: Event) -> str:
    """``canonical(event_content(event))``, written field by field in key order: the same
    text in a third of the time (an import journals every event it adds)."""
    return event_fields_json(
        event.id,
        event.at.text,
        event.channel._value_,
        event.direction._value_,
        event.answered,
        event.counterpart,
        event.reference,
        event.summary,
        event.wait_minutes,
        event.step,
        [(a.name, a.sha256, a.size) for a in event.attachments],
        event.kind._value_,
    )


def event_fields_json(
    event_id: str,
    at: str,
    channel: str,
    direction: str,
    answered: bool,
    counterpart: str | None,
    reference: str | None,
    summary: str | None,
    wait_minutes: float | None,
    step: str | None,
    files: list[tuple[str, str, int]],
    kind: str,
) -> str:
    """``canonical(event_fields(...))`` of the same fields, written in key order directly."""
    text = _STRING
    marked = "" if kind == _CONTACT else f'"kind":{text(kind)},'
    if wait_minutes is None:
        wait = "null"
    else:  # finite: written as the encoder writes an int or a float
        wait = repr(int(wait_minutes) if float(wait_minutes).is_integer() else float(wait_minutes))
    attached = (
        ",".join(
            f'{{"name":{text(name)},"sha256":{text(sha)},"size":{size}}}'
            for name, sha, size in files
        )
        if files
        else ""
    )
    return (
        f'{{"answered":{"true" if answered else "false"},"at":{text(at)},'
        f'"attachments":[{attached}],"channel":{text(channel)},'
        f'"counterpart":{"null" if counterpart is None else text(counterpart)},'
        f'"direction":{text(direction)},"id":{text(event_id)},'
        f"{marked}"
        f'"reference":{"null" if reference is None else text(reference)},'
        f'"step":{"null" if step is None else text(step)},'
        f'"summary":{"null" if summary is None else text(summary)},'
        f'"wait_minutes":{wait}}}'
    )


def promise_content(promise: Promise) -> dict[str, Any]:
    """What a promise entry covers (``window`` only when set, as for an event's ``kind``)."""
    return promise_fields(
        promise.id,
        promise.event_id,
        promise.text,
        promise.due.text if promise.due else None,
        promise.status.value,
        promise.closed_at.text if promise.closed_at else None,
        (promise.window.start, promise.window.end) if promise.window is not None else None,
    )


def promise_fields(
    promise_id: str,
    event_id: str,
    text: str,
    due: str | None,
    status: str,
    closed_at: str | None,
    window: tuple[str, str] | None,
) -> dict[str, Any]:
    """A promise entry's content from its fields as stored."""
    data = {
        "id": promise_id,
        "event_id": event_id,
        "text": text,
        "due": due,
        "status": status,
        "closed_at": closed_at,
    }
    if window is not None:
        data["window"] = {"from": window[0], "to": window[1]}
    return data


@dataclass
class Entry:
    """One link of a case's chain; ``n`` counts from 1."""

    n: int
    entity: str  # "event" | "promise" | "case"
    entity_id: str
    action: str
    at: str
    content: dict[str, Any]
    prev: str
    hash: str

    def expected_hash(self) -> str:
        return entry_hash(
            self.prev,
            self.n,
            self.entity,
            self.entity_id,
            self.action,
            self.at,
            canonical(self.content),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "action": self.action,
            "at": self.at,
            "content": self.content,
            "prev": self.prev,
            "hash": self.hash,
        }


def make_entry(
    n: int, entity: str, entity_id: str, action: str, at: str, content: dict[str, Any], prev: str
) -> Entry:
    entry = Entry(n, entity, entity_id, action, at, content, prev, "")
    entry.hash = entry.expected_hash()
    return entry


@dataclass
class Problem:
    """A place where the evidence does not hold: ``where`` names it, ``key`` says what."""

    where: str
    key: str
    detail: str = ""


class ChainCheck:
    """Checks a chain entry by entry, as it is read: numbering, links and hashes."""

    def __init__(self) -> None:
        self.index, self.prev = 0, GENESIS

    def add(self, entry: Entry, content_json: str | None = None) -> list[Problem]:
        """The problems of the next entry (``content_json``: its content, canonical, if known)."""
        self.index += 1
        problems = []
        where = f"journal #{entry.n}"
        if entry.n != self.index:
            problems.append(Problem(where, "chain_order", f"expected #{self.index}"))
        if entry.prev != self.prev:
            problems.append(Problem(where, "chain_broken"))
        if content_json is None:
            content_json = canonical(entry.content)
        expected = entry_hash(
            entry.prev, entry.n, entry.entity, entry.entity_id, entry.action, entry.at, content_json
        )
        if expected != entry.hash:
            problems.append(Problem(where, "hash_mismatch", f"{entry.entity} {entry.entity_id}"))
        self.prev = entry.hash
        return problems


def verify_chain(entries: list[Entry]) -> list[Problem]:
    """Check each entry's hash and its link to the previous one."""
    check = ChainCheck()
    return [problem for entry in entries for problem in check.add(entry)]


def latest(entries: list[Entry]) -> dict[tuple[str, str], Entry]:
    """The last entry of every entity."""
    last: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        last[(entry.entity, entry.entity_id)] = entry
    return last


def case_content(case: Case) -> dict[str, Any]:
    """What a ``case`` entry covers: the case's own fields (title, notes, customer…), no events."""
    from plainte.core.sagafile import case_to_dict

    data = case_to_dict(case)
    data.pop("events", None)
    data.pop("journal", None)
    return data


def verify_records(
    entries: list[Entry], events: list[Event], retracted: set[str], case: Case | None = None
) -> list[Problem]:
    """Check that the records (the live ones, and the retracted ids) are what the journal says.

    With ``case``, its own fields are checked too, once the journal holds a ``case`` entry
    (journals written before case fields were journaled have none).
    """
    problems = []
    last = latest(entries)
    live: dict[tuple[str, str], dict] = {}
    if case is not None and ("case", case.id) in last:
        live[("case", case.id)] = case_content(case)
    for event in events:
        live[("event", event.id)] = event_content(event)
        for promise in event.promises:
            live[("promise", promise.id)] = promise_content(promise)
    for key, content in live.items():
        entry = last.get(key)
        where = f"{key[0]} {key[1]}"
        if entry is None:
            problems.append(Problem(where, "not_journaled"))
        elif entry.action == "retract":
            problems.append(Problem(where, "retracted_but_shown", f"journal #{entry.n}"))
        elif canonical(entry.content) != canonical(content):
            problems.append(Problem(where, "record_mismatch", f"journal #{entry.n}"))
    for (entity, entity_id), entry in last.items():
        if (entity, entity_id) in live or entity in ("case", "sent"):
            continue
        hidden = entry.action == "retract" or (
            entity == "promise" and entry.content.get("event_id") in retracted
        )
        if not hidden and entity_id not in retracted:
            problems.append(
                Problem(f"{entity} {entity_id}", "record_missing", f"journal #{entry.n}")
            )
    return problems


def retracted_events(entries: list[Entry]) -> set[str]:
    """Ids of the events whose last entry is a retraction."""
    return {
        entity_id
        for (entity, entity_id), entry in latest(entries).items()
        if entity == "event" and entry.action == "retract"
    }
