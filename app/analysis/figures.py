"""matplotlib figures from audit results (no Qt, no pyplot): reused by the reflection page and the PDF.

Every chart comes back as a :class:`Chart` with a title and a one-line caption; when the data for it is
missing, ``figure`` is None and ``empty`` says what is missing. Colours follow Okabe–Ito (colour-blind
safe): vermillion for *stricter* than the ladder, blue for *milder*, grey for *as agreed*; the heat map
uses a blue–white–vermillion diverging map built from the same two colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.core.i18n import t
from app.core.vocabulary import MONTHS_SHORT_EN, MONTHS_SHORT_NL, WEEKDAY_SHORT_NL, WEEKDAYS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from app.analysis.results import (
        AuditReport,
        EscalationPoint,
        Estimate,
        MomentCell,
        PraisePoint,
        RuleStrikeAdherence,
        StudentStrictness,
        WeeklyPoint,
    )

STRICTER = "#D55E00"  #: Okabe–Ito vermillion
MILDER = "#0072B2"  #: Okabe–Ito blue
AGREED = "#BBBBBB"
NEUTRAL = "#555555"
HIGHLIGHT = "#F0E442"  #: Okabe–Ito yellow
SERIES = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00")
FONT_SIZE = 10


@dataclass(frozen=True)
class Chart:
    """One chart: a figure (or None with the reason in ``empty``), a title and a one-line caption."""

    key: str
    title: str
    caption: str
    figure: Figure | None
    empty: str = ""


def _figure(width: float = 7.0, height: float = 4.2) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig


def _style(ax: Any) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.tick_params(labelsize=FONT_SIZE - 1)
    ax.xaxis.label.set_size(FONT_SIZE)
    ax.yaxis.label.set_size(FONT_SIZE)


def _num(x: float, digits: int = 1) -> str:
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if t("nl", "en") == "nl" else text


def weekday_name(day: str) -> str:
    """A lowercase English weekday as a short word in the user's language."""
    return t(WEEKDAY_SHORT_NL.get(day, day), day[:3].capitalize())


def short_date(d: date) -> str:
    """'3 nov' (Dutch) or '3 Nov' (English)."""
    return f"{d.day} {t(MONTHS_SHORT_NL[d.month - 1], MONTHS_SHORT_EN[d.month - 1])}"


def _ratio_axis(axis: Any, lo: float, hi: float) -> None:
    """A log-scaled odds-ratio axis with plain tick labels ('2× strenger', 'gelijk', '2× milder')."""
    from matplotlib.ticker import FixedLocator, NullLocator

    ticks = [v for v in (1 / 16, 1 / 8, 1 / 4, 1 / 2, 1.0, 2.0, 4.0, 8.0, 16.0) if lo <= v <= hi] or [1.0]
    labels = []
    # on a horizontal axis the labels sit side by side: two short lines each, so they do not run together
    gap = "\n" if getattr(axis, "axis_name", "y") == "x" else " "
    for v in ticks:
        if v == 1.0:
            labels.append(t("gelijk", "equal"))
        elif v > 1:
            labels.append(t("{x}×{g}strenger", "{x}×{g}stricter", x=int(v), g=gap))
        else:
            labels.append(t("{x}×{g}milder", "{x}×{g}milder", x=round(1 / v), g=gap))
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_minor_locator(NullLocator())
    axis.set_ticklabels(labels)


