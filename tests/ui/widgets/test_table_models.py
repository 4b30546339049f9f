"""Table models without a window: rows, display text, sort values, roles, filters and fast sorting."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app.store.records import StudentInfo
from app.store.store import Store
from app.ui.pages.history.row import HistoryRow
from app.ui.widgets.table_models import (
    HistoryFilterProxy,
    HistoryTableModel,
    RowRole,
    SortRole,
    StudentTableModel,
)

M = HistoryTableModel


def _incident(
    n: int, *, step: int, agreed: int, student: str = "Zoë", day: int = 1, **kw: object
) -> HistoryRow:
    fields: dict[str, object] = {
        "kind": "incident",
        "id": n,
        "occurred_at": datetime(2026, 9, day, 9, n),
        "day": date(2026, 9, day),
        "class_name": "2A",
        "student_id": 10 + n,
        "student_name": student,
        "note": "",
        "rule_id": 1,
        "rule_name": "Telefoon weg",
        "step": step,
        "step_name": f"stap {step}",
        "agreed_step": agreed,
        "agreed_step_name": f"stap {agreed}",
        "strike": 1,
    }
    fields.update(kw)
    return HistoryRow(**fields)  # type: ignore[arg-type]


def _praise(n: int, day: int = 2) -> HistoryRow:
    return HistoryRow(
        "praise", n, datetime(2026, 9, day, 10, 0), date(2026, 9, day), "2B", 99, "Daan", "goed"
    )


def _text(model, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)


def test_history_model_shows_deviation_in_words_and_symbols() -> None:
    model = HistoryTableModel()
    model.set_rows(
        [
            _incident(1, step=3, agreed=1),
            _incident(2, step=1, agreed=2),
            _incident(3, step=2, agreed=2),
            _praise(4),
        ]
    )
    assert model.rowCount() == 4
    assert model.columnCount() == len(M.HEADERS)
    assert _text(model, 0, M.DEVIATION) == "▲ strenger (+2)"
    assert _text(model, 1, M.DEVIATION) == "▼ milder (−1)"
    assert _text(model, 2, M.DEVIATION) == "= volgens afspraak"
    assert _text(model, 3, M.RULE) == "★ Compliment"
    assert _text(model, 3, M.STEP) == "—"
    assert model.data(model.index(3, M.RULE), Qt.ItemDataRole.BackgroundRole) is not None
    assert _text(model, 0, M.RULE) == "Telefoon weg"
    assert _text(model, 0, M.STEP) == "3 · stap 3"
    assert _text(model, 0, M.STRIKE) == "1e"
    assert model.data(model.index(0, 0), RowRole).id == 1
    assert model.data(model.index(0, M.DEVIATION), SortRole) == 2
    assert "stap 3" in model.data(model.index(0, M.DEVIATION), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, M.DEVIATION), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, M.DEVIATION), Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(M.STUDENT, Qt.Orientation.Horizontal) == "Leerling"
    assert model.data(model.index(9, 0)) is None


def test_history_model_shows_the_edit_time() -> None:
    model = HistoryTableModel()
    model.set_rows([_incident(1, step=1, agreed=1, edited_at=datetime(2026, 10, 3, 14, 5))])
    assert "2026" in _text(model, 0, M.EDITED)
    assert "14:05" in model.data(model.index(0, M.EDITED), Qt.ItemDataRole.ToolTipRole)


def test_proxy_filters_by_kind_class_student_rule_and_period() -> None:
    model = HistoryTableModel()
    rows = [
        _incident(1, step=1, agreed=1, day=1),
        _incident(2, step=1, agreed=1, day=5, class_name="3C"),
        _incident(3, step=1, agreed=1, day=9, rule_id=2),
        _praise(4, day=3),
    ]
    model.set_rows(rows)
    proxy = HistoryFilterProxy()
    proxy.setSourceModel(model)

    def ids() -> set[int]:
        return {proxy.data(proxy.index(r, 0), RowRole).id for r in range(proxy.rowCount())}

    assert ids() == {1, 2, 3, 4}
    proxy.set_filters(kind="praise")
    assert ids() == {4}
    proxy.set_filters(kind="incident")
    assert ids() == {1, 2, 3}
    proxy.set_filters(class_name="3C")
    assert ids() == {2}
    proxy.set_filters(student_id=13)
    assert ids() == {3}
    proxy.set_filters(rule_id=2)
    assert ids() == {3}
    proxy.set_filters(date_from=date(2026, 9, 3), date_to=date(2026, 9, 5))
    assert ids() == {2, 4}
    proxy.set_filters()
    assert ids() == {1, 2, 3, 4}


def test_proxy_sorts_through_the_source_model_and_keeps_the_order_after_new_rows() -> None:
    model = HistoryTableModel()
    model.set_rows(
        [_incident(1, step=1, agreed=1, student="bram"), _incident(2, step=1, agreed=1, student="Ayoub")]
    )
    proxy = HistoryFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(M.STUDENT, Qt.SortOrder.AscendingOrder)
    assert [_text(proxy, r, M.STUDENT) for r in range(2)] == ["Ayoub", "bram"]
    proxy.sort(M.STUDENT, Qt.SortOrder.DescendingOrder)
    assert [_text(proxy, r, M.STUDENT) for r in range(2)] == ["bram", "Ayoub"]
    model.set_rows([*model.rows(), _incident(3, step=1, agreed=1, student="Cas")])
    assert [_text(proxy, r, M.STUDENT) for r in range(3)] == ["Cas", "bram", "Ayoub"]
    assert proxy.sorted_by() == (M.STUDENT, Qt.SortOrder.DescendingOrder)


def test_sorting_keeps_persistent_indexes_on_their_rows() -> None:
    model = HistoryTableModel()
    model.set_rows(
        [_incident(1, step=1, agreed=1, student="Zus"), _incident(2, step=1, agreed=1, student="Ab")]
    )
    from PySide6.QtCore import QPersistentModelIndex

    keep = QPersistentModelIndex(model.index(0, 0))
    model.sort(M.STUDENT, Qt.SortOrder.AscendingOrder)
    assert keep.row() == 1
    assert model.data(model.index(keep.row(), 0), RowRole).student_name == "Zus"


def test_history_rows_from_the_store(store: Store) -> None:
    student = store.add_student("1", "Zoë de Vries", "2A")
    rule = store.rules()[0]
    inc = store.log_incident(student.id, rule.id, 3, occurred_at=datetime(2026, 9, 1, 9, 0))
    praise = store.log_praise(student.id, occurred_at=datetime(2026, 9, 1, 9, 5))
    row = HistoryRow.from_incident(inc)
    assert (row.kind, row.step, row.agreed_step, row.deviation) == ("incident", 3, 1, "stricter")
    prow = HistoryRow.from_praise(praise, "2A")
    assert (prow.kind, prow.class_name, prow.deviation) == ("praise", "2A", "")


def test_student_model_lists_number_name_class_status_and_one_column_per_attribute() -> None:
    model = StudentTableModel()
    model.set_rows(
        [
            StudentInfo(1, "1001", "Zoë", 1, "2A", False, {"geslacht": "v"}),
            StudentInfo(2, "1002", "Daan", 1, "2A", True),
        ]
    )
    assert model.rowCount() == 2
    assert model.columnCount() == StudentTableModel.FIRST_ATTRIBUTE + 1
    assert model.headerData(StudentTableModel.FIRST_ATTRIBUTE, Qt.Orientation.Horizontal) == "geslacht"
    assert _text(model, 0, StudentTableModel.FIRST_ATTRIBUTE) == "v"
    assert _text(model, 1, StudentTableModel.FIRST_ATTRIBUTE) == ""
    assert _text(model, 1, StudentTableModel.STATUS) == "gearchiveerd"
    assert model.row_of(2) == 1
    assert model.row_of(7) == -1
    assert model.data(model.index(0, 0), RowRole).name == "Zoë"


class _Ordinals(QTranslator):
    """Translates only the strike text, as the English .qm does."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """'#{n}' for the strike, nothing else."""
        return "#{n}" if (context, source) == ("HistoryTableModel", "{n}e") else ""


def test_the_strike_text_goes_through_the_translation(qapp) -> None:  # type: ignore[no-untyped-def]
    model = HistoryTableModel()
    model.set_rows([_incident(1, step=1, agreed=1, strike=2)])
    assert _text(model, 0, M.STRIKE) == "2e"
    translator = _Ordinals()
    QCoreApplication.installTranslator(translator)
    try:
        assert _text(model, 0, M.STRIKE) == "#2"
    finally:
        QCoreApplication.removeTranslator(translator)
