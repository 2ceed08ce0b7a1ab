"""Ladders: every jurisdiction dates its steps from the case's events, as of a day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plainte.core.ladder import LadderError, evaluate, load_ladders, read_ladder
from plainte.core.ladder_text import next_action
from plainte.core.model import CaseStatus
from plainte.core.resources import data_folder
from plainte.core.sagafile import parse_saga

BUILTIN = sorted(data_folder("ladders").glob("*.yaml"))


def _case(country: str, events: list[dict], sector: str = "mobile", status: str = "open"):
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "c",
                "title": "Line down",
                "provider": "Op",
                "country": country,
                "sector": sector,
                "language": "en",
                "status": status,
                "events": events,
            }
        ],
    }
    return parse_saga(json.dumps(doc).encode()).cases[0]


def _ev(at: str, channel: str = "email", direction: str = "out", **extra) -> dict:
    return {"at": at, "channel": channel, "direction": direction, **extra}


def _steps(
    country: str, events: list[dict], today: str, sector: str = "mobile", status: str = "open"
):
    case = _case(country, events, sector, status)
    ladder = load_ladders().for_case(case)
    state = evaluate(ladder, case, date.fromisoformat(today))
    return ladder, {s.step.id: s for s in state.steps}, state


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.name)
def test_every_step_cites_sources_that_exist(path: Path):
    ladder = read_ladder(path)
    assert ladder.steps
    for step in ladder.steps:
        assert step.sources, step.id
        assert set(step.sources) <= set(ladder.sources), step.id
    for key, item in ladder.switching.items():
        for entry in item if isinstance(item, list) else [item]:
            assert set(entry.get("sources", [])) <= set(ladder.sources), key
            if key != "checklist":
                assert entry["sources"], key


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.name)
def test_shared_steps_use_the_common_ids(path: Path):
    ids = [s.id for s in read_ladder(path).steps]
    assert ids[0] == "first_contact"
    assert "switch" in ids


@pytest.mark.parametrize(
    ("country", "sector", "ladder_id"),
    [
        ("FR", "internet", "fr-telecom"),
        ("GB", "tv", "gb-telecom"),
        ("BE", "landline", "be-telecom"),
        ("CA", "mobile", "ca-telecom"),
        ("CA-QC", "mobile", "ca-qc-telecom"),
        ("US", "internet", "us-telecom"),
        ("DE", "mobile", "generic"),
        ("FR", "energy", "generic"),
    ],
)
def test_the_ladder_follows_country_and_sector(country, sector, ladder_id):
    ladder, _, _ = _steps(country, [], "2026-01-01", sector)
    assert ladder.id == ladder_id


FR_LETTER = [_ev("2026-04-02T10:00:00", "phone"), _ev("2026-04-10", "registered_letter")]


def test_france_shortcut_two_months_without_any_answer():
    _, before, state = _steps("FR", FR_LETTER, "2026-06-09")
    assert before["written_complaint"].done_on is None  # suggested, not said
    assert before["written_complaint"].suggested_on == date(2026, 4, 10)
    assert before["written_complaint"].shown == "suggested"
    assert before["second_level"].status == "open"
    assert before["second_level"].opens_on == date(2026, 5, 10)
    assert before["ombudsman"].status == "waiting"
    assert before["ombudsman"].opens_on == date(2026, 6, 10)
    assert before["ombudsman"].deadline == date(2027, 4, 10)
    _, after, state = _steps("FR", FR_LETTER, "2026-06-10")
    assert after["ombudsman"].status == "open"
    assert state.next_step().step.id == "second_level"
    _, late, _ = _steps("FR", FR_LETTER, "2027-04-11")
    assert late["ombudsman"].expired


def test_france_an_answer_cancels_the_shortcut_and_opens_the_second_level():
    events = [*FR_LETTER, _ev("2026-05-02", "email", "in", summary="Unhelpful reply")]
    _, steps, _ = _steps("FR", events, "2026-06-20")
    assert steps["second_level"].opens_on == date(2026, 5, 2)
    assert steps["ombudsman"].status == "later"  # the consumer department comes first
    events.append(_ev("2026-05-05", "registered_letter", step="second_level"))
    _, steps, _ = _steps("FR", events, "2026-06-01")
    assert steps["second_level"].status == "done"
    assert steps["ombudsman"].status == "waiting"
    assert steps["ombudsman"].opens_on == date(2026, 6, 5)
    _, steps, _ = _steps("FR", events, "2026-06-05")
    assert steps["ombudsman"].status == "open"


def test_a_missed_call_is_not_an_answer():
    events = [*FR_LETTER, _ev("2026-05-02", "phone", "in", answered=False)]
    _, steps, _ = _steps("FR", events, "2026-06-10")
    assert steps["ombudsman"].opens_on == date(2026, 6, 10)


def test_france_parallel_reports_open_from_the_first_contact():
    _, steps, state = _steps("FR", FR_LETTER[:1], "2026-04-03")
    for report in ("regulator_report", "signalconso", "switch"):
        assert steps[report].step.parallel
        assert steps[report].status == "open"
        assert steps[report].opens_on == date(2026, 4, 2)
    assert state.next_step().step.id == "written_complaint"


GB_COMPLAINT = [_ev("2026-08-03", "email")]


def test_uk_six_weeks_after_a_complaint_made_from_8_april_2026():
    _, steps, _ = _steps("GB", GB_COMPLAINT, "2026-09-13")
    assert steps["ombudsman"].status == "waiting"
    assert steps["ombudsman"].opens_on == date(2026, 9, 14)
    assert steps["adr_letter"].opens_on == date(2026, 9, 14)
    assert steps["ombudsman"].deadline is None  # runs from the deadlock letter only
    assert steps["ombudsman"].why["en"] == "six weeks since the complaint"
    _, steps, _ = _steps("GB", GB_COMPLAINT, "2026-09-14")
    assert steps["ombudsman"].status == "open"


@pytest.mark.parametrize(
    ("complained", "opens"),
    [
        ("2026-03-10", "2026-05-05"),  # March 2026: the old rule, eight weeks
        ("2026-04-07", "2026-06-02"),  # the last day of the old rule
        ("2026-04-08", "2026-05-20"),  # the first day of the new one: six weeks
        ("2026-05-12", "2026-06-23"),  # May 2026: six weeks
    ],
)
def test_uk_wait_is_judged_by_the_rule_in_force_on_the_complaint_day(complained, opens):
    _, steps, _ = _steps("GB", [_ev(complained, "email")], "2026-11-23")
    assert steps["ombudsman"].opens_on == date.fromisoformat(opens)
    assert steps["adr_letter"].opens_on == date.fromisoformat(opens)


def test_uk_an_adr_letter_opens_the_scheme_at_once():
    events = [*GB_COMPLAINT, _ev("2026-09-01", "letter", "in", step="adr_letter")]
    _, steps, _ = _steps("GB", events, "2026-09-02")
    assert steps["adr_letter"].status == "done"
    assert steps["ombudsman"].status == "open"
    assert steps["ombudsman"].opens_on == date(2026, 9, 1)
    assert steps["ombudsman"].deadline == date(2027, 9, 1)


def test_belgium_ombudsman_within_a_year_of_the_complaint():
    _, steps, _ = _steps("BE", [_ev("2026-03-15", "letter")], "2026-03-20")
    assert steps["ombudsman"].status == "open"
    assert steps["ombudsman"].deadline == date(2027, 3, 15)
    assert steps["ombudsman"].deadline_soft  # the ombudsman *may* refuse after a year


def test_belgium_one_year_is_the_ombudsmans_option_not_a_hard_deadline():
    from plainte.core.ladder_text import render

    _, steps, state = _steps("BE", [_ev("2024-03-15", "letter")], "2026-03-20")
    assert steps["ombudsman"].status == "open" and not steps["ombudsman"].expired
    text = render(state, _case("BE", [_ev("2024-03-15", "letter")]), "en")
    assert "after March 15, 2025: may refuse" in text
    assert "deadline passed" not in text
    by_id = {s["id"]: s for s in state.to_json()["steps"]}
    assert by_id["ombudsman"]["deadline_soft"] is True


def test_belgium_outage_compensation_is_cited_from_1_november_2024():
    ladder = load_ladders().for_case(_case("BE", []))
    cited = lambda day: [e["text"]["en"] for e in ladder.legal_on(day)]  # noqa: E731
    assert not any("113/2" in t for t in cited(date(2024, 10, 31)))
    assert any("113/2" in t for t in cited(date(2024, 11, 1)))


def _switched(country: str, on: str):
    case = _case(country, [_ev("2026-01-10", "phone"), _ev(on, "phone", step="switch")])
    case.status = CaseStatus.SWITCHED
    return case


@pytest.mark.parametrize("country", ["CA", "CA-QC"])
def test_canada_wireless_fee_without_subsidy_depends_on_the_cancellation_day(country):
    may = evaluate(
        load_ladders().for_case(_switched(country, "2026-05-20")),
        _switched(country, "2026-05-20"),
        date(2026, 11, 23),
    )
    fees = may.switching["fees"]["text"]["en"]
    assert "the lesser of $50 or 10%" in fees and "no early cancellation fee" not in fees
    july = evaluate(
        load_ladders().for_case(_switched(country, "2026-07-02")),
        _switched(country, "2026-07-02"),
        date(2026, 11, 23),
    )
    fees = july.switching["fees"]["text"]["en"]
    assert "no early cancellation fee at all since 12 June 2026" in fees
    assert "lesser of $50" not in fees


def test_the_2010_rogers_demo_is_judged_by_2010_rules(demo_paths):
    from plainte.core.ladder_text import render
    from plainte.core.sagafile import read_saga

    rogers = next(c for p in demo_paths for c in read_saga(p).cases if c.id == "demo-rogers-2010")
    state = evaluate(load_ladders().for_case(rogers), rogers, date(2026, 11, 23))
    assert state.judged_on == date(2010, 7, 10)
    for lang in ("fr", "en"):
        text = render(state, rogers, lang)
        assert "2026" not in text.replace("2026-11-23", "").split("\n", 3)[-1]
        assert "2026-43" not in text and "12 June" not in text and "12 juin" not in text
        assert "10 %" in text or "10%" in text  # the fee rule of 2010 (Québec's LPC)
        assert "Wireless Code" not in text and "services sans fil" not in text  # 2013
        assert "Internet Code" not in text and "services internet" not in text  # 2020


def test_a_ladder_not_reviewed_for_a_year_says_whom_to_check_with():
    from plainte.core.ladder_text import review_note

    ladder = load_ladders().for_case(_case("FR", []))
    case = _case("FR", [_ev("2026-01-05", "phone")])
    fresh = evaluate(ladder, case, date(2027, 11, 23))
    assert review_note(fresh, "en") == "Rules last checked on November 23, 2026."
    stale = evaluate(ladder, case, date(2027, 11, 24))
    note = review_note(stale, "en")
    assert note.startswith("Rules last checked on November 23, 2026: check with the Médiateur")
    assert "vérifiez auprès du Médiateur" in review_note(stale, "fr")
    assert stale.to_json()["stale"] is True and stale.to_json()["reviewed"] == "2026-11-23"


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.name)
def test_every_ladder_says_when_it_was_reviewed_and_whom_to_ask(path: Path):
    ladder = read_ladder(path)
    assert ladder.reviewed is not None and ladder.check_with is not None
    for entry in ladder.legal:
        assert entry["sources"] and set(entry["sources"]) <= set(ladder.sources)


def test_canada_ccts_opens_on_an_unsatisfying_answer():
    events = [_ev("2026-02-01", "email"), _ev("2026-02-04", "email", "in")]
    _, steps, _ = _steps("CA", events, "2026-02-03")
    assert steps["ombudsman"].status == "waiting"  # for their answer, not "later"
    assert steps["ombudsman"].opens_on is None and steps["ombudsman"].why
    _, steps, _ = _steps("CA", events, "2026-02-05")
    assert steps["ombudsman"].status == "open"
    assert steps["ombudsman"].opens_on == date(2026, 2, 4)


def test_quebec_adds_the_opc_and_the_small_claims_after_a_formal_notice():
    events = [
        _ev("2026-02-01", "phone"),
        _ev("2026-02-10", "registered_letter", step="formal_notice"),
    ]
    ladder, steps, _ = _steps("CA-QC", events, "2026-02-20")
    assert "opc" in steps and steps["opc"].status == "open"
    assert steps["court"].opens_on == date(2026, 2, 10)
    assert "15 000" in ladder.step("court").action["fr"]


def test_us_formal_complaint_after_thirty_days_and_within_six_months():
    events = [_ev("2026-01-05", "phone"), _ev("2026-01-10", "web_form", step="regulator_report")]
    _, steps, _ = _steps("US", events, "2026-02-01")
    assert steps["fcc_formal"].status == "waiting"
    assert steps["fcc_formal"].opens_on == date(2026, 2, 9)
    assert steps["fcc_formal"].deadline == date(2026, 8, 9)
    assert steps["state_report"].step.parallel


def test_generic_ladder_says_what_to_check():
    _ladder, steps, _ = _steps("DE", [_ev("2026-01-05", "letter")], "2026-01-06")
    assert steps["ombudsman"].status == "open"
    assert "consumer protection authority" in steps["ombudsman"].step.check["en"]


def test_events_after_today_do_not_count():
    _, steps, _ = _steps("FR", FR_LETTER, "2026-04-05")
    assert steps["written_complaint"].status == "open"
    assert steps["first_contact"].status == "done"


def _user_ladder(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: x\njurisdiction: FR\nsectors: [mobile]\n  bad: indent\n", 4, "not valid YAML"),
        (
            "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
            "steps:\n  - id: first_contact\n    kind: provider\n    title: T\n    action: A\n"
            "    sources: [zzz]\n",
            11,
            'source "zzz"',
        ),
        (
            "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
            "steps:\n  - id: first_contact\n    kind: wizard\n    title: T\n    action: A\n"
            "    sources: [a]\n",
            8,
            '"wizard" is not one of',
        ),
        (
            "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
            "steps:\n  - id: first_contact\n    kind: provider\n    title: T\n    action: A\n"
            "    sources: [a]\n    opens:\n      - after: nowhere\n",
            13,
            '"nowhere" is not a step',
        ),
        (
            "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
            "steps:\n  - id: first_contact\n    kind: provider\n    title: T\n    action: A\n"
            "    sources: [a]\n    opens:\n      - months: many\n",
            13,
            "whole number",
        ),
        (
            "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
            "steps:\n  - kind: provider\n",
            7,
            'required field "id"',
        ),
    ],
)
def test_a_broken_user_ladder_is_refused_at_its_line(tmp_path, text, line, words):
    path = _user_ladder(tmp_path / "ladders", text)
    with pytest.raises(LadderError) as info:
        read_ladder(path)
    message = str(info.value)
    assert info.value.line == line, message
    assert str(path) in message and f"line {line}" in message and words in message
    ladders = load_ladders(tmp_path / "ladders")
    assert len(ladders.problems) == 1
    assert {lad.id for lad in ladders.ladders} >= {"fr-telecom", "generic"}


def test_a_dated_rule_with_a_bad_date_is_refused_at_its_line(tmp_path):
    text = (
        "id: x\njurisdiction: FR\nsectors: [mobile]\ntitle: X\nsources: {a: {title: A}}\n"
        "steps:\n  - id: first_contact\n    kind: provider\n    title: T\n    action: A\n"
        "    sources: [a]\n    opens:\n      - {weeks: 6, from: soon}\n"
    )
    with pytest.raises(LadderError) as info:
        read_ladder(_user_ladder(tmp_path / "ladders", text))
    assert info.value.line == 13 and "must be a date" in str(info.value)


def test_a_note_accomplishes_no_step():
    events = [_ev("2026-03-01", "web_form", kind="note"), _ev("2026-03-03", "phone")]
    _, steps, _ = _steps("FR", events, "2026-03-05")
    assert steps["first_contact"].done_on == date(2026, 3, 3)


def test_a_user_ladder_replaces_the_built_in_one(tmp_path):
    text = (data_folder("ladders") / "fr.yaml").read_text(encoding="utf-8")
    text = text.replace("        months: 2\n", "        months: 3\n")
    _user_ladder(tmp_path / "ladders", text)
    case = _case("FR", FR_LETTER)
    ladder = load_ladders(tmp_path / "ladders").for_case(case)
    assert ladder.path.parent == tmp_path / "ladders"
    state = evaluate(ladder, case, date(2026, 6, 20))
    assert next(s for s in state.steps if s.step.id == "ombudsman").opens_on == date(2026, 7, 10)


def test_a_step_is_done_by_the_event_the_person_marks_not_by_the_first_look_alike():
    events = [
        _ev("2026-02-01", "email", summary="Could I have a discount?"),
        _ev("2026-02-02", "email", "in", summary="Sorry to see you go, call us"),
        _ev("2026-03-01", "registered_letter", step="written_complaint", id="real"),
    ]
    _, steps, _ = _steps("CA-QC", events, "2026-03-02")
    complaint = steps["written_complaint"]
    assert complaint.status == "done" and complaint.done_on == date(2026, 3, 1)
    assert complaint.done_by_event == "real"
    # the complaint just sent waits for their answer: "waiting", never "later" with no date
    assert steps["ombudsman"].status == "waiting"
    assert steps["ombudsman"].shown == "waiting"


@pytest.mark.parametrize("country", ["FR", "CA-QC", "BE"])
def test_a_case_ended_by_switching_took_the_switch_step_on_its_last_day(country):
    events = [_ev("2026-02-01", "phone"), _ev("2026-02-20", "email", summary="New SIM works")]
    _, steps, _ = _steps(country, events, "2026-06-01", status="switched")
    assert steps["switch"].shown == "done" and steps["switch"].done_on == date(2026, 2, 20)
    assert steps["switch"].done_by_event is None
    _, steps, _ = _steps(country, events, "2026-06-01", status="resolved")
    assert steps["switch"].shown == "closed"


def test_an_ended_case_has_no_next_step_and_closes_what_was_not_taken():
    events = [_ev("2026-02-01", "phone"), _ev("2026-02-20", "store", step="switch")]
    _, steps, state = _steps("CA-QC", events, "2026-06-01", status="switched")
    assert state.ended_on == date(2026, 2, 20) and state.ended_as == "switched"
    assert state.next_step() is None
    assert steps["switch"].shown == "done"
    assert steps["second_level"].shown == "closed"
    assert "ended" in next_action(state, "en")
