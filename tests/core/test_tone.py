"""The tone check: loaded words in both languages, and the factual version proposed."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from plainte.core.figures import compute
from plainte.core.posts import phrases
from plainte.core.sagafile import parse_saga
from plainte.core.tone import check, fold
from tests.conftest import saga_doc


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mise à jour refusée, puis harcèlement téléphonique", ["harcèlement"]),
        ("Fraude de Rogers ?", ["Fraude"]),
        ("Des ARNAQUEURS et des menteurs", ["ARNAQUEURS", "menteurs"]),
        ("This is a SCAM, they lied.", ["SCAM", "lied"]),
        ("They keep harassing me; a bunch of crooks", ["harassing", "crooks"]),
        ("Le volume est bas, la ligne est nulle", ["nulle"]),
        ("Vol de données", ["Vol"]),
    ],
)
def test_loaded_words_are_flagged_in_both_languages(text, words):
    assert [f.word for f in check(text, "fr")] == words
    assert [f.word for f in check(text, "en")] == words


@pytest.mark.parametrize(
    "text",
    [
        "13 calls in 4 days, no message.",
        "Le volume des appels : 13 en 4 jours, sans message.",
        "A private message unanswered for 4 hours; a public post answered in 35 minutes.",
        "Promesse non tenue : rappel sous 48 heures.",
        "Volume 2 of the saga: the line is still down.",
    ],
)
def test_factual_texts_are_not_flagged(text):
    assert check(text, "fr") == [] and check(text, "en") == []


def test_the_factual_version_is_proposed():
    events = [
        {
            "id": f"c{i}",
            "at": (date(2026, 3, 2) + timedelta(days=i % 4)).isoformat()
            + f"T{9 + i % 9:02d}:00:00",
            "channel": "phone",
            "direction": "in",
            "answered": False,
        }
        for i in range(13)
    ]
    case = parse_saga(json.dumps(saga_doc(events)).encode()).cases[0]
    fig = compute(case, date(2026, 3, 30))
    [flag] = check("This is harassment.", "en", phrases(fig, "en"))
    assert flag.group == "calls" and flag.factual == "13 calls in 4 days, no message"
    [flag] = check("C'est du harcèlement.", "fr", phrases(fig, "fr"))
    assert flag.factual == "13 appels en 4 jours, sans message"
    assert (flag.start, flag.end) == (9, 20)


def test_folding_keeps_offsets():
    text = "Harcèlement, ÉNORME œuvre"
    assert len(fold(text)) == len(text) and fold(text).startswith("harcelement, enorme")
