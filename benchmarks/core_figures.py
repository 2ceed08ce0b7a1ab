"""Import, exports, verify and letters, each timed the way the command line runs it.

Every export opens the store, loads what it writes (journal included) and
writes the file, as ``plainte export`` does; its floor reads the same rows
with ``sqlite3`` and writes them with ``csv`` or ``json``. The import floor
writes plainte's own rows and journal entries (read back from a plainte
import of the same file, so precomputed) into an empty store of the same
schema; a bare ``executemany`` of the events alone is printed beside it.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sagas import BIG_ID

TODAY = date(2026, 11, 22)
TABLES = ("cases", "events", "promises", "attachments", "journal")


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def alternated(runs: int, **fns: Callable[[], object]) -> dict[str, float]:
    """Median seconds of each function, run in turn ``runs`` times (after one untimed run)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn()
    for _ in range(runs):
        for name, fn in fns.items():
            times[name].append(timed(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def measure_import(folder: Path, files: list[Path], runs: int) -> dict[str, float]:
    """``plainte import FILE`` (read, check, store, journal, backup) against its floors."""
    from plainte.core.store import Store

    counter = iter(range(1_000_000))
    reference = Store.open(folder / "import-reference")
    for path in files:
        reference.import_file(path, backup=False)
    rows = {t: reference.conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
    reference.close()
    columns = {t: len(rows[t][0]) if rows[t] else 0 for t in TABLES}
    bare_rows = [r[2:13] for r in rows["events"]]

    def plainte_import() -> None:
        store = Store.open(folder / f"import-{next(counter)}")
        for path in files:
            store.import_file(path)
        store.close()

    def floor() -> None:
        store = Store.open(folder / f"floor-{next(counter)}")
        with store.transaction() as conn:
            for table in TABLES:
                if rows[table]:
                    marks = ", ".join("?" * columns[table])
                    conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
        store.close()

    def bare() -> None:
        conn = sqlite3.connect(folder / f"bare-{next(counter)}.sqlite")
        conn.execute("CREATE TABLE events (" + ", ".join(f"c{i}" for i in range(11)) + ")")
        with conn:
            conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 11)})", bare_rows)
        conn.close()

    return alternated(runs, plainte=plainte_import, floor=floor, bare=bare)


def export_floor(db: Path, fmt: str, output: Path) -> None:
    """Read the long case's rows (with its journal for JSON) and write them with csv or json."""
    conn = sqlite3.connect(db)
    events = conn.execute(
        "SELECT case_id, id, at, channel, direction, answered, counterpart, reference,"
        " wait_minutes, step, summary FROM events WHERE case_id = ? ORDER BY sort_at, rowid",
        (BIG_ID,),
    )
    with output.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            csv.writer(out).writerows(events)
        else:
            encode = json.JSONEncoder(ensure_ascii=False).encode
            out.write('{"events": [')
            for row in events:
                out.write(encode(row) + ",\n")
            out.write('], "journal": [')
            for row in conn.execute(
                "SELECT n, entity, entity_id, action, at, content, prev, hash FROM journal"
                " WHERE case_id = ? ORDER BY n",
                (BIG_ID,),
            ):
                out.write(encode(row) + ",\n")
            out.write("]}")
    conn.close()


def plainte_export(data_dir: Path, fmt: str, output: Path) -> None:
    """``plainte export big --format FMT -o OUTPUT``, run by the command line's own code."""
    from plainte.cli import main

    argv = ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), "export", BIG_ID]
    if main([*argv, "--format", fmt, "-o", str(output)]) != 0:
        raise RuntimeError(f"plainte export --format {fmt} failed")


