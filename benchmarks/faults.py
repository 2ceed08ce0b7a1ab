"""The fault campaign: kill, crowd, fill, delete and misuse the store; count what it costs.

Usage: python benchmarks/faults.py [--quick] [--json] [--seed N]

Each scenario runs real ``plainte`` processes on a real store and prints one
row: how many runs, how many rows a person was told were saved and then
missed ("rows lost"), how many times a healthy store was called damaged, and
how many Python tracebacks reached a terminal. The target is 0 / 0 / 0.

- kill-import / kill-edit: SIGKILL at a random moment while ``plainte import``
  runs, or while a process saves edits the way the app does; then the store is
  opened (damaged?), verified, and every acknowledged write looked for.
- kill-streamed-import: SIGKILL while a plainte export (with its journal) is read
  and written record by record, into a store without the case or into one holding
  an older export of it: the case has all of the file or none of it.
- writers: two ``plainte import`` loops and a process editing like the app,
  on one store at once, with a third opening it over and over.
- full-disk: the store on a small tmpfs (as root), filled up; ``import``,
  ``export`` and ``restore`` must fail with a message and leave the store whole.
  Without root, writes fail through RLIMIT_FSIZE in the child (EFBIG).
- deleted-store: the store file deleted while a process edits: no edit may be
  reported saved after that.
- read-only: the data folder read-only (a read-only bind mount as root, modes
  otherwise): ``cases`` and ``export`` work, ``import`` refuses with a message.
- restore-misuse: a text file, another program's database, the store itself,
  three restores in one second: each refused or kept apart, the store whole.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
ENV = {
    **os.environ,
    "PLAINTE_LANG": "en",
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p),
}
CASE = "demo-rogers-2010"


@dataclass
class Row:
    scenario: str
    runs: int = 0
    rows_lost: int = 0
    called_damaged: int = 0
    tracebacks: int = 0
    note: str = ""


def cli(data: Path, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "plainte", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env or ENV,
        **kw,
    )


def traceback_in(text: str) -> bool:
    return "Traceback" in text or "Unexpected error" in text


def demo_store(data: Path) -> None:
    done = cli(data, "demo")
    if done.returncode != 0:
        raise SystemExit(done.stderr)


def big_saga(path: Path, events: int, case_id: str = "big", prefix: str = "e") -> Path:
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": case_id,
                "title": "A long saga",
                "provider": "Examplecom",
                "country": "FR",
                "sector": "internet",
                "events": [
                    {
                        "id": f"{prefix}{i}",
                        "at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00",
                        "channel": "phone",
                        "direction": "out",
                        "summary": f"call {i} " * 8,
                    }
                    for i in range(events)
                ],
            }
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def open_and_check(data: Path) -> tuple[bool, dict[str, int], bool]:
    """Open the store as plainte does: (called damaged?, events per case, evidence holds?)."""
    sys.path.insert(0, str(SRC))
    from plainte.core.errors import StoreDamaged
    from plainte.core.store import Store
    from plainte.core.verify import verify_case

    try:
        store = Store.open(data, daily_backup=False)
    except StoreDamaged:
        return True, {}, False
    try:
        counts = dict(
            store.conn.execute(
                "SELECT case_id, count(*) FROM events WHERE retracted_at IS NULL GROUP BY case_id"
            ).fetchall()
        )
        holds = all(verify_case(store, c).ok for c in store.case_ids())
    finally:
        store.close()
    return False, counts, holds


# Kills ---------------------------------------------------------------------------------


def kill_import(work: Path, runs: int, rng: random.Random) -> Row:
    row = Row("kill during import", note="SIGKILL at a random moment of `plainte import`")
    data = work / "kill-import"
    demo_store(data)
    saga = big_saga(work / "big.json", 2000)
    _damaged, before, _ = open_and_check(data)
    midway = 0
    for _ in range(runs):
        proc = subprocess.Popen(
            [sys.executable, "-m", "plainte", "--data-dir", str(data), "import", str(saga)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        time.sleep(rng.uniform(0.2, 2.0))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
        midway += not finished
        row.runs += 1
        row.tracebacks += traceback_in(err.decode("utf-8", "replace"))
        damaged, counts, holds = open_and_check(data)
        row.called_damaged += damaged
        for case_id, n in before.items():
            row.rows_lost += max(0, n - counts.get(case_id, 0))
        imported = counts.get("big", 0)
        if imported not in (0, 2000) or (finished and proc.returncode == 0 and imported != 2000):
            row.rows_lost += 2000 - imported
        if not holds and not damaged:
            row.rows_lost += 1  # a record that no longer matches its journal
        if imported == 2000:  # start the next run without the case, to import it again
            with contextlib.closing(sqlite3.connect(data / "plainte.sqlite")) as conn:
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("DELETE FROM cases WHERE id = 'big'")
                conn.commit()
    row.note += f" ({midway} killed before the import ended)"
    return row


def exports(work: Path, events: int) -> tuple[Path, Path]:
    """Two plainte exports (with their journals) of one case: its first half, then all of it."""
    source = work / "export-source"
    half = events // 2
    for name, prefix in (("first", "e"), ("second", "f")):
        done = cli(source, "import", str(big_saga(work / f"{name}.json", half, prefix=prefix)))
        if done.returncode:
            raise RuntimeError(done.stderr)
        out = work / f"export-{name}.json"
        done = cli(source, "export", "big", "--format", "json", "-o", str(out))
        if done.returncode:
            raise RuntimeError(done.stderr)
    return work / "export-first.json", work / "export-second.json"


def kill_streamed_import(work: Path, runs: int, rng: random.Random, events: int) -> Row:
    """SIGKILL while an export streams in: into a store without the case (its journal kept),
    or into one holding its first half (each record weighed against the store's journal)."""
    row = Row("kill during a streamed import of an export")
    older, newer = exports(work, events)
    pristine = {}
    for kind in ("new", "merge"):
        data = work / f"kill-stream-{kind}"
        demo_store(data)
        if kind == "merge":
            cli(data, "import", str(older))
        pristine[kind] = work / f"pristine-{kind}.sqlite"
        shutil.copyfile(data / "plainte.sqlite", pristine[kind])
    started = time.monotonic()
    cli(work / "kill-stream-timing", "import", str(newer))
    lasts = time.monotonic() - started
    midway = 0
    for n in range(runs):
        kind = ("new", "merge")[n % 2]
        data = work / f"kill-stream-{kind}"
        _damaged, before, _ = open_and_check(data)
        proc = subprocess.Popen(
            [sys.executable, "-m", "plainte", "--data-dir", str(data), "import", str(newer)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        time.sleep(rng.uniform(0.3, lasts * 1.1))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
        row.runs += 1
        row.tracebacks += traceback_in(err.decode("utf-8", "replace"))
        damaged, counts, holds = open_and_check(data)
        row.called_damaged += damaged
        for case_id, count in before.items():
            row.rows_lost += max(0, count - counts.get(case_id, 0))
        imported = counts.get("big", 0)
        if imported not in (before.get("big", 0), events):  # all of the file, or none of it
            row.rows_lost += abs(events - imported)
        if finished and proc.returncode == 0 and imported != events:
            row.rows_lost += events - imported
        if not holds and not damaged:
            row.rows_lost += 1
        midway += imported != events
        if imported == events:  # start the next run from the store as it was
            for side in ("-wal", "-shm"):
                (data / f"plainte.sqlite{side}").unlink(missing_ok=True)
            shutil.copyfile(pristine[kind], data / "plainte.sqlite")
    row.note = (
        f"SIGKILL at a random moment of `plainte import` of a {events:,}-event export"
        f" (full import {lasts:.1f} s), alternately a new case and a merge"
        f" ({midway} killed before the import was committed)"
    )
    return row


EDITOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from plainte.core.editor import Editor
    from plainte.core.errors import PlainteError
    from plainte.core.store import Store

    store = Store.open(Path(sys.argv[1]), daily_backup=False, busy_seconds=float(sys.argv[3]))
    editor = Editor(store)
    tag = sys.argv[2]
    print("ready", flush=True)
    for n in range(1000000):
        try:
            event = editor.find_event("demo-rogers-2010", "r4")
            event.id, event.promises, event.attachments = f"{tag}-{n}", [], []
            event.summary = f"written by {tag}, number {n}"
            editor.save_event("demo-rogers-2010", event)
            if n % 5 == 0:
                r5 = editor.find_event("demo-rogers-2010", "r5")
                r5.summary = f"{tag} version {n}"
                editor.save_event("demo-rogers-2010", r5)
        except PlainteError as exc:
            print(f"refused {n} {exc}", flush=True)
            if "deleted or moved" in str(exc):
                break
            continue
        print(f"saved {tag}-{n}", flush=True)
    """
)


def _acknowledged(out: str) -> set[str]:
    return {line.split()[1] for line in out.splitlines() if line.startswith("saved ")}


def _present(data: Path, ids: set[str]) -> set[str]:
    with contextlib.closing(sqlite3.connect(data / "plainte.sqlite")) as conn:
        rows = conn.execute("SELECT id FROM events WHERE case_id = ?", (CASE,)).fetchall()
    return ids & {r[0] for r in rows}


def kill_edit(work: Path, runs: int, rng: random.Random) -> Row:
    row = Row("kill during edits", note="SIGKILL while a process saves edits like the app")
    data = work / "kill-edit"
    demo_store(data)
    script = work / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    for run in range(runs):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data), f"k{run}", "10"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        proc.stdout.readline()
        time.sleep(rng.uniform(0.01, 0.5))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        row.runs += 1
        row.tracebacks += traceback_in(err.decode("utf-8", "replace"))
        acked = _acknowledged(out.decode())
        damaged, _counts, holds = open_and_check(data)
        row.called_damaged += damaged
        if not damaged:
            row.rows_lost += len(acked - _present(data, acked))
            row.rows_lost += 0 if holds else 1
    return row


# Two processes -------------------------------------------------------------------------


def writers(work: Path, seconds: float) -> Row:
    row = Row("concurrent writers", note="2 CLI import loops + 1 app-like editor + 1 opener")
    data = work / "writers"
    demo_store(data)
    script = work / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    editor = subprocess.Popen(
        [sys.executable, str(script), str(data), "app", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    editor.stdout.readline()
    deadline = time.monotonic() + seconds
    cli_runs = {"a": 0, "b": 0}
    imported: set[str] = set()
    procs: dict[str, tuple[subprocess.Popen, str]] = {}
    opens = 0
    while time.monotonic() < deadline:
        for who in ("a", "b"):
            running = procs.get(who)
            if running is not None and running[0].poll() is None:
                continue
            if running is not None:
                proc, case_id = running
                _out, err = proc.communicate()
                row.runs += 1
                row.tracebacks += traceback_in(err)
                if proc.returncode == 0:
                    imported.add(case_id)
                elif "store is busy" not in err:
                    row.tracebacks += 1  # any other failure is unexplained
            n = cli_runs[who] = cli_runs[who] + 1
            case_id = f"w-{who}-{n}"
            saga = big_saga(work / f"{case_id}.json", 50, case_id, f"{who}{n}-")
            proc = subprocess.Popen(
                [sys.executable, "-m", "plainte", "--data-dir", str(data), "import", str(saga)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=ENV,
            )
            procs[who] = (proc, case_id)
        damaged, _counts, _holds = open_and_check(data)
        opens += 1
        row.called_damaged += damaged
    for proc, case_id in procs.values():
        _out, err = proc.communicate()
        row.runs += 1
        row.tracebacks += traceback_in(err)
        if proc.returncode == 0:
            imported.add(case_id)
    editor.send_signal(signal.SIGTERM)
    out, err = editor.communicate()
    row.tracebacks += traceback_in(err.decode("utf-8", "replace").replace("SIGTERM", ""))
    acked = _acknowledged(out.decode())
    damaged, counts, holds = open_and_check(data)
    row.called_damaged += damaged
    row.rows_lost += len(acked - _present(data, acked))
    row.rows_lost += sum(50 - counts.get(c, 0) for c in imported)
    row.rows_lost += 0 if holds else 1
    row.runs += opens
    row.note += f"; {len(imported)} imports, {len(acked)} edits acknowledged, {opens} opens"
    return row


# A full disk ---------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(work: Path, size: str = "8m"):
    """A small tmpfs (as root); None when it cannot be mounted."""
    mount = work / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    return filler


def _fsize_limit(limit: int):
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def full_disk(work: Path) -> Row:
    row = Row("full disk")
    with small_disk(work) as disk:
        if disk is not None:
            data = disk / "data"
            row.note = "tmpfs of 8 MB filled up (ENOSPC)"
        else:
            data = work / "full-data"
            row.note = "RLIMIT_FSIZE in the child (EFBIG): no tmpfs without root"
        demo_store(data)
        _damaged, before, _ = open_and_check(data)
        saga = big_saga(work / "fill.json", 3000)
        kw = {}
        filler = None
        if disk is not None:
            filler = _fill(disk)
        else:
            kw = {"preexec_fn": _fsize_limit((data / "plainte.sqlite").stat().st_size)}
        attempts = [
            ("import", str(saga)),
            ("export", CASE, "--format", "pdf", "-o", str(data.parent / "out.pdf")),
            ("export", CASE, "--format", "json", "-o", str(data.parent / "out.json")),
            ("export", CASE, "--format", "pack", "-o", str(data.parent / "pack")),
        ]
        backups = sorted((data / "backups").glob("*.sqlite"))
        if backups:
            attempts.append(("restore", str(backups[0]), "--yes"))
        refused = 0
        for args in attempts:
            done = cli(data, *args, **kw)
            refused += done.returncode == 1 and bool(done.stderr.strip())
            row.runs += 1
            row.tracebacks += traceback_in(done.stderr)
            claimed = done.returncode == 0 and args[0] == "export"
            if claimed and not Path(args[-1]).exists():  # success claimed, nothing written
                row.rows_lost += 1
            for partial in data.parent.glob("*.partial"):
                row.rows_lost += 1  # a partial export left behind
                partial.unlink()
        row.note += f"; {refused} of {len(attempts)} writes refused with a message"
        if filler is not None:
            filler.unlink()
        damaged, after, holds = open_and_check(data)
        row.called_damaged += damaged
        row.rows_lost += sum(max(0, n - after.get(c, 0)) for c, n in before.items())
        row.rows_lost += 0 if holds else 1
    return row


# The store deleted while in use -------------------------------------------------------


def deleted_store(work: Path, runs: int) -> Row:
    row = Row("store deleted while running", note="edits after deletion must not claim success")
    script = work / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    for run in range(runs):
        data = work / f"deleted-{run}"
        demo_store(data)
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data), f"d{run}", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        proc.stdout.readline()
        time.sleep(0.3)
        moved = data.parent / f"moved-{run}.sqlite"
        (data / "plainte.sqlite").rename(moved)
        for side in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                (data / f"plainte.sqlite{side}").rename(data.parent / f"moved-{run}.sqlite{side}")
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            row.rows_lost += 1  # it kept "saving" into a file nobody will open again
        row.runs += 1
        row.tracebacks += traceback_in(err.decode("utf-8", "replace"))
        text = out.decode()
        if "deleted or moved" not in text:
            row.rows_lost += 1
        acked = _acknowledged(text)
        with contextlib.closing(sqlite3.connect(moved)) as conn:
            present = {
                r[0] for r in conn.execute("SELECT id FROM events WHERE case_id = ?", (CASE,))
            }
        row.rows_lost += len(acked - present)
    return row


# A read-only folder --------------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path):
    if os.geteuid() == 0:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        if subprocess.run(["mount", "--bind", str(folder), str(view)]).returncode == 0:
            try:
                subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
                yield view
            finally:
                subprocess.run(["umount", str(view)], check=False)
            return
        yield None
        return
    paths = [folder, *folder.rglob("*")]
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for p in paths:
            p.chmod(0o755 if p.is_dir() else 0o644)


def read_only_folder(work: Path) -> Row:
    row = Row("read-only data folder", note="cases/export work, import refuses with a message")
    data = work / "ro-data"
    demo_store(data)
    saga = big_saga(work / "ro.json", 10)
    with read_only(data) as folder:
        if folder is None:
            row.note = "skipped: cannot make a read-only folder here"
            return row
        for args, ok in (
            (("cases",), True),
            (("export", CASE, "--format", "json"), True),
            (("verify", CASE), True),
            (("import", str(saga)), False),
        ):
            done = cli(folder, *args)
            row.runs += 1
            row.tracebacks += traceback_in(done.stderr)
            if ok and done.returncode != 0:
                row.called_damaged += "damaged" in done.stderr
                row.rows_lost += 1  # the data could not be read
            if not ok and (done.returncode != 1 or "cannot be written" not in done.stderr):
                row.tracebacks += 1
    return row


# Restore misuse ------------------------------------------------------------------------


def restore_misuse(work: Path) -> Row:
    row = Row("restore misuse", note="text file, other database, the store itself, 3 in 1 s")
    data = work / "restore"
    demo_store(data)
    cli(data, "import", str(big_saga(work / "r.json", 20)))
    _damaged, before, _ = open_and_check(data)
    text = work / "notes.txt"
    text.write_text("not a store", encoding="utf-8")
    other = work / "other.sqlite"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
    for target in (text, other, data / "plainte.sqlite"):
        done = cli(data, "restore", str(target), "--yes")
        row.runs += 1
        row.tracebacks += traceback_in(done.stderr)
        if done.returncode != 1:
            row.rows_lost += 1
    damaged, after, holds = open_and_check(data)
    row.called_damaged += damaged
    row.rows_lost += sum(max(0, n - after.get(c, 0)) for c, n in before.items())
    row.rows_lost += 0 if holds else 1
    backup = sorted((data / "backups").glob("*.sqlite"))[-1]
    for _ in range(3):
        done = cli(data, "restore", str(backup), "--yes")
        row.runs += 1
        row.tracebacks += traceback_in(done.stderr)
    kept = list(data.glob("plainte.sqlite.replaced-*"))
    kept = [k for k in kept if not k.name.endswith(("-wal", "-shm"))]
    row.rows_lost += max(0, 3 - len(kept))  # a kept copy overwritten
    original = [k for k in kept if open_and_check_file(k) == sum(before.values())]
    row.rows_lost += 0 if original else sum(before.values())
    return row


def open_and_check_file(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE retracted_at IS NULL").fetchone()[0]


# The table -----------------------------------------------------------------------------


def campaign(quick: bool, seed: int) -> list[Row]:
    rng = random.Random(seed)
    rows = []
    with tempfile.TemporaryDirectory(prefix="plainte-faults-") as tmp:
        work = Path(tmp)
        rows.append(kill_import(work, 6 if quick else 150, rng))
        rows.append(
            kill_streamed_import(work, 4 if quick else 100, rng, 2_000 if quick else 20_000)
        )
        rows.append(kill_edit(work, 8 if quick else 200, rng))
        rows.append(writers(work, 8 if quick else 60))
        rows.append(full_disk(work))
        rows.append(deleted_store(work, 1 if quick else 5))
        rows.append(read_only_folder(work))
        rows.append(restore_misuse(work))
    return rows


def table(rows: list[Row]) -> str:
    head = ("scenario", "runs", "rows lost", "healthy called damaged", "tracebacks", "how")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = (r.scenario, r.runs, r.rows_lost, r.called_damaged, r.tracebacks, r.note)
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    total = Row("total")
    for r in rows:
        total.runs += r.runs
        total.rows_lost += r.rows_lost
        total.called_damaged += r.called_damaged
        total.tracebacks += r.tracebacks
    lines.append(
        f"| **total** | {total.runs} | {total.rows_lost} | {total.called_damaged}"
        f" | {total.tracebacks} | |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (CI)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows = campaign(args.quick, args.seed)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], indent=2))
    else:
        print(table(rows))
        print(f"\n{time.monotonic() - started:.0f} s")
    bad = any(r.rows_lost or r.called_damaged or r.tracebacks for r in rows)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
