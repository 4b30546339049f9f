"""Tab 'Afspraken en ladder': the rules (order, category, start step, active, afbouw) and the ladder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.vocabulary import CATEGORIES
from app.ui.pages.setup.agreements_dialog import AgreementsActions
from app.ui.pages.setup.common import button, category_label, limit
from app.ui.pages.setup.ladder_box import LadderBox
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.table_models import locale_date

if TYPE_CHECKING:
    from app.store.records import RuleInfo
    from app.ui.context import AppContext

#: item data role holding a rule id in the rule list
RuleIdRole = Qt.ItemDataRole.UserRole + 11


class RulesTab(QWidget):
    """Rules in their order (drag, or the up/down buttons), a form for one rule, and the ladder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules: list[RuleInfo] = []
        self.rule: RuleInfo | None = None  #: the rule in the form (None: a new one)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Afspraken in volgorde; het nummer is de toets op de logpagina"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.up_button = button(self.tr("Omhoog"), self.tr("Afspraak omhoog"))
        self.down_button = button(self.tr("Omlaag"), self.tr("Afspraak omlaag"))
        self.new_button = button(self.tr("&Nieuwe afspraak"))
        self.export_button = button(self.tr("E&xporteren…"), self.tr("Afspraken exporteren"))
        self.export_button.setToolTip(self.tr("Afspraken, ladder en afbouw als bestand voor collega's"))
        self.import_button = button(self.tr("&Importeren…"), self.tr("Afspraken importeren"))
        self.import_button.setToolTip(self.tr("Afspraken van een collega overnemen, met een voorbeeld"))
        order_hint = QLabel(
            self.tr("Sleep of gebruik Omhoog/Omlaag: het nummer is de cijfertoets op de logpagina.")
        )
        order_hint.setWordWrap(True)
        rules_box = QGroupBox(self.tr("Afspraken"))
        left = QVBoxLayout(rules_box)
        left.addWidget(order_hint)
        left.addWidget(self.list, 1)
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.new_button)
        left.addLayout(order)
        team = QHBoxLayout()
        team.addWidget(QLabel(self.tr("Voor het team:")))
        team.addWidget(self.export_button)
        team.addWidget(self.import_button)
        team.addStretch(1)
        left.addLayout(team)

        self.name = QLineEdit()
        limit(self.name, "rule").setAccessibleName(self.tr("Naam van de afspraak"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Categorie"))
        for key in CATEGORIES:
            self.category.addItem(category_label(key), key)
        self.start_step = QComboBox()
        self.start_step.setAccessibleName(self.tr("Startstap op de ladder"))
        self.active = QCheckBox(self.tr("Actief (staat op de logpagina)"))
        self.active.setAccessibleName(self.tr("Afspraak actief"))
        self.active.setChecked(True)
        self.phase_label = QLabel()
        self.phase_label.setWordWrap(True)
        self.phase_button = button(self.tr("&Afbouwplan…"), self.tr("Afbouwplan van deze afspraak"))
        self.save_button = button(self.tr("Afspraak &opslaan"), self.tr("Afspraak opslaan"))
        self.message = InlineMessage()
        self.form_box = QGroupBox(self.tr("Afspraak"))
        form = QFormLayout()
        form.addRow(self.tr("Naa&m"), self.name)
        form.addRow(self.tr("&Categorie"), self.category)
        form.addRow(self.tr("&Startstap"), self.start_step)
        form.addRow("", self.active)
        form.addRow(self.tr("Afbouw"), self.phase_label)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.phase_button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.save_button)
        middle = QVBoxLayout(self.form_box)
        middle.addLayout(form)
        middle.addLayout(form_buttons)
        middle.addWidget(self.message)
        hint = QLabel(
            self.tr(
                "De startstap is de reactie bij de 1e keer in een les; elke volgende keer is het één stap "
                "hoger, tot de hoogste stap. Veiligheid begint meestal hoger. Met afbouw plan je vanaf "
                "welke datum een afspraak op een andere stap begint."
            )
            + " "
            + self.tr(
                "Een andere startstap of ladder geldt vanaf vandaag: incidenten van eerder houden de stap "
                "die toen was afgesproken."
            )
        )
        hint.setWordWrap(True)
        middle.addSpacing(12)
        middle.addWidget(hint)
        middle.addStretch(1)

        self.ladder = LadderBox(ctx)
        layout = QHBoxLayout(self)
        layout.addWidget(rules_box, 5)
        layout.addWidget(self.form_box, 4)
        layout.addWidget(self.ladder, 5)

        self.list.currentItemChanged.connect(lambda *_: self._rule_selected())
        # after the drop has finished: the refresh that follows rebuilds the list the drop is still using
        self.list.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._dropped))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.name.returnPressed.connect(self.save)
        self.phase_button.clicked.connect(self.open_phase_down)
        self.agreements = AgreementsActions(ctx, self, self.message)
        self.export_button.clicked.connect(self.agreements.export_clicked)
        self.import_button.clicked.connect(self.agreements.import_clicked)

    # -- showing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read rules and ladder again (the form keeps the selected rule)."""
        keep = self.rule.id if self.rule is not None else None
        self.rules = self.ctx.store.rules()
        ladder = self.ctx.store.ladder()
        current_step = self.start_step.currentData()
        self.start_step.clear()
        for s in ladder:
            self.start_step.addItem(f"{s.level} · {s.name}", s.level)
        self.start_step.setCurrentIndex(max(self.start_step.findData(current_step), 0))
        self.list.blockSignals(True)
        self.list.clear()
        for position, rule in enumerate(self.rules, start=1):
            item = QListWidgetItem(self._item_text(position, rule))
            item.setData(RuleIdRole, rule.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r.id for r in self.rules]
        if keep in ids:
            self.list.setCurrentRow(ids.index(keep))
            self.rule = self.rules[ids.index(keep)]
            self._show_phase(self.rule)
        elif self.rule is None and self.name.text():
            pass  # a new rule being typed stays in the form
        elif ids:
            self.list.setCurrentRow(0)
            self._rule_selected()
        self._update_buttons()
        self.ladder.refresh()

    def _item_text(self, position: int, rule: RuleInfo) -> str:
        details = f"{category_label(rule.category)} · " + self.tr("start op stap {n}").replace(
            "{n}", str(rule.current_start)
        )
        text = f"{position}. {rule.name}\n      {details}"
        if rule.phase_downs:
            text += "  " + self.tr("(afbouw)")
        if not rule.active:
            text += "  " + self.tr("[niet actief]")
        return text

    def _rule_selected(self) -> None:
        item = self.list.currentItem()
        rule = next((r for r in self.rules if item is not None and r.id == item.data(RuleIdRole)), None)
        if rule is None:
            return
        if self.rule is None or self.rule.id != rule.id:
            self.message.clear_message()
        self.rule = rule
        self.form_box.setTitle(self.tr("Afspraak bewerken"))
        self.name.setText(rule.name)
        self.category.setCurrentIndex(max(self.category.findData(rule.category), 0))
        self.start_step.setCurrentIndex(max(self.start_step.findData(rule.current_start), 0))
        self.active.setChecked(rule.active)
        self._show_phase(rule)
        self._update_buttons()

    def _show_phase(self, rule: RuleInfo) -> None:
        if rule.phase_downs:
            parts = [
                self.tr("vanaf {date}: stap {n}").replace("{date}", locale_date(d)).replace("{n}", str(step))
                for d, step in rule.phase_downs
            ]
            self.phase_label.setText("; ".join(parts))
        else:
            self.phase_label.setText(self.tr("geen afbouw gepland"))

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        existing = self.rule is not None
        self.up_button.setEnabled(existing and row > 0)
        self.down_button.setEnabled(existing and 0 <= row < self.list.count() - 1)
        self.phase_button.setEnabled(existing)

    def start_new(self) -> None:
        """Empty the form for a new rule."""
        self.rule = None
        self.list.clearSelection()
        self.form_box.setTitle(self.tr("Nieuwe afspraak"))
        self.name.clear()
        self.category.setCurrentIndex(0)
        self.start_step.setCurrentIndex(0)
        self.active.setChecked(True)
        self.phase_label.setText(self.tr("eerst opslaan, dan kun je afbouw plannen"))
        self.message.clear_message()
        self._update_buttons()
        self.name.setFocus()

    # -- writing -----------------------------------------------------------------------------------
    def save(self) -> None:
        """Add or update the rule in the form; a refusal is shown and nothing changes."""
        store = self.ctx.store
        fields = {
            "name": self.name.text(),
            "category": self.category.currentData(),
            "start_step": int(self.start_step.currentData() or 0),
        }
        try:
            if self.rule is None:
                rule = store.add_rule(**fields)  # type: ignore[arg-type]  # fields: exactly the rule keywords
                if not self.active.isChecked():
                    rule = store.update_rule(rule.id, active=False)
                done = self.tr("Afspraak '{name}' toegevoegd als nummer {n}.").replace(
                    "{n}", str(rule.position)
                )
            else:
                old_name = self.rule.name
                rule = store.update_rule(self.rule.id, active=self.active.isChecked(), **fields)  # type: ignore[arg-type]  # fields: the rule keywords
                done = self.tr("Afspraak '{name}' opgeslagen.")
                if (
                    rule.name != old_name
                ):  # typing over the name renames: say so, a new rule has its own button
                    done = self.tr(
                        "'{old}' heet nu '{name}'. Een extra afspraak maak je met 'Nieuwe afspraak'."
                    ).replace("{old}", old_name)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.rule = rule
        self.message.show_message(done.replace("{name}", rule.name), "ok")
        self.ctx.changed()

    def move(self, delta: int) -> None:
        """Move the selected rule up (-1) or down (+1) in the order."""
        row = self.list.currentRow()
        target = row + delta
        if self.rule is None or not 0 <= row < len(self.rules) or not 0 <= target < len(self.rules):
            return
        ids = [r.id for r in self.rules]
        ids.insert(target, ids.pop(row))
        self._reorder(ids)

    def _dropped(self) -> None:
        ids = [self.list.item(i).data(RuleIdRole) for i in range(self.list.count())]
        self._reorder(ids)

    def _reorder(self, ids: list[int]) -> None:
        self.ctx.store.reorder_rules(ids)
        self.message.show_message(
            self.tr("Volgorde opgeslagen: de cijfertoetsen volgen de nieuwe volgorde."), "ok"
        )
        self.ctx.changed()

    def open_phase_down(self) -> None:
        """Open the phase-down plan of the selected rule."""
        from app.ui.pages.setup.phase_down_dialog import PhaseDownDialog

        if self.rule is None:
            return
        self.phase_dialog = PhaseDownDialog(self.ctx, self.rule, self)
        self.phase_dialog.open()
