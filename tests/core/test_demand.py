"""The demand of a letter: what the case wants, the sums computed, the grounds that serve."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from plainte.core.demand import build_demand
from plainte.core.letter_facts import still_unanswered
from plainte.core.model import Want
from plainte.core.sagafile import read_saga

SAGAS = Path(__file__).resolve().parents[1] / "fixtures" / "sagas"
TODAY = date(2026, 10, 5)


def _saga(name: str):
    return read_saga(SAGAS / f"{name}.json").cases[0]


def test_defaults_from_the_problem_with_the_sums_shown():
    uk = _saga("uk-broadband")
    demand = build_demand(uk, "formal-notice", TODAY, "en", "en_GB")
    # the service is back (to 28 September): nothing to repair, a refund and compensation
    assert [a.kind for a in demand.asks] == ["refund", "compensation"]
    assert demand.asks[0].claims[0].formula == "£35.00 × 21/30 = £24.50"
    assert demand.asks[1].claims[0].formula == "19 × £10.34 = £196.46"
    assert demand.total_text == "£220.96"
    assert demand.days == 14 and not demand.from_receipt  # the letter before claim's 14 days
    assert "8%" in demand.interest


def test_a_sum_the_person_sets_replaces_the_computed_one():
    uk = _saga("uk-broadband")
    uk.wants = [Want("compensation", amount=150.0), Want("written_answer")]
    demand = build_demand(uk, "complaint", TODAY, "en", "en_GB")
    assert [a.kind for a in demand.asks] == ["compensation", "written_answer"]
    assert demand.asks[0].claims == [] and demand.total_text == "£150.00"
    assert demand.days == 30


def test_a_cancellation_claims_the_fee_free_exit_and_asks_nothing_for_staying():
    ontario = _saga("ontario-mobile")
    demand = build_demand(ontario, "cancellation", TODAY, "en", "en_CA")
    assert [a.kind for a in demand.asks] == ["termination_without_fees", "refund"]
    assert demand.exit_without_fees
    ids = [g["id"] for g in demand.grounds]
    assert "wireless-fee-ban" in ids  # a fee rule serves the cancellation…
    complaint = build_demand(ontario, "complaint", TODAY, "en", "en_CA")
    assert "wireless-fee-ban" not in [g["id"] for g in complaint.grounds]  # …not a complaint


def test_belgian_statutory_compensation_in_french():
    be = _saga("belgium-internet")
    demand = build_demand(be, "formal-notice", TODAY, "fr", "fr_BE")
    formulas = [c.formula for c in demand.claims]
    assert "39,99\u00a0€ × 22/30 = 29,33\u00a0€" in formulas
    assert demand.from_receipt and demand.days == 15
    assert any("113/2" in g["text"] for g in demand.grounds)


def test_written_contacts_with_no_reply_after_them_are_still_unanswered():
    uk = _saga("uk-broadband")
    unanswered = still_unanswered(uk.events)
    assert [e.id for e in unanswered] == ["u6"]  # u4 was acknowledged on 15 September
