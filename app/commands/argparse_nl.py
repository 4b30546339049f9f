"""Dutch messages for argparse (its own texts are English and go through gettext's ``_``)."""

from __future__ import annotations

import argparse

#: argparse's English message templates -> Dutch, placeholders kept as they are
DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "opdrachten en argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "not allowed with argument %s": "niet samen met argument %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "ignored explicit argument %r": "argument %r genegeerd",
}
_PLURALS: dict[str, str] = {
    "expected %s argument": "hier horen %s waarden bij",
}


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _PLURALS:
        return _PLURALS[singular]
    return singular if n == 1 else plural


def use_dutch(dutch: bool) -> None:
    """Make argparse speak Dutch (or its own English again)."""
    import gettext

    argparse._ = _gettext if dutch else gettext.gettext  # type: ignore[attr-defined]  # argparse looks _ up at call time; typeshed omits it
    argparse.ngettext = _ngettext if dutch else gettext.ngettext  # type: ignore[attr-defined]  # as _ above