def funnel_chart(students: Sequence[StudentStrictness], *, show_names: bool = True) -> Chart:
    """Strictness by student as a funnel plot: deviation against the number of comparable incidents."""
    title = t("Strengheid per leerling", "Strictness by student")
    caption = t(
        "Elke stip is een leerling, vergeleken bij dezelfde afspraak en keer; binnen de trechter valt "
        "het verschil binnen het toeval. Dit is geen rangorde.",
        "Each dot is a student, compared at the same rule and strike; inside the funnel the difference "
        "is within chance. This is not a ranking.",
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
                "Too few students with incidents yet (at least 3 needed) to draw a funnel.",
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
    for z, style, name in ((1.96, "--", "95 %"), (3.09, ":", t("99,8 %", "99.8 %"))):
        half = z * k / np.sqrt(grid)
        ax.plot(grid, np.exp(half), style, color=NEUTRAL, lw=1, label=t("grens {p}", "{p} limit", p=name))
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
    if show_names:
        far = sorted(np.flatnonzero(outside), key=lambda i: -abs(score[i]) / limit95[i])[:6]
        for i in far:
            right = n[i] > 0.7 * n.max()  # near the right edge the name goes to the left of its dot
            ax.annotate(
                rows[i].label,
                (n[i], math.exp(shown[i])),
                xytext=(-5 if right else 5, 4 if score[i] < 0 else -11),
                textcoords="offset points",
                ha="right" if right else "left",
                fontsize=FONT_SIZE - 1,
            )
    ax.set_yscale("log")
    lo, hi = math.exp(-spread), math.exp(spread)
    ax.set_ylim(lo, hi)
    _ratio_axis(ax.yaxis, lo, hi)
    ax.set_xlabel(t("aantal incidenten van de leerling", "the student's number of incidents"))
    ax.set_ylabel(t("reactie vergeleken met de rest", "response compared with the rest"))
    ax.legend(fontsize=FONT_SIZE - 1, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    _style(ax)
    return Chart("students", title, caption, fig)


def groups_chart(estimates: Sequence[Estimate]) -> Chart:
    """Strictness by group attribute and class: odds ratios with their intervals (a forest plot)."""
    title = t("Strengheid per groep", "Strictness by group")
    caption = t(
        "Per kenmerk en klas: reageerde je strenger of milder dan bij de rest, bij dezelfde afspraak en "
        "keer? De lijn is het 95 %-interval.",
        "Per attribute and class: stricter or milder than with the rest, at the same rule and strike? "
        "The line is the 95 % interval.",
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
                "No groups to compare: add attributes to students or log in more than one class.",
            ),
        )
    rows = sorted(rows, key=lambda e: (e.dimension != "group", e.dimension, e.subject))[:24]
    fig = _figure(7.0, max(2.6, 0.32 * len(rows) + 1.2))
    ax = fig.add_subplot()
    ys = list(range(len(rows)))[::-1]
    for y, e in zip(ys, rows, strict=True):
        colour = (STRICTER if e.effect > 1 else MILDER) if e.flagged else NEUTRAL
        ax.plot([e.ci_low, e.ci_high], [y, y], color=colour, lw=2 if e.flagged else 1.2)
        ax.plot([e.effect], [y], "o", color=colour, ms=6 if e.flagged else 4)
    names = [
        short_label(f"{_dimension_name(e.dimension)}: {e.label or e.subject} (n={e.n})", 36) for e in rows
    ]
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
    return t("klas", "class") if dimension == "group" else dimension


def moments_chart(moments: Sequence[MomentCell]) -> Chart:
    """Weekday × lesson period heat map of how responses deviated from the ladder."""
    title = t("Momenten", "Moments")
    caption = t(
        "Per dag en lesuur: oranje is vaker strenger dan de ladder, blauw vaker milder; het getal is "
        "het aantal incidenten.",
        "Per day and period: orange is more often stricter than the ladder, blue more often milder; "
        "the number is the count of incidents.",
    )
    cells = [m for m in moments if m.n > 0]
    if not cells:
        return Chart(
            "moments",
            title,
            caption,
            None,
            t("Nog geen incidenten met een datum en lesuur.", "No incidents with a date and period yet."),
        )
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    days = [d for d in WEEKDAYS if any(m.weekday == d for m in cells)]
    periods = sorted({m.period for m in cells}, key=period_order)
    grid = np.full((len(days), len(periods)), np.nan)
    counts = np.zeros_like(grid)
    for m in cells:
        if m.weekday in days:
            i, j = days.index(m.weekday), periods.index(m.period)
            grid[i, j], counts[i, j] = m.score, m.n
    cmap = LinearSegmentedColormap.from_list("milder_stricter", [MILDER, "#F7F7F7", STRICTER]).with_extremes(
        bad="#FFFFFF"
    )
    vmax = max(0.2, float(np.nanmax(np.abs(grid))))
    fig = _figure(7.0, 3.6)
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-vmax, vmax=vmax, aspect="auto")
    for i in range(len(days)):
        for j in range(len(periods)):
            if counts[i, j]:
                ax.text(
                    j,
                    i,
                    str(int(counts[i, j])),
                    ha="center",
                    va="center",
                    fontsize=FONT_SIZE - 1,
                    color="black" if abs(grid[i, j]) < 0.6 * vmax else "white",
                )
    ax.set_xticks(range(len(periods)), [_period_name(p) for p in periods])
    ax.set_yticks(range(len(days)), [weekday_name(d) for d in days])
    ax.set_xlabel(t("lesuur", "period"))
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_ticks(
        [-vmax, 0, vmax],
        labels=[t("milder", "milder"), t("volgens ladder", "as agreed"), t("strenger", "stricter")],
    )
    bar.ax.tick_params(labelsize=FONT_SIZE - 1)
    _style(ax)
    return Chart("moments", title, caption, fig)


