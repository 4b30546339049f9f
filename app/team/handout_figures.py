"""Charts for the team handout and the team comparison, drawn only from shared (anonymised) tables.

Where a chart of ``app.analysis.figures`` fits, it is reused with result objects rebuilt from the shared
tables (so nothing that was suppressed can reach a chart); the charts here are the ones the reflection
page does not have: the weekly trend by ISO week (no dates) and the teachers side by side per rule.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from app.analysis import figure_style, figures
from app.core.i18n import t
from app.team.anonymise import SharedTable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from app.team.compare import TeamComparison


def png(fig: Figure, dpi: int = 120) -> bytes:
    """A figure as PNG bytes (no metadata, so the same figure gives the same bytes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def _rows(table: SharedTable) -> list[dict[str, Any]]:
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def adherence_chart(table: SharedTable) -> figure_style.Chart:
    """The reflection page's per-rule chart, from the shared adherence table."""
    from app.analysis.results import RuleStrikeAdherence
    from app.analysis.stats import wilson

    items = []
    for r in _rows(table):
        if r["rule"] == "overig":
            continue
        n = int(r["n"])
        items.append(
            RuleStrikeAdherence(
                str(r["rule"]),
                str(r["category"]),
                int(str(r["strike_label"]).rstrip("+") or 0),
                n,
                wilson(int(r["agreed"]), n),
                wilson(int(r["stricter"]), n),
                wilson(int(r["milder"]), n),
            )
        )
    return figures.adherence_chart(items)


def escalation_chart(table: SharedTable) -> figure_style.Chart:
    """The reflection page's escalation chart, from the shared escalation table."""
    from app.analysis.results import EscalationPoint
    from app.analysis.stats import wilson

    everyone = t("iedereen")
    points = [
        EscalationPoint(
            "all" if r["group"] == everyone else "group",
            str(r["group"]),
            int(str(r["strike_label"]).rstrip("+")),
            wilson(int(r["cons"]), int(r["n"])),
        )
        for r in _rows(table)
    ]
    return figures.escalation_chart(points)


def groups_chart(table: SharedTable) -> figure_style.Chart:
    """The reflection page's forest plot of groups, from the shared audit patterns (groups only)."""
    from app.analysis.results import Counts, Estimate

    items = [
        Estimate(
            kind="group",
            dimension=str(r["dimension"]),
            subject=str(r["subject"]),
            label=str(r["subject"]),
            direction=str(r["direction"]),
            effect=float(r["effect"]),
            ci_low=float(r["ci_low"]),
            ci_high=float(r["ci_high"]),
            n=int(r["n"]),
            p=float(r["p_adjusted"]),
            p_adjusted=float(r["p_adjusted"]),
            flagged=bool(r["flagged"]),
            explanation="",
            counts=Counts(int(r["n"]), 0, 0, 0, 0, 0),
        )
        for r in _rows(table)
        if r["kind"] == "groep"
    ]
    return figures.groups_chart(items)


def weekly_chart(table: SharedTable) -> figure_style.Chart:
    """Share stricter and milder per ISO week (weeks under the threshold are missing, not zero)."""
    title = t("Per week")
    caption = t(
        "Per week: welk deel van de reacties strenger (oranje) of milder (blauw) was dan de ladder.",
    )
    rows = _rows(table)
    if len(rows) < 2:
        return figure_style.Chart("weekly", title, caption, None, t("Te weinig weken."))
    fig = figure_style._figure(7.0, 2.8)
    ax = fig.add_subplot()
    xs = list(range(len(rows)))
    ax.plot(
        xs,
        [float(r["pct_stricter"]) / 100 for r in rows],
        "o-",
        color=figure_style.STRICTER,
        ms=3,
        label=t("strenger"),
    )
    ax.plot(
        xs,
        [float(r["pct_milder"]) / 100 for r in rows],
        "o-",
        color=figure_style.MILDER,
        ms=3,
        label=t("milder"),
    )
    step = max(1, len(rows) // 10)
    ax.set_xticks(xs[::step], [str(r["week"]).split("-")[1] for r in rows][::step])
    top = max(float(r[c]) for r in rows for c in ("pct_stricter", "pct_milder")) / 100
    ax.set_ylim(0, min(1.0, max(0.2, top * 1.3)))
    ax.yaxis.set_major_formatter(figure_style._percent())
    ax.set_xlabel(t("week"))
    ax.legend(frameon=False, fontsize=figure_style.FONT_SIZE - 1, loc="upper left", ncols=2)
    figure_style._style(ax)
    return figure_style.Chart("weekly", title, caption, fig)


def compare_chart(comp: TeamComparison) -> figure_style.Chart:
    """Per shared rule, each teacher's shares milder / as agreed / stricter as stacked bars."""
    title = t("De docenten naast elkaar")
    caption = t(
        "Per afspraak en docent: milder (blauw), volgens de ladder (grijs), strenger (oranje); "
        "alle keren samen, n = aantal incidenten.",
    )
    bars = [(r.rule, tr) for r in comp.rules for tr in r.teachers]
    if not bars:
        return figure_style.Chart("compare", title, caption, None, t("Geen gedeelde afspraken."))
    fig = figure_style._figure(7.0, max(2.6, 0.22 * len(bars) + 0.35 * len(comp.rules) + 1.0))
    ax = fig.add_subplot()
    y, ticks, labels = 0.0, [], []
    for rule in comp.rules:
        for tr in rule.teachers:
            left = 0.0
            for share, colour in (
                (tr.milder.share, figure_style.MILDER),
                (tr.agreed.share, figure_style.AGREED),
                (tr.stricter.share, figure_style.STRICTER),
            ):
                ax.barh(y, share, left=left, color=colour, height=0.8)
                left += share
            ax.text(1.01, y, f"n={tr.n}", va="center", fontsize=figure_style.FONT_SIZE - 2)
            ticks.append(y)
            labels.append(f"{rule.rule[:28]} · {tr.teacher}")
            y -= 1
        y -= 0.6
    ax.set_yticks(ticks, labels, fontsize=figure_style.FONT_SIZE - 2)
    handles = [
        figure_style._patch(figure_style.MILDER, t("milder")),
        figure_style._patch(figure_style.AGREED, t("volgens ladder")),
        figure_style._patch(figure_style.STRICTER, t("strenger")),
    ]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=3,
        frameon=False,
        fontsize=figure_style.FONT_SIZE - 1,
    )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(figure_style._percent())
    figure_style._style(ax)
    return figure_style.Chart("compare", title, caption, fig)
