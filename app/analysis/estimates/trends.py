"""Weekly trend: per week the shares answered stricter and milder than the ladder, and the phase-down plan.

Every week from the first to the last with a lesson or incident in the period is listed (weeks
without incidents have n = 0), so the phase-down ('afbouw') steps can be drawn against what happened.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from app.analysis.results import WeeklyPoint
from app.analysis.stats import wilson
from app.core.calendar import monday_of as _monday
from app.core.i18n import t

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame


def _as_date(value: Any) -> date | None:
    """A ``date`` from a date, datetime, Timestamp or ISO text; None where missing."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def planned_changes(frame: AuditFrame) -> dict[date, tuple[str, ...]]:
    """Phase-down steps by the Monday of the week they take effect, as readable sentences."""
    out: dict[date, list[str]] = {}
    if frame.phase_downs.empty:
        return {}
    rows = frame.phase_downs.dropna(subset=["effective_from", "start_step"])
    for r in rows.sort_values(["effective_from", "rule"]).itertuples(index=False):
        day = _as_date(r.effective_from)
        if day is None:
            continue
        text = t(
            "{rule}: start bij stap {step}",
            rule=r.rule,
            step=int(cast(int, r.start_step)),
        )
        out.setdefault(_monday(day), []).append(text)
    return {week: tuple(texts) for week, texts in out.items()}


def weekly(frame: AuditFrame) -> tuple[WeeklyPoint, ...]:
    """One point per week: n incidents, Wilson shares stricter and milder, phase-down steps that week."""
    import pandas as pd

    inc = frame.incidents.dropna(subset=["week_start", "deviation"])
    lesson_weeks = frame.lessons.get("week_start", pd.Series([], dtype="datetime64[ns]")).dropna()
    weeks = {_monday(d) for d in (frame.date_from, frame.date_to) if d is not None}
    for column in (inc["week_start"], lesson_weeks):
        if len(column):
            stamps = pd.to_datetime(column)
            weeks |= {_monday(stamps.min().date()), _monday(stamps.max().date())}
    if not weeks:
        return ()
    deviation = inc["deviation"].astype("int64")
    grouped = pd.DataFrame(
        {
            "week": pd.to_datetime(inc["week_start"]).dt.date,
            "stricter": (deviation > 0).astype("int64"),
            "milder": (deviation < 0).astype("int64"),
        }
    ).groupby("week")
    counts = grouped["stricter"].agg(["size", "sum"]).join(grouped["milder"].sum())
    plan = planned_changes(frame)
    out = []
    week, last = min(weeks), max(weeks)
    while week <= last:
        if week in counts.index:
            row = counts.loc[week]
            n, stricter, milder = (int(cast(int, row[c])) for c in ("size", "sum", "milder"))
        else:
            n = stricter = milder = 0
        out.append(WeeklyPoint(week, n, wilson(stricter, n), wilson(milder, n), plan.get(week, ())))
        week += timedelta(days=7)
    return tuple(out)
