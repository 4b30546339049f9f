"""The week's questions and free journal: answers saved per week, earlier weeks readable."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages.reflection.wording import day
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.analysis.estimates.prompts import Prompt
    from app.store.records import ReflectionInfo


class JournalWidget(QWidget):
    """Questions with an answer box each, a free journal, a save button and the list of earlier weeks."""

    #: the teacher pressed save (the page writes to the store)
    save_requested = Signal()
    #: the teacher picked an earlier week to read back
    week_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.week: date | None = None
        self.boxes: dict[str, QPlainTextEdit] = {}
        self._extra: dict[str, str] = {}
        self._saved: tuple[str, dict[str, str]] = ("", {})

        self.heading = QLabel(self.tr("Reflectie"))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.intro = QLabel(self.tr("Alleen voor jou. Kort mag; eerlijk helpt."))
        self.intro.setWordWrap(True)
        self.questions = QWidget()
        self._q_layout = QVBoxLayout(self.questions)
        self._q_layout.setContentsMargins(0, 0, 4, 0)
        self.journal = QPlainTextEdit()
        self.journal.setPlaceholderText(self.tr("Vrij logboek: wat viel je op deze week?"))
        self.journal.setAccessibleName(self.tr("Vrij logboek van de week"))
        self.journal.setTabChangesFocus(True)  # Tab moves on (a tab in a journal is never needed)
        self.journal.setMinimumHeight(90)
        self.journal.textChanged.connect(self._changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.questions)
        journal_label = QLabel(self.tr("Logboek"))
        journal_label.setStyleSheet("font-weight: bold;")
        inner.addWidget(journal_label)
        inner.addWidget(self.journal)
        scroll.setWidget(holder)

        self.save_button = QPushButton(self.tr("Opslaan"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_requested)
        self.status = InlineMessage()
        self.earlier = QComboBox()
        self.earlier.setAccessibleName(self.tr("Eerdere weken met een reflectie"))
        self.earlier.activated.connect(self._earlier_chosen)
        # the earlier weeks get a row of their own: beside the save button the list was cut ("nog geen eerd")
        self.earlier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bottom = QVBoxLayout()
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        read_back = QHBoxLayout()
        read_back.addWidget(QLabel(self.tr("Teruglezen:")))
        read_back.addWidget(self.earlier, 1)
        bottom.addLayout(read_back)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def load(
        self, week: date, prompts: tuple[Prompt, ...], saved: ReflectionInfo, earlier: list[date]
    ) -> None:
        """Show ``week``'s questions with the saved answers and journal; list the earlier weeks."""
        self.week = week
        self.heading.setText(self.tr("Reflectie – week van %1").replace("%1", day(week)))
        while self._q_layout.count():
            item = self._q_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.boxes = {}
        for prompt in prompts:
            question = QLabel(prompt.question)
            question.setWordWrap(True)
            question.setTextFormat(Qt.TextFormat.PlainText)
            bold = question.font()
            bold.setBold(True)  # a font, not a style sheet: the wrapped height is then measured right
            question.setFont(bold)
            box = QPlainTextEdit(saved.answers.get(prompt.key, ""))
            box.setPlaceholderText(prompt.hint)
            box.setAccessibleName(prompt.question)
            box.setFixedHeight(64)
            box.setTabChangesFocus(True)
            box.textChanged.connect(self._changed)
            self._q_layout.addWidget(question)
            self._q_layout.addWidget(box)
            self.boxes[prompt.key] = box
        self._extra = {k: v for k, v in saved.answers.items() if k not in self.boxes}
        self.journal.blockSignals(True)
        self.journal.setPlainText(saved.journal)
        self.journal.blockSignals(False)
        self._saved = (saved.journal, dict(saved.answers))
        self.save_button.setEnabled(False)
        self.status.clear_message()
        if saved.updated_at is not None:
            when = saved.updated_at.strftime("%d-%m-%Y %H:%M")
            self.status.show_message(self.tr("Laatst opgeslagen op %1.").replace("%1", when), "info")
        self.set_earlier(earlier)

    def set_earlier(self, weeks: list[date]) -> None:
        """The weeks with a saved reflection, newest first."""
        self.earlier.blockSignals(True)
        self.earlier.clear()
        if not weeks:
            self.earlier.addItem(self.tr("nog geen eerdere weken"), None)
            self.earlier.setEnabled(False)
        else:
            self.earlier.setEnabled(True)
            for week in weeks:
                self.earlier.addItem(self.tr("week van %1").replace("%1", day(week)), week)
            if self.week in weeks:
                self.earlier.setCurrentIndex(weeks.index(self.week))
        self.earlier.blockSignals(False)

    def answers(self) -> dict[str, str]:
        """The answers typed (empty ones left out; answers to questions no longer asked are kept)."""
        typed = {k: box.toPlainText().strip() for k, box in self.boxes.items()}
        return {**self._extra, **{k: v for k, v in typed.items() if v}}

    def journal_text(self) -> str:
        """The free journal as typed."""
        return self.journal.toPlainText().strip()

    def is_dirty(self) -> bool:
        """True when something was typed since the last load or save."""
        if self.week is None:
            return False
        saved_journal, saved_answers = self._saved
        return self.journal_text() != saved_journal.strip() or self.answers() != {
            k: v for k, v in saved_answers.items() if v
        }

    def mark_saved(self, saved: ReflectionInfo, earlier: list[date]) -> None:
        """After a save: remember what is stored and say so."""
        self._saved = (saved.journal, dict(saved.answers))
        self.save_button.setEnabled(False)
        when = saved.updated_at.strftime("%H:%M") if saved.updated_at else ""
        self.status.show_message(self.tr("Opgeslagen om %1.").replace("%1", when), "ok")
        self.set_earlier(earlier)

    def _changed(self) -> None:
        self.save_button.setEnabled(self.is_dirty())

    def _earlier_chosen(self, index: int) -> None:
        week = self.earlier.itemData(index)
        if week is not None and week != self.week:
            self.week_requested.emit(week)
