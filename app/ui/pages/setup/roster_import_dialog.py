"""The roster import preview: what will change (new, updated, unchanged) and every problem by line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.importers import RosterPreview
    from app.ui.context import AppContext


def _table(headers: list[str], rows: list[list[str]], accessible: str) -> QTableWidget:
    """A read-only table of plain text."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _field_name(field: str) -> str:
    if field == "name":
        return QCoreApplication.translate("RosterImportDialog", "naam")
    if field == "group":
        return QCoreApplication.translate("RosterImportDialog", "klas")
    return field


class RosterImportDialog(QDialog):
    """Reads the file, shows the preview and imports only when the teacher confirms a clean file."""

    #: the roster was imported (a sentence saying what changed)
    imported = Signal(str)

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.preview: RosterPreview | None = None
        self.setWindowTitle(self.tr("Leerlinglijst importeren"))
        self.resize(820, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting van de import"))
        self.message = InlineMessage()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Details van de import"))
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Importeren"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(self.tr("Annuleren"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Bestand: {name}").replace("{name}", self.path.name))
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.load()

    def load(self) -> None:
        """Read the file and show what importing it would change (nothing is written)."""
        from app.importers import preview_roster

        self.tabs.clear()
        try:
            preview = preview_roster(self.ctx.store, self.path)
        except UserError as exc:
            self.preview = None
            self.summary.setText(self.tr("Dit bestand kan niet worden gelezen."))
            self.message.show_error(str(exc))
            problems = list(getattr(exc, "problems", []))
            if problems:
                self.tabs.addTab(
                    _table([self.tr("Probleem")], [[p] for p in problems], self.tr("Problemen")),
                    self.tr("Problemen"),
                )
            self.import_button.setEnabled(False)
            return
        self.preview = preview
        self.summary.setText(
            (
                self.tr("1 nieuwe leerling, {upd} bijgewerkt, {same} ongewijzigd.")
                if len(preview.new) == 1
                else self.tr("{new} nieuwe leerlingen, {upd} bijgewerkt, {same} ongewijzigd.")
            )
            .replace("{new}", str(len(preview.new)))
            .replace("{upd}", str(len(preview.updated)))
            .replace("{same}", str(preview.unchanged))
            + (
                "\n"
                + self.tr("Kenmerken in dit bestand: {names}.").replace(
                    "{names}", ", ".join(preview.attributes)
                )
                if preview.attributes
                else ""
            )
        )
        if preview.problems:
            self.message.show_error(
                (
                    self.tr(
                        "Er is 1 probleem. Er wordt niets geïmporteerd tot het is opgelost; "
                        "verbeter het bestand en kies het opnieuw."
                    )
                    if len(preview.problems) == 1
                    else self.tr(
                        "Er zijn {n} problemen. Er wordt niets geïmporteerd tot ze zijn opgelost; "
                        "verbeter het bestand en kies het opnieuw."
                    )
                ).replace("{n}", str(len(preview.problems)))
            )
            rows = [[str(p.line) if p.line > 0 else "—", p.message] for p in preview.problems]
            self.problems_table = _table(
                [self.tr("Regel"), self.tr("Probleem")], rows, self.tr("Problemen per regel")
            )
            self.tabs.addTab(self.problems_table, self.tr("⚠ Problemen ({n})").replace("{n}", str(len(rows))))
        elif not preview.new and not preview.updated:
            self.message.show_message(
                self.tr("Alles in dit bestand staat er al; er verandert niets."), "info"
            )
        else:
            self.message.show_message(
                self.tr(
                    "Er is nog niets veranderd. Kijk de lijsten na en kies 'Importeren' om dit over te nemen."
                ),
                "info",
            )
        new_rows = [[r.student_id, r.name, r.group] for r in preview.new]
        self.new_table = _table(
            [self.tr("Nummer"), self.tr("Naam"), self.tr("Klas")], new_rows, self.tr("Nieuwe leerlingen")
        )
        self.tabs.addTab(self.new_table, self.tr("Nieuw ({n})").replace("{n}", str(len(new_rows))))
        upd_rows = [
            [
                u.row.student_id,
                u.row.name,
                "; ".join(
                    f"{_field_name(c.field)}: {c.old or self.tr('(leeg)')} → {c.new or self.tr('(leeg)')}"
                    for c in u.changes
                ),
            ]
            for u in preview.updated
        ]
        self.updated_table = _table(
            [self.tr("Nummer"), self.tr("Naam"), self.tr("Wat verandert")], upd_rows, self.tr("Bijgewerkt")
        )
        self.tabs.addTab(self.updated_table, self.tr("Bijgewerkt ({n})").replace("{n}", str(len(upd_rows))))
        self.import_button.setEnabled(preview.ok and bool(preview.new or preview.updated))

    def confirm(self) -> None:
        """Import the previewed file in one transaction; a refusal is shown and nothing changes."""
        from app.importers import apply_roster

        if self.preview is None or not self.preview.ok:
            return
        try:
            summary = apply_roster(self.ctx.store, self.preview)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.ctx.changed()
        self.imported.emit(summary.describe())
        self.accept()
