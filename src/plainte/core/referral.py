"""The ombudsman's online form, field by field, ready to paste.

Bodies that take cases online (the French mediator, the CCTS, the UK schemes,
the FCC) ask for the same facts as the letter, in their own fields. The fields
come from the remedies data; their values from the case, with the dispute told
as the letter tells it and the demand with its sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plainte.core import i18n
from plainte.core.demand import build_demand
from plainte.core.letterform import letter_form
from plainte.core.model import Case

DESCRIPTION_FACTS = frozenset({"title"})
"""Fields that describe the dispute: written from the record, not the bare title."""

WANT_FACTS = frozenset({"wants"})
"""Fields that say what the person asks for: the demand, with its sums."""


@dataclass
class Field:
    """One field of the body's form: its label and the text to paste (None: to fill in)."""

    label: str
    value: str | None


@dataclass
class Referral:
    """How the body takes the case, and the form's fields."""

    body: str
    online: list[str]
    post: list[str]
    fields: list[Field]


def referral(case: Case, today: date, lang: str, summary: str = "") -> Referral | None:
    """The body's form for ``case`` in ``lang`` (None when the data names no form).

    Args:
        summary: the dispute told in a few sentences (the letter's facts), used for
            the field that describes it; the case's problem in words otherwise.
    """
    from plainte.core import remedies

    form = letter_form(case.country, lang)
    data = remedies.data_for(case)
    found = remedies.referral_form(case, today, form.locale)
    if data is None or not found.fields:
        return None
    demand = build_demand(case, "ombudsman", today, lang, form.locale)
    facts = {f["id"]: f.get("fact") for f in (data.referral or {}).get("fields") or []}
    asks = []
    for ask in demand.asks:
        if ask.claims:  # the sum speaks for itself: its label and calculation
            asks += [f"{c.label}: {c.formula}" for c in ask.claims]
            continue
        words = i18n.tr(f"remedies.want.{ask.kind}", lang)
        detail = ask.text or ask.amount_text
        asks.append(f"{words}: {detail}" if detail else words)
    fields = []
    for item in found.fields:
        value = item.value
        if facts.get(item.id) in DESCRIPTION_FACTS:
            value = summary or form.word(f"problem_{case.problem or 'other'}")
        elif facts.get(item.id) in WANT_FACTS and asks:
            value = "\n".join(f"- {a}" for a in asks)
        fields.append(Field(item.label[lang], value))
    return Referral(
        body=found.body[lang] if found.body else form.word("ombudsman_name"),
        online=[c.url for c in found.channels if c.kind == "online" and c.url],
        post=[c.address for c in found.channels if c.kind == "post" and c.address],
        fields=fields,
    )


def referral_text(found: Referral, lang: str) -> str:
    """The form as plain text: where to file it, then each field and its value."""
    lines = [found.body]
    for url in found.online:
        lines.append(i18n.tr("referral.online", lang, url=url))
    for address in found.post:
        lines.append(i18n.tr("referral.post", lang, address=address))
    lines.append("")
    for item in found.fields:
        lines.append(f"[{item.label}]")
        lines.append(item.value if item.value else i18n.tr("referral.missing", lang))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def letter_summary(text: str, salutation: str) -> str:
    """The dispute as the ombudsman letter tells it: the paragraph after its salutation."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.replace("\u00a0", " ") == salutation.replace("\u00a0", " "):
            return "\n\n".join(paragraphs[index + 1 : index + 2])
    return ""
