"""The handout's follow-up table (issue #16): per class and roster group, how often the parents were
informed after a consequence, against what the same rules and steps would lead one to expect.

Counts only (no tests, no names, no dates): the consequences old enough to judge
(``app.analysis.audit.follow_up.settled_follow_ups``), grouped under the labels the rest of the handout
uses (a group of fewer than 5 students is 'overig' everywhere), and small rows merged by the same
suppression rules as every other table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.i18n import t
from app.team import anonymise as anon
from app.team import suppression as supp
from app.team.anonymise import SharedTable
from app.team.words import word

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame
    from app.team.tables import GroupLabels

COLUMNS = [
    ("dimension", "Indeling"),
    ("value", "Groep"),
    ("n", "Consequenties"),
    ("informed", "Ouders ingelicht"),
    ("expected", "Verwacht ingelicht"),
    ("pct", "% ingelicht"),
]


def follow_up_table(frame: AuditFrame, groups: GroupLabels) -> SharedTable:
    """Parents informed after a consequence, per class and attribute group (counts, suppressed)."""
    from app.analysis.audit.follow_up import SETTLE_DAYS, settled_follow_ups

    title = t("Nazorg: ouders ingelicht na een consequentie, per groep")
    settled = settled_follow_ups(frame)
    notes = [
        t(
            "Alleen consequenties met nazorg die minstens {d} dagen oud zijn. 'Verwacht' is wat dezelfde "
            "afspraken en stappen bij gelijke behandeling zouden geven.",
            d=SETTLE_DAYS,
        )
    ]
    if settled.empty:
        return supp.share("followup", title, COLUMNS, [], [*notes, t("Geen nazorg bijgehouden.")])
    rows: list[dict[str, Any]] = []
    dims = [("group", "group", word("klas"))]
    dims += [(c, a, a) for c, a in zip(frame.attribute_columns, frame.attributes, strict=True)]
    for col, dim, label in dims:
        if dim not in groups.labels:
            continue
        shown = settled.assign(value=settled[col].astype(str).map(groups.labels[dim]))
        part = [
            {
                "value": str(value),
                "n": len(sub),
                "informed": int(sub["informed"].sum()),
                "expected": float(sub["expected"].sum()),
            }
            for value, sub in shown.groupby("value", sort=True)
        ]
        if len(part) < 2:  # one value: that group is everyone, nothing to compare
            continue
        kept, more = supp.merge_small_groups(
            part,
            label="value",
            sums=("informed", "expected"),
            students=None,
            what=t("groepen ({d})", d=label),
        )
        notes += more
        kept.sort(key=lambda r: (r["value"] == anon.OTHER, str(r["value"])))
        for r in kept:
            r["expected"] = round(float(r["expected"]), 1)
            r["pct"] = round(100 * r["informed"] / r["n"], 1) if r["n"] else ""
            rows.append({**r, "dimension": label})
    return supp.share("followup", title, COLUMNS, rows, notes)
