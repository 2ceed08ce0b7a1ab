"""What a lawyer checks first in each letter, for each jurisdiction and kind.

The same saga (a service down 22 days, a broken promise of a technician, a
written complaint acknowledged) is written in France, the UK, Québec, Ontario,
Belgium and the US; each letter must carry the demand with its figures, the
grounds that fit and none that do not, the deadline, and the local form.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.sagafile import parse_saga

TODAY = date(2026, 10, 10)
KINDS = ("complaint", "formal-notice", "ombudsman", "cancellation", "call-recap")

PLACES = {
    "FR": ("fr", "EUR", "12 rue des Lilas, 63000 Clermont-Ferrand", "internet"),
    "GB": ("en", "GBP", "17 Hyde Park Road, Leeds LS6 1AH", "internet"),
    "CA-QC": ("fr", "CAD", "455 rue Saint-Denis, Montréal (Québec) H2X 3L2", "internet"),
    "CA": ("en", "CAD", "88 Queen Street West, Toronto, ON M5H 2N2", "internet"),
    "BE": ("fr", "EUR", "Rue Saint-Gilles 42, 4000 Liège", "internet"),
    "US": ("en", "USD", "350 Fifth Avenue, New York, NY 10118", "internet"),
}


def _case(country: str):
    lang, currency, address, sector = PLACES[country]
    fr = lang == "fr"
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": f"case-{country.lower()}",
                "title": "Internet coupé, technicien absent"
                if fr
                else "Internet down, no engineer",
                "provider": "Sky" if country == "GB" else "Netco",
                "country": country,
                "sector": sector,
                "language": lang,
                "account_ref": "ACC-2026-001",
                "customer": {"name": "Camille Dupont", "address": address},
                "problem": "no_service",
                "monthly_price": {"amount": 39.99, "currency": currency},
                "service_down": [{"from": "2026-09-01", "to": "2026-09-23"}],
                "events": [
                    {
                        "id": "e1",
                        "at": "2026-09-01T09:00:00",
                        "channel": "phone",
                        "direction": "out",
                        "counterpart": "Sarah",
                        "reference": "INC-1",
                        "summary": "Signalement de la coupure totale."
                        if fr
                        else "Reported the total outage.",
                        "promises": [
                            {
                                "id": "p1",
                                "text": "Un technicien passera le 4 septembre"
                                if fr
                                else "An engineer will come on 4 September",
                                "due": "2026-09-04",
                                "status": "broken",
                            }
                        ],
                    },
                    {
                        "id": "e2",
                        "at": "2026-09-08T10:00:00",
                        "channel": "email",
                        "direction": "out",
                        "summary": "Réclamation écrite." if fr else "Written complaint.",
                    },
                    {
                        "id": "e3",
                        "at": "2026-09-10T10:00:00",
                        "channel": "email",
                        "direction": "in",
                        "summary": "Accusé de lecture." if fr else "Acknowledgement.",
                    },
                    {
                        "id": "e4",
                        "at": "2026-10-09T17:30:00",
                        "channel": "phone",
                        "direction": "in",
                        "counterpart": "Marc",
                        "summary": "Appel du service client." if fr else "Call from the provider.",
                        "promises": [
                            {
                                "id": "p2",
                                "text": "Un geste commercial sera proposé"
                                if fr
                                else "A goodwill credit will be offered",
                                "due": "2026-10-16",
                            }
                        ],
                    },
                ],
            }
        ],
    }
    return parse_saga(json.dumps(doc).encode()).cases[0]


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_ladders())


def _plain(text: str) -> str:
    """The text with French no-break spaces as plain ones, to compare words."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


# What must be there and must not, by jurisdiction (every kind) ---------------------

FORM = {
    "FR": {
        "must": ["Madame, Monsieur,", "10 octobre 2026", "Référence client : ACC-2026-001"],
        "never": ["L612-2", "Dear", "Sous toutes réserves"],
    },
    "GB": {
        "must": ["Dear Sir or Madam,", "Yours faithfully,", "10 October 2026", "Account number"],
        "never": ["formal notice", "Formal notice", "October 10, 2026", "Sincerely"],
    },
    "CA-QC": {
        "must": ["Madame, Monsieur,", "10 octobre 2026", "Numéro de compte : ACC-2026-001"],
        "never": ["accusé de réception", "Référence client", "Médiateur", "le CCTS", "LRAR"],
    },
    "CA": {
        "must": ["Dear Sir or Madam:", "Sincerely,", "October 10, 2026"],
        "never": [
            "formal notice",
            "Formal notice",
            "Without prejudice",
            "WITHOUT PREJUDICE",
            "Yours faithfully",
            "Customer Services",
        ],
    },
    "BE": {
        "must": ["Madame, Monsieur,", "10 octobre 2026", "Numéro de client : ACC-2026-001"],
        "never": ["L612-2", "accusé de réception", "Service consommateurs"],
    },
    "US": {
        "must": ["Dear Sir or Madam:", "Sincerely,", "October 10, 2026"],
        "never": ["Yours faithfully", "formal notice", "Formal notice"],
    },
}

