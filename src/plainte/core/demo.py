"""The demo sagas shipped with plainte (two real customer-service stories)."""

from __future__ import annotations

from pathlib import Path

from plainte.core.resources import data_folder


def demo_files() -> list[Path]:
    """The demo saga files, in a stable order."""
    return sorted(data_folder("demo").glob("*.json"))
