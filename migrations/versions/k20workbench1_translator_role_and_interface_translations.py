"""Translator role, interface translations made on the workbench, catalog versions, glossary

Revision ID: k20workbench1
Revises: a18api00001
Create Date: 2026-12-01 12:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

import branding.core.content.columns


# revision identifiers, used by Alembic.
revision = 'k20workbench1'
down_revision = 'a18api00001'
branch_labels = None
depends_on = None

OLD_ROLES = ("admin", "editor", "owner")
NEW_ROLES = (*OLD_ROLES, "translator")


def _roles(roles):
    return "role IN (" + ", ".join(f"'{r}'" for r in roles) + ")"


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_users_role'), type_='check')
        batch_op.create_check_constraint('role', _roles(NEW_ROLES))
    op.create_table('catalog_versions',
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('lang', name=op.f('pk_catalog_versions'))
    )
    op.create_table('interface_translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('string_key', sa.String(length=16), nullable=False),
    sa.Column('msgid', sa.Text(), nullable=False),
    sa.Column('context', sa.String(length=200), nullable=False),
    sa.Column('forms', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('suggested', 'approved', 'rejected', 'replaced', name='translationstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.Column('reviewed_at', branding.core.content.columns.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_interface_translations_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_interface_translations_reviewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interface_translations'))
    )
    with op.batch_alter_table('interface_translations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interface_translations_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_interface_translations_lookup', ['lang', 'string_key', 'status'], unique=False)
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('term', sa.String(length=120), nullable=False),
    sa.Column('rendering', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', branding.core.content.columns.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_glossary_terms_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms')),
    sa.UniqueConstraint('lang', 'term', name='uq_glossary_terms_lang_term')
    )


def downgrade():
    op.drop_table('glossary_terms')
    with op.batch_alter_table('interface_translations', schema=None) as batch_op:
        batch_op.drop_index('ix_interface_translations_lookup')
        batch_op.drop_index(batch_op.f('ix_interface_translations_created_at'))
    op.drop_table('interface_translations')
    op.drop_table('catalog_versions')
    # no higher role than before: a translator becomes an inactive account of the lowest role
    op.execute("UPDATE users SET role = 'owner', active = false, session_version = session_version + 1 WHERE role = 'translator'")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_users_role'), type_='check')
        batch_op.create_check_constraint('role', _roles(OLD_ROLES))
