"""The audit: the same rule at the same strike, compared across students, groups and moments.

``audit`` (in ``run``) is available here too, imported on first use: the package's light modules
(``explain``, ``situation_words``) are used by screens that must open without pandas and scipy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["audit"]


def __getattr__(name: str) -> Any:
    if name == "audit":
        from app.analysis.audit.run import audit

        return audit
    raise AttributeError(name)
