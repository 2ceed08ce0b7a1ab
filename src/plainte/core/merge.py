"""Importing into a case the store already holds, without ever going backwards.

Each record of the file (the case's own fields, every event and promise) is
weighed against the store's journal:

- not in the store: **added**;
- the same as the store's: nothing to do (**same**);
- the file's version is one the store's journal already holds (the file is an
  older copy), or the store changed the record (amended, retracted) after the
  file's version was written: the store's is **kept**;
- the file's version is newer than the store's, or the store never changed the
  record since it was created and the file carries no history for it: the
  file's is taken (**updated**), journaled as an ``amend`` (or ``restore``).

A record the file retracted after the store's last change is retracted too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from plainte.core.journal import (
    Entry,
    canonical,
    case_content,
    event_content,
    latest,
    promise_content,
)
from plainte.core.model import Case, Event


@dataclass
class MergeCounts:
    """What an import did to the records it met."""

    added: int = 0
    updated: int = 0
    kept: int = 0
    same: int = 0

    def words(self, lang: str | None = None) -> str:
        """The summary a person reads: added, taken from the file, kept, already there."""
        from plainte.core.i18n import tr, trn

        return tr(
            "merge.summary",
            lang,
            added=trn("merge.added", self.added, lang),
            updated=trn("merge.updated", self.updated, lang),
            kept=trn("merge.kept", self.kept, lang),
            same=trn("merge.same", self.same, lang),
        )

    def __iadd__(self, other: MergeCounts) -> MergeCounts:
        self.added += other.added
        self.updated += other.updated
        self.kept += other.kept
        self.same += other.same
        return self


class Merge:
    """Decides, record by record, between the store's version and a file's."""

    def __init__(self, local: list[Entry], theirs: list[Entry]) -> None:
        self.mine = latest(local)
        self.known = {e.hash for e in local}
        self.theirs = latest(theirs)
        # a file whose last entry the store holds is an older copy: nothing in it is newer
        self.older_copy = bool(theirs) and theirs[-1].hash in self.known
        self.counts = MergeCounts()

    def decide(self, entity: str, entity_id: str, content: dict) -> str | None:
        """The journal action that takes the file's version, or None to keep the store's."""
        mine = self.mine.get((entity, entity_id))
        if mine is None:
            self.counts.added += 1
            return "create"
        if mine.action != "retract" and canonical(mine.content) == canonical(content):
            self.counts.same += 1
            return None
        theirs = self.theirs.get((entity, entity_id))
        if self.older_copy or (theirs is not None and theirs.hash in self.known):
            take = False
        elif theirs is not None:
            take = theirs.at > mine.at
        else:
            take = mine.action == "create"  # never changed here since it was recorded
        if not take:
            self.counts.kept += 1
            return None
        self.counts.updated += 1
        return "restore" if mine.action == "retract" else "amend"

    def retractions(self) -> list[Entry]:
        """The file's retractions that come after the store's last change of the record."""
        out = []
        for key, theirs in self.theirs.items():
            mine = self.mine.get(key)
            if (
                theirs.action == "retract"
                and theirs.hash not in self.known
                and mine is not None
                and mine.action != "retract"
                and theirs.at > mine.at
                and not self.older_copy
            ):
                out.append(theirs)
        return out


def plan(local: list[Entry], case: Case, case_exists: bool) -> tuple[Merge, list, list]:
    """Weigh ``case`` (read from a file) against the store's journal of it.

    Return:
        The merge (its counts and retractions), the journal entries to append as
        ``(entity, entity_id, action, content)``, and the records to write:
        ``("case", case)``, ``("event", event)`` (without its promises) and
        ``("promise", (event_id, promise))``.
    """
    merge = Merge(local, case.journal)
    if case_exists and ("case", case.id) not in merge.mine:
        # a case journaled before its own fields were: its fields count as never changed
        merge.mine[("case", case.id)] = Entry(0, "case", case.id, "create", "", {}, "", "")
    entries: list[tuple[str, str, str, dict]] = []
    writes: list[tuple[str, object]] = []

    def weigh(entity: str, entity_id: str, content: dict, record: object) -> None:
        action = merge.decide(entity, entity_id, content)
        if action is not None:
            entries.append((entity, entity_id, action, content))
            writes.append((entity, record))

    weigh("case", case.id, case_content(case), case)
    for event in case.events:
        weigh("event", event.id, event_content(event), _bare(event))
        for promise in event.promises:
            weigh("promise", promise.id, promise_content(promise), (event.id, promise))
    return merge, entries, writes


def _bare(event: Event) -> Event:
    """The event without its promises (they are weighed one by one)."""
    return replace(event, promises=[])
