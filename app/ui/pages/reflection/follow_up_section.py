"""Beside the blind spots: 'Nazorg' — at the same rule and step, are some parents informed more often?

Counts first, in the audit's own words (``app.analysis.audit.follow_up_words``): the flagged comparisons
as small cards, then the classes' and groups' counts with 'geen duidelijk verschil', and the groups with
too few consequences named on one line ('te weinig'), never flagged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.widgets.labels import text_label

if TYPE_CHECKING:
    from app.analysis.results import AuditReport, FollowUpComparison

# at most this many unflagged comparisons with their counts (the rest is summed up)
SHOWN = 4


class FollowUpSection(QWidget):
    """The follow-up question of the audit, as a small section under the blind spots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpSection")
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(4)
        self.heading = text_label(
            self.tr("Nazorg: ouders even vaak ingelicht?"), "font-size: 11pt; font-weight: bold;"
        )
        self.summary = text_label("", "color: #333333;", "followUpSummary")
        self._box = QVBoxLayout()
        self._box.setSpacing(6)
        self.too_few = text_label("", "color: #444444; font-style: italic;", "followUpTooFew")
        self.notes = text_label("", "color: #444444; font-size: 8.5pt;", "followUpNotes")
        for widget in (self.heading, self.summary):
            layout.addWidget(widget)
        layout.addLayout(self._box)
        layout.addWidget(self.too_few)
        layout.addWidget(self.notes)
        self.hide()

    def set_report(self, report: AuditReport) -> None:
        """Show the report's follow-up question (hidden when there were no consequences at all)."""
        # the audit's modules load numpy and scipy: only when there is a report (not at start-up)
        from app.analysis.audit import follow_up_words as words
        from app.analysis.audit.follow_up import MIN_CONSEQUENCES, MIN_STUDENTS

        for label in self.lines:
            self._box.removeWidget(label)
            label.deleteLater()
        self.lines = []
        fu = report.follow_up
        if fu is None or fu.n_consequences == 0:
            self.hide()
            return
        self.summary.setText(words.summary(fu))
        tested = [c for c in fu.tested if not c.flagged and c.question == "informed"]
        tested.sort(key=lambda c: (c.dimension != "group", c.p_adjusted or 1.0))
        for c in fu.findings:
            self._add(c, flagged=True)
        for c in tested[:SHOWN]:
            self._add(c, flagged=False)
        few = sorted({c.subject for c in fu.comparisons if c.too_few and c.question == "informed"})
        self.too_few.setText(
            self.tr("Te weinig om te vergelijken (minder dan %2 consequenties of %3 leerlingen): %1.")
            .replace("%1", ", ".join(few))
            .replace("%2", str(MIN_CONSEQUENCES))
            .replace("%3", str(MIN_STUDENTS))
            if few
            else ""
        )
        self.too_few.setVisible(bool(few))
        self.notes.setText(" ".join(fu.notes))
        self.notes.setVisible(bool(fu.notes))
        self.show()

    def _add(self, c: FollowUpComparison, *, flagged: bool) -> None:
        from app.analysis.audit import follow_up_words as words

        text = f"{words.counts_sentence(c)} {words.verdict(c)}"
        if flagged:
            style = (
                "border: 1px solid #7a7a7a; border-left: 5px solid #7a7a7a; border-radius: 4px;"
                " background: #ffffff; color: #1a1a1a; padding: 6px;"
            )
            label = text_label(text, style, "followUpFinding")
        else:
            label = text_label(text, "color: #1a1a1a;", "followUpLine")
        self._box.addWidget(label)
        self.lines.append(label)
