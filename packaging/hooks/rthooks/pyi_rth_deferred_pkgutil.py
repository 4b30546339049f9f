"""PyInstaller's run-time hook for pkgutil, run when pkgutil is first imported (pyi_deferred.py)."""

from __future__ import annotations

import pyi_deferred

pyi_deferred.run_after_import("pkgutil", "pyi_rth_pkgutil.py")
