"""Install the Linux desktop entry and icon for the current user (``plainte-desktop-install``)."""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from pathlib import Path


def launcher() -> str:
    """The desktop entry's ``Exec`` value: an absolute command, found without PATH.

    The README installs into a virtual environment whose ``bin`` is not on the
    desktop's PATH, so a bare ``plainte`` would not start.
    """
    script = Path(sys.executable).parent / ("plainte.exe" if os.name == "nt" else "plainte")
    found = str(script) if script.exists() else shutil.which("plainte")
    words = [found] if found else [sys.executable, "-m", "plainte"]
    return " ".join(f'"{w}"' if " " in w or '"' in w else w for w in words)


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
    entry = written[0]
    lines = entry.read_text(encoding="utf-8").splitlines()
    lines = [f"Exec={launcher()}" if line.startswith("Exec=") else line for line in lines]
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def main() -> int:
    for path in install():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
