"""``plainte verify``: does the evidence hold? For a case in the store, or a saga file."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plainte.core import attachments
from plainte.core.fingerprint import (
    Fingerprint,
    find,
    missing_sent,
    of_entries,
    of_store,
    parse,
    sent_out,
)
from plainte.core.journal import (
    GENESIS,
    Problem,
    canonical,
    case_content,
    entry_hash,
    event_fields,
    event_fields_json,
    promise_fields,
)
from plainte.core.model import Attachment, parse_when
from plainte.core.store import Store


@dataclass
class Verdict:
    """What was checked and what does not hold."""

    subject: str
    entries: int = 0
    records: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    fingerprint: Fingerprint | None = None
    """Where the chain stands now: the fingerprint the next letter will carry."""
    sent: int = 0
    """Fingerprints sent out (recorded, or given by the person) found in the chain."""

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_case(store: Store, case_id: str, fingerprints: list[str] | None = None) -> Verdict:
    """Check a stored case: its chain, its records against the chain, its evidence files.

    ``fingerprints``: ones the person holds from letters sent out (``#17 3f9a1c2b7d10``),
    checked to be still in the chain, like those recorded when letters were marked sent.

    One pass over the stored journal (each hash computed over the content as
    stored, never decoded and encoded again); then one over the live events in id
    order beside their entries in the same order, each record against its last
    entry. Memory holds a page of events and the promises' last entries, not the
    case and its history: it does not grow with the number of events.

    Raises:
        NotFound: no case has that id.
    """
    head = store.case_header(case_id)
    verdict = Verdict(subject=case_id)
    sent = _check_chain(store.journal_rows(case_id), verdict)
    verdict.fingerprint = of_store(store.conn, case_id)
    _check_sent(store, case_id, sent, fingerprints or [], verdict)
    case_entry = next(_last_entries(store, case_id, "case", case_id), None)
    if case_entry is not None:  # journals from before case fields were journaled have none
        _check_record(verdict, case_entry[1], f"case {case_id}", canonical(case_content(head)))
    promised = dict(_last_entries(store, case_id, "promise"))
    retracted: set[str] = set()  # events whose last entry is a retraction
    files: list[Problem] = []
    entries = _last_entries(store, case_id, "event")
    entry = next(entries, None)
    for event in _events_by_id(store, case_id):
        while entry is not None and entry[0] < event.id:  # journaled, not in the store
            _gone(verdict, "event", entry, retracted)
            entry = next(entries, None)
        mine = None
        if entry is not None and entry[0] == event.id:
            mine, entry = entry[1], next(entries, None)
            if mine[1]:
                retracted.add(event.id)
        verdict.records += 1 + len(event.promises)
        where = f"event {event.id}"
        _check_record(verdict, mine, where, event.text)
        for promise_id, text in event.promises:
            _check_record(verdict, promised.pop(promise_id, None), f"promise {promise_id}", text)
        for attachment in event.attachments:
            verdict.files += 1
            state = attachments.check(store.data_dir, attachment)
            if state != "ok":
                name = f"{where}, file {attachment.name}"
                files.append(Problem(name, f"file_{state}", attachment.sha256[:12]))
        _check_sort_key(verdict, event.id, event.at, event.sort_at)
    while entry is not None:
        _gone(verdict, "event", entry, retracted)
        entry = next(entries, None)
    for promise_id, last in promised.items():  # promises journaled, not shown
        hidden = last[1] or last[3] in retracted  # retracted, or hidden with its event
        if not hidden and promise_id not in retracted:
            where = f"promise {promise_id}"
            verdict.problems.append(Problem(where, "record_missing", f"journal #{last[0]}"))
    for event_id, at, sort_at in store.conn.execute(
        "SELECT id, at, sort_at FROM events WHERE case_id = ? AND retracted_at IS NOT NULL",
        (case_id,),
    ):
        _check_sort_key(verdict, event_id, at, sort_at)
    verdict.problems += files
    return verdict


PAGE = 2000
"""Live events read at a time."""


@dataclass
class _Stored:
    """A live event as stored: its entry's content as the journal writes it, its
    promises' and its files."""

    id: str
    at: str
    sort_at: str
    text: str | None
    promises: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def _events_by_id(store: Store, case_id: str) -> Iterator[_Stored]:
    """The case's live events in id order (the journal's), a page at a time, as stored.

    Read as rows, not as events: what is checked is what the store holds, and a
    page costs no parsing beyond the entry's content.
    """
    conn, after = store.conn, ""
    while True:
        rows = conn.execute(
            "SELECT id, at, sort_at, channel, direction, answered, counterpart, reference,"
            " summary, wait_minutes, step, kind FROM events"
            " WHERE case_id = ? AND retracted_at IS NULL AND id > ? ORDER BY id LIMIT ?",
            (case_id, after, PAGE),
        ).fetchall()
        if not rows:
            return
        ids = json.dumps([r[0] for r in rows])
        files: dict[str, list[Attachment]] = {}
        for event_id, name, sha256, size in conn.execute(
            "SELECT event_id, name, sha256, size FROM attachments WHERE case_id = ?"
            " AND event_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            (case_id, ids),
        ):
            files.setdefault(event_id, []).append(Attachment(name, sha256, size))
        promises: dict[str, list[tuple[str, str]]] = {}
        for r in conn.execute(
            "SELECT event_id, id, text, due, status, closed_at, window_from, window_to"
            " FROM promises WHERE case_id = ? AND retracted_at IS NULL"
            " AND event_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            (case_id, ids),
        ):
            window = (r[6], r[7]) if r[6] and r[7] else None
            fields = (r[1], r[0], r[2], r[3] or None, r[4], r[5] or None, window)
            promises.setdefault(r[0], []).append((r[1], _written(promise_fields, *fields)))
        for r in rows:
            mine = files.get(r[0], [])
            fields = (*r[:2], *r[3:5], bool(r[5]), *r[6:11])
            attached = [(a.name, a.sha256, a.size) for a in mine]
            if _well_typed(r, attached):
                text = event_fields_json(*fields, attached, r[11])
            else:  # what a hostile store holds, as the journal's encoder would write it
                text = _written(event_fields, *fields, attached, r[11])
            yield _Stored(r[0], r[1], r[2], text, promises.get(r[0], []), mine)
        after = rows[-1][0]


def _written(content: Callable[..., dict], *fields) -> str | None:
    """A record's content as the journal's encoder writes it, None when a hostile row's
    values cannot be written (bytes, minutes that are not a number): it matches no entry."""
    try:
        return canonical(content(*fields))
    except (TypeError, ValueError, OverflowError):
        return None


def _well_typed(row: tuple, attached: list[tuple]) -> bool:
    """Whether an event row holds the types the journal's direct writer expects (text,
    optional text, a finite number of minutes, files named with a whole size)."""
    event_id, at, _sort, channel, direction, _answered, who, ref, summary, wait, step, kind = row
    return (
        type(event_id) is str
        and type(at) is str
        and type(channel) is str
        and type(direction) is str
        and type(kind) is str
        and (who is None or type(who) is str)
        and (ref is None or type(ref) is str)
        and (summary is None or type(summary) is str)
        and (step is None or type(step) is str)
        and (wait is None or (type(wait) in (int, float) and math.isfinite(wait)))
        and (not attached or all(map(_well_typed_file, attached)))
    )


def _well_typed_file(file: tuple) -> bool:
    name, sha256, size = file
    return type(name) is str and type(sha256) is str and type(size) is int


def _last_entries(
    store: Store, case_id: str, entity: str, entity_id: str | None = None
) -> Iterator[tuple[str, tuple]]:
    """(id, last entry) of each ``entity`` record journaled, in id order, read as it goes.

    The entry is (n, whether a retraction, content as stored, and for a promise the
    event it belongs to).
    """
    rows = store.conn.execute(
        "SELECT entity_id, n, action, content FROM journal WHERE case_id = ? AND entity = ?"
        + (" AND entity_id = ?" if entity_id is not None else "")
        + " ORDER BY entity_id, n",
        (case_id, entity, *([entity_id] if entity_id is not None else [])),
    )
    promise = entity == "promise"
    current, last = None, None
    for record_id, n, action, content in rows:
        if record_id != current and current is not None:
            yield current, _with_event(last) if promise else last
        current, last = record_id, (n, action == "retract", content, None)
    if current is not None:
        yield current, _with_event(last) if promise else last


def _with_event(entry: tuple) -> tuple:
    """A promise's last entry with the event it belongs to (None when unreadable)."""
    try:
        event_id = json.loads(entry[2]).get("event_id")
    except (ValueError, AttributeError):  # an altered entry: its hash says so already
        event_id = None
    return (*entry[:3], event_id)


def _gone(verdict: Verdict, entity: str, entry: tuple[str, tuple], retracted: set[str]) -> None:
    """A record journaled but not in the store: missing, unless its last entry retracts it."""
    record_id, (n, is_retract, _content, _event) = entry
    if is_retract:
        retracted.add(record_id)
    else:
        verdict.problems.append(Problem(f"{entity} {record_id}", "record_missing", f"journal #{n}"))


_WALL_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
"""A date-time written with its seconds: its order key is its first 19 characters (the
local wall-clock time as written), so most moments need no parsing to be checked."""


def _check_sort_key(verdict: Verdict, event_id: str, at: str, sort_at: str) -> None:
    """The stored order key must be the one the moment gives."""
    if _WALL_CLOCK.fullmatch(at) and at[:19] == sort_at:
        return  # a value that does not parse differs from its entry: the record check says so
    try:
        if parse_when(at).sort_key != sort_at:
            verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "sort_at"))
    except ValueError:
        verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "at"))


