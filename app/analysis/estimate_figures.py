"""Charts of the estimates beside the flags: adherence per rule, escalation, praise, the weekly trend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.analysis.figure_style import (
    AGREED,
    FONT_SIZE,
    HIGHLIGHT,
    MILDER,
    NEUTRAL,
    SERIES,
    STRICTER,
    Chart,
    _figure,
    _num,
    _num_to_date,
    _patch,
    _percent,
    _style,
    hide_overlaps,
    short_date,
    short_label,
)
from app.core.i18n import t

if TYPE_CHECKING:
    from app.analysis.results import (
        EscalationPoint,
        PraisePoint,
        RuleStrikeAdherence,
        WeeklyPoint,
    )


def adherence_chart(adherence: Sequence[RuleStrikeAdherence]) -> Chart:
    """Per rule: share of responses as agreed, stricter (skipped upward) and milder (softened)."""
    title = t("Per afspraak")
    caption = t(
        "Per afspraak, alle keren samen: hoe vaak je de ladder volgde (grijs), een stap oversloeg naar "
        "strenger (oranje) of milder reageerde (blauw).",
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
            t("Nog geen incidenten gelogd bij een afspraak."),
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
        _patch(MILDER, t("milder")),
        _patch(AGREED, t("volgens ladder")),
        _patch(STRICTER, t("strenger")),
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


def escalation_chart(escalation: Sequence[EscalationPoint]) -> Chart:
    """Chance of a consequence (not a warning) by strike, for everyone and per class."""
    title = t("Escalatie per keer")
    caption = t(
        "Hoe vaak de 1e, 2e, 3e… keer in een les al een consequentie kreeg, voor iedereen (zwart) en "
        "per klas; de streepjes zijn 95 %-intervallen.",
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
            t("Nog geen incidenten om escalatie te tonen."),
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
        label = t("iedereen") if key[0] == "all" else key[1]
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
    ax.set_xticks(strikes, [f"{s}e" if t("nl") == "nl" else str(s) for s in strikes])
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(_percent())
    ax.set_xlabel(t("keer in dezelfde les"))
    ax.set_ylabel(t("kreeg een consequentie"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left")
    _style(ax)
    return Chart("escalation", title, caption, fig)


def praise_chart(praise: Sequence[PraisePoint], *, show_names: bool = True, n_praise: int = 0) -> Chart:
    """Praise against correction per student, with the overall ratio as a line.

    ``n_praise`` is the number of compliments in the period, so an empty chart does not claim there are
    none when only the corrections are missing.
    """
    title = t("Complimenten en correcties")
    caption = t(
        "Elke stip is een leerling: correcties (incidenten) tegen complimenten; de lijn is jouw "
        "gemiddelde verhouding.",
    )
    rows = [p for p in praise if p.kind == "student" and p.praise + p.corrections > 0]
    if not rows or sum(p.praise for p in rows) == 0:
        if n_praise > 0 and not any(p.corrections for p in rows):
            empty = t(
                "Je logde {n} complimenten en nog geen incidenten: de verhouding verschijnt zodra er ook "
                "correcties zijn.",
                n=n_praise,
            )
        else:
            empty = t(
                "Nog geen complimenten gelogd: log ook wat goed gaat, dan verschijnt hier de verhouding.",
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
        label=t("gemiddeld {r} compliment per correctie", r=_num(ratio, 2)),
    )
    names = []
    if show_names:
        few = sorted(rows, key=lambda p: p.praise - ratio * p.corrections)[:3]
        named = sorted((p for p in few if p.corrections >= 5), key=lambda p: -p.corrections)
        for index, p in enumerate(named):
            # labels point inwards and step up and down, so neighbours at the same height stay readable
            right_half = p.corrections > max(xs) / 2
            label = ax.annotate(
                p.label,
                (p.corrections, p.praise),
                xytext=(-5 if right_half else 5, (4, -12, 16)[index]),
                textcoords="offset points",
                ha="right" if right_half else "left",
                fontsize=FONT_SIZE - 1,
            )
            names.append(label)
    from matplotlib.ticker import MaxNLocator

    ax.set_xlim(0, top)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers only
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(t("correcties (incidenten)"))
    ax.set_ylabel(t("complimenten"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left")
    _style(ax)
    hide_overlaps(fig, names)
    return Chart("praise", title, caption, fig)


def weekly_chart(
    weekly: Sequence[WeeklyPoint],
    *,
    highlight: date | None = None,
    plan: Sequence[tuple[date, str]] = (),
    choices: Sequence[tuple[date, str]] = (),
) -> Chart:
    """Weekly share of stricter and milder responses, the selected week shaded, phase-down steps and
    the start of prepared choices marked."""
    title = t("Verloop per week")
    caption = t(
        "Per week het aandeel strenger (oranje) en milder (blauw) dan de ladder, met een lichte band voor "
        "het 95 %-interval (breed in weken met weinig incidenten); stippellijnen zijn geplande "
        "afbouwstappen, streepjeslijnen het begin van een voorbereide keuze, de gele band is de gekozen "
        "week.",
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
            ),
        )
    fig = _figure()
    ax = fig.add_subplot()
    # matplotlib places dates through its unit converters; its type stubs only know floats
    xs: Any = [w.week_start for w in points]
    for attr, colour, label in (
        ("stricter", STRICTER, t("strenger")),
        ("milder", MILDER, t("milder")),
    ):
        props = [getattr(w, attr) for w in points]
        ax.fill_between(xs, [p.low for p in props], [p.high for p in props], color=colour, alpha=0.15, lw=0)
        ax.plot(xs, [p.share for p in props], marker="o", ms=3, color=colour, label=label)
    if highlight is not None:
        middle: Any = datetime.combine(highlight, datetime.min.time())
        half = timedelta(days=3.5)
        ax.axvspan(middle - half, middle + half, color=HIGHLIGHT, alpha=0.5, lw=0, zorder=0)
    # The plan itself (when given) is the more complete source; the weekly points only repeat it.
    marks = {(d, text) for d, text in plan} or {
        (w.week_start, text) for w in points for text in w.planned_changes
    }
    first, last = xs[0], xs[-1] + timedelta(days=7)
    d: Any
    styled = [(d, text, ":") for d, text in marks] + [(d, text, "--") for d, text in choices]
    for d, text, line in sorted(styled):
        if first <= d <= last:
            ax.axvline(d, color=NEUTRAL, ls=line, lw=1)
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
    ax.set_ylabel(t("aandeel van de incidenten"))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper right")
    _style(ax)
    return Chart("weekly", title, caption, fig)
