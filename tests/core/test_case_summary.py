"""A case summed up in a process of its own: the same figures and lines as computed in place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from plainte.core import case_summary, overview, stats
from plainte.core.demo import demo_files
from plainte.core.ladder import load_ladders
from plainte.core.sagafile import read_saga

TODAY = date(2026, 11, 23)
SRC = Path(case_summary.__file__).resolve().parents[2]


@pytest.fixture
def demo_store(store):
    store.import_cases([c for f in demo_files() for c in read_saga(f).cases], backup=False)
    return store


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case_id", ["demo-rogers-2010", "demo-red-2016"])
def test_the_summary_is_what_the_window_would_compute(demo_store, case_id, lang):
    case = demo_store.load_case(case_id)
    day = overview.as_of(case, TODAY)
    view = overview.compute(case, load_ladders(None).for_case(case), day, lang)
    found = case_summary.summarize(demo_store.path, case_id, TODAY, lang)
    figures, lines = case_summary.parse(json.dumps(found))
    assert figures == stats.compute(case, day)
    assert lines == overview.lines(view, lang)
    assert lines.broken and lines.first_day == view.first_day


def test_the_child_process_writes_one_json_object_in_the_asked_language(demo_store):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    args = [str(demo_store.path), "demo-red-2016", TODAY.isoformat(), "fr"]
    done = subprocess.run(
        [sys.executable, "-m", "plainte.core.case_summary", *args],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    figures, lines = case_summary.parse(done.stdout.decode("ascii"))
    assert figures.today == date(2016, 9, 22)  # ended: told as of its last day
    assert lines.day.startswith("Terminée le 22 septembre 2016")
    assert lines.broken[0][1].endswith("non tenue depuis le 17 septembre 2016")


@pytest.mark.parametrize("text", ["", "{}", '{"stats": {}, "overview": {}}', "[1]", "nonsense"])
def test_anything_else_is_refused_as_not_a_summary(text):
    with pytest.raises(ValueError):
        case_summary.parse(text)
