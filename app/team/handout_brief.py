"""Page 1 of the team handout: the summary a team reads in two minutes.

How often the ladder was followed, the patterns the audit found (counts and percentages, how sure in
words), what the teacher wants to discuss and the cases by title. Everything here comes from the shared
tables of the summary, so it says nothing the rest of the handout does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.i18n import current_language, t
from app.team.pdf_layout import GREY, bullets, heading, paragraph

if TYPE_CHECKING:
    from fpdf import FPDF

    from app.team.anonymise import SharedTable, TeamSummary

#: at most this many patterns on page 1 (all of them are in the table further on)
MAX_PATTERNS = 5


def _rows(tb: SharedTable) -> list[dict[str, Any]]:
    return [dict(zip(tb.columns, row, strict=True)) for row in tb.rows]


def _pct(value: object) -> str:
    number = float(value) if isinstance(value, int | float) else 0.0
    text = f"{number:.0f}" if number >= 10 or number == 0 else f"{number:.1f}"
    return text.replace(".", ",") if current_language() == "nl" else text


def adherence_line(summary: TeamSummary) -> str | None:
    """'Bij 1.234 incidenten: 81 % volgens afspraak, 12 % strenger, 7 % milder.' (None without the table)."""
    tb = summary.table("adherence")
    if tb is None or not tb.rows:
        return None
    rows = _rows(tb)
    n = sum(int(r["n"]) for r in rows)
    if not n:
        return None
    share = {k: 100 * sum(int(r[k]) for r in rows) / n for k in ("agreed", "stricter", "milder")}
    return t(
        "Bij {n} incidenten gaf ik {a} % van de keren de afgesproken stap, {s} % een zwaardere en {m} % een "
        "lichtere.",
        n=n,
        a=_pct(share["agreed"]),
        s=_pct(share["stricter"]),
        m=_pct(share["milder"]),
    )


def pattern_lines(summary: TeamSummary) -> list[str]:
    """The notable patterns of the audit in one line each, counts first ('' when none is shared)."""
    tb = summary.table("patterns")
    if tb is None:
        return []
    out = []
    for r in _rows(tb):
        if not r["flagged"]:
            continue
        out.append(
            t(
                "{s} ({d}), {r}: {k} van {n} keer ({p} %), bij de rest {rp} %. Hoe zeker: {w}.",
                s=r["subject"],
                d=r["dimension"],
                r=r["direction"],
                k=r["k"],
                n=r["n"],
                p=_pct(r["pct"]),
                rp=_pct(r["rest_pct"]),
                w=r["how_sure"],
            )
        )
    return out[:MAX_PATTERNS]


def brief(pdf: FPDF, summary: TeamSummary) -> None:
    """Write the one-page summary (after the title and the period)."""
    heading(pdf, t("In het kort"), 13)
    if (line := adherence_line(summary)) is not None:
        paragraph(pdf, line, 10)
    patterns = pattern_lines(summary)
    if summary.table("patterns") is not None:
        heading(pdf, t("Wat de audit opvallend vond"), 11)
        if patterns:
            bullets(pdf, patterns)
        else:
            paragraph(
                pdf,
                t("Geen groep of moment waar ik aantoonbaar strenger of milder was dan bij de rest."),
                9.5,
            )
    if summary.points:
        heading(pdf, t("Wat ik wil bespreken"), 11)
        bullets(pdf, summary.points)
    if summary.cases:
        heading(pdf, t("Casussen"), 11)
        bullets(
            pdf,
            [
                t("Casus {i}: {r}, {k}e keer in de les", i=i, r=card.rule, k=card.strike)
                for i, card in enumerate(summary.cases, start=1)
            ],
        )
    paragraph(
        pdf,
        t(
            "De tabellen, grafieken en casussen staan op de volgende bladzijden; alle cijfers ook in de "
            "CSV-bestanden."
        ),
        8,
        GREY,
    )
