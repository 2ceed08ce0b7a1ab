"""The case overview: where a saga stands, in the few lines a person reads first.

The day count, the next step of the ladder with the day it opens, the broken
promises, the figure the saga is about and, where the calls make one, the
streak a satirical post is built on. An ended saga is told as of its end: its
figures stop on its last day, however long ago (see :func:`as_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from plainte.core import dated
from plainte.core.i18n import format_date, format_number, tr, trn

if TYPE_CHECKING:
    from plainte.core import posts
    from plainte.core.ladder import Ladder, StepState
    from plainte.core.model import Case

SATIRE_SCORE = 70
"""A contrast at least this strong (:func:`plainte.core.posts.contrasts`) makes a satirical post:
calls outside an agreed window, a private message ignored until a public one, silent calls."""

STREAK_CALLS = 3
"""Calls without a message from which they make a streak (the posts' "silent calls" point)."""

BROKEN_SHOWN = 5
"""Broken promises the overview lists (the latest); the earlier ones are counted in words.
A saga of 10,000 events may hold hundreds: each listed one is three widgets."""


def as_of(case: Case, today: date) -> date:
    """The day a case is told as of: today while it runs, its last day once it ended.

    A saga that ended in 2010 says "day 5", not the days since: its figures,
    ladder and promises are all judged on that day.
    """
    return dated.judged_on(case, today)


@dataclass(frozen=True)
class BrokenPromise:
    """A promise not kept: who made it, what, when it was due, since when it is broken."""

    what: str
    who: str | None
    made_on: date
    due: date | None
    since: date | None
    """The first day it counts as broken (None: marked broken, the day not known)."""


@dataclass(frozen=True)
class Overview:
    """What the overview shows, computed as of :attr:`as_of`."""

    as_of: date
    first_day: date | None
    days: int
    ended_on: date | None
    ended_as: str | None
    next_step: StepState | None
    all_done: bool
    broken: list[BrokenPromise] = field(default_factory=list)
    """The latest :data:`BROKEN_SHOWN` broken promises, oldest first."""
    broken_count: int = 0
    """All the broken promises, the listed ones too."""
    strongest: posts.Highlight | None = None
    streak: str | None = None
    satire: bool = False
    """The figures make a sharp point: a satirical post is offered."""

    @property
    def letter(self) -> str | None:
        """The letter kind the next step is taken with (None: no letter, or no next step)."""
        return self.next_step.step.letter if self.next_step else None


def _since(entry, day: date) -> date | None:
    """The day a broken promise became one, as the figures count it."""
    promise = entry.promise
    if promise.closed_at is not None:
        return promise.closed_at.day
    if promise.due is not None and promise.due.day < day:
        return promise.due.day + timedelta(days=1)
    return None


def compute(case: Case, ladder: Ladder, today: date, lang: str) -> Overview:
    """The overview of ``case`` as of its end (ended) or ``today`` (running), in ``lang``."""
    from plainte.core import figures, posts, stats  # not for showing: see :class:`Lines`
    from plainte.core.ladder import evaluate
    from plainte.core.promises import ledger

    day = as_of(case, today)
    counted = stats.compute(case, day)
    state = evaluate(ladder, case, day)
    main = [s for s in state.steps if not s.step.parallel]
    broken = [
        BrokenPromise(
            what=entry.promise.text,
            who=entry.who,
            made_on=entry.event.at.day,
            due=entry.promise.due.day if entry.promise.due else None,
            since=_since(entry, day),
        )
        for entry in ledger(case, day)
        if entry.is_broken
    ]
    measured = figures.compute(case, day)
    found = posts.highlights(measured, lang) if counted.first_day else []
    strongest = found[0] if found else None
    streak = None
    if measured.calls_without_message >= STREAK_CALLS and (strongest and strongest.key != "silent"):
        streak = next(h.sentence for h in found if h.key == "silent")
    ranked = posts.contrasts(measured)
    return Overview(
        as_of=day,
        first_day=counted.first_day,
        days=counted.days,
        ended_on=state.ended_on,
        ended_as=state.ended_as,
        next_step=state.next_step(),
        all_done=bool(main) and all(s.status == "done" for s in main),
        broken=broken[-BROKEN_SHOWN:],
        broken_count=len(broken),
        strongest=strongest,
        streak=streak,
        satire=bool(counted.first_day) and ranked[0].score >= SATIRE_SCORE,
    )


@dataclass(frozen=True)
class Lines:
    """What the overview tab shows, in one language, as plain data.

    It crosses from the process that computed it as JSON: the window that shows
    it never reads the whole case nor imports the figures, posts and ladders.
    """

    day: str
    next: str
    letter: str | None
    """The letter kind the next step is taken with (None: no button)."""
    value: str
    caption: str
    streak: str | None
    satire: bool
    broken: list[tuple[str, str]]
    """Each listed broken promise: its words, then who, when made, due, since when."""
    earlier: str | None
    first_day: date | None

    def to_json(self) -> dict[str, object]:
        """JSON-ready values (the day as an ISO string)."""
        data = dict(self.__dict__)
        data["first_day"] = self.first_day.isoformat() if self.first_day else None
        data["broken"] = [list(pair) for pair in self.broken]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Lines:
        """The lines :meth:`to_json` wrote.

        Raises:
            KeyError, TypeError, ValueError: ``data`` is not such lines.
        """
        first = data["first_day"]
        return cls(
            **{
                **data,
                "first_day": date.fromisoformat(first) if first else None,
                "broken": [(str(what), str(detail)) for what, detail in data["broken"]],
            }
        )


def lines(view: Overview, lang: str) -> Lines:
    """Every line the overview tab shows of ``view``, in ``lang``."""
    strongest = view.strongest
    return Lines(
        day=day_text(view, lang),
        next=next_text(view, lang),
        letter=view.letter,
        value=strongest.value if strongest else "—",
        caption=strongest.caption if strongest else tr("overview.strongest.none", lang),
        streak=view.streak,
        satire=view.satire,
        broken=[(p.what, broken_text(p, lang)) for p in view.broken],
        earlier=earlier_text(view, lang),
        first_day=view.first_day,
    )


def day_text(view: Overview, lang: str) -> str:
    """ "Day 12 of the saga, since 3 August 2026", or how and when it ended."""
    if view.first_day is None:
        return tr("overview.no_events", lang)
    if view.ended_on is not None:
        return tr(
            "overview.ended",
            lang,
            day=format_date(view.ended_on, lang),
            how=tr(f"ladder.ended_as.{view.ended_as}", lang),
            days=trn("plural.days", view.days, lang),
        )
    days = format_number(view.days, lang)  # "Day 2,517", as the figures line writes it
    return tr("overview.day", lang, days=days, since=format_date(view.first_day, lang))


def next_text(view: Overview, lang: str) -> str:
    """The next step and the day it opens; or why there is none."""
    step = view.next_step
    if step is None:
        if view.ended_on is not None:
            return tr("overview.next.ended", lang)
        return tr("ladder.all_done" if view.all_done else "ladder.nothing_open", lang)
    title = step.step.title[lang]
    if step.opens_on is None:
        return tr("overview.next.on_answer", lang, step=title)
    key = "overview.next.open" if step.opens_on <= view.as_of else "overview.next.waiting"
    return tr(key, lang, step=title, opens=format_date(step.opens_on, lang))


def broken_text(promise: BrokenPromise, lang: str) -> str:
    """Who, when promised, due when, broken since when: one line under the promise's words."""
    parts = [promise.who] if promise.who else []
    parts.append(tr("overview.promise.made", lang, day=format_date(promise.made_on, lang)))
    if promise.due is not None:
        parts.append(tr("overview.promise.due", lang, day=format_date(promise.due, lang)))
    if promise.since is not None:
        parts.append(tr("overview.promise.since", lang, day=format_date(promise.since, lang)))
    return " · ".join(parts)


def earlier_text(view: Overview, lang: str) -> str | None:
    """ "And 195 earlier ones, listed in the Promises tab." (None: all of them are listed)."""
    earlier = view.broken_count - len(view.broken)
    return trn("plural.broken_earlier", earlier, lang) if earlier > 0 else None
