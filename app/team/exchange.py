"""The team-exchange file: a versioned JSON of one teacher's ladder use, for the team comparison.

Written from a ``TeamSummary`` only (so it holds nothing ``anonymise`` did not allow); read back with a
strict validator, because a colleague's file is untrusted input: a size limit, plain JSON (no NaN, no
duplicate keys), exact types and ranges, consistent counts, no cell below the privacy threshold, and
nothing is ever evaluated. The schema is documented in ``docs/team-exchange-schema.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import UserError
from app.core.i18n import t
from app.core.vocabulary import CATEGORIES as CATEGORY_CODES
from app.core.vocabulary import CATEGORY_NL
from app.team.anonymise import MIN_INCIDENTS, OTHER, TeamSummary

SCHEMA = "fair-strictness/team-exchange/v1"
MAX_BYTES = 1_000_000
MAX_RULES = 200
MAX_CELLS = 20
MAX_TEXT = 200
MAX_COUNT = 10_000_000
#: a category as the tables name it (Dutch) or as code -> the code
CATEGORIES = {**{nl: code for code, nl in CATEGORY_NL.items()}, **{c: c for c in CATEGORY_CODES}}
_WEEK = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ExchangeCell:
    """One rule at one strike (or 'strike and later' when ``open``): how it was answered."""

    strike: int
    open: bool
    n: int
    agreed: int
    stricter: int
    milder: int
    consequence: int

    @property
    def label(self) -> str:
        """'2' or '2+'."""
        return f"{self.strike}+" if self.open else str(self.strike)


@dataclass(frozen=True)
class ExchangeRule:
    """One rule of one teacher, with its cells by strike."""

    rule: str
    category: str  #: 'routine' | 'respect' | 'safety'
    cells: tuple[ExchangeCell, ...]


@dataclass(frozen=True)
class ExchangeFile:
    """One teacher's exchange file, validated."""

    week_from: str
    week_to: str
    weeks: int
    incidents: int
    ladder: tuple[tuple[int, str, str], ...]
    rules: tuple[ExchangeRule, ...]
    source: str = ""  #: the file name it was read from (never written)


# -- writing ------------------------------------------------------------------------------------
def exchange_document(summary: TeamSummary) -> dict[str, Any]:
    """The exchange document of a summary (from its shared adherence table only)."""
    table = summary.table("adherence")
    rules: dict[str, dict[str, Any]] = {}
    if table is not None:
        for row in table.rows:
            r = dict(zip(table.columns, row, strict=True))
            if r["rule"] == OTHER or not str(r["strike_label"])[:1].isdigit():
                continue
            label = str(r["strike_label"])
            entry = rules.setdefault(
                str(r["rule"]),
                {"rule": r["rule"], "category": CATEGORIES.get(str(r["category"]), "routine"), "cells": []},
            )
            entry["cells"].append(
                {
                    "strike": int(label.rstrip("+")),
                    "open": label.endswith("+"),
                    **{k: int(r[k]) for k in ("n", "agreed", "stricter", "milder", "consequence")},
                }
            )
    return {
        "schema": SCHEMA,
        "period": {"week_from": summary.week_from, "week_to": summary.week_to, "weeks": summary.n_weeks},
        "incidents": summary.n_incidents,
        "ladder": [{"level": lv, "name": name, "kind": kind} for lv, name, kind in summary.ladder],
        "rules": list(rules.values()),
    }


