"""The saga's data: cases, events, promises, attachments, as plain dataclasses.

The enumerations are those of ``docs/saga-format.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class Channel(str, Enum):
    """How a contact happened."""

    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    LETTER = "letter"
    REGISTERED_LETTER = "registered_letter"
    SOCIAL_PUBLIC = "social_public"
    SOCIAL_DM = "social_dm"
    SMS = "sms"
    STORE = "store"
    WEB_FORM = "web_form"
    APP = "app"
    OTHER = "other"


WRITTEN_CHANNELS = frozenset(
    {Channel.EMAIL, Channel.LETTER, Channel.REGISTERED_LETTER, Channel.WEB_FORM}
)


class Direction(str, Enum):
    """``out``: from the consumer to the provider; ``in``: the other way."""

    OUT = "out"
    IN = "in"


class CaseStatus(str, Enum):
    OPEN = "open"
    RESOLVED = "resolved"
    SWITCHED = "switched"
    ABANDONED = "abandoned"


class PromiseStatus(str, Enum):
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"


class EventKind(str, Enum):
    """``contact``: between the person and the provider; ``note``: something done alone."""

    CONTACT = "contact"
    NOTE = "note"


PROBLEMS = (
    "no_service",
    "billing",
    "broken_promise",
    "contract_change",
    "contact",
    "switching",
    "other",
)
"""What a saga can be about: it chooses the legal grounds (``remedies/``)."""

WANT_KINDS = (
    "repair",
    "refund",
    "compensation",
    "termination_without_fees",
    "written_answer",
    "stop_calls",
    "cancel_charge",
    "other",
)
"""What a person can ask for, in a case's ``wants``."""

NETWORKS = ("x", "bluesky", "mastodon", "threads", "facebook", "linkedin")
"""The networks a case's ``handles`` name, in the saga file's order."""


SECTORS = ("mobile", "internet", "landline", "tv", "energy", "bank", "other")
STEP_ID = re.compile(r"[a-z][a-z0-9_]*")


class When:
    """A moment as the saga file gives it: a date, or a date-time with or without offset.

    ``text`` is kept exactly as written so files round-trip; ``value`` is parsed.
    ``day`` (the calendar day in the moment's own local time) and ``sort_key``
    (local wall-clock ``YYYY-MM-DDTHH:MM:SS``, the timeline's order) are computed
    once: statistics and ladders read them for every event.
    """

    __slots__ = ("day", "sort_key", "text", "value")

    def __init__(self, text: str, value: datetime | date) -> None:
        self.text = text
        self.value = value
        if isinstance(value, datetime):
            self.day = value.date()
            self.sort_key = value.replace(tzinfo=None).isoformat(timespec="seconds")
        else:
            self.day = value
            self.sort_key = value.isoformat() + "T00:00:00"

    @classmethod
    def stored(cls, text: str, sort_key: str) -> When:
        """A moment read back from the store, whose sort key is already known (fast path)."""
        when = cls.__new__(cls)
        when.text = text
        when.sort_key = sort_key
        if len(text) == 10:
            when.value = when.day = date.fromisoformat(text)
        else:
            when.value = datetime.fromisoformat(text)
            when.day = date.fromisoformat(sort_key[:10])
        return when

    def __eq__(self, other: object) -> bool:
        return isinstance(other, When) and (self.text, self.value) == (other.text, other.value)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"When({self.text!r})"

    @property
    def has_time(self) -> bool:
        return isinstance(self.value, datetime)


def parse_when(text: str) -> When:
    """Parse an ISO 8601 date, local date-time or date-time with offset.

    Raises:
        ValueError: the text is none of these.
    """
    if not isinstance(text, str) or not 10 <= len(text) <= 40:
        raise ValueError(text)
    if len(text) == 10:
        return When(text, date.fromisoformat(text))
    if "T" not in text and " " not in text:
        raise ValueError(text)
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return When(text, value)


@dataclass
class Money:
    """An amount in an ISO 4217 currency, e.g. a monthly price."""

    amount: float
    currency: str


@dataclass
class DownPeriod:
    """A period without the service; ``end`` None: still down."""

    start: When
    end: When | None = None

    def days(self, today: date) -> int:
        """Whole days without service, counting an open period up to ``today``."""
        end = self.end.day if self.end else today
        return max(0, (end - self.start.day).days)


