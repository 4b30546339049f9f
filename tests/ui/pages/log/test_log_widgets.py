"""The Log page's small parts: accent-insensitive search, seat arrangement, default period, feedback text."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt

from app.store.records import LoggedIncident, StudentInfo
from app.ui.pages.log.feedback_bar import FeedbackBar, incident_message
from app.ui.pages.log.lesson_bar import default_period
from app.ui.pages.log.seating_grid import arrange, seat_label
from app.ui.pages.log.student_picker import StudentPicker, filter_students, fold, match_rank


def student(
    sid: int, name: str, class_id: int = 1, seat: tuple[int | None, int | None] = (None, None)
) -> StudentInfo:
    return StudentInfo(sid, str(sid), name, class_id, f"klas{class_id}", False, {}, seat[0], seat[1])


ROSTER = [
    student(1, "Zoë de Vries"),
    student(2, "Daan Bakker"),
    student(3, "Sem van den Berg"),
    student(4, "Zoe Jansen", class_id=2),
    student(5, "Émile Peeters", class_id=2),
    student(6, "Ayşe Çelik"),
    student(7, "Anne-Fleur Smit"),
]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zoë", "zoe"),
        ("ÉMILE", "emile"),
        ("Ayşe Çelik", "ayse celik"),
        ("Straße", "strasse"),
        ("Ĳsbrand", "ijsbrand"),
    ],
)
def test_fold_drops_accents_and_case(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_match_rank_prefers_the_start_of_the_name() -> None:
    assert match_rank("zoe", "zoe de vries") == 0
    assert match_rank("vries", "zoe de vries") == 1
    assert match_rank("ries", "zoe de vries") == 2
    assert match_rank("zoe berg", "zoe de vries") is None
    assert match_rank("zoe vr", "zoe de vries") == 1
    assert match_rank("", "anyone") == 0


def names(query: str, class_id: int | None = 1) -> list[str]:
    return [s.name for s in filter_students(ROSTER, query, class_id, {})]


def test_filter_is_accent_and_case_insensitive_with_the_current_class_first() -> None:
    assert names("zoe") == ["Zoë de Vries", "Zoe Jansen"]
    assert names("ZOË") == ["Zoë de Vries", "Zoe Jansen"]
    assert names("zoe", class_id=2) == ["Zoe Jansen", "Zoë de Vries"]
    assert names("emile") == ["Émile Peeters"]
    assert names("celik") == ["Ayşe Çelik"]
    assert names("ayse") == ["Ayşe Çelik"]


def test_apostrophes_do_not_stop_a_match() -> None:
    """Typing 'dhondt', "d'hondt" or 'hondt' finds D'Hondt, also when the roster has a curly apostrophe."""
    roster = [student(1, "Lotte D'Hondt"), student(2, "Jan D’Haese"), student(3, "Sam O'Neill")]

    def found(query: str) -> list[str]:
        return [s.name for s in filter_students(roster, query, 1, {})]

    assert found("dhondt") == ["Lotte D'Hondt"]
    assert found("d'hondt") == ["Lotte D'Hondt"]
    assert found("hondt") == ["Lotte D'Hondt"]
    assert found("d'haese") == ["Jan D’Haese"]
    assert found("oneill") == ["Sam O'Neill"]


def test_filter_matches_surname_parts() -> None:
    assert names("berg") == ["Sem van den Berg"]
    assert names("van den") == ["Sem van den Berg"]
    assert names("fleur") == ["Anne-Fleur Smit"]
    assert names("smit") == ["Anne-Fleur Smit"]
    assert names("") == [s.name for s in sorted(ROSTER, key=lambda s: (s.class_id != 1, fold(s.name)))]


