"""Start-up and memory as a person lives them: fresh processes, alternated, medians.

The app is started through its real entry point (the ``plainte`` command, or
``python -m plainte``), to the first painted frame of its main window, with
its store's first case (the long one) selected. The floor is the same widget
tree over the same rows with no plainte code (``floor.py``); the bare window
is an empty ``QWidget``. Runs alternate app, floor, bare, so all three see the
same machine. Memory is measured in runs that wait for the warm-up.

The package runs from its compiled bytecode, as it does once installed (pip
compiles it at install time; a checkout compiles it at its first run). A shell
with ``PYTHONDONTWRITEBYTECODE`` would otherwise make every measured start
compile all of plainte's modules again, which no person's start does.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
TODAY = "2026-11-22"


def entry_point() -> list[str]:
    """The installed ``plainte`` command beside this Python, else ``python -m plainte``."""
    script = Path(sys.executable).with_name("plainte")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plainte"]


def compile_package() -> None:
    """Write the bytecode of the ``plainte`` package the runs import, as installing does."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("plainte")
    for folder in spec.submodule_search_locations if spec else ():
        compileall.compile_dir(folder, quiet=2)


_CACHE = Path(tempfile.gettempdir()) / "plainte-benchmark" / f"cache-{os.getpid()}"
"""This run's own cache folder: on a shared machine, another checkout's runs would replace the
kept locale files with theirs (their YAML differs) and every start would parse YAML again."""
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def _env(mode: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PLAINTE_CACHE_DIR"] = str(_CACHE)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PLAINTE_PROBE"] = mode
    env["PLAINTE_LANG"] = "en"
    env["XDG_CONFIG_HOME"] = tempfile.gettempdir() + "/plainte-benchmark"  # no saved settings
    return env


def command(who: str, data_dir: Path) -> list[str]:
    if who == "app":
        return [*entry_point(), "--data-dir", str(data_dir), "--today", TODAY]
    floor = [sys.executable, str(HERE / "floor.py"), str(data_dir)]
    return floor + (["bare"] if who == "bare" else [])


def probe(who: str, data_dir: Path, mode: str = "first-paint") -> dict:
    """One start of ``who`` (app, floor, bare): seconds to its first frame, memory (KiB)."""
    started = time.perf_counter()
    done = subprocess.run(
        command(who, data_dir), capture_output=True, text=True, env=_env(mode), timeout=600
    )
    for line in done.stdout.splitlines():
        if line.startswith("PROBE "):
            report = json.loads(line[6:])
            report["seconds"] = report["painted"] - started
            return report
    raise RuntimeError(f"{who} did not report its first frame:\n{done.stdout}\n{done.stderr}")


def profile(data_dir: Path, top: int = 8) -> list[str]:
    """Where one more start of the app spends its own time beyond the floor's, by package,
    then plainte's biggest functions.

    cProfile of the real entry point and of the floor, each to its first frame (and its
    quick exit; the wait for background readers is left out). The profiler slows Python
    more than Qt: read it for where the time goes, not for how much.
    """
    app, app_own = _profiled([sys.executable, "-m", "plainte", *command("app", data_dir)[-4:]])
    floor, _ = _profiled([sys.executable, str(HERE / "floor.py"), str(data_dir)])
    beyond = sorted(((app.get(p, 0.0) - floor.get(p, 0.0), p) for p in app), reverse=True)
    lines = [
        "beyond the floor, by package: "
        + ", ".join(f"{p} {d * 1e3:+.0f} ms" for d, p in beyond[:top] if d > 0)
    ]
    mine = sorted(app_own, reverse=True)[:top]
    lines.append("plainte's own: " + ", ".join(f"{w} {s * 1e3:.1f} ms" for s, w in mine))
    return lines


