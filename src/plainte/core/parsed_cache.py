"""Shipped YAML files parsed once and kept, parsed, between runs.

The YAML stays the source. Its parsed form is kept in the cache folder
(``paths.cache_dir()``) under the hash of the file's bytes, with ``marshal``:
reading it back takes well under a millisecond, where importing the YAML parser
and parsing the two locale files took 25–40 ms of every start. A kept copy that
is missing, unreadable or from another file is rebuilt from the YAML; a cache
folder that cannot be written only costs the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path

from plainte.core import paths

_FORMAT = f"1-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
"""In the kept file's name: a new layout or a Python whose marshal differs starts afresh."""


def load_yaml(path: Path) -> object:
    """``path`` parsed as YAML (safe loader), from the kept copy when its bytes are unchanged."""
    raw = path.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    folder = paths.cache_dir() / "parsed"
    name = f"{path.parent.name}.{path.stem}"
    kept = folder / f"{name}-{digest}-{_FORMAT}.marshal"
    try:
        return marshal.loads(kept.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = _parse(raw)
    _keep(folder, kept, value, name)
    return value


def _parse(raw: bytes) -> object:
    import yaml

    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _keep(folder: Path, kept: Path, value: object, name: str) -> None:
    """Write ``value`` to ``kept`` whole (a side file renamed); drop older copies of ``name``."""
    try:
        data = marshal.dumps(value)
    except ValueError:  # a value marshal cannot hold (a YAML date): parse it every time
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
