"""The ladder as numbered buttons: the agreed step is preselected and marked, a digit overrides it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.pages.log.choice import ChoiceGroup, choice_button, set_agreed_look

if TYPE_CHECKING:
    from app.store.records import StepInfo


def agreed_text(step_name: str, strike: int) -> str:
    """'volgens afspraak: 2e waarschuwing (2e keer deze les)'."""
    return (
        QCoreApplication.translate("LadderButtons", "volgens afspraak: {step} ({n}e keer deze les)")
        .replace("{step}", step_name)
        .replace("{n}", str(strike))
    )


class LadderButtons(QWidget):
    """One checkable button per ladder step; the agreed one has a dashed border and the word 'afspraak'."""

    #: a step was chosen by click (its level)
    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[StepInfo] = []
        self.buttons: list[QPushButton] = []
        self.agreed: int | None = None
        self.group = ChoiceGroup(self)
        self.heading = QLabel(self.tr("Stap op de ladder (toets om te wijzigen)"))
        self.agreed_label = QLabel(self.tr("Kies eerst een leerling en een afspraak."))
        self.agreed_label.setObjectName("agreed_label")
        self.agreed_label.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.agreed_label)
        self.group.chosen.connect(self.step_chosen.emit)

    def set_steps(self, steps: list[StepInfo]) -> None:
        """Show the ladder, lightest step first."""
        for button in self.buttons:
            button.hide()
            button.deleteLater()
        self.group.clear()
        self.steps = list(steps)
        self.buttons = []
        for step in self.steps:
            kind = self.tr("waarschuwing") if step.kind == "warning" else self.tr("consequentie")
            button = choice_button(self._text(step, agreed=False), "", self)
            button.setToolTip(
                self.tr("Stap {n}: {kind}").replace("{n}", str(step.level)).replace("{kind}", kind)
            )
            self.group.add(button, step.level)
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show_agreed(None, 0)

    def _text(self, step: StepInfo, *, agreed: bool) -> str:
        suffix = "   ✓ " + self.tr("afspraak") if agreed else ""
        return f"{step.level}  {step.name}{suffix}" if step.level <= 9 else f"    {step.name}{suffix}"

    def step_name(self, level: int) -> str:
        """The name of a ladder level."""
        return next((s.name for s in self.steps if s.level == level), str(level))

    def show_agreed(self, level: int | None, strike: int) -> None:
        """Mark the agreed step for this strike (None: nothing chosen yet) and enable the buttons."""
        self.agreed = level
        for step, button in zip(self.steps, self.buttons, strict=True):
            is_agreed = step.level == level
            button.setText(self._text(step, agreed=is_agreed))
            set_agreed_look(button, is_agreed)
            name = self.tr("Stap {n}: {name}").replace("{n}", str(step.level)).replace("{name}", step.name)
            if is_agreed:
                name += ", " + self.tr("volgens afspraak")
            button.setAccessibleName(name)
            button.setEnabled(level is not None)
        if level is None:
            self.agreed_label.setText(self.tr("Kies eerst een leerling en een afspraak."))
        else:
            self.agreed_label.setText(agreed_text(self.step_name(level), strike))

    def chosen(self) -> int | None:
        """The checked level."""
        return self.group.checked_id()

    def set_chosen(self, level: int | None) -> None:
        """Check this level (None: none), without emitting."""
        self.group.set_checked(level)

    def focus_chosen(self) -> None:
        """Give the keyboard focus to the checked step."""
        button = self.group.checked_button()
        if button is not None:
            button.setFocus()
