"""Per rule and strike: how often the ladder was followed, skipped upward (stricter) or softened (milder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.analysis.results import RuleStrikeAdherence
from app.analysis.stats import wilson

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame

_COLUMNS = ["rule", "category", "strike", "outcome"]


def rule_adherence(frame: AuditFrame) -> tuple[RuleStrikeAdherence, ...]:
    """One row per rule and strike, in the rulebook's order, with Wilson intervals for each share."""
    inc = frame.incidents
    if inc.empty:
        return ()
    data = inc[_COLUMNS].dropna()
    if data.empty:
        return ()
    data = data.astype({"strike": "int64"})
    counts = data.groupby(["rule", "category", "strike", "outcome"]).size()
    position = {}
    if not frame.rules.empty:
        position = dict(zip(frame.rules["rule"], frame.rules["position"], strict=True))
    keys = sorted(
        {k[:3] for k in counts.index},
        key=lambda k: (position.get(k[0], float("inf")), str(k[0]), int(k[2])),
    )
    lookup = counts.to_dict()
    out = []
    for rule, category, strike in keys:
        agreed = int(lookup.get((rule, category, strike, "agreed"), 0))
        stricter = int(lookup.get((rule, category, strike, "stricter"), 0))
        milder = int(lookup.get((rule, category, strike, "milder"), 0))
        n = agreed + stricter + milder
        out.append(
            RuleStrikeAdherence(
                rule=str(rule),
                category=str(category),
                strike=int(strike),
                n=n,
                agreed=wilson(agreed, n),
                stricter=wilson(stricter, n),
                milder=wilson(milder, n),
            )
        )
    return tuple(out)
