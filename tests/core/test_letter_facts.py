"""What a letter states beyond the timeline: capped lists a person can send and read."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.letter_facts import (
    MAX_ENCLOSED,
    MAX_PROMISES,
    MAX_UNANSWERED,
    capped,
    chosen_promises,
)
from plainte.core.sagafile import parse_saga

TODAY = date(2026, 11, 22)
WRITTEN = 3_000


def _long_written_case():
    """One reply from the provider, then 3,000 e-mails of the person, one in 100 with a
    promise from the provider's side (due long ago: broken)."""
    rows = [
        {
            "id": "reply",
            "at": "2020-01-01T09:00:00Z",
            "channel": "email",
            "direction": "in",
            "summary": "Nous avons bien reçu votre demande.",
        }
    ]
    for i in range(WRITTEN):
        row = {
            "id": f"e{i}",
            "at": f"{2020 + i // 600}-{1 + i // 50 % 12:02d}-{1 + i % 28:02d}T10:00:00Z",
            "channel": "email",
            "direction": "out",
            "summary": f"Relance numéro {i} : toujours aucune ligne.",
        }
        if i % 100 == 0:
            row["promises"] = [
                {"id": f"p{i}", "text": "Un technicien passera", "due": "2020-02-01"}
            ]
        rows.append(row)
    saga = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "long",
                "title": "Plus de ligne",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "language": "fr",
                "events": rows,
            }
        ],
    }
    return parse_saga(json.dumps(saga).encode()).cases[0]


@pytest.fixture(scope="module")
def letters():
    case = _long_written_case()
    composer = Composer(load_ladders())
    return {
        (kind, lang): composer.compose(case, kind, TODAY, lang=lang)
        for kind in ("complaint", "formal-notice", "ombudsman")
        for lang in ("fr", "en")
    }


def test_capped_keeps_the_first_and_the_latest():
    assert capped(list(range(5)), 8) == ([0, 1, 2, 3, 4], 0)
    assert capped(list(range(20)), 4) == ([0, 17, 18, 19], 16)


def test_chosen_promises_puts_the_broken_first_then_the_latest():
    promises = [{"broken": i in (1, 3)} for i in range(30)]
    chosen, left = chosen_promises(promises, 4)
    assert left == 26
    assert chosen == [promises[1], promises[3], promises[28], promises[29]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_case_encloses_and_lists_a_readable_number(letters, lang):
    for kind in ("formal-notice", "ombudsman"):
        text = letters[(kind, lang)].text
        copies = [ln for ln in text.splitlines() if ln.startswith(("- la copie", "- a copy"))]
        assert 2 <= len(copies) <= 2 * MAX_ENCLOSED, kind
        left = WRITTEN + 1 - len(copies)
        more = f"{left:,}".replace(",", "\u202f" if lang == "fr" else ",")
        if lang == "fr":
            assert f"- … et {more} autres échanges et pièces jointes, tous datés" in text
            assert "(3\u202f001 entrées)" in text
        else:
            assert f"- … and {more} other exchanges and attachments, each dated" in text
            assert "(3,001 entries)" in text
        assert len(text) < 20_000, kind


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_many_unanswered_contacts_are_counted_not_listed(letters, lang):
    for kind in ("complaint", "formal-notice", "ombudsman"):
        letter = letters[(kind, lang)]
        if lang == "fr":
            assert re.search(
                r"Mes 3\u202f000 envois écrits, du 1er janvier 2020 au .+ 2024, "
                r"sont toujours sans réponse\.",
                letter.text,
            ), kind
        else:
            assert re.search(
                r"My 3,000 written contacts from 1 January 2020 to .+ 2024 are still unanswered\.",
                letter.text,
            ), kind
        found = {f.code: f for f in letter.findings}
        assert "unanswered" not in found
        message = found["unanswered_many"].message(lang)
        assert ("3\u202f000" if lang == "fr" else "3,000") in message
        assert len(message) < 200


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_promises_are_capped_broken_first(letters, lang):
    text = letters[("complaint", lang)].text
    listed = [ln for ln in text.splitlines() if "Un technicien passera" in ln]
    assert len(listed) == MAX_PROMISES
    left = WRITTEN // 100 - MAX_PROMISES
    if lang == "fr":
        assert f"- … et {left} autres engagements, tous datés dans la chronologie jointe." in text
    else:
        assert f"- … and {left} other promises, each dated in the timeline enclosed." in text


def test_a_short_case_lists_everything(letters):
    """Under the caps nothing is counted away (the fixture sagas' letters are unchanged)."""
    assert MAX_UNANSWERED >= 5 and MAX_ENCLOSED >= 8
    from pathlib import Path

    from plainte.core.sagafile import read_saga

    saga = Path(__file__).resolve().parents[1] / "fixtures" / "sagas" / "uk-broadband.json"
    case = read_saga(saga).cases[0]
    text = Composer(load_ladders()).compose(case, "formal-notice", TODAY, lang="en").text
    assert "other exchanges and attachments" not in text and "other promises" not in text
