"""follow_up: after a consequence, the student spoken with and then the parents informed (issue #16)

One row per incident whose step is a consequence, made when it is logged. The notes are private like
incident notes: they are never exported, they go with the incident when a student is forgotten
(ON DELETE CASCADE) and they are encrypted with the store.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 13:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("student_told_at", sa.DateTime(), nullable=True),
        sa.Column("student_note", sa.Text(), nullable=False),
        sa.Column("parents_at", sa.DateTime(), nullable=True),
        sa.Column("parents_how", sa.String(length=16), nullable=True),
        sa.Column("parents_first_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "parents_how IS NULL OR parents_how IN ('phone', 'email', 'app', 'in_person')",
            name="follow_up_how_valid",
        ),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("incident_id"),
    )


def downgrade() -> None:
    op.drop_table("follow_up")
