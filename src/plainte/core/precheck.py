"""The check before writing: what would make a letter false, stale, or premature.

Shown in the composer and on stderr by ``plainte letter``: a step not open yet,
stale or relative phrases, weekdays that contradict their dates, a late call
recap, texts in the other language, a resolved or switched case, cancelling
where porting is the way, and what the body asks for that the case lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from plainte.core import event_text, i18n
from plainte.core.language import detect_text
from plainte.core.letter_facts import Written
from plainte.core.letterform import letter_form
from plainte.core.model import Case, CaseStatus, Channel, Event
from plainte.core.parsed_cache import load_yaml
from plainte.core.resources import data_folder

LATE_RECAP_DAYS = 2
"""A call recap written more than this many days after the call is flagged as late."""
MAX_DATES = 5
"""Unanswered contacts named by date in the check; past this, their number and span."""

REFUSED = {
    CaseStatus.RESOLVED: ("complaint", "formal-notice", "ombudsman", "cancellation"),
    CaseStatus.SWITCHED: ("complaint",),
}
"""Kinds that no longer make sense once a case is resolved or switched (warned, not written
blindly: the person decides)."""


@dataclass
class Finding:
    """One thing to look at before sending: ``code`` names the message in ``precheck.*``."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    event_id: str | None = None
    serious: bool = False

    def message(self, lang: str | None = None) -> str:
        """The finding in words; French gets its no-break spaces like the letter."""
        text = i18n.tr(f"precheck.{self.code}", lang, **self.params)
        return i18n.french_typography(text) if i18n.language_of(lang) == "fr" else text


@cache
def _patterns() -> dict[str, Any]:
    return load_yaml(data_folder("templates") / "letters" / "checks.yaml") or {}  # type: ignore[return-value]


@cache
def _weekdays(lang: str) -> list[str]:
    """The weekday names of ``lang``, Monday first as ``date.weekday()``."""
    return _names(lang)["days"]


@cache
def _months(lang: str) -> list[str]:
    """The month names of ``lang``, January first."""
    return _names(lang)["months"]


def _names(lang: str) -> dict[str, list[str]]:
    """CLDR's wide day and month names, kept between runs (no Babel locale data to load)."""
    from plainte.core.quick_dates import kept_from_babel

    tag = "fr_FR" if lang == "fr" else "en_GB"
    return kept_from_babel(f"cldr-names.{tag}", lambda: _babel_names(tag))  # type: ignore[return-value]


def _babel_names(tag: str) -> dict[str, list[str]]:
    from babel import Locale

    locale = Locale.parse(tag)
    days, months = locale.days["format"]["wide"], locale.months["format"]["wide"]
    return {"days": [days[i] for i in range(7)], "months": [months[i] for i in range(1, 13)]}


def _texts(case: Case, events: list[Event], lang: str):
    """(where, text, event) for the title, the notes and each summary, as the letter has them
    (the app's own words in the letter's language)."""
    yield "title", case.title, None
    if case.notes:
        yield "notes", case.notes, None
    for e in events:
        summary = event_text.summary(e, lang)
        if summary:
            yield "summary", summary, e
        for promise in e.promises:
            yield "promise", promise.text, e


@cache
def _dated_weekday(lang: str) -> tuple[list[str], re.Pattern, list[str], list[str]]:
    """The weekdays, the "weekday day month [year]" pattern, and lower-case days and months."""
    days, months = _weekdays(lang), _months(lang)
    pattern = rf"\b({'|'.join(days)})\s+(\d{{1,2}})(?:er)?\s+({'|'.join(months)})(?:\s+(\d{{4}}))?"
    return (
        days,
        re.compile(pattern, re.IGNORECASE),
        [d.lower() for d in days],
        [x.lower() for x in months],
    )


def _weekday_clashes(text: str, year: int) -> list[tuple[str, str]]:
    """(what is written, the real weekday) for "lundi 14 septembre" / "Monday 14 September"."""
    found = []
    for lang in ("fr", "en"):
        days, pattern, lower_days, lower_months = _dated_weekday(lang)
        for m in pattern.finditer(text):
            weekday = lower_days.index(m.group(1).lower())
            month = lower_months.index(m.group(3).lower()) + 1
            try:
                real = date(int(m.group(4) or year), month, int(m.group(2)))
            except ValueError:
                continue
            if real.weekday() != weekday:
                found.append((m.group(0), days[real.weekday()]))
    return found


@dataclass(frozen=True)
class TextHit:
    """One phrase found in one text of the case: what ``_text_findings`` turns into a finding."""

    code: str  # "stale", "relative_date" or "weekday"
    where: str
    phrase: str
    written_on: date
    event: Event | None = None
    real: str = ""


@dataclass
class TextScan:
    """What the patterns found in every text of a case, in one language."""

    hits: list[TextHit]


