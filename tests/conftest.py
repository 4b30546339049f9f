"""Shared fixtures: a fresh store per test, Dutch messages, headless Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _dutch_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Dutch messages, and no test touches the user's real data directory or settings."""
    from app.core import i18n

    monkeypatch.setenv("FAIR_STRICTNESS_LANG", "nl")
    monkeypatch.setenv("FAIR_STRICTNESS_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setattr(i18n, "_language", None)
    return


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new store file."""
    return tmp_path / "log.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    """A fresh store with the default ladder and rules."""
    from app.store.store import Store

    s = Store.open(db_path)
    yield s
    s.close()
