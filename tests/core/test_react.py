"""The reply reader: kinds on a corpus of replies, due dates, what follows on the ladder."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from plainte.core.ladder import evaluate, load_ladders
from plainte.core.model import Direction, parse_when
from plainte.core.react import KINDS, classify, clean_text, detect_language, due_date, read_reply
from plainte.core.react_text import lines
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = ("replies.yaml", "replies-heldout.yaml", "replies-blind.yaml", "replies-final.yaml")
"""Written in that order; each later set was first read before the phrases were changed for it
(the figures of those first readings are in the closing note)."""


def corpus(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def read_all(items: list[dict]) -> tuple[Counter, list[tuple[dict, str, list]]]:
    confusion: Counter = Counter()
    misses = []
    for item in items:
        own = clean_text(item["text"])
        kind, _scores, matched = classify(own, detect_language(own, "en"))
        confusion[(item["kind"], kind)] += 1
        if kind != item["kind"]:
            misses.append((item, kind, matched))
    return confusion, misses


def show(title: str, confusion: Counter, misses: list) -> str:
    short = {k: k[:6] for k in KINDS}
    rows = [title, "expected \\ read     " + " ".join(f"{short[k]:>6}" for k in KINDS)]
    for want in KINDS:
        cells = " ".join(f"{confusion[(want, got)]:>6}" for got in KINDS)
        rows.append(f"{want:<20}{cells}")
    rows += [f"MISS {item['id']}: read as {got}" for item, got, _ in misses]
    return "\n".join(rows)


def everything() -> list[dict]:
    return [item for name in SETS for item in corpus(name)]


def test_the_corpus_has_every_kind_in_both_languages():
    items = everything()
    assert len(items) >= 60
    seen = {(i["lang"], i["kind"]) for i in items}
    assert seen == {(lang, kind) for lang in ("en", "fr") for kind in KINDS}
    assert len({i["id"] for i in items}) == len(items)


def test_at_least_90_percent_of_kinds_are_read_right_and_the_confusion_is_printed(capsys):
    items = everything()
    confusion, misses = read_all(items)
    right = len(items) - len(misses)
    with capsys.disabled():
        print("\n" + show(f"all replies: {right}/{len(items)} right", confusion, misses))
        for name in SETS[1:]:
            part = corpus(name)
            c2, m2 = read_all(part)
            print(show(f"{name}: {len(part) - len(m2)}/{len(part)} right", c2, m2))
    assert right / len(items) >= 0.9


def test_the_language_of_each_reply_is_detected():
    items = everything()
    wrong = [i["id"] for i in items if detect_language(clean_text(i["text"]), "en") != i["lang"]]
    assert len(wrong) <= len(items) // 20, wrong


def test_every_promise_of_the_corpus_gets_its_due_date():
    for item in everything():
        if "due" in item:
            found = due_date(clean_text(item["text"]), item["lang"], item["date"])
            assert found is not None and found[0] == item["due"], item["id"]


@pytest.mark.parametrize(
    ("lang", "text", "at", "due"),
    [
        ("en", "We will call you within 48 hours.", datetime(2026, 11, 20, 16, 0), "2026-11-22"),
        ("en", "The credit will be applied by Friday.", date(2026, 11, 23), "2026-11-27"),
        ("en", "by Friday", date(2026, 11, 27), "2026-12-04"),  # said on a Friday: next one
        ("en", "within 3 working days", date(2026, 11, 27), "2026-12-02"),
        ("en", "no later than 3 January", date(2026, 12, 20), "2027-01-03"),
        ("en", "by the end of the month", date(2026, 2, 10), "2026-02-28"),
        ("fr", "Un technicien vous rappellera sous 48 heures.", date(2026, 11, 20), "2026-11-22"),
        ("fr", "Le remboursement sera fait d'ici vendredi.", date(2026, 11, 23), "2026-11-27"),
        ("fr", "dans un délai de 5 jours ouvrés", date(2026, 11, 20), "2026-11-27"),
        ("fr", "au plus tard le 2 janvier", date(2026, 12, 30), "2027-01-02"),
        ("fr", "sous quarante-huit heures", date(2026, 11, 20), "2026-11-22"),
    ],
)
def test_due_dates_resolve_against_the_replys_date(lang, text, at, due):
    found = due_date(text, lang, at)
    assert found is not None and found[0].isoformat() == due


def test_within_hours_counts_from_the_replys_time_and_offset():
    at = datetime(2026, 11, 20, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert due_date("within 24 hours", "en", at)[0] == date(2026, 11, 21)


def test_nonsense_dates_are_ignored_not_raised():
    assert due_date("by 31 February", "en", date(2026, 1, 5)) is None
    assert due_date("within 99999 days", "en", date(2026, 1, 5)) is None


def _case(events=None, **fields):
    doc = saga_doc(events, **fields)
    return parse_saga(__import__("json").dumps(doc).encode()).cases[0]


@pytest.fixture(scope="module")
def ladders():
    return load_ladders(None)


def test_a_uk_final_response_opens_the_ombudsman_on_its_date(ladders):
    case = _case()  # GB, written complaint on 7 August 2026
    ladder = ladders.for_case(case)
    text = (
        "Dear Alex,\nThis letter is our final response to your complaint. If you are unhappy, "
        "you can refer it to the Communications Ombudsman within 12 months."
    )
    at = parse_when("2026-08-20T10:00:00+01:00")
    reading = read_reply(text, case, ladder, date(2026, 8, 20), at=at)
    assert reading.kind == "final_response"
    assert reading.event.step == "adr_letter"
    assert reading.next.step == "ombudsman" and reading.next.letter == "ombudsman"
    assert reading.next.opens_on == date(2026, 8, 20) and reading.next.status == "open"
    # through the ladder itself: the logged reply is what opens the step, on its day
    case.events.append(reading.event)
    state = {s.step.id: s for s in evaluate(ladder, case, date(2026, 8, 20)).steps}
    assert state["adr_letter"].status == "done"
    assert state["ombudsman"].status == "open"
    assert state["ombudsman"].opens_on == date(2026, 8, 20)
    before = {s.step.id: s for s in evaluate(ladder, _case(), date(2026, 8, 20)).steps}
    assert before["ombudsman"].status == "waiting"  # eight weeks without the reply


def test_a_deflection_after_a_written_request_calls_for_a_written_answer(ladders):
    case = _case()
    text = "Sorry to see you go! To cancel, please call our Loyalty team on 0800 000 000."
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 12))
    assert reading.kind == "deflection"
    assert reading.written_request_before
    assert (reading.next.step, reading.next.letter, reading.next.wants) == (
        "written_complaint",
        "complaint",
        "written_answer",
    )
    assert any("please call" in m.words.lower() for m in reading.matched)
    assert reading.event.direction is Direction.IN and reading.promise is None


def test_a_promise_is_prefilled_with_its_due_date(ladders):
    case = _case()
    text = "Hi Alex, an engineer will call you within 48 hours to book a visit. Thanks, Dan"
    at = parse_when("2026-08-12T09:00:00+01:00")
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 12), at=at)
    assert reading.kind == "promise"
    promise = reading.promise
    assert promise is not None and promise.due.text == "2026-08-14"
    assert "engineer will call you within 48 hours" in promise.text
    assert reading.to_json()["promise"] == {"text": promise.text, "due": "2026-08-14"}


def test_a_refusal_calls_for_the_next_step_up(ladders):
    case = _case(country="FR", language="fr")
    text = "Madame, après étude, nous ne pouvons pas donner une suite favorable à votre demande."
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 12))
    assert reading.kind == "refusal" and reading.language == "fr"
    assert reading.next.step == "second_level"


def test_the_reading_is_worded_in_both_languages(ladders):
    case = _case()
    text = "This letter is our final response. You may contact the ombudsman."
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 20))
    for lang in ("en", "fr"):
        rows = dict(lines(reading, ladders.for_case(case), lang))
        assert all(value and "react." not in value for value in rows.values())
    assert "médiat" in " ".join(dict(lines(reading, ladders.for_case(case), "fr")).values()).lower()


def test_quoted_history_does_not_count(ladders):
    case = _case()
    text = (
        "We have received your message and logged it.\n\n"
        "On Mon, 3 Aug 2026 at 09:00, Alex wrote:\n> I want a final response and a refund."
    )
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 12))
    assert reading.kind == "acknowledgement"
    assert all("final" not in m.words.lower() for m in reading.matched)


def test_empty_or_neutral_text_is_other(ladders):
    case = _case()
    reading = read_reply("ok", case, ladders.for_case(case), date(2026, 8, 12))
    assert reading.kind == "other"


def test_an_offer_is_not_answered_by_a_complaint(ladders):
    case = _case()
    text = "We'd like to offer a goodwill credit of £45.50. Reply to accept and we'll apply it."
    reading = read_reply(text, case, ladders.for_case(case), date(2026, 8, 12))
    assert reading.kind == "resolution_offer"
    assert reading.next.letter is None and reading.next.step is not None
    assert any(m.words.endswith("£45.50") for m in reading.matched)
