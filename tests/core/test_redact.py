"""Redaction against a hostile corpus: private data in every field, in both languages."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

import pytest

from plainte.core.compose import POSTS, Composer
from plainte.core.ladder import load_ladders
from plainte.core.platforms import PLATFORMS
from plainte.core.redact import leaks, redact
from plainte.core.sagafile import parse_saga

PEOPLE = {
    "FR": {
        "customer": {
            "name": "Hélène Dupont-Moreau",
            "email": "helene.dupont@exemple.fr",
            "phone": "06 12 34 56 78",
            "address": "12 bis rue des Lilas, 63000 Clermont-Ferrand",
        },
        "account_ref": "FR-7731-0042",
        "agent": "Julie Marchand",
        "hostile": [
            "Hélène a appelé",
            "helene a écrit",
            "Mme DUPONT-MOREAU",
            "écrivez à helene.dupont arobase exemple point fr",
            "helene (at) exemple (dot) fr",
            "compte FR77310042 ou fr 7731 0042",
            "mon 0612345678, le +33 6 12 34 56 78 ou 06.12.34.56.78",
            "j'habite rue des Lilas, 63000",
            "Julie Marchand m'a dit que Marchand rappellerait",
            "autre courriel : h.d@autre-exemple.com",
        ],
        "forbidden": [
            "Hélène",
            "Helene",
            "Dupont",
            "Moreau",
            "Marchand",
            "7731",
            "0612345678",
            "63000",
            "Lilas",
            "exemple",
        ],
    },
    "GB": {
        "customer": {
            "name": "Alex Smith",
            "email": "alex.smith@example.net",
            "phone": "07700 900123",
            "address": "4 Mill Lane, Leeds LS1 4AB",
        },
        "account_ref": "ACC-99173",
        "agent": "Priya Sharma",
        "hostile": [
            "Alex here",
            "Mr SMITH's line",
            "alex dot smith at example dot net",
            "alex[at]example[dot]net",
            "account ACC99173 / acc 99173",
            "ring 07700900123 or +44 7700 900 123",
            "I live on Mill Lane, ls1 4ab",
            "Priya Sharma said Sharma would call",
            "another postcode: SW1A 1AA",
        ],
        "forbidden": [
            "Alex",
            "Smith",
            "Sharma",
            "99173",
            "900123",
            "Mill Lane",
            "LS1",
            "SW1A",
            "example",
        ],
    },
    "CA-QC": {
        "customer": {
            "name": "Nadia Tremblay",
            "email": "nadia.t@example.org",
            "phone": "514 555 0142",
            "address": "455 rue Saint-Denis, Montréal (Québec) H2X 3L2",
        },
        "account_ref": "ROG-4471-220",
        "agent": "Sophie Gagnon",
        "hostile": [
            "Nadia, cliente depuis neuf ans",
            "nadia point t arobase example point org",
            "compte ROG4471220, rog 4471 220",
            "(514) 555-0142, 5145550142",
            "au 455 rue Saint-Denis, h2x3l2",
            "Sophie Gagnon dit que Gagnon rappellera",
        ],
        "forbidden": [
            "Nadia",
            "Tremblay",
            "Gagnon",
            "4471",
            "0142",
            "Saint-Denis",
            "H2X",
            "example",
        ],
    },
    "BE": {
        "customer": {
            "name": "Sofie Peeters",
            "email": "sofie.peeters@voorbeeld.be",
            "phone": "0470 12 34 56",
            "address": "Rue Neuve 5, 1000 Bruxelles",
        },
        "account_ref": "BE 2231 884",
        "agent": "Marc Janssens",
        "hostile": [
            "Sofie attend",
            "sofie arobase voorbeeld point be",
            "client BE2231884",
            "0470123456 ou +32 470 12 34 56",
            "Rue Neuve, B-1000",
            "Marc Janssens a promis",
        ],
        "forbidden": ["Sofie", "Peeters", "Janssens", "2231", "123456", "Rue Neuve", "voorbeeld"],
    },
    "US": {
        "customer": {
            "name": "John O'Neil",
            "email": "jon@example.com",
            "phone": "(202) 555-0173",
            "address": "1600 Elm Street, Springfield, IL 62704",
        },
        "account_ref": "8842-1177-03",
        "agent": "Dana Whitfield",
        "hostile": [
            "John writes",
            "O'NEIL again",
            "jon at example dot com",
            "acct 8842117703",
            "202.555.0173 or 2025550173",
            "Elm Street 62704-1234",
            "Dana Whitfield told me",
        ],
        "forbidden": ["John", "Neil", "Whitfield", "884211", "0173", "Elm Street", "62704"],
    },
    "CA": {
        "customer": {
            "name": "Nadia Marie-Ève Tremblay",
            "email": "nadia.tremblay@example.org",
            "phone": "514 555 0142",
            "address": "455 rue Saint-Denis, Montréal (Québec) H2X 3L2",
        },
        "account_ref": "ROG-4471-220",
        "agent": "agent Marc Lefebvre-Roy",
        "hostile": [
            "Nadia a appelé",
            "marie eve a écrit, puis Marie Ève",
            "Mme TREMBLAY",
            "Lefebvre-Roy a promis, puis M. Lefebvre",
            "j'habite au 455, rue St-Denis, ou 455 Saint Denis",
            "compte ROG–4471–220",
            "au 1-514-555-0142 ou au +1 (514) 555-0142",
            "nadia dot tremblay at example dot org",
            "code postal h2x3l2",
            "écrivez à nadia\u200b.tremblay%40example.org",
        ],
        "forbidden": [
            "Nadia",
            "Marie",
            "Tremblay",
            "Lefebvre",
            "Denis",
            "4471",
            "5550142",
            "H2X",
            "example",
        ],
    },
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _compact(text: str) -> str:
    return re.sub(r"[\W_]", "", _fold(text))


def _hostile_case(country: str):
    return parse_saga(json.dumps(_hostile_case_doc(country)).encode()).cases[0]


def _hostile_case_doc(country: str) -> dict:
    """A saga document whose every field carries the country's hostile corpus."""
    person = PEOPLE[country]
    corpus = " ; ".join(person["hostile"])
    events = [
        {
            "id": f"e{i}",
            "at": f"2026-05-0{i + 1}T{9 + i:02d}:00:00+02:00",
            "channel": channel,
            "direction": direction,
            "answered": answered,
            "counterpart": person["agent"] if direction == "in" else corpus[:80],
            "reference": person["account_ref"],
            "summary": corpus,
            "wait_minutes": 12,
            "promises": [{"text": "On vous rappelle " + corpus, "due": "2026-05-03"}]
            if direction == "in"
            else [],
        }
        for i, (channel, direction, answered) in enumerate(
            [
                ("social_dm", "out", False),
                ("social_public", "out", True),
                ("social_dm", "in", True),
                ("phone", "in", False),
                ("email", "in", True),
            ]
        )
    ]
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": f"hostile-{country}",
                "title": "Problème " + person["hostile"][0] + " " + person["hostile"][-1],
                "provider": "Telco",
                "provider_handle": "@telco",
                "country": country,
                "sector": "mobile",
                "account_ref": person["account_ref"],
                "customer": person["customer"],
                "notes": corpus,
                "events": events,
            }
        ],
    }
    return doc


