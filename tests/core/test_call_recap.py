"""The call recap, read as the company reads it: what was promised and by when,
the person's own notes apart, one language, the local date form and typography."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.language import detect_text
from plainte.core.sagafile import parse_saga

TODAY = date(2026, 10, 10)

# (country, language) → the due date, the reply date, as that reader writes them
DATES = {
    ("FR", "fr"): ("au plus tard le 16 octobre 2026", "au plus tard le 17 octobre 2026"),
    ("CA-QC", "fr"): ("au plus tard le 16 octobre 2026", "au plus tard le 17 octobre 2026"),
    ("BE", "fr"): ("au plus tard le 16 octobre 2026", "au plus tard le 17 octobre 2026"),
    ("CA-QC", "en"): ("by October 16, 2026", "by October 17, 2026"),
    ("GB", "en"): ("by 16 October 2026", "by 17 October 2026"),
    ("US", "en"): ("by October 16, 2026", "by October 17, 2026"),
    ("CA", "en"): ("by October 16, 2026", "by October 17, 2026"),
    ("GB", "fr"): ("au plus tard le 16 octobre 2026", "au plus tard le 17 octobre 2026"),
    ("US", "fr"): ("au plus tard le 16 octobre 2026", "au plus tard le 17 octobre 2026"),
}

WORDS = {
    "fr": {
        "promise": "un technicien passera pour remplacer le boîtier",
        "undated": "un geste commercial sera proposé",
        "note": "J'ai dû répéter trois fois mon numéro de client, l'attente était longue.",
        "notes_heading": "Mes propres notes de l'appel, pour mémoire :",
        "ask_date": "(aucune date n'a été donnée : merci de m'indiquer laquelle)",
        "confirm": "Merci de me confirmer ces engagements par écrit",
        "other": (" you ", " the ", "Please", "Summary"),
    },
    "en": {
        "promise": "An engineer will come to replace the router",
        "undated": "A goodwill credit will be offered",
        "note": "I had to repeat my customer number three times and the wait was long.",
        "notes_heading": "My own notes of the call, for the record:",
        "ask_date": "(no date was given: please tell me by when)",
        "confirm": "Please confirm these commitments in writing",
        "other": (" vous ", " le ", "Merci", "Objet"),
    },
}


def _case(country: str, lang: str):
    words = WORDS[lang]
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "recap",
                "title": "Internet coupé" if lang == "fr" else "Internet down",
                "provider": "Netco",
                "country": country,
                "sector": "internet",
                "language": lang,
                "customer": {"name": "Camille Dupont"},
                "events": [
                    {
                        "id": "call",
                        "at": "2026-10-09T17:30:00",
                        "channel": "phone",
                        "direction": "out",
                        "counterpart": "Marc",
                        "reference": "INC-7",
                        "summary": words["note"],
                        "promises": [
                            {"id": "p1", "text": words["promise"], "due": "2026-10-16"},
                            {"id": "p2", "text": words["undated"]},
                        ],
                    }
                ],
            }
        ],
    }
    return parse_saga(json.dumps(doc).encode()).cases[0]


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_ladders())


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(("country", "lang"), list(DATES))
def test_a_recap_says_what_was_promised_by_when_and_keeps_the_person_s_notes_apart(
    composer, country, lang
):
    words = WORDS[lang]
    text = composer.compose(_case(country, lang), "call-recap", TODAY, lang=lang).text
    plain = _plain(text)
    due, reply_by = DATES[(country, lang)]
    # what was promised, and by when, in the reader's date form
    first = plain.index(words["promise"].lower() if lang == "fr" else words["promise"])
    assert plain[first:].split("\n")[0].endswith(f", {due} ;" if lang == "fr" else f", {due};")
    # a promise with no date asks for one
    assert words["ask_date"] in plain
    # the person's own note comes after the promises, under its own heading
    heading = plain.index(words["notes_heading"])
    assert heading > plain.index(words["ask_date"])
    assert plain.index(words["note"]) > heading
    assert plain[:heading].endswith("\n\n")  # a paragraph of its own
    # a concrete request for a written confirmation, dated
    confirm = plain.index(words["confirm"])
    assert reply_by in plain[confirm : confirm + 120]
    # one language: the body reads as the letter's, with nothing of the other
    assert detect_text(text) == lang
    for word in words["other"]:
        assert word not in text, word
    # the reader's typography, and no slips
    assert "  " not in text and " ." not in text
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text)
    if lang == "fr":
        assert not re.search(r" [:;?!»]|« ", text), "French needs no-break spaces"
        assert not re.search(r"\S[;?!»]|\S:(?!\d)", text), "a space is needed there"


def test_a_recap_quotes_a_promise_written_in_the_other_language(composer):
    case = _case("CA-QC", "fr")
    text = _plain(composer.compose(case, "call-recap", TODAY, lang="en").text)
    assert '- (in French) "un technicien passera pour remplacer le boîtier", by October 16' in text


def test_a_call_with_nothing_agreed_and_no_note_is_put_on_record(composer):
    case = _case("GB", "en")
    case.events[0].promises.clear()
    case.events[0].summary = None
    text = composer.compose(case, "call-recap", TODAY, lang="en").text
    assert "Further to" not in text
    assert "I am putting on record our call on 9 October 2026 at 17:30 with Marc" in text
    assert "confirm this summary in writing" in text
