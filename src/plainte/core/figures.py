"""The figures that make a saga's point: waits per channel, silent calls, broken windows.

:mod:`plainte.core.stats` counts; this module measures the contrasts a person
lived through, each defined once below, for the posts, the figures tab and the
saga card. Times are the events' own wall-clock times (the offset the saga file
gives is the person's local one), so "outside 17–19 h" means what they lived.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from functools import cache

from plainte.core.model import Case, CaseStatus, Channel, Direction, Event

PRIVATE_CHANNELS = frozenset(
    {
        Channel.EMAIL,
        Channel.LETTER,
        Channel.REGISTERED_LETTER,
        Channel.WEB_FORM,
        Channel.SOCIAL_DM,
        Channel.SMS,
        Channel.CHAT,
        Channel.APP,
    }
)
"""Written channels only the provider reads: a request there is a private one."""
PUBLIC_CHANNELS = frozenset({Channel.SOCIAL_PUBLIC})
"""Where everyone can read the person's message."""


@dataclass
class Wait:
    """How long the first message on one side (private or public) waited.

    Attributes:
        sent: when the message left.
        minutes: minutes from ``sent`` to the first message or call from the
            provider after it (``answered``), or, when none came, to the moment
            the person gave up on that channel and went public (``went_public``)
            or to the end of the record.
        answered: an answer came.
        went_public: for a private message: the wait ended because the person
            posted in public before any answer.
        channel: the channel of the message.
    """

    sent: datetime
    minutes: int
    answered: bool
    went_public: bool
    channel: str


@dataclass
class WindowCalls:
    """Calls received while a promise to call within a time window stood.

    Attributes:
        start, end: the window, local times ("17:00", "19:00").
        calls: calls from the provider while the promise stood (from the event
            that made it to its ``closed_at``, or to the end of the record).
        outside: of those, calls whose local time is outside the window.
        without_message: of the calls outside, those with no one speaking and no message left.
    """

    start: str
    end: str
    calls: int = 0
    outside: int = 0
    without_message: int = 0


@dataclass
class Figures:
    """The contrast figures of one case as of ``today`` (events after it are ignored).

    Attributes:
        days: days from the first contact (notes excluded) to ``today``, or to
            the last event for a case no longer open.
        private_wait: the first private written message's wait (see :class:`Wait`).
        public_wait: the first public post's wait for an answer.
        calls_received: phone calls from the provider.
        calls_without_message: of those, no one spoke and no message was left
            (``answered`` false).
        silent_days: calls without a message per local day, as ISO day → count.
        peak_day, peak_calls: the day with most calls without a message, and how many.
        call_span_days: days from the first to the last call received, both counted.
        window: calls against the first promise that carries a time window.
        call_us: answers from the provider, in writing, that send the person
            to the phone after a written request ("call us", « appelez-nous »;
            the phrases are data in ``templates/posts/phrases.yaml``).
        hold_minutes: minutes on hold or in a queue, added up.
        promises, promises_broken: promises made, and those broken or overdue.
    """

    today: date
    days: int = 0
    private_wait: Wait | None = None
    public_wait: Wait | None = None
    calls_received: int = 0
    calls_without_message: int = 0
    silent_days: dict[str, int] = field(default_factory=dict)
    peak_day: date | None = None
    peak_calls: int = 0
    call_span_days: int = 0
    window: WindowCalls | None = None
    call_us: int = 0
    hold_minutes: int = 0
    promises: int = 0
    promises_broken: int = 0

    def to_json(self) -> dict[str, object]:
        """The figures as JSON-ready values (dates and times as ISO strings)."""
        data = asdict(self)
        data["today"] = self.today.isoformat()
        data["peak_day"] = self.peak_day.isoformat() if self.peak_day else None
        for key in ("private_wait", "public_wait"):
            if data[key]:
                data[key]["sent"] = data[key]["sent"].isoformat()
        return data


def _moment(event: Event) -> datetime:
    value = event.at.value
    return value if isinstance(value, datetime) else datetime.combine(value, time(12))


def _minutes(start: datetime, end: datetime) -> int:
    if (start.tzinfo is None) != (end.tzinfo is None):
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return max(0, round((end - start).total_seconds() / 60))


