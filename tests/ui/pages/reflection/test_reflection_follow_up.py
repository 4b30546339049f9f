"""Issue 16 item 4 on the reflection page: 'Nazorg' beside the blind spots, counts first, 'te weinig'."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.analysis import week as week_module
from app.analysis.audit.follow_up import follow_up_evenness
from app.analysis.frame import build_frame
from app.analysis.results import AuditReport, FollowUpComparison, FollowUpEvenness
from app.simulation.follow_up import with_follow_ups
from app.simulation.simulate import simulate_year
from app.store.store import Store
from tests.analysis.test_figures import make_report
from tests.ui.pages.reflection.test_reflection_page import make_page


def _evenness() -> FollowUpEvenness:
    year = simulate_year(7, weekly=3, heterogeneity=0.5)
    tables = with_follow_ups(year.tables, 7, klass=2.5, klass_name="1B", heterogeneity=0.3)
    return follow_up_evenness(build_frame(tables))


def _few() -> FollowUpComparison:
    return FollowUpComparison(
        question="informed", dimension="group", subject="3C", n=4, k=4, rest_n=30, rest_k=10,
        expected=2.0, days=1.0, rest_days=2.0, n_students=2, p=None, p_adjusted=None, flagged=False,
        direction="",
    )  # fmt: skip


@pytest.fixture
def with_follow_up(monkeypatch: pytest.MonkeyPatch, store: Store) -> FollowUpEvenness:
    evenness = _evenness()
    evenness = replace(evenness, comparisons=(*evenness.comparisons, _few()))
    store.add_student("1001", "Ann Claes", "2B")
    store.log_incident(store.students()[0].id, store.rules()[0].id, 1)

    def fake(tables: Any, date_from: date, date_to: date, fdr: float) -> AuditReport:
        return replace(make_report(), date_from=date_from, date_to=date_to, follow_up=evenness)

    monkeypatch.setattr(week_module, "run_audit", fake)
    return evenness


def test_the_section_shows_counts_first_and_the_finding(
    qtbot, store: Store, tmp_path: Path, with_follow_up: FollowUpEvenness
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, store, tmp_path)
    page.show()
    page.activated()
    section = page.blind_spots.follow_up
    assert section.isVisible()
    found = with_follow_up.findings[0]
    assert (found.subject, found.direction) == ("1B", "more")
    first = section.lines[0]
    assert first.objectName() == "followUpFinding"
    assert first.text().startswith(
        f"Ouders ingelicht bij {found.k} van {found.n} consequenties in 1B, tegen {found.rest_k} van "
        f"{found.rest_n} in de andere klassen"
    )
    assert "vaker ingelicht" in first.text()
    assert f"{with_follow_up.n_informed} van {with_follow_up.n_settled}" in section.summary.text()
    cards = [label.text() for label in section.lines if label.objectName() == "followUpFinding"]
    assert len(cards) == len(with_follow_up.findings) and all("Opvallend" in x for x in cards)
    others = [label.text() for label in section.lines if label.objectName() == "followUpLine"]
    assert others and all(("Geen duidelijk verschil." in x or "Onzeker" in x) for x in others)
    # honest with small numbers: named on one line, never a card
    assert section.too_few.isVisible() and "3C" in section.too_few.text()
    assert not any("3C" in label.text() for label in section.lines)


def test_no_consequences_no_section(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_student("1001", "Ann Claes", "2B")
    store.log_incident(store.students()[0].id, store.rules()[0].id, 1)
    empty = FollowUpEvenness(0, 0, 0, 0, 7, 0.05)
    monkeypatch.setattr(
        week_module, "run_audit", lambda tables, a, b, fdr: replace(make_report(), follow_up=empty)
    )
    page = make_page(qtbot, store, tmp_path)
    page.show()
    page.activated()
    assert not page.blind_spots.follow_up.isVisible()


def test_the_real_audit_reads_the_follow_ups_of_the_store(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """End to end: consequences logged and followed up in the store reach the section's summary."""
    from datetime import datetime, timedelta

    ann = store.add_student("1001", "Ann Claes", "2B")
    rule = store.rules()[0]
    day = datetime.now().replace(microsecond=0) - timedelta(days=20)
    done = store.log_incident(ann.id, rule.id, 3, occurred_at=day)
    store.log_incident(ann.id, rule.id, 3, occurred_at=day + timedelta(hours=1))
    store.mark_student_told(done.id, when=day + timedelta(hours=2))
    store.mark_parents_informed(done.id, "telefoon", when=day + timedelta(days=1))
    store.log_incident(ann.id, rule.id, 3)  # this week: the page opens on it, and it is too young to count
    page = make_page(qtbot, store, tmp_path)
    page.show()
    page.activated()
    section = page.blind_spots.follow_up
    assert section.isVisible()
    assert "Ouders ingelicht bij 1 van 2 consequenties" in section.summary.text()
    assert "1 consequentie is jonger dan 7 dagen" in section.notes.text()
