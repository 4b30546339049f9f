"""The rules as numbered buttons: the digit 1-9 picks the rule at that position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.pages.log.choice import ChoiceGroup, choice_button

if TYPE_CHECKING:
    from app.store.records import RuleInfo


def category_label(category: str) -> str:
    """The Dutch name of a rule category."""
    return {
        "routine": QCoreApplication.translate("RuleButtons", "routine"),
        "respect": QCoreApplication.translate("RuleButtons", "respect"),
        "safety": QCoreApplication.translate("RuleButtons", "veiligheid"),
    }.get(category, category)


class RuleButtons(QWidget):
    """One checkable button per active rule, numbered in the agreed order."""

    #: a rule was chosen by click or digit (its id)
    rule_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: list[RuleInfo] = []
        self.buttons: list[QPushButton] = []
        self.group = ChoiceGroup(self)
        self.heading = QLabel(self.tr("Afspraak (toets 1–9)"))
        self.empty = QLabel(self.tr("Er zijn nog geen actieve afspraken. Voeg ze toe bij Instellingen."))
        self.empty.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.empty)
        self.group.chosen.connect(self.rule_chosen.emit)

    def set_rules(self, rules: list[RuleInfo]) -> None:
        """Show these rules (already in their agreed order)."""
        chosen = self.chosen_id()
        for button in self.buttons:
            button.hide()
            button.deleteLater()
        self.group.clear()
        self.rules = list(rules)
        self.buttons = []
        for index, rule in enumerate(self.rules):
            number = f"{index + 1}  " if index < 9 else "    "
            marker = "  ⚠" if rule.category == "safety" else ""
            button = choice_button(
                f"{number}{rule.name}{marker}",
                self.tr("Afspraak {n}: {name}").replace("{n}", str(index + 1)).replace("{name}", rule.name),
                self,
            )
            details = (
                self.tr("Categorie: {c}. Begint op stap {s} van de ladder.")
                .replace("{c}", category_label(rule.category))
                .replace("{s}", str(rule.start_step))
            )
            button.setToolTip(f"{rule.name}\n{details}")
            button.setAccessibleDescription(details)
            self.group.add(button, rule.id)
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.empty.setVisible(not self.rules)
        if chosen is not None:
            self.set_chosen(chosen)

    def rule_at(self, position: int) -> RuleInfo | None:
        """The rule with this number (1-based), if there is one."""
        return self.rules[position - 1] if 1 <= position <= len(self.rules) else None

    def rule(self, rule_id: int) -> RuleInfo | None:
        """The shown rule with this id."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def chosen_id(self) -> int | None:
        """The id of the checked rule."""
        return self.group.checked_id()

    def set_chosen(self, rule_id: int | None) -> None:
        """Check the button of this rule (None: uncheck all), without emitting."""
        self.group.set_checked(rule_id)

    def focus_chosen(self) -> None:
        """Give the keyboard focus to the checked button, or the first one."""
        button = self.group.checked_button() or (self.buttons[0] if self.buttons else None)
        if button is not None:
            button.setFocus()
