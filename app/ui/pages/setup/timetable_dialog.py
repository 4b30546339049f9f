"""The timetable import preview: every event title with the class proposed, corrected once, remembered.

The file is read in a worker (a year's feed, or a large file that is refused, never blocks the window);
the teacher chooses per title a class or 'geen les van mij' (meetings, duties); Importeren stores the
lessons and remembers every choice for the next import, in one transaction, also in a worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.importers import TimetablePreview
    from app.ui.context import AppContext

#: the combo's value for 'not a lesson of mine'
NOT_A_LESSON = -1


class TimetableImportDialog(QDialog):
    """Reads the file off the UI thread, shows the titles with a class each, imports on confirmation."""

    #: the timetable was stored (a sentence saying what changed)
    imported = Signal(str)

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.preview: TimetablePreview | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Rooster importeren"))
        self.resize(900, 600)
        title = QLabel(self.tr("Bestand: {name}").replace("{name}", self.path.name))
        title.setStyleSheet("font-weight: 600;")
        self.use_from = QCheckBox(self.tr("Alleen &vanaf"))
        self.use_from.setToolTip(
            self.tr("Een nieuw rooster vervangt het oude vanaf deze datum; de lessen ervóór blijven.")
        )
        self.from_edit = QDateEdit(QDate.currentDate())
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("ddd " + QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.from_edit.setAccessibleName(self.tr("Vanaf datum"))
        self.from_edit.setEnabled(False)
        range_row = QHBoxLayout()
        range_row.addWidget(self.use_from)
        range_row.addWidget(self.from_edit)
        range_row.addStretch(1)
        self.summary = QLabel(self.tr("Het rooster wordt gelezen…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting van het rooster"))
        self.message = InlineMessage()
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Titels in het rooster met hun klas"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Titel in het rooster"), self.tr("Aantal"), self.tr("Voorbeeld"), self.tr("Klas")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Importeren"))
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(range_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.use_from.toggled.connect(self._range_changed)
        self.from_edit.dateChanged.connect(lambda _d: self.use_from.isChecked() and self.load())
        self.load()

    def _range_changed(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.load()

    def date_from(self) -> date | None:
        """The chosen start date, when 'Alleen vanaf' is on."""
        return self.from_edit.date().toPython() if self.use_from.isChecked() else None  # type: ignore[no-any-return]  # QDate.toPython(): object

    def load(self) -> None:
        """Read the file in a worker; the preview appears when it is read (nothing is written)."""
        from app.importers import preview_timetable

        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Het rooster wordt gelezen…"))
        store, path, start = self.ctx.store, self.path, self.date_from()
        self.ctx.tasks.run_task(lambda: preview_timetable(store, path, date_from=start), self._loaded)

    def _loaded(self, preview: Any, error: BaseException | None) -> None:
        self.table.setRowCount(0)
        self.combos.clear()
        if error is not None or preview is None:
            self.preview = None
            self.summary.setText(self.tr("Dit bestand kan niet worden gelezen."))
            self.message.show_message(str(error) if isinstance(error, UserError) else repr(error), "error")
            return
        self.preview = preview
        if preview.problems:
            self.summary.setText(self.tr("Dit rooster wordt niet geïmporteerd; er verandert niets."))
            self.message.show_message("\n".join(str(p) for p in preview.problems), "error")
            return
        n = len(preview.occurrences)
        text = (
            self.tr("{n} afspraken van {a} tot {b}, {t} verschillende titels.")
            .replace("{n}", str(n))
            .replace("{a}", preview.date_from.isoformat())
            .replace("{b}", preview.date_to.isoformat())
            .replace("{t}", str(len(preview.titles)))
        )
        if preview.all_day:
            text += " " + self.tr("{n} hele-dag-afspraken overgeslagen.").replace("{n}", str(preview.all_day))
        self.summary.setText(text)
        self.message.show_message(
            self.tr(
                "Kies bij elke titel de klas, of 'geen les van mij' voor vergaderingen en surveillances. "
                "Je keuze wordt onthouden voor de volgende import. Er is nog niets veranderd."
            ),
            "info",
        )
        classes = [c for c in self.ctx.store.classes() if not c.archived]
        for row, choice in enumerate(preview.titles):
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(choice.title))
            self.table.setItem(row, 1, QTableWidgetItem(str(choice.count)))
            self.table.setItem(row, 2, QTableWidgetItem(choice.example))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Klas van '{t}'").replace("{t}", choice.title))
            combo.addItem(self.tr("geen les van mij"), NOT_A_LESSON)
            for info in classes:
                combo.addItem(info.name, info.id)
            index = combo.findData(choice.proposed) if choice.proposed is not None else 0
            combo.setCurrentIndex(max(0, index))
            if choice.how == "remembered":
                combo.setToolTip(self.tr("Zo gekozen bij een vorige import."))
            elif choice.how == "found":
                combo.setToolTip(self.tr("De klas staat in de tekst van de afspraak."))
            combo.currentIndexChanged.connect(lambda _i: self._update_button())
            self.table.setCellWidget(row, 3, combo)
            self.combos[choice.title] = combo
        self._update_button()

    def choices(self) -> dict[str, int | None]:
        """Title -> chosen class id (None: not a lesson of mine)."""
        out: dict[str, int | None] = {}
        for title, combo in self.combos.items():
            value = combo.currentData()
            out[title] = None if value in (None, NOT_A_LESSON) else int(value)
        return out

    def _update_button(self) -> None:
        self.import_button.setEnabled(any(v is not None for v in self.choices().values()))

    def confirm(self) -> None:
        """Store the timetable and the choices in a worker; a refusal is shown and nothing changes."""
        from app.importers import apply_timetable

        if self.preview is None or self.preview.problems:
            return
        preview, choices, store = self.preview, self.choices(), self.ctx.store
        self.import_button.setEnabled(False)
        self.ctx.tasks.run_task(lambda: apply_timetable(store, preview, choices, remember=True), self._stored)

    def _stored(self, summary: Any, error: BaseException | None) -> None:
        if error is not None:
            self.message.show_message(str(error) if isinstance(error, UserError) else repr(error), "error")
            self._update_button()
            return
        self.ctx.changed()
        self.imported.emit(summary.describe())
        self.accept()
