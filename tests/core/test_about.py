"""The version has one source; the language follows the environment; the About facts."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import app
from app.core import about, config

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_written_once_and_pyproject_reads_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", app.__version__)


def test_changelog_names_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{app.__version__}]" in changelog or "## [Unreleased]" in changelog


def test_version_command_prints_it(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    assert out.startswith(f"fair-strictness {app.__version__} (Python ")


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL overrides LANG
        ({"LANGUAGE": "en:nl", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"FAIR_STRICTNESS_LANG": "nl", "LANG": "en_GB.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
    ],
)
def test_language_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str | None
) -> None:
    for name in config.LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert config.language_from_environment() == expected


def test_language_code_reads_windows_names_too() -> None:
    assert config.language_code("Dutch_Netherlands.1252") == "nl"
    assert config.language_code("English_United Kingdom.1252") == "en"
    assert config.language_code("French_France") is None


def test_unknown_language_stays_dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in config.LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setattr(config, "system_language", lambda: None)
    assert config.language() == "nl"


def test_about_facts_name_the_store_backups_and_privacy(tmp_path: Path) -> None:
    facts = about.about_facts(tmp_path / "log.db")
    assert facts.version == app.__version__
    assert facts.licence == "MIT"
    assert facts.backups == tmp_path / "backups"
    assert facts.data_dir == config.data_dir()
    assert any("netwerkverbinding" in line for line in facts.privacy)
    assert facts.privacy_doc == ROOT / "docs" / "privacy.md"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
