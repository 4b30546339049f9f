"""One chart on screen: title, one-line caption, a FigureCanvasQTAgg (or an empty state), PNG/SVG export.

matplotlib's Qt backend is imported when the first figure is shown, never at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.i18n import t
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.analysis.figures import Chart

EXPORT_DPI = 200
KEPT_CANVASES = 6  #: drawn canvases kept per chart slot, so going back to a week only repaints
FORMATS = {".png": "png", ".svg": "svg"}


def export_figure(chart: Chart, path: Path) -> Path:
    """Save the chart's figure as PNG or SVG (by suffix; PNG when none); a UserError when that fails."""
    if chart.figure is None:
        raise UserError(t("Deze grafiek is leeg; er is niets te bewaren."))
    if path.suffix.lower() not in FORMATS:
        path = path.with_suffix(".png")
    try:
        chart.figure.savefig(path, format=FORMATS[path.suffix.lower()], dpi=EXPORT_DPI, facecolor="white")
    except OSError as exc:
        raise UserError(
            t(
                "Kan {path} niet bewaren: {err}",
                path=path,
                err=exc.strerror or exc,
            )
        ) from exc
    return path


class ChartCanvas(QWidget):
    """Shows one :class:`Chart`; the export button saves it as PNG or SVG through a save dialog."""

    #: a file was written by the export
    exported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.canvas: QWidget | None = None
        self._kept: list[tuple[Chart, QWidget, Any]] = []  #: (chart, scroll area, canvas), most recent last
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #333333;")
        self.export_button = QPushButton(self.tr("Bewaren als…"))
        self.export_button.setToolTip(self.tr("Bewaar deze grafiek als PNG-afbeelding of SVG-tekening"))
        self.export_button.clicked.connect(self._ask_export)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #333333; padding: 24px;")
        self.empty.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.message = InlineMessage()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addLayout(head)
        self._layout.addWidget(self.caption)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.empty, 1)
        self.stack = QStackedWidget()
        self.stack.hide()
        self._layout.addWidget(self.stack, 1)

    def set_chart(self, chart: Chart) -> None:
        """Show ``chart`` (its figure on a fresh canvas, or its empty-state text)."""
        self.chart = chart
        self.title.setText(chart.title)
        self.caption.setText(chart.caption)
        self.message.clear_message()
        self.export_button.setEnabled(chart.figure is not None)
        if chart.figure is None:
            self.canvas = None
            self.stack.hide()
            self.empty.setText(chart.empty)
            self.empty.show()
            return
        self.empty.hide()
        holder, self.canvas = self._canvas_for(chart)
        self.stack.setCurrentWidget(holder)
        self.stack.show()

    def _canvas_for(self, chart: Chart) -> tuple[QWidget, Any]:
        """The scroll area and canvas showing ``chart``: kept ones (already drawn) or new ones.

        The canvas is never shorter than the figure was drawn for (a forest plot of 24 groups is tall):
        squeezed into the page its labels would overlap, so a tall chart scrolls instead.
        """
        for index, (kept_chart, holder, canvas) in enumerate(self._kept):
            if kept_chart is chart:
                self._kept.append(self._kept.pop(index))
                return holder, canvas
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(chart.figure)
        natural = int(chart.figure.get_figheight() * chart.figure.dpi / canvas.devicePixelRatioF())
        canvas.setMinimumHeight(max(220, natural if natural > 480 else 220))
        canvas.setAccessibleName(chart.title)
        canvas.setAccessibleDescription(chart.caption)
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(canvas)
        self.stack.addWidget(holder)
        self._kept.append((chart, holder, canvas))
        while len(self._kept) > KEPT_CANVASES:
            _old, widget, _canvas = self._kept.pop(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        return holder, canvas

    def export_to(self, path: Path) -> Path | None:
        """Save the chart to ``path``; a problem is shown under the caption. Returns the file written."""
        if self.chart is None:
            return None
        try:
            written = export_figure(self.chart, path)
        except UserError as exc:
            self.message.show_error(str(exc))
            return None
        self.message.show_message(self.tr("Bewaard als %1").replace("%1", str(written)), "ok")
        self.exported.emit(str(written))
        return written

    def _ask_export(self) -> None:
        if self.chart is None or self.chart.figure is None:
            return
        png, svg = self.tr("PNG-afbeelding (*.png)"), self.tr("SVG-tekening (*.svg)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Grafiek bewaren"), str(Path.home() / f"{self.chart.key}.png"), f"{png};;{svg}"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in FORMATS:
            path = path.with_suffix(".svg" if chosen == svg else ".png")
        self.export_to(path)
