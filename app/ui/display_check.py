"""Before the window: can Qt open one here? If not, say what is missing and how to install it.

Without this, a bare Debian desktop gets Qt's own message ("Could not load the Qt platform plugin
"xcb" ... Reinstalling the application may fix this problem.") and an abort; it even names
libxcb-cursor0 when another library is the one missing. Two layers:

* ``check_display`` runs before ``QApplication`` exists: on Linux, is there a display at all, and does
  Qt's X11 (xcb) platform plugin load? Loading the plugin library with ``ctypes`` is what Qt does next
  anyway; when it fails, ``ldd`` lists every library that is not found, and ``XCB_PACKAGES`` names the
  Debian/Ubuntu package that holds each.
* ``explain_platform_failure`` wraps the creation of ``QApplication``: should Qt still find no usable
  platform plugin (a display that does not answer, a Wayland session that fails), its fatal message is
  replaced by ours, with Qt's lines kept as details, and the process ends with ``EXIT_NO_DISPLAY``.

Everything here is plain Python until Qt is needed; the messages go through ``t(nl, en)`` because there
is no Qt translator yet.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import t

#: the exit code when the window cannot start (2 is a user error on the command line)
EXIT_NO_DISPLAY = 3

#: shared libraries that Qt's xcb plugin (and libQt6XcbQpa) load -> the Debian/Ubuntu package
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
#: what Qt 6 needs on a minimal Debian/Ubuntu desktop beyond X itself (the usual missing ones)
USUAL_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libegl1",
)
#: platforms that need no display server: the user asked for them, so nothing is checked
_HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


@dataclass(frozen=True)
class DisplayProblem:
    """Why the window cannot open: ``no-display``, ``unreachable-display``, ``missing-libraries`` or
    ``platform-failed``."""

    reason: str
    libraries: tuple[str, ...] = ()
    details: tuple[str, ...] = ()

    def packages(self) -> tuple[str, ...]:
        """The Debian/Ubuntu packages holding the missing libraries (known ones, each once)."""
        return tuple(dict.fromkeys(XCB_PACKAGES[lib] for lib in self.libraries if lib in XCB_PACKAGES))

    def message(self) -> str:
        """What is wrong and what to do, in the user's language."""
        head = t(
            "Rechtvaardige strengheid kan het venster niet openen.",
        )
        if self.reason == "no-display":
            return "\n".join(
                (
                    head,
                    t(
                        "Er is geen beeldscherm: DISPLAY en WAYLAND_DISPLAY zijn leeg. Start het programma "
                        "vanuit het menu van je bureaublad, niet via SSH of een terminal zonder grafische "
                        "sessie.",
                    ),
                    t(
                        "De opdrachtregel werkt wel zonder venster: fair-strictness --help",
                    ),
                )
            )
        if self.reason == "unreachable-display":
            return "\n".join(
                (
                    head,
                    t(
                        "Het beeldscherm {display} antwoordt niet. Start het programma vanuit het menu van "
                        "je bureaublad; via SSH alleen met doorgestuurd beeld (ssh -X).",
                        display=os.environ.get("DISPLAY", "") or os.environ.get("WAYLAND_DISPLAY", ""),
                    ),
                    t("Qt meldt:"),
                    *(f"  {line}" for line in self.details),
                )
            )
        lines = [head]
        if self.libraries:
            lines.append(
                t(
                    "Deze systeembibliotheken voor het venster (Qt, X11) ontbreken:",
                )
            )
            lines.extend(f"  {lib}" for lib in self.libraries)
        if self.details:
            lines.append(t("Qt meldt:"))
            lines.extend(f"  {line}" for line in self.details)
        packages = self.packages() or (() if self.libraries else USUAL_PACKAGES)
        if packages:
            lines.append(
                t(
                    "Installeer ze op Debian of Ubuntu met:",
                )
                if self.libraries
                else t(
                    "Meestal ontbreken deze pakketten; installeer ze op Debian of Ubuntu met:",
                )
            )
            lines.append(f"  sudo apt install {' '.join(packages)}")
        unknown = [lib for lib in self.libraries if lib not in XCB_PACKAGES]
        if unknown:
            lines.append(
                t(
                    "Welk pakket {libs} levert, zegt: apt-file search {first}",
                    libs=", ".join(unknown),
                    first=unknown[0],
                )
            )
        lines.append(
            t(
                "Lukt dat niet, vraag het dan aan de ICT-beheerder van je school.",
            )
        )
        return "\n".join(lines)


