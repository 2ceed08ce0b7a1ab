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
    machine, *measured = figures
    assert machine["name"].startswith("this machine") and machine["target"] is None
    assert machine["value"] > 0
    for row in measured:
        assert row["value"] > 0 and row["target"] > 0 and isinstance(row["met"], bool)


def test_the_table_shows_the_machine_row_without_a_target(capsys):
    sys.path.insert(0, str(RUN.parent))
    try:
        import run
    finally:
        sys.path.remove(str(RUN.parent))
    rows = [
        run.machine_row(1),
        run.figure("verify of 100,000 events", 3.3, 2, "s"),
        {**run.figure("quick log at 1,000,000 events", 30.0, 50, "ms"), "reference": True},
    ]
    run.print_table(rows)
    lines = capsys.readouterr().out.splitlines()
    machine, verify, reference = lines[2:5]
    assert "this machine" in machine and machine.count("—") == 2
    assert "|      2 s |  NO |" in verify
    assert "|  (50 ms) |   — |" in reference
