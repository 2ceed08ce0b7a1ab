"""One app per store: real local sockets, a real window brought forward, the real entry point."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from plainte.core.i18n import tr
from plainte.gui import single_instance
from plainte.gui.single_instance import bring_forward, claim, server_name

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="a socket file is a Unix thing")


@pytest.fixture
def claimed(qapp):
    """``claim`` that closes what it opened when the test ends."""
    opened = []

    def make(data_dir: Path):
        instance = claim(data_dir)
        if instance is not None:
            opened.append(instance)
        return instance

    yield make
    for instance in opened:
        instance.close()


def test_a_second_launch_on_the_same_store_brings_the_first_window_forward(
    qtbot, window, tmp_path, claimed
):
    first = claimed(tmp_path)
    assert first is not None and first.server.isListening()
    first.raise_asked.connect(lambda: bring_forward(window))
    window.showMinimized()
    window.hide()
    elsewhere = QWidget()  # the person is working in another window meanwhile
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere, timeout=5000)
    assert not window.isVisible()

    with qtbot.waitSignal(first.raise_asked, timeout=5000):
        assert claimed(tmp_path) is None  # the second launch: it reached the first one
    qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_a_connection_that_says_nothing_raises_nothing(qtbot, tmp_path, claimed):
    first = claimed(tmp_path)
    fired = []
    first.raise_asked.connect(lambda: fired.append(1))
    quiet = QLocalSocket()
    quiet.connectToServer(first.name)
    assert quiet.waitForConnected(1000)
    quiet.disconnectFromServer()
    with qtbot.waitSignal(first.raise_asked, timeout=5000):
        assert single_instance.ask_to_raise(first.name)
    assert fired == [1]


@unix_only
def test_a_socket_file_left_by_a_killed_app_does_not_block_the_next_start(qtbot, tmp_path, claimed):
    name = server_name(tmp_path)
    stale = Path(QDir.tempPath()) / name
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(stale))  # bound, then the process "dies": the file stays, nobody listens
    left.close()
    try:
        assert stale.exists()
        assert not QLocalServer().listen(name)  # Qt alone refuses the name
        assert not single_instance.ask_to_raise(name)

        first = claimed(tmp_path)
        assert first is not None and first.server.isListening()
        with qtbot.waitSignal(first.raise_asked, timeout=5000):
            assert claimed(tmp_path) is None
    finally:
        QLocalServer.removeServer(name)


def test_two_data_folders_run_side_by_side(qtbot, tmp_path, claimed):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = claimed(tmp_path / "a"), claimed(tmp_path / "b")
    assert a is not None and b is not None
    assert a.server.isListening() and b.server.isListening()
    assert a.name != b.name
    fired = []
    a.raise_asked.connect(lambda: fired.append("a"))
    b.raise_asked.connect(lambda: fired.append("b"))
    with qtbot.waitSignal(b.raise_asked, timeout=5000):
        assert claimed(tmp_path / "b") is None
    assert fired == ["b"]


def test_the_name_is_short_safe_and_the_same_for_every_spelling_of_a_folder(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "store")
    name = server_name(tmp_path / "store")
    assert name == server_name(tmp_path / "store" / ".." / "store")
    assert name == server_name(tmp_path / "link")
    assert name.startswith("plainte-") and len(name) == 24
    assert all(c.isalnum() or c == "-" for c in name)
    deep = tmp_path / ("very long folder name " * 12)
    assert len(server_name(deep)) == 24


def _launch(
    data_dir: Path, tmp_path: Path, lang: str, probe: str | None = None
) -> subprocess.Popen:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(sys.path),
        "PLAINTE_LANG": lang,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no saved settings of the person's
    }
    env.pop("PLAINTE_PROBE", None)
    if probe:
        env["PLAINTE_PROBE"] = probe
    command = [sys.executable, "-m", "plainte", "--data-dir", str(data_dir)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _listening(name: str) -> bool:
    knock = QLocalSocket()
    knock.connectToServer(name)
    reached = knock.waitForConnected(200)
    knock.abort()
    return reached


@unix_only
def test_the_real_command_twice_then_after_a_kill(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    first = _launch(data_dir, tmp_path, "en")
    try:
        qtbot.waitUntil(lambda: _listening(server_name(data_dir)), timeout=30000)
        second = _launch(data_dir, tmp_path, "fr")
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        said = tr("gui.single_instance.raised", "fr", path=str(data_dir))
        assert err.decode("utf-8").strip() == said
        assert first.poll() is None  # the first one still runs
    finally:
        first.kill()  # killed: its socket file stays behind
        first.wait(timeout=30)
    assert (Path(QDir.tempPath()) / server_name(data_dir)).exists()
    third = _launch(data_dir, tmp_path, "en", probe="first-paint")
    out, err = third.communicate(timeout=60)
    assert third.returncode == 0, err
    assert b"PROBE " in out  # it opened its own window and painted it


@unix_only
def test_a_start_that_finds_no_socket_file_listens_once_painted(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    assert not single_instance.may_be_taken(tmp_path)
    got = []
    single_instance.claim_after_paint(window, tmp_path, got.append)
    assert got == []  # nothing before the window is painted
    window.show()
    qtbot.waitUntil(lambda: got != [], timeout=5000)
    try:
        assert got[0] is not None and got[0].server.isListening()
        assert single_instance.may_be_taken(tmp_path)
    finally:
        got[0].close()


@unix_only
def test_a_launch_that_took_the_store_meanwhile_is_brought_forward(qtbot, tmp_path, claimed):
    window = QWidget()
    qtbot.addWidget(window)
    got = []
    single_instance.claim_after_paint(window, tmp_path, got.append)
    first = claimed(tmp_path)  # another launch listened before this window was painted
    assert first is not None
    with qtbot.waitSignal(first.raise_asked, timeout=5000):
        window.show()
        qtbot.waitUntil(lambda: got != [], timeout=5000)
    assert got == [None]  # this one gives way


def test_the_name_is_the_sha256_it_always_was_and_loads_no_openssl(tmp_path):
    """An app started before an update is still found; the start loads no OpenSSL (3.4 MB)."""
    import hashlib

    key = os.path.normcase(str(tmp_path.resolve()))
    assert server_name(tmp_path) == "plainte-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    code = (
        "import sys; from pathlib import Path; from plainte.gui import single_instance as s;"
        "s.server_name(Path('.')); print('hashlib' in sys.modules)"
    )
    src = str(Path(single_instance.__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        timeout=60,
    )
    assert done.stdout.strip() == "False", done.stderr
