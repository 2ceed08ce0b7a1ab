"""Memory of a real run, guarded: a long case open at start, language detection warmed up.

The app is started through its real entry point on a store whose first case
has 10,000 events, and waits for its warm-up (language detection loaded, the
case's figures and overview shown). Resident memory depends little on the
machine's load: the bound sits between what this shape measured (18-19 MB over
the floor) and what the window that read the case whole for its overview
measured (40 MB; 53 MB when it also listed every broken promise). The figure's
own target is 45 MB.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
MODULES_AT_WARM = """
import json, linecache, runpy, sys
from plainte.gui import probe
reported = probe._FirstPaint._report
def report(self):
    pane = self.window.pane
    print("STATE " + json.dumps({
        "modules": sorted(sys.modules),
        "case_held": pane.case is not None,
        "overview": pane.overview.view.day if pane.overview.view else None,
        "figures": pane.figures.text(),
        "sources": sum(len(v[2]) for v in linecache.cache.values() if len(v) > 2),
    }), flush=True)
    reported(self)
probe._FirstPaint._report = report
sys.argv = ["plainte", *sys.argv[1:]]
runpy.run_module("plainte", run_name="__main__", alter_sys=True)
"""
"""The real entry point, reporting what it imported and holds once warmed up."""


@pytest.fixture(scope="module")
def startup_and_store(tmp_path_factory):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import sagas
        import startup
    finally:
        sys.path.remove(str(BENCHMARKS))
    data_dir = sagas.store_for(tmp_path_factory.mktemp("stores"), 10_000, cases=5)
    startup.probe("app", data_dir, "warm")  # a first start keeps the parsed data files
    return startup, data_dir


BOUND_MB = 34


def test_a_warm_run_on_a_long_case_stays_well_within_the_floors_plus_45_mb(startup_and_store):
    startup, data_dir = startup_and_store
    peaks = startup.memory(data_dir, 3)
    over = (statistics.median(peaks["app"]) - statistics.median(peaks["floor"])) / 1024
    assert over < BOUND_MB, peaks


def test_the_window_holds_no_long_case_nor_the_modules_that_sum_it_up(startup_and_store):
    startup, data_dir = startup_and_store
    argv = [sys.executable, "-c", MODULES_AT_WARM, *startup.command("app", data_dir)[-4:]]
    done = subprocess.run(
        argv, capture_output=True, text=True, env=startup._env("warm"), timeout=300
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("STATE ")), None)
    assert line, done.stderr[-3000:]
    state = json.loads(line[6:])
    assert state["overview"].startswith("Day ") and state["figures"].startswith("Day ")
    assert not state["case_held"]
    modules = set(state["modules"])
    assert "plainte.core.language" in modules and "langdetect" in modules  # warmed up
    for summing in ("plainte.core.figures", "plainte.core.posts", "plainte.core.ladder", "yaml"):
        assert summing not in modules
    assert state["sources"] < 25_000  # lines of source PySide6 read: 12,600 (52,700 kept)
    assert "_hashlib" not in modules  # OpenSSL: 3.4 MB resident, for nothing a start does
