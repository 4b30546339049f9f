"""``python -m app`` does what ``fair-strictness`` does."""

from __future__ import annotations

from app.cli import main

raise SystemExit(main())