def measure_exports(data_dir: Path, folder: Path, runs: int, formats: tuple[str, ...]):
    """Seconds of each export and of its floor (CSV and JSON), alternated."""
    out: dict[str, float] = {}
    db = data_dir / "plainte.sqlite"
    for fmt in ("csv", "json"):
        if fmt in formats:
            got = alternated(
                runs,
                plainte=lambda f=fmt: plainte_export(data_dir, f, folder / f"out.{f}"),
                floor=lambda f=fmt: export_floor(db, f, folder / f"floor.{f}"),
            )
            out[fmt], out[f"{fmt}_floor"] = got["plainte"], got["floor"]
    for fmt in ("html", "ics"):
        if fmt in formats:
            out[fmt] = alternated(
                max(1, runs // 2),
                plainte=lambda f=fmt: plainte_export(data_dir, f, folder / f"o.{f}"),
            )["plainte"]
    if "pdf" in formats:
        out["pdf"] = timed(lambda: plainte_export(data_dir, "pdf", folder / "out.pdf"))
    return out


def measure_verify(data_dir: Path, runs: int) -> float:
    from plainte.core.store import Store
    from plainte.core.verify import verify_case

    def run() -> None:
        store = Store.open(data_dir)
        try:
            assert verify_case(store, BIG_ID).ok
        finally:
            store.close()

    return alternated(runs, verify=run)["verify"]


def measure_letters(data_dir: Path, runs: int) -> dict[str, float]:
    """Each kind composed again after its first composition (the app keeps its composer);
    ``first``: the very first letter, from the loaded case."""
    from plainte.core.compose import KINDS, Composer
    from plainte.core.ladder import load_ladders
    from plainte.core.store import Store

    store = Store.open(data_dir)
    case = store.load_case(BIG_ID)
    store.close()
    composer = Composer(load_ladders())
    fns = {
        kind: lambda k=kind: composer.compose(
            case, k, TODAY, lang="fr", event_id=case.events[-1].id if k == "call-recap" else None
        )
        for kind in KINDS
    }
    first = timed(fns["complaint"])  # the case's facts and pre-send scan, once per version
    return {**alternated(runs, **fns), "first": first}


def cli_peak(data_dir: Path, *args: str) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one ``plainte`` call in its own process.

    The peak is the child's own ``VmHWM``, read as it exits: ``ru_maxrss`` from
    ``wait4`` would count the pages a fork shares with this (large) parent.
    """
    code = (
        "import sys\n"
        "from plainte.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print('PEAK', peak.split()[1], file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PLAINTE_LANG="en", QT_QPA_PLATFORM="offscreen"),
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"plainte {' '.join(args)} failed: {done.stderr[-2000:]}")
    peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK ")]
    return seconds, int(peak[-1].split()[1])


def measure_import_once(folder: Path, files: list[Path]) -> None:
    """``plainte import`` of ``files`` into a new store, once."""
    from plainte.core.store import Store

    store = Store.open(folder / f"once-{time.perf_counter_ns()}")
    for path in files:
        store.import_file(path)
    store.close()


REPLY = "Bonjour, nous avons bien reçu votre demande et un technicien passera sous 48 heures.\n"


def cli_calls(folder: Path) -> dict[str, list[str]]:
    """Every command on a store of one 40-event case: what each call costs before its work.

    ``demo`` and ``delete`` are left out: the first imports the two demo sagas (its
    work), the second asks for confirmation.
    """
    from email.message import EmailMessage

    import sagas
    import startup

    data_dir = folder / "cli-store"
    saga = sagas.small_file(folder, 1)
    sagas.build_store(data_dir, [saga])
    (folder / "reply.txt").write_text(REPLY, encoding="utf-8")
    mail = EmailMessage()
    mail["From"], mail["To"] = "support@example.com", "me@example.org"
    mail["Date"], mail["Message-ID"] = "Mon, 02 Nov 2026 10:00:00 +0100", "<b1@example.com>"
    mail["Subject"] = "Votre demande"
    mail.set_content(REPLY)
    (folder / "reply.eml").write_bytes(bytes(mail))
    base = [*startup.entry_point(), "--data-dir", str(data_dir), "--today", TODAY.isoformat()]
    out = str(folder / "cli-out")
    return {
        "--version": [*startup.entry_point(), "--version"],
        "cases": [*base, "cases", "--json"],
        "stats": [*base, "stats", "c000"],
        "ladder": [*base, "ladder", "c000"],
        "letter": [*base, "letter", "c000", "--kind", "complaint"],
        "export json": [*base, "export", "c000", "--format", "json", "-o", out + ".json"],
        "export csv": [*base, "export", "c000", "--format", "csv", "-o", out + ".csv"],
        "export html": [*base, "export", "c000", "--format", "html", "-o", out + ".html"],
        "verify": [*base, "verify", "c000"],
        "import": [*base, "import", str(saga)],
        "react": [*base, "react", "c000", str(folder / "reply.txt")],
        "mail": [*base, "mail", "c000", str(folder / "reply.eml")],
        "restore (list)": [*base, "restore"],
    }


def measure_cli(
    calls: dict[str, list[str]], folder: Path, runs: int, to_work: bool = False
) -> dict[str, float]:
    """Median seconds of each call and of ``python -c "import sqlite3, json"`` (``baseline``),
    alternated in each round, the package compiled first as an install does.

    With ``to_work``, each call stops where its command's own work begins (the arguments
    read, before the store is opened: ``PLAINTE_PROBE=cli-work``): the fixed cost alone.
    """
    import startup

    calls = {"baseline": [sys.executable, "-c", "import sqlite3, json"], **calls}
    startup.compile_package()
    env = _cli_env(folder)
    if to_work:
        env["PLAINTE_PROBE"] = "cli-work"

    def call(argv: list[str]) -> None:
        done = subprocess.run(argv, capture_output=True, env=env)
        if done.returncode:
            raise RuntimeError(f"{' '.join(argv[-4:])} failed: {done.stderr[-1000:]!r}")

    return alternated(runs, **{name: lambda a=argv: call(a) for name, argv in calls.items()})


def _cli_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ, PLAINTE_LANG="en", QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    return env


PROFILED = """
import cProfile, pstats, sys
from pathlib import Path
profiler = cProfile.Profile()
profiler.enable()
from plainte.cli import main
try:
    main(sys.argv[2:])
