"""Visit counts per day (no visitor data), search counts, count batches and QR posters

Revision ID: i19insight01
Revises: f8search0002
Create Date: 2026-12-01 09:40:31.489128

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'i19insight01'
down_revision = 'f8search0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('count_batches',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('written_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_count_batches'))
    )
    with op.batch_alter_table('count_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_count_batches_written_at'), ['written_at'], unique=False)

    op.create_table('daily_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('subject_type', sa.String(length=12), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('lang', sa.String(length=3), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_daily_counts')),
    sa.UniqueConstraint('day', 'subject_type', 'subject_id', 'action', 'lang', 'is_sample', name='uq_daily_counts_key')
    )
    with op.batch_alter_table('daily_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_daily_counts_day'), ['day'], unique=False)
        batch_op.create_index('ix_daily_counts_subject', ['subject_type', 'subject_id', 'day'], unique=False)

    op.create_table('search_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('lang', sa.String(length=3), nullable=False),
    sa.Column('query', sa.String(length=100), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_counts')),
    sa.UniqueConstraint('day', 'lang', 'query', 'is_sample', name='uq_search_counts_key')
    )
    with op.batch_alter_table('search_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_counts_day'), ['day'], unique=False)

    op.create_table('posters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('business_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.CheckConstraint('(CASE WHEN destination_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN business_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_posters_one_item')),
    sa.ForeignKeyConstraint(['business_id'], ['businesses.id'], name=op.f('fk_posters_business_id_businesses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_posters_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['destination_id'], ['destinations.id'], name=op.f('fk_posters_destination_id_destinations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_posters_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posters')),
    sa.UniqueConstraint('code', name=op.f('uq_posters_code'))
    )
    with op.batch_alter_table('posters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posters_business_id'), ['business_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posters_destination_id'), ['destination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posters_event_id'), ['event_id'], unique=False)



def downgrade():
    with op.batch_alter_table('posters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posters_event_id'))
        batch_op.drop_index(batch_op.f('ix_posters_destination_id'))
        batch_op.drop_index(batch_op.f('ix_posters_business_id'))

    op.drop_table('posters')
    with op.batch_alter_table('search_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_counts_day'))

    op.drop_table('search_counts')
    with op.batch_alter_table('daily_counts', schema=None) as batch_op:
        batch_op.drop_index('ix_daily_counts_subject')
        batch_op.drop_index(batch_op.f('ix_daily_counts_day'))

    op.drop_table('daily_counts')
    with op.batch_alter_table('count_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_count_batches_written_at'))

    op.drop_table('count_batches')
