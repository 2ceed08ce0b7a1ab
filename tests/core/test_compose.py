"""Letters and posts: the facts, the language, the limits, and no private data in public."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from langdetect import DetectorFactory, detect

from plainte.core.compose import KINDS, LETTERS, POSTS, Composer, TemplateProblem
from plainte.core.errors import PlainteError
from plainte.core.ladder import load_ladders
from plainte.core.language import case_language
from plainte.core.platforms import PLATFORMS, Platform, fit
from plainte.core.redact import leaks
from plainte.core.resources import data_folder
from plainte.core.sagafile import parse_saga, read_saga

TODAY = {
    "demo-red-2016": date(2016, 10, 1),
    "demo-rogers-2010": date(2010, 7, 20),
    "case-1": date(2026, 8, 22),
}


SINCE = {
    "fr": {
        "demo-red-2016": "12 septembre 2016",
        "demo-rogers-2010": "5 juillet 2010",
        "case-1": "3 août 2026",
    },
    "en": {
        "demo-red-2016": "12 September 2016",
        "demo-rogers-2010": "July 5, 2010",
        "case-1": "3 August 2026",
    },
}


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_ladders())


def _demo(case_id: str):
    for path in data_folder("demo").glob("*.json"):
        for case in read_saga(path).cases:
            if case.id == case_id:
                return case
    raise KeyError(case_id)


@pytest.fixture
def english(saga):
    return parse_saga(json.dumps(saga).encode()).cases[0]


def _cases(english):
    return [_demo("demo-red-2016"), _demo("demo-rogers-2010"), english]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "call-recap"])
def test_every_kind_renders_for_every_saga(composer, english, kind, lang):
    for case in _cases(english):
        result = composer.compose(case, kind, TODAY[case.id], lang=lang)
        text = result.text
        assert result.lang == lang
        assert case.provider in text or (case.provider_handle or "") in text
        if kind in LETTERS:
            assert case.account_ref in text
            assert case.customer.name in text
            if kind != "cancellation":  # a cancellation gives figures only for a breach
                assert SINCE[lang][case.id] in text


def test_letters_hold_the_facts_a_lawyer_checks(composer, english):
    text = composer.compose(english, "complaint", date(2026, 8, 22), lang="en").text
    # the e-mail of 7 August was the written complaint: this one is the second level; the
    # title's "for three weeks" went stale, so the subject names the problem instead
    assert "Subject: Complaint escalation, request for a final response — a dispute" in text
    assert "4 Mill Lane, Leeds LS1 4AB" in text and "Leeds, 22 August 2026" in text
    assert "Account number: ACC-99173-UNIQUE" in text
    assert "3 August 2026, 09:15 — phone, from me to Priya, ref. INC-204981, 42 min on hold" in text
    assert '"An engineer will call back within 48 hours", due 5 August 2026 — broken' in text
    assert "My e-mail of 7 August 2026 is still unanswered." in text
    assert "within 30 days, that is by 21 September 2026" in text
    assert "Communications Ombudsman or CISAS" in text
    assert text.rstrip().endswith("Alex Smith")


def test_french_formal_notice_cites_the_law_and_names_the_mediator(composer):
    red = _demo("demo-red-2016")
    text = composer.compose(red, "formal-notice", date(2016, 10, 1)).text
    assert "Objet\u00a0: Mise en demeure" in text
    assert "Lettre recommandée avec accusé de réception" in text
    assert "dans un délai de 8\u00a0jours à compter de la réception" in text or (
        "dans un délai de 8 jours à compter de la réception" in text
    )
    assert "L221-15" in text and "L612-2" not in text
    assert "la Médiatrice des communications électroniques" in text
    assert "réf. TW-88412" in text
    assert "«\u00a0Le service technique vérifie la configuration réseau" in text
    assert "pour le 16 septembre 2016 — non tenue" in text
    # the state agrees with the list's noun: a promise ("promesse") is "non tenue"
    assert "Les promesses faites par vos services, et leur sort" in text
    assert "engagements pris par vos services, et leur sort" not in text


def test_a_french_complaint_lists_promises_whose_state_agrees_with_them(composer):
    red = _demo("demo-red-2016")
    text = composer.compose(red, "complaint", date(2016, 10, 1)).text
    assert "Les promesses faites par vos services" in text
    assert "Les engagements pris par vos services" not in text


def test_the_timeline_says_whom_i_wrote_to_and_who_answered(composer):
    """Whom a contact of mine went to follows "from me"; who answered follows "from you"."""
    red = _demo("demo-red-2016")
    for lang, mine, theirs in (
        ("fr", "message privé, de ma part à @RED_by_SFR, sans réponse", "de votre part, Julie"),
        ("en", "direct message, from me to @RED_by_SFR, no answer", "from you, Julie"),
    ):
        text = composer.compose(red, "complaint", date(2016, 10, 1), lang=lang).text
        assert mine in text and theirs in text


@pytest.mark.parametrize("days", [1, 21])
def test_a_refund_without_a_computed_sum_still_names_the_days(composer, saga, days):
    """Belgium's facts compute the statutory compensation but no refund: the ask says which days."""
    saga["cases"][0].update(
        country="BE",
        problem="no_service",
        monthly_price={"amount": 39.99, "currency": "EUR"},
        service_down=[{"from": "2026-08-01"}],
    )
    case = parse_saga(json.dumps(saga).encode()).cases[0]
    today = date(2026, 8, 1 + days)
    wanted = {
        "en": f"refund the subscription for the {days} day{'s' * (days > 1)} without service"
        " since 1 August 2026",
        "fr": "de me rembourser l'abonnement pour "
        + ("le jour" if days == 1 else f"les {days} jours")
        + " sans service depuis le 1er août 2026",
    }
    for lang, ask in wanted.items():
        text = composer.compose(case, "formal-notice", today, lang=lang).text
        assert ask in text and "période sans service" not in text
        assert "period without service" not in text


