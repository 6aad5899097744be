"""Photos wait for their renditions (processing, ready, failed); jobs that failed for good

Revision ID: j15jobs00001
Revises: e7design0001
Create Date: 2026-12-01 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from branding.core.content.columns import UTCDateTime


# revision identifiers, used by Alembic.
revision = 'j15jobs00001'
down_revision = 'e7design0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.String(length=12), nullable=False, server_default='ready'))
        batch_op.add_column(sa.Column('failure', sa.String(length=500), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_photos_state'), ['state'], unique=False)
    op.create_table(
        'job_failures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('arguments', sa.String(length=500), nullable=False),
        sa.Column('error', sa.Text(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('failed_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_job_failures')),
    )
    with op.batch_alter_table('job_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_failures_failed_at'), ['failed_at'], unique=False)


def downgrade():
    with op.batch_alter_table('job_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_failures_failed_at'))
    op.drop_table('job_failures')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photos_state'))
        batch_op.drop_column('failure')
        batch_op.drop_column('state')