def _check_chain(rows, verdict: Verdict) -> list[dict]:
    """Check each stored entry's hash and link; return the fingerprints recorded as sent."""
    sent: list[dict] = []
    prev = GENESIS
    for index, (n, entity, entity_id, action, at, content, stored_prev, hash_) in enumerate(
        rows, start=1
    ):
        where = f"journal #{n}"
        if n != index:
            verdict.problems.append(Problem(where, "chain_order", f"expected #{index}"))
        if stored_prev != prev:
            verdict.problems.append(Problem(where, "chain_broken"))
        if entry_hash(stored_prev, n, entity, entity_id, action, at, content) != hash_:
            verdict.problems.append(Problem(where, "hash_mismatch", f"{entity} {entity_id}"))
        prev = hash_
        if entity == "sent":
            sent.append(json.loads(content))
        verdict.entries += 1
    return sent


def _check_sent(store: Store, case_id: str, sent: list, given: list[str], verdict) -> None:
    """Each fingerprint recorded as sent, or given, must still be in the chain at its place."""
    for data in sent:
        row = store.conn.execute(
            "SELECT hash, at FROM journal WHERE case_id = ? AND n = ?", (case_id, data["n"])
        ).fetchone()
        fp = Fingerprint(int(data["n"]), str(data["hash"]), str(data["at"]))
        if row is None or tuple(row) != (fp.hash, fp.at):
            verdict.problems.append(Problem(f"#{fp.n}", "sent_fingerprint_missing", fp.text))
        else:
            verdict.sent += 1
    for text in given:
        parsed = parse(text)
        found = None
        if parsed is not None:
            n, prefix = parsed
            found = store.conn.execute(
                "SELECT 1 FROM journal WHERE case_id = ? AND hash LIKE ? AND (? IS NULL OR n = ?)",
                (case_id, prefix + "%", n, n),
            ).fetchone()
        if found is None:
            verdict.problems.append(Problem(text, "given_fingerprint_missing"))
        else:
            verdict.sent += 1


