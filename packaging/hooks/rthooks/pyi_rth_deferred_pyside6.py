"""PyInstaller's run-time hook for PySide6, run when PySide6.QtCore is first imported (pyi_deferred.py)."""

from __future__ import annotations

import pyi_deferred

pyi_deferred.run_after_import("PySide6.QtCore", "pyi_rth_pyside6.py")
