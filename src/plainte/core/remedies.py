"""Remedies as data: what a letter may cite, ask for and compute, per jurisdiction.

The law lives in ``remedies/<jurisdiction>.yaml`` (``remedies_data`` reads and
checks it); this module answers, for a case, the questions a letter asks. Every
answer carries its ``status`` (``official`` or ``third-party``) and its
``sources``; what the data marks ``unverified`` is never returned as law, only
as a "check with …" text from :func:`checks`. Dated items apply on the day that
matters (``core/dated.py``): grounds on the day the case is judged, a
compensation rate on the day the harm ended, interest rates day by day.

The API (all Qt-free, no I/O but reading the shipped data once):

- ``grounds(case, on_date) -> list[Ground]``: the grounds to cite for the case's
  ``problem`` (and sector) in its jurisdiction, each with ``cite`` (the
  reference, a noun phrase in each language), ``gives`` (what it gives),
  ``status`` and ``sources``. A case without ``problem`` gets none.
- ``compensation(case, today, locale) -> list[Amount]``: the amounts the case's
  figures (``monthly_price``, ``service_down``) let us compute, each with its
  ``formula`` written in ``locale`` ("39,99 € × 22/30 = 29,33 €"), plus legal
  interest once a formal notice was sent (an event with ``step: formal_notice``).
- ``rules(case, today) -> list[Rule]``: every compensation rule for the problem,
  computed or not (e.g. "24 × the monthly price for a lost number").
- ``notice_form(case) -> NoticeForm``: the formal notice's name, how it is sent,
  the usual deadline (counted from receipt or not) and what it must contain.
- ``referral_form(case, today, locale) -> ReferralForm``: the ombudsman's
  channels (online form, post address), admissibility, what it asks for, and
  the online form's fields filled from the case where the facts give them.
- ``checks(case, today) -> list[Text]``: what is unverified, as "check with …".

``Text`` is ``{"fr": …, "en": …}``. Amounts are rounded half up to the cent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from plainte.core import dated, i18n
from plainte.core.model import Case
from plainte.core.remedies_data import RemediesFile, Source, for_jurisdiction

Text = dict[str, str]


@dataclass
class Ground:
    """A legal ground to cite: ``cite`` names it, ``gives`` says what it gives."""

    id: str
    cite: Text
    gives: Text
    status: str
    sources: list[Source]


@dataclass
class Rule:
    """A compensation rule, e.g. "monthly price × days without service ÷ 30"."""

    id: str
    title: Text
    rule: Text
    status: str
    sources: list[Source]
    condition: Text | None = None


@dataclass
class Amount:
    """A sum the case's figures give, with the calculation written out."""

    id: str
    title: Text
    amount: float
    currency: str
    formula: str
    rule: Text
    status: str
    sources: list[Source]
    condition: Text | None = None


@dataclass
class Requirement:
    """A requirement of form or admissibility, with its status and sources."""

    text: Text
    status: str
    sources: list[Source]


@dataclass
class NoticeForm:
    """How a formal notice is made where the case is."""

    name: Text | None = None
    delivery: Text | None = None
    deadline_days: int | None = None
    deadline_from_receipt: bool = False
    deadline_status: str | None = None
    requirements: list[Requirement] = field(default_factory=list)
    interest: Text | None = None


@dataclass
class Channel:
    """A way to refer a case: ``online`` (with ``url``) or ``post`` (with ``address``)…"""

    kind: str
    url: str | None
    address: str | None
    status: str
    sources: list[Source]


@dataclass
class FormField:
    """A field of the body's online form; ``value`` is None when the case does not say."""

    id: str
    label: Text
    value: str | None


@dataclass
class ReferralForm:
    """How the ombudsman or ADR body takes a case."""

    body: Text | None = None
    channels: list[Channel] = field(default_factory=list)
    admissibility: list[Requirement] = field(default_factory=list)
    asks_for: list[Requirement] = field(default_factory=list)
    fields: list[FormField] = field(default_factory=list)


def data_for(case: Case) -> RemediesFile | None:
    """The remedies data of the case's jurisdiction (None when there is none)."""
    return for_jurisdiction(case.country)


def _is_law(item: dict[str, Any]) -> bool:
    return item.get("status") in ("official", "third-party")


def _applies(item: dict[str, Any], case: Case, day: date) -> bool:
    if case.problem not in (item.get("problems") or []):
        return False
    if item.get("sectors") and case.sector not in item["sectors"]:
        return False
    wanted = item.get("requires_want")
    if wanted and wanted not in {w.kind for w in case.wants}:
        return False
    where = item.get("address_matches")  # a state's rule: only for an address in it
    if where and not re.search(where, case.customer.address or ""):
        return False
    return dated.in_force(item, day)


