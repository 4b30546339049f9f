"""One week of reflection: the audit of the school year up to that week, its prompts and phase-down plan.

Week semantics: the *selected week* is a Monday. Findings and charts cover the school year (from
1 August) up to and including the Sunday of that week, so a week's view is what the teacher could have
known at the end of it, and earlier weeks stay reproducible. Charts highlight the week; the journal
belongs to the week. Pure: the tables of ``Store.read_tables()`` in, a frozen ``WeekView`` out, so the
reflection page (on a worker thread) and any script compute the same week.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from app.core.calendar import monday_of, school_year_start

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.audit.choice_follow_up import ChoiceFollowUp
    from app.analysis.estimates.prompts import Prompt
    from app.analysis.figure_style import Chart
    from app.analysis.results import AuditReport, Estimate
    from app.core.situation import Situation

Tables = Mapping[str, "pd.DataFrame"]


class ChoiceLike(Protocol):
    """What the week needs of a prepared choice (``app.store.records.ChoiceInfo`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def situation(self) -> Situation: ...
    @property
    def starts_on(self) -> date: ...
    @property
    def closed_on(self) -> date | None: ...
    @property
    def direction(self) -> str | None: ...


@dataclass(frozen=True)
class WeekView:
    """Everything the page shows for one week, computed off the UI thread."""

    revision: int
    week: date  #: Monday of the selected week
    weeks: tuple[date, ...]  #: weeks offered in the selector, newest first
    data_weeks: frozenset[date]  #: weeks with incidents, praise or lessons
    date_from: date
    date_to: date
    report: AuditReport
    plan: tuple[tuple[date, str], ...]
    prompts: tuple[Prompt, ...]
    seconds: float = 0.0
    #: the follow-up of every prepared choice that started by the end of the week, by choice id
    follow_ups: Mapping[int, ChoiceFollowUp] = field(default_factory=dict)
    #: the start dates of those choices, marked on the weekly chart ('keuze 2')
    choice_marks: tuple[tuple[date, str], ...] = ()
    tables: Tables | None = field(default=None, compare=False, repr=False)
    #: charts drawn so far, by key: figures are made when a chart is first shown (on the UI thread)
    charts: dict[str, Chart] = field(default_factory=dict, compare=False, repr=False)

    def chart(self, key: str) -> Chart:
        """The chart ``key`` of this week (made the first time it is asked for, then kept)."""
        if key not in self.charts:
            from app.analysis.figures import chart_for

            self.charts[key] = chart_for(
                self.report, key, highlight=self.week, plan=self.plan, choices=self.choice_marks
            )
        return self.charts[key]


def headline_findings(findings: tuple[Estimate, ...], limit: int = 3) -> list[Estimate]:
    """The findings the week shows first (as the report orders them), at most ``limit``.

    A pattern of a group or a moment is never hidden behind patterns of single students: when the
    first ``limit`` are all about students and a group or moment is flagged too, the first such pattern
    takes the last place.
    """
    shown = list(findings[:limit])
    if limit > 0 and shown and all(e.kind == "student" for e in shown):
        wider = next((e for e in findings[limit:] if e.kind != "student"), None)
        if wider is not None:
            shown[-1] = wider
    return shown


def data_weeks(tables: Tables) -> set[date]:
    """Mondays of the weeks with a lesson, an incident or a praise."""
    import pandas as pd

    days: list[Any] = []
    lessons = tables["lessons"]
    if not lessons.empty:
        days.extend(pd.to_datetime(lessons["date"]).dt.date.tolist())
    praise = tables["praise"]
    if not praise.empty:
        days.extend(pd.to_datetime(praise["occurred_at"]).dt.date.tolist())
    return {monday_of(d) for d in set(days)}


def phase_down_plan(tables: Tables, date_from: date, date_to: date) -> list[tuple[date, str]]:
    """The planned phase-down steps of the school year, as (date, 'rule: start step n')."""
    from app.core.i18n import t

    plan = tables["phase_downs"]
    if plan.empty:
        return []
    names = dict(zip(tables["rules"]["rule_id"], tables["rules"]["rule"], strict=False))
    end = school_year_start(date_to).replace(year=school_year_start(date_to).year + 1)
    out = []
    for rule_id, effective, step in plan[["rule_id", "effective_from", "start_step"]].itertuples(index=False):
        if date_from <= effective < end:
            label = t("{rule}: start stap {s}", rule=names.get(rule_id, "?"), s=step)
            out.append((effective, label))
    return sorted(out)


def empty_report(date_from: date, date_to: date, tables: Tables, fdr: float) -> AuditReport:
    """A report without findings for a period without incidents (the counts still say what is there)."""
    import pandas as pd

    from app.analysis.results import AuditReport, LessonsTaught

    lessons, praise = tables["lessons"], tables["praise"]
    n_lessons = n_praise = n_scheduled = 0
    if not lessons.empty:
        days = pd.to_datetime(lessons["date"]).dt.date
        inside = (days >= date_from) & (days <= date_to)
        n_lessons = int(inside.sum())
        if "scheduled" in lessons:
            n_scheduled = int(lessons.loc[inside, "scheduled"].astype(bool).sum())
    if not praise.empty:
        days = pd.to_datetime(praise["occurred_at"]).dt.date
        n_praise = int(((days >= date_from) & (days <= date_to)).sum())
    return AuditReport(
        date_from=date_from,
        date_to=date_to,
        n_incidents=0,
        n_students=len(tables["students"]),
        n_lessons=n_lessons,
        n_praise=n_praise,
        fdr=fdr,
        lessons=LessonsTaught(n_lessons, n_lessons, n_scheduled),  # no incidents: every lesson was calm
    )


def run_audit(tables: Tables, date_from: date, date_to: date, fdr: float) -> AuditReport:
    """The real audit over the school year up to the week (imported here: heavy)."""
    from app.analysis.audit.run import audit

    return audit(tables, fdr=fdr, date_from=date_from, date_to=date_to)


def week_view(
    tables: Tables,
    week: date | None,
    *,
    revision: int,
    reflection_weeks: Iterable[date] = (),
    fdr: float = 0.05,
    today: date | None = None,
    auditor: Callable[[Tables, date, date, float], AuditReport] | None = None,
    choices: Iterable[ChoiceLike] = (),
) -> WeekView:
    """The view of ``week`` (None: the latest week with data): audit, prompts, plan and choices.

    ``reflection_weeks`` are the weeks with a journal entry (offered in the selector with the weeks
    that have data); ``auditor`` replaces the real audit (tests); ``choices`` are the prepared choices
    whose follow-up the week shows (those started by the end of the week).
    """
    started = time.perf_counter()
    from app.analysis.estimates.prompts import weekly_prompts
    from app.core.i18n import t

    with_data = data_weeks(tables)
    current = monday_of(today or date.today())
    if week is None:
        week = max(with_data) if with_data else current
    week = monday_of(week)
    weeks = sorted(with_data | set(reflection_weeks) | {week, current}, reverse=True)
    date_from, date_to = school_year_start(week), week + timedelta(days=6)
    in_range = _incidents_in(tables, date_from, date_to)
    audit = auditor or run_audit
    report = (
        audit(tables, date_from, date_to, fdr) if in_range else empty_report(date_from, date_to, tables, fdr)
    )
    plan = tuple(phase_down_plan(tables, date_from, date_to))
    started_choices = [c for c in choices if c.starts_on <= date_to]
    follow_ups = choice_follow_ups(tables, started_choices, date_from, date_to)
    marks = tuple(
        sorted((c.starts_on, t("keuze {n}", n=c.id)) for c in started_choices if c.starts_on >= date_from)
    )
    return WeekView(
        revision=revision,
        week=week,
        weeks=tuple(weeks),
        data_weeks=frozenset(with_data),
        date_from=date_from,
        date_to=date_to,
        report=report,
        plan=plan,
        prompts=weekly_prompts(report),
        seconds=time.perf_counter() - started,
        follow_ups=follow_ups,
        choice_marks=marks,
        tables=tables,
    )


def choice_follow_ups(
    tables: Tables, choices: Iterable[ChoiceLike], date_from: date, date_to: date
) -> dict[int, ChoiceFollowUp]:
    """The follow-up of each choice over the school year up to ``date_to`` (by choice id)."""
    todo = list(choices)
    if not todo:
        return {}
    from app.analysis.audit.choice_follow_up import follow_up
    from app.analysis.frame import build_frame

    frame = build_frame(tables, date_from=date_from, date_to=date_to)
    return {c.id: follow_up(frame, c.id, c.situation, c.starts_on, c.closed_on, c.direction) for c in todo}


def _incidents_in(tables: Tables, date_from: date, date_to: date) -> int:
    """How many live incidents happened in lessons between the two dates."""
    import pandas as pd

    incidents, lessons = tables["incidents"], tables["lessons"]
    if incidents.empty or lessons.empty:
        return 0
    days = pd.to_datetime(lessons["date"]).dt.date
    inside = set(lessons.loc[(days >= date_from) & (days <= date_to), "lesson_id"])
    return int(incidents["lesson_id"].isin(inside).sum())
