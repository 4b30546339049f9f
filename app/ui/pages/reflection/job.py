"""The reflection page's background work: read the store, then the week view of app.analysis.week.

``compute`` runs on a worker thread and returns plain, frozen data (no widgets here).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.analysis.week import Tables, WeekView, week_view

if TYPE_CHECKING:
    from app.analysis.results import AuditReport
    from app.store.records import LoggedIncident
    from app.store.store import Store

__all__ = ["Tables", "WeekView", "compute", "load_incidents"]


def compute(
    store: Store,
    week: date | None,
    *,
    revision: int,
    tables: Tables | None = None,
    fdr: float = 0.05,
    today: date | None = None,
    auditor: Callable[[Tables, date, date, float], AuditReport] | None = None,
) -> WeekView:
    """The view of ``week`` (None: the latest week with data), from the store's tables."""
    return week_view(
        store.read_tables() if tables is None else tables,
        week,
        revision=revision,
        reflection_weeks=store.reflection_weeks(),
        fdr=fdr,
        today=today,
        auditor=auditor,
        choices=store.choices(),
    )


def load_incidents(
    store: Store, ids: tuple[int, ...], date_from: date | None, date_to: date | None
) -> list[LoggedIncident]:
    """The incidents behind a finding, oldest first (strike and agreed step as the store counts them)."""
    wanted = set(ids)
    if not wanted:
        return []
    if len(wanted) <= 25:
        found = [store.incident(i) for i in sorted(wanted)]
        rows = [r for r in found if r is not None and r.deleted_at is None]
    else:
        rows = [r for r in store.incidents(date_from=date_from, date_to=date_to) if r.id in wanted]
    return sorted(rows, key=lambda r: (r.occurred_at, r.id))
