"""Retention: archive a school year to an encrypted file, or purge it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from app.core.calendar import school_year
from app.core.errors import UserError
from app.safety.integrity import PassphraseRequiredError
from app.safety.retention import archive_period, period_counts, purge_period
from app.store.store import Store

PASS = "archief van vorig jaar"


def _two_years(store: Store) -> None:
    old = store.add_student("O1", "Oud Leerling", "1A")
    both = store.add_student("B2", "Beide Jaren", "1A")
    new = store.add_student("N3", "Nieuw Leerling", "2A")
    store.add_student("Z4", "Zonder Gegevens", "2A")  # newly enrolled: no record at all
    rule = store.rules()[0]
    store.log_incident(old.id, rule.id, occurred_at=datetime(2025, 9, 10, 9))
    store.log_incident(both.id, rule.id, occurred_at=datetime(2025, 9, 10, 9, 5))
    store.log_incident(both.id, rule.id, occurred_at=datetime(2026, 9, 10, 9))
    store.log_incident(new.id, rule.id, occurred_at=datetime(2026, 9, 11, 9))
    store.log_praise(old.id, occurred_at=datetime(2026, 3, 1, 10))
    store.save_reflection(date(2025, 10, 6), "oud", {})
    store.save_reflection(date(2026, 10, 5), "nieuw", {})


def test_school_year_runs_from_august_to_july() -> None:
    assert school_year(2025) == (date(2025, 8, 1), date(2026, 7, 31))


def test_period_counts(store: Store) -> None:
    _two_years(store)
    counts = period_counts(store, *school_year(2025))
    assert (counts.lessons, counts.incidents, counts.praise, counts.reflections, counts.students) == (
        1,
        2,
        1,
        1,
        2,
    )
    with pytest.raises(UserError):
        period_counts(store, date(2026, 1, 2), date(2026, 1, 1))


def test_archive_holds_only_the_year_encrypted(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    _two_years(store)
    dest = tmp_path / "2025-2026.db"
    archive_period(store, *school_year(2025), dest, PASS)
    assert b"Oud Leerling" not in dest.read_bytes()
    assert len(store.incidents()) == 4  # the store itself is unchanged and still usable
    store.add_class("3A")
    with pytest.raises(PassphraseRequiredError):
        Store.open(dest)
    with Store.open(dest, passphrase=PASS) as archive:
        archive.auto_backup = False
        assert sorted(s.external_id for s in archive.students()) == ["B2", "O1"]
        assert [i.occurred_at.year for i in archive.incidents()] == [2025, 2025]
        assert archive.reflection_weeks() == [date(2025, 10, 6)]
    with pytest.raises(UserError, match="bestaat al"):
        archive_period(store, *school_year(2025), dest, PASS)


def test_purge_removes_the_year_and_optionally_its_students(store: Store) -> None:
    _two_years(store)
    counts = purge_period(store, *school_year(2025), remove_students=True)
    assert counts.incidents == 2
    assert sorted(i.occurred_at.year for i in store.incidents()) == [2026, 2026]
    assert sorted(s.external_id for s in store.students()) == ["B2", "N3", "Z4"]
    assert store.reflection_weeks() == [date(2026, 10, 5)]
    assert b"Oud Leerling" not in store.path.read_bytes()


def test_an_archive_to_a_place_that_cannot_be_written_is_a_dutch_user_error(
    store: Store, tmp_path: Path
) -> None:
    pytest.importorskip("sqlcipher3")
    blocker = tmp_path / "gewoon-bestand.txt"
    blocker.write_text("geen map")
    start, end = school_year(2025)
    with pytest.raises(UserError, match=r"niet schrijven: .*een deel van het pad is geen map"):
        archive_period(store, start, end, blocker / "archief.db", "een lang wachtwoord")
    assert store.students() == []  # the store is usable afterwards


def test_prepared_choices_go_with_their_year_and_their_student(store: Store, tmp_path: Path) -> None:
    from app.store.choices import ChoiceDraft

    _two_years(store)
    old = store.student_by_external_id("O1")
    assert old is not None
    ended = store.add_choice(ChoiceDraft("Dan adem ik.", date(2025, 9, 1), weekday="friday"))
    store.close_choice(ended.id, date(2026, 6, 1))
    about_old = store.add_choice(ChoiceDraft("Dan noem ik de afspraak.", date(2025, 9, 1), student_id=old.id))
    still = store.add_choice(ChoiceDraft("Dan tel ik tot drie.", date(2026, 9, 1), period=3))
    purge_period(store, *school_year(2025), remove_students=True)
    assert [c.id for c in store.choices()] == [still.id]
    assert about_old.id not in {c.id for c in store.choices()}