class Prepared:
    """The per-event work of the check, done once per case version and day.

    A composer keeps one with its facts, so that every letter after the first only
    turns what was found into findings (the case is treated as a value).
    """

    def __init__(self, case: Case, today: date) -> None:
        self.case = case
        self.today = today
        self.events = [e for e in case.events if e.at.day <= today]
        self.notes = sum(1 for e in self.events if not e.is_contact)
        self.written = Written(self.events)  # the letters' enclosures read it too
        self.unanswered = self.written.unanswered
        self.calls = [e for e in self.events if e.channel is Channel.PHONE]
        self._scans: dict[str, TextScan] = {}

    def scan(self, lang: str) -> TextScan:
        """The texts of the case scanned as a ``lang`` letter has them (once per language)."""
        found = self._scans.get(lang)
        if found is None:
            found = self._scans[lang] = scan_texts(self.case, self.events, lang, self.today)
        return found


def check(
    case: Case,
    kind: str,
    today: date,
    lang: str,
    state: Any,
    call_id: str | None = None,
    prepared: Prepared | None = None,
    quoted: int = 0,
) -> list[Finding]:
    """Everything to look at before sending a ``kind`` letter in ``lang`` for ``case``.

    ``prepared`` (made by ``Prepared(case, today)``) spares the per-event work when
    several letters are checked for the same case version. ``quoted`` is how many
    texts the letter quotes in the other language (the composer counts them as it
    names their language): texts the letter does not quote do not concern it.
    """
    prepared = prepared or Prepared(case, today)
    events = prepared.events
    findings: list[Finding] = []
    locale = letter_form(case.country, lang).locale  # dates as the letter writes them
    step = next((s for s in state.steps if s.step.letter == kind), None)
    if step is not None and step.status in ("waiting", "later"):
        opens = i18n.format_date(step.opens_on, locale) if step.opens_on else ""
        findings.append(
            Finding(
                "step_waiting" if opens else "step_later",
                {"step": step.step.title[lang], "date": opens},
                serious=True,
            )
        )
    if kind in REFUSED.get(case.status, ()):
        name = i18n.tr(f"gui.kinds.{kind}", lang).lower()
        findings.append(Finding(f"status_{case.status.value}", {"kind": name}, serious=True))
    if kind == "cancellation" and case.status is not CaseStatus.SWITCHED:
        switch = next((s for s in state.steps if s.step.kind == "switch"), None)
        if switch is not None:
            findings.append(Finding("port_dont_cancel", {"how": switch.step.action[lang]}))
    if kind == "ombudsman":
        body = next((s for s in state.steps if s.step.id == "ombudsman"), None)
        for document in body.step.documents if body else []:
            findings.append(Finding("still_need", {"what": i18n.lower_first(document[lang])}))
    if prepared.notes:
        findings.append(Finding("notes", {"count": i18n.trn("plural.notes", prepared.notes, lang)}))
    unanswered = prepared.unanswered
    if len(unanswered) > MAX_DATES:
        findings.append(
            Finding(
                "unanswered_many",
                {
                    "count": i18n.format_number(len(unanswered), locale),
                    "first": i18n.format_date(unanswered[0].at.day, locale),
                    "last": i18n.format_date(unanswered[-1].at.day, locale),
                },
            )
        )
    elif unanswered:
        findings.append(
            Finding(
                "unanswered",
                {"dates": ", ".join(i18n.format_date(e.at.day, locale) for e in unanswered)},
            )
        )
    findings += _text_findings(case, prepared.scan(lang), today, lang, quoted)
    if kind != "call-recap":
        findings += _law_findings(case, today, lang)
    if kind == "call-recap":
        # the call recapped is most often a recent one: look from the end
        call = next((e for e in reversed(events) if e.id == call_id), None) if call_id else None
        call = call or next((e for e in reversed(prepared.calls) if e.answered), None)
        if call is not None and (today - call.at.day).days > LATE_RECAP_DAYS:
            findings.append(
                Finding(
                    "late_recap",
                    {
                        "date": i18n.format_date(call.at.day, locale),
                        "days": (today - call.at.day).days,
                    },
                    call.id,
                )
            )
    return findings


@cache
def _stale_patterns(plang: str) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in _patterns().get("stale", {}).get(plang, ())]


@cache
def _relative_pattern(plang: str) -> re.Pattern | None:
    days = "|".join(_weekdays(plang))
    relative = (
        _patterns().get("relative_weekday", {}).get(plang, "").replace("{weekday}", f"(?:{days})")
    )
    return re.compile(relative, re.IGNORECASE) if relative else None


@cache
def _weekday_names() -> tuple[str, ...]:
    """Every weekday name in either language, lower-case: a text without one has no
    relative or contradicted weekday, so most summaries are passed over at once."""
    return tuple(sorted({d.lower() for plang in ("fr", "en") for d in _weekdays(plang)}))


