"""The page cache's content version: one row raised with every visible change

Revision ID: p16cache0001
Revises: k20workbench1
Create Date: 2026-12-01 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'p16cache0001'
down_revision = 'k20workbench1'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'page_versions',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_page_versions')),
    )
    op.bulk_insert(table, [{'id': 1, 'version': 1}])


def downgrade():
    op.drop_table('page_versions')
