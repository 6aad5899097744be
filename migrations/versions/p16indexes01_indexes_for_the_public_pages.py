"""Indexes for what the public pages filter and order by

Revision ID: p16indexes01
Revises: r20coverage1
Create Date: 2026-12-01 16:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'p16indexes01'
down_revision = 'r20coverage1'
branch_labels = None
depends_on = None

INDEXES = (
    ("destinations", "ix_destinations_list", ["status", sa.text("featured DESC"), "slug"]),
    ("destinations", "ix_destinations_area_list", ["area_id", sa.text("featured DESC"), "slug"]),
    ("destinations", "ix_destinations_published", ["status", "published_at", "id"]),
    ("destinations", "ix_destinations_position", ["latitude", "longitude"]),
    ("events", "ix_events_list",
     ["status", "starts_at", "id", "ends_at", "recurrence_rule", "event_status"]),
    ("events", "ix_events_ending",
     ["status", "ends_at", "starts_at", "id", "recurrence_rule", "event_status"]),
    ("events", "ix_events_series", ["recurrence_rule", "updated_at", "id"]),
    ("businesses", "ix_businesses_list", ["status", sa.text("verified DESC"), "name", "id"]),
    ("businesses", "ix_businesses_area_list", ["area_id", sa.text("verified DESC"), "name", "id"]),
    ("businesses", "ix_businesses_approved", ["status", "approved_at", "id"]),
    ("businesses", "ix_businesses_position", ["latitude", "longitude"]),
    ("products", "ix_products_business_list", ["business_id", "position", "id"]),
    ("products", "ix_products_new", ["status", "created_at", "id"]),
)


def upgrade():
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
