"""The app's own sentences about events: stored as meaning, said in the reader's language."""

from __future__ import annotations

import json
from datetime import date

import pytest

from plainte.core import event_text
from plainte.core.compose import Composer
from plainte.core.journal import event_content
from plainte.core.ladder import load_ladders
from plainte.core.language import case_language
from plainte.core.report import render_html
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

TODAY = date(2026, 9, 1)
LEGACY_EN = "They called; nobody spoke, no message left."
LEGACY_FR = "Ils ont appelé ; personne n'a parlé, aucun message."


def _quebec_case(summary: str | None, language: str | None = None):
    events = [
        {
            "id": f"c{i}",
            "at": f"2026-08-{10 + i:02d}T1{i}:00:00-04:00",
            "channel": "phone",
            "direction": "in",
            "answered": False,
            **({"summary": summary} if summary is not None else {}),
        }
        for i in range(6)
    ]
    events.append(
        {
            "id": "p",
            "at": "2026-08-20T10:00:00-04:00",
            "channel": "phone",
            "direction": "in",
            "summary": "A promise was made.",
            "promises": [{"id": "p1", "text": "Un technicien rappellera", "due": "2026-08-22"}],
        }
    )
    doc = saga_doc(
        events,
        title="Appels répétés sans message",
        country="CA-QC",
        language=language,
        provider="Rogers",
    )
    if language is None:
        del doc["cases"][0]["language"]  # "automatic"
    return parse_saga(json.dumps(doc).encode()).cases[0]


@pytest.mark.parametrize(("lang", "text"), [("en", LEGACY_EN), ("fr", LEGACY_FR)])
@pytest.mark.parametrize("stored", [None, LEGACY_EN, LEGACY_FR])
def test_a_quick_log_reads_in_the_reader_language(stored, lang, text):
    case = _quebec_case(stored)
    assert event_text.summary(case.events[0], lang) == text
    assert event_text.content_summary(event_content(case.events[0]), lang) == text


def test_the_person_own_words_are_kept_as_they_are():
    case = _quebec_case("Ils ont rappelé à 22 h, encore sans message.")
    assert (
        event_text.summary(case.events[0], "en") == "Ils ont rappelé à 22 h, encore sans message."
    )


def test_a_promise_event_says_a_promise_was_made_in_french():
    case = _quebec_case(None)
    assert event_text.summary(case.events[-1], "fr") == "Une promesse a été faite."


def test_automatic_language_of_a_quebec_case_is_french_despite_old_english_lines():
    case = _quebec_case(LEGACY_EN)
    assert case_language(case, "en") == "fr"


def test_a_french_letter_and_report_hold_no_english_line_from_an_old_store(tmp_path):
    case = _quebec_case(LEGACY_EN)
    ladders = load_ladders(tmp_path / "ladders")
    letter = Composer(ladders).compose(case, "complaint", TODAY)
    assert letter.lang == "fr"
    assert "They called" not in letter.text and "promise was made" not in letter.text
    # French typography: no-break spaces before ";" and lower case after a colon
    plain = letter.text.replace("\u202f", " ").replace("\u00a0", " ")
    assert LEGACY_FR[0].lower() + LEGACY_FR[1:] in plain
    html = render_html(case, ladders, TODAY, "fr")
    assert "They called" not in html and "promise was made" not in html


NOTE = {
    "id": "n1",
    "at": "2026-08-04T19:00:00+01:00",
    "channel": "other",
    "direction": "out",
    "answered": False,
    "kind": "note",
    "summary": "Rebooted the router: still no sync light.",
}


def test_a_note_has_no_direction_in_the_report_nor_the_csv():
    """A note goes to no one: "Note", not "To them" (nor "no answer") in every export."""
    from plainte.core.csvexport import cases_to_csv

    case = parse_saga(json.dumps(saga_doc([NOTE])).encode()).cases[0]
    assert event_text.direction_word("out", "note", "en") == "Note"
    assert event_text.direction_word("out", "contact", "fr") == "Vers eux"
    html = render_html(case, load_ladders(), TODAY, "en")
    row = html[html.index("Rebooted the router") - 400 : html.index("Rebooted the router")]
    assert "Note" in row and "To them" not in row and "no answer" not in row
    header, line = cases_to_csv([case]).strip("\ufeff").splitlines()[:2]
    cells = dict(zip(header.split(","), line.split(","), strict=False))
    assert cells["direction"] == "" and cells["answered"] == ""


@pytest.mark.parametrize(
    ("text", "lang", "limit", "expected"),
    [
        ("Réclamation envoyée.", "fr", 90, "« Réclamation envoyée »"),
        ("Why not?", "en", 90, "“Why not?”"),
        ("Wait...", "en", 90, "“Wait...”"),
        ("one two three four", "en", 10, "“one two…”"),
        ("one two, three four", "en", 10, "“one two…”"),
        ("abcdefghijklmnop", "en", 10, "“abcdefghij…”"),
    ],
)
def test_quoted_cuts_between_words_and_leaves_the_full_stop_to_the_sentence(
    text, lang, limit, expected
):
    assert event_text.quoted(text, lang, limit) == expected