_PROFILE_TO_FIRST_FRAME = """
import cProfile, runpy, sys
from plainte.gui import probe
profile = cProfile.Profile()
reported = probe._FirstPaint._report
def report(self):
    profile.disable()
    profile.dump_stats({out!r})
    reported(self)
probe._FirstPaint._report = report
argv = {argv!r}
sys.argv = ["plainte", *argv[2:]] if argv[:2] == ["-m", "plainte"] else argv
profile.enable()
if argv[:2] == ["-m", "plainte"]:
    runpy.run_module("plainte", run_name="__main__", alter_sys=True)
else:
    runpy.run_path(argv[0], run_name="__main__")
"""
"""Profiles one start to its first frame, then lets it quit (``argv``: after the Python)."""


def _profiled(argv: list[str]) -> tuple[dict[str, float], list[tuple[float, str]]]:
    """Own seconds by package of one start of ``argv`` to its first frame, and plainte's."""
    import pstats

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "start.prof"
        code = _PROFILE_TO_FIRST_FRAME.format(out=str(out), argv=argv[1:])
        subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env("first-paint"))
        if not out.exists():
            return {}, []
        stats = pstats.Stats(str(out)).stats
    packages: dict[str, float] = {}
    own: list[tuple[float, str]] = []
    for (path, _line, name), (_cc, _nc, seconds, _cum, _callers) in stats.items():
        if "waitForDone" in name:
            continue
        package = _package(path, name)
        packages[package] = packages.get(package, 0.0) + seconds
        if package == "plainte":
            own.append((seconds, f"{path.split('plainte/')[-1]}:{name}"))
    return packages, own


def _package(path: str, name: str) -> str:
    """What a profiled function belongs to: a package, Qt's C++, the import machinery."""
    if path == "~":
        if "PySide6" in name or "shiboken" in name:
            return "Qt (C++)"
        if any(k in name for k in ("_imp.", "marshal", "builtins.exec", "builtins.compile")):
            return "imports"
        return "builtins"
    if "/plainte/" in path:
        return "plainte"
    if "site-packages/" in path:
        return path.split("site-packages/")[1].split("/")[0]
    if "shibokensupport" in path or "signature" in path:
        return "shiboken6"
    if path.startswith("<frozen"):
        return "imports"
    parent = Path(path).parent.name
    return "stdlib:" + (
        parent if parent not in ("lib", "") and "python3" not in parent else Path(path).stem
    )


def startup(data_dir: Path, runs: int, warm: bool = True) -> dict[str, list[float]]:
    """Seconds to the first frame of app, floor and bare, alternated ``runs`` times."""
    compile_package()
    times: dict[str, list[float]] = {"app": [], "floor": [], "bare": []}
    for who in times if warm else ():  # one untimed start each: the disk cache is warm for all
        probe(who, data_dir)
    for _ in range(runs):
        for who in times:
            times[who].append(probe(who, data_dir)["seconds"])
    return times


def memory(data_dir: Path, runs: int) -> dict[str, list[int]]:
    """Peak resident memory (KiB) of app (warmed up) and floor, alternated."""
    compile_package()
    peaks: dict[str, list[int]] = {"app": [], "floor": []}
    for _ in range(runs):
        for who in peaks:
            peaks[who].append(probe(who, data_dir, "warm")["hwm_kib"])
    return peaks


def cli_fixed_cost(data_dir: Path, runs: int) -> dict[str, list[float]]:
    """Wall time of ``import sqlite3, json`` against plainte calls that do little work."""
    calls = {
        "baseline": [sys.executable, "-c", "import sqlite3, json"],
        "--version": [*entry_point(), "--version"],
        "cases --json": [*entry_point(), "--data-dir", str(data_dir), "cases", "--json"],
    }
    compile_package()
    times: dict[str, list[float]] = {name: [] for name in calls}
    env = dict(os.environ, PLAINTE_LANG="en", PLAINTE_CACHE_DIR=str(_CACHE))
    for _ in range(runs):
        for name, argv in calls.items():
            started = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True, env=env)
            times[name].append(time.perf_counter() - started)
    return times


median = statistics.median
