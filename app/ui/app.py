"""Start the window: QApplication, translators, store, main window; or render a screenshot and exit."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app.core import config
from app.core.i18n import set_language

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, lang: str) -> list[object]:
    """Install Qt's own and the app's translator for ``lang`` (source strings are Dutch)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translators: list[object] = []
    lang = "en" if lang == "en" else "nl"
    own = QTranslator()  # English: every string; Dutch: only the plural forms of %n strings
    if own.load(str(config.RESOURCES / "i18n" / f"fair_strictness_{lang}.qm")):
        app.installTranslator(own)
        translators.append(own)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    qt = QTranslator()
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def _system_locale_name() -> str:
    from PySide6.QtCore import QLocale

    return QLocale.system().name()


def window_language(
    chosen: str | None, settings: QSettings, system: Callable[[], str] = _system_locale_name
) -> str:
    """The window's language: ``--lang``, else the one chosen in Set-up, else the system's, else Dutch.

    The system's is the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) and then the operating
    system's own (``QLocale.system()``: Windows and macOS set no LANG for a program started from a menu).
    Nothing is stored: the teacher's own choice is made under Set-up › Language.
    """
    stored = str(settings.value("language", "") or "")
    for lang in (chosen, stored if stored in ("nl", "en") else None, config.language_from_environment()):
        if lang:
            return lang
    return config.language_code(system()) or "nl"


def app_icon() -> object:
    """The window and task-bar icon (resources/icons)."""
    from PySide6.QtGui import QIcon

    return QIcon(str(config.RESOURCES / "icons" / "fair-strictness.png"))


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and show a calm message instead of crashing."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None or QApplication.platformName() == "offscreen":
        # headless (screenshot mode, tests): nobody could close a message box
        print(f"fair-strictness: {value}", file=sys.stderr)
        return
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            "fair-strictness",
            QApplication.translate(
                "App",
                "Er ging iets mis. Je gegevens zijn veilig; de fout staat in het logbestand.\n\n{err}",
            ).replace("{err}", str(value)),
        )


def _log_to_file() -> None:
    """Write warnings and errors to a private log file in the user's data directory."""
    from logging.handlers import RotatingFileHandler

    try:
        folder = config.data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "fair-strictness.log"
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
        path.chmod(0o600)
    except OSError:
        return  # no log file is no reason not to start
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run_gui(
    db_path: Path,
    *,
    page: str | None = None,
    screenshot: Path | None = None,
    lang: str | None = None,
    demo: bool = False,
) -> int:
    """Start the GUI on the store at ``db_path``; with ``screenshot``, render 1366x768 to PNG and exit.

    With ``demo`` the store is the demo year (filled first when empty; app/ui/demo.py).
    """
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.display_check import EXIT_NO_DISPLAY, check_display, explain_platform_failure

    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # render without a display, at a fixed size
    QCoreApplication.setOrganizationName(config.APP_AUTHOR)
    QCoreApplication.setApplicationName(config.APP_NAME)
    settings = QSettings()
    lang = window_language(lang, settings)
    set_language(lang)
    if QApplication.instance() is None:
        problem = check_display()
        if problem is not None:  # say what is missing, instead of Qt's bare abort
            print(problem.message(), file=sys.stderr)
            return EXIT_NO_DISPLAY
        with explain_platform_failure():
            app = QApplication(sys.argv[:1])
    else:
        app = QApplication.instance()
    app.setWindowIcon(app_icon())
    _keep = install_translators(app, lang)
    sys.excepthook = _excepthook
    if screenshot is None:
        _log_to_file()

    from app.core.errors import UserError
    from app.ui.context import AppContext
    from app.ui.demo import mark_demo_window, prepare_demo
    from app.ui.main_window import MainWindow
    from app.ui.workers import TaskRunner

    if screenshot is not None:
        from app.store.store import Store

        try:
            if demo:
                prepare_demo(db_path)
            store = Store.open(db_path)
        except UserError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        ctx = AppContext(store=store, tasks=TaskRunner(), settings=settings, language=lang)
        window = MainWindow(ctx, page=page)
        window.resize(1366, 768)
        if demo:
            mark_demo_window(window)
        return _screenshot(app, window, ctx, screenshot)

    # The window appears first and the store opens right after its first paint: the teacher sees the
    # app at once instead of waiting for SQLAlchemy to load (bench/bench_startup.py measures both).
    window = MainWindow(None, page=page)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    if os.environ.get("FAIR_STRICTNESS_QUIT_WHEN_SHOWN"):  # used by bench/bench_startup.py
        window.close()
        return 0
    try:
        from app.ui.passphrase_dialog import open_store_with_prompt

        if demo:
            prepare_demo(db_path)  # the first time only (~1 s); the window says 'opening' meanwhile
        opened = open_store_with_prompt(db_path)  # asks the passphrase; offers a backup if damaged
    except UserError as exc:
        QMessageBox.critical(window, "fair-strictness", str(exc))
        return 2
    if opened is None:
        return 2
    store = opened
    ctx = AppContext(store=store, tasks=TaskRunner(), settings=settings, language=lang)
    window.attach(ctx)
    if os.environ.get("FAIR_STRICTNESS_QUIT_WHEN_READY"):  # used by bench/bench_startup.py
        QTimer.singleShot(0, app.quit)
    elif demo:
        store.auto_backup = False
        mark_demo_window(window)
    else:
        _start_safety_timers(ctx, window)
        QTimer.singleShot(0, lambda: _welcome_if_new(window))
    code = app.exec()
    ctx.tasks.wait()
    store.close()
    return int(code)


def _welcome_if_new(window: MainWindow) -> None:
    """At first start (a log without students): the welcome, with the ways to begin."""
    from app.ui.help_menu import show_welcome
    from app.ui.welcome import should_welcome

    if window.ctx is not None and should_welcome(window.ctx.store):
        show_welcome(window)


def _start_safety_timers(ctx: AppContext, window: QWidget) -> None:
    """After start: the skippable offer to encrypt, and a daily backup while the window stays open."""
    from PySide6.QtCore import QTimer

    from app.core.errors import UserError
    from app.safety.backup import auto_backup, backup_due
    from app.ui.passphrase_dialog import offer_encryption

    def offer() -> None:
        window.setProperty("encryption_offer_shown", offer_encryption(ctx, window) is not None)

    def hourly() -> None:
        if backup_due(ctx.store):
            try:
                auto_backup(ctx.store)
            except (OSError, UserError) as exc:
                log.warning("daily backup failed: %s", exc)

    QTimer.singleShot(1500, offer)
    timer = QTimer(window)
    timer.setInterval(60 * 60 * 1000)
    timer.timeout.connect(hourly)
    timer.start()


def _screenshot(app: QApplication, window: MainWindow, ctx: AppContext, out: Path) -> int:
    """Render the window offscreen once its page has settled, save a PNG and exit."""
    from PySide6.QtCore import QElapsedTimer, Qt
    from PySide6.QtWidgets import QApplication

    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    timer = QElapsedTimer()
    timer.start()
    page = window.stack.currentWidget()
    busy = getattr(page, "is_busy", None)
    while timer.elapsed() < 500 or (callable(busy) and busy() and timer.elapsed() < 30000):
        QApplication.processEvents()
        ctx.tasks.wait(50)
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out), "PNG")
    window.close()
    ctx.store.close()
    return 0 if ok else 1
