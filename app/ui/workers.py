"""Background work: ``run_task(func, on_done)`` on a QThreadPool; the result comes back as (result, error).

The callback runs on the GUI thread (a queued signal from the worker). A task opens its own store
session and returns plain data (DataFrames, dataclasses), never ORM objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries the result back there."""

    finished = Signal(object, object)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.func = func
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result, error = self.func(), None
        except Exception as exc:  # reported to the caller, who shows it in the page
            log.exception("background task failed")
            result, error = None, exc
        self.relay.finished.emit(result, error)


class TaskRunner:
    """Runs functions off the GUI thread and hands their results back to the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run_task(self, func: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
        """Run ``func`` in the pool; call ``on_done(result, error)`` on the GUI thread when it ends."""
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            on_done(result, error)

        relay.finished.connect(deliver)
        self.pool.start(_Task(func, relay))

    def wait(self, msecs: int = 30000) -> bool:
        """Wait until every started task has finished (for tests and shutdown)."""
        return bool(self.pool.waitForDone(msecs))


class SyncTaskRunner(TaskRunner):
    """Runs tasks at once on the calling thread (tests that need determinism)."""

    def run_task(self, func: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
        """Run ``func`` now and call ``on_done`` with its result."""
        try:
            result, error = func(), None
        except Exception as exc:
            result, error = None, exc
        on_done(result, error)
