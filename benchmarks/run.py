"""Measure plainte's figures against design.md's targets and print them as ratios.

Usage: python benchmarks/run.py [--json] [--events N]

Each figure is measured in this one run against its baseline (a bare sqlite3
``executemany`` of the same rows for import and export), so the ratios hold
from one machine to another.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from plainte.core.csvexport import cases_to_csv
from plainte.core.sagafile import dump_saga, parse_saga
from plainte.core.store import Store

CHANNELS = ("phone", "email", "chat", "social_dm", "letter", "store")
SUMMARIES = (
    "Called the support line again; the agent said a technician would call back.",
    "Hold music for most of an hour, then the line dropped.",
    "E-mail asking for a written answer to the complaint of last month.",
    "They called while I was at work and left no message.",
    "Chat: the agent opened ticket {ref} and promised a credit on the next bill.",
)


def big_saga(events: int) -> dict:
    """A realistic saga file of one case with ``events`` events and some promises."""
    rows = []
    for i in range(events):
        ref = f"INC-{200000 + i}"
        day = f"{2020 + i // 4000}-{1 + i // 334 % 12:02d}-{1 + i % 28:02d}"
        event = {
            "id": f"e{i}",
            "at": f"{day}T{8 + i % 11:02d}:{i % 60:02d}:00+01:00",
            "channel": CHANNELS[i % len(CHANNELS)],
            "direction": "out" if i % 3 else "in",
            "answered": i % 5 != 0,
            "counterpart": f"Agent {i % 37}",
            "reference": ref,
            "summary": SUMMARIES[i % len(SUMMARIES)].format(ref=ref),
            "wait_minutes": i % 45,
        }
        if i % 50 == 0:
            event["promises"] = [
                {
                    "id": f"p{i}",
                    "text": "A technician will call back within 48 hours",
                    "due": "2021-01-01",
                    "status": "pending",
                }
            ]
        rows.append(event)
    case = {
        "id": "big",
        "title": "The long saga",
        "provider": "Examplecom",
        "country": "FR",
        "sector": "internet",
        "language": "fr",
        "events": rows,
    }
    return {"format": "plainte-saga", "version": 1, "cases": [case]}


def best_of(
    runs: int, fn: Callable[[], object], setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``fn`` over ``runs`` runs (``setup`` untimed before each)."""
    times = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(events: int, runs: int) -> list[dict]:
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        raw = json.dumps(big_saga(events)).encode()
        cases = parse_saga(raw).cases
        rows = [
            (
                e.id,
                e.at.text,
                e.at.sort_key,
                e.channel.value,
                e.direction.value,
                int(e.answered),
                e.counterpart,
                e.reference,
                e.summary,
                e.wait_minutes,
                e.step,
            )
            for e in cases[0].events
        ]
        counter = iter(range(10_000))
        holder: dict[str, object] = {}

        def fresh_bare() -> None:
            conn = sqlite3.connect(root / f"bare-{next(counter)}.sqlite")
            conn.execute(
                "CREATE TABLE events (id TEXT, at TEXT, sort_at TEXT, channel TEXT, direction TEXT,"
                " answered INTEGER, counterpart TEXT, reference TEXT, summary TEXT,"
                " wait_minutes REAL, step TEXT)"
            )
            holder["bare"] = conn

        def bare_insert() -> None:
            conn = holder["bare"]
            with conn:
                conn.executemany(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )

        bare = best_of(runs, bare_insert, fresh_bare)

        def fresh_store() -> None:
            holder["store"] = Store.open(root / f"store-{next(counter)}")

        def plainte_import() -> None:
            holder["store"].import_cases(parse_saga(raw).cases)

        imported = best_of(runs, plainte_import, fresh_store)
        results.append(
            dict(
                name=f"import of a {events:,}-event saga file",
                seconds=imported,
                baseline=bare,
                target_ratio=3.0,
            )
        )

        store: Store = holder["store"]

        def bare_read() -> None:
            holder["bare"].execute("SELECT * FROM events").fetchall()

        bare_r = best_of(runs, bare_read)
        json_s = best_of(runs, lambda: dump_saga([store.load_case("big")]))
        csv_s = best_of(runs, lambda: cases_to_csv([store.load_case("big")]))
        results.append(
            dict(name="JSON export", seconds=json_s, baseline=max(bare, bare_r), target_ratio=3.0)
        )
        results.append(
            dict(name="CSV export", seconds=csv_s, baseline=max(bare, bare_r), target_ratio=3.0)
        )
        results += measure_exports(store, root)
        results += measure_letters(store.load_case("big"), runs)
        results += measure_gui(root, big_saga(events), runs)
    return results


