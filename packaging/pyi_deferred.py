"""Run some of PyInstaller's run-time hooks when their module is first imported, not at every start.

PyInstaller runs a run-time hook for each of PySide6, inspect, pkgutil and multiprocessing before the
app's first line: together ~100 ms, before ``fair-strictness --version`` or ``audit`` can do anything,
though they need none of those modules, or need them much later. Each hook only adjusts its module
(and, for PySide6, the environment Qt reads when its first application object is made), so running it
right after the module has been imported is the same as running it first.

The bundle carries PyInstaller's own hook files (``pyi_rthooks/`` beside the app, copied by the spec
from the PyInstaller that built it); ``packaging/hooks/rthooks/`` holds one-line hooks that call
``run_after_import``, chosen over PyInstaller's by ``packaging/hooks/rthooks.dat``.
"""

from __future__ import annotations

import importlib.util
import os
import sys

#: the folder in the bundle that holds PyInstaller's own run-time hooks
HOOKS_DIR = "pyi_rthooks"


def _run(hook_file: str) -> None:
    path = os.path.join(sys._MEIPASS, HOOKS_DIR, hook_file)  # type: ignore[attr-defined]
    with open(path, encoding="utf-8") as handle:
        code = compile(handle.read(), path, "exec")
    exec(code, {"__name__": "__main__", "__file__": path})  # PyInstaller's own hook, as it would run


class _Loader:
    """Loads the module as before, then runs the hook (other loader methods pass through)."""

    def __init__(self, loader: object, hook_file: str) -> None:
        self._loader = loader
        self._hook_file = hook_file

    def create_module(self, spec: object) -> object:
        return self._loader.create_module(spec)  # type: ignore[attr-defined]

    def exec_module(self, module: object) -> None:
        self._loader.exec_module(module)  # type: ignore[attr-defined]
        _run(self._hook_file)

    def __getattr__(self, name: str) -> object:
        return getattr(self._loader, name)


class _AfterImport:
    """A one-shot meta path finder for one module name."""

    def __init__(self, module_name: str, hook_file: str) -> None:
        self.module_name = module_name
        self.hook_file = hook_file

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != self.module_name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader, self.hook_file)
        return spec


def run_after_import(module_name: str, hook_file: str) -> None:
    """Run PyInstaller's ``hook_file`` right after ``module_name`` is imported (at once if it is)."""
    if module_name in sys.modules:
        _run(hook_file)
    else:
        sys.meta_path.insert(0, _AfterImport(module_name, hook_file))
