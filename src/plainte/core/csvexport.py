"""The timeline as CSV: one row per event, UTF-8 with a BOM and a header.

The BOM makes Excel read UTF-8; LibreOffice ignores it. Promises are listed in
the row of the event where they were made.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from plainte.core import event_text, i18n
from plainte.core.model import Case, Event

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


def write_csv(
    write: Callable[[str], object], cases: Iterable[tuple[Case, Iterable[Event]]]
) -> None:
    """Write the CSV of ``cases`` (each with its events as they come) through ``write``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def flush() -> None:
        write(out.getvalue())
        out.seek(0)
        out.truncate()

    write("\ufeff")
    writer.writerow(COLUMNS)
    from plainte.core.fingerprint import of_entries

    for case, events in cases:
        found = of_entries(case.journal)
        fingerprint = found.text if found else ""
        for n, e in enumerate(events):
            promises = " | ".join(
                f"{p.text} ({p.status.value}{', due ' + p.due.text if p.due else ''})"
                for p in e.promises
            )
            files = " | ".join(f"{a.name} ({a.sha256[:12]})" for a in e.attachments)
            wait = "" if e.wait_minutes is None else f"{e.wait_minutes:g}"
            row = (
                case.id,
                e.id,
                e.at.text,
                e.channel.value,
                e.direction.value,
                "yes" if e.answered else "no",
                e.counterpart,
                e.reference,
                wait,
                e.step,
                event_text.summary(e, case.language or i18n.language()),
                promises,
                files,
                fingerprint,
            )
            writer.writerow([neutralise(cell) for cell in row])
            if n % 1000 == 999:
                flush()
    flush()


def cases_to_csv(cases: list[Case]) -> str:
    """The CSV text of every event of ``cases``, in timeline order."""
    parts: list[str] = []
    write_csv(parts.append, ((c, c.events) for c in cases))
    return "".join(parts)
