"""argparse's own messages follow the user's language (Dutch by default)."""

from __future__ import annotations

import pytest

from app.cli import main


def test_a_missing_argument_is_explained_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["log"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "gebruik: fair-strictness log" in err
    assert "fout: deze argumenten ontbreken: --student, --rule" in err
    assert "error" not in err and "required" not in err


def test_an_unknown_command_lists_the_choices_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bogus"])
    assert "ongeldige keuze: 'bogus' (kies uit 'log'" in capsys.readouterr().err


def test_english_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "log"])
    assert "error: the following arguments are required" in capsys.readouterr().err
