"""Set-up › Afspraken: the team's agreements to a file, and a colleague's file in, with a preview.

The preview lists every change as an item with a tick box (all ticked), the date from which the
agreements hold (default today: earlier incidents keep their agreed step), and what stays. Nothing
changes until *Overnemen*; a refusal changes nothing and says why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.store.agreements import read_agreements, write_agreements
from app.store.agreements_import import apply_import, plan_import
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.store.agreements import Agreements, ImportPlan
    from app.ui.context import AppContext

KeyRole = Qt.ItemDataRole.UserRole


class AgreementsImportDialog(QDialog):
    """What a colleague's agreements would change, item by item, from a date on."""

    def __init__(self, ctx: AppContext, agreements: Agreements, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreements = agreements
        self.applied: list[str] = []
        self.setWindowTitle(self.tr("Afspraken overnemen"))
        self.resize(620, 460)
        intro = QLabel(
            self.tr(
                "Vink aan wat je overneemt. Het geldt vanaf de gekozen datum: incidenten van daarvoor "
                "houden de stap die toen was afgesproken."
            )
        )
        intro.setWordWrap(True)
        today = date.today()
        self.from_date = QDateEdit(QDate(today.year, today.month, today.day))
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("d MMM yyyy")
        self.from_date.dateChanged.connect(lambda _d: self.refresh())
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Wat verandert"))
        self.items.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = InlineMessage()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Overnemen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Geldt vanaf"), self.from_date)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.plan: ImportPlan | None = None
        self.refresh()

    def day(self) -> date:
        """The date from which the chosen agreements hold."""
        d = self.from_date.date()
        return date(d.year(), d.month(), d.day())

    def refresh(self) -> None:
        """Plan again for the chosen date (the start step in force may differ per date)."""
        self.plan = plan_import(self.ctx.store, self.agreements, self.day())
        self.items.clear()
        for change in self.plan.changes:
            item = QListWidgetItem(change.text)
            item.setData(KeyRole, change.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(item)
        parts = [self.tr("%n afspraken zijn al gelijk.", "", self.plan.unchanged)]
        if self.plan.kept:
            parts.append(
                self.tr("Blijven staan (niet in het bestand): %1.").replace("%1", ", ".join(self.plan.kept))
            )
        if not self.plan.changes:
            parts.insert(0, self.tr("Er verandert niets: je afspraken zijn al dezelfde."))
        self.summary.setText(" ".join(parts))
        self.ok.setEnabled(bool(self.plan.changes))

    def chosen(self) -> set[str]:
        """The keys of the ticked items."""
        out = set()
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(str(item.data(KeyRole)))
        return out

    def apply(self) -> None:
        """Apply the ticked items; a refusal shows why and changes nothing."""
        if self.plan is None:
            return
        try:
            self.applied = apply_import(self.ctx.store, self.plan, self.chosen())
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.ctx.changed()
        self.accept()


class AgreementsActions(QObject):
    """The rules tab's export and import of agreements (file dialogs, then the work)."""

    def __init__(self, ctx: AppContext, parent: QWidget, message: InlineMessage) -> None:
        super().__init__(parent)
        self.ctx, self.owner, self.message = ctx, parent, message
        self.dialog: AgreementsImportDialog | None = None

    def export_clicked(self) -> None:
        """Ask where, then write."""
        title = self.tr("Afspraken exporteren")
        path, _ = QFileDialog.getSaveFileName(self.owner, title, "afspraken.json", "JSON (*.json)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the agreements file (no student data) and say so."""
        try:
            n = write_agreements(self.ctx.store, path)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.message.show_message(
            self.tr("%1 afspraken, de ladder en de afbouwplannen opgeslagen in %2 (zonder leerlingen).")
            .replace("%1", str(n))
            .replace("%2", path.name),
            "ok",
        )

    def import_clicked(self) -> None:
        """Ask which file, then preview."""
        title = self.tr("Afspraken importeren")
        path, _ = QFileDialog.getOpenFileName(self.owner, title, "", "JSON (*.json)")
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> AgreementsImportDialog | None:
        """Read and check the file, then open the preview (a clear message when it is no such file)."""
        try:
            agreements = read_agreements(path)
        except UserError as exc:
            self.message.show_error(str(exc))
            return None
        self.dialog = AgreementsImportDialog(self.ctx, agreements, self.owner)
        self.dialog.accepted.connect(self._imported)
        self.dialog.open()
        return self.dialog

    def _imported(self) -> None:
        if self.dialog is not None and self.dialog.applied:
            self.message.show_message(
                self.tr("Overgenomen: %1").replace("%1", "; ".join(self.dialog.applied)), "ok"
            )
