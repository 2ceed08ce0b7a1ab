"""``plainte verify``: does the evidence hold? For a case in the store, or a saga file."""

from __future__ import annotations

import json
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
    event_content,
    promise_content,
)
from plainte.core.model import parse_when
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
    stored, never decoded and encoded again), then one over the live records:
    memory holds the last content of each record, not the case and its history.

    Raises:
        NotFound: no case has that id.
    """
    head = store.case_header(case_id)
    verdict = Verdict(subject=case_id)
    last = _check_chain(store.journal_rows(case_id), verdict)
    verdict.fingerprint = of_store(store.conn, case_id)
    _check_sent(store, case_id, last.pop(_SENT, []), fingerprints or [], verdict)
    if ("case", case_id) in last:  # journals from before case fields were journaled have none
        _check_record(verdict, last, "case", case_id, case_content(head))
    retracted = {i for (entity, i), state in last.items() if entity == "event" and state[1]}
    files: list[Problem] = []
    for event in store.iter_events(case_id):
        verdict.records += 1 + len(event.promises)
        _check_record(verdict, last, "event", event.id, event_content(event))
        for promise in event.promises:
            _check_record(verdict, last, "promise", promise.id, promise_content(promise))
        for attachment in event.attachments:
            verdict.files += 1
            state = attachments.check(store.data_dir, attachment)
            if state != "ok":
                where = f"event {event.id}, file {attachment.name}"
                files.append(Problem(where, f"file_{state}", attachment.sha256[:12]))
    for (entity, entity_id), (n, is_retract, _content, event_id) in last.items():
        if entity in ("case", "sent"):
            continue
        hidden = is_retract or (entity == "promise" and event_id in retracted)
        if not hidden and entity_id not in retracted:
            where = f"{entity} {entity_id}"
            verdict.problems.append(Problem(where, "record_missing", f"journal #{n}"))
    for event_id, at, sort_at in store.conn.execute(
        "SELECT id, at, sort_at FROM events WHERE case_id = ?", (case_id,)
    ):
        try:
            if parse_when(at).sort_key != sort_at:
                verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "sort_at"))
        except ValueError:
            verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "at"))
    verdict.problems += files
    return verdict


def _check_chain(rows, verdict: Verdict) -> dict[tuple[str, str], tuple]:
    """Check each stored entry's hash and link; return each record's last entry.

    The value is (n, whether it is a retraction, its content as stored, and for
    a promise the event it belongs to).
    """
    last: dict[tuple[str, str], tuple] = {}
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
        event_id = json.loads(content).get("event_id") if entity == "promise" else None
        last[(entity, entity_id)] = (n, action == "retract", content, event_id)
        if entity == "sent":
            last.setdefault(_SENT, []).append(json.loads(content))
        verdict.entries += 1
    return last


_SENT = ("", "sent")
"""Where :func:`_check_chain` gathers the fingerprints recorded as sent."""


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


def _check_record(verdict: Verdict, last: dict, entity: str, entity_id: str, content) -> None:
    """A live record against its last entry (which is then accounted for)."""
    entry = last.pop((entity, entity_id), None)
    where = f"{entity} {entity_id}"
    if entry is None:
        verdict.problems.append(Problem(where, "not_journaled"))
    elif entry[1]:
        verdict.problems.append(Problem(where, "retracted_but_shown", f"journal #{entry[0]}"))
    elif entry[2] != canonical(content):
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
