"""The ombudsman's online form, field by field, from the case and the letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from plainte.core.referral import referral, referral_text

SAGAS = Path(__file__).resolve().parents[1] / "fixtures" / "sagas"


def test_uk_scheme_form_fields_ready_to_paste(run_cli):
    run_cli("import", str(SAGAS / "uk-broadband.json"))
    result = run_cli("letter", "uk-broadband", "--kind", "ombudsman", "--form", today="2026-11-20")
    assert result.code == 0
    out = result.out
    assert "Online form: https://www.commsombudsman.org" in out
    assert "[Date complaint first raised]\n14 September 2026" in out
    assert "[Compensation requested]\n£220.96" in out
    assert "- Refund for the days without service: £35.00 × 21/30 = £24.50" in out
    assert "[Details of the dispute]\nI refer to you a dispute with Sky" in out
    assert "— to fill in" in out  # the ADR letter's date: the saga does not say
    assert "Dear Sir or Madam" not in out  # the fields, not the letter


def test_the_form_is_only_for_the_ombudsman(run_cli):
    run_cli("import", str(SAGAS / "uk-broadband.json"))
    result = run_cli("letter", "uk-broadband", "--kind", "complaint", "--form")
    assert result.code == 2 and "--form" in result.err


def test_french_fields_and_the_postal_address(run_cli):
    from plainte.core.sagafile import read_saga

    case = read_saga(SAGAS / "belgium-internet.json").cases[0]
    found = referral(case, date(2026, 10, 5), "fr")
    text = referral_text(found, "fr")
    assert "Boulevard du Roi Albert II 8 boîte 3" in text
    assert "[Numéro de client]\nCLI-4402-118" in text
