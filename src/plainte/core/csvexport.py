"""The timeline as CSV: one row per event, UTF-8 with a BOM and a header.

The BOM makes Excel read UTF-8; LibreOffice ignores it. Promises are listed in
the row of the event where they were made.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable

from plainte.core import i18n
from plainte.core.eventrows import Row, event_row
from plainte.core.model import Case

COLUMNS = (
    "case_id",
    "event_id",
    "at",
    "channel",
    "direction",
    "answered",
    "counterpart",
    "reference",
    "wait_minutes",
    "step",
    "summary",
    "promises",
    "attachments",
    "journal_fingerprint",
)


FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"
"""First characters a spreadsheet may read as a formula, full-width forms included
(some East Asian Excel set-ups fold them to ASCII)."""


def neutralise(value: object) -> str:
    """The cell text of ``value``, with a ``'`` before anything a spreadsheet would run."""
    text = "" if value is None else str(value)
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def write_csv(write: Callable[[str], object], cases: Iterable[tuple[Case, Iterable[Row]]]) -> None:
    """Write the CSV of ``cases`` (each with its event rows as they come) through ``write``.

    Rows (``core.eventrows``), not events: a cell is formatted and neutralised
    in one tight loop, with no model object made per event.
    """
    writer = csv.writer(_Sink(write), lineterminator="\r\n")
    write("\ufeff")
    writer.writerow(COLUMNS)
    from plainte.core.event_text import render
    from plainte.core.fingerprint import of_entries

    starts = FORMULA_STARTS
    for case, rows in cases:
        found = of_entries(case.journal)
        case_id, fingerprint = neutralise(case.id), neutralise(found.text if found else "")
        lang = case.language or i18n.language()
        batch = []
        for (
            eid,
            at,
            channel,
            direction,
            answered,
            counterpart,
            reference,
            summary,
            wait,
            step,
            kind,
            promises,
            files,
        ) in rows:
            cells = [
                eid,
                at,
                counterpart or "",
                reference or "",
                "" if wait is None else f"{wait:g}",
                step or "",
                render(summary, channel, direction, answered, bool(promises), step, lang),
                " | ".join(
                    f"{text} ({status}{', due ' + due if due else ''})"
                    for _id, text, due, status, *_rest in promises
                )
                if promises
                else "",
                " | ".join(f"{name} ({sha256[:12]})" for name, sha256, _size in files)
                if files
                else "",
            ]
            eid, at, who, ref, waited, stepped, shown, promised, filed = (
                "'" + c if c and c[0] in starts else c for c in cells
            )
            batch.append(
                (
                    case_id,
                    eid,
                    at,
                    channel,
                    "" if kind == "note" else direction,  # a note goes to no one
                    "" if kind == "note" else ("yes" if answered else "no"),
                    who,
                    ref,
                    waited,
                    stepped,
                    shown,
                    promised,
                    filed,
                    fingerprint,
                )
            )
            if len(batch) == 1000:
                writer.writerows(batch)
                batch.clear()
        writer.writerows(batch)


class _Sink:
    """What ``csv.writer`` writes to: any ``write`` callable."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write


def cases_to_csv(cases: list[Case]) -> str:
    """The CSV text of every event of ``cases``, in timeline order."""
    parts: list[str] = []
    write_csv(parts.append, ((c, map(event_row, c.events)) for c in cases))
    return "".join(parts)
