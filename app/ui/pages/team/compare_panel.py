"""The team comparison on the page: pick colleagues' exchange files, compare, save PDF and CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.chart_canvas import ChartCanvas
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext
    from app.ui.pages.team.jobs import ComparisonResult


class ComparePanel(QWidget):
    """Files on the left; per shared rule whether the teachers diverge, and the chart, on the right."""

    def __init__(self, ctx: AppContext, fdr: float = 0.05) -> None:
        super().__init__()
        self.ctx = ctx
        self.fdr = fdr
        self.result: ComparisonResult | None = None
        self.busy = False
        intro = QLabel(
            self.tr(
                "Verzamel de uitwisselingsbestanden (team-uitwisseling.json) van je collega's. Er staan geen "
                "leerlinggegevens in; de docenten worden A, B, C… in de volgorde van de lijst."
            )
        )
        intro.setWordWrap(True)
        self.paths = QListWidget()
        self.paths.setAccessibleName(self.tr("Gekozen uitwisselingsbestanden"))
        self.paths.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self.tr("Bestanden toevoegen…"))
        self.remove_button = QPushButton(self.tr("Verwijderen uit de lijst"))
        self.compare_button = QPushButton(self.tr("Vergelijken"))
        self.save_button = QPushButton(self.tr("Opslaan als PDF en CSV…"))
        self.save_button.setEnabled(False)
        self.add_button.clicked.connect(self.ask_files)
        self.remove_button.clicked.connect(self._remove)
        self.compare_button.clicked.connect(self.run_compare)
        self.save_button.clicked.connect(self.ask_save)
        self.message = InlineMessage()
        self.rules = QTableWidget(0, 4)
        self.rules.setHorizontalHeaderLabels(
            [self.tr("Afspraak"), self.tr("Oordeel"), self.tr("p (BH)"), self.tr("Toelichting")]
        )
        self.rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules.setWordWrap(True)
        self.rules.horizontalHeader().setStretchLastSection(True)
        self.rules.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rules.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rules.setAccessibleName(self.tr("Vergelijking per afspraak"))
        self.chart = ChartCanvas()

        left = QVBoxLayout()
        left.addWidget(intro)
        left.addWidget(self.paths, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        left.addWidget(self.compare_button)
        left.addWidget(self.save_button)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.rules)
        right.addWidget(self.chart)
        right.setSizes([220, 520])
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def file_paths(self) -> list[Path]:
        """The files in the list, in order."""
        return [Path(self.paths.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.paths.count())]

    def add_files(self, paths: list[str]) -> None:
        """Add files to the list (each once)."""
        known = {str(p) for p in self.file_paths()}
        for path in paths:
            if path and path not in known:
                self.paths.addItem(Path(path).name)
                self.paths.item(self.paths.count() - 1).setData(Qt.ItemDataRole.UserRole, path)
                known.add(path)
        self._invalidate()

    def _relabel(self) -> None:
        """'Docent A — folder/file.json': the letter each file gets, and enough path to tell them apart."""
        from app.team.compare import teacher_labels

        labels = teacher_labels(self.paths.count())
        for i, label in enumerate(labels):
            item = self.paths.item(i)
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{label} — {path.parent.name}/{path.name}")
            item.setToolTip(str(path))

    def ask_files(self) -> None:
        """Let the teacher pick exchange files."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Uitwisselingsbestanden kiezen"), "", self.tr("Team-uitwisseling (*.json)")
        )
        self.add_files(paths)

    def _remove(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))
        self._invalidate()

    def _invalidate(self) -> None:
        self._relabel()
        self.result = None
        self.save_button.setEnabled(False)

    def run_compare(self) -> None:
        """Compare the listed files in the background."""
        from app.ui.pages.team.jobs import make_comparison

        paths, fdr = self.file_paths(), self.fdr
        self.busy = True
        self.compare_button.setEnabled(False)
        self.message.show_message(self.tr("Bezig met vergelijken…"))
        self.ctx.tasks.run_task(lambda: make_comparison(paths, fdr), self._done)

    def _done(self, result: ComparisonResult | None, error: BaseException | None) -> None:
        from app.core.errors import UserError
        from app.team.compare import p_text
        from app.team.compare_tables import VERDICT_NL
        from app.team.handout_figures import compare_chart

        self.busy = False
        self.compare_button.setEnabled(True)
        if error is not None or result is None:
            text = str(error) if isinstance(error, UserError) else self.tr("Vergelijken mislukte: %1")
            self.message.show_error(text.replace("%1", str(error)))
            return
        self.result = result
        rules = result.comparison.rules
        self.rules.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            values = (rule.rule, VERDICT_NL[rule.verdict], p_text(rule.p_adjusted), rule.explanation)
            for col, value in enumerate(values):
                self.rules.setItem(row, col, QTableWidgetItem(value))
        for col in range(3):
            self.rules.resizeColumnToContents(col)
        self.chart.set_chart(compare_chart(result.comparison))
        self.save_button.setEnabled(True)
        self.message.show_message(
            self.tr("%1 docenten, %2 gedeelde afspraken vergeleken.")
            .replace("%1", str(len(result.comparison.teachers)))
            .replace("%2", str(len(rules))),
            "ok",
        )

    def ask_save(self) -> None:
        """Choose a folder and save the comparison's PDF and CSVs there."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map kiezen voor de teamvergelijking"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        """Write the comparison's files into ``folder``; the outcome is shown in the page."""
        from app.core.errors import UserError
        from app.team.files import write_files

        if self.result is None:
            return []
        try:
            written = write_files(self.result.files, folder)
        except UserError as exc:
            self.message.show_error(str(exc))
            return []
        self.message.show_message(
            self.tr("Opgeslagen in %1: %2")
            .replace("%1", str(folder))
            .replace("%2", ", ".join(p.name for p in written)),
            "ok",
        )
        return written
