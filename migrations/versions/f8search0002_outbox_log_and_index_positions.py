"""The search outbox becomes a log read by each index at its own position

Revision ID: f8search0002
Revises: e5workflow01
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'f8search0002'
down_revision = 'e5workflow01'
branch_labels = None
depends_on = None


def upgrade():
    # SQLite: AUTOINCREMENT, so that ids are never handed out twice once the newest are pruned.
    with op.batch_alter_table(
        'search_outbox', recreate='always', table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.create_index('ix_search_outbox_created_at', ['created_at'], unique=False)

    op.create_table('search_indexes',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('low', sa.BigInteger(), nullable=False),
    sa.Column('high', sa.BigInteger(), nullable=False),
    sa.Column('last_seen', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.Column('rebuild_needed', sa.String(length=200), nullable=False),
    sa.Column('degraded_count', sa.Integer(), nullable=False),
    sa.Column('degraded_at', branding.core.content.columns.UTCDateTime(), nullable=True),
    sa.Column('degraded_cause', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_search_indexes'))
    )


def downgrade():
    op.drop_table('search_indexes')
    with op.batch_alter_table('search_outbox', recreate='always') as batch_op:
        batch_op.drop_index('ix_search_outbox_created_at')
