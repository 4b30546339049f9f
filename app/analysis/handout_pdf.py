"""The A4 handouts as PDF bytes (fpdf2, DejaVu fonts, matplotlib charts as images).

``handout_pdf(summary)`` is the one teacher's handout for the casuïstiekbespreking; it shows only what
is in the ``TeamSummary`` (a subset of each table's columns; the CSVs hold all). ``comparison_pdf``
is the team comparison. The creation date is fixed at the Unix epoch, so the same summary gives the
same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.analysis.anonymise import SharedTable, TeamSummary
from app.i18n import t

if TYPE_CHECKING:
    from fpdf import FPDF

    from app.analysis.figures import Chart
    from app.analysis.team_compare import TeamComparison

FONT = "DejaVu"
GREY = (90, 90, 90)
#: per table: the columns the PDF shows (the CSV has them all), with their relative widths
PDF_COLUMNS: dict[str, tuple[tuple[str, int], ...]] = {
    "rules": (("rule", 6), ("category", 2), ("n", 2), ("share", 2)),
    "adherence": (
        ("rule", 6),
        ("strike_label", 1),
        ("n", 2),
        ("pct_agreed", 2),
        ("pct_stricter", 2),
        ("pct_milder", 2),
        ("consequence", 2),
    ),
    "escalation": (("group", 4), ("strike_label", 2), ("n", 2), ("cons", 2), ("pct", 2)),
    "groups": (
        ("dimension", 3),
        ("value", 3),
        ("n", 2),
        ("stricter", 2),
        ("exp_stricter", 2),
        ("milder", 2),
        ("exp_milder", 2),
    ),
    "moments": (
        ("dimension", 3),
        ("value", 3),
        ("n", 2),
        ("stricter", 2),
        ("exp_stricter", 2),
        ("milder", 2),
        ("exp_milder", 2),
    ),
    "praise": (("group", 4), ("praise", 2), ("corrections", 2), ("pct_praise", 2), ("ratio", 3)),
    "patterns": (
        ("dimension", 3),
        ("subject", 3),
        ("direction", 2),
        ("effect", 2),
        ("ci_low", 2),
        ("ci_high", 2),
        ("n", 2),
        ("p_adjusted", 2),
        ("flagged", 2),
    ),
    "students": (
        ("student", 3),
        ("n", 2),
        ("stricter", 2),
        ("exp_stricter", 2),
        ("milder", 2),
        ("exp_milder", 2),
        ("praise", 2),
    ),
    "teachers": (("teacher", 3), ("week_from", 2), ("week_to", 2), ("incidents", 2)),
    "cells": (
        ("rule", 6),
        ("stratum", 1),
        ("teacher", 2),
        ("n", 2),
        ("agreed", 2),
        ("stricter", 2),
        ("milder", 2),
    ),
}
INTROS = {
    "adherence": t(
        "Per afspraak en per keer in dezelfde les: hoe vaak de reactie de ladder volgde, strenger was (een "
        "stap overgeslagen) of milder.",
        "Per rule and strike in the same lesson: how often the response followed the ladder, was stricter "
        "(a step skipped) or milder.",
    ),
    "groups": t(
        "'Verwacht' is wat je bij dezelfde afspraak en keer bij alle leerlingen samen deed, toegepast op "
        "de mix van deze groep: een groep die vaker een strenge afspraak breekt, lijkt zo niet strenger "
        "behandeld.",
        "'Expected' is what you did at the same rule and strike for all students together, applied to this "
        "group's mix: a group that breaks a strict rule more often does not look stricter treated.",
    ),
    "patterns": t(
        "Uit het model van de audit: odds ratio > 1 is strenger dan bij de rest, < 1 milder, bij dezelfde "
        "afspraak en keer. 'Opvallend' alleen na correctie voor alle toetsen samen.",
        "From the audit's model: odds ratio > 1 is stricter than for the rest, < 1 milder, at the same rule "
        "and strike. 'Notable' only after correction for all tests together.",
    ),
}


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return base / "DejaVuSans.ttf", base / "DejaVuSans-Bold.ttf"


def _num(value: Any) -> str:
    if isinstance(value, float):
        text = f"{value:.1f}" if abs(value) >= 10 or value == round(value, 1) else f"{value:.2f}"
        return text.replace(".", ",") if t("nl", "en") == "nl" else text
    return str(value)


def new_pdf(title: str) -> FPDF:
    """An A4 document with DejaVu fonts, page numbers in the footer and no creation date."""
    from fpdf import FPDF

    class _Doc(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, size=7)
            self.set_text_color(*GREY)
            self.cell(0, 5, f"{title} · {t('pagina', 'page')} {self.page_no()}/{{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = _Doc(orientation="P", unit="mm", format="A4")
    regular, bold = _fonts()
    pdf.add_font(FONT, "", str(regular))
    pdf.add_font(FONT, "B", str(bold))
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(title)
    pdf.set_creator("fair-strictness")
    # The Unix epoch instead of today (as reproducible builds do): same summary, same bytes.
    pdf.set_creation_date(datetime(1970, 1, 1, tzinfo=UTC))
    pdf.add_page()
    return pdf


def heading(pdf: FPDF, text: str, size: int = 12) -> None:
    """A section heading, starting a new page when little room is left."""
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def paragraph(pdf: FPDF, text: str, size: float = 9, colour: tuple[int, int, int] = (0, 0, 0)) -> None:
    """A paragraph of running text."""
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.48, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def table(pdf: FPDF, tb: SharedTable, *, title: bool = True, limit: int | None = None) -> None:
    """A shared table with its notes, in the columns the PDF shows (the first ``limit`` rows)."""
    if title:
        heading(pdf, tb.title, 11)
    if tb.key in INTROS:
        paragraph(pdf, INTROS[tb.key], 8, GREY)
    spec = PDF_COLUMNS.get(tb.key) or tuple((c, 2) for c in tb.columns)
    idx = [tb.columns.index(c) for c, _ in spec]
    if not tb.rows:
        paragraph(
            pdf,
            t("Niets te tonen boven de privacydrempel.", "Nothing to show above the privacy threshold."),
            8,
            GREY,
        )
    else:
        grid(
            pdf,
            [tb.headers[i] for i in idx],
            [[row[i] for i in idx] for row in tb.rows],
            [w for _, w in spec],
        )
    for note in tb.notes:
        paragraph(pdf, f"• {note}", 7.5, GREY)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """The text, shortened with an ellipsis when it does not fit the width."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def grid(pdf: FPDF, headers: Sequence[str], rows: Sequence[Sequence[Any]], weights: Sequence[float]) -> None:
    """A plain ruled table: bold wrapped headers (repeated after a page break), one line per row."""
    widths = [pdf.epw * w / sum(weights) for w in weights]
    right = [not isinstance(v, str) for v in rows[0]]
    line, pad = 4.6, 1.0

    def size_for(text: str, width: float) -> float:
        """The largest header size (7 pt down to 5) at which the longest word fits the column."""
        size = 7.0
        while size > 5.0:
            pdf.set_font(FONT, "B", size)
            if max(pdf.get_string_width(word) for word in text.split() or [""]) <= width:
                break
            size -= 0.5
        return size

    sizes = [size_for(h, w - 2 * pad) for w, h in zip(widths, headers, strict=True)]

    def header() -> None:
        lines = []
        for w, h, size in zip(widths, headers, sizes, strict=True):
            pdf.set_font(FONT, "B", size)
            lines.append(pdf.multi_cell(w - 2 * pad, 3.2, h, dry_run=True, output="LINES"))
        height = 3.2 * max(len(x) for x in lines) + 1.6
        x0, y0 = pdf.l_margin, pdf.get_y()
        pdf.set_fill_color(235, 235, 235)
        pdf.rect(x0, y0, pdf.epw, height, style="F")
        x = x0
        for w, text, is_right, size in zip(widths, headers, right, sizes, strict=True):
            pdf.set_font(FONT, "B", size)
            pdf.set_xy(x + pad, y0 + 0.8)
            pdf.multi_cell(w - 2 * pad, 3.2, text, align="R" if is_right else "L")
            x += w
        pdf.set_xy(x0, y0 + height)
        pdf.set_draw_color(150, 150, 150)
        pdf.line(x0, y0 + height, x0 + pdf.epw, y0 + height)

    header()
    pdf.set_font(FONT, "", 7.5)
    pdf.set_draw_color(220, 220, 220)
    margin, pdf.c_margin = pdf.c_margin, pad
    for row in rows:
        if pdf.get_y() + line > pdf.page_break_trigger:
            pdf.add_page()
            header()
            pdf.set_font(FONT, "", 7.5)
            pdf.set_draw_color(220, 220, 220)
        y = pdf.get_y()
        for w, value, is_right in zip(widths, row, right, strict=True):
            text = _fit(pdf, _num(value), w - 2 * pad)
            pdf.cell(w, line, text, align="R" if is_right else "L")
        pdf.set_xy(pdf.l_margin, y + line)
        pdf.line(pdf.l_margin, y + line, pdf.l_margin + pdf.epw, y + line)
    pdf.c_margin = margin
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(1.5)


