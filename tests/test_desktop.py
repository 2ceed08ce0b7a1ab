"""The Linux desktop entry and icon install where desktops look for them."""

from __future__ import annotations

import configparser
import shlex
import subprocess
from pathlib import Path

from plainte.desktop import install, launcher


def test_desktop_entry_and_icon_install(tmp_path):
    written = install(tmp_path)
    entry, icon = written
    assert entry == tmp_path / "applications" / "plainte.desktop"
    assert icon.read_text(encoding="utf-8").startswith("<svg")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Icon"] == "plainte"
    command = section["Exec"].strip('"')
    assert Path(command).is_absolute(), section["Exec"]  # the venv's bin is not on PATH
    assert section["Type"] == "Application"


def test_the_launcher_starts_the_app_without_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    words = shlex.split(launcher())
    assert Path(words[0]).is_absolute()
    done = subprocess.run([*words, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "plainte" in done.stdout
