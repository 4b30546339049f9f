"""The window's language at first start: the system's (Dutch or English) until one is chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.core import config
from app.ui.app import window_language


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def no_language_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in config.LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_language_variables")
@pytest.mark.parametrize(
    ("system", "expected"),
    [("en_GB", "en"), ("en_US", "en"), ("nl_NL", "nl"), ("nl_BE", "nl"), ("de_DE", "nl"), ("C", "nl")],
)
def test_nothing_set_follows_the_operating_system(settings: QSettings, system: str, expected: str) -> None:
    assert window_language(None, settings, lambda: system) == expected
    assert settings.value("language") is None  # the system's language is not stored as a choice


@pytest.mark.usefixtures("no_language_variables")
def test_the_environment_comes_before_the_operating_system(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_IE.UTF-8")
    assert window_language(None, settings, lambda: "nl_NL") == "en"


@pytest.mark.usefixtures("no_language_variables")
def test_a_choice_in_set_up_and_lang_win(settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    settings.setValue("language", "nl")
    assert window_language(None, settings, lambda: "en_GB") == "nl"
    assert window_language("en", settings, lambda: "nl_NL") == "en"
    settings.setValue("language", "fr")  # not ours: ignored
    assert window_language(None, settings, lambda: "nl_NL") == "en"
