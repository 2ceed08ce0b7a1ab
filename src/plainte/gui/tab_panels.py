"""Tab pages whose panel is built when first shown or asked for, not before the first frame."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from PySide6.QtWidgets import QVBoxLayout, QWidget


class TabPanels:
    """One empty page per tab; its panel (``module.kind``) is built into it on first use.

    ``kinds`` maps a tab index to (name, module, class name). Whoever connects to a
    panel registers with :meth:`when_built` and is called as each one is built.
    """

    def __init__(self, kinds: dict[int, tuple[str, str, str]]) -> None:
        self.kinds = kinds
        self.built: dict[int, QWidget] = {}
        self.pages: dict[int, QWidget] = {}
        self._wiring: list[Callable[[str, QWidget], None]] = []
        for index in kinds:
            page = self.pages[index] = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)

    def get(self, index: int) -> QWidget:
        """The panel of tab ``index``, built now if it is not yet."""
        panel = self.built.get(index)
        if panel is None:
            name, module, kind = self.kinds[index]
            panel = self.built[index] = getattr(import_module(module), kind)()
            self.pages[index].layout().addWidget(panel)
            for wire in self._wiring:
                wire(name, panel)
        return panel

    def when_built(self, wire: Callable[[str, QWidget], None]) -> None:
        """Call ``wire(name, panel)`` for each panel once it is built (now, for those that are)."""
        self._wiring.append(wire)
        for index, panel in self.built.items():
            wire(self.kinds[index][0], panel)
