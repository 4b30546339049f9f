"""The escalation ladder: rename steps, warning or consequence, add or remove steps (set_ladder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.vocabulary import STEP_KINDS
from app.ui.pages.setup.common import button, chain_tab_order, kind_label, limit
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext


class LadderBox(QGroupBox):
    """One row per step (name + kind); changes are stored together with 'Ladder opslaan'."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Escalatieladder"), parent)
        self.ctx = ctx
        self.rows: list[tuple[QLabel, QLineEdit, QComboBox]] = []
        self._loaded: list[tuple[str, str]] = []
        explain = QLabel(
            self.tr(
                "Van de lichtste reactie (stap 1) naar de zwaarste. Een stap die al in incidenten staat, "
                "kun je hernoemen maar niet weghalen."
            )
        )
        explain.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.add_button = button(self.tr("Stap toevoegen"))
        self.remove_button = button(self.tr("Laatste stap weghalen"))
        self.save_button = button(self.tr("Ladder &opslaan"), self.tr("Ladder opslaan"))
        self.revert_button = button(
            self.tr("Terugdraaien"), self.tr("Wijzigingen aan de ladder terugdraaien")
        )
        self.message = InlineMessage()
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.remove_button)
        save_row = QHBoxLayout()
        save_row.addWidget(self.revert_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self.grid)
        layout.addLayout(edit_row)
        layout.addLayout(save_row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.add_button.clicked.connect(lambda: self._add_row("", "consequence", focus=True))
        self.remove_button.clicked.connect(self._remove_row)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

    def refresh(self) -> None:
        """Show the ladder as stored; unsaved edits stay while the stored ladder did not change."""
        stored = [(s.name, s.kind) for s in self.ctx.store.ladder()]
        if stored == self._loaded and self.steps() != stored:
            return
        self._show(stored)

    def revert(self) -> None:
        """Drop unsaved edits."""
        self._show([(s.name, s.kind) for s in self.ctx.store.ladder()])
        self.message.show_message(self.tr("De ladder staat weer zoals opgeslagen."), "info")

    def _show(self, steps: list[tuple[str, str]]) -> None:
        while self.rows:
            self._remove_row()
        for name, kind in steps:
            self._add_row(name, kind)
        self._loaded = steps

    def steps(self) -> list[tuple[str, str]]:
        """The ladder as the fields say: ``(name, kind)`` per step, level 1 first."""
        return [(edit.text(), combo.currentData()) for _, edit, combo in self.rows]

    def _add_row(self, name: str, kind: str, *, focus: bool = False) -> None:
        level = len(self.rows) + 1
        label = QLabel(self.tr("Stap {n}").replace("{n}", str(level)))
        edit = limit(QLineEdit(name), "step")
        edit.setCursorPosition(0)  # show the start of a long name
        edit.setAccessibleName(self.tr("Naam van stap {n}").replace("{n}", str(level)))
        label.setBuddy(edit)
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Soort van stap {n}").replace("{n}", str(level)))
        for key in STEP_KINDS:
            combo.addItem(kind_label(key), key)
        combo.setCurrentIndex(max(combo.findData(kind), 0))
        for col, widget in enumerate((label, edit, combo)):
            self.grid.addWidget(widget, level - 1, col)
        self.rows.append((label, edit, combo))
        self.remove_button.setEnabled(len(self.rows) > 1)
        fields = [w for _, e, c in self.rows for w in (e, c)]
        chain_tab_order([*fields, self.add_button, self.remove_button, self.revert_button, self.save_button])
        if focus:
            edit.setFocus()

    def _remove_row(self) -> None:
        if not self.rows:
            return
        for widget in self.rows.pop():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.remove_button.setEnabled(len(self.rows) > 1)

    def _refuse_rules_above(self, top: int) -> bool:
        """Say so and return True when a rule starts (now or in its phase-down plan) above step ``top``."""
        above = [
            r.name
            for r in self.ctx.store.rules()
            if r.start_step > top or any(step > top for _day, step in r.phase_downs)
        ]
        if not above:
            return False
        self.message.show_error(
            self.tr(
                "Deze afspraken beginnen (nu of in hun afbouwplan) hoger dan stap {n}: {names}. Kies daar "
                "eerst een lagere startstap, dan kun je de stap weghalen."
            )
            .replace("{n}", str(top))
            .replace("{names}", ", ".join(f"'{name}'" for name in above))
        )
        return True

    def save(self) -> None:
        """Store the ladder; a refusal (e.g. a step that incidents use) is shown and nothing changes."""
        names = [name.strip().casefold() for name, _kind in self.steps()]
        twice = next((n for n in names if n and names.count(n) > 1), None)
        if twice is not None:
            level = names.index(twice)
            self.message.show_error(
                self.tr(
                    "Twee stappen heten '{name}'. Geef elke stap een eigen naam, anders zie je in de "
                    "geschiedenis niet welke bedoeld is."
                ).replace("{name}", self.steps()[level][0].strip())
            )
            return
        if self._refuse_rules_above(len(self.steps())):
            return
        try:
            self.ctx.store.set_ladder(self.steps())
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.message.show_message(self.tr("De ladder is opgeslagen."), "ok")
        self.ctx.changed()
