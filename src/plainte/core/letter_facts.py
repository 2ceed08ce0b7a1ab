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
MAX_ENCLOSED = 8
"""Copies of each kind (sent, received, attachments) a letter lists; the rest are counted."""
MAX_UNANSWERED = 5
"""Unanswered contacts named by date; past this, their number and first and last dates."""
MAX_PROMISES = 15
"""Promises a letter lists, broken ones first; the rest are counted."""


def capped(items: list, limit: int) -> tuple[list, int]:
    """The first of ``items`` and the latest ``limit - 1``, in order, and how many are left out.

    The first written exchange starts the dispute; the latest show it goes on.
    """
    if len(items) <= limit:
        return list(items), 0
    return [items[0], *items[len(items) - limit + 1 :]], len(items) - limit


def chosen_promises(promises: list[dict], limit: int = MAX_PROMISES) -> tuple[list[dict], int]:
    """At most ``limit`` promises, the broken ones first and then the latest, in time order."""
    if len(promises) <= limit:
        return list(promises), 0
    ranked = sorted(range(len(promises)), key=lambda i: (not promises[i]["broken"], -i))
    return [promises[i] for i in sorted(ranked[:limit])], len(promises) - limit


class Written:
    """The written exchanges and attachments among ``events``: one pass, kept per case version."""

    def __init__(self, events: list[Event]) -> None:
        self.sent: list[Event] = []
        self.received: list[Event] = []
        self.attachments: list[tuple[Event, Any]] = []
        last_reply = ""  # the latest moment the provider replied, by any channel
        written, incoming = WRITTEN_CHANNELS, Direction.IN
        for e in events:
            if e.attachments:
                self.attachments += [(e, a) for a in e.attachments]
            if not e.is_contact:
                continue
            if e.direction is incoming:
                last_reply = max(last_reply, e.at.sort_key)
                if e.channel in written:
                    self.received.append(e)
            elif e.channel in written:
                self.sent.append(e)
        self.unanswered = [e for e in self.sent if e.at.sort_key > last_reply]
        self._views: dict[tuple[str, str], dict[str, Any]] = {}

    def views(self, lang: str, locale: str) -> dict[str, Any]:
        """The enclosures and the unanswered contacts as a letter lists them, capped.

        A letter lists a readable number (:data:`MAX_ENCLOSED` of each kind,
        :data:`MAX_UNANSWERED` dates) and counts the rest, which the enclosed
        timeline dates. Written once per language and locale; each call gets its own
        copies, as a person's template may change what it is given.
        """
        found = self._views.get((lang, locale))
        if found is None:
            day = lambda d: i18n.format_date(d, locale)  # noqa: E731
            channel = lambda e: i18n.tr(f"channel.{e.channel.value}", lang).lower()  # noqa: E731
            enclosures, omitted = [], 0
            for what, events in (("sent", self.sent), ("received", self.received)):
                kept, left = capped(events, MAX_ENCLOSED)
                enclosures += [
                    {"what": what, "channel": channel(e), "date": day(e.at.day)} for e in kept
                ]
                omitted += left
            kept, left = capped(self.attachments, MAX_ENCLOSED)
            enclosures += [
                {"what": "attachment", "name": a.name, "date": day(e.at.day)} for e, a in kept
            ]
            omitted += left
            listed = self.unanswered[-MAX_UNANSWERED:]
            count = len(self.unanswered)
            found = self._views[(lang, locale)] = {
                "enclosures": enclosures,
                "enclosures_omitted": omitted,
                "unanswered": [{"channel": channel(e), "date": day(e.at.day)} for e in listed],
                "unanswered_all": {
                    "count": count,
                    "number": i18n.format_number(count, locale),
                    "first": day(self.unanswered[0].at.day) if count else "",
                    "last": day(self.unanswered[-1].at.day) if count else "",
                },
            }
        return {
            key: [dict(v) for v in value] if isinstance(value, list) else value
            for key, value in found.items()
        } | {"unanswered_all": dict(found["unanswered_all"])}


def still_unanswered(events: list[Event]) -> list[Event]:
    """Written contacts from the person with no reply of the provider logged after them."""
    return Written(events).unanswered


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
    views = written.views(lang, locale)
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
        **views,
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
