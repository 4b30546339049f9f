"""Layout helpers for the A4 handouts (fpdf2): fonts, headings, paragraphs, ruled tables, charts.

Which columns of each shared table the PDF shows is decided here (``PDF_COLUMNS``); the CSVs hold them
all, and the Team page's preview shows the same columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import t
from app.team.anonymise import SharedTable

if TYPE_CHECKING:
    from fpdf import FPDF

    from app.analysis.figures import Chart

FONT = "DejaVu"
GREY = (90, 90, 90)
#: per table: the columns the PDF shows (the CSV has them all), with their relative widths
PDF_COLUMNS: dict[str, tuple[tuple[str, float], ...]] = {
    "rules": (("rule", 6), ("category", 2), ("n", 2), ("share", 2)),
    "adherence": (
        ("rule", 6),
        ("strike_label", 1.5),
        ("n", 2),
        ("pct_agreed", 2),
        ("pct_stricter", 2),
        ("pct_milder", 2),
        ("consequence", 2.8),
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
        ("k", 1.6),
        ("n", 1.8),
        ("pct", 1.6),
        ("rest_pct", 1.6),
        ("how_sure", 4.5),
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
    "shares": (
        ("rule", 6),
        ("teacher", 2.2),
        ("n", 2),
        ("stricter", 2),
        ("stricter_low", 1.5),
        ("stricter_high", 1.5),
        ("milder", 2),
        ("milder_low", 1.5),
        ("milder_high", 1.5),
    ),
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
    ),
    "groups": t(
        "'Verwacht' is wat je bij dezelfde afspraak en keer bij alle leerlingen samen deed, toegepast op "
        "de mix van deze groep: een groep die vaker een strenge afspraak breekt, lijkt zo niet strenger "
        "behandeld.",
    ),
    "patterns": t(
        "Bij dezelfde afspraak en keer: hoe vaak de richting van het patroon voorkwam, bij deze groep of "
        "dit moment en bij de rest, met 'hoe zeker' in woorden ('opvallend' alleen na correctie voor alle "
        "toetsen samen). De odds ratio, het interval en p staan als detail in het CSV-bestand.",
    ),
}


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return base / "DejaVuSans.ttf", base / "DejaVuSans-Bold.ttf"


def _num(value: Any) -> str:
    if isinstance(value, float):
        text = f"{value:.1f}" if abs(value) >= 10 or value == round(value, 1) else f"{value:.2f}"
        return text.replace(".", ",") if t("nl") == "nl" else text
    return str(value)


def new_pdf(title: str) -> FPDF:
    """An A4 document with DejaVu fonts, page numbers in the footer and no creation date."""
    from fpdf import FPDF

    class _Doc(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, size=7)
            self.set_text_color(*GREY)
            self.cell(0, 5, f"{title} · {t('pagina')} {self.page_no()}/{{nb}}", align="C")
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
    pdf.multi_cell(0, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
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
            t("Niets te tonen boven de privacydrempel."),
            8,
            GREY,
        )
    else:
        rows = tb.rows[:limit] if limit else tb.rows
        right = [not isinstance(tb.rows[0][i], str) or tb.columns[i].startswith("p_") for i in idx]
        shown = [[_cell(tb.columns[i], row[i]) for i in idx] for row in rows]
        grid(pdf, [tb.headers[i] for i in idx], shown, [w for _, w in spec], right)
        if len(rows) < len(tb.rows):
            paragraph(
                pdf,
                t(
                    "De eerste {k} van {n}; alle staan in het CSV-bestand.",
                    k=len(rows),
                    n=len(tb.rows),
                ),
                7.5,
                GREY,
            )
    for note in tb.notes:
        paragraph(pdf, f"• {note}", 7.5, GREY)


def _cell(column: str, value: Any) -> str:
    """A cell's text: p-values as '< 0,001' or three decimals, other numbers with a decimal comma."""
    if column.startswith("p_") and isinstance(value, float):
        from app.team.compare import p_text

        return p_text(value)
    return _num(value)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """The text, shortened with an ellipsis when it does not fit the width."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def grid(
    pdf: FPDF,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    right: Sequence[bool],
) -> None:
    """A plain ruled table: bold wrapped headers (repeated after a page break), one line per row."""
    widths = [pdf.epw * w / sum(weights) for w in weights]
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
        pdf.c_margin = 0
        lines = []
        for w, h, size in zip(widths, headers, sizes, strict=True):
            pdf.set_font(FONT, "B", size)
            lines.append(pdf.multi_cell(w - 2 * pad, 3.2, h, dry_run=True, output="LINES"))
        height = 3.2 * max(len(x) for x in lines) + 1.6
        if pdf.get_y() + height + 2 * line > pdf.page_break_trigger:
            pdf.add_page()
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
        pdf.set_font(FONT, "", 7.5)
        pdf.set_draw_color(220, 220, 220)
        pdf.c_margin = pad

    margin = pdf.c_margin
    header()
    for row in rows:
        if pdf.get_y() + line > pdf.page_break_trigger:
            pdf.add_page()
            header()
        y = pdf.get_y()
        for w, value, is_right in zip(widths, row, right, strict=True):
            text = _fit(pdf, value, w - 2 * pad)
            pdf.cell(w, line, text, align="R" if is_right else "L")
        pdf.set_xy(pdf.l_margin, y + line)
        pdf.line(pdf.l_margin, y + line, pdf.l_margin + pdf.epw, y + line)
    pdf.c_margin = margin
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(1.5)


def chart(pdf: FPDF, c: Chart, width: float = 150, section: str = "") -> None:
    """A chart with its caption, under a section heading when given (kept on the chart's page)."""
    from app.team.handout_figures import png

    if c.figure is None:
        return
    data = png(c.figure)
    w_in, h_in = c.figure.get_size_inches()
    height = width * h_in / w_in
    if pdf.get_y() + height + (24 if section else 12) > pdf.h - 16:
        pdf.add_page()
    if section:
        heading(pdf, section, 11)
    else:
        pdf.set_font(FONT, "B", 9)
        pdf.cell(0, 5, c.title, new_x="LMARGIN", new_y="NEXT")
    pdf.image(data, x=(pdf.w - width) / 2, w=width, h=height)
    paragraph(pdf, c.caption, 7.5, GREY)


def bullets(pdf: FPDF, items: Sequence[str], size: float = 9) -> None:
    for item in items:
        paragraph(pdf, f"• {item}", size)
