"""What plainte can rebuild, kept between runs: shipped YAML parsed, CLDR patterns read.

The sources stay the truth. A value built from them (the locale files parsed,
the date patterns read from Babel) is kept in the cache folder
(``paths.cache_dir()``) with ``marshal``, under a key that changes with its
source (the hash of the file's bytes, the Babel install): reading it back takes
well under a millisecond, where importing the YAML parser and parsing the two
locale files took 25–40 ms of every start. A kept copy that is missing,
unreadable or from another source is rebuilt; a cache folder that cannot be
written only costs the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path

from plainte.core import paths

_FORMAT = f"2-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
"""In the kept file's name: a new layout or a Python whose marshal differs starts afresh."""
_MARK = "plainte-kept"


def load_yaml(path: Path) -> object:
    """``path`` parsed as YAML (safe loader), from the kept copy when its bytes are unchanged."""
    raw = path.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    return _remember(f"{path.parent.name}.{path.stem}", digest, lambda: _parse(raw))


def remember(name: str, key: str, build: Callable[[], object]) -> object:
    """What ``build()`` made for ``key`` (kept under ``name``); built again when ``key`` changes."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    return _remember(name, digest, build)


def _remember(name: str, digest: str, build: Callable[[], object]) -> object:
    folder = paths.cache_dir() / "parsed"
    kept = folder / f"{name}-{digest}-{_FORMAT}.marshal"
    try:
        mark, value = marshal.loads(kept.read_bytes())
        if mark == _MARK:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _keep(folder, kept, value, name)
    return value


def _parse(raw: bytes) -> object:
    import yaml

    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _keep(folder: Path, kept: Path, value: object, name: str) -> None:
    """Write ``value`` to ``kept`` whole (a side file renamed); drop older copies of ``name``."""
    try:
        data = marshal.dumps((_MARK, value))
    except ValueError:  # a value marshal cannot hold (a YAML date): built every time
        return
    side = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        side.write_bytes(data)
        os.replace(side, kept)
        for old in folder.glob(f"{name}-*.marshal"):
            if old != kept:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            side.unlink(missing_ok=True)
