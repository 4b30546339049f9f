"""Week views cached per store revision, so switching weeks back and forth is instant."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.pages.reflection.job import Tables, WeekView


class ViewCache:
    """Views of one store revision (older revisions are dropped), the tables read for it, the default week."""

    def __init__(self, limit: int = 60) -> None:
        self.limit = limit
        self.revision = -1
        self._views: OrderedDict[date, WeekView] = OrderedDict()
        self._tables: Tables | None = None
        self._default: date | None = None
        self.hits = 0
        self.misses = 0

    def _switch(self, revision: int) -> bool:
        """Move to ``revision`` if it is newer; False when it is older than what is cached."""
        if revision < self.revision:
            return False
        if revision > self.revision:
            self.revision = revision
            self._views.clear()
            self._tables = None
            self._default = None
        return True

    def get(self, revision: int, week: date | None) -> WeekView | None:
        """The cached view of ``week`` (None: the default week) at ``revision``, if any."""
        if revision != self.revision:
            self.misses += 1
            return None
        key = self._default if week is None else week
        view = self._views.get(key) if key is not None else None
        if view is None:
            self.misses += 1
            return None
        self._views.move_to_end(key)  # type: ignore[arg-type]  # key is not None here (checked above)
        self.hits += 1
        return view

    def has(self, revision: int, week: date) -> bool:
        """True when ``week`` is cached at ``revision`` (without counting a hit)."""
        return revision == self.revision and week in self._views

    def put(self, view: WeekView, *, default: bool = False) -> None:
        """Keep a view (and its tables); ``default`` marks it as the view for 'no week chosen'."""
        if not self._switch(view.revision):
            return
        self._views[view.week] = view
        self._views.move_to_end(view.week)
        while len(self._views) > self.limit:
            self._views.popitem(last=False)
        if view.tables is not None:
            self._tables = view.tables
        if default:
            self._default = view.week

    def tables(self, revision: int) -> Tables | None:
        """The raw tables read at ``revision`` (reused for other weeks)."""
        return self._tables if revision == self.revision else None

    def carry_over(self, old: int, new: int) -> None:
        """Our own write that cannot change the analysis (a reflection) moved the revision: keep the views."""
        if old != self.revision or new <= old:
            return
        from dataclasses import replace

        self.revision = new
        self._views = OrderedDict((k, replace(v, revision=new)) for k, v in self._views.items())
