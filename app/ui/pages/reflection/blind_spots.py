"""At most three 'mogelijke blinde vlekken' as cards, most important first; a click asks for the incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.analysis.week import headline_findings
from app.ui.pages.reflection import wording
from app.ui.pages.reflection.follow_up_section import FollowUpSection
from app.ui.widgets.labels import text_label

if TYPE_CHECKING:
    from app.analysis.results import AuditReport, Estimate

MAX_SHOWN = 3


class BlindSpotCard(QFrame):
    """One finding: title, explanation, counts, certainty, what it is not, and a button to the incidents."""

    #: the teacher asked for the incidents behind this finding
    incidents_requested = Signal(object)
    # (signal) the teacher wants to make a prepared choice for this finding
    choice_requested = Signal(object)

    def __init__(self, estimate: Estimate, rank: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.estimate = estimate
        self.setObjectName("blindSpotCard")
        border = "#D55E00" if estimate.urgent else "#7a7a7a"
        self.setStyleSheet(
            f"#blindSpotCard {{ border: 1px solid {border}; border-left: 5px solid {border};"
            " border-radius: 4px; background: #ffffff; } #blindSpotCard QLabel { color: #1a1a1a; }"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = text_label(f"{rank}. {wording.title(estimate)}", "font-weight: bold;")
        head.addWidget(self.title, 1)
        if estimate.urgent:
            badge = text_label(
                self.tr("Raakt veiligheid"), "color: #ffffff; background: #a14400; padding: 1px 6px;"
            )
            badge.setWordWrap(False)
            badge.setToolTip(
                self.tr(
                    "Bij dit patroon horen incidenten rond veiligheidsafspraken; daarom staat het bovenaan."
                )
            )
            head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        #: the counts and percentages first, in the words of the audit's own explanation
        self.headline = text_label(wording.headline(estimate))
        self.certainty = text_label(wording.how_sure(estimate))
        self.aliases = text_label(wording.aliases(estimate))
        self.aliases.setVisible(bool(self.aliases.text()))
        #: the details: both directions counted, and the odds ratio with its interval
        self.counts = text_label(wording.detail_line(estimate), "color: #444444; font-size: 8.5pt;")
        self.not_this = text_label(wording.not_line(estimate), "color: #444444; font-style: italic;")
        for widget in (self.headline, self.certainty, self.aliases, self.counts, self.not_this):
            layout.addWidget(widget)
        n = len(estimate.incident_ids) or estimate.n
        self.button = QPushButton(self.tr("Toon de incidenten (%n)", "", n))
        self.button.setAccessibleName(self.tr("Toon de incidenten achter dit patroon"))
        self.button.clicked.connect(lambda: self.incidents_requested.emit(self.estimate))
        self.choice_button = QPushButton(self.tr("Voorbereide keuze…"))
        self.choice_button.setToolTip(
            self.tr("Bedenk nu wat je doet als deze situatie zich weer voordoet: als …, dan …")
        )
        self.choice_button.clicked.connect(lambda: self.choice_requested.emit(self.estimate))
        # one under the other: side by side they would make the card wider than a narrow column
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.choice_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setAccessibleName(wording.title(estimate))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click anywhere on the card opens its incidents."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.incidents_requested.emit(self.estimate)
        super().mouseReleaseEvent(event)


class BlindSpotsView(QWidget):
    """The list of cards (at most three) or a calm message when nothing is flagged."""

    #: forwarded from a card: the estimate whose incidents to show
    incidents_requested = Signal(object)
    # (signal) forwarded from a card: make a prepared choice for this estimate
    choice_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[BlindSpotCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = text_label(self.tr("Mogelijke blinde vlekken"), "font-size: 13pt; font-weight: bold;")
        self.intro = text_label(
            self.tr(
                "Patronen in je eigen logboek waar je bij dezelfde afspraak en keer anders reageerde. "
                "Een vraag om over na te denken, geen oordeel."
            ),
            "color: #333333;",
        )
        self.calm = text_label("", "background: #e2f2ea; color: #1a1a1a; padding: 8px; border-radius: 4px;")
        self.calm.hide()
        self.more = text_label("", "color: #333333;")
        self.more.hide()
        self._cards_box = QVBoxLayout()
        self._cards_box.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.calm)
        layout.addLayout(self._cards_box)
        layout.addWidget(self.more)
        #: the follow-up question (issue #16): parents informed as often at the same rule and step
        self.follow_up = FollowUpSection()
        layout.addWidget(self.follow_up)
        layout.addStretch(1)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` right under the cards, above the follow-up question (one scrolling column)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.follow_up), widget)

    def set_report(self, report: AuditReport) -> None:
        """Show the report's findings (urgent first, as the report sorts them), at most three."""
        for card in self.cards:
            self._cards_box.removeWidget(card)
            card.hide()  # gone at once, not only when the event loop deletes it
            card.deleteLater()
        self.cards = []
        findings = report.findings
        for rank, estimate in enumerate(headline_findings(findings, MAX_SHOWN), start=1):
            card = BlindSpotCard(estimate, rank)
            card.incidents_requested.connect(self.incidents_requested)
            card.choice_requested.connect(self.choice_requested)
            self._cards_box.addWidget(card)
            self.cards.append(card)
        if findings:
            self.calm.hide()
        else:
            self.calm.setText(wording.calm_message(report))
            self.calm.show()
        hidden = len(findings) - MAX_SHOWN
        if hidden > 0:
            self.more.setText(
                self.tr(
                    "Nog %n andere mogelijke patronen; eerst deze, de rest komt later aan bod.", "", hidden
                )
            )
            self.more.show()
        else:
            self.more.hide()
        self.follow_up.set_report(report)
