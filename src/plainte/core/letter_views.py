"""How a letter writes the case's lists: its chronology, promises, call and steps.

Each item is a dict a template reads, in the letter's language and the
jurisdiction's locale; the person's words in the other language carry
``quote_lang``, the name of that language, so the letter can quote them as such.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from plainte.core import event_text, i18n
from plainte.core.errors import PlainteError
from plainte.core.model import Channel, Direction, Event
from plainte.core.precheck import other_language_of

TITLE_WORDS = 5
"""A title, a promise or a want is judged by language from this many words."""
MAX_CHRONOLOGY = 40
"""A letter lists at most this many events: those that prove most, the rest counted."""


def other_language(text: str, lang: str, min_words: int = 8, hint: str | None = None) -> str:
    """The name of ``text``'s language when it is not the letter's, else ``""``
    (``hint``: the case's own language, which lets shorter texts be judged)."""
    found = other_language_of(text, lang, min_words, hint)
    if found:
        return i18n.tr(f"letters.in_language.{found}", lang)
    return ""


def promises(
    entries: list, today: date, lang: str, locale: str, clean, letter: bool, hint: str | None
) -> list[dict[str, Any]]:
    """Every promise of the ledger as a letter lists it (``hint``: the case's language)."""

    def day(d: date) -> str:
        return i18n.format_date(d, locale)

    return [
        {
            "text": clean(e.promise.text),
            "state": e.state,
            # in a letter an overdue promise is what it is: not kept
            "state_label": i18n.tr(
                "promise_status." + ("broken" if e.state == "overdue" else e.state), lang
            ),
            "broken": e.is_broken,
            "promised_on": day(e.event.at.day),
            "due": day(e.promise.due.day) if e.promise.due else "",
            "who": clean(e.who) if e.who else "",
            "reference": "" if not letter else (e.reference or ""),
            "channel": i18n.tr(f"channel.{e.event.channel.value}", lang).lower(),
            "days_late": (today - e.promise.due.day).days
            if e.is_broken and e.promise.due and e.promise.due.day < today
            else 0,
            "quote_lang": other_language(e.promise.text, lang, TITLE_WORDS, hint) if letter else "",
        }
        for e in entries
    ]


def chronology(
    evidence: list[Event], lang: str, locale: str, clean, letter: bool, hint: str | None
) -> list[dict[str, Any]]:
    """The events a letter lists (at most :data:`MAX_CHRONOLOGY`) as it writes them."""
    # a letter lists contacts; the person's own notes stay in the enclosed timeline
    shown = [e for e in evidence if e.is_contact] if letter else evidence
    found = [entry(e, lang, clean, not letter, locale) for e in shown]
    for item in found if letter else ():
        item["quote_lang"] = other_language(item["summary"], lang, hint=hint)
    return found


def evidence(events: list[Event]) -> list[Event]:
    """At most MAX_CHRONOLOGY events, keeping those that prove most, in time order."""
    if len(events) <= MAX_CHRONOLOGY:
        return events

    def weight(e: Event) -> int:
        return (
            4 * bool(e.promises)
            + 2 * bool(e.reference)
            + 2 * (e.channel.value in ("email", "letter", "registered_letter", "web_form"))
            + bool(e.counterpart)
        )

    ranked = sorted(range(len(events)), key=lambda i: (-weight(events[i]), -i))
    keep = sorted({0, len(events) - 1, *ranked[: MAX_CHRONOLOGY - 2]})
    return [events[i] for i in keep]


def entry(event: Event, lang: str, clean, public: bool, locale: str) -> dict[str, Any]:
    """One event as a letter's chronology writes it."""
    at = event.at
    return {
        "id": event.id,
        "date": i18n.format_date(at.day, locale),
        "time": i18n.format_time(at.value, locale) if at.has_time else "",  # type: ignore[arg-type]
        "channel": i18n.tr(f"channel.{event.channel.value}", lang).lower(),
        "outgoing": event.direction is Direction.OUT,
        "answered": event.answered,
        "counterpart": clean(event.counterpart) or "",
        "reference": "" if public else (event.reference or ""),
        "summary": clean(event_text.summary(event, lang)) or "",
        "wait": int(event.wait_minutes) if event.wait_minutes else 0,
        "promises": [clean(p.text) for p in event.promises],
    }


def call(
    events: list[Event],
    calls: list[Event],
    event_id: str | None,
    lang: str,
    clean,
    public: bool,
    locale: str,
) -> dict:
    """The call a recap puts in writing: ``event_id``, else the latest answered call."""
    if event_id is not None:
        # the call to recap is most often a recent one: look from the end
        chosen = next((e for e in reversed(events) if e.id == event_id), None)
        if chosen is None:
            raise PlainteError("no_such_event", event=event_id)
    elif calls:
        answered = [e for e in calls if e.answered]
        chosen = (answered or calls)[-1]
    else:
        raise PlainteError("no_call")
    view = entry(chosen, lang, clean, public, locale)
    view["is_call"] = chosen.channel is Channel.PHONE
    view["day"] = chosen.at.day
    view["quote_lang"] = other_language(view["summary"], lang)
    view["promise_views"] = [
        {
            "text": clean(p.text),
            "due": i18n.format_date(p.due.day, locale) if p.due else "",
            "window": window(p.window, locale) if p.window else None,
        }
        for p in chosen.promises
    ]
    return view


def window(promised, locale: str) -> dict[str, str]:
    """A promised window's two ends as the locale writes a time ("17 h", "5:00 p.m.")."""
    ends = {}
    for name, clock in (("start", promised.start), ("end", promised.end)):
        hour, minute = (int(x) for x in clock.split(":"))
        ends[name] = i18n.format_time(datetime(2000, 1, 1, hour, minute), locale)
    return ends


def step(state, lang: str, day) -> dict[str, Any]:
    """A ladder step as a letter names it, with its dates written by ``day``."""
    body = state.step.body
    return {
        "id": state.step.id,
        "title": state.step.title[lang],
        "name": body.get("name") or state.step.title[lang],
        "url": body.get("url", ""),
        "phone": body.get("phone", ""),
        "status": state.status,
        "opens_on": day(state.opens_on),
        "deadline": day(state.deadline),
        "documents": [d[lang] for d in state.step.documents],
        "check": state.step.check[lang] if state.step.check else "",
    }
