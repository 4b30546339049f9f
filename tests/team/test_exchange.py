"""The team-exchange file: written from a summary, read back strictly (colleagues' files are untrusted)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import UserError
from app.team.exchange import MAX_BYTES, SCHEMA, parse_exchange, read_exchange


def valid() -> dict[str, Any]:
    """A small valid document."""
    return {
        "schema": SCHEMA,
        "period": {"week_from": "2025-W36", "week_to": "2026-W05", "weeks": 20},
        "incidents": 60,
        "ladder": [{"level": 1, "name": "1e waarschuwing", "kind": "warning"},
                   {"level": 2, "name": "Time-out", "kind": "consequence"}],
        "rules": [
            {"rule": "Telefoon weg", "category": "routine", "cells": [
                {"strike": 1, "open": False, "n": 40, "agreed": 30, "stricter": 6, "milder": 4,
                 "consequence": 5},
                {"strike": 2, "open": True, "n": 20, "agreed": 10, "stricter": 8, "milder": 2,
                 "consequence": 9},
            ]},
        ],
    }  # fmt: skip


def _bytes(doc: Any) -> bytes:
    return json.dumps(doc).encode()


def test_valid_file_reads_back() -> None:
    f = parse_exchange(_bytes(valid()), "a.json")
    assert f.week_from == "2025-W36" and f.weeks == 20 and f.incidents == 60
    rule = f.rules[0]
    assert rule.rule == "Telefoon weg" and [c.label for c in rule.cells] == ["1", "2+"]
    assert rule.cells[1].stricter == 8
    assert f.ladder[1] == (2, "Time-out", "consequence")


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(valid())
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("schema",), "fair-strictness/team-exchange/v9", "versie"),
        (("extra",), 1, "onbekende velden"),
        (("incidents",), KeyError, "ontbrekende velden"),
        (("incidents",), True, "geheel getal"),
        (("incidents",), -1, "geheel getal"),
        (("incidents",), 1.5, "geheel getal"),
        (("period", "week_from"), "2025-09-01", "week"),
        (("rules", 0, "rule"), "", "korte tekst"),
        (("rules", 0, "rule"), "a\x00b", "korte tekst"),
        (("rules", 0, "rule"), "x" * 500, "korte tekst"),
        (("rules", 0, "category"), "evil", "onbekend"),
        (("rules", 0, "cells", 0, "n"), 41, "tellen niet op"),
        (("rules", 0, "cells", 0, "consequence"), 41, "geheel getal|tellen niet op"),
        (("rules", 0, "cells", 0, "open"), 1, "true of false"),
        (("rules", 0, "cells", 1, "strike"), 1, "oplopen"),
        (("rules", 0, "cells", 0, "open"), True, "oplopen"),
        (("rules", 0, "cells"), [], "oplopen"),
        (("rules", 0, "cells"), "veel", "lijst"),
        (("ladder", 0, "kind"), "__import__('os')", "onbekend"),
        (("rules",), {"a": 1}, "lijst"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(path: tuple[Any, ...], value: Any, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_exchange(_bytes(_broken(path, value)), "b.json")


def test_small_cells_are_refused() -> None:
    """A cell of fewer than 5 incidents cannot come from this app: refuse, never pass it on."""
    doc = valid()
    doc["rules"][0]["cells"][1] = {"strike": 2, "open": True, "n": 4, "agreed": 2, "stricter": 1, "milder": 1,
                                   "consequence": 0}  # fmt: skip
    with pytest.raises(UserError, match=r"n moet een geheel getal van 5"):
        parse_exchange(_bytes(doc))


def test_duplicate_keys_nan_and_junk_are_refused() -> None:
    text = json.dumps(valid())
    with pytest.raises(UserError, match="twee keer"):
        parse_exchange(text.replace('"incidents": 60', '"incidents": 60, "incidents": 61').encode())
    with pytest.raises(UserError, match="geen geldig getal"):
        parse_exchange(text.replace('"incidents": 60', '"incidents": NaN').encode())
    with pytest.raises(UserError, match="geen geldige JSON"):
        parse_exchange(b"{not json")
    with pytest.raises(UserError, match="UTF-8"):
        parse_exchange(b"\xff\xfe\x00")
    with pytest.raises(UserError, match="versie"):
        parse_exchange(b"[1, 2, 3]")
    with pytest.raises(UserError):
        parse_exchange(b"[" * 100_000 + b"]" * 100_000)
    doc = valid()
    doc["rules"].append(copy.deepcopy(doc["rules"][0]))
    doc["rules"][1]["rule"] = "telefoon  WEG"
    with pytest.raises(UserError, match="twee keer"):
        parse_exchange(_bytes(doc))


def test_hostile_json_is_refused_in_dutch_without_a_traceback() -> None:
    """Python's own (English) parser messages never reach the user; a huge integer is refused too."""
    with pytest.raises(UserError, match=r"geen geldige JSON \(fout op regel 2, kolom 1\)"):
        parse_exchange(b"{\n")
    with pytest.raises(UserError, match=r"te diep genest"):
        parse_exchange(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(UserError, match=r"een getal is te lang"):
        parse_exchange(b'{"incidents": ' + b"1" * 5000 + b"}")


def test_size_limit_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_BYTES + 10))
    with pytest.raises(UserError, match="groter dan"):
        read_exchange(big)
    with pytest.raises(UserError, match=r"missing\.json bestaat niet"):
        read_exchange(tmp_path / "missing.json")
    with pytest.raises(UserError, match="is een map"):
        read_exchange(tmp_path)
    ok = tmp_path / "ok.json"
    ok.write_bytes(_bytes(valid()))
    assert read_exchange(ok).source == "ok.json"


def test_documented_schema_matches_the_writer_and_reader() -> None:
    """docs/team-exchange-schema.json names exactly the fields written and accepted."""
    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "docs" / "team-exchange-schema.json").read_text(encoding="utf-8"))
    doc = valid()
    assert schema["properties"]["schema"]["const"] == SCHEMA
    assert set(schema["required"]) == set(schema["properties"]) == set(doc)
    period = schema["properties"]["period"]
    assert set(period["required"]) == set(doc["period"])
    rule = schema["properties"]["rules"]["items"]
    assert set(rule["required"]) == set(doc["rules"][0])
    cell = rule["properties"]["cells"]["items"]
    assert set(cell["required"]) == set(doc["rules"][0]["cells"][0])
    assert cell["properties"]["n"]["minimum"] == 5
    assert set(schema["properties"]["ladder"]["items"]["required"]) == set(doc["ladder"][0])
