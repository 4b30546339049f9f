"""When Qt cannot open a window: what is missing and how to install it, in the user's language."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.i18n import set_language
from app.ui import display_check
from app.ui.display_check import EXIT_NO_DISPLAY, DisplayProblem, check_display

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def _missing(*libs: str):  # type: ignore[no-untyped-def]
    return lambda: libs


def test_no_display_at_all_is_said_in_dutch_and_english() -> None:
    problem = check_display({}, "linux", _missing())
    assert problem == DisplayProblem("no-display")
    assert "geen beeldscherm" in problem.message() and "DISPLAY" in problem.message()
    set_language("en")
    assert "There is no display" in problem.message()


def test_missing_xcb_libraries_name_their_debian_packages() -> None:
    problem = check_display({"DISPLAY": ":0"}, "linux", _missing("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert problem is not None and problem.reason == "missing-libraries"
    assert problem.packages() == ("libxcb-icccm4", "libxcb-keysyms1")
    text = problem.message()
    assert "ontbreken" in text and "libxcb-icccm.so.4" in text
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text
    set_language("en")
    assert "are missing" in problem.message()


def test_an_unknown_library_points_to_apt_file() -> None:
    problem = DisplayProblem("missing-libraries", libraries=("libxcb-cursor.so.0", "libfoo.so.2"))
    text = problem.message()
    assert "sudo apt install libxcb-cursor0" in text
    assert "apt-file search libfoo.so.2" in text


def test_a_display_that_does_not_answer_is_not_blamed_on_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":9")
    text = DisplayProblem("unreachable-display", details=("could not connect to display :9",)).message()
    assert "Het beeldscherm :9 antwoordt niet" in text and "ssh -X" in text
    assert "apt install" not in text


def test_a_failure_without_known_libraries_suggests_the_usual_packages() -> None:
    text = DisplayProblem("platform-failed", details=("could not connect to display :9",)).message()
    assert "could not connect to display :9" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"DISPLAY": ":0"}, "linux"),  # everything loads
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # chosen on purpose, no display needed
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),  # Qt tries Wayland first
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_nothing_to_say_when_qt_can_start(environ: dict[str, str], platform: str) -> None:
    assert check_display(environ, platform, _missing()) is None


def test_xcb_asked_for_explicitly_is_checked_even_without_display() -> None:
    problem = check_display({"QT_QPA_PLATFORM": "xcb"}, "linux", _missing("libxcb-xkb.so.1"))
    assert problem is not None and problem.packages() == ("libxcb-xkb1",)


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert display_check.not_found_in_ldd(LDD_OUTPUT) == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="Linux, ldd")
def test_a_plugin_that_cannot_load_is_diagnosed_by_its_libraries(tmp_path: Path) -> None:
    """The real xcb plugin copied away from Qt's libraries: what it cannot find is listed."""
    real = next((d / "platforms" / "libqxcb.so" for d in display_check.qt_plugin_dirs()), None)
    if real is None or not real.is_file():
        pytest.skip("no xcb plugin in this Qt")
    plugins = tmp_path / "a" / "b" / "plugins"
    (plugins / "platforms").mkdir(parents=True)
    shutil.copy(real, plugins / "platforms" / "libqxcb.so")
    missing = display_check.missing_xcb_libraries([plugins])
    assert "libQt6XcbQpa.so.6" in missing


def _run_window(env: dict[str, str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "log.db"), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux")
def test_the_window_command_without_display_explains_and_exits(tmp_path: Path) -> None:
    result = _run_window({}, tmp_path)
    assert result.returncode == EXIT_NO_DISPLAY
    assert "Rechtvaardige strengheid kan het venster niet openen." in result.stderr
    assert "Aborted" not in result.stderr and "Reinstalling" not in result.stderr
    assert not (tmp_path / "log.db").exists()  # nothing was opened or created
    english = _run_window({}, tmp_path, "--lang", "en")
    assert "Fair strictness cannot open its window." in english.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is for Linux")
def test_a_display_that_does_not_answer_is_explained_not_aborted(tmp_path: Path) -> None:
    """Either the libraries are missing (said before Qt starts) or the display :87 does not answer (Qt's
    fatal message replaced by ours, without its misleading hint): our words and exit code 3, no SIGABRT."""
    result = _run_window({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":87"}, tmp_path)
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    assert "Rechtvaardige strengheid kan het venster niet openen." in result.stderr
    if "ontbreken" not in result.stderr:  # the libraries are there: the display is the problem
        assert "Het beeldscherm :87 antwoordt niet" in result.stderr
        assert "xcb-cursor0 or libxcb-cursor0 is needed" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Wayland is for Linux")
def test_qt_fatal_platform_message_is_replaced_by_ours(tmp_path: Path) -> None:
    """Past the check (Wayland asked for), Qt itself fails: its fatal message becomes ours, exit code 3."""
    env = {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-87", "XDG_RUNTIME_DIR": str(tmp_path)}
    result = _run_window(env, tmp_path, "--lang", "en")
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    assert "Fair strictness cannot open its window." in result.stderr
    assert "Qt says:" in result.stderr and "wayland" in result.stderr
    assert "sudo apt install" in result.stderr
