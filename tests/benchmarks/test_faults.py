"""The fault campaign's short form: kills (during a streamed import too), concurrent writers,
full disk, deleted store, read-only folder, restore misuse — 0 rows lost, 0 healthy stores
called damaged, 0 tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FAULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "faults.py"


def test_quick_fault_campaign_loses_nothing():
    done = subprocess.run(
        [sys.executable, str(FAULTS), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    import json

    rows = json.loads(done.stdout)
    assert len(rows) == 8
    for row in rows:
        assert (row["rows_lost"], row["called_damaged"], row["tracebacks"]) == (0, 0, 0), row
    assert sum(row["runs"] for row in rows) > 30
