"""incident.utc_offset: the local clock's offset from UTC when the incident happened, in minutes

On the night the clocks go back (Europe/Amsterdam: last Sunday of October, 03:00 -> 02:00) every local
time from 02:00 to 03:00 happens twice. The local time alone cannot tell the two apart; with the
offset (+120 before, +60 after) two distinct moments stay two incidents. NULL for incidents stored
before this column existed: their offset is the one the local zone gives (the first pass when
ambiguous).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("utc_offset", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("utc_offset")
