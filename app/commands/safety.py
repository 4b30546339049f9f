"""Safety of the store on the command line: backups, restore and encryption.

Passphrases come from the environment (``FAIR_STRICTNESS_PASSPHRASE`` for the store,
``FAIR_STRICTNESS_NEW_PASSPHRASE`` for a new one) or, in a terminal, from a hidden prompt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import config
from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store

ENV_NEW_PASSPHRASE = "FAIR_STRICTNESS_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add backup, restore, backups, verify, encrypt and change-passphrase."""
    p = sub.add_parser("backup", help=t("maak nu een back-up naar FILE"))
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help=t("zet een back-up terug"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--force",
        action="store_true",
        help=t("vervang ook een logbestand met gegevens"),
    )
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("backups", help=t("toon de back-ups"))
    p.add_argument(
        "--keep-days",
        type=int,
        help=t("bewaar automatische back-ups zoveel dagen"),
    )
    p.set_defaults(handler=run_backups)

    p = sub.add_parser("verify", help=t("controleer het logbestand volledig"))
    p.set_defaults(handler=run_verify)

    p = sub.add_parser("encrypt", help=t("versleutel het logbestand"))
    p.set_defaults(handler=run_encrypt)

    p = sub.add_parser("change-passphrase", help=t("kies een nieuw wachtwoord"))
    p.set_defaults(handler=run_change_passphrase)


def db_path_of(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else config.default_db_path()


def new_passphrase() -> str:
    """A new passphrase: FAIR_STRICTNESS_NEW_PASSPHRASE, or asked twice in a terminal."""
    value = os.environ.get(ENV_NEW_PASSPHRASE)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserError(
            t(
                "Geef het nieuwe wachtwoord in {env}.",
                env=ENV_NEW_PASSPHRASE,
            )
        )
    import getpass

    first = getpass.getpass(t("Nieuw wachtwoord: "))
    if first != getpass.getpass(t("Nog eens: ")):
        raise UserError(t("De wachtwoorden verschillen."))
    return first


def open_with_prompt(db_path: Path, attempts: int = 3) -> Store:
    """Open the store; an encrypted one without FAIR_STRICTNESS_PASSPHRASE asks for it in a terminal.

    The passphrase is read with a hidden prompt (getpass), at most ``attempts`` times; without a
    terminal (a script, a pipe) the store's own refusal is raised unchanged.
    """
    from app.safety.integrity import PassphraseRequiredError, WrongPassphraseError
    from app.store.store import Store

    try:
        return Store.open(db_path)
    except PassphraseRequiredError:
        if os.environ.get(config.ENV_PASSPHRASE) or not sys.stdin.isatty():
            raise
    import getpass

    for _ in range(attempts):
        passphrase = getpass.getpass(t("Wachtwoord voor {path}: ", path=db_path))
        if not passphrase:
            break
        try:
            return Store.open(db_path, passphrase=passphrase)
        except WrongPassphraseError:
            print(t("Dat wachtwoord klopt niet."), file=sys.stderr)
    raise UserError(
        t(
            "{path} is niet geopend: geen juist wachtwoord gegeven. Het bestand is niet gewijzigd.",
            path=db_path,
        )
    )


def run_backup(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write a backup of the store to FILE."""
    from app.safety.backup import backup_store

    target = Path(args.file).expanduser()
    if target.exists():
        raise UserError(t("{path} bestaat al.", path=target))
    with open_store() as store:
        path = backup_store(store, target)
        encrypted = store.encrypted
    print(t("Back-up gemaakt: {path}", path=path) + (t(" (versleuteld)") if encrypted else ""))
    return 0


def run_restore(args: argparse.Namespace, _open_store: Callable[[], Store]) -> int:
    """Validate FILE and put it in place of the store (keeping the previous one as a backup)."""
    from app.safety.restore import restore_file
    from app.store.store import resolve_passphrase

    db = db_path_of(args)
    passphrase = resolve_passphrase(None)
    asked = _asked_passphrase(Path(args.file).expanduser(), db) if passphrase is None else None
    if asked is not None:  # an encrypted backup, or a plain one over an encrypted store (stays encrypted)
        import getpass

        passphrase = getpass.getpass(
            t("Wachtwoord van de back-up {path}: ", path=args.file)
            if asked == "backup"
            else t("Wachtwoord van het logbestand {path}: ", path=db)
        )
    previous = restore_file(db, args.file, passphrase or None, force=args.force)
    print(t("Teruggezet: {src} -> {db}", src=args.file, db=db))
    from app.safety.integrity import file_kind

    if file_kind(Path(args.file).expanduser()) == "plain" and file_kind(db) == "opaque":
        print(
            t(
                "De back-up was niet versleuteld; het logbestand blijft versleuteld met het huidige "
                "wachtwoord.",
            )
        )
    if previous is not None:
        print(t("Het vorige logbestand is bewaard als {p}", p=previous))
    return 0


def _asked_passphrase(source: Path, db: Path) -> str | None:
    """Which passphrase a restore from a terminal asks: 'backup', 'store' (the result stays encrypted)."""
    from app.safety.integrity import file_kind

    try:
        if not (sys.stdin.isatty() and source.is_file()):
            return None
        if file_kind(source) == "opaque":
            return "backup"
        return "store" if file_kind(db) == "opaque" else None
    except UserError:
        return None


def run_backups(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """List the backups; optionally set how long automatic backups are kept."""
    from app.safety.backup import keep_days, list_backups, set_keep_days

    with open_store() as store:
        if args.keep_days is not None:
            set_keep_days(store, args.keep_days)
        days = keep_days(store)
        backups = list_backups(store.path)
    if days == 1:
        print(t("Automatische back-ups worden 1 dag bewaard."))
    else:
        print(
            t(
                "Automatische back-ups worden {n} dagen bewaard.",
                n=days,
            )
        )
    for info in backups:
        print(f"{info.created:%Y-%m-%d %H:%M}  {info.kind:<14} {info.size // 1024:>7} kB  {info.path}")
    if not backups:
        print(t("Nog geen back-ups."))
    return 0


def run_verify(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Run SQLite's full integrity check on the store."""
    with open_store() as store, store.engine.connect() as conn:
        result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    if result == ["ok"]:
        print(t("Het logbestand is in orde."))
        return 0
    print("\n".join(result[:20]), file=sys.stderr)
    return 1


def _print_conversion(result: object) -> None:
    converted = getattr(result, "converted", ())
    skipped = getattr(result, "skipped", ())
    if converted:
        print(t("{n} back-up(s) mee omgezet.", n=len(converted)))
    for path in getattr(result, "removed", ()):
        print(t("Leesbare kopie gewist: {p}", p=path))
    for path in skipped:
        print(t("Niet omgezet (ander wachtwoord?): {p}", p=path))


def run_encrypt(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Encrypt a plain store (and its backups) with a new passphrase."""
    from app.safety.crypto import encrypt_store

    with open_store() as store:
        result = encrypt_store(store, new_passphrase())
    print(t("Het logbestand is versleuteld."))
    _print_conversion(result)
    return 0


def run_change_passphrase(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Re-encrypt the store (opened with FAIR_STRICTNESS_PASSPHRASE) with a new passphrase."""
    from app.safety.crypto import change_passphrase

    with open_store() as store:
        result = change_passphrase(store, store.passphrase or "", new_passphrase())
    print(t("Het wachtwoord is gewijzigd."))
    _print_conversion(result)
    return 0
