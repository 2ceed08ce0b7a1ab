"""Public posts and satire: the seed's contrast everywhere, per network, safe by default."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta

import pytest

from plainte.core.compose import POSTS, Composer
from plainte.core.demo import demo_files
from plainte.core.ladder import load_ladders
from plainte.core.platforms import PLATFORMS
from plainte.core.publish import check
from plainte.core.sagafile import parse_saga, read_saga
from tests.conftest import saga_doc

RED_END = date(2016, 10, 1)
ROGERS_END = date(2010, 7, 20)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_ladders())


@pytest.fixture(scope="module")
def demos() -> dict:
    cases = {}
    for path in demo_files():
        for case in read_saga(path).cases:
            cases[case.id] = case
    return cases


SEED = {
    # RED: the private message's wait against the public post's
    ("demo-red-2016", "fr"): ["4\u00a0h\u00a05\u00a0min", "35\u00a0minutes|35 minutes"],
    ("demo-red-2016", "en"): ["4 hours 5 minutes", "35 minutes"],
    # Rogers: calls outside the agreed 17–19 h window, and without a message
    ("demo-rogers-2010", "fr"): ["17\u00a0h", "19\u00a0h", r"\b8\b", r"\b7 sans (un )?m", "appel"],
    ("demo-rogers-2010", "en"): [
        "5\u00a0pm",
        "7\u00a0pm",
        r"\b8\b",
        r"\b7\b.{0,20}(without|no message)|(no message|without a message) \b7\b",
        "call",
    ],
}


@pytest.mark.parametrize("kind", POSTS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("platform", list(PLATFORMS))
@pytest.mark.parametrize("case_id", ["demo-red-2016", "demo-rogers-2010"])
def test_the_seed_contrast_is_named_on_every_network(
    composer, demos, case_id, platform, lang, kind
):
    today = RED_END if "red" in case_id else ROGERS_END
    result = composer.compose(demos[case_id], kind, today, lang=lang, platform=platform)
    first = result.posts[0]  # the lead: never dropped, always in the first post
    for pattern in SEED[(case_id, lang)]:
        assert re.search(pattern, first), (pattern, first)


def _cases(demos):
    english = parse_saga(json.dumps(saga_doc()).encode()).cases[0]
    return [
        (demos["demo-red-2016"], RED_END),
        (demos["demo-rogers-2010"], ROGERS_END),
        (english, date(2026, 8, 22)),
    ]


@pytest.mark.parametrize("kind", POSTS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_every_post_of_a_thread_fits_its_network(composer, demos, kind, lang, platform):
    target = PLATFORMS[platform]
    for case, today in _cases(demos):
        result = composer.compose(case, kind, today, lang=lang, platform=platform)
        assert result.posts and all(target.fits(p) for p in result.posts)
        assert result.count <= result.limit == target.limit
        assert result.text == "\n\n".join(result.posts)
        if len(result.posts) > 1:
            assert platform == "x"
            n = len(result.posts)
            assert [p.rsplit(" ", 1)[1] for p in result.posts] == [
                f"{i}/{n}" for i in range(1, n + 1)
            ]


def test_handles_per_network(composer, demos):
    case = copy.deepcopy(demos["demo-rogers-2010"])
    case.handles = {
        "x": "@Rogers",
        "bluesky": "@rogers.bsky.social",
        "mastodon": "@rogers@mstdn.ca",
    }

    def post(platform):
        return composer.compose(case, "satire", ROGERS_END, lang="en", platform=platform).text

    assert "@rogers.bsky.social" in post("bluesky")
    assert "@rogers@mstdn.ca" in post("mastodon")
    assert "@Rogers" in post("x")
    for platform in ("linkedin", "facebook", "threads"):
        text = post(platform)
        assert "@Rogers" not in text and "Rogers" in text
    case.handles = {}
    case.provider_handle = "@RogersHelps"
    assert "@RogersHelps" in post("x") and "@RogersHelps" not in post("bluesky")


def _silent_calls(n: int, days: int, **case_fields) -> dict:
    events = [
        {
            "id": f"c{i}",
            "at": (date(2026, 3, 2) + timedelta(days=i % days)).isoformat()
            + f"T{9 + i % 9:02d}:05:00",
            "channel": "phone",
            "direction": "in",
            "answered": False,
        }
        for i in range(n)
    ]
    events.insert(0, {"at": "2026-03-01T10:00:00", "channel": "email", "direction": "out"})
    return saga_doc(events, **case_fields)


def test_two_sagas_with_different_facts_never_get_the_same_post(composer):
    texts: dict[tuple, set] = {}
    sagas = [_silent_calls(n, d) for n in (3, 5, 8, 13) for d in (1, 2, 4)]
    uk = saga_doc()
    sagas.append(uk)
    for doc in sagas:
        case = parse_saga(json.dumps(doc).encode()).cases[0]
        for kind in POSTS:
            for lang in ("fr", "en"):
                for platform in ("x", "linkedin", "mastodon"):
                    text = composer.compose(
                        case, kind, date(2026, 3, 30), lang=lang, platform=platform
                    ).text
                    seen = texts.setdefault((kind, lang, platform), set())
                    assert text not in seen
                    seen.add(text)


def test_the_satire_has_many_written_variants(composer):
    openings = {"fr": set(), "en": set()}
    for i in range(40):
        doc = _silent_calls(13, 4)
        doc["cases"][0]["id"] = f"case-{i}"
        case = parse_saga(json.dumps(doc).encode()).cases[0]
        for lang in openings:
            text = composer.compose(case, "satire", date(2026, 3, 30), lang=lang, platform="x")
            openings[lang].add(" ".join(text.text.split()[:3]))
    assert len(openings["fr"]) >= 3 and len(openings["en"]) >= 3


def test_linkedin_is_measured_and_x_is_not(composer, demos):
    red = demos["demo-red-2016"]
    for lang in ("fr", "en"):
        linkedin = composer.compose(red, "satire", RED_END, lang=lang, platform="linkedin")
        x = composer.compose(red, "satire", RED_END, lang=lang, platform="x")
        assert linkedin.posts[0].split()[:4] != x.posts[0].split()[:4]
        for joke in ("Record", "Mode d'emploi", "user guide", "experiment", "Expérience"):
            assert joke not in linkedin.text


def test_a_long_saga_becomes_a_thread_on_x_only(composer):
    doc = _silent_calls(13, 4)
    doc["cases"][0]["events"][1]["promises"] = [
        {"text": "call back", "due": "2026-03-03", "window": {"from": "17:00", "to": "19:00"}}
    ]
    doc["cases"][0]["events"].append(
        {"at": "2026-03-20T10:00:00", "channel": "phone", "direction": "out", "wait_minutes": 95}
    )
    case = parse_saga(json.dumps(doc).encode()).cases[0]
    x = composer.compose(case, "satire", date(2026, 3, 30), lang="en", platform="x")
    assert len(x.posts) >= 2
    assert "95 minutes" in x.text or "1 hour 35 minutes" in x.text
    mastodon = composer.compose(case, "satire", date(2026, 3, 30), lang="en", platform="mastodon")
    assert len(mastodon.posts) == 1


def test_free_text_is_quoted_only_when_chosen_and_then_checked(composer, demos):
    rogers = demos["demo-rogers-2010"]
    plain = composer.compose(rogers, "public-post", ROGERS_END, lang="fr", platform="linkedin")
    assert "harcèlement" not in plain.text and plain.flags == []
    quoted = composer.compose(
        rogers, "public-post", ROGERS_END, lang="fr", platform="linkedin", quote=True
    )
    assert "harcèlement" in quoted.text
    flag = next(f for f in quoted.flags if f.word == "harcèlement")
    assert flag.group == "calls"
    assert flag.factual == "8 appels hors de la plage convenue (17\u00a0h–19\u00a0h)"


def test_an_edited_text_is_recounted_and_rechecked(demos):
    rogers = demos["demo-rogers-2010"]
    result = check("@Rogers, c'est du harcèlement", rogers, "x", "fr", ROGERS_END)
    assert result.count == 29 and result.fits and result.leaks == []
    assert [f.word for f in result.flags] == ["harcèlement"]
    leaky = check("Nadia here, call 514 555 0142. " * 10, rogers, "x", "en", ROGERS_END)
    assert not leaky.fits and "Nadia" in leaky.leaks and "514 555 0142" in leaky.leaks
    thread = check("short one 1/2\n\nshort two 2/2", rogers, "x", "en", ROGERS_END)
    assert thread.count == len("short one 1/2") and thread.fits


def test_counts_are_written_the_language_way(composer):
    doc = _silent_calls(3, 1)
    doc["cases"][0]["events"].insert(
        0, {"id": "old", "at": "2023-01-02T10:00:00", "channel": "email", "direction": "out"}
    )
    case = parse_saga(json.dumps(doc).encode()).cases[0]
    fr = composer.compose(case, "public-post", date(2026, 3, 30), lang="fr", platform="linkedin")
    en = composer.compose(case, "public-post", date(2026, 3, 30), lang="en", platform="linkedin")
    assert "1\u202f183" in fr.text and "1,183" in en.text


def _ev(i, at, channel, direction, **more):
    return {"id": f"x{i}", "at": at, "channel": channel, "direction": direction, **more}


LEADS = {
    "call_us": [
        _ev(1, "2026-03-01T10:00:00", "email", "out"),
        _ev(2, "2026-03-02T10:00:00", "email", "in", summary="Please call us"),
    ],
    "slow_private": [
        _ev(1, "2026-03-01T10:00:00", "email", "out"),
        _ev(2, "2026-03-04T10:00:00", "email", "in"),
        _ev(3, "2026-03-05T10:00:00", "social_public", "out"),
        _ev(4, "2026-03-05T10:20:00", "social_dm", "in"),
    ],
    "broken_promises": [
        _ev(1, "2026-03-01T10:00:00", "phone", "out"),
        _ev(2, "2026-03-01T11:00:00", "phone", "in", promises=[{"text": "x", "due": "2026-03-03"}]),
    ],
    "hold": [_ev(1, "2026-03-01T10:00:00", "phone", "out", wait_minutes=95)],
    "days": [_ev(1, "2026-03-01T10:00:00", "phone", "out")],
}


@pytest.mark.parametrize("lead", list(LEADS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_contrast_has_written_variants_in_good_french(composer, lead, lang):
    from plainte.core.figures import compute
    from plainte.core.posts import contrasts

    leads = set()
    for i in range(30):
        doc = saga_doc(LEADS[lead])
        doc["cases"][0]["id"] = f"c{i}"
        case = parse_saga(json.dumps(doc).encode()).cases[0]
        assert contrasts(compute(case, date(2026, 3, 30)))[0].id == lead
        for kind in POSTS:
            text = composer.compose(case, kind, date(2026, 3, 30), lang=lang, platform="x").text
            leads.add((kind, text.split(".")[0]))
            if lang == "fr":  # "de Examplecom" is "d'Examplecom": the templates avoid it
                assert not re.search(r"\bde [AEIOUYaeiouy]", text), text
    assert len([k for k, _ in leads if k == "satire"]) >= 2
