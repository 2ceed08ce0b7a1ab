"""Remedies as data: grounds per problem, computed sums with their formulas, notice and
referral forms, dated facts, and nothing unverified shown as law."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plainte.core import remedies
from plainte.core.remedies_data import RemediesError, files, read_remedies
from plainte.core.sagafile import parse_saga

FILES = files()


def _case(country: str = "FR", events: list | None = None, **fields):
    case = {
        "id": "c",
        "title": "Box en panne",
        "provider": "Op",
        "country": country,
        "sector": "internet",
        "language": "fr",
        "account_ref": "ACC-1",
        "events": events
        if events is not None
        else [
            {"at": "2026-03-28T10:00:00+01:00", "channel": "phone", "direction": "out"},
            {"at": "2026-03-30", "channel": "letter", "direction": "out"},
        ],
        **fields,
    }
    doc = {"format": "plainte-saga", "version": 1, "cases": [case]}
    return parse_saga(json.dumps(doc).encode()).cases[0]


DOWN = {
    "problem": "no_service",
    "monthly_price": {"amount": 39.99, "currency": "EUR"},
    "service_down": [{"from": "2026-03-28", "to": "2026-04-19"}],
}


def test_every_jurisdiction_of_the_ladders_has_remedies():
    names = {p.stem for p in FILES}
    assert names == {"fr", "gb", "be", "ca", "ca-qc", "us"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_fact_cites_sources_that_exist(path: Path):
    data = read_remedies(path)
    assert data.reviewed is not None and data.check_with
    items = data.grounds + data.compensation
    items += (data.notice.get("requirements") or []) + [data.notice.get("deadline") or {}]
    for key in ("channels", "admissibility", "asks_for"):
        items += data.referral.get(key) or []
    items += (data.interest or {}).get("rates") or []
    for item in filter(None, items):
        assert item["status"] in ("official", "third-party", "unverified"), item
        if item["status"] != "unverified":
            assert item["sources"], item
        assert set(item.get("sources") or []) <= set(data.sources), item
        if item["status"] == "unverified":
            assert item["check"]["fr"] and item["check"]["en"], item


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize(
    "problem",
    ["no_service", "billing", "broken_promise", "contract_change", "contact", "switching"],
)
def test_nothing_unverified_is_returned_as_law(path, problem):
    data = read_remedies(path)
    unverified = {i["id"] for i in data.grounds + data.compensation if i["status"] == "unverified"}
    for sector in ("mobile", "internet"):
        case = _case(data.jurisdiction, problem=problem, sector=sector)
        returned = remedies.grounds(case, date(2026, 11, 23)) + remedies.rules(
            case, date(2026, 11, 23)
        )
        assert all(item.status in ("official", "third-party") for item in returned)
        assert not {item.id for item in returned} & unverified
        form = remedies.notice_form(case)
        assert all(r.status != "unverified" for r in form.requirements)


def test_an_unverified_ground_is_only_a_check_with_text():
    case = _case("CA-QC", problem="no_service")
    ids = {g.id for g in remedies.grounds(case, date(2026, 11, 23))}
    assert "ccq-1458-1590" not in ids and "lpc-272" in ids
    checks = remedies.checks(case, date(2026, 11, 23))
    assert any(
        "1458" in c["fr"]
        and c["fr"].endswith(
            "vérifiez auprès de l'Office de la protection du consommateur ou d'un avocat."
        )
        for c in checks
    )
    assert any("check with the Office de la protection du consommateur" in c["en"] for c in checks)


def test_france_no_service_grounds_and_the_pro_rata_refund():
    case = _case(**DOWN)
    cited = {g.id for g in remedies.grounds(case, date(2026, 5, 1))}
    assert {"obligation-de-resultat", "l221-15", "cciv-1217-1231-1"} <= cited
    assert "l224-42-1" not in cited  # a porting rule does not serve an outage
    (refund,) = remedies.compensation(case, date(2026, 5, 1))
    assert refund.amount == 29.33
    assert refund.formula == "39,99\u00a0€ × 22/30 = 29,33\u00a0€"
    assert refund.status == "third-party" and refund.sources[0].title.startswith("UFC")
    english = remedies.compensation(case, date(2026, 5, 1), "en_IE")[0]
    assert english.formula == "€39.99 × 22/30 = €29.33"


def test_a_mobile_outage_does_not_cite_the_internet_providers_obligation():
    case = _case(**DOWN, sector="mobile")
    assert "obligation-de-resultat" not in {g.id for g in remedies.grounds(case, date(2026, 5, 1))}


def test_france_porting_delay_is_a_fifth_of_the_monthly_price_per_day():
    case = _case(
        problem="switching",
        monthly_price={"amount": 20, "currency": "EUR"},
        service_down=[{"from": "2026-05-04", "to": "2026-05-08"}],
    )
    amounts = {a.id: a for a in remedies.compensation(case, date(2026, 6, 1))}
    assert amounts["porting-delay"].amount == 16.0  # remedies.md FR-R2: €20, 4 days late
    assert amounts["porting-delay"].status == "official"
    assert "l224-42-1" in {g.id for g in remedies.grounds(case, date(2026, 6, 1))}
    assert "lost-number" in {r.id for r in remedies.rules(case, date(2026, 6, 1))}


def test_legal_interest_runs_from_the_formal_notice_at_the_rate_of_each_day():
    events = [
        {"at": "2026-03-30", "channel": "letter", "direction": "out"},
        {"at": "2026-05-02", "channel": "registered_letter", "direction": "out",
         "step": "formal_notice"},
    ]  # fmt: skip
    case = _case(events=events, **DOWN)
    interest = remedies.compensation(case, date(2026, 6, 1))[-1]
    assert interest.id == "legal-interest"
    assert interest.formula == "29,33\u00a0€ × 6,67\u00a0% × 30/365 = 0,16\u00a0€"
    assert not [c for c in remedies.checks(case, date(2026, 6, 1)) if "2026" in c["fr"]]
    later = remedies.compensation(case, date(2026, 9, 1))[-1]
    assert "× 59/365" in later.formula  # 2 May to 30 June only: H2 2026 is not known
    (check,) = [c for c in remedies.checks(case, date(2026, 9, 1)) if "2026" in c["fr"]]
    assert "second semestre 2026" in check["fr"] and "vérifiez auprès" in check["fr"]
    assert any("lisez votre contrat" in c["fr"] for c in remedies.checks(case, date(2026, 9, 1)))


def test_without_a_formal_notice_there_is_no_interest():
    ids = [a.id for a in remedies.compensation(_case(**DOWN), date(2026, 9, 1))]
    assert ids == ["pro-rata-refund"]


def test_uk_automatic_compensation_counts_days_after_two_working_days():
    # remedies.md GB-R4: reported on a Monday, fixed three weeks later: 19 payments
    case = _case(
        "GB",
        problem="no_service",
        monthly_price={"amount": 30, "currency": "GBP"},
        service_down=[{"from": "2026-06-01", "to": "2026-06-22"}],
        language="en",
    )
    amounts = {a.id: a for a in remedies.compensation(case, date(2026, 7, 1), "en_GB")}
    repair = amounts["autocomp-repair"]
    assert repair.formula == "19 × £10.34 = £196.46"
    assert repair.condition["en"].startswith("if the provider is a signatory")
    assert amounts["pro-rata-refund"].formula == "£30.00 × 21/30 = £21.00"


def test_uk_automatic_compensation_uses_the_rate_in_force():
    case = _case(
        "GB",
        problem="no_service",
        service_down=[{"from": "2025-06-02", "to": "2025-06-23"}],
        language="en",
    )
    (repair,) = remedies.compensation(case, date(2025, 7, 1), "en_GB")
    assert repair.formula == "19 × £9.98 = £189.62"


def test_uk_automatic_compensation_is_for_landline_and_broadband_only():
    case = _case(
        "GB", problem="no_service", sector="mobile",
        service_down=[{"from": "2026-06-01", "to": "2026-06-22"}],
    )  # fmt: skip
    assert remedies.compensation(case, date(2026, 7, 1)) == []


@pytest.mark.parametrize(
    ("cancelled", "cited", "not_cited"),
    [
        ("2026-05-20", "wireless-fee-cap", "wireless-fee-ban"),
        ("2026-07-02", "wireless-fee-ban", "wireless-fee-cap"),
    ],
)
@pytest.mark.parametrize("country", ["CA", "CA-QC"])
def test_canada_fee_grounds_follow_the_cancellation_day(country, cancelled, cited, not_cited):
    events = [
        {"at": "2026-01-10", "channel": "phone", "direction": "out"},
        {"at": cancelled, "channel": "phone", "direction": "out", "step": "switch"},
    ]
    case = _case(country, events=events, problem="switching", sector="mobile", status="switched")
    ids = {g.id for g in remedies.grounds(case, date(2026, 11, 23))}
    assert cited in ids and not_cited not in ids


def test_the_2010_rogers_demo_is_never_told_about_2026_rules(demo_paths):
    from plainte.core.sagafile import read_saga

    rogers = next(c for p in demo_paths for c in read_saga(p).cases if c.id == "demo-rogers-2010")
    for problem in ("switching", "contract_change", "contact"):
        rogers.problem = problem
        for ground in remedies.grounds(rogers, date(2026, 11, 23)):
            assert "2026" not in ground.cite["en"] + ground.cite["fr"], ground.id


def test_quebec_includes_the_federal_ccts_and_its_own_form():
    case = _case("CA-QC", problem="billing", sector="mobile")
    ids = {g.id for g in remedies.grounds(case, date(2026, 11, 23))}
    assert {"lpc-12-40", "lpc-272", "ccts-billing"} <= ids
    form = remedies.notice_form(case)
    assert form.deadline_from_receipt
    assert any("Sous toutes réserves" in r.text["fr"] for r in form.requirements)
    referral = remedies.referral_form(case, date(2026, 11, 23))
    assert referral.body["fr"].startswith("la CPRST")


def test_ontario_notice_says_not_without_prejudice():
    form = remedies.notice_form(_case("CA", problem="billing"))
    assert form.name["en"] == "Demand letter"
    assert any("without prejudice" in r.text["en"] for r in form.requirements)


def test_the_french_mediator_takes_referrals_online_and_by_post():
    events = [
        {"at": "2026-03-28T10:00:00+01:00", "channel": "phone", "direction": "out"},
        {"at": "2026-03-30", "channel": "letter", "direction": "out"},
    ]
    case = _case(events=events, wants=[{"kind": "repair"}, {"kind": "refund"}], **DOWN)
    form = remedies.referral_form(case, date(2026, 6, 1))
    kinds = {c.kind: c for c in form.channels}
    assert kinds["post"].address.endswith("94257 Gentilly Cedex")
    assert kinds["online"].url == "https://www.mediation-telecom.org"
    fields = {f.id: f.value for f in form.fields}
    assert fields["complaint_date"] == "30 mars 2026"
    assert fields["amount"] == "29,33\u00a0€"
    assert fields["wanted"] == "le rétablissement du service ; un remboursement"
    assert fields["second_level_date"] is None  # the case does not say: left for the person
    assert fields["contract"] == "ACC-1"


def test_uk_referral_and_letter_before_claim():
    case = _case("GB", problem="no_service", language="en")
    form = remedies.referral_form(case, date(2026, 11, 23), "en_GB")
    assert {c.url for c in form.channels} == {
        "https://www.commsombudsman.org",
        "https://www.cedr.com/consumer/cisas/complainnow/",
    }
    notice = remedies.notice_form(case)
    assert notice.deadline_days == 14 and not notice.deadline_from_receipt
    assert any("how the amount is calculated" in r.text["en"] for r in notice.requirements)
    assert any("Scotland" in c["en"] for c in remedies.checks(case, date(2026, 11, 23)))


def test_a_country_without_data_gets_nothing_rather_than_a_guess():
    case = _case("DE", problem="no_service")
    assert remedies.grounds(case, date(2026, 11, 23)) == []
    assert remedies.compensation(case, date(2026, 11, 23)) == []
    assert remedies.referral_form(case, date(2026, 11, 23)).channels == []


def test_a_case_without_a_problem_gets_no_grounds():
    assert remedies.grounds(_case(), date(2026, 11, 23)) == []


def test_a_faulty_remedies_file_is_refused_at_its_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text(
        "jurisdiction: XX\nreviewed: 2026-11-23\ncheck_with: someone\n"
        "sources: {a: {title: A}}\ngrounds:\n"
        "  - id: g\n    problems: [no_service]\n    cite: C\n    gives: G\n"
        "    status: official\n    sources: [b]\n",
        encoding="utf-8",
    )
    with pytest.raises(RemediesError) as info:
        read_remedies(path)
    assert info.value.line == 11 and 'source "b"' in str(info.value)


def test_belgian_outage_compensation_since_1_november_2024():
    fields = {
        "problem": "no_service",
        "monthly_price": {"amount": 30, "currency": "EUR"},
    }
    before = _case("BE", service_down=[{"from": "2024-10-01", "to": "2024-10-11"}], **fields)
    assert "lce-113-2" not in {g.id for g in remedies.grounds(before, date(2024, 10, 20))}
    assert remedies.compensation(before, date(2024, 10, 20)) == []
    after = _case("BE", service_down=[{"from": "2026-03-01", "to": "2026-03-11"}], **fields)
    assert "lce-113-2" in {g.id for g in remedies.grounds(after, date(2026, 3, 20))}
    (minimum,) = remedies.compensation(after, date(2026, 3, 20))
    assert minimum.formula == "30,00\u00a0€ × 10/30 = 10,00\u00a0€" and minimum.status == "official"


def test_belgian_referral_by_post_and_e_mail():
    form = remedies.referral_form(_case("BE", problem="billing"), date(2026, 11, 23))
    kinds = {c.kind: c for c in form.channels}
    assert kinds["post"].address.endswith("1000 Bruxelles")
    assert kinds["email"].address == "plaintes@mediateurtelecom.be"


def test_us_slamming_and_the_fcc_informal_complaint():
    case = _case("US", problem="billing", language="en")
    assert {"truth-in-billing", "slamming"} <= {
        g.id for g in remedies.grounds(case, date(2026, 11, 23))
    }
    form = remedies.referral_form(case, date(2026, 11, 23), "en_US")
    assert form.channels[0].url == "https://consumercomplaints.fcc.gov"
    assert "Notice of Dispute" in " ".join(
        r.text["en"] for r in remedies.notice_form(case).requirements
    )


@pytest.mark.parametrize(
    ("country", "problem", "ground", "before", "after"),
    [
        ("FR", "switching", "l224-42-1", "2021-05-27", "2021-05-28"),
        ("FR", "contact", "demarchage-consentement", "2026-08-10", "2026-08-11"),
        ("CA-QC", "switching", "lpc-214", "2010-06-29", "2010-06-30"),
        ("GB", "switching", "gc-c7-ots", "2024-09-11", "2024-09-12"),
        ("BE", "no_service", "lce-113-2", "2024-10-31", "2024-11-01"),
    ],
)
def test_each_dated_ground_applies_from_its_first_day(country, problem, ground, before, after):
    def cited(day: str) -> set[str]:
        events = [{"at": day, "channel": "letter", "direction": "out"}]
        case = _case(country, events=events, problem=problem, status="resolved")
        return {g.id for g in remedies.grounds(case, date(2026, 11, 23))}

    assert ground not in cited(before)
    assert ground in cited(after)


def test_the_red_demo_of_2016_gets_no_2021_porting_compensation(demo_paths):
    from plainte.core.ladder import evaluate, load_ladders
    from plainte.core.sagafile import read_saga

    red = next(c for p in demo_paths for c in read_saga(p).cases if c.id == "demo-red-2016")
    state = evaluate(load_ladders().for_case(red), red, date(2026, 11, 23))
    assert "compensation" not in state.switching  # L224-42-1 is of 2021
    red.problem = "switching"
    assert "l224-42-1" not in {g.id for g in remedies.grounds(red, date(2026, 11, 23))}
