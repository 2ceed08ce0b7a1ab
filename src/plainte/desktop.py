"""Install the Linux desktop entry and icon for the current user (``plainte-desktop-install``)."""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from pathlib import Path


def install(prefix: Path | None = None) -> list[Path]:
    """Copy ``plainte.desktop`` and ``plainte.svg`` under ``~/.local/share`` (or ``prefix``).

    Return:
        The files written.
    """
    base = prefix or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    data = resources.files("plainte") / "data"
    targets = [
        (data / "plainte.desktop", base / "applications" / "plainte.desktop"),
        (data / "plainte.svg", base / "icons" / "hicolor" / "scalable" / "apps" / "plainte.svg"),
    ]
    written = []
    for source, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(source) as path:
            shutil.copyfile(path, target)
        written.append(target)
    return written


def main() -> int:
    for path in install():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
