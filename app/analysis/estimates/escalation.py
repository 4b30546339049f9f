"""Escalation: the chance of a consequence by strike, for everyone and per group, and whether it is steeper.

"Steeper for a group" is asked like with like: from the second strike on, at the same rule and the
same strike, does the group get a consequence (a ladder step of kind 'consequence') more or less often
than the rest? The exact conditional test over the rule x strike strata answers it without asymptotics,
so a handful of incidents cannot produce a small p-value on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.analysis.results import EscalationPoint
from app.analysis.stats import wilson
from app.analysis.stratified import exact_stratified

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.frame import AuditFrame

ATTR_PREFIX = "attr:"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class EscalationTest:
    """A group against the rest: consequences from strike ``min_strike`` on, at the same rule and strike."""

    dimension: str  #: 'group' or an attribute name
    subject: str  #: the class or attribute value
    n: int  #: the subject's incidents at those strikes (in strata shared with the rest)
    consequences: int  #: of those, answered with a consequence
    expected: float  #: consequences expected if the group were answered like everyone in its strata
    odds_ratio: float  #: conditional MLE, > 1 means steeper (more consequences)
    ci_low: float
    ci_high: float
    p: float  #: two-sided exact conditional p-value (goes into the audit's BH set)
    p_greater: float
    p_less: float
    method: str = "exact conditional test, strata rule x strike"


def dimension_columns(frame: AuditFrame, dimensions: Sequence[str] | None) -> list[tuple[str, str]]:
    """(dimension name, column) pairs: 'group' is the class, other names are roster attributes."""
    names = ("group", *frame.attributes) if dimensions is None else tuple(dimensions)
    out = []
    for name in names:
        column = name if name == "group" or name.startswith(ATTR_PREFIX) else ATTR_PREFIX + name
        if column in frame.incidents.columns:
            out.append((name.removeprefix(ATTR_PREFIX), column))
    return out


def _points(data: pd.DataFrame, keys: pd.Series | str, dimension: str) -> list[EscalationPoint]:
    """Points per value of ``keys`` (a column of values, or one subject for everyone) and strike."""
    if isinstance(keys, str):
        grouped = data.groupby("strike")["consequence"].agg(["sum", "size"]).sort_index()
        index = [(keys, strike) for strike in grouped.index]
    else:
        grouped = data.groupby([keys, data["strike"]])["consequence"].agg(["sum", "size"]).sort_index()
        index = list(grouped.index)
    return [
        EscalationPoint(dimension, str(value), int(strike), wilson(int(k), int(n)))
        for (value, strike), k, n in zip(index, grouped["sum"], grouped["size"], strict=True)
    ]


def _usable(frame: AuditFrame, extra: Sequence[str] = ()) -> pd.DataFrame:
    inc = frame.incidents
    cols = ["rule", "strike", "consequence", *extra]
    data = inc[cols].dropna(subset=["rule", "strike", "consequence"])
    return data.astype({"strike": "int64", "consequence": bool})


def escalation(frame: AuditFrame, dimensions: Sequence[str] | None = None) -> tuple[EscalationPoint, ...]:
    """Share of incidents answered with a consequence per strike: 'all', then each group's values.

    ``dimensions`` are 'group' (the class) and attribute names; ``None`` means the class and every
    attribute. Values are in sorted order, 'unknown' included (the UI may leave it out).
    """
    if frame.incidents.empty:
        return ()
    pairs = dimension_columns(frame, dimensions)
    data = _usable(frame, [c for _, c in pairs])
    if data.empty:
        return ()
    out = _points(data, "all", "all")
    for name, column in pairs:
        out.extend(_points(data, data[column].fillna(UNKNOWN).astype(str).rename("value"), name))
    return tuple(out)


def escalation_tests(
    frame: AuditFrame, dimensions: Sequence[str] | None = None, *, min_strike: int = 2
) -> tuple[EscalationTest, ...]:
    """Per group value against the rest: more (or fewer) consequences from ``min_strike`` on, like with like.

    Values 'unknown' are not tested, nor values without an informative stratum (one shared with the
    rest in which both a consequence and none occur). The p-values are uncorrected: the audit adds
    them to its BH set.
    """
    if frame.incidents.empty:
        return ()
    pairs = dimension_columns(frame, dimensions)
    data = _usable(frame, [c for _, c in pairs])
    data = data[data["strike"] >= min_strike]
    if data.empty:
        return ()
    totals = data.groupby(["rule", "strike"])["consequence"].agg(["sum", "size"])
    out = []
    for name, column in pairs:
        values = data[column].fillna(UNKNOWN).astype(str).rename("value")
        counts = data.groupby([values, data["rule"], data["strike"]])["consequence"].agg(["sum", "size"])
        for value in sorted(set(counts.index.get_level_values(0)) - {UNKNOWN}):
            result = _test_one(counts.loc[value], totals, name, value)
            if result is not None:
                out.append(result)
    return tuple(out)


def _test_one(mine: pd.DataFrame, totals: pd.DataFrame, name: str, value: str) -> EscalationTest | None:
    """The exact stratified test of one value against everyone else (the 'unknown' value included)."""
    everyone = totals.loc[mine.index]
    a = mine["sum"].to_numpy(dtype="int64")
    n1 = mine["size"].to_numpy(dtype="int64")
    c = everyone["sum"].to_numpy(dtype="int64") - a
    n2 = everyone["size"].to_numpy(dtype="int64") - n1
    shared = n2 > 0
    if not shared.any():
        return None
    a, n1, c, n2 = a[shared], n1[shared], c[shared], n2[shared]
    strata = [[[int(w), int(x - w)], [int(y), int(z - y)]] for w, x, y, z in zip(a, n1, c, n2, strict=True)]
    result = exact_stratified(strata)
    if result is None:  # every shared stratum answered all alike: nothing to compare
        return None
    return EscalationTest(
        dimension=name,
        subject=value,
        n=int(n1.sum()),
        consequences=int(a.sum()),
        expected=result.expected,
        odds_ratio=result.odds_ratio,
        ci_low=result.low,
        ci_high=result.high,
        p=result.p,
        p_greater=result.p_greater,
        p_less=result.p_less,
    )
