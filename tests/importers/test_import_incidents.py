"""Incident import: lessons by class and date (or by the lesson column), unknown rules, refused files."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportProblem
from app.importers import apply_incidents, import_incidents, preview_incidents
from app.importers.timestamps import parse_timestamp
from app.store.store import Store
from tests.importers.test_import_common import snapshot, write

DAY = date.today() - timedelta(days=12)
D = DAY.isoformat()
NEXT = (DAY + timedelta(days=1)).isoformat()


@pytest.fixture
def roster(store: Store) -> Store:
    """A store with three students in two classes."""
    store.add_student("1", "Ann de Wit", "1A")
    store.add_student("2", "Bo Öztürk", "1A")
    store.add_student("3", "Cas", "1B")
    return store


def test_incidents_of_one_class_on_one_date_are_one_lesson(roster: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,student_id,rule,severity,note\n"
        f"{D} 09:00,1,Telefoon weg,1,\n"
        f"{D} 09:05,1,Op tijd en met spullen,2,tweede keer\n"
        f"{D} 13:10,2,Telefoon weg,1,\n"
        f"{D} 09:07,3,Telefoon weg,1,\n"
        f"{NEXT} 10:00,1,Telefoon weg,1,\n",
    )
    preview = preview_incidents(roster, path)
    assert preview.ok and len(preview.new) == 5 and preview.new_lessons == 3 and preview.updated == ()
    summary = apply_incidents(roster, preview)
    assert (summary.added, summary.lessons_added, summary.rules_created) == (5, 3, ())
    incidents = sorted(roster.incidents(), key=lambda i: i.occurred_at)
    assert [(i.student_external_id, i.strike, i.step, i.agreed_step) for i in incidents] == [
        ("1", 1, 1, 1),
        ("1", 2, 2, 2),
        ("3", 1, 1, 1),
        ("2", 1, 1, 1),
        ("1", 1, 1, 1),
    ]
    assert incidents[0].lesson_id == incidents[1].lesson_id == incidents[3].lesson_id
    assert incidents[1].note == "tweede keer"
    assert len(roster.lessons()) == 3


def test_lesson_column_keys_lessons_within_class_and_date(roster: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp;student_id;rule;severity;lesson\n"
        f"{D} 09:00;1;Telefoon weg;1;wiskunde 1e uur\n"
        f"{D} 14:00;1;Telefoon weg;1;mentoruur\n"
        f"{D} 09:10;2;Telefoon weg;1;wiskunde 1e uur\n",
    )
    import_incidents(roster, path)
    lessons = {lesson.label: lesson for lesson in roster.lessons()}
    assert set(lessons) == {"wiskunde 1e uur", "mentoruur"}
    strikes = [(i.student_external_id, i.strike) for i in roster.incidents()]
    assert sorted(strikes) == [("1", 1), ("1", 1), ("2", 1)]


def test_unknown_rules_are_created_at_step_1_and_reported(roster: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,student_id,rule,severity\n"
        f"{D} 09:00,1,Kauwgom uit,2\n{D} 09:01,2,kauwgom uit,1\n{D} 09:02,2,Petten af,1\n",
    )
    preview = preview_incidents(roster, path)
    assert preview.new_rules == ("Kauwgom uit", "Petten af")
    summary = apply_incidents(roster, preview)
    assert summary.rules_created == ("Kauwgom uit", "Petten af")
    assert "Kauwgom uit, Petten af" in summary.describe()
    rule = roster.rule_by_name("kauwgom uit")
    assert rule is not None and (rule.start_step, rule.category) == (1, "routine")


def test_reimporting_the_same_file_adds_nothing(roster: Store, tmp_path: Path) -> None:
    path = write(tmp_path, f"timestamp,student_id,rule,severity\n{D} 09:00,1,Telefoon weg,1\n")
    import_incidents(roster, path)
    summary = import_incidents(roster, path)
    assert (summary.added, summary.unchanged) == (0, 1)
    assert len(roster.incidents()) == 1


def test_existing_lesson_of_the_day_is_reused(roster: Store, tmp_path: Path) -> None:
    student = roster.student_by_external_id("1")
    rule = roster.rule_by_name("Telefoon weg")
    assert student is not None and rule is not None
    roster.log_incident(
        student.id, rule.id, occurred_at=datetime.combine(DAY, datetime.min.time()).replace(hour=8)
    )
    import_incidents(
        roster, write(tmp_path, f"timestamp,student_id,rule,severity\n{D} 09:00,1,Telefoon weg,2\n")
    )
    assert len(roster.lessons()) == 1
    assert sorted(i.strike for i in roster.incidents()) == [1, 2]


def test_every_bad_row_is_reported_and_the_store_is_unchanged(roster: Store, tmp_path: Path) -> None:
    future = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    long_ago = (date.today() - timedelta(days=4 * 365)).isoformat()
    path = write(
        tmp_path,
        "timestamp,student_id,rule,severity\n"
        f"{D} 09:00,1,Telefoon weg,1\n"
        f"{future},1,Telefoon weg,1\n"
        f"{long_ago} 10:00,1,Telefoon weg,1\n"
        "gisteren,1,Telefoon weg,1\n"
        f"{D} 09:00,99,Telefoon weg,1\n"
        f"{D} 09:00,1,Telefoon weg,6\n"
        f"{D} 09:00,1,Telefoon weg,hoog\n"
        f"{D} 09:00,1,,1\n",
    )
    before = snapshot(roster)
    with pytest.raises(ImportProblem) as info:
        import_incidents(roster, path)
    text = str(info.value)
    for needle in (
        "regel 3: tijdstip", "in de toekomst", "regel 4: tijdstip", "meer dan 3 jaar terug",
        "regel 5: tijdstip 'gisteren' is onleesbaar", "regel 9: de afspraak is leeg",
        "regel 8: stap 'hoog' is geen getal",
    ):  # fmt: skip
        assert needle in text
    assert snapshot(roster) == before
    # rows that read well but do not fit the store are reported too, all of them
    path2 = write(
        tmp_path,
        f"timestamp,student_id,rule,severity,group\n{D} 09:00,99,Telefoon weg,1,\n"
        f"{D} 09:00,1,Telefoon weg,6,\n{D} 09:00,1,Telefoon weg,1,9Z\n",
        "second.csv",
    )
    with pytest.raises(ImportProblem) as info:
        import_incidents(roster, path2)
    text = str(info.value)
    assert "regel 2: onbekende leerling '99'" in text
    assert "regel 3: stap 6 staat niet op de ladder (1 tot 5)" in text
    assert "regel 4: onbekende klas '9Z'" in text
    assert snapshot(roster) == before


def test_unreadable_and_unknown_rows_are_reported_together(roster: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,student_id,rule,severity\n"
        "gisteren,1,Telefoon weg,1\n"
        f"{D} 09:00,99,Telefoon weg,1\n"
        f"{D} 09:00,1,Telefoon weg,hoog\n"
        f"{D} 09:00,1,Telefoon weg,6\n",
    )
    before = snapshot(roster)
    preview = preview_incidents(roster, path)
    assert [p.line for p in preview.problems] == [2, 3, 4, 5]
    assert "onbekende leerling '99'" in preview.problems[1].message
    assert "stap 6 staat niet op de ladder" in preview.problems[3].message
    assert snapshot(roster) == before


def test_an_unreadable_timestamp_says_what_is_expected(roster: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "timestamp,student_id,rule,severity\n24-11-26 10:15,1,Telefoon weg,1\n")
    message = preview_incidents(roster, path).problems[0].message
    assert "jjjj-mm-dd uu:mm" in message and "dd-mm-jjjj uu:mm" in message


def test_missing_required_column(roster: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="'severity' ontbreekt"):
        import_incidents(roster, write(tmp_path, f"timestamp,student_id,rule\n{D} 09:00,1,Telefoon weg\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-03 10:15", datetime(2025, 10, 3, 10, 15)),
        ("2025-10-03T10:15:07", datetime(2025, 10, 3, 10, 15, 7)),
        ("2025-10-03 10:15:07.250000", datetime(2025, 10, 3, 10, 15, 7, 250000)),
        ("3-10-2025 10:15", datetime(2025, 10, 3, 10, 15)),
        ("03/10/2025 10.15.30", datetime(2025, 10, 3, 10, 15, 30)),
        ("03-10-2025", datetime(2025, 10, 3)),
        ("2025/10/03 10:15", datetime(2025, 10, 3, 10, 15)),
        ("2025-10-03 7:05", datetime(2025, 10, 3, 7, 5)),
        ("3-10-2025, 7:05", datetime(2025, 10, 3, 7, 5)),
        (" 2025-10-03 10:15 ", datetime(2025, 10, 3, 10, 15)),
        ("31-02-2025 10:00", None),
        ("03-10-25 10:15", None),
        ("2025-10-03 25:00", None),
        ("morgen", None),
    ],
)
def test_timestamp_formats(text: str, expected: datetime | None) -> None:
    assert parse_timestamp(text) == expected


def test_aware_timestamps_become_local_time() -> None:
    value = parse_timestamp("2025-10-03T10:15:00+00:00")
    assert value is not None and value.tzinfo is None
    assert value == datetime(2025, 10, 3, 10, 15).replace(
        tzinfo=__import__("datetime").timezone.utc
    ).astimezone().replace(tzinfo=None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from([f"{D} 09:00", f"{NEXT} 10:30", "2001-01-01 10:00", "x", ""]),
            st.sampled_from(["1", "2", "3", "99", ""]),
            st.sampled_from(["Telefoon weg", "Nieuw", ""]),
            st.sampled_from(["1", "3", "5", "0", "9", "a"]),
            st.text(alphabet=st.sampled_from(list('a";,\n é')), max_size=8),
        ),
        max_size=8,
    )
)
def test_fuzzed_incident_files_import_or_are_refused_whole(
    roster: Store, tmp_path: Path, rows: list[tuple[str, ...]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["timestamp", "student_id", "rule", "severity", "note"])
    writer.writerows(rows)
    path = write(tmp_path, buffer.getvalue(), "fuzz.csv")
    before = snapshot(roster)
    try:
        summary = import_incidents(roster, path)
    except ImportProblem:
        assert snapshot(roster) == before
    else:
        assert summary.added + summary.unchanged == len(rows)


def test_a_stale_preview_is_resolved_again_inside_the_transaction(roster: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path, f"timestamp,student_id,rule,severity\n{D} 09:00,1,Telefoon weg,1\n{D} 09:01,2,Nieuw,1\n"
    )
    stale = preview_incidents(roster, path)
    import_incidents(roster, path)
    summary = apply_incidents(roster, stale)
    assert (summary.added, summary.unchanged, summary.rules_created) == (0, 2, ())
    assert len(roster.incidents()) == 2


def test_unknown_column_is_refused(roster: Store, tmp_path: Path) -> None:
    path = write(tmp_path, f"timestamp,student_id,rule,severity,kleur\n{D} 09:00,1,Telefoon weg,1,rood\n")
    with pytest.raises(ImportProblem, match="regel 1: onbekende kolom 'kleur'"):
        import_incidents(roster, path)


def test_date_and_time_in_two_columns(roster: Store, tmp_path: Path) -> None:
    day = DAY.strftime("%d-%m-%Y")
    header = "Datum;Tijd;Leerlingnummer;Afspraak;Stap\n"
    good = f"{day};9:05;1;Telefoon weg;1\n{D} 00:00:00;10.15;2;Telefoon weg;1\n{day};;3;Telefoon weg;1\n"
    bad = f"{day};25:00;1;Telefoon weg;1\n{day} 10:00;11:00;1;Telefoon weg;1\n"
    preview = preview_incidents(roster, write(tmp_path, header + good + bad))
    assert [p.line for p in preview.problems] == [5, 6]
    assert f"tijdstip '{day} 25:00' is onleesbaar" in preview.problems[0].message
    import_incidents(roster, write(tmp_path, header + good, "good.csv"))
    midnight = datetime.combine(DAY, datetime.min.time())
    assert sorted(i.occurred_at for i in roster.incidents()) == [
        midnight,
        midnight.replace(hour=9, minute=5),
        midnight.replace(hour=10, minute=15),
    ]


def test_a_date_column_alone_means_midnight_and_no_date_no_time_is_named(
    roster: Store, tmp_path: Path
) -> None:
    ok = write(tmp_path, f"datum,student_id,rule,severity\n{D},1,Telefoon weg,1\n")
    assert preview_incidents(roster, ok).problems == ()
    missing = write(tmp_path, "student_id,rule,severity\n1,Telefoon weg,1\n", "m.csv")
    assert "kolom 'timestamp' ontbreekt" in preview_incidents(roster, missing).problems[0].message


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=40),
        st.from_regex(
            r"\A[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}([ T,]+[0-9]{1,2}[:.][0-9]{2}([:.][0-9]{2})?)?"
            r"(Z|[+-][0-9]{2}:[0-9]{2})?\Z"
        ),
    )
)
def test_parse_timestamp_never_raises(text: str) -> None:
    value = parse_timestamp(text)
    assert value is None or value.tzinfo is None


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59"])
def test_an_offset_that_leaves_the_calendar_is_unreadable_not_a_crash(text: str) -> None:
    assert parse_timestamp(text) is None


@pytest.mark.parametrize("period", ["²", "3e", "0", "16", "-1"])
def test_a_bad_period_is_a_row_problem_not_a_crash(roster: Store, tmp_path: Path, period: str) -> None:
    header = "timestamp,student_id,rule,severity,period\n"
    path = write(tmp_path, f"{header}{D} 09:00,1,Telefoon weg,1,{period}\n")
    preview = preview_incidents(roster, path)
    assert [p.line for p in preview.problems] == [2]
    assert f"lesuur '{period}' moet een getal van 1 tot 15 zijn" in preview.problems[0].message


def test_the_group_column_finds_a_class_in_other_capitals(roster: Store, tmp_path: Path) -> None:
    path = write(tmp_path, f"timestamp,student_id,rule,severity,group\n{D} 09:00,1,Telefoon weg,1,1a\n")
    assert import_incidents(roster, path).added == 1
    assert [lesson.class_name for lesson in roster.lessons()] == ["1A"]
