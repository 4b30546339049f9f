"""Moments: weekday x lesson period cells of how responses deviated from the ladder (for a heat map)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.analysis.results import MomentCell
from app.core.vocabulary import WEEKDAYS

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame


def _period_key(period: str) -> tuple[int, int, str]:
    text = str(period)
    if text.isdigit():
        return (0, int(text), text)
    head = text.split("-", 1)[0]
    return (1, int(head), text) if head.isdigit() else (2, 0, text)


def moment_cells(frame: AuditFrame) -> tuple[MomentCell, ...]:
    """Every weekday x period cell with incidents: n, stricter, milder, score = (stricter - milder) / n.

    Cells with few incidents are returned too (the UI greys them by ``n``); order: weekday, then
    lesson periods ('1', '2', ...) before hour bands ('10-11') before 'unknown'.
    """
    inc = frame.incidents
    if inc.empty:
        return ()
    data = inc[["weekday", "period", "deviation"]].dropna()
    if data.empty:
        return ()
    data = data.assign(
        weekday=data["weekday"].astype(str),
        period=data["period"].astype(str),
        stricter=data["deviation"] > 0,
        milder=data["deviation"] < 0,
    )
    cells = data.groupby(["weekday", "period"])[["stricter", "milder"]].agg(["sum", "size"])
    day_order = {d: i for i, d in enumerate(WEEKDAYS)}
    keys = sorted(cells.index, key=lambda k: (day_order.get(k[0], len(WEEKDAYS)), k[0], _period_key(k[1])))
    out = []
    for weekday, period in keys:
        row = cells.loc[(weekday, period)]
        n = int(row[("stricter", "size")])
        stricter, milder = int(row[("stricter", "sum")]), int(row[("milder", "sum")])
        out.append(MomentCell(weekday, period, n, stricter, milder, (stricter - milder) / n))
    return tuple(out)
