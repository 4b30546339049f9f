"""Safety of the store: backups, restore, encryption, erasure and retention on the command line.

Passphrases come from the environment (``FAIR_STRICTNESS_PASSPHRASE`` for the store,
``FAIR_STRICTNESS_NEW_PASSPHRASE`` for a new one) or, in a terminal, from a hidden prompt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import config
from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store

ENV_NEW_PASSPHRASE = "FAIR_STRICTNESS_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add backup, restore, backups, verify, encrypt, change-passphrase, forget-student, archive/purge."""
    p = sub.add_parser("backup", help=t("maak nu een back-up naar FILE", "make a backup to FILE now"))
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help=t("zet een back-up terug", "restore a backup"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--force",
        action="store_true",
        help=t("vervang ook een logbestand met gegevens", "also replace a store that holds data"),
    )
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("backups", help=t("toon de back-ups", "list the backups"))
    p.add_argument(
        "--keep-days",
        type=int,
        help=t("bewaar automatische back-ups zoveel dagen", "keep automatic backups N days"),
    )
    p.set_defaults(handler=run_backups)

    p = sub.add_parser("verify", help=t("controleer het logbestand volledig", "check the store fully"))
    p.set_defaults(handler=run_verify)

    p = sub.add_parser("encrypt", help=t("versleutel het logbestand", "encrypt the store"))
    p.set_defaults(handler=run_encrypt)

    p = sub.add_parser("change-passphrase", help=t("kies een nieuw wachtwoord", "choose a new passphrase"))
    p.set_defaults(handler=run_change_passphrase)

    p = sub.add_parser(
        "forget-student", help=t("wis een leerling en al zijn gegevens", "erase a student and all their data")
    )
    p.add_argument("student", help=t("leerlingnummer", "student id"))
    p.add_argument(
        "--delete-backups",
        action="store_true",
        help=t(
            "wis ook de back-ups waarin de leerling nog staat", "also delete backups that hold the student"
        ),
    )
    p.set_defaults(handler=run_forget)

    for name, helptext, handler in (
        (
            "archive-year",
            t("archiveer een schooljaar versleuteld", "archive a school year, encrypted"),
            run_archive,
        ),
        ("purge-year", t("wis een schooljaar", "purge a school year"), run_purge),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(
            "--year",
            type=int,
            help=t(
                "schooljaar dat in augustus van dit jaar begint",
                "school year starting in August of this year",
            ),
        )
        p.add_argument("--from", dest="start", type=date.fromisoformat, help="JJJJ-MM-DD")
        p.add_argument("--to", dest="end", type=date.fromisoformat, help="JJJJ-MM-DD")
        if name == "archive-year":
            p.add_argument("--out", type=Path, required=True, help=t("archiefbestand", "archive file"))
        else:
            p.add_argument(
                "--students",
                action="store_true",
                help=t(
                    "wis ook leerlingen die daarna geen gegevens meer hebben",
                    "also remove students left without records",
                ),
            )
            p.add_argument("--yes", action="store_true", help=t("echt wissen", "really purge"))
        p.set_defaults(handler=handler)


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else config.default_db_path()


def _new_passphrase() -> str:
    """A new passphrase: FAIR_STRICTNESS_NEW_PASSPHRASE, or asked twice in a terminal."""
    value = os.environ.get(ENV_NEW_PASSPHRASE)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserError(
            t(
                "Geef het nieuwe wachtwoord in {env}.",
                "Give the new passphrase in {env}.",
                env=ENV_NEW_PASSPHRASE,
            )
        )
    import getpass

    first = getpass.getpass(t("Nieuw wachtwoord: ", "New passphrase: "))
    if first != getpass.getpass(t("Nog eens: ", "Again: ")):
        raise UserError(t("De wachtwoorden verschillen.", "The passphrases differ."))
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
        passphrase = getpass.getpass(t("Wachtwoord voor {path}: ", "Passphrase for {path}: ", path=db_path))
        if not passphrase:
            break
        try:
            return Store.open(db_path, passphrase=passphrase)
        except WrongPassphraseError:
            print(t("Dat wachtwoord klopt niet.", "That passphrase is wrong."), file=sys.stderr)
    raise UserError(
        t(
            "{path} is niet geopend: geen juist wachtwoord gegeven. Het bestand is niet gewijzigd.",
            "{path} was not opened: no correct passphrase given. The file was not changed.",
            path=db_path,
        )
    )


def _period(args: argparse.Namespace) -> tuple[date, date]:
    from app.core.calendar import school_year
    from app.safety.retention import check_period

    if args.year is not None:
        if args.start or args.end:
            raise UserError(
                t("Geef --year of --from/--to, niet allebei.", "Give --year or --from/--to, not both.")
            )
        return school_year(args.year)
    if args.start is None or args.end is None:
        raise UserError(t("Geef --year, of --from en --to.", "Give --year, or --from and --to."))
    check_period(args.start, args.end)
    return args.start, args.end


def run_backup(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write a backup of the store to FILE."""
    from app.safety.backup import backup_store

    target = Path(args.file).expanduser()
    if target.exists():
        raise UserError(t("{path} bestaat al.", "{path} already exists.", path=target))
    with open_store() as store:
        path = backup_store(store, target)
        encrypted = store.encrypted
    print(
        t("Back-up gemaakt: {path}", "Backup written: {path}", path=path)
        + (t(" (versleuteld)", " (encrypted)") if encrypted else "")
    )
    return 0


def run_restore(args: argparse.Namespace, _open_store: Callable[[], Store]) -> int:
    """Validate FILE and put it in place of the store (keeping the previous one as a backup)."""
    from app.safety.backup import restore_file
    from app.store.store import resolve_passphrase

    db = _db_path(args)
    passphrase = resolve_passphrase(None)
    if passphrase is None and _asks_backup_passphrase(Path(args.file).expanduser()):
        import getpass

        passphrase = getpass.getpass(
            t("Wachtwoord van de back-up {path}: ", "Passphrase of the backup {path}: ", path=args.file)
        )
    previous = restore_file(db, args.file, passphrase or None, force=args.force)
    print(t("Teruggezet: {src} -> {db}", "Restored: {src} -> {db}", src=args.file, db=db))
    from app.safety.integrity import file_kind

    if file_kind(Path(args.file).expanduser()) == "plain" and file_kind(db) == "opaque":
        print(
            t(
                "De back-up was niet versleuteld; het logbestand blijft versleuteld met het huidige "
                "wachtwoord.",
                "The backup was not encrypted; the store stays encrypted with the current passphrase.",
            )
        )
    if previous is not None:
        print(t("Het vorige logbestand is bewaard als {p}", "The previous store was kept as {p}", p=previous))
    return 0


def _asks_backup_passphrase(source: Path) -> bool:
    """True when an encrypted-looking backup is restored from a terminal: its passphrase is asked."""
    from app.safety.integrity import file_kind

    try:
        return sys.stdin.isatty() and source.is_file() and file_kind(source) == "opaque"
    except UserError:
        return False


def run_backups(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """List the backups; optionally set how long automatic backups are kept."""
    from app.safety.backup import keep_days, list_backups, set_keep_days

    with open_store() as store:
        if args.keep_days is not None:
            set_keep_days(store, args.keep_days)
        days = keep_days(store)
        backups = list_backups(store.path)
    if days == 1:
        print(t("Automatische back-ups worden 1 dag bewaard.", "Automatic backups are kept 1 day."))
    else:
        print(
            t(
                "Automatische back-ups worden {n} dagen bewaard.",
                "Automatic backups are kept {n} days.",
                n=days,
            )
        )
    for info in backups:
        print(f"{info.created:%Y-%m-%d %H:%M}  {info.kind:<14} {info.size // 1024:>7} kB  {info.path}")
    if not backups:
        print(t("Nog geen back-ups.", "No backups yet."))
    return 0


def run_verify(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Run SQLite's full integrity check on the store."""
    with open_store() as store, store.engine.connect() as conn:
        result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    if result == ["ok"]:
        print(t("Het logbestand is in orde.", "The store is fine."))
        return 0
    print("\n".join(result[:20]), file=sys.stderr)
    return 1


def _print_conversion(result: object) -> None:
    converted = getattr(result, "converted", ())
    skipped = getattr(result, "skipped", ())
    if converted:
        print(t("{n} back-up(s) mee omgezet.", "{n} backup(s) converted too.", n=len(converted)))
    for path in skipped:
        print(t("Niet omgezet (ander wachtwoord?): {p}", "Not converted (other passphrase?): {p}", p=path))


def run_encrypt(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Encrypt a plain store (and its backups) with a new passphrase."""
    from app.safety.crypto import encrypt_store

    with open_store() as store:
        result = encrypt_store(store, _new_passphrase())
    print(t("Het logbestand is versleuteld.", "The store is encrypted."))
    _print_conversion(result)
    return 0


def run_change_passphrase(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Re-encrypt the store (opened with FAIR_STRICTNESS_PASSPHRASE) with a new passphrase."""
    from app.safety.crypto import change_passphrase

    with open_store() as store:
        result = change_passphrase(store, store.passphrase or "", _new_passphrase())
    print(t("Het wachtwoord is gewijzigd.", "The passphrase was changed."))
    _print_conversion(result)
    return 0


def run_forget(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Erase a student; list (or delete) the backups that still hold them."""
    from app.safety.erasure import delete_backups, forget_student

    with open_store() as store:
        store.auto_backup = False  # the next backup would be the first without the student anyway
        result = forget_student(store, args.student)
    print(
        t(
            "Gewist: leerling {id} met {i} incident(en), {p} compliment(en), {a} kenmerk(en); "
            "naam uit {x} tekst(en) verwijderd.",
            "Erased: student {id} with {i} incident(s), {p} praise, {a} attribute(s); "
            "name removed from {x} text(s).",
            id=result.external_id,
            i=result.incidents,
            p=result.praise,
            a=result.attributes,
            x=result.texts_redacted,
        )
    )
    if result.backups_holding:
        if args.delete_backups:
            for path in delete_backups(result.backups_holding):
                print(t("Back-up gewist: {p}", "Backup deleted: {p}", p=path))
        else:
            print(t("Deze back-ups bevatten de leerling nog:", "These backups still hold the student:"))
            for path in result.backups_holding:
                print(f"  {path}")
            print(
                t(
                    "Wis ze met --delete-backups of met de hand.",
                    "Delete them with --delete-backups or by hand.",
                )
            )
    return 0


def run_archive(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write a school year to an encrypted archive file."""
    from app.safety.retention import archive_period

    start, end = _period(args)
    passphrase = _new_passphrase()
    with open_store() as store:
        counts = archive_period(store, start, end, args.out, passphrase)
    print(
        t(
            "Gearchiveerd ({start} tot {end}): {l} lessen, {i} incidenten, {p} complimenten -> {out}",
            "Archived ({start} to {end}): {l} lessons, {i} incidents, {p} praise -> {out}",
            start=start,
            end=end,
            l=counts.lessons,
            i=counts.incidents,
            p=counts.praise,
            out=args.out,
        )
    )
    return 0


def run_purge(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Delete a school year from the store (needs --yes)."""
    from app.safety.retention import period_counts, purge_period

    start, end = _period(args)
    with open_store() as store:
        counts = period_counts(store, start, end) if not args.yes else None
        if counts is not None:
            raise UserError(
                t(
                    "Dit wist {l} lessen, {i} incidenten en {p} complimenten ({start} tot {end}). "
                    "Bevestig met --yes.",
                    "This deletes {l} lessons, {i} incidents and {p} praise ({start} to {end}). "
                    "Confirm with --yes.",
                    l=counts.lessons,
                    i=counts.incidents,
                    p=counts.praise,
                    start=start,
                    end=end,
                )
            )
        done = purge_period(store, start, end, remove_students=args.students)
    print(
        t(
            "Gewist ({start} tot {end}): {l} lessen, {i} incidenten, {p} complimenten, {r} reflecties.",
            "Purged ({start} to {end}): {l} lessons, {i} incidents, {p} praise, {r} reflections.",
            start=start,
            end=end,
            l=done.lessons,
            i=done.incidents,
            p=done.praise,
            r=done.reflections,
        )
    )
    from app.safety.backup import list_backups

    older = list_backups(_db_path(args))
    if older:
        print(
            t(
                "Let op: {n} back-up(s) van voor het wissen bevatten deze periode nog (zie 'backups').",
                "Note: {n} backup(s) from before the purge still hold this period (see 'backups').",
                n=len(older),
            )
        )
    return 0
