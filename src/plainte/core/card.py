"""The words of the saga card (drawn by the GUI): the case's contrasts, no private data.

The card goes out with a public post, so it follows the same rule: figures and
neutral words only, never the person's free text (the case title is left out).
"""

from __future__ import annotations

from datetime import date

from plainte.core import i18n
from plainte.core.figures import compute as compute_figures
from plainte.core.i18n import tr
from plainte.core.model import Case
from plainte.core.posts import highlights, phrases
from plainte.core.redact import Redactor
from plainte.core.stats import compute

MAX_FIGURES = 4
"""The card has room for this many figure lines."""


def card_lines(case: Case, today: date, lang: str) -> dict[str, str]:
    """Every text the card shows, keyed by its place; figure lines are ``fig:<key>``.

    ``title`` is the strongest contrast in words; the figure lines follow the
    contrasts' ranking (:func:`plainte.core.posts.highlights`).
    """
    stats = compute(case, today)
    fig = compute_figures(case, today)
    lead = phrases(fig, lang)["lead"]
    lines = {
        "provider": case.provider,
        "title": lead[:1].upper() + lead[1:],
        # counted from the first contact, as the posts count it
        "days": tr("report.card_days", lang, days=i18n.format_number(fig.days, lang)).capitalize(),
    }
    shown = [h for h in highlights(fig, lang) if h.sentence != lead]
    for item in shown[:MAX_FIGURES]:
        lines[f"fig:{item.key}"] = item.sentence
    if len(lines) == 3:
        lines["fig:contacts"] = tr(
            "report.card_contacts",
            lang,
            contacts=i18n.trn("plural.contacts", stats.contacts_out + stats.contacts_in, lang),
            unanswered=i18n.trn("plural.unanswered", stats.unanswered, lang),
        )
    lines["footer"] = tr("report.card_footer", lang)
    if lang == "fr":
        lines = {key: i18n.french_typography(value) for key, value in lines.items()}
    clean = Redactor(case)
    return {key: clean(value) for key, value in lines.items()}
