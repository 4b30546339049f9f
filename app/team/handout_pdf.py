"""The A4 handouts as PDF bytes (fpdf2, DejaVu fonts, matplotlib charts as images).

``handout_pdf(summary)`` is the one teacher's handout for the casuïstiekbespreking; it shows only what
is in the ``TeamSummary`` (a subset of each table's columns, see ``pdf_layout.PDF_COLUMNS``; the CSVs
hold all). ``comparison_pdf`` is the team comparison. The creation date is fixed at the Unix epoch, so
the same summary gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.core.i18n import t
from app.team.anonymise import SharedTable, TeamSummary
from app.team.pdf_layout import FONT, GREY, bullets, chart, heading, new_pdf, paragraph, table

if TYPE_CHECKING:
    from app.team.compare import TeamComparison


def _int(n: int) -> str:
    return f"{n:,}".replace(",", ".") if t("nl") == "nl" else f"{n:,}"


def handout_pdf(summary: TeamSummary) -> bytes:
    """The teacher's team handout: a few A4 pages in Dutch (or English), from the summary only."""
    from app.team import handout_figures as hf
    from app.team.handout_brief import brief

    title = t("Teamoverzicht: hoe ik onze afspraken toepas")
    pdf = new_pdf(title)
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    paragraph(
        pdf,
        t(
            "Periode: week {a} tot en met {b} ({w} met lessen). {i} incidenten in {l} lessen, {p} "
            "complimenten, {s} leerlingen.",
            a=summary.week_from,
            b=summary.week_to,
            w=(t("1 week") if summary.n_weeks == 1 else t("{n} weken", n=summary.n_weeks)),
            i=_int(summary.n_incidents),
            l=_int(summary.n_lessons),
            p=_int(summary.n_praise),
            s=_int(summary.n_students),
        ),
        10,
    )
    brief(pdf, summary)
    pdf.add_page()  # page 1 is the summary a team reads in two minutes; the details follow
    heading(pdf, t("De details"), 13)
    paragraph(pdf, " ".join(summary.notes), 8, GREY)
    if summary.cases:
        heading(pdf, t("Casussen"))
        outcome = {
            "stricter": t("strenger dan afgesproken"),
            "milder": t("milder dan afgesproken"),
            "agreed": t("volgens afspraak"),
        }
        for i, card in enumerate(summary.cases, start=1):
            pdf.set_font(FONT, "B", 9.5)
            pdf.multi_cell(
                0,
                5,
                t(
                    "Casus {i}: {r} ({c}), {k}e keer in de les",
                    i=i,
                    r=card.rule,
                    c=card.category,
                    k=card.strike,
                ),
                new_x="LMARGIN",
                new_y="NEXT",
            )
            paragraph(
                pdf,
                t(
                    "Gedaan: {g}. Afgesproken: {a} ({o}).",
                    g=card.given,
                    a=card.agreed,
                    o=outcome.get(card.outcome, card.outcome),
                ),
                9,
            )
            paragraph(pdf, card.description, 9)
    if summary.plans:
        heading(pdf, t("Voorbereide keuzes"))
        paragraph(pdf, t("Situaties die ik vooraf heb doordacht, en wat ik dan doe."), 8.5, GREY)
        for i, plan in enumerate(summary.plans, start=1):
            paragraph(pdf, t("{i}. {s} → {r}", i=i, s=plan.situation, r=plan.response), 9)
    heading(pdf, t("De ladder"), 11)
    kinds = {"warning": t("waarschuwing"), "consequence": t("consequentie")}
    paragraph(
        pdf, "  ·  ".join(f"{lv}. {name} ({kinds.get(kind, kind)})" for lv, name, kind in summary.ladder), 8.5
    )
    for key in ("rules", "adherence"):
        if (tb := summary.table(key)) is not None:
            table(pdf, tb)
    if (tb := summary.table("adherence")) is not None:
        chart(pdf, hf.adherence_chart(tb))
    for key in ("patterns", "groups", "moments", "escalation"):
        if (tb := summary.table(key)) is not None:
            table(pdf, tb, limit=15 if key == "patterns" else None)
        if key == "patterns" and tb is not None and tb.rows:
            for subject, dim, way, same in zip(
                *(tb.column(c) for c in ("subject", "dimension", "direction", "aliases")), strict=True
            ):
                if same:
                    paragraph(
                        pdf,
                        t(
                            "• {s} ({d}, {r}): in dit rooster niet te scheiden van {a}.",
                            s=subject,
                            d=dim,
                            r=way,
                            a=str(same).replace("; ", ", "),
                        ),
                        8,
                    )
            chart(pdf, hf.groups_chart(tb), 140)
    if (tb := summary.table("escalation")) is not None:
        chart(pdf, hf.escalation_chart(tb), 130)
    if (tb := summary.table("praise")) is not None:
        table(pdf, tb)
    if (tb := summary.table("followup")) is not None and (
        tb.rows or t("Geen nazorg bijgehouden.") not in tb.notes
    ):
        table(pdf, tb)
    if (tb := summary.table("weekly")) is not None:
        chart(pdf, hf.weekly_chart(tb), section=tb.title)
        for note in tb.notes:
            paragraph(pdf, f"• {note}", 7.5, GREY)
    if (tb := summary.table("students")) is not None:
        table(pdf, tb)
    heading(pdf, t("Wat er is weggelaten of samengevoegd"), 11)
    bullets(pdf, summary.suppressions, 8)
    return bytes(pdf.output())


def comparison_pdf(comp: TeamComparison, tables: Sequence[SharedTable]) -> bytes:
    """The team comparison: per shared rule, how each anonymous teacher applies the ladder."""
    from app.team import handout_figures as hf

    title = t(
        "Teamvergelijking: passen we de ladder hetzelfde toe?",
    )
    pdf = new_pdf(title)
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    paragraph(
        pdf,
        t(
            "{n} docenten, anoniem (A, B, ... in de volgorde van de bestanden). Per afspraak die minstens "
            "twee docenten delen: hoe vaak ieder de ladder volgde, strenger of milder was, bij dezelfde keer "
            "in de les. Verschil getoetst met chi-kwadraat over de keren (permutatietoets bij kleine "
            "aantallen), alle afspraken samen gecorrigeerd (Benjamini-Hochberg, FDR {q}).",
            n=len(comp.teachers),
            q=comp.fdr,
        ),
        9,
    )
    by_key = {tb.key: tb for tb in tables}
    table(pdf, by_key["teachers"])
    if comp.ladders_differ:
        paragraph(
            pdf,
            t(
                "Let op: de ladders van de docenten verschillen. Iedereen wordt vergeleken met de eigen "
                "ladder; bespreek ook de ladders zelf.",
            ),
            9,
        )
    heading(pdf, t("Waar we uiteenlopen en waar niet"))
    for rule in comp.rules:
        pdf.set_font(FONT, "B", 9.5)
        pdf.multi_cell(0, 5, rule.rule, new_x="LMARGIN", new_y="NEXT")
        paragraph(pdf, rule.explanation, 8.5)
    chart(pdf, hf.compare_chart(comp), 165)
    table(pdf, by_key["shares"])
    table(pdf, by_key["cells"])
    if comp.unshared:
        heading(pdf, t("Niet vergeleken"), 11)
        paragraph(
            pdf,
            t(
                "Afspraken die maar één docent (genoeg) logde: {r}.",
                r=", ".join(comp.unshared),
            ),
            8.5,
        )
    return bytes(pdf.output())
