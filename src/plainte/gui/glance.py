"""A case's timeline marks and figures as the figures tab shows them, computed from the
case alone (no widget): safe in a worker thread for a long saga."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from plainte.core.model import Case, Direction
from plainte.core.stats import SagaStats, compute

CONTRASTS = 6
"""Contrasts the figures tab lists at most."""


GAP = 5.0
"""Pixels kept between two marks on the same side: four calls a day are four marks."""


def spread(xs: list[float], left: float, right: float, gap: float = GAP) -> list[float]:
    """``xs`` (sorted) moved apart by at least ``gap``, kept within ``left``–``right``.

    Marks close in time are pushed right, then back left from the right edge;
    when even that cannot fit them, the gap shrinks to what the width allows.
    """
    if not xs:
        return []
    gap = min(gap, (right - left) / max(1, len(xs) - 1))
    out = [max(left, xs[0])]
    for x in xs[1:]:
        out.append(max(x, out[-1] + gap))
    limit = right
    for i in range(len(out) - 1, -1, -1):
        out[i] = min(out[i], limit)
        limit = out[i] - gap
    return out


@dataclass(frozen=True)
class Mark:
    """One contact as drawn: where, on which side, how long, in which colour."""

    x: float
    up: bool | None  # None: a note, which goes to no one
    answered: bool
    channel: str


def _days(when, start: date) -> float:
    """Days from ``start``'s midnight to ``when`` (a day without a time: its middle)."""
    offset = (when.day - start).days
    if not when.has_time:
        return offset + 0.5
    clock = when.value
    return offset + (clock.hour * 60 + clock.minute) / 1440


@dataclass(frozen=True)
class Lanes:
    """A case's marks as the strip draws them at any size: each side's contacts in time
    order as fractions of the line, and the broken promises' due days (computed off the
    GUI thread for a long saga: 100,000 events took a third of a second)."""

    start: date
    span: int
    sides: tuple[tuple[bool | None, list[float], list[bool], list[str]], ...]
    """Per side (theirs up, mine down, notes on the line): fractions, answered, channels."""
    broken: list[float]


def lanes(case: Case | None, today: date) -> Lanes | None:
    """The marks of ``case`` up to ``today``, whatever the strip's size (None: no event).

    Reads nothing from widgets: safe in a worker thread.
    """
    from plainte.core.promises import ledger

    events = [e for e in case.events if e.at.day <= today] if case else []
    if not events:
        return None
    start = events[0].at.day
    span = max(1, (today - start).days + 1)
    sides = []
    for up in (False, True, None):  # mine below, theirs above, notes on the line
        side = [
            (_days(e.at, start) / span, e.answered, e.channel.value)
            for e in events
            if (e.direction is Direction.IN if e.is_contact else None) is up
        ]
        side.sort(key=itemgetter(0))
        sides.append((up, [m[0] for m in side], [m[1] for m in side], [m[2] for m in side]))
    broken = [
        min(1.0, _days(entry.promise.due, start) / span)
        for entry in ledger(case, today)
        if entry.is_broken and entry.promise.due
    ]
    return Lanes(start, span, tuple(sides), broken)


def place(found: Lanes | None, left: float, width: float) -> list:
    """Each side's marks set apart on a line from ``left``, ``width`` wide: (side, xs,
    answered, channels). Reads no widget: safe in a worker thread."""
    if found is None:
        return []
    return [
        (up, spread([left + width * f for f in fractions], left, left + width), answered, ch)
        for up, fractions, answered, ch in found.sides
    ]


def drawn_marks(placed: list) -> list[Mark]:
    """The marks to draw of ``placed``: marks of one side on the same pixel draw one tick
    (one long, one short), the first one kept: 100,000 contacts on 1,000 pixels are not
    100,000 lines."""
    drawn = []
    for up, xs, answered, channels in placed:
        at = zip(xs, answered, channels, strict=True)
        first = {(round(x), done): (x, ch) for x, done, ch in reversed(list(at))}
        drawn += [Mark(x, up, done, ch) for (_px, done), (x, ch) in first.items()]
    return drawn


@dataclass(frozen=True)
class Glance:
    """What the figures tab shows of a case, computed from it alone (no widget): safe to
    compute in a worker thread for a long saga."""

    stats: SagaStats | None
    lead: str | None
    """The strongest contrast in words (None: no event, no contrasts)."""
    highlights: list
    lanes: Lanes | None
    placed: tuple[tuple[int, int], list, list[Mark]] | None = None
    """The marks placed for the strip's size when asked (its size, :func:`place`'s,
    :func:`drawn_marks`')."""


def glance(case: Case | None, today: date, lang: str, frame=None) -> Glance:
    """The figures, contrasts and drawn marks of ``case`` as of ``today`` in ``lang``;
    ``frame``: the strip's :meth:`~plainte.gui.dashboard.TimelineStrip.frame`, to place
    the marks for it too."""
    if case is None:
        return Glance(None, None, [], None)
    stats = compute(case, today)
    if not case.events:
        return Glance(stats, None, [], None)
    from plainte.core.figures import compute as compute_figures
    from plainte.core.posts import highlights, phrases

    fig = compute_figures(case, today)
    lead = phrases(fig, lang)["lead"]
    found = lanes(case, today)
    placed = None
    if frame is not None:
        sides = place(found, frame[1], frame[2])
        placed = (frame[0], sides, drawn_marks(sides))
    return Glance(stats, lead, highlights(fig, lang)[:CONTRASTS], found, placed)
