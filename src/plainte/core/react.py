"""The reply reader: what a provider's reply is, and what the person does next.

Given the text of a reply (pasted, or an imported e-mail), it finds the
language (langdetect), the kind of answer, a promise and its due date resolved
against the reply's date, and what follows on the case's ladder: the step the
reply accomplishes or opens, the letter that answers it, the event (and
promise) to log, prefilled. The phrases are data (``replies/<lang>.yaml``),
every match is kept with its weight so the reading explains itself, and
nothing is downloaded.
"""

from __future__ import annotations

import calendar
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from plainte.core.model import Case, Channel, Direction, Event, Promise, When, parse_when
from plainte.core.parsed_cache import load_yaml
from plainte.core.resources import data_folder

LANGUAGES = ("en", "fr")
KINDS = (
    "deflection",
    "promise",
    "information_request",
    "refusal",
    "final_response",
    "resolution_offer",
    "acknowledgement",
    "other",
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " "})


@dataclass(frozen=True)
class Phrase:
    kind: str
    pattern: re.Pattern
    weight: float


@dataclass(frozen=True)
class Match:
    """One phrase found in the reply: its kind, the words matched, its weight."""

    kind: str
    words: str
    weight: float

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "words": self.words, "weight": self.weight}


@dataclass
class Rules:
    language: str
    phrases: list[Phrase]
    minimum: float
    due: dict[str, Any]
    due_patterns: list[re.Pattern]


@cache
def rules(lang: str) -> Rules:
    """The compiled phrases and due-date patterns of ``replies/<lang>.yaml``."""
    data = load_yaml(data_folder("replies") / f"{lang}.yaml")
    flags = re.IGNORECASE | re.MULTILINE
    phrases = [
        Phrase(kind, re.compile(item["pattern"], flags), float(item["weight"]))
        for kind, items in data["phrases"].items()
        for item in items
    ]
    due = data.get("due", {})
    return Rules(
        language=lang,
        phrases=phrases,
        minimum=float(data.get("minimum", 2)),
        due=due,
        due_patterns=[re.compile(p, flags) for p in due.get("patterns", [])],
    )


@cache
def outcomes() -> dict[str, Any]:
    """What follows each kind (``replies/outcomes.yaml``)."""
    return load_yaml(data_folder("replies") / "outcomes.yaml")  # type: ignore[return-value]


# Classifying -------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """The reply's own words: typographic quotes made plain, quoted history and signature cut."""
    from plainte.core.mail import fresh_lines

    text = text.translate(_QUOTES)
    return "\n".join(fresh_lines(text)).strip()


def classify(text: str, lang: str) -> tuple[str, dict[str, float], list[Match]]:
    """The kind of ``text`` by the phrases of ``lang``: the kind, each kind's score, the matches."""
    found: list[Match] = []
    scores = dict.fromkeys(KINDS, 0.0)
    for phrase in rules(lang).phrases:
        match = phrase.pattern.search(text)
        if match:
            words = " ".join(match.group(0).split())
            found.append(Match(phrase.kind, words, phrase.weight))
            scores[phrase.kind] += phrase.weight
    order = outcomes()["kinds"]
    best = max(order, key=lambda k: (scores[k], -order.index(k)))
    if scores[best] < rules(lang).minimum:
        best = "other"
    return best, scores, found


# Due dates ------------------------------------------------------------------------------


def _number(text: str, numbers: dict[str, int]) -> int | None:
    if text.isdigit():
        return int(text)
    return numbers.get(text.lower())


def _add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def due_date(text: str, lang: str, at: datetime | date) -> tuple[date, str] | None:
    """The first deadline the text gives, resolved against ``at``; with the words that gave it."""
    due = rules(lang).due
    day = at.date() if isinstance(at, datetime) else at
    for pattern in rules(lang).due_patterns:
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v}
            result = _resolve(groups, due, at, day)
            if result is not None:
                return result, " ".join(match.group(0).split())
    return None


