"""The reflection page's parts on their own: chart canvas and export, incidents table, prompts, wording."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.analysis import figures
from app.analysis.estimates.prompts import KEYS, weekly_prompts
from app.core.calendar import monday_of, school_year_start
from app.core.errors import UserError
from app.store.records import LoggedIncident, ReflectionInfo
from app.ui.pages.reflection import wording
from app.ui.pages.reflection.cache import ViewCache
from app.ui.pages.reflection.incidents_panel import IncidentTableModel
from app.ui.pages.reflection.journal import JournalWidget
from app.ui.pages.reflection.week_selector import WeekSelector
from app.ui.widgets.chart_canvas import KEPT_CANVASES, ChartCanvas, export_figure
from tests.analysis.test_figures import make_estimate, make_report


def test_canvas_shows_a_chart_and_exports_png_and_svg(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    widget.set_chart(figures.adherence_chart(make_report().adherence))
    assert widget.canvas is not None
    assert widget.export_button.isEnabled()
    png = widget.export_to(tmp_path / "regels.png")
    svg = widget.export_to(tmp_path / "regels.svg")
    assert png is not None
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg is not None
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert widget.message.kind == "ok"
    odd = widget.export_to(tmp_path / "regels.bmp")
    assert odd == tmp_path / "regels.png"


def test_export_problem_is_shown_not_raised(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    widget.set_chart(figures.adherence_chart(make_report().adherence))
    assert widget.export_to(tmp_path / "missing" / "dir" / "x.png") is None
    assert widget.message.kind == "error"
    assert "Kan" in widget.message.message()


def test_empty_chart_shows_why_and_cannot_be_exported(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    chart = figures.praise_chart(())
    widget.set_chart(chart)
    assert widget.canvas is None
    assert widget.empty.text() == chart.empty
    assert "complimenten" in chart.empty.lower()
    assert not widget.export_button.isEnabled()
    with pytest.raises(UserError):
        export_figure(chart, tmp_path / "x.png")


def test_canvas_keeps_a_few_drawn_canvases(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    report = make_report()
    charts = [figures.escalation_chart(report.escalation) for _ in range(KEPT_CANVASES + 2)]
    first = None
    for chart in charts:
        widget.set_chart(chart)
        first = first or widget.canvas
    assert widget.stack.count() == KEPT_CANVASES
    again = widget.canvas
    widget.set_chart(charts[-2])
    widget.set_chart(charts[-1])
    assert widget.canvas is again  # the same widget, already drawn: no new canvas


def _incident(i: int, step: int, agreed: int) -> LoggedIncident:
    return LoggedIncident(
        id=i,
        lesson_id=1,
        student_id=1,
        student_external_id="1001",
        student_name="Sam de Vries",
        class_name="2B",
        rule_id=1,
        rule_name="Telefoon weg",
        step=step,
        step_name=f"stap {step}",
        agreed_step=agreed,
        agreed_step_name=f"stap {agreed}",
        strike=i,
        occurred_at=datetime(2025, 11, 3, 9, i),
        note="",
        lesson_date=date(2025, 11, 3),
        period=2,
    )


def test_incident_table_model_shows_the_reaction() -> None:
    model = IncidentTableModel()
    model.set_rows([_incident(1, 3, 1), _incident(2, 1, 2), _incident(3, 2, 2)])
    assert model.rowCount() == 3
    assert model.columnCount() == 10
    reactions = [model.data(model.index(r, 6)) for r in range(3)]
    assert reactions == ["strenger", "milder", "volgens afspraak"]
    assert model.data(model.index(0, 3)) == "1"
    assert model.data(model.index(0, 3), IncidentTableModel.SortRole) == 1
    assert model.data(model.index(0, 6), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, 6), Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Leerling"


def test_prompts_have_stable_keys_and_mention_the_top_finding() -> None:
    plain = weekly_prompts(None)
    assert tuple(p.key for p in plain) == KEYS
    report = make_report(estimates=(make_estimate("s5"),))
    shaped = weekly_prompts(report)
    assert tuple(p.key for p in shaped) == KEYS
    assert "Leerling s5" in shaped[0].question
    assert "Leerling s5" not in plain[0].question
    assert all(p.question.endswith("?") for p in plain)


def test_journal_keeps_answers_to_questions_no_longer_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = JournalWidget()
    qtbot.addWidget(widget)
    week = date(2025, 11, 3)
    saved = ReflectionInfo(week, "Oud logboek", {"keep": "rust", "old_question": "oud antwoord"}, None)
    widget.load(week, weekly_prompts(None), saved, [week])
    assert widget.boxes["keep"].toPlainText() == "rust"
    assert not widget.is_dirty()
    qtbot.keyClicks(widget.boxes["praise"], "Noor")
    assert widget.is_dirty()
    assert widget.save_button.isEnabled()
    assert widget.answers() == {"keep": "rust", "old_question": "oud antwoord", "praise": "Noor"}


def test_earlier_week_can_be_opened_from_the_journal(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = JournalWidget()
    qtbot.addWidget(widget)
    this, earlier = date(2025, 11, 10), date(2025, 11, 3)
    widget.load(this, weekly_prompts(None), ReflectionInfo(this, "", {}, None), [this, earlier])
    with qtbot.waitSignal(widget.week_requested) as signal:
        widget.earlier.activated.emit(1)
    assert signal.args == [earlier]


def test_earlier_weeks_list_is_not_cut_in_a_narrow_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Beside the save button the list read 'nog geen eerd'; on its own row the whole text fits."""
    widget = JournalWidget()
    qtbot.addWidget(widget)
    week = date(2025, 11, 10)
    widget.load(week, weekly_prompts(None), ReflectionInfo(week, "", {}, None), [])
    widget.resize(280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.earlier.width() >= widget.earlier.sizeHint().width()
    widget.load(week, weekly_prompts(None), ReflectionInfo(week, "", {}, None), [week, date(2025, 11, 3)])
    qtbot.wait(10)
    assert widget.earlier.width() >= widget.earlier.sizeHint().width()


def test_week_selector_steps_through_weeks(qtbot) -> None:  # type: ignore[no-untyped-def]
    selector = WeekSelector()
    qtbot.addWidget(selector)
    weeks = (date(2025, 11, 17), date(2025, 11, 10), date(2025, 11, 3))
    selector.set_weeks(weeks, frozenset(weeks[1:]), weeks[1])
    assert selector.current() == weeks[1]
    assert "geen gegevens" in selector.combo.itemText(0)
    assert "week 46" in selector.combo.itemText(1)
    with qtbot.waitSignal(selector.week_chosen) as signal:
        selector.step(-1)
    assert signal.args == [weeks[2]]
    assert not selector.earlier.isEnabled()
    assert selector.later.isEnabled()


def test_wording_of_a_pattern_a_clearer_finding_explains() -> None:
    from dataclasses import replace

    girls = make_estimate(
        "f", kind="group", dimension="gender", effect=0.44, p_adjusted=0.0004, flagged=False
    )
    explained = replace(girls, explained_by=(("gender", "m"),))
    assert wording.how_sure(explained) == "Hoe zeker: geen apart patroon."
    assert wording.how_sure(girls) == "Hoe zeker: onzeker: bij zoveel vergelijkingen kan dit toeval zijn."


def test_wording_of_a_milder_group_finding() -> None:
    estimate = make_estimate("ja", kind="group", dimension="zorgplan", effect=0.25, p_adjusted=0.001)
    assert wording.title(estimate) == "Mogelijk milder: leerlingen met zorgplan 'ja'"
    assert wording.how_sure(estimate) == "Hoe zeker: vrij zeker geen toeval."
    detail = wording.detail_line(estimate)
    assert detail.startswith("Telling: ")
    assert "Detail: kansverhouding 0,25, 95%-interval" in detail
    big = make_estimate("x", effect=28.4)
    assert "×" not in wording.headline(big) and "kansverhouding" not in wording.headline(big)
    weekday = make_estimate("friday", kind="context", dimension="weekday", effect=0.5)
    assert wording.title(weekday) == "Mogelijk milder: op vrijdag"


def test_week_helpers() -> None:
    assert monday_of(date(2025, 11, 9)) == date(2025, 11, 3)
    assert school_year_start(date(2025, 11, 9)) == date(2025, 8, 1)
    assert school_year_start(date(2026, 3, 2)) == date(2025, 8, 1)
    assert school_year_start(date(2026, 8, 3)) == date(2026, 8, 1)


def test_cache_drops_older_revisions_and_carries_our_own_write() -> None:
    from dataclasses import replace

    from app.ui.pages.reflection.job import WeekView

    report = make_report()
    view = WeekView(
        3, date(2025, 11, 3), (), frozenset(), date(2025, 8, 1), date(2025, 11, 9), report, (), ()
    )
    cache = ViewCache()
    cache.put(view, default=True)
    assert cache.get(3, None) is view
    cache.carry_over(3, 4)
    assert cache.get(4, date(2025, 11, 3)) is not None
    cache.put(replace(view, revision=2))  # a late result of an older revision is ignored
    assert cache.revision == 4
    cache.put(replace(view, revision=5, week=date(2025, 11, 10)))
    assert cache.get(4, date(2025, 11, 3)) is None
    assert cache.get(5, date(2025, 11, 10)) is not None


def test_importing_the_page_loads_no_heavy_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.ui.pages.reflection.page;"
        "print(','.join(m for m in ('pandas', 'matplotlib', 'scipy', 'statsmodels') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_a_year_with_only_praise_counts_the_praise(store) -> None:  # type: ignore[no-untyped-def]
    """Without incidents the page used to say '0 complimenten' even when the teacher gave many."""
    from app.ui.pages.reflection.job import compute

    student = store.add_student("1", "Ann Peeters", "2B")
    for day in (5, 6, 7):
        store.log_praise(student.id, occurred_at=datetime(2025, 10, day, 10, 0))
    lesson = store.lesson_for(student.class_id, date(2025, 10, 8))
    store.log_praise(student.id, lesson_id=lesson.id, occurred_at=datetime(2025, 10, 8, 10, 0))
    view = compute(store, None, revision=1, today=date(2025, 10, 20))
    assert view.week == date(2025, 10, 6)
    assert (view.report.n_incidents, view.report.n_praise, view.report.n_lessons) == (0, 4, 1)


def test_weekday_names_follow_the_language() -> None:
    from app.core.i18n import set_language
    from app.ui.pages.reflection.wording import weekday_name

    assert weekday_name("friday") == "vrijdag"
    set_language("en")
    try:
        assert weekday_name("friday") == "Friday"
    finally:
        set_language("nl")
