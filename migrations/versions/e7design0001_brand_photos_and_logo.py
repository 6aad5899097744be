"""Brand photos and logo: hero photographs belong to the branding settings, the logo's size

Revision ID: e7design0001
Revises: f6limits0001
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e7design0001'
down_revision = 'f6limits0001'
branch_labels = None
depends_on = None

FOUR = ("destination_id", "event_id", "business_id", "product_id")
FIVE = (*FOUR, "branding_id")


def _one_owner(columns):
    return " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns) + " = 1"


def upgrade():
    with op.batch_alter_table('branding_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_width', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('logo_height', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_column('hero_key')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('branding_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_photos_branding_id'), ['branding_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_photos_branding_id_branding_settings'), 'branding_settings', ['branding_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_constraint(batch_op.f('ck_photos_one_owner'), type_='check')
        batch_op.create_check_constraint('one_owner', _one_owner(FIVE))


def downgrade():
    op.execute("DELETE FROM photos WHERE branding_id IS NOT NULL")
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_photos_one_owner'), type_='check')
        batch_op.create_check_constraint('one_owner', _one_owner(FOUR))
        batch_op.drop_constraint(batch_op.f('fk_photos_branding_id_branding_settings'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_photos_branding_id'))
        batch_op.drop_column('branding_id')
    with op.batch_alter_table('branding_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hero_key', sa.String(length=200), nullable=False, server_default=''))
        batch_op.drop_column('logo_height')
        batch_op.drop_column('logo_width')
