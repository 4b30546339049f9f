"""The agreed protocol in one place: which ladder step a strike of a rule should get.

Pure Python without dependencies, so the store, the log page and the analysis share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any


def agreed_step(start_step: Any, strike: Any, top_step: Any) -> Any:
    """``min(start + strike - 1, top)``: works on ints and on pandas/numpy arrays alike (``top`` may be
    an array too: the ladder's length on each incident's date)."""
    raw = start_step + strike - 1
    if hasattr(raw, "clip"):
        return raw.clip(upper=top_step)
    return min(int(raw), int(top_step))


def effective_start(start_step: int, phase_downs: Iterable[tuple[date, int]], on: date) -> int:
    """The rule's start step on a date, after its phase-down ('afbouw') plan."""
    current = start_step
    best: date | None = None
    for effective_from, step in phase_downs:
        if effective_from <= on and (best is None or effective_from >= best):
            best, current = effective_from, step
    return current


def top_on(changes: Iterable[tuple[date, int]], current: int, on: date) -> int:
    """The number of ladder steps in force on a date.

    ``changes`` are (from date, number of steps) of dated ladder changes; the latest on or before
    ``on`` holds. Without changes (or before the first) the current ladder holds: a store records the
    ladder it had as a change from the earliest date when it first changes the length.
    """
    best: date | None = None
    top = current
    for effective_from, steps in changes:
        if effective_from <= on and (best is None or effective_from >= best):
            best, top = effective_from, steps
    return int(top)


def deviation(step: int, agreed: int) -> str:
    """'stricter', 'agreed' or 'milder': the given step against the agreed one."""
    if step > agreed:
        return "stricter"
    if step < agreed:
        return "milder"
    return "agreed"
