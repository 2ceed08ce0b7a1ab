"""Moments typed in a hurry."""

from __future__ import annotations

from datetime import datetime

import pytest

from plainte.core.moments import moment

NOW = datetime(2026, 8, 22, 15, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("maintenant", NOW),
        ("10 min ago", datetime(2026, 8, 22, 14, 50)),
        ("il y a 10 min", datetime(2026, 8, 22, 14, 50)),
        ("1 h ago", datetime(2026, 8, 22, 14, 0)),
        ("14:30", datetime(2026, 8, 22, 14, 30)),
        ("9h", datetime(2026, 8, 22, 9, 0)),
        ("2026-08-20 09:15", datetime(2026, 8, 20, 9, 15)),
    ],
)
def test_moments_a_person_types(text, expected):
    assert moment(text, NOW) == expected


@pytest.mark.parametrize(
    "text", ["yesterday-ish", "16:00", "25:00", "2026-08-20", "2030-01-01 10:00"]
)
def test_no_past_moment_is_refused(text):
    assert moment(text, NOW) is None