def grounds(case: Case, on_date: date) -> list[Ground]:
    """The grounds to cite for the case's problem, in force on ``on_date``."""
    data = data_for(case)
    if data is None:
        return []
    day = dated.judged_on(case, on_date)
    return [
        Ground(g["id"], g["cite"], g["gives"], g["status"], g["source_list"])
        for g in data.grounds
        if _is_law(g) and _applies(g, case, day)
    ]


def rules(case: Case, today: date) -> list[Rule]:
    """Every compensation rule for the case's problem, whether its figures allow a sum or not."""
    data = data_for(case)
    if data is None:
        return []
    day = dated.judged_on(case, today)
    return [
        Rule(c["id"], c["title"], c["rule"], c["status"], c["source_list"], c.get("condition"))
        for c in data.compensation
        if _is_law(c) and _applies(c, case, day)
    ]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _money(value: Decimal, currency: str, locale: str) -> str:
    return i18n.format_money(float(value), currency, locale)


def _percent(percent: Decimal, locale: str) -> str:
    """A rate as the locale writes it: "6,67 %" (fr), "6.67%" (en)."""
    from babel.numbers import format_percent

    return format_percent(float(percent) / 100, locale=locale, decimal_quantization=False)


def _add_working_days(day: date, count: int) -> date:
    """``day`` plus ``count`` working days (Monday to Friday; public holidays not known)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _compute(item: dict, case: Case, today: date, locale: str) -> Amount | None:
    """The amount a rule gives for the case, or None when its figures are missing."""
    compute = item.get("compute") or {}
    method = compute.get("method")
    price = case.monthly_price
    end_day = dated.judged_on(case, today)
    if method in ("share_per_day", "monthly_multiple") and price is None:
        return None
    if method == "share_per_day":
        days = case.days_down(today)
        if not days:
            return None
        divisor = int(compute["divisor"])
        monthly = Decimal(str(price.amount))
        value = _cents(monthly * days / divisor)
        formula = (
            f"{_money(monthly, price.currency, locale)} × {days}/{divisor}"
            f" = {_money(value, price.currency, locale)}"
        )
        currency = price.currency
    elif method == "monthly_multiple":
        monthly = Decimal(str(price.amount))
        value = _cents(monthly * int(compute["multiple"]))
        formula = (
            f"{compute['multiple']} × {_money(monthly, price.currency, locale)}"
            f" = {_money(value, price.currency, locale)}"
        )
        currency = price.currency
    elif method == "flat_per_day":
        days, rate = 0, None
        for period in case.service_down:
            end = min(period.end.day if period.end else end_day, end_day)
            start = _add_working_days(period.start.day, int(compute.get("grace_working_days", 0)))
            in_force = dated.on(compute.get("rates") or [], end)
            if end > start and in_force and _is_law(in_force[-1]):
                days += (end - start).days
                rate = in_force[-1]
        if not days or rate is None:
            return None
        each = Decimal(str(rate["amount"]))
        currency = rate.get("currency") or compute.get("currency") or "EUR"
        value = _cents(each * days)
        formula = f"{days} × {_money(each, currency, locale)} = {_money(value, currency, locale)}"
    else:
        return None
    return Amount(
        item["id"],
        item["title"],
        float(value),
        currency,
        formula,
        item["rule"],
        item["status"],
        item["source_list"],
        item.get("condition"),
    )


def compensation(case: Case, today: date, locale: str | None = None) -> list[Amount]:
    """The sums the case's figures give, each with its formula in ``locale``, then interest."""
    data = data_for(case)
    if data is None:
        return []
    locale = i18n.resolve_locale(locale or case.language)
    day = dated.judged_on(case, today)
    amounts = [
        amount
        for item in data.compensation
        if _is_law(item) and _applies(item, case, day)
        if (amount := _compute(item, case, today, locale)) is not None
    ]
    interest = _interest(data, case, amounts, today, locale)
    return amounts + ([interest] if interest else [])


_notice_days: dict[tuple, tuple[list, date | None]] = {}
"""The formal notice's day of the last case versions read: a letter asks for it several times."""


