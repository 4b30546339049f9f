"""Passphrase prompts: unlock the store at start, choose a new one, change it; and the start-up flow.

``open_store_with_prompt`` opens the store and asks for what is missing: the passphrase of an encrypted
store (again after a wrong one), or, for a damaged file, whether to restore a backup.
``offer_encryption`` is the skippable first-start offer to protect the store with a passphrase.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.models.store import Store
    from app.ui.context import AppContext

#: QSettings key: 'later' (ask again next start), 'never' or 'done'
OFFER_KEY = "privacy/encryption_offer"
MIN_LENGTH = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseDialog", text)


class PassphraseDialog(QDialog):
    """Ask for a passphrase: 'unlock' (one field), 'new' (twice) or 'change' (current, then new twice)."""

    def __init__(self, mode: str = "unlock", path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setWindowTitle(_tr("Wachtwoord") if mode == "unlock" else _tr("Wachtwoord kiezen"))
        intro = QLabel(self._intro(path))
        intro.setWordWrap(True)
        self.current_edit = self._field(_tr("Huidig wachtwoord"))
        self.new_edit = self._field(_tr("Wachtwoord"))
        self.repeat_edit = self._field(_tr("Nog eens"))
        form = QFormLayout()
        if mode == "change":
            form.addRow(_tr("&Huidig wachtwoord:"), self.current_edit)
        form.addRow(_tr("&Wachtwoord:") if mode != "change" else _tr("&Nieuw wachtwoord:"), self.new_edit)
        if mode != "unlock":
            form.addRow(_tr("N&og eens:"), self.repeat_edit)
        self.message = InlineMessage()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _tr("Openen") if mode == "unlock" else _tr("Opslaan")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Annuleren"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.current_edit if mode == "change" else self.new_edit).setFocus()

    def _intro(self, path: Path | None) -> str:
        if self.mode == "unlock":
            return _tr("Dit logboek is versleuteld. Geef het wachtwoord om het te openen.") + (
                f"\n{path}" if path else ""
            )
        return _tr(
            "Kies een wachtwoord van minstens 8 tekens. Zonder dit wachtwoord kan niemand het logboek "
            "lezen, ook jij niet: bewaar het op een veilige plek."
        )

    @staticmethod
    def _field(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def show_error(self, text: str) -> None:
        """Show a problem inside the dialog (e.g. a wrong passphrase)."""
        self.message.show_message(text, "error")

    def passphrase(self) -> str:
        """The (new) passphrase typed."""
        return self.new_edit.text()

    def current(self) -> str:
        """The current passphrase typed (mode 'change')."""
        return self.current_edit.text()

    def _accept(self) -> None:
        if not self.passphrase():
            self.show_error(_tr("Typ een wachtwoord."))
            return
        if self.mode != "unlock":
            if len(self.passphrase()) < MIN_LENGTH:
                self.show_error(_tr("Kies een wachtwoord van minstens 8 tekens."))
                return
            if self.passphrase() != self.repeat_edit.text():
                self.show_error(_tr("De twee wachtwoorden verschillen."))
                return
        self.accept()


def _choose_backup(db_path: Path, parent: QWidget | None) -> Path | None:
    """Let the teacher pick one of the store's backups (newest first), or a backup file elsewhere."""
    from PySide6.QtWidgets import QFileDialog

    from app.models.backup import list_backups

    backups = list_backups(db_path)
    other = _tr("Ander bestand…")
    if backups:
        labels = [f"{b.created:%d-%m-%Y %H:%M}  ({b.kind})  {b.path.name}" for b in backups]
        label, ok = QInputDialog.getItem(
            parent, _tr("Back-up terugzetten"), _tr("Kies een back-up:"), [*labels, other], 0, False
        )
        if not ok:
            return None
        if label != other:
            return backups[labels.index(label)].path
    else:
        QMessageBox.information(
            parent,
            "fair-strictness",
            _tr("Er zijn geen back-ups van dit logboek in de map backups. Kies een back-up-bestand."),
        )
    name, _filter = QFileDialog.getOpenFileName(
        parent, _tr("Back-up terugzetten"), str(db_path.parent), _tr("Logboek (*.db)")
    )
    return Path(name) if name else None


