"""The Team page: share an anonymised summary (preview first, then save), and compare the team.

The preview is made from the exact bytes Save writes: the package is rendered once, shown, and written
unchanged; any change of the choices makes it stale and Save waits for a fresh preview. Pseudonyms are
therefore new for every preview, and the saved files are the previewed ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages.team.compare_panel import ComparePanel
from app.ui.pages.team.options_panel import ExportOptionsPanel
from app.ui.pages.team.preview_panel import PreviewPanel
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.team.files import ExportPackage
    from app.ui.context import AppContext
    from app.ui.pages.team.jobs import CaseCandidate


class TeamPage(QWidget):
    """'Mijn overzicht delen' (options, preview, save) and 'Teamvergelijking'."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.package: ExportPackage | None = None
        self._generation = 0
        self._busy = False
        self._loaded_candidates = False
        self._stale = True

        title = QLabel(self.tr("Team"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "Een anoniem overzicht voor de casuïstiekbespreking: geen namen, leerlingnummers, notities "
                "of datums, geen groep van minder dan 5 leerlingen en geen cel van minder dan 5 incidenten. "
                "Je ziet hieronder precies wat de computer verlaat, voordat je het opslaat."
            )
        )
        intro.setWordWrap(True)
        self.options = ExportOptionsPanel()
        remembered = self.ctx.settings.value("team/sections")
        if isinstance(remembered, str) and remembered:
            self.options.set_sections(frozenset(remembered.split(",")))
        self.options.changed.connect(self._options_changed)
        self.options.period_changed.connect(self.load_candidates)
        self.preview_button = QPushButton(self.tr("Voorbeeld maken"))
        self.save_button = QPushButton(self.tr("Opslaan in map…"))
        self.open_button = QPushButton(self.tr("PDF bekijken"))
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button.clicked.connect(self.ask_save)
        self.open_button.clicked.connect(self.open_pdf)
        self.message = InlineMessage()
        self.preview = PreviewPanel()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.options)
        scroll.setMinimumWidth(420)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.preview, 1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 860])
        export_tab = QWidget()
        export_layout = QVBoxLayout(export_tab)
        export_layout.addWidget(intro)
        export_layout.addWidget(split, 1)

        self.compare = ComparePanel(ctx, self.fdr())
        self.tabs = QTabWidget()
        self.tabs.addTab(export_tab, self.tr("Mijn overzicht delen"))
        self.tabs.addTab(self.compare, self.tr("Teamvergelijking"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()
        ctx.events.store_changed.connect(self._store_changed)

    # -- state ---------------------------------------------------------------------------------
    def activated(self) -> None:
        """Shown: load the case list and make a first preview."""
        if not self._loaded_candidates:
            self.load_candidates()
            self.options.plans.set_choices(self.ctx.store.choices())
        if self.package is None and not self._busy:
            self.make_preview()

    def is_busy(self) -> bool:
        """True while a preview or a comparison is being made (screenshot mode waits)."""
        return self._busy or self.compare.busy

    def fdr(self) -> float:
        """The audit's false discovery rate from the settings (0.05 by default)."""
        try:
            value = float(self.ctx.settings.value("audit/fdr", 0.05))
        except (TypeError, ValueError):
            return 0.05
        return value if 0 < value < 1 else 0.05

    def _update_buttons(self) -> None:
        ready = self.package is not None and not self._stale and not self._busy
        self.save_button.setEnabled(ready)
        self.open_button.setEnabled(ready)
        self.preview_button.setEnabled(not self._busy)

    def _options_changed(self) -> None:
        sections = self.options.sections()
        self.ctx.settings.setValue("team/sections", "" if sections is None else ",".join(sorted(sections)))
        if self.package is not None and not self._stale:
            self._stale = True
            self.message.show_message(
                self.tr("Je keuzes zijn veranderd: maak een nieuw voorbeeld voordat je opslaat.")
            )
        self._update_buttons()

    def _store_changed(self) -> None:
        self._loaded_candidates = False
        self._options_changed()

    # -- work ----------------------------------------------------------------------------------
    def load_candidates(self) -> None:
        """Reload the incidents the case cards can pick from (the chosen period)."""
        from app.ui.pages.team.jobs import load_candidates

        date_from, date_to = self.options.period()
        store = self.ctx.store
        self._loaded_candidates = True

        def done(result: list[CaseCandidate] | None, error: BaseException | None) -> None:
            if result is not None:
                self.options.cases.set_candidates(result)

        self.ctx.tasks.run_task(lambda: load_candidates(store, date_from, date_to), done)

    def make_preview(self) -> None:
        """Make the package (audit, summary, files) in the background and show it."""
        from app.ui.pages.team.jobs import make_package

        self._generation += 1
        generation = self._generation
        options, fdr, store = self.options.options(), self.fdr(), self.ctx.store
        self._busy = True
        self._update_buttons()
        self.message.show_message(self.tr("Bezig met het voorbeeld…"))
        self.ctx.tasks.run_task(
            lambda: make_package(store, options, fdr), lambda r, e: self._preview_done(generation, r, e)
        )

    def _preview_done(
        self, generation: int, package: ExportPackage | None, error: BaseException | None
    ) -> None:
        from app.core.errors import UserError

        if generation != self._generation:
            return
        self._busy = False
        if error is not None or package is None:
            self.package = None
            self.preview.set_package(None)
            text = str(error) if isinstance(error, UserError) else self.tr("Het voorbeeld mislukte: %1")
            self.message.show_error(text.replace("%1", str(error)))
        else:
            self.package = package
            self._stale = False
            self.preview.set_package(package)
            self.message.show_message(
                self.tr("Dit verlaat de computer als je opslaat: %1 bestanden.").replace(
                    "%1", str(len(package.files))
                ),
                "ok",
            )
        self._update_buttons()

    def ask_save(self) -> None:
        """Choose a folder and write the previewed files there."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map kiezen voor het teamoverzicht"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        """Write exactly the previewed bytes into ``folder``."""
        from app.core.errors import UserError
        from app.team.files import write_package

        if self.package is None or self._stale:
            self.message.show_error(self.tr("Maak eerst een nieuw voorbeeld."))
            return []
        try:
            written = write_package(self.package, folder)
        except UserError as exc:
            self.message.show_error(str(exc))
            return []
        self.message.show_message(
            self.tr("Opgeslagen in %1: %2")
            .replace("%1", str(folder))
            .replace("%2", ", ".join(p.name for p in written)),
            "ok",
        )
        return written

    def open_pdf(self) -> None:
        """Open the previewed PDF in the system's viewer (from a private temporary file)."""
        import os
        import tempfile

        from app.team.files import PDF_NAME

        if self.package is None:
            return
        fd, name = tempfile.mkstemp(prefix="teamoverzicht-", suffix=".pdf")
        with os.fdopen(fd, "wb") as fh:
            fh.write(self.package.files[PDF_NAME])
        QDesktopServices.openUrl(QUrl.fromLocalFile(name))