def _assert_clean(text: str, country: str) -> None:
    person = PEOPLE[country]
    folded, compact = _fold(text), _compact(text)
    for word in person["forbidden"]:
        assert _fold(word) not in folded, (word, text)
        assert _compact(word) not in compact or len(_compact(word)) < 4, (word, text)
    for value in (person["account_ref"], person["customer"]["phone"]):
        assert _compact(value) not in compact, (value, text)


@pytest.mark.parametrize("country", list(PEOPLE))
def test_every_hostile_value_is_masked(country):
    case = _hostile_case(country)
    for line in PEOPLE[country]["hostile"]:
        masked = redact(line, case)
        _assert_clean(masked, country)
        assert leaks(masked, case) == []


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_ladders())


@pytest.mark.parametrize("country", list(PEOPLE))
@pytest.mark.parametrize("kind", POSTS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("quote", [False, True])
def test_no_public_text_ever_leaks(composer, country, kind, lang, quote):
    case = _hostile_case(country)
    for platform in PLATFORMS:
        text = composer.compose(
            case, kind, date(2026, 5, 20), lang=lang, platform=platform, quote=quote
        ).text
        _assert_clean(text, country)
        assert leaks(text, case) == []


def test_a_street_is_masked_with_its_number_however_it_is_written():
    case = _hostile_case("CA")
    for written in ("455, rue St-Denis", "455 Saint Denis", "455 rue saint-denis"):
        assert redact(f"j'habite au {written}.", case) == "j'habite au […].", written


def test_apostrophes_street_abbreviations_and_spaced_postcodes_are_masked():
    doc = _hostile_case_doc("GB")
    doc["cases"][0]["customer"]["name"] = "Siobhan O'Connor-Price"
    case = parse_saga(json.dumps(doc).encode()).cases[0]
    for written in ("O’Connor", "oconnor", "OConnor-Price", "4 Mill Ln", "4, Mill Lane"):
        assert redact(f"said {written} today", case) == "said […] today", written
    french = _hostile_case("FR")
    assert redact("au 63 000 Clermont", french) == "au […] Clermont"
    assert redact("In 2016, 63 calls", french) == "In 2016, 63 calls"


def test_agents_keep_their_first_name_and_figures_survive():
    case = _hostile_case("GB")
    assert redact("Priya Sharma said so", case) == "Priya said so"
    kept = "Day 245: 13 calls in 4 days, 42 minutes on hold, since 2016, at 9:40 pm, 17–19 h"
    assert redact(kept, case) == kept
    assert redact("The Telco team", case) == "The Telco team"


@pytest.mark.parametrize("country", list(PEOPLE))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_saga_card_never_leaks(country, lang):
    from plainte.core.card import card_lines

    case = _hostile_case(country)
    text = " ".join(card_lines(case, date(2026, 5, 20), lang).values())
    _assert_clean(text, country)
    assert leaks(text, case) == []
