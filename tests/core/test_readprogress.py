"""Reading a saga file with its progress told: every byte read, reports throttled."""

from __future__ import annotations

from pathlib import Path

from plainte.core.readprogress import PIECE, ReadProgress


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_every_byte_is_read_and_the_end_is_always_told(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * (3 * PIECE // 256 + 7))
    told: list[tuple[int, int]] = []
    clock = Clock()
    with path.open("rb") as raw:
        reader = ReadProgress(raw, lambda done, total: told.append((done, total)), clock=clock)
        data = b""
        while chunk := reader.read(1 << 20):
            data += chunk
    assert data == path.read_bytes()
    size = path.stat().st_size
    assert told == [(PIECE, size), (size, size)]  # the clock never moved: first and last only


def test_reports_come_at_most_every_interval(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * (10 * PIECE))
    told: list[int] = []
    clock = Clock()
    with path.open("rb") as raw:
        reader = ReadProgress(raw, lambda done, _total: told.append(done), every=1.0, clock=clock)
        for step in range(11):
            clock.now = step * 0.5  # two reads per interval
            reader.read(PIECE)
    assert told == [PIECE * n for n in (1, 3, 5, 7, 9)] + [10 * PIECE]
    assert len(told) == len(set(told))


def test_an_empty_file_is_told_once(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    told: list[tuple[int, int]] = []
    with path.open("rb") as raw:
        assert ReadProgress(raw, lambda *a: told.append(a)).read(100) == b""
    assert told == [(0, 0)]
