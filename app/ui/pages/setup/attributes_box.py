"""Audit attributes the teacher defines (e.g. geslacht, ondersteuningsplan): define and remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from app.core.errors import UserError
from app.ui.pages.setup.common import button, limit
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext


class AttributesBox(QGroupBox):
    """The list of audit attributes with a field to add one and a two-step remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kenmerken voor je eigen controle"), parent)
        self.ctx = ctx
        self._confirm: str | None = None
        explain = QLabel(
            self.tr(
                "Alleen voor je eigen controle op gelijke behandeling; ze verlaten deze computer nooit "
                "herleidbaar tot een leerling."
            )
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Gedefinieerde kenmerken"))
        self.name = QLineEdit()
        limit(self.name, "attribute").setAccessibleName(self.tr("Naam van een nieuw kenmerk"))
        self.name.setPlaceholderText(self.tr("bijv. geslacht"))
        self.add_button = button(self.tr("Toevoegen"), self.tr("Kenmerk toevoegen"))
        self.remove_button = button(self.tr("Verwijderen"), self.tr("Gekozen kenmerk verwijderen"))
        self.message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.name)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.list.currentRowChanged.connect(lambda _row: self._reset_confirm())

    def refresh(self) -> None:
        """Show the attributes as stored."""
        current = self.list.currentItem().text() if self.list.currentItem() else None
        self.list.clear()
        names = self.ctx.store.attribute_names()
        self.list.addItems(names)
        if current in names:
            self.list.setCurrentRow(names.index(current))
        self.remove_button.setEnabled(bool(names))

    def add(self) -> None:
        """Define the attribute typed in the field."""
        name = self.name.text().strip()
        taken = next((n for n in self.ctx.store.attribute_names() if n.casefold() == name.casefold()), None)
        if taken is not None:  # 'Geslacht' beside 'geslacht' would split one attribute in two
            self.message.show_error(self.tr("Het kenmerk '{name}' bestaat al.").replace("{name}", taken))
            return
        try:
            self.ctx.store.define_attribute(name)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.name.clear()
        self.message.show_message(self.tr("Kenmerk '{name}' toegevoegd.").replace("{name}", name), "ok")
        self.ctx.changed()

    def remove(self) -> None:
        """Remove the selected attribute; the first click asks to click again, as it wipes every value."""
        item = self.list.currentItem()
        if item is None:
            self.message.show_error(self.tr("Kies eerst een kenmerk in de lijst."))
            return
        name = item.text()
        if self._confirm != name:
            self._confirm = name
            self.message.show_message(
                self.tr(
                    "Verwijderen wist '{name}' bij alle leerlingen. Klik nogmaals op 'Verwijderen' "
                    "om dat te bevestigen."
                ).replace("{name}", name),
                "info",
            )
            return
        self._confirm = None
        self.ctx.store.remove_attribute(name)
        self.message.show_message(self.tr("Kenmerk '{name}' verwijderd.").replace("{name}", name), "ok")
        self.ctx.changed()

    def _reset_confirm(self) -> None:
        if self._confirm is not None:
            self._confirm = None
            self.message.clear_message()
