"""When something happened, as a person types it in a hurry: "now", "10 min ago", "14:30"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from plainte.core.model import parse_typed_when

NOW = frozenset({"", "now", "maintenant"})
_AGO = re.compile(
    r"^(?:il y a\s+)?(\d{1,4})\s*(min|mn|minutes?|h|hours?|heures?)(?:\s+ago)?$", re.IGNORECASE
)
_CLOCK = re.compile(r"^(\d{1,2})\s*[:h]\s*(\d{2})?$", re.IGNORECASE)


def moment(text: str, now: datetime) -> datetime | None:
    """The moment ``text`` means, as of ``now``; None when it means nothing or is to come.

    Understands ``now``/``maintenant``, ``10 min ago``/``il y a 10 min``,
    ``2 h ago``, a time today (``14:30``, ``14h30``, ``9h``) and a full
    ``2026-08-20 14:30``.
    """
    text = " ".join(text.strip().split())
    if text.casefold() in NOW:
        return now
    found = _AGO.match(text)
    said_ago = "ago" in text.casefold() or text.casefold().startswith("il y a")
    if found and (said_ago or not found.group(2).casefold().startswith("h")):  # "9h" is 9:00
        amount, unit = int(found.group(1)), found.group(2).casefold()
        delta = timedelta(hours=amount) if unit.startswith("h") else timedelta(minutes=amount)
        return now - delta
    if found := _CLOCK.match(text):
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if hour > 23 or minute > 59:
            return None
        value = now.replace(hour=hour, minute=minute)
    else:
        try:
            when = parse_typed_when(text)
        except ValueError:
            return None
        if not when.has_time:
            return None
        value = when.value.replace(tzinfo=None)  # type: ignore[union-attr]
    return value if value <= now else None