finally:
    profiler.disable()
    rows = [
        (ct, f"{Path(f).parent.name}/{Path(f).name}:{line}({name})")
        for (f, line, name), (_cc, _nc, _tt, ct, _c) in pstats.Stats(profiler).stats.items()
        if "/plainte/" in f and name not in ("main", "<module>")
    ]
    for ct, where in sorted(rows, reverse=True)[: int(sys.argv[1])]:
        print(f"PROFILE {ct * 1000:8.1f} ms cumulative  {where}", file=sys.stderr)
"""


def call_profile(argv: list[str], folder: Path, top: int = 8, to_work: bool = False) -> list[str]:
    """Where one command-line call spends its time: plainte's functions by cumulative time
    (imports included), from a profiled run of the same arguments (to its work only, with
    ``to_work``)."""
    args = argv[argv.index("--data-dir") :] if "--data-dir" in argv else argv[-1:]
    env = _cli_env(folder)
    if to_work:
        env["PLAINTE_PROBE"] = "cli-work"
    done = subprocess.run(
        [sys.executable, "-c", PROFILED, str(top), *args],
        capture_output=True,
        text=True,
        env=env,
    )
    return [ln[8:] for ln in done.stderr.splitlines() if ln.startswith("PROFILE ")]


def letter_profile(data_dir: Path, kind: str, top: int = 8) -> list[str]:
    """Where a letter after the first spends its time (cProfile, own time)."""
    import cProfile

    from plainte.core.compose import Composer
    from plainte.core.ladder import load_ladders
    from plainte.core.store import Store

    store = Store.open(data_dir)
    case = store.load_case(BIG_ID)
    store.close()
    composer = Composer(load_ladders())
    event_id = case.events[-1].id if kind == "call-recap" else None
    composer.compose(case, kind, TODAY, lang="fr", event_id=event_id)
    profiler = cProfile.Profile()
    profiler.runcall(composer.compose, case, kind, TODAY, lang="fr", event_id=event_id)
    return _own_time(profiler, top)


def verify_profile(data_dir: Path, top: int = 8) -> list[str]:
    """Where ``verify`` spends its time (cProfile, own time)."""
    import cProfile

    from plainte.core.store import Store
    from plainte.core.verify import verify_case

    store = Store.open(data_dir)
    profiler = cProfile.Profile()
    try:
        profiler.runcall(verify_case, store, BIG_ID)
    finally:
        store.close()
    return _own_time(profiler, top)


def _own_time(profiler, top: int) -> list[str]:
    import pstats

    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    return [
        f"{tt * 1000:8.1f} ms own, {ct * 1000:8.1f} ms cumulative, {nc:>7} calls  "
        f"{Path(file).name}:{line}({name})"
        for (file, line, name), (_cc, nc, tt, ct, _callers) in rows
    ]
