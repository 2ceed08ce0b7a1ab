"""The core never imports Qt: the command line runs without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import plainte.core

CORE = Path(plainte.core.__file__).parent


def test_no_qt_import_in_core_sources():
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "QtCore" not in text, path


def test_importing_every_core_module_and_the_cli_loads_no_qt():
    modules = sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module('plainte.core.' + m)\n"
        "import plainte.cli\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'\n"
        "assert 'langdetect' not in sys.modules, 'langdetect loaded at import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_core_never_imports_the_gui():
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "plainte.gui" not in text and "from plainte import gui" not in text, path
