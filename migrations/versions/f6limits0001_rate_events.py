"""Rate events for login throttling and the limits on registration, reset mail and uploads

Revision ID: f6limits0001
Revises: i19insight01
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'f6limits0001'
down_revision = 'i19insight01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rate_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_events'))
    )
    with op.batch_alter_table('rate_events', schema=None) as batch_op:
        batch_op.create_index('ix_rate_events_lookup', ['bucket', 'key', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rate_events_created_at'), ['created_at'], unique=False)
    # the failures counted per account and per client before: throttling starts afresh
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_created_at'))
        batch_op.drop_index(batch_op.f('ix_login_failures_client_key'))
        batch_op.drop_index(batch_op.f('ix_login_failures_account_key'))
    op.drop_table('login_failures')


def downgrade():
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_key', sa.String(length=254), nullable=False),
    sa.Column('client_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_account_key'), ['account_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_client_key'), ['client_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_created_at'), ['created_at'], unique=False)
    with op.batch_alter_table('rate_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_events_created_at'))
        batch_op.drop_index('ix_rate_events_lookup')
    op.drop_table('rate_events')
