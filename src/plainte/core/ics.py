"""The calendar export (RFC 5545): promise deadlines and the dates escalation steps open.

Lines end in CRLF and are folded at 75 octets; UIDs are stable, so importing
the file again updates the same events instead of adding copies.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from plainte.core.i18n import tr
from plainte.core.ladder import LadderState
from plainte.core.model import Case
from plainte.core.promises import ledger


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (§3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _uid(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest() + "@plainte"


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def calendar(
    case: Case, state: LadderState, today: date, lang: str, stamp: datetime | None = None
) -> str:
    """The ICS text: one all-day event per promise due date and per step date."""
    stamp = (stamp or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//plainte//saga calendar//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(case.provider + ' — ' + case.title)}",
    ]

    def event(uid: str, day: date, summary: str, description: str) -> None:
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{_day(day)}",
                f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}",
                f"SUMMARY:{escape(summary)}",
                f"DESCRIPTION:{escape(description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        )

    for entry in ledger(case, today):
        if entry.promise.due is None:
            continue
        label = tr(f"promise_status.{entry.state}", lang)
        event(
            _uid(case.id, "promise", entry.promise.id),
            entry.promise.due.day,
            tr("ics.promise_due", lang, provider=case.provider, text=entry.promise.text),
            f"{label}. {entry.who or ''} {entry.reference or ''}".strip(),
        )
    for step in state.steps:
        title = step.step.title[lang]
        if step.opens_on and step.status in ("waiting", "open"):
            event(
                _uid(case.id, "opens", step.step.id),
                step.opens_on,
                tr("ics.step_opens", lang, step=title),
                step.step.action[lang],
            )
        if step.deadline and step.status != "done":
            event(
                _uid(case.id, "deadline", step.step.id),
                step.deadline,
                tr("ics.step_deadline", lang, step=title),
                step.step.action[lang],
            )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
