"""The promise ledger: what the provider promised, who, when, and what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plainte.core.model import Case, CaseStatus, Event, Promise, PromiseStatus


@dataclass
class LedgerEntry:
    """One promise with its context, judged as of ``today``.

    ``state`` is ``kept``, ``broken`` (marked so, or still pending past its due
    day when the case ended: it can no longer be kept late), ``overdue`` (pending
    past its due day in a running case: counted as broken), or ``pending`` (not
    yet due, or no due date).
    """

    promise: Promise
    event: Event
    state: str

    @property
    def is_broken(self) -> bool:
        return self.state in ("broken", "overdue")

    @property
    def who(self) -> str | None:
        return self.event.counterpart

    @property
    def reference(self) -> str | None:
        return self.event.reference


def ledger(case: Case, today: date) -> list[LedgerEntry]:
    """Every promise made up to ``today``, in timeline order."""
    entries = []
    for event in case.events:
        if event.at.day > today:
            break
        for promise in event.promises:
            if promise.status is PromiseStatus.KEPT:
                state = "kept"
            elif promise.status is PromiseStatus.BROKEN:
                state = "broken"
            elif promise.is_overdue(today):
                state = "overdue" if case.status is CaseStatus.OPEN else "broken"
            else:
                state = "pending"
            entries.append(LedgerEntry(promise=promise, event=event, state=state))
    return entries
