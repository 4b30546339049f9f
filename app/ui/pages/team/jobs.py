"""Work the Team page runs off the GUI thread: plain functions returning plain data (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.store import Store
    from app.team.anonymise import ExportOptions, SharedTable
    from app.team.compare import TeamComparison
    from app.team.files import ExportPackage

#: how many incidents the case picker offers (deviations from the ladder first, newest first)
CANDIDATES = 300


@dataclass(frozen=True)
class CaseCandidate:
    """An incident the teacher may pick as a case (shown privately; only rule and steps leave)."""

    incident_id: int
    student_name: str  #: shown in the picker only; never part of the export
    day: date
    class_name: str
    rule: str
    strike: int
    given: str
    agreed: str
    deviation: str  #: 'stricter' | 'agreed' | 'milder'


@dataclass(frozen=True)
class ComparisonResult:
    """The team comparison with its tables and the bytes of its files."""

    comparison: TeamComparison
    tables: tuple[SharedTable, ...]
    files: dict[str, bytes]


def make_package(store: Store, options: ExportOptions, fdr: float) -> ExportPackage:
    """Audit, summarise, anonymise and render: the exact files the preview shows and Save writes."""
    from app.analysis.audit.run import audit
    from app.team.files import export_package
    from app.team.report import build_summary

    tables = store.read_tables()
    # without incidents there is nothing to audit; the summary then says so in plain words
    report = (
        audit(tables, fdr=fdr, date_from=options.date_from, date_to=options.date_to)
        if not tables["incidents"].empty
        else None
    )
    return export_package(build_summary(tables, report, options))


def load_candidates(store: Store, date_from: date | None, date_to: date | None) -> list[CaseCandidate]:
    """Incidents in the period to pick cases from: deviations from the ladder first, newest first."""
    rows = store.incidents(date_from=date_from, date_to=date_to)
    order = {"stricter": 0, "milder": 0, "agreed": 1}
    rows = sorted(rows, key=lambda r: (order.get(r.deviation, 1), -r.occurred_at.timestamp()))
    return [
        CaseCandidate(
            r.id,
            r.student_name,
            r.lesson_date,
            r.class_name,
            r.rule_name,
            r.strike,
            r.step_name,
            r.agreed_step_name,
            r.deviation,
        )
        for r in rows[:CANDIDATES]
    ]


def make_comparison(paths: Sequence[Path], fdr: float) -> ComparisonResult:
    """Read the exchange files strictly, compare them and render the PDF and CSVs."""
    from app.team.compare import compare
    from app.team.compare_tables import comparison_tables
    from app.team.exchange import read_exchange
    from app.team.files import comparison_files
    from app.team.handout_pdf import comparison_pdf

    comp = compare([read_exchange(p) for p in paths], fdr=fdr)
    tables = comparison_tables(comp)
    return ComparisonResult(comp, tuple(tables), comparison_files(tables, comparison_pdf(comp, tables)))
