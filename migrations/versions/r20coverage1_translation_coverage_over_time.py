"""Translation coverage per language and day, for the office's progress over time

Revision ID: r20coverage1
Revises: q18sync00001
Create Date: 2026-12-01 16:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'r20coverage1'
down_revision = 'q18sync00001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('translation_coverage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('interface_done', sa.Integer(), nullable=False),
    sa.Column('interface_total', sa.Integer(), nullable=False),
    sa.Column('content_done', sa.Integer(), nullable=False),
    sa.Column('content_total', sa.Integer(), nullable=False),
    sa.Column('recorded_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_translation_coverage')),
    sa.UniqueConstraint('day', 'lang', name='uq_translation_coverage_day_lang')
    )


def downgrade():
    op.drop_table('translation_coverage')
