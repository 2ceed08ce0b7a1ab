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


def crash_report(data_dir: Path, error: BaseException | None = None) -> Path | None:
    """Keep the traceback of an unexpected error (``error``, else the one being handled)
    in ``logs/`` of the data folder, for a bug report; None when it cannot be written."""
    import traceback
    from datetime import datetime

    try:
        text = "".join(traceback.format_exception(error)) if error else traceback.format_exc()
        folder = data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"error-{datetime.now():%Y%m%dT%H%M%S}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


def unexpected(data_dir: Path, error: BaseException) -> str:
    """The person's one line for an unexpected error, its traceback kept in a report."""
    from plainte.core.i18n import tr

    report = crash_report(data_dir, error)
    said = f"{type(error).__name__}: {error}"
    if report:
        return tr("cli.unexpected", error=said, report=report)
    return tr("cli.unexpected_unreported", error=said)
