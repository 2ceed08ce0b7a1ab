"""The timeline as CSV: one row per event, UTF-8 with a BOM and a header.

The BOM makes Excel read UTF-8; LibreOffice ignores it. Promises are listed in
the row of the event where they were made.
"""

from __future__ import annotations

import csv
import io

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
)


def _cell(value: str | None) -> str:
    """Neutralise text a spreadsheet would run as a formula (=, +, -, @ first)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value or ""


def cases_to_csv(cases: list[Case]) -> str:
    """The CSV text of every event of ``cases``, in timeline order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for case in cases:
        for e in case.events:
            promises = " | ".join(
                f"{p.text} ({p.status.value}{', due ' + p.due.text if p.due else ''})"
                for p in e.promises
            )
            files = " | ".join(f"{a.name} ({a.sha256[:12]})" for a in e.attachments)
            wait = "" if e.wait_minutes is None else f"{e.wait_minutes:g}"
            writer.writerow(
                (
                    case.id,
                    e.id,
                    e.at.text,
                    e.channel.value,
                    e.direction.value,
                    "yes" if e.answered else "no",
                    _cell(e.counterpart),
                    _cell(e.reference),
                    wait,
                    e.step or "",
                    _cell(e.summary),
                    _cell(promises),
                    _cell(files),
                )
            )
    return "\ufeff" + out.getvalue()
