"""Saga files and stores for the benchmark: one long case and many short ones.

The long case sorts first in the case list ("A long saga"), so the app opens
it at start, as it would for a person whose first case is their long one.
Files are written as a stream, so a 1,000,000-event file costs no memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

CHANNELS = ("phone", "email", "chat", "social_dm", "letter", "store")
SUMMARIES = (
    "Called the support line again; the agent said a technician would call back.",
    "Hold music for most of an hour, then the line dropped.",
    "E-mail asking for a written answer to the complaint of last month.",
    "They called while I was at work and left no message.",
    "Chat: the agent opened ticket {ref} and promised a credit on the next bill.",
)
BIG_ID = "big"


def event(i: int) -> dict:
    """Event number ``i`` of a long saga: every channel, some promises, real-looking texts."""
    ref = f"INC-{200000 + i}"
    day = f"{2020 + i // 4000 % 6}-{1 + i // 334 % 12:02d}-{1 + i % 28:02d}"
    row = {
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
        row["promises"] = [
            {
                "id": f"p{i}",
                "text": "A technician will call back within 48 hours",
                "due": "2021-01-01",
                "status": "pending",
            }
        ]
    return row


def case_head(case_id: str, title: str) -> dict:
    return {
        "id": case_id,
        "title": title,
        "provider": "Examplecom",
        "country": "FR",
        "sector": "internet",
        "language": "fr",
    }


CHUNK = 100_000
"""Events per saga file: a 1,000,000-event case is imported in ten files (the size limit)."""


def _chunks(head: dict, events: range) -> Iterator[str]:
    text = json.dumps(head)
    yield text[:-1] + ', "events": ['
    for i in events:
        yield ("," if i != events.start else "") + json.dumps(event(i))
    yield "]}"


def write_saga(path: Path, cases: list[tuple[dict, range]]) -> Path:
    """Write a saga file of ``cases`` (head, the numbers of its events), streamed."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "plainte-saga", "version": 1, "cases": [')
        for n, (head, events) in enumerate(cases):
            if n:
                out.write(",")
            for chunk in _chunks(head, events):
                out.write(chunk)
        out.write("]}")
    return path


def big_files(folder: Path, events: int) -> list[Path]:
    """The one long case, as saga files of at most :data:`CHUNK` events each."""
    head = case_head(BIG_ID, "A long saga")
    return [
        write_saga(
            folder / f"big-{events}-{start}.json",
            [(head, range(start, min(events, start + CHUNK)))],
        )
        for start in range(0, events, CHUNK)
    ]


def small_file(folder: Path, cases: int, events: int = 40) -> Path:
    """``cases`` short sagas of ``events`` events, titled after the long one."""
    heads = [(case_head(f"c{n:03d}", f"Saga {n:03d}"), range(events)) for n in range(cases)]
    return write_saga(folder / f"small-{cases}.json", heads)


def build_store(data_dir: Path, files: list[Path]) -> Path:
    """A plainte store holding ``files``, imported the way ``plainte import`` does."""
    from plainte.core.store import Store

    store = Store.open(data_dir)
    try:
        for path in files:
            store.import_file(path, backup=False)
    finally:
        store.close()
    return data_dir


def store_for(cache: Path, events: int, cases: int = 50) -> Path:
    """A store of ``cases`` cases whose first has ``events`` events, built once per cache."""
    data_dir = cache / f"store-{events}-{cases}"
    if (data_dir / "plainte.sqlite").exists() and (data_dir / "complete").exists():
        return data_dir
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    files = [*big_files(cache, events), small_file(cache, cases - 1)]
    build_store(data_dir, files)
    for path in files:
        path.unlink()
    (data_dir / "complete").write_text("")
    return data_dir
