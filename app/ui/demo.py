"""The demo year in a window and a file of its own (``fair-strictness --demo``).

The welcome's "look around" choice starts a second process with ``--demo``: the made-up school year
goes into ``<data folder>/demo/demo.db`` (filled the first time), so the teacher's own log stays empty
and each window keeps its own store, shortcuts and lifetime. The demo window says what it is in its
title and in a banner; it gets no encryption offer and no welcome.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import config
from app.core.i18n import t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def demo_db_path() -> Path:
    """Where the demo year lives: a folder of its own in the user's data folder (its backups too)."""
    return config.data_dir() / "demo" / "demo.db"


def prepare_demo(path: Path) -> bool:
    """Fill the store at ``path`` with the demo year when it has no students; True when it was filled."""
    from app.simulation.demo import fill_demo
    from app.store.store import Store

    store = Store.open(path, passphrase="")  # a demo is never encrypted, whatever the environment says
    store.auto_backup = False
    try:
        if store.students(include_archived=True):
            return False
        fill_demo(store)
        return True
    finally:
        store.close()


def demo_command(lang: str) -> tuple[str, list[str]]:
    """The program and arguments that open the demo window (the bundle's executable, or this Python)."""
    args = ["--demo", "--lang", lang]
    if getattr(sys, "frozen", False):
        return sys.executable, args
    return sys.executable, ["-m", "app", *args]


def launch_demo(lang: str) -> bool:
    """Start the demo window as a process of its own; False when it could not be started."""
    from PySide6.QtCore import QProcess

    program, args = demo_command(lang)
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


def mark_demo_window(window: QMainWindow) -> None:
    """Title and banner: this window shows made-up data, in a file of its own."""
    from app.ui.widgets.inline_message import InlineMessage

    window.setWindowTitle(window.windowTitle() + " — " + t("demo"))
    banner = InlineMessage()
    banner.setObjectName("demo-banner")
    banner.show_message(
        t(
            "Dit is het demojaar: verzonnen leerlingen en incidenten, in een eigen bestand. "
            "Je eigen logboek verandert niet. Sluit dit venster als je klaar bent met rondkijken.",
        ),
        "info",
    )
    add_banner = getattr(window, "add_banner", None)
    if callable(add_banner):
        add_banner(banner)
