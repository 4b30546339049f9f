"""Half-written copies outside the store's folders: remembered while they are written, so a crash
leaves nothing that no cleanup would find.

A manual backup goes wherever the teacher points it (``backup /media/usb/x.db``) and is written as a
hidden ``.x.db.tmp`` beside its target, then renamed. A kill in between left that file, with the
students in it, where no listing, pruning or erasure looks. While a copy is written its path is kept
in ``.<store>.copies`` beside the store; the cleanup of half-written copies reads that list too.
"""

from __future__ import annotations

import os
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def temp_path(dest: Path) -> Path:
    """The hidden file a copy to ``dest`` is written as before it is renamed into place."""
    return dest.with_name(f".{dest.name}.tmp")


def ledger(db_path: Path) -> Path:
    """The list of copies in progress of this store."""
    return db_path.with_name(f".{db_path.name}.copies")


def _read(db_path: Path) -> list[Path]:
    try:
        text = ledger(db_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [Path(line) for line in text.splitlines() if line.strip()]


def _write(db_path: Path, paths: list[Path]) -> None:
    path = ledger(db_path)
    if not paths:
        with suppress(FileNotFoundError):
            path.unlink()
        return
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("".join(f"{p}\n" for p in paths))


def is_ours(path: Path) -> bool:
    """Only hidden ``.tmp`` files are ever deleted from the list (never a file the teacher named)."""
    return path.name.startswith(".") and path.name.endswith(".tmp")


@contextmanager
def remembered(db_path: Path, tmp: Path) -> Iterator[None]:
    """Keep ``tmp`` on the store's list while the block writes it (best effort: a full disk may refuse)."""
    tmp = tmp.absolute()
    with suppress(OSError):
        _write(db_path, [*(p for p in _read(db_path) if p != tmp), tmp])
    try:
        yield
    finally:
        with suppress(OSError):
            _write(db_path, [p for p in _read(db_path) if p != tmp])


def listed(db_path: Path) -> list[Path]:
    """Copies on the store's list that may be half-written (only hidden ``.tmp`` files)."""
    return [p for p in _read(db_path) if is_ours(p)]


def forget_gone(db_path: Path) -> None:
    """Drop the entries whose file no longer exists."""
    with suppress(OSError):
        _write(db_path, [p for p in _read(db_path) if p.exists()])