def chart(pdf: FPDF, c: Chart, width: float = 150) -> None:
    """A chart with its caption (or the reason it is missing)."""
    from app.analysis.handout_figures import png

    if c.figure is None:
        return
    data = png(c.figure)
    w_in, h_in = c.figure.get_size_inches()
    height = width * h_in / w_in
    if pdf.get_y() + height + 12 > pdf.h - 16:
        pdf.add_page()
    pdf.set_font(FONT, "B", 9)
    pdf.cell(0, 5, c.title, new_x="LMARGIN", new_y="NEXT")
    pdf.image(data, x=(pdf.w - width) / 2, w=width, h=height)
    paragraph(pdf, c.caption, 7.5, GREY)


def _bullets(pdf: FPDF, items: Sequence[str], size: float = 9) -> None:
    for item in items:
        paragraph(pdf, f"• {item}", size)


def _int(n: int) -> str:
    return f"{n:,}".replace(",", ".") if t("nl", "en") == "nl" else f"{n:,}"


def handout_pdf(summary: TeamSummary) -> bytes:
    """The teacher's team handout: a few A4 pages in Dutch (or English), from the summary only."""
    from app.analysis import handout_figures as hf

    title = t("Teamoverzicht: hoe ik onze afspraken toepas", "Team summary: how I apply our agreements")
    pdf = new_pdf(title)
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    paragraph(
        pdf,
        t(
            "Periode: week {a} tot en met {b} ({w} weken met lessen). {i} incidenten in {l} lessen, {p} "
            "complimenten, {s} leerlingen.",
            "Period: week {a} to {b} ({w} weeks with lessons). {i} incidents in {l} lessons, {p} praise, "
            "{s} students.",
            a=summary.week_from,
            b=summary.week_to,
            w=summary.n_weeks,
            i=_int(summary.n_incidents),
            l=_int(summary.n_lessons),
            p=_int(summary.n_praise),
            s=_int(summary.n_students),
        ),
        10,
    )
    paragraph(pdf, " ".join(summary.notes), 8, GREY)
    if summary.points:
        heading(pdf, t("Wat ik wil bespreken", "What I want to discuss"))
        _bullets(pdf, summary.points)
    if summary.cases:
        heading(pdf, t("Casussen", "Cases"))
        outcome = {
            "stricter": t("strenger dan afgesproken", "stricter than agreed"),
            "milder": t("milder dan afgesproken", "milder than agreed"),
            "agreed": t("volgens afspraak", "as agreed"),
        }
        for i, card in enumerate(summary.cases, start=1):
            pdf.set_font(FONT, "B", 9.5)
            pdf.multi_cell(
                0,
                5,
                t(
                    "Casus {i}: {r} ({c}), {k}e keer in de les",
                    "Case {i}: {r} ({c}), strike {k} in the lesson",
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
                    "Done: {g}. Agreed: {a} ({o}).",
                    g=card.given,
                    a=card.agreed,
                    o=outcome.get(card.outcome, card.outcome),
                ),
                9,
            )
            paragraph(pdf, card.description, 9)
    heading(pdf, t("De ladder", "The ladder"), 11)
    kinds = {"warning": t("waarschuwing", "warning"), "consequence": t("consequentie", "consequence")}
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
    if (tb := summary.table("escalation")) is not None:
        chart(pdf, hf.escalation_chart(tb), 130)
    if (tb := summary.table("praise")) is not None:
        table(pdf, tb)
    if (tb := summary.table("weekly")) is not None:
        heading(pdf, tb.title, 11)
        chart(pdf, hf.weekly_chart(tb))
        for note in tb.notes:
            paragraph(pdf, f"• {note}", 7.5, GREY)
    if (tb := summary.table("students")) is not None:
        table(pdf, tb)
    heading(pdf, t("Wat er is weggelaten of samengevoegd", "What was left out or merged"), 11)
    _bullets(pdf, summary.suppressions, 8)
    return bytes(pdf.output())


