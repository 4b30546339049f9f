"""The 'Gegevens en privacy' tab: encryption, backups, forgetting a student, ending a school year.

Every action calls the same functions as the command line (``app.safety.backup``, ``crypto``,
``erasure``, ``retention``). Questions to the teacher (confirm, passphrase, file name) go through three
small methods, so tests can answer them without a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.pages.setup.privacy_actions import PrivacyActions, _button
from app.ui.passphrase_dialog import PassphraseDialog
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext


def _tr(text: str, **values: object) -> str:
    """The translated text with ``{name}`` fields filled in."""
    text = QCoreApplication.translate("DataPanel", text)
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


class DataPanel(PrivacyActions, QWidget):
    """Where the teacher protects, backs up, erases and archives the log."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: backups that still hold the last forgotten student
        self.holding: tuple[Path, ...] = ()
        self.message = InlineMessage()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.message)
        column.addWidget(self._encryption_box())
        column.addWidget(self._backup_box())
        column.addWidget(self._forget_box())
        column.addWidget(self._year_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._stale = False
        ctx.events.store_changed.connect(self._store_changed)
        self.refresh()

    def _store_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Re-read the store when it changed while the tab was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- building --------------------------------------------------------------------------------
    def _encryption_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Versleuteling"))
        self.crypto_label = QLabel()
        self.crypto_label.setWordWrap(True)
        self.encrypt_button = _button(_tr("&Versleutelen…"))
        self.change_button = _button(_tr("Wachtwoord wij&zigen…"))
        self.encrypt_button.clicked.connect(self.encrypt)
        self.change_button.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.encrypt_button)
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.crypto_label)
        layout.addLayout(row)
        return box

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Back-ups"))
        #: one row per backup: when it was made, its kind, its file name (full path in the tooltip)
        self.backup_model = QStandardItemModel(0, 3, self)
        self.backup_model.setHorizontalHeaderLabels([_tr("Gemaakt"), _tr("Soort"), _tr("Bestand")])
        self.backup_table = QTableView()
        self.backup_table.setModel(self.backup_model)
        self.backup_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_table.horizontalHeader().setStretchLastSection(True)
        self.backup_table.verticalHeader().setVisible(False)
        self.backup_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.backup_table.setAccessibleName(_tr("Back-ups"))
        self.backup_table.setMinimumHeight(140)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, 3650)
        self.keep_spin.setSuffix(_tr(" dagen"))
        self.keep_spin.setAccessibleName(_tr("Automatische back-ups bewaren"))
        self.keep_spin.editingFinished.connect(self._keep_days_changed)
        self.backup_button = _button(_tr("Nu een &back-up maken"))
        self.restore_button = _button(_tr("Te&rugzetten…"))
        self.delete_backup_button = _button(_tr("Back-up verwij&deren…"))
        self.backup_to_button = _button(_tr("Back-up naar bestand…"))
        self.restore_file_button = _button(_tr("Ander bestand terugzetten…"))
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_backup_button.clicked.connect(self.delete_selected)
        self.backup_to_button.clicked.connect(self.backup_to_file)
        self.restore_file_button.clicked.connect(self.restore_other_file)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(_tr("Automatische back-ups (één per dag) bewaren:")))
        keep.addWidget(self.keep_spin)
        keep.addStretch(1)
        row = QHBoxLayout()
        for widget in (
            self.backup_button,
            self.restore_button,
            self.delete_backup_button,
            self.backup_to_button,
            self.restore_file_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(keep)
        layout.addWidget(self.backup_table)
        layout.addLayout(row)
        return box

    # -- questions (overridden in tests) ---------------------------------------------------------
    def confirm(self, text: str) -> bool:
        """Ask the teacher to confirm an action that cannot be undone."""
        answer = QMessageBox.question(self, "fair-strictness", text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_passphrase(self, mode: str) -> tuple[str, str] | None:
        """A passphrase dialog ('new' or 'change'): (current, new), or None when cancelled."""
        dialog = PassphraseDialog(mode, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.current(), dialog.passphrase()

    def ask_save_path(self, suggestion: str) -> Path | None:
        """Where to write an archive."""
        name, _filter = QFileDialog.getSaveFileName(
            self, _tr("Archief opslaan"), suggestion, _tr("Logboek (*.db)")
        )
        return Path(name) if name else None

    def ask_backup_path(self, *, save: bool) -> Path | None:
        """A backup file elsewhere (a USB stick, a network folder): where to write it, or which to restore."""
        if save:
            suggestion = str(Path.home() / f"{self.ctx.store.path.stem}-kopie.db")
            name, _filter = QFileDialog.getSaveFileName(
                self, _tr("Back-up opslaan"), suggestion, _tr("Logboek (*.db)")
            )
        else:
            name, _filter = QFileDialog.getOpenFileName(
                self, _tr("Back-up terugzetten"), str(Path.home()), _tr("Logboek (*.db)")
            )
        return Path(name) if name else None

    # -- state -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read encryption state, backups, students and the chosen year."""
        from app.safety import backup, crypto

        self._stale = False
        store = self.ctx.store
        if store.encrypted:
            self.crypto_label.setText(
                _tr("Dit logboek is versleuteld met een wachtwoord, net als de back-ups.")
            )
        elif crypto.available():
            self.crypto_label.setText(
                _tr("Dit logboek is niet versleuteld. Aanbevolen: beveilig het met een wachtwoord.")
            )
        else:
            self.crypto_label.setText(_tr("Versleuteling is op deze computer niet beschikbaar."))
        self.encrypt_button.setVisible(not store.encrypted)
        self.encrypt_button.setEnabled(crypto.available())
        self.change_button.setVisible(store.encrypted)
        self.keep_spin.setValue(backup.keep_days(store))
        self.backups = backup.list_backups(store.path)
        self.backup_model.removeRows(0, self.backup_model.rowCount())
        for info in self.backups:
            items = [
                QStandardItem(text) for text in (f"{info.created:%d-%m-%Y %H:%M}", info.kind, info.path.name)
            ]
            for item in items:
                item.setToolTip(str(info.path))
            self.backup_model.appendRow(items)
        self.backup_table.resizeColumnsToContents()
        self.student_combo.clear()
        for student in store.students(include_archived=True):
            self.student_combo.addItem(
                f"{student.name} ({student.class_name}, {student.external_id})", student.external_id
            )
        self.forget_button.setEnabled(self.student_combo.count() > 0)
        self._show_holding()
        self._show_counts()

    def _done(self, text: str) -> None:
        self.message.show_message(text, "ok")
        self.ctx.changed()

    def _selected_backup(self) -> Path | None:
        row = self.backup_table.currentIndex().row()
        if not 0 <= row < len(self.backups):
            self.message.show_message(_tr("Kies eerst een back-up in de lijst."), "info")
            return None
        return self.backups[row].path

    # -- actions ---------------------------------------------------------------------------------
    def encrypt(self) -> None:
        """Protect the store (and its backups) with a new passphrase."""
        from app.safety.crypto import encrypt_store

        answer = self.ask_passphrase("new")
        if answer is None:
            return
        self.ctx.tasks.wait()
        try:
            encrypt_store(self.ctx.store, answer[1])
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        from app.ui.passphrase_dialog import OFFER_KEY

        self.ctx.settings.setValue(OFFER_KEY, "done")
        self._done(_tr("Het logboek en de back-ups zijn versleuteld."))

    def change_passphrase(self) -> None:
        """Re-encrypt the store and its backups with a new passphrase."""
        from app.safety.crypto import change_passphrase

        answer = self.ask_passphrase("change")
        if answer is None:
            return
        self.ctx.tasks.wait()
        try:
            change_passphrase(self.ctx.store, *answer)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self._done(_tr("Het wachtwoord is gewijzigd, ook voor de back-ups."))

    def _keep_days_changed(self) -> None:
        from app.safety.backup import keep_days, set_keep_days

        if self.keep_spin.value() != keep_days(self.ctx.store):
            set_keep_days(self.ctx.store, self.keep_spin.value())
            self.message.show_message(_tr("Bewaartermijn opgeslagen."), "ok")

    def make_backup(self) -> None:
        """Write a backup to the backup folder now."""
        from app.safety.backup import backup_name, backup_store

        try:
            path = backup_store(self.ctx.store, backup_name(self.ctx.store.path, "handmatig"))
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self.refresh()
        self.message.show_message(_tr("Back-up gemaakt: {p}", p=path), "ok")

    def restore_selected(self) -> None:
        """Put the chosen backup in place of the store (after confirmation; the current one is kept)."""
        path = self._selected_backup()
        if path is not None:
            self._restore_from(path)

    def _restore_from(self, path: Path) -> None:
        """Replace the store by the backup at ``path`` after confirmation; the current one is kept first."""
        from app.safety.restore import restore_into

        if not self.confirm(
            _tr(
                "De back-up {name} vervangt het huidige logboek. Het huidige logboek wordt eerst zelf als "
                "back-up bewaard. Doorgaan?",
                name=path.name,
            )
        ):
            return
        self.ctx.tasks.wait()
        try:
            restore_into(self.ctx.store, path, self.ctx.store.passphrase, force=True)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self._done(_tr("De back-up is teruggezet."))

    def backup_to_file(self) -> None:
        """Write a backup to a file the teacher chooses (like ``fair-strictness backup FILE``)."""
        from app.safety.backup import backup_store

        path = self.ask_backup_path(save=True)
        if path is None:
            return
        if path.exists():
            self.message.show_message(_tr("{p} bestaat al; kies een nieuwe naam.", p=path), "error")
            return
        self.ctx.tasks.wait()
        try:
            backup_store(self.ctx.store, path)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self.message.show_message(_tr("Back-up gemaakt: {p}", p=path), "ok")

    def restore_other_file(self) -> None:
        """Restore a backup from a file the teacher chooses (like ``fair-strictness restore FILE``)."""
        path = self.ask_backup_path(save=False)
        if path is not None:
            self._restore_from(path)

    def delete_selected(self) -> None:
        """Delete the chosen backup file (after confirmation)."""
        from app.safety.erasure import delete_backups

        path = self._selected_backup()
        if path is None or not self.confirm(_tr("Back-up {name} verwijderen?", name=path.name)):
            return
        delete_backups([path])
        self.refresh()