def check_fingerprints(verdict: Verdict, entries: list, given: list[str]) -> None:
    """Check the fingerprints recorded as sent, and those given, against a file's chain."""
    for fp in missing_sent(entries):
        verdict.problems.append(Problem(f"#{fp.n}", "sent_fingerprint_missing", fp.text))
    verdict.sent = len(sent_out(entries)) - len(missing_sent(entries))
    for text in given:
        parsed = parse(text)
        if parsed is None or find(entries, *parsed) is None:
            verdict.problems.append(Problem(text, "given_fingerprint_missing"))
        else:
            verdict.sent += 1


def _check_record(verdict: Verdict, entry: tuple | None, where: str, text: str | None) -> None:
    """A live record (its content as the journal writes it) against its last entry (n,
    whether a retraction, content as stored)."""
    if entry is None:
        verdict.problems.append(Problem(where, "not_journaled"))
    elif entry[1]:
        verdict.problems.append(Problem(where, "retracted_but_shown", f"journal #{entry[0]}"))
    elif entry[2] != text:
        verdict.problems.append(Problem(where, "record_mismatch", f"journal #{entry[0]}"))


def verify_file(path: Path, fingerprints: list[str] | None = None) -> list[Verdict]:
    """Check every case of a saga file (the reader refuses a broken chain with its place)."""
    from plainte.core.sagafile import read_saga

    verdicts = []
    saga = read_saga(path)
    for index, case in enumerate(saga.cases):
        verdict = Verdict(
            subject=case.id, entries=len(case.journal), fingerprint=of_entries(case.journal)
        )
        check_fingerprints(verdict, case.journal, fingerprints or [])
        prefix = f"cases[{index}]."
        for where in saga.warnings:  # a renamed field is an altered entry too
            if where.startswith(prefix):
                verdict.problems.append(Problem(where, "unknown_field"))
        verdict.records = len(case.events) + sum(len(e.promises) for e in case.events)
        if not case.journal:
            verdict.problems.append(Problem(f"case {case.id}", "no_journal"))
        verdicts.append(verdict)
    return verdicts
