"""Where the person's data lives.

The default is the folder Qt's ``QStandardPaths.AppDataLocation`` gives an
application named ``plainte`` (computed here without Qt, so the command line
and the app agree; a GUI test checks they do). ``PLAINTE_DATA_DIR`` or
``--data-dir`` choose another.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "plainte"


def default_data_dir() -> Path:
    """The platform's application-data folder for plainte."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``explicit``, else ``PLAINTE_DATA_DIR``, else the default.

    Always absolute (resolved against the current folder), so a relative choice
    names the same folder for every command and every file it leads to.
    """
    chosen = explicit or os.environ.get("PLAINTE_DATA_DIR")
    return absolute(Path(chosen)) if chosen else default_data_dir()


def absolute(path: Path) -> Path:
    """``path`` with ``~`` expanded, made absolute (symbolic links kept)."""
    return Path(os.path.abspath(path.expanduser()))


def cache_dir() -> Path:
    """The folder for what plainte can rebuild (parsed locale files): ``PLAINTE_CACHE_DIR``,
    else the platform's cache folder for plainte. Losing it costs time, never data."""
    chosen = os.environ.get("PLAINTE_CACHE_DIR")
    if chosen:
        return absolute(Path(chosen))
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / APP_NAME
        return base / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / APP_NAME