def measure_gui(root: Path, big: dict, runs: int) -> list[dict]:
    """Start-up against a bare window, opening the big case, memory: each in a fresh process."""
    import subprocess

    data = root / "gui-store"
    store = Store.open(data)
    cases = parse_saga(json.dumps(big).encode()).cases
    small = []
    for n in range(49):
        doc = json.loads(json.dumps(big))
        case = doc["cases"][0]
        case["id"], case["title"], case["events"] = f"c{n}", f"Saga {n}", case["events"][:40]
        small += parse_saga(json.dumps(doc).encode()).cases
    store.import_cases(cases + small, backup=False)
    store.close()
    probe = [sys.executable, str(Path(__file__).with_name("gui_probe.py"))]

    def run(*args: str) -> dict:
        out = subprocess.run([*probe, *args], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    bare, app = [], []
    for _ in range(runs):  # alternated, so both see the same machine
        bare.append(run("bare", str(data)))
        app.append(run("app", str(data)))
    opened = [run("app", str(data), "big") for _ in range(3)]
    median = statistics.median
    return [
        dict(
            name="start-up to an idle main window (50 cases)",
            seconds=median(r["startup"] for r in app),
            baseline=median(r["startup"] for r in bare),
            target_ratio=1.5,
        ),
        dict(
            name="open the 10,000-event case, first painted rows",
            seconds=median(r["open_case"] for r in opened),
            target_ms=100,
        ),
        dict(
            name="memory with the big case open, over a bare window",
            value=(
                median(r["max_rss_kib"] for r in opened) - median(r["max_rss_kib"] for r in bare)
            )
            / 1024,
            target_value=60,
            unit="MiB",
        ),
    ]


def measure_exports(store: Store, root: Path) -> list[dict]:
    """Exports of the big case to files, as a person asks for them (whole, with the journal)."""
    from datetime import date

    from plainte.core.export import export
    from plainte.gui.drawing import QtDrawing

    out = []
    for fmt, target in (("html", 1000), ("csv", 1000), ("ics", 1000), ("pdf", None)):
        start = time.perf_counter()
        export(store, "big", fmt, root / f"big.{fmt}", date(2026, 11, 22), "fr", QtDrawing())
        seconds = time.perf_counter() - start
        label = f"{fmt.upper()} export of the 10,000-event case"
        if fmt == "pdf":
            label += " (background task)"
        out.append(dict(name=label, seconds=seconds, target_ms=target))
    return out


def measure_letters(case, runs: int) -> list[dict]:
    """Each kind rendered on the big case, after a first rendering; and the first detection."""
    from datetime import date

    from plainte.core.compose import KINDS, Composer
    from plainte.core.ladder import load_ladders

    out = []
    started = time.perf_counter()
    from plainte.core.language import warm_up

    warm_up()
    out.append(
        dict(
            name="first language detection (off the GUI thread)",
            seconds=time.perf_counter() - started,
            target_ms=None,
        )
    )
    composer = Composer(load_ladders())
    today = date(2026, 11, 22)
    for kind in KINDS:
        event = case.events[-1].id if kind == "call-recap" else None
        first = time.perf_counter()
        composer.compose(case, kind, today, lang="fr", event_id=event)
        first = time.perf_counter() - first
        seconds = best_of(
            runs, lambda k=kind, e=event: composer.compose(case, k, today, lang="fr", event_id=e)
        )
        out.append(
            dict(name=f"letter {kind} (10,000 events)", seconds=seconds, first=first, target_ms=30)
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = measure(args.events, args.runs)
    for r in results:
        r["ratio"] = r["seconds"] / r["baseline"] if r.get("baseline") else None
        if r["ratio"] is not None:
            r["met"] = r["ratio"] <= r["target_ratio"]
        elif r.get("target_ms"):
            r["met"] = r["seconds"] * 1000 <= r["target_ms"]
        elif r.get("target_value") is not None:
            r["met"] = r["value"] <= r["target_value"]
        else:
            r["met"] = None
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'figure':<52} {'measured':>10} {'baseline':>10} {'ratio':>7} {'target':>9}  met")
    for r in results:
        if "unit" in r:
            measured = f"{r['value']:>6.1f} {r['unit']}"
        else:
            measured = f"{r['seconds'] * 1000:>8.1f}ms"
        base = f"{r['baseline'] * 1000:>8.1f}ms" if r.get("baseline") else " " * 10
        ratio = f"{r['ratio']:>6.2f}x" if r["ratio"] is not None else " " * 7
        if r.get("target_ratio"):
            target = f"{r['target_ratio']:>7.1f}x "
        elif r.get("target_ms"):
            target = f"{r['target_ms']:>6} ms"
        elif r.get("target_value") is not None:
            target = f"{r['target_value']:>5} {r['unit']}"
        else:
            target = " " * 9
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        print(f"{r['name']:<52} {measured:>10} {base} {ratio} {target}  {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
