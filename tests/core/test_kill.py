"""Nothing lost: a process killed while it saves edits leaves the old state or the new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from plainte.core.sagafile import read_saga
from plainte.core.store import Store
from plainte.core.verify import verify_case

EDITOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from plainte.core.demo import demo_files
    from plainte.core.editor import Editor
    from plainte.core.sagafile import read_saga
    from plainte.core.store import Store

    store = Store.open(Path(sys.argv[1]), daily_backup=False)
    editor = Editor(store)
    case = next(c for p in demo_files() for c in read_saga(p).cases if c.id == "demo-rogers-2010")
    r6 = next(e for e in case.events if e.id == "r6")  # put back after each deletion
    for n in range(100000):
        if n == 1:  # one edit saved: every kill now lands among saves, even on a slow machine
            print("ready", flush=True)
        event = editor.find_event(case.id, "r5")
        event.summary = f"version {n}"
        event.wait_minutes = float(n % 50)
        editor.save_event(case.id, event)
        if n % 3 == 0:
            if editor.find_event(case.id, "r6") is None:
                editor.restore_event(case.id, r6)
            else:
                editor.delete_event(case.id, "r6")
    """
)


def test_killing_the_app_while_it_saves_edits_loses_nothing(tmp_path, demo_paths):
    data = tmp_path / "data"
    store = Store.open(data)
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    store.close()
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    rng = random.Random(7)
    versions = []
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data)], stdout=subprocess.PIPE, env={**os.environ}
        )
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.01, 0.4))
        assert proc.poll() is None, "the editor stopped before the kill"  # killed mid-save
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = Store.open(data, daily_backup=False)
        verdict = verify_case(store, "demo-rogers-2010")
        assert verdict.ok, verdict.problems
        summary = next(
            e for e in store.load_case("demo-rogers-2010").events if e.id == "r5"
        ).summary
        versions.append(summary)
        store.close()
    assert any(v.startswith("version") for v in versions)
