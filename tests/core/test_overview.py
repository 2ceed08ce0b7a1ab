"""The case overview on the two real demo sagas shipped with the app: told as of their end."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from plainte.core import overview
from plainte.core.ladder import load_ladders
from plainte.core.model import CaseStatus, When
from plainte.core.resources import data_folder
from plainte.core.sagafile import read_saga

TODAY = date(2026, 11, 23)


def _case(name: str):
    return read_saga(data_folder("demo") / name).cases[0]


@pytest.fixture(scope="module")
def ladders():
    return load_ladders(None)


def test_an_ended_saga_is_told_as_of_its_last_day(ladders):
    red = _case("red-by-sfr-2016.json")
    view = overview.compute(red, ladders.for_case(red), TODAY, "en")
    assert view.as_of == overview.as_of(red, TODAY) == date(2016, 9, 22)
    assert (view.days, view.ended_on, view.ended_as) == (10, date(2016, 9, 22), "switched")
    assert overview.day_text(view, "en") == (
        "Ended on September 22, 2016 (switched to another provider), after 10 days. "
        "Its figures are as of that day."
    )
    assert overview.day_text(view, "fr").startswith(
        "Terminée le 22 septembre 2016 (changement de fournisseur), après 10 jours."
    )
    assert view.next_step is None and view.letter is None
    assert overview.next_text(view, "fr") == "Aucune : la saga est terminée."


def test_a_running_saga_counts_to_today_and_names_its_next_step_and_date(ladders):
    red = _case("red-by-sfr-2016.json")
    red.status = CaseStatus.OPEN
    view = overview.compute(red, ladders.for_case(red), TODAY, "fr")
    assert view.as_of == TODAY and view.days == (TODAY - date(2016, 9, 12)).days
    assert view.days == 3724  # written with the language's separators, as the figures line
    assert (
        overview.day_text(view, "fr") == "Jour 3\u202f724 de la saga, depuis le 12 septembre 2016"
    )
    assert overview.day_text(view, "en").startswith("Day 3,724 of the saga, since")
    assert view.next_step.step.id == "written_complaint" and view.letter == "complaint"
    assert overview.next_text(view, "fr") == (
        "Réclamation écrite : possible depuis le 12 septembre 2016"
    )


def test_broken_promises_say_who_what_due_and_since_when(ladders):
    rogers = _case("rogers-2010.json")
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "en")
    assert [(p.who, p.due, p.since) for p in view.broken] == [
        ("Sophie (Rogers)", date(2010, 7, 9), date(2010, 7, 10)),
        (None, date(2010, 7, 9), date(2010, 7, 10)),
    ]
    assert view.broken[0].what.startswith("Le service à la clientèle m'appellera")
    assert overview.broken_text(view.broken[0], "en") == (
        "Sophie (Rogers) · promised on July 7, 2010 · due July 9, 2010 · broken since July 10, 2010"
    )
    assert overview.broken_text(view.broken[1], "fr") == (
        "promise le 9 juillet 2010 · pour le 9 juillet 2010 · non tenue depuis le 10 juillet 2010"
    )


def test_a_promise_due_after_the_end_was_not_broken_by_the_end(ladders):
    """Pending when the saga ended, due later: as of the end it was not yet broken."""
    red = _case("red-by-sfr-2016.json")
    promise = next(p for e in red.events for p in e.promises)
    promise.due = When("2016-12-01", date(2016, 12, 1))
    view = overview.compute(red, ladders.for_case(red), TODAY, "en")
    assert view.broken == []
    red.status = CaseStatus.OPEN  # running: due in 2016, broken by today
    assert len(overview.compute(red, ladders.for_case(red), TODAY, "en").broken) == 1


def test_the_strongest_figure_and_the_streak_where_the_calls_make_one(ladders):
    rogers = _case("rogers-2010.json")
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "en")
    assert view.strongest.key == "window" and view.strongest.value == "8/8"
    assert view.streak == "7 calls in 3 days, no message"
    assert view.satire
    red = _case("red-by-sfr-2016.json")
    view = overview.compute(red, ladders.for_case(red), TODAY, "fr")
    assert view.strongest.key == "private" and view.strongest.value == "4\u00a0h\u00a05\u00a0min"
    assert view.streak is None  # no calls without a message: no streak to show
    assert view.satire  # a private message ignored until the public post


def test_a_saga_with_no_event_says_so_and_offers_nothing(ladders):
    rogers = _case("rogers-2010.json")
    rogers.events = []
    rogers.status = CaseStatus.OPEN
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "en")
    assert view.first_day is None and view.strongest is None and not view.satire
    assert overview.day_text(view, "en").startswith("No contact logged yet.")
    assert view.broken == []


def test_a_saga_with_hundreds_of_broken_promises_lists_the_latest_and_counts_the_rest(ladders):
    """Each listed promise is three widgets: 200 of them cost the window 15 MB and 250 ms."""
    rogers = _case("rogers-2010.json")
    template = next(e for e in rogers.events if e.promises)
    copies = []
    for n in range(200):
        event = replace(template, id=f"copy{n}", promises=[replace(template.promises[0])])
        event.promises[0].id, event.promises[0].text = f"p{n}", f"Promise number {n}"
        copies.append(event)
    rogers.events, rogers.status = copies, CaseStatus.OPEN  # running: all due, all broken
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "en")
    assert view.broken_count == 200
    assert [p.what for p in view.broken] == [f"Promise number {n}" for n in range(195, 200)]
    assert overview.earlier_text(view, "en") == "And 195 earlier ones, listed in the Promises tab."
    assert overview.earlier_text(view, "fr") == (
        "Et 195 plus anciennes, listées dans l'onglet Promesses."
    )
    rogers.events = copies[:6]
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "fr")
    assert overview.earlier_text(view, "fr") == (
        "Et 1 plus ancienne, listée dans l'onglet Promesses."
    )
    rogers.events = copies[:5]
    view = overview.compute(rogers, ladders.for_case(rogers), TODAY, "en")
    assert len(view.broken) == view.broken_count == 5
    assert overview.earlier_text(view, "en") is None
