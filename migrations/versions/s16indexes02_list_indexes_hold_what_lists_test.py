"""The events' and businesses' list indexes hold every column their lists test

Revision ID: s16indexes02
Revises: p16indexes01
Create Date: 2026-12-01 19:40:00.000000

The past events' list tests when a series ends, and the businesses' list (and its count)
whether a business was deleted: without those columns each row's table entry was read.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 's16indexes02'
down_revision = 'p16indexes01'
branch_labels = None
depends_on = None

EVENTS_BEFORE = ["status", "starts_at", "id", "ends_at", "recurrence_rule", "event_status"]
BUSINESSES_BEFORE = ["status", sa.text("verified DESC"), "name", "id"]


def _replace(table, name, columns):
    op.drop_index(name, table_name=table)
    op.create_index(name, table, columns, unique=False)


def upgrade():
    _replace("events", "ix_events_list", [*EVENTS_BEFORE, "recurrence_until"])
    _replace("businesses", "ix_businesses_list",
             ["status", "deleted_at", sa.text("verified DESC"), "name", "id"])


def downgrade():
    _replace("businesses", "ix_businesses_list", BUSINESSES_BEFORE)
    _replace("events", "ix_events_list", EVENTS_BEFORE)
