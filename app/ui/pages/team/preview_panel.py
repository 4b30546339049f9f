"""The preview: every file that will leave the computer, shown from the very bytes Save will write."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.team.anonymise import TeamSummary
    from app.team.files import ExportPackage


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV file's bytes (header first)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PreviewPanel(QWidget):
    """A list of the files and, beside it, the chosen file's content; the suppressions on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package: ExportPackage | None = None
        self.suppressions = QLabel()
        self.suppressions.setWordWrap(True)
        self.suppressions.setTextFormat(Qt.TextFormat.PlainText)
        self.suppressions.setStyleSheet("background: #f3f3f3; padding: 6px;")
        self.suppressions.setAccessibleName(self.tr("Wat is weggelaten of samengevoegd"))
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Bestanden die de computer verlaten"))
        self.files.setMinimumWidth(230)
        self.files.setMaximumWidth(260)
        self.files.currentRowChanged.connect(self._show)
        self.handout = QTextBrowser()
        self.handout.setAccessibleName(self.tr("Inhoud van het PDF-overzicht"))
        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)  # arrows move between cells, Tab leaves the table
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Inhoud van het CSV-bestand"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Inhoud van het uitwisselingsbestand"))
        self.viewer = QStackedWidget()
        for widget in (self.handout, self.table, self.text):
            self.viewer.addWidget(widget)
        split = QSplitter()
        split.addWidget(self.files)
        split.addWidget(self.viewer)
        split.setStretchFactor(1, 1)
        self.empty = QLabel(self.tr("Nog geen voorbeeld. Kies je opties en klik op 'Voorbeeld maken'."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.suppressions)
        layout.addWidget(split, 1)
        self.suppressions.hide()

    def set_package(self, package: ExportPackage | None) -> None:
        """Show this package's files (None: clear)."""
        self.package = package
        self.files.clear()
        self.empty.setVisible(package is None)
        self.suppressions.setVisible(package is not None)
        if package is None:
            self.handout.clear()
            return
        notes = package.summary.suppressions
        self.suppressions.setText(
            self.tr("Weggelaten of samengevoegd om niemand herkenbaar te maken:")
            + "\n"
            + "\n".join(f"• {n}" for n in notes)
        )
        for name, data in package.files.items():
            item = QListWidgetItem(f"{name}  ({max(1, len(data) // 1024)} kB)")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.files.addItem(item)
        self.files.setCurrentRow(0)

    def file_names(self) -> list[str]:
        """The names of the files listed."""
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def _show(self, row: int) -> None:
        if self.package is None or row < 0:
            return
        name = self.files.item(row).data(Qt.ItemDataRole.UserRole)
        data = self.package.files[name]
        if name.endswith(".pdf"):
            self.handout.setHtml(self.handout_html(self.package.summary))
            self.viewer.setCurrentWidget(self.handout)
        elif name.endswith(".csv"):
            rows = csv_rows(data)
            self.table.clear()
            self.table.setColumnCount(len(rows[0]) if rows else 0)
            self.table.setRowCount(max(0, len(rows) - 1))
            if rows:
                self.table.setHorizontalHeaderLabels(rows[0])
            for r, values in enumerate(rows[1:]):
                for c, value in enumerate(values):
                    self.table.setItem(r, c, QTableWidgetItem(value))
            self.table.resizeColumnsToContents()
            self.viewer.setCurrentWidget(self.table)
        else:
            self.text.setPlainText(data.decode("utf-8"))
            self.viewer.setCurrentWidget(self.text)

    def handout_html(self, summary: TeamSummary) -> str:
        """What the PDF holds, as HTML: the same summary and columns the PDF is drawn from."""
        parts = [
            f"<h2>{_esc(self.tr('Teamoverzicht'))}</h2>",
            "<p>"
            + _esc(
                self.tr("Week %1 t/m %2 · %3 incidenten in %4 lessen · %5 complimenten")
                .replace("%1", summary.week_from)
                .replace("%2", summary.week_to)
                .replace("%3", str(summary.n_incidents))
                .replace("%4", str(summary.n_lessons))
                .replace("%5", str(summary.n_praise))
            )
            + "</p>",
        ]
        from app.team.handout_brief import adherence_line, pattern_lines

        parts.append(f"<h3>{_esc(self.tr('In het kort (bladzijde 1 van de PDF)'))}</h3>")
        if (line := adherence_line(summary)) is not None:
            parts.append(f"<p>{_esc(line)}</p>")
        if patterns := pattern_lines(summary):
            parts.append("<ul>" + "".join(f"<li>{_esc(p)}</li>" for p in patterns) + "</ul>")
        if summary.points:
            parts.append(f"<h3>{_esc(self.tr('Bespreekpunten'))}</h3><ul>")
            parts += [f"<li>{_esc(p)}</li>" for p in summary.points]
            parts.append("</ul>")
        for i, card in enumerate(summary.cases, start=1):
            parts.append(
                f"<h3>{_esc(self.tr('Casus'))} {i}: {_esc(card.rule)}, {card.strike}e keer</h3>"
                f"<p>{_esc(card.given)} / {_esc(card.agreed)} ({_esc(card.outcome)})<br>"
                f"{_esc(card.description)}</p>"
            )
        if summary.plans:
            parts.append(f"<h3>{_esc(self.tr('Voorbereide keuzes'))}</h3><ol>")
            parts += [f"<li>{_esc(p.situation)} → {_esc(p.response)}</li>" for p in summary.plans]
            parts.append("</ol>")
        from app.team.pdf_layout import PDF_COLUMNS

        for tb in summary.tables:
            cols = [tb.columns.index(c) for c, _ in PDF_COLUMNS.get(tb.key, ())] or list(
                range(len(tb.columns))
            )
            parts.append(f"<h3>{_esc(tb.title)}</h3><table border='1' cellspacing='0' cellpadding='3'><tr>")
            # a header wraps between words only, never inside one ("Incide/nten")
            parts += [f"<th style='white-space: pre'>{_esc(_header_lines(tb.headers[i]))}</th>" for i in cols]
            parts.append("</tr>")
            for row in tb.rows:
                parts.append("<tr>" + "".join(f"<td>{_esc(row[i])}</td>" for i in cols) + "</tr>")
            parts.append("</table>")
            parts += [f"<p><i>{_esc(n)}</i></p>" for n in tb.notes]
        return "".join(parts)


def _header_lines(header: str, width: int = 12) -> str:
    """A column header on lines of about ``width`` characters, broken between words only."""
    import textwrap

    return "\n".join(textwrap.wrap(header, width, break_long_words=False, break_on_hyphens=False)) or header
