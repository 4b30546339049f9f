"""Issue 18.15: charts a teacher can read — no label on another, empty cells empty, whole counts."""

from __future__ import annotations

import math

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle

from app.analysis.estimate_figures import praise_chart
from app.analysis.figures import funnel_chart, groups_chart, moments_chart
from app.analysis.results import Counts, Estimate, MomentCell, PraisePoint, Proportion, StudentStrictness


def _boxes(fig, texts):  # type: ignore[no-untyped-def]
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]


def _overlapping(boxes) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [
        (i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])
    ]


def _group(i: int, name: str) -> Estimate:
    return Estimate(
        kind="group", dimension="ondersteuningsplan en andere lange kenmerken", subject=name, label=name,
        direction="stricter", effect=1.2 + i / 50, ci_low=0.8, ci_high=2.0, n=40 + i, p=0.5, p_adjusted=0.9,
        flagged=False, explanation="", counts=Counts(40, 5, 3, 400, 30, 20),
    )  # fmt: skip


def test_group_names_never_overlap_however_many_and_long() -> None:
    for count in (2, 8, 24):
        rows = [_group(i, f"een heel lange groepsnaam nummer {i} met nog meer woorden") for i in range(count)]
        fig = groups_chart(rows).figure
        assert fig is not None
        labels = fig.axes[0].get_yticklabels()
        assert _overlapping(_boxes(fig, labels)) == [], count


def _student(i: int, n: int, score: float) -> StudentStrictness:
    return StudentStrictness(
        subject=str(i), label=f"Leerling met een lange naam {i}", group="2B", n=n, stricter=0, milder=0,
        expected_stricter=0.0, expected_milder=0.0, score=score, ci_low=score - 0.5, ci_high=score + 0.5,
    )  # fmt: skip


def test_names_in_the_funnel_never_cover_each_other_and_counts_are_whole() -> None:
    students = [_student(i, 30 + (i % 3), 2.5 + 0.01 * i) for i in range(8)]  # a cluster far outside
    students += [_student(100 + i, 5 + i, 0.0) for i in range(10)]
    fig = funnel_chart(students).figure
    assert fig is not None
    ax = fig.axes[0]
    names = [t for t in ax.texts if t.get_text().startswith("Leerling")]
    assert names and any(t.get_visible() for t in names)
    assert _overlapping(_boxes(fig, names)) == []
    small = funnel_chart([_student(i, 1 + i, 0.1 * i) for i in range(3)]).figure
    assert small is not None
    ticks = [x for x in small.axes[0].get_xticks() if 0 <= x <= 10]
    assert ticks and all(float(x).is_integer() for x in ticks)


def test_praise_names_do_not_overlap_and_counts_are_whole() -> None:
    share = Proportion(0, 0, 0.0, 0.0, 0.0)
    points = [
        PraisePoint("student", "student", str(i), f"Leerling nummer {i}", 0, 6, share) for i in range(3)
    ]
    points.append(PraisePoint("student", "student", "x", "Veel lof", 4, 2, share))
    fig = praise_chart(points).figure
    assert fig is not None
    ax = fig.axes[0]
    names = [t for t in ax.texts if t.get_text().startswith("Leerling")]
    assert _overlapping(_boxes(fig, names)) == []
    assert all(float(x).is_integer() for x in ax.get_xticks())


def test_a_weekday_period_without_incidents_is_hatched_grey_not_as_agreed() -> None:
    cells = [
        MomentCell("monday", "1", 10, 1, 1, 0.0),  # exactly as agreed on balance
        MomentCell("monday", "2", 10, 6, 0, 0.6),
        MomentCell("friday", "2", 10, 0, 6, -0.6),
    ]  # friday period 1 has no incidents at all
    fig = moments_chart(cells).figure
    assert fig is not None
    ax = fig.axes[0]
    empty = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(empty) == 1
    (x, y), w, h = empty[0].get_xy(), empty[0].get_width(), empty[0].get_height()
    assert (math.isclose(x + w / 2, 0), math.isclose(y + h / 2, 1)) == (True, True)  # friday, period 1
    image = ax.images[0]
    agreed = image.cmap(image.norm(0.0))
    assert tuple(round(c, 2) for c in empty[0].get_facecolor()[:3]) != tuple(round(c, 2) for c in agreed[:3])
    assert "geen incidenten" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_with_lessons_taught_the_cells_count_per_lesson_and_calm_ones_are_white() -> None:
    cells = [
        MomentCell("monday", "1", 4, 2, 0, 0.5, lessons=10),
        MomentCell("monday", "2", 0, 0, 0, 0.0, lessons=12),  # taught, never a correction
        MomentCell("friday", "2", 3, 0, 1, -1 / 3, lessons=11),
    ]  # friday period 1: no lesson at all
    chart = moments_chart(cells)
    fig = chart.figure
    assert fig is not None
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert {"4/10", "0/12", "3/11"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["geen lessen", "lessen zonder incidenten"]
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
    white = [p for p in ax.patches if isinstance(p, Rectangle) and not p.get_hatch()]
    assert len(hatched) == 1 and len(white) == 1
    (x, y), w, h = white[0].get_xy(), white[0].get_width(), white[0].get_height()
    assert (math.isclose(x + w / 2, 1), math.isclose(y + h / 2, 0)) == (True, True)  # monday, period 2
    assert "gegeven lessen" in chart.caption
