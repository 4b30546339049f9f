"""One spelling for what a teacher types or a file gives: names and student numbers, normalised once.

Text arrives in many spellings that look the same: composed or decomposed accents (NFC/NFD), invisible
characters pasted along from a web page or a spreadsheet (zero-width space and joiners, byte-order
mark, soft hyphen, direction marks), extra or non-breaking spaces, other capitals. ``clean`` gives the
spelling that is stored; ``key`` the form two spellings are compared by (also for student numbers
stored before this existed, which stay as they are); ``fold`` also drops accents, for finding a name
typed without them ('ozturk' for 'Öztürk') in text that leaves the computer.

Plain functions without dependencies: the models (importers, the store, erasure), the command line,
the UI and the analysis (``anonymise``) all use these same ones.
"""

from __future__ import annotations

import re
import unicodedata

#: format characters that show nothing: soft hyphen, combining grapheme joiner, Arabic letter mark,
#: Mongolian vowel separator, zero-width space/non-joiner/joiner, direction marks and embeddings,
#: word joiner and invisible operators, byte-order mark (zero-width no-break space)
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def tidy(text: str) -> str:
    """NFC, without invisible characters; spaces and line breaks kept (for free text: notes, journal)."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def clean(text: str) -> str:
    """``tidy``, with whitespace collapsed to single spaces and stripped (names, numbers)."""
    return " ".join(tidy(text).split())


def key(text: str) -> str:
    """The form to compare by: ``clean`` and casefolded ('ABC1', 'abc1' and 'abc1\\u200b' are equal)."""
    return clean(text).casefold()


def fold(text: str) -> str:
    """``key`` without accents: NFKD, combining marks dropped, casefolded ('Öztürk' -> 'ozturk')."""
    decomposed = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
