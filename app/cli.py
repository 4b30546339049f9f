"""Command line: ``fair-strictness [--db PATH] [COMMAND]``. Thin: parse, call, print; exit 2 on user error.

Every sub-command lives in a module of ``app.commands`` with ``register(subparsers)``; each handler
gets ``(args, open_store)`` and returns an exit code. Without a command the window starts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import config
from app.core.errors import UserError
from app.core.i18n import set_language, t

#: modules of app.commands, each registering its sub-commands
COMMAND_MODULES: tuple[str, ...] = (
    "log",
    "data",
    "timetable",
    "safety",
    "privacy",
    "team",
    "audit",
    "followup",
    "choices",
    "agreements",
)
PAGES = ("log", "history", "reflection", "team", "setup")

if TYPE_CHECKING:
    from app.store.store import Store


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command (argparse's own messages in the user's language)."""
    from app.commands.argparse_nl import use_dutch
    from app.core.about import version_line
    from app.core.i18n import current_language

    use_dutch(current_language() == "nl")
    parser = argparse.ArgumentParser(
        prog="fair-strictness",
        description=t(
            "Rechtvaardige strengheid: controleer of je dezelfde afspraak bij iedereen even streng toepast.",
        ),
    )
    parser.add_argument("--version", action="version", version=version_line(), help=t("toon de versie"))
    parser.add_argument("--db", type=Path, help=t("pad naar het logbestand"))
    parser.add_argument("--lang", choices=("nl", "en"), help=t("taal"))
    parser.add_argument("--page", choices=PAGES, help=t("open deze pagina"))
    parser.add_argument("--screenshot", type=Path, help=t("maak een schermafdruk (PNG) en stop"))
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(
            "open het venster op het demojaar, in een eigen bestand (de eerste keer gevuld); "
            "je eigen logboek verandert niet",
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.commands.{name}").register(sub)
    for command in sub.choices.values():  # `import-roster f.csv --lang en` works as well
        _add_global_options(command)
    return parser


def _add_global_options(command: argparse.ArgumentParser) -> None:
    """Accept ``--db`` and ``--lang`` after the sub-command too (kept from before it when absent)."""
    taken = {s for action in command._actions for s in action.option_strings}
    if "--db" not in taken:
        command.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    if "--lang" not in taken:
        command.add_argument(
            "--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fair-strictness`` and ``python -m app``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=("nl", "en"))
    known, _ = pre.parse_known_args(argv)
    if known.lang:
        set_language(known.lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.command is not None:
        parser.error(t("--demo hoort bij het venster, niet bij een opdracht"))
    db_path: Path = args.db.expanduser() if args.db else config.default_db_path()

    if args.command is None:
        from app.ui.app import run_gui

        if args.demo and not args.db:
            from app.ui.demo import demo_db_path

            db_path = demo_db_path()
        return run_gui(db_path, page=args.page, screenshot=args.screenshot, lang=args.lang, demo=args.demo)

    def open_store() -> Store:
        from app.commands.safety import open_with_prompt

        return open_with_prompt(db_path)  # asks the passphrase of an encrypted store in a terminal

    try:
        return int(args.handler(args, open_store) or 0)
    except UserError as exc:
        print(t("Fout: {msg}", msg=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped early (`| head`): what it read is all it wanted
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - no flush error at exit
        return 0
    except Exception as exc:  # a full disk or a damaged store: a message, never SQL with private values
        from app.core.db_errors import store_error_for

        problem = store_error_for(exc)
        if problem is None:
            raise
        print(t("Fout: {msg}", msg=problem), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
