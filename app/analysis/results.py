"""Typed results of the audit: frozen dataclasses with plain fields (the contract with UI and export).

Directions and effects: ``effect`` is the odds ratio of an answer one category stricter (as agreed
rather than milder, stricter rather than as agreed; ``app.analysis.audit.model``), for the subject against
the rest, at the same rule and strike; > 1 means stricter. Explanations are built from these numbers
by ``app.analysis.audit.explain``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

SCHEMA = "fair-strictness/audit/v1"
KINDS = ("student", "group", "context", "rule")


@dataclass(frozen=True)
class Proportion:
    """k of n, with a Wilson 95 % interval (never zero width)."""

    k: int
    n: int
    share: float
    low: float
    high: float


@dataclass(frozen=True)
class Counts:
    """The counts behind a comparison, like with like (same rule and strike)."""

    n: int  #: incidents of the subject
    stricter: int  #: of those, answered above the agreed step
    milder: int  #: of those, answered below the agreed step
    rest_n: int  #: incidents of the rest in the same rule x strike strata
    rest_stricter: int
    rest_milder: int
    expected_stricter: float = 0.0  #: what the rest's rates predict for the subject's own mix of strata
    expected_milder: float = 0.0


@dataclass(frozen=True)
class Estimate:
    """One tested comparison: a subject (student, group, moment or rule) against the rest."""

    kind: str  #: 'student' | 'group' | 'context' | 'rule'
    dimension: str  #: 'student'; attribute name or 'group'; 'weekday', 'period', ...; the rule's name
    subject: str  #: student's external id, attribute value, lowercase English weekday, ...
    label: str  #: what the private UI shows (a student's name); never exported
    direction: str  #: 'stricter' | 'milder'
    effect: float  #: odds ratio, > 1 stricter
    ci_low: float
    ci_high: float
    n: int
    p: float
    p_adjusted: float
    flagged: bool
    explanation: str
    counts: Counts
    urgent: bool = False  #: involves safety rules
    incident_ids: tuple[int, ...] = ()
    method: str = ""
    #: (dimension, subject) the log cannot tell apart from this finding (``app.analysis.audit.attribution``)
    aliases: tuple[tuple[str, str], ...] = ()
    #: (dimension, subject) of the finding that explains this pattern when fitted together (not flagged)
    explained_by: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The item as in the documented ``audit --json`` schema."""
        extra: dict[str, Any] = {}
        if self.aliases:
            extra["aliases"] = [{"dimension": d, "subject": s} for d, s in self.aliases]
        if self.explained_by:
            dim, subject = self.explained_by[0]
            extra["explained_by"] = {"dimension": dim, "subject": subject}
        return {
            "kind": self.kind,
            "dimension": self.dimension,
            "subject": self.subject,
            "direction": self.direction,
            "effect": self.effect,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "n": self.n,
            "p": self.p,
            "p_adjusted": self.p_adjusted,
            "explanation": self.explanation,
            "counts": asdict(self.counts),
            "urgent": self.urgent,
            "method": self.method,
        } | extra


@dataclass(frozen=True)
class RuleStrikeAdherence:
    """How one rule at one strike was answered: as agreed, stricter (skipped upward), milder."""

    rule: str
    category: str
    strike: int
    n: int
    agreed: Proportion
    stricter: Proportion
    milder: Proportion


@dataclass(frozen=True)
class EscalationPoint:
    """Probability of a consequence at a strike, for everyone or one group."""

    dimension: str  #: 'all', 'group' or an attribute name
    subject: str
    strike: int
    consequence: Proportion


@dataclass(frozen=True)
class NoticingPoint:
    """Who gets noticed: incidents per lesson present, with exact funnel limits."""

    kind: str  #: 'student' | 'group'
    dimension: str
    subject: str
    label: str
    lessons: int
    incidents: int
    rate: float
    expected: float  #: the overall rate
    low95: float
    high95: float
    low998: float
    high998: float
    position: str  #: 'above' | 'below' | 'within' the 99.8 % limits


@dataclass(frozen=True)
class StudentStrictness:
    """A student's strictness for the funnel plot: stricter share against the like-with-like expectation."""

    subject: str
    label: str
    group: str
    n: int
    stricter: int
    milder: int
    expected_stricter: float
    expected_milder: float
    score: float  #: shrunken log odds ratio (stricter vs milder), 0 = like the rest
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class PraisePoint:
    """Praise against correction for a student or group."""

    kind: str  #: 'student' | 'group'
    dimension: str
    subject: str
    label: str
    praise: int
    corrections: int
    share_praise: Proportion


@dataclass(frozen=True)
class MomentCell:
    """Weekday x period: how responses deviated from the ladder in that moment."""

    weekday: str
    period: str
    n: int
    stricter: int
    milder: int
    score: float  #: (stricter - milder) / n, between -1 and 1
    #: lessons taught in this weekday x period (with a timetable: every one, calm ones too); 0 unknown
    lessons: int = 0


