"""Write a file or a folder whole, or not at all: a temporary beside it, synced, then renamed.

A missing folder, a target that is a folder, a full disk or an empty result is
an error that names the place; the previous file (if any) stays as it was and
no partial file is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from plainte.core.errors import PlainteError


def _reason(exc: OSError) -> str:
    from plainte.core.i18n import tr

    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return tr("errors.reason.disk_full")
    if exc.errno is None:  # a drawing library that only says it failed
        return tr("errors.reason.incomplete")
    return exc.strerror or str(exc)


def cannot_write(path: Path, exc: OSError | str) -> PlainteError:
    """The error for a file that could not be written, with the reason in words."""
    detail = exc if isinstance(exc, str) else _reason(exc)
    return PlainteError("cannot_write", path=path, detail=detail)


def _check_place(output: Path) -> None:
    from plainte.core.i18n import tr

    if not output.parent.is_dir():
        raise cannot_write(output, tr("errors.reason.no_folder", folder=output.parent))


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some systems cannot sync a folder
        _sync(folder)


def replace_file(
    output: Path, write: Callable[[Path], object], check: Callable[[Path], bool] | None = None
) -> None:
    """Call ``write`` on a temporary path beside ``output``, then rename it into place.

    ``check`` (default: not empty) says whether what was written is whole.

    Raises:
        PlainteError: ``cannot_write`` with the reason; nothing changed at ``output``.
    """
    from plainte.core.i18n import tr

    _check_place(output)
    if output.is_dir():
        raise cannot_write(output, tr("errors.reason.is_folder"))
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    try:
        write(partial)
        if not partial.is_file() or not (check or _not_empty)(partial):
            raise cannot_write(output, tr("errors.reason.incomplete"))
        _sync(partial)
        partial.replace(output)
        _sync_folder(output.parent)
    except OSError as exc:
        raise cannot_write(output, exc) from None
    finally:
        partial.unlink(missing_ok=True)


def _not_empty(path: Path) -> bool:
    return path.stat().st_size > 0


def replace_folder(output: Path, write: Callable[[Path], object]) -> None:
    """Fill a temporary folder beside ``output`` with ``write``, then put it in place.

    A folder already at ``output`` is replaced only once the new one is complete.

    Raises:
        PlainteError: ``cannot_write`` with the reason; ``output`` is as it was.
    """
    import shutil  # only a folder needs it (2 ms to import, for every file written)

    from plainte.core.i18n import tr

    _check_place(output)
    if output.exists() and not output.is_dir():
        raise cannot_write(output, tr("errors.reason.not_folder"))
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    old = output.with_name(f".{output.name}.{os.getpid()}.old")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        write(partial)
        for path in partial.rglob("*"):
            if path.is_file():
                _sync(path)
        if output.exists():
            output.rename(old)
        partial.rename(output)
        _sync_folder(output.parent)
    except OSError as exc:
        if old.exists() and not output.exists():
            old.rename(output)
        raise cannot_write(output, exc) from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def write_text(text: str, output: Path) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``output`` whole, or not at all."""
    replace_file(
        output,
        lambda p: p.write_text(text, encoding="utf-8", newline=""),
        check=lambda p: p.stat().st_size == len(text.encode("utf-8")),
    )
