"""``choices`` (issue 15): every prepared choice with its follow-up figures, from the command line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.store.choices import ChoiceDraft
from app.store.store import Store


def test_without_choices_it_says_where_to_make_one(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(db_path).close()
    assert main(["--db", str(db_path), "choices"]) == 0
    assert "Nog geen voorbereide keuzes" in capsys.readouterr().out


def test_open_and_closed_choices_with_their_follow_up(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    with Store.open(db_path) as store:
        sam = store.add_student("1001", "Sam Peeters", "2B")
        rule = store.rules()[0]
        store.log_incident(sam.id, rule.id)
        store.add_choice(
            ChoiceDraft("Dan noem ik eerst de afspraak.", today - timedelta(days=7), student_id=sam.id)
        )
        old = store.add_choice(ChoiceDraft("Dan adem ik.", today - timedelta(days=30), weekday="friday"))
        store.close_choice(old.id, today - timedelta(days=8))
    assert main(["--db", str(db_path), "choices"]) == 0
    out = capsys.readouterr().out
    first, second = out.split("\n\n")[:2]
    assert "open" in first and "Als het gaat om Sam Peeters: Dan noem ik eerst de afspraak." in first
    assert "1 incident in deze situatie sinds" in first and "te weinig" in first
    assert "afgesloten" in second and "op vrijdag: Dan adem ik." in second
    assert "Nog geen incidenten in deze situatie" in second or "te weinig" in second
