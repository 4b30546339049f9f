"""The main window: pages reachable, Ctrl+Q quits, screenshot mode writes a PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.main_window import MainWindow, available_pages
from app.ui.workers import SyncTaskRunner


def test_window_offers_every_available_page(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    qtbot.addWidget(window)
    assert window.nav.count() == len(available_pages())
    for key, *_ in available_pages():
        window.show_page(key)
        assert window.current_page_key() == key


def test_screenshot_mode_writes_a_png(db_path: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "--screenshot", str(out)],
        check=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_window_shows_before_the_store_and_then_gives_the_log_page_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    """Start-up shows the window first (no store yet), then attaches the store: typing goes to the search."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store.add_student("1", "Zoë de Vries", "1A")
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.nav.isEnabled()
    window.attach(AppContext(store=store, tasks=SyncTaskRunner(), settings=settings))
    assert window.nav.isEnabled() and window.current_page_key() == "log"
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    assert window.focusWidget() is window.page("log").picker.search  # type: ignore[attr-defined]