DEMAND = {
    # the refund, with its calculation, where the remedies data computes it
    "FR": "39,99 € × 22/30 = 29,33 €",
    "GB": "£39.99 × 22/30 = £29.33",
    "CA-QC": "39,99 $ × 22/30 = 29,33 $",
    "CA": "$39.99 × 22/30 = $29.33",
    "BE": "39,99 € × 22/30 = 29,33 €",
    "US": "$39.99 × 22/30 = $29.33",
}

GROUNDS = {
    "FR": ["L221-15", "obligation de résultat"],
    "GB": ["Consumer Rights Act 2015", "automatic compensation"],
    "CA-QC": ["272 de la Loi sur la protection du consommateur"],
    "CA": [],
    "BE": ["113/2"],
    "US": [],
}

NOTICE = {
    "FR": [
        "Objet : Mise en demeure",
        "Lettre recommandée avec accusé de réception",
        "dans un délai de 8 jours à compter de la réception",
        "intérêts au taux légal",
    ],
    "GB": [
        "Subject: Letter before claim",
        "Sent by Royal Mail Signed For",
        "within 14 days",
        "Pre-Action Conduct",
        "County Court",
        "8% a year",
    ],
    "CA-QC": [
        "Sous toutes réserves",
        "RECOMMANDÉ",
        "Objet : Mise en demeure",
        "dans un délai de 10 jours à compter de la réception",
        "Division des petites créances",
    ],
    "CA": ["Subject: Demand letter", "By Registered Mail", "within 14 days", "Small Claims Court"],
    "BE": ["Objet : Mise en demeure", "Envoi recommandé", "justice de paix"],
    "US": ["Subject: Demand letter", "certified mail", "within 14 days", "small claims court"],
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("country", list(PLACES))
def test_what_a_lawyer_checks_first(composer, country, kind):
    case = _case(country)
    lang = PLACES[country][0]
    result = composer.compose(case, kind, TODAY, lang=lang)
    text = _plain(result.text)
    for word in FORM[country]["must"]:
        if kind == "ombudsman" and (":" in word or "Madame" in word or "Account" in word):
            continue  # to the body: its own salutation, the reference in the subject
        if kind == "call-recap" and "2026" in word:
            word = word.replace("10", "9")  # the recap is dated by the call
        assert word in text, (country, kind, word)
    for word in FORM[country]["never"]:
        assert word not in text, (country, kind, word)
    if kind == "call-recap":
        assert "17:30" in text or "5:30" in text or "17 h 30" in text
        assert ("A goodwill credit" in text) or ("un geste commercial" in text)
        return
    # the demand, with its figures, and the total
    assert DEMAND[country] in text, (country, kind)
    assert ("Total claimed:" in text) or ("Total réclamé :" in text)
    # grounds that fit; never an admissibility rule as a ground
    for ground in GROUNDS[country]:
        assert ground in text, (country, kind, ground)
    if kind != "cancellation":  # the promise that was broken, dated
        assert ("broken" in text) or ("non tenue" in text)
    if kind == "formal-notice":
        for word in NOTICE[country]:
            assert word in text, (country, word)
    if kind == "complaint":
        assert ("within 30 days" in text) or ("dans un délai de 30 jours" in text)
    if kind == "ombudsman":
        assert ("admissible" in text) or ("Recevabilité" in text)
        assert ("Enclosures:" in text) or ("Pièces jointes :" in text)
        assert "original written complaint" not in text  # the body's checklist: to the person
    if kind == "cancellation":
        assert ("without any early termination fee" in text) or ("sans aucuns frais" in text)


@pytest.mark.parametrize("country", list(PLACES))
def test_one_language_per_letter(composer, country):
    """A letter in the other language quotes the person's texts, naming their language."""
    case = _case(country)
    other = "en" if PLACES[country][0] == "fr" else "fr"
    case.events[0].summary = (
        "J'ai signalé la coupure totale de la ligne au service client ce matin-là."
        if other == "en"
        else "I reported the total outage of the line to customer services that morning."
    )
    text = _plain(composer.compose(case, "complaint", TODAY, lang=other).text)
    named = "(in French)" if other == "en" else "(en anglais)"
    assert named in text


@pytest.mark.parametrize("country", ["FR", "GB"])
def test_a_switched_case_asks_nothing_the_switch_has_made_moot(composer, country):
    """Once the person has switched away, no letter asks to restore the service nor to end
    a contract the switch has already ended."""
    from plainte.core.model import CaseStatus

    case = _case(country)
    case.status = CaseStatus.SWITCHED
    case.service_down[0].end = None  # still down when the person left
    lang = PLACES[country][0]
    for kind in ("complaint", "formal-notice", "cancellation"):
        text = _plain(composer.compose(case, kind, TODAY, lang=lang).text)
        for moot in ("rétablir", "restore the service", "mettre fin au contrat", "release me"):
            assert moot not in text, (country, kind, moot)
    cancel = _plain(composer.compose(case, "cancellation", TODAY, lang=lang).text)
    assert ("Mon départ fait suite" in cancel) or ("My leaving follows" in cancel)
    assert ("sans frais de résiliation" in cancel) or ("early termination fee" in cancel)


def test_french_elides_de_before_a_provider_s_vowel(composer):
    case = _case("FR")
    case.provider = "Orange"
    text = _plain(composer.compose(case, "ombudsman", TODAY, lang="fr").text)
    assert "d'obtenir d'Orange :" in text and "de Orange" not in text
    case.provider = "Free"
    assert "d'obtenir de Free :" in _plain(
        composer.compose(case, "ombudsman", TODAY, lang="fr").text
    )


def test_the_uk_letter_before_claim_sets_its_deadline_off_with_commas(composer):
    text = _plain(composer.compose(_case("GB"), "formal-notice", TODAY, lang="en").text)
    assert "I ask you, within 14 days, that is by 24 October 2026, to:" in text


def test_the_ombudsman_letter_asks_that_the_provider_act(composer):
    text = _plain(composer.compose(_case("GB"), "ombudsman", TODAY, lang="en").text)
    assert "I ask that Sky:\n1. refund" in text
    assert "obtain from Sky:" not in text


def test_short_texts_in_the_case_s_own_language_are_quoted_as_such(composer):
    """A French case's short summaries, in an English letter, are named as French when the
    detector agrees; with no language declared, short texts are not judged at all."""
    fr = _case("FR")
    text = _plain(composer.compose(fr, "complaint", TODAY, lang="en").text)
    assert '(in French) "Signalement de la coupure totale."' in text
    fr.events[0].summary = "Panne signalée."
    text = _plain(composer.compose(fr, "complaint", TODAY, lang="en").text)
    assert '(in French) "Panne signalée."' in text
    fr.language = None
    text = _plain(composer.compose(fr, "complaint", TODAY, lang="en").text)
    assert '(in French) "Signalement' not in text


def test_a_quotation_in_the_other_language_keeps_its_own_spacing(composer):
    """French spacing is for the letter's words: an English quotation keeps "e-mail: the"."""
    gb = _case("GB")
    gb.events[0].summary = "Formal complaint by e-mail: the line is dead and nobody came!"
    text = composer.compose(gb, "formal-notice", TODAY, lang="fr").text
    assert "(en anglais) «\u00a0Formal complaint by e-mail: the line" in text
    assert "nobody came!\u00a0»" in text
    assert "\x0e" not in text and "\x0f" not in text
    assert "Objet\u00a0: " in text  # the letter's own words keep French spacing


def test_article_1231_serves_the_formal_notice_only(composer):
    """ "Damages for delay need a formal notice first" is the notice's ground, not a
    complaint's, a referral's or a cancellation's."""
    case = _case("FR")
    rule = "l'article 1231 du Code civil"
    assert rule in _plain(composer.compose(case, "formal-notice", TODAY, lang="fr").text)
    for kind in ("complaint", "ombudsman", "cancellation"):
        text = _plain(composer.compose(case, kind, TODAY, lang="fr").text)
        assert rule not in text and "1217 et 1231-1" in text, kind


def test_a_state_s_rule_is_cited_only_for_an_address_in_that_state(composer):
    """New York's outage credit serves a New Yorker's letter, not a Californian's."""
    case = _case("US")
    assert "New York PSC" in composer.compose(case, "formal-notice", TODAY, lang="en").text
    case.customer.address = "1 Market Street, San Francisco, CA 94105"
    text = composer.compose(case, "formal-notice", TODAY, lang="en").text
    assert "New York PSC" not in text and "Demand letter" in text


@pytest.mark.parametrize(
    ("country", "words"),
    [
        ("CA-QC", "vous vous êtes engagés lors de notre appel"),
        ("CA-QC", "- un technicien passera le 4 septembre, le 4 septembre 2026"),
        ("CA-QC", "entre 17 h 00 et 19 h 00."),
        ("CA", "between 5:00 p.m. and 7:00 p.m.\n"),
        ("US", "between 5:00 PM and 7:00 PM.\n"),
        ("GB", "between 17:00 and 19:00.\n"),
    ],
)
def test_a_recap_gives_the_promised_window_as_the_locale_writes_times(composer, country, words):
    from plainte.core.model import Window

    case = _case(country)
    case.events[0].promises[0].window = Window("17:00", "19:00")
    lang = PLACES[country][0]
    text = _plain(composer.compose(case, "call-recap", TODAY, lang=lang, event_id="e1").text)
    assert words in text, text
    assert "17:00–19:00" not in text
