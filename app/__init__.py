"""fair-strictness: a teacher's private audit of fair strictness.

``__version__`` is the one place the version is written; ``pyproject.toml`` reads it from here
(``[tool.setuptools.dynamic]``), so the package metadata, ``--version``, the About box and the bundle agree.
"""

from __future__ import annotations

__version__ = "0.1.0"
