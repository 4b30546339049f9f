"""What every chart shares: the Okabe–Ito colours, the :class:`Chart` record, axes and label helpers.

Colour-blind safe: vermillion for *stricter* than the ladder, blue for *milder*, grey for *as agreed*.
No Qt, no pyplot: a chart is a bare matplotlib ``Figure``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from app.core.i18n import t, translate
from app.core.vocabulary import MONTHS_SHORT_NL, WEEKDAY_SHORT_NL

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.figure import Figure


STRICTER = "#D55E00"  #: Okabe–Ito vermillion


MILDER = "#0072B2"  #: Okabe–Ito blue


AGREED = "#BBBBBB"


NEUTRAL = "#555555"
#: a cell without data (hatched as well, so it never reads as "as agreed")
EMPTY = "#E4E4E4"


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
    return text.replace(".", ",") if t("nl") == "nl" else text


def weekday_name(day: str) -> str:
    """A lowercase English weekday as a short word in the user's language."""
    return translate(WEEKDAY_SHORT_NL.get(day, day))


def short_date(d: date) -> str:
    """'3 nov' (Dutch) or '3 Nov' (English)."""
    return f"{d.day} {translate(MONTHS_SHORT_NL[d.month - 1])}"


def _ratio_axis(axis: Any, lo: float, hi: float) -> None:
    """A log-scaled odds-ratio axis with plain tick labels ('2× strenger', 'gelijk', '2× milder')."""
    from matplotlib.ticker import FixedLocator, NullLocator

    ticks = [v for v in (1 / 16, 1 / 8, 1 / 4, 1 / 2, 1.0, 2.0, 4.0, 8.0, 16.0) if lo <= v <= hi] or [1.0]
    labels = []
    # on a horizontal axis the labels sit side by side: two short lines each, so they do not run together
    gap = "\n" if getattr(axis, "axis_name", "y") == "x" else " "
    for v in ticks:
        if v == 1.0:
            labels.append(t("gelijk"))
        elif v > 1:
            labels.append(t("{x}×{g}strenger", x=int(v), g=gap))
        else:
            labels.append(t("{x}×{g}milder", x=round(1 / v), g=gap))
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_minor_locator(NullLocator())
    axis.set_ticklabels(labels)


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
    return f"{text}e" if text.isdigit() and t("nl") == "nl" else (text or "?")


def _patch(colour: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(color=colour, label=label)


def _percent() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v * 100:.0f} %")


def _num_to_date(value: float) -> date:
    from matplotlib.dates import num2date

    # matplotlib.dates has no annotations; num2date gives a datetime for a number
    return cast(date, num2date(value).date())  # type: ignore[no-untyped-call]  # matplotlib.dates: no annotations


def hide_overlaps(fig: Figure, texts: Sequence[Any]) -> list[Any]:
    """Hide each text (a name next to a dot) that would overlap one drawn before it; the kept ones.

    Names are given most important first; a hidden name is still in the incidents list and the table,
    never drawn on top of another one.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not texts:
        return []
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]  # Agg's canvas has no annotations
    fig.draw_without_rendering()
    kept: list[Any] = []
    boxes: list[Any] = []
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(other) for other in boxes):
            text.set_visible(False)
            continue
        boxes.append(box)
        kept.append(text)
    return kept
