"""PyInstaller's run-time hook for multiprocessing, run when it is first imported (pyi_deferred.py)."""

from __future__ import annotations

import pyi_deferred

pyi_deferred.run_after_import("multiprocessing", "pyi_rth_multiprocessing.py")
