"""``plainte verify``: does the evidence hold? For a case in the store, or a saga file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plainte.core import attachments
from plainte.core.journal import Problem, retracted_events, verify_chain, verify_records
from plainte.core.model import When
from plainte.core.store import Store


@dataclass
class Verdict:
    """What was checked and what does not hold."""

    subject: str
    entries: int = 0
    records: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_case(store: Store, case_id: str) -> Verdict:
    """Check a stored case: its chain, its records against the chain, its evidence files."""
    case = store.load_case(case_id, with_journal=True)
    entries = case.journal
    verdict = Verdict(subject=case_id, entries=len(entries))
    verdict.problems += verify_chain(entries)
    verdict.problems += verify_records(entries, case.events, retracted_events(entries), case)
    verdict.records = len(case.events) + sum(len(e.promises) for e in case.events)
    for event_id, at, sort_at in store.conn.execute(
        "SELECT id, at, sort_at FROM events WHERE case_id = ?", (case_id,)
    ):
        try:
            expected = When.stored(at, sort_at)
            from plainte.core.model import parse_when

            if parse_when(at).sort_key != expected.sort_key:
                verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "sort_at"))
        except ValueError:
            verdict.problems.append(Problem(f"event {event_id}", "record_mismatch", "at"))
    for event in case.events:
        for attachment in event.attachments:
            verdict.files += 1
            state = attachments.check(store.data_dir, attachment)
            if state != "ok":
                where = f"event {event.id}, file {attachment.name}"
                verdict.problems.append(Problem(where, f"file_{state}", attachment.sha256[:12]))
    return verdict


def verify_file(path: Path) -> list[Verdict]:
    """Check every case of a saga file (the reader refuses a broken chain with its place)."""
    from plainte.core.sagafile import read_saga

    verdicts = []
    saga = read_saga(path)
    for index, case in enumerate(saga.cases):
        verdict = Verdict(subject=case.id, entries=len(case.journal))
        prefix = f"cases[{index}]."
        for where in saga.warnings:  # a renamed field is an altered entry too
            if where.startswith(prefix):
                verdict.problems.append(Problem(where, "unknown_field"))
        verdict.records = len(case.events) + sum(len(e.promises) for e in case.events)
        if not case.journal:
            verdict.problems.append(Problem(f"case {case.id}", "no_journal"))
        verdicts.append(verdict)
    return verdicts
