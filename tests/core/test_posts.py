"""What a post says: contrasts ranked from the figures, waits in words, the asks."""

from __future__ import annotations

from datetime import date

import pytest

from plainte.core.demo import demo_files
from plainte.core.figures import compute
from plainte.core.posts import asks, contrasts, duration, highlights, words
from plainte.core.sagafile import read_saga


@pytest.fixture(scope="module")
def demos() -> dict:
    return {c.id: c for path in demo_files() for c in read_saga(path).cases}


def test_the_seed_contrast_leads_each_demo(demos):
    red = compute(demos["demo-red-2016"], date(2016, 10, 1))
    assert red.private_wait.minutes == 245 and red.private_wait.went_public
    assert red.public_wait.minutes == 35
    assert [c.id for c in contrasts(red)][:1] == ["ignored_until_public"]
    rogers = compute(demos["demo-rogers-2010"], date(2010, 7, 20))
    assert (rogers.window.outside, rogers.window.without_message) == (8, 7)
    assert rogers.window.calls == 8 and rogers.calls_without_message == 7
    assert rogers.peak_calls == 4 and rogers.peak_day == date(2010, 7, 8)
    assert rogers.call_us == 1
    ranked = [c.id for c in contrasts(rogers)]
    assert ranked[0] == "window_calls" and ranked[-1] == "days"
    assert ranked.index("silent_calls") < ranked.index("call_us") < ranked.index("days")


@pytest.mark.parametrize(
    ("minutes", "fr", "en"),
    [
        (1, "1 minute", "1 minute"),
        (35, "35 minutes", "35 minutes"),
        (60, "1 heure", "1 hour"),
        (245, "4\u00a0h\u00a05\u00a0min", "4 hours 5 minutes"),
        (61, "1\u00a0h\u00a01\u00a0min", "1 hour 1 minute"),
        (72 * 60, "3 jours", "3 days"),
        (72 * 60 + 5, "plus de 3 jours", "over 3 days"),
    ],
)
def test_waits_in_words(minutes, fr, en):
    assert duration(minutes, "fr") == fr and duration(minutes, "en") == en


def test_the_window_in_words(demos):
    fig = compute(demos["demo-rogers-2010"], date(2010, 7, 20))
    assert words(fig, "fr")["window"] == "17\u00a0h–19\u00a0h"
    assert words(fig, "en")["window"] == "5\u00a0pm–7\u00a0pm"


def test_asks_follow_wants_then_figures(demos):
    import copy

    from plainte.core.model import CaseStatus, Want

    rogers = copy.deepcopy(demos["demo-rogers-2010"])
    fig = compute(rogers, date(2010, 7, 20))
    assert asks(rogers, fig) == []  # the saga is over: nothing to ask in public
    rogers.status = CaseStatus.OPEN
    assert asks(rogers, fig) == ["stop_calls", "written_answer"]
    rogers.wants = [Want("refund", 30.0), Want("other", text="x")]
    assert asks(rogers, fig) == ["refund"]


def test_figure_captions_agree_with_their_count(demos):
    fig = compute(demos["demo-rogers-2010"], date(2010, 7, 20))
    shown = {h.key: (h.value, h.caption) for h in highlights(fig, "fr")}
    assert shown["call_us"] == ("1", "réponse « appelez-nous » à une demande écrite")
    assert shown["silent"][1].startswith("appels sans message")
    shown = {h.key: (h.value, h.caption) for h in highlights(fig, "en")}
    assert shown["call_us"] == ("1", "“call us” answer to a written request")
