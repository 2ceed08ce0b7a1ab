"""What plainte can rebuild, kept between runs: shipped YAML parsed, CLDR patterns read.

The sources stay the truth. A value built from them (the locale files parsed,
the date patterns read from Babel) is kept in the cache folder
(``paths.cache_dir()``) with ``marshal``, under a key that changes with its
source (the hash of the file's bytes, the Babel install): reading it back takes
well under a millisecond, where importing the YAML parser and parsing the two
locale files took 25–40 ms of every start. A kept copy that is missing,
unreadable or from another source is rebuilt; a cache folder that cannot be
written only costs the time.

A data file that is *checked* (a ladder, a remedies file: refused at its line
when wrong) is kept as its checked result (:func:`load_checked`), pickled, under
the hash of the file's path and bytes and of the code that checks it. Only a
file that passed is kept: a faulty one is parsed and refused again at every
run, with its line. Reading a kept copy back allows only the classes the caller
names (and dates, paths, :class:`~plainte.core.yamlfile.LinedDict`): a foreign
file cannot run code, it is rebuilt like a damaged one.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from plainte.core import paths

try:  # hashlib's own blake2b, without loading OpenSSL (3 ms at every start) for it
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

TYPE_CHECKING = False  # typing itself costs 3 ms at every call
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_FORMAT = f"2-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
"""In the kept file's name: a new layout or a Python whose marshal differs starts afresh."""
_MARK = "plainte-kept"


def load_yaml(path: Path) -> object:
    """``path`` parsed as YAML (safe loader), from the kept copy when its bytes are unchanged."""
    raw = path.read_bytes()
    digest = blake2b(raw, digest_size=16).hexdigest()
    return _remember(f"{path.parent.name}.{path.stem}", digest, lambda: _parse(raw))


def remember(name: str, key: str, build: Callable[[], object]) -> object:
    """What ``build()`` made for ``key`` (kept under ``name``); built again when ``key`` changes."""
    digest = blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    return _remember(name, digest, build)


def load_checked(
    kind: str, path: Path, check: Callable[[bytes], T], code: Sequence[str], classes: Sequence[type]
) -> T:
    """``check(bytes of path)``, from the kept copy when the bytes and the checking code match.

    ``code`` names the source files of the modules whose change changes the result
    (the checker, the classes it builds); ``classes`` are the classes the result
    holds. What ``check`` raises is raised and nothing is kept.

    Raises:
        OSError: ``path`` cannot be read.
    """
    raw = path.read_bytes()
    key = blake2b(digest_size=16)
    for part in (_code_digest(tuple(code)), str(path).encode("utf-8"), raw):
        key.update(len(part).to_bytes(8, "little"))
        key.update(part)
    digest = key.hexdigest()
    where = blake2b(str(path.parent).encode("utf-8"), digest_size=4).hexdigest()
    name = f"{kind}.{path.stem}.{where}"
    folder = paths.cache_dir() / "parsed"
    kept = folder / f"{name}-{digest}-{_FORMAT}.pickle"
    found = _unpickled(kept, digest, classes)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    value = check(raw)
    try:
        import pickle

        data = pickle.dumps((_MARK, digest, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value pickle cannot hold: checked every time
        return value
    _write(folder, kept, data, name)
    return value


_MISSING = object()


def _unpickled(kept: Path, digest: str, classes: Sequence[type]) -> object:
    """The value kept in ``kept`` for ``digest``, or ``_MISSING`` (absent, damaged, foreign)."""
    import io

    try:
        raw = kept.read_bytes()
    except OSError:
        return _MISSING
    allowed = _allowed(tuple(classes))
    try:
        mark, kept_digest, value = _unpickler()(io.BytesIO(raw), allowed).load()
    except Exception:  # damaged, cut short or foreign: built again
        return _MISSING
    return value if (mark, kept_digest) == (_MARK, digest) else _MISSING


def _allowed(classes: tuple[type, ...]) -> dict[tuple[str, str], type]:
    from datetime import date
    from pathlib import PurePosixPath, PureWindowsPath

    from plainte.core.yamlfile import LinedDict

    every = (*classes, date, type(Path()), PurePosixPath, PureWindowsPath, LinedDict)
    return {(cls.__module__, cls.__qualname__): cls for cls in every}


@cache
def _unpickler() -> type:
    """Pickle's reader that finds only the classes it is given, and nothing else."""
    import _pickle

    class Unpickler(_pickle.Unpickler):
        def __init__(self, file, allowed: dict[tuple[str, str], type]) -> None:
            super().__init__(file)
            self.allowed = allowed

        def find_class(self, module: str, name: str) -> type:
            found = self.allowed.get((module, name))
            if found is None:
                raise _pickle.UnpicklingError(f"{module}.{name} is not a kept class")
            return found

    return Unpickler


@cache
def _code_digest(files: tuple[str, ...]) -> bytes:
    """The hash of the checking code's source files (and of this module and format)."""
    digest = blake2b(_FORMAT.encode("ascii"), digest_size=16)
    for name in (__file__, *files):
        try:
            digest.update(Path(name).read_bytes())
        except OSError:  # no source beside the bytecode: the version stands for it
            from plainte import __version__

            digest.update(f"{name}|{__version__}".encode())
    return digest.digest()


def read_kept(name: str, key: str) -> object:
    """What :func:`write_kept` kept under ``name`` for ``key``; None when there is none."""
    digest = blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    found = _read(_marshal_path(name, digest))
    return None if found is _MISSING else found


def write_kept(name: str, key: str, value: object) -> None:
    """Keep ``value`` (what marshal holds) under ``name`` for ``key``, replacing older copies."""
    digest = blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    kept = _marshal_path(name, digest)
    _keep(kept.parent, kept, value, name)


def installed(package: str) -> str | None:
    """What identifies the installed ``package`` (its path, size and time), without importing
    it: a key that changes when another version is installed. None when it is not found."""
    for entry in sys.path:
        init = Path(entry or ".") / package / "__init__.py"
        try:
            stat = init.stat()
        except OSError:
            continue
        return f"{init}|{stat.st_size}|{stat.st_mtime_ns}"
    return None


def _marshal_path(name: str, digest: str) -> Path:
    return paths.cache_dir() / "parsed" / f"{name}-{digest}-{_FORMAT}.marshal"


def _read(kept: Path) -> object:
    try:
        mark, value = marshal.loads(kept.read_bytes())
        if mark == _MARK:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return _MISSING


def _remember(name: str, digest: str, build: Callable[[], object]) -> object:
    kept = _marshal_path(name, digest)
    value = _read(kept)
    if value is _MISSING:
        value = build()
        _keep(kept.parent, kept, value, name)
    return value


def _parse(raw: bytes) -> object:
    import yaml

    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _keep(folder: Path, kept: Path, value: object, name: str) -> None:
    """Write ``value`` to ``kept`` with marshal (if it can hold it)."""
    try:
        data = marshal.dumps((_MARK, value))
    except ValueError:  # a value marshal cannot hold (a YAML date): built every time
        return
    _write(folder, kept, data, name)


def _write(folder: Path, kept: Path, data: bytes, name: str) -> None:
    """Write ``data`` to ``kept`` whole (a side file renamed); drop older copies of ``name``."""
    side = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        side.write_bytes(data)
        os.replace(side, kept)
        for old in folder.glob(f"{name}-*{kept.suffix}"):
            if old != kept:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            side.unlink(missing_ok=True)