def test_picker_filters_as_the_user_types(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = StudentPicker()
    qtbot.addWidget(picker)
    picked: list[int] = []
    picker.student_picked.connect(picked.append)
    picker.set_students(ROSTER, 1)
    assert picker.results.count() == len(ROSTER)
    qtbot.keyClicks(picker.search, "zoe")
    assert picker.shown_ids() == [1, 4]
    assert picker.results.item(1).text() == "Zoe Jansen  (klas2)"
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked == [4]
    picker.search.setText("ÉMILE")
    assert picker.shown_ids() == [5]
    picker.search.setText("nobody")
    assert picker.shown_ids() == []
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked == [4]


def test_arrange_keeps_stored_seats_and_fills_free_ones() -> None:
    students = [
        student(1, "A", seat=(0, 1)),
        student(2, "B"),
        student(3, "C", seat=(0, 1)),  # clash: C is seated elsewhere
        student(4, "D", seat=(2, 7)),  # a wider room
    ]
    seats, rows, columns = arrange(students)
    assert seats[1] == (0, 1)
    assert seats[2] == (0, 0)
    assert seats[3] == (0, 2)
    assert seats[4] == (2, 7)
    assert columns == 8
    assert rows == 4  # the back row stays free
    assert len(set(seats.values())) == len(students)


def test_arrange_an_empty_class() -> None:
    assert arrange([]) == ({}, 1, 6)


def test_seat_label_breaks_after_the_first_name() -> None:
    assert seat_label("Sem van den Berg") == "Sem\nvan den Berg"
    assert seat_label("Ada") == "Ada"


def test_seat_label_cuts_very_long_names() -> None:
    """A very long name must not make one seat as wide as the whole plan (the tooltip has the full name)."""
    label = seat_label("Zoë Van den Broeck-Vermeulen de la Croix-Haegendoorn")
    assert label == "Zoë\nVan den Broeck-…"
    assert seat_label("Maximiliaan-Alexander") == "Maximiliaan-Ale…"


@pytest.mark.parametrize(
    ("now", "period"),
    [
        (time(2, 0), None),  # never '1e uur' at night
        (time(7, 50), None),  # nor before school
        (time(8, 50), 1),
        (time(9, 40), 2),
        (time(10, 15), 2),
        (time(10, 45), 3),
        (time(17, 0), 9),
        (time(23, 30), None),
    ],
)
def test_default_period_follows_the_clock(now: time, period: int | None) -> None:
    assert default_period(datetime.combine(date(2026, 11, 27), now)) == period


def incident(step: int, agreed: int, strike: int = 2, note: str = "") -> LoggedIncident:
    names = {1: "1e waarschuwing", 2: "2e waarschuwing", 3: "Time-out in de klas"}
    return LoggedIncident(
        id=1, lesson_id=1, student_id=1, student_external_id="1", student_name="Zoë de Vries",
        class_name="2B", rule_id=1, rule_name="Telefoon weg", step=step, step_name=names[step],
        agreed_step=agreed, agreed_step_name=names[agreed], strike=strike,
        occurred_at=datetime(2026, 11, 26, 10, 0), note=note, lesson_date=date(2026, 11, 26), period=3,
    )  # fmt: skip


def test_feedback_says_what_was_stored_and_how_it_compares(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert incident_message(incident(2, 2)) == (
        "Opgeslagen: Zoë de Vries · Telefoon weg · 2e waarschuwing — 2e keer deze les, volgens afspraak."
    )
    assert incident_message(incident(3, 2)).endswith("strenger dan afgesproken (afspraak: 2e waarschuwing).")
    assert incident_message(incident(1, 2, note="x")).endswith(
        "milder dan afgesproken (afspraak: 2e waarschuwing). (met notitie)"
    )
    bar = FeedbackBar()
    qtbot.addWidget(bar)
    for logged, mark in ((incident(2, 2), "✓"), (incident(3, 2), "▲"), (incident(1, 2), "▼")):
        bar.show_incident(logged)
        assert bar.mark.text() == mark  # a symbol, not colour alone
    assert bar.undo_button.text() == "Ongedaan maken"


def test_date_and_period_follow_the_clock_until_chosen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.log.lesson_bar import LessonBar

    bar = LessonBar()
    qtbot.addWidget(bar)
    changes: list[int] = []
    bar.context_changed.connect(lambda: changes.append(bar.period()))
    bar.follow_clock(datetime(2026, 11, 27, 13, 50))
    assert (bar.lesson_date(), bar.period()) == (date(2026, 11, 27), 6)
    assert changes and bar.following_clock()
    bar.period_combo.setCurrentIndex(bar.period_combo.findData(2))  # the teacher picks the 2nd period
    assert not bar.following_clock()
    bar.follow_clock(datetime(2026, 11, 27, 15, 30))
    assert bar.period() == 2
