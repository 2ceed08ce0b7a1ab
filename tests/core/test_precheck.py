"""The check before writing: stale, relative or false phrases, steps not open, status."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from plainte.core import i18n
from plainte.core.compose import Composer
from plainte.core.errors import PlainteError
from plainte.core.ladder import evaluate, load_ladders
from plainte.core.model import CaseStatus
from plainte.core.precheck import check, other_language_of, stale_phrase
from plainte.core.sagafile import read_saga

from ..conftest import two_starts

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


def _findings(found):
    return [(f.code, f.params, f.event_id, f.serious) for f in found]


def _quoted_in(letter) -> int:
    """How many texts ``letter`` quotes in the other language: each names the language."""
    other = "en" if letter.lang == "fr" else "fr"
    return letter.text.count(i18n.tr(f"letters.in_language.{other}", letter.lang))


@pytest.mark.parametrize("name", ["uk-broadband", "belgium-internet", "ontario-mobile"])
def test_kept_work_finds_what_a_fresh_check_finds(ladders, name):
    case = _saga(name)
    case.title = "No service for two weeks, since Saturday; rendez-vous mardi 14 septembre 2026"
    case.notes = "Depuis un mois, plus rien : ils ont promis de passer mardi prochain."
    composer = Composer(ladders)
    for today in (case.events[0].at.day, case.events[-1].at.day, date(2026, 12, 31)):
        state = evaluate(ladders.for_case(case), case, today)
        for kind in ("complaint", "formal-notice", "ombudsman", "cancellation", "call-recap"):
            for lang in ("fr", "en"):
                try:
                    kept = composer.compose(case, kind, today, lang=lang)
                except PlainteError:  # no call yet to recap on that day
                    assert kind == "call-recap"
                    continue
                fresh = check(
                    case, kind, today, lang, state, kept.event_id, quoted=_quoted_in(kept)
                )
                assert _findings(kept.findings) == _findings(fresh)
    codes = {f.code for f in fresh}
    assert {"stale", "relative_date", "weekday"} <= codes  # the planted phrases are found


def test_the_texts_in_the_other_language_are_those_the_letter_quotes(ladders):
    """Three of the case's English texts are in the French letter, each named as English."""
    case = _saga("uk-broadband")
    case.title = "No service for two weeks, since Saturday"
    letter = Composer(ladders).compose(case, "complaint", case.events[0].at.day, lang="fr")
    assert letter.text.count("en anglais") == 3  # the title, the call, the promise
    found = {f.code: f for f in letter.findings}
    assert found["other_language"].message("fr").startswith("3 textes cités sont en anglais")


def _long_case(events: int):
    """A generated case of ``events`` short contacts, every 1,000th and the last a long
    English text (the last one, an e-mail, is in every letter's chronology)."""
    from plainte.core.sagafile import parse_saga

    long = "The engineer said on the phone that the line would be repaired within a week."
    rows = [
        {
            "id": f"e{i}",
            "at": f"{2020 + i // 4000}-{1 + i // 334 % 12:02d}-{1 + i % 28:02d}T10:00:00Z"
            if i < events - 1
            else "2025-06-01T10:00:00Z",  # the last, so in every letter's chronology
            "channel": ("phone", "email", "chat")[i % 3],
            "direction": "out" if i % 3 else "in",
            "summary": long
            if i % 1000 == 7 or i == events - 1
            else f"Appel numéro {i}, sans suite.",
        }
        for i in range(events)
    ]
    saga = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "long",
                "title": "Plus de ligne depuis samedi",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "language": "fr",
                "events": rows,
            }
        ],
    }
    return parse_saga(json.dumps(saga).encode()).cases[0]


def test_a_second_letter_does_not_read_every_event_again(ladders, monkeypatch):
    from plainte.core import event_text, precheck

    case = _long_case(20_000)
    calls = {"summary": 0, "detect": 0}
    summary, detect = event_text.summary, precheck.detect_text

    def counted_summary(*args, **kw):
        calls["summary"] += 1
        return summary(*args, **kw)

    def counted_detect(text):
        calls["detect"] += 1
        return detect(text)

    monkeypatch.setattr(event_text, "summary", counted_summary)
    monkeypatch.setattr(precheck, "detect_text", counted_detect)
    composer = Composer(ladders)
    today = date(2026, 11, 22)
    first = composer.compose(case, "complaint", today, lang="fr")
    assert calls["summary"] >= 20_000  # the first letter reads every text once
    # but judges the language only of what it quotes: its bounded chronology, its promises
    assert calls["detect"] <= 100
    found = {f.code: f for f in first.findings}
    assert found["other_language"].params["count"].startswith(f"{_quoted_in(first)} ")
    assert _quoted_in(first) >= 1
    for kind in ("complaint", "formal-notice", "cancellation", "call-recap"):
        calls.update(summary=0, detect=0)
        again = composer.compose(case, kind, today, lang="fr")
        # only what the letter itself quotes: its bounded chronology and the call
        assert calls["summary"] <= 50, kind
        assert calls["detect"] <= 50, kind
        state = evaluate(ladders.for_case(case), case, today)
        fresh = check(case, kind, today, "fr", state, again.event_id, quoted=_quoted_in(again))
        assert _findings(again.findings) == _findings(fresh)


def test_day_and_month_names_are_kept_between_runs_without_babel(tmp_path):
    """The names the check looks for are CLDR's, read from Babel once and then kept."""
    code = (
        "import sys\n"
        "from plainte.core import precheck\n"
        "print(precheck._weekdays('fr')[0], precheck._months('en')[11], 'babel' in sys.modules)\n"
    )
    runs = two_starts(code, tmp_path)
    assert [r.stdout.strip() for r in runs] == ["lundi December True", "lundi December False"], [
        r.stderr for r in runs
    ]
