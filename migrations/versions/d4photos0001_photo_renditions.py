"""Photo renditions, review and provenance

Revision ID: d4photos0001
Revises: c3search0001
Create Date: 2026-11-28 04:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'd4photos0001'
down_revision = 'c3search0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('widths', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('approved', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('is_sample', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('uploaded_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_photos_uploaded_by_id_users'), 'users', ['uploaded_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_photos_uploaded_by_id_users'), type_='foreignkey')
        batch_op.drop_column('uploaded_by_id')
        batch_op.drop_column('is_sample')
        batch_op.drop_column('approved')
        batch_op.drop_column('widths')
