"""What a letter states beyond the timeline: its demand, admissibility, enclosures, replies.

Built for one letter from the case, the ladder state and the local form, in the
letter's language; the templates only phrase it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from plainte.core import i18n
from plainte.core.demand import Demand, build_demand
from plainte.core.letterform import LetterForm
from plainte.core.model import WRITTEN_CHANNELS, Case, Direction, Event

SECOND_LEVEL_STEPS = ("second_level", "adr_letter", "supervisor", "escalation")
"""Ladder steps that a second complaint letter serves, when the ladder has one."""


def written_out(events: list[Event]) -> list[Event]:
    """The person's written contacts (e-mail, letter, web form): notes left out."""
    return [
        e
        for e in events
        if e.is_contact and e.direction is Direction.OUT and e.channel in WRITTEN_CHANNELS
    ]


def still_unanswered(events: list[Event]) -> list[Event]:
    """Written contacts from the person with no reply of the provider logged after them."""
    replies = [e.at.sort_key for e in events if e.is_contact and e.direction is Direction.IN]
    last_reply = max(replies, default="")
    return [e for e in written_out(events) if e.at.sort_key > last_reply]


class Written:
    """The written exchanges and attachments among ``events``: one pass, kept per case version."""

    def __init__(self, events: list[Event]) -> None:
        self.sent = written_out(events)
        self.received = [
            e
            for e in events
            if e.is_contact and e.direction is Direction.IN and e.channel in WRITTEN_CHANNELS
        ]
        self.unanswered = still_unanswered(events)
        self.attachments = [(e, a) for e in events for a in e.attachments]
        self._views: dict[tuple[str, str], tuple[list[dict], list[dict]]] = {}

    def views(self, lang: str, locale: str) -> tuple[list[dict], list[dict]]:
        """The enclosures and the unanswered contacts as a letter lists them.

        Written once per language and locale; each call gets its own copies, as a
        person's template may change what it is given.
        """
        found = self._views.get((lang, locale))
        if found is None:
            day = lambda d: i18n.format_date(d, locale)  # noqa: E731
            channel = lambda e: i18n.tr(f"channel.{e.channel.value}", lang).lower()  # noqa: E731
            enclosures = [
                {"what": "sent", "channel": channel(e), "date": day(e.at.day)} for e in self.sent
            ] + [
                {"what": "received", "channel": channel(e), "date": day(e.at.day)}
                for e in self.received
            ]
            enclosures += [
                {"what": "attachment", "name": a.name, "date": day(e.at.day)}
                for e, a in self.attachments
            ]
            unanswered = [{"channel": channel(e), "date": day(e.at.day)} for e in self.unanswered]
            found = self._views[(lang, locale)] = (enclosures, unanswered)
        return [dict(v) for v in found[0]], [dict(v) for v in found[1]]


def demand_view(demand: Demand, locale: str, today: date) -> dict[str, Any]:
    """The demand as a template reads it (dates written, sums formatted)."""
    day = lambda d: i18n.format_date(d, locale) if d else ""  # noqa: E731
    return {
        "asks": [
            {
                "kind": a.kind,
                "amount": a.amount_text,
                "text": a.text,
                "claims": [{"label": c.label, "formula": c.formula} for c in a.claims],
            }
            for a in demand.asks
        ],
        "kinds": sorted(demand.kinds),
        "claims": [{"label": c.label, "formula": c.formula} for c in demand.claims],
        "total": demand.total_text,
        "grounds": [g["text"] for g in demand.grounds],
        "ground_ids": [g["id"] for g in demand.grounds],
        "days": demand.days,
        "from_receipt": demand.from_receipt,
        "by": day(demand.by),
        "by_letter_date": day(today + timedelta(days=demand.days)),
        "days_down": demand.days_down,
        "monthly_price": demand.monthly_price_text,
        "exit_without_fees": demand.exit_without_fees,
        "interest": demand.interest,
        "defaulted": demand.defaulted,
    }


def letter_facts(
    case: Case,
    kind: str,
    today: date,
    lang: str,
    form: LetterForm,
    events: list[Event],
    steps: dict[str, Any],
    written: Written | None = None,
) -> dict[str, Any]:
    """The context a letter adds to the shared one: see the module's docstring.

    ``written`` is ``Written(events)`` when the caller keeps it per case version.
    """
    locale = form.locale

    def day(d: date | None) -> str:
        return i18n.format_date(d, locale) if d else ""

    demand = build_demand(case, kind, today, lang, locale)
    written = written or Written(events)
    enclosures, unanswered_views = written.views(lang, locale)
    complaint = steps.get("written_complaint")
    first_complaint = complaint.taken_on if complaint else None
    second = kind == "complaint" and first_complaint is not None and first_complaint < today
    ombudsman = steps.get("ombudsman")
    admissible = None
    if ombudsman is not None:
        admissible = {
            "status": ombudsman.status,
            "why": ombudsman.why[lang] if ombudsman.why else "",
            "opens_on": day(ombudsman.opens_on),
            "deadline": day(ombudsman.deadline),
            "complaint_on": day(first_complaint),
        }
    problem = case.problem or "other"
    return {
        "demand": demand_view(demand, locale, today),
        "problem": problem,
        "problem_text": form.word(f"problem_{problem}"),
        "unanswered": unanswered_views,
        "enclosures": enclosures,
        "second_complaint": second,
        "first_complaint_on": day(first_complaint),
        "admissible": admissible,
        "status": case.status.value,
        "days_down": demand.days_down,
        "down_since": day(case.service_down[0].start.day) if case.service_down else "",
        "down_until": day(case.service_down[-1].end.day)
        if case.service_down and case.service_down[-1].end
        else "",
    }
