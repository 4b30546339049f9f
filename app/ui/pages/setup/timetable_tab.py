"""Tab 'Rooster': the bell times, the timetable imported (.ics or CSV), and the app's own .ics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.errors import UserError
from app.ui.pages.setup.bells_box import BellsBox
from app.ui.pages.setup.common import button
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext
    from app.ui.pages.setup.timetable_dialog import TimetableImportDialog


class TimetableTab(QWidget):
    """Bell times on the left, the timetable on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dialog: TimetableImportDialog | None = None
        self.bells = BellsBox(ctx)
        box = QGroupBox(self.tr("Lesrooster"))
        intro = QLabel(
            self.tr(
                "Importeer je rooster als agenda (.ics) uit Zermelo, Untis/WebUntis, Magister, SOMtoday of "
                "Smartschool, of als CSV (weekday,period,class,from,to). Elke geplande les telt dan mee, "
                "ook een les zonder één correctie, en de Log-pagina opent op de les die net is afgelopen."
            )
        )
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Stand van het rooster"))
        self.import_button = button(self.tr("Rooster &importeren…"))
        self.export_button = button(self.tr("Rooster op&slaan als .ics…"))
        self.import_message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(intro)
        inner.addWidget(self.status)
        inner.addLayout(row)
        inner.addWidget(self.import_message)
        inner.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.bells, 2)
        layout.addWidget(box, 3)
        self.import_button.clicked.connect(lambda: self.open_timetable())
        self.export_button.clicked.connect(lambda: self.save_ics())

    def refresh(self) -> None:
        """Show the stored bell times and what the timetable holds."""
        self.bells.refresh()
        span = self.ctx.store.timetable_span()
        if span is None:
            self.status.setText(self.tr("Nog geen rooster: lessen ontstaan alleen als je erin logt."))
        else:
            n = len(self.ctx.store.lessons_between(span[0], span[1], scheduled_only=True))
            self.status.setText(
                self.tr("Rooster: {n} lessen van {a} tot {b}.")
                .replace("{n}", str(n))
                .replace("{a}", span[0].isoformat())
                .replace("{b}", span[1].isoformat())
            )
        self.export_button.setEnabled(span is not None)

    def open_timetable(self, path: str | None = None) -> None:
        """Choose a file (unless given) and show the import preview."""
        from app.ui.pages.setup.timetable_dialog import TimetableImportDialog

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Rooster kiezen"),
                "",
                self.tr("Rooster (*.ics *.ical *.csv *.txt);;Alle bestanden (*)"),
            )
            if not path:
                return
        self._dialog = TimetableImportDialog(self.ctx, path, self)
        self._dialog.imported.connect(lambda text: self.import_message.show_message(text, "ok"))
        self._dialog.open()

    def save_ics(self, path: str | None = None) -> None:
        """Write the stored timetable as an .ics file (no student data in it)."""
        from app.importers.ical_export import write_timetable_ics

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Rooster opslaan"), "rooster.ics", self.tr("Agenda (*.ics)")
            )
            if not path:
                return
        try:
            n = write_timetable_ics(self.ctx.store, path)
        except (OSError, UserError) as exc:
            self.import_message.show_message(str(exc), "error")
            return
        self.import_message.show_message(
            self.tr("{n} lessen opgeslagen in {file}.").replace("{n}", str(n)).replace("{file}", path), "ok"
        )
