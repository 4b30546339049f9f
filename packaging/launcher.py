"""The bundle's entry point: what ``fair-strictness`` and ``python -m app`` do."""

from __future__ import annotations

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
