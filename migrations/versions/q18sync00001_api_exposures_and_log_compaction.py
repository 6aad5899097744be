"""The API's change log compacted: items once public, the compaction's horizon, indexes

Revision ID: q18sync00001
Revises: p16cache0001
Create Date: 2026-12-01 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'q18sync00001'
down_revision = 'p16cache0001'
branch_labels = None
depends_on = None

# What was public once, as far as the rows still say: public now, or published or
# approved before (published_at / approved_at stay set), areas always; and every item
# the log names that is gone, since the feed gave tombstones for all of them until now.
ONCE_PUBLIC = {
    'area': "SELECT id FROM areas",
    'destination': "SELECT id FROM destinations "
                   "WHERE status = 'published' OR published_at IS NOT NULL",
    'event': "SELECT id FROM events WHERE status = 'published' OR published_at IS NOT NULL",
    'business': "SELECT id FROM businesses "
                "WHERE (status = 'approved' AND deleted_at IS NULL) OR approved_at IS NOT NULL",
    'product': "SELECT p.id FROM products p JOIN businesses b ON b.id = p.business_id "
               "WHERE p.status = 'approved' AND b.status = 'approved' AND b.deleted_at IS NULL",
}
TABLES = {'area': 'areas', 'destination': 'destinations', 'event': 'events',
          'business': 'businesses', 'product': 'products'}


def upgrade():
    op.create_table('api_exposures',
    sa.Column('item_type', sa.String(length=20), nullable=False),
    sa.Column('item_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('first_public_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('item_type', 'item_id', name=op.f('pk_api_exposures'))
    )
    op.create_table('api_log_horizon',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('compacted_through', sa.Integer(), nullable=False),
    sa.Column('resync_below', sa.Integer(), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('cutoff', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_log_horizon'))
    )
    with op.batch_alter_table('api_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_changes_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_api_changes_item', ['item_type', 'item_id', 'id'], unique=False)
    postgres = op.get_bind().dialect.name == 'postgresql'
    now = "(now() AT TIME ZONE 'UTC')" if postgres else 'CURRENT_TIMESTAMP'
    for kind, query in ONCE_PUBLIC.items():
        op.execute(
            f"INSERT INTO api_exposures (item_type, item_id, first_public_at) "
            f"SELECT '{kind}', id, {now} FROM ({query}) once"
        )
        op.execute(
            f"INSERT INTO api_exposures (item_type, item_id, first_public_at) "
            f"SELECT DISTINCT '{kind}', c.item_id, {now} FROM api_changes c "
            f"WHERE c.item_type = '{kind}' "
            f"AND NOT EXISTS (SELECT 1 FROM {TABLES[kind]} t WHERE t.id = c.item_id) "
            f"AND NOT EXISTS (SELECT 1 FROM api_exposures e "
            f"WHERE e.item_type = '{kind}' AND e.item_id = c.item_id)"
        )


def downgrade():
    with op.batch_alter_table('api_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_api_changes_item')
        batch_op.drop_index(batch_op.f('ix_api_changes_created_at'))
    op.drop_table('api_log_horizon')
    op.drop_table('api_exposures')
