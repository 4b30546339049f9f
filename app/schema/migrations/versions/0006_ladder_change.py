"""ladder_change: the ladder's length from a date on, so a changed ladder never rewrites the past (#15)

A rule's start step changed from a date is a phase-down entry (the table exists); a ladder with more
or fewer steps from a date is a row here. The agreed step of an incident uses the agreement in force
on its lesson's date.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ladder_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("top", sa.Integer(), nullable=False),
        sa.CheckConstraint("top >= 1", name="ladder_change_top_positive"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("effective_from"),
    )


def downgrade() -> None:
    op.drop_table("ladder_change")
