"""Matching a table's header to an importer's fields (any case, aliases, doubles) and length checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.core.i18n import t
from app.importers.common import Table, normalise
from app.importers.problems import RowProblem


@dataclass(frozen=True)
class Columns:
    """Which column index holds each known field, and the columns left over."""

    index: Mapping[str, int]
    extra: tuple[tuple[int, str], ...] = field(default=())

    def get(self, cells: Sequence[str], name: str, default: str = "") -> str:
        """The stripped cell of field ``name`` in a row ('' when the column is absent)."""
        i = self.index.get(name)
        if i is None or i >= len(cells):
            return default
        return cells[i].strip()

    def has(self, name: str) -> bool:
        """Whether the file has this column."""
        return name in self.index


def _same_values(table: Table, a: int, b: int) -> bool:
    """Whether two columns hold the same text in every row."""
    return all(cells[a].strip() == cells[b].strip() for _, cells in table.rows)


def map_columns(
    table: Table,
    aliases: Mapping[str, Iterable[str]],
    *,
    required: Iterable[str | tuple[str, ...]] = (),
    allow_extra: bool = False,
) -> tuple[Columns, list[RowProblem]]:
    """Match header names to fields (ignoring case and spaces); report missing, doubled or unknown ones.

    ``required`` items are field names, or tuples of which at least one must be present.
    """
    lookup = {normalise(a): fieldname for fieldname, names in aliases.items() for a in (fieldname, *names)}
    index: dict[str, int] = {}
    extra: list[tuple[int, str]] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    line = table.header_line
    for i, (raw, key) in enumerate(zip(table.header, table.keys, strict=True)):
        if not key:
            if any(cells[i].strip() for _, cells in table.rows):
                problems.append(
                    RowProblem(
                        line,
                        t(
                            "kolom {n} heeft geen naam maar wel waarden.",
                            n=i + 1,
                        ),
                    )
                )
            continue
        if key in seen and allow_extra and key not in lookup:
            # school exports repeat free columns (two 'Opmerking's): keep both, apart
            seen[key] += 1
            extra.append((i, f"{raw} ({seen[key]})"))
            continue
        known_field = lookup.get(key)
        if key in seen and known_field in index and _same_values(table, index[known_field], i):
            continue  # the same column twice, with the same values: harmless
        if key in seen:
            problems.append(RowProblem(line, t("kolom '{c}' staat er twee keer.", c=raw)))
            continue
        seen[key] = 1
        fieldname = lookup.get(key)
        if fieldname is not None and fieldname not in index:
            index[fieldname] = i
        elif fieldname is not None and _same_values(table, index[fieldname], i):
            continue  # e.g. 'Klas' and 'Stamgroep' holding the same in every row: nothing to choose
        elif fieldname is not None:
            problems.append(
                RowProblem(
                    line,
                    t(
                        "kolommen '{a}' en '{b}' betekenen hetzelfde maar verschillen; houd er één.",
                        a=table.header[index[fieldname]],
                        b=raw,
                    ),
                )
            )
        elif allow_extra:
            extra.append((i, raw))
        else:
            problems.append(
                RowProblem(
                    line,
                    t(
                        "onbekende kolom '{c}'; bekend zijn: {known}.",
                        c=raw,
                        known=", ".join(aliases),
                    ),
                )
            )
    for need in required:
        options = (need,) if isinstance(need, str) else need
        if not any(o in index for o in options):
            names = [n for o in options for n in (o, *list(aliases[o])[:2])]
            problems.append(
                RowProblem(
                    line,
                    t(
                        "kolom '{c}' ontbreekt (geldige namen o.a.: {names}).",
                        c=options[0],
                        names=", ".join(names),
                    ),
                )
            )
    return Columns(index, tuple(extra)), problems


def too_long(value: str, limit: int, what: str) -> str | None:
    """A reason (no full stop: callers join reasons) when a value is longer than the store keeps."""
    if len(value) > limit:
        return t("{what} is langer dan {n} tekens", what=what, n=limit)
    return None
