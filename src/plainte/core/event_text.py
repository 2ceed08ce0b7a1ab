"""Words the app writes about an event, stored as what they mean, said in the reader's language.

A quick log stores no sentence: "they called, nobody spoke" is a phone call
coming in, not answered, with an empty summary; "a promise was made" is an
incoming event whose promises say the rest. Each reader (the timeline, a
letter, an export) renders that meaning in its own language, so a French
letter never copies an English line the interface once wrote.

Stores from before kept those sentences in the summary, in the interface's
language of the day: they are recognised (every language's wording) and
treated as the empty summary they stand for.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from plainte.core import i18n
from plainte.core.model import Channel, Direction, Event, EventKind

TYPE_CHECKING = False  # typing costs 3 ms of every call; it is only read by type checkers
if TYPE_CHECKING:
    from typing import Any

KINDS = ("they_called", "promise", "switched")


@cache
def _legacy() -> frozenset[str]:
    """Every wording the app ever stored for its own sentences, casefolded."""
    texts = {i18n.tr(f"event_text.{kind}", lang) for kind in KINDS for lang in i18n.LANGUAGES}
    return frozenset(t.strip().casefold() for t in texts)


def is_generated(summary: str | None) -> bool:
    """True when ``summary`` is empty or one of the app's own sentences (not the person's)."""
    text = (summary or "").strip()
    return not text or text.casefold() in _legacy()


def meaning(
    channel: str, direction: str, answered: bool, promised: bool, step: str | None = None
) -> str | None:
    """What an event without words of its own means: a key of ``KINDS``, or None."""
    if step == "switch":  # the standard step id of leaving (saga format, "Step ids")
        return "switched"
    if direction == Direction.IN.value and promised:
        return "promise"
    if channel == Channel.PHONE.value and direction == Direction.IN.value and not answered:
        return "they_called"
    return None


def render(
    summary: str | None,
    channel: str,
    direction: str,
    answered: bool,
    promised: bool,
    step: str | None,
    lang: str,
) -> str:
    """The summary shown for an event's stored columns, in ``lang``."""
    if not is_generated(summary):
        return summary.strip()  # type: ignore[union-attr]
    kind = meaning(channel, direction, answered, promised, step)
    return i18n.tr(f"event_text.{kind}", lang) if kind else ""


def row_summary(
    summary: str | None,
    channel: str,
    direction: str,
    answered: bool,
    promised: bool,
    step: str | None = None,
) -> str:
    """The same, from an event's stored columns (for the search texts of a long timeline)."""
    return render(summary, channel, direction, answered, promised, step, i18n.language())


def summary(event: Event, lang: str | None = None) -> str:
    """The event's summary: the person's words, else the app's sentence in ``lang``."""
    return render(
        event.summary,
        event.channel.value,
        event.direction.value,
        event.answered,
        bool(event.promises),
        event.step,
        lang or i18n.language(),
    )


def content_summary(content: Mapping[str, Any], lang: str | None = None) -> str:
    """The same, for an event as the journal records it (a dict)."""
    return render(
        content.get("summary"),
        content.get("channel", ""),
        content.get("direction", ""),
        bool(content.get("answered", True)),
        bool(content.get("promises")),
        content.get("step"),
        lang or i18n.language(),
    )


def own_words(event: Event) -> str:
    """The person's own words only (empty for the app's sentences): for language detection."""
    return "" if is_generated(event.summary) else (event.summary or "")


def is_note(kind: str | None) -> bool:
    """A note (something done alone) is no contact: it has no direction, no answer."""
    return kind == EventKind.NOTE.value


def direction_word(direction: str, kind: str | None, lang: str | None = None) -> str:
    """ "To them", "From them", or "Note" for a note, which goes to no one."""
    key = "direction.note" if is_note(kind) else f"direction.{direction}"
    return i18n.tr(key, lang)


def quoted(text: str, lang: str, limit: int = 90) -> str:
    """``text`` as a short quotation in ``lang``'s marks, for a sentence that ends after it.

    Cut between words with "…" past ``limit`` characters; its own closing full
    stop is dropped, as the sentence quoting it brings one ("« … remise »."
    not "« … remise. ».").
    """
    words = " ".join(text.split())
    if len(words) > limit:
        head = words[: limit + 1]
        space = head.rfind(" ")
        words = (head[:space] if space > 0 else words[:limit]).rstrip(" ,;:.") + "…"
    elif words.endswith(".") and not words.endswith(".."):
        words = words[:-1]
    return f"« {words} »" if lang == "fr" else f"“{words}”"
