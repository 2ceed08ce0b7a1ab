"""Compiled templates kept between runs: Jinja2's bytecode cache in plainte's cache folder.

Compiling the templates a letter uses took about 95 ms of every ``plainte
letter``; loading the kept code takes a few. Jinja2 itself drops a kept copy
whose template source changed (it compares the source's checksum) or that
another Python wrote. On top of that each kept file carries a digest of its
bytes, so a damaged file (a torn write, a flipped byte) is compiled afresh,
never run; and the file name carries the environment's class and settings and
the Jinja2 version, since code compiled for one environment (or outside the
sandbox) must not run in another. A cache folder that cannot be written only
costs the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from plainte.core import paths

_DIGEST = 16
"""Bytes of the blake2b digest that starts each kept file."""


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja2's file bytecode cache, whose files are checked whole before use and written whole."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """The kept code into ``bucket`` if the file is whole; else nothing (compiled afresh)."""
        try:
            raw = Path(self._get_cache_filename(bucket)).read_bytes()
        except OSError:
            return
        digest, body = raw[:_DIGEST], raw[_DIGEST:]
        if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
            return
        try:
            bucket.bytecode_from_string(body)
        except Exception:  # an older format whose digest happens to match: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Write the bucket's code with its digest: a side file renamed over the old copy."""
        body = bucket.bytecode_to_string()
        target = Path(self._get_cache_filename(bucket))
        side = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            side.write_bytes(hashlib.blake2b(body, digest_size=_DIGEST).digest() + body)
            os.replace(side, target)
        except OSError:
            with contextlib.suppress(OSError):
                side.unlink(missing_ok=True)


def for_environment(environment_class: type, **settings: object) -> KeptTemplates:
    """The cache for templates compiled by ``environment_class`` with ``settings``.

    ``settings`` describe what shapes the compiled code (the environment's
    options, the autoescaped extensions): their ``repr`` must be stable between
    runs (strings, booleans, tuples, classes).
    """
    described = repr(
        (
            jinja2.__version__,
            f"{environment_class.__module__}.{environment_class.__qualname__}",
            sorted(getattr(environment_class, "intercepted_binops", ())),
            sorted(getattr(environment_class, "intercepted_unops", ())),
            sorted((name, _stable(value)) for name, value in settings.items()),
        )
    )
    key = hashlib.blake2b(described.encode("utf-8"), digest_size=8).hexdigest()
    return KeptTemplates(str(paths.cache_dir() / "templates"), f"%s-{key}.jinja")


def _stable(value: object) -> str:
    """``value`` described the same way in every run (classes and functions by name)."""
    if isinstance(value, type) or callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"
    return repr(value)
