"""SQLCipher keys: the module, the file's salt, the raw key derived once from a passphrase, PRAGMA quoting."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.errors import StoreError
from app.core.i18n import t

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher 4's default key derivation: PBKDF2-HMAC-SHA512 over the 16-byte salt at the file's start
KDF_ITERATIONS = 256_000
_RAW_KEY = re.compile(r"^x'([0-9a-fA-F]{64}|[0-9a-fA-F]{96})'$")


def sqlcipher_module() -> Any:
    """The sqlcipher3 module, or a StoreError that says encryption is not available here."""
    try:
        import sqlcipher3
    except ImportError as exc:
        raise StoreError(
            t(
                "Versleuteling is op deze computer niet beschikbaar (het pakket sqlcipher3 ontbreekt).",
                "Encryption is not available on this computer (the sqlcipher3 package is missing).",
            )
        ) from exc
    return sqlcipher3


def quote_literal(text: str) -> str:
    """An SQL string literal (single quotes doubled); used for PRAGMA key, which takes no parameters."""
    return "'" + text.replace("'", "''") + "'"


def is_raw_key(key: str) -> bool:
    """True for an SQLCipher raw key ``x'<64 hex>'`` (or with the salt, 96 hex)."""
    return bool(_RAW_KEY.match(key))


@lru_cache(maxsize=16)
def _derive(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def file_salt(path: Path) -> bytes | None:
    """The SQLCipher salt (the first 16 bytes) of an encrypted file, None for a plain or missing one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    return head if len(head) == 16 and head != SQLITE_HEADER else None


def raw_key(passphrase: str, salt: bytes, *, with_salt: bool = False) -> str:
    """The raw key for ``passphrase`` and ``salt``: SQLCipher skips its slow key derivation with it.

    Derived once per passphrase and salt (PBKDF2 with SQLCipher 4's defaults) and reused by every
    connection, backup and check; ``with_salt`` also fixes the salt of a new file (backups share the
    store's salt, so one derivation opens them all).
    """
    if is_raw_key(passphrase):
        if with_salt and len(passphrase) != 99:
            raise ValueError("a raw key without its salt cannot key a new file")
        return passphrase
    key = _derive(passphrase, salt).hex()
    return f"x'{key}{salt.hex() if with_salt else ''}'"
