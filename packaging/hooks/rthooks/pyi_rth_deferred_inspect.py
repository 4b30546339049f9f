"""PyInstaller's run-time hook for inspect, run when inspect is first imported (pyi_deferred.py)."""

from __future__ import annotations

import pyi_deferred

pyi_deferred.run_after_import("inspect", "pyi_rth_inspect.py")