def test_uk_formal_notice_is_a_letter_before_claim(composer, english):
    english.problem = "no_service"  # the grounds follow the problem
    text = composer.compose(english, "formal-notice", date(2026, 8, 22), lang="en").text
    assert "Subject: Letter before claim" in text
    assert "Consumer Rights Act 2015" in text
    assert "Sent by Royal Mail Signed For" in text
    assert "Pre-Action Conduct" in text and "County Court" in text
    assert "formal notice" not in text.lower()


def test_ombudsman_referral_encloses_only_what_exists(composer):
    rogers = _demo("demo-rogers-2010")
    result = composer.compose(rogers, "ombudsman", date(2010, 7, 20), lang="fr")
    text = result.text
    assert text.startswith("Nadia Tremblay")
    assert "Commission des plaintes relatives aux services de télécom-télévision (CPRST)" in text
    assert "Médiateur" not in text and "CCTS" not in text
    assert "Pièces jointes\u00a0:" in text
    assert "- la copie de mon envoi (courriel) du 5 juillet 2010" in text
    assert "réclamation écrite d'origine" not in text  # the body's checklist goes to the person
    assert any(f.code == "still_need" for f in result.findings)
    assert "de l'opérateur, sans message" in text


def test_call_recap_puts_the_call_in_writing(composer, english):
    result = composer.compose(english, "call-recap", date(2026, 8, 3), lang="en")
    text = result.text
    assert text.startswith("Subject: Summary of our call on 3 August 2026 — ref. INC-204981")
    assert "at 09:15 with Priya, reference INC-204981" in text
    assert (
        "what you undertook to do:\n- An engineer will call back within 48 hours, by 5 August 2026"
        in text
    )
    assert result.event_id == "a"
    late = composer.compose(english, "call-recap", date(2026, 8, 22), lang="en")
    assert "I am writing down, 19 days later" in late.text
    assert any(f.code == "late_recap" for f in late.findings)
    other = composer.compose(english, "call-recap", date(2026, 8, 22), lang="en", event_id="d")
    assert "exchange (chat)" in other.text and "A credit of £20" in other.text
    with pytest.raises(PlainteError):
        composer.compose(english, "call-recap", date(2026, 8, 22), event_id="nope")
    with pytest.raises(PlainteError):
        composer.compose(_demo("demo-red-2016"), "call-recap", date(2016, 10, 1))


def test_fit_never_cuts_a_word():
    words = ["alpha", "bravo", "charlie", "delta", "echo"] * 30
    text = fit([(" ".join(words), False)], Platform("x", "X", 50))
    assert text.endswith("…") and len(text) <= 50
    assert all(w in {"alpha", "bravo", "charlie", "delta", "echo"} for w in text[:-1].split())
    assert (
        fit([("keep this.", False), ("drop me, I am long " * 10, True)], Platform("x", "X", 40))
        == "keep this."
    )


