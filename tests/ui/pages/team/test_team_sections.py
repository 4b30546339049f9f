"""Issue 18.14 on the Team page: the teacher chooses the sections; names show in the case picker only."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.team.page import TeamPage
from app.ui.workers import SyncTaskRunner
from tests.team.team_logs import fill_log


def _page(qtbot, store: Store, settings: QSettings) -> TeamPage:  # type: ignore[no-untyped-def]
    widget = TeamPage(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(widget)
    widget.activated()
    return widget


def test_sections_left_out_do_not_leave_and_the_choice_is_remembered(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    fill_log(store, seed=5)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store, settings)
    assert "teamoverzicht-groups.csv" in page.package.files  # type: ignore[union-attr]
    page.options.section_boxes["groups"].setChecked(False)
    page.options.section_boxes["weekly"].setChecked(False)
    page.make_preview()
    files = page.package.files  # type: ignore[union-attr]
    assert "teamoverzicht-groups.csv" not in files and "teamoverzicht-weekly.csv" not in files
    assert "teamoverzicht-rules.csv" in files
    assert "Op eigen keuze niet gedeeld: Groepen, Per week." in page.preview.suppressions.text()
    again = _page(qtbot, store, settings)  # the next export starts from the same choice
    assert not again.options.section_boxes["groups"].isChecked()
    assert again.options.section_boxes["rules"].isChecked()
    assert again.options.options().sections == frozenset(
        {"rules", "adherence", "patterns", "moments", "escalation", "praise", "followup"}
    )


def test_the_case_picker_names_the_student_locally_and_the_export_never_does(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    fill_log(store, seed=5)
    page = _page(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    picker = page.options.cases.pickers[0]
    incident = store.incident(int(picker.itemData(1)))
    assert incident is not None
    assert picker.itemText(1).startswith(f"{incident.student_name} · ")
    picker.setCurrentIndex(1)
    page.options.cases.descriptions[0].setText("Bij de deur twijfelde ik over de stap.")
    page.make_preview()
    assert page.package is not None and page.package.summary.cases
    names = [s.name for s in store.students()]
    for name, data in page.package.files.items():
        text = (
            "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
            if name.endswith(".pdf")
            else data.decode("utf-8-sig")
        )
        leaked = [n for n in names if n in text or n.split()[-1] in text.split()]
        assert not leaked, (name, leaked)


def test_page_one_of_the_handout_is_the_summary(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill_log(store, seed=5)
    page = _page(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    pdf = PdfReader(io.BytesIO(page.package.files["teamoverzicht.pdf"]))  # type: ignore[union-attr]
    first, second = (pdf.pages[i].extract_text() or "" for i in (0, 1))
    assert "In het kort" in first and "afgesproken stap" in first
    assert "Wat de audit opvallend vond" in first
    assert "Hoe vaak elke afspraak aan de orde was" not in first  # the tables start on page 2
    assert second.lstrip().startswith("De details")


def test_every_section_choice_shows_its_whole_label(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # at the window's usual width the options panel keeps its default share; no label is cut off
    fill_log(store, seed=5)
    page = _page(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page.resize(1140, 700)
    page.show()
    qtbot.waitExposed(page)
    for key, box in page.options.section_boxes.items():
        assert box.width() >= box.sizeHint().width(), key
        assert box.visibleRegion().boundingRect().width() >= box.sizeHint().width(), key
