"""Issue 15.4 on Set-up › Afspraken: export the agreements, import a colleague's with a preview per item."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from app.store.store import Store
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page


def test_export_then_a_colleague_imports_with_a_preview_from_a_date(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_ctx(store, tmp_path))
    tab = page.rules_tab
    first = store.rules()[0]
    store.update_rule(first.id, start_step=2)
    tab.refresh()
    path = tmp_path / "afspraken.json"
    tab.agreements.export_to(path)
    assert "opgeslagen in afspraken.json" in tab.message.text()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"].append({"name": "Jas uit in de klas", "category": "routine", "start_step": 1})
    path.write_text(json.dumps(data), encoding="utf-8")

    colleague = Store.open(tmp_path / "collega.db")
    try:
        sam = colleague.add_student("1", "Sam Peeters", "2B")
        rule = colleague.rules()[0]
        colleague.update_rule(rule.id, start_step=1)
        early = colleague.log_incident(sam.id, rule.id, occurred_at=datetime(2026, 10, 5, 10))
        other = make_page(qtbot, make_ctx(colleague, tmp_path / "c"))
        dialog = other.rules_tab.agreements.import_from(path)
        assert dialog is not None
        dialog.from_date.setDate(QDate(2026, 11, 2))
        texts = [dialog.items.item(i).text() for i in range(dialog.items.count())]
        assert f"'{rule.name}': startstap 1 → 2" in texts
        assert "Nieuwe afspraak 'Jas uit in de klas' (routine, startstap 1)" in texts
        new_row = texts.index("Nieuwe afspraak 'Jas uit in de klas' (routine, startstap 1)")
        dialog.items.item(new_row).setCheckState(Qt.CheckState.Unchecked)  # not this one
        dialog.apply()
        assert colleague.rule_by_name("Jas uit in de klas") is None
        changed = colleague.rule_by_name(rule.name)
        assert changed is not None and changed.start_on(date(2026, 11, 2)) == 2
        assert colleague.incident(early.id).agreed_step == 1  # type: ignore[union-attr]  # before the date
        assert "Overgenomen:" in other.rules_tab.message.text()
    finally:
        colleague.close()


def test_a_file_that_is_not_an_agreements_file_gets_a_message(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_ctx(store, tmp_path))
    bad = tmp_path / "leerlingen.json"
    bad.write_text('{"students": []}', encoding="utf-8")
    before = store.rules()
    assert page.rules_tab.agreements.import_from(bad) is None
    assert "geen bruikbaar afsprakenbestand" in page.rules_tab.message.text()
    assert store.rules() == before