def _resolve(groups: dict[str, str], due: dict, at: datetime | date, day: date) -> date | None:
    if "n" in groups and "unit" in groups:
        count = _number(groups["n"], due.get("numbers", {}))
        unit_text = " ".join(groups["unit"].lower().split())
        unit = due.get("units", {}).get(unit_text)
        if unit is None:  # "jours ouvres" and the like: match by the words' start
            unit = next(
                (u for k, u in due.get("units", {}).items() if unit_text.startswith(k)), None
            )
        if count is None or unit is None or count > 366:
            return None
        if unit == "hours":
            if isinstance(at, datetime):
                return (at + timedelta(hours=count)).date()
            return day + timedelta(days=-(-count // 24))
        if unit == "working_days":
            return _add_working_days(day, count)
        return day + timedelta(days=count * (7 if unit == "weeks" else 1))
    if "weekday" in groups:
        wanted = due.get("weekdays", {}).get(groups["weekday"].lower())
        if wanted is None:
            return None
        ahead = (wanted - day.weekday()) % 7 or 7
        return day + timedelta(days=ahead)
    if "day" in groups and "month" in groups:
        month = due.get("months", {}).get(groups["month"].lower())
        if month is None:
            return None
        for year in (day.year, day.year + 1):
            try:
                candidate = date(year, month, int(groups["day"]))
            except ValueError:
                return None
            if candidate >= day:
                return candidate
        return None
    if "end" in groups:
        end = groups["end"].lower()
        if end.startswith(("day", "journ")):
            return day
        if end.startswith(("week", "semaine")):
            return day + timedelta(days=(4 - day.weekday()) % 7)
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if "tomorrow" in groups:
        return day + timedelta(days=1)
    return None


def _sentence_with(text: str, words: str) -> str:
    """The sentence of ``text`` that holds ``words`` (the promise as they wrote it)."""
    flat = " ".join(text.split())
    at = flat.lower().find(words.lower())
    if at < 0:
        return words
    start = max(flat.rfind(". ", 0, at), flat.rfind("! ", 0, at), flat.rfind("? ", 0, at))
    start = 0 if start < 0 else start + 2
    ends = [i for i in (flat.find(". ", at), flat.find("! ", at), flat.find("? ", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(flat)
    sentence = flat[start:end].strip()
    return sentence if len(sentence) <= 400 else sentence[:399].rsplit(" ", 1)[0] + "…"


# What follows ---------------------------------------------------------------------------


@dataclass
class Next:
    """The ladder step the reply opens or calls for, and the letter that answers it."""

    step: str | None = None
    letter: str | None = None
    wants: str | None = None
    marks: str | None = None
    opens_on: date | None = None
    status: str | None = None


def what_next(kind: str, case: Case, event: Event, ladder, today: date) -> Next:
    """Where the reply leaves the case on ``ladder`` once ``event`` is logged."""
    from plainte.core.ladder import evaluate

    outcome = outcomes()["outcomes"].get(kind) or {}
    result = Next(wants=outcome.get("wants"))
    result.marks = next((s for s in outcome.get("marks", []) if ladder.step(s)), None)
    logged = replace(event, step=result.marks or event.step)
    after = replace(case, events=sorted([*case.events, logged], key=lambda e: e.at.sort_key))
    state = evaluate(ladder, after, max(today, event.at.day))
    by_id = {s.step.id: s for s in state.steps}
    chosen = None
    for step_id in outcome.get("calls_for", []):
        candidate = by_id.get(step_id)
        if candidate and (outcome.get("done_ok") or candidate.status != "done"):
            chosen = candidate
            break
    calls = chosen is not None
    if chosen is None:  # nothing to call for: where the case stands, and no letter to write
        chosen = state.next_step()
    if chosen is not None:
        result.step = chosen.step.id
        result.opens_on = chosen.opens_on
        result.status = chosen.status
    result.letter = outcome.get("letter") or (chosen.step.letter if calls else None)
    return result


# The reading ----------------------------------------------------------------------------


@dataclass
class Reading:
    """Everything the reader says about one reply."""

    language: str
    kind: str
    scores: dict[str, float]
    matched: list[Match]
    event: Event
    next: Next
    promise_text: str | None = None
    due: date | None = None
    due_words: str | None = None
    written_request_before: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def promise(self) -> Promise | None:
        return self.event.promises[0] if self.event.promises else None

    def to_json(self) -> dict[str, Any]:
        """The ``react --json`` object of the command-line contract, with the explanation."""
        promise = None
        if self.promise_text is not None:
            promise = {
                "text": self.promise_text,
                "due": self.due.isoformat() if self.due else None,
            }
        return {
            "language": self.language,
            "kind": self.kind,
            "promise": promise,
            "next": {
                "step": self.next.step,
                "letter": self.next.letter,
                "wants": self.next.wants,
                "status": self.next.status,
                "opens_on": self.next.opens_on.isoformat() if self.next.opens_on else None,
                "marks": self.next.marks,
            },
            "matched": [m.to_json() for m in self.matched],
            "scores": {k: v for k, v in self.scores.items() if v},
            "event": {
                "id": self.event.id,
                "at": self.event.at.text,
                "channel": self.event.channel.value,
                "direction": self.event.direction.value,
                "counterpart": self.event.counterpart,
                "reference": self.event.reference,
                "summary": self.event.summary,
                "step": self.event.step,
            },
            "written_request_before": self.written_request_before,
        }


def detect_language(text: str, default: str) -> str:
    """``fr`` or ``en`` for the reply, by langdetect; ``default`` when it cannot tell."""
    from plainte.core.language import detect_text

    return detect_text(text[:4000]) or (default if default in LANGUAGES else "en")


def read_reply(
    text: str,
    case: Case,
    ladder,
    today: date,
    *,
    at: When | None = None,
    event: Event | None = None,
) -> Reading:
    """Read a reply's ``text`` for ``case``.

    Args:
        at: when the reply came (default: ``today``).
        event: the event the reply already is (an imported e-mail); else one is prefilled.
    """
    from plainte.core.language import case_language
    from plainte.core.mail import find_reference, summary_of

    own = clean_text(text) or text.translate(_QUOTES).strip()
    lang = detect_language(own, case_language(case))
    kind, scores, matched = classify(own, lang)
    if kind == "other" and scores[kind] == 0:
        other = "fr" if lang == "en" else "en"
        second = classify(own, other)
        if second[0] != "other":
            kind, scores, matched = second
    when = event.at if event is not None else (at or parse_when(today.isoformat()))
    outcome = outcomes()["outcomes"].get(kind) or {}
    found_due = due_date(own, lang, when.value) if outcome.get("promise") else None
    promise_text = None
    if outcome.get("promise"):
        anchor = found_due[1] if found_due else _strongest(matched, kind)
        promise_text = _sentence_with(own, anchor) if anchor else None
    if event is None:
        event = Event(
            id=str(uuid.uuid4()),
            at=when,
            channel=Channel.EMAIL,
            direction=Direction.IN,
            reference=find_reference(case.provider, "", own),
            summary=summary_of("", own) or None,
        )
    else:
        event = replace(event, promises=list(event.promises))
    if promise_text:
        due = found_due[0] if found_due else None
        event.promises.append(
            Promise(
                id=str(uuid.uuid5(uuid.UUID(_event_namespace(event.id)), promise_text)),
                text=promise_text,
                due=parse_when(due.isoformat()) if due else None,
                event_id=event.id,
            )
        )
    follow = what_next(kind, case, event, ladder, today)
    if follow.marks:
        event.step = follow.marks
    return Reading(
        language=lang,
        kind=kind,
        scores=scores,
        matched=matched,
        event=event,
        next=follow,
        promise_text=promise_text,
        due=found_due[0] if found_due else None,
        due_words=found_due[1] if found_due else None,
        written_request_before=_asked_in_writing(case, when),
    )


def _strongest(matched: list[Match], kind: str) -> str | None:
    own = [m for m in matched if m.kind == kind]
    return max(own, key=lambda m: m.weight).words if own else None


def _event_namespace(event_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"plainte-event:{event_id}"))


def _asked_in_writing(case: Case, when: When) -> bool:
    """Whether the person wrote to the provider before this reply."""
    from plainte.core.model import WRITTEN_CHANNELS

    return any(
        e.direction is Direction.OUT
        and e.channel in WRITTEN_CHANNELS
        and e.at.sort_key <= when.sort_key
        for e in case.events
    )
