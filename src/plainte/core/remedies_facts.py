"""The facts of a case a referral form asks for, written out in a locale.

The remedies data names a fact for each field of a body's online form
(``remedies_data.FACTS``); this module says what each one is for a case, or
None when the case does not say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from plainte.core import i18n
from plainte.core.model import Case

STEP_FACTS = {
    "first_contact_on": "first_contact",
    "written_complaint_on": "written_complaint",
    "second_level_on": "second_level",
    "adr_letter_on": "adr_letter",
}


def _steps_done(case: Case, today: date) -> dict[str, date]:
    from plainte.core.ladder import evaluate, load_ladders

    state = evaluate(load_ladders().for_case(case), case, today)
    # a step the events only suggest still fills a form the person reviews before sending
    return {s.step.id: s.taken_on for s in state.steps if s.taken_on}


def want_text(case: Case, locale: str) -> str | None:
    """What the person asks for, in order, in the locale's language."""
    if not case.wants:
        return None
    lang = i18n.language_of(locale)
    currency = case.monthly_price.currency if case.monthly_price else None
    parts = []
    for want in case.wants:
        text = want.text if want.kind == "other" and want.text else None
        text = text or i18n.tr(f"remedies.want.{want.kind}", lang)
        if want.amount is not None and currency:
            text += f" ({i18n.format_money(want.amount, currency, locale)})"
        if want.by is not None:
            text += " " + i18n.tr("remedies.by", lang, day=i18n.format_date(want.by.day, locale))
        parts.append(text)
    return (" ; " if lang == "fr" else "; ").join(parts)


def fact_values(case: Case, today: date, locale: str, amounts: list) -> dict[str, str | None]:
    """Every fact of ``remedies_data.FACTS`` for the case (None where it does not say)."""
    done = _steps_done(case, today)
    customer = case.customer

    def day(step: str) -> str | None:
        return i18n.format_date(done[step], locale) if step in done else None

    sums = [a.amount for a in amounts if a.id != "legal-interest"]
    claimed = sum(w.amount for w in case.wants if w.amount) or sum(sums)
    currency = case.monthly_price.currency if case.monthly_price else None
    makers: dict[str, Callable[[], str | None]] = {
        "provider": lambda: case.provider,
        "account_ref": lambda: case.account_ref,
        "title": lambda: case.title,
        "customer_name": lambda: customer.name,
        "customer_address": lambda: customer.address,
        "customer_email": lambda: customer.email,
        "customer_phone": lambda: customer.phone,
        "days_down": lambda: str(case.days_down(today)) if case.service_down else None,
        "amount_claimed": lambda: (
            i18n.format_money(claimed, currency, locale) if claimed and currency else None
        ),
        "wants": lambda: want_text(case, locale),
    }
    for fact, step in STEP_FACTS.items():
        makers[fact] = lambda step=step: day(step)
    return {fact: make() for fact, make in makers.items()}
