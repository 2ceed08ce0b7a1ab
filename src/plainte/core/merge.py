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

from collections.abc import Callable
from dataclasses import dataclass


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


def choose(
    counts: MergeCounts,
    mine: tuple[str, str, str] | None,
    content: str,
    theirs_at: str | None,
    known: Callable[[], bool],
) -> str | None:
    """The journal action that takes the file's version of a record, or None to keep the store's.

    Args:
        counts: what the import did, counted here.
        mine: the store's last entry of the record (action, time, canonical content), if any.
        content: the file's version of the record (canonical JSON).
        theirs_at: when the file's journal last recorded it, if the file has a journal.
        known: whether the store's journal holds the file's last entry of the record
            (or the whole file is an older copy).
    """
    if mine is None:
        counts.added += 1
        return "create"
    action, at, mine_content = mine
    if action != "retract" and mine_content == content:
        counts.same += 1
        return None
    if known():
        take = False
    elif theirs_at is not None:
        take = theirs_at > at
    else:
        take = action == "create"  # never changed here since it was recorded
    if not take:
        counts.kept += 1
        return None
    counts.updated += 1
    return "restore" if action == "retract" else "amend"
