"""Check a store file before it is used: kind, health and schema revision, without changing a byte.

Every check opens the file read-only (``mode=ro``) and sets no pragma that writes: merely opening a
non-WAL file in WAL mode would already change it. Nothing is evaluated or unpickled; the file is read
by SQLite only.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.errors import StoreError
from app.core.i18n import t

SQLITE_HEADER = b"SQLite format 3\x00"
#: tables every fair-strictness store has (a foreign SQLite file lacks them)
REQUIRED_TABLES = frozenset({"alembic_version", "meta", "student", "incident", "rule", "ladder_step"})
#: files up to this size get a full ``quick_check`` on every open (a one-teacher year is ~1-3 MB; 64 MiB
#: is ~400k incidents and checks in about a second, after the window is already visible)
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
#: SQLCipher 4's default key derivation: PBKDF2-HMAC-SHA512 over the 16-byte salt at the file's start
KDF_ITERATIONS = 256_000
_RAW_KEY = re.compile(r"^x'([0-9a-fA-F]{64}|[0-9a-fA-F]{96})'$")


class DamagedStoreError(StoreError):
    """The file is damaged or is not a fair-strictness store; a backup can be restored."""


class ReadOnlyStoreError(StoreError):
    """The store (or its folder) cannot be written: it is refused before anything is opened."""


class NewerStoreError(StoreError):
    """The store was written by a newer version of the app."""


class PassphraseRequiredError(StoreError):
    """The store is encrypted (or unreadable) and no passphrase was given."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open the encrypted store."""


@dataclass(frozen=True)
class StoreCheck:
    """What a file turned out to be: 'new' (missing or empty), 'plain' or 'encrypted', and its revision."""

    path: Path
    kind: str
    revision: str | None
    #: the key string that opened an encrypted file (a raw key when it could be derived)
    key: str | None = None

    @property
    def encrypted(self) -> bool:
        """True for an SQLCipher store."""
        return self.kind == "encrypted"


def file_kind(path: Path) -> str:
    """'new' (missing or empty), 'plain' (an SQLite header) or 'opaque' (encrypted, or not a database)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise StoreError(t("Kan {path} niet lezen: {err}", path=path, err=exc.strerror)) from exc
    if not header:
        return "new"
    return "plain" if header == SQLITE_HEADER else "opaque"


def looks_encrypted(path: Path) -> bool:
    """An opaque file that could be an SQLCipher database (whole pages of at least 512 bytes)."""
    size = path.stat().st_size
    return size >= 512 and size % 512 == 0


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for the file (nothing is created or written)."""
    return path.resolve().as_uri() + "?mode=ro"