def _phrases(text: str, stale: bool, year: int) -> list[tuple[str, str, str]]:
    """(code, phrase, real weekday) of every phrase the checks look for in ``text``."""
    found: list[tuple[str, str, str]] = []
    folded = text.lower()
    weekday = any(day in folded for day in _weekday_names())
    for plang in ("fr", "en"):
        if stale:
            for pattern in _stale_patterns(plang):
                found += [("stale", m.group(0), "") for m in pattern.finditer(text)]
        relative = _relative_pattern(plang)
        if weekday and relative is not None:
            found += [("relative_date", m.group(0), "") for m in relative.finditer(text)]
    if weekday:
        found += [("weekday", w, real) for w, real in _weekday_clashes(text, year)]
    return found


def scan_texts(case: Case, events: list[Event], lang: str, today: date) -> TextScan:
    """Every phrase the text checks look for, in every text a ``lang`` letter has, once.

    A long case repeats its texts: each distinct one is searched once per year.
    """
    hits: list[TextHit] = []
    first = events[0].at.day if events else today
    seen: dict[tuple[str, bool, int], list[tuple[str, str, str]]] = {}
    for where, text, event in _texts(case, events, lang):
        written_on = event.at.day if event else first
        # a summary says what happened then: never stale
        key = (text, where != "summary", written_on.year)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _phrases(*key)
        for code, phrase, real in found:
            # a stale phrase is the person's own framing, not an event's
            hits.append(
                TextHit(code, where, phrase, written_on, None if code == "stale" else event, real)
            )
    return TextScan(hits)


def _text_findings(
    case: Case, scan: TextScan, today: date, lang: str, quoted: int
) -> list[Finding]:
    findings: list[Finding] = []
    locale = letter_form(case.country, lang).locale
    for hit in scan.hits:
        written_on = hit.written_on
        event_id = hit.event.id if hit.event else None
        if hit.code == "weekday":
            findings.append(
                Finding("weekday", {"phrase": hit.phrase, "real": hit.real}, event_id, True)
            )
            continue
        if hit.code == "stale" and (today - written_on).days <= 7:
            continue
        findings.append(
            Finding(
                hit.code,
                {
                    "where": i18n.tr(f"precheck.where.{hit.where}", lang),
                    "phrase": hit.phrase,
                    "date": i18n.format_date(written_on, locale),
                },
                event_id,
            )
        )
    if quoted:
        findings.append(
            Finding(
                "other_language",
                {
                    "count": i18n.trn(
                        "plural.texts_in_language",
                        quoted,
                        lang,
                        language=i18n.tr(
                            f"letters.in_language.{'en' if lang == 'fr' else 'fr'}", lang
                        ),
                    )
                },
            )
        )
    return findings


def _law_findings(case: Case, today: date, lang: str) -> list[Finding]:
    """What the remedies data leaves to check, and sums owed only on a condition."""
    from plainte.core import remedies

    found = [
        Finding("check_with", {"text": i18n.lower_first(t[lang]) if lang == "fr" else t[lang]})
        for t in remedies.checks(case, today)
    ]
    for amount in remedies.compensation(case, today, i18n.DEFAULT_LOCALES[lang]):
        if amount.condition:
            found.append(
                Finding(
                    "condition", {"what": amount.title[lang], "condition": amount.condition[lang]}
                )
            )
    return found


MIN_WORDS = 8
"""Shorter texts are not judged by language: a name or two mislead the detector."""


MIN_WORDS_HINTED = 2
"""Shorter texts still, when the detector and the case's own language agree on them."""


def other_language_of(
    text: str, lang: str, min_words: int = MIN_WORDS, hint: str | None = None
) -> str | None:
    """``fr`` or ``en`` when ``text`` is long enough and written in the other language.

    ``hint`` is the case's own language: a text shorter than ``min_words`` (down to
    ``MIN_WORDS_HINTED``: "Deuxième appel, aucun message.") counts as in it only when the
    detector says so too, so one language's case never passes its short texts off as
    the letter's own words.
    """
    words = len(text.split()) if text else 0
    hinted = hint is not None and hint != lang
    if words < (min(min_words, MIN_WORDS_HINTED) if hinted else min_words):
        return None
    found = detect_text(text)
    if words < min_words and found != hint:
        return None
    return found if found and found != lang else None


def stale_phrase(text: str) -> str | None:
    """The first phrase of ``text`` that goes stale ("depuis un mois", "for two weeks")."""
    for plang in ("fr", "en"):
        for pattern in _patterns().get("stale", {}).get(plang, ()):
            found = re.search(pattern, text, re.IGNORECASE)
            if found:
                return found.group(0)
    return None
