"""The calendar export (RFC 5545): promise deadlines and the dates escalation steps open.

Written by the ``icalendar`` library (escaping, folding at 75 octets, CRLF line
ends). Text from the saga is cleaned first: line breaks of every kind become
``\\n`` and other control characters, which RFC 5545 forbids in TEXT, are
dropped. UIDs are stable, so importing the file again updates the same events
instead of adding copies.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta, timezone

from plainte.core.i18n import tr
from plainte.core.ladder import LadderState
from plainte.core.model import Case
from plainte.core.promises import ledger

_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029\v\f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def clean(text: str) -> str:
    """``text`` as RFC 5545 TEXT allows it: ``\\n`` line breaks, no other control character."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def _uid(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest() + "@plainte"


def calendar(
    case: Case, state: LadderState, today: date, lang: str, stamp: datetime | None = None
) -> str:
    """The ICS text: one all-day event per promise due date and per step date."""
    from icalendar import Calendar, Event, vText

    moment = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//plainte//saga calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", vText(clean(f"{case.provider} — {case.title}")))

    def event(uid: str, day: date, summary: str, description: str) -> None:
        item = Event()
        item.add("uid", uid)
        item.add("dtstamp", moment)
        item.add("dtstart", day)
        if day < date.max:  # without DTEND an all-day event lasts the day (§3.6.1)
            item.add("dtend", day + timedelta(days=1))
        item.add("summary", clean(summary))
        item.add("description", clean(description))
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)

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
    return cal.to_ical().decode("utf-8")