def comparison_pdf(comp: TeamComparison, tables: Sequence[SharedTable]) -> bytes:
    """The team comparison: per shared rule, how each anonymous teacher applies the ladder."""
    from app.analysis import handout_figures as hf

    title = t(
        "Teamvergelijking: passen we de ladder hetzelfde toe?",
        "Team comparison: do we apply the ladder alike?",
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
            "{n} teachers, anonymous (A, B, ... in the order of the files). Per rule at least two teachers "
            "share: how often each followed the ladder, was stricter or milder, at the same strike in the "
            "lesson. Difference tested with chi-square over strikes (permutation test for small counts), all "
            "rules corrected together (Benjamini-Hochberg, FDR {q}).",
            n=len(comp.teachers),
            q=comp.fdr,
        ),
        9,
    )
    by_key = {tb.key: tb for tb in tables}
    table(pdf, by_key["teachers"])
    heading(pdf, t("Waar we uiteenlopen en waar niet", "Where we diverge and where not"))
    for rule in comp.rules:
        pdf.set_font(FONT, "B", 9.5)
        pdf.multi_cell(0, 5, rule.rule, new_x="LMARGIN", new_y="NEXT")
        paragraph(pdf, rule.explanation, 8.5)
    chart(pdf, hf.compare_chart(comp), 165)
    table(pdf, by_key["cells"])
    if comp.unshared:
        heading(pdf, t("Niet vergeleken", "Not compared"), 11)
        paragraph(
            pdf,
            t(
                "Afspraken die maar één docent (genoeg) logde: {r}.",
                "Rules only one teacher logged (enough of): {r}.",
                r=", ".join(comp.unshared),
            ),
            8.5,
        )
    return bytes(pdf.output())
