"""Where the shipped data folders (templates, locales, ladders, demo, replies) are found.

Installed from a wheel, they live inside the package (``plainte/templates``…).
From a source checkout (editable install, or tests run from the tree) they live
at the top of the repository. Both are looked up, the package first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
"""The installed ``plainte`` package folder (what ``importlib.resources`` would find for a
package on disk, without importing it at every start)."""

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
    packaged = PACKAGE / name
    if packaged.is_dir():
        return packaged
    checkout = PACKAGE.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"plainte's {name} folder is missing from this installation")
