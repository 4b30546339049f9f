"""The timetable: scheduled lessons (status, end, length in periods, source) and the title mapping

A lesson now also comes from the teacher's timetable, with or without incidents, so calm lessons
count. ``lesson.status`` is 'taught' or 'cancelled' (the event was cancelled, or the teacher marked
that the lesson was not taught); ``lesson.end_time`` and ``lesson.n_periods`` (a double period is one
lesson over two periods) come from the timetable; ``lesson.source`` is 'timetable' for a scheduled
lesson and NULL for a lesson made by logging, as before. ``timetable_title`` remembers, per event
title, which class it is, or that it is not a lesson of this teacher (a meeting, a duty).

The columns are added in place: a batch copy of ``lesson`` would drop the old table, and with foreign
keys on that cascades to every incident. So the status values are checked by the store, not a CHECK.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy of ``lesson``: the copy drops the old table, and with foreign
    # keys on (they are, inside this transaction) that would cascade to every incident and praise.
    op.add_column("lesson", sa.Column("status", sa.String(16), nullable=False, server_default="taught"))
    op.add_column("lesson", sa.Column("end_time", sa.Time(), nullable=True))
    op.add_column("lesson", sa.Column("n_periods", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("lesson", sa.Column("source", sa.String(16), nullable=True))
    op.create_index("ix_lesson_date", "lesson", ["date"])
    op.create_table(
        "timetable_title",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False, unique=True),
        sa.Column(
            "class_id", sa.Integer(), sa.ForeignKey("class_group.id", ondelete="CASCADE"), nullable=True
        ),
    )


def downgrade() -> None:
    op.drop_table("timetable_title")
    op.drop_index("ix_lesson_date", "lesson")
    for column in ("source", "n_periods", "end_time", "status"):  # SQLite >= 3.35 drops in place
        op.drop_column("lesson", column)
