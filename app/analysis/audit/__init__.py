"""The audit: the same rule at the same strike, compared across students, groups and moments.

``audit`` (in ``run``) is re-exported here; call sites import it from ``app.analysis.audit.run``.
"""

from app.analysis.audit.run import audit

__all__ = ["audit"]
