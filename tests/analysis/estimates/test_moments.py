"""Weekday x period cells: (stricter - milder) / n, small cells kept with their n."""

from __future__ import annotations

import pytest

from app.analysis.estimates.moments import moment_cells
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE = "Telefoon weg"


def test_cells_scores_and_order() -> None:
    rows = [
        incident("fri", PHONE, 1, 1, day="2026-11-27", period="10-11"),  # friday, as agreed
        incident("a", PHONE, 1, 2, day="2026-11-23", period="1"),  # monday 1: stricter
        incident("b", PHONE, 1, 3, day="2026-11-23", period="1"),  # stricter
        incident("c", PHONE, 1, 1, day="2026-11-23", period="1"),
        incident("d", PHONE, 2, 1, day="2026-11-23", period="2"),  # monday 2: milder
        incident("e", PHONE, 1, 1, day="2026-11-24", period="unknown"),
        incident("f", PHONE, 1, 1, day="2026-11-23", period="10"),
    ]
    cells = [c for c in moment_cells(make_frame(rows)) if c.n]
    assert [(c.weekday, c.period, c.n, c.stricter, c.milder) for c in cells] == [
        ("monday", "1", 3, 2, 0),
        ("monday", "2", 1, 0, 1),
        ("monday", "10", 1, 0, 0),
        ("tuesday", "unknown", 1, 0, 0),
        ("friday", "10-11", 1, 0, 0),
    ]
    assert cells[0].score == pytest.approx(2 / 3)
    assert cells[1].score == -1.0 and cells[2].score == 0.0


def test_lessons_taught_per_cell_and_calm_moments() -> None:
    """The test frame has one lesson in period 1 on every incident date: calm moments have n = 0."""
    rows = [
        incident("a", PHONE, 1, 2, day="2026-11-23", period="1"),  # monday 1: a lesson and an incident
        incident("b", PHONE, 1, 1, day="2026-11-24", period="3"),  # tuesday: a lesson in period 1 only
    ]
    cells = {(c.weekday, c.period): (c.n, c.lessons, c.score) for c in moment_cells(make_frame(rows))}
    assert cells == {
        ("monday", "1"): (1, 1, 1.0),
        ("tuesday", "1"): (0, 1, 0.0),  # taught without an incident: a calm moment
        ("tuesday", "3"): (1, 0, 0.0),  # an incident where no lesson is known
    }


def test_empty_and_missing() -> None:
    assert moment_cells(make_frame([])) == ()
    frame = make_frame([incident("a", PHONE, 1, 2), incident("b", PHONE, 1, 1)])
    frame.incidents.loc[0, "period"] = None
    (cell,) = [c for c in moment_cells(frame) if c.n]
    assert (cell.n, cell.stricter, cell.score) == (1, 0, 0.0)
