"""Shared fixtures: a store in a temporary folder, the demo sagas, saga builders, the CLI."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PLAINTE_LANG"] = "en"
# what plainte keeps parsed between runs goes to a test folder, not the person's cache
os.environ.setdefault("PLAINTE_CACHE_DIR", os.path.join(tempfile.gettempdir(), "plainte-tests"))

from plainte import cli
from plainte.core import i18n
from plainte.core.demo import demo_files
from plainte.core.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"

# CI replays the same examples every run (a red build is the change's fault, not the dice's);
# local runs keep exploring; "stress" raises every test's examples to hunt rare failures.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],  # a timing check: a loaded machine trips it
)
settings.register_profile("dev", deadline=None, print_blob=True)
STRESS_EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "2000"))
settings.register_profile(
    "stress",
    max_examples=STRESS_EXAMPLES,
    deadline=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
)
settings.load_profile(PROFILE)


def pytest_collection_modifyitems(items) -> None:
    """Under the stress profile, override each test's own ``max_examples`` too."""
    if PROFILE != "stress":
        return
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None:
            test._hypothesis_internal_use_settings = settings(
                own, max_examples=STRESS_EXAMPLES, suppress_health_check=list(HealthCheck)
            )


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """Every test starts in English unless it switches language itself."""
    monkeypatch.setenv("PLAINTE_LANG", "en")
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path):
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def demo_paths() -> list[Path]:
    return demo_files()


def saga_doc(events: list[dict] | None = None, **case_fields) -> dict:
    """A minimal valid saga document with one case; fields override the defaults."""
    case = {
        "id": "case-1",
        "title": "Broadband down for three weeks",
        "provider": "Examplecom",
        "provider_handle": "@examplecom_help",
        "country": "GB",
        "sector": "internet",
        "language": "en",
        "account_ref": "ACC-99173-UNIQUE",
        "customer": {
            "name": "Alex Smith",
            "address": "4 Mill Lane, Leeds LS1 4AB",
            "email": "alex@example.net",
            "phone": "07700 900123",
        },
        "events": events
        if events is not None
        else [
            {
                "id": "a",
                "at": "2026-08-03T09:15:00+01:00",
                "channel": "phone",
                "direction": "out",
                "counterpart": "Priya",
                "reference": "INC-204981",
                "wait_minutes": 42,
                "summary": "Reported the outage.",
                "promises": [
                    {
                        "id": "pa",
                        "text": "An engineer will call back within 48 hours",
                        "due": "2026-08-05T09:15:00+01:00",
                    }
                ],
            },
            {
                "id": "b",
                "at": "2026-08-06",
                "channel": "phone",
                "direction": "in",
                "answered": False,
                "summary": "Missed call, no message.",
            },
            {
                "id": "c",
                "at": "2026-08-07T18:00:00",
                "channel": "email",
                "direction": "out",
                "answered": False,
                "summary": "Written complaint, no reply.",
            },
            {
                "id": "d",
                "at": "2026-08-10T11:00:00+01:00",
                "channel": "chat",
                "direction": "out",
                "counterpart": "Sam",
                "wait_minutes": 15.5,
                "promises": [
                    {
                        "id": "pb",
                        "text": "A credit of £20",
                        "due": "2026-08-20",
                        "status": "kept",
                        "closed_at": "2026-08-18",
                    }
                ],
            },
        ],
    }
    case.update(case_fields)
    return {"format": "plainte-saga", "version": 1, "cases": [case]}


def long_saga_doc(events: int, case_id: str = "long") -> dict:
    """A valid saga document of one case with ``events`` calls (a few hundred bytes each)."""
    doc = saga_doc(
        [
            {
                "id": f"e{i}",
                "at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:{i % 60:02d}:00",
                "channel": "phone",
                "direction": "out",
                "counterpart": f"Agent {i % 37}",
                "reference": f"INC-{200000 + i}",
                "summary": f"Call {i}: the engineer was promised again; nobody came.",
            }
            for i in range(events)
        ]
    )
    doc["cases"][0]["id"] = case_id
    return doc


@pytest.fixture
def make_saga(tmp_path: Path):
    """Write a saga document to a file and return its path."""
    counter = iter(range(1_000_000))

    def write(doc: dict | str | bytes) -> Path:
        path = tmp_path / f"saga-{next(counter)}.json"
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def saga():
    """A fresh copy of the reference English saga document."""
    return copy.deepcopy(saga_doc())


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run_cli(data_dir: Path, capsys):
    """Run ``plainte --data-dir DATA ARGS…`` in-process; return code, stdout, stderr."""

    def run(*args: str, today: str | None = None) -> CliResult:
        argv = ["--data-dir", str(data_dir)]
        if today:
            argv += ["--today", today]
        try:
            code = cli.main([*argv, *args])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def journal_clock(monkeypatch):
    """Set the time the journal records from now on: a UTC text, or minutes past the real now.

    Edits made more than the correction grace after a record's creation are
    amendments; tests of amendments move the clock past it, as a person would.
    """
    from datetime import datetime, timedelta, timezone

    import plainte.core.store as store_module

    def set_to(at: str | float) -> None:
        if not isinstance(at, str):
            moment = datetime.now(timezone.utc) + timedelta(minutes=at)
            at = moment.isoformat(timespec="seconds")
        monkeypatch.setattr(store_module, "recorded_now", lambda: at)

    return set_to


@pytest.fixture
def past_the_grace(journal_clock):
    """From now on, an edit is an amendment: the journal's clock is an hour ahead."""
    journal_clock(60)


@pytest.fixture
def local_zone():
    """Run the test on a machine set to a zone (``TZ``), put back afterwards."""
    import time

    old = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def two_starts(code: str, cache: Path) -> list[subprocess.CompletedProcess]:
    """``code`` run by two fresh interpreters sharing the cache folder ``cache``: what the
    first builds and keeps, the second reads back."""
    env = dict(os.environ, PLAINTE_CACHE_DIR=str(cache))
    return [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
