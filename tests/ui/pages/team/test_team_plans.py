"""Issue 15.4 on the Team page and the command line: prepared choices shared as anonymous cases."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from app.cli import main
from app.store.choices import ChoiceDraft
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.team.page import TeamPage
from app.ui.workers import SyncTaskRunner
from tests.team.team_logs import fill_log


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    return {
        name: (
            "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
            if name.endswith(".pdf")
            else data.decode("utf-8-sig")
        )
        for name, data in files.items()
    }


def _student_choice(store: Store) -> tuple[str, int]:
    student = store.students()[0]
    rule = store.rules()[0]
    made = store.add_choice(
        ChoiceDraft(
            "Dan noem ik eerst de afspraak.", date(2026, 1, 5), student_id=student.id, rule_id=rule.id
        )
    )
    return student.name, made.id


def test_a_ticked_choice_goes_along_without_the_student(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill_log(store, seed=5)
    name, _ = _student_choice(store)
    page = TeamPage(
        AppContext(
            store=store,
            tasks=SyncTaskRunner(),
            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        )
    )
    qtbot.addWidget(page)
    page.activated()
    ((box, card),) = page.options.plans.boxes
    assert name in box.text()  # the teacher's own screen names the student
    assert name not in box.toolTip() and "een leerling" in box.toolTip()
    assert page.package is not None and page.package.summary.plans == ()  # nothing goes by default
    box.setChecked(True)
    page.make_preview()
    assert page.package is not None and page.package.summary.plans == (card,)
    texts = _texts(page.package.files)
    assert "Als het gaat om een leerling" in texts["teamoverzicht-voorbereide_keuzes.csv"]
    assert "Dan noem ik eerst de afspraak." in texts["teamoverzicht.pdf"]
    names = [s.name for s in store.students()]
    for file, text in texts.items():
        assert not [n for n in names if n in text], file


def test_export_team_plan_and_a_plan_naming_a_student_is_refused(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_log(store, seed=5)
    name, choice_id = _student_choice(store)
    klass = store.classes()[0]
    named = store.add_choice(
        ChoiceDraft(f"Dan kijk ik eerst naar {name}.", date(2026, 1, 5), class_id=klass.id)
    )
    store.close()
    out = tmp_path / "uit"
    assert main(["--db", str(db_path), "export-team", "--out", str(out), "--plan", str(choice_id)]) == 0
    csv = (out / "teamoverzicht-voorbereide_keuzes.csv").read_text(encoding="utf-8-sig")
    assert "een leerling" in csv and name not in csv
    refused = tmp_path / "niet"
    code = main(["--db", str(db_path), "export-team", "--out", str(refused), "--plan", str(named.id)])
    assert code != 0 and not refused.exists()
    assert "Voorbereide keuze 1 noemt een leerling" in capsys.readouterr().err
    assert main(["--db", str(db_path), "export-team", "--out", str(refused), "--plan", "999"]) != 0
