"""The words of the saga card (drawn by the GUI): true figures, no private data."""

from __future__ import annotations

from datetime import date

from plainte.core.i18n import tr
from plainte.core.model import Case
from plainte.core.redact import redact
from plainte.core.stats import compute


def card_lines(case: Case, today: date, lang: str) -> dict[str, str]:
    """Every text the card shows, keyed by its place; empty figures are left out."""
    stats = compute(case, today)
    lines = {
        "provider": case.provider_handle or case.provider,
        "title": redact(case.title, case),
        "days": tr("report.card_days", lang, days=stats.days).capitalize(),
        "contacts": tr(
            "report.card_contacts",
            lang,
            count=stats.contacts_out + stats.contacts_in,
            unanswered=stats.unanswered,
        ),
        "calls": tr("report.card_calls", lang, count=stats.calls_without_message)
        if stats.calls_without_message
        else "",
        "wait": tr("report.card_wait", lang, minutes=stats.wait_minutes)
        if stats.wait_minutes
        else "",
        "broken": tr(
            "report.card_broken", lang, broken=stats.promises_broken, promises=stats.promises
        )
        if stats.promises
        else "",
        "footer": tr("report.card_footer", lang),
    }
    return {key: redact(value, case) for key, value in lines.items()}
