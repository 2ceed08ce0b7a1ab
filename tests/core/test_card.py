"""The saga card's words: the strongest contrast, never the person's own title."""

from __future__ import annotations

from datetime import date

from plainte.core.card import card_lines
from plainte.core.demo import demo_files
from plainte.core.sagafile import read_saga


def _demo(case_id):
    return next(c for p in demo_files() for c in read_saga(p).cases if c.id == case_id)


def test_the_card_tells_the_seed_contrast_without_the_title():
    rogers = _demo("demo-rogers-2010")
    lines = card_lines(rogers, date(2010, 7, 20), "fr")
    assert "harcèlement" not in " ".join(lines.values())
    assert lines["provider"] == "Rogers"
    assert lines["title"] == "8 appels hors de la plage convenue (17\u00a0h–19\u00a0h)"
    assert lines["fig:silent"] == "7 appels en 3 jours, sans message"
    red = card_lines(_demo("demo-red-2016"), date(2016, 10, 1), "en")
    assert red["fig:private"] == "Private message: 4 hours 5 minutes without a reply"
    assert red["fig:public"] == "Public post: answered in 35 minutes"
    assert red["days"] == "Day 8"
