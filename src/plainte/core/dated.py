"""Dated facts: a rule, a fee or a reference is in force from one day until another.

Like a tax engine's parameters, the law is data with dates: an item carries
``from`` (the first day it applies) and ``until`` (the last), either optional,
and the code asks which items are in force on the day that matters. Nothing in
Python compares years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from plainte.core.model import Case, CaseStatus, Event

TYPE_CHECKING = False  # typing costs 3 ms of every call; it is only read by type checkers
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


REVIEW_MONTHS = 12
"""A file of facts not checked for this many months says so."""


def in_force(item: Mapping[str, Any], day: date) -> bool:
    """Whether ``item`` (with optional ``from`` and ``until`` dates) applies on ``day``."""
    start, end = item.get("from"), item.get("until")
    return (start is None or start <= day) and (end is None or day <= end)


def on(items: Iterable[T], day: date) -> list[T]:
    """The items in force on ``day`` (mappings, or objects with ``valid_from``/``valid_until``)."""
    kept = []
    for item in items:
        if isinstance(item, Mapping):
            ok = in_force(item, day)
        else:
            ok = in_force({"from": item.valid_from, "until": item.valid_until}, day)
        if ok:
            kept.append(item)
    return kept


def judged_on(case: Case, today: date) -> date:
    """The day a case's rules are judged by: today while it runs, its last day once it ended.

    A saga that ended in 2010 is judged by the rules of 2010, not by today's.
    """
    # the last event up to today, found from the end: a letter asks this several times
    return judged_from_end(case.status, reversed(case.events), today)


def judged_from_end(status: CaseStatus, back: Iterable[Event], today: date) -> date:
    """:func:`judged_on` from a case's status and its events read from the last one back.

    Only the events after the last one up to ``today`` are read: a long case is not read whole.
    """
    if status is CaseStatus.OPEN:
        return today
    last = next((e for e in back if e.at.day <= today), None)
    return last.at.day if last else today


def stale(reviewed: date | None, today: date) -> bool:
    """Whether facts last checked on ``reviewed`` are more than REVIEW_MONTHS old on ``today``."""
    if reviewed is None:
        return True
    from plainte.core.dates import shift

    return shift(reviewed, months=REVIEW_MONTHS) < today