def _notice_day(case: Case, today: date) -> date | None:
    """The day of the first formal notice sent by ``today`` (a case is treated as a value)."""
    events = case.events
    key = (id(events), len(events), events[-1].id if events else None, today)
    kept = _notice_days.get(key)
    if kept is not None and kept[0] is events:
        return kept[1]
    day = next((e.at.day for e in events if e.step == "formal_notice" and e.at.day <= today), None)
    if len(_notice_days) >= 8:
        _notice_days.pop(next(iter(_notice_days)))
    _notice_days[key] = (events, day)  # the list is held so that its id() is not reused
    return day


def _interest(
    data: RemediesFile, case: Case, amounts: list[Amount], today: date, locale: str
) -> Amount | None:
    """Legal interest on the sums claimed, from the formal notice to ``today``."""
    since = _notice_day(case, today)
    rates = (data.interest or {}).get("rates") or []
    claimed = [w.amount for w in case.wants if w.amount] or [a.amount for a in amounts]
    if since is None or not claimed or not rates:
        return None
    principal = Decimal(str(sum(claimed)))
    currency = case.monthly_price.currency if case.monthly_price else data.currency
    total, parts = Decimal(0), []
    for rate in rates:
        if not _is_law(rate):
            continue
        start = max(since, rate.get("from") or since)
        end = min(today, rate.get("until") or today)
        days = (end - start).days
        if days <= 0:
            continue
        percent = Decimal(str(rate["rate"]))
        total += principal * percent / 100 * days / 365
        shown = _percent(percent, locale)
        parts.append(f"{_money(principal, currency, locale)} × {shown} × {days}/365")
    if not parts:
        return None
    value = _cents(total)
    return Amount(
        "legal-interest",
        data.interest["text"],
        float(value),
        currency,
        " + ".join(parts) + f" = {_money(value, currency, locale)}",
        data.interest["text"],
        "official",
        data.interest["source_list"] + [s for r in rates for s in r["source_list"]],
    )


def _requirements(items: list[dict]) -> list[Requirement]:
    return [Requirement(i["text"], i["status"], i["source_list"]) for i in items if _is_law(i)]


def notice_form(case: Case) -> NoticeForm:
    """The form of a formal notice in the case's jurisdiction."""
    data = data_for(case)
    if data is None or not data.notice:
        return NoticeForm()
    notice = data.notice
    deadline = notice.get("deadline") or {}
    lawful = _is_law(deadline) if deadline else False
    return NoticeForm(
        name=notice.get("name"),
        delivery=notice.get("delivery"),
        deadline_days=deadline.get("days") if lawful else None,
        deadline_from_receipt=bool(deadline.get("from_receipt")) if lawful else False,
        deadline_status=deadline.get("status") if lawful else None,
        requirements=_requirements(notice.get("requirements") or []),
        interest=(data.interest or {}).get("text"),
    )


def referral_form(case: Case, today: date, locale: str | None = None) -> ReferralForm:
    """How the case's ombudsman takes a referral, with the form's fields filled from the case."""
    from plainte.core.remedies_facts import fact_values

    data = data_for(case)
    if data is None or not data.referral:
        return ReferralForm()
    referral = data.referral
    locale = i18n.resolve_locale(locale or case.language)
    values = fact_values(case, today, locale, compensation(case, today, locale))
    return ReferralForm(
        body=referral.get("body"),
        channels=[
            Channel(c["kind"], c.get("url"), c.get("address"), c["status"], c["source_list"])
            for c in referral.get("channels") or []
            if _is_law(c)
        ],
        admissibility=_requirements(referral.get("admissibility") or []),
        asks_for=_requirements(referral.get("asks_for") or []),
        fields=[
            FormField(f["id"], f["label"], values.get(f["fact"]))
            for f in referral.get("fields") or []
        ],
    )


def checks(case: Case, today: date) -> list[Text]:
    """What the data leaves unverified for this case, each as "… : check with …"."""
    data = data_for(case)
    if data is None:
        return []
    day = dated.judged_on(case, today)
    found: list[Text] = []
    for item in data.grounds + data.compensation:
        if item.get("status") == "unverified" and _applies(item, case, day):
            found.append(item["check"])
    notice, referral = data.notice or {}, data.referral or {}
    for item in (notice.get("requirements") or []) + (referral.get("admissibility") or []):
        if item.get("status") == "unverified":
            found.append(item["check"])
    interest = data.interest or {}
    known_until = max(
        (r.get("until") or date.max for r in interest.get("rates") or []), default=None
    )
    if interest.get("check") and _notice_day(case, today) and known_until and today > known_until:
        found.append(interest["check"])
    who = data.check_with
    return [
        {
            "fr": f"{text['fr']} : vérifiez {who['fr']}.",
            "en": f"{text['en']}: check with {who['en']}.",
        }
        for text in found
    ]