def period_order(period: str) -> tuple[int, int, str]:
    """Lesson periods ('1', '2', ...) first, then hour bands by their first hour ('9-10' before '10-11')."""
    text = str(period)
    if text.isdigit():
        return (0, int(text), text)
    head = text.split("-", 1)[0]
    return (1, int(head), text) if head.isdigit() else (2, 0, text)


def short_label(text: str, width: int = 28, lines: int = 2) -> str:
    """A long rule or group name on at most ``lines`` lines of about ``width`` characters ('…' if cut)."""
    import textwrap

    wrapped = textwrap.wrap(text, width) or [text]
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    last = textwrap.shorten(" ".join(wrapped[lines - 1 :]), width, placeholder="…")
    if last == "…":  # one very long word
        last = wrapped[lines - 1][: width - 1] + "…"
    return "\n".join([*wrapped[: lines - 1], last])


def _period_name(period: str) -> str:
    text = str(period)
    return f"{text}e" if text.isdigit() and t("nl", "en") == "nl" else (text or "?")


def adherence_chart(adherence: Sequence[RuleStrikeAdherence]) -> Chart:
    """Per rule: share of responses as agreed, stricter (skipped upward) and milder (softened)."""
    title = t("Per afspraak", "Per rule")
    caption = t(
        "Per afspraak, alle keren samen: hoe vaak je de ladder volgde (grijs), een stap oversloeg naar "
        "strenger (oranje) of milder reageerde (blauw).",
        "Per rule, all strikes together: how often you followed the ladder (grey), skipped up to "
        "stricter (orange) or answered milder (blue).",
    )
    per_rule: dict[str, list[int]] = {}
    for a in adherence:
        totals = per_rule.setdefault(a.rule, [0, 0, 0])
        totals[0] += a.n
        totals[1] += a.stricter.k
        totals[2] += a.milder.k
    rules = [r for r, v in per_rule.items() if v[0] > 0]
    if not rules:
        return Chart(
            "adherence",
            title,
            caption,
            None,
            t("Nog geen incidenten gelogd bij een afspraak.", "No incidents logged against a rule yet."),
        )
    fig = _figure(7.0, max(2.4, 0.38 * len(rules) + 1.2))
    ax = fig.add_subplot()
    ys = list(range(len(rules)))[::-1]
    for y, rule in zip(ys, rules, strict=True):
        n, stricter, milder = per_rule[rule]
        shares = (milder / n, (n - stricter - milder) / n, stricter / n)
        left = 0.0
        for share, colour in zip(shares, (MILDER, AGREED, STRICTER), strict=True):
            ax.barh(y, share, left=left, color=colour, height=0.7)
            left += share
        ax.text(1.01, y, f"n={n}", va="center", fontsize=FONT_SIZE - 1)
    ax.set_yticks(ys, [short_label(r) for r in rules], fontsize=FONT_SIZE - 1)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent())
    handles = [
        _patch(MILDER, t("milder", "milder")),
        _patch(AGREED, t("volgens ladder", "as agreed")),
        _patch(STRICTER, t("strenger", "stricter")),
    ]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=3,
        frameon=False,
        fontsize=FONT_SIZE - 1,
    )
    _style(ax)
    return Chart("adherence", title, caption, fig)


def _patch(colour: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(color=colour, label=label)


def _percent() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v * 100:.0f} %")


