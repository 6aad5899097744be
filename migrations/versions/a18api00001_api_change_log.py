"""The open-data API's change log, started with one row per existing item

Revision ID: a18api00001
Revises: j15jobs00001
Create Date: 2026-12-01 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'a18api00001'
down_revision = 'j15jobs00001'
branch_labels = None
depends_on = None

TABLES = {'area': 'areas', 'destination': 'destinations', 'event': 'events',
          'business': 'businesses', 'product': 'products'}


def upgrade():
    op.create_table('api_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_type', sa.String(length=20), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_changes')),
    sqlite_autoincrement=True,
    )
    # A client syncing from the start must see the items that existed before the log did.
    # Times are naive UTC: PostgreSQL's CURRENT_TIMESTAMP would be in the server's zone.
    postgres = op.get_bind().dialect.name == 'postgresql'
    now = "(now() AT TIME ZONE 'UTC')" if postgres else 'CURRENT_TIMESTAMP'
    for kind, table in TABLES.items():
        op.execute(
            f"INSERT INTO api_changes (item_type, item_id, created_at) "
            f"SELECT '{kind}', id, {now} FROM {table} ORDER BY id"
        )


def downgrade():
    op.drop_table('api_changes')