def open_store_with_prompt(db_path: Path, parent: QWidget | None = None) -> Store | None:
    """Open the store, asking for the passphrase or offering a backup as needed; None when cancelled."""
    from app.errors import UserError
    from app.models.integrity import DamagedStoreError, PassphraseRequiredError, WrongPassphraseError
    from app.models.restore import restore_file
    from app.models.store import Store

    passphrase: str | None = None
    problem = ""
    while True:
        try:
            return Store.open(db_path, passphrase=passphrase)
        except (PassphraseRequiredError, WrongPassphraseError) as exc:
            dialog = PassphraseDialog("unlock", db_path, parent)
            if problem or isinstance(exc, WrongPassphraseError):
                dialog.show_error(str(exc))
            problem = str(exc)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            passphrase = dialog.passphrase()
        except DamagedStoreError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "fair-strictness", str(exc), parent=parent)
            restore = box.addButton(_tr("Back-up terugzetten…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(_tr("Stoppen"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not restore:
                return None
            chosen = _choose_backup(db_path, parent)
            if chosen is None:
                return None
            try:
                restore_file(db_path, chosen, passphrase, force=True)
            except UserError as err:
                QMessageBox.warning(parent, "fair-strictness", str(err))
                return None


def encrypt_with_dialog(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Ask a new passphrase and encrypt the open store (and its backups); True when done."""
    from app.errors import UserError
    from app.models.crypto import encrypt_store

    dialog = PassphraseDialog("new", parent=parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        ctx.tasks.wait()  # no background read may hold the file while it is converted
        try:
            encrypt_store(ctx.store, dialog.passphrase())
        except UserError as exc:
            dialog.show_error(str(exc))
            continue
        ctx.settings.setValue(OFFER_KEY, "done")
        ctx.changed()
        return True
    return False


class EncryptionOffer(QFrame):
    """The first-start offer as a calm banner inside the window: it never takes the keyboard focus."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryptionOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Aanbod: logboek beveiligen"))
        text = QLabel(
            _tr(
                "Je logboek bevat gegevens over leerlingen. Met een wachtwoord is het bestand (en elke "
                "back-up) onleesbaar voor wie het wachtwoord niet kent. Aanbevolen."
            )
        )
        text.setWordWrap(True)
        self.encrypt_button = QPushButton(_tr("Nu beveiligen…"))
        self.later_button = QPushButton(_tr("Later"))
        self.never_button = QPushButton(_tr("Niet meer vragen"))
        layout = QHBoxLayout(self)
        layout.addWidget(text, 1)
        for button in (self.encrypt_button, self.later_button, self.never_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by Tab, never grabs focus
            layout.addWidget(button)
        settings: QSettings = ctx.settings

        def later() -> None:
            settings.setValue(OFFER_KEY, "later")
            self.hide()

        def never() -> None:
            settings.setValue(OFFER_KEY, "never")
            self.hide()

        def encrypt() -> None:
            self.hide()
            encrypt_with_dialog(ctx, self.window())

        self.later_button.clicked.connect(later)
        self.never_button.clicked.connect(never)
        self.encrypt_button.clicked.connect(encrypt)

    def buttons(self) -> list[QPushButton]:
        """The three choices, in order."""
        return [self.encrypt_button, self.later_button, self.never_button]


def offer_encryption(ctx: AppContext, parent: QWidget | None = None) -> EncryptionOffer | None:
    """At first start, offer (without blocking or taking focus) to protect the store with a passphrase.

    The offer is a banner: the main window shows it above its pages (``add_banner``); typing a name on
    the Log page right after start goes on undisturbed.
    """
    from app.models.crypto import available

    settings: QSettings = ctx.settings
    if (
        ctx.store.encrypted
        or not available()
        or str(settings.value(OFFER_KEY, "") or "") in ("never", "done")
    ):
        return None
    offer = EncryptionOffer(ctx, parent)
    add_banner = getattr(parent, "add_banner", None)
    if callable(add_banner):
        add_banner(offer)
    offer.show()
    return offer