def escalation_chart(escalation: Sequence[EscalationPoint]) -> Chart:
    """Chance of a consequence (not a warning) by strike, for everyone and per class."""
    title = t("Escalatie per keer", "Escalation by strike")
    caption = t(
        "Hoe vaak de 1e, 2e, 3e… keer in een les al een consequentie kreeg, voor iedereen (zwart) en "
        "per klas; de streepjes zijn 95 %-intervallen.",
        "How often the 1st, 2nd, 3rd… strike in a lesson got a consequence, for everyone (black) and per "
        "class; the bars are 95 % intervals.",
    )
    series: dict[tuple[str, str], list[EscalationPoint]] = {}
    for p in escalation:
        if p.dimension in ("all", "group") and p.consequence.n > 0:
            series.setdefault((p.dimension, p.subject), []).append(p)
    if not series:
        return Chart(
            "escalation",
            title,
            caption,
            None,
            t("Nog geen incidenten om escalatie te tonen.", "No incidents yet to show escalation."),
        )
    if sum(1 for k in series if k[0] == "group") == 1:  # one class: its line would hide under everyone's
        series = {k: v for k, v in series.items() if k[0] != "group"}
    keys = sorted(series, key=lambda k: (k[0] != "all", k[1]))[:7]
    fig = _figure()
    ax = fig.add_subplot()
    for index, key in enumerate(keys):
        points = sorted(series[key], key=lambda p: p.strike)
        offset = (index - (len(keys) - 1) / 2) * 0.06
        xs = [p.strike + offset for p in points]
        ys = [p.consequence.share for p in points]
        err = [
            [p.consequence.share - p.consequence.low for p in points],
            [p.consequence.high - p.consequence.share for p in points],
        ]
        label = t("iedereen", "everyone") if key[0] == "all" else key[1]
        ax.errorbar(
            xs,
            ys,
            yerr=err,
            marker="o",
            ms=4,
            capsize=2,
            lw=2.2 if key[0] == "all" else 1.2,
            color=SERIES[index % len(SERIES)],
            label=label,
        )
    strikes = sorted({p.strike for k in keys for p in series[k]})
    ax.set_xticks(strikes, [f"{s}e" if t("nl", "en") == "nl" else str(s) for s in strikes])
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(_percent())
    ax.set_xlabel(t("keer in dezelfde les", "strike in the same lesson"))
    ax.set_ylabel(t("kreeg een consequentie", "got a consequence"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left")
    _style(ax)
    return Chart("escalation", title, caption, fig)


def praise_chart(praise: Sequence[PraisePoint], *, show_names: bool = True, n_praise: int = 0) -> Chart:
    """Praise against correction per student, with the overall ratio as a line.

    ``n_praise`` is the number of compliments in the period, so an empty chart does not claim there are
    none when only the corrections are missing.
    """
    title = t("Complimenten en correcties", "Praise and correction")
    caption = t(
        "Elke stip is een leerling: correcties (incidenten) tegen complimenten; de lijn is jouw "
        "gemiddelde verhouding.",
        "Each dot is a student: corrections (incidents) against praise; the line is your average ratio.",
    )
    rows = [p for p in praise if p.kind == "student" and p.praise + p.corrections > 0]
    if not rows or sum(p.praise for p in rows) == 0:
        if n_praise > 0 and not any(p.corrections for p in rows):
            empty = t(
                "Je logde {n} complimenten en nog geen incidenten: de verhouding verschijnt zodra er ook "
                "correcties zijn.",
                "You logged {n} praise and no incidents yet: the ratio appears once there are corrections "
                "too.",
                n=n_praise,
            )
        else:
            empty = t(
                "Nog geen complimenten gelogd: log ook wat goed gaat, dan verschijnt hier de verhouding.",
                "No praise logged yet: log what goes well too, and the ratio appears here.",
            )
        return Chart("praise", title, caption, None, empty)
    fig = _figure()
    ax = fig.add_subplot()
    xs = [p.corrections for p in rows]
    ys = [p.praise for p in rows]
    ax.scatter(xs, ys, s=24, color=SERIES[2], edgecolor=NEUTRAL, lw=0.5, alpha=0.85, zorder=3)
    ratio = sum(ys) / max(1, sum(xs))
    top = max(xs) * 1.05 + 1
    ax.plot(
        [0, top],
        [0, ratio * top],
        color=NEUTRAL,
        lw=1,
        ls="--",
        label=t(
            "gemiddeld {r} compliment per correctie", "on average {r} praise per correction", r=_num(ratio, 2)
        ),
    )
    if show_names:
        few = sorted(rows, key=lambda p: p.praise - ratio * p.corrections)[:3]
        named = sorted((p for p in few if p.corrections >= 5), key=lambda p: -p.corrections)
        for index, p in enumerate(named):
            # labels point inwards and step up and down, so neighbours at the same height stay readable
            right_half = p.corrections > max(xs) / 2
            ax.annotate(
                p.label,
                (p.corrections, p.praise),
                xytext=(-5 if right_half else 5, (4, -12, 16)[index]),
                textcoords="offset points",
                ha="right" if right_half else "left",
                fontsize=FONT_SIZE - 1,
            )
    from matplotlib.ticker import MaxNLocator

    ax.set_xlim(0, top)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(t("correcties (incidenten)", "corrections (incidents)"))
    ax.set_ylabel(t("complimenten", "praise"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left")
    _style(ax)
    return Chart("praise", title, caption, fig)


def weekly_chart(
    weekly: Sequence[WeeklyPoint], *, highlight: date | None = None, plan: Sequence[tuple[date, str]] = ()
) -> Chart:
    """Weekly share of stricter and milder responses, the selected week shaded, phase-down steps marked."""
    title = t("Verloop per week", "Weekly trend")
    caption = t(
        "Per week het aandeel strenger (oranje) en milder (blauw) dan de ladder, met een lichte band voor "
        "het 95 %-interval (breed in weken met weinig incidenten); stippellijnen zijn geplande "
        "afbouwstappen, de gele band is de gekozen week.",
        "Per week the share stricter (orange) and milder (blue) than the ladder, with a light band for the "
        "95 % interval (wide in weeks with few incidents); dotted lines are planned phase-down steps, the "
        "yellow band is the chosen week.",
    )
    points = sorted((w for w in weekly if w.n > 0), key=lambda w: w.week_start)
    if len(points) < 2:
        return Chart(
            "weekly",
            title,
            caption,
            None,
            t(
                "Een verloop heeft minstens twee weken met incidenten nodig.",
                "A trend needs at least two weeks with incidents.",
            ),
        )
    fig = _figure()
    ax = fig.add_subplot()
    xs = [w.week_start for w in points]
    for attr, colour, label in (
        ("stricter", STRICTER, t("strenger", "stricter")),
        ("milder", MILDER, t("milder", "milder")),
    ):
        props = [getattr(w, attr) for w in points]
        ax.fill_between(xs, [p.low for p in props], [p.high for p in props], color=colour, alpha=0.15, lw=0)
        ax.plot(xs, [p.share for p in props], marker="o", ms=3, color=colour, label=label)
    if highlight is not None:
        middle = datetime.combine(highlight, datetime.min.time())
        half = timedelta(days=3.5)
        ax.axvspan(middle - half, middle + half, color=HIGHLIGHT, alpha=0.5, lw=0, zorder=0)
    # The plan itself (when given) is the more complete source; the weekly points only repeat it.
    marks = {(d, text) for d, text in plan} or {
        (w.week_start, text) for w in points for text in w.planned_changes
    }
    first, last = xs[0], xs[-1] + timedelta(days=7)
    for d, text in sorted(marks):
        if first <= d <= last:
            ax.axvline(d, color=NEUTRAL, ls=":", lw=1)
            ax.text(
                d,
                0.98,
                f" {text}",
                rotation=90,
                va="top",
                ha="left",
                fontsize=FONT_SIZE - 2,
                transform=ax.get_xaxis_transform(),
                color="#333333",
                bbox={"facecolor": "white", "alpha": 0.75, "linewidth": 0, "pad": 1},
            )
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: short_date(_num_to_date(v))))
    top = max(max(w.stricter.high for w in points), max(w.milder.high for w in points))
    ax.set_ylim(0, min(1.0, max(0.25, top * 1.15)))
    ax.yaxis.set_major_formatter(_percent())
    ax.set_ylabel(t("aandeel van de incidenten", "share of incidents"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper right")
    _style(ax)
    return Chart("weekly", title, caption, fig)


def _num_to_date(value: float) -> date:
    from matplotlib.dates import num2date

    return num2date(value).date()


CHART_KEYS = ("students", "groups", "moments", "adherence", "escalation", "praise", "weekly")


def chart_for(
    report: AuditReport,
    key: str,
    *,
    highlight: date | None = None,
    plan: Sequence[tuple[date, str]] = (),
    show_names: bool = True,
) -> Chart:
    """One chart of the report by its key (one of ``CHART_KEYS``)."""
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
        return weekly_chart(report.weekly, highlight=highlight, plan=plan)
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
