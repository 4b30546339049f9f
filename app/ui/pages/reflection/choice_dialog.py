"""Make or change a prepared choice: the situation (any combination) and the teacher's own response.

Made from a blind-spot card, the situation and a response are proposed from the finding
(``proposal_for``); the teacher edits before saving. Made from scratch, everything starts open.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.analysis.audit.explain import value_label
from app.analysis.audit.situation_words import responses, situation_text
from app.core.errors import UserError
from app.core.situation import Situation
from app.core.vocabulary import ENERGIES, MOODS, SCHOOL_DAYS
from app.store.choices import ChoiceDraft
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.analysis.results import Estimate
    from app.store.records import ChoiceInfo
    from app.ui.context import AppContext

PERIODS = range(1, 11)


def proposal_for(ctx: AppContext, estimate: Estimate, today: date) -> ChoiceDraft:
    """The situation and response the app proposes for a finding (the teacher edits before saving)."""
    store = ctx.store
    fields: dict[str, Any] = {}
    if estimate.kind == "student":
        found = store.student_by_external_id(estimate.subject)
        fields["student_id"] = found.id if found else None
    elif estimate.kind == "group" and estimate.dimension == "group":
        fields["class_id"] = next((c.id for c in store.classes() if c.name == estimate.subject), None)
    elif estimate.kind == "group":
        fields["attribute"], fields["attribute_value"] = estimate.dimension, estimate.subject
    elif estimate.kind == "rule":
        found_rule = store.rule_by_name(estimate.dimension)
        fields["rule_id"] = found_rule.id if found_rule else None
    elif estimate.dimension == "weekday":
        fields["weekday"] = estimate.subject
    elif estimate.dimension == "period" and estimate.subject.isdigit():
        fields["period"] = int(estimate.subject)
    elif estimate.dimension in ("lesson_mood", "teacher_energy"):
        fields[estimate.dimension] = estimate.subject
    proposed = responses()
    response = proposed[1] if estimate.direction == "stricter" else proposed[0]
    return ChoiceDraft(response=response, starts_on=today, direction=estimate.direction, **fields)


def _combo(items: list[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class ChoiceDialog(QDialog):
    """The form of one prepared choice; 'Opslaan' stores it (a clear message when it is not complete)."""

    def __init__(
        self,
        ctx: AppContext,
        draft: ChoiceDraft | None = None,
        choice: ChoiceInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = choice
        self.saved: ChoiceInfo | None = None
        draft = draft or _draft_of(choice) or ChoiceDraft(response="", starts_on=date.today())
        self._direction = draft.direction
        self.setWindowTitle(self.tr("Voorbereide keuze") if choice is None else self.tr("Keuze aanpassen"))
        self.resize(560, 520)
        store = ctx.store
        none = self.tr("— niet van belang —")
        intro = QLabel(
            self.tr(
                "Een voorbereide keuze: als deze situatie zich voordoet, dan doe ik dit. Kies waarin de "
                "situatie zit (één ding of een combinatie) en schrijf in je eigen woorden wat je dan doet."
            )
        )
        intro.setWordWrap(True)
        students = [(f"{s.name} ({s.class_name})", s.id) for s in store.students()]
        self.student = _combo([(none, None), *students], draft.student_id)
        self.klass = _combo([(none, None)] + [(c.name, c.id) for c in store.classes()], draft.class_id)
        values = sorted({(a, v) for s in store.students() for a, v in s.attributes.items() if v})
        self.attribute = _combo(
            [(none, None)] + [(f"{a}: {v}", (a, v)) for a, v in values],
            (draft.attribute, draft.attribute_value) if draft.attribute else None,
        )
        self.weekday = _combo(
            [(none, None)] + [(value_label("weekday", d), d) for d in SCHOOL_DAYS], draft.weekday
        )
        self.period = _combo(
            [(none, None)] + [(self.tr("%1e lesuur").replace("%1", str(p)), p) for p in PERIODS],
            draft.period,
        )
        self.mood = _combo(
            [(none, None)] + [(value_label("lesson_mood", m), m) for m in MOODS], draft.lesson_mood
        )
        self.energy = _combo(
            [(none, None)] + [(value_label("teacher_energy", e), e) for e in ENERGIES], draft.teacher_energy
        )
        self.rule = _combo([(none, None)] + [(r.name, r.id) for r in store.rules()], draft.rule_id)
        self.proposed = QComboBox()
        self.proposed.addItem(self.tr("— eigen woorden —"), "")
        for text in responses():
            self.proposed.addItem(text, text)
        self.response = QPlainTextEdit(draft.response)
        self.response.setAccessibleName(self.tr("Wat doe je dan?"))
        self.response.setMaximumHeight(80)
        self.response.setTabChangesFocus(True)
        self.proposed.activated.connect(self._take_proposed)
        self.starts = QDateEdit(QDate(draft.starts_on.year, draft.starts_on.month, draft.starts_on.day))
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("d MMM yyyy")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet("background: #eef4fb; color: #1a1a1a; padding: 6px; border-radius: 4px;")
        self.message = InlineMessage()

        form = QFormLayout()
        for label, widget in (
            (self.tr("Leerling"), self.student),
            (self.tr("Klas"), self.klass),
            (self.tr("Kenmerk"), self.attribute),
            (self.tr("Afspraak"), self.rule),
            (self.tr("Dag"), self.weekday),
            (self.tr("Lesuur"), self.period),
            (self.tr("Sfeer van de les"), self.mood),
            (self.tr("Mijn energie"), self.energy),
            (self.tr("Voorstel"), self.proposed),
            (self.tr("Dan doe ik"), self.response),
            (self.tr("Geldt vanaf"), self.starts),
        ):
            form.addRow(label, widget)
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._update_preview)
        self.response.textChanged.connect(self._update_preview)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Save | standard.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_preview()

    def _take_proposed(self, index: int) -> None:
        text = self.proposed.itemData(index)
        if text:
            self.response.setPlainText(text)

    def draft(self) -> ChoiceDraft:
        """What the form says now."""
        attribute = self.attribute.currentData()
        day = self.starts.date()
        return ChoiceDraft(
            response=self.response.toPlainText(),
            starts_on=date(day.year(), day.month(), day.day()),
            student_id=self.student.currentData(),
            class_id=self.klass.currentData(),
            attribute=attribute[0] if attribute else None,
            attribute_value=attribute[1] if attribute else None,
            weekday=self.weekday.currentData(),
            period=self.period.currentData(),
            lesson_mood=self.mood.currentData(),
            teacher_energy=self.energy.currentData(),
            rule_id=self.rule.currentData(),
            direction=self._direction,
        )

    def _update_preview(self) -> None:
        d = self.draft()
        klass = self.klass.currentText() if d.class_id is not None else None
        rule = self.rule.currentText() if d.rule_id is not None else None
        student = self.student.currentText() if d.student_id is not None else None
        situation = Situation(
            student=student,
            group=klass,
            attribute=d.attribute,
            value=d.attribute_value,
            weekday=d.weekday,
            period=d.period,
            lesson_mood=d.lesson_mood,
            teacher_energy=d.teacher_energy,
            rule=rule,
        )
        if situation.empty:
            self.preview.setText(self.tr("Kies minstens één ding waarin de situatie zit."))
            return
        self.preview.setText(f"{situation_text(situation, student)}:\n{d.response.strip() or '…'}")

    def save(self) -> None:
        """Store the choice; a clear message (and nothing stored) when something is missing."""
        try:
            draft = self.draft()
            if self.choice is None:
                self.saved = self.ctx.store.add_choice(draft)
            else:
                self.saved = self.ctx.store.update_choice(self.choice.id, draft)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.ctx.changed()
        self.accept()


def _draft_of(choice: ChoiceInfo | None) -> ChoiceDraft | None:
    if choice is None:
        return None
    s = choice.situation
    return ChoiceDraft(
        response=choice.response,
        starts_on=choice.starts_on,
        student_id=choice.student_id,
        class_id=choice.class_id,
        attribute=s.attribute,
        attribute_value=s.value,
        weekday=s.weekday,
        period=s.period,
        lesson_mood=s.lesson_mood,
        teacher_energy=s.teacher_energy,
        rule_id=choice.rule_id,
        direction=choice.direction,
    )
