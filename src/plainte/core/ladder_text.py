"""The ladder as a person reads it: a table in the case's language and the next action."""

from __future__ import annotations

from datetime import date

from plainte.core.i18n import format_date, tr
from plainte.core.ladder import LadderState, StepState
from plainte.core.promises import ledger


def _day(day: date | None, lang: str) -> str:
    return format_date(day, lang) if day else "—"


def next_action(state: LadderState, lang: str) -> str:
    """One sentence: the next step of the main sequence and its dates."""
    if state.ended_on is not None:
        how = tr(f"ladder.ended_as.{state.ended_as}", lang)
        return tr("ladder.ended", lang, day=_day(state.ended_on, lang), how=how)
    step = state.next_step()
    if step is None:
        if all(s.status == "done" for s in state.steps if not s.step.parallel):
            return tr("ladder.all_done", lang)
        return tr("ladder.nothing_open", lang)
    title = step.step.title[lang]
    if step.opens_on is None:  # open once the provider answers
        sentence = tr("ladder.waiting_answer", lang, step=title) + "."
        return sentence + (" " + tr("ladder.because", lang, why=step.why[lang]) if step.why else "")
    since = step.opens_on <= state.today if step.opens_on else True
    key = "ladder.next_open" if since else "ladder.next_waiting"
    sentence = tr(key, lang, step=title, opens=_day(step.opens_on, lang))
    if step.deadline and step.deadline_soft:
        sentence += tr("ladder.may_refuse_after", lang, deadline=_day(step.deadline, lang))
    elif step.deadline:
        sentence += tr("ladder.until", lang, deadline=_day(step.deadline, lang))
    sentence += "."
    if step.why:
        sentence += " " + tr("ladder.because", lang, why=step.why[lang])
    return sentence


def review_note(state: LadderState, lang: str) -> str:
    """When the rules were last checked; past a year, whom to check with."""
    ladder = state.ladder
    if ladder.reviewed is None:
        return ""
    day = _day(ladder.reviewed, lang)
    if state.stale and ladder.check_with:
        return tr("ladder.stale", lang, day=day, who=ladder.check_with[lang])
    return tr("ladder.reviewed", lang, day=day)


def _deadline(state: StepState, lang: str) -> str:
    """The deadline cell: a date, or for a soft one the date past which refusal is possible."""
    if state.deadline and state.deadline_soft:
        return tr("ladder.soft_deadline", lang, deadline=_day(state.deadline, lang))
    return _day(state.deadline, lang)


def _status(state: StepState, lang: str) -> str:
    return tr(f"ladder.status.{state.shown}", lang)


def render(state: LadderState, case, lang: str) -> str:
    """The whole ladder as text: steps, parallel reports, broken promises, the way out."""
    lines = [
        f"{state.ladder.title[lang]} — {tr('ladder.as_of', lang, day=_day(state.today, lang))}",
        "",
        next_action(state, lang),
        "",
    ]
    notes = [review_note(state, lang)]
    if state.judged_on != state.today:
        notes.append(tr("ladder.judged_on", lang, day=_day(state.judged_on, lang)))
    lines[1:1] = [n for n in notes if n]
    head = [tr(f"ladder.col.{c}", lang) for c in ("step", "status", "opens", "done", "deadline")]

    def table(states: list[StepState]) -> list[str]:
        rows = [head] + [
            [
                s.step.title[lang],
                _status(s, lang),
                _day(s.opens_on, lang),
                _day(s.done_on, lang),
                _deadline(s, lang),
            ]
            for s in states
        ]
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        return ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]

    main = [s for s in state.steps if not s.step.parallel]
    side = [s for s in state.steps if s.step.parallel]
    lines += table(main)
    if side:
        lines += ["", tr("ladder.parallel", lang), *table(side)]
    checks = [s for s in state.steps if s.step.check]
    if checks:
        lines += ["", tr("ladder.to_check", lang)]
        lines += [
            f"- {s.step.title[lang]} : {s.step.check[lang]}"
            if lang == "fr"
            else f"- {s.step.title[lang]}: {s.step.check[lang]}"
            for s in checks
        ]
    broken = [e for e in ledger(case, state.today) if e.is_broken]
    if broken:
        lines += ["", tr("ladder.broken_promises", lang)]
        for entry in broken:
            due = entry.promise.due.day if entry.promise.due else None
            who = f" ({entry.who})" if entry.who else ""
            lines.append(
                f"- {entry.promise.text}{who} — "
                + tr(
                    "ladder.promised_on",
                    lang,
                    day=_day(entry.event.at.day, lang),
                    due=_day(due, lang),
                )
            )
    switching = state.switching
    if switching:
        lines += ["", tr("ladder.way_out", lang)]
        for key in ("porting_code", "duration", "old_contract", "compensation", "fees", "quebec"):
            if key in switching:
                lines.append(f"- {switching[key]['text'][lang]}")
        for item in switching.get("checklist", []):
            lines.append(f"- [ ] {item['text'][lang]}")
    return "\n".join(lines)
