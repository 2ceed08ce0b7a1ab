"""The small family of errors core raises; the CLI and the GUI word them.

Each carries a message key into ``locales/*.yaml`` and its parameters, so the
person reads it in their own language, plus the place it concerns.
"""

from __future__ import annotations

from pathlib import Path


class PlainteError(Exception):
    """Base of every error core reports to a person.

    Args:
        key: the locale key of the message, under ``errors.``.
        params: values substituted in the message.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        from plainte.core.i18n import tr

        return tr(f"errors.{self.key}", **self.params)


class SagaFileError(PlainteError):
    """A saga file that breaks the contract of ``docs/saga-format.md``.

    Args:
        path: the file, or None when the data did not come from a file.
        location: where in the file, e.g. ``cases[0].events[3].at``.
        key: the locale key of what is wrong.
    """

    def __init__(self, path: Path | None, location: str, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.path = path
        self.location = location

    def __str__(self) -> str:
        from plainte.core.i18n import tr

        what = tr(f"errors.{self.key}", **self.params)
        where = f"{self.location}: " if self.location else ""
        return f"{self.path}: {where}{what}" if self.path else f"{where}{what}"


class StoreError(PlainteError):
    """The store cannot be used; ``path`` is the SQLite file."""

    def __init__(self, key: str, path: Path, **params: object) -> None:
        super().__init__(key, path=path, **params)
        self.path = path


class StoreBusy(StoreError):
    """Another plainte kept writing longer than the wait allows; nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__("store_busy", path)


class StoreDamaged(StoreError):
    """The store file is not a plainte store or is damaged; it is left untouched.

    Args:
        path: the refused file.
        backups: the backups it can be restored from, newest first.
        detail: what SQLite or the check said.
    """

    def __init__(self, path: Path, backups: list[Path], detail: str) -> None:
        super().__init__("store_damaged", path, detail=detail)
        self.backups = backups


class NotFound(PlainteError):
    """A case, event or promise id that the store does not hold."""
