"""How the audit spends its false discovery rate: students, groups, the week's moments, and the rest.

One Benjamini-Hochberg correction runs over every test of an audit, weighted
(``app.analysis.stats.weighted_bh_adjust``). The weights say what the audit asks first. Its question
is whether the teacher answers some *students*, or some *groups* of students, more strictly or more
mildly for the same rule, and whether that happens at fixed moments of the *week* (a weekday, a
period: "Friday afternoon"). Months, terms, lesson mood, the teacher's energy and the rules come
after. A class is only 4-6 tests against about a hundred single students and forty moments and
rules; a weekday is one of five beside some thirty other moments and rules. With equal weights a
medium class effect was found in 79-83 % of simulated years; with these shares the class and the
weekday sit at about 90 %, while a fair but human teacher's groups and moments stay unflagged in
95-97 % of years (measured side by side on the same years: docs/audit.md, which also shows why more
is not in the data). Within the week, a weekday test weighs about as much as a single student's:
the weekday is what a teacher asks about first ("on Fridays"), the period (up to eight tests)
refines it.

Each part's share is spread evenly over its tests; a part without tests (``audit(dimensions=...)``)
gives its share to the others, so an audit of one part is plain Benjamini-Hochberg.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from app.analysis.stats import weighted_bh_adjust

#: share of the false discovery budget per part of the audit
SHARES: dict[str, float] = {"student": 0.7, "group": 0.2, "weekday": 0.04, "period": 0.02, "context": 0.04}
#: the moments of the weekly timetable (each its own part)
WEEK_DIMENSIONS = ("weekday", "period")


def part_of(kind: str, dimension: str = "") -> str:
    """The part a test belongs to: students, groups (classes, roster attributes), the weekday, the
    period, or the rest (months, terms, lesson mood, teacher energy, rules)."""
    if kind in ("student", "group"):
        return kind
    return dimension if dimension in WEEK_DIMENSIONS else "context"


def weights(parts: Sequence[str], shares: Mapping[str, float] | None = None) -> np.ndarray:
    """One weight per test (mean 1): its part's share (``SHARES``) spread evenly over the part's tests.
    ``parts`` are ``part_of`` values."""
    share = SHARES if shares is None else shares
    counts = Counter(parts)
    total = sum(share[p] for p in counts)
    return np.array([share[p] / total * len(parts) / counts[p] for p in parts], dtype=float)


def adjust(pvalues: Sequence[float], parts: Sequence[str]) -> np.ndarray:
    """The audit's adjusted p-values: weighted Benjamini-Hochberg over every test, never below the
    test's own p (so a test that is not significant on its own is never a finding). ``parts`` are
    ``part_of`` values, one per test."""
    ps = [min(1.0, max(0.0, float(p))) for p in pvalues]
    adjusted = weighted_bh_adjust(ps, [float(w) for w in weights(parts)])
    return np.array([max(p, a) for p, a in zip(ps, adjusted, strict=True)], dtype=float)
