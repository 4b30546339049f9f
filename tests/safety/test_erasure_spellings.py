"""Issue #18.4: one spelling for names and student numbers, so forgetting finds every way they were typed.

SQLite's lower() and LIKE fold ASCII only ('ZOË' is not 'zoë' to them); text may be decomposed (NFD)
or carry invisible characters; student numbers may differ in capitals. Normalised once, at the edge
(``app.core.identity``), and matched in Python.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core import identity
from app.core.errors import UserError
from app.importers.incidents import import_incidents
from app.importers.roster import import_roster
from app.safety.erasure import REDACTED, forget_student
from app.store.store import Store

NAME = "Zoë Jansen"
NFD = unicodedata.normalize("NFD", NAME)
SPELLINGS = (NAME.upper(), NFD, "Zo\u200bë Jansen", "zoë\u00a0jansen", "ZOË  JANSEN")


def _raw(db_path: Path) -> bytes:
    return b"".join(
        p.read_bytes()
        for p in (db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm"))
        if p.exists()
    )


def test_forget_student_blanks_the_name_in_every_spelling_and_in_lesson_labels(store: Store) -> None:
    zoe = store.add_student("3005", NAME, "1A")
    bob = store.add_student("4001", "Bob Bakker", "1A")
    rule = store.rules()[0]
    store.log_incident(zoe.id, rule.id, occurred_at=datetime(2026, 10, 1, 9))
    for minute, spelling in enumerate(SPELLINGS):
        store.log_incident(
            bob.id, rule.id, occurred_at=datetime(2026, 10, 2, 9, minute), note=f"ruzie: {spelling}"
        )
    lesson = store.incidents()[0].lesson_id
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE lesson SET label = ? WHERE id = ?", (f"gesprek {NAME.upper()}", lesson))
    store.save_reflection(date(2026, 10, 5), f"{NFD} was onrustig", {"q": f"met {NAME.upper()}"})
    result = forget_student(store, "3005")
    assert result.texts_redacted == len(SPELLINGS) + 2
    notes = sorted(i.note for i in store.incidents())
    assert notes == [f"ruzie: {REDACTED}"] * len(SPELLINGS)
    assert store.lessons()[0].label == f"gesprek {REDACTED}"
    reflection = store.reflection(date(2026, 10, 5))
    assert reflection.journal == f"{REDACTED} was onrustig" and reflection.answers == {"q": f"met {REDACTED}"}
    raw = _raw(store.path)
    for spelling in (NAME, NAME.upper(), NFD):
        assert spelling.encode() not in raw


@pytest.mark.parametrize("typed", ["abc1", "ABC1", "abc1\u200b", "\ufeffAbC1", "a\u00adbc1"])
def test_ids_in_other_capitals_or_with_invisible_characters_are_the_same_student(
    store: Store, typed: str
) -> None:
    store.add_student("ABC1", "Ann Achter", "1A")
    with pytest.raises(UserError, match="al een leerling met nummer"):
        store.add_student(typed, "Iemand Anders", "1A")
    found = store.student_by_external_id(typed)
    assert found is not None and found.external_id == "ABC1"
    assert forget_student(store, typed).external_id == "ABC1"
    assert store.students() == []


def test_a_new_id_is_stored_without_invisible_characters_and_in_nfc(store: Store) -> None:
    saved = store.add_student("3005\u200b", f"  {NFD}\u00ad ", "1A")
    assert saved.external_id == "3005" and saved.name == NAME


def test_an_id_stored_earlier_with_an_invisible_character_stays_and_is_found(store: Store) -> None:
    store.add_student("3005", NAME, "1A")
    with store.engine.begin() as conn:  # a store from before the normalisation
        conn.exec_driver_sql("UPDATE student SET external_id = '3005\u200b'")
    found = store.student_by_external_id("3005")
    assert found is not None and found.external_id == "3005\u200b"
    result = forget_student(store, "3005")
    assert result.external_id == "3005\u200b" and store.students() == []


def test_the_log_command_finds_a_student_in_other_capitals(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.add_student("ABC1", "Ann Achter", "1A")
        rule = store.rules()[0].name
    assert main(["--db", str(db_path), "log", "--student", "abc1\u200b", "--rule", rule]) == 0
    assert "Ann Achter" in capsys.readouterr().out


def test_importers_match_ids_by_their_normalised_form(store: Store, tmp_path: Path) -> None:
    store.add_student("ABC1", "Ann Achter", "1A")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "student_id,name,group\nabc1\u200b,Ann Achter,1A\n3005,Zoe\u0308 Jansen,1A\n", encoding="utf-8"
    )
    import_roster(store, roster)
    assert sorted(s.external_id for s in store.students()) == ["3005", "ABC1"]
    assert store.student_by_external_id("3005").name == NAME  # type: ignore[union-attr]
    incidents = tmp_path / "incidents.csv"
    rule = store.rules()[0].name
    incidents.write_text(
        "timestamp,student_id,rule,severity\n"
        f"2026-10-01 09:00,abc1,{rule},1\n2026-10-01 09:05,3005\u200b,{rule},1\n",
        encoding="utf-8",
    )
    import_incidents(store, incidents)
    assert sorted(i.student_external_id for i in store.incidents()) == ["3005", "ABC1"]


def test_identity_key_is_nfc_casefolded_without_invisible_characters() -> None:
    assert identity.key("ZOË\u200b JANSEN") == identity.key(NFD.lower()) == "zoë jansen"
    assert identity.tidy("regel 1\nregel\u00ad 2") == "regel 1\nregel 2"
