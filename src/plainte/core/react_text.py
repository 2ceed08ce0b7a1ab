"""A reading of a reply, in words: what the CLI prints and the app shows."""

from __future__ import annotations

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.react import Reading


def step_title(ladder, step_id: str | None, lang: str) -> str:
    """A step's title in ``lang``, or its id when the ladder does not have it."""
    if step_id is None:
        return "—"
    step = ladder.step(step_id)
    return step.title.get(lang, step_id) if step else step_id


# a phrase of at least this weight is a clear sign of its kind on its own (replies/*.yaml)
CLEAR_SIGN = 3.0


def matched_words(reading: Reading, lang: str, limit: int = 12) -> str:
    """The phrases found, grouped by the kind they point to, strongest kind first.

    Read as a person reads it: « Renvoi (signe net) : « appelez-nous », « 3000 » ».
    The weights stay out of it; a kind is a "clear sign" when one phrase says it alone.
    """
    shown = sorted(reading.matched, key=lambda m: -m.weight)[:limit]
    groups: dict[str, list] = {}
    for match in shown:
        groups.setdefault(match.kind, []).append(match)
    ordered = sorted(groups.items(), key=lambda kv: -sum(m.weight for m in kv[1]))
    parts = []
    for kind, found in ordered:
        strength = "clear" if max(m.weight for m in found) >= CLEAR_SIGN else "hint"
        words = ", ".join(tr("react.quoted", lang, words=m.words) for m in found)
        parts.append(
            tr(
                "react.match",
                lang,
                kind=tr(f"react.kind.{kind}", lang),
                strength=tr(f"react.strength.{strength}", lang),
                words=words,
            )
        )
    return " · ".join(parts) or tr("react.no_match", lang)


def next_text(reading: Reading, ladder, lang: str) -> str:
    """The step the reply opens or calls for, when it opens, and the letter that answers it."""
    follow = reading.next
    parts = [step_title(ladder, follow.step, lang)]
    if follow.opens_on and follow.status in ("open", "waiting"):
        key = "react.opens_on" if follow.status == "waiting" else "react.open_since"
        parts.append(tr(key, lang, day=i18n.format_date(follow.opens_on, lang)))
    if follow.letter:
        letter = tr("react.letter", lang, kind=tr(f"react.letter_kind.{follow.letter}", lang))
        if follow.wants:
            letter += " " + tr(f"react.wants.{follow.wants}", lang)
        parts.append(letter)
    return " — ".join(parts)


def lines(reading: Reading, ladder, lang: str) -> list[tuple[str, str]]:
    """Label and value for each fact of the reading, in ``lang``."""
    rows = [
        (tr("react.label.language", lang), tr(f"react.language.{reading.language}", lang)),
        (
            tr("react.label.kind", lang),
            f"{tr(f'react.kind.{reading.kind}', lang)} — {tr(f'react.means.{reading.kind}', lang)}",
        ),
        (tr("react.label.matched", lang), matched_words(reading, lang)),
    ]
    if reading.promise_text:
        due = (
            tr("react.due", lang, day=i18n.format_date(reading.due, lang))
            if reading.due
            else tr("react.no_due", lang)
        )
        promise = tr("react.promise_line", lang, text=reading.promise_text, due=due)
        rows.append((tr("react.label.promise", lang), promise))
    rows.append((tr("react.label.next", lang), next_text(reading, ladder, lang)))
    advice = f"react.advice.{reading.kind}"
    if reading.kind == "deflection" and reading.written_request_before:
        advice = "react.advice.deflection_after_written"
    rows.append((tr("react.label.advice", lang), tr(advice, lang)))
    event = reading.event
    logged = [
        i18n.format_date(event.at.value, lang),
        tr(f"channel.{event.channel.value}", lang),
        tr(f"direction.{event.direction.value}", lang),
    ]
    if event.counterpart:
        logged.append(event.counterpart)
    if event.reference:
        logged.append(tr("react.ref", lang, ref=event.reference))
    if event.step:
        logged.append(tr("react.step", lang, step=step_title(ladder, event.step, lang)))
    rows.append((tr("react.label.event", lang), ", ".join(logged)))
    return rows