def qt_plugin_dirs() -> list[Path]:
    """Where Qt's plugins can be: the environment's choice, then PySide6's own folder (also in a bundle)."""
    dirs = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    platform_dir = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if platform_dir:
        dirs.insert(0, Path(platform_dir).parent)
    try:
        import PySide6

        dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "plugins")
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    return dirs


def not_found_in_ldd(output: str) -> tuple[str, ...]:
    """The libraries ``ldd`` reports as 'not found', each once, in its order."""
    return tuple(dict.fromkeys(_NOT_FOUND.findall(output)))


def missing_xcb_libraries(plugin_dirs: list[Path] | None = None) -> tuple[str, ...]:
    """The libraries Qt's xcb plugin cannot load here (empty when it loads, or when there is no plugin)."""
    import ctypes

    plugin = next(
        (
            d / "platforms" / "libqxcb.so"
            for d in (plugin_dirs or qt_plugin_dirs())
            if (d / "platforms" / "libqxcb.so").is_file()
        ),
        None,
    )
    if plugin is None:
        return ()  # nothing to check against; Qt will say what it misses
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        ldd = shutil.which("ldd")
        if ldd:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False).stdout
            missing = not_found_in_ldd(out)
            if missing:
                return missing
        return tuple(_CANNOT_OPEN.findall(str(exc))) or (str(exc),)
    return ()


def check_display(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    find_missing: Callable[[], tuple[str, ...]] = missing_xcb_libraries,
) -> DisplayProblem | None:
    """Why Qt could not open a window here, or None when it should (only Linux is checked)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    requested = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if any(p.startswith(_HEADLESS) for p in requested) or any(p.startswith("wayland") for p in requested):
        return None  # chosen on purpose; a failing Wayland is caught by explain_platform_failure
    if not requested:
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            return DisplayProblem("no-display")
        if env.get("WAYLAND_DISPLAY"):
            return None  # Qt tries Wayland first; X11 libraries may not be needed
    missing = find_missing()
    return DisplayProblem("missing-libraries", libraries=missing) if missing else None


#: Qt's hint that names libxcb-cursor0 whatever is missing; dropped when we know what is
_MISLEADING = "xcb-cursor0 or libxcb-cursor0 is needed"


@contextmanager
def explain_platform_failure(
    exit_process: Callable[[int], None] = os._exit,
) -> Iterator[list[str]]:
    """While ``QApplication`` is created: turn Qt's fatal 'no platform plugin' into our message.

    Qt's other messages in that moment are held back and written to stderr unchanged afterwards when
    the window could start; when it could not, they are the details of our message.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    seen: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            libraries = missing_xcb_libraries() if sys.platform.startswith("linux") else ()
            lines = [*seen, message.splitlines()[0].split(" Reinstalling")[0]]  # it would not help
            unreachable = any("could not connect to display" in line for line in lines)
            if unreachable or (libraries and "libxcb-cursor.so.0" not in libraries):
                lines = [line for line in lines if _MISLEADING not in line]
            reason = "unreachable-display" if unreachable and not libraries else "platform-failed"
            problem = DisplayProblem(reason, libraries=libraries, details=tuple(lines))
            sys.stderr.write(problem.message() + "\n")
            sys.stderr.flush()
            exit_process(EXIT_NO_DISPLAY)  # Qt would abort() right after this handler
            return
        seen.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)
        for message in seen:
            sys.stderr.write(message + "\n")
