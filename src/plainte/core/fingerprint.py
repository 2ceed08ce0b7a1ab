"""The journal's fingerprint: the number, short hash and date of a case's latest entry.

Every letter and export carries it. Once a letter is sent, the provider holds
a fingerprint plainte cannot change: a history rewritten, backdated or cut
short afterwards no longer contains it. Marking a letter sent records the
fingerprint it carried in the journal (a ``sent`` entry), and ``verify``
checks that each one recorded, or given by the person, is still in the chain.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from plainte.core.journal import Entry, local_day

SHORT = 12
"""Hex digits shown: enough that no two entries of a saga share them by chance."""

_TEXT = re.compile(r"^\s*(?:#(\d+)\s+)?([0-9a-f]{8,64})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fingerprint:
    """Where a case's journal stood: its ``n``-th entry, its hash, when it was recorded."""

    n: int
    hash: str
    at: str

    @property
    def short(self) -> str:
        return self.hash[:SHORT]

    @property
    def day(self) -> str:
        """The day it was recorded, on this machine's clock (stored in UTC)."""
        return local_day(self.at).isoformat()

    @property
    def text(self) -> str:
        """The form letters and exports print: ``#17 3f9a1c2b7d10 (2026-08-20)``."""
        return f"#{self.n} {self.short} ({self.day})"

    def to_json(self) -> dict:
        return {"n": self.n, "hash": self.hash, "at": self.at}


def of_entries(entries: list[Entry]) -> Fingerprint | None:
    """The fingerprint of a chain: its last entry (None for an empty chain)."""
    if not entries:
        return None
    last = entries[-1]
    return Fingerprint(last.n, last.hash, last.at)


def of_store(conn, case_id: str) -> Fingerprint | None:
    """The fingerprint of a stored case, read without loading its journal."""
    return of_entries(last_entry(conn, case_id))


def last_entry(conn, case_id: str) -> list[Entry]:
    """The case's last journal entry (as a list, empty for no journal), for a composer."""
    import json

    row = conn.execute(
        "SELECT n, entity, entity_id, action, at, content, prev, hash FROM journal"
        " WHERE case_id = ? ORDER BY n DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    if row is None:
        return []
    n, entity, entity_id, action, at, content, prev, hash_ = row
    return [Entry(n, entity, entity_id, action, at, json.loads(content), prev, hash_)]


def parse(text: str) -> tuple[int | None, str] | None:
    """``#17 3f9a1c2b7d10 (…)`` or a bare hash prefix → (n or None, lower-case prefix)."""
    found = _TEXT.match(unicodedata.normalize("NFKC", text))  # "ﬀ" copied from a PDF
    if not found:
        return None
    return (int(found.group(1)) if found.group(1) else None, found.group(2).lower())


def find(entries: list[Entry], n: int | None, prefix: str) -> Entry | None:
    """The entry a fingerprint names, if the chain still holds it."""
    for entry in entries:
        if entry.hash.startswith(prefix) and (n is None or entry.n == n):
            return entry
    return None


def sent_out(entries: list[Entry]) -> list[tuple[Entry, Fingerprint]]:
    """The fingerprints recorded as sent (with the ``sent`` entry recording each)."""
    out = []
    for entry in entries:
        if entry.entity == "sent":
            c = entry.content
            out.append((entry, Fingerprint(int(c["n"]), str(c["hash"]), str(c["at"]))))
    return out


def missing_sent(entries: list[Entry]) -> list[Fingerprint]:
    """Fingerprints recorded as sent that the chain no longer holds at their place."""
    by_n = {e.n: e for e in entries}
    return [
        fp
        for _entry, fp in sent_out(entries)
        if fp.n not in by_n or by_n[fp.n].hash != fp.hash or by_n[fp.n].at != fp.at
    ]
