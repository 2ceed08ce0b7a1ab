"""The benchmark still runs: ``benchmarks/run.py --quick --json`` on small stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


def test_quick_run_reports_every_figure(tmp_path):
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--json", "--cache", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout)["figures"]
    names = " ".join(f["name"] for f in figures)
    for what in (
        "start to first painted window",
        "memory",
        "command line",
        "every command-line call",
        "first rows",
        "search keystroke",
        "quick log",
        "longest freeze",
        "import",
        "CSV export",
        "JSON export",
        "HTML export",
        "PDF export",
        "verify",
        "letter",
    ):
        assert what in names
    for row in figures:
        assert row["value"] > 0 and row["target"] > 0 and isinstance(row["met"], bool)
