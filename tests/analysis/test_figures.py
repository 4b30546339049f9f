"""Figures from audit results: every chart draws from a hand-made report, and explains an empty one."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.analysis import figures
from app.analysis.results import (
    AuditReport,
    Counts,
    EscalationPoint,
    Estimate,
    MomentCell,
    PraisePoint,
    Proportion,
    RuleStrikeAdherence,
    StudentStrictness,
    WeeklyPoint,
)

FIRST_MONDAY = date(2025, 9, 1)


def _prop(k: int, n: int) -> Proportion:
    share = k / n if n else 0.0
    return Proportion(k, n, share, max(0.0, share - 0.1), min(1.0, share + 0.1))


def make_estimate(
    subject: str,
    *,
    kind: str = "student",
    dimension: str = "student",
    effect: float = 3.0,
    p_adjusted: float = 0.01,
    flagged: bool = True,
    urgent: bool = False,
    incident_ids: tuple[int, ...] = (),
) -> Estimate:
    """One estimate with plausible counts."""
    direction = "stricter" if effect > 1 else "milder"
    return Estimate(
        kind=kind,
        dimension=dimension,
        subject=subject,
        label=f"Leerling {subject}" if kind == "student" else subject,
        direction=direction,
        effect=effect,
        ci_low=effect / 2,
        ci_high=effect * 2,
        n=12,
        p=p_adjusted / 5,
        p_adjusted=p_adjusted,
        flagged=flagged,
        explanation=f"Bij dezelfde afspraak en keer 8 van 12 keer strenger ({subject}).",
        counts=Counts(12, 8, 1, 200, 30, 20, 2.0, 1.5),
        urgent=urgent,
        incident_ids=incident_ids,
    )


def make_report(*, estimates: tuple[Estimate, ...] | None = None, weeks: int = 10) -> AuditReport:
    """A small, complete report (every section filled) for figure and page tests."""
    students = tuple(
        StudentStrictness(
            subject=f"s{i}",
            label=f"Leerling {i}",
            group="1A" if i % 2 else "1B",
            n=3 + i,
            stricter=i % 4,
            milder=i % 3,
            expected_stricter=1.0,
            expected_milder=1.0,
            score=(1.4 if i == 5 else math.sin(i) * 0.3),
            ci_low=-1.2 / math.sqrt(3 + i) + math.sin(i) * 0.3,
            ci_high=1.2 / math.sqrt(3 + i) + math.sin(i) * 0.3,
        )
        for i in range(20)
    )
    if estimates is None:
        estimates = (
            make_estimate("s5"),
            make_estimate("1A", kind="group", dimension="group", effect=1.2, flagged=False, p_adjusted=0.6),
            make_estimate("ja", kind="group", dimension="zorgplan", effect=0.4, p_adjusted=0.03),
        )
    adherence = tuple(
        RuleStrikeAdherence(rule, cat, strike, 20, _prop(14, 20), _prop(4, 20), _prop(2, 20))
        for rule, cat in (("Te laat", "routine"), ("Gevaarlijk gedrag", "safety"))
        for strike in (1, 2)
    )
    escalation = tuple(
        EscalationPoint(dim, subj, strike, _prop(strike * 3, 12))
        for dim, subj in (("all", "all"), ("group", "1A"), ("group", "1B"))
        for strike in (1, 2, 3)
    )
    praise = tuple(
        PraisePoint("student", "student", f"s{i}", f"Leerling {i}", i % 5, 2 + i, _prop(i % 5, 2 + i + i % 5))
        for i in range(12)
    )
    moments = tuple(
        MomentCell(day, str(period), 6, (i + period) % 3, period % 2, ((i + period) % 3 - period % 2) / 6)
        for i, day in enumerate(figures.WEEKDAYS[:5])
        for period in range(1, 7)
    )
    weekly = tuple(
        WeeklyPoint(
            FIRST_MONDAY + timedelta(weeks=w),
            15,
            _prop(w % 4, 15),
            _prop(2, 15),
            ("Te laat: start stap 1",) if w == 4 else (),
        )
        for w in range(weeks)
    )
    return AuditReport(
        date_from=FIRST_MONDAY,
        date_to=FIRST_MONDAY + timedelta(weeks=weeks, days=-1),
        n_incidents=300,
        n_students=20,
        n_lessons=120,
        n_praise=40,
        fdr=0.05,
        estimates=estimates,
        adherence=adherence,
        escalation=escalation,
        students=students,
        praise=praise,
        moments=moments,
        weekly=weekly,
    )


def test_every_chart_draws_from_a_full_report(tmp_path: Path) -> None:
    charts = figures.all_charts(make_report(), highlight=FIRST_MONDAY + timedelta(weeks=3))
    assert [c.key for c in charts] == [
        "students",
        "groups",
        "moments",
        "adherence",
        "escalation",
        "praise",
        "weekly",
    ]
    for chart in charts:
        assert chart.figure is not None, chart.key
        assert chart.title
        assert chart.caption
        assert chart.empty == ""
        out = tmp_path / f"{chart.key}.png"
        chart.figure.savefig(out)
        assert out.stat().st_size > 5000


def test_empty_report_explains_what_is_missing() -> None:
    empty = AuditReport(None, None, 0, 0, 0, 0, 0.05)
    for chart in figures.all_charts(empty):
        assert chart.figure is None
        assert len(chart.empty) > 20, chart.key


def test_funnel_marks_the_outlier_and_names_only_when_asked() -> None:
    report = make_report()
    named = figures.funnel_chart(report.students, show_names=True).figure
    anonymous = figures.funnel_chart(report.students, show_names=False).figure
    assert named is not None
    assert anonymous is not None
    named_texts = [t.get_text() for t in named.axes[0].texts]
    assert "Leerling 5" in named_texts
    assert len(anonymous.axes[0].texts) == 0


def test_funnel_is_not_a_ranking_axis_is_incident_count() -> None:
    fig = figures.funnel_chart(make_report().students).figure
    assert fig is not None
    ax = fig.axes[0]
    assert "incidenten" in ax.get_xlabel()
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert "gelijk" in labels


def test_weekly_chart_highlights_the_chosen_week_and_the_plan() -> None:
    week = FIRST_MONDAY + timedelta(weeks=2)
    fig = figures.weekly_chart(make_report().weekly, highlight=week, plan=[(week, "Afbouw")]).figure
    assert fig is not None
    ax = fig.axes[0]
    texts = [t.get_text().strip() for t in ax.texts]
    assert texts == ["Afbouw"]  # the plan given wins over the weekly points' copy of it
    alone = figures.weekly_chart(make_report().weekly, highlight=week).figure
    assert alone is not None
    assert [t.get_text().strip() for t in alone.axes[0].texts] == ["Te laat: start stap 1"]
    assert any(type(p).__name__ == "Rectangle" or "Polygon" in type(p).__name__ for p in ax.patches)


def test_heat_map_counts_are_written_in_the_cells() -> None:
    fig = figures.moments_chart(make_report().moments).figure
    assert fig is not None
    assert [t.get_text() for t in fig.axes[0].texts].count("6") == 30


def test_svg_export_is_possible(tmp_path: Path) -> None:
    chart = figures.adherence_chart(make_report().adherence)
    assert chart.figure is not None
    out = tmp_path / "rule.svg"
    chart.figure.savefig(out, format="svg")
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize(("day", "word"), [("monday", "ma"), ("friday", "vr")])
def test_weekday_names_are_dutch(day: str, word: str) -> None:
    assert figures.weekday_name(day) == word


def test_figures_module_has_no_qt_or_pyplot() -> None:
    from app.analysis import estimate_figures, figure_style

    for module in (figures, figure_style, estimate_figures):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "import pyplot" not in source
        assert "matplotlib.pyplot" not in source
        assert "PySide6" not in source


def test_hour_bands_are_in_time_order_not_text_order() -> None:
    """Lessons without a period are placed by hour: '9-10' came after '12-13' (sorted as text)."""
    cells = tuple(MomentCell("monday", band, 5, 1, 0, 0.2) for band in ("10-11", "12-13", "9-10", "8-9"))
    fig = figures.moments_chart(cells).figure
    assert fig is not None
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["8-9", "9-10", "10-11", "12-13"]


def test_long_rule_names_are_wrapped_and_fit_the_figure() -> None:
    long_name = "Niet storen tijdens instructie van de leerkracht en ook niet tijdens het zelfstandig werken"
    adherence = (RuleStrikeAdherence(long_name, "routine", 1, 10, _prop(8, 10), _prop(1, 10), _prop(1, 10)),)
    fig = figures.adherence_chart(adherence).figure
    assert fig is not None
    [label] = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert label.count("\n") == 1 and label.endswith("…")
    assert all(len(line) <= 28 for line in label.splitlines())
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    box = fig.axes[0].get_yticklabels()[0].get_window_extent(canvas.get_renderer())
    assert box.x0 >= 0, "the rule name is cut off at the left edge"


def test_short_label_keeps_short_names_and_cuts_one_long_word() -> None:
    assert figures.short_label("Telefoon weg") == "Telefoon weg"
    assert figures.short_label("x" * 80, 10) == "xxxxxxxxxx\nxxxxxxxxx…"


def test_escalation_with_one_class_draws_only_everyone() -> None:
    """One class's line is the same as everyone's and used to hide beneath it."""
    points = tuple(
        EscalationPoint(dim, subj, strike, _prop(strike * 3, 12))
        for dim, subj in (("all", "all"), ("group", "1A"))
        for strike in (1, 2)
    )
    fig = figures.escalation_chart(points).figure
    assert fig is not None
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["iedereen"]
    two = points + tuple(EscalationPoint("group", "1B", s, _prop(s, 12)) for s in (1, 2))
    fig2 = figures.escalation_chart(two).figure
    assert fig2 is not None
    assert [t.get_text() for t in fig2.axes[0].get_legend().get_texts()] == ["iedereen", "1A", "1B"]


def test_weekly_caption_explains_the_light_bands() -> None:
    """The overlapping interval bands looked like an unexplained grey area in weeks with few incidents."""
    chart = figures.weekly_chart(make_report().weekly)
    assert chart.figure is not None
    assert "95 %-interval" in chart.caption and "band" in chart.caption


def test_praise_without_incidents_is_not_called_no_praise() -> None:
    """A year with only compliments said 'Nog geen complimenten gelogd' on the praise chart."""
    from app.analysis.results import AuditReport

    report = AuditReport(
        date_from=date(2025, 8, 1),
        date_to=date(2025, 10, 12),
        n_incidents=0,
        n_students=6,
        n_lessons=0,
        n_praise=30,
        fdr=0.05,
    )
    chart = figures.chart_for(report, "praise")
    assert chart.figure is None
    assert "30 complimenten" in chart.empty and "Nog geen complimenten" not in chart.empty
    assert "Nog geen complimenten" in figures.praise_chart(()).empty


def _boxes(fig):  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def test_group_axis_labels_do_not_run_together_in_a_narrow_chart() -> None:
    """'4× milder2× milder gelijk2× strenger' ran together on the x axis at the page's width."""
    fig = figures.groups_chart(make_report().estimates).figure
    assert fig is not None
    fig.set_size_inches(5.3, 4.0)
    renderer = _boxes(fig)
    labels = [lb for lb in fig.axes[0].get_xticklabels() if lb.get_text()]
    assert any("\n" in lb.get_text() for lb in labels)
    spans = sorted((b.x0, b.x1) for b in (lb.get_window_extent(renderer) for lb in labels))
    assert all(right <= left_next for (_l, right), (left_next, _r) in itertools.pairwise(spans))


def test_praise_names_at_the_same_height_do_not_overlap() -> None:
    """Two students with few compliments and many corrections were named on top of each other."""
    rows = tuple(
        PraisePoint("student", "student", f"s{i}", f"Leerling {i}", 3 + i % 4, 5 + i, _prop(1, 10))
        for i in range(30)
    )
    rows += (
        PraisePoint("student", "student", "a", "Siem van Beek", 1, 50, _prop(1, 51)),
        PraisePoint("student", "student", "b", "Jesse El Idrissi", 1, 57, _prop(1, 58)),
    )
    fig = figures.praise_chart(rows).figure
    assert fig is not None
    fig.set_size_inches(5.3, 4.0)
    renderer = _boxes(fig)
    names = {tx.get_text(): tx.get_window_extent(renderer) for tx in fig.axes[0].texts}
    a, b = names["Siem van Beek"], names["Jesse El Idrissi"]
    assert not a.overlaps(b)
    width = fig.bbox.width
    assert a.x1 <= width and b.x1 <= width