def test_x_counts_weighted_characters_and_urls():
    x = PLATFORMS["x"]
    assert x.count("abc") == 3
    assert x.count("日本") == 4
    assert x.count("see https://example.org/a/very/long/path/indeed") == 4 + 23


LEAKY = "Call me on +33 6 12 34 56 78 or write to me@leaky.example, account ACC-99173-UNIQUE."


@pytest.mark.parametrize("kind", POSTS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("platform", ["x", "mastodon", "linkedin"])
def test_public_outputs_never_hold_private_data(composer, saga, kind, lang, platform):
    case_doc = saga["cases"][0]
    case_doc["title"] = "Line down, see ACC-99173-UNIQUE and 07700 900123"
    case_doc["notes"] = LEAKY
    for event in case_doc["events"]:
        event["summary"] = LEAKY
        event["counterpart"] = "Priya (priya@examplecom.example)"
    case_doc["events"][0]["promises"][0]["text"] = "We will call you on 07700 900123 " + LEAKY
    case = parse_saga(json.dumps(saga).encode()).cases[0]
    text = composer.compose(case, kind, date(2026, 8, 22), lang=lang, platform=platform).text
    assert leaks(text, case) == []
    for private in (
        "ACC-99173-UNIQUE",
        "07700 900123",
        "alex@example.net",
        "Mill Lane",
        "Alex Smith",
        "me@leaky.example",
        "12 34 56 78",
        "priya@",
    ):
        assert private not in text


def test_the_language_is_the_case_own_or_detected(composer, english):
    red = _demo("demo-red-2016")
    red.language = None
    english.language = None
    assert case_language(red) == "fr"
    assert case_language(english) == "en"
    assert composer.compose(red, "complaint", date(2016, 10, 1)).lang == "fr"
    assert composer.compose(red, "complaint", date(2016, 10, 1), lang="en").lang == "en"


@pytest.mark.parametrize(
    "kind", ["complaint", "formal-notice", "ombudsman", "cancellation", "public-post", "satire"]
)
def test_langdetect_reads_the_language_written(composer, english, kind):
    DetectorFactory.seed = 0
    french = composer.compose(_demo("demo-red-2016"), kind, date(2016, 10, 1), lang="fr")
    assert detect(french.text) == "fr"
    assert detect(composer.compose(english, kind, date(2026, 8, 22), lang="en").text) == "en"


def test_the_person_texts_are_data_not_template_code(composer, saga):
    saga["cases"][0]["events"][0]["summary"] = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}"
    case = parse_saga(json.dumps(saga).encode()).cases[0]
    text = composer.compose(case, "complaint", date(2026, 8, 22), lang="en").text
    assert "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}" in text
    assert "on hold: 49" not in text and "xxx" not in text


def _override(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "templates"


def test_a_user_template_overrides_the_built_in(tmp_path, english):
    mine = "Subject: Mine\n{{ case.provider }} owes me {{ stats.wait_minutes }} minutes.\n"
    folder = _override(tmp_path, "letters/complaint.en.txt.j2", mine)
    result = Composer(load_ladders(), folder).compose(
        english, "complaint", date(2026, 8, 22), lang="en"
    )
    assert result.text == "Subject: Mine\nExamplecom owes me 58 minutes.\n"
    assert result.warnings == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Hello\n{{ case.provider \n", 2, "unexpected"),
        ("Hello\n\n{{ case.nothing_here }}\n", 3, "nothing_here"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 1, "unsafe"),
    ],
)
def test_a_broken_user_template_is_reported_and_the_built_in_used(
    tmp_path, english, text, line, words
):
    folder = _override(tmp_path, "letters/complaint.en.txt.j2", text)
    result = Composer(load_ladders(), folder).compose(
        english, "complaint", date(2026, 8, 22), lang="en"
    )
    assert result.text.startswith("Alex Smith")  # the built-in letter
    (problem,) = result.warnings
    assert isinstance(problem, TemplateProblem)
    assert problem.line == line
    assert "complaint.en.txt.j2" in str(problem) and f"line {line}" in str(problem)
    assert words in str(problem)
