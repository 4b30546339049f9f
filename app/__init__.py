"""fair-strictness: a teacher's private audit of fair strictness.

``__version__`` is the one place the version is written; ``pyproject.toml`` reads it from here
(``[tool.setuptools.dynamic]``), so the package metadata, ``--version``, the About box and the bundle agree.
"""

from __future__ import annotations

import os

__version__ = "0.1.0"

# The audit's matrices are small (strata and fixed effects; students and classes are eliminated
# analytically), and OpenBLAS's extra threads only spin: measured on 2 cores, one thread gives the
# same wall time (a one-teacher year 0.37 s, 100,000 incidents 5.9 s) at half to two thirds of the
# CPU time (docs/benchmarks.md). Set before NumPy is first imported; an explicit setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
