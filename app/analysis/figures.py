"""matplotlib figures from audit results (no Qt, no pyplot): reused by the reflection page and the PDF.

Every chart comes back as a :class:`Chart` with a title and a one-line caption; when the data for it is
missing, ``figure`` is None and ``empty`` says what is missing. The shared colours and helpers are in
``figure_style``, the estimates' charts in ``estimate_figures``; ``chart_for`` serves them all. Colours
follow Okabe–Ito (colour-blind safe): vermillion for *stricter* than the ladder, blue for *milder*, grey
for *as agreed*; the heat map uses a blue–white–vermillion diverging map built from the same two colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from app.analysis.estimate_figures import (
    adherence_chart,
    escalation_chart,
    praise_chart,
    weekly_chart,
)
from app.analysis.figure_style import (
    AGREED,
    EMPTY,
    FONT_SIZE,
    MILDER,
    NEUTRAL,
    STRICTER,
    Chart,
    _figure,
    _period_name,
    _ratio_axis,
    _style,
    hide_overlaps,
    period_order,
    short_label,
    weekday_name,
)
from app.core.i18n import t
from app.core.vocabulary import WEEKDAYS

if TYPE_CHECKING:
    from app.analysis.results import (
        AuditReport,
        Estimate,
        MomentCell,
        StudentStrictness,
    )


def funnel_chart(students: Sequence[StudentStrictness], *, show_names: bool = True) -> Chart:
    """Strictness by student as a funnel plot: deviation against the number of comparable incidents."""
    title = t("Strengheid per leerling")
    caption = t(
        "Elke stip is een leerling, vergeleken bij dezelfde afspraak en keer; binnen de trechter valt "
        "het verschil binnen het toeval. Dit is geen rangorde.",
    )
    rows = [s for s in students if s.n > 0 and s.ci_high > s.ci_low]
    if len(rows) < 3:
        return Chart(
            "students",
            title,
            caption,
            None,
            t(
                "Nog te weinig leerlingen met incidenten (minstens 3 nodig) om een trechter te tekenen.",
            ),
        )
    import numpy as np

    n = np.array([s.n for s in rows], dtype=float)
    score = np.array([s.score for s in rows])
    se = np.array([(s.ci_high - s.ci_low) / (2 * 1.96) for s in rows])
    k = float(np.median(se * np.sqrt(n)))
    grid = np.linspace(max(1.0, n.min() * 0.8), n.max() * 1.1, 200)
    fig = _figure()
    ax = fig.add_subplot()
    for z, style, name in ((1.96, "--", "95 %"), (3.09, ":", t("99,8 %"))):
        half = z * k / np.sqrt(grid)
        ax.plot(grid, np.exp(half), style, color=NEUTRAL, lw=1, label=t("grens {p}", p=name))
        ax.plot(grid, np.exp(-half), style, color=NEUTRAL, lw=1)
    ax.axhline(1.0, color=NEUTRAL, lw=0.8)
    limit95 = 1.96 * k / np.sqrt(n)
    outside = np.abs(score) > limit95
    colours = np.where(score > 0, STRICTER, MILDER)
    spread = min(max(float(np.abs(score).max()) * 1.15, 0.8), math.log(32.0))
    shown = np.clip(score, -spread * 0.97, spread * 0.97)  # beyond the axis: drawn at its edge
    ax.scatter(n[~outside], np.exp(shown[~outside]), s=22, color=AGREED, edgecolor=NEUTRAL, lw=0.5, zorder=3)
    ax.scatter(
        n[outside], np.exp(shown[outside]), s=40, c=colours[outside], edgecolor="black", lw=0.6, zorder=4
    )
    names = []
    if show_names:
        far = sorted(np.flatnonzero(outside), key=lambda i: -abs(score[i]) / limit95[i])[:6]
        for i in far:
            right = n[i] > 0.7 * n.max()  # near the right edge the name goes to the left of its dot
            label = ax.annotate(
                rows[i].label,
                (n[i], math.exp(shown[i])),
                xytext=(-5 if right else 5, 4 if score[i] < 0 else -11),
                textcoords="offset points",
                ha="right" if right else "left",
                fontsize=FONT_SIZE - 1,
            )
            names.append(label)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # a count of incidents: whole numbers
    ax.set_yscale("log")
    lo, hi = math.exp(-spread), math.exp(spread)
    ax.set_ylim(lo, hi)
    _ratio_axis(ax.yaxis, lo, hi)
    ax.set_xlabel(t("aantal incidenten van de leerling"))
    ax.set_ylabel(t("reactie vergeleken met de rest"))
    ax.legend(fontsize=FONT_SIZE - 1, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    _style(ax)
    hide_overlaps(fig, names)  # most striking first: a name never covers another
    return Chart("students", title, caption, fig)


def groups_chart(estimates: Sequence[Estimate]) -> Chart:
    """Strictness by group attribute and class: odds ratios with their intervals (a forest plot)."""
    title = t("Strengheid per groep")
    caption = t(
        "Per kenmerk en klas: reageerde je strenger of milder dan bij de rest, bij dezelfde afspraak en "
        "keer? De lijn is het 95 %-interval.",
    )
    rows = [e for e in estimates if e.kind == "group" and e.ci_low > 0 and math.isfinite(e.ci_high)]
    if not rows:
        return Chart(
            "groups",
            title,
            caption,
            None,
            t(
                "Geen groepen om te vergelijken: voeg kenmerken toe aan de leerlingen of log in meer "
                "dan één klas.",
            ),
        )
    rows = sorted(rows, key=lambda e: (e.dimension != "group", e.dimension, e.subject))[:24]
    names = [
        short_label(f"{_dimension_name(e.dimension)}: {e.label or e.subject} (n={e.n})", 36) for e in rows
    ]
    lines = sum(1 + name.count("\n") for name in names)  # a two-line name needs two lines of room
    fig = _figure(7.0, max(2.6, 0.19 * lines + 0.13 * len(rows) + 1.2))
    ax = fig.add_subplot()
    ys = list(range(len(rows)))[::-1]
    for y, e in zip(ys, rows, strict=True):
        colour = (STRICTER if e.effect > 1 else MILDER) if e.flagged else NEUTRAL
        ax.plot([e.ci_low, e.ci_high], [y, y], color=colour, lw=2 if e.flagged else 1.2)
        ax.plot([e.effect], [y], "o", color=colour, ms=6 if e.flagged else 4)
    ax.set_yticks(ys, names, fontsize=FONT_SIZE - 1)
    ax.axvline(1.0, color=NEUTRAL, lw=0.8)
    ax.set_xscale("log")
    lo = min(0.25, min(e.ci_low for e in rows) * 0.9)
    hi = max(4.0, max(e.ci_high for e in rows) * 1.1)
    lo, hi = max(lo, 1 / 16), min(hi, 16.0)
    ax.set_xlim(lo, hi)
    _ratio_axis(ax.xaxis, lo, hi)
    _style(ax)
    return Chart("groups", title, caption, fig)


def _dimension_name(dimension: str) -> str:
    return t("klas") if dimension == "group" else dimension


def moments_chart(moments: Sequence[MomentCell]) -> Chart:
    """Weekday × lesson period heat map of how responses deviated from the ladder."""
    title = t("Momenten")
    caption = t(
        "Per dag en lesuur: oranje is vaker strenger dan de ladder, blauw vaker milder; het getal is "
        "het aantal incidenten.",
    )
    cells = [m for m in moments if m.n > 0 or m.lessons > 0]
    with_lessons = any(m.lessons > 0 for m in cells)
    if with_lessons:
        caption = t(
            "Per dag en lesuur: oranje is vaker strenger dan de ladder, blauw vaker milder; het getal is "
            "het aantal incidenten / het aantal gegeven lessen. Wit: lessen zonder één incident.",
        )
    if not any(m.n > 0 for m in cells):
        return Chart(
            "moments",
            title,
            caption,
            None,
            t("Nog geen incidenten met een datum en lesuur."),
        )
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    days = [d for d in WEEKDAYS if any(m.weekday == d for m in cells)]
    periods = sorted({m.period for m in cells}, key=period_order)
    grid = np.full((len(days), len(periods)), np.nan)
    counts = np.zeros_like(grid)
    taught = np.zeros_like(grid)
    for m in cells:
        if m.weekday in days:
            i, j = days.index(m.weekday), periods.index(m.period)
            counts[i, j], taught[i, j] = m.n, m.lessons
            if m.n:
                grid[i, j] = m.score
    cmap = LinearSegmentedColormap.from_list("milder_stricter", [MILDER, "#F7F7F7", STRICTER]).with_extremes(
        bad=EMPTY
    )
    vmax = max(0.2, float(np.nanmax(np.abs(grid))))
    fig = _figure(7.0, 3.6)
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-vmax, vmax=vmax, aspect="auto")
    from matplotlib.patches import Rectangle

    empty = calm = None
    for i, j in zip(*np.nonzero(counts == 0), strict=True):  # no incidents here: not 'as agreed'
        if taught[i, j] > 0:  # lessons without a single incident: calm, not missing
            calm = ax.add_patch(
                Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#FFFFFF", edgecolor="#B0B0B0", lw=0.8)
            )
            continue
        empty = ax.add_patch(
            Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=EMPTY, edgecolor="#B0B0B0", hatch="///", lw=0)
        )
    handles = []
    if empty is not None:
        empty.set_label(t("geen lessen") if with_lessons else t("geen incidenten"))
        handles.append(empty)
    if calm is not None:
        calm.set_label(t("lessen zonder incidenten"))
        handles.append(calm)
    if handles:
        ax.legend(
            handles=handles,
            ncols=len(handles),
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            frameon=False,
            fontsize=FONT_SIZE - 1,
        )
    for i in range(len(days)):
        for j in range(len(periods)):
            if counts[i, j] or taught[i, j]:
                label = f"{int(counts[i, j])}/{int(taught[i, j])}" if with_lessons else str(int(counts[i, j]))
                ax.text(
                    j,
                    i,
                    label,
                    ha="center",
                    va="center",
                    fontsize=FONT_SIZE - 1,
                    color="black" if not counts[i, j] or abs(grid[i, j]) < 0.6 * vmax else "white",
                )
    ax.set_xticks(range(len(periods)), [_period_name(p) for p in periods])
    ax.set_yticks(range(len(days)), [weekday_name(d) for d in days])
    ax.set_xlabel(t("lesuur"))
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_ticks(
        [-vmax, 0, vmax],
        labels=[t("milder"), t("volgens ladder"), t("strenger")],
    )
    bar.ax.tick_params(labelsize=FONT_SIZE - 1)
    _style(ax)
    return Chart("moments", title, caption, fig)


CHART_KEYS = ("students", "groups", "moments", "adherence", "escalation", "praise", "weekly")


def chart_for(
    report: AuditReport,
    key: str,
    *,
    highlight: date | None = None,
    plan: Sequence[tuple[date, str]] = (),
    show_names: bool = True,
    choices: Sequence[tuple[date, str]] = (),
) -> Chart:
    """One chart of the report by its key (one of ``CHART_KEYS``); ``choices`` marks prepared choices."""
    if key == "students":
        return funnel_chart(report.students, show_names=show_names)
    if key == "groups":
        return groups_chart(report.estimates)
    if key == "moments":
        return moments_chart(report.moments)
    if key == "adherence":
        return adherence_chart(report.adherence)
    if key == "escalation":
        return escalation_chart(report.escalation)
    if key == "praise":
        return praise_chart(report.praise, show_names=show_names, n_praise=report.n_praise)
    if key == "weekly":
        return weekly_chart(report.weekly, highlight=highlight, plan=plan, choices=choices)
    raise ValueError(f"unknown chart: {key}")


def all_charts(
    report: AuditReport,
    *,
    highlight: date | None = None,
    plan: Sequence[tuple[date, str]] = (),
    show_names: bool = True,
) -> tuple[Chart, ...]:
    """Every chart of the reflection page, in the order shown."""
    return tuple(
        chart_for(report, key, highlight=highlight, plan=plan, show_names=show_names) for key in CHART_KEYS
    )