def exchange_bytes(summary: TeamSummary) -> bytes:
    """The exchange file's bytes (UTF-8 JSON, stable key order)."""
    return (json.dumps(exchange_document(summary), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------------
class _Invalid(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Invalid(t("sleutel '{k}' staat er twee keer in", k=key))
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise _Invalid(t("{c} is geen geldig getal", c=name))


def _obj(value: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(t("{w} moet een object zijn", w=where))
    if set(value) != keys:
        extra, missing = sorted(set(value) - keys), sorted(keys - set(value))
        raise _Invalid(
            t(
                "{w}: onbekende velden {e}, ontbrekende velden {m}",
                w=where,
                e=extra or "-",
                m=missing or "-",
            )
        )
    return value


def _int(value: Any, where: str, low: int = 0, high: int = MAX_COUNT) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Invalid(
            t(
                "{w} moet een geheel getal van {a} tot {b} zijn",
                w=where,
                a=low,
                b=high,
            )
        )
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or _CONTROL.search(value):
        raise _Invalid(
            t(
                "{w} moet een korte tekst zijn (1 tot {m} tekens, geen stuurtekens)",
                w=where,
                m=MAX_TEXT,
            )
        )
    return value.strip()


def _list(value: Any, where: str, most: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > most:
        raise _Invalid(
            t(
                "{w} moet een lijst van hoogstens {m} zijn",
                w=where,
                m=most,
            )
        )
    return value


def _cell(value: Any, where: str) -> ExchangeCell:
    keys = {"strike", "open", "n", "agreed", "stricter", "milder", "consequence"}
    obj = _obj(value, where, keys)
    if not isinstance(obj["open"], bool):
        raise _Invalid(t("{w}.open moet true of false zijn", w=where))
    cell = ExchangeCell(
        strike=_int(obj["strike"], f"{where}.strike", 1, 50),
        open=obj["open"],
        n=_int(obj["n"], f"{where}.n", MIN_INCIDENTS),
        agreed=_int(obj["agreed"], f"{where}.agreed"),
        stricter=_int(obj["stricter"], f"{where}.stricter"),
        milder=_int(obj["milder"], f"{where}.milder"),
        consequence=_int(obj["consequence"], f"{where}.consequence"),
    )
    if cell.agreed + cell.stricter + cell.milder != cell.n or cell.consequence > cell.n:
        raise _Invalid(t("{w}: de aantallen tellen niet op tot n", w=where))
    return cell


def _rule(value: Any, where: str) -> ExchangeRule:
    obj = _obj(value, where, {"rule", "category", "cells"})
    name = _text(obj["rule"], f"{where}.rule")
    if obj["category"] not in CATEGORY_CODES:
        raise _Invalid(t("{w}.category is onbekend", w=where))
    cells = tuple(
        _cell(c, f"{where}.cells[{i}]")
        for i, c in enumerate(_list(obj["cells"], f"{where}.cells", MAX_CELLS))
    )
    strikes = [c.strike for c in cells]
    if not cells or strikes != sorted(set(strikes)) or any(c.open for c in cells[:-1]):
        raise _Invalid(
            t(
                "{w}: keren moeten oplopen, elk één keer, alleen de laatste open",
                w=where,
            )
        )
    return ExchangeRule(name, obj["category"], cells)


def parse_exchange(data: bytes, source: str = "") -> ExchangeFile:
    """A validated ``ExchangeFile`` from bytes; UserError saying what is wrong otherwise."""
    name = source or t("het bestand")
    try:
        if len(data) > MAX_BYTES:
            raise _Invalid(t("groter dan {m} bytes", m=MAX_BYTES))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _Invalid(t("geen UTF-8-tekst")) from None
        try:
            doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_constant)
        except json.JSONDecodeError as exc:
            raise _Invalid(
                t(
                    "geen geldige JSON (fout op regel {l}, kolom {c})",
                    l=exc.lineno,
                    c=exc.colno,
                )
            ) from None
        except RecursionError:
            raise _Invalid(t("geen geldige JSON (te diep genest)")) from None
        except ValueError:  # e.g. an integer with thousands of digits
            raise _Invalid(t("geen geldige JSON (een getal is te lang)")) from None
        if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
            raise _Invalid(
                t(
                    "geen team-uitwisselingsbestand van deze versie (verwacht schema {s})",
                    s=SCHEMA,
                )
            )
        obj = _obj(doc, "document", {"schema", "period", "incidents", "ladder", "rules"})
        period = _obj(obj["period"], "period", {"week_from", "week_to", "weeks"})
        for key in ("week_from", "week_to"):
            if not isinstance(period[key], str) or not _WEEK.match(period[key]):
                raise _Invalid(
                    t(
                        "period.{k} moet een week zijn zoals 2025-W37",
                        k=key,
                    )
                )
        ladder = []
        for i, step in enumerate(_list(obj["ladder"], "ladder", 20)):
            s = _obj(step, f"ladder[{i}]", {"level", "name", "kind"})
            if s["kind"] not in ("warning", "consequence"):
                raise _Invalid(t("ladder[{i}].kind is onbekend", i=i))
            ladder.append(
                (
                    _int(s["level"], f"ladder[{i}].level", 1, 20),
                    _text(s["name"], f"ladder[{i}].name"),
                    s["kind"],
                )
            )
        rules = tuple(_rule(r, f"rules[{i}]") for i, r in enumerate(_list(obj["rules"], "rules", MAX_RULES)))
        folded = [" ".join(r.rule.split()).casefold() for r in rules]
        if len(set(folded)) != len(folded):
            raise _Invalid(t("een afspraak staat er twee keer in"))
        return ExchangeFile(
            week_from=period["week_from"],
            week_to=period["week_to"],
            weeks=_int(period["weeks"], "period.weeks", 0, 520),
            incidents=_int(obj["incidents"], "incidents"),
            ladder=tuple(ladder),
            rules=rules,
            source=source,
        )
    except _Invalid as exc:
        raise UserError(
            t(
                "{name} is geen bruikbaar team-uitwisselingsbestand: {why}.",
                name=name,
                why=exc,
            )
        ) from None


def read_exchange(path: Path | str) -> ExchangeFile:
    """Read and validate a colleague's exchange file (at most ``MAX_BYTES``)."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UserError(t("{p} bestaat niet.", p=p)) from None
    except IsADirectoryError:
        raise UserError(t("{p} is een map, geen bestand.", p=p)) from None
    except OSError as exc:
        raise UserError(t("Kan {p} niet lezen: {e}", p=p.name, e=exc.strerror or exc)) from None
    return parse_exchange(data, p.name)
