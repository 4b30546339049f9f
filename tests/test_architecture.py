"""Layer boundaries (import-linter contracts in pyproject.toml) and fast start-up imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_startup_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; import app.cli, app.ui.main_window, app.ui.app, app.store.store;"
        "heavy = [m for m in ('pandas', 'matplotlib', 'statsmodels', 'scipy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_code_is_ruff_clean() -> None:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert exe, "ruff is part of the test extra"
    args = [exe, "check", "app", "tests", "bench", "tools", "packaging"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
