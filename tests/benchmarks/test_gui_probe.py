"""The window stays responsive with a long case: ``benchmarks/gui_probe.py`` in CI.

An 80,000-event case treated as too long to read whole (as a million-event case
is): open, scroll, search, quick log and a JSON export, with a 10 ms heartbeat
on the GUI thread. The bound is generous for a loaded CI machine; the old
shape (a worker thread reading the whole saga and its search texts beside the
window) held it two to four times as long here, and for seconds at a million
events.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
LIMIT = 0.3
"""Seconds: the longest freeze allowed on a loaded CI machine (the figure's target is 0.1;
this probe measured 0.10 s at 80,000 events, the old shape 0.18–0.37 s)."""


def test_a_long_case_never_freezes_the_window(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import sagas
    finally:
        sys.path.remove(str(BENCHMARKS))
    data_dir = sagas.store_for(tmp_path, 80_000, cases=3)
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "gui_probe.py"),
            str(data_dir),
            "--export",
            "--as-if-long",
            "--where",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line, done.stderr[-3000:]
    result = json.loads(line[6:])
    assert result["events"] == 80_000 and result["search_hits"] > 0
    assert {"open", "scroll", "search", "quick log", "export"} <= set(result["freeze_by_phase"])
    assert (tmp_path / "gui-export.json").stat().st_size > 1_000_000
    assert result["longest_freeze"] < LIMIT, result
    for gap in result["long_gaps"]:  # each long gap says where the threads were, and why
        assert gap["ms"] > 50 and gap["phase"] in result["freeze_by_phase"]
        assert {"gui_cpu_ms", "process_cpu_ms", "gc_ms", "gui", "others"} <= set(gap)