def _wait(events: list[Event], index: int, *, private: bool) -> Wait:
    sent = events[index]
    start = _moment(sent)
    for later in events[index + 1 :]:
        if later.direction is Direction.IN:
            return Wait(start, _minutes(start, _moment(later)), True, False, sent.channel.value)
        if private and later.channel in PUBLIC_CHANNELS:
            return Wait(start, _minutes(start, _moment(later)), False, True, sent.channel.value)
    end = _moment(events[-1])
    return Wait(start, _minutes(start, end), False, False, sent.channel.value)


def _window_calls(events: list[Event]) -> WindowCalls | None:
    for index, event in enumerate(events):
        for promise in event.promises:
            window = promise.window
            if window is None:
                continue
            closed = promise.closed_at.value if promise.closed_at else None
            found = WindowCalls(window.start, window.end)
            # the call that made the promise counts too: the hour was set during it
            for call in events[index:]:
                if closed is not None and call is not event and _after(call, closed):
                    break
                if call.channel is not Channel.PHONE or call.direction is not Direction.IN:
                    continue
                found.calls += 1
                if call.at.has_time and not window.contains(_moment(call)):
                    found.outside += 1
                    found.without_message += not call.answered
            return found
    return None


def _after(event: Event, moment: datetime | date) -> bool:
    """Whether ``event`` happened after ``moment`` (a bare date lasts the whole day)."""
    if not isinstance(moment, datetime):
        return event.at.day > moment
    return _minutes(moment, _moment(event)) > 0


@cache
def _call_us_phrases() -> tuple[str, ...]:
    """The "call us" phrases of every language, lower-cased."""
    from plainte.core.parsed_cache import load_yaml
    from plainte.core.resources import data_folder

    data: dict = load_yaml(data_folder("templates") / "posts" / "phrases.yaml")  # type: ignore[assignment]
    return tuple(p.lower() for lang in data["call_us"].values() for p in lang)


def sends_to_phone(text: str | None) -> bool:
    """Whether a reply's text asks the person to phone instead of answering."""
    low = (text or "").lower().replace("’", "'")
    return any(phrase in low for phrase in _call_us_phrases())


def compute(case: Case, today: date) -> Figures:
    """Measure ``case`` as of ``today``: see :class:`Figures` for each definition."""
    figures = Figures(today=today)
    events = [e for e in case.events if e.at.day <= today]
    contacts = [e for e in events if e.is_contact]
    if not contacts:
        return figures
    first = contacts[0].at.day
    end = today if case.status is CaseStatus.OPEN else min(today, contacts[-1].at.day)
    figures.days = max(0, (end - first).days)
    for index, event in enumerate(contacts):
        if event.direction is not Direction.OUT:
            continue
        if figures.private_wait is None and event.channel in PRIVATE_CHANNELS:
            figures.private_wait = _wait(contacts, index, private=True)
        if figures.public_wait is None and event.channel in PUBLIC_CHANNELS:
            figures.public_wait = _wait(contacts, index, private=False)
    calls = [e for e in contacts if e.channel is Channel.PHONE and e.direction is Direction.IN]
    figures.calls_received = len(calls)
    silent = [e for e in calls if not e.answered]
    figures.calls_without_message = len(silent)
    per_day = Counter(e.at.day for e in silent)
    figures.silent_days = {d.isoformat(): n for d, n in sorted(per_day.items())}
    if per_day:
        figures.peak_day, figures.peak_calls = max(per_day.items(), key=lambda kv: (kv[1], kv[0]))
    if calls:
        figures.call_span_days = (calls[-1].at.day - calls[0].at.day).days + 1
    figures.window = _window_calls(contacts)
    asked_in_writing = False
    for event in contacts:
        if event.direction is Direction.OUT and event.channel in PRIVATE_CHANNELS:
            asked_in_writing = True
        elif (
            asked_in_writing
            and event.direction is Direction.IN
            and event.channel in PRIVATE_CHANNELS
            and sends_to_phone(event.summary)
        ):
            figures.call_us += 1
    figures.hold_minutes = round(sum(e.wait_minutes or 0 for e in events))
    for event in events:
        for promise in event.promises:
            figures.promises += 1
            figures.promises_broken += promise.is_broken(today)
    return figures
