"""A binary file read through, telling how far the reading is, a few times a second."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import BinaryIO

EVERY = 0.25
"""Seconds between two reports: often enough for a bar, rare enough to cost nothing."""

PIECE = 1 << 18
"""The most one read takes: a file of a few megabytes still moves the bar several times."""


class ReadProgress:
    """``raw`` as the stream reader sees it, calling ``report(bytes_read, total)`` as it goes.

    The first read and the last (the end of the file) are always reported; between
    them, at most one report every ``every`` seconds.
    """

    def __init__(
        self,
        raw: BinaryIO,
        report: Callable[[int, int], None],
        *,
        every: float = EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.raw, self.report, self.every, self.clock = raw, report, every, clock
        try:
            self.total = os.fstat(raw.fileno()).st_size
        except (OSError, AttributeError, ValueError):
            self.total = 0  # not a file on disk: the size is unknown
        self.bytes_read = 0
        self._last: float | None = None
        self._told = -1

    def read(self, size: int = -1) -> bytes:
        """Read like ``raw.read``, and report the position when it is time."""
        chunk = self.raw.read(PIECE if size < 0 else min(size, PIECE))
        self.bytes_read += len(chunk)
        now = self.clock()
        due = not chunk or self._last is None or now - self._last >= self.every
        if due and self._told != self.bytes_read:
            self._last, self._told = now, self.bytes_read
            self.report(self.bytes_read, max(self.total, self.bytes_read))
        return chunk