@dataclass
class Want:
    """One thing the person asks for: a kind, and optionally an amount, a date, a text."""

    kind: str
    amount: float | None = None
    by: When | None = None
    text: str | None = None


@dataclass
class Window:
    """Local times (``HH:MM``) a promised call or visit should come between."""

    start: str
    end: str

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment``'s local wall-clock time falls inside the window."""
        clock = moment.strftime("%H:%M")
        if self.start <= self.end:
            return self.start <= clock <= self.end
        return clock >= self.start or clock <= self.end  # a window across midnight


@dataclass
class Attachment:
    name: str
    sha256: str
    size: int


@dataclass
class Promise:
    """Something the provider said it would do, by ``due``."""

    id: str
    text: str
    due: When | None = None
    status: PromiseStatus = PromiseStatus.PENDING
    closed_at: When | None = None
    event_id: str | None = None
    window: Window | None = None

    def is_broken(self, today: date) -> bool:
        """Broken, or still pending on a day after its due date."""
        if self.status is PromiseStatus.BROKEN:
            return True
        return (
            self.status is PromiseStatus.PENDING and self.due is not None and self.due.day < today
        )

    def is_overdue(self, today: date) -> bool:
        """Still pending although its due date has passed."""
        return self.status is PromiseStatus.PENDING and self.is_broken(today)


@dataclass
class Event:
    """One contact, attempt or message in the saga."""

    id: str
    at: When
    channel: Channel
    direction: Direction
    answered: bool = True
    counterpart: str | None = None
    reference: str | None = None
    summary: str | None = None
    wait_minutes: float | None = None
    step: str | None = None
    promises: list[Promise] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    kind: EventKind = EventKind.CONTACT

    @property
    def is_contact(self) -> bool:
        """A contact with the provider (a note is not one)."""
        return self.kind is EventKind.CONTACT


@dataclass
class Customer:
    name: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None

    def is_empty(self) -> bool:
        return not any((self.name, self.address, self.email, self.phone))


@dataclass
class Case:
    """A saga: one person against one provider about one problem."""

    id: str
    title: str
    provider: str
    country: str
    sector: str
    provider_handle: str | None = None
    language: str | None = None
    account_ref: str | None = None
    customer: Customer = field(default_factory=Customer)
    status: CaseStatus = CaseStatus.OPEN
    notes: str | None = None
    problem: str | None = None
    monthly_price: Money | None = None
    service_down: list[DownPeriod] = field(default_factory=list)
    wants: list[Want] = field(default_factory=list)
    handles: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    journal: list = field(default_factory=list, compare=False, repr=False)
    """The tamper-evident chain (journal entries), when loaded or read from a file."""

    def promises(self) -> list[Promise]:
        """Every promise of the case, in timeline order."""
        return [p for e in self.events for p in e.promises]

    def handle(self, network: str) -> str | None:
        """The provider's account on ``network``; on X, ``provider_handle`` stands in."""
        if network in self.handles:
            return self.handles[network]
        return self.provider_handle if network == "x" else None

    def days_down(self, today: date) -> int:
        """Days without service over every ``service_down`` period, up to ``today``.

        A period still open counts up to ``today`` while the case is open, and up to
        its last event once it is over (the person switched, or it was resolved).
        """
        end = today
        if self.status is not CaseStatus.OPEN and self.events:
            end = min(today, self.events[-1].at.day)
        return sum(p.days(end) for p in self.service_down)


@dataclass
class CaseSummary:
    """What the case list shows, without loading the timeline."""

    id: str
    title: str
    provider: str
    country: str
    sector: str
    status: CaseStatus
    events: int
    first_day: date | None
    last_day: date | None
    promises_broken: int


def parse_typed_when(text: str) -> When:
    """A moment typed by a person: ``2026-11-22``, ``2026-11-22 14:32`` or ``2026-11-22T14:32``.

    A time gets the computer's offset at that moment, so the saga file keeps it.

    Raises:
        ValueError: the text is none of these.
    """
    text = " ".join(text.strip().split())
    if len(text) == 10:
        return parse_when(text)
    value = datetime.fromisoformat(text.replace(" ", "T", 1))
    if value.tzinfo is None:
        value = value.astimezone()
    value = value.replace(microsecond=0)
    return When(value.isoformat(timespec="seconds"), value)
