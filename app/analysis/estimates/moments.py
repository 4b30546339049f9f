"""Moments: weekday x lesson period cells of how responses deviated from the ladder (for a heat map)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

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


def lessons_per_cell(frame: AuditFrame) -> dict[tuple[str, str], int]:
    """Lessons taught per (weekday, period): the denominator of 'incidents per lesson taught'."""
    les = frame.lessons
    if les.empty:
        return {}
    counts = les.groupby([les["weekday"].astype(str), les["period"].astype(str)]).size()
    out: dict[tuple[str, str], int] = {}
    for key, n in counts.items():
        day, period = cast("tuple[object, object]", key)
        out[(str(day), str(period))] = int(n)
    return out


def moment_cells(frame: AuditFrame) -> tuple[MomentCell, ...]:
    """Every weekday x period cell with incidents or lessons: n, stricter, milder, score, lessons taught.

    score = (stricter - milder) / n (0 without incidents). Cells with few incidents are returned too (the
    UI greys them by ``n``); a cell with lessons but no incident is a calm moment (n = 0). Order:
    weekday, then lesson periods ('1', '2', ...) before hour bands ('10-11') before 'unknown'.
    """
    inc = frame.incidents
    taught = lessons_per_cell(frame)
    if inc.empty:
        return _ordered({k: (0, 0, 0) for k in taught}, taught)
    data = inc[["weekday", "period", "deviation"]].dropna()
    if data.empty:
        return _ordered({k: (0, 0, 0) for k in taught}, taught)
    data = data.assign(
        weekday=data["weekday"].astype(str),
        period=data["period"].astype(str),
        stricter=data["deviation"] > 0,
        milder=data["deviation"] < 0,
    )
    cells = data.groupby(["weekday", "period"])[["stricter", "milder"]].agg(["sum", "size"])
    counts: dict[tuple[str, str], tuple[int, int, int]] = {k: (0, 0, 0) for k in taught}
    for index, row in cells.iterrows():
        weekday, period = cast("tuple[object, object]", index)
        key = (str(weekday), str(period))
        counts[key] = (
            int(row[("stricter", "size")]),
            int(row[("stricter", "sum")]),
            int(row[("milder", "sum")]),
        )
    return _ordered(counts, taught)


def _ordered(
    counts: dict[tuple[str, str], tuple[int, int, int]], taught: dict[tuple[str, str], int]
) -> tuple[MomentCell, ...]:
    day_order = {d: i for i, d in enumerate(WEEKDAYS)}
    keys = sorted(counts, key=lambda k: (day_order.get(k[0], len(WEEKDAYS)), k[0], _period_key(k[1])))
    out = []
    for weekday, period in keys:
        n, stricter, milder = counts[(weekday, period)]
        score = (stricter - milder) / n if n else 0.0
        out.append(MomentCell(weekday, period, n, stricter, milder, score, taught.get((weekday, period), 0)))
    return tuple(out)
