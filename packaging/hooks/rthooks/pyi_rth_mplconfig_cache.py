"""matplotlib's settings and font list in the user's cache folder, kept between starts.

PyInstaller's own hook (pyi_rth_mplconfig) points matplotlib at a new temporary folder at every start
(right for a one-file build that unpacks elsewhere each time), so the font list is rebuilt (~0.25 s)
before the first chart of every session. A folder bundle stays where it is; should it move, matplotlib
notices the missing font files and rebuilds the list once. A MPLCONFIGDIR set by the user is kept.
"""

from __future__ import annotations


def _pyi_rthook() -> None:
    import os
    import sys

    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(os.path.expanduser("~"), "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    os.environ.setdefault("MPLCONFIGDIR", os.path.join(base, "fair-strictness", "matplotlib"))


_pyi_rthook()
del _pyi_rthook
