"""The privacy half of the 'Gegevens en privacy' tab: forgetting a student and ending a school year.

A mixin of ``DataPanel`` (it uses the panel's message, questions and refresh); the same functions as
the command line (``app.safety.erasure``, ``app.safety.retention``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.core.calendar import school_year, school_year_of
from app.core.errors import UserError

if TYPE_CHECKING:
    from app.ui.context import AppContext


def _tr(text: str, **values: object) -> str:
    """The translated text with ``{name}`` fields filled in (the panel's context: 'DataPanel')."""
    text = QCoreApplication.translate("DataPanel", text)
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def _button(text: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(text.replace("&", "").replace("…", ""))
    widget.setAutoDefault(False)
    return widget


class PrivacyActions:
    """Forget a student (and the backups that still hold them); archive or purge a school year."""

    ctx: AppContext

    def _forget_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Een leerling vergeten"))
        explain = QLabel(
            _tr(
                "Wist de leerling met alle incidenten, complimenten en kenmerken, en haalt de naam uit "
                "notities. Dit kan niet ongedaan worden gemaakt."
            )
        )
        explain.setWordWrap(True)
        self.student_combo = QComboBox()
        self.student_combo.setAccessibleName(_tr("Leerling om te wissen"))
        self.forget_button = _button(_tr("Leerling &wissen…"))
        self.forget_button.clicked.connect(self.forget_selected)
        self.holding_label = QLabel()
        self.holding_label.setWordWrap(True)
        self.holding_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_holding_button = _button(_tr("Deze back-ups verwijderen…"))
        self.delete_holding_button.clicked.connect(self.delete_holding)
        row = QHBoxLayout()
        row.addWidget(self.student_combo, 1)
        row.addWidget(self.forget_button)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.holding_label)
        layout.addWidget(self.delete_holding_button)
        return box

    def _year_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Een schooljaar afsluiten"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        today = date.today()
        self.year_spin.setValue(school_year_of(today))
        self.year_spin.setAccessibleName(_tr("Schooljaar (beginjaar)"))
        self.year_spin.valueChanged.connect(lambda _v: self._show_counts())
        self.year_label = QLabel()
        self.year_label.setWordWrap(True)
        self.archive_button = _button(_tr("Arc&hiveren (versleuteld)…"))
        self.purge_button = _button(_tr("Schooljaar wisse&n…"))
        self.archive_button.clicked.connect(self.archive_year)
        self.purge_button.clicked.connect(self.purge_year)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Schooljaar dat begint in augustus")))
        row.addWidget(self.year_spin)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.year_label)
        layout.addLayout(buttons)
        return box

    def _show_holding(self) -> None:
        existing = tuple(p for p in self.holding if p.exists())
        self.holding = existing
        self.holding_label.setVisible(bool(existing))
        self.delete_holding_button.setVisible(bool(existing))
        if existing:
            self.holding_label.setText(
                _tr("Deze back-ups bevatten de gewiste leerling nog:")
                + "\n"
                + "\n".join(str(p) for p in existing)
            )

    def _show_counts(self) -> None:
        from app.safety.retention import period_counts

        counts = period_counts(self.ctx.store, *school_year(self.year_spin.value()))
        self.year_label.setText(
            _tr(
                "{start} tot {end}: {l} lessen, {i} incidenten, {p} complimenten, {r} reflecties.",
                start=f"{counts.start:%d-%m-%Y}",
                end=f"{counts.end:%d-%m-%Y}",
                l=counts.lessons,
                i=counts.incidents,
                p=counts.praise,
                r=counts.reflections,
            )
        )
        has_data = counts.lessons + counts.reflections + counts.praise > 0
        self.archive_button.setEnabled(has_data)
        self.purge_button.setEnabled(has_data)

    def forget_selected(self) -> None:
        """Erase the chosen student after confirmation; show the backups that still hold them."""
        from app.safety.erasure import forget_student

        external_id = self.student_combo.currentData()
        if external_id is None or not self.confirm(
            _tr("{who} en al zijn of haar gegevens definitief wissen?", who=self.student_combo.currentText())
        ):
            return
        self.ctx.tasks.wait()
        try:
            result = forget_student(self.ctx.store, str(external_id))
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self.holding = result.backups_holding
        self._done(
            _tr(
                "Gewist: {i} incidenten, {p} complimenten; naam uit {x} teksten gehaald.",
                i=result.incidents,
                p=result.praise,
                x=result.texts_redacted,
            )
        )

    def delete_holding(self) -> None:
        """Delete the backups that still hold the forgotten student (after confirmation)."""
        from app.safety.erasure import delete_backups

        if not self.holding or not self.confirm(
            _tr("{n} back-up(s) met de gewiste leerling verwijderen?", n=len(self.holding))
        ):
            return
        delete_backups(self.holding)
        self.holding = ()
        self.refresh()

    def archive_year(self) -> None:
        """Write the chosen school year to an encrypted archive file."""
        from app.safety.retention import archive_period

        year = self.year_spin.value()
        dest = self.ask_save_path(str(self.ctx.store.path.with_name(f"archief-{year}-{year + 1}.db")))
        if dest is None:
            return
        answer = self.ask_passphrase("new")
        if answer is None:
            return
        self.ctx.tasks.wait()
        try:
            archive_period(self.ctx.store, *school_year(year), dest, answer[1])
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self._done(_tr("Gearchiveerd in {p}. Bewaar het wachtwoord goed.", p=dest))

    def purge_year(self) -> None:
        """Delete the chosen school year from the store (after confirmation)."""
        from app.safety.retention import purge_period

        year = self.year_spin.value()
        if not self.confirm(
            _tr(
                "Alle lessen, incidenten, complimenten en reflecties van schooljaar {y} definitief wissen? "
                "Leerlingen die daarna geen gegevens meer hebben, worden ook gewist. Archiveer eerst als je "
                "het jaar wilt bewaren.",
                y=f"{year}-{year + 1}",
            )
        ):
            return
        self.ctx.tasks.wait()
        try:
            counts = purge_period(self.ctx.store, *school_year(year), remove_students=True)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self._done(
            _tr("Schooljaar gewist: {i} incidenten. Oudere back-ups bevatten het nog.", i=counts.incidents)
        )
