"""prepared_choice: the teacher's if-then plans, recalled at the moment and followed up (issue #15)

Private like incident notes: a choice about a student goes with the student (ON DELETE CASCADE) and is
encrypted with the store; choices are never exported with names.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 16:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prepared_choice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("kept_week", sa.Date(), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("attribute", sa.String(length=100), nullable=True),
        sa.Column("attribute_value", sa.String(length=200), nullable=True),
        sa.Column("weekday", sa.String(length=12), nullable=True),
        sa.Column("period", sa.Integer(), nullable=True),
        sa.Column("lesson_mood", sa.String(length=16), nullable=True),
        sa.Column("teacher_energy", sa.String(length=16), nullable=True),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "direction IS NULL OR direction IN ('stricter', 'milder')", name="prepared_choice_direction_valid"
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= starts_on", name="prepared_choice_closed_after"
        ),
        sa.ForeignKeyConstraint(["student_id"], ["student.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["class_id"], ["class_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rule_id"], ["rule.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_prepared_choice_student_id", "prepared_choice", ["student_id"])


def downgrade() -> None:
    op.drop_index("ix_prepared_choice_student_id", "prepared_choice")
    op.drop_table("prepared_choice")
