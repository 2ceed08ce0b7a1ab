"""The saga's figures, as of a given day.

Every figure is defined here, once; letters, posts, the app and
``plainte stats`` all read them from :func:`compute`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from plainte.core.model import Case, CaseStatus, Channel, Direction, Event

HEADLINE = (
    "days",
    "contacts_out",
    "contacts_in",
    "unanswered",
    "calls_without_message",
    "wait_minutes",
    "promises",
    "promises_kept",
    "promises_broken",
)
"""The figures a report or a dashboard shows first, in this order."""


@dataclass
class SagaStats:
    """The figures of one case on ``today``.

    Attributes:
        today: the day the figures are computed for.
        first_day: the day of the first event (None for an empty timeline).
        last_day: the day of the last event.
        days: days elapsed from ``first_day`` to ``today`` (0 on the first day).
            For a case no longer open (resolved, switched, abandoned) the count
            stops at ``last_day``: the saga is over. Events after ``today`` are
            ignored everywhere, so figures "as of" a past day are honest.
        contacts_out: events from the consumer to the provider.
        contacts_in: events from the provider to the consumer.
        unanswered: the consumer's contacts that reached no one or got no
            answer (direction ``out``, ``answered`` false).
        calls_without_message: phone calls received with no one speaking and
            no message left (channel ``phone``, direction ``in``, ``answered`` false).
        wait_minutes: minutes on hold or in a queue, added up (rounded to the minute).
        promises: promises the provider made up to ``today``.
        promises_kept: of those, marked kept.
        promises_broken: marked broken, plus still pending after their due day.
        promises_overdue: the pending ones past their due day (part of ``promises_broken``).
        promises_pending: pending and not yet due (or with no due date).
        channels: contacts per channel, most used first.
        notes: events the person logged as notes (``kind: note``: a phone reset,
            a FAQ search): in the timeline, but in none of the contact figures.
    """

    today: date
    first_day: date | None = None
    last_day: date | None = None
    days: int = 0
    contacts_out: int = 0
    contacts_in: int = 0
    unanswered: int = 0
    calls_without_message: int = 0
    wait_minutes: int = 0
    promises: int = 0
    promises_kept: int = 0
    promises_broken: int = 0
    promises_overdue: int = 0
    promises_pending: int = 0
    channels: dict[str, int] = field(default_factory=dict)
    notes: int = 0

    def to_json(self) -> dict[str, object]:
        """The figures as JSON-ready values (dates as ISO strings)."""
        data = asdict(self)
        for key in ("today", "first_day", "last_day"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SagaStats:
        """The figures :meth:`to_json` wrote (from another process)."""
        values = dict(data)
        for key in ("today", "first_day", "last_day"):
            values[key] = date.fromisoformat(values[key]) if values[key] else None  # type: ignore[arg-type]
        return cls(**values)  # type: ignore[arg-type]


def compute(case: Case, today: date) -> SagaStats:
    """Compute the figures of ``case`` as of ``today``."""
    stats = SagaStats(today=today)
    events = [e for e in case.events if e.at.day <= today]
    if not events:
        return stats
    stats.first_day = events[0].at.day
    stats.last_day = events[-1].at.day
    end = today if case.status is CaseStatus.OPEN else min(today, stats.last_day)
    stats.days = max(0, (end - stats.first_day).days)
    channels: Counter[str] = Counter()
    wait = 0.0
    for event in events:
        if event.is_contact:
            _count_contact(stats, channels, event)
        else:
            stats.notes += 1
        wait += event.wait_minutes or 0
        for promise in event.promises:
            stats.promises += 1
            if promise.is_broken(today):
                stats.promises_broken += 1
                if promise.is_overdue(today):
                    stats.promises_overdue += 1
            elif promise.status.value == "kept":
                stats.promises_kept += 1
            else:
                stats.promises_pending += 1
    stats.wait_minutes = round(wait)
    stats.channels = dict(channels.most_common())
    return stats


def _count_contact(stats: SagaStats, channels: Counter[str], event: Event) -> None:
    """Add one contact to the figures it belongs to."""
    channels[event.channel.value] += 1
    if event.direction is Direction.OUT:
        stats.contacts_out += 1
        if not event.answered:
            stats.unanswered += 1
    else:
        stats.contacts_in += 1
        if event.channel is Channel.PHONE and not event.answered:
            stats.calls_without_message += 1