@dataclass(frozen=True)
class WeeklyPoint:
    """One week: how often the ladder was followed, and phase-down changes that took effect."""

    week_start: date
    n: int
    stricter: Proportion
    milder: Proportion
    planned_changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupLessons:
    """Lessons taught to one class in the period, and how many passed without a single correction."""

    group: str
    taught: int
    calm: int


@dataclass(frozen=True)
class LessonsTaught:
    """Lessons taught in the period: all of them, the calm ones, and how many came from the timetable.

    With a timetable every lesson taught is known, so ``calm`` counts the lessons without an incident;
    without one only lessons with something logged exist, and ``calm`` says little (``scheduled`` is 0).
    """

    taught: int
    calm: int
    scheduled: int
    per_group: tuple[GroupLessons, ...] = ()

    @property
    def complete(self) -> bool:
        """True when the lessons come from the timetable (exposure per lesson taught)."""
        return self.taught > 0 and self.scheduled > 0


@dataclass(frozen=True)
class FollowUpComparison:
    """One group against the rest of its dimension: are the parents informed as often (or as soon)?

    Counts are over the settled consequences of the period (old enough to have been followed up).
    ``question`` 'informed': ``k`` of ``n`` consequences with the parents informed, against ``rest_k``
    of ``rest_n``; ``expected`` is what ``k`` would be if every consequence had the informed rate of
    its own rule and step. ``question`` 'sooner': over the consequences with the parents informed,
    ``k`` of ``n`` within ``QUICK_DAYS`` days, and the median days. ``p`` is None when there were too
    few consequences (or students) to compare.
    """

    question: str  #: 'informed' or 'sooner'
    dimension: str  #: 'group' (the class) or an attribute name
    subject: str
    n: int
    k: int
    rest_n: int
    rest_k: int
    expected: float
    days: float | None  #: median days from the consequence to the parents informed (the subject)
    rest_days: float | None
    n_students: int
    p: float | None
    p_adjusted: float | None
    flagged: bool
    direction: str  #: 'more' / 'less' (informed), 'sooner' / 'later', or '' (no difference seen)

    @property
    def too_few(self) -> bool:
        """Not compared: too few consequences or students on one side."""
        return self.p is None

    def to_json(self) -> dict[str, Any]:
        """Plain fields for ``audit --json``."""
        return asdict(self)


@dataclass(frozen=True)
class FollowUpEvenness:
    """The audit's follow-up question: at the same rule and step, are some parents informed more often?"""

    n_consequences: int  #: consequences in the period
    n_tracked: int  #: of which with a follow-up (logged since follow-up exists)
    n_settled: int  #: of which old enough to judge (``settle_days``)
    n_informed: int  #: of which with the parents informed
    settle_days: int
    fdr: float
    comparisons: tuple[FollowUpComparison, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def findings(self) -> tuple[FollowUpComparison, ...]:
        """The flagged comparisons, clearest first."""
        flagged = [c for c in self.comparisons if c.flagged]
        return tuple(sorted(flagged, key=lambda c: (c.p_adjusted or 1.0, -c.n)))

    @property
    def tested(self) -> tuple[FollowUpComparison, ...]:
        """The comparisons with enough consequences to be tested."""
        return tuple(c for c in self.comparisons if not c.too_few)

    def to_json(self) -> dict[str, Any]:
        """The ``follow_up`` part of ``audit --json``."""
        return {
            "n_consequences": self.n_consequences,
            "n_tracked": self.n_tracked,
            "n_settled": self.n_settled,
            "n_informed": self.n_informed,
            "settle_days": self.settle_days,
            "comparisons": [c.to_json() for c in self.comparisons],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class AuditReport:
    """Everything one audit found and estimated."""

    date_from: date | None
    date_to: date | None
    n_incidents: int
    n_students: int
    n_lessons: int
    n_praise: int
    fdr: float
    estimates: tuple[Estimate, ...] = ()
    adherence: tuple[RuleStrikeAdherence, ...] = ()
    escalation: tuple[EscalationPoint, ...] = ()
    noticing: tuple[NoticingPoint, ...] = ()
    students: tuple[StudentStrictness, ...] = ()
    praise: tuple[PraisePoint, ...] = ()
    moments: tuple[MomentCell, ...] = ()
    weekly: tuple[WeeklyPoint, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    lessons: LessonsTaught | None = None
    #: the follow-up question (issue #16): parents informed as often at the same rule and step
    follow_up: FollowUpEvenness | None = None

    @property
    def findings(self) -> tuple[Estimate, ...]:
        """The flagged estimates, most important first (urgent safety matters before others)."""
        flagged = [e for e in self.estimates if e.flagged]
        return tuple(sorted(flagged, key=lambda e: (not e.urgent, e.p_adjusted, -abs(e.n))))

    def to_json(self) -> dict[str, Any]:
        """The ``audit --json`` document."""
        return {
            "schema": SCHEMA,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "fdr": self.fdr,
            "n_incidents": self.n_incidents,
            "n_students": self.n_students,
            "n_lessons": self.n_lessons,
            "findings": [e.to_json() for e in self.findings],
            "estimates": [e.to_json() for e in self.estimates],
            "notes": list(self.notes),
            "follow_up": self.follow_up.to_json() if self.follow_up is not None else None,
        }