def sqlcipher_module() -> Any:
    """The sqlcipher3 module, or a StoreError that says encryption is not available here."""
    try:
        import sqlcipher3
    except ImportError as exc:
        raise StoreError(
            t(
                "Versleuteling is op deze computer niet beschikbaar (het pakket sqlcipher3 ontbreekt).",
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


def cipher_connect(target: str, path: Path, passphrase: str, *, uri: bool = False) -> tuple[Any, str]:
    """A verified sqlcipher3 connection and the key that opened it: the raw key first, then the passphrase.

    Raises ``WrongPassphraseError`` when neither opens the file, and ``DamagedStoreError`` when a key
    is accepted but the pages behind it are damaged (SQLCipher says 'malformed', not 'not a database').
    """
    module = sqlcipher_module()
    salt = file_salt(path)
    candidates = (
        [passphrase] if is_raw_key(passphrase) or salt is None else [raw_key(passphrase, salt), passphrase]
    )
    damaged = False
    for key in candidates:
        conn = module.connect(target, uri=uri, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {quote_literal(key)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as exc:
            conn.close()
            damaged = damaged or "not a database" not in str(exc)
            continue
        return conn, key
    if damaged:  # the passphrase was right; the file is not
        raise _damaged(path)
    raise WrongPassphraseError(
        t(
            "Het wachtwoord klopt niet voor {path} (of het bestand is geen fair-strictness-bestand).",
            path=path,
        )
    )


def connect_read_only(path: Path, passphrase: str | None = None) -> Any:
    """A read-only DB-API connection: sqlite3 for a plain file, a verified sqlcipher3 one otherwise."""
    if passphrase is None:
        return sqlite3.connect(read_only_uri(path), uri=True)
    return cipher_connect(read_only_uri(path), path, passphrase, uri=True)[0]


def _damaged(path: Path) -> DamagedStoreError:
    return DamagedStoreError(
        t(
            "{path} is beschadigd of geen fair-strictness-bestand. Het bestand is niet gewijzigd; "
            "je kunt een back-up terugzetten.",
            path=path,
        )
    )


def _hostile(path: Path) -> DamagedStoreError:
    return DamagedStoreError(
        t(
            "{path} is geen gewoon fair-strictness-bestand: het bevat onderdelen die het programma zelf "
            "nooit maakt (triggers of views, die bij elke wijziging zouden worden uitgevoerd, of andere "
            "tabellen). Om veiligheidsredenen is het niet geopend; het bestand is niet gewijzigd.",
            path=path,
        )
    )


def needs_quick_check(path: Path) -> bool:
    """Scan every page on open: small files always; a large one only after an unclean shutdown.

    A cleanly closed store has an empty (or no) ``-wal``; a non-empty one means the last session did
    not close (a crash, or another window still has it open). ``fair-strictness verify`` always runs
    the full ``integrity_check``.
    """
    try:
        if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            return True
        wal = path.with_name(path.name + "-wal")
        return wal.exists() and wal.stat().st_size > 0
    except OSError:
        return True


def _inspect(conn: Any, path: Path, kind: str) -> StoreCheck:
    """Health and schema of an open read-only connection."""
    from app.safety.schema_check import missing_objects, schema_objects, tables_of, unexpected_objects

    objects = schema_objects(conn)  # kinds and names parsed from the SQL SQLite builds them from
    if objects is None or any(k not in ("table", "index", "autoindex") for k, _ in objects):
        raise _hostile(path)
    tables = tables_of(objects)
    if needs_quick_check(path):
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise _damaged(path)
    if not tables:
        return StoreCheck(path, "new" if kind == "plain" else kind, None)
    if not tables >= REQUIRED_TABLES:
        raise _damaged(path)
    if unexpected_objects(objects):  # a side table or index the migrations never make
        raise _hostile(path)
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else None
    from app.schema.migrate import known_revisions

    known, head = known_revisions()
    if revision == head and missing_objects(objects):
        raise _damaged(path)
    if revision not in known:
        raise NewerStoreError(
            t(
                "{path} is gemaakt met een nieuwere versie van fair-strictness (schema {rev}). "
                "Werk het programma bij; het bestand is niet gewijzigd.",
                path=path,
                rev=revision,
            )
        )
    if revision == head and needs_quick_check(path):
        from app.safety.content_check import content_problem

        if (where := content_problem(conn)) is not None:
            raise _unreadable_content(path, where)
    return StoreCheck(path, kind, revision)


def _unreadable_content(path: Path, where: str) -> DamagedStoreError:
    return DamagedStoreError(
        t(
            "{path} bevat gegevens die fair-strictness niet kan lezen (in {where}): het is beschadigd of "
            "door een ander programma gewijzigd. Het bestand is niet gewijzigd; je kunt een back-up "
            "terugzetten.",
            path=path,
            where=where,
        )
    )


def check_store(path: Path, passphrase: str | None = None) -> StoreCheck:
    """Validate a store file read-only: quick_check, fair-strictness tables, a known revision.

    Raises a typed ``StoreError`` (damaged, newer, passphrase required or wrong); a missing file is
    'new', an existing zero-length one is refused as damaged. A plain file is read as plain whatever
    the passphrase. A refused file is left as it was found: the empty -wal/-shm that SQLite creates
    to read a WAL-mode file are removed again.
    """
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [side.exists() for side in sides]
    try:
        return _check_store(path, passphrase)
    except StoreError:
        for side, was_there in zip(sides, existed, strict=True):
            if not was_there and side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                with suppress(OSError):
                    side.unlink()
        raise


def _empty_file(path: Path) -> DamagedStoreError:
    return DamagedStoreError(
        t(
            "{path} is leeg (0 bytes): het logboek is verloren gegaan of het aanmaken werd afgebroken. "
            "Het bestand is niet gewijzigd. Zet een back-up terug, of verwijder het lege bestand om "
            "met een nieuw logboek te beginnen.",
            path=path,
        )
    )


def _check_store(path: Path, passphrase: str | None) -> StoreCheck:
    kind = file_kind(path)
    if kind == "new":
        if path.exists():  # an existing zero-length file: a lost store, never silently a new one
            raise _empty_file(path)
        return StoreCheck(path, "new", None)
    if kind == "opaque":
        if passphrase is None:
            if not looks_encrypted(path):
                raise _damaged(path)
            raise PassphraseRequiredError(
                t(
                    "{path} is versleuteld (of geen fair-strictness-bestand). Geef het wachtwoord "
                    "(in de terminal via FAIR_STRICTNESS_PASSPHRASE).",
                    path=path,
                )
            )
        return _check_encrypted(path, passphrase)
    try:
        with closing(connect_read_only(path)) as conn:
            return _inspect(conn, path, "plain")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # mangled text in the schema
        raise _damaged(path) from exc


def _check_encrypted(path: Path, passphrase: str) -> StoreCheck:
    module = sqlcipher_module()
    conn, key = cipher_connect(read_only_uri(path), path, passphrase, uri=True)
    try:
        check = _inspect(conn, path, "encrypted")
    except (module.DatabaseError, UnicodeDecodeError) as exc:
        raise _damaged(path) from exc
    finally:
        with suppress(Exception):
            conn.close()
    return StoreCheck(check.path, check.kind, check.revision, key)


def store_is_empty(path: Path, passphrase: str | None = None) -> bool:
    """True when the file holds no students, lessons, incidents, praise or reflections (or is new)."""
    check = check_store(path, passphrase)
    if check.revision is None:
        return True
    with closing(connect_read_only(path, check.key)) as conn:
        for table in ("student", "lesson", "incident", "praise", "reflection"):
            if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():  # fixed names
                return False
    return True
