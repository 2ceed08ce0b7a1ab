"""Where the shipped data folders (templates, locales, ladders, demo, replies) are found.

Installed from a wheel, they live inside the package (``plainte/templates``…).
From a source checkout (editable install, or tests run from the tree) they live
at the top of the repository. Both are looked up, the package first.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_FOLDERS = ("templates", "locales", "ladders", "remedies", "demo", "replies")


@cache
def data_folder(name: str) -> Path:
    """Return the folder holding the shipped ``name`` data.

    Args:
        name: one of ``templates``, ``locales``, ``ladders``, ``remedies``, ``demo``, ``replies``.

    Return:
        An existing directory.
    """
    if name not in _FOLDERS:
        raise ValueError(f"unknown data folder: {name}")
    packaged = Path(str(resources.files("plainte"))) / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"plainte's {name} folder is missing from this installation")
