"""One app per store: a second launch on the same data folder brings the first window forward.

The first app on a store listens on a local server (a Unix socket file or a Windows
named pipe, never a network port) named after the store's resolved path. A second
launch connects, says ``raise`` and quits; the first shows its window.

Where the server is a socket file (not on Windows), a start that finds no file
has nobody to ask: it listens once its window is painted (:func:`claim_after_paint`),
so that QtNetwork is not loaded before the first frame.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
WAIT_MS = 1000  # a live app accepts at once; a hung one is not waited for longer


def server_name(data_dir: Path) -> str:
    """The store's server name: a short hash of its resolved path, safe for pipes and files."""
    key = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    return "plainte-" + _sha256_hex(key.encode("utf-8"))[:16]


def _sha256_hex(data: bytes) -> str:
    """SHA-256 by CPython's own module (``_sha2`` from 3.12, ``_sha256`` before) when there:
    importing hashlib loads OpenSSL, 3.4 MB resident and 3 ms at every start, for one name."""
    from importlib import import_module

    for name in ("_sha2", "_sha256"):
        try:
            return import_module(name).sha256(data).hexdigest()
        except ImportError:
            continue
    import hashlib

    return hashlib.sha256(data).hexdigest()


def may_be_taken(data_dir: Path) -> bool:
    """Whether another app may hold the store: its socket file exists, or no file would tell."""
    if sys.platform == "win32":  # a named pipe: only connecting tells
        return True
    return (Path(QDir.tempPath()) / server_name(data_dir)).exists()


def ask_to_raise(name: str) -> bool:
    """Ask the app listening on ``name`` to bring its window forward; True if it was reached."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(WAIT_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return sent


class Instance(QObject):
    """The first app's server on a store: ``raise_asked`` fires when a later launch knocks."""

    raise_asked = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen on the name; False when it is taken or cannot be made."""
        return self.server.listen(self.name)

    def taken(self) -> bool:
        """Whether the last listen failed because the name exists (a live app or a stale file)."""
        from PySide6.QtNetwork import QAbstractSocket

        return self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError

    def close(self) -> None:
        """Stop listening (the socket file goes with it)."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # what came with the connection raises no readyRead again

    def _read(self, socket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) == RAISE:
                self.raise_asked.emit()


def claim(data_dir: Path, parent: QObject | None = None) -> Instance | None:
    """The store's server for this app, or None when another app has it (and was asked to raise).

    Connecting comes first: on Windows a second pipe of the same name would be accepted.
    A name that is taken but answers nobody was left by a killed app: it is removed.
    When listening fails for another reason, the app still starts, unguarded.
    """
    name = server_name(data_dir)
    if ask_to_raise(name):
        return None
    instance = Instance(name, parent)
    if not instance.listen() and instance.taken():
        if ask_to_raise(name):  # another launch started listening meanwhile
            return None
        instance.server.removeServer(name)
        instance.listen()
    return instance


class _AfterPaint(QObject):
    """Calls ``then`` once ``window`` has painted its first frame (or after a second anyway)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.then, self.done = window, then, False
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._run)  # a window that never paints still gets its guard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self._run)  # after the frame, not inside its paint
        return False

    def _run(self) -> None:
        if not self.done:
            self.done = True
            self.window.removeEventFilter(self)
            self.then()


def claim_after_paint(
    window: QWidget, data_dir: Path, claimed: Callable[[Instance | None], None]
) -> None:
    """:func:`claim` the store once ``window`` is painted, then call ``claimed`` with the result.

    For a start that found no other app (:func:`may_be_taken` False): a launch that
    took the store meanwhile was asked to come forward, and ``claimed`` gets None.
    """
    _AfterPaint(window, lambda: claimed(claim(data_dir, window)))


def bring_forward(window: QWidget) -> None:
    """Show ``window``, un-minimised, on top and active."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
