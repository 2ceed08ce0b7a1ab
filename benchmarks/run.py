"""Measure every figure of design.md ("Figures it must reach") against its target.

Usage: python benchmarks/run.py [--quick] [--json] [--runs N] [--growth] [--million]
                                [--cache DIR]

What a person lives through: start-up is the real ``plainte`` entry point to
the first painted frame, the long case selected, against the floor (the same
widgets over the same rows, no plainte code) and a bare window, alternated,
medians; memory is a run past its language-detection warm-up; exports run as
``plainte export`` does (store opened, journal loaded, file written); the
window's figures come from the real main window (``gui_probe.py``).

``--quick`` measures small stores once (a smoke test, not figures);
``--growth`` adds the table at 1k, 10k and 100k events, ``--million`` the
1,000,000-event case too (it takes a long time: stores are kept in --cache).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import core_figures  # noqa: E402
import sagas  # noqa: E402
import startup  # noqa: E402

median = statistics.median


def figure(name: str, value: float, target: float, unit: str, base: float | None = None) -> dict:
    """One row: ``value`` against ``target`` in ``unit`` (``x`` for a ratio over ``base``)."""
    return {
        "name": name,
        "value": value,
        "target": target,
        "unit": unit,
        "baseline": base,
        "met": value <= target,
    }


def ratio(name: str, measured: float, base: float, target: float) -> dict:
    row = figure(name, measured / base, target, "x", base)
    row["measured"] = measured
    return row


def gui_probe(data_dir: Path, export: bool = False) -> dict:
    argv = [sys.executable, str(HERE / "gui_probe.py"), str(data_dir)]
    done = subprocess.run(
        [*argv, *(["--export"] if export else [])], capture_output=True, text=True, timeout=3600
    )
    for line in done.stdout.splitlines():
        if line.startswith("PROBE "):
            return json.loads(line[6:])
    raise RuntimeError(f"gui_probe failed:\n{done.stdout}\n{done.stderr[-3000:]}")


def startup_rows(label: str, data_dir: Path, runs: int) -> list[dict]:
    t = startup.startup(data_dir, runs, warm=runs > 1)
    app, floor, bare = median(t["app"]), median(t["floor"]), median(t["bare"])
    row = ratio(f"start to first painted window, {label} (vs floor)", app, floor, 1.25)
    row["bare"] = bare
    row["detail"] = f"app {app * 1000:.0f} ms, floor {floor * 1000:.0f}, bare {bare * 1000:.0f}"
    if not row["met"]:
        row["profile"] = startup.profile(data_dir)
    return [row]


def cli_rows(work: Path, runs: int) -> list[dict]:
    """Every command on a one-case store against ``python -c "import sqlite3, json"``: its
    fixed cost (to where its work begins, design.md's figure), then the whole call."""
    folder = work / "cli"
    folder.mkdir()
    calls = core_figures.cli_calls(folder)
    fixed = core_figures.measure_cli(calls, folder, runs, to_work=True)
    base = fixed.pop("baseline")
    slowest = max(fixed, key=fixed.get)
    row = ratio(
        f"every command-line call, fixed cost before its work (slowest: {slowest})",
        fixed[slowest],
        base,
        2,
    )
    row["detail"] = ", ".join(f"{name} {t / base:.2f}x" for name, t in fixed.items())
    if not row["met"]:
        row["profile"] = core_figures.call_profile(calls[slowest], folder, to_work=True)
    rows = [row]
    times = core_figures.measure_cli(calls, folder, runs)
    base = times.pop("baseline")
    slowest = max(times, key=times.get)
    row = ratio(
        f"every command-line call, whole, one 40-event case (slowest: {slowest})",
        times[slowest],
        base,
        2,
    )
    row["reference"] = True  # design.md sets no target for the work; shown with the same bar
    row["detail"] = ", ".join(f"{name} {t / base:.2f}x" for name, t in times.items())
    if not row["met"]:
        row["profile"] = core_figures.call_profile(calls[slowest], folder)
    rows.append(row)
    return rows


def machine_row(runs: int) -> dict:
    """How fast this machine runs Python: the figures in ms and s depend on it, the ratios
    do not. Printed first, for comparing runs on different machines (no target)."""
    times = []
    for _ in range(runs):
        begin, total = time.perf_counter(), 0
        for i in range(10_000_000):
            total += i
        times.append(time.perf_counter() - begin)
    row = figure("this machine: 10,000,000 additions in a Python loop", median(times), 0, "s")
    row.update(target=None, met=True, detail=f"{min(times):.2f}–{max(times):.2f} s")
    return row


def measure(cache: Path, quick: bool, runs: int, million: bool) -> list[dict]:
    rows: list[dict] = [machine_row(1 if quick else runs)]
    small, big = (500, 2_000) if quick else (10_000, 100_000)
    s10 = sagas.store_for(cache, small)
    s100 = sagas.store_for(cache, big)
    work = Path(tempfile.mkdtemp(dir=cache))

    rows += startup_rows(f"50 cases, first of {small:,} events", s10, runs)
    if not quick:
        rows += startup_rows("500 cases", sagas.store_for(cache, small, cases=500), runs)
        rows += startup_rows(f"first case of {big:,} events", s100, runs)

    mem = startup.memory(s10, 1 if quick else max(3, runs // 2))
    extra = (median(mem["app"]) - median(mem["floor"])) / 1024
    row = figure("memory, big case open, warmed up, over the floor", extra, 45, "MB")
    row["detail"] = (
        f"app {median(mem['app']) / 1024:.0f} MB, floor {median(mem['floor']) / 1024:.0f}"
    )
    rows.append(row)

    cli = startup.cli_fixed_cost(s10, runs)
    base = median(cli["baseline"])
    row = ratio("command line fixed cost, `plainte --version`", median(cli["--version"]), base, 2)
    cases = median(cli["cases --json"])
    row["detail"] = (
        f"`cases --json`, store opened and {small:,} events counted: {cases / base:.2f}x"
    )
    rows.append(row)
    rows += cli_rows(work, runs)

    gui = gui_probe(s100)
    row = figure(f"open a {big:,}-event case, first rows", gui["open_first_rows"] * 1e3, 50, "ms")
    row["profile"] = gui["open_profile"]
    rows.append(row)
    rows.append(
        figure(f"search keystroke at {big:,} events", gui["search_keystroke"] * 1e3, 16, "ms")
    )
    row = figure(f"quick log at {big:,} events", gui["quick_log"] * 1e3, 50, "ms")
    row["profile"] = gui["quick_log_profile"]
    rows.append(row)
    row = figure(f"longest freeze at {big:,} events", gui["longest_freeze"] * 1e3, 100, "ms")
    row["detail"] = f"during {gui['longest_freeze_during']}"
    rows.append(row)

    files = sagas.big_files(work, small)
    imp = core_figures.measure_import(work, files, runs)
    row = ratio(
        f"import of a {small:,}-event file (vs own rows + journal)", imp["plainte"], imp["floor"], 2
    )
    row["detail"] = (
        f"bare executemany {imp['bare'] * 1000:.0f} ms ({imp['plainte'] / imp['bare']:.1f}x)"
    )
    rows.append(row)

    ex = core_figures.measure_exports(s10, work, runs, ("csv", "json", "html", "pdf"))
    for fmt in ("csv", "json"):
        rows.append(
            ratio(
                f"{fmt.upper()} export of {small:,} events (vs floor)",
                ex[fmt],
                ex[f"{fmt}_floor"],
                2,
            )
        )
    rows.append(figure(f"HTML export of {small:,} events", ex["html"], 1.0, "s"))
    rows.append(figure(f"PDF export of {small:,} events", ex["pdf"], 4.0, "s"))
    if not quick:
        pdf = core_figures.measure_exports(s100, work, 1, ("pdf",))["pdf"]
        rows.append(figure(f"PDF export of {big:,} events", pdf, 40, "s"))
    seconds, peak = core_figures.cli_peak(
        s100, "export", "big", "--format", "json", "-o", str(work / "j.json")
    )
    row = figure(f"JSON export of {big:,} events, peak memory", peak / 1024, 500, "MB")
    row["detail"] = f"{seconds:.1f} s"
    rows.append(row)

    row = figure(f"verify of {big:,} events", core_figures.measure_verify(s100, runs), 2, "s")
    if not row["met"]:
        row["profile"] = core_figures.verify_profile(s100)
    rows.append(row)
    for size, data_dir in ((small, s10), (big, s100)):
        letters = core_figures.measure_letters(data_dir, runs)
        first = letters.pop("first")
        slowest = max(letters, key=letters.get)
        row = figure(
            f"letter after the first, {size:,} events (slowest kind)",
            letters[slowest] * 1e3,
            30,
            "ms",
        )
        row["detail"] = f"{slowest}; the first letter {first:.2f} s"
        if not row["met"]:
            row["profile"] = core_figures.letter_profile(data_dir, slowest)
        rows.append(row)

    if million:
        rows += million_rows(cache, work)
    return rows


def million_rows(cache: Path, work: Path) -> list[dict]:
    """The 1,000,000-event case: open, search, log and export with the window responsive."""
    data_dir = sagas.store_for(cache, 1_000_000)
    gui = gui_probe(data_dir, export=True)
    rows = [
        figure("open a 1,000,000-event case, first rows", gui["open_first_rows"] * 1e3, 200, "ms"),
        figure("search keystroke at 1,000,000 events", gui["search_keystroke"] * 1e3, 16, "ms"),
        figure("quick log at 1,000,000 events", gui["quick_log"] * 1e3, 50, "ms"),
    ]
    for row in rows[1:]:
        row["reference"] = True  # design.md's 1M figures: first rows and no freeze over 100 ms
    row = figure("longest freeze at 1,000,000 events", gui["longest_freeze"] * 1e3, 100, "ms")
    row["detail"] = f"during {gui['longest_freeze_during']}"
    rows.append(row)
    seconds, peak = core_figures.cli_peak(
        data_dir, "export", "big", "--format", "json", "-o", str(work / "m.json")
    )
    row = figure("JSON export of 1,000,000 events, peak memory", peak / 1024, 500, "MB")
    row["detail"] = f"{seconds:.1f} s"
    rows.append(row)
    return rows


GROWTH_COLUMNS = (
    "events",
    "import s",
    "open ms",
    "search ms",
    "quick log ms",
    "freeze ms",
    "JSON s",
    "JSON MB",
    "CSV s",
    "verify s",
    "verify MB",
    "PDF s",
    "start-up x floor",
)


def growth(cache: Path, sizes: list[int], pdf_limit: int) -> list[dict]:
    """Each figure at each size, to show which ones grow with the store."""
    table = []
    for size in sizes:
        data_dir = sagas.store_for(cache, size)
        work = Path(tempfile.mkdtemp(dir=cache))
        files = sagas.big_files(work, size)
        imported = core_figures.timed(
            lambda w=work, f=files: core_figures.measure_import_once(w, f)
        )
        gui = gui_probe(data_dir)
        json_s, json_peak = core_figures.cli_peak(
            data_dir, "export", "big", "--format", "json", "-o", str(work / "g.json")
        )
        csv_s, _ = core_figures.cli_peak(
            data_dir, "export", "big", "--format", "csv", "-o", str(work / "g.csv")
        )
        verify_s, verify_peak = core_figures.cli_peak(data_dir, "verify", "big")
        pdf_s = None
        if size <= pdf_limit:
            pdf_s, _ = core_figures.cli_peak(
                data_dir, "export", "big", "--format", "pdf", "-o", str(work / "g.pdf")
            )
        t = startup.startup(data_dir, 3)
        table.append(
            dict(
                zip(
                    GROWTH_COLUMNS,
                    (
                        size,
                        imported,
                        gui["open_first_rows"] * 1e3,
                        gui["search_keystroke"] * 1e3,
                        gui["quick_log"] * 1e3,
                        gui["longest_freeze"] * 1e3,
                        json_s,
                        json_peak / 1024,
                        csv_s,
                        verify_s,
                        verify_peak / 1024,
                        pdf_s,
                        median(t["app"]) / median(t["floor"]),
                    ),
                    strict=True,
                )
            )
        )
        for path in files:
            path.unlink()
    return table


def print_table(rows: list[dict]) -> None:
    print(f"| {'figure':<58} | {'measured':>12} | {'target':>8} | met | detail")
    print(f"|{'-' * 60}|{'-' * 14}|{'-' * 10}|-----|-------")
    for r in rows:
        unit = r["unit"]
        value = f"{r['value']:.2f}{unit}" if unit == "x" else f"{r['value']:.1f} {unit}"
        met = "yes" if r["met"] else "NO"
        if r["target"] is None:
            target = met = "—"
        else:
            target = f"{r['target']:g}{unit}" if unit == "x" else f"{r['target']:g} {unit}"
        if r.get("reference"):
            target, met = f"({target})", "—"
        print(f"| {r['name']:<58} | {value:>12} | {target:>8} | {met:>3} | {r.get('detail', '')}")
    for r in rows:
        if not r["met"] and r.get("profile"):
            why = "Where the time goes" if r.get("reference") else "Why not met"
            print(f"\n{why}, {r['name']} (profile of one more run):")
            for line in r["profile"]:
                print(f"  {line}")
            if r.get("remedy"):
                print(f"  What would meet it: {r['remedy']}")


def print_growth(table: list[dict]) -> None:
    print("| " + " | ".join(GROWTH_COLUMNS) + " |")
    print("|" + "|".join("---" for _ in GROWTH_COLUMNS) + "|")
    for row in table:
        cells = []
        for key in GROWTH_COLUMNS:
            value = row[key]
            if value is None:
                cells.append("—")
            elif key == "events":
                cells.append(f"{value:,}")
            else:
                cells.append(f"{value:.2f}" if value < 10 else f"{value:.0f}")
        print("| " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--quick", action="store_true", help="small stores, few runs")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (at least 5)")
    parser.add_argument("--growth", action="store_true", help="the table at 1k, 10k, 100k")
    parser.add_argument("--million", action="store_true", help="the 1,000,000-event case too")
    parser.add_argument("--cache", type=Path, help="keep the built stores in this folder")
    args = parser.parse_args()
    runs = 1 if args.quick else max(5, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        rows = measure(cache, args.quick, runs, args.million)
        table = []
        if args.growth:
            sizes = [1_000, 10_000, 100_000] + ([1_000_000] if args.million else [])
            table = growth(cache, sizes, 1_000_000 if args.million else 100_000)
    if args.json:
        json.dump({"figures": rows, "growth": table}, sys.stdout, indent=2)
        print()
    else:
        print_table(rows)
        if table:
            print()
            print_growth(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
