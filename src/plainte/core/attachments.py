"""Evidence files: copied into the data directory under their SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from plainte.core.errors import PlainteError
from plainte.core.model import Attachment

FOLDER = "attachments"


def digest(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in blocks."""
    sha = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            sha.update(block)
            size += len(block)
    return sha.hexdigest(), size


def stored_path(data_dir: Path, attachment: Attachment) -> Path:
    """Where the bytes of ``attachment`` live in the data directory."""
    return data_dir / FOLDER / attachment.sha256[:2] / attachment.sha256


def add_file(data_dir: Path, source: Path) -> Attachment:
    """Copy ``source`` into the data directory (once per content) and describe it.

    Raises:
        PlainteError: the file cannot be read or copied.
    """
    try:
        sha, size = digest(source)
        target = data_dir / FOLDER / sha[:2] / sha
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            import shutil  # only to copy a file in (a check of the kept files does not)

            shutil.copyfile(source, partial)
            partial.replace(target)
    except OSError as exc:
        raise PlainteError("cannot_attach", path=source, detail=exc.strerror or str(exc)) from None
    return Attachment(name=source.name, sha256=sha, size=size)


def add_bytes(data_dir: Path, data: bytes, name: str) -> Attachment:
    """Keep ``data`` in the data directory (once per content) under ``name``.

    Raises:
        PlainteError: the bytes cannot be written.
    """
    sha = hashlib.sha256(data).hexdigest()
    target = data_dir / FOLDER / sha[:2] / sha
    try:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(target)
    except OSError as exc:
        raise PlainteError("cannot_attach", path=name, detail=exc.strerror or str(exc)) from None
    return Attachment(name=name, sha256=sha, size=len(data))


def check(data_dir: Path, attachment: Attachment) -> str:
    """``ok``, ``missing`` or ``altered`` for the stored copy of ``attachment``."""
    path = stored_path(data_dir, attachment)
    if not path.is_file():
        return "missing"
    sha, size = digest(path)
    return "ok" if (sha, size) == (attachment.sha256, attachment.size) else "altered"
