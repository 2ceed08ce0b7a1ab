"""The check before writing: stale, relative or false phrases, steps not open, status."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from plainte.core.compose import Composer
from plainte.core.ladder import evaluate, load_ladders
from plainte.core.model import CaseStatus
from plainte.core.precheck import check, other_language_of, stale_phrase
from plainte.core.sagafile import read_saga

SAGAS = Path(__file__).resolve().parents[1] / "fixtures" / "sagas"


def _saga(name: str):
    return read_saga(SAGAS / f"{name}.json").cases[0]


@pytest.fixture(scope="module")
def ladders():
    return load_ladders()


def _codes(case, kind, today, lang, ladders, **kw):
    state = evaluate(ladders.for_case(case), case, today)
    return {f.code: f for f in check(case, kind, today, lang, state, **kw)}


def test_stale_title_relative_weekday_notes_and_unanswered(ladders):
    uk = _saga("uk-broadband")
    found = _codes(uk, "complaint", date(2026, 10, 5), "en", ladders)
    assert found["stale"].params["phrase"] == "for two weeks"
    assert found["relative_date"].params["phrase"] == "since Saturday"
    assert found["notes"].message("en").startswith("1 note of your own")
    assert "22 September 2026" in found["unanswered"].message("en") or "September 22, 2026" in (
        found["unanswered"].message("en")
    )


def test_a_weekday_that_contradicts_its_date_is_flagged(ladders):
    uk = _saga("uk-broadband")  # "Thursday 10 September": 10 September 2026 is a Thursday
    found = _codes(uk, "complaint", date(2026, 10, 5), "en", ladders)
    assert "weekday" not in found
    uk.events[0].promises[0].text = "Engineer on Friday 10 September"
    uk.events[0].summary = "Engineer booked for Friday 10 September."
    found = _codes(uk, "complaint", date(2026, 10, 5), "en", ladders)
    assert found["weekday"].serious and found["weekday"].params["real"] == "Thursday"


def test_a_step_not_open_says_when_it_opens(ladders):
    uk = _saga("uk-broadband")
    found = _codes(uk, "ombudsman", date(2026, 10, 5), "en", ladders)
    assert found["step_waiting"].serious
    assert found["step_waiting"].params["date"]  # six weeks after the written complaint
    assert "still_need" in found  # the body's checklist goes to the person


def test_resolved_and_switched_cases(ladders):
    be = _saga("belgium-internet")
    be.status = CaseStatus.RESOLVED
    assert _codes(be, "formal-notice", date(2026, 10, 5), "fr", ladders)["status_resolved"].serious
    # a complaint about a settled case would claim it again: warned too
    assert _codes(be, "complaint", date(2026, 10, 5), "fr", ladders)["status_resolved"].serious
    be.status = CaseStatus.SWITCHED
    assert "status_switched" in _codes(be, "complaint", date(2026, 10, 5), "fr", ladders)


def test_cancelling_where_porting_is_the_way(ladders):
    found = _codes(_saga("ontario-mobile"), "cancellation", date(2026, 10, 5), "en", ladders)
    assert "port_dont_cancel" in found


def test_a_late_call_recap_is_flagged_and_says_so(ladders):
    uk = _saga("uk-broadband")
    found = _codes(uk, "call-recap", date(2026, 10, 5), "en", ladders, call_id="u3")
    assert found["late_recap"].params["days"] == 25
    text = Composer(ladders).compose(uk, "call-recap", date(2026, 10, 5), event_id="u3").text
    assert "I am writing down, 25 days later" in text


def test_phrases_and_languages():
    assert stale_phrase("Internet coupé depuis un mois") == "depuis un mois"
    assert stale_phrase("Outage from 2 September") is None
    assert other_language_of("Rogers Twitter", "en") is None  # too short to judge
    assert (
        other_language_of("Le service technique vérifie la configuration réseau de la ligne", "en")
        == "fr"
    )


def test_cli_prints_the_check_on_stderr(run_cli, tmp_path):
    run_cli("import", str(SAGAS / "uk-broadband.json"))
    result = run_cli("letter", "uk-broadband", "--kind", "ombudsman", today="2026-10-05")
    assert result.code == 0
    assert "is not open yet" in result.err and "for two weeks" in result.err
    assert "Dear Sir or Madam" in result.out


def test_the_checklist_and_the_notes_read_as_french_sentences(ladders):
    """No capital after a colon, no plural agreement to get wrong with one note."""
    be = _saga("belgium-internet")
    found = check(
        be,
        "ombudsman",
        date(2026, 11, 23),
        "fr",
        evaluate(ladders.for_case(be), be, date(2026, 11, 23)),
    )
    need = [f.message("fr") for f in found if f.code == "still_need"]
    assert need and not [m for m in need if re.search(r":\s+[A-ZÀ-Ý][a-zà-ÿ]", m)], need
    notes = next(f.message("fr") for f in found if f.code == "notes")
    assert notes.startswith("1 note personnelle") and "comptées" not in notes
