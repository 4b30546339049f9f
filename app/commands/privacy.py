"""Erasure and retention on the command line: forget a student, archive or purge a school year."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.safety import db_path_of, new_passphrase
from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add forget-student, archive-year and purge-year."""
    p = sub.add_parser("forget-student", help=t("wis een leerling en al zijn gegevens"))
    p.add_argument("student", help=t("leerlingnummer"))
    p.add_argument(
        "--delete-backups",
        action="store_true",
        help=t("wis ook de back-ups waarin de leerling nog staat"),
    )
    p.set_defaults(handler=run_forget)

    for name, helptext, handler in (
        (
            "archive-year",
            t("archiveer een schooljaar versleuteld"),
            run_archive,
        ),
        ("purge-year", t("wis een schooljaar"), run_purge),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(
            "--year",
            type=int,
            help=t(
                "schooljaar dat in augustus van dit jaar begint",
            ),
        )
        p.add_argument("--from", dest="start", type=date.fromisoformat, help="JJJJ-MM-DD")
        p.add_argument("--to", dest="end", type=date.fromisoformat, help="JJJJ-MM-DD")
        if name == "archive-year":
            p.add_argument("--out", type=Path, required=True, help=t("archiefbestand"))
        else:
            p.add_argument(
                "--students",
                action="store_true",
                help=t(
                    "wis ook leerlingen die daarna geen gegevens meer hebben",
                ),
            )
            p.add_argument("--yes", action="store_true", help=t("echt wissen"))
        p.set_defaults(handler=handler)


def _period(args: argparse.Namespace) -> tuple[date, date]:
    from app.core.calendar import school_year
    from app.safety.retention import check_period

    if args.year is not None:
        if args.start or args.end:
            raise UserError(t("Geef --year of --from/--to, niet allebei."))
        return school_year(args.year)
    if args.start is None or args.end is None:
        raise UserError(t("Geef --year, of --from en --to."))
    check_period(args.start, args.end)
    return args.start, args.end


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
                print(t("Back-up gewist: {p}", p=path))
        else:
            print(t("Deze back-ups bevatten de leerling nog:"))
            for path in result.backups_holding:
                print(f"  {path}")
            print(
                t(
                    "Wis ze met --delete-backups of met de hand.",
                )
            )
    return 0


def run_archive(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Write a school year to an encrypted archive file."""
    from app.safety.retention import archive_period

    start, end = _period(args)
    passphrase = new_passphrase()
    with open_store() as store:
        counts = archive_period(store, start, end, args.out, passphrase)
    print(
        t(
            "Gearchiveerd ({start} tot {end}): {l} lessen, {i} incidenten, {p} complimenten -> {out}",
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
            start=start,
            end=end,
            l=done.lessons,
            i=done.incidents,
            p=done.praise,
            r=done.reflections,
        )
    )
    from app.safety.backup import list_backups

    older = list_backups(db_path_of(args))
    if older:
        print(
            t(
                "Let op: {n} back-up(s) van voor het wissen bevatten deze periode nog (zie 'backups').",
                n=len(older),
            )
        )
    return 0
